//! Builders shared by the unit tests of every layer: bilingual names, a document, a target, a theme
//! and an indicator with the fields a test rarely cares about filled in once. Each test module
//! overrides what its fixtures state (`Target { theme, ..target(…) }`), so their data stays its own.
//!
//! It sits in the lowest crate and imports only its model; the other crates reach it through the feature `test-support` of their dev-dependency.

use crate::model::{Better, Bilingual, Comparator, Document, Indicator, Kind, Level, Period, Script, Target, Theme};

/// A bilingual name.
pub fn bi(zh: &str, en: &str) -> Bilingual {
    Bilingual {
        zh: zh.into(),
        en: en.into(),
    }
}

/// A Guangdong prefecture-level city's plan for `period`, undated, titled `{zh}教育规划`, issued by
/// `{zh}人民政府`, with its source at `data/sources/{id}.txt`.
pub fn document(id: &str, zh: &str, en: &str, period: Period) -> Document {
    Document {
        id: id.into(),
        locality: bi(zh, en),
        province: bi("广东", "Guangdong"),
        level: Level::PrefectureLevelCity,
        title: format!("{zh}教育规划"),
        doc_number: None,
        issuer: format!("{zh}人民政府"),
        issued: None,
        published: None,
        period,
        genre: "规划".into(),
        script: Script::Simplified,
        source: format!("data/sources/{id}.txt"),
        note: None,
    }
}

/// A quantitative target `id` requiring `comparator value unit` by 2025, in section 一 with the quote
/// 测试; theme, indicator and summary empty, nothing else stated.
pub fn target(id: &str, comparator: Comparator, value: Option<f64>, unit: Option<&str>) -> Target {
    Target {
        id: id.into(),
        kind: Kind::Quantitative,
        theme: String::new(),
        indicator: String::new(),
        comparator,
        value,
        unit: unit.map(str::to_string),
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

/// A theme without a colour slot.
pub fn theme(id: &str, zh: &str, en: &str) -> Theme {
    Theme {
        id: id.into(),
        name: bi(zh, en),
        colour: None,
    }
}

/// An indicator of `theme` measured in `unit`.
pub fn indicator(id: &str, name: Bilingual, theme: &str, unit: &str, better: Better, definition: &str) -> Indicator {
    Indicator {
        id: id.into(),
        name,
        aliases: Vec::new(),
        theme: theme.into(),
        unit: unit.into(),
        unit_en: None,
        unit_en_one: None,
        better,
        definition: definition.into(),
    }
}

/// `n` documents made of `dataset`'s, copied round-robin and renamed (ids `city-<k>`, localities
/// 第k号市 / Town<k>, in three provinces in turn), their targets' ids renamed to stay unique: a
/// dataset with more documents than home has cards.
pub fn renamed_copies(dataset: &crate::model::Dataset, n: usize) -> crate::model::Dataset {
    let provinces = [("广东省", "Guangdong"), ("辽宁省", "Liaoning"), ("四川省", "Sichuan")];
    let documents = (0..n)
        .map(|k| {
            let mut entry = dataset.documents[k % dataset.documents.len()].clone();
            entry.document.id = format!("city-{k}");
            entry.document.locality = bi(&format!("第{k}号市"), &format!("Town{k}"));
            let (zh, en) = provinces[k % provinces.len()];
            entry.document.province = bi(zh, en);
            for target in &mut entry.targets {
                target.id = format!("city-{k}-{}", target.id);
            }
            entry
        })
        .collect();
    crate::model::Dataset {
        documents,
        ..dataset.clone()
    }
}
