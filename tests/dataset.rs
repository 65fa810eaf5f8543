//! The dataset's acceptance tests: the TOML sources validate, the cleaned texts and the published
//! files are exactly what the tools derive from the sources, and nothing from page chrome or spam
//! reaches anything shipped.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_methods, reason = "tests may sort freely (clippy.toml)")]

use std::path::Path;

use policy_data::dataset_file::DatasetFile;
use policy_data::{bundled, export, validation};
use policy_dataset::cleaning::{clean, CleaningRules};
use policy_dataset::repository;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Words that only occur in the scrapes' page chrome and spam lines.
const FORBIDDEN: [&str; 15] = [
    "彩票",
    "股票",
    "幸运飞艇",
    "十一选五",
    "11选5",
    "炒股",
    "啪啪",
    "当前位置",
    "當前位置",
    "浏览次数",
    "掃一掃",
    "网站标识码",
    "網站標識碼",
    "链接地址",
    "easysite",
];

#[test]
fn the_sources_validate_without_a_single_problem() {
    let loaded = repository::load(root()).expect("dataset loads");
    let problems = validation::validate(&loaded.dataset, &loaded.texts);
    let listing: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        listing.join("\n")
    );
    assert_eq!(loaded.dataset.documents.len(), 5);
    for entry in &loaded.dataset.documents {
        assert!(!entry.targets.is_empty(), "{} has no targets", entry.document.id);
    }
}

#[test]
fn cleaned_texts_are_what_the_rules_derive_from_the_raw_scrapes() {
    let rules: CleaningRules = toml::from_str(&read("data/sources/cleaning.toml")).unwrap();
    assert_eq!(rules.rules.len(), 5);
    for rule in &rules.rules {
        let derived = clean(&read(&rule.raw), rule).unwrap();
        let committed = read(&format!("data/sources/{}.txt", rule.id));
        assert!(
            committed == format!("{derived}\n"),
            "data/sources/{}.txt is stale: run `cargo run --bin dataset -- clean`",
            rule.id
        );
    }
}

#[test]
fn each_cleaned_text_starts_and_ends_where_the_body_does() {
    let expected = [
        (
            "dongguan-2019",
            "各鎮人民政府(街道辦事處),市府直屬各單位:",
            "發揮市教育基金會作用,推動教育改革發展。",
        ),
        (
            "panjin-2019",
            "各县、区人民政府,辽东湾新区管委会,市政府各部门、各直属机构:",
            "形成全社会共同关心、支持和参与教育发展改革的良好局面。",
        ),
        (
            "qingbaijiang-2018",
            "各乡镇人民政府、街道办事处,区政府各部门,有关单位:",
            "本实施意见自印发之日起施行,有效期5年。",
        ),
        (
            "sihui-2022",
            "各镇人民政府、街道办事处,市府直属各单位:",
            "及时向社会公布规划实施进展状况。",
        ),
        (
            "midterm-review",
            "教育事业发展五年规划中期评估报告",
            "营造尊师重教、推动教育事业发展的良好氛围。",
        ),
    ];
    for (id, first, last) in expected {
        let text = read(&format!("data/sources/{id}.txt"));
        assert_eq!(text.lines().next(), Some(first), "{id} first line");
        assert!(text.trim_end().ends_with(last), "{id} must end with {last}");
    }
}

#[test]
fn the_mid_term_report_has_no_page_markers_left() {
    let text = read("data/sources/midterm-review.txt");
    for line in text.lines() {
        let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
        assert!(
            !(digits > 0 && line[digits..].starts_with('、')),
            "page marker left in: {line}"
        );
    }
    assert!(!text.contains("立\n"), "sentences cut by page breaks must be rejoined");
}

#[test]
fn no_spam_or_page_chrome_reaches_anything_shipped() {
    let mut shipped: Vec<(String, String)> = [
        "dongguan-2019",
        "panjin-2019",
        "qingbaijiang-2018",
        "sihui-2022",
        "midterm-review",
    ]
    .iter()
    .map(|id| {
        (
            format!("data/sources/{id}.txt"),
            read(&format!("data/sources/{id}.txt")),
        )
    })
    .collect();
    for file in ["targets.json", "texts.json", "targets.csv"] {
        shipped.push((file.to_string(), read(&format!("data/published/{file}"))));
    }
    for (name, content) in shipped {
        for word in FORBIDDEN {
            assert!(!content.contains(word), "{name} contains '{word}'");
        }
    }
}

#[test]
fn published_files_are_fresh() {
    let loaded = repository::load(root()).unwrap();
    let stale = "data/published is stale: run `cargo run --bin dataset -- publish`";
    assert!(
        read("data/published/targets.json") == export::dataset_json(&loaded.dataset),
        "{stale}"
    );
    assert!(
        read("data/published/texts.json") == serde_json::to_string_pretty(&loaded.texts).unwrap(),
        "{stale}"
    );
    assert!(
        read("data/published/index.json")
            == policy_data::summary::index_json(&policy_analysis::summary::home_index_of(&loaded.dataset)),
        "{stale}"
    );
    assert!(
        read("data/published/document-list.json")
            == policy_data::summary::index_json(&policy_analysis::summary::index_of(&loaded.dataset)),
        "{stale}"
    );
    let csv = read("data/published/targets.csv");
    assert!(
        csv.starts_with(export::BOM),
        "the CSV must start with a BOM for Excel and WPS"
    );
    assert!(
        csv == export::targets_csv(&loaded.dataset, export::all_rows(&loaded.dataset)),
        "{stale}"
    );
}

#[test]
fn the_split_by_document_is_fresh_and_complete() {
    let loaded = repository::load(root()).unwrap();
    let stale = "data/published/targets/ is stale: run `cargo run --bin dataset -- publish`";
    let split =
        policy_data::by_document::published_files(&loaded.dataset, &read("data/published/targets.json")).unwrap();
    for (name, content) in &split {
        assert!(read(&format!("data/published/{name}")) == *content, "{name}: {stale}");
    }
    let texts = policy_data::by_document::text_files(&loaded.texts, &read("data/published/texts.json")).unwrap();
    for (name, content) in &texts {
        assert!(read(&format!("data/published/{name}")) == *content, "{name}: {stale}");
    }
    for (folder, files) in [("targets/", &split), ("texts/", &texts)] {
        let mut expected: Vec<String> = files
            .iter()
            .filter_map(|(name, _)| name.strip_prefix(folder))
            .map(str::to_string)
            .collect();
        expected.sort();
        assert_eq!(published_names(folder), expected, "{folder}: {stale}");
    }
}

#[test]
fn per_document_files_are_fresh_and_complete() {
    let loaded = repository::load(root()).unwrap();
    let stale = "data/published/documents is stale: run `cargo run --bin dataset -- publish`";
    let mut expected: Vec<String> = Vec::new();
    for entry in &loaded.dataset.documents {
        let name = format!("{}.json", entry.document.id);
        let file = DatasetFile::for_document(&loaded.dataset, &loaded.texts, entry);
        assert!(
            read(&format!("data/published/documents/{name}")) == file.to_json(),
            "{stale}"
        );
        expected.push(name);
    }
    expected.sort();
    assert_eq!(
        published_names("documents"),
        expected,
        "one file per document, no leftovers"
    );
}

/// The names of the files in `data/published/<folder>`, sorted.
fn published_names(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("data/published").join(folder))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_bundled_copy_is_the_repository_dataset() {
    let loaded = repository::load(root()).unwrap();
    assert_eq!(bundled::dataset(), &loaded.dataset);
    assert_eq!(bundled::texts(), &loaded.texts);
}

#[test]
fn dongguan_quotes_stay_traditional() {
    let dataset = bundled::dataset();
    let dongguan = dataset
        .documents
        .iter()
        .find(|d| d.document.id == "dongguan-2019")
        .unwrap();
    assert!(dongguan.targets.iter().any(|t| t.quote.contains("幼兒園")));
    assert!(dongguan.targets.iter().all(|t| !t.quote.contains("幼儿园")));
}

/// True when `text` holds three or more English words in a row (an untranslated sentence);
/// numbers, units and ids between Chinese words are fine.
fn has_english_phrase(text: &str) -> bool {
    let mut run = 0;
    for token in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':')) {
        if token.len() >= 2 && token.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\'') {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else if !token.is_empty() {
            run = 0;
        }
    }
    false
}

#[test]
fn notes_and_scopes_are_written_in_both_languages() {
    let dataset = bundled::dataset();
    let mut notes = 0;
    let mut scopes = 0;
    let mut problems = Vec::new();
    for entry in &dataset.documents {
        let texts = entry
            .document
            .note
            .iter()
            .map(|n| (entry.document.id.clone(), "note", n))
            .chain(entry.targets.iter().flat_map(|t| {
                let note = t.note.iter().map(|n| (t.id.clone(), "note", n));
                let scope = t.scope.iter().map(|s| (t.id.clone(), "scope", s));
                note.chain(scope)
            }));
        for (id, field, text) in texts {
            match field {
                "note" => notes += 1,
                _ => scopes += 1,
            }
            if !validation::has_han(&text.zh) {
                problems.push(format!("{id} {field}.zh has no Chinese: {}", text.zh));
            }
            if has_english_phrase(&text.zh) {
                problems.push(format!("{id} {field}.zh has an English phrase: {}", text.zh));
            }
            if text.en.trim().is_empty() {
                problems.push(format!("{id} {field}.en is empty"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(notes >= 144 && scopes >= 190, "{notes} notes, {scopes} scopes");
}

#[test]
fn shared_indicators_link_the_documents_the_issue_names() {
    let dataset = bundled::dataset();
    let docs_with = |indicator: &str| -> Vec<&str> {
        dataset
            .documents
            .iter()
            .filter(|e| e.targets.iter().any(|t| t.indicator == indicator))
            .map(|e| e.document.id.as_str())
            .collect()
    };
    assert_eq!(
        docs_with("inclusive-kindergarten-share"),
        ["dongguan-2019", "panjin-2019", "sihui-2022"]
    );
    assert_eq!(
        docs_with("primary-class-size-cap"),
        ["panjin-2019", "qingbaijiang-2018"]
    );
    assert_eq!(
        docs_with("disabled-children-enrolment"),
        ["panjin-2019", "qingbaijiang-2018", "sihui-2022"]
    );
    assert_eq!(
        docs_with("senior-post-ratio-primary"),
        ["dongguan-2019", "qingbaijiang-2018"]
    );
    // Sihui's and the mid-term review's "every school of more than 1,000 pupils has a psychology
    // teacher" were stored as a ratio of 1000 pupils until 2026.12.0; the school size is their
    // scope, the requirement one teacher per school.
    assert_eq!(
        docs_with("psychology-teachers-per-school"),
        ["sihui-2022", "midterm-review"]
    );
    assert_eq!(docs_with("psychology-teacher-staffing"), ["qingbaijiang-2018"]);
}

#[test]
fn validation_catches_a_broken_file() {
    let loaded = repository::load(root()).unwrap();
    let mut dataset = loaded.dataset.clone();
    let target = &mut dataset.documents[0].targets[0];
    target.quote.push_str("并非原文");
    target.indicator = "no-such-indicator".into();
    let problems = validation::validate(&dataset, &loaded.texts);
    let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
    assert!(
        fields.contains(&"quote") && fields.contains(&"indicator"),
        "{problems:?}"
    );
}

#[test]
fn validation_checks_theme_colour_slots() {
    let loaded = repository::load(root()).unwrap();
    let colour_problems = |dataset: &policy_data::model::Dataset| -> Vec<String> {
        validation::validate(dataset, &loaded.texts)
            .into_iter()
            .filter(|p| p.field == "colour")
            .map(|p| format!("{}: {}", p.item.unwrap_or_default(), p.rule))
            .collect()
    };
    let mut dataset = loaded.dataset.clone();
    assert!(colour_problems(&dataset).is_empty());
    // Out of the palette.
    dataset.themes[0].colour = Some(16);
    assert_eq!(
        colour_problems(&dataset),
        vec!["preschool: colour 16 is not a palette slot (0 to 15)"]
    );
    // Shared while a slot (0, now unused) is free.
    dataset.themes[0].colour = Some(1);
    assert_eq!(
        colour_problems(&dataset),
        vec!["compulsory: colour 1 is already used by theme 'preschool' while slot 0 is free"]
    );
    // Every slot in use: a seventeenth theme may share one, or have none.
    dataset.themes[0].colour = Some(0);
    let mut extra = dataset.themes[1].clone();
    extra.id = "extra".into();
    dataset.themes.push(extra.clone());
    assert!(colour_problems(&dataset).is_empty());
    extra.colour = None;
    *dataset.themes.last_mut().unwrap() = extra;
    assert!(colour_problems(&dataset).is_empty());
}
