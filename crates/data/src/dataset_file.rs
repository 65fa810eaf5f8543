//! A dataset file a visitor or maintainer opens in the browser: one self-contained JSON file in the
//! published form (`targets.json`'s structure plus a `texts` map with each document's cleaned text,
//! see docs/dataset-schema.md), read, checked and turned into documents the site can add.
//!
//! [`open`] never panics on any input. It checks the syntax with serde_json (a syntax error names
//! the line and column and quotes the line), reads every theme, indicator, document and target on
//! its own with the same serde_json reader and types as `targets.json` (the file's outline,
//! [`json_outline`](super::json_outline), says where each item is and which field an error's
//! position falls in) so that one run reports every shape error with the field's path, then applies
//! the same rules as the bundled data
//! ([`validation::validate`](super::validation::validate)) against the site's catalogue plus what the
//! file declares, and finally refuses ids that clash with what is already loaded. Every error names
//! the file, the document, the target and the field, and says what is wrong as a kind
//! ([`FileProblem`]; serde_json's errors are read into kinds by `classify`), which `wording` words
//! in Chinese and English.

mod check;
mod classify;
mod error;
mod form;
mod parse;
mod problems;
mod upgrade;
mod wording;

pub use check::OpenedDataset;
pub use error::FileError;
pub use form::DatasetFile;
pub use problems::{Excerpt, Expected, FileProblem, Found, ReadFailure, Shape, SyntaxKind};
pub use upgrade::{upgrade_summary, Upgrade, UpgradeKind};

use super::model::Dataset;
use error::Errors;

/// Largest file the loader reads (bytes). Generous: a hundred times the bundled data fits.
pub const MAX_FILE_BYTES: usize = 128 * 1024 * 1024;

/// The checker's signature, [`open`]'s: the app receives it from an on-demand chunk, so the first
/// visit does not load the checks (`view::parts::DATASET_CHECK`).
pub type CheckFile = fn(&str, &[u8], &Dataset) -> Result<OpenedDataset, Vec<FileError>>;

/// Reads `bytes`, the content of the file named `file`, and checks it against `loaded`, the data the
/// site already shows (bundled plus files opened before). Returns what the file adds, or every error.
pub fn open(file: &str, bytes: &[u8], loaded: &Dataset) -> Result<OpenedDataset, Vec<FileError>> {
    let mut errors = Errors {
        file: file.to_string(),
        list: Vec::new(),
    };
    let parsed = parse::parse(&mut errors, bytes);
    match parsed {
        Some(parsed) if errors.list.is_empty() => check::check(&mut errors, parsed, loaded),
        _ => Err(errors.list),
    }
}
