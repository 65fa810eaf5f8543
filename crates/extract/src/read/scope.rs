//! Whom or what a value covers. Two readings:
//!
//! - a threshold: a number that says which schools a rule applies to (1200人以上小学…配备1名,
//!   不足500人的学校, 超过1000人规模的学校, 党员人数不足3名的…) belongs to the scope, not the value;
//! - an enumeration: 幼儿园、小学专任教师本科学历比例分别达到60%、90% names two scopes for two values,
//!   the items before the shared words (幼儿园; 小学), which share the rest (专任教师本科学历比例).

use std::ops::Range;

use crate::read::numbers::Number;
use crate::text::folded::Folded;

/// Nouns a threshold qualifies: the kinds of schools and places a rule applies to.
const SCOPE_NOUNS: &[&str] = &[
    "小学",
    "中学",
    "初中",
    "高中",
    "学校",
    "幼儿园",
    "园所",
    "校区",
    "行政村",
    "社区",
    "乡镇",
    "街道",
    "企业",
    "教学点",
    "单位",
    "机构",
    "班级",
    "校",
    "园",
    "村",
    "镇",
];

/// Words that may join a threshold to its noun: 1200人以上的小学, 超过1000人规模的学校.
const JOINERS: &[&str] = &["及以上", "以上", "以下", "以内", "规模", "的", "在校生", "学生"];

/// Words before a threshold that belong to it: 不足500人, 常住人口规模4000人.
const THRESHOLD_LEADS: &[&str] = &[
    "不足", "超过", "少于", "多于", "低于", "高于", "大于", "小于", "规模", "以上", "达到",
];

/// Stage and type words that head an enumerated item: the part of the last item that is its own.
const ITEM_HEADS: &[&str] = &[
    "中等职业学校",
    "特殊教育学校",
    "普通高中",
    "义务教育",
    "学前教育",
    "中职学校",
    "幼儿园",
    "小学",
    "初中",
    "高中",
    "中职",
    "高职",
    "高校",
    "中学",
    "公办",
    "民办",
    "城镇",
    "农村",
    "乡村",
    "城区",
    "乡镇",
    "国家级",
    "省级",
    "市级",
    "县级",
    "区级",
];

/// The characters of the scope a threshold number gives (1200人以上小学), when `number` (whose unit
/// ends at `unit_end`) is one. `clause` is the clause it sits in.
pub fn threshold(
    folded: &Folded,
    number: &Number,
    unit: &str,
    unit_end: usize,
    clause: Range<usize>,
) -> Option<Range<usize>> {
    if number.percent {
        return None;
    }
    let start = lead_start(folded, number.chars.start, clause.start);
    // A conditional clause: 民办学校党员人数不足3名的, …
    let mut end = clause.end;
    while end > clause.start && folded.at(end - 1) == ' ' {
        end -= 1;
    }
    if folded.before(end) == '的' && folded.breaks(end) && end > unit_end {
        return Some(clause.start..end);
    }
    // An age says whom a service is for (3岁以下幼儿, 0—3岁婴幼儿).
    if unit == "岁" {
        let end = folded
            .any_at(unit_end, JOINERS)
            .map_or(unit_end, |w| unit_end + w.chars().count());
        return Some(start..end);
    }
    if !matches!(unit, "人" | "名" | "个班" | "班" | "名学生" | "人次") {
        return None;
    }
    let mut k = unit_end;
    for _ in 0..4 {
        match folded.any_at(k, JOINERS) {
            Some(word) => k += word.chars().count(),
            None => break,
        }
    }
    // A joiner (以上, 的, 规模) or a lead (不足, 超过) must tie the number to its noun: 配备1名校医
    // is a value, 1200人以上小学 a scope.
    let joined = k > unit_end || start < number.chars.start;
    let noun = folded.any_at(k, SCOPE_NOUNS).filter(|_| joined)?;
    Some(start..k + noun.chars().count())
}

/// Where the words that lead into a threshold (不足, 常住人口规模) begin, at most six characters
/// before the number and not before the clause.
fn lead_start(folded: &Folded, number_start: usize, clause_start: usize) -> usize {
    let from = clause_start.max(number_start.saturating_sub(6));
    (from..number_start)
        .find(|&i| {
            folded
                .any_at(i, THRESHOLD_LEADS)
                .is_some_and(|w| i + w.chars().count() == number_start)
        })
        .unwrap_or(number_start)
}

/// Enumerated items before shared words: for `subject` (the characters between the clause's start
/// and its comparator word) and `count` values, the item heads and the shared tail.
#[derive(Clone, Debug, PartialEq)]
pub struct Enumeration {
    /// Each item's own words (幼儿园; 小学).
    pub heads: Vec<Range<usize>>,
    /// The words the items share, written after the last item's head (专任教师本科学历比例).
    pub tail: Range<usize>,
}

/// The enumeration in `subject` with exactly `count` items separated by 、, if there is one.
pub fn enumeration(folded: &Folded, subject: Range<usize>, count: usize) -> Option<Enumeration> {
    if count < 2 {
        return None;
    }
    let mut items = list_items(folded, subject);
    if items.len() != count || items.iter().any(|r| r.is_empty()) {
        return None;
    }
    let last = items.pop()?;
    let longest_other = items.iter().map(|r| r.len()).max().unwrap_or(1);
    let head_len = ITEM_HEADS
        .iter()
        .filter(|h| folded.has(last.start, h))
        .map(|h| h.chars().count())
        .max()
        .unwrap_or(longest_other)
        .min(last.len());
    items.push(last.start..last.start + head_len);
    Some(Enumeration {
        heads: items,
        tail: last.start + head_len..last.end,
    })
}

/// Rates enumerated before one value (义务教育阶段入学率、巩固率达100%): the items of `subject`
/// separated by 、 when there are at least two and each ends with 率, 比例 or 占比.
pub fn rate_items(folded: &Folded, subject: Range<usize>) -> Vec<Range<usize>> {
    let items = list_items(folded, subject);
    let is_rate = |r: &Range<usize>| {
        r.end > r.start
            && (folded.before(r.end) == '率'
                || folded.has(r.end.saturating_sub(2), "比例")
                || folded.has(r.end.saturating_sub(2), "占比"))
    };
    if items.len() >= 2 && items.iter().all(is_rate) {
        items
    } else {
        Vec::new()
    }
}

/// The items of `subject` separated by 、, after the words that open the clause.
fn list_items(folded: &Folded, subject: Range<usize>) -> Vec<Range<usize>> {
    let first = skip_lead_words(folded, subject.start, subject.end);
    let mut items = Vec::new();
    let mut start = first;
    for i in first..=subject.end {
        if i == subject.end || folded.at(i) == '、' {
            items.push(start..i);
            start = i + 1;
        }
    }
    items
}

/// Skips verbs that open a clause before its subject (将, 使, 确保, 实现, 全市…) so that the first
/// enumerated item is only the item.
fn skip_lead_words(folded: &Folded, mut i: usize, end: usize) -> usize {
    while i < end {
        match folded.any_at(
            i,
            &[
                "将", "使", "把", "让", "确保", "保证", "实现", "推动", "力争", "争取", "全市", "全区", "全县", "各地",
            ],
        ) {
            Some(word) => i += word.chars().count(),
            None => break,
        }
    }
    i
}

/// Words that name whom a value covers when the sentence writes it before the value (全市…，其中城区
/// …、农村…): areas, regions, ownership and school levels; longest first where one starts another.
const SCOPE_WORDS: &[&str] = &[
    "全省",
    "全市",
    "全县",
    "全区",
    "市区",
    "县(市)",
    "县（市）",
    "城区",
    "城镇",
    "农村",
    "乡村",
    "东部地区",
    "中部地区",
    "西部地区",
    "东部",
    "中部",
    "西部",
    "公办",
    "民办",
    "小学",
    "初中",
    "高中",
];

/// The last scope word written in `range` (the words of a value's clause before it), if any; not
/// a level named as a stage (高中阶段).
pub fn written_scope(folded: &Folded, range: Range<usize>) -> Option<Range<usize>> {
    range.rev().find_map(|i| {
        let word = folded.any_at(i, SCOPE_WORDS)?;
        let end = i + word.chars().count();
        // 高中阶段毛入学率, 初中阶段: the stage is the indicator's name, not a scope.
        (!folded.has(end, "阶段")).then_some(i..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::numbers::scan;
    use crate::read::units::unit_of;

    /// The scope each number of `text` (one clause) gives as a threshold.
    fn thresholds(text: &str) -> Vec<Option<String>> {
        let folded = Folded::new(text, 0);
        scan(&folded, 0..folded.len(), &|_| false)
            .iter()
            .filter(|n| !n.chinese)
            .map(|n| {
                let at = n.chars.start;
                let start = (0..at).rev().find(|&k| folded.breaks(k)).map_or(0, |k| k + 1);
                let end = (at..folded.len()).find(|&k| folded.breaks(k)).unwrap_or(folded.len());
                let unit = unit_of(&folded, n, start);
                let unit_end = unit.chars.end.max(n.chars.end);
                threshold(&folded, n, &unit.text, unit_end, start..end).map(|r| folded.string(r))
            })
            .collect()
    }

    #[test]
    fn numbers_saying_whom_a_rule_covers_go_to_the_scope() {
        assert_eq!(
            thresholds("全市1200人以上小学、1000人以上中学必须配备1名以上专职心理教师"),
            vec![Some("1200人以上小学".into()), Some("1000人以上中学".into()), None]
        );
        assert_eq!(
            thresholds("对寄宿制学校和不足500人的学校给予倾斜"),
            vec![Some("不足500人的学校".into())]
        );
        assert_eq!(
            thresholds("超过1000人规模的学校必须配备专职教师"),
            vec![Some("超过1000人规模的学校".into())]
        );
        assert_eq!(
            thresholds("常住人口规模4000人以上的行政村至少举办一所"),
            vec![Some("规模4000人以上的行政村".into())]
        );
        assert_eq!(
            thresholds("民办学校党员人数不足3名的,可采取联合组建")[0],
            Some("民办学校党员人数不足3名的".into())
        );
    }

    #[test]
    fn rates_enumerated_before_one_value() {
        let folded = Folded::new("义务教育阶段入学率、巩固率达100%", 0);
        let rates = rate_items(&folded, 0..13);
        let names: Vec<String> = rates.into_iter().map(|r| folded.string(r)).collect();
        assert_eq!(names, vec!["义务教育阶段入学率", "巩固率"]);
        assert!(rate_items(&folded, 0..9).is_empty(), "one rate is no enumeration");
    }

    #[test]
    fn ages_are_scopes() {
        assert_eq!(
            thresholds("健全多方参与的3岁以下幼儿托育服务体系"),
            vec![Some("3岁以下".into())]
        );
    }

    #[test]
    fn thresholds_of_targets_stay_values() {
        assert_eq!(thresholds("每所学校配备1名校医"), vec![None]);
        assert_eq!(thresholds("全面消除56人以上大班额"), vec![None]);
        assert_eq!(thresholds("小学班额不超过45人"), vec![None]);
    }

    #[test]
    fn enumerated_items_name_one_scope_per_value() {
        let text = "幼儿园、小学专任教师本科学历比例分别达到60%、90%";
        let folded = Folded::new(text, 0);
        let subject = 0..folded.find("分别", 0, folded.len()).unwrap();
        let found = enumeration(&folded, subject, 2).unwrap();
        let heads: Vec<String> = found.heads.iter().map(|r| folded.string(r.clone())).collect();
        assert_eq!(heads, vec!["幼儿园", "小学"]);
        assert_eq!(folded.string(found.tail), "专任教师本科学历比例");

        let text = "將幼兒園、小學、初中、高中教師高級崗位結構比例分別提高到";
        let folded = Folded::new(text, 0);
        let subject = 0..folded.find("分别", 0, folded.len()).unwrap();
        let found = enumeration(&folded, subject, 4).unwrap();
        let heads: Vec<String> = found.heads.iter().map(|r| folded.string(r.clone())).collect();
        assert_eq!(heads, vec!["幼儿园", "小学", "初中", "高中"]);
        assert_eq!(folded.string(found.tail), "教师高级岗位结构比例");
        assert!(enumeration(&folded, 0..3, 3).is_none());
    }
}
