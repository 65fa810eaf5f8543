//! Which documents to offer when there are many: the locality checkboxes of the filter panel and
//! the comparison, home's locality finder, and the home page's cards. Every chosen one is offered,
//! plus a bounded number of others that match the name typed (the locality's or its province's,
//! Chinese or English (pinyin), either script, or the id). Home lists the documents that are not
//! cards grouped by province ([`by_province`]).

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
                || [
                    doc.locality.zh.as_str(),
                    doc.locality.en.as_str(),
                    doc.province.zh.as_str(),
                    doc.province.en.as_str(),
                    doc.id.as_str(),
                ]
                .iter()
                .any(|name| fold(name).contains(&needle))
        },
    )
}

/// True when there are more localities than checkboxes, so a name search is offered (those the
/// catalogue does not list yet counted: `Catalog::unlisted`).
pub fn needs_locality_search(catalog: &Catalog) -> bool {
    catalog.dataset.documents.len() + catalog.unlisted > LOCALITY_LIMIT
}

/// The documents the reader offers as tabs beside the one it shows (`shown`): every one while they
/// fit ([`LOCALITY_LIMIT`] others, none unlisted); otherwise `shown`, then others of its province,
/// up to [`LOCALITY_LIMIT`]. Positions in dataset order, and whether some documents are not
/// offered (the reader then points to home's finder).
pub fn reader_tabs(catalog: &Catalog, shown: &str) -> (Vec<usize>, bool) {
    let documents = &catalog.dataset.documents;
    let province = catalog
        .document_by_id(shown)
        .map(|(i, _)| &documents[i].document.province.zh);
    let fits = documents.len() <= LOCALITY_LIMIT + 1 && catalog.unlisted == 0;
    let (offered, _) = bounded_choices(
        documents.len(),
        LOCALITY_LIMIT,
        |i| documents[i].document.id == shown,
        |i| fits || Some(&documents[i].document.province.zh) == province,
    );
    let more = offered.len() < documents.len() + catalog.unlisted;
    (offered, more)
}

/// The home page's documents: those shown as cards (every opened one, then the first others up to
/// [`CARD_LIMIT`]) and the rest, listed one line each on request. Positions in dataset order.
/// The rest holds only listed documents: `Catalog::unlisted` counts the others.
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

/// The documents at `positions` grouped by province: provinces in the order of their English
/// (pinyin) names, which is also the order of their Chinese names read in pinyin; within one, the
/// documents in the order of their localities' English names. Each group is the province's
/// documents' positions; the province is that of its first.
pub fn by_province(catalog: &Catalog, positions: &[usize]) -> Vec<Vec<usize>> {
    let documents = &catalog.dataset.documents;
    let mut sorted = positions.to_vec();
    super::ordering::sort_by_key(&mut sorted, |&i| {
        let doc = &documents[i].document;
        (
            doc.province.en.to_lowercase(),
            doc.locality.en.to_lowercase(),
            doc.id.clone(),
        )
    });
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in sorted {
        match groups.last_mut() {
            Some(group) if documents[group[0]].document.province.zh == documents[i].document.province.zh => {
                group.push(i)
            }
            _ => groups.push(vec![i]),
        }
    }
    groups
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

    #[test]
    fn a_province_finds_its_localities_and_pinyin_finds_a_city() {
        let catalog = catalog();
        let ids = |typed: &str| -> Vec<String> {
            let (offered, _) = offered_localities(&catalog, |_| false, typed);
            offered
                .iter()
                .map(|&i| catalog.dataset.documents[i].document.id.clone())
                .collect()
        };
        let guangdong = ids("广东");
        assert!(
            guangdong.contains(&"dongguan-2019".to_string()) && guangdong.contains(&"sihui-2022".to_string()),
            "{guangdong:?}"
        );
        assert!(!guangdong.contains(&"panjin-2019".to_string()));
        assert_eq!(ids("sihui"), ["sihui-2022"], "the English name is the city's pinyin");
        assert_eq!(ids("SiHui"), ["sihui-2022"], "folded");
        assert!(ids("杭州").is_empty());
    }

    #[test]
    fn documents_are_grouped_by_province_in_pinyin_order() {
        let catalog = catalog();
        let all: Vec<usize> = (0..catalog.dataset.documents.len()).collect();
        let groups = by_province(&catalog, &all);
        assert_eq!(
            groups.iter().map(Vec::len).sum::<usize>(),
            all.len(),
            "every document once"
        );
        let provinces: Vec<&str> = groups
            .iter()
            .map(|g| catalog.dataset.documents[g[0]].document.province.en.as_str())
            .collect();
        let mut sorted = provinces.clone();
        sorted.sort_by_key(|p| p.to_lowercase());
        assert_eq!(provinces, sorted);
        for group in &groups {
            let province = &catalog.dataset.documents[group[0]].document.province.zh;
            assert!(group
                .iter()
                .all(|&i| &catalog.dataset.documents[i].document.province.zh == province));
        }
        let guangdong = groups
            .iter()
            .find(|g| catalog.dataset.documents[g[0]].document.province.zh.contains("广东"))
            .unwrap();
        assert!(guangdong.len() >= 2, "Dongguan and Sihui share a group");
    }

    #[test]
    fn the_reader_offers_every_document_while_they_fit_else_its_province_s() {
        let catalog = catalog();
        let (tabs, more) = reader_tabs(&catalog, "panjin-2019");
        assert_eq!(tabs.len(), catalog.dataset.documents.len());
        assert!(!more);
        let many = Catalog::new(
            policy_data::test_support::renamed_copies(bundled::dataset(), 60),
            Default::default(),
        );
        let (tabs, more) = reader_tabs(&many, "city-31");
        assert!(more, "the others are found from home");
        assert!(tabs.len() <= LOCALITY_LIMIT + 1);
        assert!(tabs.contains(&31));
        let province = &many.dataset.documents[31].document.province.zh;
        assert!(tabs
            .iter()
            .all(|&i| &many.dataset.documents[i].document.province.zh == province));
        assert_eq!(
            tabs.len(),
            LOCALITY_LIMIT + 1,
            "20 documents share its province: a dozen others"
        );
        // Documents home's index does not list count as not offered.
        let partial = Catalog::new(bundled::dataset().clone(), Default::default()).with_unlisted(3);
        assert!(reader_tabs(&partial, "panjin-2019").1);
    }
}
