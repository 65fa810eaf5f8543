//! How numbers, requirements (comparator + value + unit) and target years are written, in both
//! languages: the one implementation the exports, the comparison, the views and the charts share.
//! Each form a caller needs is a named parameter, never a separate formatter.

use super::lang::Lang;
use super::model::{Comparator, Indicator, Target};

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberForm {
    /// Every digit the value has, without a spurious ".0": `80`, `86.49`, `90000`. The data
    /// files, the CSV export, the search index and the comparison use it.
    Exact,
    /// As `Exact`, with thousands separators: `90,000`, `1,234,567.5`. Lists and tables.
    Grouped,
    /// Rounded to at most two decimals, trailing zeros dropped: `2.5`, `0.25`, `0` for −0.001.
    /// Chart labels and ticks, paces.
    TwoDecimals,
}

/// Writes `value` in `form`: `Exact` 80 → `80`, 86.49 → `86.49`, 90000 → `90000`; `Grouped` 90000 →
/// `90,000`, −1000 → `-1,000`; `TwoDecimals` 2.504 → `2.5`, 0.25 → `0.25`, −0.001 → `0`. A value
/// that is not finite is written `–` in every form.
pub fn format_number(value: f64, form: NumberForm) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    match form {
        NumberForm::Exact => exact(value),
        NumberForm::Grouped => grouped(&exact(value)),
        NumberForm::TwoDecimals => {
            let text = format!("{value:.2}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            if text == "-0" {
                "0".to_string()
            } else {
                text.to_string()
            }
        }
    }
}

/// `80` rather than `80.0`; −0 is `0`.
fn exact(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// Thousands separators in the integer part of a number written by `exact`.
fn grouped(text: &str) -> String {
    let (int, frac) = text.split_once('.').map_or((text, None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// How a requirement or a value with its unit is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueForm {
    /// The comparison's form: exact numbers, no space after the comparator, the unit attached in
    /// Chinese (`≥85.5%`, `≤45人/班`, `+90000个`, `消除56人/班`) and after a space in English
    /// (`≤45 人/班`, `eliminate 56 人/班`); without a value `定性目标` / `qualitative` for a
    /// milestone, `消除` / `eliminate`, else `未定数值` / `no value`.
    Compact,
    /// As `Compact`, with numbers rounded to two decimals (`TwoDecimals`): charts and paces.
    Rounded,
    /// The lists' and tables' form: grouped numbers, a space after an order comparator and
    /// before a unit other than a percentage in both languages (`≥ 80%`, `≤ 45 人/班`,
    /// `+90,000 个`, `消除 (56 人/班)`); without a value `消除` / `eliminate`, else `定性` /
    /// `qualitative`.
    Label,
}

impl ValueForm {
    /// The number form this layout writes values in.
    pub fn number_form(self) -> NumberForm {
        match self {
            ValueForm::Compact => NumberForm::Exact,
            ValueForm::Rounded => NumberForm::TwoDecimals,
            ValueForm::Label => NumberForm::Grouped,
        }
    }
}

/// True for a percentage unit: `%` or full-width `％` (not `人/班`).
pub fn is_percent(unit: &str) -> bool {
    matches!(unit, "%" | "％")
}

/// A unit as shown: trimmed, and the placeholder `—` (no unit) shown as nothing.
fn shown_unit(unit: &str) -> &str {
    match unit.trim() {
        "—" => "",
        unit => unit,
    }
}

/// A value with its unit in `form`. Percentages (and `‰`) are always attached; other units are
/// attached in Chinese in the compact forms and follow a space otherwise: 80 `%` → `80%`; 45 `人/班`
/// → `45人/班` (Chinese, `Compact`/`Rounded`), `45 人/班` (English, or `Label`); 90000 `个` in
/// `Label` → `90,000 个`; 2.504 `%` in `Rounded` → `2.5%`.
pub fn value_with_unit(value: f64, unit: &str, lang: Lang, form: ValueForm) -> String {
    let number = format_number(value, form.number_form());
    let unit = shown_unit(unit);
    let attached = unit.is_empty() || is_percent(unit) || unit == "‰" || (form != ValueForm::Label && lang == Lang::Zh);
    if attached {
        format!("{number}{unit}")
    } else {
        format!("{number} {unit}")
    }
}

/// The symbol of a comparator: `≥`, `>`, `=`, `≤`, `<`, `+` (increase by), `−` (decrease by), `→`
/// (eliminate: to zero); empty for a count or no comparison. Charts draw it before a value;
/// [`requirement`] writes an equal level without `=` and an elimination in words.
pub fn comparator_symbol(comparator: Comparator) -> &'static str {
    match comparator {
        Comparator::AtLeast => "≥",
        Comparator::MoreThan => ">",
        Comparator::Equal => "=",
        Comparator::AtMost => "≤",
        Comparator::LessThan => "<",
        Comparator::IncreaseBy => "+",
        Comparator::DecreaseBy => "−",
        Comparator::Eliminate => "→",
        Comparator::Count | Comparator::None => "",
    }
}

/// A target's requirement: comparator, value and unit, in `form` (see [`ValueForm`]). An equal
/// level or a count is written as the bare value. `≥` 80 `%`: `≥80%` (`Compact`), `≥ 80%`
/// (`Label`); `eliminate` 56 `人/班`: `消除56人/班` / `eliminate 56 人/班` (`Compact`), `消除 (56 人/班)`
/// (`Label`); `increase_by` 90000 `个`: `+90000个` (`Compact`, Chinese), `+90,000 个` (`Label`).
///
/// The unit is the document's, as written; pages use [`requirement_in`], which words it for the
/// reader.
pub fn requirement(target: &Target, lang: Lang, form: ValueForm) -> String {
    requirement_with_unit(target, target.unit.as_deref().unwrap_or(""), lang, form)
}

/// [`requirement`] with the unit as the reader of `lang` sees it (see [`unit_in`]): `≤ 45 students
/// per class` on an English page.
pub fn requirement_in(target: &Target, indicator: Option<&Indicator>, lang: Lang, form: ValueForm) -> String {
    let unit = unit_in(target.unit.as_deref().unwrap_or(""), indicator, lang, target.value);
    requirement_with_unit(target, unit, lang, form)
}

/// A unit as the reader of `lang` sees it: on English pages a Chinese unit takes its indicator's
/// English form (`人/班` → `students per class`; the singular for a value of exactly 1); otherwise,
/// and when the indicator gives none, the unit as written.
pub fn unit_in<'a>(unit: &'a str, indicator: Option<&'a Indicator>, lang: Lang, value: Option<f64>) -> &'a str {
    let Some(indicator) = indicator.filter(|i| lang == Lang::En && i.unit == unit) else {
        return unit;
    };
    let one = value == Some(1.0);
    match (&indicator.unit_en, &indicator.unit_en_one) {
        (_, Some(single)) if one => single,
        (Some(english), _) => english,
        _ => unit,
    }
}

fn requirement_with_unit(target: &Target, unit: &str, lang: Lang, form: ValueForm) -> String {
    let Some(value) = target.value else {
        return match (target.comparator, form) {
            (Comparator::Eliminate, _) => lang.pick("消除", "eliminate"),
            (_, ValueForm::Label) => lang.pick("定性", "qualitative"),
            (Comparator::None, _) => lang.pick("定性目标", "qualitative"),
            _ => lang.pick("未定数值", "no value"),
        }
        .to_string();
    };
    let number = value_with_unit(value, unit, lang, form);
    let symbol = comparator_symbol(target.comparator);
    match (target.comparator, form) {
        (Comparator::Equal | Comparator::Count | Comparator::None, _) => number,
        (Comparator::Eliminate, ValueForm::Label) => format!("{} ({number})", lang.pick("消除", "eliminate")),
        (Comparator::Eliminate, _) => format!("{}{number}", lang.pick("消除", "eliminate ")),
        (Comparator::IncreaseBy | Comparator::DecreaseBy, _) => format!("{symbol}{number}"),
        (_, ValueForm::Label) => format!("{symbol} {number}"),
        _ => format!("{symbol}{number}"),
    }
}

/// How a target year is written in English (Chinese is always `2025年`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearForm {
    /// `2025`: the comparison's tables and sentences.
    Bare,
    /// `by 2025`: lists and tables of targets.
    By,
}

/// A target year: `2025年`, `2025` or `by 2025` (see [`YearForm`]); `未定年份` / `no year` when
/// the target states none.
pub fn target_year(year: Option<u16>, lang: Lang, form: YearForm) -> String {
    match (year, lang, form) {
        (Some(year), Lang::Zh, _) => format!("{year}年"),
        (Some(year), Lang::En, YearForm::Bare) => year.to_string(),
        (Some(year), Lang::En, YearForm::By) => format!("by {year}"),
        (None, _, _) => lang.pick("未定年份", "no year").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support;

    fn target(comparator: Comparator, value: Option<f64>, unit: &str) -> Target {
        Target {
            theme: "t".into(),
            indicator: "i".into(),
            section: String::new(),
            quote: String::new(),
            ..test_support::target("d-t", comparator, value, Some(unit))
        }
    }

    fn both(target: &Target, form: ValueForm) -> (String, String) {
        (requirement(target, Lang::Zh, form), requirement(target, Lang::En, form))
    }

    #[test]
    fn exact_numbers_print_without_trailing_zero() {
        // The CSV export's and the comparison's form.
        assert_eq!(format_number(80.0, NumberForm::Exact), "80");
        assert_eq!(format_number(86.49, NumberForm::Exact), "86.49");
        assert_eq!(format_number(90000.0, NumberForm::Exact), "90000");
        assert_eq!(format_number(85.5, NumberForm::Exact), "85.5");
        assert_eq!(format_number(-0.0, NumberForm::Exact), "0");
        assert_eq!(format_number(-3.0, NumberForm::Exact), "-3");
        assert_eq!(format_number(1e15, NumberForm::Exact), "1000000000000000");
    }

    #[test]
    fn grouped_numbers_have_thousands_separators() {
        // The views' form.
        assert_eq!(format_number(90000.0, NumberForm::Grouped), "90,000");
        assert_eq!(format_number(86.49, NumberForm::Grouped), "86.49");
        assert_eq!(format_number(1234567.5, NumberForm::Grouped), "1,234,567.5");
        assert_eq!(format_number(-1000.0, NumberForm::Grouped), "-1,000");
        assert_eq!(format_number(999.0, NumberForm::Grouped), "999");
        assert_eq!(format_number(-100.0, NumberForm::Grouped), "-100");
    }

    #[test]
    fn two_decimal_numbers_drop_trailing_zeros() {
        // The charts' and paces' form.
        assert_eq!(format_number(80.0, NumberForm::TwoDecimals), "80");
        assert_eq!(format_number(2.5, NumberForm::TwoDecimals), "2.5");
        assert_eq!(format_number(0.25, NumberForm::TwoDecimals), "0.25");
        assert_eq!(format_number(-0.001, NumberForm::TwoDecimals), "0");
        assert_eq!(format_number(86.494, NumberForm::TwoDecimals), "86.49");
        assert_eq!(format_number(100.0, NumberForm::TwoDecimals), "100");
        assert_eq!(format_number(2023.5, NumberForm::TwoDecimals), "2023.5");
        assert_eq!(format_number(-0.3, NumberForm::TwoDecimals), "-0.3");
    }

    #[test]
    fn numbers_that_are_not_finite_are_a_dash() {
        for form in [NumberForm::Exact, NumberForm::Grouped, NumberForm::TwoDecimals] {
            assert_eq!(format_number(f64::NAN, form), "–");
            assert_eq!(format_number(f64::INFINITY, form), "–");
        }
    }

    #[test]
    fn values_with_units() {
        // The charts' form (`Rounded`).
        assert_eq!(value_with_unit(80.0, "%", Lang::En, ValueForm::Rounded), "80%");
        assert_eq!(value_with_unit(45.0, "人/班", Lang::Zh, ValueForm::Rounded), "45人/班");
        assert_eq!(value_with_unit(45.0, "人/班", Lang::En, ValueForm::Rounded), "45 人/班");
        assert_eq!(value_with_unit(5.0, "‰", Lang::En, ValueForm::Rounded), "5‰");
        assert_eq!(value_with_unit(5.0, "", Lang::En, ValueForm::Rounded), "5");
        assert_eq!(value_with_unit(2.504, "%", Lang::Zh, ValueForm::Rounded), "2.5%");
        // The comparison's form keeps every digit.
        assert_eq!(value_with_unit(2.504, "％", Lang::En, ValueForm::Compact), "2.504％");
        // The views' form spaces units in both languages.
        assert_eq!(value_with_unit(90000.0, "个", Lang::Zh, ValueForm::Label), "90,000 个");
        assert_eq!(value_with_unit(80.0, "%", Lang::Zh, ValueForm::Label), "80%");
        assert_eq!(value_with_unit(3.0, " — ", Lang::Zh, ValueForm::Label), "3");
    }

    #[test]
    fn compact_requirements() {
        // The comparison's form.
        let at_least = target(Comparator::AtLeast, Some(85.5), "%");
        assert_eq!(requirement(&at_least, Lang::Zh, ValueForm::Compact), "≥85.5%");
        let places = target(Comparator::IncreaseBy, Some(90000.0), "个");
        assert_eq!(
            both(&places, ValueForm::Compact),
            ("+90000个".into(), "+90000 个".into())
        );
        let eliminate = target(Comparator::Eliminate, Some(56.0), "人/班");
        assert_eq!(
            both(&eliminate, ValueForm::Compact),
            ("消除56人/班".into(), "eliminate 56 人/班".into())
        );
        let cap = target(Comparator::AtMost, Some(45.0), "人/班");
        assert_eq!(both(&cap, ValueForm::Compact), ("≤45人/班".into(), "≤45 人/班".into()));
        assert_eq!(
            requirement(
                &target(Comparator::MoreThan, Some(85.0), "%"),
                Lang::En,
                ValueForm::Compact
            ),
            ">85%"
        );
        assert_eq!(
            requirement(
                &target(Comparator::LessThan, Some(1.0), "%"),
                Lang::En,
                ValueForm::Compact
            ),
            "<1%"
        );
        assert_eq!(
            requirement(
                &target(Comparator::DecreaseBy, Some(5.0), "%"),
                Lang::En,
                ValueForm::Compact
            ),
            "−5%"
        );
        assert_eq!(
            requirement(
                &target(Comparator::Equal, Some(100.0), "%"),
                Lang::Zh,
                ValueForm::Compact
            ),
            "100%"
        );
        assert_eq!(
            requirement(
                &target(Comparator::Count, Some(3.0), "所"),
                Lang::Zh,
                ValueForm::Compact
            ),
            "3所"
        );
        assert_eq!(
            both(&target(Comparator::Eliminate, None, "人/班"), ValueForm::Compact),
            ("消除".into(), "eliminate".into())
        );
        assert_eq!(
            both(&target(Comparator::None, None, "%"), ValueForm::Compact),
            ("定性目标".into(), "qualitative".into())
        );
        assert_eq!(
            both(&target(Comparator::AtLeast, None, "%"), ValueForm::Compact),
            ("未定数值".into(), "no value".into())
        );
    }

    #[test]
    fn rounded_requirements() {
        let at_least = target(Comparator::AtLeast, Some(42.004), "%");
        assert_eq!(requirement(&at_least, Lang::Zh, ValueForm::Rounded), "≥42%");
    }

    #[test]
    fn label_requirements() {
        // The views' form (lists, tables, the document page).
        assert_eq!(
            both(&target(Comparator::AtLeast, Some(80.0), "%"), ValueForm::Label),
            ("≥ 80%".into(), "≥ 80%".into())
        );
        assert_eq!(
            requirement(
                &target(Comparator::AtMost, Some(45.0), "人/班"),
                Lang::Zh,
                ValueForm::Label
            ),
            "≤ 45 人/班"
        );
        assert_eq!(
            requirement(
                &target(Comparator::MoreThan, Some(85.0), "%"),
                Lang::Zh,
                ValueForm::Label
            ),
            "> 85%"
        );
        assert_eq!(
            requirement(&target(Comparator::LessThan, Some(1.0), ""), Lang::Zh, ValueForm::Label),
            "< 1"
        );
        assert_eq!(
            requirement(
                &target(Comparator::IncreaseBy, Some(9.0), "万个"),
                Lang::Zh,
                ValueForm::Label
            ),
            "+9 万个"
        );
        assert_eq!(
            requirement(
                &target(Comparator::DecreaseBy, Some(90000.0), "个"),
                Lang::En,
                ValueForm::Label
            ),
            "−90,000 个"
        );
        assert_eq!(
            requirement(&target(Comparator::Equal, Some(100.0), "%"), Lang::En, ValueForm::Label),
            "100%"
        );
        assert_eq!(
            requirement(&target(Comparator::Count, Some(3.0), "所"), Lang::En, ValueForm::Label),
            "3 所"
        );
        assert_eq!(
            both(&target(Comparator::Eliminate, Some(56.0), "人/班"), ValueForm::Label),
            ("消除 (56 人/班)".into(), "eliminate (56 人/班)".into())
        );
        assert_eq!(
            both(&target(Comparator::Eliminate, None, "人/班"), ValueForm::Label),
            ("消除".into(), "eliminate".into())
        );
        assert_eq!(
            both(&target(Comparator::None, None, "%"), ValueForm::Label),
            ("定性".into(), "qualitative".into())
        );
        assert_eq!(
            both(&target(Comparator::AtLeast, None, "%"), ValueForm::Label),
            ("定性".into(), "qualitative".into())
        );
        let mut no_unit = target(Comparator::AtLeast, Some(3.0), "");
        no_unit.unit = None;
        assert_eq!(requirement(&no_unit, Lang::En, ValueForm::Label), "≥ 3");
        assert_eq!(requirement(&no_unit, Lang::En, ValueForm::Compact), "≥3");
    }

    #[test]
    fn comparator_symbols() {
        assert_eq!(comparator_symbol(Comparator::AtLeast), "≥");
        assert_eq!(comparator_symbol(Comparator::Equal), "=");
        assert_eq!(comparator_symbol(Comparator::Eliminate), "→");
        assert_eq!(comparator_symbol(Comparator::Count), "");
        assert_eq!(comparator_symbol(Comparator::None), "");
    }

    #[test]
    fn target_years() {
        assert_eq!(target_year(Some(2025), Lang::Zh, YearForm::Bare), "2025年");
        assert_eq!(target_year(Some(2025), Lang::Zh, YearForm::By), "2025年");
        assert_eq!(target_year(Some(2025), Lang::En, YearForm::Bare), "2025");
        assert_eq!(target_year(Some(2020), Lang::En, YearForm::By), "by 2020");
        assert_eq!(target_year(None, Lang::Zh, YearForm::Bare), "未定年份");
        assert_eq!(target_year(None, Lang::En, YearForm::By), "no year");
    }

    #[test]
    fn percent_units() {
        assert!(is_percent("%"));
        assert!(is_percent("％"));
        assert!(!is_percent("人/班"));
        assert!(!is_percent(""));
    }
}
