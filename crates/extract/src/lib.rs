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
//! The rules, one file each: `sentences` (pieces and tables), `cells` (table cells), `sections`
//! (headings), `masks` (numbers that are not values), `numbers`, `units`, `deadlines`,
//! `comparators`, `scope` (thresholds and enumerations), `classify` (kind), `milestones`
//! (commitments without a number), `table`, `indicators` (the catalogue guess), `confidence`
//! (signals and their wording). `items` reads a sentence's numbers, `pipeline` ties the rules
//! together for a sentence, `assemble` builds the candidates, `incremental` reads a whole text.
//! `measure` scores candidates against a curated document; `draft` (native) writes them as a
//! document file to review; `guess` reads the metadata a text writes about itself; `review` is a
//! visitor's review of the candidates, turned into a dataset file (the page "Analyse a document").
// Unit tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

mod assemble;
mod candidate;
mod cells;
mod classify;
mod comparators;
mod confidence;
mod deadlines;
mod folded;
pub mod guess;
mod incremental;
mod indicators;
mod items;
mod masks;
pub mod measure;
mod milestones;
mod numbers;
mod pipeline;
mod scope;
mod sections;
mod sentences;
mod table;
mod units;

pub use candidate::{Candidate, CandidateKind, Progress};
pub use confidence::Signal;
pub use incremental::Extraction;
pub use indicators::Catalogue;
pub use sentences::starts_with_section_number;

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
