//! The calendar: dates (parsed as typed, validated), leap years, day numbers, and the instants and
//! fractional years that the calculator and the paths chart both count time in.
//!
//! Instants are day numbers read as 00:00 of that day. A value stated for year Y holds at the end
//! of Y ([`year_end_day`], 00:00 on 1 January Y + 1); an evaluation date counts the day itself as
//! elapsed ([`Date::end_day`]). The chart's time axis is the fractional year of an instant
//! ([`fractional_year_of_day`]: the end of 2023-07-02 ≈ 2023.5, the end of 2023-12-31 = 2024.0).

use std::fmt;

use policy_data::fold::fold_width;

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

    /// The end of this day (24:00, = 00:00 of the next day) as an instant: the day counts as elapsed.
    pub fn end_day(self) -> i64 {
        self.day_number() + 1
    }

    /// The date of day number `day` (the inverse of [`Date::day_number`]); `None` outside years
    /// 1–9999.
    pub fn from_day_number(day: i64) -> Option<Date> {
        let (year, month, day) = civil_from_days(day);
        let year = u16::try_from(year).ok().filter(|y| (1..=9999).contains(y))?;
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
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

/// Howard Hinnant's `civil_from_days`: (year, month, day) of a day number.
fn civil_from_days(day: i64) -> (i64, i64, i64) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// 00:00 on 1 January of `year`, as an instant.
pub fn year_start_day(year: u16) -> i64 {
    Date::first_of_year(year).day_number()
}

/// The end of `year` (00:00 on 1 January of the next year), as an instant: when a value stated
/// for `year` holds.
pub fn year_end_day(year: u16) -> i64 {
    Date::last_of_year(year).end_day()
}

/// Time-axis position of a value stated for `year`: the end of that year, `year + 1.0`.
pub fn year_end(year: u16) -> f64 {
    f64::from(year) + 1.0
}

fn days_in_year(year: u16) -> f64 {
    if is_leap_year(year) {
        366.0
    } else {
        365.0
    }
}

/// Time-axis position of an evaluation date: the end of that day, as a fractional year
/// (2023-07-02 → 2023.501…, 2023-12-31 → 2024.0).
pub fn fractional_year(date: Date) -> f64 {
    let day_of_year = (date.end_day() - Date::first_of_year(date.year).day_number()) as f64;
    f64::from(date.year) + day_of_year / days_in_year(date.year)
}

/// Time-axis position of an instant (the end of the day before it).
pub fn fractional_year_of_day(day: i64) -> Option<f64> {
    Date::from_day_number(day - 1).map(fractional_year)
}

/// The date whose end is nearest to time-axis position `t` (the inverse of [`fractional_year`]).
pub fn date_of(t: f64) -> Option<Date> {
    if !t.is_finite() || !(1.0..=9999.0).contains(&t) {
        return None;
    }
    let mut year = t.floor() as u16;
    let mut day = ((t - t.floor()) * days_in_year(year)).round() as u32;
    if day == 0 {
        year -= 1;
        day = days_in_year(year) as u32;
    }
    let mut month = 1u8;
    while month < 12 && day > u32::from(days_in_month(year, month)) {
        day -= u32::from(days_in_month(year, month));
        month += 1;
    }
    Date::new(year, month, day.min(u32::from(days_in_month(year, month))) as u8)
}

/// The instant nearest to time-axis position `t` (the end of [`date_of`]); exact for positions
/// made by [`fractional_year`], [`year_end`] and whole years.
pub fn day_of_fractional_year(t: f64) -> Option<i64> {
    date_of(t).map(Date::end_day)
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
    fn instants_and_the_time_axis_round_trip() {
        for (y, m, d) in [
            (2023, 7, 2),
            (2024, 2, 29),
            (2023, 12, 31),
            (2024, 1, 1),
            (1970, 1, 1),
            (2000, 3, 1),
        ] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(Date::from_day_number(date.day_number()), Some(date));
            let t = fractional_year(date);
            assert_eq!(day_of_fractional_year(t), Some(date.end_day()), "{date}");
            assert_eq!(fractional_year_of_day(date.end_day()), Some(t), "{date}");
        }
        assert_eq!(fractional_year_of_day(year_end_day(2022)), Some(year_end(2022)));
        assert_eq!(day_of_fractional_year(year_end(2022)), Some(year_end_day(2022)));
        assert_eq!(day_of_fractional_year(2021.0), Some(year_start_day(2021)));
        assert_eq!(year_end_day(2020), year_start_day(2021));
        assert_eq!(day_of_fractional_year(f64::NAN), None);
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
