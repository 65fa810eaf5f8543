//! The calendar: dates (parsed as typed, validated), leap years and day numbers.

use std::fmt;

use crate::data::fold::fold_width;

/// A calendar date (proleptic Gregorian). Build one with [`Date::new`] or [`Date::parse`], which
/// reject impossible days such as 2023-02-29.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date, or `None` when the month or day does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (month and day may have one digit). Full-width digits and dashes are
    /// accepted, and so is the Chinese form `2023年6月30日`.
    pub fn parse(text: &str) -> Option<Date> {
        let normalised = normalise_date_text(text);
        let mut parts = normalised.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || !(1..=2).contains(&month.len()) {
            return None;
        }
        if !(1..=2).contains(&day.len()) {
            return None;
        }
        Date::new(parse_digits(year)?, parse_digits(month)?, parse_digits(day)?)
    }

    /// 1 January of `year`.
    pub fn first_of_year(year: u16) -> Date {
        Date { year, month: 1, day: 1 }
    }

    /// 31 December of `year`.
    pub fn last_of_year(year: u16) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn day_number(self) -> i64 {
        days_from_civil(i64::from(self.year), i64::from(self.month), i64::from(self.day))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// True for Gregorian leap years.
pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Number of days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Howard Hinnant's `days_from_civil`: days since 1970-01-01.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn normalise_date_text(text: &str) -> String {
    let folded = fold_width(text.trim());
    let dashed = folded.replace(['年', '月', '/'], "-");
    dashed.strip_suffix('日').unwrap_or(&dashed).to_string()
}

pub(super) fn parse_digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_validate() {
        assert_eq!(Date::parse("2023-06-30"), Date::new(2023, 6, 30));
        assert_eq!(Date::parse(" 2023-6-3 "), Date::new(2023, 6, 3));
        assert_eq!(Date::parse("２０２３－０６－３０"), Date::new(2023, 6, 30));
        assert_eq!(Date::parse("2023年6月30日"), Date::new(2023, 6, 30));
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
        assert!(Date::new(2024, 2, 29).is_some());
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "23-06-30",
            "2023-06",
            "",
            "abc",
            "2023-06-30-1",
            "2023-0a-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::new(2023, 6, 30).unwrap().to_string(), "2023-06-30");
    }

    #[test]
    fn day_numbers_count_actual_days() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().day_number(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().day_number(), 11_017);
        let start = Date::first_of_year(2021);
        assert_eq!(start.days_until(Date::first_of_year(2026)), 1826);
        assert_eq!(start.days_until(Date::new(2023, 6, 30).unwrap()), 910);
        assert!(is_leap_year(2000) && is_leap_year(2024) && !is_leap_year(1900) && !is_leap_year(2023));
    }
}
