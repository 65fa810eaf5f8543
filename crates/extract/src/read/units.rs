//! What a number counts: the unit written right after it (所, 个, 人/班, 元/月, 学时, 个百分点…), a
//! per-time prefix written before it (每天一小时 is 小时/天), and whether the unit is a rate or norm
//! (a "per" unit), which makes a target read as a standard.

use std::ops::Range;

use crate::read::numbers::Number;
use crate::text::folded::{is_han, Folded};

/// The unit of one number.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The unit as the dataset writes it: `%` for percentages and percentage points, otherwise the
    /// Simplified unit as written, with a per-time suffix (小时/天) when the sentence says 每天.
    pub text: String,
    /// The characters of the unit after the number (empty for a bare number).
    pub chars: Range<usize>,
    /// Written as 个百分点 (a change in percentage points).
    pub points: bool,
    /// A rate or norm: a unit with `/`, a per-time prefix, or a ratio.
    pub per: bool,
}

/// Units written after a number, longest first where one is the start of another.
const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "平方米",
    "个月",
    "个点",
    "小时",
    "学时",
    "课时",
    "分钟",
    "学年",
    "人次",
    "万元",
    "亿元",
    "所",
    "个",
    "人",
    "名",
    "项",
    "次",
    "届",
    "座",
    "间",
    "处",
    "家",
    "门",
    "节",
    "册",
    "套",
    "台",
    "张",
    "亩",
    "元",
    "倍",
    "支",
    "种",
    "条",
    "班",
    "岁",
    "位",
    "篇",
    "部",
    "期",
    "场",
    "轮",
    "天",
    "周",
    "月",
    "年",
    "户",
    "床",
    "本",
    "件",
    "块",
    "辆",
    "架",
    "组",
    "队",
];

/// Per-time prefixes (每天 …) and the suffix they give a count or duration.
const PER_TIME: &[(&str, &str)] = &[
    ("每天", "天"),
    ("每日", "天"),
    ("每周", "周"),
    ("每月", "月"),
    ("每年", "年"),
    ("每学年", "学年"),
    ("每学期", "学期"),
];

/// The unit of `number`, which ends at `number.chars.end`; `clause_start` bounds the search for a
/// per-time prefix.
pub fn unit_of(folded: &Folded, number: &Number, clause_start: usize) -> Unit {
    let mut i = number.chars.end;
    while folded.at(i) == ' ' {
        i += 1;
    }
    if number.percent {
        return Unit {
            text: "%".into(),
            chars: number.chars.end..number.chars.end,
            points: false,
            per: false,
        };
    }
    let Some(written) = folded.any_at(i, UNITS) else {
        return Unit {
            text: String::new(),
            chars: number.chars.end..number.chars.end,
            points: false,
            per: number.ratio,
        };
    };
    let mut end = i + written.chars().count();
    if written.contains("百分点") || written == "个点" {
        return Unit {
            text: "%".into(),
            chars: i..end,
            points: true,
            per: false,
        };
    }
    let mut text = written.to_string();
    let mut per = number.ratio;
    // A written rate: 人/班, 元/月, 名/校.
    if folded.at(end) == '/' && is_han(folded.at(end + 1)) {
        let per_what = folded
            .any_at(end + 1, &["学年", "学期", "千人", "万人", "学生"])
            .map_or(1, |w| w.chars().count());
        text.push('/');
        text.push_str(&folded.string(end + 1..end + 1 + per_what));
        end += 1 + per_what;
        per = true;
    } else if let Some(suffix) = per_time_prefix(folded, clause_start, number.chars.start) {
        if !matches!(written, "天" | "周" | "月" | "年" | "学年") || suffix != written {
            text.push('/');
            text.push_str(suffix);
            per = true;
        }
    }
    Unit {
        text,
        chars: i..end,
        points: false,
        per,
    }
}

/// The per-time suffix of the nearest 每天/每周/… before `before` in the clause, unless 每 is
/// followed by a number (每五年: a period, not a rate).
fn per_time_prefix(folded: &Folded, clause_start: usize, before: usize) -> Option<&'static str> {
    let from = clause_start.max(before.saturating_sub(24));
    (from..before).rev().find_map(|i| {
        PER_TIME
            .iter()
            .filter(|(prefix, _)| folded.has(i, prefix))
            .max_by_key(|(prefix, _)| prefix.chars().count())
            .map(|(_, suffix)| *suffix)
    })
}

/// True when a unit measures time or money per something, or a norm's quantity (学时, 小时, 元).
pub fn is_norm_unit(unit: &str) -> bool {
    unit.contains('/')
        || matches!(
            unit,
            "学时" | "课时" | "小时" | "分钟" | "元" | "天" | "个月" | "次" | "届"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::numbers::scan;

    fn units(text: &str) -> Vec<(String, bool, bool)> {
        let folded = Folded::new(text, 0);
        scan(&folded, 0..folded.len(), &|_| false)
            .iter()
            .map(|n| {
                let u = unit_of(&folded, n, 0);
                (u.text, u.points, u.per)
            })
            .collect()
    }

    fn unit(text: &str) -> String {
        units(text).remove(0).0
    }

    #[test]
    fn units_after_numbers() {
        assert_eq!(unit("新建12所"), "所");
        assert_eq!(unit("9万个学位"), "个");
        assert_eq!(unit("不超过45人"), "人");
        assert_eq!(unit("控制在45人/班"), "人/班");
        assert_eq!(unit("300元/月津贴"), "元/月");
        assert_eq!(unit("不少于120学时"), "学时");
        assert_eq!(unit("三个月内"), "个月");
        assert_eq!(unit("达到80%以上"), "%");
        assert_eq!(unit("指数控制在0.27以下"), "");
    }

    #[test]
    fn percentage_points_read_as_percent_with_a_flag() {
        assert_eq!(units("每年提高1个百分点"), vec![("%".to_string(), true, false)]);
    }

    #[test]
    fn per_time_prefixes_make_rates() {
        assert_eq!(unit("每天一小时校园体育活动"), "小时/天");
        assert_eq!(unit("保证中小学生每天校内体育活动时间≥1小时"), "小时/天");
        assert_eq!(unit("每年举办一届运动会"), "届/年");
        assert_eq!(units("每五年应接受不少于450学时的培训").pop().unwrap().0, "学时");
        assert_eq!(unit("每年提升2%"), "%");
    }
}
