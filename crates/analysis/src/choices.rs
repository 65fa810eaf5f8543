//! Which documents to offer when there are many: the locality checkboxes of the filter panel and
//! the comparison, and the home page's cards. Every chosen one is offered, plus a bounded number of
//! others that match the name typed (Chinese or English, either script, or the id).

use super::catalog::Catalog;
use super::paging::bounded_choices;
use policy_data::script::fold;

/// Localities offered besides the chosen ones; the others are found by typing their name.
pub const LOCALITY_LIMIT: usize = 12;
/// Documents shown as cards on the home page besides those the visitor opened.
pub const CARD_LIMIT: usize = 12;

/// The documents offered as checkboxes: positions in the dataset's document list, and how many
/// matching ones were left out.
pub fn offered_localities(catalog: &Catalog, is_chosen: impl Fn(&str) -> bool, typed: &str) -> (Vec<usize>, usize) {
    let documents = &catalog.dataset.documents;
    let needle = fold(typed.trim());
    bounded_choices(
        documents.len(),
        LOCALITY_LIMIT,
        |i| is_chosen(&documents[i].document.id),
        |i| {
            let doc = &documents[i].document;
            needle.is_empty()
                || [doc.locality.zh.as_str(), doc.locality.en.as_str(), doc.id.as_str()]
                    .iter()
                    .any(|name| fold(name).contains(&needle))
        },
    )
}

/// True when there are more localities than checkboxes, so a name search is offered.
pub fn needs_locality_search(catalog: &Catalog) -> bool {
    catalog.dataset.documents.len() > LOCALITY_LIMIT
}

/// The home page's documents: those shown as cards (every opened one, then the first others up to
/// [`CARD_LIMIT`]) and the rest, listed one line each on request. Positions in dataset order.
pub fn home_cards(catalog: &Catalog) -> (Vec<usize>, Vec<usize>) {
    let documents = &catalog.dataset.documents;
    let (carded, _) = bounded_choices(
        documents.len(),
        CARD_LIMIT,
        |i| catalog.is_opened(&documents[i].document.id),
        |_| true,
    );
    let rest = (0..documents.len())
        .filter(|i| carded.binary_search(i).is_err())
        .collect();
    (carded, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;

    fn catalog() -> Catalog {
        Catalog::new(bundled::dataset().clone(), Default::default())
    }

    #[test]
    fn a_locality_is_found_by_either_name_or_script() {
        let catalog = catalog();
        let found = |typed: &str| {
            let (offered, _) = offered_localities(&catalog, |_| false, typed);
            offered
                .iter()
                .map(|&i| catalog.dataset.documents[i].document.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("盘锦"), ["panjin-2019"]);
        assert_eq!(found("東莞"), ["dongguan-2019"]);
        assert_eq!(found("SIHUI"), ["sihui-2022"]);
        assert_eq!(found("").len(), catalog.dataset.documents.len());
    }

    #[test]
    fn chosen_localities_are_offered_whatever_is_typed() {
        let catalog = catalog();
        let (offered, left_out) = offered_localities(&catalog, |id| id == "sihui-2022", "盘锦");
        let ids: Vec<&str> = offered
            .iter()
            .map(|&i| catalog.dataset.documents[i].document.id.as_str())
            .collect();
        assert_eq!(ids, ["panjin-2019", "sihui-2022"]);
        assert_eq!(left_out, 0);
    }

    #[test]
    fn few_documents_are_all_cards() {
        let catalog = catalog();
        let (cards, rest) = home_cards(&catalog);
        assert_eq!(cards.len(), catalog.dataset.documents.len());
        assert!(rest.is_empty());
        assert!(!needs_locality_search(&catalog));
    }
}
