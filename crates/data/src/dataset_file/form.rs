//! The self-contained file form (`data/published/documents/<id>.json`): the published structure of
//! one document with the themes and indicators it uses and its cleaned text.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, DocumentEntry, Indicator, Theme};

/// The self-contained file form, as the publishing tool writes it (`data/published/documents/<id>.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatasetFile {
    /// Version of the dataset the file was published from.
    pub version: String,
    /// Themes the file's targets use.
    pub themes: Vec<Theme>,
    /// Indicators the file's targets use.
    pub indicators: Vec<Indicator>,
    pub documents: Vec<DocumentEntry>,
    /// Cleaned text of every document, keyed by document id: the text the quotes are checked against.
    pub texts: BTreeMap<String, String>,
}

impl DatasetFile {
    /// The file for one document of `dataset`, carrying only the themes and indicators it uses.
    pub fn for_document(dataset: &Dataset, texts: &BTreeMap<String, String>, entry: &DocumentEntry) -> Self {
        let used_indicators: HashSet<&str> = entry.targets.iter().map(|t| t.indicator.as_str()).collect();
        let indicators: Vec<Indicator> = dataset
            .indicators
            .iter()
            .filter(|i| used_indicators.contains(i.id.as_str()))
            .cloned()
            .collect();
        let used_themes: HashSet<&str> = entry
            .targets
            .iter()
            .map(|t| t.theme.as_str())
            .chain(indicators.iter().map(|i| i.theme.as_str()))
            .collect();
        let themes = dataset
            .themes
            .iter()
            .filter(|t| used_themes.contains(t.id.as_str()))
            .cloned()
            .collect();
        let id = &entry.document.id;
        DatasetFile {
            version: dataset.version.clone(),
            themes,
            indicators,
            documents: vec![entry.clone()],
            texts: texts.get(id).map(|t| (id.clone(), t.clone())).into_iter().collect(),
        }
    }

    /// Pretty-printed JSON, as published.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
