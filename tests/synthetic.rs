//! The benchmark datasets: the seeded generator produces files that pass the same validation as
//! the real data, are `scale` times larger, are the same for the same seed, compress like the real
//! files (brotli, quality 11, over each whole file) and group their localities into provinces and
//! cities.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use policy_data::model::{Dataset, Level};
use policy_data::validation;
use policy_dataset::repository;
use policy_dataset::synthetic::{self, measure};

fn loaded() -> repository::Loaded {
    repository::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("dataset loads")
}

fn target_count(dataset: &Dataset) -> usize {
    dataset.documents.iter().map(|d| d.targets.len()).sum()
}

#[test]
fn a_generated_file_validates_and_is_scale_times_larger() {
    let base = loaded();
    let generated = synthetic::generate(&base.dataset, &base.texts, 4, 1);
    let dir = std::env::temp_dir().join(format!("synthetic-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, content) in synthetic::published_files(&generated) {
        std::fs::write(dir.join(name), content).unwrap();
    }
    // Read back exactly what was written, as the app or a visitor would.
    let dataset: Dataset = serde_json::from_str(&std::fs::read_to_string(dir.join("targets.json")).unwrap()).unwrap();
    let texts: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("texts.json")).unwrap()).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    let problems = validation::validate(&dataset, &texts);
    let listing: Vec<String> = problems.iter().take(20).map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        listing.join("\n")
    );
    assert_eq!(dataset.documents.len(), 4 * base.dataset.documents.len());
    assert_eq!(target_count(&dataset), 4 * target_count(&base.dataset));
    assert_eq!(texts.len(), dataset.documents.len());
    let localities: HashSet<&str> = dataset
        .documents
        .iter()
        .map(|d| d.document.locality.zh.as_str())
        .collect();
    assert_eq!(
        localities.len(),
        dataset.documents.len(),
        "every locality has its own name"
    );
    // The real documents come first, unchanged.
    assert_eq!(
        dataset.documents[..base.dataset.documents.len()],
        base.dataset.documents[..]
    );
}

#[test]
fn synthetic_localities_carry_their_own_name_in_text_and_quotes() {
    let base = loaded();
    let generated = synthetic::generate(&base.dataset, &base.texts, 2, 7);
    let n = base.dataset.documents.len();
    let panjin = base
        .dataset
        .documents
        .iter()
        .position(|d| d.document.id == "panjin-2019")
        .unwrap();
    // Copies follow the real documents, in the same order.
    let copy = &generated.dataset.documents[n + panjin];
    assert_ne!(copy.document.id, "panjin-2019");
    let name = &copy.document.locality.zh;
    let text = &generated.texts[&copy.document.id];
    assert!(text.contains(name.as_str()), "the text names {name}");
    assert!(!text.contains("盘锦"), "the real name is replaced");
    assert!(copy.targets.iter().any(|t| t.quote.contains(name.as_str())));
    assert!(copy.targets.iter().all(|t| t.id.starts_with(&copy.document.id)));
}

#[test]
fn the_same_seed_gives_the_same_dataset_and_another_seed_another() {
    let base = loaded();
    let a = synthetic::generate(&base.dataset, &base.texts, 3, 1);
    let b = synthetic::generate(&base.dataset, &base.texts, 3, 1);
    let c = synthetic::generate(&base.dataset, &base.texts, 3, 2);
    assert_eq!(a.dataset, b.dataset);
    assert_eq!(a.texts, b.texts);
    assert_ne!(a.dataset.documents, c.dataset.documents);
    let one = synthetic::generate(&base.dataset, &base.texts, 1, 1);
    assert_eq!(
        one.dataset.documents, base.dataset.documents,
        "scale 1 is the real dataset"
    );
}

fn validate(generated: &synthetic::Generated) {
    let problems = validation::validate(&generated.dataset, &generated.texts);
    let listing: Vec<String> = problems.iter().take(20).map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        listing.join("\n")
    );
    assert_eq!(generated.copied, 0, "every synthetic document is drawn anew");
}

/// Raw and brotli sizes of the published files of `generated`.
fn sizes(generated: &synthetic::Generated) -> measure::Sizes {
    let files = synthetic::published_files(generated);
    measure::files_sizes(
        files.iter().map(|(_, content)| content.as_bytes()).collect(),
        generated.dataset.documents.len(),
    )
    .expect("brotli compresses")
}

#[test]
fn ten_times_larger_compresses_like_the_real_data() {
    let base = loaded();
    let generated = synthetic::generate(&base.dataset, &base.texts, 10, 1);
    validate(&generated);
    let real = sizes(&synthetic::generate(&base.dataset, &base.texts, 1, 1));
    let synthetic = sizes(&generated);
    for (label, s) in [("real", &real), ("synthetic 10×", &synthetic)] {
        println!(
            "{label}: {} documents, {} bytes → brotli {} bytes = {:.2}:1; per document {:.0} → {:.0} bytes",
            s.documents,
            s.raw,
            s.brotli,
            s.ratio(),
            s.raw_per_document(),
            s.brotli_per_document()
        );
    }
    // Copies of the real files compress about 30 times better (the window finds every copy).
    let ratio = synthetic.ratio() / real.ratio();
    assert!(
        (0.75..=1.25).contains(&ratio),
        "the synthetic files compress {ratio:.2} times as well as the real ones"
    );
    let per_document = synthetic.brotli_per_document() / real.brotli_per_document();
    assert!(
        (0.75..=1.25).contains(&per_document),
        "a synthetic document compresses to {per_document:.2} times a real one's size"
    );
}

#[test]
fn written_files_are_the_published_files() {
    let base = loaded();
    let generated = synthetic::generate(&base.dataset, &base.texts, 2, 3);
    let dir = std::env::temp_dir().join(format!("synthetic-write-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    synthetic::write_published(&generated, &dir).unwrap();
    for (name, content) in synthetic::published_files(&generated) {
        assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), content, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn localities_are_grouped_into_provinces_and_cities() {
    let base = loaded();
    let generated = synthetic::generate(&base.dataset, &base.texts, 10, 2);
    validate(&generated);
    let synthetic = &generated.dataset.documents[base.dataset.documents.len()..];
    // The province of each city, and the documents of each city (its own and its counties').
    let mut province_of: HashMap<String, String> = HashMap::new();
    let mut documents_of: HashMap<String, usize> = HashMap::new();
    for entry in synthetic {
        let doc = &entry.document;
        assert!(!doc.province.zh.is_empty() && doc.province.zh != "未知", "{}", doc.id);
        assert!(!doc.province.en.is_empty(), "{}", doc.id);
        let city = match doc.level {
            Level::PrefectureLevelCity => doc.locality.zh.clone(),
            Level::District | Level::CountyLevelCity => {
                // The model has no field for a county's city: the note names it first.
                let note = doc.note.as_ref().expect("a county's note names its city");
                assert!(note.zh.starts_with(&doc.locality.zh), "{}: {}", doc.id, note.zh);
                assert!(note.en.starts_with(&doc.locality.en), "{}: {}", doc.id, note.en);
                let (_, rest) = note
                    .zh
                    .split_once(&format!("{}省", doc.province.zh))
                    .expect("the province");
                let (city, _) = rest.split_once('市').expect("the city");
                assert!(
                    generated.texts[&doc.id].contains(city) || doc.title.contains(city),
                    "{}: the text names the city {city}",
                    doc.id
                );
                city.to_string()
            }
            Level::Unnamed => panic!("{}: every synthetic locality is named", doc.id),
        };
        let province = province_of
            .entry(city.clone())
            .or_insert_with(|| doc.province.zh.clone());
        assert_eq!(*province, doc.province.zh, "{}: a city is in one province", doc.id);
        *documents_of.entry(city).or_default() += 1;
    }
    assert!(
        documents_of.values().any(|n| *n >= 2),
        "some city has several documents: {documents_of:?}"
    );
    let mut cities_of: HashMap<&str, usize> = HashMap::new();
    for province in province_of.values() {
        *cities_of.entry(province).or_default() += 1;
    }
    assert!(
        cities_of.values().any(|n| *n >= 2),
        "some province has several cities: {cities_of:?}"
    );
}
