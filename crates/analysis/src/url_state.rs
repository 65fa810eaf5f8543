//! Everything a visitor selected, as a value that round-trips through the URL's query string, and
//! the one place where it changes.
//!
//! - `query.rs`: `to_query` writes only what differs from the defaults; `parse` accepts any string,
//!   never panics, ignores what it does not understand and reports each ignored piece as a
//!   [`Notice`].
//! - `resolve.rs`: ids the dataset does not know are dropped, each with a notice; a link without a
//!   language opens in the saved one.
//! - `action.rs`: every change a visitor can make is an [`Action`]; [`UrlState::apply`] is the only
//!   transition, and [`UrlState::is_navigation_to`] says whether it deserves a history entry.
//! - `shown.rs`: what a state shows where the link leaves it open (the documents compared, the
//!   document read).

pub use policy_data::lang::Lang;

use super::filter::{SortKey, TargetFilter};

mod action;
mod codes;
mod query;
mod resolve;
mod shown;

pub use action::{Action, FilterChange};
pub use codes::{sort_code, sort_from};
pub use shown::{compared_documents, default_comparison, document_shown, DocumentsShown, MAX_COMPARED, MIN_COMPARED};

/// The page shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Home,
    Targets,
    Document,
    Compare,
    Evaluate,
    /// Analyse a document: extract, review, open the result (loaded on demand).
    Analyse,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Home,
        View::Targets,
        View::Document,
        View::Compare,
        View::Evaluate,
        View::Analyse,
    ];

    pub fn code(self) -> &'static str {
        match self {
            View::Home => "home",
            View::Targets => "targets",
            View::Document => "doc",
            View::Compare => "compare",
            View::Evaluate => "evaluate",
            View::Analyse => "analyse",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// Raw text of the evaluation calculator's inputs, kept as typed so a scenario is a link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvaluationFields {
    /// Evaluation date, `YYYY-MM-DD`; empty means today.
    pub date: String,
    pub current: String,
    pub baseline_value: String,
    pub baseline_year: String,
}

/// The whole linkable state of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub view: View,
    pub lang: Lang,
    pub query: String,
    pub filter: TargetFilter,
    pub sort: SortKey,
    /// Selected target id (opened in the targets list, highlighted in the reader, evaluated).
    pub target: Option<String>,
    /// Document shown by the reader.
    pub document: Option<String>,
    /// Document ids compared (empty: the default selection).
    pub compare: Vec<String>,
    /// Indicator chosen for the indicator chart.
    pub indicator: Option<String>,
    pub evaluation: EvaluationFields,
    /// Embed mode: only the chosen chart or table.
    pub embed: bool,
}

/// A piece of the URL that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub key: String,
    pub value: String,
}

impl UrlState {
    /// True when the page shows the documents' texts: the reader, and searches (matching
    /// passages). The texts are fetched the first time this holds.
    pub fn shows_texts(&self) -> bool {
        match self.view {
            View::Document => true,
            View::Targets => !self.query.trim().is_empty(),
            _ => false,
        }
    }

    /// True unless the page is home with nothing but a language chosen: every other view and every
    /// embed shows the published targets, and a home link that carries a filter, a search or a
    /// selection needs them to resolve its ids (kept for the views it leads back to). The app
    /// fetches them before showing such a page; bare home needs only the published index.
    pub fn needs_targets(&self) -> bool {
        let bare_home = UrlState {
            lang: self.lang,
            ..UrlState::default()
        };
        *self != bare_home
    }
}
