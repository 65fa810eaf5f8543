//! Commitments without a number: a dated commitment (到2020年,完成…试点工作), words of completion
//! (全覆盖, 只增不减, 应建必建, 全部开设, 实现…标准化), a norm relative to something unnumbered (不低于
//! 当地公务员平均工资水平), and the elimination of large classes or schools without a threshold (基本
//! 消除大校额). Each gives a candidate without a value; the page lets the reader drop those that are
//! only intentions.

use std::ops::Range;

use crate::read::deadlines::Deadline;
use crate::text::folded::{is_han, Folded};
use policy_data::model::Comparator;

/// A commitment without a number.
#[derive(Clone, Debug, PartialEq)]
pub struct Unnumbered {
    /// The words that carry it (the deadline, or the completion words), for highlighting.
    pub chars: Range<usize>,
    /// The characters its indicator is guessed from.
    pub subject: Range<usize>,
    /// The deadline it falls under (an index into the sentence's deadlines).
    pub deadline: Option<usize>,
    pub comparator: Comparator,
    /// Found by words of completion (not only by a deadline).
    pub completion: bool,
}

/// Verbs that make a dated clause a commitment.
const COMMITMENT_VERBS: &[&str] = &[
    "实现", "完成", "建成", "建立", "形成", "达到", "全面", "推广", "覆盖", "进入", "取得", "提升", "提高", "基本",
    "确保", "消除", "改造", "普及", "健全", "落实", "开展", "启动", "出台", "通过", "创建", "培育", "打造", "建设",
    "推进", "完善", "构建", "实行", "推行", "全部", "增加", "新增", "扩大", "配备",
];

/// Words of completion that make a commitment even without a date.
const COMPLETION_WORDS: &[&str] = &[
    "全覆盖",
    "只增不减",
    "应建必建",
    "全部开设",
    "全部通过",
    "全面完成",
    "全面实现",
    "全面实行",
    "全面推行",
    "全面普及",
    "全面消除",
    "校校有",
    "人人享有",
    "全部达到",
];

/// Objects whose elimination is a target even without a threshold.
const ELIMINATED: &[&str] = &["班额", "校额"];

/// The commitments without a number in `range` of `folded`. `deadlines` are the sentence's;
/// `values` the characters of the numbers proposed as values (and their thresholds).
pub fn find(folded: &Folded, range: Range<usize>, deadlines: &[Deadline], values: &[Range<usize>]) -> Vec<Unnumbered> {
    let mut found = Vec::new();
    eliminations(folded, &range, deadlines, values, &mut found);
    let occupied: Vec<Range<usize>> = values
        .iter()
        .cloned()
        .chain(found.iter().map(|u| u.chars.clone()))
        .collect();
    let holds_value = |r: &Range<usize>| occupied.iter().any(|v| v.start >= r.start && v.start < r.end);
    let mut dated_regions = Vec::new();
    for (index, deadline) in deadlines.iter().enumerate() {
        if deadline.past || deadline.trajectory.is_some() {
            continue;
        }
        let end = deadlines
            .get(index + 1)
            .map_or(range.end, |next| next.chars.start)
            .min(clause_run_end(folded, deadline.chars.end, range.end));
        let region = deadline.chars.end..end;
        dated_regions.push(deadline.chars.start..end);
        let milestone = |subject: Range<usize>, completion: bool| Unnumbered {
            chars: deadline.chars.clone(),
            subject,
            deadline: Some(index),
            comparator: Comparator::None,
            completion,
        };
        // Each clause that completes something (进入…行列, 完成…, 实现…全覆盖) is a milestone; a
        // region with neither values nor such clauses is one, if it commits to anything.
        let mut completing = 0;
        for clause in clauses(folded, region.clone()).filter(|c| !holds_value(c)) {
            let phrases = completion_phrases(folded, clause.clone()).len();
            let completes = (folded.contains("进入", clause.start, clause.end)
                && folded.contains("行列", clause.start, clause.end))
                || folded
                    .any_at(clause.start, &["完成", "建成", "全面完成", "全面建成", "基本建成"])
                    .is_some();
            for _ in 0..phrases.max(usize::from(completes)) {
                found.push(milestone(clause.clone(), true));
                completing += 1;
            }
        }
        if completing > 0 || holds_value(&(deadline.chars.start..end)) {
            continue;
        }
        let han = folded.slice(region.clone()).iter().filter(|c| is_han(**c)).count();
        if han >= 4 && region.clone().any(|i| folded.any_at(i, COMMITMENT_VERBS).is_some()) {
            found.push(milestone(region.clone(), false));
        }
    }
    // Undated: words of completion, and norms relative to an unnumbered level, in clauses without values.
    let undated = |i: usize| !dated_regions.iter().any(|r| r.contains(&i));
    for phrase in completion_phrases(folded, range.clone()) {
        let clause = clause_around(folded, phrase.start, &range);
        if undated(phrase.start) && !holds_value(&clause) {
            found.push(Unnumbered {
                subject: clause,
                chars: phrase,
                deadline: None,
                comparator: Comparator::None,
                completion: true,
            });
        }
    }
    for start in range.clone().filter(|&i| undated(i)) {
        if let Some(word) = folded.any_at(start, &["不低于", "不高于", "不低于或高于"]) {
            let clause = clause_around(folded, start, &range);
            if folded.contains("水平", start, clause.end) && !holds_value(&clause) {
                found.push(Unnumbered {
                    chars: start..start + word.chars().count(),
                    subject: clause,
                    deadline: None,
                    comparator: Comparator::None,
                    completion: false,
                });
                break;
            }
        }
    }
    found
}

/// The clauses of `range`.
fn clauses(folded: &Folded, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = range.start;
    (range.start..=range.end).filter_map(move |k| {
        if k == range.end || folded.breaks(k) {
            let clause = start..k;
            start = k + 1;
            (clause.end > clause.start).then_some(clause)
        } else {
            None
        }
    })
}

/// 基本消除大校额, 消除“超班额”: an elimination whose clause writes no number.
fn eliminations(
    folded: &Folded,
    range: &Range<usize>,
    deadlines: &[Deadline],
    values: &[Range<usize>],
    found: &mut Vec<Unnumbered>,
) {
    for start in range.clone() {
        let Some(word) = folded.any_at(start, &["消除", "化解", "杜绝"]) else {
            continue;
        };
        let clause = clause_around(folded, start, range);
        let object = start + word.chars().count()..clause.end.min(start + 16);
        let Some(at) = object.clone().find(|&i| folded.any_at(i, ELIMINATED).is_some()) else {
            continue;
        };
        // 消除大班额专项规划, 消除大班额工作台账: the name of a plan or a register.
        if folded
            .any_at(at + 2, &["专项规划", "规划", "工作台账", "台账", "工作"])
            .is_some()
        {
            continue;
        }
        if values.iter().any(|v| v.start >= start && v.start < at) {
            continue;
        }
        let deadline = deadlines.iter().rposition(|d| d.chars.end <= start && !d.past);
        found.push(Unnumbered {
            chars: start..at + 2,
            subject: clause,
            deadline,
            comparator: Comparator::Eliminate,
            completion: false,
        });
    }
}

/// Every distinct word of completion in `range` (实现…标准化 included), in order.
fn completion_phrases(folded: &Folded, range: Range<usize>) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if let Some(word) = folded.any_at(i, COMPLETION_WORDS) {
            let len = word.chars().count();
            let repeat = found
                .iter()
                .any(|r| folded.string(r.clone()) == word && word != "只增不减");
            // 全覆盖的“清凉计划”: the words name a programme, they promise nothing.
            let modifier = folded.at(i + len) == '的';
            if !repeat && !modifier {
                found.push(i..i + len);
            }
            i += len;
            continue;
        }
        if folded.has(i, "标准化") {
            let clause = clause_around(folded, i, &range);
            if folded.contains("实现", clause.start, i) {
                found.push(i..i + 3);
            }
            i += 3;
            continue;
        }
        i += 1;
    }
    found
}

/// The clause (between commas, semicolons or sentence ends) around character `i`, within `range`.
fn clause_around(folded: &Folded, i: usize, range: &Range<usize>) -> Range<usize> {
    let start = (range.start..i)
        .rev()
        .find(|&k| folded.breaks(k))
        .map_or(range.start, |k| k + 1);
    let end = (i..range.end).find(|&k| folded.breaks(k)).map_or(range.end, |k| k);
    start..end
}

/// Where a deadline's reach ends: the end of the sentence part it opens, up to the next semicolon.
fn clause_run_end(folded: &Folded, from: usize, end: usize) -> usize {
    (from..end)
        .find(|&k| matches!(folded.at(k), ';' | '；' | '。'))
        .unwrap_or(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::deadlines;

    fn unnumbered(text: &str, values: &[&str]) -> Vec<(Comparator, Option<u16>, bool)> {
        let f = Folded::new(text, 0);
        let found = deadlines::find(&f, 0..f.len(), Some((2019, 5)), &|_| false);
        let values: Vec<Range<usize>> = values
            .iter()
            .map(|v| {
                let at = f.find(v, 0, f.len()).unwrap();
                at..at + v.chars().count()
            })
            .collect();
        find(&f, 0..f.len(), &found, &values)
            .into_iter()
            .map(|u| (u.comparator, u.deadline.and_then(|d| found[d].year), u.completion))
            .collect()
    }

    #[test]
    fn dated_commitments_without_numbers() {
        assert_eq!(
            unnumbered("到2020年,完成全省高中阶段学校考试招生制度改革试点工作。", &[]),
            vec![(Comparator::None, Some(2020), true)]
        );
        assert_eq!(
            unnumbered("到2022年,教育现代化取得重大进展。", &[]),
            vec![(Comparator::None, Some(2022), false)]
        );
        assert_eq!(
            unnumbered("用三年时间实现校校有思政课名师。", &[]),
            vec![(Comparator::None, Some(2022), true)]
        );
        let two = unnumbered(
            "到2020年,實現園區、鎮(街)教育系統黨委全覆蓋,民辦學校黨組織和群團組織應建必建。",
            &[],
        );
        assert_eq!(two.len(), 2);
        let two = unnumbered(
            "到2025年,完成对四会中学及华侨中学的升级改造,保障高中办学的基本需求,实现办学条件标准化。",
            &[],
        );
        assert_eq!(two.len(), 2);
    }

    #[test]
    fn a_dated_clause_with_a_value_is_no_milestone() {
        assert!(unnumbered("到2020年,普惠性幼儿园在园儿童占比达到80%以上。", &["80"]).is_empty());
    }

    #[test]
    fn completion_words_without_a_date() {
        assert_eq!(
            unnumbered("推进学校党组织和党的工作实现全覆盖。", &[]),
            vec![(Comparator::None, None, true)]
        );
        let twice = unnumbered(
            "确保各类教育一般公共预算支出逐年只增不减,确保按在校学生人数平均的一般公共预算教育支出逐年只增不减。",
            &[],
        );
        assert_eq!(twice.len(), 2);
        assert_eq!(
            unnumbered("确保教师平均工资水平不低于当地公务员平均工资水平。", &[]).len(),
            1
        );
        assert!(unnumbered("加强党风廉政建设。", &[]).is_empty());
    }

    #[test]
    fn completing_clauses_beside_values() {
        let found = unnumbered(
            "到2022年,盘锦职业技术学院进入“高水平现代化高职院校”行列,建设4个高水平特色专业(群)。",
            &["4"],
        );
        assert_eq!(found, vec![(Comparator::None, Some(2022), true)]);
        assert!(unnumbered("推进办学条件改善,加快实施公办中小学空调全覆盖的“清凉计划”。", &[]).is_empty());
    }

    #[test]
    fn eliminations_without_a_threshold() {
        assert!(unnumbered("建立消除大班额工作台账,实行销号管理。", &[]).is_empty());
        let found = unnumbered(
            "到2022年,实现小学班额不超过45人,初中不超过50人,基本消除大校额。",
            &["45", "50"],
        );
        assert_eq!(found, vec![(Comparator::Eliminate, Some(2022), false)]);
    }
}
