//! What home shows of a document without its targets: its targets counted by theme and kind
//! ([`count_targets`]), and the published index made of these counts (`data/index.json`,
//! [`index_of`]). The same rule counts the published documents when the index is written and the
//! documents of opened files in the browser.

use policy_data::model::{Dataset, Document, DocumentEntry};
use policy_data::summary::{DocumentSummary, Index, TargetCounts};

use super::ordering::Counts;

/// Counts a document's targets for its card: by theme (most first, ties in id order) and by kind
/// (in the order `Kind` declares them).
pub fn count_targets(entry: &DocumentEntry) -> TargetCounts {
    let mut by_theme = Counts::default();
    let mut by_kind = Counts::default();
    for t in &entry.targets {
        by_theme.add(t.theme.as_str(), 1);
        by_kind.add(t.kind, 1);
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;

    #[test]
    fn card_counts_add_up_to_the_targets() {
        for entry in &bundled::dataset().documents {
            let TargetCounts { targets, themes, kinds } = count_targets(entry);
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
}
