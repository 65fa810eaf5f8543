//! Target filters and sort orders, with the live counts the filter panel shows.

use std::collections::BTreeSet;

use policy_data::model::{Binding, Kind, Target};

use super::catalog::Catalog;
use super::ordering;
use policy_data::script::fold;

/// Which 约束性/预期性 marking a target must carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BindingChoice {
    Binding,
    Expected,
    Unstated,
}

impl BindingChoice {
    pub fn of(binding: Option<Binding>) -> Self {
        match binding {
            Some(Binding::Binding) => BindingChoice::Binding,
            Some(Binding::Expected) => BindingChoice::Expected,
            None => BindingChoice::Unstated,
        }
    }
}

/// Every filter the targets list offers. An empty set means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetFilter {
    /// Document ids.
    pub localities: BTreeSet<String>,
    pub themes: BTreeSet<String>,
    pub kinds: BTreeSet<Kind>,
    pub bindings: BTreeSet<BindingChoice>,
    pub year_from: Option<u16>,
    pub year_to: Option<u16>,
    /// Substring of a responsible unit (script-insensitive).
    pub responsible: String,
    /// `Some(true)`: only targets with a baseline; `Some(false)`: only without.
    pub has_baseline: Option<bool>,
}

/// Sort orders of the targets list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Document order, then order in the text.
    #[default]
    Document,
    Year,
    Locality,
    Value,
}

impl TargetFilter {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == TargetFilter::default()
    }

    /// True when the target of document `doc_id` passes every filter.
    pub fn accepts(&self, doc_id: &str, target: &Target) -> bool {
        self.accepts_folded(&fold(self.responsible.trim()), doc_id, target)
    }

    /// [`TargetFilter::accepts`] with the responsible-unit filter already folded (once per list,
    /// not once per target).
    fn accepts_folded(&self, responsible: &str, doc_id: &str, target: &Target) -> bool {
        let year_ok = match (self.year_from, self.year_to, target.target_year) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, to, Some(year)) => from.is_none_or(|f| year >= f) && to.is_none_or(|t| year <= t),
        };
        (self.localities.is_empty() || self.localities.contains(doc_id))
            && (self.themes.is_empty() || self.themes.contains(&target.theme))
            && (self.kinds.is_empty() || self.kinds.contains(&target.kind))
            && (self.bindings.is_empty() || self.bindings.contains(&BindingChoice::of(target.binding)))
            && year_ok
            && (responsible.is_empty() || target.responsible.iter().any(|r| fold(r).contains(responsible)))
            && self
                .has_baseline
                .is_none_or(|wanted| wanted == target.baseline.is_some())
    }
}

/// What a search finds: the matching rows (every row when nothing is typed) and passages (none
/// when nothing is typed). The list, its counts and the embedded table all start from this.
pub fn search_or_all(catalog: &Catalog, query: &str) -> super::search::SearchHits {
    if query.trim().is_empty() {
        super::search::SearchHits {
            rows: (0..catalog.rows.len()).collect(),
            passages: Vec::new(),
        }
    } else {
        catalog.search_index().search(query)
    }
}

/// Rows of `catalog` (from `candidates`) that pass `filter`, in `sort` order.
pub fn filter_rows(
    catalog: &Catalog,
    candidates: impl IntoIterator<Item = usize>,
    filter: &TargetFilter,
    sort: SortKey,
) -> Vec<usize> {
    let candidates = candidates.into_iter();
    let mut rows: Vec<usize> = if filter.is_empty() {
        candidates.collect()
    } else {
        let responsible = fold(filter.responsible.trim());
        candidates
            .filter(|i| {
                let row = catalog.rows[*i];
                filter.accepts_folded(&responsible, &catalog.document(row).id, catalog.target(row))
            })
            .collect()
    };
    sort_rows(catalog, &mut rows, sort);
    rows
}

/// Sorts rows stably; targets without the sort field go last. Rows are positions, so they are
/// sorted directly by [`ordering::sort_positions`].
pub fn sort_rows(catalog: &Catalog, rows: &mut [usize], sort: SortKey) {
    let target = |i: usize| catalog.target(catalog.rows[i]);
    match sort {
        SortKey::Document => ordering::sort_positions(rows, &mut |a, b| a.cmp(&b)),
        SortKey::Year => ordering::sort_positions(rows, &mut |a, b| {
            let key = |i: usize| (target(i).target_year.is_none(), target(i).target_year);
            key(a).cmp(&key(b))
        }),
        SortKey::Locality => ordering::sort_positions(rows, &mut |a, b| {
            let name = |i: usize| catalog.document(catalog.rows[i]).locality.en.as_str();
            name(a).cmp(name(b))
        }),
        SortKey::Value => ordering::sort_positions(rows, &mut |a, b| match (target(a).value, target(b).value) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }),
    }
}

/// How many of some rows fall in each locality, theme, kind and 约束性/预期性 marking: the counts
/// shown beside the filter options. One pass over the rows, counting by position, so nothing is
/// looked up or cloned per row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// By document position in the dataset.
    pub documents: Vec<usize>,
    /// By theme position in the dataset's theme list.
    pub themes: Vec<usize>,
    kinds: [usize; 4],
    bindings: [usize; 3],
}

impl FacetCounts {
    /// Counts `rows` of `catalog`.
    pub fn of(catalog: &Catalog, rows: &[usize]) -> Self {
        let mut counts = FacetCounts {
            documents: vec![0; catalog.dataset.documents.len()],
            themes: vec![0; catalog.dataset.themes.len()],
            ..FacetCounts::default()
        };
        for &i in rows {
            let row = catalog.rows[i];
            let target = catalog.target(row);
            counts.documents[row.document] += 1;
            if let Some(theme) = catalog.theme_position(i) {
                counts.themes[theme] += 1;
            }
            counts.kinds[kind_position(target.kind)] += 1;
            counts.bindings[BindingChoice::of(target.binding) as usize] += 1;
        }
        counts
    }

    /// The counts of every target of the catalogue's documents, read from their documents'
    /// counts (`Catalog::counts`) rather than from rows: what the published index says, so right
    /// while only some documents' targets are here.
    pub fn of_documents(catalog: &Catalog) -> Self {
        let themes = &catalog.dataset.themes;
        let mut counts = FacetCounts {
            documents: catalog.counts.iter().map(|c| c.targets).collect(),
            themes: vec![0; themes.len()],
            ..FacetCounts::default()
        };
        for document in &catalog.counts {
            for (theme, n) in &document.themes {
                if let Some(at) = themes.iter().position(|t| &t.id == theme) {
                    counts.themes[at] += n;
                }
            }
            for (kind, n) in &document.kinds {
                counts.kinds[kind_position(*kind)] += n;
            }
            let unmarked = document.targets - document.binding - document.expected;
            for (choice, n) in [
                (BindingChoice::Binding, document.binding),
                (BindingChoice::Expected, document.expected),
                (BindingChoice::Unstated, unmarked),
            ] {
                counts.bindings[choice as usize] += n;
            }
        }
        counts
    }

    /// The filter panel's counts over a search's `rows` (`query`): counted from the rows, or, with
    /// nothing searched while the catalogue holds only some documents' targets, from every
    /// document's counts ([`FacetCounts::of_documents`]), which equal what the rows would give.
    pub fn for_list(catalog: &Catalog, query: &str, rows: &[usize]) -> Self {
        if query.trim().is_empty() && !catalog.every_target {
            FacetCounts::of_documents(catalog)
        } else {
            FacetCounts::of(catalog, rows)
        }
    }

    pub fn kind(&self, kind: Kind) -> usize {
        self.kinds[kind_position(kind)]
    }

    pub fn binding(&self, binding: BindingChoice) -> usize {
        self.bindings[binding as usize]
    }
}

fn kind_position(kind: Kind) -> usize {
    match kind {
        Kind::Quantitative => 0,
        Kind::Standard => 1,
        Kind::Milestone => 2,
        Kind::Projection => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::summary::index_of;
    use policy_data::bundled;

    #[test]
    fn the_documents_counts_equal_the_rows_counts() {
        let catalog = Catalog::new(bundled::dataset().clone(), Default::default());
        let all: Vec<usize> = (0..catalog.rows.len()).collect();
        let from_rows = FacetCounts::of(&catalog, &all);
        assert_eq!(FacetCounts::of_documents(&catalog), from_rows);
        assert!(from_rows.binding(BindingChoice::Binding) > 0 || from_rows.binding(BindingChoice::Expected) > 0);
        assert_eq!(FacetCounts::for_list(&catalog, "", &all), from_rows);
    }

    #[test]
    fn with_one_document_s_targets_here_the_counts_are_still_every_document_s() {
        let dataset = bundled::dataset();
        let whole = Catalog::new(dataset.clone(), Default::default());
        let all: Vec<usize> = (0..whole.rows.len()).collect();
        let sihui = dataset
            .documents
            .iter()
            .find(|e| e.document.id == "sihui-2022")
            .unwrap();
        let library = Library::from_index(&index_of(dataset))
            .with_document_targets(Some(dataset.indicators.clone()), vec![sihui.clone()]);
        let few = library.catalog();
        assert!(!few.every_target);
        let rows: Vec<usize> = (0..few.rows.len()).collect();
        assert_eq!(rows.len(), sihui.targets.len());
        assert_eq!(FacetCounts::for_list(&few, "", &rows), FacetCounts::of(&whole, &all));
        // A search counts its rows (a search needs every target, so they are all here then).
        assert_eq!(
            FacetCounts::for_list(&whole, "学位", &rows[..3]),
            FacetCounts::of(&whole, &rows[..3])
        );
        // The list of Sihui holds exactly Sihui's targets, filtered as with every target here.
        let filter = TargetFilter {
            localities: std::iter::once("sihui-2022".to_string()).collect(),
            kinds: std::iter::once(Kind::Quantitative).collect(),
            ..TargetFilter::default()
        };
        let ids = |catalog: &Catalog, rows: Vec<usize>| -> Vec<String> {
            rows.into_iter()
                .map(|i| catalog.target(catalog.rows[i]).id.clone())
                .collect()
        };
        for sort in [SortKey::Document, SortKey::Year, SortKey::Value] {
            assert_eq!(
                ids(&few, filter_rows(&few, rows.iter().copied(), &filter, sort)),
                ids(&whole, filter_rows(&whole, all.iter().copied(), &filter, sort)),
                "{sort:?}"
            );
        }
    }
}
