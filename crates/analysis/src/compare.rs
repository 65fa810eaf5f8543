//! Comparison across localities: a matrix of indicators × chosen documents, a comparability verdict
//! for each shared indicator (with which target is more demanding), a theme × document coverage
//! count, and short factual sentences on the key differences.
//!
//! The rules are written out in `docs/formulas.md`. Sentences say only what the data shows: a count
//! of things (schools, places) is never ranked across localities of different sizes, and a
//! difference in scope or definition makes a comparison "rough" rather than ranked.
//! Pure functions, no web dependency.

mod comparability;
mod coverage;
mod demand;
mod differences;
#[cfg(test)]
mod fixtures;
mod matrix;
mod same_promise;
mod verdict;
mod wording;

pub use comparability::{definition_says_roughly, Comparability, RoughReason};
pub use coverage::CoverageMatrix;
pub use demand::{comparator_family, more_demanding, Basis, Family};
pub use differences::{key_differences, key_differences_in, KeyDifference};
pub use matrix::{headline_target, ComparisonMatrix, Headline, MatrixRow};
pub use same_promise::{needs_labels, promise_label, promises, same_promise, LABEL_CHARS};
pub use verdict::Verdict;
pub use wording::{format_requirement, format_requirement_in, format_year};
