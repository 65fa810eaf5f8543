//! How a value is to be read, from the words around it: 达到…以上, 不低于, 不少于 (≥); 超过 (>);
//! 不超过, 控制在…以内, 下降到…以下 (≤); 低于, 少于 (<); 稳定在, 保持在, 为 (=, with 以上 ≥);
//! …左右, 约 (approximately); 增加, 新增, 提高…个百分点 (increase by); 降低, 减少 (decrease by);
//! 新建, 建设, 培育, 创建 (a number of things to build: count); 消除, 严禁 …以上大班额 (eliminate, the
//! number being the threshold); and the symbols ≥ > ≤ <.
//!
//! The comparator words are looked for in the value's clause before it (the nearest wins, so
//! 分别达到60%、90% gives both values 达到), then right after its unit (以上, 以下, 左右).

use std::ops::Range;

use crate::text::folded::Folded;
use policy_data::model::Comparator;

/// What the words around a value say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub comparator: Comparator,
    /// Written with 约, 左右, 大约, 上下: an approximate value.
    pub approximate: bool,
    /// The characters of the words (before the value or after its unit) that gave the comparator.
    pub words: Vec<Range<usize>>,
    /// The comparator came from a word for a change or a count (增加, 新建), not from a level (达到).
    pub verb: bool,
}

/// A word and how it reads.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Reads {
    Comparator(Comparator),
    /// Contains a comparator's characters but is not one (达标, 发达).
    Neutral,
}

use Comparator::{AtLeast, AtMost, Count, DecreaseBy, Eliminate, Equal, IncreaseBy, LessThan, MoreThan};

/// Words before a value, anywhere in its clause before it.
const BEFORE: &[(&str, Reads)] = &[
    ("不低于", Reads::Comparator(AtLeast)),
    ("不少于", Reads::Comparator(AtLeast)),
    ("不小于", Reads::Comparator(AtLeast)),
    ("至少", Reads::Comparator(AtLeast)),
    ("最少", Reads::Comparator(AtLeast)),
    ("最低", Reads::Comparator(AtLeast)),
    ("达到", Reads::Comparator(AtLeast)),
    ("提高到", Reads::Comparator(AtLeast)),
    ("提高至", Reads::Comparator(AtLeast)),
    ("提升到", Reads::Comparator(AtLeast)),
    ("提升至", Reads::Comparator(AtLeast)),
    ("增加到", Reads::Comparator(AtLeast)),
    ("增加至", Reads::Comparator(AtLeast)),
    ("增长到", Reads::Comparator(AtLeast)),
    ("增长至", Reads::Comparator(AtLeast)),
    ("增至", Reads::Comparator(AtLeast)),
    ("扩大到", Reads::Comparator(AtLeast)),
    ("扩大至", Reads::Comparator(AtLeast)),
    ("上升到", Reads::Comparator(AtLeast)),
    ("上升至", Reads::Comparator(AtLeast)),
    ("配备", Reads::Comparator(AtLeast)),
    ("配置", Reads::Comparator(AtLeast)),
    ("投入", Reads::Comparator(Equal)),
    ("安排", Reads::Comparator(Equal)),
    ("筹措", Reads::Comparator(Equal)),
    ("投资", Reads::Comparator(Equal)),
    ("稳定在", Reads::Comparator(Equal)),
    ("保持在", Reads::Comparator(Equal)),
    ("维持在", Reads::Comparator(Equal)),
    ("超过", Reads::Comparator(MoreThan)),
    ("高于", Reads::Comparator(MoreThan)),
    ("大于", Reads::Comparator(MoreThan)),
    ("多于", Reads::Comparator(MoreThan)),
    ("不超过", Reads::Comparator(AtMost)),
    ("不高于", Reads::Comparator(AtMost)),
    ("不大于", Reads::Comparator(AtMost)),
    ("不多于", Reads::Comparator(AtMost)),
    ("最多", Reads::Comparator(AtMost)),
    ("控制在", Reads::Comparator(AtMost)),
    ("控制到", Reads::Comparator(AtMost)),
    ("下降到", Reads::Comparator(AtMost)),
    ("下降至", Reads::Comparator(AtMost)),
    ("降低到", Reads::Comparator(AtMost)),
    ("降低至", Reads::Comparator(AtMost)),
    ("降到", Reads::Comparator(AtMost)),
    ("降至", Reads::Comparator(AtMost)),
    ("减少到", Reads::Comparator(AtMost)),
    ("减少至", Reads::Comparator(AtMost)),
    ("压缩到", Reads::Comparator(AtMost)),
    ("压缩至", Reads::Comparator(AtMost)),
    ("低于", Reads::Comparator(LessThan)),
    ("少于", Reads::Comparator(LessThan)),
    ("小于", Reads::Comparator(LessThan)),
    ("累计新增", Reads::Comparator(IncreaseBy)),
    ("新增", Reads::Comparator(IncreaseBy)),
    ("增加", Reads::Comparator(IncreaseBy)),
    ("增长", Reads::Comparator(IncreaseBy)),
    ("提高", Reads::Comparator(IncreaseBy)),
    ("提升", Reads::Comparator(IncreaseBy)),
    ("扩大", Reads::Comparator(IncreaseBy)),
    ("增设", Reads::Comparator(IncreaseBy)),
    ("扩增", Reads::Comparator(IncreaseBy)),
    ("降低", Reads::Comparator(DecreaseBy)),
    ("下降", Reads::Comparator(DecreaseBy)),
    ("减少", Reads::Comparator(DecreaseBy)),
    ("压减", Reads::Comparator(DecreaseBy)),
    ("缩减", Reads::Comparator(DecreaseBy)),
    ("新建", Reads::Comparator(Count)),
    ("改扩建", Reads::Comparator(Count)),
    ("扩建", Reads::Comparator(Count)),
    ("改建", Reads::Comparator(Count)),
    ("建设", Reads::Comparator(Count)),
    ("建成", Reads::Comparator(Count)),
    ("创建", Reads::Comparator(Count)),
    ("争创", Reads::Comparator(Count)),
    ("创办", Reads::Comparator(Count)),
    ("培育", Reads::Comparator(Count)),
    ("培养", Reads::Comparator(Count)),
    ("打造", Reads::Comparator(Count)),
    ("组建", Reads::Comparator(Count)),
    ("设立", Reads::Comparator(Count)),
    ("引进", Reads::Comparator(Count)),
    ("评选", Reads::Comparator(Count)),
    ("遴选", Reads::Comparator(Count)),
    ("认定", Reads::Comparator(Count)),
    ("招聘", Reads::Comparator(Count)),
    ("招录", Reads::Comparator(Count)),
    ("培训", Reads::Comparator(Count)),
    ("开设", Reads::Comparator(Count)),
    ("开发", Reads::Comparator(Count)),
    ("改造", Reads::Comparator(Count)),
    ("消除", Reads::Comparator(Eliminate)),
    ("消灭", Reads::Comparator(Eliminate)),
    ("杜绝", Reads::Comparator(Eliminate)),
    ("严禁", Reads::Comparator(Eliminate)),
    ("化解", Reads::Comparator(Eliminate)),
    ("达标", Reads::Neutral),
    ("发达", Reads::Neutral),
    ("到达", Reads::Neutral),
    ("下达", Reads::Neutral),
    ("表达", Reads::Neutral),
    ("传达", Reads::Neutral),
    ("不足以", Reads::Neutral),
    ("提高质量", Reads::Neutral),
    ("提高水平", Reads::Neutral),
];

/// Words that read as a comparator only right before the value (达50%, 为134486人, ≥98).
const ADJACENT: &[(&str, Reads)] = &[
    ("≥", Reads::Comparator(AtLeast)),
    ("≧", Reads::Comparator(AtLeast)),
    (">=", Reads::Comparator(AtLeast)),
    ("≤", Reads::Comparator(AtMost)),
    ("≦", Reads::Comparator(AtMost)),
    ("<=", Reads::Comparator(AtMost)),
    (">", Reads::Comparator(MoreThan)),
    ("<", Reads::Comparator(LessThan)),
    ("达", Reads::Comparator(AtLeast)),
    ("超", Reads::Comparator(MoreThan)),
    ("逾", Reads::Comparator(MoreThan)),
    ("不足", Reads::Comparator(LessThan)),
    ("为", Reads::Comparator(Equal)),
];

/// Characters before 为 that make it a verb of naming or dividing (分为, 作为, 成为), not "is".
const NOT_EQUAL_BEFORE_WEI: &[char] = &[
    '分', '作', '成', '认', '称', '列', '视', '定', '改', '更', '化', '转', '因', '以', '即', '划', '评', '选',
];

/// Level words that, right before a verb, say how to read its number (至少建设2个: at least).
const LEVEL_BEFORE_VERB: &[(&str, Comparator)] = &[
    ("至少", AtLeast),
    ("最少", AtLeast),
    ("不少于", AtLeast),
    ("不低于", AtLeast),
    ("最多", AtMost),
    ("不超过", AtMost),
];

/// Words right before a value that make it approximate (约22000个, 大约, 近).
const APPROXIMATE_BEFORE: &[&str] = &["大约", "约", "近", "大概"];

/// How far before a value its comparator word may be, in characters.
const REACH: usize = 40;

/// The comparison of the value written at `value` (its characters) whose unit ends at `unit_end`,
/// inside the clause that starts at `clause_start`; `None` when no word says how to read it.
pub fn compare(folded: &Folded, clause_start: usize, value: Range<usize>, unit_end: usize) -> Option<Comparison> {
    let mut approximate_words = Vec::new();
    let mut before = None;
    let mut start = value.start;
    // Immediately before the value: approximations (约), then symbols and one-character verbs.
    while start > clause_start {
        let Some(word) = ends_at(folded, start, APPROXIMATE_BEFORE) else {
            break;
        };
        approximate_words.push(start - word..start);
        start -= word;
    }
    let mut approximate = !approximate_words.is_empty();
    if let Some((len, Reads::Comparator(comparator))) = ends_at_table(folded, start, ADJACENT) {
        let naming = folded.has(start - len, "为") && NOT_EQUAL_BEFORE_WEI.contains(&folded.before(start - len));
        if !naming {
            before = Some((comparator, start - len..start));
        }
    }
    if before.is_none() {
        before = nearest_before(folded, clause_start.max(start.saturating_sub(REACH)), start);
    }
    let mut after = unit_end;
    while folded.at(after) == ' ' {
        after += 1;
    }
    let after_word = folded.any_at(
        after,
        &[
            "及以上",
            "以上",
            "以下",
            "以内",
            "之内",
            "左右",
            "上下",
            "多",
            "余",
            "内",
        ],
    );
    let mut comparator = before.as_ref().map(|(c, _)| *c);
    let mut words: Vec<Range<usize>> = before.iter().map(|(_, range)| range.clone()).collect();
    words.extend(approximate_words.into_iter().rev());
    if let Some(word) = after_word {
        let range = after..after + word.chars().count();
        match word {
            "左右" | "上下" => approximate = true,
            "多" | "余" => {
                if comparator.is_none() || comparator == Some(Equal) {
                    comparator = Some(MoreThan);
                }
                approximate = true;
            }
            "及以上" | "以上" => {
                if !matches!(comparator, Some(Eliminate | IncreaseBy | DecreaseBy | MoreThan)) {
                    comparator = Some(AtLeast);
                }
            }
            _ => {
                if !matches!(comparator, Some(Eliminate | DecreaseBy | LessThan)) {
                    comparator = Some(AtMost);
                }
            }
        }
        words.push(range);
    }
    if comparator.is_none() && approximate {
        comparator = Some(Equal);
    }
    let comparator = comparator?;
    Some(Comparison {
        comparator,
        approximate,
        words,
        verb: matches!(before, Some((IncreaseBy | DecreaseBy | Count | Eliminate, _))),
    })
}

/// The last comparator word that starts in `from..to` and ends by `to`, read left to right so
/// that a longer word (不低于) is not taken for the shorter one inside it (低于).
fn nearest_before(folded: &Folded, from: usize, to: usize) -> Option<(Comparator, Range<usize>)> {
    let mut found = None;
    let mut p = from;
    while p < to {
        let word = BEFORE
            .iter()
            .filter(|(w, _)| w.starts_with(folded.at(p)) && folded.has(p, w) && p + w.chars().count() <= to)
            .max_by_key(|(w, _)| w.chars().count());
        match word {
            Some((w, reads)) => {
                let len = w.chars().count();
                if let Reads::Comparator(c) = reads {
                    let verb = matches!(c, Count | IncreaseBy | DecreaseBy);
                    // A verb used as a noun (课程建设、, 建设的) governs no number.
                    let noun = verb && matches!(folded.at(p + len), '、' | '的' | '等' | '与' | '和' | '及');
                    // A verb in a clause that modifies the value's noun (提升获得本科学历的奖励1800元).
                    let modifying = verb && (p + len..to).any(|k| folded.at(k) == '的');
                    if !noun && !modifying {
                        // 至少建设2个: the level word says how to read the verb's number.
                        let level = LEVEL_BEFORE_VERB
                            .iter()
                            .find(|(l, _)| verb && p >= l.chars().count() && folded.has(p - l.chars().count(), l));
                        found = Some(match level {
                            Some((l, level)) => (*level, p - l.chars().count()..p + len),
                            None => (*c, p..p + len),
                        });
                    }
                }
                p += len;
            }
            None => p += 1,
        }
    }
    found
}

/// The length of the longest of `words` that ends exactly at `end`.
fn ends_at(folded: &Folded, end: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .map(|w| w.chars().count())
        .filter(|&len| {
            len <= end
                && words
                    .iter()
                    .any(|w| w.chars().count() == len && folded.has(end - len, w))
        })
        .max()
}

fn ends_at_table(folded: &Folded, end: usize, table: &[(&str, Reads)]) -> Option<(usize, Reads)> {
    table
        .iter()
        .filter(|(w, _)| {
            let len = w.chars().count();
            len <= end && folded.has(end - len, w)
        })
        .max_by_key(|(w, _)| w.chars().count())
        .map(|(w, reads)| (w.chars().count(), *reads))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::numbers::scan;
    use crate::read::units::unit_of;

    /// The comparator and approximation of every number in `text` (one clause).
    fn read(text: &str) -> Vec<(Option<Comparator>, bool)> {
        let folded = Folded::new(text, 0);
        scan(&folded, 0..folded.len(), &|_| false)
            .iter()
            .map(|n| {
                let unit = unit_of(&folded, n, 0);
                let c = compare(&folded, 0, n.chars.clone(), unit.chars.end.max(n.chars.end));
                (c.as_ref().map(|c| c.comparator), c.is_some_and(|c| c.approximate))
            })
            .collect()
    }

    /// The comparator of the last number of `text`.
    fn one(text: &str) -> Option<Comparator> {
        read(text).pop().unwrap().0
    }

    #[test]
    fn at_least() {
        assert_eq!(one("普惠性幼儿园在园儿童占比达到80%以上"), Some(AtLeast));
        assert_eq!(one("比例不低于30%"), Some(AtLeast));
        assert_eq!(one("培训课时不少于120学时"), Some(AtLeast));
        assert_eq!(one("占比提高至85%以上"), Some(AtLeast));
        assert_eq!(one("教育国际化实现度达86%"), Some(AtLeast));
        assert_eq!(one("九年义务教育巩固率≥99.9%"), Some(AtLeast));
        assert_eq!(one("必须配备1名以上专职心理教师"), Some(AtLeast));
        assert_eq!(one("体质健康合格率稳定在95%以上"), Some(AtLeast));
    }

    #[test]
    fn at_most_and_less_than() {
        assert_eq!(one("小学班额不超过45人"), Some(AtMost));
        assert_eq!(one("小学班额严格控制在45人/班"), Some(AtMost));
        assert_eq!(one("总指数控制在0.27以下"), Some(AtMost));
        assert_eq!(one("近视率下降到40%以下"), Some(AtMost));
        assert_eq!(one("控制在5%以内"), Some(AtMost));
        assert_eq!(one("生师比低于15"), Some(LessThan));
    }

    #[test]
    fn more_than_equal_and_approximate() {
        assert_eq!(one("双师型教师占专业课教师的比例超过65%"), Some(MoreThan));
        assert_eq!(one("规范化幼儿园>98%"), Some(MoreThan));
        assert_eq!(read("稳定在95%左右"), vec![(Some(Equal), true)]);
        assert_eq!(read("保持在98%"), vec![(Some(Equal), false)]);
        assert_eq!(read("培育10个左右产教融合型企业"), vec![(Some(Count), true)]);
        assert_eq!(read("新增公办义务教育学位约22000个"), vec![(Some(IncreaseBy), true)]);
        assert_eq!(one("预测人口数为134486人"), Some(Equal));
    }

    #[test]
    fn changes_and_counts() {
        assert_eq!(one("增加学位9万个"), Some(IncreaseBy));
        assert_eq!(one("确保近视率每年降低1个百分点"), Some(DecreaseBy));
        assert_eq!(one("每年提高1个百分点"), Some(IncreaseBy));
        assert_eq!(one("新建擴建公辦高中階段學校10所"), Some(Count));
        assert_eq!(one("建设4个高水平特色专业"), Some(Count));
        assert_eq!(one("每个乡镇建成1所以上规范化公办乡镇中心幼儿园"), Some(AtLeast));
    }

    #[test]
    fn shared_comparators_reach_every_value_of_a_list() {
        let all = read("幼儿园、小学专任教师本科学历比例分别达到60%、90%");
        assert_eq!(all, vec![(Some(AtLeast), false), (Some(AtLeast), false)]);
        let dongguan = read("將幼兒園、小學、初中、高中教師高級崗位結構比例分別提高到8%15%30%40%");
        assert!(dongguan.iter().all(|(c, _)| *c == Some(AtLeast)));
    }

    #[test]
    fn eliminate_keeps_its_threshold() {
        assert_eq!(one("全面消除56人以上大班额"), Some(Eliminate));
        assert_eq!(one("起始年级严禁新产生56人以上大班额"), Some(Eliminate));
    }

    #[test]
    fn level_words_before_a_verb_win() {
        assert_eq!(one("每个园区、镇(街)至少建设2个资源教室"), Some(AtLeast));
        assert_eq!(one("在课程建设、学科竞赛等2个方面"), None);
    }

    #[test]
    fn look_alikes_are_not_comparators() {
        assert_eq!(one("我市卓越教师分为三个高峰"), None);
        assert_eq!(one("一个好校长就是一所好学校"), None);
        assert_eq!(one("幼儿园园长与专任教师学历达标率99%"), None);
        assert_eq!(one("有幼儿园74所"), None);
    }
}
