//! A query against the cut index: which files it needs ([`next_files`], called again after they
//! arrive), its candidates from the files fetched ([`answer`]), and their confirmation on the
//! texts ([`confirm`]).
//!
//! The meaning is [`crate::search`]'s: the query is folded and split into terms, and a hit holds
//! every term. A term of one character is looked up as that character, a longer one as each of
//! its adjacent pairs; the candidates are the targets and passages holding all of them. For terms
//! of one or two characters that is exactly the hits; a longer term is confirmed on the
//! candidate's folded text, which the client has anyway to show it (a target's fields, a
//! passage's line of its document's text).
//!
//! A gram written in parts is read one document range at a time, from the first: the answer then
//! covers the documents before the first range not fetched ([`Candidates::covered`]), and
//! [`next_files`] names the next part that would extend it.

use std::collections::BTreeMap;

use super::encode::decode;
use super::files::{Key, Shard};
use super::{bucket_of, Layout, Ref};
use crate::ordering;
use crate::search::terms;

/// The files fetched so far.
#[derive(Clone, Debug, Default)]
pub struct Fetched {
    pub shards: BTreeMap<u32, Shard>,
    /// The parts of split grams, by gram and part number, as flat lists.
    pub parts: BTreeMap<(String, u32), Vec<u32>>,
}

impl Fetched {
    /// Reads a fetched file's bytes into its place.
    pub fn read(&mut self, key: &Key, bytes: &[u8]) -> Result<(), serde_json::Error> {
        match key {
            Key::Shard(bucket) => {
                self.shards.insert(*bucket, serde_json::from_slice(bytes)?);
            }
            Key::Part { gram, part } => {
                self.parts.insert((gram.clone(), *part), serde_json::from_slice(bytes)?);
            }
        }
        Ok(())
    }
}

/// The grams each term of `query` is looked up by (a term of one character: itself; longer: its
/// adjacent pairs), every gram once, in order.
pub fn grams_of(query: &str) -> Vec<String> {
    let mut grams = Vec::new();
    for term in terms(query) {
        let chars: Vec<char> = term.chars().collect();
        if chars.len() == 1 {
            grams.push(term.clone());
        }
        grams.extend(chars.windows(2).map(|pair| pair.iter().collect::<String>()));
    }
    ordering::sort(&mut grams);
    grams.dedup();
    grams
}

/// The shards `query` needs, each once: what a first search fetches before any part.
pub fn shards_for(query: &str, layout: Layout) -> Vec<Key> {
    let mut buckets: Vec<u32> = grams_of(query)
        .iter()
        .map(|gram| bucket_of(gram, layout.buckets))
        .collect();
    ordering::sort(&mut buckets);
    buckets.dedup();
    buckets.into_iter().map(Key::Shard).collect()
}

/// What to fetch next for `query`: the shards not yet fetched; once they all are, the next part of
/// each split gram that limits the answer's coverage. Empty when the answer covers every document.
pub fn next_files(query: &str, layout: Layout, fetched: &Fetched) -> Vec<Key> {
    let missing: Vec<Key> = shards_for(query, layout)
        .into_iter()
        .filter(|key| !matches!(key, Key::Shard(b) if fetched.shards.contains_key(b)))
        .collect();
    if !missing.is_empty() {
        return missing;
    }
    let mut reads = Vec::new();
    for gram in grams_of(query) {
        if let Some(Read::Split { covered, next, .. }) = read(&gram, layout, fetched) {
            reads.push((covered, next));
        }
    }
    let Some(least) = reads.iter().map(|(covered, _)| *covered).min() else {
        return Vec::new();
    };
    reads
        .into_iter()
        .filter(|(covered, _)| *covered == least)
        .map(|(_, next)| next)
        .collect()
}

/// How many targets or passages there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Exact(usize),
    /// At least this many (more in documents not yet covered).
    AtLeast(usize),
    /// At most this many: candidates of a term longer than two characters, not yet confirmed.
    AtMost(usize),
}

/// The targets and passages that may hold every term of the query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Candidates {
    /// Ascending.
    pub targets: Vec<Ref>,
    pub passages: Vec<Ref>,
    /// The candidates are those of the documents before this one (`None`: of every document).
    pub covered: Option<u32>,
    /// Every term has one or two characters: the candidates are the hits.
    pub exact: bool,
    /// The query is one gram written in parts: its totals of targets and passages.
    totals: Option<(usize, usize)>,
}

impl Candidates {
    /// How many targets hold the query, as far as these candidates tell.
    pub fn target_count(&self) -> Count {
        self.count(self.targets.len(), self.totals.map(|t| t.0))
    }

    /// How many passages hold the query, as far as these candidates tell.
    pub fn passage_count(&self) -> Count {
        self.count(self.passages.len(), self.totals.map(|t| t.1))
    }

    fn count(&self, found: usize, total: Option<usize>) -> Count {
        match (total, self.covered, self.exact) {
            (Some(total), _, _) => Count::Exact(total),
            (None, None, true) => Count::Exact(found),
            (None, None, false) => Count::AtMost(found),
            // Confirmed hits of the covered documents are a lower bound; unconfirmed ones are not.
            (None, Some(_), true) => Count::AtLeast(found),
            (None, Some(_), false) => Count::AtLeast(0),
        }
    }
}

/// One gram's postings as fetched.
enum Read {
    /// Every posting of the gram.
    Whole(Vec<Ref>, Vec<Ref>),
    /// The postings of the documents before `covered`; `next` extends them.
    Split {
        targets: Vec<Ref>,
        passages: Vec<Ref>,
        covered: u32,
        next: Key,
        totals: (usize, usize),
    },
}

/// The postings of `gram` in `fetched`, or `None` when its shard is not fetched or a file is broken.
fn read(gram: &str, layout: Layout, fetched: &Fetched) -> Option<Read> {
    let shard = fetched.shards.get(&bucket_of(gram, layout.buckets))?;
    if let Some(flat) = shard.grams.get(gram) {
        let postings = decode(flat)?;
        return Some(Read::Whole(postings.targets, postings.passages));
    }
    let Some(split) = shard.split.get(gram) else {
        return Some(Read::Whole(Vec::new(), Vec::new()));
    };
    let (mut targets, mut passages) = (Vec::new(), Vec::new());
    for (part, _) in split.starts.iter().enumerate() {
        let Some(flat) = fetched.parts.get(&(gram.to_string(), part as u32)) else {
            return Some(Read::Split {
                targets,
                passages,
                covered: split.starts[part],
                next: Key::Part {
                    gram: gram.to_string(),
                    part: part as u32,
                },
                totals: (split.targets as usize, split.passages as usize),
            });
        };
        let postings = decode(flat)?;
        targets.extend(postings.targets);
        passages.extend(postings.passages);
    }
    Some(Read::Whole(targets, passages))
}

/// The candidates of `query` from the files fetched, or `None` while a shard it needs is missing
/// (or a file is broken). An empty query has no candidates.
pub fn answer(query: &str, layout: Layout, fetched: &Fetched) -> Option<Candidates> {
    let grams = grams_of(query);
    let exact = terms(query).iter().all(|term| term.chars().nth(2).is_none());
    let mut lists: Vec<(Vec<Ref>, Vec<Ref>)> = Vec::new();
    let (mut covered, mut totals) = (None::<u32>, None);
    for gram in &grams {
        match read(gram, layout, fetched)? {
            Read::Whole(targets, passages) => lists.push((targets, passages)),
            Read::Split {
                targets,
                passages,
                covered: end,
                totals: t,
                ..
            } => {
                lists.push((targets, passages));
                covered = Some(covered.map_or(end, |c| c.min(end)));
                totals = Some(t);
            }
        }
    }
    let Some((first, rest)) = lists.split_first_mut() else {
        return Some(Candidates {
            exact,
            ..Candidates::default()
        });
    };
    let (mut targets, mut passages) = std::mem::take(first);
    for (t, p) in rest.iter() {
        intersect(&mut targets, t);
        intersect(&mut passages, p);
    }
    if let Some(end) = covered {
        targets.retain(|r| r.document < end);
        passages.retain(|r| r.document < end);
    }
    Some(Candidates {
        targets,
        passages,
        covered,
        exact,
        totals: totals.filter(|_| grams.len() == 1),
    })
}

/// Keeps the elements of `found` (ascending) that are also in `list` (ascending).
fn intersect(found: &mut Vec<Ref>, list: &[Ref]) {
    let mut rest = list;
    found.retain(|r| {
        let at = rest.partition_point(|x| x < r);
        rest = &rest[at..];
        rest.first() == Some(r)
    });
}

/// The candidates whose folded text (`folded`, [`crate::search::target_haystack`] for a target,
/// the folded line for a passage) holds every term of `query` longer than two characters; those of
/// one or two characters hold already. A candidate whose text is missing is left out.
pub fn confirm(query: &str, candidates: &[Ref], mut folded: impl FnMut(Ref) -> Option<String>) -> Vec<Ref> {
    let long: Vec<String> = terms(query)
        .into_iter()
        .filter(|term| term.chars().nth(2).is_some())
        .collect();
    if long.is_empty() {
        return candidates.to_vec();
    }
    candidates
        .iter()
        .copied()
        .filter(|&r| folded(r).is_some_and(|text| long.iter().all(|term| text.contains(term.as_str()))))
        .collect()
}

/// The cut index against the plain scan on random texts and queries over a small alphabet (so
/// that terms of every length occur), with Traditional and full-width forms, in every layout:
/// one shard or several, grams whole or in parts of a few documents.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod cut_matches_scan {
    use policy_data::script::fold;
    use proptest::prelude::*;

    use super::super::build::Builder;
    use super::super::files::cut;
    use super::*;

    const ALPHABET: [char; 11] = ['学', '學', '位', '班', '额', 'a', 'B', 'Ａ', '2', ' ', '额'];

    fn text(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(&ALPHABET[..]), 0..max)
            .prop_map(|chars| chars.into_iter().collect())
    }

    /// Documents, each with its targets' and its passages' texts.
    type Documents = Vec<(Vec<String>, Vec<String>)>;

    fn scan(texts: &[(Ref, String)], terms: &[String]) -> Vec<Ref> {
        texts
            .iter()
            .filter(|(_, text)| terms.iter().all(|term| text.contains(term.as_str())))
            .map(|(r, _)| *r)
            .collect()
    }

    /// Every file of the cut, through its bytes, fetched as [`next_files`] asks.
    fn search(documents: &Documents, layout: Layout, query: &str) -> (Vec<Ref>, Vec<Ref>) {
        let (mut targets, mut passages) = (Vec::new(), Vec::new());
        let mut builder = Builder::default();
        for (d, (ts, ps)) in documents.iter().enumerate() {
            for (t, text) in ts.iter().enumerate() {
                let r = Ref {
                    document: d as u32,
                    ordinal: t as u32,
                };
                targets.push((r, fold(text)));
            }
            for (p, text) in ps.iter().enumerate() {
                let r = Ref {
                    document: d as u32,
                    ordinal: p as u32,
                };
                passages.push((r, fold(text)));
            }
        }
        for (r, text) in &targets {
            builder.target(*r, text);
        }
        for (r, text) in &passages {
            builder.passage(*r, text);
        }
        let files: BTreeMap<Key, Vec<u8>> = cut(&builder.finish(), layout).files().into_iter().collect();
        let mut fetched = Fetched::default();
        loop {
            let next = next_files(query, layout, &fetched);
            if next.is_empty() {
                break;
            }
            for key in next {
                // A shard with no gram is not written: fetching it finds nothing.
                let bytes = files.get(&key).map_or(&b"{}"[..], |b| &b[..]);
                fetched.read(&key, bytes).expect("the files read back");
            }
        }
        let candidates = answer(query, layout, &fetched).expect("every shard fetched");
        assert_eq!(candidates.covered, None);
        let text = |texts: &[(Ref, String)], r: Ref| texts.iter().find(|(x, _)| *x == r).map(|(_, t)| t.clone());
        let found_targets = confirm(query, &candidates.targets, |r| text(&targets, r));
        let found_passages = confirm(query, &candidates.passages, |r| text(&passages, r));
        let terms = terms(query);
        assert_eq!(found_targets, scan(&targets, &terms), "{query:?} targets");
        assert_eq!(found_passages, scan(&passages, &terms), "{query:?} passages");
        if candidates.exact {
            assert_eq!(candidates.targets, found_targets);
            assert_eq!(candidates.target_count(), Count::Exact(found_targets.len()));
        }
        (found_targets, found_passages)
    }

    fn documents() -> impl Strategy<Value = Documents> {
        proptest::collection::vec(
            (
                proptest::collection::vec(text(16), 0..4),
                proptest::collection::vec(text(16), 0..6),
            ),
            0..12,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn same_hits_in_every_layout(documents in documents(), query in text(6)) {
            prop_assume!(!terms(&query).is_empty());
            let whole = search(&documents, Layout { buckets: 1, part_bytes: None }, &query);
            for layout in [
                Layout { buckets: 7, part_bytes: None },
                Layout { buckets: 3, part_bytes: Some(8) },
                Layout { buckets: 64, part_bytes: Some(30) },
            ] {
                prop_assert_eq!(&search(&documents, layout, &query), &whole);
            }
        }
    }

    #[test]
    fn a_first_answer_covers_the_first_part() {
        // "学" in every document: in parts of about one document each.
        let documents: Documents = (0..6)
            .map(|d| (vec![format!("学{d}")], vec!["學位".to_string(), "位".to_string()]))
            .collect();
        let layout = Layout {
            buckets: 2,
            part_bytes: Some(6),
        };
        let mut builder = Builder::default();
        for (d, (ts, ps)) in documents.iter().enumerate() {
            builder.target(
                Ref {
                    document: d as u32,
                    ordinal: 0,
                },
                &fold(&ts[0]),
            );
            for (p, text) in ps.iter().enumerate() {
                builder.passage(
                    Ref {
                        document: d as u32,
                        ordinal: p as u32,
                    },
                    &fold(text),
                );
            }
        }
        let files: BTreeMap<Key, Vec<u8>> = cut(&builder.finish(), layout).files().into_iter().collect();
        let mut fetched = Fetched::default();
        let shards = next_files("学", layout, &fetched);
        assert_eq!(shards, shards_for("学", layout));
        for key in &shards {
            fetched.read(key, &files[key]).unwrap();
        }
        assert_eq!(answer("学", layout, &fetched).unwrap().targets, vec![]);
        let parts = next_files("学", layout, &fetched);
        assert_eq!(
            parts,
            vec![Key::Part {
                gram: "学".to_string(),
                part: 0
            }]
        );
        fetched.read(&parts[0], &files[&parts[0]]).unwrap();
        let first = answer("学", layout, &fetched).unwrap();
        assert!(first.covered.is_some_and(|c| c < 6), "{first:?}");
        assert!(!first.targets.is_empty() && first.targets.len() < 6);
        // The one gram's totals are exact before the other parts arrive.
        assert_eq!(first.target_count(), Count::Exact(6));
        assert_eq!(first.passage_count(), Count::Exact(6));
        // Two grams, one split: at least the covered documents' hits.
        let both = answer("学 位", layout, &fetched);
        assert!(both.is_none() || matches!(both.unwrap().passage_count(), Count::AtLeast(_)));
    }
}
