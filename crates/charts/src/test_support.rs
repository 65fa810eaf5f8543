//! Shared helpers of the chart tests: SVG drawing and inspection, and dataset fixtures.

use policy_data::model::*;
use policy_data::test_support;

/// Draw with `f` into an SVG string of the given size.
pub fn svg<F>(w: u32, h: u32, f: F) -> String
where
    F: FnOnce(plotters::backend::SVGBackend) -> Result<(), String>,
{
    let mut out = String::new();
    {
        let backend = plotters::backend::SVGBackend::with_string(&mut out, (w, h));
        f(backend).expect("chart draws");
    }
    out
}

/// How many `<tag` elements the SVG holds.
pub fn count(svg: &str, tag: &str) -> usize {
    svg.matches(&format!("<{tag} ")).count()
}

/// How many `<tag` elements the SVG holds whose attributes include `attr`.
pub fn count_with(svg: &str, tag: &str, attr: &str) -> usize {
    svg.lines()
        .filter(|l| l.starts_with(&format!("<{tag} ")) && l.contains(attr))
        .count()
}

/// The texts of all `<text>` elements.
pub fn texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text ") {
        rest = &rest[i..];
        let open_end = rest.find('>').unwrap();
        let close = rest.find("</text>").unwrap();
        out.push(
            rest[open_end + 1..close]
                .trim()
                .replace("&gt;", ">")
                .replace("&lt;", "<")
                .replace("&amp;", "&"),
        );
        rest = &rest[close..];
    }
    out
}

pub(crate) use policy_data::test_support::{bi, theme};

pub fn document(id: &str, zh: &str, en: &str, start: u16, end: u16) -> DocumentEntry {
    DocumentEntry {
        document: Document {
            title: format!("{zh}教育文件"),
            genre: "意见".to_string(),
            ..test_support::document(id, zh, en, Period { start, end })
        },
        targets: Vec::new(),
    }
}

/// A quantitative target; `year` None for an undated one.
pub fn target(
    id: &str,
    theme: &str,
    indicator: &str,
    comparator: Comparator,
    value: Option<f64>,
    unit: &str,
    year: Option<u16>,
) -> Target {
    Target {
        kind: if value.is_some() {
            Kind::Quantitative
        } else {
            Kind::Milestone
        },
        theme: theme.to_string(),
        indicator: indicator.to_string(),
        target_year: year,
        deadline_text: year.map(|y| format!("到{y}年")),
        quote: "……".to_string(),
        summary: bi("摘要", "Summary"),
        ..test_support::target(id, comparator, value, (!unit.is_empty()).then_some(unit))
    }
}

/// A [`target`] of `value` per cent.
pub fn percent(
    id: &str,
    theme: &str,
    indicator: &str,
    comparator: Comparator,
    value: f64,
    year: Option<u16>,
) -> Target {
    target(id, theme, indicator, comparator, Some(value), "%", year)
}

/// `theme` with colour slot `slot`.
pub fn slotted(theme: Theme, slot: u8) -> Theme {
    Theme {
        colour: Some(slot),
        ..theme
    }
}

pub fn indicator(id: &str, zh: &str, en: &str, theme: &str, unit: &str) -> Indicator {
    test_support::indicator(id, bi(zh, en), theme, unit, Better::Higher, "")
}

/// A dataset of `documents` with five themes (in their slots of `data/themes.toml`) and three
/// indicators.
pub fn dataset(documents: Vec<DocumentEntry>) -> Dataset {
    Dataset {
        version: "test".to_string(),
        themes: vec![
            slotted(theme("preschool", "学前教育", "Preschool"), 0),
            slotted(theme("compulsory", "义务教育", "Compulsory education"), 1),
            slotted(theme("teachers", "教师队伍", "Teachers"), 6),
            slotted(theme("health", "健康与体育", "Health and wellbeing"), 8),
            slotted(theme("moral", "德育与党建", "Moral education and Party work"), 12),
        ],
        indicators: vec![
            indicator(
                "public-kindergarten-share",
                "公办幼儿园在园幼儿占比",
                "Share of children in public kindergartens",
                "preschool",
                "%",
            ),
            indicator(
                "student-fitness-good-rate",
                "学生体质健康优良率",
                "Share of pupils rated good or excellent in fitness",
                "health",
                "%",
            ),
            indicator(
                "primary-class-size-cap",
                "小学班额上限",
                "Primary class-size cap",
                "compulsory",
                "人/班",
            ),
        ],
        documents,
    }
}

/// The pupils' fitness indicator of [`fitness_paths`].
pub const FIT: &str = "student-fitness-good-rate";
/// The kindergarten share of [`fitness_paths`].
pub const KG: &str = "public-kindergarten-share";

/// Dongguan (2019–2022: ≥50% fitness by 2022 from 40% in 2018, ≥50% kindergarten share by 2020)
/// and Sihui (2022–2030: a year-by-year fitness trajectory with a change among its targets), in
/// that order.
pub fn fitness_paths() -> Dataset {
    let mut sh = document("sihui-2022", "四会", "Sihui", 2022, 2030);
    // 2020 ≥42%, 2021 ≥47%, 2022 ≥52%, then +2 points a year to 2024, 57% by 2025.
    sh.targets = vec![
        percent("sh-2020", "health", FIT, Comparator::AtLeast, 42.0, Some(2020)),
        percent("sh-2021", "health", FIT, Comparator::AtLeast, 47.0, Some(2021)),
        percent("sh-2022", "health", FIT, Comparator::AtLeast, 52.0, Some(2022)),
        percent("sh-2024", "health", FIT, Comparator::IncreaseBy, 4.0, Some(2024)),
        percent("sh-2025", "health", FIT, Comparator::Equal, 57.0, Some(2025)),
    ];
    let mut dg = document("dongguan-2019", "东莞", "Dongguan", 2019, 2022);
    let mut t = percent("dg-1", "health", FIT, Comparator::AtLeast, 50.0, Some(2022));
    t.baseline = Some(Baseline {
        value: 40.0,
        year: Some(2018),
    });
    dg.targets = vec![
        t,
        percent("dg-2", "preschool", KG, Comparator::AtLeast, 50.0, Some(2020)),
    ];
    dataset(vec![dg, sh])
}
