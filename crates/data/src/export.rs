//! Open-data exports: the dataset as JSON and targets as CSV (UTF-8 with a byte-order mark so that
//! Excel and WPS read the Chinese correctly). Used by the publishing tool and by the app's downloads.

use super::format::{self, NumberForm};
use super::model::{Bilingual, Comparator, Dataset, Document, Kind, Target};

/// The byte-order mark that makes spreadsheet programs read a CSV file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// Column headers of the targets CSV, in order.
pub const CSV_COLUMNS: [&str; 32] = [
    "dataset_version",
    "document_id",
    "locality_zh",
    "locality_en",
    "document_title",
    // How Chinese reporting names a document: 文号, issuing body, date written, date published.
    "doc_number",
    "issuer",
    "issued",
    "published",
    "target_id",
    "kind",
    "theme",
    "indicator",
    "indicator_zh",
    "comparator",
    "value",
    "unit",
    "scope_zh",
    "scope_en",
    "baseline_value",
    "baseline_year",
    "target_year",
    "deadline_text",
    "binding",
    "responsible",
    "section",
    "quote",
    "summary_zh",
    "summary_en",
    "note_zh",
    "note_en",
    "garbled",
];

/// Pretty-printed JSON of the whole dataset (the published `targets.json`).
pub fn dataset_json(dataset: &Dataset) -> String {
    serde_json::to_string_pretty(dataset).unwrap_or_default()
}

/// The comparator as written in the data files (">=", "count", …).
pub fn comparator_code(comparator: Comparator) -> &'static str {
    match comparator {
        Comparator::AtLeast => ">=",
        Comparator::MoreThan => ">",
        Comparator::Equal => "=",
        Comparator::AtMost => "<=",
        Comparator::LessThan => "<",
        Comparator::IncreaseBy => "increase_by",
        Comparator::DecreaseBy => "decrease_by",
        Comparator::Count => "count",
        Comparator::Eliminate => "eliminate",
        Comparator::None => "none",
    }
}

/// The kind as written in the data files.
pub fn kind_code(kind: Kind) -> &'static str {
    match kind {
        Kind::Quantitative => "quantitative",
        Kind::Standard => "standard",
        Kind::Milestone => "milestone",
        Kind::Projection => "projection",
    }
}

/// A number as the data files write it (80 → "80", 86.49 → "86.49"): [`format::format_number`] in
/// its `Exact` form, kept under this name for the callers of this path.
pub fn format_number(value: f64) -> String {
    format::format_number(value, NumberForm::Exact)
}

/// CSV (with BOM) of the given targets, each with its document.
pub fn targets_csv<'a>(dataset: &Dataset, rows: impl IntoIterator<Item = (&'a Document, &'a Target)>) -> String {
    let mut out = String::from(BOM);
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for (doc, t) in rows {
        let indicator_zh = dataset
            .indicators
            .iter()
            .find(|i| i.id == t.indicator)
            .map(|i| i.name.zh.clone())
            .unwrap_or_default();
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let half =
            |v: &Option<Bilingual>, side: fn(&Bilingual) -> &String| v.as_ref().map(side).cloned().unwrap_or_default();
        let num = |v: Option<f64>| v.map(format_number).unwrap_or_default();
        let year = |v: Option<u16>| v.map(|y| y.to_string()).unwrap_or_default();
        push_row(
            &mut out,
            [
                dataset.version.clone(),
                doc.id.clone(),
                doc.locality.zh.clone(),
                doc.locality.en.clone(),
                doc.title.clone(),
                opt(&doc.doc_number),
                doc.issuer.clone(),
                opt(&doc.issued),
                opt(&doc.published),
                t.id.clone(),
                kind_code(t.kind).to_string(),
                t.theme.clone(),
                t.indicator.clone(),
                indicator_zh,
                comparator_code(t.comparator).to_string(),
                num(t.value),
                opt(&t.unit),
                half(&t.scope, |s| &s.zh),
                half(&t.scope, |s| &s.en),
                num(t.baseline.map(|b| b.value)),
                year(t.baseline.and_then(|b| b.year)),
                year(t.target_year),
                opt(&t.deadline_text),
                t.binding
                    .map(|b| match b {
                        super::model::Binding::Binding => "约束性".to_string(),
                        super::model::Binding::Expected => "预期性".to_string(),
                    })
                    .unwrap_or_default(),
                t.responsible.join("; "),
                t.section.clone(),
                t.quote.clone(),
                t.summary.zh.clone(),
                t.summary.en.clone(),
                half(&t.note, |s| &s.zh),
                half(&t.note, |s| &s.en),
                t.garbled.to_string(),
            ],
        );
    }
    out
}

/// JSON of the given targets, each with its document's id and locality and the dataset version:
/// the "current view" export.
pub fn targets_json<'a>(dataset: &Dataset, rows: impl IntoIterator<Item = (&'a Document, &'a Target)>) -> String {
    let targets: Vec<serde_json::Value> = rows
        .into_iter()
        .map(|(doc, target)| {
            serde_json::json!({
                "document_id": doc.id,
                "locality": doc.locality,
                "document_title": doc.title,
                "doc_number": doc.doc_number,
                "issuer": doc.issuer,
                "issued": doc.issued,
                "published": doc.published,
                "target": target,
            })
        })
        .collect();
    let export = serde_json::json!({ "dataset_version": dataset.version, "targets": targets });
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// Every target of the dataset with its document, in document order.
pub fn all_rows(dataset: &Dataset) -> impl Iterator<Item = (&Document, &Target)> {
    dataset
        .documents
        .iter()
        .flat_map(|entry| entry.targets.iter().map(move |t| (&entry.document, t)))
}

fn push_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let mut first = true;
    for field in fields {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&csv_field(&field));
    }
    out.push_str("\r\n");
}

/// Quotes a field (RFC 4180) and defuses spreadsheet formulas (a leading = + @ or a tab).
fn csv_field(field: &str) -> String {
    let defused = if field.starts_with(['=', '+', '@', '\t']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("a,\"b\"\nc"), "\"a,\"\"b\"\"\nc\"");
        assert_eq!(csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(csv_field("-5"), "\"-5\"");
    }

    #[test]
    fn every_row_names_its_document_as_reporting_cites_it() {
        let dataset = crate::bundled::dataset();
        let csv = targets_csv(dataset, all_rows(dataset));
        let header = csv.trim_start_matches(BOM).lines().next().unwrap();
        let at = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        assert!(header.contains("\"doc_number\",\"issuer\",\"issued\",\"published\""));
        let sihui = &dataset
            .documents
            .iter()
            .find(|e| e.document.id == "sihui-2022")
            .unwrap()
            .document;
        let number = sihui.doc_number.as_deref().unwrap();
        let rows: Vec<&str> = csv.lines().filter(|l| l.contains("\"sihui-2022\"")).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let fields: Vec<&str> = row.split("\",\"").collect();
            assert_eq!(fields[at("doc_number")], number, "{row}");
            assert_eq!(fields[at("issuer")], sihui.issuer);
        }
        let json = targets_json(dataset, all_rows(dataset).take(1));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let first = &value["targets"][0];
        assert_eq!(first["issuer"], dataset.documents[0].document.issuer.as_str());
        assert!(first.get("doc_number").is_some() && first.get("issued").is_some() && first.get("published").is_some());
    }

    #[test]
    fn numbers_print_without_trailing_zero() {
        assert_eq!(format_number(80.0), "80");
        assert_eq!(format_number(86.49), "86.49");
        assert_eq!(format_number(90000.0), "90000");
    }
}
