//! The encoding of a gram's postings in the files: one flat list of integers, grouped by document
//! and delta-coded, so that JSON writes few digits and brotli finds repeats. For each document
//! holding the gram, ascending: its gap from the previous one (the first: its ordinal), the number
//! of its targets holding the gram and their ordinals (the first, then gaps), the number of its
//! passages and their paragraph numbers (likewise).
//!
//! `[3, 1, 4, 2, 0, 5, 1, 0, 1, 7]` reads: document 3, one target (4), two passages (0, 5);
//! document 4, no target, one passage (7).

use super::build::Postings;
use super::Ref;

/// A document's share of a gram's postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group<'a> {
    pub document: u32,
    pub targets: &'a [Ref],
    pub passages: &'a [Ref],
}

/// The postings of `postings`, document by document, ascending.
pub fn groups(postings: &Postings) -> Vec<Group<'_>> {
    let (mut targets, mut passages) = (&postings.targets[..], &postings.passages[..]);
    let mut groups = Vec::new();
    loop {
        let document = match (targets.first(), passages.first()) {
            (Some(t), Some(p)) => t.document.min(p.document),
            (Some(t), None) => t.document,
            (None, Some(p)) => p.document,
            (None, None) => return groups,
        };
        let t = targets.partition_point(|r| r.document == document);
        let p = passages.partition_point(|r| r.document == document);
        groups.push(Group {
            document,
            targets: &targets[..t],
            passages: &passages[..p],
        });
        targets = &targets[t..];
        passages = &passages[p..];
    }
}

/// The flat list of `groups` (ascending documents).
pub fn encode(groups: &[Group<'_>]) -> Vec<u32> {
    let mut flat = Vec::new();
    let mut previous = 0;
    for group in groups {
        flat.push(group.document - previous);
        previous = group.document;
        for refs in [group.targets, group.passages] {
            flat.push(refs.len() as u32);
            let mut last = 0;
            for r in refs {
                flat.push(r.ordinal - last);
                last = r.ordinal;
            }
        }
    }
    flat
}

/// The postings a flat list holds, or `None` if it is cut short or its numbers overflow.
pub fn decode(flat: &[u32]) -> Option<Postings> {
    let mut postings = Postings::default();
    let mut rest = flat.iter().copied();
    let mut document: u32 = 0;
    while let Some(gap) = rest.next() {
        document = document.checked_add(gap)?;
        for list in [&mut postings.targets, &mut postings.passages] {
            let count = rest.next()?;
            let mut ordinal: u32 = 0;
            for _ in 0..count {
                ordinal = ordinal.checked_add(rest.next()?)?;
                list.push(Ref { document, ordinal });
            }
        }
    }
    Some(postings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(document: u32, ordinal: u32) -> Ref {
        Ref { document, ordinal }
    }

    #[test]
    fn the_documented_example() {
        let postings = Postings {
            targets: vec![at(3, 4)],
            passages: vec![at(3, 0), at(3, 5), at(4, 7)],
        };
        let flat = encode(&groups(&postings));
        assert_eq!(flat, vec![3, 1, 4, 2, 0, 5, 1, 0, 1, 7]);
        assert_eq!(decode(&flat), Some(postings));
    }

    #[test]
    fn empty_and_broken_lists() {
        assert_eq!(encode(&groups(&Postings::default())), Vec::<u32>::new());
        assert_eq!(decode(&[]), Some(Postings::default()));
        assert_eq!(decode(&[3, 2, 4]), None);
        assert_eq!(decode(&[u32::MAX, 0, 0, 1, 0, 0]), None);
    }
}
