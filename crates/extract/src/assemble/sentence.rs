//! Reads one sentence into candidates, tying the rules together: masks and deadlines first (so
//! years, dates and document numbers are never values), then the numbers as items (unit, threshold
//! scope, comparator), then for each value its kind, deadline, enumerated scope and indicator, one
//! candidate per scope and per year of a trajectory; then the commitments without a number.

use std::ops::Range;

use crate::assemble::candidates::{finish, guess_indicator, unnumbered_candidate, value_candidate};
use crate::assemble::context::{Context, Piece};
use crate::candidate::Candidate;
use crate::judge::classify::{self, Reading};
use crate::judge::indicators::Words;
use crate::read::deadlines::{self, Deadline};
use crate::read::items::{self, enumerations, governing_deadline, Items};
use crate::read::masks;
use crate::read::milestones;
use crate::read::scope::{rate_items, written_scope};
use crate::signal::Signal;
use crate::text::folded::Folded;
use policy_analysis::ordering;
use policy_data::model::{Baseline, Comparator};

/// A sentence holding more values than this is marked crowded.
const CROWDED: usize = 8;

/// How many years of a trajectory are proposed at most.
const MAX_TRAJECTORY: u16 = 15;

/// Reads the sentence `range` of the text into `out`.
pub fn sentence(ctx: &Context, range: Range<usize>, out: &mut Vec<Candidate>) {
    let f = Folded::new(&ctx.text[range.clone()], range.start);
    let n = f.len();
    let mask = masks::mask(&f, 0..n);
    let deadlines = deadlines::find(&f, 0..n, ctx.issued, &|i| mask.covers_text(i));
    let blocked = |i: usize| mask.covers(i) || deadlines.iter().any(|d| d.chars.contains(&i));
    let read = items::read(&f, &blocked);
    let context = Words::of(&f.string(0..n));
    let piece = Piece {
        f: &f,
        range: &range,
        context: &context,
    };
    let enumerated = enumerations(&f, &read.items);
    let mut proposed: Vec<Range<usize>> = read.thresholds.clone();
    let mut produced: Vec<Candidate> = Vec::new();
    for index in 0..read.items.len() {
        let found = propose(ctx, &piece, &read, &deadlines, &enumerated, index);
        if !found.is_empty() {
            proposed.push(read.items[index].number.chars.clone());
        }
        produced.extend(found);
    }
    for unnumbered in milestones::find(&f, 0..n, &deadlines, &proposed) {
        if let Some(candidate) = unnumbered_candidate(ctx, &piece, &deadlines, &unnumbered) {
            produced.push(candidate);
        }
    }
    // Keep the text's order: values and milestones by where their words are.
    let mut order: Vec<usize> = (0..produced.len()).collect();
    ordering::sort_positions(&mut order, &mut |a, b| {
        produced[a].value_range.start.cmp(&produced[b].value_range.start)
    });
    let mut produced: Vec<Option<Candidate>> = produced.into_iter().map(Some).collect();
    out.extend(order.into_iter().filter_map(|i| produced[i].take()));
}

/// The candidates for item `index`: none when it is not a value, one, or one per enumerated
/// rate, threshold scope and year of a trajectory.
fn propose(
    ctx: &Context,
    piece: &Piece,
    read: &Items,
    deadlines: &[Deadline],
    enumerated: &[(usize, Range<usize>, String)],
    index: usize,
) -> Vec<Candidate> {
    let f = piece.f;
    let item = &read.items[index];
    let deadline = governing_deadline(deadlines, item);
    // Words before the value count from the end of the last commitment's deadline before it.
    let from = deadlines
        .iter()
        .filter(|d| !d.past && d.chars.end <= item.number.chars.start)
        .map(|d| d.chars.end)
        .next_back()
        .unwrap_or(0);
    let (subject_start, subject) = read.subject(f, index);
    let rate_subject = ["率", "比例", "占比", "比重"]
        .iter()
        .any(|w| f.contains(w, subject_start, item.number.chars.start));
    let (kind, kind_signals) = classify::kind(&Reading {
        folded: f,
        from,
        value: item.number.chars.clone(),
        comparison: item.comparison.as_ref(),
        deadline,
        unit: &item.unit,
        ratio: item.number.ratio,
        rate_subject,
        report_section: ctx.report_section,
        achievement_section: ctx.achievement_section,
    });
    let Some(comparison) = item.comparison.as_ref() else {
        if kind.is_target() && item.defaulted.is_none() {
            return Vec::new();
        }
        // A fact, a norm or a range without a comparator word.
        let comparator = item.defaulted.unwrap_or(Comparator::Equal);
        let mut candidate = value_candidate(ctx, piece, &subject, item, kind, comparator, deadline, None);
        candidate.reasons.extend(kind_signals);
        finish(&mut candidate);
        return vec![candidate];
    };
    let Some(comparator) = value_comparator(item) else {
        return Vec::new();
    };
    let mut candidate = value_candidate(ctx, piece, &subject, item, kind, comparator, deadline, Some(comparison));
    candidate.reasons.extend(kind_signals);
    if let Some(value) = read.baseline(index) {
        candidate.baseline = Some(Baseline { value, year: None });
        candidate.reasons.push(Signal::BaselineStated);
    }
    if read.items.len() > CROWDED {
        candidate.reasons.push(Signal::Crowded);
    }
    // Enumerated items: one scope (and subject) per value; or several rates given one value
    // (入学率、巩固率达100%): one candidate per rate.
    let mut variants = vec![candidate.clone()];
    if let Some((_, head, subject)) = enumerated.iter().find(|e| e.0 == index) {
        variants[0].scope = Some(f.string(head.clone()));
        variants[0].reasons.push(Signal::Enumerated);
        guess_indicator(ctx, &mut variants[0], subject, piece.context);
    } else if let Some(word) = comparison.words.first().filter(|w| w.start >= item.clause.start) {
        let rates = rate_items(f, subject_start..word.start);
        if rates.len() >= 2 {
            variants = rates
                .iter()
                .map(|rate| {
                    let mut one = candidate.clone();
                    one.reasons.push(Signal::Enumerated);
                    guess_indicator(ctx, &mut one, &f.string(rate.clone()), piece.context);
                    one
                })
                .collect();
        }
    }
    let years: Vec<Option<u16>> = match deadline.and_then(|d| d.trajectory) {
        Some((first, last)) if matches!(comparator, Comparator::IncreaseBy | Comparator::DecreaseBy) => {
            (first..=last.min(first + MAX_TRAJECTORY)).map(Some).collect()
        }
        _ => vec![candidate.target_year],
    };
    // Thresholds before the value are its scope; several give one candidate each.
    let scopes = read.scopes(index);
    let mut out = Vec::new();
    for (variant, year) in variants.iter().flat_map(|v| years.iter().map(move |y| (v, *y))) {
        let mut one = variant.clone();
        one.target_year = year;
        if deadline.is_some_and(|d| d.trajectory.is_some()) {
            one.reasons.push(Signal::Trajectory);
        }
        let scoped: Vec<Option<&Range<usize>>> = if scopes.is_empty() {
            vec![None]
        } else if scopes.len() == 1 {
            vec![Some(scopes[0])]
        } else {
            scopes.iter().map(|s| Some(*s)).collect()
        };
        for scope in scoped {
            let mut each = one.clone();
            if let Some(scope) = scope {
                each.scope = Some(f.string(scope.clone()));
                each.reasons.push(Signal::ScopeThreshold);
            } else if each.scope.is_none() {
                // 全市…，其中城区…、农村…: the area, region or level written before the value.
                if let Some(words) = written_scope(f, item.clause.start..item.number.chars.start) {
                    each.scope = Some(f.string(words));
                }
            }
            finish(&mut each);
            out.push(each);
        }
    }
    out
}

/// How a value with a comparator word is read, or `None` when it is not a value after all: a
/// number without a unit after a verb (提升工程2.0), 一 as the indefinite article (建设一支队伍).
/// Percentage points read as a change; 100% as exactly 100.
fn value_comparator(item: &items::Item) -> Option<Comparator> {
    let comparison = item.comparison.as_ref()?;
    let unitless = item.unit.text.is_empty() && !item.number.ratio;
    // A count with its unit lost (培育10在省内…) is kept; other verbs need a unit.
    let lost_unit =
        comparison.comparator == Comparator::Count && item.number.value.fract() == 0.0 && !item.number.chinese;
    if unitless && (item.inherited || (comparison.verb && !lost_unit)) {
        return None;
    }
    // A facility (新建一所完全小学) is counted even when written with 一.
    let article = item.number.chinese && item.number.value == 1.0 && item.number.max.is_none();
    let facility = matches!(item.unit.text.as_str(), "所" | "座" | "处" | "间" | "家");
    if article && ((comparison.verb && !facility) || comparison.comparator == Comparator::Equal) {
        return None;
    }
    let mut comparator = comparison.comparator;
    if item.unit.points && matches!(comparator, Comparator::AtLeast | Comparator::Equal) {
        comparator = Comparator::IncreaseBy;
    }
    if comparator == Comparator::AtLeast && item.number.percent && item.number.value == 100.0 {
        comparator = Comparator::Equal;
    }
    Some(comparator)
}
