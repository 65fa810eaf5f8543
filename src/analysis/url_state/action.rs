//! Every change a visitor can make to the state, and the one function that makes it.
//!
//! Views never build a [`UrlState`] by hand: they dispatch an [`Action`] (or render a link to one),
//! and [`UrlState::apply`] returns the next state. The rules live here, once: changing a filter or
//! the search closes the opened target, choosing another target to evaluate clears the typed
//! figures, a comparison keeps between [`MIN_COMPARED`] and [`MAX_COMPARED`] documents, and an id
//! the dataset does not know changes nothing. Text is cut to what the URL keeps, so a state made
//! by `apply` survives a trip through the URL unchanged.

use crate::data::model::Kind;

use super::super::catalog::Catalog;
use super::super::filter::{BindingChoice, SortKey, TargetFilter};
use super::super::progress::Field;
use super::codes::{year, MAX_EVALUATION_TEXT, MAX_TEXT};
use super::shown::{compared_documents, MAX_COMPARED, MIN_COMPARED};
use super::{EvaluationFields, Lang, UrlState, View};

/// One change to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Shows another page and keeps everything else (the header's tabs).
    Show(View),
    SetLang(Lang),
    /// Sets the search text; closes the opened target.
    Search(String),
    /// Changes one filter; closes the opened target.
    Filter(FilterChange),
    /// Clears every filter; closes the opened target.
    ClearFilters,
    Sort(SortKey),
    /// Opens a target of the list, or closes it when it is the open one.
    ToggleTarget(String),
    /// Selects a target and keeps everything else (the target's own link).
    SelectTarget(String),
    /// The targets page with only this target open (links from other pages).
    OpenTarget(String),
    /// The targets page listing one document's targets.
    ListDocument(String),
    /// The reader on a document.
    ReadDocument(String),
    /// The reader on a document, keeping the search so its words stay highlighted.
    ReadPassage(String),
    /// The reader on a target's sentence, keeping the search.
    ReadTarget(String),
    /// Marks a target of the document being read.
    HighlightTarget(String),
    /// The calculator on a target (from the target's detail).
    Evaluate(String),
    /// Chooses the target the calculator evaluates; clears the typed figures.
    ChooseEvaluated(String),
    /// Sets one of the calculator's typed figures.
    SetEvaluation(Field, String),
    /// Adds a document to the comparison, or removes it.
    ToggleCompared(String),
    /// Chooses the indicator of the indicator chart.
    ChooseIndicator(String),
    /// Embed mode on or off.
    SetEmbed(bool),
}

/// A change to one filter of the targets list.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterChange {
    /// Ticks or unticks a locality (document id).
    Locality(String),
    Theme(String),
    Kind(Kind),
    Binding(BindingChoice),
    YearFrom(Option<u16>),
    YearTo(Option<u16>),
    Responsible(String),
    Baseline(Option<bool>),
}

fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

impl UrlState {
    /// The state after `action`. Ids `catalog` does not know leave the state unchanged.
    pub fn apply(&self, action: Action, catalog: &Catalog) -> UrlState {
        let known_target = |id: &str| catalog.row_of(id).is_some();
        let known_doc = |id: &str| catalog.document_by_id(id).is_some();
        let fresh = |view: View| UrlState {
            view,
            lang: self.lang,
            ..Default::default()
        };
        let mut next = self.clone();
        match action {
            Action::Show(view) => next.view = view,
            Action::SetLang(lang) => next.lang = lang,
            Action::Search(text) => {
                next.query = cut(&text, MAX_TEXT);
                next.target = None;
            }
            Action::Filter(change) => {
                if !next.filter.change(change, catalog) {
                    return next;
                }
                next.target = None;
            }
            Action::ClearFilters => {
                next.filter = TargetFilter::default();
                next.target = None;
            }
            Action::Sort(sort) => next.sort = sort,
            Action::ToggleTarget(id) if known_target(&id) => {
                next.target = (self.target.as_deref() != Some(id.as_str())).then_some(id);
            }
            Action::SelectTarget(id) if known_target(&id) => next.target = Some(id),
            Action::OpenTarget(id) if known_target(&id) => {
                next = fresh(View::Targets);
                next.target = Some(id);
            }
            Action::ListDocument(id) if known_doc(&id) => {
                next = fresh(View::Targets);
                next.filter.localities.insert(id);
            }
            Action::ReadDocument(id) if known_doc(&id) => {
                next = fresh(View::Document);
                next.document = Some(id);
            }
            Action::ReadPassage(id) if known_doc(&id) => {
                next = fresh(View::Document);
                next.document = Some(id);
                next.query = self.query.clone();
            }
            Action::ReadTarget(id) if known_target(&id) => {
                next = fresh(View::Document);
                next.document = document_of(catalog, &id);
                next.target = Some(id);
                next.query = self.query.clone();
            }
            Action::HighlightTarget(id) if known_target(&id) => {
                next.document = document_of(catalog, &id);
                next.target = Some(id);
            }
            Action::Evaluate(id) if known_target(&id) => {
                next = fresh(View::Evaluate);
                next.target = Some(id);
            }
            Action::ChooseEvaluated(id) if known_target(&id) => {
                next.target = Some(id);
                next.evaluation = EvaluationFields::default();
            }
            Action::SetEvaluation(field, text) => {
                let text = cut(&text, MAX_EVALUATION_TEXT);
                let e = &mut next.evaluation;
                match field {
                    Field::Date => e.date = text,
                    Field::CurrentValue => e.current = text,
                    Field::BaselineValue => e.baseline_value = text,
                    Field::BaselineYear => e.baseline_year = text,
                }
            }
            Action::ToggleCompared(id) if known_doc(&id) => {
                let chosen = compared_documents(self, catalog);
                let was_chosen = chosen.contains(&id);
                let mut compared: Vec<String> = chosen.into_iter().filter(|c| *c != id).collect();
                if !was_chosen && compared.len() < MAX_COMPARED {
                    compared.push(id);
                }
                if compared.len() >= MIN_COMPARED {
                    next.compare = compared;
                }
            }
            Action::ChooseIndicator(id) if catalog.indicator(&id).is_some() => next.indicator = Some(id),
            Action::SetEmbed(on) => next.embed = on,
            // An id the dataset does not know.
            _ => {}
        }
        next
    }

    /// True when moving from this state to `next` deserves its own history entry (Back returns
    /// here): another page, target, document, comparison, indicator or language. Typing, filters
    /// and sorting replace the current entry.
    pub fn is_navigation_to(&self, next: &UrlState) -> bool {
        self.view != next.view
            || self.target != next.target
            || self.document != next.document
            || self.compare != next.compare
            || self.indicator != next.indicator
            || self.lang != next.lang
    }

    /// The query string of the state after `action`: the address of a link that dispatches it.
    pub fn query_after(&self, action: Action, catalog: &Catalog) -> String {
        self.apply(action, catalog).to_query()
    }
}

fn document_of(catalog: &Catalog, target: &str) -> Option<String> {
    let row = catalog.row_of(target)?;
    Some(catalog.document(catalog.rows[row]).id.clone())
}

impl TargetFilter {
    /// Applies `change`; false when it names an id the dataset does not know (nothing changed).
    fn change(&mut self, change: FilterChange, catalog: &Catalog) -> bool {
        match change {
            FilterChange::Locality(id) if catalog.document_by_id(&id).is_some() => toggle(&mut self.localities, id),
            FilterChange::Theme(id) if catalog.theme(&id).is_some() => toggle(&mut self.themes, id),
            FilterChange::Kind(kind) => toggle(&mut self.kinds, kind),
            FilterChange::Binding(binding) => toggle(&mut self.bindings, binding),
            FilterChange::YearFrom(y) if y.is_none_or(|y| year(&y.to_string()).is_some()) => {
                self.year_from = y;
                self.order_years();
            }
            FilterChange::YearTo(y) if y.is_none_or(|y| year(&y.to_string()).is_some()) => {
                self.year_to = y;
                self.order_years();
            }
            FilterChange::Responsible(text) => self.responsible = cut(&text, MAX_TEXT),
            FilterChange::Baseline(wanted) => self.has_baseline = wanted,
            _ => return false,
        }
        true
    }

    /// A range typed backwards is read forwards (as a link's is).
    pub(super) fn order_years(&mut self) {
        if let (Some(from), Some(to)) = (self.year_from, self.year_to) {
            if from > to {
                self.year_from = Some(to);
                self.year_to = Some(from);
            }
        }
    }
}
