//! Opening a dataset file: a valid file is accepted and added to the catalogue; every kind of error
//! names the file, the document, the target and the field; ids that clash with the bundled data or
//! an earlier file are refused; stored files that no longer pass are dropped.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use policy_analysis::library::{Library, SavedFile};
use policy_data::bundled;
use policy_data::dataset_file::{open, FileError};
use policy_data::lang::Lang;
use serde_json::{json, Value};

const FIXTURE: &str = "example-city-2024.json";

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture() -> Value {
    serde_json::from_str(&read("tests/fixtures/example-city-2024.json")).unwrap()
}

fn bundled_library() -> Library {
    Library::new(bundled::dataset().clone(), bundled::texts().clone())
}

/// Opens `value` (serialised) as the fixture file against the bundled data; expects errors.
fn errors_of(value: &Value) -> Vec<FileError> {
    let text = serde_json::to_string_pretty(value).unwrap();
    match open(FIXTURE, text.as_bytes(), bundled::dataset()) {
        Ok(_) => panic!("the file should have been refused"),
        Err(errors) => errors,
    }
}

/// Asserts that one of `errors` names the file, `document`, `target` and `field`.
fn assert_names(errors: &[FileError], document: &str, target: Option<&str>, field: &str) {
    let found = errors.iter().any(|e| {
        e.file == FIXTURE
            && e.document.as_deref() == Some(document)
            && e.target.as_deref() == target
            && e.field == field
    });
    let listing: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        found,
        "expected an error at {document} › {target:?} › {field}, got:\n{}",
        listing.join("\n")
    );
}

fn target_mut(value: &mut Value, index: usize) -> &mut serde_json::Map<String, Value> {
    value["documents"][0]["targets"][index].as_object_mut().unwrap()
}

const LUNCH: &str = "example-city-2024-school-lunch";
const KINDERGARTEN: &str = "example-city-2024-inclusive-kindergarten-share";

#[test]
fn the_fixture_is_accepted_with_its_new_indicator() {
    let text = read("tests/fixtures/example-city-2024.json");
    let opened = open(FIXTURE, text.as_bytes(), bundled::dataset()).unwrap_or_else(|errors| {
        panic!("{:#?}", errors);
    });
    assert_eq!(opened.file, FIXTURE);
    assert_eq!(opened.version, "2024.1.0");
    assert_eq!(opened.documents.len(), 1);
    assert_eq!(opened.documents[0].targets.len(), 4);
    assert!(opened.themes.is_empty(), "the file only uses the site's themes");
    let new: Vec<&str> = opened.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        new,
        ["school-lunch-coverage"],
        "only the indicator the site lacks is added"
    );
    assert!(opened.texts.contains_key("example-city-2024"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", read("tests/fixtures/example-city-2024.json"));
    assert!(open(FIXTURE, text.as_bytes(), bundled::dataset()).is_ok());
}

#[test]
fn every_published_document_file_opens_once_its_ids_are_changed() {
    for entry in &bundled::dataset().documents {
        let id = &entry.document.id;
        let name = format!("{id}.json");
        let published = read(&format!("data/published/documents/{name}"));
        // Unchanged, every id clashes with the bundled copy.
        let errors = open(&name, published.as_bytes(), bundled::dataset()).unwrap_err();
        assert!(errors
            .iter()
            .any(|e| e.document.as_deref() == Some(id.as_str()) && e.field == "document.id"));
        let clashing_targets = errors.iter().filter(|e| e.field == "id" && e.target.is_some()).count();
        assert_eq!(clashing_targets, entry.targets.len(), "{id}: every target id clashes");
        // With its ids changed it is a valid file of another locality.
        let copy = published.replace(&format!("\"{id}"), &format!("\"copy-of-{id}"));
        let opened = open(&name, copy.as_bytes(), bundled::dataset()).unwrap_or_else(|errors| {
            panic!("{id}: {:#?}", &errors[..errors.len().min(5)]);
        });
        assert_eq!(opened.documents[0].targets.len(), entry.targets.len());
        assert!(opened.indicators.is_empty() && opened.themes.is_empty());
    }
}

#[test]
fn a_json_syntax_error_names_line_and_column() {
    let text = "{\n  \"version\": \"1\",\n  \"documents\": [\n    {\"document\": 1,}\n  ]\n}";
    let errors = open("broken.json", text.as_bytes(), bundled::dataset()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "broken.json");
    assert!(
        errors[0]
            .message(Lang::En)
            .starts_with("line 4, column 20: not valid JSON"),
        "{}",
        errors[0].message(Lang::En)
    );
}

#[test]
fn text_that_is_not_utf8_or_not_an_object_is_refused_plainly() {
    let errors = open("gbk.json", b"{\"version\": \"\xb9\xe3\"}", bundled::dataset()).unwrap_err();
    assert!(errors[0].message(Lang::En).contains("line 1, column 14") && errors[0].message(Lang::En).contains("UTF-8"));
    for (text, expected) in [("", "empty"), ("[1, 2]", "not a list"), ("42", "not a number")] {
        let errors = open("x.json", text.as_bytes(), bundled::dataset()).unwrap_err();
        assert!(
            errors[0].message(Lang::En).contains(expected),
            "{text}: {}",
            errors[0].message(Lang::En)
        );
    }
}

#[test]
fn shape_errors_name_the_target_and_the_field_path() {
    let mut file = fixture();
    target_mut(&mut file, 0).insert("value".into(), json!("eighty-five"));
    target_mut(&mut file, 1).remove("quote");
    target_mut(&mut file, 2).insert("target_year".into(), json!(70000));
    target_mut(&mut file, 3).insert("baseline".into(), json!({ "value": 1, "year": "2020" }));
    file["documents"][0]["document"]["level"] = json!("village");
    let errors = errors_of(&file);
    assert_names(&errors, "example-city-2024", Some(KINDERGARTEN), "value");
    assert_names(
        &errors,
        "example-city-2024",
        Some("example-city-2024-primary-class-size"),
        "quote",
    );
    assert_names(
        &errors,
        "example-city-2024",
        Some("example-city-2024-psychology-teachers"),
        "target_year",
    );
    assert_names(&errors, "example-city-2024", Some(LUNCH), "baseline.year");
    assert_names(&errors, "example-city-2024", None, "document.level");
    assert_eq!(errors.len(), 5, "every shape error is reported in one go");
    let value = errors.iter().find(|e| e.field == "value").unwrap();
    assert_eq!(
        value.message(Lang::En),
        "invalid type: string \"eighty-five\", expected a number"
    );
}

#[test]
fn rule_errors_use_the_same_rules_as_the_bundled_data() {
    let mut file = fixture();
    target_mut(&mut file, 0).insert("quote".into(), json!("到2026年,全市普惠性幼儿园占比达到85%以上。"));
    target_mut(&mut file, 1).insert("value".into(), json!(40));
    target_mut(&mut file, 2).insert("indicator".into(), json!("no-such-indicator"));
    target_mut(&mut file, 3).insert("theme".into(), json!("no-such-theme"));
    let errors = errors_of(&file);
    assert_names(&errors, "example-city-2024", Some(KINDERGARTEN), "quote");
    assert_names(
        &errors,
        "example-city-2024",
        Some("example-city-2024-primary-class-size"),
        "value",
    );
    assert_names(
        &errors,
        "example-city-2024",
        Some("example-city-2024-psychology-teachers"),
        "indicator",
    );
    assert_names(&errors, "example-city-2024", Some(LUNCH), "theme");
}

#[test]
fn ids_must_be_link_safe_and_unique() {
    let mut file = fixture();
    target_mut(&mut file, 0).insert("id".into(), json!("Example City,2024"));
    target_mut(&mut file, 2).insert("id".into(), json!(LUNCH));
    let errors = errors_of(&file);
    assert_names(&errors, "example-city-2024", Some("Example City,2024"), "id");
    assert_names(&errors, "example-city-2024", Some(LUNCH), "id");
}

#[test]
fn missing_texts_and_conflicting_indicators_are_named() {
    let mut file = fixture();
    file.as_object_mut().unwrap().remove("texts");
    assert_names(&errors_of(&file), "texts", None, "texts");

    let mut file = fixture();
    file["texts"] = json!({});
    let errors = errors_of(&file);
    assert_names(&errors, "example-city-2024", None, "texts");
    assert!(errors[0].message(Lang::En).contains("no text under this document id"));

    let mut file = fixture();
    let indicators = file["indicators"].as_array_mut().unwrap();
    let cap = indicators
        .iter_mut()
        .find(|i| i["id"] == "primary-class-size-cap")
        .unwrap();
    cap["unit"] = json!("人");
    assert_names(&errors_of(&file), "indicators", Some("primary-class-size-cap"), "id");
}

#[test]
fn a_document_id_used_by_the_bundled_data_is_refused() {
    let mut file = fixture();
    file["documents"][0]["document"]["id"] = json!("panjin-2019");
    let text = file["texts"]["example-city-2024"].clone();
    file["texts"] = json!({ "panjin-2019": text });
    let errors = errors_of(&file);
    assert_names(&errors, "panjin-2019", None, "document.id");
    assert!(
        errors[0].message(Lang::En).contains("盘锦"),
        "{}",
        errors[0].message(Lang::En)
    );
}

#[test]
fn deep_nesting_and_huge_numbers_are_errors_not_crashes() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let errors = open("deep.json", deep.as_bytes(), bundled::dataset()).unwrap_err();
    assert!(
        errors[0].message(Lang::En).contains("recursion limit"),
        "{}",
        errors[0].message(Lang::En)
    );
    let mut file = fixture();
    target_mut(&mut file, 0).insert("value".into(), json!(1e308));
    assert_names(&errors_of(&file), "example-city-2024", Some(KINDERGARTEN), "value");
    let huge = read("tests/fixtures/example-city-2024.json").replace("\"value\": 85", "\"value\": 1e400");
    let errors = open(FIXTURE, huge.as_bytes(), bundled::dataset()).unwrap_err();
    assert!(
        errors[0].message(Lang::En).contains("number out of range"),
        "{}",
        errors[0].message(Lang::En)
    );
}

#[test]
fn an_opened_file_joins_the_catalogue_and_can_be_removed() {
    let library = bundled_library();
    let fixture_text = read("tests/fixtures/example-city-2024.json");
    let opened = library.open(open, FIXTURE, fixture_text.as_bytes()).unwrap();
    let catalog = opened.catalog();
    assert_eq!(catalog.dataset.documents.len(), 6);
    assert!(catalog.is_opened("example-city-2024") && !catalog.is_opened("panjin-2019"));
    let row = catalog.row_of(LUNCH).expect("the opened target is in the catalogue");
    assert_eq!(catalog.document(catalog.rows[row]).locality.zh, "示例市");
    assert!(catalog.indicator("school-lunch-coverage").is_some());
    let hits = catalog.search_index().search("示例市");
    assert_eq!(hits.rows.len(), 4, "search finds the opened locality's targets");
    // The same file twice is refused; the library is unchanged.
    let again = opened.open(open, FIXTURE, fixture_text.as_bytes()).unwrap_err();
    assert!(again[0].message(Lang::En).contains("already open"));
    let (removed, dropped) = opened.remove(open, FIXTURE);
    assert!(dropped.is_empty());
    assert_eq!(removed.catalog().dataset.documents.len(), 5);
    assert!(removed.catalog().row_of(LUNCH).is_none());
}

#[test]
fn a_file_opened_again_replaces_its_earlier_version_in_place() {
    let library = bundled_library();
    let fixture_text = read("tests/fixtures/example-city-2024.json");
    let opened = library.open(open, FIXTURE, fixture_text.as_bytes()).unwrap();
    // Changed (the lunch target's value), opened again under the same name: replaced, not refused.
    let changed = fixture_text.replacen("at most 45 pupils", "no more than 45 pupils", 1);
    assert_ne!(changed, fixture_text, "the fixture has this summary");
    let (again, dropped) = opened.replace(open, FIXTURE, FIXTURE, changed.as_bytes()).unwrap();
    assert!(dropped.is_empty());
    assert_eq!(again.files().len(), 1);
    assert_eq!(again.saved_files()[0].text, changed);
    assert_eq!(again.catalog().dataset.documents.len(), 6);
    // Under a new name: the old one goes.
    let (renamed, _) = again
        .replace(open, FIXTURE, "renamed.json", changed.as_bytes())
        .unwrap();
    assert_eq!(
        renamed
            .saved_files()
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        ["renamed.json"]
    );
    // Nothing open under the old name: added.
    let (added, _) = library
        .replace(open, "gone.json", FIXTURE, fixture_text.as_bytes())
        .unwrap();
    assert_eq!(added.files().len(), 1);
    // A bad new version leaves the library as it was, and says why.
    let errors = opened.replace(open, FIXTURE, FIXTURE, b"{").unwrap_err();
    assert!(errors.iter().all(|e| e.file == FIXTURE));
    // A new name taken by another open file is refused.
    let taken = renamed.open(
        open,
        FIXTURE,
        fixture_text.replace("example-city-2024", "third-city-2024").as_bytes(),
    );
    let taken = taken.unwrap();
    let refused = taken
        .replace(open, "renamed.json", FIXTURE, changed.as_bytes())
        .unwrap_err();
    assert!(refused[0].message(Lang::En).contains("already open"));
}

#[test]
fn stored_files_are_revalidated_and_a_later_file_that_needed_a_removed_one_goes_too() {
    let fixture_text = read("tests/fixtures/example-city-2024.json");
    // A second file using the indicator only the fixture declares.
    let mut second = fixture();
    second["indicators"] = json!([]);
    let text = read("tests/fixtures/example-city-2024.json").replace("example-city-2024", "second-city-2024");
    let mut second_value: Value = serde_json::from_str(&text).unwrap();
    second_value["indicators"] = second["indicators"].take();
    let saved = vec![
        SavedFile {
            name: FIXTURE.into(),
            text: fixture_text,
        },
        SavedFile {
            name: "second.json".into(),
            text: serde_json::to_string(&second_value).unwrap(),
        },
        SavedFile {
            name: "damaged.json".into(),
            text: "{\"version\": ".into(),
        },
    ];
    let (library, dropped) = bundled_library().restore(open, &saved);
    assert_eq!(library.files().len(), 2);
    assert_eq!(dropped.len(), 1);
    assert_eq!(dropped[0].file, "damaged.json");
    let (after, dropped) = library.remove(open, FIXTURE);
    assert!(
        after.files().is_empty(),
        "second.json needed the removed file's indicator"
    );
    assert!(dropped.iter().any(|e| e.file == "second.json"
        && e.field == "indicator"
        && e.target.as_deref() == Some("second-city-2024-school-lunch")));
}

#[test]
fn shape_errors_are_located_in_compact_files_and_inside_lists() {
    let mut file = fixture();
    target_mut(&mut file, 0).insert("responsible".into(), json!(["教育局", 3]));
    target_mut(&mut file, 1).remove("quote");
    target_mut(&mut file, 2).insert("summary".into(), json!({ "zh": "摘要" }));
    target_mut(&mut file, 3).insert("value".into(), json!({ "amount": 1 }));
    file["documents"][0]["document"]["period"] = json!({ "start": 2024 });
    // One line, no spaces: every error position sits right next to the neighbouring field.
    let text = serde_json::to_string(&file).unwrap();
    let errors = open(FIXTURE, text.as_bytes(), bundled::dataset()).unwrap_err();
    assert_names(&errors, "example-city-2024", Some(KINDERGARTEN), "responsible[1]");
    assert_names(
        &errors,
        "example-city-2024",
        Some("example-city-2024-primary-class-size"),
        "quote",
    );
    assert_names(
        &errors,
        "example-city-2024",
        Some("example-city-2024-psychology-teachers"),
        "summary.en",
    );
    assert_names(&errors, "example-city-2024", Some(LUNCH), "value");
    assert_names(&errors, "example-city-2024", None, "document.period.end");
    assert_eq!(errors.len(), 5);
}

#[test]
fn a_syntax_error_quotes_the_offending_line() {
    let text = "{\n  \"version\": \"1\",\n  \"documents\": [\n    {\"document\": {\"id\": \"x\"},}\n  ]\n}";
    let errors = open("broken.json", text.as_bytes(), bundled::dataset()).unwrap_err();
    let message = &errors[0].message(Lang::En);
    assert!(
        message.starts_with("line 4, column 30: not valid JSON (trailing comma"),
        "{message}"
    );
    assert!(message.ends_with("«{\"document\": {\"id\": \"x\"},}»"), "{message}");
    let long = format!("{{\"version\": \"{}\" \"documents\": []}}", "长".repeat(100));
    let errors = open("long.json", long.as_bytes(), bundled::dataset()).unwrap_err();
    let message = &errors[0].message(Lang::En);
    assert!(message.contains("expected `,` or `}`"), "{message}");
    assert!(
        message.ends_with(&format!("«…{}\" \"documents\": []}}»", "长".repeat(38))),
        "{message}"
    );
}

#[test]
fn texts_fetched_after_a_file_was_opened_are_searched_like_texts_given_at_the_start() {
    let fixture_text = read("tests/fixtures/example-city-2024.json");
    let at_start = bundled_library().open(open, FIXTURE, fixture_text.as_bytes()).unwrap();
    let without_texts = Library::new(bundled::dataset().clone(), Default::default());
    let later = without_texts
        .open(open, FIXTURE, fixture_text.as_bytes())
        .unwrap()
        .with_base_texts(bundled::texts().clone());
    let (expected, got) = (at_start.catalog(), later.catalog());
    assert_eq!(got.texts, expected.texts);
    assert_eq!(got.rows, expected.rows);
    for query in ["示例市", "学位", "學位 2025", "班额", "午餐"] {
        let hits = got.search_index().search(query);
        assert_eq!(hits, expected.search_index().search(query), "{query}");
        assert_eq!(hits, got.search_index().scan(query), "{query}");
    }
    assert!(
        !got.search_index().search("学位").passages.is_empty(),
        "the fetched texts are searched"
    );
    assert!(
        !got.search_index().search("示例市").passages.is_empty(),
        "the opened file's text is searched"
    );
}

/// Chinese words only, apart from what is quoted from the file (code parts) and the unit "MB".
fn assert_chinese(error: &FileError) {
    let words = error.problem.words(Lang::Zh);
    let text = words.text_only().replace("MB", "");
    assert!(
        !text.chars().any(|c| c.is_ascii_alphabetic()),
        "English in the Chinese message of {error}: {words:?}"
    );
}

/// English words only, apart from what is quoted from the file.
fn assert_english(error: &FileError) {
    let text = error.problem.words(Lang::En).text_only();
    assert!(
        !policy_data::validation::has_han(&text),
        "Chinese in the English message of {error}"
    );
}

#[test]
fn every_kind_of_bad_file_is_worded_in_chinese_without_serdes_words() {
    let fixture_text = read("tests/fixtures/example-city-2024.json");
    let change = |edit: &dyn Fn(&mut Value)| {
        let mut file = fixture();
        edit(&mut file);
        serde_json::to_string_pretty(&file).unwrap().into_bytes()
    };
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("not UTF-8", b"{\"version\": \"\xb9\xe3\"}".to_vec()),
        ("binary", vec![0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 7]),
        ("empty", b"  \n".to_vec()),
        ("trailing comma", b"{\"version\": \"1\", \"documents\": [1,]}".to_vec()),
        (
            "end of file",
            fixture_text.as_bytes()[..fixture_text.len() / 2].to_vec(),
        ),
        ("missing colon", b"{\"version\" \"1\"}".to_vec()),
        ("missing comma", b"{\"version\": \"1\" \"documents\": []}".to_vec()),
        ("bare word", b"{\"version\": yes}".to_vec()),
        ("no value", b"{\"version\": }".to_vec()),
        ("bad escape", b"{\"version\": \"\\q\"}".to_vec()),
        ("bad number", b"{\"version\": -x}".to_vec()),
        ("control character", b"{\"version\": \"a\x01\"}".to_vec()),
        ("key without quotes", b"{version: \"1\"}".to_vec()),
        ("trailing characters", b"{} {}".to_vec()),
        ("deep", format!("{}{}", "[".repeat(300), "]".repeat(300)).into_bytes()),
        ("a list", b"[1, 2]".to_vec()),
        (
            "huge number",
            fixture_text.replace("\"value\": 85", "\"value\": 1e400").into_bytes(),
        ),
        (
            "missing and empty",
            change(&|f| {
                f.as_object_mut().unwrap().remove("texts");
                f["version"] = json!("");
            }),
        ),
        (
            "missing version",
            change(&|f| {
                f.as_object_mut().unwrap().remove("version");
                f["documents"] = json!([]);
            }),
        ),
        (
            "shapes",
            change(&|f| {
                let target = target_mut(f, 0);
                target.insert("value".into(), json!("eighty-five"));
                target.insert("kind".into(), json!("goal"));
                target.insert("target_year".into(), json!(70000));
                target.remove("quote");
                target_mut(f, 1).insert("responsible".into(), json!("教育局"));
                target_mut(f, 2).insert("baseline".into(), json!([1]));
                target_mut(f, 3).insert("garbled".into(), json!("yes"));
                f["documents"][0]["document"]["period"] = json!(null);
                f["themes"][0]["colour"] = json!(300);
                f["documents"].as_array_mut().unwrap().push(json!(3));
                f["texts"]["other"] = json!(5);
            }),
        ),
        (
            "rules",
            change(&|f| {
                let target = target_mut(f, 0);
                target.insert("quote".into(), json!("不在原文中的一句话。"));
                target.insert("indicator".into(), json!("no-such-indicator"));
                target.insert("id".into(), json!("Not An Id"));
                let target = target_mut(f, 1);
                target.insert("value".into(), json!(40));
                target.insert("unit".into(), json!("人"));
                target.insert("target_year".into(), json!(2040));
                target.insert("theme".into(), json!("no-such-theme"));
                target.insert("summary".into(), json!({ "zh": "", "en": "" }));
                f["documents"][0]["document"]["issued"] = json!("2024-13-01");
                f["documents"][0]["document"]["period"] = json!({ "start": 2030, "end": 2020 });
                f["documents"][0]["document"]["note"] = json!({ "zh": "", "en": "Only English." });
                f["texts"]["stray"] = json!("一段没有文档的原文。");
            }),
        ),
        (
            "clashes",
            read("data/published/documents/panjin-2019.json").into_bytes(),
        ),
    ];
    let mut count = 0;
    for (name, bytes) in files {
        let errors = open(name, &bytes, bundled::dataset()).expect_err(name);
        for error in &errors {
            count += 1;
            assert_chinese(error);
            assert_english(error);
            let zh = error.message(Lang::Zh);
            for word in ["expected", "invalid", "EOF", "line", "found", "missing", "unknown"] {
                assert!(!zh.contains(word), "{name}: serde's {word:?} in {zh:?}");
            }
            assert_eq!(error.to_string(), error.describe(Lang::En));
        }
    }
    assert!(count > 40, "{count} errors checked");
}

#[test]
fn a_file_in_the_earlier_form_opens_and_says_what_was_upgraded() {
    use policy_data::dataset_file::{upgrade_summary, UpgradeKind};
    use policy_data::lang::Lang;
    // The fixture was written before dataset 2026.12.0: its notes and scopes are single strings.
    let text = read("tests/fixtures/example-city-2024.json");
    let opened = open(FIXTURE, text.as_bytes(), bundled::dataset()).expect("the earlier form still opens");
    let count = |kind| opened.upgrades.iter().filter(|u| u.kind == kind).count();
    assert_eq!(count(UpgradeKind::SingleLanguageNote), 1, "{:?}", opened.upgrades);
    assert!(count(UpgradeKind::SingleLanguageScope) >= 3, "{:?}", opened.upgrades);
    let scoped = opened.documents[0]
        .targets
        .iter()
        .find_map(|t| t.scope.as_ref())
        .unwrap();
    assert_eq!(scoped.zh, scoped.en, "the single text is shown in both languages");
    let zh = upgrade_summary(&opened.upgrades, Lang::Zh).unwrap();
    assert!(zh.starts_with("此文件按旧版数据格式读取"), "{zh}");
    assert!(upgrade_summary(&opened.upgrades, Lang::En)
        .unwrap()
        .starts_with("This file was read in the earlier dataset format"));

    // A single-string note with a second error elsewhere: the error still names its field.
    let mut value = fixture();
    target_mut(&mut value, 0).insert("note".into(), json!("Read as written."));
    target_mut(&mut value, 0).insert("value".into(), json!("eighty"));
    assert_names(&errors_of(&value), "example-city-2024", Some(KINDERGARTEN), "value");

    // A file in the current form (as `dataset -- publish` writes it) upgrades nothing.
    let current = read("data/published/documents/sihui-2022.json");
    let without_sihui = {
        let mut d = bundled::dataset().clone();
        d.documents.retain(|e| e.document.id != "sihui-2022");
        d
    };
    let opened = open("sihui-2022.json", current.as_bytes(), &without_sihui).expect("the published form opens");
    assert!(opened.upgrades.is_empty(), "{:?}", opened.upgrades);
}
