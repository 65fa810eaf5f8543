//! Charts drawn on any plotters [`DrawingBackend`]: in the browser a `plotters_canvas::CanvasBackend`,
//! in native tests `plotters::backend::SVGBackend::with_string`. No web dependency here.
//!
//! Every chart follows one shape:
//! - a plain-data input (`XxxData`, strings and numbers) with a `from_dataset(&Dataset, ids…)`
//!   constructor, so a view calls one function and can also build the data by hand;
//! - `draw_xxx(backend, &data, &ChartLabels) -> Result<(), String>`, which takes every size from
//!   `backend.get_size()` and [`ChartLabels::scale`] (device pixels per CSS pixel), so the same
//!   chart is legible on a 360 px phone and a 1200 px desktop, and crisp on high-DPI screens;
//! - `summary(&data, lang) -> String`, a one-line text summary, and `table(&data)`, a data table
//!   alternative (header row first). Both are pure.
//!
//! Text. The charts lay text out with their own width estimate ([`text_width`]: a CJK character is
//! one em wide, anything else 0.6 em) and never ask the backend to measure text. That matters: with
//! `default-features = false` plotters has no font engine natively (its `naive` font only estimates
//! `text.len()`, in bytes, so a Chinese string would measure three times too wide), and on wasm32
//! its `web` font measures by inserting a `<span>` into the page for every call. Drawing text needs
//! no font engine on either backend we use: the SVG backend overrides `draw_text` and writes a
//! `<text font-family=…>` element, the canvas backend overrides it and calls `fillText` with the
//! CSS font `"{size}px {family}"`, so Chinese renders from the system fonts. (A backend that does
//! not override `draw_text`, such as the bitmap backend, would need the `ttf` or `ab_glyph` feature.)
//! The SVG backend writes `font-size` as `size / 1.24` while the canvas uses `size` px; the layout
//! is computed for the canvas, so SVG text comes out slightly smaller, which is harmless in tests.
// Unit tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod chart;
pub mod indicator;
mod labels;
mod layout;
mod legend;
mod painter;
pub mod palette;
pub mod paths;
mod select;
#[cfg(test)]
pub(crate) mod test_support;
mod text;
pub mod timeline;

pub use chart::Chart;
pub use labels::{comparator_symbol, format_number, format_value, format_year, ChartLabels};
pub(crate) use layout::{diamond, leader, nice_ticks, padded_range, year_step, Ctx, Placer, Rect, Scale};
pub(crate) use legend::{Glyph, Legend};
pub(crate) use painter::{paint, Painter};
pub(crate) use select::indicator_name_unit;
pub use select::locality_index;
pub use select::{select_documents, Selected};
pub(crate) use text::fit_text;
pub use text::text_width;
