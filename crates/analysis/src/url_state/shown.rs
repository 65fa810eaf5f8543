//! What a state shows where the link leaves it open: the documents compared (the link's, or a
//! default derived from the data) and the document the reader shows.

use policy_data::model::Level;

use super::super::catalog::Catalog;
use super::UrlState;

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
}
