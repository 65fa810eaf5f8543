//! What the user typed: the raw input fields, their parsing (numbers, years, the evaluation date)
//! and the field-specific errors in Chinese and English.

use super::calendar::{parse_digits, Date};
use policy_data::fold::fold_width;
use policy_data::lang::Lang;

/// Earliest year accepted in an evaluation date or a baseline year.
pub const MIN_YEAR: u16 = 2000;

/// Latest year accepted in an evaluation date or a baseline year.
pub const MAX_YEAR: u16 = 2100;

/// What the user typed, kept as raw strings so the form can round-trip through a URL.
/// An empty string means "not given".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvaluationInput {
    /// Evaluation date, `YYYY-MM-DD`.
    pub date: String,
    /// Baseline value; when empty the document's baseline is used.
    pub baseline_value: String,
    /// Baseline year; when empty the document's baseline year is used.
    pub baseline_year: String,
    /// The value now (for `count` and `increase_by`: the amount achieved so far).
    pub current_value: String,
}

/// The input field an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Date,
    BaselineValue,
    BaselineYear,
    CurrentValue,
}

impl Field {
    /// Stable machine name, matching the [`EvaluationInput`] field (usable as a URL key).
    pub fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::BaselineValue => "baseline_value",
            Field::BaselineYear => "baseline_year",
            Field::CurrentValue => "current_value",
        }
    }

    /// Human label.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Date, Lang::Zh) => "评估日期",
            (Field::Date, Lang::En) => "Evaluation date",
            (Field::BaselineValue, Lang::Zh) => "基期值",
            (Field::BaselineValue, Lang::En) => "Baseline value",
            (Field::BaselineYear, Lang::Zh) => "基期年份",
            (Field::BaselineYear, Lang::En) => "Baseline year",
            (Field::CurrentValue, Lang::Zh) => "当前值",
            (Field::CurrentValue, Lang::En) => "Current value",
        }
    }
}

/// Why a field's content was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKey {
    Required,
    NotANumber,
    Negative,
    PercentOutOfRange,
    UnexpectedPercentSign,
    InvalidDate,
    DateOutOfRange,
    InvalidYear,
    YearOutOfRange,
    BaselineYearAfterEvaluation,
    BaselineYearAfterTargetYear,
}

impl ErrorKey {
    /// Stable machine name of the message.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKey::Required => "required",
            ErrorKey::NotANumber => "not-a-number",
            ErrorKey::Negative => "negative",
            ErrorKey::PercentOutOfRange => "percent-out-of-range",
            ErrorKey::UnexpectedPercentSign => "unexpected-percent-sign",
            ErrorKey::InvalidDate => "invalid-date",
            ErrorKey::DateOutOfRange => "date-out-of-range",
            ErrorKey::InvalidYear => "invalid-year",
            ErrorKey::YearOutOfRange => "year-out-of-range",
            ErrorKey::BaselineYearAfterEvaluation => "baseline-year-after-evaluation",
            ErrorKey::BaselineYearAfterTargetYear => "baseline-year-after-target-year",
        }
    }

    /// The message text alone, without the field label.
    pub fn text(self, lang: Lang) -> &'static str {
        if lang == Lang::Zh {
            self.text_zh()
        } else {
            self.text_en()
        }
    }

    fn text_zh(self) -> &'static str {
        match self {
            ErrorKey::Required => "请填写此项",
            ErrorKey::NotANumber => "请输入数字,例如 85 或 85.5",
            ErrorKey::Negative => "不能为负数",
            ErrorKey::PercentOutOfRange => "百分比须在0到100之间",
            ErrorKey::UnexpectedPercentSign => "此指标的单位不是百分比,请去掉%",
            ErrorKey::InvalidDate => "请按 YYYY-MM-DD 格式输入有效日期",
            ErrorKey::DateOutOfRange => "日期须在2000年至2100年之间",
            ErrorKey::InvalidYear => "请输入四位数年份,例如 2020",
            ErrorKey::YearOutOfRange => "年份须在2000年至2100年之间",
            ErrorKey::BaselineYearAfterEvaluation => "基期年份不能晚于评估日期所在年份",
            ErrorKey::BaselineYearAfterTargetYear => "基期年份不能晚于目标年份",
        }
    }

    fn text_en(self) -> &'static str {
        match self {
            ErrorKey::Required => "This field is required",
            ErrorKey::NotANumber => "Enter a number, e.g. 85 or 85.5",
            ErrorKey::Negative => "Must not be negative",
            ErrorKey::PercentOutOfRange => "A percentage must lie between 0 and 100",
            ErrorKey::UnexpectedPercentSign => "This indicator is not a percentage; remove the % sign",
            ErrorKey::InvalidDate => "Enter a valid date as YYYY-MM-DD",
            ErrorKey::DateOutOfRange => "The date must lie between 2000 and 2100",
            ErrorKey::InvalidYear => "Enter a four-digit year, e.g. 2020",
            ErrorKey::YearOutOfRange => "The year must lie between 2000 and 2100",
            ErrorKey::BaselineYearAfterEvaluation => "The baseline year cannot be later than the evaluation year",
            ErrorKey::BaselineYearAfterTargetYear => "The baseline year cannot be later than the target year",
        }
    }
}

/// One refused field and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InputError {
    pub field: Field,
    pub key: ErrorKey,
}

impl InputError {
    pub(super) fn new(field: Field, key: ErrorKey) -> InputError {
        InputError { field, key }
    }

    /// "Field: message" in Chinese or English.
    pub fn message(&self, lang: Lang) -> String {
        let separator = if lang == Lang::Zh { ":" } else { ": " };
        format!("{}{separator}{}", self.field.label(lang), self.key.text(lang))
    }
}

/// How a number field should be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scale {
    /// A percentage: 0–100, a trailing % is allowed.
    Percent,
    /// Any non-negative quantity; a trailing % is refused.
    Quantity,
    /// A count or a share (used for `eliminate`): non-negative, 0–100 when written with %.
    QuantityOrPercent,
}

/// Parses a number as typed: `85`, `85.5`, `85%`, full-width `８５`, surrounding spaces.
/// `Ok(None)` for an empty field. Refuses words, `NaN`, `inf`, exponents and negative numbers.
pub(super) fn parse_number(raw: &str, scale: Scale) -> Result<Option<f64>, ErrorKey> {
    let folded = fold_width(raw).replace('。', ".");
    let text = folded.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (text, has_percent_sign) = match text.strip_suffix('%') {
        Some(stripped) => (stripped.trim_end(), true),
        None => (text, false),
    };
    let (digits, negative) = match text.strip_prefix('-') {
        Some(stripped) => (stripped, true),
        None => (text, false),
    };
    if !is_plain_decimal(digits) {
        return Err(ErrorKey::NotANumber);
    }
    let value: f64 = digits.parse().map_err(|_| ErrorKey::NotANumber)?;
    if negative && value != 0.0 {
        return Err(ErrorKey::Negative);
    }
    check_scale(value, has_percent_sign, scale).map(Some)
}

fn is_plain_decimal(text: &str) -> bool {
    let digit_count = text.chars().filter(char::is_ascii_digit).count();
    let dot_count = text.chars().filter(|c| *c == '.').count();
    digit_count > 0 && dot_count <= 1 && digit_count + dot_count == text.chars().count()
}

fn check_scale(value: f64, has_percent_sign: bool, scale: Scale) -> Result<f64, ErrorKey> {
    let is_percent = match scale {
        Scale::Percent => true,
        Scale::Quantity if has_percent_sign => return Err(ErrorKey::UnexpectedPercentSign),
        Scale::Quantity => false,
        Scale::QuantityOrPercent => has_percent_sign,
    };
    if is_percent && value > 100.0 {
        return Err(ErrorKey::PercentOutOfRange);
    }
    Ok(value)
}

/// Parses a four-digit year (`2020`, `２０２０`, `2020年`). `Ok(None)` for an empty field.
pub(super) fn parse_year(raw: &str) -> Result<Option<u16>, ErrorKey> {
    let folded = fold_width(raw);
    let text = folded.trim();
    let text = text.strip_suffix('年').unwrap_or(text).trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.len() != 4 {
        return Err(ErrorKey::InvalidYear);
    }
    let year: u16 = parse_digits(text).ok_or(ErrorKey::InvalidYear)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(ErrorKey::YearOutOfRange);
    }
    Ok(Some(year))
}

/// Parses the evaluation date and checks it lies within 2000–2100.
pub(super) fn parse_evaluation_date(raw: &str) -> Result<Date, ErrorKey> {
    if raw.trim().is_empty() {
        return Err(ErrorKey::Required);
    }
    let date = Date::parse(raw).ok_or(ErrorKey::InvalidDate)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&date.year) {
        return Err(ErrorKey::DateOutOfRange);
    }
    Ok(date)
}

/// True when the target's unit is a percentage.
pub fn is_percent_unit(unit: Option<&str>) -> bool {
    matches!(unit.map(str::trim), Some("%" | "％"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_accept_common_spellings() {
        assert_eq!(parse_number("85", Scale::Percent), Ok(Some(85.0)));
        assert_eq!(parse_number("85.5", Scale::Percent), Ok(Some(85.5)));
        assert_eq!(parse_number("85%", Scale::Percent), Ok(Some(85.0)));
        assert_eq!(parse_number(" 85 % ", Scale::Percent), Ok(Some(85.0)));
        assert_eq!(parse_number("８５", Scale::Percent), Ok(Some(85.0)));
        assert_eq!(parse_number("８５．５％", Scale::Percent), Ok(Some(85.5)));
        assert_eq!(parse_number("", Scale::Percent), Ok(None));
        assert_eq!(parse_number("   ", Scale::Quantity), Ok(None));
        assert_eq!(parse_number("90000", Scale::Quantity), Ok(Some(90000.0)));
        assert_eq!(parse_number("0", Scale::Quantity), Ok(Some(0.0)));
    }

    #[test]
    fn numbers_reject_garbage_and_out_of_range() {
        for bad in [
            "abc", "NaN", "nan", "inf", "1e5", "8 5", "85..", "1.2.3", "%", ".", "85人", "--5",
        ] {
            assert_eq!(parse_number(bad, Scale::Quantity), Err(ErrorKey::NotANumber), "{bad}");
        }
        assert_eq!(parse_number("-5", Scale::Quantity), Err(ErrorKey::Negative));
        assert_eq!(parse_number("100.5", Scale::Percent), Err(ErrorKey::PercentOutOfRange));
        assert_eq!(parse_number("101%", Scale::Percent), Err(ErrorKey::PercentOutOfRange));
        assert_eq!(parse_number("100", Scale::Percent), Ok(Some(100.0)));
        assert_eq!(
            parse_number("45%", Scale::Quantity),
            Err(ErrorKey::UnexpectedPercentSign)
        );
        assert_eq!(parse_number("150", Scale::QuantityOrPercent), Ok(Some(150.0)));
        assert_eq!(
            parse_number("150%", Scale::QuantityOrPercent),
            Err(ErrorKey::PercentOutOfRange)
        );
    }

    #[test]
    fn years_parse_within_range() {
        assert_eq!(parse_year("2020"), Ok(Some(2020)));
        assert_eq!(parse_year("２０２０年"), Ok(Some(2020)));
        assert_eq!(parse_year(""), Ok(None));
        assert_eq!(parse_year("20"), Err(ErrorKey::InvalidYear));
        assert_eq!(parse_year("abcd"), Err(ErrorKey::InvalidYear));
        assert_eq!(parse_year("1999"), Err(ErrorKey::YearOutOfRange));
        assert_eq!(parse_year("2101"), Err(ErrorKey::YearOutOfRange));
    }
}
