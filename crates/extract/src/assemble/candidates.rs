//! The candidates of a sentence, from its reading: a value's (`value_candidate`) and a commitment
//! without a number's (`unnumbered_candidate`), each with its quote and ranges, deadline and the
//! signals of how it was read; and what every candidate, a table row's too, ends with: the
//! indicator guess (`guess_indicator`: a catalogue indicator, or a new one named from the sentence
//! when a qualifier sets it apart) and the confidence (`finish`).

use crate::assemble::context::{Context, Piece};
use crate::candidate::{Candidate, CandidateKind};
use crate::judge::classify;
use crate::judge::confidence::confidence;
use crate::judge::indicators::{Guess, Words, GUESS_SCORE, STRONG_SCORE};
use crate::judge::qualifiers::Qualifier;
use crate::read::comparators::Comparison;
use crate::read::deadlines::Deadline;
use crate::read::items::Item;
use crate::read::milestones::Unnumbered;
use crate::signal::Signal;
use crate::text::folded::Folded;
use policy_data::model::{Comparator, Kind};

/// A candidate for `item` of the sentence `range`, with its deadline, indicator guess and the
/// signals of its reading (not yet its confidence).
#[allow(clippy::too_many_arguments)]
pub fn value_candidate(
    ctx: &Context,
    piece: &Piece,
    subject: &str,
    item: &Item,
    kind: CandidateKind,
    comparator: Comparator,
    deadline: Option<&Deadline>,
    comparison: Option<&Comparison>,
) -> Candidate {
    let (f, range, context) = (piece.f, piece.range, piece.context);
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
    // A rate of change (每年提高1个百分点) recurs: its deadline words are 每年.
    let yearly = matches!(comparator, Comparator::IncreaseBy | Comparator::DecreaseBy)
        .then(|| f.find("每年", item.clause.start, item.number.chars.start))
        .flatten();
    let deadline_text = match (deadline, yearly) {
        (Some(d), _) => Some(ctx.text[f.bytes(d.chars.clone())].to_string()),
        (None, Some(at)) => Some(ctx.text[f.bytes(at..at + 2)].to_string()),
        (None, None) => None,
    };
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
        deadline_text,
        kind,
        scope: None,
        baseline: None,
        binding: None,
        indicator: None,
        new_indicator: None,
        theme: None,
        section: ctx.section.to_string(),
        confidence: 0.0,
        reasons,
    };
    ctx.date(&mut candidate);
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
pub fn unnumbered_candidate(
    ctx: &Context,
    piece: &Piece,
    deadlines: &[Deadline],
    unnumbered: &Unnumbered,
) -> Option<Candidate> {
    let (f, range, context) = (piece.f, piece.range, piece.context);
    let deadline = unnumbered.deadline.map(|i| &deadlines[i]);
    // Under achievements (发展成就, 取得的成绩) a commitment without a number is a report.
    if ctx.achievement_section || classify::reports(f, 0..unnumbered.chars.start) {
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
        new_indicator: None,
        theme: None,
        section: ctx.section.to_string(),
        confidence: 0.0,
        reasons,
    };
    ctx.date(&mut candidate);
    guess_indicator(ctx, &mut candidate, &f.string(unnumbered.subject.clone()), context);
    finish(&mut candidate);
    Some(candidate)
}

/// Sets the candidate's indicator and theme from the catalogue, with the matching signals.
pub fn guess_indicator(ctx: &Context, candidate: &mut Candidate, subject: &str, context: &Words) {
    candidate.reasons.retain(|s| {
        !matches!(
            s,
            Signal::IndicatorMatch
                | Signal::WeakIndicatorMatch
                | Signal::NoIndicator
                | Signal::UnitMismatch
                | Signal::YearsDiffer
                | Signal::StageDiffers
                | Signal::TypeDiffers
        )
    });
    let Guess {
        indicator,
        theme,
        score,
        unit_mismatch,
        qualifier,
        new_name,
    } = ctx
        .catalogue
        .guess(subject, context, candidate.unit.as_deref().unwrap_or(""));
    candidate.reasons.push(if let Some(qualifier) = qualifier {
        match qualifier {
            Qualifier::Years => Signal::YearsDiffer,
            Qualifier::Stage => Signal::StageDiffers,
            Qualifier::Type => Signal::TypeDiffers,
        }
    } else if score >= STRONG_SCORE {
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
    candidate.new_indicator = new_name;
    candidate.theme = theme;
}

/// Computes the confidence from the signals.
pub fn finish(candidate: &mut Candidate) {
    candidate.confidence = confidence(candidate.kind, candidate.value.is_some(), &candidate.reasons);
}
