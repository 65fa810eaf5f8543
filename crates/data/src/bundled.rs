//! The dataset compiled into the app: the published JSON files, parsed once on first use.
//! Bad bundled data cannot ship: the tests validate exactly these files.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::model::Dataset;

const TARGETS_JSON: &str = include_str!("../../../data/published/targets.json");
const TEXTS_JSON: &str = include_str!("../../../data/published/texts.json");

/// The bundled dataset.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| serde_json::from_str(TARGETS_JSON).expect("bundled targets.json is validated by the tests"))
}

/// The cleaned text of every bundled document, keyed by document id.
pub fn texts() -> &'static BTreeMap<String, String> {
    static TEXTS: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    TEXTS.get_or_init(|| serde_json::from_str(TEXTS_JSON).expect("bundled texts.json is validated by the tests"))
}
