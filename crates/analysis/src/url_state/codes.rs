//! How the state's enums and ids are written in the URL, and what is accepted back.

use policy_data::model::Kind;

use super::super::filter::{BindingChoice, SortKey};

/// Longest search or responsible-unit text kept, in characters.
pub(super) const MAX_TEXT: usize = 200;
/// Longest typed calculator figure kept, in characters.
pub(super) const MAX_EVALUATION_TEXT: usize = 40;

pub(super) fn kind_code(kind: Kind) -> &'static str {
    policy_data::export::kind_code(kind)
}

pub(super) fn kind_from(code: &str) -> Option<Kind> {
    [Kind::Quantitative, Kind::Standard, Kind::Milestone, Kind::Projection]
        .into_iter()
        .find(|k| kind_code(*k) == code)
}

pub(super) fn binding_code(b: BindingChoice) -> &'static str {
    match b {
        BindingChoice::Binding => "binding",
        BindingChoice::Expected => "expected",
        BindingChoice::Unstated => "unstated",
    }
}

pub(super) fn binding_from(code: &str) -> Option<BindingChoice> {
    [BindingChoice::Binding, BindingChoice::Expected, BindingChoice::Unstated]
        .into_iter()
        .find(|b| binding_code(*b) == code)
}

/// The URL code of a sort order.
pub fn sort_code(sort: SortKey) -> &'static str {
    match sort {
        SortKey::Document => "doc",
        SortKey::Year => "year",
        SortKey::Locality => "locality",
        SortKey::Value => "value",
    }
}

/// The sort order of a URL code.
pub fn sort_from(code: &str) -> Option<SortKey> {
    [SortKey::Document, SortKey::Year, SortKey::Locality, SortKey::Value]
        .into_iter()
        .find(|s| sort_code(*s) == code)
}

/// An id as it may appear in the URL: ASCII letters, digits, '-' and '_', at most 80 characters.
pub(super) fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 80
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub(super) fn year(text: &str) -> Option<u16> {
    text.parse::<u16>().ok().filter(|y| (1900..=2100).contains(y))
}
