//! The files of the cut index: shard files, each holding the grams hashed to it, and part files,
//! each holding one document range of a gram too large to keep whole. All are compact JSON, read
//! with `serde_json::from_slice`; the postings are [`super::encode`]'s flat lists.
//!
//! A shard: `{"g": {gram: flat, …}, "s": {gram: {"t": targets, "p": passages, "d": [first
//! document of each part, …]}, …}}` (`s` only when a gram of the shard is split). A part: the flat
//! list of its documents (the first document's gap counted from 0).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::build::Grams;
use super::encode::{encode, groups, Group};
use super::{bucket_of, Layout};

/// A shard file's content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// The grams kept whole, with their postings.
    #[serde(rename = "g", default)]
    pub grams: BTreeMap<String, Vec<u32>>,
    /// The grams written in parts.
    #[serde(rename = "s", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub split: BTreeMap<String, Split>,
}

/// A gram written in parts: how many targets and passages hold it, and where its parts start.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    #[serde(rename = "t")]
    pub targets: u32,
    #[serde(rename = "p")]
    pub passages: u32,
    /// The first document of each part, ascending; part `i` holds the documents from `starts[i]`
    /// up to the next part's start.
    #[serde(rename = "d")]
    pub starts: Vec<u32>,
}

/// Which file: a shard (by its bucket) or one part of a split gram.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Shard(u32),
    Part { gram: String, part: u32 },
}

impl Key {
    /// The file's path inside the index's folder: `s/<bucket, hex>.json` for a shard,
    /// `p/<the gram's code points, hex, joined by '-'>.<part>.json` for a part.
    pub fn path(&self) -> String {
        match self {
            Key::Shard(bucket) => format!("s/{bucket:x}.json"),
            Key::Part { gram, part } => {
                let points: Vec<String> = gram.chars().map(|c| format!("{:x}", u32::from(c))).collect();
                format!("p/{}.{part}.json", points.join("-"))
            }
        }
    }
}

/// The shards and parts of `grams`, with each gram in the shard `key(gram)` names.
pub struct Cut {
    pub shards: BTreeMap<u32, Shard>,
    /// Each split gram's parts (flat lists), in document order.
    pub parts: Vec<(String, Vec<Vec<u32>>)>,
}

impl Cut {
    /// Every file with its bytes (compact JSON).
    pub fn files(&self) -> Vec<(Key, Vec<u8>)> {
        let mut files: Vec<(Key, Vec<u8>)> = self
            .shards
            .iter()
            .map(|(&bucket, shard)| (Key::Shard(bucket), to_json(shard)))
            .collect();
        for (gram, parts) in &self.parts {
            for (i, flat) in parts.iter().enumerate() {
                let key = Key::Part {
                    gram: gram.clone(),
                    part: i as u32,
                };
                files.push((key, to_json(flat)));
            }
        }
        files
    }
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("postings serialize")
}

/// The files of `grams` in `layout`: shards by [`bucket_of`], every bucket's written (an empty
/// one when no gram falls in it), so that any gram's shard exists.
pub fn cut(grams: &Grams, layout: Layout) -> Cut {
    let mut cut = cut_by(grams, layout.part_bytes, |_, gram| bucket_of(gram, layout.buckets));
    for bucket in 0..layout.buckets {
        cut.shards.entry(bucket).or_default();
    }
    cut
}

/// The files of `grams` with gram number `i` in shard `key(i, gram)` (other keys are measured
/// against [`bucket_of`]), grams larger than `part_bytes` written in parts.
pub fn cut_by(grams: &Grams, part_bytes: Option<usize>, key: impl Fn(usize, &str) -> u32) -> Cut {
    let mut cut = Cut {
        shards: BTreeMap::new(),
        parts: Vec::new(),
    };
    for (i, (gram, postings)) in grams.iter().enumerate() {
        let shard = cut.shards.entry(key(i, gram)).or_default();
        let groups = groups(postings);
        let flat = encode(&groups);
        match part_bytes {
            Some(limit) if json_len(&flat) > limit => {
                let pieces = pieces(&groups, limit);
                shard.split.insert(
                    gram.clone(),
                    Split {
                        targets: postings.targets.len() as u32,
                        passages: postings.passages.len() as u32,
                        starts: pieces.iter().map(|piece| piece[0].document).collect(),
                    },
                );
                cut.parts
                    .push((gram.clone(), pieces.iter().map(|piece| encode(piece)).collect()));
            }
            _ => {
                shard.grams.insert(gram.clone(), flat);
            }
        }
    }
    cut
}

/// `groups` cut between documents into runs of about `limit` JSON bytes each (a document's
/// group is never cut, so a run may be larger).
fn pieces<'a>(groups: &[Group<'a>], limit: usize) -> Vec<Vec<Group<'a>>> {
    let mut pieces: Vec<Vec<Group<'a>>> = Vec::new();
    let mut current: Vec<Group<'a>> = Vec::new();
    let mut bytes = 0;
    for group in groups {
        let size = json_len(&encode(&[Group { document: 0, ..*group }])) + 12;
        if !current.is_empty() && bytes + size > limit {
            pieces.push(std::mem::take(&mut current));
            bytes = 0;
        }
        current.push(*group);
        bytes += size;
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// The length of `flat` written as a JSON array.
pub fn json_len(flat: &[u32]) -> usize {
    let digits: usize = flat.iter().map(|&n| n.checked_ilog10().unwrap_or(0) as usize + 1).sum();
    digits + flat.len().saturating_sub(1) + 2
}

#[cfg(test)]
mod tests {
    use super::super::build::Postings;
    use super::super::Ref;
    use super::*;

    #[test]
    fn json_length_is_the_written_length() {
        for flat in [vec![], vec![0], vec![9, 10, 12345, 0, 4294967295]] {
            assert_eq!(json_len(&flat), serde_json::to_vec(&flat).unwrap().len());
        }
    }

    #[test]
    fn a_large_gram_goes_to_parts() {
        let many = Postings {
            targets: (0..100)
                .map(|d| Ref {
                    document: d,
                    ordinal: 1,
                })
                .collect(),
            passages: vec![Ref {
                document: 3,
                ordinal: 0,
            }],
        };
        let grams = vec![
            ("学".to_string(), many.clone()),
            ("位".to_string(), Postings::default()),
        ];
        let cut = cut_by(&grams, Some(100), |_, _| 0);
        let shard = &cut.shards[&0];
        assert_eq!(shard.grams.keys().collect::<Vec<_>>(), ["位"]);
        let split = &shard.split["学"];
        assert_eq!((split.targets, split.passages), (100, 1));
        assert_eq!(split.starts.len(), cut.parts[0].1.len());
        assert!(split.starts.len() > 3);
        let mut whole = Postings::default();
        for flat in &cut.parts[0].1 {
            assert!(json_len(flat) <= 100 + 20, "{}", json_len(flat));
            let part = super::super::encode::decode(flat).unwrap();
            whole.targets.extend(part.targets);
            whole.passages.extend(part.passages);
        }
        whole.passages.sort();
        assert_eq!(whole, many);
        let files = cut.files();
        assert_eq!(files[0].0.path(), "s/0.json");
        assert_eq!(files[1].0.path(), "p/5b66.0.json");
        let read: Shard = serde_json::from_slice(&files[0].1).unwrap();
        assert_eq!(&read, shard);
    }
}
