//! Reads the numbers a Chinese sentence states: Arabic digits (with decimals and thousands separators),
//! Chinese numerals (一百二十, 两千, 二〇二五) and the 万/亿 multipliers, so that validation can prove that
//! a target's value is written in its quote.

/// Every number stated in `text`, including each value scaled by a following 万 (10⁴) or 亿 (10⁸).
pub fn numbers_in(text: &str) -> Vec<f64> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',') && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())))
            {
                i += 1;
            }
            let literal: String = chars[start..i].iter().filter(|c| **c != ',').collect();
            if let Ok(value) = literal.parse::<f64>() {
                push_with_multiplier(&mut found, value, chars.get(i));
            }
        } else if chinese_digit(c).is_some() || chinese_unit(c).is_some() {
            let start = i;
            while i < chars.len() && (chinese_digit(chars[i]).is_some() || chinese_unit(chars[i]).is_some()) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            found.extend(chinese_values(&run));
        } else {
            i += 1;
        }
    }
    found
}

/// True when `value` is one of the numbers stated in `text` (compared to 1e-9 relative precision).
pub fn states_number(text: &str, value: f64) -> bool {
    numbers_in(text)
        .iter()
        .any(|n| (n - value).abs() <= 1e-9 * value.abs().max(1.0))
}

fn push_with_multiplier(found: &mut Vec<f64>, value: f64, next: Option<&char>) {
    found.push(value);
    match next {
        Some('万' | '萬') => found.push(value * 1e4),
        Some('亿' | '億') => found.push(value * 1e8),
        _ => {}
    }
}

/// The value of a Chinese numeral digit, Simplified or Traditional (两, 兩).
pub fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese numeral unit, Simplified or Traditional (万, 萬).
pub fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// Values of a run of Chinese numeral characters: the positional reading (一百二十 = 120) and, for a
/// run of bare digits (二〇二五), the digit-by-digit reading (2025). A lone unit such as 万 yields nothing.
fn chinese_values(run: &str) -> Vec<f64> {
    let chars: Vec<char> = run.chars().collect();
    if chars.first() != Some(&'十') && chars.iter().all(|c| chinese_unit(*c).is_some()) {
        return Vec::new();
    }
    if chars.iter().all(|c| chinese_digit(*c).is_some()) {
        let digits = chars.iter().fold(0u64, |acc, c| {
            acc.saturating_mul(10).saturating_add(chinese_digit(*c).unwrap_or(0))
        });
        let mut values = vec![digits as f64];
        if chars.len() > 1 {
            values.extend(chars.iter().map(|c| chinese_digit(*c).unwrap_or(0) as f64));
        }
        return values;
    }
    let (mut total, mut section, mut digit) = (0u64, 0u64, 0u64);
    for c in chars {
        if let Some(d) = chinese_digit(c) {
            digit = d;
        } else if let Some(unit) = chinese_unit(c) {
            if unit >= 10_000 {
                total = total.saturating_add(section).saturating_add(digit).saturating_mul(unit);
                section = 0;
            } else {
                section = section.saturating_add(digit.max(1) * unit);
            }
            digit = 0;
        }
    }
    vec![total.saturating_add(section).saturating_add(digit) as f64]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_numbers_with_decimals_separators_and_wan() {
        let found = numbers_in("增加学位9万个,占比达86.49%,投入1,200元");
        for expected in [9.0, 90_000.0, 86.49, 1200.0] {
            assert!(found.contains(&expected), "{expected} missing from {found:?}");
        }
        assert!(states_number("1.5万人", 15_000.0));
    }

    #[test]
    fn chinese_numerals() {
        assert!(states_number("建设一百二十所学校", 120.0));
        assert!(states_number("两千名教师", 2000.0));
        assert!(states_number("十二个", 12.0));
        assert!(states_number("三万五千个学位", 35_000.0));
        assert!(states_number("二〇二五年", 2025.0));
        assert!(states_number("培训十万人次", 100_000.0));
    }

    #[test]
    fn absent_numbers_are_not_found() {
        assert!(!states_number("到2020年达到80%", 85.0));
        assert!(!states_number("全面覆盖", 100.0));
        assert!(numbers_in("万众一心").len() == 1, "only 一 is a number here");
    }

    #[test]
    fn very_long_numerals_saturate_instead_of_overflowing() {
        let digits = "九".repeat(40);
        assert_eq!(numbers_in(&digits)[0], u64::MAX as f64);
        let units = format!("九{}", "亿".repeat(12));
        assert_eq!(numbers_in(&units), vec![u64::MAX as f64]);
        assert!(!numbers_in(&"9".repeat(400)).is_empty());
    }
}
