//! Helpers of the paths chart's tests: dates on the time axis, and the points the calculator's
//! evaluations add (built by `progress::evaluate`, as the calculator's view builds them).

use super::data::{EnteredPoint, PathsData};
use crate::test_support::fitness_paths;
use policy_analysis::progress::{evaluate, fractional_year, Date, EvaluationInput};
use policy_data::lang::Lang;
use policy_data::model::Dataset;

/// The end of day `y-m-d` as a time-axis position.
pub fn day(y: u16, m: u8, d: u8) -> f64 {
    fractional_year(Date::new(y, m, d).unwrap())
}

/// The point the calculator adds to the chart for target `target_id` of `ds` evaluated on `date`
/// at value `current`, with `baseline` (value, year) typed, or the document's own when `None`: the
/// evaluation of `progress::evaluate`, on the series the calculator's view puts it on.
pub fn evaluated(
    ds: &Dataset,
    target_id: &str,
    date: &str,
    current: &str,
    baseline: Option<(&str, &str)>,
) -> EnteredPoint {
    let (entry, target) = ds
        .documents
        .iter()
        .find_map(|e| Some((e, e.targets.iter().find(|t| t.id == target_id)?)))
        .expect("the target is in the dataset");
    let doc = &entry.document;
    let (baseline_value, baseline_year) = baseline.unwrap_or_default();
    let input = EvaluationInput {
        date: date.into(),
        baseline_value: baseline_value.into(),
        baseline_year: baseline_year.into(),
        current_value: current.into(),
    };
    let evaluation = evaluate(doc, target, &input).expect("valid input");
    let key = PathsData::for_target(ds, doc, target, Lang::Zh)
        .series_key(&doc.id, target.scope.as_ref().map(|s| s.zh.as_str()))
        .expect("the target's document has a series");
    EnteredPoint::from_evaluation(&key, target, doc.period.start, &evaluation).expect("a level")
}

/// The calculator's points on [`fitness_paths`]: Dongguan's target (≥50% by 2022, 40% in 2018)
/// evaluated at 45% on 2020-12-31, which the calculator projects; Sihui's 2021 target (≥47%) met
/// at 50% on 2023-07-02, after its deadline, which it does not project.
pub fn entered() -> Vec<EnteredPoint> {
    let ds = fitness_paths();
    vec![
        evaluated(&ds, "dg-1", "2020-12-31", "45", None),
        evaluated(&ds, "sh-2021", "2023-07-02", "50", None),
    ]
}
