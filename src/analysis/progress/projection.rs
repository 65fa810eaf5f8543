//! The straight-line projection of the trend so far to the end of the target year.

use super::calendar::Date;
use super::evaluation::{BaselineSource, Evaluation, UsedBaseline};
use super::input::is_percent_unit;
use super::rules::{satisfies, Goal};
use super::time_share::Timeline;
use crate::data::model::{Comparator, Document, Target};

/// Straight-line projection of the trend so far to the end of the target year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Projected value on 31 December of `year`, kept within 0–100 for percentages and ≥ 0 otherwise.
    pub value: f64,
    pub year: u16,
    /// Whether the projected value would satisfy the target.
    pub meets_target: bool,
}

/// Extends the line through the baseline point and the current value to the end of the target year.
/// `None` when the deadline has passed or the baseline's position in time is unknown or not
/// before the evaluation date.
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
    let current = evaluation.current?;
    let from = baseline_day(baseline, document.period.start)?;
    if timeline.now <= from {
        return None;
    }
    let slope = (current - baseline.value) / (timeline.now - from) as f64;
    let raw = baseline.value + slope * (timeline.end - from) as f64;
    let value = clamp_to_feasible(raw, target);
    Some(Projection {
        value,
        year: evaluation.target_year,
        meets_target: satisfies(value, goal, Some(baseline.value)),
    })
}

/// The day on which the baseline value held: the end of its year, or the plan's start.
fn baseline_day(baseline: UsedBaseline, period_start: u16) -> Option<i64> {
    match baseline.source {
        BaselineSource::PlanStart => Some(Date::first_of_year(period_start).day_number()),
        _ => Some(Date::last_of_year(baseline.year?).day_number() + 1),
    }
}

fn clamp_to_feasible(value: f64, target: &Target) -> f64 {
    let is_share = is_percent_unit(target.unit.as_deref()) && target.comparator != Comparator::Eliminate;
    if is_share {
        value.clamp(0.0, 100.0)
    } else {
        value.max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::progress::evaluate;
    use crate::analysis::progress::test_support::*;
    use crate::data::model::Comparator;

    #[test]
    fn projection_is_clamped_to_a_feasible_percentage() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::AtLeast, Some(100.0), "%"), 60.0, Some(2020));
        let result = evaluate(&doc, &t, &input("2021-06-30", "", "", "90")).unwrap();
        let projection = result.projection.unwrap();
        assert_eq!(projection.value, 100.0);
        assert!(projection.meets_target);
    }
}
