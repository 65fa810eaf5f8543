//! The first view's data: published documents' metadata and their targets counted by theme and by
//! kind, without the targets themselves. Home is drawn from it, so a first visit does not fetch,
//! parse or hold any target; the views that show targets fetch them when they are first opened.
//! Two files have this form: `data/index.json`, home's index, lists the documents home shows as
//! cards (and those a default comparison holds) and counts the others ([`Index::unlisted`]), so a
//! first visit costs the same whatever the number of documents; `data/document-list.json` lists
//! every document, for the views that offer them all (the locality finder, the list by province,
//! the comparison's choices). With as few documents as cards the two are the same. The counts are
//! made by `analysis::summary::count_targets`, for the published documents when the index is
//! written and for opened files in the browser, so both are counted by one rule.

use serde::{Deserialize, Serialize};

use super::model::{Dataset, Document, DocumentEntry, Kind, Theme};

/// How many targets a document has, by theme, by kind and by marking: the counts on its home card
/// and in the targets list's filter panel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetCounts {
    pub targets: usize,
    /// Targets per theme id: most first, ties in id order.
    pub themes: Vec<(String, usize)>,
    /// Targets per kind, in the order `Kind` declares them.
    pub kinds: Vec<(Kind, usize)>,
    /// Targets marked 约束性 (binding) and 预期性 (expected); the others are unmarked. With the
    /// themes and kinds, the targets list's filter counts for a locality whose targets are not here.
    #[serde(default)]
    pub binding: usize,
    #[serde(default)]
    pub expected: usize,
}

/// A document as home shows it: its metadata and its targets' counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub document: Document,
    pub counts: TargetCounts,
}

/// The published index: what home needs of the whole dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// The dataset's version, as in `targets.json`.
    pub version: String,
    pub themes: Vec<Theme>,
    /// Listed documents, in the dataset's order.
    pub documents: Vec<DocumentSummary>,
    /// How many published documents the index does not list (home's index lists the first ones);
    /// 0, and not written, when it lists them all.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unlisted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Index {
    /// The documents' counts, in the index's order.
    pub fn counts(&self) -> Vec<TargetCounts> {
        self.documents.iter().map(|summary| summary.counts.clone()).collect()
    }

    /// The dataset the app holds until the targets arrive: the index's documents, themes and
    /// version, with no targets and no indicators.
    pub fn dataset(&self) -> Dataset {
        Dataset {
            version: self.version.clone(),
            themes: self.themes.clone(),
            indicators: Vec::new(),
            documents: self
                .documents
                .iter()
                .map(|summary| DocumentEntry {
                    document: summary.document.clone(),
                    targets: Vec::new(),
                })
                .collect(),
        }
    }
}

/// The index as published (`data/index.json`, `data/document-list.json`): compact JSON, as the
/// app reads it.
pub fn index_json(index: &Index) -> String {
    serde_json::to_string(index).unwrap_or_default()
}
