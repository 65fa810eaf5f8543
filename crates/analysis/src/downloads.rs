//! The files the download buttons give: the listed targets or the whole dataset, as CSV (for
//! Excel/WPS) or JSON, named with the dataset version. The app makes them in the `downloads` chunk
//! (`view::parts::DOWNLOADS`), fetched on the first click, so that the first visit carries neither
//! the CSV writer nor the dataset's JSON serializer.

use std::rc::Rc;

use super::catalog::Catalog;
use policy_data::export::{all_rows, dataset_json, targets_csv, targets_json};

/// Which targets a download holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Rows {
    /// The rows of the current list (indices into [`Catalog::rows`]).
    Listed(Rc<Vec<usize>>),
    /// The whole dataset: every target as CSV, or the dataset itself (indicators, themes, documents)
    /// as JSON, as the published `targets.json` is.
    All,
}

/// The file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// A file to hand the visitor.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub content: String,
}

/// The file of `rows` in `format`.
pub fn file(catalog: &Catalog, rows: &Rows, format: Format) -> File {
    let dataset = &catalog.dataset;
    let version = &dataset.version;
    let listed = |indices: &Rc<Vec<usize>>| {
        indices
            .iter()
            .filter_map(|i| catalog.rows.get(*i).copied())
            .map(|row| (catalog.document(row), catalog.target(row)))
            .collect::<Vec<_>>()
    };
    let (name, content) = match (rows, format) {
        (Rows::Listed(indices), Format::Csv) => {
            (format!("targets-{version}.csv"), targets_csv(dataset, listed(indices)))
        }
        (Rows::Listed(indices), Format::Json) => (
            format!("targets-{version}.json"),
            targets_json(dataset, listed(indices)),
        ),
        (Rows::All, Format::Csv) => (
            format!("policy-targets-all-{version}.csv"),
            targets_csv(dataset, all_rows(dataset)),
        ),
        (Rows::All, Format::Json) => (format!("policy-targets-all-{version}.json"), dataset_json(dataset)),
    };
    let mime = match format {
        Format::Csv => "text/csv;charset=utf-8",
        Format::Json => "application/json",
    };
    File { name, mime, content }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;
    use policy_data::export::BOM;

    fn catalog() -> Catalog {
        Catalog::new(bundled::dataset().clone(), Default::default())
    }

    #[test]
    fn the_listed_rows_as_csv_and_json() {
        let catalog = catalog();
        let version = catalog.dataset.version.clone();
        let rows = Rows::Listed(Rc::new(vec![0, 1, 2]));
        let csv = file(&catalog, &rows, Format::Csv);
        assert_eq!(csv.name, format!("targets-{version}.csv"));
        assert_eq!(csv.mime, "text/csv;charset=utf-8");
        assert!(csv.content.starts_with(BOM));
        assert_eq!(csv.content.lines().count(), 4, "a header and three rows");
        let json = file(&catalog, &rows, Format::Json);
        assert_eq!(json.name, format!("targets-{version}.json"));
        let parsed: serde_json::Value = serde_json::from_str(&json.content).unwrap();
        let first = catalog.target(catalog.rows[0]).id.clone();
        assert!(json.content.contains(&first), "{first}");
        assert!(parsed.to_string().contains(&first));
    }

    #[test]
    fn a_row_not_in_the_catalogue_is_left_out() {
        let catalog = catalog();
        let csv = file(&catalog, &Rows::Listed(Rc::new(vec![0, usize::MAX])), Format::Csv);
        assert_eq!(csv.content.lines().count(), 2);
    }

    #[test]
    fn the_whole_dataset_is_every_target_or_the_published_json() {
        let catalog = catalog();
        let version = catalog.dataset.version.clone();
        let csv = file(&catalog, &Rows::All, Format::Csv);
        assert_eq!(csv.name, format!("policy-targets-all-{version}.csv"));
        for row in &catalog.rows {
            let id = &catalog.target(*row).id;
            assert!(csv.content.contains(id.as_str()), "{id}");
        }
        let json = file(&catalog, &Rows::All, Format::Json);
        assert_eq!(json.name, format!("policy-targets-all-{version}.json"));
        assert_eq!(json.content, dataset_json(&catalog.dataset));
    }
}
