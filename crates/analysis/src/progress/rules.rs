//! What a target asks for: the rule its comparator sets, the goal level, whether a value satisfies
//! it, and the share of the distance covered.

use super::input::{is_percent_unit, Scale};
use policy_data::lang::Lang;
use policy_data::model::{Comparator, Kind, Target};

/// Allowance for floating-point noise when comparing shares and values.
pub(super) const EPSILON: f64 = 1e-9;

/// Why a target cannot be evaluated numerically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unevaluable {
    /// Comparator `none`: a qualitative milestone.
    NoNumericComparison,
    /// The target states no value to compare with.
    NoTargetValue,
    /// A labelled forecast (预测), not a commitment.
    Forecast,
    /// The stated value is impossible (a percentage above 100, a negative value).
    TargetValueOutOfRange,
    /// A `count`, `increase_by` or `decrease_by` of zero.
    ZeroAmount,
}

impl Unevaluable {
    /// The reason in Chinese or English.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Unevaluable::NoNumericComparison, Lang::Zh) => "定性目标,没有可比较的数值",
            (Unevaluable::NoNumericComparison, Lang::En) => "A qualitative milestone: there is no number to compare",
            (Unevaluable::NoTargetValue, Lang::Zh) => "文件未给出目标数值",
            (Unevaluable::NoTargetValue, Lang::En) => "The document states no target value",
            (Unevaluable::Forecast, Lang::Zh) => "这是预测而非承诺,不作进度评估",
            (Unevaluable::Forecast, Lang::En) => "This is a forecast, not a commitment; progress is not evaluated",
            (Unevaluable::TargetValueOutOfRange, Lang::Zh) => "目标数值超出合理范围",
            (Unevaluable::TargetValueOutOfRange, Lang::En) => "The target value is outside the possible range",
            (Unevaluable::ZeroAmount, Lang::Zh) => "目标数量为零",
            (Unevaluable::ZeroAmount, Lang::En) => "The target amount is zero",
        }
    }
}

/// How a target is measured once its comparator is read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Rule {
    /// `>=`, `>`, `<=`, `<`, `=`: the current level against a fixed level.
    Threshold { comparator: Comparator, level: f64 },
    /// `count`, `increase_by`: the amount achieved so far against the amount promised.
    Amount { amount: f64 },
    /// `decrease_by`: the level must fall by `amount` from the baseline.
    DecreaseBy { amount: f64 },
    /// `eliminate`: the number (or share) of the thing must reach zero.
    Eliminate,
}

pub(super) fn rule_for(target: &Target) -> Result<Rule, Unevaluable> {
    if target.kind == Kind::Projection {
        return Err(Unevaluable::Forecast);
    }
    match target.comparator {
        Comparator::None => Err(Unevaluable::NoNumericComparison),
        Comparator::Eliminate => Ok(Rule::Eliminate),
        comparator => {
            let value = target.value.ok_or(Unevaluable::NoTargetValue)?;
            check_target_value(value, target)?;
            Ok(rule_with_value(comparator, value))
        }
    }
}

fn check_target_value(value: f64, target: &Target) -> Result<(), Unevaluable> {
    let percent_too_large = is_percent_unit(target.unit.as_deref()) && value > 100.0;
    if !value.is_finite() || value < 0.0 || percent_too_large {
        return Err(Unevaluable::TargetValueOutOfRange);
    }
    let is_amount = matches!(
        target.comparator,
        Comparator::Count | Comparator::IncreaseBy | Comparator::DecreaseBy
    );
    if is_amount && value == 0.0 {
        return Err(Unevaluable::ZeroAmount);
    }
    Ok(())
}

fn rule_with_value(comparator: Comparator, value: f64) -> Rule {
    match comparator {
        Comparator::Count | Comparator::IncreaseBy => Rule::Amount { amount: value },
        Comparator::DecreaseBy => Rule::DecreaseBy { amount: value },
        comparator => Rule::Threshold {
            comparator,
            level: value,
        },
    }
}

/// What the "current value" field means for a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CurrentMeaning {
    /// The indicator's level now (e.g. 92 for a 92% rate).
    Level,
    /// The cumulative amount achieved since the plan began (`count`, `increase_by`).
    AmountSoFar,
    /// How many of the thing to be eliminated remain (`eliminate`).
    Remaining,
}

/// What the user should type as the current value for this comparator.
pub fn current_meaning(comparator: Comparator) -> CurrentMeaning {
    match comparator {
        Comparator::Count | Comparator::IncreaseBy => CurrentMeaning::AmountSoFar,
        Comparator::Eliminate => CurrentMeaning::Remaining,
        _ => CurrentMeaning::Level,
    }
}

/// True when the baseline fields matter for this target (every evaluable comparator except `count`
/// and `increase_by`, whose baseline is zero at the start of the plan).
pub fn uses_baseline(target: &Target) -> bool {
    matches!(
        rule_for(target),
        Ok(Rule::Threshold { .. } | Rule::DecreaseBy { .. } | Rule::Eliminate)
    )
}

pub(super) fn scale_for(rule: Rule, target: &Target) -> Scale {
    match rule {
        Rule::Eliminate => Scale::QuantityOrPercent,
        _ if is_percent_unit(target.unit.as_deref()) => Scale::Percent,
        _ => Scale::Quantity,
    }
}

/// The level to reach and the direction in which it counts as reached.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Goal {
    bound: Bound,
    pub(super) level: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bound {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    /// `=`: reached once the value gets to the level from the baseline side.
    Reach,
}

pub(super) fn goal_for(rule: Rule, baseline: Option<f64>) -> Option<Goal> {
    let (bound, level) = match rule {
        Rule::Threshold { comparator, level } => (bound_for(comparator), level),
        Rule::Amount { amount } => (Bound::AtLeast, amount),
        Rule::DecreaseBy { amount } => (Bound::AtMost, baseline? - amount),
        Rule::Eliminate => (Bound::AtMost, 0.0),
    };
    Some(Goal { bound, level })
}

fn bound_for(comparator: Comparator) -> Bound {
    match comparator {
        Comparator::MoreThan => Bound::MoreThan,
        Comparator::AtMost => Bound::AtMost,
        Comparator::LessThan => Bound::LessThan,
        Comparator::Equal => Bound::Reach,
        _ => Bound::AtLeast,
    }
}

fn tolerance_for(level: f64) -> f64 {
    EPSILON * level.abs().max(1.0)
}

/// True when `value` satisfies the goal. For `=` the goal is reached from the `start` side:
/// from below a value at or above the level counts, from above a value at or below it.
pub(super) fn satisfies(value: f64, goal: Goal, start: Option<f64>) -> bool {
    let slack = tolerance_for(goal.level);
    match goal.bound {
        Bound::AtLeast => value >= goal.level - slack,
        Bound::MoreThan => value > goal.level + slack,
        Bound::AtMost => value <= goal.level + slack,
        Bound::LessThan => value < goal.level - slack,
        Bound::Reach => match start {
            Some(start) if start < goal.level - slack => value >= goal.level - slack,
            Some(start) if start > goal.level + slack => value <= goal.level + slack,
            _ => (value - goal.level).abs() <= slack,
        },
    }
}

/// Share of the distance from `start` to the goal covered by `current`:
/// `(current − start) / (level − start)`. `None` when there was no distance to cover (the start
/// already satisfied the goal, or equals its level) and the current value does not satisfy it;
/// `1.0` in that situation when it does.
pub(super) fn progress_share(start: f64, current: f64, goal: Goal) -> Option<f64> {
    let met = satisfies(current, goal, Some(start));
    let no_distance = (goal.level - start).abs() <= tolerance_for(goal.level) || satisfies_without_reach(start, goal);
    if no_distance {
        return met.then_some(1.0);
    }
    Some((current - start) / (goal.level - start))
}

/// Whether the start already satisfied a bound goal (`=` never counts as satisfied in advance).
fn satisfies_without_reach(start: f64, goal: Goal) -> bool {
    goal.bound != Bound::Reach && satisfies(start, goal, None)
}
