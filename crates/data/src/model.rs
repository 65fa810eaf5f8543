//! The dataset's types: documents, their targets, the indicator catalogue and the themes.
//!
//! These structs are the open-data format. The TOML files under `data/` and the published
//! `targets.json` are (de)serialised through them, so field names here are a public contract:
//! rename nothing without a dataset version bump and a note in `data/CHANGELOG.md`.
//! A value that a document does not state is `None`, never zero.

use serde::{Deserialize, Serialize};

/// A pair of texts, Simplified Chinese first, English second.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

/// The whole published (or loaded) dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Dataset version, e.g. "2026.11.1"; shown in the footer and carried by every export.
    pub version: String,
    pub themes: Vec<Theme>,
    pub indicators: Vec<Indicator>,
    pub documents: Vec<DocumentEntry>,
}

/// One `data/documents/<id>.toml` file: a document and its targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentEntry {
    pub document: Document,
    #[serde(default)]
    pub targets: Vec<Target>,
}

/// Administrative level of the issuing locality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    PrefectureLevelCity,
    CountyLevelCity,
    District,
    Unnamed,
}

/// Writing system of the source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Simplified,
    Traditional,
}

/// Years a plan covers, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: u16,
    pub end: u16,
}

/// A policy document's metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub locality: Bilingual,
    pub province: Bilingual,
    pub level: Level,
    pub title: String,
    /// 文号, absent when the document has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    pub issuer: String,
    /// Issue date `YYYY-MM-DD`; absent for an undated document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub period: Period,
    /// 意见 / 行动计划 / 实施意见 / 规划 / 评估报告
    pub genre: String,
    pub script: Script,
    /// Path of the cleaned text, relative to the repository root.
    pub source: String,
    /// Interpretation notes about the document as a whole (e.g. how the period was derived), in
    /// both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Bilingual>,
}

/// What sort of commitment a target is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A numeric commitment: 占比达50%, 增加学位9万个.
    Quantitative,
    /// A numeric norm or standard: 300元/月, 1000:1, 120学时.
    Standard,
    /// A dated qualitative commitment: 到2020年实现…全覆盖.
    Milestone,
    /// A labelled forecast: 预测.
    Projection,
}

/// How the target value is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = ">")]
    MoreThan,
    #[serde(rename = "=")]
    Equal,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = "<")]
    LessThan,
    #[serde(rename = "increase_by")]
    IncreaseBy,
    #[serde(rename = "decrease_by")]
    DecreaseBy,
    /// A number of things to build, create or train.
    #[serde(rename = "count")]
    Count,
    /// Bring something to zero (e.g. 消除大班额).
    #[serde(rename = "eliminate")]
    Eliminate,
    /// No numeric comparison (milestones).
    #[serde(rename = "none")]
    None,
}

/// 约束性 (binding) or 预期性 (expected), where the document says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Binding {
    #[serde(rename = "约束性")]
    Binding,
    #[serde(rename = "预期性")]
    Expected,
}

/// A stated starting point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

/// One commitment, norm, milestone or forecast, with the sentence it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub id: String,
    pub kind: Kind,
    pub theme: String,
    pub indicator: String,
    pub comparator: Comparator,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Whom or what the target covers, in both languages (our label, not a quotation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_year: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding: Option<Binding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<String>,
    pub section: String,
    pub quote: String,
    pub summary: Bilingual,
    /// How the target was read (an interpretation or an ambiguity), in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub garbled: bool,
}

/// Whether a higher or a lower value is the better outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Higher,
    Lower,
    None,
}

/// A canonical measure shared by targets of different documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub name: Bilingual,
    /// Other names documents give it (毛入园率, 普惠率), Simplified: what the extractor's best guess
    /// of an indicator reads besides `name.zh` (`analysis::extract`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub theme: String,
    pub unit: String,
    /// How `unit` reads after a number on an English page ("students per class"); required when the
    /// unit is written in Chinese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_en: Option<String>,
    /// The singular of [`Indicator::unit_en`] ("school"), used for a value of exactly 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_en_one: Option<String>,
    pub better: Better,
    pub definition: String,
}

/// A policy area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub name: Bilingual,
    /// The theme's colour in the charts: one of the [`THEME_COLOUR_SLOTS`] slots of the theme
    /// palette, `0` to `15`. Optional: a theme without one gets a free slot (see
    /// `charts::palette::theme_slots`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<u8>,
}

/// How many colours the theme palette has: the valid [`Theme::colour`] slots are `0..16`.
pub const THEME_COLOUR_SLOTS: u8 = 16;
