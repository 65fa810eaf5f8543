//! Core data layer: the dataset's types, how it is read from the repository's TOML files,
//! how it is validated, and the copy bundled into the app. No web dependency.

pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod cleaning;
