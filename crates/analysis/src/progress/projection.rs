//! The straight-line projection: where the trend so far leads by the end of the target year. The
//! calculator's statement and the paths chart's dashed line and label both come from here.
//!
//! The rule ("time elapsed vs. tasks completed", `docs/formulas.md` §3.4), stated once:
//!
//! - Time is counted in whole days between instants (`calendar`): the anchor is the baseline at
//!   the end of its year (for `count` and `increase_by`: 0 on 1 January of the plan's first year),
//!   the current value holds at the end of the evaluation day, and the line ends at the end of the
//!   target year.
//! - `s` = [`elapsed_share`] of the span anchor → end at the evaluation: the share of the time
//!   elapsed. The change so far, `current − anchor`, was made in that share of the time, so the
//!   whole span would give `projected = anchor + (current − anchor) / s`.
//! - The projected value is kept within the feasible range ([`FeasibleRange`]): 0–100 for a
//!   percentage (other than `eliminate`, whose value may be a count), ≥ 0 otherwise.
//! - There is no projection once the deadline has passed (evaluation after the end of the target
//!   year), when the anchor's year is unknown, or when the anchor is not before the evaluation.

use super::calendar::{year_end_day, year_start_day};
use super::evaluation::{BaselineSource, Evaluation, UsedBaseline};
use super::input::is_percent_unit;
use super::rules::{satisfies, Goal};
use super::time_share::{elapsed_share, Timeline};
use policy_data::format::{format_number, NumberForm};
use policy_data::model::{Comparator, Document, Target};

/// Straight-line projection of the trend so far to the end of the target year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Projected value on 31 December of `year`, kept within 0–100 for percentages and ≥ 0 otherwise.
    pub value: f64,
    pub year: u16,
    /// Whether the projected value would satisfy the target.
    pub meets_target: bool,
    /// Where the line starts: (instant, value) of the baseline.
    pub anchor: (i64, f64),
    /// The evaluation: (end of the evaluation day, current value).
    pub current: (i64, f64),
}

impl Projection {
    /// The projected value as the calculator states it: rounded to two decimals, written exactly
    /// (`88.0175…` → `88.02`, `100` → `100`).
    pub fn value_text(&self) -> String {
        format_number((self.value * 100.0).round() / 100.0, NumberForm::Exact)
    }
}

/// The range a projected value is kept in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeasibleRange {
    /// A percentage share: 0–100.
    Percentage,
    /// Any other quantity: ≥ 0.
    NonNegative,
}

impl FeasibleRange {
    /// The range of `target`'s values: a percentage unless it is an `eliminate` target (which may
    /// count things) or its unit is not `%`.
    pub fn of_target(target: &Target) -> FeasibleRange {
        if target.comparator == Comparator::Eliminate {
            FeasibleRange::NonNegative
        } else {
            FeasibleRange::of_unit(target.unit.as_deref())
        }
    }

    /// The range of values in `unit`.
    pub fn of_unit(unit: Option<&str>) -> FeasibleRange {
        if is_percent_unit(unit) {
            FeasibleRange::Percentage
        } else {
            FeasibleRange::NonNegative
        }
    }

    fn clamp(self, value: f64) -> f64 {
        match self {
            FeasibleRange::Percentage => value.clamp(0.0, 100.0),
            FeasibleRange::NonNegative => value.max(0.0),
        }
    }
}

/// The one projection formula (see the module doc): the line from `anchor` through `current`, both
/// (instant, value), continued to instant `end`, kept within `range`. `None` when `current` is not
/// after `anchor` or is after `end`.
pub fn projected_value(anchor: (i64, f64), current: (i64, f64), end: i64, range: FeasibleRange) -> Option<f64> {
    if current.0 <= anchor.0 || current.0 > end {
        return None;
    }
    let time_share = elapsed_share(anchor.0, end, current.0);
    Some(range.clamp(anchor.1 + (current.1 - anchor.1) / time_share))
}

/// The evaluation's projection: the line through the baseline point and the current value, to the
/// end of the target year. `None` when the deadline has passed or the baseline's position in time
/// is unknown or not before the evaluation date.
pub(super) fn project(
    document: &Document,
    target: &Target,
    evaluation: &Evaluation,
    goal: Goal,
    timeline: Timeline,
) -> Option<Projection> {
    if evaluation.deadline_passed {
        return None;
    }
    let baseline = evaluation.baseline?;
    let anchor = (baseline_day(baseline, document.period.start)?, baseline.value);
    let current = (timeline.now, evaluation.current?);
    let value = projected_value(anchor, current, timeline.end, FeasibleRange::of_target(target))?;
    Some(Projection {
        value,
        year: evaluation.target_year,
        meets_target: satisfies(value, goal, Some(baseline.value)),
        anchor,
        current,
    })
}

/// The instant at which the baseline value held: the end of its year, or the plan's start.
fn baseline_day(baseline: UsedBaseline, period_start: u16) -> Option<i64> {
    match baseline.source {
        BaselineSource::PlanStart => Some(year_start_day(period_start)),
        _ => Some(year_end_day(baseline.year?)),
    }
}

#[cfg(test)]
mod tests {
    use crate::progress::evaluate;
    use crate::progress::test_support::*;
    use policy_data::model::Comparator;

    #[test]
    fn the_line_is_scaled_by_the_share_of_time_elapsed() {
        use super::{projected_value, FeasibleRange};
        use crate::progress::calendar::{year_end_day, Date};
        let anchor = (year_end_day(2020), 80.0);
        let now = Date::new(2023, 6, 30).unwrap().end_day();
        let value = projected_value(anchor, (now, 84.0), year_end_day(2025), FeasibleRange::Percentage);
        assert!(close(value.unwrap(), 80.0 + 4.0 * 1826.0 / 911.0));
        let end = year_end_day(2025);
        assert_eq!(
            projected_value(anchor, (end, 84.0), end, FeasibleRange::Percentage),
            Some(84.0)
        );
        assert_eq!(
            projected_value(anchor, (end + 1, 84.0), end, FeasibleRange::Percentage),
            None
        );
        assert_eq!(projected_value(anchor, anchor, end, FeasibleRange::Percentage), None);
        let falling = projected_value(anchor, (now, 40.0), end, FeasibleRange::NonNegative);
        assert_eq!(falling, Some(0.0));
        let over = projected_value((anchor.0, 900.0), (now, 990.0), end, FeasibleRange::NonNegative);
        assert!(over.unwrap() > 100.0);
    }

    #[test]
    fn projection_is_clamped_to_a_feasible_percentage() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::AtLeast, Some(100.0), "%"), 60.0, Some(2020));
        let result = evaluate(&doc, &t, &input("2021-06-30", "", "", "90")).unwrap();
        let projection = result.projection.unwrap();
        assert_eq!(projection.value, 100.0);
        assert_eq!(projection.value_text(), "100");
        assert!(projection.meets_target);
    }
}
