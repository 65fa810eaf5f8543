//! Property tests of the dataset loader: it never panics, whatever the file holds. Inputs are
//! arbitrary bytes, arbitrary JSON values shaped like the file form, random mutations of valid files
//! (fields dropped, wrong types, huge numbers, NaN-like strings, unicode, deep nesting, duplicated
//! documents) and random edits of their text. Whatever a file is accepted, its catalogue is built and
//! searched too; whatever is refused, every error is a kind (serde's messages read, none generic)
//! worded in Chinese and in English. Each test prints how many inputs ran and how many were accepted.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use policy_analysis::library::Library;
use policy_data::bundled;
use policy_data::dataset_file::{open, FileError, FileProblem, SyntaxKind};
use policy_data::lang::Lang;
use policy_data::model::Dataset;
use policy_data::validation::has_han;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};

const BYTES_CASES: u32 = 4000;
const VALUE_CASES: u32 = 3000;
const MUTATION_CASES: u32 = 5000;
const TEXT_EDIT_CASES: u32 = 2000;

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).unwrap()
}

/// Valid files to mutate: the fixture, and a published document file with its ids changed.
fn valid_files() -> Vec<Value> {
    let fixture = read("tests/fixtures/example-city-2024.json");
    let dongguan =
        read("data/published/documents/dongguan-2019.json").replace("\"dongguan-2019", "\"copy-dongguan-2019");
    vec![
        serde_json::from_str(&fixture).unwrap(),
        serde_json::from_str(&dongguan).unwrap(),
    ]
}

/// The site's catalogue without documents: the base the mutated files are checked and built on,
/// small enough to build a catalogue for every accepted input.
fn catalogue_only() -> Library {
    let dataset = Dataset {
        documents: Vec::new(),
        ..bundled::dataset().clone()
    };
    Library::new(dataset, Default::default())
}

/// Opens `bytes`; when accepted, builds the catalogue and searches it. Panics only if the loader does.
fn exercise(library: &Library, bytes: &[u8]) -> bool {
    match library.open(open, "input.json", bytes) {
        Ok(opened) => {
            let catalog = opened.catalog();
            let _ = catalog.search_index().search("教育 2025");
            for row in &catalog.rows {
                let _ = catalog.target(*row);
            }
            true
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                assert_eq!(e.file, "input.json");
                let _ = e.to_string();
                assert_worded(e);
            }
            false
        }
    }
}

/// Every error is a kind serde's errors were read into (never the generic one) and is worded in
/// Chinese without English words and in English without Chinese, apart from what it quotes from
/// the file.
fn assert_worded(error: &FileError) {
    let generic = matches!(
        error.problem,
        FileProblem::DoesNotFit
            | FileProblem::ItemSyntax(SyntaxKind::Other)
            | FileProblem::Syntax {
                what: SyntaxKind::Other,
                ..
            }
    );
    assert!(!generic, "an error serde's message was not read into: {error}");
    let zh = error.problem.words(Lang::Zh).text_only().replace("MB", "");
    assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{error}: {zh}");
    let en = error.problem.words(Lang::En).text_only();
    assert!(!has_han(&en), "{error}: {en}");
}

/// Strings that tend to break parsers and number readers.
fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("NaN".to_string()),
        Just("Infinity".to_string()),
        Just("-0".to_string()),
        Just("1e400".to_string()),
        Just(String::new()),
        Just("\u{0}\u{feff}\u{202e}".to_string()),
        Just("九".repeat(60)),
        Just("亿".repeat(30)),
        Just("9".repeat(500)),
        Just("幼兒園 ＡＢＣ 𝟘𝟙 😀".to_string()),
        Just("到2026年,全市普惠性幼儿园在园幼儿占比达到85%以上。".to_string()),
        prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter),
        prop::collection::vec(prop::sample::select(b"abcxyz0129-".to_vec()), 1..30)
            .prop_map(|b| String::from_utf8(b).unwrap_or_default()),
    ]
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "version",
            "themes",
            "indicators",
            "documents",
            "texts",
            "document",
            "targets",
            "id",
            "kind",
            "theme",
            "indicator",
            "comparator",
            "value",
            "unit",
            "quote",
            "summary",
            "zh",
            "en",
            "period",
            "start",
            "end",
            "level",
            "script",
            "baseline",
            "year",
            "target_year",
            "garbled",
            "note",
        ])
        .prop_map(str::to_string),
        prop::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![0i64, -1, 2025, 65535, 65536, 2010, 2035, 1_000_000]).prop_map(Value::from),
        Just(json!(1e308)),
        Just(json!(-1e308)),
        Just(json!(5e-324)),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        nasty_string().prop_map(Value::String),
    ]
}

/// Arbitrary JSON, with object keys drawn mostly from the file form's field names.
fn any_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// A file-shaped value: the top-level keys present, their contents arbitrary.
fn file_shaped_value() -> impl Strategy<Value = Value> {
    (any_value(), any_value(), any_value(), any_value(), any_value()).prop_map(|(v, t, i, d, x)| {
        json!({ "version": v, "themes": t, "indicators": i, "documents": [ { "document": d, "targets": [x.clone(), x] } ], "texts": {} })
    })
}

/// One change to a valid file.
#[derive(Clone, Debug)]
enum Mutation {
    Remove,
    Replace(Value),
    Nest(usize),
    DuplicateDocument,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => Just(Mutation::Remove),
        5 => any_value().prop_map(Mutation::Replace),
        3 => leaf().prop_map(Mutation::Replace),
        1 => (1usize..300).prop_map(Mutation::Nest),
        1 => Just(Mutation::DuplicateDocument),
    ]
}

/// Every path (as a list of steps) to a node of `value`.
fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(prefix.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                prefix.push(Step::Index(i));
                paths(item, prefix, out);
                prefix.pop();
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                prefix.push(Step::Key(key.clone()));
                paths(item, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn apply(root: &mut Value, path: &[Step], mutation: &Mutation) {
    if let Mutation::DuplicateDocument = mutation {
        if let Some(docs) = root.get_mut("documents").and_then(Value::as_array_mut) {
            if let Some(first) = docs.first().cloned() {
                docs.push(first);
            }
        }
        return;
    }
    let Some((last, parents)) = path.split_last() else {
        if let Mutation::Replace(v) = mutation {
            *root = v.clone();
        }
        return;
    };
    let mut node = root;
    for step in parents {
        node = match step {
            Step::Key(k) => &mut node[k.as_str()],
            Step::Index(i) => &mut node[*i],
        };
    }
    match (mutation, last, node) {
        (Mutation::Remove, Step::Key(k), Value::Object(map)) => {
            map.remove(k);
        }
        (Mutation::Remove, Step::Index(i), Value::Array(items)) => {
            items.remove(*i);
        }
        (Mutation::Replace(v), step, node) => *slot(node, step) = v.clone(),
        (Mutation::Nest(depth), step, node) => {
            let slot = slot(node, step);
            let mut nested = slot.take();
            for _ in 0..*depth {
                nested = Value::Array(vec![nested]);
            }
            *slot = nested;
        }
        _ => {}
    }
}

fn slot<'a>(node: &'a mut Value, step: &Step) -> &'a mut Value {
    match step {
        Step::Key(k) => &mut node[k.as_str()],
        Step::Index(i) => &mut node[*i],
    }
}

/// Runs `check` on `cases` inputs from `strategy` (a failure, including a panic, is shrunk and
/// reported with the smallest input) and prints how many inputs ran and how many were accepted.
fn run<S: Strategy>(name: &str, cases: u32, strategy: S, check: impl Fn(S::Value) -> bool) {
    let ran = AtomicUsize::new(0);
    let accepted = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |input| {
        ran.fetch_add(1, Ordering::Relaxed);
        if check(input) {
            accepted.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    eprintln!(
        "{name}: {} inputs, {} accepted, 0 panics",
        ran.load(Ordering::Relaxed),
        accepted.load(Ordering::Relaxed)
    );
    assert!(ran.load(Ordering::Relaxed) >= cases as usize);
}

#[test]
fn arbitrary_bytes_never_panic() {
    let library = catalogue_only();
    run(
        "arbitrary bytes",
        BYTES_CASES,
        prop::collection::vec(any::<u8>(), 0..4096),
        |bytes| exercise(&library, &bytes),
    );
}

#[test]
fn arbitrary_json_never_panics() {
    let library = catalogue_only();
    run(
        "arbitrary JSON values",
        VALUE_CASES,
        prop_oneof![any_value(), file_shaped_value()],
        |value| exercise(&library, serde_json::to_string(&value).unwrap().as_bytes()),
    );
}

#[test]
fn mutated_valid_files_never_panic() {
    let library = catalogue_only();
    let files = valid_files();
    let changes = prop::collection::vec((any::<prop::sample::Index>(), mutation()), 1..4);
    let accepted = AtomicUsize::new(0);
    run(
        "mutated valid files",
        MUTATION_CASES,
        // The small fixture four times in five: the large published file is slow to rewrite.
        (prop_oneof![4 => Just(0usize), 1 => Just(1usize)], changes),
        |(which, changes)| {
            let mut file = files[which].clone();
            for (index, change) in &changes {
                let mut all = Vec::new();
                paths(&file, &mut Vec::new(), &mut all);
                let path = index.get(&all).clone();
                apply(&mut file, &path, change);
            }
            let ok = exercise(&library, serde_json::to_string(&file).unwrap().as_bytes());
            if ok {
                accepted.fetch_add(1, Ordering::Relaxed);
            }
            ok
        },
    );
    assert!(accepted.load(Ordering::Relaxed) > 0, "some mutations keep a file valid");
}

#[test]
fn edited_file_text_never_panics() {
    let library = catalogue_only();
    let text = read("tests/fixtures/example-city-2024.json").into_bytes();
    run(
        "edited file text",
        TEXT_EDIT_CASES,
        (
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<u8>(), 0..16),
            any::<bool>(),
        ),
        |(cut, insert, keep_tail)| {
            let at = cut.index(text.len() + 1);
            let mut edited = text[..at].to_vec();
            edited.extend_from_slice(&insert);
            if keep_tail {
                edited.extend_from_slice(&text[at..]);
            }
            exercise(&library, &edited)
        },
    );
}
