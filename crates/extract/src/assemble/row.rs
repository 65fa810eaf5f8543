//! One table row into a candidate: the row's values read by `read::table` under the table's header,
//! its kind (a forecast column is a projection; a row without a value a milestone), the signals of
//! the table (a symbol or none, 约束性/预期性, a baseline column), the indicator its label names and
//! the confidence.

use std::ops::Range;

use crate::assemble::candidates::{finish, guess_indicator};
use crate::assemble::context::Context;
use crate::candidate::{Candidate, CandidateKind};
use crate::judge::indicators::Words;
use crate::read::table::{read_row, Header};
use crate::signal::Signal;
use crate::text::folded::Folded;
use policy_data::model::{Baseline, Kind};

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
        new_indicator: None,
        theme: None,
        section: ctx.section.to_string(),
        confidence: 0.0,
        reasons,
    };
    if row.unit.is_some() {
        candidate.reasons.push(Signal::Unit);
    }
    ctx.date(&mut candidate);
    guess_indicator(ctx, &mut candidate, &label_string, &Words::of(&label_string));
    finish(&mut candidate);
    out.push(candidate);
}
