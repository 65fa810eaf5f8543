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
        catalog.search.search(query)
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
