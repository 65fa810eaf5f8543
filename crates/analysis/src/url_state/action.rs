//! Every change a visitor can make to the state, and the one function that makes it.
//!
//! Views never build a [`UrlState`] by hand: they dispatch an [`Action`] (or render a link to one),
//! and [`UrlState::apply`] returns the next state. The rules live here, once: changing a filter or
//! the search closes the opened target, choosing another target to evaluate clears the typed
//! figures, a comparison keeps between [`MIN_COMPARED`] and [`MAX_COMPARED`] documents, and an id
//! the dataset does not know changes nothing. Text is cut to what the URL keeps, so a state made
//! by `apply` survives a trip through the URL unchanged.

use policy_data::model::Kind;

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
    /// The comparison page on these documents (unknown ids left out; fewer than two known changes
    /// nothing): a link from a page that has just opened a document.
    CompareDocuments(Vec<String>),
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
            Action::CompareDocuments(ids) => {
                let mut known: Vec<String> = Vec::new();
                for id in ids {
                    if known_doc(&id) && !known.contains(&id) && known.len() < MAX_COMPARED {
                        known.push(id);
                    }
                }
                if known.len() >= MIN_COMPARED {
                    next = fresh(View::Compare);
                    next.compare = known;
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

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;

    const PANJIN_TARGET: &str = "panjin-2019-primary-class-size";

    fn catalog() -> Catalog {
        Catalog::new(bundled::dataset().clone(), Default::default())
    }

    fn opened() -> UrlState {
        UrlState {
            view: View::Targets,
            lang: Lang::En,
            query: "班额".into(),
            target: Some(PANJIN_TARGET.into()),
            ..Default::default()
        }
    }

    #[test]
    fn searching_closes_the_opened_target_and_keeps_what_the_url_keeps() {
        let next = opened().apply(Action::Search("学位".repeat(150)), &catalog());
        assert_eq!(next.target, None);
        assert_eq!(next.query.chars().count(), MAX_TEXT);
        assert_eq!((next.view, next.lang), (View::Targets, Lang::En));
    }

    #[test]
    fn changing_or_clearing_a_filter_closes_the_opened_target() {
        let catalog = catalog();
        let next = opened().apply(Action::Filter(FilterChange::Locality("sihui-2022".into())), &catalog);
        assert_eq!(next.target, None);
        assert!(next.filter.localities.contains("sihui-2022"));
        let again = next.apply(Action::Filter(FilterChange::Locality("sihui-2022".into())), &catalog);
        assert!(again.filter.localities.is_empty(), "a second tick unticks");
        let kinds = opened().apply(Action::Filter(FilterChange::Kind(Kind::Milestone)), &catalog);
        assert_eq!((kinds.target, kinds.filter.kinds.len()), (None, 1));
        let cleared = UrlState {
            target: Some(PANJIN_TARGET.into()),
            ..kinds
        }
        .apply(Action::ClearFilters, &catalog);
        assert!(cleared.filter.is_empty());
        assert_eq!(cleared.target, None);
        assert_eq!(cleared.query, "班额", "clearing filters keeps the search");
    }

    #[test]
    fn an_unknown_id_changes_nothing() {
        let catalog = catalog();
        let state = opened();
        for action in [
            Action::Filter(FilterChange::Locality("atlantis".into())),
            Action::Filter(FilterChange::Theme("astrology".into())),
            Action::ToggleTarget("no-such-target".into()),
            Action::OpenTarget("no-such-target".into()),
            Action::ReadDocument("gone".into()),
            Action::ToggleCompared("gone".into()),
            Action::ChooseIndicator("no-such-indicator".into()),
            Action::Filter(FilterChange::YearFrom(Some(3000))),
        ] {
            assert_eq!(state.apply(action.clone(), &catalog), state, "{action:?}");
        }
    }

    #[test]
    fn a_backwards_year_range_is_read_forwards() {
        let catalog = catalog();
        let state = UrlState::default().apply(Action::Filter(FilterChange::YearFrom(Some(2025))), &catalog);
        let state = state.apply(Action::Filter(FilterChange::YearTo(Some(2020))), &catalog);
        assert_eq!((state.filter.year_from, state.filter.year_to), (Some(2020), Some(2025)));
    }

    #[test]
    fn a_target_of_the_list_opens_and_closes() {
        let catalog = catalog();
        let closed = opened().apply(Action::ToggleTarget(PANJIN_TARGET.into()), &catalog);
        assert_eq!(closed.target, None);
        let open = closed.apply(Action::ToggleTarget(PANJIN_TARGET.into()), &catalog);
        assert_eq!(open.target.as_deref(), Some(PANJIN_TARGET));
        assert_eq!(open.query, "班额");
    }

    #[test]
    fn links_to_another_page_keep_only_the_language() {
        let catalog = catalog();
        let mut busy = opened();
        busy.filter.kinds.insert(Kind::Standard);
        busy.embed = true;
        let open = busy.apply(Action::OpenTarget(PANJIN_TARGET.into()), &catalog);
        assert_eq!(open.to_query(), format!("v=targets&lang=en&t={PANJIN_TARGET}"));
        let list = busy.apply(Action::ListDocument("sihui-2022".into()), &catalog);
        assert_eq!(list.to_query(), "v=targets&lang=en&loc=sihui-2022");
        let read = busy.apply(Action::ReadDocument("sihui-2022".into()), &catalog);
        assert_eq!(read.to_query(), "v=doc&lang=en&doc=sihui-2022");
        let evaluate = busy.apply(Action::Evaluate(PANJIN_TARGET.into()), &catalog);
        assert_eq!(evaluate.to_query(), format!("v=evaluate&lang=en&t={PANJIN_TARGET}"));
    }

    #[test]
    fn reading_from_a_search_keeps_the_search_words() {
        let catalog = catalog();
        let passage = opened().apply(Action::ReadPassage("dongguan-2019".into()), &catalog);
        assert_eq!(
            (
                passage.view,
                passage.document.as_deref(),
                passage.query.as_str(),
                passage.target.as_deref()
            ),
            (View::Document, Some("dongguan-2019"), "班额", None)
        );
        let sentence = opened().apply(Action::ReadTarget(PANJIN_TARGET.into()), &catalog);
        assert_eq!(
            sentence.document.as_deref(),
            Some("panjin-2019"),
            "the target's own document"
        );
        assert_eq!(sentence.target.as_deref(), Some(PANJIN_TARGET));
        assert_eq!(sentence.query, "班额");
    }

    #[test]
    fn marking_a_sentence_in_the_reader_names_its_document() {
        let catalog = catalog();
        let reader = UrlState {
            view: View::Document,
            ..Default::default()
        };
        let marked = reader.apply(Action::HighlightTarget(PANJIN_TARGET.into()), &catalog);
        assert_eq!(marked.document.as_deref(), Some("panjin-2019"));
        assert_eq!(marked.view, View::Document);
    }

    #[test]
    fn choosing_another_target_to_evaluate_clears_the_typed_figures() {
        let catalog = catalog();
        let typed = UrlState {
            view: View::Evaluate,
            target: Some(PANJIN_TARGET.into()),
            ..Default::default()
        }
        .apply(Action::SetEvaluation(Field::CurrentValue, "4".repeat(60)), &catalog);
        assert_eq!(typed.evaluation.current.len(), MAX_EVALUATION_TEXT);
        let other = catalog.dataset.documents[0].targets[0].id.clone();
        let chosen = typed.apply(Action::ChooseEvaluated(other.clone()), &catalog);
        assert_eq!(chosen.target, Some(other));
        assert_eq!(chosen.evaluation, EvaluationFields::default());
        assert_eq!(chosen.view, View::Evaluate);
    }

    #[test]
    fn a_comparison_keeps_between_two_and_five_documents() {
        let catalog = catalog();
        let compare = UrlState {
            view: View::Compare,
            ..Default::default()
        };
        // From the default four: one more is added, a sixth is not.
        let five = compare.apply(Action::ToggleCompared("midterm-review".into()), &catalog);
        assert_eq!(five.compare.len(), MAX_COMPARED);
        assert_eq!(five.compare.last().map(String::as_str), Some("midterm-review"));
        let mut two = five.clone();
        for id in ["midterm-review", "dongguan-2019", "panjin-2019"] {
            two = two.apply(Action::ToggleCompared(id.into()), &catalog);
        }
        assert_eq!(two.compare, ["qingbaijiang-2018", "sihui-2022"]);
        let still_two = two.apply(Action::ToggleCompared("sihui-2022".into()), &catalog);
        assert_eq!(still_two.compare, two.compare, "never fewer than two");
    }

    #[test]
    fn a_comparison_of_named_documents() {
        let catalog = catalog();
        let state = opened();
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let both = state.apply(
            Action::CompareDocuments(ids(&["panjin-2019", "gone", "sihui-2022"])),
            &catalog,
        );
        assert_eq!(both.view, View::Compare);
        assert_eq!(both.compare, ["panjin-2019", "sihui-2022"]);
        assert!(both.query.is_empty() && both.target.is_none());
        let one = state.apply(Action::CompareDocuments(ids(&["sihui-2022", "sihui-2022"])), &catalog);
        assert_eq!(one, state, "fewer than two documents change nothing");
    }

    #[test]
    fn the_header_language_indicator_sort_and_embed() {
        let catalog = catalog();
        let state = opened();
        assert_eq!(state.apply(Action::Show(View::Compare), &catalog).view, View::Compare);
        assert_eq!(state.apply(Action::Show(View::Compare), &catalog).query, "班额");
        assert_eq!(state.apply(Action::SetLang(Lang::Zh), &catalog).lang, Lang::Zh);
        assert_eq!(state.apply(Action::Sort(SortKey::Year), &catalog).sort, SortKey::Year);
        assert!(state.apply(Action::SetEmbed(true), &catalog).embed);
        let indicator = catalog.dataset.indicators[0].id.clone();
        let chosen = state.apply(Action::ChooseIndicator(indicator.clone()), &catalog);
        assert_eq!(chosen.indicator, Some(indicator));
        let baseline = state.apply(Action::Filter(FilterChange::Baseline(Some(true))), &catalog);
        assert_eq!(baseline.filter.has_baseline, Some(true));
        let responsible = state.apply(Action::Filter(FilterChange::Responsible("教育局".into())), &catalog);
        assert_eq!(responsible.filter.responsible, "教育局");
    }

    #[test]
    fn navigations_get_a_history_entry_and_typing_does_not() {
        let catalog = catalog();
        let state = opened();
        let push = |action: Action| state.is_navigation_to(&state.apply(action, &catalog));
        assert!(push(Action::Show(View::Home)));
        assert!(push(Action::SetLang(Lang::Zh)));
        assert!(push(Action::ReadDocument("sihui-2022".into())));
        assert!(push(Action::ToggleTarget(PANJIN_TARGET.into())));
        assert!(!push(Action::Sort(SortKey::Value)));
        assert!(
            push(Action::Filter(FilterChange::Kind(Kind::Standard))),
            "closing the target is one"
        );
        let closed = UrlState {
            target: None,
            ..state.clone()
        };
        assert!(!closed.is_navigation_to(&closed.apply(Action::Search("学位".into()), &catalog)));
        assert!(!closed.is_navigation_to(&closed.apply(Action::Filter(FilterChange::Kind(Kind::Standard)), &catalog)));
    }

    #[test]
    fn a_link_s_address_is_the_state_it_leads_to() {
        let catalog = catalog();
        let state = opened();
        assert_eq!(
            state.query_after(Action::Show(View::Home), &catalog),
            format!("lang=en&q=%E7%8F%AD%E9%A2%9D&t={PANJIN_TARGET}")
        );
    }
}
