//! The mid-term evaluation of one target at one date: validated inputs, the status from the shares
//! of time elapsed and of the distance covered, and the baseline used.

use super::calendar::Date;
use super::input::{
    parse_evaluation_date, parse_number, parse_year, ErrorKey, EvaluationInput, Field, InputError, Scale,
};
use super::projection::{project, Projection};
use super::rules::{goal_for, progress_share, rule_for, satisfies, scale_for, Rule, Unevaluable, EPSILON};
use super::time_share::Timeline;
use policy_data::lang::Lang;
use policy_data::model::{Document, Target};

/// How far (as a share of the whole task) progress may lag or lead the time elapsed and still count
/// as on track: ±5 percentage points, exclusive at both edges.
pub const ON_TRACK_TOLERANCE: f64 = 0.05;

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
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Met, Lang::Zh) => "已达成",
            (Status::Met, Lang::En) => "Met",
            (Status::Ahead, Lang::Zh) => "超前",
            (Status::Ahead, Lang::En) => "Ahead",
            (Status::OnTrack, Lang::Zh) => "基本同步",
            (Status::OnTrack, Lang::En) => "On track",
            (Status::Behind, Lang::Zh) => "滞后",
            (Status::Behind, Lang::En) => "Behind",
            (Status::DeadlinePassedWithoutData, Lang::Zh) => "已过期限,缺少数据",
            (Status::DeadlinePassedWithoutData, Lang::En) => "Deadline passed, no data",
            (Status::NotStarted, Lang::Zh) => "规划期尚未开始",
            (Status::NotStarted, Lang::En) => "Plan period not started",
            (Status::CannotEvaluate(_), Lang::Zh) => "无法评估",
            (Status::CannotEvaluate(_), Lang::En) => "Cannot evaluate",
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

/// A share as the calculator states it: a whole percentage, `0.499` → `50%`, `1.2` → `120%`,
/// `-0.25` → `-25%` (the way covered may exceed the whole or go backwards).
pub fn share_percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::test_support::*;
    use crate::progress::{current_meaning, uses_baseline, CurrentMeaning};
    use policy_data::model::{Comparator, Kind};

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
        // As the calculator states them.
        assert_eq!(share_percent(result.time_share), "50%");
        assert_eq!(result.progress_share.map(share_percent).as_deref(), Some("40%"));
        assert_eq!(projection.value_text(), "88.02");
    }

    #[test]
    fn shares_are_stated_as_whole_percentages() {
        assert_eq!(share_percent(0.0), "0%");
        assert_eq!(share_percent(0.456), "46%");
        assert_eq!(share_percent(1.0), "100%");
        assert_eq!(share_percent(1.2), "120%");
        assert_eq!(share_percent(-0.25), "-25%");
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
        assert_eq!(error.message(Lang::Zh), "当前值:百分比须在0到100之间");
        assert_eq!(
            error.message(Lang::En),
            "Current value: A percentage must lie between 0 and 100"
        );
        assert_eq!(Field::BaselineYear.name(), "baseline_year");
        assert_eq!(ErrorKey::NotANumber.name(), "not-a-number");
        assert_eq!(Status::OnTrack.label(Lang::Zh), "基本同步");
        assert!(!Unevaluable::Forecast.message(Lang::En).is_empty());
    }
}
