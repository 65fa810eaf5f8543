//! Test fixtures shared by the comparison's tests: a small catalogue, three documents (Sihui,
//! Dongguan, Panjin) and builders for targets.

use super::{ComparisonMatrix, MatrixRow};
use policy_data::model::{
    Better, Binding, Comparator, Dataset, Document, DocumentEntry, Indicator, Kind, Level, Period, Target, Theme,
};
use policy_data::test_support::{self, theme};

pub(super) use policy_data::test_support::bi;

/// A county-level city's plan of 2021–2025, issued on `issued`.
pub(super) fn document(id: &str, zh: &str, en: &str, issued: &str) -> Document {
    Document {
        level: Level::CountyLevelCity,
        issued: Some(issued.into()),
        ..test_support::document(id, zh, en, Period { start: 2021, end: 2025 })
    }
}

pub(super) struct Spec<'a> {
    pub indicator: &'a str,
    pub theme: &'a str,
    pub comparator: Comparator,
    pub value: Option<f64>,
    pub unit: &'a str,
    pub year: Option<u16>,
}

pub(super) fn target(doc: &str, slug: &str, spec: Spec) -> Target {
    Target {
        kind: if spec.comparator == Comparator::None {
            Kind::Milestone
        } else {
            Kind::Quantitative
        },
        theme: spec.theme.into(),
        indicator: spec.indicator.into(),
        target_year: spec.year,
        ..test_support::target(&format!("{doc}-{slug}"), spec.comparator, spec.value, Some(spec.unit))
    }
}

pub(super) fn share(doc: &str, slug: &str, comparator: Comparator, value: f64, year: u16) -> Target {
    target(
        doc,
        slug,
        Spec {
            indicator: "inclusive-kindergarten-share",
            theme: "preschool",
            comparator,
            value: Some(value),
            unit: "%",
            year: Some(year),
        },
    )
}

pub(super) fn cap(doc: &str, slug: &str, indicator: &str, comparator: Comparator, value: f64, year: u16) -> Target {
    target(
        doc,
        slug,
        Spec {
            indicator,
            theme: "compulsory",
            comparator,
            value: Some(value),
            unit: "人/班",
            year: Some(year),
        },
    )
}

/// `doc`'s target of building `value` new schools by `year`.
fn schools(doc: &str, value: f64, year: u16) -> Target {
    target(
        doc,
        "schools",
        Spec {
            indicator: "new-schools-built",
            theme: "compulsory",
            comparator: Comparator::Count,
            value: Some(value),
            unit: "所",
            year: Some(year),
        },
    )
}

pub(super) fn indicator(
    id: &str,
    zh: &str,
    en: &str,
    theme: &str,
    unit: &str,
    better: Better,
    definition: &str,
) -> Indicator {
    test_support::indicator(id, bi(zh, en), theme, unit, better, definition)
}

pub(super) fn catalogue() -> (Vec<Theme>, Vec<Indicator>) {
    let themes = vec![
        theme("preschool", "学前教育", "Preschool"),
        theme("compulsory", "义务教育", "Compulsory education"),
        theme("teachers", "教师队伍", "Teachers"),
        theme("vocational", "职业教育", "Vocational education"),
    ];
    let indicators = vec![
        indicator(
            "inclusive-kindergarten-share",
            "普惠性幼儿园在园幼儿占比",
            "Inclusive kindergarten share",
            "preschool",
            "%",
            Better::Higher,
            "Share.",
        ),
        indicator(
            "preschool-gross-enrolment",
            "学前三年毛入园率",
            "Preschool gross enrolment",
            "preschool",
            "%",
            Better::Higher,
            "Rate.",
        ),
        indicator(
            "primary-class-size-cap",
            "小学班额上限",
            "Primary class-size cap",
            "compulsory",
            "人/班",
            Better::Lower,
            "Largest class.",
        ),
        indicator(
            "junior-class-size-cap",
            "初中班额上限",
            "Junior class-size cap",
            "compulsory",
            "人/班",
            Better::Lower,
            "Largest class.",
        ),
        indicator(
            "new-schools-built",
            "新建学校",
            "New schools built",
            "compulsory",
            "所",
            Better::Higher,
            "Schools.",
        ),
        indicator(
            "senior-post-ratio-primary",
            "小学高级岗位比例",
            "Senior posts, primary",
            "teachers",
            "%",
            Better::Higher,
            "Dongguan states 高级 posts, Qingbaijiang 副高级 posts: roughly comparable.",
        ),
        indicator(
            "vocational-coverage",
            "职业教育覆盖",
            "Vocational coverage",
            "vocational",
            "%",
            Better::Higher,
            "Coverage.",
        ),
    ];
    (themes, indicators)
}

/// Sihui (2022), Dongguan (2019), Panjin (2019).
pub(super) fn fixture() -> Dataset {
    let (themes, indicators) = catalogue();
    let mut sihui_binding = share("sihui", "inclusive", Comparator::MoreThan, 85.0, 2025);
    sihui_binding.binding = Some(Binding::Binding);
    let sihui = DocumentEntry {
        document: document("sihui", "四会", "Sihui", "2022-03-01"),
        targets: vec![
            sihui_binding,
            cap(
                "sihui",
                "primary-cap",
                "primary-class-size-cap",
                Comparator::AtMost,
                45.0,
                2025,
            ),
            schools("sihui", 10.0, 2025),
            share("sihui", "post", Comparator::AtLeast, 10.0, 2025)
                .with_indicator("senior-post-ratio-primary", "teachers"),
        ],
    };
    let dongguan = DocumentEntry {
        document: document("dongguan", "东莞", "Dongguan", "2019-11-05"),
        targets: vec![
            share("dongguan", "inclusive-2019", Comparator::AtLeast, 70.0, 2019),
            share("dongguan", "inclusive", Comparator::AtLeast, 80.0, 2020),
            cap(
                "dongguan",
                "primary-cap",
                "primary-class-size-cap",
                Comparator::AtMost,
                45.0,
                2020,
            ),
            cap(
                "dongguan",
                "junior-cap",
                "junior-class-size-cap",
                Comparator::AtMost,
                50.0,
                2020,
            ),
            schools("dongguan", 30.0, 2022),
            share("dongguan", "post", Comparator::AtLeast, 8.0, 2022)
                .with_indicator("senior-post-ratio-primary", "teachers"),
        ],
    };
    let panjin = DocumentEntry {
        document: document("panjin", "盘锦", "Panjin", "2019-06-01"),
        targets: vec![
            share("panjin", "inclusive", Comparator::AtLeast, 80.0, 2020),
            share("panjin", "vocational", Comparator::AtLeast, 90.0, 2035)
                .with_indicator("vocational-coverage", "vocational"),
        ],
    };
    Dataset {
        version: "test".into(),
        themes,
        indicators,
        documents: vec![sihui, dongguan, panjin],
    }
}

trait WithIndicator {
    fn with_indicator(self, indicator: &str, theme: &str) -> Self;
}

impl WithIndicator for Target {
    fn with_indicator(mut self, indicator: &str, theme: &str) -> Target {
        self.indicator = indicator.into();
        self.theme = theme.into();
        self
    }
}

pub(super) fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

pub(super) fn row<'a>(matrix: &'a ComparisonMatrix, indicator: &str) -> &'a MatrixRow {
    matrix.rows.iter().find(|r| r.indicator == indicator).expect(indicator)
}
