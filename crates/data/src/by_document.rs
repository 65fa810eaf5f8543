//! The published targets and texts split by document, for the views that show a few documents (a
//! document's page, the comparison and its embed): `data/indicators.json`, the indicator catalogue
//! every document's targets refer to, `data/targets/<id>.json`, one document with its targets, and
//! `data/texts/<id>.json`, one document's cleaned text. A view fetches the catalogue once and only
//! the documents it shows, so its cost does not grow with the number of documents published.
//! `targets.json` and `texts.json` stay whole, as open-data downloads and for the views that show
//! every target or search every text.
//!
//! A document's file names the fingerprint of the whole file it was split from; the app accepts it
//! only when that is the fingerprint built into it (`published::parse_document_targets`,
//! `parse_document_text`), so a copy cached from another version of the site is refused, as the
//! whole files are.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Dataset, DocumentEntry, Indicator};
use super::published::fingerprint;
use super::validation::is_valid_id;

/// Where the app fetches the indicator catalogue (relative to the page).
pub const INDICATORS_URL: &str = "data/indicators.json";

/// Where the app fetches the targets of the document `id` (relative to the page).
pub fn document_targets_url(id: &str) -> String {
    format!("data/targets/{id}.json")
}

/// Where the app fetches the cleaned text of the document `id` (relative to the page).
pub fn document_text_url(id: &str) -> String {
    format!("data/texts/{id}.json")
}

/// `data/texts/<id>.json`: one document's cleaned text, with the fingerprint of the `texts.json`
/// published beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentText {
    /// `published::fingerprint` of `texts.json`, 16 hexadecimal digits.
    pub published: String,
    pub document: String,
    pub text: String,
}

/// `data/indicators.json`: the dataset's version and its indicators, in the dataset's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Indicators {
    pub version: String,
    pub indicators: Vec<Indicator>,
}

/// `data/targets/<id>.json`: one document and its targets, as in `targets.json`, with the
/// fingerprint of the `targets.json` published beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentTargets {
    /// `published::fingerprint` of `targets.json`, 16 hexadecimal digits.
    pub published: String,
    pub entry: DocumentEntry,
}

/// The files of the split, each as its path under `data/published/` and its content (compact
/// JSON, as the app reads it): `indicators.json`, then `targets/<id>.json` for every document in
/// dataset order. `targets_json` is the published `targets.json` whose fingerprint the documents'
/// files carry. An error names a document whose id cannot be a file name (validation refuses such
/// ids, so only an unvalidated dataset has one).
pub fn published_files(dataset: &Dataset, targets_json: &str) -> Result<Vec<(String, String)>, String> {
    let published = format!("{:016x}", fingerprint(targets_json.as_bytes()));
    let indicators = Indicators {
        version: dataset.version.clone(),
        indicators: dataset.indicators.clone(),
    };
    let mut files = vec![("indicators.json".to_string(), to_json(&indicators))];
    for entry in &dataset.documents {
        let id = &entry.document.id;
        if !is_valid_id(id) {
            return Err(format!("document id {id:?} cannot name a file"));
        }
        let file = DocumentTargets {
            published: published.clone(),
            entry: entry.clone(),
        };
        files.push((format!("targets/{id}.json"), to_json(&file)));
    }
    Ok(files)
}

/// The texts split by document, each as its path under `data/published/` (`texts/<id>.json`) and
/// its content, in the order of `texts` (by id); `texts_json` is the published `texts.json` whose
/// fingerprint they carry.
pub fn text_files(texts: &BTreeMap<String, String>, texts_json: &str) -> Result<Vec<(String, String)>, String> {
    let published = format!("{:016x}", fingerprint(texts_json.as_bytes()));
    texts
        .iter()
        .map(|(id, text)| {
            if !is_valid_id(id) {
                return Err(format!("document id {id:?} cannot name a file"));
            }
            let file = DocumentText {
                published: published.clone(),
                document: id.clone(),
                text: text.clone(),
            };
            Ok((format!("texts/{id}.json"), to_json(&file)))
        })
        .collect()
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn every_document_gets_its_own_file_carrying_the_whole_files_fingerprint() {
        let dataset = bundled::dataset();
        let files = published_files(dataset, "{}").unwrap();
        assert_eq!(files.len(), dataset.documents.len() + 1);
        assert_eq!(files[0].0, "indicators.json");
        let indicators: Indicators = serde_json::from_str(&files[0].1).unwrap();
        assert_eq!(indicators.indicators, dataset.indicators);
        for ((path, content), entry) in files[1..].iter().zip(&dataset.documents) {
            assert_eq!(path, &format!("targets/{}.json", entry.document.id));
            let file: DocumentTargets = serde_json::from_str(content).unwrap();
            assert_eq!(&file.entry, entry);
            assert_eq!(file.published, format!("{:016x}", fingerprint(b"{}")));
        }
        assert_eq!(document_targets_url("panjin-2019"), "data/targets/panjin-2019.json");
    }

    #[test]
    fn every_text_gets_its_own_file_carrying_the_whole_files_fingerprint() {
        let texts = bundled::texts();
        let files = text_files(texts, "{}").unwrap();
        assert_eq!(files.len(), texts.len());
        for ((path, content), (id, text)) in files.iter().zip(texts) {
            assert_eq!(path, &format!("texts/{id}.json"));
            let file: DocumentText = serde_json::from_str(content).unwrap();
            assert_eq!((&file.document, &file.text), (id, text));
            assert_eq!(file.published, format!("{:016x}", fingerprint(b"{}")));
        }
        assert_eq!(document_text_url("panjin-2019"), "data/texts/panjin-2019.json");
        let escape: BTreeMap<String, String> = [("a/b".to_string(), String::new())].into();
        assert!(text_files(&escape, "{}").is_err());
    }

    #[test]
    fn an_id_that_cannot_name_a_file_is_refused() {
        let mut dataset = bundled::dataset().clone();
        dataset.documents[0].document.id = "../escape".into();
        let error = published_files(&dataset, "{}").unwrap_err();
        assert!(error.contains("../escape"), "{error}");
    }
}
