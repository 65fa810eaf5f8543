//! Theme × document counts of the chosen documents' targets.

use super::matrix::chosen_entries;
use policy_data::model::{Dataset, DocumentEntry};

/// Theme × document counts of targets; zeros are kept so gaps show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageMatrix {
    /// Every theme of the dataset in its order, then any theme used by a target but not listed.
    pub themes: Vec<String>,
    pub doc_ids: Vec<String>,
    /// `counts[theme][document]`.
    pub counts: Vec<Vec<usize>>,
}

impl CoverageMatrix {
    /// Counts the chosen documents' targets per theme.
    pub fn build(dataset: &Dataset, doc_ids: &[String]) -> CoverageMatrix {
        let entries = chosen_entries(dataset, doc_ids);
        let themes = coverage_themes(dataset, &entries);
        let counts = themes
            .iter()
            .map(|theme| {
                entries
                    .iter()
                    .map(|e| e.targets.iter().filter(|t| &t.theme == theme).count())
                    .collect()
            })
            .collect();
        CoverageMatrix {
            themes,
            doc_ids: entries.iter().map(|e| e.document.id.clone()).collect(),
            counts,
        }
    }

    /// The count for one theme and document (0 when either is not in the matrix).
    pub fn count(&self, theme: &str, doc_id: &str) -> usize {
        let row = self.themes.iter().position(|t| t == theme);
        let column = self.doc_ids.iter().position(|d| d == doc_id);
        match (row, column) {
            (Some(row), Some(column)) => self.counts[row][column],
            _ => 0,
        }
    }
}

pub(super) fn coverage_themes(dataset: &Dataset, entries: &[&DocumentEntry]) -> Vec<String> {
    let mut themes: Vec<String> = dataset.themes.iter().map(|t| t.id.clone()).collect();
    for target in entries.iter().flat_map(|e| e.targets.iter()) {
        if !themes.contains(&target.theme) {
            themes.push(target.theme.clone());
        }
    }
    themes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixtures::*;

    #[test]
    fn coverage_keeps_zeros() {
        let dataset = fixture();
        let coverage = CoverageMatrix::build(&dataset, &ids(&["sihui", "panjin"]));
        assert_eq!(
            coverage.themes,
            ids(&["preschool", "compulsory", "teachers", "vocational"])
        );
        assert_eq!(coverage.counts, vec![vec![1, 1], vec![2, 0], vec![1, 0], vec![0, 1]]);
        assert_eq!(coverage.count("compulsory", "panjin"), 0);
        assert_eq!(coverage.count("compulsory", "sihui"), 2);
        assert_eq!(coverage.count("unknown", "sihui"), 0);
    }
}
