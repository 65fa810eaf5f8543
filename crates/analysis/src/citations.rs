//! Numbered source citations for a comparison table: every target shown in the matrix gets one
//! number, in reading order (row by row, left to right), so a printed or embedded table can point
//! each value at its document, section and verbatim quote. And the citation a reader copies for
//! one target: the reporting form Chinese journalism uses and a GB/T 7714-2015 reference.

use policy_data::model::{Document, Target};

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

/// A title in 书名号: a title inside it takes 〈〉 (GB/T 15834-2011, 4.15).
fn book_title(title: &str) -> String {
    format!("《{}》", title.replace('《', "〈").replace('》', "〉"))
}

/// The parts of the reporting form, for a page that marks them up (the print copy's sources):
/// `据` + issuer + title + number + section + `:` + the quote in quotation marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Reporting<'a> {
    pub issuer: &'a str,
    /// The title in 书名号: `《…》`.
    pub title: String,
    /// `(文号)`, empty for a document without one.
    pub number: String,
    pub section: &'a str,
    /// Verbatim, without quotation marks.
    pub quote: &'a str,
}

/// The reporting form's parts for `target` of `doc`.
pub fn reporting_parts<'a>(doc: &'a Document, target: &'a Target) -> Reporting<'a> {
    Reporting {
        issuer: &doc.issuer,
        title: book_title(&doc.title),
        number: doc.doc_number.as_deref().map(|n| format!("({n})")).unwrap_or_default(),
        section: &target.section,
        quote: &target.quote,
    }
}

/// The reporting form: 据{issuer}{《title》}({文号}){section}:“{quote}” — the quote verbatim.
pub fn reporting_citation(doc: &Document, target: &Target) -> String {
    let r = reporting_parts(doc, target);
    format!("据{}{}{}{}:“{}”", r.issuer, r.title, r.number, r.section, r.quote)
}

/// A GB/T 7714-2015 reference to the document as an online resource ([EB/OL]), pointing at the
/// target's `permalink` and cited on `accessed` (`YYYY-MM-DD`): responsible body. title: 文号
/// [EB/OL]. (date published or issued)[date cited]. address.
pub fn gbt7714_reference(doc: &Document, permalink: &str, accessed: &str) -> String {
    let number = doc.doc_number.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
    let dated = doc
        .published
        .as_deref()
        .or(doc.issued.as_deref())
        .map(|d| format!("({d})"))
        .unwrap_or_default();
    format!(
        "{}. {}{}[EB/OL]. {}[{}]. {}.",
        doc.issuer, doc.title, number, dated, accessed, permalink
    )
}

/// What "copy citation" puts on the clipboard for one promise of `doc` stated by `targets` (one
/// target, or a promise the document writes twice): the reporting form of each source sentence,
/// one per line, then the reference, pointing at the first target's `permalink`.
pub fn promise_citation_text(doc: &Document, targets: &[&Target], permalink: &str, accessed: &str) -> String {
    let mut lines: Vec<String> = targets.iter().map(|t| reporting_citation(doc, t)).collect();
    lines.push(gbt7714_reference(doc, permalink, accessed));
    lines.join("\n")
}

/// What "copy citation" puts on the clipboard: the reporting form, then the reference.
pub fn citation_text(doc: &Document, target: &Target, permalink: &str, accessed: &str) -> String {
    promise_citation_text(doc, &[target], permalink, accessed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;

    fn entry(id: &str) -> &'static policy_data::model::DocumentEntry {
        bundled::dataset()
            .documents
            .iter()
            .find(|e| e.document.id == id)
            .unwrap()
    }

    #[test]
    fn the_reporting_form_names_issuer_title_number_and_section_and_quotes_verbatim() {
        let sihui = entry("sihui-2022");
        let target = &sihui.targets[0];
        let text = reporting_citation(&sihui.document, target);
        assert!(
            text.starts_with(
                "据四会市人民政府《四会市人民政府关于印发〈四会市教育发展十四五规划〉的通知》(四府〔2022〕4号)"
            ),
            "{text}"
        );
        assert!(text.contains(&target.section));
        assert!(text.ends_with(&format!("“{}”", target.quote)));
        // Dongguan's quotation stays Traditional, as written.
        let dongguan = entry("dongguan-2019");
        let text = reporting_citation(&dongguan.document, &dongguan.targets[0]);
        assert!(
            text.contains("(東府〔2019〕76號)") && text.contains(&dongguan.targets[0].quote),
            "{text}"
        );
    }

    #[test]
    fn the_reference_follows_gbt_7714_for_an_online_resource() {
        let sihui = entry("sihui-2022");
        let link = "https://example.gov.cn/explorer/?v=targets&t=x";
        assert_eq!(
            gbt7714_reference(&sihui.document, link, "2026-12-03"),
            "四会市人民政府. 四会市人民政府关于印发《四会市教育发展十四五规划》的通知: 四府〔2022〕4号[EB/OL]. (2022-06-16)[2026-12-03]. https://example.gov.cn/explorer/?v=targets&t=x."
        );
        let both = citation_text(&sihui.document, &sihui.targets[0], link, "2026-12-03");
        // The reference is the last line; the quote before it is verbatim, line breaks and all.
        assert_eq!(
            both.rsplit_once('\n'),
            Some((
                reporting_citation(&sihui.document, &sihui.targets[0]).as_str(),
                gbt7714_reference(&sihui.document, link, "2026-12-03").as_str()
            ))
        );
        // A document without 文号 or dates still gives a well-formed reference.
        let mut bare = sihui.document.clone();
        (bare.doc_number, bare.published, bare.issued) = (None, None, None);
        assert_eq!(
            gbt7714_reference(&bare, link, "2026-12-03"),
            "四会市人民政府. 四会市人民政府关于印发《四会市教育发展十四五规划》的通知[EB/OL]. [2026-12-03]. https://example.gov.cn/explorer/?v=targets&t=x."
        );
    }

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
