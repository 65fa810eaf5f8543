//! Core data layer: the dataset's types, how it is read from the repository's TOML files,
//! how it is validated and exported, the published files the app fetches (and the copy bundled into native builds and tests). No web dependency.
// Unit tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod bundled;
pub mod by_document;
pub mod dataset_file;
pub mod export;
pub mod fold;
pub mod format;
pub mod json_outline;
pub mod lang;
pub mod lang_parts;
pub mod message;
pub mod model;
pub mod numerals;
pub mod published;
pub mod script;
pub mod summary;
#[cfg(any(test, feature = "test-support"))]
pub mod test_support;
pub mod validation;
