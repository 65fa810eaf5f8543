//! What a state shows where the link leaves it open: the documents compared (the link's, or a
//! default derived from the data), the document the reader shows, and which published targets the
//! view needs ([`DocumentsShown`]: none, a few documents', or all).

use policy_data::model::Level;

use super::super::catalog::Catalog;
use super::{UrlState, View};

/// Fewest documents a comparison shows.
pub const MIN_COMPARED: usize = 2;
/// Most documents a comparison shows (more columns do not fit a phone or a printed page).
pub const MAX_COMPARED: usize = 5;

/// The comparison a link without `cmp=` shows: the published documents of named localities, in
/// dataset order, at most [`MAX_COMPARED`]. Documents the visitor opened and reports of unnamed
/// localities come only when the named ones are fewer than [`MIN_COMPARED`].
pub fn default_comparison(catalog: &Catalog) -> Vec<String> {
    let documents = &catalog.dataset.documents;
    let preferred = |e: &&policy_data::model::DocumentEntry| {
        e.document.level != Level::Unnamed && !catalog.is_opened(&e.document.id)
    };
    let mut chosen: Vec<String> = documents
        .iter()
        .filter(preferred)
        .take(MAX_COMPARED)
        .map(|e| e.document.id.clone())
        .collect();
    if chosen.len() < MIN_COMPARED {
        let others = documents
            .iter()
            .filter(|e| !preferred(e))
            .map(|e| e.document.id.clone());
        chosen.extend(others.take(MIN_COMPARED - chosen.len()));
    }
    chosen
}

/// The documents compared in `state`: the link's when it names at least [`MIN_COMPARED`],
/// otherwise [`default_comparison`].
pub fn compared_documents(state: &UrlState, catalog: &Catalog) -> Vec<String> {
    if state.compare.len() >= MIN_COMPARED {
        state.compare.clone()
    } else {
        default_comparison(catalog)
    }
}

/// The document the reader shows: the link's, else the opened target's, else the first.
pub fn document_shown(state: &UrlState, catalog: &Catalog) -> Option<String> {
    state
        .document
        .clone()
        .or_else(|| {
            let row = catalog.row_of(state.target.as_deref()?)?;
            Some(catalog.document(catalog.rows[row]).id.clone())
        })
        .or_else(|| catalog.dataset.documents.first().map(|e| e.document.id.clone()))
}

/// Which published documents' data (their targets, or their texts) a state's view shows, so which
/// the app must have before showing it (the rest can stay on the server).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentsShown {
    /// None: bare home (its counts come from the published index).
    Nothing,
    /// These documents' only: a document's page, the comparison and its table's embed, the
    /// targets list of a few localities (neither searched nor opened at a target).
    Documents(Vec<String>),
    /// Every target: the targets list of every locality and its search, the calculator (its paths chart draws other
    /// documents' targets of the indicator), the page "Analyse a document" (a file is checked
    /// against every target), an indicator's embed across every locality, the embedded list, and
    /// a home link carrying a selection (its ids are resolved against the targets).
    All,
}

impl UrlState {
    /// True when the view shows every published target ([`DocumentsShown::All`]): the link alone
    /// tells, so the start can choose what to fetch before it has the index.
    pub fn shows_all_targets(&self) -> bool {
        if !self.needs_targets() {
            return false;
        }
        match (self.view, self.embed) {
            (View::Compare, false) => false,
            (View::Compare, true) => self.indicator.is_some(),
            // The list of a few localities, neither searched nor opened at a target: their
            // documents' targets are every match, and the filter counts come from the index.
            (View::Targets, false) => !self.lists_localities_only(),
            // The reader finds its document from the link, or from a target only the whole
            // targets name.
            (View::Document, false) => self.document.is_none() && self.target.is_some(),
            _ => true,
        }
    }

    /// True when the view offers every published document to choose from (the comparison's
    /// locality choices, the targets list's filter panel; not an embedded table), so it needs the
    /// whole document list where home's index lists only the first ones. Home's finder and its
    /// list by province ask for the list when they are used.
    pub fn offers_every_document(&self) -> bool {
        matches!(self.view, View::Compare | View::Targets) && !self.embed
    }

    /// True while the view offers every document ([`UrlState::offers_every_document`]) and
    /// `catalog` does not list them all (it holds home's index, which counts the others): the
    /// view waits for the whole document list.
    pub fn waits_for_document_list(&self, catalog: &Catalog) -> bool {
        self.offers_every_document() && catalog.unlisted > 0
    }

    /// True for the targets list filtered to some localities, with no search and no target opened
    /// by link: it shows only their documents' targets (a home card's "See targets").
    fn lists_localities_only(&self) -> bool {
        self.view == View::Targets
            && !self.filter.localities.is_empty()
            && self.query.trim().is_empty()
            && self.target.is_none()
    }

    /// True for such a list with a target opened that `catalog` holds, of one of its localities
    /// (opened from the list itself): still only their documents' targets. A link alone cannot
    /// tell a target's document, so a link with a target starts from every target.
    fn opens_a_listed_target(&self, catalog: &Catalog) -> bool {
        let listed = UrlState {
            target: None,
            ..self.clone()
        };
        let document = |target: &str| {
            catalog
                .row_of(target)
                .map(|row| &catalog.document(catalog.rows[row]).id)
        };
        !self.embed
            && listed.lists_localities_only()
            && (self.target.as_deref().and_then(document)).is_some_and(|id| self.filter.localities.contains(id))
    }

    /// The documents whose targets the link names for its view, fetched at once at the start
    /// (before the index says which documents a default selection holds): the compared ones when
    /// the link names enough, the reader's document.
    pub fn documents_named(&self) -> Vec<String> {
        if self.shows_all_targets() || !self.needs_targets() {
            return Vec::new();
        }
        match self.view {
            View::Compare if self.compare.len() >= MIN_COMPARED => self.compare.clone(),
            View::Document => self.document.iter().cloned().collect(),
            View::Targets => self.filter.localities.iter().cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// Which published texts the view shows: the reader's document's (a document's page), every
    /// text (a search's passages), or none.
    pub fn texts_shown(&self, catalog: &Catalog) -> DocumentsShown {
        match self.view {
            _ if !self.shows_texts() => DocumentsShown::Nothing,
            View::Document => DocumentsShown::Documents(document_shown(self, catalog).into_iter().collect()),
            _ => DocumentsShown::All,
        }
    }

    /// Which published targets the view shows ([`DocumentsShown`]), the default selections read
    /// from `catalog` (which needs only the documents, not their targets).
    pub fn targets_shown(&self, catalog: &Catalog) -> DocumentsShown {
        if !self.needs_targets() {
            DocumentsShown::Nothing
        } else if self.shows_all_targets() && !self.opens_a_listed_target(catalog) {
            DocumentsShown::All
        } else if self.view == View::Compare {
            DocumentsShown::Documents(compared_documents(self, catalog))
        } else if self.view == View::Targets {
            DocumentsShown::Documents(self.filter.localities.iter().cloned().collect())
        } else {
            DocumentsShown::Documents(document_shown(self, catalog).into_iter().collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;

    #[test]
    fn the_default_is_the_four_named_cities_not_the_unnamed_review() {
        let catalog = Catalog::new(bundled::dataset().clone(), Default::default());
        assert_eq!(
            default_comparison(&catalog),
            ["dongguan-2019", "panjin-2019", "qingbaijiang-2018", "sihui-2022"]
        );
    }

    #[test]
    fn opened_documents_are_not_compared_by_default() {
        let catalog = Catalog::new(bundled::dataset().clone(), Default::default())
            .with_opened(["panjin-2019".to_string()].into());
        assert_eq!(
            default_comparison(&catalog),
            ["dongguan-2019", "qingbaijiang-2018", "sihui-2022"]
        );
    }

    #[test]
    fn a_link_with_one_document_shows_the_default() {
        let catalog = Catalog::new(bundled::dataset().clone(), Default::default());
        let state = UrlState {
            compare: vec!["sihui-2022".into()],
            ..Default::default()
        };
        assert_eq!(compared_documents(&state, &catalog).len(), 4);
    }

    #[test]
    fn a_view_of_a_few_documents_needs_only_their_targets() {
        let index = super::super::super::summary::index_of(bundled::dataset());
        // The documents alone, as the index gives them: enough to tell a default selection.
        let catalog = Catalog::new(index.dataset(), Default::default());
        let read = |query: &str| UrlState::parse(query).0;
        let shown = |query: &str| read(query).targets_shown(&catalog);
        let documents = |ids: &[&str]| DocumentsShown::Documents(ids.iter().map(|id| id.to_string()).collect());
        assert_eq!(shown(""), DocumentsShown::Nothing);
        assert_eq!(shown("lang=en"), DocumentsShown::Nothing);
        assert_eq!(
            shown("v=compare"),
            documents(&["dongguan-2019", "panjin-2019", "qingbaijiang-2018", "sihui-2022"])
        );
        assert_eq!(
            shown("v=compare&cmp=sihui-2022,panjin-2019"),
            documents(&["sihui-2022", "panjin-2019"])
        );
        assert_eq!(
            shown("v=compare&cmp=sihui-2022,panjin-2019&ind=class-size-primary"),
            documents(&["sihui-2022", "panjin-2019"])
        );
        assert_eq!(
            shown("v=compare&embed=1"),
            documents(&["dongguan-2019", "panjin-2019", "qingbaijiang-2018", "sihui-2022"])
        );
        assert_eq!(shown("v=doc&doc=panjin-2019"), documents(&["panjin-2019"]));
        assert_eq!(
            shown("v=doc&doc=panjin-2019&t=panjin-2019-primary-class-size"),
            documents(&["panjin-2019"])
        );
        assert_eq!(shown("v=doc"), documents(&["dongguan-2019"]));
        // A home card's "See targets": the list of one locality, or a few.
        assert_eq!(shown("v=targets&loc=sihui-2022"), documents(&["sihui-2022"]));
        assert_eq!(
            shown("v=targets&loc=sihui-2022,panjin-2019&theme=preschool&sort=year"),
            documents(&["panjin-2019", "sihui-2022"])
        );
        assert_eq!(read("v=targets&loc=sihui-2022").documents_named(), ["sihui-2022"]);
        // A target opened in that list, once its document's targets are here: still one document.
        let dataset = bundled::dataset();
        let sihui = dataset
            .documents
            .iter()
            .find(|e| e.document.id == "sihui-2022")
            .unwrap();
        let panjin = dataset
            .documents
            .iter()
            .find(|e| e.document.id == "panjin-2019")
            .unwrap();
        let library = super::super::super::library::Library::from_index(&index)
            .with_document_targets(Some(dataset.indicators.clone()), vec![sihui.clone(), panjin.clone()]);
        let held = library.catalog();
        let opened = |target: &str| read(&format!("v=targets&loc=sihui-2022&t={target}")).targets_shown(&held);
        assert_eq!(opened(&sihui.targets[3].id), documents(&["sihui-2022"]));
        assert_eq!(
            opened(&panjin.targets[0].id),
            DocumentsShown::All,
            "another locality's target"
        );
        assert_eq!(opened("nowhere"), DocumentsShown::All);
        assert_eq!(
            read(&format!("v=targets&loc=sihui-2022&t={}", sihui.targets[3].id)).targets_shown(&catalog),
            DocumentsShown::All,
            "not held: a link's target"
        );
        // A target alone names its document only through the whole targets.
        assert_eq!(shown("v=doc&t=panjin-2019-primary-class-size"), DocumentsShown::All);
        for all in [
            "v=targets",
            "v=evaluate",
            "v=analyse",
            "q=学位",
            "v=compare&embed=1&ind=class-size-primary",
            "v=doc&doc=panjin-2019&embed=1",
            // Searched, opened at a target by link, or embedded: every target.
            "v=targets&loc=sihui-2022&q=学位",
            "v=targets&loc=sihui-2022&t=sihui-2022-1",
            "v=targets&loc=sihui-2022&embed=1",
        ] {
            assert_eq!(shown(all), DocumentsShown::All, "{all}");
            assert!(read(all).shows_all_targets(), "{all}");
            assert!(read(all).documents_named().is_empty(), "{all}");
        }
        assert_eq!(
            read("v=compare&cmp=sihui-2022,panjin-2019").documents_named(),
            ["sihui-2022", "panjin-2019"]
        );
        assert_eq!(read("v=compare&cmp=sihui-2022").documents_named(), Vec::<String>::new());
        assert_eq!(read("v=doc&doc=panjin-2019").documents_named(), ["panjin-2019"]);
        assert!(read("").documents_named().is_empty());
    }

    #[test]
    fn the_reader_needs_its_document_s_text_and_a_search_every_text() {
        let index = super::super::super::summary::index_of(bundled::dataset());
        let catalog = Catalog::new(index.dataset(), Default::default());
        let shown = |query: &str| UrlState::parse(query).0.texts_shown(&catalog);
        assert_eq!(shown(""), DocumentsShown::Nothing);
        assert_eq!(shown("v=compare"), DocumentsShown::Nothing);
        assert_eq!(shown("v=targets"), DocumentsShown::Nothing);
        assert_eq!(shown("v=targets&q=学位"), DocumentsShown::All);
        assert_eq!(
            shown("v=doc&doc=sihui-2022"),
            DocumentsShown::Documents(vec!["sihui-2022".into()])
        );
        assert_eq!(shown("v=doc"), DocumentsShown::Documents(vec!["dongguan-2019".into()]));
    }

    #[test]
    fn the_reader_shows_the_link_s_document_else_the_target_s_else_the_first() {
        let catalog = Catalog::new(bundled::dataset().clone(), Default::default());
        let mut state = UrlState::default();
        let first = catalog.dataset.documents[0].document.id.clone();
        assert_eq!(document_shown(&state, &catalog), Some(first));
        state.target = Some("panjin-2019-primary-class-size".into());
        assert_eq!(document_shown(&state, &catalog).as_deref(), Some("panjin-2019"));
        state.document = Some("sihui-2022".into());
        assert_eq!(document_shown(&state, &catalog).as_deref(), Some("sihui-2022"));
    }

    #[test]
    fn the_comparison_and_the_targets_list_offer_every_document() {
        let offers = |query: &str| UrlState::parse(query).0.offers_every_document();
        assert!(offers("v=compare"));
        assert!(offers("v=compare&cmp=panjin-2019,sihui-2022"));
        assert!(!offers("v=compare&cmp=panjin-2019,sihui-2022&embed=1"));
        assert!(!offers(""));
        assert!(!offers("v=doc&doc=panjin-2019"));
        assert!(offers("v=targets&loc=sihui-2022"), "its filter panel");
        assert!(!offers("v=targets&loc=sihui-2022&embed=1"));
    }

    #[test]
    fn a_view_offering_every_document_waits_for_the_list_only_while_some_are_unlisted() {
        let whole = Catalog::new(bundled::dataset().clone(), Default::default());
        let partial = Catalog::new(bundled::dataset().clone(), Default::default()).with_unlisted(3);
        let waits = |query: &str, catalog: &Catalog| UrlState::parse(query).0.waits_for_document_list(catalog);
        assert!(!waits("v=compare", &whole), "every document is listed");
        assert!(waits("v=compare", &partial));
        assert!(waits("v=targets", &partial));
        assert!(
            !waits("", &partial),
            "home asks for the list only when its finder is used"
        );
        assert!(!waits("v=compare&embed=1", &partial));
    }
}
