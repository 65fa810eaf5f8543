//! Reads one piece of text (a sentence or a table row) into candidates, tying the rules together:
//! masks and deadlines first (so years, dates and document numbers are never values), then each
//! number's unit, threshold scope, comparator (its own, or shared with the clause before), kind,
//! deadline, enumerated scope and indicator; then the commitments without a number.

use std::ops::Range;

use super::candidate::{Candidate, CandidateKind};
use super::classify::{self, Reading};
use super::comparators::{compare, Comparison};
use super::confidence::{confidence, Signal};
use super::deadlines::{self, Deadline};
use super::folded::Folded;
use super::indicators::{Catalogue, Guess, Words, GUESS_SCORE, STRONG_SCORE};
use super::masks;
use super::milestones::{self, Unnumbered};
use super::numbers::{scan, Number};
use super::scope::{enumeration, rate_items, threshold};
use super::table::{read_row, Header};
use super::units::{unit_of, Unit};
use crate::data::model::{Baseline, Comparator, Kind};

/// What every piece is read with.
pub struct Context<'a> {
    pub text: &'a str,
    pub issued: Option<(u16, u8)>,
    pub catalogue: &'a Catalogue,
    pub section: &'a str,
    /// The section reports the present or the past (发展基础).
    pub report_section: bool,
}

/// A sentence holding more values than this is marked crowded.
const CROWDED: usize = 8;

/// How many years of a trajectory are proposed at most.
const MAX_TRAJECTORY: u16 = 15;

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
struct Item {
    number: Number,
    unit: Unit,
    clause: Range<usize>,
    comparison: Option<Comparison>,
    inherited: bool,
    /// No comparator word: read with this one (a norm is "equal", a range "at least").
    defaulted: Option<Comparator>,
}

/// Reads the sentence `range` of the text into `out`.
pub fn sentence(ctx: &Context, range: Range<usize>, out: &mut Vec<Candidate>) {
    let f = Folded::new(&ctx.text[range.clone()], range.start);
    let n = f.len();
    let mask = masks::mask(&f, 0..n);
    let deadlines = deadlines::find(&f, 0..n, ctx.issued, &|i| mask.covers_text(i));
    let blocked = |i: usize| mask.covers(i) || deadlines.iter().any(|d| d.chars.contains(&i));
    let numbers = scan(&f, 0..n, &blocked);
    let mut items: Vec<Item> = Vec::new();
    let mut thresholds: Vec<Range<usize>> = Vec::new();
    let mut baselines: Vec<(usize, f64)> = Vec::new();
    for number in numbers {
        let clause = clause_of(&f, number.chars.start);
        let unit = unit_of(&f, &number, clause.start);
        if unit.text.is_empty() && number.chinese {
            continue;
        }
        let unit_end = unit.chars.end.max(number.chars.end);
        if let Some(scope) = threshold(&f, &number, &unit.text, unit_end, clause.clone()) {
            thresholds.push(scope);
            continue;
        }
        let from_to = f.any_at(unit_end, TO_WORDS).is_some()
            && (clause.start..number.chars.start).any(|i| matches!(f.at(i), '由' | '从'));
        if from_to {
            baselines.push((items.len(), number.value));
            continue;
        }
        let comparison = compare(&f, clause.start, number.chars.clone(), unit_end);
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
    let crowded = items.len() > CROWDED;
    let context = Words::of(&f.string(0..n));
    let mut proposed: Vec<Range<usize>> = thresholds.clone();
    let mut produced: Vec<Candidate> = Vec::new();
    let enumerated = enumerations(&f, &items);
    for (index, item) in items.iter().enumerate() {
        let deadline = governing_deadline(&deadlines, item);
        let from = deadlines
            .iter()
            .filter(|d| !d.past && d.chars.end <= item.number.chars.start)
            .map(|d| d.chars.end)
            .next_back()
            .unwrap_or(0);
        let subject_start = if index > 0 && items[index - 1].clause == item.clause {
            items[index - 1].unit.chars.end.max(items[index - 1].number.chars.end)
        } else {
            item.clause.start
        };
        // The words around the value in its clause, up to the next value: what it measures.
        let unit_end = item.unit.chars.end.max(item.number.chars.end);
        let subject_end = items
            .get(index + 1)
            .filter(|next| next.clause == item.clause)
            .map_or(item.clause.end, |next| next.number.chars.start);
        // After the value, its noun runs to the next item of a list (新建12所幼儿园、5所小学).
        let subject_end = (unit_end..subject_end)
            .find(|&k| f.at(k) == '、')
            .unwrap_or(subject_end);
        let subject = f.string(subject_start..item.number.chars.start) + &f.string(unit_end..subject_end.max(unit_end));
        let rate_subject = ["率", "比例", "占比", "比重"]
            .iter()
            .any(|w| f.contains(w, subject_start, item.number.chars.start));
        let (kind, kind_signals) = classify::kind(&Reading {
            folded: &f,
            from,
            value: item.number.chars.clone(),
            comparison: item.comparison.as_ref(),
            deadline,
            unit: &item.unit,
            ratio: item.number.ratio,
            rate_subject,
            report_section: ctx.report_section,
        });
        let Some(comparison) = item.comparison.as_ref() else {
            if kind.is_target() && item.defaulted.is_none() {
                continue;
            }
            // A fact, a norm or a range without a comparator word.
            let comparator = item.defaulted.unwrap_or(Comparator::Equal);
            let mut candidate = value_candidate(
                ctx,
                &f,
                &range,
                (&subject, &context),
                item,
                kind,
                comparator,
                deadline,
                None,
            );
            candidate.reasons.extend(kind_signals);
            finish(&mut candidate);
            proposed.push(item.number.chars.clone());
            produced.push(candidate);
            continue;
        };
        let unitless = item.unit.text.is_empty() && !item.number.ratio;
        // A count with its unit lost (培育10在省内…) is kept; other verbs need a unit.
        let lost_unit =
            comparison.comparator == Comparator::Count && item.number.value.fract() == 0.0 && !item.number.chinese;
        if unitless && (item.inherited || (comparison.verb && !lost_unit)) {
            continue;
        }
        // 一 as the indefinite article (建设一支队伍, 成为一所好学校): a level word must say it is a value.
        // A facility (新建一所完全小学) is counted even so.
        let article = item.number.chinese && item.number.value == 1.0 && item.number.max.is_none();
        let facility = matches!(item.unit.text.as_str(), "所" | "座" | "处" | "间" | "家");
        if article && ((comparison.verb && !facility) || comparison.comparator == Comparator::Equal) {
            continue;
        }
        let mut comparator = comparison.comparator;
        if item.unit.points && matches!(comparator, Comparator::AtLeast | Comparator::Equal) {
            comparator = Comparator::IncreaseBy;
        }
        if comparator == Comparator::AtLeast && item.number.percent && item.number.value == 100.0 {
            comparator = Comparator::Equal;
        }
        let mut candidate = value_candidate(
            ctx,
            &f,
            &range,
            (&subject, &context),
            item,
            kind,
            comparator,
            deadline,
            Some(comparison),
        );
        candidate.reasons.extend(kind_signals);
        if let Some((_, value)) = baselines.iter().find(|(i, _)| *i == index) {
            candidate.baseline = Some(Baseline {
                value: *value,
                year: None,
            });
            candidate.reasons.push(Signal::BaselineStated);
        }
        if crowded {
            candidate.reasons.push(Signal::Crowded);
        }
        proposed.push(item.number.chars.clone());
        // Enumerated items: one scope (and subject) per value; or several rates given one value
        // (入学率、巩固率达100%): one candidate per rate.
        let mut variants = vec![candidate.clone()];
        if let Some((head, subject)) = enumerated.iter().find(|e| e.0 == index).map(|e| (&e.1, &e.2)) {
            variants[0].scope = Some(f.string(head.clone()));
            variants[0].reasons.push(Signal::Enumerated);
            guess_indicator(ctx, &mut variants[0], subject, &context);
        } else if let Some(word) = comparison.words.first().filter(|w| w.start >= item.clause.start) {
            let rates = rate_items(&f, subject_start..word.start);
            if rates.len() >= 2 {
                variants = rates
                    .iter()
                    .map(|rate| {
                        let mut one = candidate.clone();
                        one.reasons.push(Signal::Enumerated);
                        guess_indicator(ctx, &mut one, &f.string(rate.clone()), &context);
                        one
                    })
                    .collect();
            }
        }
        // Thresholds before the value (since the previous value) are its scope; several give one
        // candidate each.
        let previous_end = if index > 0 {
            items[index - 1].number.chars.end
        } else {
            0
        };
        let scopes: Vec<&Range<usize>> = thresholds
            .iter()
            .filter(|t| t.start >= previous_end && t.end <= item.number.chars.start)
            .collect();
        let years: Vec<Option<u16>> = match deadline.and_then(|d| d.trajectory) {
            Some((first, last)) if matches!(comparator, Comparator::IncreaseBy | Comparator::DecreaseBy) => {
                (first..=last.min(first + MAX_TRAJECTORY)).map(Some).collect()
            }
            _ => vec![candidate.target_year],
        };
        for (variant, year) in variants.iter().flat_map(|v| years.iter().map(move |y| (v, *y))) {
            let mut one = variant.clone();
            if year != candidate.target_year {
                one.target_year = year;
            }
            if deadline.is_some_and(|d| d.trajectory.is_some()) {
                one.reasons.push(Signal::Trajectory);
            }
            if scopes.len() >= 2 {
                for scope in &scopes {
                    let mut scoped = one.clone();
                    scoped.scope = Some(f.string((*scope).clone()));
                    scoped.reasons.push(Signal::ScopeThreshold);
                    finish(&mut scoped);
                    produced.push(scoped);
                }
            } else {
                if let Some(scope) = scopes.first() {
                    one.scope = Some(f.string((*scope).clone()));
                    one.reasons.push(Signal::ScopeThreshold);
                }
                finish(&mut one);
                produced.push(one);
            }
        }
    }
    for unnumbered in milestones::find(&f, 0..n, &deadlines, &proposed) {
        if let Some(candidate) = unnumbered_candidate(ctx, &f, &range, &context, &deadlines, &unnumbered) {
            produced.push(candidate);
        }
    }
    // Keep the text's order: values and milestones by where their words are.
    let mut order: Vec<usize> = (0..produced.len()).collect();
    crate::analysis::ordering::sort_positions(&mut order, &mut |a, b| {
        produced[a].value_range.start.cmp(&produced[b].value_range.start)
    });
    let mut produced: Vec<Option<Candidate>> = produced.into_iter().map(Some).collect();
    out.extend(order.into_iter().filter_map(|i| produced[i].take()));
}

/// Reads a table row into `out`.
pub fn table_row(
    ctx: &Context,
    header: &Header,
    range: Range<usize>,
    label: Range<usize>,
    cells: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    let Some(row) = read_row(ctx.text, header, label.clone(), cells) else {
        return;
    };
    let kind = match (header.forecast, row.value.is_some()) {
        (true, _) => Kind::Projection,
        (false, true) => Kind::Quantitative,
        (false, false) => Kind::Milestone,
    };
    let mut reasons = vec![Signal::TableRow];
    reasons.push(if row.symbol {
        Signal::ComparatorSymbol
    } else {
        Signal::DefaultComparator
    });
    if row.binding.is_some() {
        reasons.push(Signal::BindingStated);
    }
    if row.baseline.is_some() {
        reasons.push(Signal::BaselineStated);
    }
    if row.target_year.is_some() {
        reasons.push(Signal::Deadline);
    }
    if header.forecast {
        reasons.push(Signal::Forecast);
    }
    if row.value.is_none() {
        reasons.push(Signal::NoValue);
    }
    let label_text = Folded::new(&ctx.text[label.clone()], label.start);
    let label_string = label_text.string(0..label_text.len());
    let mut candidate = Candidate {
        quote: ctx.text[range.clone()].to_string(),
        range,
        value_range: row.value_bytes.clone(),
        value: row.value.as_ref().map(|n| n.value),
        value_max: row.value.as_ref().and_then(|n| n.max),
        unit: row.unit.clone(),
        comparator: row.comparator,
        approximate: false,
        target_year: row.target_year,
        deadline_text: row.deadline.map(|d| ctx.text[d].to_string()),
        kind: CandidateKind::Target(kind),
        scope: None,
        baseline: row.baseline.map(|(value, year)| Baseline { value, year }),
        binding: row.binding,
        indicator: None,
        theme: None,
        section: ctx.section.to_string(),
        confidence: 0.0,
        reasons,
    };
    if row.unit.is_some() {
        candidate.reasons.push(Signal::Unit);
    }
    guess_indicator(ctx, &mut candidate, &label_string, &Words::of(&label_string));
    finish(&mut candidate);
    out.push(candidate);
}

/// A candidate for `item` of the sentence `range`, with its deadline, indicator guess and the
/// signals of its reading (not yet its confidence).
#[allow(clippy::too_many_arguments)]
fn value_candidate(
    ctx: &Context,
    f: &Folded,
    range: &Range<usize>,
    (subject, context): (&str, &Words),
    item: &Item,
    kind: CandidateKind,
    comparator: Comparator,
    deadline: Option<&Deadline>,
    comparison: Option<&Comparison>,
) -> Candidate {
    let mut reasons = Vec::new();
    match comparison {
        Some(c) if item.inherited => {
            reasons.push(Signal::SharedComparator);
            if c.approximate {
                reasons.push(Signal::Approximate);
            }
        }
        Some(c) => {
            let symbol = c.words.iter().any(|w| {
                f.slice(w.clone())
                    .iter()
                    .any(|ch| matches!(ch, '≥' | '≤' | '>' | '<' | '≧' | '≦'))
            });
            reasons.push(if symbol {
                Signal::ComparatorSymbol
            } else if c.verb {
                Signal::TargetVerb
            } else {
                Signal::ComparatorWord
            });
            if c.approximate {
                reasons.push(Signal::Approximate);
            }
        }
        None if item.defaulted.is_some() => reasons.push(Signal::DefaultComparator),
        None => {}
    }
    deadline_signals(f, deadline, &mut reasons);
    if item.unit.text.is_empty() {
        if !item.number.ratio {
            reasons.push(Signal::NoUnit);
        }
    } else {
        reasons.push(Signal::Unit);
    }
    if item.unit.per {
        reasons.push(Signal::PerUnit);
    }
    let mut candidate = Candidate {
        quote: ctx.text[range.clone()].to_string(),
        range: range.clone(),
        value_range: f.bytes(item.number.chars.clone()),
        value: Some(item.number.value),
        value_max: item.number.max,
        unit: (!item.unit.text.is_empty()).then(|| item.unit.text.clone()),
        comparator,
        approximate: comparison.is_some_and(|c| c.approximate),
        target_year: deadline.and_then(|d| d.year),
        deadline_text: deadline.map(|d| ctx.text[f.bytes(d.chars.clone())].to_string()),
        kind,
        scope: None,
        baseline: None,
        binding: None,
        indicator: None,
        theme: None,
        section: ctx.section.to_string(),
        confidence: 0.0,
        reasons,
    };
    guess_indicator(ctx, &mut candidate, subject, context);
    candidate
}

/// The signals of a deadline: dated, relative (with or without an issue date), aspirational.
fn deadline_signals(f: &Folded, deadline: Option<&Deadline>, reasons: &mut Vec<Signal>) {
    let Some(d) = deadline else {
        return;
    };
    if d.past {
        return;
    }
    reasons.push(match (d.relative_years, d.year) {
        (Some(_), Some(_)) => Signal::RelativeDeadline,
        (Some(_), None) => Signal::RelativeDeadlineUndated,
        _ => Signal::Deadline,
    });
    if d.aspirational || f.contains("力争", 0, d.chars.start) || f.contains("争取", 0, d.chars.start) {
        reasons.push(Signal::Aspirational);
    }
}

/// A candidate for a commitment without a number.
fn unnumbered_candidate(
    ctx: &Context,
    f: &Folded,
    range: &Range<usize>,
    context: &Words,
    deadlines: &[Deadline],
    unnumbered: &Unnumbered,
) -> Option<Candidate> {
    let deadline = unnumbered.deadline.map(|i| &deadlines[i]);
    if classify::reports(f, 0..unnumbered.chars.start) {
        return None;
    }
    let eliminate = unnumbered.comparator == Comparator::Eliminate;
    let mut reasons = vec![Signal::NoValue];
    if unnumbered.completion {
        reasons.push(Signal::CompletionWords);
    }
    if eliminate {
        reasons.push(Signal::TargetVerb);
    }
    deadline_signals(f, deadline, &mut reasons);
    let kind = if eliminate { Kind::Quantitative } else { Kind::Milestone };
    let mut candidate = Candidate {
        quote: ctx.text[range.clone()].to_string(),
        range: range.clone(),
        value_range: f.bytes(unnumbered.chars.clone()),
        value: None,
        value_max: None,
        unit: None,
        comparator: unnumbered.comparator,
        approximate: false,
        target_year: deadline.and_then(|d| d.year),
        deadline_text: deadline.map(|d| ctx.text[f.bytes(d.chars.clone())].to_string()),
        kind: CandidateKind::Target(kind),
        scope: None,
        baseline: None,
        binding: None,
        indicator: None,
        theme: None,
        section: ctx.section.to_string(),
        confidence: 0.0,
        reasons,
    };
    guess_indicator(ctx, &mut candidate, &f.string(unnumbered.subject.clone()), context);
    finish(&mut candidate);
    Some(candidate)
}

/// Sets the candidate's indicator and theme from the catalogue, with the matching signals.
fn guess_indicator(ctx: &Context, candidate: &mut Candidate, subject: &str, context: &Words) {
    candidate.reasons.retain(|s| {
        !matches!(
            s,
            Signal::IndicatorMatch | Signal::WeakIndicatorMatch | Signal::NoIndicator | Signal::UnitMismatch
        )
    });
    let Guess {
        indicator,
        theme,
        score,
        unit_mismatch,
    } = ctx
        .catalogue
        .guess(subject, context, candidate.unit.as_deref().unwrap_or(""));
    candidate.reasons.push(if score >= STRONG_SCORE {
        Signal::IndicatorMatch
    } else if score >= GUESS_SCORE {
        Signal::WeakIndicatorMatch
    } else {
        Signal::NoIndicator
    });
    if unit_mismatch {
        candidate.reasons.push(Signal::UnitMismatch);
    }
    candidate.indicator = indicator;
    candidate.theme = theme;
}

/// Computes the confidence from the signals.
fn finish(candidate: &mut Candidate) {
    candidate.confidence = confidence(candidate.kind, candidate.value.is_some(), &candidate.reasons);
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
fn governing_deadline<'d>(deadlines: &'d [Deadline], item: &Item) -> Option<&'d Deadline> {
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
fn clause_of(f: &Folded, i: usize) -> Range<usize> {
    let start = (0..i).rev().find(|&k| f.breaks(k)).map_or(0, |k| k + 1);
    let end = (i..f.len()).find(|&k| f.breaks(k)).unwrap_or(f.len());
    start..end
}

/// Values sharing one comparator word over enumerated items (幼儿园、小学…分别达到60%、90%): for
/// each such value, its index, its item's head and its subject (head and shared words).
fn enumerations(f: &Folded, items: &[Item]) -> Vec<(usize, Range<usize>, String)> {
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
