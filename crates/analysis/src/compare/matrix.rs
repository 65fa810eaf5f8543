//! The comparison matrix: indicators × chosen documents, each document's headline target for an
//! indicator, and the order of the rows.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use super::verdict::{build_verdict, Verdict};
use crate::ordering;
use policy_data::model::{Bilingual, Dataset, DocumentEntry, Indicator, Target};

/// A document's representative target for an indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub doc_id: String,
    /// The column label (locality, with the document's year when a locality appears twice).
    pub label: Bilingual,
    pub target: Target,
}

/// One indicator across the chosen documents.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixRow {
    pub indicator: String,
    pub theme: String,
    /// One cell per column: that document's targets for the indicator, in document order.
    pub cells: Vec<Vec<Target>>,
    /// Present when two or more documents have targets for the indicator.
    pub verdict: Option<Verdict>,
}

impl MatrixRow {
    /// The promises of column `column`: its targets with the same promise written twice grouped
    /// (see [`promises`](super::same_promise::promises)), the one shown first.
    pub fn promises(&self, column: usize) -> Vec<Vec<&Target>> {
        self.cells
            .get(column)
            .map(super::same_promise::promises)
            .unwrap_or_default()
    }

    /// Number of chosen documents with at least one target for this indicator.
    pub fn sharing_count(&self) -> usize {
        self.cells.iter().filter(|cell| !cell.is_empty()).count()
    }
}

/// Indicators × chosen documents.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonMatrix {
    /// Columns: the chosen documents that exist, duplicates removed, in the order given.
    pub doc_ids: Vec<String>,
    /// Column labels, parallel to `doc_ids`.
    pub labels: Vec<Bilingual>,
    /// Shared indicators first (most shared first, then by theme order), then the rest by theme.
    pub rows: Vec<MatrixRow>,
}

impl ComparisonMatrix {
    /// Builds the matrix for `doc_ids` (unknown ids are skipped, repeated ones kept once).
    pub fn build(dataset: &Dataset, doc_ids: &[String]) -> ComparisonMatrix {
        let entries = chosen_entries(dataset, doc_ids);
        let labels = column_labels(&entries);
        let mut rows: Vec<MatrixRow> = indicators_used(&entries)
            .into_iter()
            .map(|indicator| build_row(dataset, &entries, &labels, indicator))
            .collect();
        // The key looks up positions in the dataset's lists: computed once per row, not per comparison.
        ordering::sort_by_cached_key(&mut rows, |row| row_order_key(dataset, row));
        ComparisonMatrix {
            doc_ids: entries.iter().map(|e| e.document.id.clone()).collect(),
            labels,
            rows,
        }
    }

    /// Rows shared by two or more documents.
    pub fn shared_rows(&self) -> impl Iterator<Item = &MatrixRow> {
        self.rows.iter().filter(|row| row.verdict.is_some())
    }
}

pub(super) fn chosen_entries<'a>(dataset: &'a Dataset, doc_ids: &[String]) -> Vec<&'a DocumentEntry> {
    let mut seen = BTreeSet::new();
    doc_ids
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| dataset.documents.iter().find(|e| &e.document.id == id))
        .collect()
}

/// Locality names; a locality chosen twice gets its document's year appended.
fn column_labels(entries: &[&DocumentEntry]) -> Vec<Bilingual> {
    entries
        .iter()
        .map(|entry| {
            let locality = &entry.document.locality;
            let repeated = entries.iter().filter(|e| e.document.locality == *locality).count() > 1;
            if repeated {
                let year = document_year(entry);
                Bilingual {
                    zh: format!("{}({year})", locality.zh),
                    en: format!("{} ({year})", locality.en),
                }
            } else {
                locality.clone()
            }
        })
        .collect()
}

/// Year of issue, or the first year of the plan for an undated document.
fn document_year(entry: &DocumentEntry) -> String {
    let issued_year = entry.document.issued.as_deref().and_then(|d| d.get(..4));
    issued_year.map_or_else(|| entry.document.period.start.to_string(), str::to_string)
}

fn indicators_used(entries: &[&DocumentEntry]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    entries
        .iter()
        .flat_map(|e| e.targets.iter())
        .filter(|t| seen.insert(t.indicator.as_str()))
        .map(|t| t.indicator.clone())
        .collect()
}

pub(super) fn find_indicator<'a>(dataset: &'a Dataset, id: &str) -> Option<&'a Indicator> {
    dataset.indicators.iter().find(|i| i.id == id)
}

fn build_row(dataset: &Dataset, entries: &[&DocumentEntry], labels: &[Bilingual], indicator_id: String) -> MatrixRow {
    let cells: Vec<Vec<Target>> = entries
        .iter()
        .map(|e| {
            e.targets
                .iter()
                .filter(|t| t.indicator == indicator_id)
                .cloned()
                .collect()
        })
        .collect();
    let indicator = find_indicator(dataset, &indicator_id);
    let theme = indicator.map_or_else(|| first_theme(&cells), |i| i.theme.clone());
    let headlines: Vec<Headline> = cells
        .iter()
        .zip(entries.iter().zip(labels))
        .filter_map(|(cell, (entry, label))| {
            headline_target(cell).map(|target| Headline {
                doc_id: entry.document.id.clone(),
                label: label.clone(),
                target: target.clone(),
            })
        })
        .collect();
    let verdict = (headlines.len() >= 2).then(|| build_verdict(indicator, headlines));
    MatrixRow {
        indicator: indicator_id,
        theme,
        cells,
        verdict,
    }
}

fn first_theme(cells: &[Vec<Target>]) -> String {
    cells
        .iter()
        .flatten()
        .next()
        .map(|t| t.theme.clone())
        .unwrap_or_default()
}

/// A document's representative target: one with a value if any, then the latest target year,
/// then the first in document order.
pub fn headline_target(targets: &[Target]) -> Option<&Target> {
    best_headline(targets.iter())
}

pub(super) fn best_headline<'a>(targets: impl Iterator<Item = &'a Target>) -> Option<&'a Target> {
    targets
        .enumerate()
        .max_by_key(|(index, t)| (t.value.is_some(), t.target_year, Reverse(*index)))
        .map(|(_, t)| t)
}

fn row_order_key(dataset: &Dataset, row: &MatrixRow) -> (bool, Reverse<usize>, usize, usize, String) {
    let shared = row.sharing_count();
    let theme_rank = dataset
        .themes
        .iter()
        .position(|t| t.id == row.theme)
        .unwrap_or(usize::MAX);
    let indicator_rank = dataset
        .indicators
        .iter()
        .position(|i| i.id == row.indicator)
        .unwrap_or(usize::MAX);
    (
        shared < 2,
        Reverse(shared),
        theme_rank,
        indicator_rank,
        row.indicator.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixtures::*;
    use policy_data::model::*;

    #[test]
    fn matrix_orders_shared_rows_first() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan", "panjin"]));
        let order: Vec<&str> = matrix.rows.iter().map(|r| r.indicator.as_str()).collect();
        assert_eq!(
            order,
            vec![
                "inclusive-kindergarten-share",
                "primary-class-size-cap",
                "new-schools-built",
                "senior-post-ratio-primary",
                "junior-class-size-cap",
                "vocational-coverage",
            ]
        );
        assert_eq!(matrix.rows[0].sharing_count(), 3);
        assert!(matrix.rows[3].verdict.is_some());
        assert!(matrix.rows[4].verdict.is_none());
        assert_eq!(matrix.doc_ids, ids(&["sihui", "dongguan", "panjin"]));
        assert_eq!(matrix.labels[1], bi("东莞", "Dongguan"));
    }

    #[test]
    fn cells_keep_every_target_and_empty_cells() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan", "panjin"]));
        let inclusive = row(&matrix, "inclusive-kindergarten-share");
        assert_eq!(inclusive.cells[1].len(), 2);
        let junior = row(&matrix, "junior-class-size-cap");
        assert_eq!(junior.cells.iter().map(Vec::len).collect::<Vec<_>>(), vec![0, 1, 0]);
    }

    #[test]
    fn matrix_skips_unknown_and_repeated_documents() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["panjin", "nowhere", "panjin", "sihui"]));
        assert_eq!(matrix.doc_ids, ids(&["panjin", "sihui"]));
        assert!(ComparisonMatrix::build(&dataset, &[]).rows.is_empty());
    }

    #[test]
    fn the_same_locality_twice_gets_years_in_its_labels() {
        let mut dataset = fixture();
        let mut later = dataset.documents[1].clone();
        later.document.id = "dongguan-2021".into();
        later.document.issued = Some("2021-08-01".into());
        later.targets.clear();
        dataset.documents.push(later);
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["dongguan", "dongguan-2021"]));
        assert_eq!(matrix.labels[0], bi("东莞(2019)", "Dongguan (2019)"));
        assert_eq!(matrix.labels[1].en, "Dongguan (2021)");
    }

    #[test]
    fn headline_is_the_latest_target_with_a_value() {
        let targets = vec![
            share("d", "a", Comparator::AtLeast, 70.0, 2019),
            share("d", "b", Comparator::AtLeast, 80.0, 2020),
            Target {
                value: None,
                ..share("d", "c", Comparator::AtLeast, 0.0, 2030)
            },
        ];
        assert_eq!(headline_target(&targets).unwrap().id, "d-b");
        assert_eq!(headline_target(&[]), None);
    }
}
