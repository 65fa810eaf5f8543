//! A dataset file a visitor or maintainer opens in the browser: one self-contained JSON file in the
//! published form (`targets.json`'s structure plus a `texts` map with each document's cleaned text,
//! see docs/dataset-schema.md), read, checked and turned into documents the site can add.
//!
//! [`open`] never panics on any input. It checks the syntax with serde_json (a syntax error names
//! the line and column and quotes the line), reads every theme, indicator, document and target on
//! its own with the same serde_json reader and types as `targets.json` (the file's outline,
//! [`json_outline`](super::json_outline), says where each item is and which field an error's
//! position falls in) so that one run reports every shape error with the field's path, then applies
//! the same rules as the bundled data
//! ([`validation::validate`](super::validation::validate)) against the site's catalogue plus what the
//! file declares, and finally refuses ids that clash with what is already loaded. Every error names
//! the file, the document, the target and the field.

use std::collections::{BTreeMap, HashSet};

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};

use super::json_outline::{Kind, Outline, Span};
use super::model::{Dataset, Document, DocumentEntry, Indicator, Target, Theme};
use super::validation;

/// Largest file the loader reads (bytes). Generous: a hundred times the bundled data fits.
pub const MAX_FILE_BYTES: usize = 128 * 1024 * 1024;

/// The self-contained file form, as the publishing tool writes it (`data/published/documents/<id>.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatasetFile {
    /// Version of the dataset the file was published from.
    pub version: String,
    /// Themes the file's targets use.
    pub themes: Vec<Theme>,
    /// Indicators the file's targets use.
    pub indicators: Vec<Indicator>,
    pub documents: Vec<DocumentEntry>,
    /// Cleaned text of every document, keyed by document id: the text the quotes are checked against.
    pub texts: BTreeMap<String, String>,
}

impl DatasetFile {
    /// The file for one document of `dataset`, carrying only the themes and indicators it uses.
    pub fn for_document(dataset: &Dataset, texts: &BTreeMap<String, String>, entry: &DocumentEntry) -> Self {
        let used_indicators: HashSet<&str> = entry.targets.iter().map(|t| t.indicator.as_str()).collect();
        let indicators: Vec<Indicator> = dataset
            .indicators
            .iter()
            .filter(|i| used_indicators.contains(i.id.as_str()))
            .cloned()
            .collect();
        let used_themes: HashSet<&str> = entry
            .targets
            .iter()
            .map(|t| t.theme.as_str())
            .chain(indicators.iter().map(|i| i.theme.as_str()))
            .collect();
        let themes = dataset
            .themes
            .iter()
            .filter(|t| used_themes.contains(t.id.as_str()))
            .cloned()
            .collect();
        let id = &entry.document.id;
        DatasetFile {
            version: dataset.version.clone(),
            themes,
            indicators,
            documents: vec![entry.clone()],
            texts: texts.get(id).map(|t| (id.clone(), t.clone())).into_iter().collect(),
        }
    }

    /// Pretty-printed JSON, as published.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// One thing wrong with an opened file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The file's name as the visitor's system gave it.
    pub file: String,
    /// Document id, or the part of the file ("themes", "indicators", "texts", "dataset") the problem sits in.
    pub document: Option<String>,
    /// Target id (or theme / indicator id) the problem belongs to.
    pub target: Option<String>,
    /// The field, as a path inside the item (`value`, `baseline.year`, `document.period`); empty
    /// when the problem concerns the whole file.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        for part in [&self.document, &self.target].into_iter().flatten() {
            write!(f, " › {part}")?;
        }
        if !self.field.is_empty() {
            write!(f, " › {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What a valid file adds to the site.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedDataset {
    pub file: String,
    /// The dataset version the file declares.
    pub version: String,
    /// Themes the site did not have.
    pub themes: Vec<Theme>,
    /// Indicators the site did not have.
    pub indicators: Vec<Indicator>,
    pub documents: Vec<DocumentEntry>,
    pub texts: BTreeMap<String, String>,
}

impl OpenedDataset {
    /// Appends this file's documents, texts, themes and indicators to `dataset` and `texts`.
    pub fn add_to(&self, dataset: &mut Dataset, texts: &mut BTreeMap<String, String>) {
        dataset.themes.extend(self.themes.iter().cloned());
        dataset.indicators.extend(self.indicators.iter().cloned());
        dataset.documents.extend(self.documents.iter().cloned());
        texts.extend(self.texts.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
}

/// Reads `bytes`, the content of the file named `file`, and checks it against `loaded`, the data the
/// site already shows (bundled plus files opened before). Returns what the file adds, or every error.
pub fn open(file: &str, bytes: &[u8], loaded: &Dataset) -> Result<OpenedDataset, Vec<FileError>> {
    let mut errors = Errors {
        file: file.to_string(),
        list: Vec::new(),
    };
    let parsed = parse(&mut errors, bytes);
    match parsed {
        Some(parsed) if errors.list.is_empty() => check(&mut errors, parsed, loaded),
        _ => Err(errors.list),
    }
}

struct Errors {
    file: String,
    list: Vec<FileError>,
}

impl Errors {
    fn push(&mut self, document: Option<&str>, target: Option<&str>, field: &str, message: impl Into<String>) {
        self.list.push(FileError {
            file: self.file.clone(),
            document: document.map(str::to_string),
            target: target.map(str::to_string),
            field: field.to_string(),
            message: message.into(),
        });
    }

    fn whole_file(&mut self, message: impl Into<String>) {
        self.push(None, None, "", message);
    }
}

/// The file's parts after reading, before the rules are applied.
struct Parsed {
    version: String,
    themes: Vec<Theme>,
    indicators: Vec<Indicator>,
    documents: Vec<DocumentEntry>,
    texts: BTreeMap<String, String>,
}

/// Deepest nesting of lists and objects a file may have (serde_json's own recursion limit).
const MAX_DEPTH: usize = 128;

fn parse(errors: &mut Errors, bytes: &[u8]) -> Option<Parsed> {
    if bytes.len() > MAX_FILE_BYTES {
        errors.whole_file(format!(
            "the file is {} MB; files up to {} MB can be opened",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
        return None;
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_column(&bytes[..e.valid_up_to()]);
            errors.whole_file(format!(
                "line {line}, column {column}: the file is not UTF-8 text (save it as UTF-8 JSON)"
            ));
            return None;
        }
    };
    if text.trim().is_empty() {
        errors.whole_file("the file is empty");
        return None;
    }
    let outline = Outline::new(text);
    // The syntax, checked by skipping the whole text with the app's one serde_json reader.
    if let Err(e) = serde_json::from_slice::<IgnoredAny>(text.as_bytes()) {
        let message = e.to_string();
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        let offset = outline.offset_of(e.line(), e.column().saturating_sub(1));
        let message = match trailing_comma(text, offset) {
            true => "trailing comma: the last item of a list or object is followed by a comma",
            false => message,
        };
        errors.whole_file(format!(
            "line {}, column {}: not valid JSON ({message}){}",
            e.line(),
            e.column(),
            excerpt(text, offset)
        ));
        return None;
    }
    if let Some(offset) = outline.too_deep(MAX_DEPTH) {
        let (line, column) = line_column(&text.as_bytes()[..offset]);
        errors.whole_file(format!(
            "line {line}, column {column}: not valid JSON here (recursion limit exceeded: lists and objects nest more than {MAX_DEPTH} deep)"
        ));
        return None;
    }
    let root = outline.root();
    if outline.kind(root) != Kind::Object {
        errors.whole_file(format!(
            "the file must hold one JSON object with \"documents\" and \"texts\", not {}",
            outline.kind(root).described()
        ));
        return None;
    }
    let file = File {
        outline,
        members: outline.members(root),
    };
    let version = match file.get("version") {
        Some(span) => match outline.string(span) {
            Some(v) if !v.trim().is_empty() => v,
            read => {
                let found = match read {
                    Some(_) => "an empty string",
                    None => outline.kind(span).described(),
                };
                errors.push(
                    Some("dataset"),
                    None,
                    "version",
                    format!("expected a non-empty string, found {found}"),
                );
                String::new()
            }
        },
        None => {
            errors.push(
                Some("dataset"),
                None,
                "version",
                "missing field: the dataset version the file was published from",
            );
            String::new()
        }
    };
    let themes = items::<Theme>(errors, &file, "themes", false);
    let indicators = items::<Indicator>(errors, &file, "indicators", false);
    let documents = documents(errors, &file);
    let texts = texts(errors, &file);
    Some(Parsed {
        version,
        themes,
        indicators,
        documents,
        texts,
    })
}

/// The checked text's outline and its top-level members, looked up by key.
struct File<'a> {
    outline: Outline<'a>,
    members: Vec<(String, Span)>,
}

impl File<'_> {
    /// The value of a top-level key (the last one if it repeats).
    fn get(&self, key: &str) -> Option<Span> {
        self.members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

/// Whether the syntax error at `offset` is a comma right before a closing bracket.
fn trailing_comma(text: &str, offset: usize) -> bool {
    let bytes = text.as_bytes();
    let (before, after) = bytes.split_at(offset.min(bytes.len()));
    before.trim_ascii_end().ends_with(b",") && matches!(after.first(), Some(b'}' | b']'))
}

/// The line holding byte `offset`, shortened around it, to show where a syntax error is:
/// `: «…text…»` (empty when the line is blank).
fn excerpt(text: &str, offset: usize) -> String {
    const WIDTH: usize = 40;
    let offset = (0..=offset.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let before: Vec<char> = text[start..offset].chars().collect();
    let after: Vec<char> = text[offset..end].chars().collect();
    let head = before.len().saturating_sub(WIDTH);
    let mut line: String = before[head..].iter().collect();
    line.push_str(&after[..after.len().min(WIDTH)].iter().collect::<String>());
    let line = line.trim();
    if line.is_empty() {
        return String::new();
    }
    let (open, close) = (
        if head > 0 { "…" } else { "" },
        if after.len() > WIDTH { "…" } else { "" },
    );
    format!(": «{open}{line}{close}»")
}

/// A catalogue list (`themes`, `indicators`): each entry read on its own.
fn items<T: DeserializeOwned>(errors: &mut Errors, file: &File, key: &str, required: bool) -> Vec<T> {
    let Some(list) = list(errors, file, key, required) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, span) in list.into_iter().enumerate() {
        let name = id_of(&file.outline, span).unwrap_or_else(|| format!("{key}[{i}]"));
        match read::<T>(&file.outline, span) {
            Ok(item) => out.push(item),
            Err((field, message)) => errors.push(Some(key), Some(&*name), &field, message),
        }
    }
    out
}

fn documents(errors: &mut Errors, file: &File) -> Vec<DocumentEntry> {
    let outline = &file.outline;
    let Some(list) = list(errors, file, "documents", true) else {
        return Vec::new();
    };
    if list.is_empty() {
        errors.push(None, None, "documents", "the file holds no document");
    }
    let mut out = Vec::new();
    for (i, span) in list.into_iter().enumerate() {
        if outline.kind(span) != Kind::Object {
            errors.push(
                Some(&*format!("documents[{i}]")),
                None,
                "",
                format!(
                    "expected an object with \"document\" and \"targets\", found {}",
                    outline.kind(span).described()
                ),
            );
            continue;
        }
        let doc_value = outline.get(span, "document");
        let doc_name = doc_value
            .and_then(|v| id_of(outline, v))
            .unwrap_or_else(|| format!("documents[{i}]"));
        let document = match doc_value {
            None => {
                errors.push(Some(&*doc_name), None, "document", "missing field");
                None
            }
            Some(value) => match read::<Document>(outline, value) {
                Ok(document) => Some(document),
                Err((field, message)) => {
                    let field = if field.is_empty() {
                        "document".to_string()
                    } else {
                        format!("document.{field}")
                    };
                    errors.push(Some(&*doc_name), None, &field, message);
                    None
                }
            },
        };
        let mut targets = Vec::new();
        match outline.get(span, "targets") {
            None => {}
            Some(list) if outline.kind(list) == Kind::List => {
                for (j, value) in outline.elements(list).into_iter().enumerate() {
                    let name = id_of(outline, value).unwrap_or_else(|| format!("targets[{j}]"));
                    match read::<Target>(outline, value) {
                        Ok(target) => targets.push(target),
                        Err((field, message)) => errors.push(Some(&*doc_name), Some(&*name), &field, message),
                    }
                }
            }
            Some(other) => errors.push(
                Some(&*doc_name),
                None,
                "targets",
                format!("expected a list, found {}", outline.kind(other).described()),
            ),
        }
        if let Some(document) = document {
            out.push(DocumentEntry { document, targets });
        }
    }
    out
}

fn texts(errors: &mut Errors, file: &File) -> BTreeMap<String, String> {
    let outline = &file.outline;
    let mut out = BTreeMap::new();
    match file.get("texts") {
        None => errors.push(
            Some("texts"),
            None,
            "texts",
            "missing: the file needs each document's cleaned text under \"texts\", so that the quotes can be checked",
        ),
        Some(map) if outline.kind(map) == Kind::Object => {
            for (id, value) in outline.members(map) {
                match outline.string(value) {
                    Some(text) => {
                        out.insert(id, text);
                    }
                    None => errors.push(
                        Some(id.as_str()),
                        None,
                        "texts",
                        format!(
                            "expected the cleaned text as a string, found {}",
                            outline.kind(value).described()
                        ),
                    ),
                }
            }
        }
        Some(other) => errors.push(
            Some("texts"),
            None,
            "texts",
            format!(
                "expected an object of document id → text, found {}",
                outline.kind(other).described()
            ),
        ),
    }
    out
}

fn list(errors: &mut Errors, file: &File, key: &str, required: bool) -> Option<Vec<Span>> {
    match file.get(key) {
        None if required => {
            errors.push(None, None, key, "missing field");
            None
        }
        None => None,
        Some(span) if file.outline.kind(span) == Kind::List => Some(file.outline.elements(span)),
        Some(other) => {
            errors.push(
                None,
                None,
                key,
                format!("expected a list, found {}", file.outline.kind(other).described()),
            );
            None
        }
    }
}

/// Reads one item with serde_json (the same reader and types as `targets.json`); on failure returns
/// the path of the offending field inside the item, found from the error's position, and the reason.
fn read<T: DeserializeOwned>(outline: &Outline, span: Span) -> Result<T, (String, String)> {
    let item = outline.slice(span);
    serde_json::from_slice::<T>(item.as_bytes()).map_err(|e| {
        let at = span.start + Outline::new(item).offset_of(e.line(), e.column());
        let mut field = outline.path_to(span, at);
        let message = e.to_string();
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        // serde reports a missing field at its parent; name the field itself.
        if let Some(name) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name)
        {
            field = if field.is_empty() {
                name.to_string()
            } else {
                format!("{field}.{name}")
            };
            return (field, "missing field".to_string());
        }
        (field, plain_types(message))
    })
}

/// serde's type names in words a data maintainer knows.
fn plain_types(message: &str) -> String {
    [
        ("expected f64", "expected a number"),
        ("expected u16", "expected a whole number from 0 to 65535"),
        ("expected a boolean", "expected true or false"),
        ("expected a sequence", "expected a list"),
        ("expected a string", "expected text in quotes"),
    ]
    .iter()
    .fold(message.to_string(), |m, (from, to)| m.replace(from, to))
    .replace("expected struct ", "expected an object ")
}

fn id_of(outline: &Outline, span: Span) -> Option<String> {
    match outline.get(span, "id").and_then(|id| outline.string(id)) {
        Some(id) if !id.trim().is_empty() => Some(id.chars().take(120).collect()),
        _ => None,
    }
}

/// One-based line and column (in characters) just after `prefix`.
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Applies the dataset rules and the clash checks to a file that read without a shape error.
fn check(errors: &mut Errors, parsed: Parsed, loaded: &Dataset) -> Result<OpenedDataset, Vec<FileError>> {
    let mut new_themes = Vec::new();
    for theme in parsed.themes {
        if !loaded.themes.iter().any(|t| t.id == theme.id) {
            new_themes.push(theme);
        }
    }
    let mut new_indicators = Vec::new();
    for indicator in parsed.indicators {
        match loaded.indicators.iter().find(|i| i.id == indicator.id) {
            None => new_indicators.push(indicator),
            Some(site)
                if site.unit != indicator.unit || site.theme != indicator.theme || site.better != indicator.better =>
            {
                errors.push(
                    Some("indicators"),
                    Some(&*indicator.id),
                    "id",
                    format!(
                        "the site already has an indicator '{}' with another unit, theme or direction (unit '{}', theme '{}'); use the site's definition or another id",
                        site.id, site.unit, site.theme
                    ),
                );
            }
            Some(_) => {}
        }
    }
    let checked = Dataset {
        version: parsed.version,
        themes: loaded
            .themes
            .iter()
            .cloned()
            .chain(new_themes.iter().cloned())
            .collect(),
        indicators: loaded
            .indicators
            .iter()
            .cloned()
            .chain(new_indicators.iter().cloned())
            .collect(),
        documents: parsed.documents,
    };
    for problem in validation::validate(&checked, &parsed.texts) {
        // In a file the text sits under "texts", not at the document's `source` path.
        let (field, message) = match problem.field {
            "source" => ("texts", "\"texts\" holds no text under this document id".to_string()),
            field => (field, problem.message),
        };
        errors.push(Some(&*problem.document), problem.item.as_deref(), field, message);
    }
    let loaded_targets: HashSet<&str> = loaded
        .documents
        .iter()
        .flat_map(|e| e.targets.iter().map(|t| t.id.as_str()))
        .collect();
    for entry in &checked.documents {
        let doc_id = entry.document.id.as_str();
        if let Some(site) = loaded.documents.iter().find(|e| e.document.id == doc_id) {
            errors.push(
                Some(doc_id),
                None,
                "document.id",
                format!(
                    "a document with this id is already shown ({}); change the id or remove the other file first",
                    site.document.locality.zh
                ),
            );
        }
        for target in &entry.targets {
            if loaded_targets.contains(target.id.as_str()) {
                errors.push(
                    Some(doc_id),
                    Some(&*target.id),
                    "id",
                    "a target with this id is already shown",
                );
            }
        }
    }
    for id in parsed.texts.keys() {
        if !checked.documents.iter().any(|e| &e.document.id == id) {
            errors.push(
                Some(id.as_str()),
                None,
                "texts",
                "a text for a document the file does not hold",
            );
        }
    }
    if !errors.list.is_empty() {
        return Err(std::mem::take(&mut errors.list));
    }
    Ok(OpenedDataset {
        file: errors.file.clone(),
        version: checked.version,
        themes: new_themes,
        indicators: new_indicators,
        documents: checked.documents,
        texts: parsed.texts,
    })
}
