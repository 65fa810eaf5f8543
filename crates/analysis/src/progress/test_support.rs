//! Shared fixtures of the progress tests: a document, a target, typed input.

use super::{Evaluation, EvaluationInput, InputError};
use policy_data::model::{Baseline, Comparator, Document, Period, Target};
use policy_data::test_support;

pub fn document(start: u16, end: u16) -> Document {
    Document {
        title: "测试规划".into(),
        issuer: "测试市人民政府".into(),
        ..test_support::document("test-2021", "测试", "Test", Period { start, end })
    }
}

pub fn target(comparator: Comparator, value: Option<f64>, unit: &str) -> Target {
    Target {
        theme: "preschool".into(),
        indicator: "inclusive-kindergarten-share".into(),
        ..test_support::target("test-2021-target", comparator, value, Some(unit))
    }
}

pub fn with_baseline(mut target: Target, value: f64, year: Option<u16>) -> Target {
    target.baseline = Some(Baseline { value, year });
    target
}

pub fn input(date: &str, baseline: &str, baseline_year: &str, current: &str) -> EvaluationInput {
    EvaluationInput {
        date: date.into(),
        baseline_value: baseline.into(),
        baseline_year: baseline_year.into(),
        current_value: current.into(),
    }
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

pub fn errors_of(result: Result<Evaluation, Vec<InputError>>) -> Vec<InputError> {
    result.expect_err("expected input errors")
}
