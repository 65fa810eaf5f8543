//! The rules applied to a file that read without a shape error: the dataset's own validation against
//! the site's data plus what the file declares, then the clashes with ids already shown. What
//! passes becomes an [`OpenedDataset`].

use std::collections::{BTreeMap, HashSet};

use super::error::{Errors, FileError};
use super::parse::Parsed;
use super::problems::FileProblem;
use super::upgrade::Upgrade;
use crate::model::{Dataset, DocumentEntry, Indicator, Theme};
use crate::validation;

/// What a valid file adds to the site.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedDataset {
    pub file: String,
    /// The dataset version the file declares.
    pub version: String,
    /// Themes the site did not have.
    pub themes: Vec<Theme>,
    /// Indicators the site did not have.
    pub indicators: Vec<Indicator>,
    pub documents: Vec<DocumentEntry>,
    pub texts: BTreeMap<String, String>,
    /// What was read in an earlier form of the dataset, to tell the visitor.
    pub upgrades: Vec<Upgrade>,
}

impl OpenedDataset {
    /// Appends this file's documents, texts, themes and indicators to `dataset` and `texts`.
    pub fn add_to(&self, dataset: &mut Dataset, texts: &mut BTreeMap<String, String>) {
        dataset.themes.extend(self.themes.iter().cloned());
        dataset.indicators.extend(self.indicators.iter().cloned());
        dataset.documents.extend(self.documents.iter().cloned());
        texts.extend(self.texts.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
}

/// Applies the dataset rules and the clash checks to a file that read without a shape error.
pub(super) fn check(errors: &mut Errors, parsed: Parsed, loaded: &Dataset) -> Result<OpenedDataset, Vec<FileError>> {
    let mut new_themes = Vec::new();
    for theme in parsed.themes {
        if !loaded.themes.iter().any(|t| t.id == theme.id) {
            new_themes.push(theme);
        }
    }
    let mut new_indicators = Vec::new();
    for indicator in parsed.indicators {
        match loaded.indicators.iter().find(|i| i.id == indicator.id) {
            None => new_indicators.push(indicator),
            Some(site)
                if site.unit != indicator.unit || site.theme != indicator.theme || site.better != indicator.better =>
            {
                errors.push(
                    Some("indicators"),
                    Some(&*indicator.id),
                    "id",
                    FileProblem::IndicatorDiffers {
                        id: site.id.clone(),
                        unit: site.unit.clone(),
                        theme: site.theme.clone(),
                    },
                );
            }
            Some(_) => {}
        }
    }
    let checked = Dataset {
        version: parsed.version,
        themes: loaded
            .themes
            .iter()
            .cloned()
            .chain(new_themes.iter().cloned())
            .collect(),
        indicators: loaded
            .indicators
            .iter()
            .cloned()
            .chain(new_indicators.iter().cloned())
            .collect(),
        documents: parsed.documents,
    };
    for problem in validation::validate(&checked, &parsed.texts) {
        // In a file the text sits under "texts", not at the document's `source` path.
        let (field, kind) = match problem.field {
            "source" => ("texts", FileProblem::NoTextForDocument),
            field => (field, FileProblem::Rule(problem.rule)),
        };
        errors.push(Some(&*problem.document), problem.item.as_deref(), field, kind);
    }
    let loaded_targets: HashSet<&str> = loaded
        .documents
        .iter()
        .flat_map(|e| e.targets.iter().map(|t| t.id.as_str()))
        .collect();
    for entry in &checked.documents {
        let doc_id = entry.document.id.as_str();
        if let Some(site) = loaded.documents.iter().find(|e| e.document.id == doc_id) {
            errors.push(
                Some(doc_id),
                None,
                "document.id",
                FileProblem::DocumentIdTaken {
                    locality: site.document.locality.zh.clone(),
                },
            );
        }
        for target in &entry.targets {
            if loaded_targets.contains(target.id.as_str()) {
                errors.push(Some(doc_id), Some(&*target.id), "id", FileProblem::TargetIdTaken);
            }
        }
    }
    for id in parsed.texts.keys() {
        if !checked.documents.iter().any(|e| &e.document.id == id) {
            errors.push(Some(id.as_str()), None, "texts", FileProblem::TextWithoutDocument);
        }
    }
    if !errors.list.is_empty() {
        return Err(std::mem::take(&mut errors.list));
    }
    Ok(OpenedDataset {
        file: errors.file.clone(),
        version: checked.version,
        themes: new_themes,
        indicators: new_indicators,
        documents: checked.documents,
        texts: parsed.texts,
        upgrades: parsed.upgrades,
    })
}
