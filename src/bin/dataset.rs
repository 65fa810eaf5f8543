//! Maintainer tool for the dataset.
//!
//! - `cargo run --bin dataset -- clean`   re-derives the cleaned texts from the raw scrapes;
//! - `cargo run --bin dataset -- check`   validates the TOML sources and lists every problem;
//! - `cargo run --bin dataset -- publish` validates, then writes `data/published/` (targets.json,
//!   texts.json, targets.csv), which the app bundles and the site serves as open data;
//! - `cargo run --bin dataset -- generate --scale 10 --seed 1 --out DIR` writes a valid synthetic
//!   dataset 10× larger (`DIR/targets.json`, `DIR/texts.json`) for the benchmarks (BENCHMARKS.md).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::Path;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "clean" => tool::clean(root),
        "check" => tool::check(root).map(|_| ()),
        "publish" => tool::publish(root),
        "generate" => tool::generate(root, &std::env::args().skip(2).collect::<Vec<_>>()),
        _ => Err(
            "usage: cargo run --bin dataset -- clean | check | publish | generate --scale N --seed S --out DIR"
                .to_string(),
        ),
    };
    if let Err(message) = result {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod tool {
    use std::path::Path;

    use policy_explorer::data::cleaning::{clean as clean_text, CleaningRules};
    use policy_explorer::data::{export, repository, synthetic, validation};

    pub fn clean(root: &Path) -> Result<(), String> {
        let rules_text = std::fs::read_to_string(root.join("data/sources/cleaning.toml")).map_err(|e| e.to_string())?;
        let rules: CleaningRules = toml::from_str(&rules_text).map_err(|e| e.to_string())?;
        for rule in &rules.rules {
            let raw = std::fs::read_to_string(root.join(&rule.raw)).map_err(|e| format!("{}: {e}", rule.raw))?;
            let cleaned = clean_text(&raw, rule).map_err(|e| e.to_string())?;
            let out = root.join(format!("data/sources/{}.txt", rule.id));
            std::fs::write(&out, format!("{cleaned}\n")).map_err(|e| e.to_string())?;
            println!("{}: {} characters", out.display(), cleaned.chars().count());
        }
        Ok(())
    }

    pub fn check(root: &Path) -> Result<repository::Loaded, String> {
        let loaded = repository::load(root)?;
        let problems = validation::validate(&loaded.dataset, &loaded.texts);
        for problem in &problems {
            eprintln!("{problem}");
        }
        let targets: usize = loaded.dataset.documents.iter().map(|d| d.targets.len()).sum();
        println!(
            "{} documents, {} targets, {} indicators: {} problems",
            loaded.dataset.documents.len(),
            targets,
            loaded.dataset.indicators.len(),
            problems.len()
        );
        if problems.is_empty() {
            Ok(loaded)
        } else {
            Err(format!("{} problems; nothing published", problems.len()))
        }
    }

    pub fn publish(root: &Path) -> Result<(), String> {
        let loaded = check(root)?;
        let out = root.join("data/published");
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        let files = [
            ("targets.json", export::dataset_json(&loaded.dataset)),
            (
                "texts.json",
                serde_json::to_string_pretty(&loaded.texts).map_err(|e| e.to_string())?,
            ),
            (
                "targets.csv",
                export::targets_csv(&loaded.dataset, export::all_rows(&loaded.dataset)),
            ),
        ];
        for (name, content) in files {
            std::fs::write(out.join(name), content).map_err(|e| e.to_string())?;
            println!("wrote data/published/{name}");
        }
        Ok(())
    }

    /// Writes a synthetic dataset `--scale` times larger than the sources, after validating it.
    pub fn generate(root: &Path, args: &[String]) -> Result<(), String> {
        let value = |flag: &str| {
            args.iter()
                .position(|a| a == flag)
                .and_then(|i| args.get(i + 1))
                .ok_or_else(|| format!("generate needs {flag} VALUE"))
        };
        let scale: usize = value("--scale")?.parse().map_err(|e| format!("--scale: {e}"))?;
        let seed: u64 = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?;
        let out = Path::new(value("--out")?);
        if scale == 0 {
            return Err("--scale must be at least 1".to_string());
        }
        let loaded = repository::load(root)?;
        let generated = synthetic::generate(&loaded.dataset, &loaded.texts, scale, seed);
        let problems = validation::validate(&generated.dataset, &generated.texts);
        if let Some(first) = problems.first() {
            return Err(format!(
                "the generated dataset has {} problems, e.g. {first}",
                problems.len()
            ));
        }
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        for (name, content) in synthetic::published_files(&generated) {
            std::fs::write(out.join(name), content).map_err(|e| e.to_string())?;
        }
        let targets: usize = generated.dataset.documents.iter().map(|d| d.targets.len()).sum();
        println!(
            "{}: {} documents, {} targets, valid",
            out.display(),
            generated.dataset.documents.len(),
            targets
        );
        Ok(())
    }
}
