//! Stable sorting with one copy of the sort code. The standard library's `sort_by` is generic over
//! the item type and the comparator, so every call site with its own closure compiles a whole
//! driftsort/quicksort/smallsort (several KB of WebAssembly each). Here the standard sort runs once,
//! non-generically, on positions (`usize`) with a comparator behind `dyn`; sorting other items sorts
//! their positions and then moves the items into that order. The app's code paths sort through
//! these functions only; the order is the standard stable sort's (equal items keep their order).
//! For the same reason counts per key (facet counts, targets per year) are kept in a sorted vector,
//! [`Counts`], rather than in a `BTreeMap` per key type.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Sorts `positions` stably by `compare`: the one place the standard sort is instantiated.
#[inline(never)]
#[allow(
    clippy::disallowed_methods,
    reason = "the one call of the standard sort (clippy.toml)"
)]
pub fn sort_positions(positions: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    positions.sort_by(|a, b| compare(*a, *b));
}

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    permute(&mut order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` stably by the key `key` computes (once per comparison, as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by the key `key` computes once per item (as `slice::sort_by_cached_key`,
/// but stable): for keys that cost more than a comparison, such as a position looked up in a list.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| keys[a].cmp(&keys[b]));
    permute(&mut order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` stably in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// A set of `items`, built by inserting them one by one: `collect()` into a B-tree set sorts the
/// items with the standard sort first, which is one more copy of it per item type.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// How many of something fall under each key, sorted by key: what a `BTreeMap<K, usize>` of
/// counts holds, in a vector searched by bisection (the app counts at most a few hundred keys, and
/// each B-tree instantiation costs kilobytes of WebAssembly).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counts<K>(Vec<(K, usize)>);

impl<K> Default for Counts<K> {
    fn default() -> Self {
        Counts(Vec::new())
    }
}

impl<K: Ord> Counts<K> {
    /// Adds `n` to `key`'s count (a key added with 0 is present, with count 0).
    pub fn add(&mut self, key: K, n: usize) {
        match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => self.0[i].1 += n,
            Err(i) => self.0.insert(i, (key, n)),
        }
    }

    /// The count of `key` (0 when absent).
    pub fn get(&self, key: &K) -> usize {
        self.0.binary_search_by(|(k, _)| k.cmp(key)).map_or(0, |i| self.0[i].1)
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.0.binary_search_by(|(k, _)| k.cmp(key)).is_ok()
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (key, count) in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, usize)> {
        self.0.iter().map(|(k, n)| (k, *n))
    }

    /// The (key, count) pairs in key order.
    pub fn into_vec(self) -> Vec<(K, usize)> {
        self.0
    }
}

/// Reorders items so that position `i` receives the item that was at `order[i]`, by following each
/// cycle of the permutation with `swap`; `order` is consumed (every entry ends as its own index).
fn permute(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut current = start;
        while order[current] != start {
            let next = order[current];
            swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted by their first field only: equal keys must keep their order.
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 17, 20, 64, 300] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            assert_eq!(ours, expected, "length {len}");
            let mut cached = items.clone();
            let mut calls = 0;
            sort_by_cached_key(&mut cached, |p| {
                calls += 1;
                p.0
            });
            assert_eq!(cached, expected, "length {len}, cached keys");
            assert_eq!(calls, len, "one key per item");
            let mut reversed = items.clone();
            sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(reversed, expected, "length {len}, reversed");
        }
    }

    #[test]
    fn sorts_owned_items_and_positions() {
        let mut words = vec!["丙".to_string(), "甲".to_string(), "乙".to_string(), "甲".to_string()];
        sort(&mut words);
        assert_eq!(words, ["丙", "乙", "甲", "甲"].map(String::from));
        let values = [3.0_f64, -1.0, 2.5];
        let mut positions = vec![0, 1, 2];
        sort_positions(&mut positions, &mut |a, b| values[a].total_cmp(&values[b]));
        assert_eq!(positions, [1, 2, 0]);
        let set = set_of(["b", "a", "b"]);
        assert_eq!(set.into_iter().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn counts_add_up_in_key_order() {
        let mut counts = Counts::default();
        for (year, n) in [(2025u16, 2), (2020, 1), (2025, 3), (2030, 0)] {
            counts.add(year, n);
        }
        assert_eq!(counts.iter().collect::<Vec<_>>(), [(&2020, 1), (&2025, 5), (&2030, 0)]);
        assert_eq!((counts.get(&2025), counts.get(&2021)), (5, 0));
        assert!(counts.contains_key(&2030) && !counts.contains_key(&2021));
        assert_eq!((counts.len(), counts.is_empty()), (3, false));
        assert_eq!(counts.into_vec()[0], (2020, 1));
    }

    #[test]
    fn permute_applies_every_cycle() {
        let mut items = ['a', 'b', 'c', 'd', 'e'];
        let mut order = [2, 0, 1, 4, 3];
        permute(&mut order, &mut |a, b| items.swap(a, b));
        assert_eq!(items, ['c', 'a', 'b', 'e', 'd']);
        assert_eq!(order, [0, 1, 2, 3, 4]);
    }
}
