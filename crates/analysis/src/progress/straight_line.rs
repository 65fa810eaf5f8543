//! Straight-line formulas for comparing targets: the yearly change a target requires from its
//! baseline, and the value a straight path would reach in a given year.

/// Average yearly change needed to go from the baseline to the target:
/// `(target_value − baseline_value) / (target_year − baseline_year)`.
/// `None` when the target year is not after the baseline year.
pub fn required_annual_change(
    baseline_value: f64,
    baseline_year: u16,
    target_value: f64,
    target_year: u16,
) -> Option<f64> {
    let years = year_difference(baseline_year, target_year);
    (years > 0).then(|| (target_value - baseline_value) / f64::from(years))
}

/// The value a straight path from the baseline to the target would reach in `year`:
/// `baseline_value + required_annual_change × (year − baseline_year)`.
///
/// An illustration for comparing targets at a common year, not a forecast: outside
/// `baseline_year..=target_year` the line is extrapolated as is. `None` when the target year is not
/// after the baseline year.
pub fn straight_line_value_at(
    baseline_value: f64,
    baseline_year: u16,
    target_value: f64,
    target_year: u16,
    year: u16,
) -> Option<f64> {
    let slope = required_annual_change(baseline_value, baseline_year, target_value, target_year)?;
    Some(baseline_value + slope * f64::from(year_difference(baseline_year, year)))
}

fn year_difference(from: u16, to: u16) -> i32 {
    i32::from(to) - i32::from(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_annual_change_divides_the_gap_by_the_years() {
        assert_eq!(required_annual_change(80.0, 2020, 90.0, 2025), Some(2.0));
        assert_eq!(required_annual_change(56.0, 2020, 45.0, 2022), Some(-5.5));
        assert_eq!(required_annual_change(80.0, 2020, 80.0, 2025), Some(0.0));
    }

    #[test]
    fn required_annual_change_needs_a_later_target_year() {
        assert_eq!(required_annual_change(80.0, 2025, 90.0, 2025), None);
        assert_eq!(required_annual_change(80.0, 2025, 90.0, 2020), None);
    }

    #[test]
    fn straight_line_interpolates_and_extrapolates() {
        assert_eq!(straight_line_value_at(80.0, 2020, 90.0, 2025, 2023), Some(86.0));
        assert_eq!(straight_line_value_at(80.0, 2020, 90.0, 2025, 2020), Some(80.0));
        assert_eq!(straight_line_value_at(80.0, 2020, 90.0, 2025, 2027), Some(94.0));
        assert_eq!(straight_line_value_at(80.0, 2020, 90.0, 2025, 2018), Some(76.0));
        assert_eq!(straight_line_value_at(80.0, 2020, 90.0, 2020, 2020), None);
    }
}
