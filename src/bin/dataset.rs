//! Maintainer tool for the dataset.
//!
//! `cargo run --bin dataset -- clean` re-derives the cleaned texts from the raw scrapes.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use policy_explorer::data::cleaning::{clean, CleaningRules};
    use std::path::Path;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let command = std::env::args().nth(1).unwrap_or_default();
    match command.as_str() {
        "clean" => {
            let rules_text = std::fs::read_to_string(root.join("data/sources/cleaning.toml"))
                .expect("read data/sources/cleaning.toml");
            let rules: CleaningRules = toml::from_str(&rules_text).expect("parse cleaning.toml");
            for rule in &rules.rules {
                let raw = std::fs::read_to_string(root.join(&rule.raw)).expect("read raw scrape");
                let cleaned = clean(&raw, rule).unwrap_or_else(|e| panic!("{e}"));
                let out = root.join(format!("data/sources/{}.txt", rule.id));
                std::fs::write(&out, format!("{cleaned}\n")).expect("write cleaned text");
                println!("{}: {} chars", out.display(), cleaned.chars().count());
            }
        }
        _ => {
            eprintln!("usage: cargo run --bin dataset -- clean");
            std::process::exit(2);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
