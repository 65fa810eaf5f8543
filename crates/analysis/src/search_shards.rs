//! The search index cut into files, so that a query fetches only the parts it needs instead of
//! every target and the whole `texts.json` (issue 23, item 2; measured in BENCHMARKS.md, "Search
//! index layout (issue 23), measured"; the format is described in docs/dataset-schema.md).
//!
//! The grams are those [`crate::search`] indexes: every folded character and every pair of
//! adjacent folded characters of every target's searchable text and of every paragraph of the
//! cleaned texts. Each gram's postings name the targets and the passages holding it
//! ([`Ref`]: document ordinal and target ordinal or paragraph number). Grams are grouped into
//! `buckets` shard files by a hash of the gram ([`bucket_of`]), so a client knows which file holds
//! a gram without a manifest. A gram whose postings are larger than `part_bytes` is written apart,
//! cut by document range into part files; its shard keeps its totals and the parts' first documents.
//!
//! - [`build`]: the postings of every gram of a dataset and its texts;
//! - [`files`]: the shard and part files, as compact JSON read with `serde_json::from_slice`;
//! - [`encode`]: the postings' encoding (delta-coded integers, grouped by document);
//! - [`query`]: which files a query needs, its candidates from those files, and their confirmation.

pub mod build;
pub mod encode;
pub mod files;
pub mod query;

/// A target (`ordinal` = its position in its document's targets) or a passage (`ordinal` = its
/// paragraph number, zero-based, as `str::lines` cuts the document's cleaned text), in the
/// document at position `document` of the dataset's documents. Ordered by document first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref {
    pub document: u32,
    pub ordinal: u32,
}

/// How the grams are cut into files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// How many shard files the grams are hashed into.
    pub buckets: u32,
    /// A gram whose encoded postings (JSON bytes) exceed this is written in part files of about
    /// this size each, cut between documents; `None` keeps every gram whole in its shard.
    pub part_bytes: Option<usize>,
}

/// The layout the measurements recommend (BENCHMARKS.md, "Search index layout (issue 23),
/// measured").
pub const RECOMMENDED: Layout = Layout {
    buckets: 16384,
    part_bytes: Some(96 * 1024),
};

/// The shard that holds `gram` among `buckets`: FNV-1a over the gram's code points, scaled to
/// `buckets` by its high bits. A function of the gram alone, so a client needs no manifest.
pub fn bucket_of(gram: &str, buckets: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for c in gram.chars() {
        hash = (hash ^ u32::from(c)).wrapping_mul(0x0100_0193);
    }
    // A final mix, so that grams differing in their last character's low bits spread out.
    hash ^= hash >> 15;
    hash = hash.wrapping_mul(0x2c1b_3c6d);
    hash ^= hash >> 12;
    ((u64::from(hash) * u64::from(buckets.max(1))) >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_in_range_and_spread() {
        let mut used = [0u32; 64];
        for c in '一'..='龥' {
            let b = bucket_of(&c.to_string(), 64);
            used[b as usize] += 1;
        }
        // 20,902 characters into 64 buckets: about 327 each; none empty, none more than twice that.
        assert!(used.iter().all(|&n| n > 150 && n < 650), "{used:?}");
        assert_eq!(bucket_of("学位", 1), 0);
        assert_eq!(bucket_of("学位", 4096), bucket_of("学位", 4096));
        assert_ne!(bucket_of("学位", 4096), bucket_of("位学", 4096));
    }
}
