//! Proposes candidate targets from a policy text (Simplified or Traditional), for a person to
//! review: each candidate is a verbatim sentence or table row with its value, unit, comparator,
//! deadline, kind, scope, a best-guess indicator and theme, and a confidence with its reasons.
//! Facts, baselines and actual values it recognises are returned marked as such
//! (`CandidateKind::Fact`, …), never as proposed targets.
//!
//! Pure Rust: no web dependency, no threads, no clock, so it runs natively (`dataset extract`,
//! `dataset draft`) and in the browser. `extract` reads a whole text; `Extraction` reads it in
//! slices with progress, for a page that must not freeze on a 2 MB text.
//!
//! The pipeline, a folder per stage, each using only the ones before it:
//! 1. `text`: the text split into pieces (sentences, headings, table rows) under their headings,
//!    each piece folded to Simplified characters;
//! 2. `read`: what a piece writes: numbers that are not values (masks), deadlines, numbers, units,
//!    comparators and scope read as items; commitments without a number; a table row's columns;
//! 3. `judge`: what a reading is: its kind (target, fact, baseline, actual value), its indicator
//!    and theme, the confidence;
//! 4. `assemble`: the candidates of a sentence or a table row.
//!
//! `incremental` drives them over a whole text, a slice at a time. What the extractor proposes
//! (`candidate`) and why (`signal`) are the words of the last two stages and of the result. Beside
//! the pipeline: `measure` scores candidates against a curated document; `guess` reads the metadata
//! a text writes about itself. `dataset draft` (native) writes candidates as a document file to
//! review, and the page "Analyse a document" has a visitor review them (`policy_review`).
// Unit tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

mod assemble;
mod candidate;
pub mod guess;
mod incremental;
mod judge;
pub mod measure;
mod read;
mod signal;
mod text;

pub use candidate::{Candidate, CandidateKind, Progress};
pub use incremental::{Extraction, IssuedFrom};
pub use judge::indicators::Catalogue;
pub use signal::Signal;
pub use text::sentences::starts_with_section_number;

/// Every candidate in `text`, in the text's order. `issued` is the document's issue date (year,
/// month), from which relative deadlines (三年内, 用三年时间) are counted; without it their year is
/// left out.
pub fn extract(text: &str, issued: Option<(u16, u8)>, catalogue: &Catalogue) -> Vec<Candidate> {
    let mut extraction = Extraction::new(text, issued);
    extraction.step(catalogue, usize::MAX);
    extraction.into_candidates()
}

/// Reads an issue date written `YYYY-MM-DD` (or `YYYY-MM`) into (year, month).
pub fn parse_issued(date: &str) -> Option<(u16, u8)> {
    let mut parts = date.trim().split('-');
    let year: u16 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    ((1900..=2100).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}
