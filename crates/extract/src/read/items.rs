//! A sentence's numbers read as items: each number's clause, unit and comparator (its own, one
//! shared with the value before it, or a default for a norm or a range), with the numbers that are
//! thresholds of a scope (1200人以上小学) or the starting point of the next value (由80%提高到90%)
//! set apart; and, per item, the words it measures, the deadline it falls under, the enumerated
//! item or thresholds it belongs to.

use std::ops::Range;

use crate::read::comparators::{compare, Comparison};
use crate::read::deadlines::Deadline;
use crate::read::numbers::{scan, Number};
use crate::read::scope::{enumeration, threshold};
use crate::read::units::{unit_of, Unit};
use crate::text::folded::Folded;
use policy_data::model::Comparator;

/// Words after a value that make it the starting point of the next (由80%提高到90%).
const TO_WORDS: &[&str] = &[
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "增至",
    "上升到",
    "上升至",
    "下降到",
    "下降至",
    "降低到",
    "降低至",
    "降到",
    "降至",
    "减少到",
    "减少至",
    "扩大到",
    "扩大至",
];

/// One number being read.
pub struct Item {
    pub number: Number,
    pub unit: Unit,
    pub clause: Range<usize>,
    pub comparison: Option<Comparison>,
    pub inherited: bool,
    /// No comparator word: read with this one (a norm is "equal", a range "at least").
    pub defaulted: Option<Comparator>,
}

/// The numbers of a sentence, read.
pub struct Items {
    pub items: Vec<Item>,
    /// The characters of each threshold scope (1200人以上小学).
    pub thresholds: Vec<Range<usize>>,
    /// Starting points: (the index of the item they start, their value).
    pub baselines: Vec<(usize, f64)>,
}

/// Reads every number of `f` that `blocked` (masks and deadlines) does not cover.
pub fn read(f: &Folded, blocked: &dyn Fn(usize) -> bool) -> Items {
    let mut items: Vec<Item> = Vec::new();
    let mut thresholds: Vec<Range<usize>> = Vec::new();
    let mut baselines: Vec<(usize, f64)> = Vec::new();
    for number in scan(f, 0..f.len(), blocked) {
        let clause = clause_of(f, number.chars.start);
        let unit = unit_of(f, &number, clause.start);
        if unit.text.is_empty() && number.chinese {
            continue;
        }
        let unit_end = unit.chars.end.max(number.chars.end);
        if let Some(scope) = threshold(f, &number, &unit.text, unit_end, clause.clone()) {
            thresholds.push(scope);
            continue;
        }
        let from_to = f.any_at(unit_end, TO_WORDS).is_some()
            && (clause.start..number.chars.start).any(|i| matches!(f.at(i), '由' | '从'));
        if from_to {
            baselines.push((items.len(), number.value));
            continue;
        }
        let comparison = compare(f, clause.start, number.chars.clone(), unit_end);
        items.push(Item {
            number,
            unit,
            clause,
            comparison,
            inherited: false,
            defaulted: None,
        });
    }
    share_comparators(&mut items);
    Items {
        items,
        thresholds,
        baselines,
    }
}

impl Items {
    /// Where the words item `index` measures start (the clause's start, or the end of the value
    /// before it in the clause), and those words: before the value and after its unit, up to the
    /// next value or the next item of a list (新建12所幼儿园、5所小学).
    pub fn subject(&self, f: &Folded, index: usize) -> (usize, String) {
        let items = &self.items;
        let item = &items[index];
        let start = if index > 0 && items[index - 1].clause == item.clause {
            items[index - 1].unit.chars.end.max(items[index - 1].number.chars.end)
        } else {
            item.clause.start
        };
        let unit_end = item.unit.chars.end.max(item.number.chars.end);
        let end = items
            .get(index + 1)
            .filter(|next| next.clause == item.clause)
            .map_or(item.clause.end, |next| next.number.chars.start);
        let end = (unit_end..end).find(|&k| f.at(k) == '、').unwrap_or(end);
        (
            start,
            f.string(start..item.number.chars.start) + &f.string(unit_end..end.max(unit_end)),
        )
    }

    /// The thresholds written before item `index` (since the value before it): its scopes.
    pub fn scopes(&self, index: usize) -> Vec<&Range<usize>> {
        let previous_end = index.checked_sub(1).map_or(0, |i| self.items[i].number.chars.end);
        let start = self.items[index].number.chars.start;
        self.thresholds
            .iter()
            .filter(|t| t.start >= previous_end && t.end <= start)
            .collect()
    }

    /// The starting point written for item `index` (由…提高到…), if any.
    pub fn baseline(&self, index: usize) -> Option<f64> {
        self.baselines.iter().find(|(i, _)| *i == index).map(|(_, v)| *v)
    }
}

/// Gives a value without comparator words the comparator of the value before it in the sentence
/// when their units agree (创建…学校17所、…14所,…16所), and a norm (a rate, a ratio) "equal".
fn share_comparators(items: &mut [Item]) {
    for i in 0..items.len() {
        if items[i].comparison.is_some() {
            continue;
        }
        let shared = (i > 0)
            .then(|| &items[i - 1])
            .filter(|prev| prev.unit.text == items[i].unit.text && !prev.unit.text.is_empty())
            .and_then(|prev| prev.comparison.clone())
            .filter(|c| c.comparator != Comparator::Eliminate);
        match shared {
            Some(mut comparison) => {
                comparison.approximate = false;
                comparison.words.clear();
                items[i].comparison = Some(comparison);
                items[i].inherited = true;
            }
            None if items[i].unit.per || items[i].number.ratio => items[i].defaulted = Some(Comparator::Equal),
            // 1—2项运动技能: a range written alone reads "at least" its lower end.
            None if items[i].number.max.is_some() && !items[i].unit.text.is_empty() => {
                items[i].defaulted = Some(Comparator::AtLeast)
            }
            None => {}
        }
    }
}

/// The deadline a value falls under: the nearest before it in the sentence, else the first after
/// it in its clause.
pub fn governing_deadline<'d>(deadlines: &'d [Deadline], item: &Item) -> Option<&'d Deadline> {
    deadlines
        .iter()
        .rev()
        .find(|d| d.chars.end <= item.number.chars.start)
        .or_else(|| {
            deadlines
                .iter()
                .find(|d| d.chars.start >= item.number.chars.end && d.chars.start < item.clause.end)
        })
}

/// The clause (between commas, semicolons, colons and sentence ends) around character `i`.
pub fn clause_of(f: &Folded, i: usize) -> Range<usize> {
    let start = (0..i).rev().find(|&k| f.breaks(k)).map_or(0, |k| k + 1);
    let end = (i..f.len()).find(|&k| f.breaks(k)).unwrap_or(f.len());
    start..end
}

/// Values sharing one comparator word over enumerated items (幼儿园、小学…分别达到60%、90%): for
/// each such value, its index, its item's head and its subject (head and shared words).
pub fn enumerations(f: &Folded, items: &[Item]) -> Vec<(usize, Range<usize>, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let Some(word) = items[i].comparison.as_ref().and_then(|c| c.words.first().cloned()) else {
            i += 1;
            continue;
        };
        let group: Vec<usize> = (i..items.len())
            .take_while(|&k| {
                k == i
                    || (items[k].comparison.as_ref().and_then(|c| c.words.first()) == Some(&word)
                        && items[k].clause == items[i].clause)
            })
            .collect();
        if group.len() >= 2 && word.start >= items[i].clause.start {
            let mut end = word.start;
            if end >= 2 && f.has(end - 2, "分别") {
                end -= 2;
            }
            if let Some(found) = enumeration(f, items[i].clause.start..end, group.len()) {
                let tail = f.string(found.tail.clone());
                for (k, head) in group.iter().zip(found.heads) {
                    let subject = format!("{}{}", f.string(head.clone()), tail);
                    out.push((*k, head, subject));
                }
            }
        }
        i += group.len();
    }
    out
}
