//! Maintainer tooling for the dataset (native only): loading the repository's TOML sources
//! (`repository`), cutting raw scrapes to the document body (`cleaning`), generating synthetic
//! datasets for the benchmarks (`synthetic`), measuring layouts of the cut search index
//! (`search_measure`) and writing a document file to review from the
//! extractor's candidates (`draft`). The `dataset` command (src/bin/dataset.rs) ties them together.
// Tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod cleaning;
pub mod draft;
pub mod repository;
pub mod search_measure;
pub mod synthetic;
