//! Which of two targets asks more: comparator families, the direction in which a larger value is
//! more demanding, and the pairwise "more demanding" comparison.

use std::cmp::Ordering;

use policy_data::model::{Better, Comparator, Target};

/// Allowance when comparing two target values.
const EPSILON: f64 = 1e-9;

/// Comparators that read a value the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// `>=`, `>`: a floor.
    LowerBound,
    /// `<=`, `<`: a ceiling.
    UpperBound,
    /// `=`: a level or standard.
    Exact,
    /// `increase_by`, `decrease_by`: a change.
    Change,
    /// `count`: a number of things.
    Count,
    /// `eliminate`: bring something to zero.
    Eliminate,
    /// `none`: a qualitative milestone.
    Qualitative,
}

/// The family of a comparator.
pub fn comparator_family(comparator: Comparator) -> Family {
    match comparator {
        Comparator::AtLeast | Comparator::MoreThan => Family::LowerBound,
        Comparator::AtMost | Comparator::LessThan => Family::UpperBound,
        Comparator::Equal => Family::Exact,
        Comparator::IncreaseBy | Comparator::DecreaseBy => Family::Change,
        Comparator::Count => Family::Count,
        Comparator::Eliminate => Family::Eliminate,
        Comparator::None => Family::Qualitative,
    }
}

/// What separated two targets when one is more demanding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Different values.
    Value,
    /// The same value, one comparator strict (`>` 85 against `>=` 85).
    Strictness,
    /// The same requirement, one due earlier.
    Year,
    /// Equally demanding.
    Equal,
}

/// Which way a larger value points for a family: +1 when larger is more demanding, −1 when smaller
/// is, `None` when it cannot be told (counts, milestones, indicators without a better direction).
pub(super) fn demand_direction(family: Family, better: Better) -> Option<f64> {
    match (family, better) {
        (Family::Change, _) => Some(1.0),
        (Family::Eliminate, _) => Some(-1.0),
        (Family::LowerBound | Family::UpperBound | Family::Exact, Better::Higher) => Some(1.0),
        (Family::LowerBound | Family::UpperBound | Family::Exact, Better::Lower) => Some(-1.0),
        _ => None,
    }
}

/// 1 for a strict comparator that points the same way as `better` (`>` for higher-is-better, `<`
/// for lower-is-better), else 0.
pub(super) fn strictness(comparator: Comparator, better: Better) -> u8 {
    let strict = matches!(
        (comparator, better),
        (Comparator::MoreThan, Better::Higher) | (Comparator::LessThan, Better::Lower)
    );
    u8::from(strict)
}

pub(super) fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPSILON * a.abs().max(b.abs()).max(1.0)
}

/// Compares how demanding `a` is against `b` for an indicator whose better direction is `better`:
/// `Greater` when `a` is more demanding. First the value (in the better direction), then a strict
/// comparator over a non-strict one at the same value, then the earlier target year. `None` when
/// the two cannot be ranked (different families, counts, missing values, no better direction).
pub fn more_demanding(better: Better, a: &Target, b: &Target) -> Option<(Ordering, Basis)> {
    let family = comparator_family(a.comparator);
    if family != comparator_family(b.comparator) {
        return None;
    }
    if family == Family::Qualitative {
        return compare_years(a, b);
    }
    let direction = demand_direction(family, better)?;
    let (va, vb) = (a.value? * direction, b.value? * direction);
    if !same_value(va, vb) {
        return Some((va.total_cmp(&vb), Basis::Value));
    }
    let strict = strictness(a.comparator, better).cmp(&strictness(b.comparator, better));
    if strict != Ordering::Equal {
        return Some((strict, Basis::Strictness));
    }
    compare_years(a, b).or(Some((Ordering::Equal, Basis::Equal)))
}

/// Earlier year is more demanding; `None` when a year is missing.
fn compare_years(a: &Target, b: &Target) -> Option<(Ordering, Basis)> {
    let ordering = b.target_year?.cmp(&a.target_year?);
    let basis = if ordering == Ordering::Equal {
        Basis::Equal
    } else {
        Basis::Year
    };
    Some((ordering, basis))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixtures::*;

    #[test]
    fn higher_value_is_more_demanding_when_higher_is_better() {
        let a = share("a", "x", Comparator::AtLeast, 85.0, 2025);
        let b = share("b", "x", Comparator::AtLeast, 80.0, 2020);
        assert_eq!(
            more_demanding(Better::Higher, &a, &b),
            Some((Ordering::Greater, Basis::Value))
        );
        assert_eq!(
            more_demanding(Better::Higher, &b, &a),
            Some((Ordering::Less, Basis::Value))
        );
    }

    #[test]
    fn strictly_more_than_beats_at_least_at_the_same_value() {
        let strict = share("a", "x", Comparator::MoreThan, 85.0, 2025);
        let loose = share("b", "x", Comparator::AtLeast, 85.0, 2025);
        assert_eq!(
            more_demanding(Better::Higher, &strict, &loose),
            Some((Ordering::Greater, Basis::Strictness))
        );
        let below = cap("a", "x", "primary-class-size-cap", Comparator::LessThan, 45.0, 2025);
        let at_most = cap("b", "x", "primary-class-size-cap", Comparator::AtMost, 45.0, 2025);
        assert_eq!(
            more_demanding(Better::Lower, &below, &at_most),
            Some((Ordering::Greater, Basis::Strictness))
        );
    }

    #[test]
    fn smaller_cap_is_more_demanding_when_lower_is_better() {
        let tight = cap("a", "x", "primary-class-size-cap", Comparator::AtMost, 40.0, 2025);
        let loose = cap("b", "x", "primary-class-size-cap", Comparator::AtMost, 45.0, 2020);
        assert_eq!(
            more_demanding(Better::Lower, &tight, &loose),
            Some((Ordering::Greater, Basis::Value))
        );
    }

    #[test]
    fn earlier_year_breaks_a_tie_in_value() {
        let early = share("a", "x", Comparator::AtLeast, 80.0, 2020);
        let late = share("b", "x", Comparator::AtLeast, 80.0, 2025);
        assert_eq!(
            more_demanding(Better::Higher, &early, &late),
            Some((Ordering::Greater, Basis::Year))
        );
        let same = share("c", "x", Comparator::AtLeast, 80.0, 2020);
        assert_eq!(
            more_demanding(Better::Higher, &early, &same),
            Some((Ordering::Equal, Basis::Equal))
        );
    }

    #[test]
    fn unrankable_pairs_give_none() {
        let level = share("a", "x", Comparator::AtLeast, 80.0, 2020);
        let change = share("b", "x", Comparator::IncreaseBy, 5.0, 2020);
        assert_eq!(more_demanding(Better::Higher, &level, &change), None);
        assert_eq!(more_demanding(Better::None, &level, &level.clone()), None);
        let no_value = Target {
            value: None,
            ..level.clone()
        };
        assert_eq!(more_demanding(Better::Higher, &level, &no_value), None);
    }
}
