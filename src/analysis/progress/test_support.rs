//! Shared fixtures of the progress tests: a document, a target, typed input.

use super::{Evaluation, EvaluationInput, InputError};
use crate::data::model::{Baseline, Bilingual, Comparator, Document, Kind, Level, Period, Script, Target};

pub fn document(start: u16, end: u16) -> Document {
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

pub fn target(comparator: Comparator, value: Option<f64>, unit: &str) -> Target {
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
