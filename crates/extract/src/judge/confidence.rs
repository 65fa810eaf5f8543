//! How sure the extractor is of a candidate: each signal has a weight, and the confidence is a base
//! for the candidate's shape plus its signals' weights, kept between 0.05 and 0.98.

use crate::candidate::CandidateKind;
use crate::signal::Signal;
use policy_data::model::Kind;

impl Signal {
    /// How much the signal adds to (or takes from) the confidence.
    pub fn weight(self) -> f64 {
        match self {
            Signal::ComparatorWord => 0.2,
            Signal::ComparatorSymbol => 0.25,
            Signal::TargetVerb => 0.15,
            Signal::SharedComparator => 0.05,
            Signal::DefaultComparator => -0.05,
            Signal::Deadline => 0.15,
            Signal::RelativeDeadline => 0.1,
            Signal::RelativeDeadlineUndated => -0.05,
            Signal::HeadingDeadline => 0.1,
            Signal::PlanPeriod => 0.05,
            Signal::Trajectory => 0.0,
            Signal::Aspirational => 0.0,
            Signal::Approximate => 0.0,
            Signal::Unit => 0.05,
            Signal::NoUnit => -0.15,
            Signal::PerUnit => 0.05,
            Signal::IndicatorMatch => 0.1,
            Signal::WeakIndicatorMatch => 0.0,
            Signal::NoIndicator => -0.1,
            // A new indicator named from the sentence: surer than none, less than an exact match.
            Signal::YearsDiffer | Signal::StageDiffers | Signal::TypeDiffers => -0.05,
            Signal::UnitMismatch => -0.05,
            Signal::Enumerated => 0.0,
            Signal::ScopeThreshold => -0.05,
            Signal::TableRow => 0.15,
            Signal::BindingStated => 0.1,
            Signal::BaselineStated => 0.05,
            Signal::Forecast => 0.0,
            Signal::CompletionWords => 0.1,
            Signal::NoValue => -0.1,
            Signal::FactWords => 0.2,
            Signal::PastYear => 0.15,
            Signal::Difference => 0.15,
            Signal::Spent => 0.15,
            Signal::ReportSection => 0.1,
            Signal::Crowded => -0.1,
        }
    }
}

/// The confidence of a candidate of `kind` with or without a value, from its signals.
pub fn confidence(kind: CandidateKind, has_value: bool, signals: &[Signal]) -> f64 {
    let base = match kind {
        CandidateKind::Target(Kind::Milestone) => 0.3,
        CandidateKind::Target(_) if has_value => 0.35,
        CandidateKind::Target(_) => 0.3,
        CandidateKind::Baseline | CandidateKind::Actual | CandidateKind::Fact => 0.35,
    };
    let score = signals.iter().fold(base, |sum, s| sum + s.weight());
    (score.clamp(0.05, 0.98) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_target_with_a_comparator_and_indicator_is_confident() {
        let strong = confidence(
            CandidateKind::Target(Kind::Quantitative),
            true,
            &[
                Signal::ComparatorWord,
                Signal::Deadline,
                Signal::Unit,
                Signal::IndicatorMatch,
            ],
        );
        let weak = confidence(
            CandidateKind::Target(Kind::Quantitative),
            true,
            &[Signal::SharedComparator, Signal::NoUnit, Signal::NoIndicator],
        );
        assert!(strong >= 0.8, "{strong}");
        assert!(weak < 0.3, "{weak}");
        assert!((0.05..=0.98).contains(&weak));
    }
}
