//! Core data layer: the dataset's types, how it is read from the repository's TOML files,
//! how it is validated and exported, and the copy bundled into the app. No web dependency.

pub mod bundled;
#[cfg(not(target_arch = "wasm32"))]
pub mod cleaning;
pub mod dataset_file;
pub mod export;
pub mod model;
pub mod numerals;
#[cfg(not(target_arch = "wasm32"))]
pub mod repository;
#[cfg(not(target_arch = "wasm32"))]
pub mod synthetic;
pub mod validation;
