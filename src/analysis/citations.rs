//! Numbered source citations for a comparison table: every target shown in the matrix gets one
//! number, in reading order (row by row, left to right), so a printed or embedded table can point
//! each value at its document, section and verbatim quote.

use crate::data::model::Target;

use super::compare::ComparisonMatrix;

/// One cited target and the document (matrix column) it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation<'a> {
    /// 1-based number printed beside the value.
    pub number: usize,
    pub doc_id: &'a str,
    pub target: &'a Target,
}

/// The matrix's targets numbered in reading order; a target appearing twice keeps its first number.
pub fn cite_matrix(matrix: &ComparisonMatrix) -> Vec<Citation<'_>> {
    let mut out: Vec<Citation<'_>> = Vec::new();
    for row in &matrix.rows {
        for (column, cell) in row.cells.iter().enumerate() {
            for target in cell {
                if out.iter().any(|c| c.target.id == target.id) {
                    continue;
                }
                out.push(Citation {
                    number: out.len() + 1,
                    doc_id: &matrix.doc_ids[column],
                    target,
                });
            }
        }
    }
    out
}

/// The citation number of `target_id`, if the matrix shows it.
pub fn number_of(citations: &[Citation<'_>], target_id: &str) -> Option<usize> {
    citations.iter().find(|c| c.target.id == target_id).map(|c| c.number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;

    fn matrix() -> ComparisonMatrix {
        let ids: Vec<String> = ["dongguan-2019", "panjin-2019", "sihui-2022"]
            .map(String::from)
            .to_vec();
        ComparisonMatrix::build(bundled::dataset(), &ids)
    }

    #[test]
    fn every_value_in_the_matrix_has_exactly_one_number() {
        let matrix = matrix();
        let citations = cite_matrix(&matrix);
        let shown: usize = matrix.rows.iter().flat_map(|r| r.cells.iter()).map(Vec::len).sum();
        assert_eq!(
            citations.len(),
            shown,
            "no target appears in two cells of the bundled data"
        );
        for (i, c) in citations.iter().enumerate() {
            assert_eq!(c.number, i + 1);
            assert!(
                c.target.id.starts_with(c.doc_id),
                "{} belongs to column {}",
                c.target.id,
                c.doc_id
            );
        }
    }

    #[test]
    fn numbers_follow_reading_order() {
        let matrix = matrix();
        let citations = cite_matrix(&matrix);
        let first_row_first_target = matrix.rows[0].cells.iter().flatten().next().unwrap();
        assert_eq!(number_of(&citations, &first_row_first_target.id), Some(1));
        assert_eq!(number_of(&citations, "no-such-target"), None);
    }
}
