//! Progress calculations for one target: the yearly change a target requires, a straight-line path,
//! and a mid-term evaluation that sets the share of time elapsed against the share of the distance
//! covered (the "时间过半、任务过半" method of mid-term evaluation reports).
//!
//! Every formula, its conventions and a worked example are written out in `docs/formulas.md`.
//! Inputs arrive as the raw strings a user typed ([`EvaluationInput`]), so they can live in a URL;
//! [`evaluate`] validates them and returns field-specific [`InputError`]s in Chinese and English.
//! Pure functions, no web dependency.

use std::fmt;

use crate::data::model::{Comparator, Document, Kind, Target};

/// How far (as a share of the whole task) progress may lag or lead the time elapsed and still count
/// as on track: ±5 percentage points, exclusive at both edges.
pub const ON_TRACK_TOLERANCE: f64 = 0.05;

/// Earliest year accepted in an evaluation date or a baseline year.
pub const MIN_YEAR: u16 = 2000;

/// Latest year accepted in an evaluation date or a baseline year.
pub const MAX_YEAR: u16 = 2100;

/// Allowance for floating-point noise when comparing shares and values.
const EPSILON: f64 = 1e-9;

// ---------------------------------------------------------------------------------------------
// Straight-line formulas
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

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

fn parse_digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Full-width digits, punctuation and the ideographic space folded to ASCII.
fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Input and its validation
// ---------------------------------------------------------------------------------------------

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
    pub fn label(self, lang_is_zh: bool) -> &'static str {
        match (self, lang_is_zh) {
            (Field::Date, true) => "评估日期",
            (Field::Date, false) => "Evaluation date",
            (Field::BaselineValue, true) => "基期值",
            (Field::BaselineValue, false) => "Baseline value",
            (Field::BaselineYear, true) => "基期年份",
            (Field::BaselineYear, false) => "Baseline year",
            (Field::CurrentValue, true) => "当前值",
            (Field::CurrentValue, false) => "Current value",
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
    pub fn text(self, lang_is_zh: bool) -> &'static str {
        if lang_is_zh {
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
    fn new(field: Field, key: ErrorKey) -> InputError {
        InputError { field, key }
    }

    /// "Field: message" in Chinese or English.
    pub fn message(&self, lang_is_zh: bool) -> String {
        let separator = if lang_is_zh { ":" } else { ": " };
        format!(
            "{}{separator}{}",
            self.field.label(lang_is_zh),
            self.key.text(lang_is_zh)
        )
    }
}

/// How a number field should be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scale {
    /// A percentage: 0–100, a trailing % is allowed.
    Percent,
    /// Any non-negative quantity; a trailing % is refused.
    Quantity,
    /// A count or a share (used for `eliminate`): non-negative, 0–100 when written with %.
    QuantityOrPercent,
}

/// Parses a number as typed: `85`, `85.5`, `85%`, full-width `８５`, surrounding spaces.
/// `Ok(None)` for an empty field. Refuses words, `NaN`, `inf`, exponents and negative numbers.
fn parse_number(raw: &str, scale: Scale) -> Result<Option<f64>, ErrorKey> {
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
fn parse_year(raw: &str) -> Result<Option<u16>, ErrorKey> {
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
fn parse_evaluation_date(raw: &str) -> Result<Date, ErrorKey> {
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

// ---------------------------------------------------------------------------------------------
// What a target asks for
// ---------------------------------------------------------------------------------------------

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
    pub fn message(self, lang_is_zh: bool) -> &'static str {
        match (self, lang_is_zh) {
            (Unevaluable::NoNumericComparison, true) => "定性目标,没有可比较的数值",
            (Unevaluable::NoNumericComparison, false) => "A qualitative milestone: there is no number to compare",
            (Unevaluable::NoTargetValue, true) => "文件未给出目标数值",
            (Unevaluable::NoTargetValue, false) => "The document states no target value",
            (Unevaluable::Forecast, true) => "这是预测而非承诺,不作进度评估",
            (Unevaluable::Forecast, false) => "This is a forecast, not a commitment; progress is not evaluated",
            (Unevaluable::TargetValueOutOfRange, true) => "目标数值超出合理范围",
            (Unevaluable::TargetValueOutOfRange, false) => "The target value is outside the possible range",
            (Unevaluable::ZeroAmount, true) => "目标数量为零",
            (Unevaluable::ZeroAmount, false) => "The target amount is zero",
        }
    }
}

/// How a target is measured once its comparator is read.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Rule {
    /// `>=`, `>`, `<=`, `<`, `=`: the current level against a fixed level.
    Threshold { comparator: Comparator, level: f64 },
    /// `count`, `increase_by`: the amount achieved so far against the amount promised.
    Amount { amount: f64 },
    /// `decrease_by`: the level must fall by `amount` from the baseline.
    DecreaseBy { amount: f64 },
    /// `eliminate`: the number (or share) of the thing must reach zero.
    Eliminate,
}

fn rule_for(target: &Target) -> Result<Rule, Unevaluable> {
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

fn scale_for(rule: Rule, target: &Target) -> Scale {
    match rule {
        Rule::Eliminate => Scale::QuantityOrPercent,
        _ if is_percent_unit(target.unit.as_deref()) => Scale::Percent,
        _ => Scale::Quantity,
    }
}

/// The level to reach and the direction in which it counts as reached.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Goal {
    bound: Bound,
    level: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bound {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    /// `=`: reached once the value gets to the level from the baseline side.
    Reach,
}

fn goal_for(rule: Rule, baseline: Option<f64>) -> Option<Goal> {
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
fn satisfies(value: f64, goal: Goal, start: Option<f64>) -> bool {
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
fn progress_share(start: f64, current: f64, goal: Goal) -> Option<f64> {
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

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/// The verdict of a mid-term evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// The current value satisfies the target.
    Met,
    /// Progress share ≥ time share + [`ON_TRACK_TOLERANCE`].
    Ahead,
    /// Progress share within ± [`ON_TRACK_TOLERANCE`] of the time share.
    OnTrack,
    /// Progress share ≤ time share − [`ON_TRACK_TOLERANCE`]; also any unmet target after its
    /// deadline, and a target that has slipped back from a baseline that already met it.
    Behind,
    /// The target year is over and no current value was given.
    DeadlinePassedWithoutData,
    /// The evaluation date is before the plan period begins.
    NotStarted,
    /// The target has no number to evaluate.
    CannotEvaluate(Unevaluable),
}

impl Status {
    /// Short label in Chinese or English.
    pub fn label(self, lang_is_zh: bool) -> &'static str {
        match (self, lang_is_zh) {
            (Status::Met, true) => "已达成",
            (Status::Met, false) => "Met",
            (Status::Ahead, true) => "超前",
            (Status::Ahead, false) => "Ahead",
            (Status::OnTrack, true) => "基本同步",
            (Status::OnTrack, false) => "On track",
            (Status::Behind, true) => "滞后",
            (Status::Behind, false) => "Behind",
            (Status::DeadlinePassedWithoutData, true) => "已过期限,缺少数据",
            (Status::DeadlinePassedWithoutData, false) => "Deadline passed, no data",
            (Status::NotStarted, true) => "规划期尚未开始",
            (Status::NotStarted, false) => "Plan period not started",
            (Status::CannotEvaluate(_), true) => "无法评估",
            (Status::CannotEvaluate(_), false) => "Cannot evaluate",
        }
    }
}

/// Where the baseline used came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BaselineSource {
    /// The document states it.
    Document,
    /// The user typed it.
    User,
    /// Zero at the start of the plan period (`count`, `increase_by`).
    PlanStart,
}

/// The baseline an evaluation used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UsedBaseline {
    pub value: f64,
    /// The year whose end the value describes; `None` when unknown or for [`BaselineSource::PlanStart`].
    pub year: Option<u16>,
    pub source: BaselineSource,
}

/// Straight-line projection of the trend so far to the end of the target year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Projected value on 31 December of `year`, kept within 0–100 for percentages and ≥ 0 otherwise.
    pub value: f64,
    pub year: u16,
    /// Whether the projected value would satisfy the target.
    pub meets_target: bool,
}

/// The result of evaluating one target at one date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluation {
    pub status: Status,
    pub date: Date,
    /// The target year, or the plan's last year when the target has none.
    pub target_year: u16,
    /// True when `target_year` was taken from the plan period.
    pub target_year_assumed: bool,
    /// Share of the time from 1 January of the plan's first year to 31 December of the target year
    /// that has elapsed, in [0, 1].
    pub time_share: f64,
    /// Share of the distance from baseline to target covered; may exceed 1 or be negative.
    pub progress_share: Option<f64>,
    pub baseline: Option<UsedBaseline>,
    pub current: Option<f64>,
    /// The level to reach (for `decrease_by`: baseline minus the amount; for `eliminate`: 0).
    pub goal: Option<f64>,
    /// True when the evaluation date is after 31 December of the target year.
    pub deadline_passed: bool,
    pub projection: Option<Projection>,
}

/// The plan period's clock for one target, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Timeline {
    /// 00:00 on 1 January of the plan's first year.
    start: i64,
    /// 24:00 on 31 December of the target year (= 00:00 on 1 January of the next year).
    end: i64,
    /// 24:00 on the evaluation date: the evaluation day counts as elapsed.
    now: i64,
}

impl Timeline {
    fn new(period_start: u16, target_year: u16, date: Date) -> Timeline {
        Timeline {
            start: Date::first_of_year(period_start).day_number(),
            end: Date::last_of_year(target_year).day_number() + 1,
            now: date.day_number() + 1,
        }
    }

    fn not_started(self) -> bool {
        self.now <= self.start
    }

    fn deadline_passed(self) -> bool {
        self.now > self.end
    }

    fn time_share(self) -> f64 {
        let total = self.end - self.start;
        if total <= 0 {
            return if self.now > self.end { 1.0 } else { 0.0 };
        }
        ((self.now - self.start) as f64 / total as f64).clamp(0.0, 1.0)
    }
}

/// Share of time elapsed at `date` for a plan starting 1 January `period_start` and a target due
/// 31 December `target_year`: days elapsed (counting the evaluation day) over days in the span,
/// clamped to [0, 1].
pub fn time_elapsed_share(period_start: u16, target_year: u16, date: Date) -> f64 {
    Timeline::new(period_start, target_year, date).time_share()
}

/// The status that the shares give for an unmet target before its deadline.
pub fn status_from_shares(progress_share: f64, time_share: f64) -> Status {
    let lead = progress_share - time_share;
    if lead >= ON_TRACK_TOLERANCE - EPSILON {
        Status::Ahead
    } else if lead <= -ON_TRACK_TOLERANCE + EPSILON {
        Status::Behind
    } else {
        Status::OnTrack
    }
}

/// The validated inputs.
struct Parsed {
    date: Date,
    baseline: Option<UsedBaseline>,
    current: Option<f64>,
}

/// Evaluates `target` of `document` at the date and values in `input`.
///
/// Returns every input problem at once when any field is refused. A target without a number
/// (milestone, forecast) gives `Status::CannotEvaluate` and needs only a valid date.
pub fn evaluate(document: &Document, target: &Target, input: &EvaluationInput) -> Result<Evaluation, Vec<InputError>> {
    let target_year = target.target_year.unwrap_or(document.period.end);
    let rule = match rule_for(target) {
        Ok(rule) => rule,
        Err(reason) => return unevaluable(document, target, target_year, input, reason),
    };
    let parsed = parse_inputs(target, rule, target_year, input)?;
    let timeline = Timeline::new(document.period.start, target_year, parsed.date);
    let mut evaluation = Evaluation {
        status: Status::NotStarted,
        date: parsed.date,
        target_year,
        target_year_assumed: target.target_year.is_none(),
        time_share: timeline.time_share(),
        progress_share: None,
        baseline: parsed.baseline,
        current: parsed.current,
        goal: goal_for(rule, parsed.baseline.map(|b| b.value)).map(|goal| goal.level),
        deadline_passed: timeline.deadline_passed(),
        projection: None,
    };
    if timeline.not_started() {
        return Ok(evaluation);
    }
    let Some(current) = parsed.current else {
        return if timeline.deadline_passed() {
            evaluation.status = Status::DeadlinePassedWithoutData;
            Ok(evaluation)
        } else {
            Err(vec![InputError::new(Field::CurrentValue, ErrorKey::Required)])
        };
    };
    let start = parsed.baseline.map(|b| b.value);
    let goal = goal_for(rule, start).ok_or_else(|| vec![InputError::new(Field::BaselineValue, ErrorKey::Required)])?;
    if satisfies(current, goal, start) {
        evaluation.status = Status::Met;
        evaluation.progress_share = start.and_then(|start| progress_share(start, current, goal));
    } else {
        let start = start.ok_or_else(|| vec![InputError::new(Field::BaselineValue, ErrorKey::Required)])?;
        evaluation.progress_share = progress_share(start, current, goal);
        evaluation.status = unmet_status(evaluation.progress_share, &evaluation);
    }
    evaluation.projection = project(document, target, &evaluation, goal, timeline);
    Ok(evaluation)
}

fn unmet_status(progress_share: Option<f64>, evaluation: &Evaluation) -> Status {
    match progress_share {
        Some(share) if !evaluation.deadline_passed => status_from_shares(share, evaluation.time_share),
        _ => Status::Behind,
    }
}

fn unevaluable(
    document: &Document,
    target: &Target,
    target_year: u16,
    input: &EvaluationInput,
    reason: Unevaluable,
) -> Result<Evaluation, Vec<InputError>> {
    let date = parse_evaluation_date(&input.date).map_err(|key| vec![InputError::new(Field::Date, key)])?;
    let timeline = Timeline::new(document.period.start, target_year, date);
    Ok(Evaluation {
        status: Status::CannotEvaluate(reason),
        date,
        target_year,
        target_year_assumed: target.target_year.is_none(),
        time_share: timeline.time_share(),
        progress_share: None,
        baseline: None,
        current: None,
        goal: None,
        deadline_passed: timeline.deadline_passed(),
        projection: None,
    })
}

fn parse_inputs(
    target: &Target,
    rule: Rule,
    target_year: u16,
    input: &EvaluationInput,
) -> Result<Parsed, Vec<InputError>> {
    let mut errors = Vec::new();
    let scale = scale_for(rule, target);
    let date = parse_evaluation_date(&input.date)
        .map_err(|key| errors.push(InputError::new(Field::Date, key)))
        .ok();
    let current = parse_number(&input.current_value, scale)
        .map_err(|key| errors.push(InputError::new(Field::CurrentValue, key)))
        .ok()
        .flatten();
    let baseline = match rule {
        Rule::Amount { .. } => Some(plan_start_baseline()),
        _ => resolve_baseline(target, scale, target_year, date, input, &mut errors),
    };
    match date {
        Some(date) if errors.is_empty() => Ok(Parsed {
            date,
            baseline,
            current,
        }),
        _ => Err(errors),
    }
}

fn plan_start_baseline() -> UsedBaseline {
    UsedBaseline {
        value: 0.0,
        year: None,
        source: BaselineSource::PlanStart,
    }
}

/// The user's baseline fields where given, the document's otherwise.
fn resolve_baseline(
    target: &Target,
    scale: Scale,
    target_year: u16,
    date: Option<Date>,
    input: &EvaluationInput,
    errors: &mut Vec<InputError>,
) -> Option<UsedBaseline> {
    let user_value = parse_number(&input.baseline_value, scale)
        .map_err(|key| errors.push(InputError::new(Field::BaselineValue, key)))
        .ok()
        .flatten();
    let user_year = parse_year(&input.baseline_year)
        .map_err(|key| errors.push(InputError::new(Field::BaselineYear, key)))
        .ok()
        .flatten();
    let document_baseline = target.baseline;
    let year = user_year.or(document_baseline.and_then(|b| b.year));
    if let Some(year) = year {
        check_baseline_year(year, target_year, date, errors);
    }
    let (value, source) = match (user_value, document_baseline) {
        (Some(value), _) => (value, BaselineSource::User),
        (None, Some(baseline)) => (baseline.value, BaselineSource::Document),
        (None, None) => return None,
    };
    Some(UsedBaseline { value, year, source })
}

fn check_baseline_year(year: u16, target_year: u16, date: Option<Date>, errors: &mut Vec<InputError>) {
    if date.is_some_and(|date| year > date.year) {
        errors.push(InputError::new(
            Field::BaselineYear,
            ErrorKey::BaselineYearAfterEvaluation,
        ));
    } else if year > target_year {
        errors.push(InputError::new(
            Field::BaselineYear,
            ErrorKey::BaselineYearAfterTargetYear,
        ));
    }
}

/// Extends the line through the baseline point and the current value to the end of the target year.
/// `None` when the deadline has passed or the baseline's position in time is unknown or not
/// before the evaluation date.
fn project(
    document: &Document,
    target: &Target,
    evaluation: &Evaluation,
    goal: Goal,
    timeline: Timeline,
) -> Option<Projection> {
    if evaluation.deadline_passed {
        return None;
    }
    let baseline = evaluation.baseline?;
    let current = evaluation.current?;
    let from = baseline_day(baseline, document.period.start)?;
    if timeline.now <= from {
        return None;
    }
    let slope = (current - baseline.value) / (timeline.now - from) as f64;
    let raw = baseline.value + slope * (timeline.end - from) as f64;
    let value = clamp_to_feasible(raw, target);
    Some(Projection {
        value,
        year: evaluation.target_year,
        meets_target: satisfies(value, goal, Some(baseline.value)),
    })
}

/// The day on which the baseline value held: the end of its year, or the plan's start.
fn baseline_day(baseline: UsedBaseline, period_start: u16) -> Option<i64> {
    match baseline.source {
        BaselineSource::PlanStart => Some(Date::first_of_year(period_start).day_number()),
        _ => Some(Date::last_of_year(baseline.year?).day_number() + 1),
    }
}

fn clamp_to_feasible(value: f64, target: &Target) -> f64 {
    let is_share = is_percent_unit(target.unit.as_deref()) && target.comparator != Comparator::Eliminate;
    if is_share {
        value.clamp(0.0, 100.0)
    } else {
        value.max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Baseline, Bilingual, Level, Period, Script};

    fn document(start: u16, end: u16) -> Document {
        Document {
            id: "test-2021".into(),
            locality: Bilingual {
                zh: "测试".into(),
                en: "Test".into(),
            },
            province: Bilingual {
                zh: "广东".into(),
                en: "Guangdong".into(),
            },
            level: Level::PrefectureLevelCity,
            title: "测试规划".into(),
            doc_number: None,
            issuer: "测试市人民政府".into(),
            issued: None,
            published: None,
            period: Period { start, end },
            genre: "规划".into(),
            script: Script::Simplified,
            source: "data/sources/test-2021.txt".into(),
            note: None,
        }
    }

    fn target(comparator: Comparator, value: Option<f64>, unit: &str) -> Target {
        Target {
            id: "test-2021-target".into(),
            kind: Kind::Quantitative,
            theme: "preschool".into(),
            indicator: "inclusive-kindergarten-share".into(),
            comparator,
            value,
            unit: Some(unit.into()),
            scope: None,
            baseline: None,
            target_year: Some(2025),
            deadline_text: None,
            binding: None,
            responsible: Vec::new(),
            section: "一".into(),
            quote: "测试".into(),
            summary: Bilingual::default(),
            note: None,
            garbled: false,
        }
    }

    fn with_baseline(mut target: Target, value: f64, year: Option<u16>) -> Target {
        target.baseline = Some(Baseline { value, year });
        target
    }

    fn input(date: &str, baseline: &str, baseline_year: &str, current: &str) -> EvaluationInput {
        EvaluationInput {
            date: date.into(),
            baseline_value: baseline.into(),
            baseline_year: baseline_year.into(),
            current_value: current.into(),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    fn errors_of(result: Result<Evaluation, Vec<InputError>>) -> Vec<InputError> {
        result.expect_err("expected input errors")
    }

    // --- straight-line formulas ---

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

    // --- dates ---

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

    #[test]
    fn time_share_counts_the_evaluation_day_and_clamps() {
        let mid = time_elapsed_share(2021, 2025, Date::new(2023, 6, 30).unwrap());
        assert!(close(mid, 911.0 / 1826.0));
        assert!(close(time_elapsed_share(2021, 2025, Date::last_of_year(2025)), 1.0));
        assert!(close(
            time_elapsed_share(2021, 2025, Date::new(2030, 1, 1).unwrap()),
            1.0
        ));
        assert!(close(
            time_elapsed_share(2021, 2025, Date::new(2019, 1, 1).unwrap()),
            0.0
        ));
        assert!(close(
            time_elapsed_share(2021, 2021, Date::new(2021, 7, 2).unwrap()),
            183.0 / 365.0
        ));
    }

    // --- number parsing ---

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

    // --- evaluation ---

    #[test]
    fn worked_example_from_the_formulas_doc() {
        let target = with_baseline(target(Comparator::AtLeast, Some(90.0), "%"), 80.0, Some(2020));
        let result = evaluate(&document(2021, 2025), &target, &input("2023-06-30", "", "", "84")).unwrap();
        assert!(close(result.time_share, 911.0 / 1826.0));
        assert!(close(result.progress_share.unwrap(), 0.4));
        assert_eq!(result.status, Status::Behind);
        let projection = result.projection.unwrap();
        assert!(close(projection.value, 80.0 + 4.0 * 1826.0 / 911.0));
        assert_eq!(projection.year, 2025);
        assert!(!projection.meets_target);
        assert_eq!(result.baseline.unwrap().source, BaselineSource::Document);
    }

    #[test]
    fn ahead_on_track_and_behind_follow_the_tolerance() {
        assert_eq!(status_from_shares(0.60, 0.50), Status::Ahead);
        assert_eq!(status_from_shares(0.55, 0.50), Status::Ahead);
        assert_eq!(status_from_shares(0.54, 0.50), Status::OnTrack);
        assert_eq!(status_from_shares(0.46, 0.50), Status::OnTrack);
        assert_eq!(status_from_shares(0.45, 0.50), Status::Behind);
        assert_eq!(status_from_shares(0.10, 0.50), Status::Behind);
    }

    #[test]
    fn higher_is_better_statuses() {
        let target = with_baseline(target(Comparator::AtLeast, Some(90.0), "%"), 80.0, Some(2020));
        let doc = document(2021, 2025);
        let at = |current: &str| evaluate(&doc, &target, &input("2023-06-30", "", "", current)).unwrap();
        assert_eq!(at("90").status, Status::Met);
        assert_eq!(at("95").status, Status::Met);
        assert_eq!(at("85").status, Status::OnTrack);
        assert_eq!(at("87").status, Status::Ahead);
        assert_eq!(at("79").status, Status::Behind);
        assert!(close(at("79").progress_share.unwrap(), -0.1));
    }

    #[test]
    fn lower_is_better_class_size_cap() {
        let mut cap = with_baseline(target(Comparator::AtMost, Some(45.0), "人/班"), 56.0, Some(2020));
        cap.indicator = "primary-class-size-cap".into();
        let doc = document(2021, 2025);
        let at = |current: &str| evaluate(&doc, &cap, &input("2023-06-30", "", "", current)).unwrap();
        let half = at("50.5");
        assert!(close(half.progress_share.unwrap(), 0.5));
        assert_eq!(half.status, Status::OnTrack);
        assert_eq!(at("45").status, Status::Met);
        assert_eq!(at("40").status, Status::Met);
        assert_eq!(at("55").status, Status::Behind);
        assert_eq!(at("48").status, Status::Ahead);
        let projection = at("50.5").projection.unwrap();
        assert!(projection.value < 46.0 && projection.value > 44.0);
    }

    #[test]
    fn strictly_more_than_is_met_only_above_the_value() {
        let doc = document(2021, 2025);
        let more = with_baseline(target(Comparator::MoreThan, Some(85.0), "%"), 80.0, Some(2020));
        let at_least = with_baseline(target(Comparator::AtLeast, Some(85.0), "%"), 80.0, Some(2020));
        let run = |t: &Target, current: &str| evaluate(&doc, t, &input("2023-06-30", "", "", current)).unwrap();
        assert_eq!(run(&at_least, "85").status, Status::Met);
        assert_ne!(run(&more, "85").status, Status::Met);
        assert_eq!(run(&more, "85.1").status, Status::Met);
        let less = with_baseline(target(Comparator::LessThan, Some(45.0), "人/班"), 50.0, Some(2020));
        assert_ne!(run(&less, "45").status, Status::Met);
        assert_eq!(run(&less, "44").status, Status::Met);
    }

    #[test]
    fn baseline_equal_to_target() {
        let doc = document(2021, 2025);
        let run = |t: &Target, current: &str| evaluate(&doc, t, &input("2023-06-30", "", "", current)).unwrap();
        let kept = with_baseline(target(Comparator::AtLeast, Some(100.0), "%"), 100.0, Some(2020));
        let met = run(&kept, "100");
        assert_eq!(met.status, Status::Met);
        assert_eq!(met.progress_share, Some(1.0));
        let slipped = run(&kept, "99");
        assert_eq!(slipped.status, Status::Behind);
        assert_eq!(slipped.progress_share, None);
        let strict = with_baseline(target(Comparator::MoreThan, Some(85.0), "%"), 85.0, Some(2020));
        assert_eq!(run(&strict, "85").status, Status::Behind);
        assert_eq!(run(&strict, "86").status, Status::Met);
        let exact = with_baseline(target(Comparator::Equal, Some(300.0), "元/月"), 300.0, Some(2020));
        assert_eq!(run(&exact, "300").status, Status::Met);
        assert_eq!(run(&exact, "310").status, Status::Behind);
    }

    #[test]
    fn baseline_already_beyond_target_and_slipping_is_behind() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::AtLeast, Some(85.0), "%"), 90.0, Some(2020));
        let result = evaluate(&doc, &t, &input("2022-01-01", "", "", "84")).unwrap();
        assert_eq!(result.status, Status::Behind);
        assert_eq!(result.progress_share, None);
    }

    #[test]
    fn equal_is_reached_from_the_baseline_side() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::Equal, Some(1000.0), "名学生"), 800.0, Some(2020));
        let run = |current: &str| evaluate(&doc, &t, &input("2023-06-30", "", "", current)).unwrap();
        assert_eq!(run("1000").status, Status::Met);
        assert_eq!(run("1100").status, Status::Met);
        assert!(close(run("900").progress_share.unwrap(), 0.5));
    }

    #[test]
    fn deadline_passed() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::AtLeast, Some(90.0), "%"), 80.0, Some(2020));
        let no_data = evaluate(&doc, &t, &input("2026-03-01", "", "", "")).unwrap();
        assert_eq!(no_data.status, Status::DeadlinePassedWithoutData);
        assert!(no_data.deadline_passed);
        assert_eq!(no_data.time_share, 1.0);
        let missed = evaluate(&doc, &t, &input("2026-03-01", "", "", "89.5")).unwrap();
        assert_eq!(missed.status, Status::Behind);
        assert_eq!(missed.projection, None);
        let met = evaluate(&doc, &t, &input("2026-03-01", "", "", "91")).unwrap();
        assert_eq!(met.status, Status::Met);
        let last_day = evaluate(&doc, &t, &input("2025-12-31", "", "", "")).map(|e| e.status);
        assert_eq!(
            last_day,
            Err(vec![InputError::new(Field::CurrentValue, ErrorKey::Required)])
        );
    }

    #[test]
    fn not_started_before_the_period() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::AtLeast, Some(90.0), "%"), 80.0, Some(2020));
        let result = evaluate(&doc, &t, &input("2020-12-31", "", "", "")).unwrap();
        assert_eq!(result.status, Status::NotStarted);
        assert_eq!(result.time_share, 0.0);
    }

    #[test]
    fn target_year_defaults_to_the_period_end() {
        let doc = document(2021, 2025);
        let mut t = with_baseline(target(Comparator::AtLeast, Some(90.0), "%"), 80.0, Some(2020));
        t.target_year = None;
        let result = evaluate(&doc, &t, &input("2023-06-30", "", "", "85")).unwrap();
        assert_eq!(result.target_year, 2025);
        assert!(result.target_year_assumed);
        t.target_year = Some(2022);
        let early = evaluate(&doc, &t, &input("2023-06-30", "", "", "85")).unwrap();
        assert!(early.deadline_passed);
        assert_eq!(early.status, Status::Behind);
    }

    #[test]
    fn user_supplied_baseline_when_the_document_has_none() {
        let doc = document(2021, 2025);
        let t = target(Comparator::AtLeast, Some(90.0), "%");
        let missing = errors_of(evaluate(&doc, &t, &input("2023-06-30", "", "", "84")));
        assert_eq!(missing, vec![InputError::new(Field::BaselineValue, ErrorKey::Required)]);
        let result = evaluate(&doc, &t, &input("2023-06-30", "80%", "2020", "84")).unwrap();
        assert_eq!(result.status, Status::Behind);
        let baseline = result.baseline.unwrap();
        assert_eq!(
            (baseline.value, baseline.year, baseline.source),
            (80.0, Some(2020), BaselineSource::User)
        );
        assert!(result.projection.is_some());
        let no_year = evaluate(&doc, &t, &input("2023-06-30", "80", "", "84")).unwrap();
        assert_eq!(no_year.projection, None);
        assert!(no_year.progress_share.is_some());
        let met_without_baseline = evaluate(&doc, &t, &input("2023-06-30", "", "", "92")).unwrap();
        assert_eq!(met_without_baseline.status, Status::Met);
    }

    #[test]
    fn user_baseline_overrides_the_documents() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::AtLeast, Some(90.0), "%"), 80.0, Some(2020));
        let result = evaluate(&doc, &t, &input("2023-06-30", "70", "", "80")).unwrap();
        let baseline = result.baseline.unwrap();
        assert_eq!(
            (baseline.value, baseline.year, baseline.source),
            (70.0, Some(2020), BaselineSource::User)
        );
        assert!(close(result.progress_share.unwrap(), 0.5));
    }

    #[test]
    fn count_and_increase_by_measure_the_amount_so_far() {
        let doc = document(2021, 2025);
        let count = target(Comparator::Count, Some(20.0), "所");
        let result = evaluate(&doc, &count, &input("2023-06-30", "999", "", "10")).unwrap();
        assert!(close(result.progress_share.unwrap(), 0.5));
        assert_eq!(result.status, Status::OnTrack);
        assert_eq!(result.baseline.unwrap().source, BaselineSource::PlanStart);
        let projection = result.projection.unwrap();
        assert!(close(projection.value, 10.0 * 1826.0 / 911.0));
        assert!(projection.meets_target);
        let done = evaluate(&doc, &count, &input("2023-06-30", "", "", "20")).unwrap();
        assert_eq!(done.status, Status::Met);
        let places = target(Comparator::IncreaseBy, Some(90000.0), "个");
        let result = evaluate(&doc, &places, &input("2023-06-30", "", "", "27000")).unwrap();
        assert_eq!(result.status, Status::Behind);
        assert_eq!(current_meaning(Comparator::IncreaseBy), CurrentMeaning::AmountSoFar);
        assert!(!uses_baseline(&places));
        let negative = errors_of(evaluate(&doc, &count, &input("2023-06-30", "", "", "-1")));
        assert_eq!(negative, vec![InputError::new(Field::CurrentValue, ErrorKey::Negative)]);
    }

    #[test]
    fn eliminate_brings_the_count_to_zero() {
        let doc = document(2021, 2025);
        let large_classes = with_baseline(target(Comparator::Eliminate, Some(56.0), "人/班"), 200.0, Some(2020));
        let run = |current: &str| evaluate(&doc, &large_classes, &input("2023-06-30", "", "", current)).unwrap();
        let half = run("100");
        assert!(close(half.progress_share.unwrap(), 0.5));
        assert_eq!(half.goal, Some(0.0));
        assert_eq!(run("0").status, Status::Met);
        assert_eq!(run("150").status, Status::Behind);
        assert_eq!(run("3%").current, Some(3.0));
        assert!(run("20").projection.unwrap().meets_target);
        assert_eq!(current_meaning(Comparator::Eliminate), CurrentMeaning::Remaining);
        let without_baseline = target(Comparator::Eliminate, None, "人/班");
        let needs = errors_of(evaluate(&doc, &without_baseline, &input("2023-06-30", "", "", "5")));
        assert_eq!(needs, vec![InputError::new(Field::BaselineValue, ErrorKey::Required)]);
        let met = evaluate(&doc, &without_baseline, &input("2023-06-30", "", "", "0")).unwrap();
        assert_eq!(met.status, Status::Met);
    }

    #[test]
    fn decrease_by_lowers_the_level_from_the_baseline() {
        let doc = document(2021, 2025);
        let myopia = with_baseline(target(Comparator::DecreaseBy, Some(5.0), "%"), 50.0, Some(2020));
        let run = |current: &str| evaluate(&doc, &myopia, &input("2023-06-30", "", "", current)).unwrap();
        assert_eq!(run("45").status, Status::Met);
        assert_eq!(run("45").goal, Some(45.0));
        assert!(close(run("47.5").progress_share.unwrap(), 0.5));
        assert_eq!(run("49").status, Status::Behind);
        let without_baseline = target(Comparator::DecreaseBy, Some(5.0), "%");
        let needs = errors_of(evaluate(&doc, &without_baseline, &input("2023-06-30", "", "", "45")));
        assert_eq!(needs, vec![InputError::new(Field::BaselineValue, ErrorKey::Required)]);
    }

    #[test]
    fn targets_without_a_number_cannot_be_evaluated() {
        let doc = document(2021, 2025);
        let mut milestone = target(Comparator::None, None, "%");
        milestone.kind = Kind::Milestone;
        let result = evaluate(&doc, &milestone, &input("2023-06-30", "", "", "abc")).unwrap();
        assert_eq!(result.status, Status::CannotEvaluate(Unevaluable::NoNumericComparison));
        assert!(close(result.time_share, 911.0 / 1826.0));
        let no_value = target(Comparator::AtLeast, None, "%");
        let result = evaluate(&doc, &no_value, &input("2023-06-30", "", "", "")).unwrap();
        assert_eq!(result.status, Status::CannotEvaluate(Unevaluable::NoTargetValue));
        let mut forecast = target(Comparator::AtLeast, Some(90.0), "%");
        forecast.kind = Kind::Projection;
        let result = evaluate(&doc, &forecast, &input("2023-06-30", "", "", "")).unwrap();
        assert_eq!(result.status, Status::CannotEvaluate(Unevaluable::Forecast));
        let bad_date = evaluate(&doc, &milestone, &input("someday", "", "", ""));
        assert_eq!(bad_date, Err(vec![InputError::new(Field::Date, ErrorKey::InvalidDate)]));
        let zero = target(Comparator::Count, Some(0.0), "所");
        let result = evaluate(&doc, &zero, &input("2023-06-30", "", "", "1")).unwrap();
        assert_eq!(result.status, Status::CannotEvaluate(Unevaluable::ZeroAmount));
    }

    #[test]
    fn percent_target_above_100_is_rejected() {
        let doc = document(2021, 2025);
        let impossible = target(Comparator::AtLeast, Some(120.0), "%");
        let result = evaluate(&doc, &impossible, &input("2023-06-30", "", "", "80")).unwrap();
        assert_eq!(
            result.status,
            Status::CannotEvaluate(Unevaluable::TargetValueOutOfRange)
        );
        let t = with_baseline(target(Comparator::AtLeast, Some(90.0), "%"), 80.0, Some(2020));
        let errors = errors_of(evaluate(&doc, &t, &input("2023-06-30", "101", "", "150%")));
        assert_eq!(
            errors,
            vec![
                InputError::new(Field::CurrentValue, ErrorKey::PercentOutOfRange),
                InputError::new(Field::BaselineValue, ErrorKey::PercentOutOfRange),
            ]
        );
    }

    #[test]
    fn garbage_input_gives_field_specific_errors() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::AtMost, Some(45.0), "人/班"), 56.0, Some(2020));
        let errors = errors_of(evaluate(&doc, &t, &input("2023-02-30", "abc", "20x0", "45%")));
        assert_eq!(
            errors,
            vec![
                InputError::new(Field::Date, ErrorKey::InvalidDate),
                InputError::new(Field::CurrentValue, ErrorKey::UnexpectedPercentSign),
                InputError::new(Field::BaselineValue, ErrorKey::NotANumber),
                InputError::new(Field::BaselineYear, ErrorKey::InvalidYear),
            ]
        );
        let empty_date = errors_of(evaluate(&doc, &t, &input("", "", "", "50")));
        assert_eq!(empty_date, vec![InputError::new(Field::Date, ErrorKey::Required)]);
        let far = errors_of(evaluate(&doc, &t, &input("2150-01-01", "", "", "50")));
        assert_eq!(far, vec![InputError::new(Field::Date, ErrorKey::DateOutOfRange)]);
        let nan = errors_of(evaluate(&doc, &t, &input("2023-06-30", "", "", "NaN")));
        assert_eq!(nan, vec![InputError::new(Field::CurrentValue, ErrorKey::NotANumber)]);
    }

    #[test]
    fn baseline_year_must_not_follow_the_evaluation_or_target_year() {
        let doc = document(2021, 2025);
        let t = target(Comparator::AtLeast, Some(90.0), "%");
        let after_eval = errors_of(evaluate(&doc, &t, &input("2023-06-30", "80", "2024", "85")));
        assert_eq!(
            after_eval,
            vec![InputError::new(
                Field::BaselineYear,
                ErrorKey::BaselineYearAfterEvaluation
            )]
        );
        let after_target = errors_of(evaluate(&doc, &t, &input("2027-06-30", "80", "2026", "85")));
        assert_eq!(
            after_target,
            vec![InputError::new(
                Field::BaselineYear,
                ErrorKey::BaselineYearAfterTargetYear
            )]
        );
        let same_year = evaluate(&doc, &t, &input("2023-06-30", "80", "2023", "85")).unwrap();
        assert_eq!(
            same_year.projection, None,
            "the baseline point (end of 2023) is not before the date"
        );
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let error = InputError::new(Field::CurrentValue, ErrorKey::PercentOutOfRange);
        assert_eq!(error.message(true), "当前值:百分比须在0到100之间");
        assert_eq!(
            error.message(false),
            "Current value: A percentage must lie between 0 and 100"
        );
        assert_eq!(Field::BaselineYear.name(), "baseline_year");
        assert_eq!(ErrorKey::NotANumber.name(), "not-a-number");
        assert_eq!(Status::OnTrack.label(true), "基本同步");
        assert!(!Unevaluable::Forecast.message(false).is_empty());
    }

    #[test]
    fn projection_is_clamped_to_a_feasible_percentage() {
        let doc = document(2021, 2025);
        let t = with_baseline(target(Comparator::AtLeast, Some(100.0), "%"), 60.0, Some(2020));
        let result = evaluate(&doc, &t, &input("2021-06-30", "", "", "90")).unwrap();
        let projection = result.projection.unwrap();
        assert_eq!(projection.value, 100.0);
        assert!(projection.meets_target);
    }
}
