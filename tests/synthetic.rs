//! The benchmark datasets: the seeded generator produces files that pass the same validation as
//! the real data, are `scale` times larger, and are the same for the same seed.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use policy_data::model::Dataset;
use policy_data::validation;
use policy_dataset::{repository, synthetic};

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
