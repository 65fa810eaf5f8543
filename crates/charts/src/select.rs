//! Which documents a chart draws: the documents named by ids, each with its chart label and the
//! colour index of its locality, and the name and unit a chart of one indicator shows.

use std::collections::{HashMap, HashSet};

use policy_data::lang::Lang;
use policy_data::model::{Dataset, DocumentEntry, Indicator};

/// Position of a locality among the distinct localities of the dataset, in document order: the
/// index into [`palette::locality_color`]. Localities are told apart by their English name.
pub fn locality_index(ds: &Dataset, locality_en: &str) -> usize {
    let indices = locality_indices(ds);
    indices.get(locality_en).copied().unwrap_or(indices.len())
}

/// [`locality_index`] of every locality of the dataset, in one pass over its documents.
fn locality_indices(ds: &Dataset) -> HashMap<&str, usize> {
    let mut indices: HashMap<&str, usize> = HashMap::new();
    for e in &ds.documents {
        let next = indices.len();
        indices.entry(e.document.locality.en.as_str()).or_insert(next);
    }
    indices
}

/// A selected document with the label it gets in a chart.
pub struct Selected<'a> {
    pub entry: &'a DocumentEntry,
    /// The locality's name, followed by the plan's first year when two selected documents share
    /// the locality (`四会 2022`).
    pub label: String,
    pub color_index: usize,
}

/// The documents named by `ids`, in that order, unknown and repeated ids skipped. Linear in the
/// number of documents plus the number of ids (a chart may select hundreds of documents).
pub fn select_documents<'a>(ds: &'a Dataset, ids: &[&str], lang: Lang) -> Vec<Selected<'a>> {
    let mut by_id: HashMap<&str, &DocumentEntry> = HashMap::new();
    for e in &ds.documents {
        by_id.entry(e.document.id.as_str()).or_insert(e);
    }
    let mut entries: Vec<&DocumentEntry> = Vec::new();
    let mut taken: HashSet<&str> = HashSet::new();
    for id in ids {
        if let Some(e) = by_id.get(id) {
            if taken.insert(e.document.id.as_str()) {
                entries.push(e);
            }
        }
    }
    let mut per_locality: HashMap<&str, usize> = HashMap::new();
    for e in &entries {
        *per_locality.entry(e.document.locality.en.as_str()).or_default() += 1;
    }
    let indices = locality_indices(ds);
    entries
        .iter()
        .map(|e| {
            let d = &e.document;
            let name = lang.pick(&d.locality.zh, &d.locality.en);
            let label = if per_locality[d.locality.en.as_str()] > 1 {
                format!("{} {}", name, d.period.start)
            } else {
                name.clone()
            };
            Selected {
                entry: e,
                label,
                color_index: indices[d.locality.en.as_str()],
            }
        })
        .collect()
}

/// The name (in `lang`) and unit a chart of indicator `indicator_id` shows: the catalogue's entry
/// `ind` when there is one, else the id and `target_unit`, the unit of its first target.
pub(crate) fn indicator_name_unit(
    ind: Option<&Indicator>,
    indicator_id: &str,
    target_unit: Option<String>,
    lang: Lang,
) -> (String, String) {
    let name = ind
        .map(|i| lang.pick(&i.name.zh, &i.name.en).clone())
        .unwrap_or_else(|| indicator_id.to_string());
    let unit = ind.map(|i| i.unit.clone()).or(target_unit).unwrap_or_default();
    // The unit as the reader sees it: the indicator's English form on English pages.
    let unit = policy_data::format::unit_in(&unit, ind, lang, None).to_string();
    (name, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locality_indices_follow_document_order() {
        use crate::test_support::*;
        let ds = dataset(vec![
            document("a-2019", "东莞", "Dongguan", 2019, 2022),
            document("b-2019", "盘锦", "Panjin", 2019, 2022),
            document("a-2022", "东莞", "Dongguan", 2022, 2025),
            document("c-2022", "四会", "Sihui", 2022, 2030),
        ]);
        assert_eq!(locality_index(&ds, "Dongguan"), 0);
        assert_eq!(locality_index(&ds, "Panjin"), 1);
        assert_eq!(locality_index(&ds, "Sihui"), 2);
        let sel = select_documents(&ds, &["c-2022", "a-2019", "a-2022", "zzz", "c-2022"], Lang::Zh);
        let labels: Vec<&str> = sel.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, vec!["四会", "东莞 2019", "东莞 2022"]);
        assert_eq!(sel[0].color_index, 2);
    }
}
