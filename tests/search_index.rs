//! The search index finds exactly what scanning every folded text finds, on the real data and on
//! the 10× synthetic dataset, for the benchmark's words and for every piece of one to four
//! characters cut from targets and paragraphs (so that terms of every length, scripts and numbers
//! are covered, including ones found in a single place).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use policy_analysis::catalog::Catalog;
use policy_dataset::{repository, synthetic};

/// Words typed by the benchmarks and tests, in both scripts, English, numbers, several terms.
const WORDS: [&str; 16] = [
    "班额",
    "学位",
    "幼儿园",
    "2025",
    "學位",
    "teacher",
    "教师",
    "45",
    "普惠",
    "心理",
    "班额 45",
    "class-size cap",
    "幼兒園 2025",
    "东莞",
    "學",
    "x",
];

/// Queries cut from `text`: every `len`-character window at a few positions, alone and in pairs.
fn pieces(text: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    for len in 1..=4 {
        for start in [0, chars.len() / 3, chars.len() / 2, chars.len().saturating_sub(len)] {
            if start + len <= chars.len() {
                out.push(chars[start..start + len].iter().collect());
            }
        }
    }
    if let [.., a, b] = &out[..] {
        let pair = format!("{a} {b}");
        out.push(pair);
    }
}

fn check(catalog: &Catalog, label: &str) {
    let mut queries: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
    // About 40 targets and 40 paragraphs spread over the data, so the test stays quick unoptimised.
    for (i, row) in catalog.rows.iter().enumerate().step_by(catalog.rows.len() / 40 + 1) {
        let target = catalog.target(*row);
        pieces(&target.summary.zh, &mut queries);
        if i % 3 == 0 {
            pieces(&target.summary.en, &mut queries);
            pieces(&target.id, &mut queries);
        }
    }
    let paragraphs: Vec<&str> = catalog.texts.values().flat_map(|text| text.lines()).collect();
    for line in paragraphs.iter().step_by(paragraphs.len() / 40 + 1) {
        pieces(line, &mut queries);
    }
    // A passage's paragraph is found by its stored range, as reading the text's lines finds it.
    for hits in [
        catalog.search_index().search("学"),
        catalog.search_index().search("a"),
        catalog.search_index().search("2"),
    ] {
        for p in &hits.passages {
            let text = &catalog.texts[&catalog.dataset.documents[p.document].document.id];
            let range = catalog
                .search_index()
                .paragraph_range(p)
                .expect("a found passage has a range");
            assert_eq!(Some(&text[range]), text.lines().nth(p.paragraph), "{label}: {p:?}");
        }
    }
    let (mut with_rows, mut with_passages) = (0, 0);
    for query in &queries {
        let (indexed, scanned) = (catalog.search_index().search(query), catalog.search_index().scan(query));
        assert_eq!(indexed, scanned, "{label}: {query:?}");
        with_rows += usize::from(!indexed.rows.is_empty());
        with_passages += usize::from(!indexed.passages.is_empty());
    }
    // The comparison means something only if most queries do find targets and passages.
    let n = queries.len();
    println!("{label}: {n} queries, {with_rows} found targets, {with_passages} found passages");
    assert!(
        with_rows * 2 > n && with_passages * 2 > n,
        "{label}: too few queries found anything"
    );
}

#[test]
fn the_index_finds_what_the_scan_finds() {
    let base = repository::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("dataset loads");
    check(&Catalog::new(base.dataset.clone(), base.texts.clone()), "1×");
    let generated = synthetic::generate(&base.dataset, &base.texts, 10, 1);
    check(&Catalog::new(generated.dataset, generated.texts), "10×");
}
