//! Target filters and sort orders, with the live counts the filter panel shows.

use std::collections::BTreeSet;

use crate::data::model::{Binding, Kind, Target};

use super::catalog::Catalog;
use super::ordering::{self, Counts};
use super::script::fold;

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
            && (self.responsible.trim().is_empty() || {
                let needle = fold(self.responsible.trim());
                target.responsible.iter().any(|r| fold(r).contains(&needle))
            })
            && self
                .has_baseline
                .is_none_or(|wanted| wanted == target.baseline.is_some())
    }
}

/// Rows of `catalog` (from `candidates`) that pass `filter`, in `sort` order.
pub fn filter_rows(
    catalog: &Catalog,
    candidates: impl IntoIterator<Item = usize>,
    filter: &TargetFilter,
    sort: SortKey,
) -> Vec<usize> {
    let mut rows: Vec<usize> = candidates
        .into_iter()
        .filter(|i| {
            let row = catalog.rows[*i];
            filter.accepts(&catalog.document(row).id, catalog.target(row))
        })
        .collect();
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

/// How many of `rows` fall in each value of a facet, for the counts shown beside filter options.
/// The key may borrow from the catalogue (a document id, a theme id), so counting clones nothing.
pub fn facet_counts<'a, K: Ord>(
    catalog: &'a Catalog,
    rows: &[usize],
    key: impl Fn(&'a str, &'a Target) -> K,
) -> Counts<K> {
    let mut counts = Counts::default();
    for i in rows {
        let row = catalog.rows[*i];
        counts.add(key(&catalog.document(row).id, catalog.target(row)), 1);
    }
    counts
}
