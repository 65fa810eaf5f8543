//! Policy target explorer: local-government education policy documents turned into structured,
//! verifiable targets, compared across cities, computed entirely in the browser.
//!
//! Layers (see ARCHITECTURE.md): `data` and `analysis` are the pure core, `charts` draws on any
//! plotters backend, `view` holds the Yew components and `browser` is the only module that touches
//! browser APIs.
// Unit tests may sort freely; the app sorts through `analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod analysis;
pub mod browser;
pub mod charts;
pub mod data;
#[cfg(not(target_arch = "wasm32"))]
pub mod precompress;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod service_worker;
pub mod site;
#[cfg(test)]
pub(crate) mod test_support;
pub mod view;
#[cfg(not(target_arch = "wasm32"))]
pub mod wasm_chunks;
