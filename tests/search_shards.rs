//! The cut search index (`policy_analysis::search_shards`) finds exactly what scanning every folded
//! text finds (`SearchIndex::scan`), on the real data and on the 10× synthetic dataset, for the
//! benchmark's words, pieces of one to four characters cut from targets and paragraphs, their
//! Traditional, full-width and upper-case forms, several terms and misses; in the recommended
//! layout and in one that splits most grams into parts, with every file read back from its JSON
//! bytes as the client reads it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use policy_analysis::catalog::Catalog;
use policy_analysis::row::Row;
use policy_analysis::search::target_haystack;
use policy_analysis::search_shards::build::build;
use policy_analysis::search_shards::files::{cut, Key};
use policy_analysis::search_shards::query::{answer, confirm, next_files, shards_for, Count, Fetched};
use policy_analysis::search_shards::{Layout, Ref, RECOMMENDED};
use policy_data::script::fold;

/// Typed words, in both scripts and both widths, English in both cases, numbers, several terms, misses.
const WORDS: [&str; 24] = [
    "班额",
    "學位",
    "幼儿园",
    "幼兒園",
    "2025",
    "２０２５",
    "teacher",
    "TEACHER",
    "教師",
    "45",
    "普惠",
    "心理",
    "班额 45",
    "class-size cap",
    "幼兒園 2025",
    "东莞",
    "東莞",
    "學",
    "x",
    "的",
    "龘",
    "学位 龘",
    "zzqx",
    "教育 发展 学校",
];

/// Queries cut from `text`: windows of one to four characters at a few positions, a pair of them,
/// and the Traditional-looking, full-width and upper-case forms of some.
fn pieces(text: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    for len in 1..=4 {
        for start in [0, chars.len() / 3, chars.len().saturating_sub(len)] {
            if start + len <= chars.len() {
                out.push(chars[start..start + len].iter().collect());
            }
        }
    }
    if let [.., a, b] = &out[..] {
        let pair = format!("{a} {b}");
        out.push(pair);
    }
    if let Some(last) = out.last().cloned() {
        let wide: String = last
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(u32::from(c) + 0xfee0).unwrap_or(c),
                _ => c,
            })
            .collect();
        out.push(wide);
        out.push(last.to_uppercase());
        out.push(traditional(&last));
    }
}

/// A few Simplified characters written in their Traditional form.
fn traditional(text: &str) -> String {
    let pairs = [
        ('学', '學'),
        ('园', '園'),
        ('儿', '兒'),
        ('师', '師'),
        ('额', '額'),
        ('发', '發'),
        ('县', '縣'),
        ('东', '東'),
    ];
    text.chars()
        .map(|c| pairs.iter().find(|(s, _)| *s == c).map_or(c, |(_, t)| *t))
        .collect()
}

fn at(document: usize, ordinal: usize) -> Ref {
    Ref {
        document: document as u32,
        ordinal: ordinal as u32,
    }
}

/// The files of the cut, by key.
fn files(catalog: &Catalog, layout: Layout) -> HashMap<Key, Vec<u8>> {
    cut(&build(&catalog.dataset, &catalog.texts), layout)
        .files()
        .into_iter()
        .collect()
}

fn check(catalog: &Catalog, label: &str) {
    let mut queries: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
    for (i, row) in catalog.rows.iter().enumerate().step_by(catalog.rows.len() / 20 + 1) {
        let target = catalog.target(*row);
        pieces(&target.summary.zh, &mut queries);
        if i % 3 == 0 {
            pieces(&target.summary.en, &mut queries);
            pieces(&target.id, &mut queries);
        }
    }
    let paragraphs: Vec<&str> = catalog.texts.values().flat_map(|text| text.lines()).collect();
    for line in paragraphs.iter().step_by(paragraphs.len() / 20 + 1) {
        pieces(line, &mut queries);
    }
    // Each target's and passage's folded text, as the client has it once it has the document.
    let mut targets: HashMap<Ref, String> = HashMap::new();
    let mut lines: HashMap<Ref, String> = HashMap::new();
    for (d, entry) in catalog.dataset.documents.iter().enumerate() {
        for t in 0..entry.targets.len() {
            let row = Row { document: d, target: t };
            targets.insert(at(d, t), target_haystack(&catalog.dataset, row));
        }
        let text = catalog.texts.get(&entry.document.id).map_or("", String::as_str);
        for (p, line) in text.lines().enumerate() {
            lines.insert(at(d, p), fold(line));
        }
    }
    let target_text = |r: Ref| targets.get(&r).cloned();
    let passage_text = |r: Ref| lines.get(&r).cloned();
    // The recommended layout, and one of few shards with most grams in parts of a few documents.
    let small = Layout {
        buckets: 61,
        part_bytes: Some(300),
    };
    for layout in [RECOMMENDED, small] {
        let files = files(catalog, layout);
        let parts = files.keys().filter(|k| matches!(k, Key::Part { .. })).count();
        if layout == small {
            assert!(parts > 100, "{label}: the small layout splits grams ({parts} parts)");
        }
        assert_eq!(
            files.keys().filter(|k| matches!(k, Key::Shard(_))).count(),
            layout.buckets as usize,
            "{label}: every shard is written"
        );
        let mut fetched = Fetched::default();
        let (mut with_rows, mut with_passages, mut long) = (0, 0, 0);
        for query in &queries {
            assert!(shards_for(query, layout).len() <= query.chars().count());
            let mut rounds = 0;
            loop {
                let next = next_files(query, layout, &fetched);
                if next.is_empty() {
                    break;
                }
                rounds += 1;
                assert!(rounds < 10_000, "{label}: {query:?} never completes");
                for key in next {
                    let bytes = files.get(&key).unwrap_or_else(|| panic!("{label}: {key:?} is a file"));
                    fetched.read(&key, bytes).expect("a file reads back");
                }
            }
            let candidates = answer(query, layout, &fetched).expect("every shard fetched");
            assert_eq!(candidates.covered, None, "{label}: {query:?}");
            let scanned = catalog.search_index().scan(query);
            let rows: Vec<Ref> = scanned
                .rows
                .iter()
                .map(|&i| at(catalog.rows[i].document, catalog.rows[i].target))
                .collect();
            let passages: Vec<Ref> = scanned.passages.iter().map(|p| at(p.document, p.paragraph)).collect();
            let found_targets = confirm(query, &candidates.targets, target_text);
            let found_passages = confirm(query, &candidates.passages, passage_text);
            assert_eq!(found_targets, rows, "{label}: {query:?} targets");
            assert_eq!(found_passages, passages, "{label}: {query:?} passages");
            if candidates.exact {
                assert_eq!(candidates.targets, rows, "{label}: {query:?} exact targets");
                assert_eq!(candidates.passages, passages, "{label}: {query:?} exact passages");
                assert_eq!(candidates.target_count(), Count::Exact(rows.len()));
                assert_eq!(candidates.passage_count(), Count::Exact(passages.len()));
            } else {
                long += 1;
                assert_eq!(candidates.target_count(), Count::AtMost(candidates.targets.len()));
            }
            with_rows += usize::from(!rows.is_empty());
            with_passages += usize::from(!passages.is_empty());
        }
        let n = queries.len();
        println!("{label} {layout:?}: {n} queries ({long} with a term of 3+ characters), {with_rows} found targets, {with_passages} found passages");
        assert!(
            with_rows * 2 > n && with_passages * 2 > n && long * 5 > n,
            "{label}: too few queries found anything"
        );
    }
}

#[test]
fn the_cut_index_finds_what_the_scan_finds() {
    let (dataset, texts) = (policy_data::bundled::dataset(), policy_data::bundled::texts());
    check(&Catalog::new(dataset.clone(), texts.clone()), "1×");
    let generated = policy_dataset::synthetic::generate(dataset, texts, 10, 1);
    check(&Catalog::new(generated.dataset, generated.texts), "10×");
}

/// A first answer for a gram written in parts covers a prefix of the documents, and says so.
#[test]
fn a_split_gram_answers_from_its_first_part() {
    let catalog = Catalog::new(
        policy_data::bundled::dataset().clone(),
        policy_data::bundled::texts().clone(),
    );
    let layout = Layout {
        buckets: 61,
        part_bytes: Some(300),
    };
    let files = files(&catalog, layout);
    let mut fetched = Fetched::default();
    let query = "学";
    for round in 0..2 {
        for key in next_files(query, layout, &fetched) {
            assert_eq!(matches!(key, Key::Part { .. }), round == 1, "{key:?}");
            fetched.read(&key, &files[&key]).unwrap();
        }
    }
    let first = answer(query, layout, &fetched).unwrap();
    let covered = first.covered.expect("学 is in parts");
    let scanned = catalog.search_index().scan(query);
    let before: Vec<usize> = scanned
        .passages
        .iter()
        .filter(|p| (p.document as u32) < covered)
        .map(|p| p.paragraph)
        .collect();
    assert_eq!(
        first.passages.iter().map(|p| p.ordinal as usize).collect::<Vec<_>>(),
        before
    );
    assert_eq!(first.passage_count(), Count::Exact(scanned.passages.len()));
    assert_eq!(first.target_count(), Count::Exact(scanned.rows.len()));
    // Two grams: at least the covered documents' hits, before the rest arrives.
    let mut two = fetched.clone();
    for key in next_files("学 的", layout, &two) {
        two.read(&key, &files[&key]).unwrap();
    }
    if let Some(partial) = answer("学 的", layout, &two) {
        if partial.covered.is_some() {
            assert!(matches!(partial.passage_count(), Count::AtLeast(_)));
        }
    }
}
