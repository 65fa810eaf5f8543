//! Reads the dataset from the repository's source files (`data/*.toml`, `data/documents/*.toml` and the
//! cleaned texts). Native only: the app never parses TOML, it bundles the published JSON.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use policy_data::model::{Dataset, DocumentEntry, Indicator, Level, Theme};

/// The dataset plus the cleaned text of each document, keyed by document id.
pub struct Loaded {
    pub dataset: Dataset,
    pub texts: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct VersionFile {
    version: String,
}

#[derive(Deserialize)]
struct ThemesFile {
    themes: Vec<Theme>,
}

#[derive(Deserialize)]
struct IndicatorsFile {
    indicators: Vec<Indicator>,
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    toml::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Loads everything under `root/data`. Documents are ordered by file name; texts are read from each
/// document's `source` path (without the trailing newline the files end with).
pub fn load(root: &Path) -> Result<Loaded, String> {
    let data = root.join("data");
    let version: VersionFile = parse(&data.join("dataset.toml"))?;
    let themes: ThemesFile = parse(&data.join("themes.toml"))?;
    let indicators: IndicatorsFile = parse(&data.join("indicators.toml"))?;
    let mut files: Vec<_> = std::fs::read_dir(data.join("documents"))
        .map_err(|e| format!("data/documents: {e}"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    #[allow(clippy::disallowed_methods, reason = "native tool, not part of the wasm app")]
    files.sort();
    let mut documents = Vec::new();
    let mut texts = BTreeMap::new();
    for file in files {
        let entry: DocumentEntry = parse(&file)?;
        let text = read(&root.join(&entry.document.source))?;
        texts.insert(entry.document.id.clone(), text.trim_end_matches('\n').to_string());
        documents.push(entry);
    }
    // Named localities first (in file order), the unnamed city's report last.
    #[allow(clippy::disallowed_methods, reason = "native tool, not part of the wasm app")]
    documents.sort_by_key(|entry| entry.document.level == Level::Unnamed);
    let dataset = Dataset {
        version: version.version,
        themes: themes.themes,
        indicators: indicators.indicators,
        documents,
    };
    Ok(Loaded { dataset, texts })
}
