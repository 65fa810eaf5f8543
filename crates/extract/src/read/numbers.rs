//! The numbers a sentence writes, with their positions: Arabic digits (decimals, thousands
//! separators), Chinese numerals (一百二十, 两千, 三万五千), the 万 and 亿 multipliers (2.65万 is 26500,
//! as the dataset records it), percentages (85%, 百分之九十), ranges (1—2, 3-5, 60%～70%: the lower
//! end is the value, the upper end is kept) and ratios (1000:1, 1:3.3: the side that is not 1).
//!
//! What a number counts (its unit) is read by `units`, and whether it is a value at all (a year,
//! a date, a document number, a section number) by `masks` and `deadlines`; this file only reads
//! numerals.

use std::ops::Range;

use crate::text::folded::Folded;
pub use policy_data::numerals::{chinese_digit, chinese_unit};

/// One number as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The characters of the number, from its first numeral to the end of the percent sign, the
    /// range's upper end or the ratio's second side (the unit, if any, follows).
    pub chars: Range<usize>,
    pub value: f64,
    /// The upper end of a range (1—2所: 2).
    pub max: Option<f64>,
    /// Written with % (or 百分之).
    pub percent: bool,
    /// Written as a ratio (1000:1).
    pub ratio: bool,
    /// Written in Chinese numerals.
    pub chinese: bool,
}

/// Every number in `range` of `folded` whose first character `masked` does not cover.
pub fn scan(folded: &Folded, range: Range<usize>, masked: &dyn Fn(usize) -> bool) -> Vec<Number> {
    let mut found = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let Some(mut number) = numeral_at(folded, i, range.end) else {
            i += 1;
            continue;
        };
        let mut start = i;
        if i >= 3 && folded.has(i - 3, "百分之") {
            start = i - 3;
            number.percent = true;
        }
        i = number.chars.end;
        if masked(start) || masked(number.chars.start) {
            continue;
        }
        number.chars.start = start;
        extend(folded, &mut number, range.end);
        i = number.chars.end;
        found.push(number);
    }
    found
}

/// A numeral (Arabic or Chinese, with a multiplier) starting exactly at `i`.
fn numeral_at(folded: &Folded, i: usize, end: usize) -> Option<Number> {
    let c = folded.at(i);
    if c.is_ascii_digit() {
        if folded.before(i).is_ascii_digit() || (folded.before(i) == '.' && folded.before(i - 1).is_ascii_digit()) {
            return None;
        }
        let mut j = i;
        while j < end {
            let here = folded.at(j);
            let next = folded.at(j + 1);
            let decimal = here == '.' && next.is_ascii_digit() && !text_has_dot(folded, i, j);
            let thousands =
                here == ',' && is_thousands_group(folded, j + 1) && j - i <= 3 + 4 * count_commas(folded, i, j);
            if !(here.is_ascii_digit() || decimal || thousands) {
                break;
            }
            j += 1;
        }
        let literal: String = folded.slice(i..j).iter().filter(|c| **c != ',').collect();
        let value = literal.parse::<f64>().ok()?;
        let (value, j) = multiplied(folded, value, j);
        if !(value.is_finite() && value < 1e15) {
            // A run of digits no document means as one value (and no f64 holds exactly).
            return None;
        }
        return Some(Number {
            chars: i..j,
            value,
            max: None,
            percent: false,
            ratio: false,
            chinese: false,
        });
    }
    if chinese_digit(c).is_some() || (c == '十') {
        if chinese_digit(folded.before(i)).is_some() || chinese_unit(folded.before(i)).is_some() {
            return None;
        }
        let mut j = i;
        while j < end && (chinese_digit(folded.at(j)).is_some() || chinese_unit(folded.at(j)).is_some()) {
            j += 1;
        }
        let run = folded.slice(i..j);
        let value = chinese_value(run)?;
        return Some(Number {
            chars: i..j,
            value,
            max: None,
            percent: false,
            ratio: false,
            chinese: true,
        });
    }
    None
}

fn text_has_dot(folded: &Folded, from: usize, to: usize) -> bool {
    folded.slice(from..to).contains(&'.')
}

fn count_commas(folded: &Folded, from: usize, to: usize) -> usize {
    folded.slice(from..to).iter().filter(|c| **c == ',').count()
}

/// True when exactly three digits start at `i` and no digit follows them: `1,200` but not `8,15`.
fn is_thousands_group(folded: &Folded, i: usize) -> bool {
    (0..3).all(|k| folded.at(i + k).is_ascii_digit()) && !folded.at(i + 3).is_ascii_digit()
}

/// `value` times a 万 or 亿 written right after it (at `j`), and where the number then ends.
fn multiplied(folded: &Folded, value: f64, j: usize) -> (f64, usize) {
    match folded.at(j) {
        '万' => (value * 1e4, j + 1),
        '亿' => (value * 1e8, j + 1),
        _ => (value, j),
    }
}

/// Extends a numeral by what belongs to the number: a percent sign, a range's upper end, a ratio's
/// second side.
fn extend(folded: &Folded, number: &mut Number, end: usize) {
    let mut j = number.chars.end;
    if folded.at(j) == '%' {
        number.percent = true;
        j += 1;
        while folded.at(j) == '%' {
            j += 1;
        }
    }
    if matches!(folded.at(j), '-' | '—' | '–' | '~' | '～' | '至' | '到') {
        let dash_len = if folded.has(j, "——") { 2 } else { 1 };
        if let Some(upper) = numeral_at(folded, j + dash_len, end) {
            let same_kind = upper.chinese == number.chinese && upper.value > number.value;
            let mut k = upper.chars.end;
            let upper_percent = folded.at(k) == '%';
            if upper_percent {
                k += 1;
            }
            if same_kind && (upper_percent || !number.percent) && !looks_like_years(number.value, upper.value) {
                number.max = Some(upper.value);
                number.percent |= upper_percent;
                j = k;
            }
        }
    } else if folded.at(j) == ':' && !number.percent {
        if let Some(second) = numeral_at(folded, j + 1, end).filter(|n| !n.chinese && !number.chinese) {
            if second.value > 0.0 {
                number.ratio = true;
                if number.value == 1.0 {
                    number.value = second.value;
                }
                j = second.chars.end;
            }
        }
    }
    number.chars.end = j;
}

fn looks_like_years(a: f64, b: f64) -> bool {
    (1900.0..2100.0).contains(&a) && (1900.0..2100.0).contains(&b)
}

/// The value of a run of Chinese numeral characters: positional (一百二十 = 120, 两万 = 20000), or
/// digit by digit for a run of four or more bare digits (二〇二五 = 2025). A lone unit (万) and a short
/// run of bare digits (一二, as in 一二年级) have none.
pub fn chinese_value(run: &[char]) -> Option<f64> {
    if run.is_empty() || (run[0] != '十' && chinese_digit(run[0]).is_none()) {
        return None;
    }
    if run.iter().all(|c| chinese_digit(*c).is_some()) {
        return match run.len() {
            1 => chinese_digit(run[0]).map(|d| d as f64),
            2 | 3 => None,
            _ => Some(run.iter().fold(0u64, |acc, c| {
                acc.saturating_mul(10).saturating_add(chinese_digit(*c).unwrap_or(0))
            }) as f64),
        };
    }
    let (mut total, mut section, mut digit) = (0u64, 0u64, 0u64);
    let mut last_unit = u64::MAX;
    let mut pending = false;
    for &c in run {
        if let Some(d) = chinese_digit(c) {
            if pending && digit != 0 {
                // Two digits in a row (十四五): not a positional numeral.
                return None;
            }
            digit = d;
            pending = true;
        } else if let Some(unit) = chinese_unit(c) {
            pending = false;
            if unit >= 10_000 {
                total = total.saturating_add(section).saturating_add(digit).saturating_mul(unit);
                section = 0;
            } else {
                if unit >= last_unit && section > 0 {
                    // 十四五 and the like: not a positional numeral.
                    return None;
                }
                section = section.saturating_add(digit.max(1) * unit);
                last_unit = unit;
            }
            digit = 0;
        }
    }
    Some(total.saturating_add(section).saturating_add(digit) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(f64, Option<f64>, bool)> {
        let folded = Folded::new(text, 0);
        scan(&folded, 0..folded.len(), &|_| false)
            .into_iter()
            .map(|n| (n.value, n.max, n.percent))
            .collect()
    }

    #[test]
    fn arabic_numbers_decimals_and_thousands() {
        assert_eq!(numbers("达到86.49%"), vec![(86.49, None, true)]);
        assert_eq!(numbers("投入1,200元"), vec![(1200.0, None, false)]);
        assert_eq!(numbers("8,15"), vec![(8.0, None, false), (15.0, None, false)]);
        assert_eq!(numbers("74.48%%"), vec![(74.48, None, true)]);
    }

    #[test]
    fn wan_and_yi_multiply() {
        assert_eq!(numbers("增加學位9萬個"), vec![(90_000.0, None, false)]);
        assert_eq!(numbers("达到2.65万人"), vec![(26_500.0, None, false)]);
        assert_eq!(numbers("1.5亿元"), vec![(150_000_000.0, None, false)]);
        assert_eq!(numbers("三万五千个"), vec![(35_000.0, None, false)]);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(numbers("一百二十所"), vec![(120.0, None, false)]);
        assert_eq!(numbers("两千名"), vec![(2000.0, None, false)]);
        assert_eq!(numbers("每天一小时"), vec![(1.0, None, false)]);
        assert_eq!(numbers("二〇二五年"), vec![(2025.0, None, false)]);
        assert_eq!(numbers("十二个"), vec![(12.0, None, false)]);
        assert_eq!(numbers("百分之九十"), vec![(90.0, None, true)]);
        assert!(numbers("十四五").is_empty(), "a plan's name is not a numeral");
        assert!(numbers("一二年级").is_empty());
    }

    #[test]
    fn ranges_keep_both_ends() {
        assert_eq!(numbers("1—2所"), vec![(1.0, Some(2.0), false)]);
        assert_eq!(numbers("1-2項"), vec![(1.0, Some(2.0), false)]);
        assert_eq!(numbers("3-5间"), vec![(3.0, Some(5.0), false)]);
        assert_eq!(numbers("60%～70%"), vec![(60.0, Some(70.0), true)]);
        assert_eq!(numbers("一至两所"), vec![(1.0, Some(2.0), false)]);
        // Two years are not a range of values (masks and deadlines read them).
        assert_eq!(numbers("2023-2024").len(), 2);
    }

    #[test]
    fn ratios_take_the_side_that_is_not_one() {
        let folded = Folded::new("按照1000:1的标准,初中1:3.3", 0);
        let found = scan(&folded, 0..folded.len(), &|_| false);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|n| n.ratio));
        assert_eq!((found[0].value, found[1].value), (1000.0, 3.3));
    }

    #[test]
    fn masked_numbers_are_skipped() {
        let folded = Folded::new("第22次会议,建设3所", 0);
        let found = scan(&folded, 0..folded.len(), &|i| i < 4);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 3.0);
    }
}
