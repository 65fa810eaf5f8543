//! The kind of a value: a proposed target (quantitative, standard, projection; milestones come
//! from `read::milestones`) or something that is not one: a fact (现有中小学112所, “十三五”期间新建…),
//! an actual value (2021年已达到93.5%) or a baseline (基期值). Facts are told by their words (现有,
//! 目前, 已, 共有, 截至, …了), by a year before the issue date, and, for a number with no comparator,
//! by a section that reports (发展基础); forecasts by 预测, 测算, 按此计算; standards by a norm's
//! shape (a rate, a per-unit, 每个…, 标准) without a deadline.

use std::ops::Range;

use crate::candidate::CandidateKind;
use crate::read::comparators::Comparison;
use crate::read::deadlines::Deadline;
use crate::read::units::{is_norm_unit, Unit};
use crate::signal::Signal;
use crate::text::folded::Folded;
use policy_data::model::{Comparator, Kind};

/// Words that report the present or the past, whatever the comparator.
const FACT_WORDS: &[&str] = &[
    "现有",
    "目前",
    "当前",
    "现已",
    "已经",
    "已达",
    "已有",
    "已建成",
    "已完成",
    "已实现",
    "已累计",
    "已新增",
    "已超过",
    "已提高",
    "已下降",
    "已降",
    "已培养",
    "已创建",
    "共有",
    "共计",
    "合计",
    "总计",
    "共招录",
    "共创建",
    "共培养",
    "共建成",
    "共新建",
    "共新增",
    "先后",
    "荣获",
    "名列",
    "年均",
    "同比",
    "比上年",
    "较上年",
    "截至",
    "截止",
    "以来",
    "成功创建",
    "成功立项",
    "取得了",
];

/// Words that report only when no comparator says otherwise (其中…49人, 有幼儿园74所, 获二等奖).
const WEAK_FACT_WORDS: &[&str] = &["其中", "获", "成功", "共"];

/// Words that make a sentence say what must be, not what is (for sections that report).
const MODAL_WORDS: &[&str] = &[
    "确保",
    "保证",
    "力争",
    "争取",
    "要",
    "应",
    "须",
    "必须",
    "将",
    "使",
    "推动",
    "实现",
    "计划",
    "努力",
    "进一步",
    "逐步",
    "加快",
    "提高",
    "提升",
];

/// Words of a difference between two values (差距2个百分点, 低于全省平均水平2.3个百分点): derived
/// from other figures, not a target. 高出, 高于 and 低于 only before percentage points.
const GAP_WORDS: &[&str] = &["差距", "相差"];
const POINT_GAP_WORDS: &[&str] = &["高出", "高于", "低于", "差距", "相差"];

/// Words that make a difference a commitment (差距缩小到5个百分点以内).
const GAP_TARGET_WORDS: &[&str] = &[
    "缩小",
    "控制",
    "确保",
    "力争",
    "争取",
    "降低",
    "减少",
    "不高于",
    "不低于",
];

/// Words of money spent (累计投入3.2亿元, 完成投资1.5亿元): read as past when nothing dates them ahead.
const SPENT_WORDS: &[&str] = &[
    "累计投入",
    "已投入",
    "共投入",
    "完成投资",
    "累计完成投资",
    "完成投入",
    "累计安排",
];

/// Words that commit, even under achievements (提高 alone reports there: 由88%提高到90.5%).
const COMMITMENT_WORDS: &[&str] = &["确保", "保证", "力争", "争取", "必须", "将", "计划", "努力"];

/// Words of forecasts.
const FORECAST_WORDS: &[&str] = &["预测", "测算", "估算", "推算", "按此计算", "预估"];

/// Words of a stated starting point.
const BASELINE_WORDS: &[&str] = &["基期", "基数", "基准值", "现状值", "基线"];

/// Words that make a value without a deadline a norm.
const NORM_WORDS: &[&str] = &[
    "标准",
    "每个",
    "每所",
    "每名",
    "每位",
    "每班",
    "每校",
    "每生",
    "每人",
    "每间",
    "每学年",
    "政策",
    "规定",
    "要求",
    "必须",
    "可预留",
    "按照",
];

/// What `kind` reads.
pub struct Reading<'a> {
    pub folded: &'a Folded,
    /// The characters from which words before the value count (the sentence's start, or the end of
    /// the last commitment's deadline before the value).
    pub from: usize,
    /// The value's characters.
    pub value: Range<usize>,
    pub comparison: Option<&'a Comparison>,
    pub deadline: Option<&'a Deadline>,
    pub unit: &'a Unit,
    pub ratio: bool,
    /// The clause's subject says it is a rate or share (率, 比例, 占比).
    pub rate_subject: bool,
    pub report_section: bool,
    /// The section reports achievements (发展成就, 取得的成绩, “十三五”以来), not only progress.
    pub achievement_section: bool,
}

/// Words that frame what follows as a plan, a rule or a forecast, so that an earlier word of
/// report (目前…, 按照…标准计算) no longer applies.
const FRAME_WORDS: &[&str] = &[
    "按照",
    "预测",
    "测算",
    "估算",
    "按此计算",
    "确保",
    "保证",
    "力争",
    "争取",
    "计划",
    "必须",
    "要求",
    "将",
    "预计",
];

/// The kind of the value `reading` describes, and the signals that decided it.
pub fn kind(reading: &Reading) -> (CandidateKind, Vec<Signal>) {
    let f = reading.folded;
    let before = reading.from..reading.value.start;
    let has_any = |words: &[&str]| before.clone().any(|i| f.any_at(i, words).is_some());
    let last = |words: &[&str]| before.clone().rev().find(|&i| f.any_at(i, words).is_some());
    let mut signals = Vec::new();
    let symbol = reading.comparison.is_some_and(|c| {
        c.words.iter().any(|w| {
            f.slice(w.clone())
                .iter()
                .any(|c| matches!(c, '≥' | '≤' | '>' | '<' | '≧' | '≦'))
        })
    });
    let comparator = reading.comparison.map(|c| c.comparator);
    // A norm without a comparator word (300元/月, 1000:1) reads as stated, not as a report.
    let norm = reading.unit.per || reading.ratio;
    let reported = last(FACT_WORDS).max(last_le(f, before.clone()));
    let framed = last(FRAME_WORDS);
    let forecast = last(FORECAST_WORDS).or_else(|| {
        reading
            .deadline
            .filter(|d| d.forecast && f.contains("预测", d.chars.start, d.chars.end))
            .map(|d| d.chars.start)
    });
    if forecast.is_some() && forecast >= reported {
        return (CandidateKind::Target(Kind::Projection), vec![Signal::Forecast]);
    }
    let past_marker = reported.is_some() && framed < reported;
    let weak_marker = comparator.is_none() && !norm && (has_any(WEAK_FACT_WORDS) || has_you(f, before.clone()));
    let past_year = reading.deadline.is_some_and(|d| d.past) && !symbol;
    // Under achievements, a bare year (2021年，…) dates a report; only 到/力争… make it a deadline.
    let bare_year = reading.achievement_section
        && reading.deadline.is_some_and(|d| f.at(d.chars.start).is_ascii_digit())
        && !has_any(MODAL_WORDS);
    let future = reading.deadline.is_some_and(|d| !d.past) && !bare_year;
    let report = reading.report_section
        && !future
        && ((comparator.is_none() && !norm)
            || (matches!(comparator, Some(Comparator::AtLeast | Comparator::MoreThan)) && !has_any(MODAL_WORDS))
            // Under achievements (发展成就, 取得的成绩), what was built was built (新建幼儿园12所).
            // Under achievements (发展成就, 取得的成绩), what was built was built (新建幼儿园12所),
            // and what was raised was raised (由88%提高到90.5%).
            || (reading.achievement_section && !has_any(COMMITMENT_WORDS)));
    let gap_words = if reading.unit.points {
        POINT_GAP_WORDS
    } else {
        GAP_WORDS
    };
    // 低于全省2.3个百分点, 仍有3个百分点的差距 (the gap word after the value).
    let gap_after = f.contains("差距", reading.value.end, reading.value.end + 8);
    let gap = !future
        && (last(gap_words).is_some_and(|i| f.before(i) != '不') || gap_after)
        && !has_any(GAP_TARGET_WORDS)
        && !symbol;
    let spent = !future
        && reading.unit.text.contains('元')
        && has_any(SPENT_WORDS)
        && !has_any(MODAL_WORDS)
        && !has_any(FRAME_WORDS);
    if gap {
        signals.push(Signal::Difference);
    }
    if spent {
        signals.push(Signal::Spent);
    }
    if past_marker || weak_marker {
        signals.push(Signal::FactWords);
    }
    if past_year {
        signals.push(Signal::PastYear);
    }
    if report {
        signals.push(Signal::ReportSection);
    }
    if !signals.is_empty() {
        let rate = (reading.unit.text == "%" || reading.rate_subject) && !gap;
        return (
            if rate {
                CandidateKind::Actual
            } else {
                CandidateKind::Fact
            },
            signals,
        );
    }
    if has_any(BASELINE_WORDS) {
        return (CandidateKind::Baseline, signals);
    }
    if matches!(
        comparator,
        Some(Comparator::Count | Comparator::IncreaseBy | Comparator::DecreaseBy | Comparator::Eliminate)
    ) || reading.deadline.is_some()
    {
        return (CandidateKind::Target(Kind::Quantitative), signals);
    }
    let norm = norm || is_norm_unit(&reading.unit.text) || has_any(NORM_WORDS);
    let kind = if norm { Kind::Standard } else { Kind::Quantitative };
    (CandidateKind::Target(kind), signals)
}

/// True when words that report the present or the past (现有, 已经, …了) are written in `range`.
pub fn reports(f: &Folded, range: Range<usize>) -> bool {
    last_le(f, range.clone()).is_some() || range.clone().any(|i| f.any_at(i, FACT_WORDS).is_some())
}

/// The last 了 after a verb in `range` (新建了, 制定了), not 为了, 除了, 了解.
fn last_le(f: &Folded, range: Range<usize>) -> Option<usize> {
    range.rev().find(|&i| {
        f.at(i) == '了'
            && !matches!(f.before(i), '为' | '除' | '罢' | '不')
            && f.at(i + 1) != '解'
            && f.at(i + 1) != '然'
    })
}

/// 有 before a noun and the value (有幼儿园74所), not in 有效, 所有, 没有, 具有…, and not after a
/// modal word (确保每校有…).
fn has_you(f: &Folded, range: Range<usize>) -> bool {
    range.clone().any(|i| {
        f.at(i) == '有'
            && !matches!(
                f.before(i),
                '所' | '没' | '具' | '拥' | '享' | '含' | '持' | '占' | '负'
            )
            && !matches!(
                f.at(i + 1),
                '效' | '序' | '关' | '力' | '机' | '利' | '所' | '待' | '助' | '条' | '益' | '的' | '着' | '些'
            )
            && !(range.start..i).any(|k| f.any_at(k, MODAL_WORDS).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::comparators::compare;
    use crate::read::deadlines;
    use crate::read::numbers::scan;
    use crate::read::units::unit_of;

    /// The kind of the last number of `text`.
    fn kind_of(text: &str, issued: Option<(u16, u8)>, report_section: bool) -> CandidateKind {
        let f = Folded::new(text, 0);
        let found = deadlines::find(&f, 0..f.len(), issued, &|_| false);
        let covered = |i: usize| found.iter().any(|d| d.chars.contains(&i));
        let number = scan(&f, 0..f.len(), &covered).pop().unwrap();
        let unit = unit_of(&f, &number, 0);
        let comparison = compare(&f, 0, number.chars.clone(), unit.chars.end.max(number.chars.end));
        let deadline = found.iter().rev().find(|d| d.chars.end <= number.chars.start);
        kind(&Reading {
            folded: &f,
            from: 0,
            value: number.chars.clone(),
            comparison: comparison.as_ref(),
            deadline,
            unit: &unit,
            ratio: number.ratio,
            rate_subject: false,
            report_section,
            achievement_section: false,
        })
        .0
    }

    #[test]
    fn facts_and_actual_values_are_not_targets() {
        assert_eq!(kind_of("现有中小学112所", None, false), CandidateKind::Fact);
        assert_eq!(
            kind_of("2021年已达到93.5%", Some((2022, 3)), false),
            CandidateKind::Actual
        );
        assert_eq!(kind_of("目前,四会市有幼儿园74所", None, false), CandidateKind::Fact);
        assert_eq!(
            kind_of("“十三五”期间新建学校5所", Some((2022, 6)), false),
            CandidateKind::Fact
        );
        assert_eq!(kind_of("四会共招录教师332人", None, false), CandidateKind::Fact);
        assert_eq!(
            kind_of("新增义务教育学位7212个", None, true),
            CandidateKind::Target(Kind::Quantitative)
        );
        assert_eq!(kind_of("有幼儿园74所", None, true), CandidateKind::Fact);
    }

    #[test]
    fn targets_by_shape() {
        assert_eq!(
            kind_of("到2025年,毛入园率达到100%", Some((2022, 6)), false),
            CandidateKind::Target(Kind::Quantitative)
        );
        assert_eq!(
            kind_of("严格落实班主任300元/月津贴标准", None, false),
            CandidateKind::Target(Kind::Standard)
        );
        assert_eq!(
            kind_of("新教师培训课时不少于120学时", None, false),
            CandidateKind::Target(Kind::Standard)
        );
        assert_eq!(
            kind_of("入学率达到96%以上", None, false),
            CandidateKind::Target(Kind::Quantitative)
        );
        assert_eq!(
            kind_of("建设4个高水平特色专业", None, false),
            CandidateKind::Target(Kind::Quantitative)
        );
        assert_eq!(
            kind_of("预测到2025年在园幼儿将达到2.65万人", Some((2022, 6)), false),
            CandidateKind::Target(Kind::Projection)
        );
        assert_eq!(
            kind_of("按此计算,学生增加约16000人", None, false),
            CandidateKind::Target(Kind::Projection)
        );
        assert_eq!(kind_of("基期值为85%", None, false), CandidateKind::Baseline);
        assert_eq!(
            kind_of("目前我市在建住宅小区预测人口数为134486人", None, false),
            CandidateKind::Target(Kind::Projection)
        );
        assert_eq!(
            kind_of("目前我市人口较多,按照学校千人学位不低于80座的标准计算", None, false),
            CandidateKind::Target(Kind::Standard)
        );
        assert_eq!(
            kind_of("市每年举办一届中学生运动会", None, true),
            CandidateKind::Target(Kind::Standard)
        );
        assert_eq!(
            kind_of("在职提升获得本科学历的奖励1800元/人", None, false),
            CandidateKind::Target(Kind::Standard)
        );
    }

    #[test]
    fn a_stated_minimum_in_a_past_year_stays_a_target() {
        assert_eq!(
            kind_of("2020年中小学校国家学生体质健康标准优良率≥42%", Some((2022, 6)), false),
            CandidateKind::Target(Kind::Quantitative)
        );
    }
}
