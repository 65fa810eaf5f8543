//! Core data layer: the dataset's types, how it is read from the repository's TOML files,
//! how it is validated and exported, the published files the app fetches (and the copy bundled into native builds and tests). No web dependency.

pub mod bundled;
#[cfg(not(target_arch = "wasm32"))]
pub mod cleaning;
pub mod dataset_file;
pub mod export;
pub mod fold;
pub mod format;
pub mod json_outline;
pub mod lang;
pub mod model;
pub mod numerals;
pub mod published;
#[cfg(not(target_arch = "wasm32"))]
pub mod repository;
pub mod script;
#[cfg(not(target_arch = "wasm32"))]
pub mod synthetic;
pub mod validation;
pub mod wording;
