//! Core analysis: search, filters, comparison, progress calculations and the URL state.
//! Pure functions over the dataset; no web dependency.
// Unit tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod catalog;
pub mod choices;
pub mod citations;
pub mod compare;
pub mod corrections;
pub mod downloads;
pub mod filter;
pub mod library;
pub mod ordering;
pub mod pace;
pub mod paging;
pub mod progress;
pub mod reader;
pub mod row;
pub mod search;
pub mod search_shards;
pub mod share;
pub mod summary;
pub mod url_state;
