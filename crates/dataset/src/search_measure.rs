//! Measures layouts of the cut search index (`policy_analysis::search_shards`) on a dataset:
//! how many files, their total size compressed as the site precompresses them (brotli, quality
//! 11), and what a first search fetches for typical terms and for the most common ones. Printed by
//! `dataset measure-search --scale N`; the results are in BENCHMARKS.md, "Search index layout
//! (issue 23), measured".
//!
//! The alternatives: shards keyed by a hash of the gram into 256 to 16,384 buckets, by the gram's
//! first character, one file per gram; postings as delta-coded flat JSON lists (the format),
//! as plain `[[document, ordinal], …]` pairs, or as LEB128 bytes; very large grams whole or cut
//! into parts by document range.

use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use policy_analysis::search_shards::build::{Grams, Postings};
use policy_analysis::search_shards::encode::decode;
use policy_analysis::search_shards::files::{cut_by, Cut, Key, Shard};
use policy_analysis::search_shards::query::{answer, grams_of, next_files, Fetched};
use policy_analysis::search_shards::{bucket_of, Layout, RECOMMENDED};

use crate::synthetic::measure::{BROTLI_QUALITY, BROTLI_WINDOW_BITS};

/// The typical two-character terms the issue names.
pub const TYPICAL: [&str; 5] = ["幼儿", "学位", "教师", "入园", "班额"];

/// Compressing more than this many raw bytes, or files, of a layout, the total is estimated from
/// an even sample of its files.
const SAMPLE_BYTES: u64 = 4 << 20;
const SAMPLE_FILES: usize = 1_500;

/// How shards are keyed.
#[derive(Clone, Copy, Debug)]
pub enum Scheme {
    Hash(u32),
    FirstChar,
    PerGram,
}

/// How postings are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// The format: `search_shards::encode`'s flat lists in JSON.
    Delta,
    /// `{"t": [[document, ordinal], …], "p": […]}` per gram.
    Pairs,
    /// The flat lists as LEB128 bytes, each gram's UTF-8 and list length-prefixed.
    Varint,
}

/// One layout measured.
pub struct Alternative {
    pub scheme: Scheme,
    pub part_bytes: Option<usize>,
    pub encoding: Encoding,
}

impl Alternative {
    pub fn label(&self) -> String {
        let scheme = match self.scheme {
            Scheme::Hash(n) => format!("hash into {n}"),
            Scheme::FirstChar => "first character".to_string(),
            Scheme::PerGram => "one file per gram".to_string(),
        };
        let parts = match self.part_bytes {
            Some(bytes) => format!(", parts of {} KB", bytes / 1024),
            None => String::new(),
        };
        let encoding = match self.encoding {
            Encoding::Delta => "",
            Encoding::Pairs => ", pairs JSON",
            Encoding::Varint => ", LEB128 bytes",
        };
        format!("{scheme}{parts}{encoding}")
    }
}

/// The alternatives measured; `all` = false leaves out those the smaller scales already ruled out
/// (256 buckets, the first character, pairs JSON, parts of 32 and 256 KB, 1,024 buckets with
/// parts), so that 1,000× is measured in minutes.
pub fn alternatives(all: bool) -> Vec<Alternative> {
    let whole = |scheme| Alternative {
        scheme,
        part_bytes: None,
        encoding: Encoding::Delta,
    };
    let mut every: Vec<Alternative> = [256, 1024, 4096, 16384].map(|n| whole(Scheme::Hash(n))).into();
    every.push(whole(Scheme::FirstChar));
    every.push(whole(Scheme::PerGram));
    for encoding in [Encoding::Pairs, Encoding::Varint] {
        every.push(Alternative {
            encoding,
            ..whole(Scheme::Hash(4096))
        });
    }
    for (buckets, kb) in [(4096, 32), (4096, 96), (4096, 256), (1024, 96), (16384, 96)] {
        every.push(Alternative {
            part_bytes: Some(kb * 1024),
            ..whole(Scheme::Hash(buckets))
        });
    }
    if !all {
        every.retain(|a| {
            let ruled_out = matches!(a.scheme, Scheme::Hash(256) | Scheme::FirstChar)
                || a.encoding == Encoding::Pairs
                || matches!(a.part_bytes, Some(b) if b != 96 * 1024)
                || (matches!(a.scheme, Scheme::Hash(1024)) && a.part_bytes.is_some());
            !ruled_out
        });
    }
    every
}

/// The terms whose first search is measured, with their column labels.
pub fn terms(grams: &Grams) -> Vec<(String, String)> {
    let count = |p: &Postings| p.targets.len() + p.passages.len();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let most = |keep: &dyn Fn(&str) -> bool| {
        grams
            .iter()
            .filter(|(g, _)| keep(g))
            .max_by_key(|(_, p)| count(p))
            .map(|(g, _)| g.clone())
            .unwrap_or_default()
    };
    let top_pair = most(&|g| g.chars().count() == 2 && g.chars().all(cjk));
    let top_char = most(&|g| g.chars().count() == 1 && g.chars().all(cjk));
    let mut terms: Vec<(String, String)> = TYPICAL.iter().map(|t| (t.to_string(), t.to_string())).collect();
    terms.push((format!("{top_pair} (most common pair)"), top_pair));
    terms.push(("园 (1 char)".to_string(), "园".to_string()));
    terms.push((format!("{top_char} (most common char)"), top_char));
    terms.push(("幼儿园 (3 chars)".to_string(), "幼儿园".to_string()));
    terms
}

/// A layout's files, each with its raw bytes.
struct Files {
    bytes: HashMap<Key, Vec<u8>>,
}

fn files_of(cut: &Cut, encoding: Encoding) -> Files {
    let mut bytes: HashMap<Key, Vec<u8>> = cut.files().into_iter().collect();
    if encoding != Encoding::Delta {
        for (&bucket, shard) in &cut.shards {
            bytes.insert(Key::Shard(bucket), reencode(shard, encoding));
        }
    }
    Files { bytes }
}

/// A shard's whole grams written in another encoding.
fn reencode(shard: &Shard, encoding: Encoding) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        Encoding::Delta => out = serde_json::to_vec(shard).expect("serializes"),
        Encoding::Pairs => {
            out.push(b'{');
            for (i, (gram, flat)) in shard.grams.iter().enumerate() {
                let postings = decode(flat).expect("decodes");
                let pairs = |refs: &[policy_analysis::search_shards::Ref]| {
                    refs.iter().map(|r| [r.document, r.ordinal]).collect::<Vec<_>>()
                };
                let value = serde_json::json!({ "t": pairs(&postings.targets), "p": pairs(&postings.passages) });
                if i > 0 {
                    out.push(b',');
                }
                out.extend(serde_json::to_vec(gram).expect("serializes"));
                out.push(b':');
                out.extend(serde_json::to_vec(&value).expect("serializes"));
            }
            out.push(b'}');
        }
        Encoding::Varint => {
            for (gram, flat) in &shard.grams {
                leb128(&mut out, gram.len() as u32);
                out.extend(gram.as_bytes());
                leb128(&mut out, flat.len() as u32);
                for &n in flat {
                    leb128(&mut out, n);
                }
            }
        }
    }
    out
}

fn leb128(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The brotli size of `bytes` at quality 11, with the window no larger than the file needs (as
/// the brotli command line does for a small file; the size is the same, the time is not: a
/// 16 MB window costs milliseconds per file to set up).
fn brotli(bytes: &[u8]) -> u64 {
    let bits = (usize::BITS - bytes.len().max(1).leading_zeros()) as i32;
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: bits.clamp(10, BROTLI_WINDOW_BITS),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 + 64);
    ::brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli writes to memory");
    out.len() as u64
}

/// Total raw and brotli bytes of `files` (`true`: estimated from a sample of about
/// [`SAMPLE_BYTES`]), compressed on two threads.
fn totals(files: &Files) -> (u64, u64, bool) {
    let raw: u64 = files.bytes.values().map(|b| b.len() as u64).sum();
    let step = (raw.div_ceil(SAMPLE_BYTES) as usize)
        .max(files.bytes.len().div_ceil(SAMPLE_FILES))
        .max(1);
    let mut keys: Vec<&Key> = files.bytes.keys().collect();
    #[allow(clippy::disallowed_methods)] // a native tool: an even sample in a fixed order
    keys.sort();
    let sample: Vec<&[u8]> = keys.iter().step_by(step).map(|k| &files.bytes[*k][..]).collect();
    let (half_a, half_b) = sample.split_at(sample.len() / 2);
    fn sum(part: &[&[u8]]) -> (u64, u64) {
        part.iter()
            .map(|b| (b.len() as u64, brotli(b)))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    }
    let (sampled_raw, sampled_brotli) = std::thread::scope(|scope| {
        let other = scope.spawn(move || sum(half_b));
        let mine = sum(half_a);
        let theirs = other.join().expect("brotli thread");
        (mine.0 + theirs.0, mine.1 + theirs.1)
    });
    if step == 1 {
        (raw, sampled_brotli, false)
    } else {
        let estimate = (raw as f64 * sampled_brotli as f64 / sampled_raw.max(1) as f64).round() as u64;
        (raw, estimate, true)
    }
}

/// The files a first search for `query` fetches in `alternative`: the shards of its grams, then
/// the first part of each gram written in parts.
fn first_search(query: &str, alternative: &Alternative, grams: &Grams, files: &Files) -> Vec<Key> {
    let shard_of = |gram: &str| match alternative.scheme {
        Scheme::Hash(n) => bucket_of(gram, n),
        Scheme::FirstChar => gram.chars().next().map_or(0, u32::from),
        Scheme::PerGram => grams
            .binary_search_by(|(g, _)| g.as_str().cmp(gram))
            .map_or(u32::MAX, |i| i as u32),
    };
    let mut keys: Vec<Key> = grams_of(query).iter().map(|g| Key::Shard(shard_of(g))).collect();
    if let (Scheme::Hash(buckets), Encoding::Delta) = (alternative.scheme, alternative.encoding) {
        let layout = Layout {
            buckets,
            part_bytes: alternative.part_bytes,
        };
        let mut fetched = Fetched::default();
        for key in &keys {
            if let Some(bytes) = files.bytes.get(key) {
                fetched.read(key, bytes).expect("a shard reads back");
            }
        }
        keys.extend(next_files(query, layout, &fetched));
    }
    #[allow(clippy::disallowed_methods)] // a native tool
    keys.sort();
    keys.dedup();
    keys
}

/// Prints, for the recommended layout, how long reading a first search's files and answering
/// takes natively (the browser's WebAssembly on a throttled CPU takes several times longer).
fn timings(terms: &[(String, String)], files: &Files, out: &mut impl Write) -> std::io::Result<()> {
    let mut line = String::from("(recommended layout, native time to read the first search's files and answer:");
    for (name, query) in terms {
        let started = Instant::now();
        let mut fetched = Fetched::default();
        loop {
            let next = next_files(query, RECOMMENDED, &fetched);
            // The first answer: the shards, then the first parts.
            if next.is_empty() || next.iter().any(|k| matches!(k, Key::Part { part, .. } if *part > 0)) {
                break;
            }
            for key in &next {
                fetched.read(key, &files.bytes[key]).expect("reads back");
            }
        }
        let found = answer(query, RECOMMENDED, &fetched).map_or(0, |c| c.targets.len() + c.passages.len());
        line.push_str(&format!(
            " {name} {:.2} ms ({found} candidates);",
            started.elapsed().as_secs_f64() * 1000.0
        ));
    }
    // What a complete answer for the most common pair fetches: its shard and every part.
    let (_, top) = &terms[TYPICAL.len()];
    let shard = Key::Shard(bucket_of(top, RECOMMENDED.buckets));
    let parts: Vec<&Vec<u8>> = files
        .bytes
        .iter()
        .filter(|(k, _)| matches!(k, Key::Part { gram, .. } if gram == top))
        .map(|(_, b)| b)
        .collect();
    let all: u64 = parts.iter().map(|b| brotli(b)).sum::<u64>() + brotli(&files.bytes[&shard]);
    line.push_str(&format!(
        "; every file of {top}: its shard and {} parts, {:.1} KB brotli",
        parts.len(),
        all as f64 / 1000.0
    ));
    writeln!(out, "{})", line.trim_end_matches(';'))
}

/// Measures the alternatives on `grams` (`all`: see [`alternatives`]; `only`: those whose label
/// holds it) and prints a Markdown table to `out`; a term's cell is the kB a first search fetches,
/// brotli / raw.
pub fn measure(grams: &Grams, label: &str, all: bool, only: Option<&str>, out: &mut impl Write) -> std::io::Result<()> {
    let terms = terms(grams);
    let mut cache: HashMap<(usize, Key), u64> = HashMap::new();
    write!(out, "| {label}: layout | files | raw MB | brotli MB |")?;
    for (name, _) in &terms {
        write!(out, " {name} |")?;
    }
    writeln!(out)?;
    write!(out, "|---|---:|---:|---:|")?;
    for _ in &terms {
        write!(out, "---:|")?;
    }
    writeln!(out)?;
    let chosen = alternatives(all)
        .into_iter()
        .filter(|a| only.is_none_or(|only| a.label().contains(only)));
    for (a, alternative) in chosen.enumerate() {
        let alternative = &alternative;
        let started = Instant::now();
        let key = |i: usize, gram: &str| match alternative.scheme {
            Scheme::Hash(n) => bucket_of(gram, n),
            Scheme::FirstChar => gram.chars().next().map_or(0, u32::from),
            Scheme::PerGram => i as u32,
        };
        let mut cut = cut_by(grams, alternative.part_bytes, key);
        if let Scheme::Hash(n) = alternative.scheme {
            for bucket in 0..n {
                cut.shards.entry(bucket).or_default();
            }
        }
        let files = files_of(&cut, alternative.encoding);
        drop(cut);
        let (raw, total, estimated) = totals(&files);
        write!(
            out,
            "| {} | {} | {:.1} | {}{:.2} |",
            alternative.label(),
            files.bytes.len(),
            raw as f64 / 1e6,
            if estimated { "≈ " } else { "" },
            total as f64 / 1e6
        )?;
        for (_, query) in &terms {
            let keys = first_search(query, alternative, grams, &files);
            let mut bytes = 0;
            let raw: usize = keys.iter().map(|k| files.bytes.get(k).map_or(0, Vec::len)).sum();
            for key in &keys {
                let size = *cache
                    .entry((a, key.clone()))
                    .or_insert_with(|| files.bytes.get(key).map_or(0, |b| brotli(b)));
                bytes += size;
            }
            let parts = keys.iter().filter(|k| matches!(k, Key::Part { .. })).count();
            let parts = if parts > 0 {
                format!(" ({} files)", keys.len())
            } else {
                String::new()
            };
            write!(
                out,
                " {:.1} / {:.0}{parts} |",
                bytes as f64 / 1000.0,
                raw as f64 / 1000.0
            )?;
        }
        writeln!(out)?;
        if alternative.encoding == Encoding::Delta
            && matches!(alternative.scheme, Scheme::Hash(n) if n == RECOMMENDED.buckets)
            && alternative.part_bytes == RECOMMENDED.part_bytes
        {
            timings(&terms, &files, out)?;
        }
        eprintln!(
            "  {} measured in {:.1} s",
            alternative.label(),
            started.elapsed().as_secs_f64()
        );
        out.flush()?;
    }
    Ok(())
}
