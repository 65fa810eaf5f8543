//! What home shows of a document without its targets: its targets counted by theme and kind
//! ([`count_targets`]), and the published indexes made of these counts: every document
//! (`data/document-list.json`, [`index_of`]) and home's (`data/index.json`, [`home_index_of`]). The same rule counts the published documents when the index is written and the
//! documents of opened files in the browser.

use policy_data::model::{Binding, Dataset, Document, DocumentEntry};
use policy_data::summary::{DocumentSummary, Index, TargetCounts};

use super::catalog::Catalog;
use super::choices::CARD_LIMIT;
use super::ordering::Counts;
use super::url_state::default_comparison;

/// Counts a document's targets for its card and the filter panel: by theme (most first, ties in id
/// order), by kind (in the order `Kind` declares them) and by marking.
pub fn count_targets(entry: &DocumentEntry) -> TargetCounts {
    let mut by_theme = Counts::default();
    let mut by_kind = Counts::default();
    let (mut binding, mut expected) = (0, 0);
    for t in &entry.targets {
        by_theme.add(t.theme.as_str(), 1);
        by_kind.add(t.kind, 1);
        match t.binding {
            Some(Binding::Binding) => binding += 1,
            Some(Binding::Expected) => expected += 1,
            None => {}
        }
    }
    let mut themes: Vec<(String, usize)> = by_theme
        .into_vec()
        .into_iter()
        .map(|(theme, n)| (theme.to_string(), n))
        .collect();
    super::ordering::sort_by_key(&mut themes, |(_, n)| std::cmp::Reverse(*n));
    TargetCounts {
        targets: entry.targets.len(),
        themes,
        kinds: by_kind.into_vec(),
        binding,
        expected,
    }
}

/// The published index of `dataset` (`data/index.json`): every document's metadata and counts.
/// The documents' notes are left out: home does not show them, and the document page, which
/// does, has the targets' file.
pub fn index_of(dataset: &Dataset) -> Index {
    Index {
        version: dataset.version.clone(),
        themes: dataset.themes.clone(),
        documents: dataset
            .documents
            .iter()
            .map(|entry| DocumentSummary {
                document: Document {
                    note: None,
                    ..entry.document.clone()
                },
                counts: count_targets(entry),
            })
            .collect(),
        unlisted: 0,
    }
}

/// Home's index of `dataset` (`data/index.json`): the documents home shows as cards
/// (`choices::CARD_LIMIT`, the first ones) and those a link without a comparison compares
/// (`url_state::default_comparison`), so that home and the default comparison read from it
/// exactly as from [`index_of`]; the others only counted. Its size does not grow with the number
/// of documents.
pub fn home_index_of(dataset: &Dataset) -> Index {
    let mut index = index_of(dataset);
    let mut listed: Vec<String> = index
        .documents
        .iter()
        .take(CARD_LIMIT)
        .map(|summary| summary.document.id.clone())
        .collect();
    // Documents without targets: the catalogue holds no rows, only what the choice reads.
    listed.extend(default_comparison(&Catalog::new(index.dataset(), Default::default())));
    let total = index.documents.len();
    index.documents.retain(|summary| listed.contains(&summary.document.id));
    index.unlisted = total - index.documents.len();
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;

    #[test]
    fn card_counts_add_up_to_the_targets() {
        for entry in &bundled::dataset().documents {
            let TargetCounts {
                targets, themes, kinds, ..
            } = count_targets(entry);
            assert_eq!(targets, entry.targets.len());
            assert_eq!(themes.iter().map(|(_, n)| n).sum::<usize>(), entry.targets.len());
            assert_eq!(kinds.iter().map(|(_, n)| n).sum::<usize>(), entry.targets.len());
            assert!(themes.windows(2).all(|w| w[0].1 >= w[1].1), "most first");
        }
    }

    #[test]
    fn the_index_counts_what_the_targets_hold() {
        let dataset = bundled::dataset();
        let index = index_of(dataset);
        assert_eq!(index.documents.len(), dataset.documents.len());
        let sihui = index.documents.iter().find(|d| d.document.id == "sihui-2022").unwrap();
        let entry = dataset
            .documents
            .iter()
            .find(|d| d.document.id == "sihui-2022")
            .unwrap();
        assert_eq!(sihui.counts.targets, entry.targets.len());
        assert!(sihui.counts.targets > 0);
        assert_eq!(sihui.document.title, entry.document.title);
        assert!(
            index.documents.iter().all(|d| d.document.note.is_none()),
            "notes are not home's"
        );
        // The dataset held until the targets arrive has the same documents and no targets.
        let held = index.dataset();
        assert_eq!(held.documents.len(), dataset.documents.len());
        assert!(held.documents.iter().all(|d| d.targets.is_empty()));
    }

    #[test]
    fn home_s_index_lists_the_cards_and_the_default_comparison_and_counts_the_rest() {
        use super::super::choices::home_cards;
        use super::super::url_state::MAX_COMPARED;
        use policy_data::model::Level;
        let mut dataset = policy_data::test_support::renamed_copies(bundled::dataset(), 60);
        // The first named localities come after the cards: the default comparison is theirs.
        for entry in dataset.documents.iter_mut().take(14) {
            entry.document.level = Level::Unnamed;
        }
        let whole = index_of(&dataset);
        let home = home_index_of(&dataset);
        assert_eq!(home.documents.len(), CARD_LIMIT + MAX_COMPARED);
        assert_eq!(home.unlisted, 60 - home.documents.len());
        assert_eq!(whole.unlisted, 0);
        let catalog = |index: &Index| Catalog::new(index.dataset(), Default::default()).with_unlisted(index.unlisted);
        let ids = |catalog: &Catalog, positions: Vec<usize>| -> Vec<String> {
            positions
                .into_iter()
                .map(|i| catalog.dataset.documents[i].document.id.clone())
                .collect()
        };
        let (home_catalog, whole_catalog) = (catalog(&home), catalog(&whole));
        assert_eq!(
            ids(&home_catalog, home_cards(&home_catalog).0),
            ids(&whole_catalog, home_cards(&whole_catalog).0),
            "the same cards"
        );
        assert_eq!(
            default_comparison(&home_catalog),
            default_comparison(&whole_catalog),
            "the same default comparison"
        );
        assert_eq!(
            default_comparison(&home_catalog),
            ["city-15", "city-16", "city-17", "city-18", "city-20"],
            "the fifth bundled document is the unnamed review"
        );
        let (_, rest) = home_cards(&home_catalog);
        assert_eq!(rest.len() + home_catalog.unlisted, 60 - CARD_LIMIT, "the rest counted");
        // With as few documents as cards, home's index is the whole list.
        assert_eq!(home_index_of(bundled::dataset()), index_of(bundled::dataset()));
    }
}
