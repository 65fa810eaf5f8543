//! The dataset prepared for the explorer: every target as a flat row with its document, lookups by
//! id, and the folded search index (built on the first search). Built once at start-up (and again
//! when a visitor adds a dataset).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use policy_data::model::{Dataset, Document, Indicator, Target, Theme};
use policy_data::summary::TargetCounts;

pub use super::row::Row;
use super::search::{LazySearch, SearchIndex};
use super::summary::count_targets;

/// The dataset with derived lookups and the search index.
pub struct Catalog {
    pub dataset: Dataset,
    pub texts: BTreeMap<String, String>,
    pub rows: Vec<Row>,
    target_index: HashMap<String, usize>,
    /// Position in the dataset's theme list of each row's theme.
    row_themes: Vec<Option<usize>>,
    /// The search index, folded and indexed on the first search ([`Catalog::search_index`]).
    search: LazySearch,
    /// Ids of the documents a visitor opened from a file (not part of the published data).
    pub opened: BTreeSet<String>,
    /// Each document's targets counted for its home card, in document order: counted from the
    /// targets, or taken from the published index while the targets have not arrived.
    pub counts: Vec<TargetCounts>,
    /// True when the catalogue holds every target of the documents it lists; false while the
    /// published documents are held without their targets (some may have come one by one), so
    /// their counts are the index's.
    pub every_target: bool,
    /// Published documents the catalogue does not list yet: while the app holds home's index,
    /// which lists the first documents and counts the others (`summary::Index::unlisted`).
    pub unlisted: usize,
}

impl Catalog {
    /// Prepares `dataset` and the documents' `texts` for exploring.
    pub fn new(dataset: Dataset, texts: BTreeMap<String, String>) -> Self {
        let rows: Vec<Row> = dataset
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, entry)| (0..entry.targets.len()).map(move |t| Row { document: d, target: t }))
            .collect();
        let target_index = rows
            .iter()
            .enumerate()
            .map(|(i, row)| (dataset.documents[row.document].targets[row.target].id.clone(), i))
            .collect();
        let theme_positions: HashMap<&str, usize> = dataset
            .themes
            .iter()
            .enumerate()
            .map(|(i, theme)| (theme.id.as_str(), i))
            .collect();
        let row_themes = rows
            .iter()
            .map(|row| {
                let theme = &dataset.documents[row.document].targets[row.target].theme;
                theme_positions.get(theme.as_str()).copied()
            })
            .collect();
        let counts = dataset.documents.iter().map(count_targets).collect();
        Catalog {
            dataset,
            texts,
            rows,
            target_index,
            row_themes,
            search: LazySearch::new(),
            opened: BTreeSet::new(),
            counts,
            every_target: true,
            unlisted: 0,
        }
    }

    /// The same catalogue with the first documents' counts replaced by `counts`: the published
    /// index's, while the published documents are held without their targets (so it no longer
    /// holds [`Catalog::every_target`]).
    pub fn with_counts(mut self, counts: &[TargetCounts]) -> Self {
        for (mine, given) in self.counts.iter_mut().zip(counts) {
            *mine = given.clone();
        }
        self.every_target = false;
        self
    }

    /// The same catalogue counting `unlisted` published documents it does not list.
    pub fn with_unlisted(mut self, unlisted: usize) -> Self {
        self.unlisted = unlisted;
        self
    }

    /// The same catalogue with the documents' texts `texts`: the rows, lookups and the targets'
    /// folded haystacks are kept; only the paragraphs are folded, on the next search.
    pub fn with_texts(&self, texts: BTreeMap<String, String>) -> Self {
        let search = self.search.with_new_texts();
        Catalog {
            dataset: self.dataset.clone(),
            texts,
            rows: self.rows.clone(),
            target_index: self.target_index.clone(),
            row_themes: self.row_themes.clone(),
            search,
            opened: self.opened.clone(),
            counts: self.counts.clone(),
            every_target: self.every_target,
            unlisted: self.unlisted,
        }
    }

    /// The search index of the targets and texts, folded and indexed now if this is the first search.
    pub fn search_index(&self) -> &SearchIndex {
        self.search.get(&self.dataset, &self.texts, &self.rows)
    }

    /// Marks the documents with these ids as opened by the visitor.
    pub fn with_opened(mut self, opened: BTreeSet<String>) -> Self {
        self.opened = opened;
        self
    }

    /// True when document `id` comes from a file the visitor opened, not from the published data.
    pub fn is_opened(&self, id: &str) -> bool {
        self.opened.contains(id)
    }

    pub fn document(&self, row: Row) -> &Document {
        &self.dataset.documents[row.document].document
    }

    pub fn target(&self, row: Row) -> &Target {
        &self.dataset.documents[row.document].targets[row.target]
    }

    /// The row index of the target with id `id`.
    pub fn row_of(&self, id: &str) -> Option<usize> {
        self.target_index.get(id).copied()
    }

    /// The target with id `id` and its document.
    pub fn target_by_id(&self, id: &str) -> Option<(&Document, &Target)> {
        let row = self.rows[self.row_of(id)?];
        Some((self.document(row), self.target(row)))
    }

    pub fn document_by_id(&self, id: &str) -> Option<(usize, &Document)> {
        self.dataset
            .documents
            .iter()
            .enumerate()
            .find(|(_, e)| e.document.id == id)
            .map(|(i, e)| (i, &e.document))
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.dataset.indicators.iter().find(|i| i.id == id)
    }

    /// Position in the dataset's theme list of the theme of row `row` (none for an unknown theme).
    pub fn theme_position(&self, row: usize) -> Option<usize> {
        self.row_themes[row]
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.dataset.themes.iter().find(|t| t.id == id)
    }

    /// Rows of the targets of document number `document`.
    pub fn rows_of_document(&self, document: usize) -> impl Iterator<Item = usize> + '_ {
        self.rows
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.document == document)
            .map(|(i, _)| i)
    }
}
