//! Reading an opened file: its syntax checked with serde_json, then every theme, indicator,
//! document and target read on its own with the same reader and types as `targets.json`, each
//! shape error named by the field's path (found through the file's outline).

use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, IgnoredAny};

use super::classify::{excerpt, item_error, line_column, syntax_kind, trailing_comma, ItemError};
use super::error::Errors;
use super::problems::{FileProblem, SyntaxKind};
use super::upgrade::{self, Upgrade, UpgradeKind};
use super::MAX_FILE_BYTES;
use crate::json_outline::{Kind, Outline, Span};
use crate::model::{Document, DocumentEntry, Indicator, Target, Theme};

/// The file's parts after reading, before the rules are applied.
pub(super) struct Parsed {
    pub(super) version: String,
    pub(super) themes: Vec<Theme>,
    pub(super) indicators: Vec<Indicator>,
    pub(super) documents: Vec<DocumentEntry>,
    pub(super) texts: BTreeMap<String, String>,
    /// What was read in an earlier form of the dataset.
    pub(super) upgrades: Vec<Upgrade>,
}

/// Deepest nesting of lists and objects a file may have (serde_json's own recursion limit).
const MAX_DEPTH: usize = 128;

/// Reads the file's syntax and the shape of every item, collecting every error into `errors`;
/// `None` when the file cannot be read item by item at all.
pub(super) fn parse(errors: &mut Errors, bytes: &[u8]) -> Option<Parsed> {
    if bytes.len() > MAX_FILE_BYTES {
        errors.whole_file(FileProblem::TooLarge {
            mb: bytes.len() / (1024 * 1024),
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
        return None;
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_column(&bytes[..e.valid_up_to()]);
            errors.whole_file(FileProblem::NotUtf8 { line, column });
            return None;
        }
    };
    if text.trim().is_empty() {
        errors.whole_file(FileProblem::Empty);
        return None;
    }
    let outline = Outline::new(text);
    // The syntax, checked by skipping the whole text with the app's one serde_json reader.
    if let Err(e) = serde_json::from_slice::<IgnoredAny>(text.as_bytes()) {
        let offset = outline.offset_of(e.line(), e.column().saturating_sub(1));
        let what = match trailing_comma(text, offset) {
            true => SyntaxKind::TrailingComma,
            false => syntax_kind(&e),
        };
        errors.whole_file(FileProblem::Syntax {
            line: e.line(),
            column: e.column(),
            what,
            excerpt: excerpt(text, offset),
        });
        return None;
    }
    if let Some(offset) = outline.too_deep(MAX_DEPTH) {
        let (line, column) = line_column(&text.as_bytes()[..offset]);
        errors.whole_file(FileProblem::TooDeep {
            line,
            column,
            limit: MAX_DEPTH,
        });
        return None;
    }
    let root = outline.root();
    if outline.kind(root) != Kind::Object {
        errors.whole_file(FileProblem::NotAnObject {
            found: outline.kind(root),
        });
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
                let problem = match read {
                    Some(_) => FileProblem::VersionEmpty,
                    None => FileProblem::VersionNotText {
                        found: outline.kind(span),
                    },
                };
                errors.push(Some("dataset"), None, "version", problem);
                String::new()
            }
        },
        None => {
            errors.push(Some("dataset"), None, "version", FileProblem::MissingVersion);
            String::new()
        }
    };
    let themes = items::<Theme>(errors, &file, "themes", false);
    let mut upgrades = Vec::new();
    let mut indicators = items::<Indicator>(errors, &file, "indicators", false);
    for indicator in &mut indicators {
        if upgrade::unit_without_english(indicator) {
            upgrades.push(Upgrade {
                document: "indicators".into(),
                item: Some(indicator.id.clone()),
                kind: UpgradeKind::UnitWithoutEnglish,
            });
        }
    }
    let documents = documents(errors, &file, &mut upgrades);
    let texts = texts(errors, &file);
    Some(Parsed {
        version,
        themes,
        indicators,
        documents,
        texts,
        upgrades,
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
            Err((field, problem)) => errors.push(Some(key), Some(&*name), &field, problem),
        }
    }
    out
}

fn documents(errors: &mut Errors, file: &File, upgrades: &mut Vec<Upgrade>) -> Vec<DocumentEntry> {
    let outline = &file.outline;
    let Some(list) = list(errors, file, "documents", true) else {
        return Vec::new();
    };
    if list.is_empty() {
        errors.push(None, None, "documents", FileProblem::NoDocuments);
    }
    let mut out = Vec::new();
    for (i, span) in list.into_iter().enumerate() {
        if outline.kind(span) != Kind::Object {
            errors.push(
                Some(&*format!("documents[{i}]")),
                None,
                "",
                FileProblem::EntryNotObject {
                    found: outline.kind(span),
                },
            );
            continue;
        }
        let doc_value = outline.get(span, "document");
        let doc_name = doc_value
            .and_then(|v| id_of(outline, v))
            .unwrap_or_else(|| format!("documents[{i}]"));
        let document = match doc_value {
            None => {
                errors.push(Some(&*doc_name), None, "document", FileProblem::MissingField);
                None
            }
            Some(value) => match read_upgrading::<Document>(outline, value) {
                Ok((document, kinds)) => {
                    upgrades.extend(kinds.into_iter().map(|kind| Upgrade {
                        document: doc_name.clone(),
                        item: None,
                        kind,
                    }));
                    Some(document)
                }
                Err((field, problem)) => {
                    let field = if field.is_empty() {
                        "document".to_string()
                    } else {
                        format!("document.{field}")
                    };
                    errors.push(Some(&*doc_name), None, &field, problem);
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
                    match read_upgrading::<Target>(outline, value) {
                        Ok((target, kinds)) => {
                            upgrades.extend(kinds.into_iter().map(|kind| Upgrade {
                                document: doc_name.clone(),
                                item: Some(target.id.clone()),
                                kind,
                            }));
                            targets.push(target);
                        }
                        Err((field, problem)) => errors.push(Some(&*doc_name), Some(&*name), &field, problem),
                    }
                }
            }
            Some(other) => errors.push(
                Some(&*doc_name),
                None,
                "targets",
                FileProblem::NotAList {
                    found: outline.kind(other),
                },
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
        None => errors.push(Some("texts"), None, "texts", FileProblem::MissingTexts),
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
                        FileProblem::TextNotString {
                            found: outline.kind(value),
                        },
                    ),
                }
            }
        }
        Some(other) => errors.push(
            Some("texts"),
            None,
            "texts",
            FileProblem::TextsNotObject {
                found: outline.kind(other),
            },
        ),
    }
    out
}

fn list(errors: &mut Errors, file: &File, key: &str, required: bool) -> Option<Vec<Span>> {
    match file.get(key) {
        None if required => {
            errors.push(None, None, key, FileProblem::MissingField);
            None
        }
        None => None,
        Some(span) if file.outline.kind(span) == Kind::List => Some(file.outline.elements(span)),
        Some(other) => {
            errors.push(
                None,
                None,
                key,
                FileProblem::NotAList {
                    found: file.outline.kind(other),
                },
            );
            None
        }
    }
}

/// Reads one document or target as [`read`] does; an item in the form before dataset 2026.12.0
/// (`note` or `scope` as one string) is read through [`upgrade::bilingual_texts`], and what was
/// upgraded is returned with it.
fn read_upgrading<T: DeserializeOwned>(
    outline: &Outline,
    span: Span,
) -> Result<(T, Vec<UpgradeKind>), (String, FileProblem)> {
    let first = match read::<T>(outline, span) {
        Ok(item) => return Ok((item, Vec::new())),
        Err(error) => error,
    };
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(outline.slice(span)) else {
        return Err(first);
    };
    let kinds = upgrade::bilingual_texts(&mut value);
    if kinds.is_empty() {
        return Err(first);
    }
    // Read again from the upgraded text, so that a remaining error still names its field.
    let text = value.to_string();
    let upgraded = Outline::new(&text);
    read::<T>(&upgraded, upgraded.root()).map(|item| (item, kinds))
}

/// Reads one item with serde_json (the same reader and types as `targets.json`); on failure returns
/// the path of the offending field inside the item, found from the error's position, and the problem.
fn read<T: DeserializeOwned>(outline: &Outline, span: Span) -> Result<T, (String, FileProblem)> {
    let item = outline.slice(span);
    serde_json::from_slice::<T>(item.as_bytes()).map_err(|e| {
        let at = span.start + Outline::new(item).offset_of(e.line(), e.column());
        let field = outline.path_to(span, at);
        match item_error(&e) {
            // serde reports a missing field at its parent; name the field itself.
            ItemError::MissingField(name) if field.is_empty() => (name, FileProblem::MissingField),
            ItemError::MissingField(name) => (format!("{field}.{name}"), FileProblem::MissingField),
            ItemError::Problem(problem) => (field, problem),
        }
    })
}

fn id_of(outline: &Outline, span: Span) -> Option<String> {
    match outline.get(span, "id").and_then(|id| outline.string(id)) {
        Some(id) if !id.trim().is_empty() => Some(id.chars().take(120).collect()),
        _ => None,
    }
}
