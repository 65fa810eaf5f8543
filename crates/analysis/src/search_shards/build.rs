//! The postings of every gram of a dataset: for each folded character and each pair of adjacent
//! folded characters, the targets and the passages whose folded text holds it, ascending. The
//! texts are those [`crate::search::SearchIndex`] searches: [`crate::search::target_haystack`] for
//! a target, each line of the document's cleaned text for a passage, folded the same way.

use std::collections::{BTreeMap, HashMap};

use policy_data::model::Dataset;
use policy_data::script::fold;

use super::Ref;
use crate::ordering;
use crate::row::Row;
use crate::search::target_haystack;

/// Where one gram occurs: targets and passages, each ascending and without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Postings {
    pub targets: Vec<Ref>,
    pub passages: Vec<Ref>,
}

/// Every gram with its postings, in the order of the grams' strings.
pub type Grams = Vec<(String, Postings)>;

/// The postings of every gram of `dataset`'s targets and of the paragraphs of `texts` (by
/// document id; a document without a text has no passages).
pub fn build(dataset: &Dataset, texts: &BTreeMap<String, String>) -> Grams {
    let mut builder = Builder::default();
    for (d, entry) in dataset.documents.iter().enumerate() {
        for t in 0..entry.targets.len() {
            let at = Ref {
                document: d as u32,
                ordinal: t as u32,
            };
            builder.target(at, &target_haystack(dataset, Row { document: d, target: t }));
        }
    }
    for (d, entry) in dataset.documents.iter().enumerate() {
        let text = texts.get(&entry.document.id).map(String::as_str).unwrap_or("");
        for (p, line) in text.lines().enumerate() {
            let at = Ref {
                document: d as u32,
                ordinal: p as u32,
            };
            builder.passage(at, &fold(line));
        }
    }
    builder.finish()
}

/// Collects postings text by text. Targets must be added in ascending order, and passages too.
#[derive(Default)]
pub struct Builder {
    numbers: HashMap<u64, u32>,
    keys: Vec<u64>,
    postings: Vec<Postings>,
    /// Per gram, the last text (its mark) that noted it, so a text notes each gram once.
    last: Vec<u64>,
    mark: u64,
}

/// The key of one character (`b` = none) or of two adjacent ones.
fn key(a: char, b: Option<char>) -> u64 {
    u64::from(u32::from(a)) << 32 | u64::from(b.map_or(u32::MAX, u32::from))
}

/// The gram a key stands for.
fn gram(key: u64) -> String {
    let (a, b) = ((key >> 32) as u32, key as u32);
    let mut gram: String = char::from_u32(a).into_iter().collect();
    if b != u32::MAX {
        gram.extend(char::from_u32(b));
    }
    gram
}

impl Builder {
    /// Notes the grams of target `at`'s folded text.
    pub fn target(&mut self, at: Ref, folded: &str) {
        self.text(at, folded, true);
    }

    /// Notes the grams of passage `at`'s folded text.
    pub fn passage(&mut self, at: Ref, folded: &str) {
        self.text(at, folded, false);
    }

    fn text(&mut self, at: Ref, folded: &str, target: bool) {
        self.mark += 1;
        let mut previous = None;
        for c in folded.chars() {
            self.note(key(c, None), at, target);
            if let Some(p) = previous {
                self.note(key(p, Some(c)), at, target);
            }
            previous = Some(c);
        }
    }

    fn note(&mut self, key: u64, at: Ref, target: bool) {
        let next = self.keys.len() as u32;
        let number = *self.numbers.entry(key).or_insert(next) as usize;
        if number == self.keys.len() {
            self.keys.push(key);
            self.postings.push(Postings::default());
            self.last.push(0);
        }
        if self.last[number] != self.mark {
            self.last[number] = self.mark;
            let postings = &mut self.postings[number];
            if target {
                postings.targets.push(at);
            } else {
                postings.passages.push(at);
            }
        }
    }

    /// Every gram with its postings, in the order of the grams' strings.
    pub fn finish(self) -> Grams {
        let mut grams: Grams = self.keys.into_iter().map(gram).zip(self.postings).collect();
        ordering::sort_by(&mut grams, |a, b| a.0.cmp(&b.0));
        grams
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(document: u32, ordinal: u32) -> Ref {
        Ref { document, ordinal }
    }

    #[test]
    fn grams_of_targets_and_passages() {
        let mut builder = Builder::default();
        builder.target(at(0, 0), "班额班");
        builder.target(at(1, 2), "额");
        builder.passage(at(0, 3), "学班");
        let grams: BTreeMap<String, Postings> = builder.finish().into_iter().collect();
        assert_eq!(grams.len(), 6, "{grams:?}");
        assert_eq!(grams["班"].targets, vec![at(0, 0)]);
        assert_eq!(grams["班"].passages, vec![at(0, 3)]);
        assert_eq!(grams["额"].targets, vec![at(0, 0), at(1, 2)]);
        assert_eq!(grams["额班"].targets, vec![at(0, 0)]);
        assert_eq!(grams["学班"].passages, vec![at(0, 3)]);
        assert!(grams["学"].targets.is_empty());
    }
}
