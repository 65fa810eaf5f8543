//! serde_json's errors as kinds of [`FileProblem`]: where a syntax error is (line, column, an
//! excerpt of the line) and what it is, and what is wrong with an item's shape (a wrong type, a
//! missing field, an unknown value …) with what was found and what was expected.
//!
//! serde_json gives an error's category and position but not its facts, so these are read from the
//! structure of its message: serde's fixed patterns (`invalid type: {found}, expected {expected}`,
//! ``missing field `x` ``, ``unknown variant `x`, expected …``) and serde_json's fixed syntax
//! messages. A message that fits no pattern becomes a generic kind; its text never reaches a page.

use serde_json::error::Category;

use super::problems::{Excerpt, Expected, FileProblem, Found, Shape, SyntaxKind};

/// Whether the syntax error at `offset` is a comma right before a closing bracket.
pub(super) fn trailing_comma(text: &str, offset: usize) -> bool {
    let bytes = text.as_bytes();
    let (before, after) = bytes.split_at(offset.min(bytes.len()));
    before.trim_ascii_end().ends_with(b",") && matches!(after.first(), Some(b'}' | b']'))
}

/// The line holding byte `offset`, shortened around it, to show where a syntax error is (`None`
/// when the line is blank).
pub(super) fn excerpt(text: &str, offset: usize) -> Option<Excerpt> {
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
    (!line.is_empty()).then(|| Excerpt {
        text: line.to_string(),
        cut_before: head > 0,
        cut_after: after.len() > WIDTH,
    })
}

/// One-based line and column (in characters) just after `prefix`.
pub(super) fn line_column(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// serde_json's syntax messages, as its `ErrorCode` writes them.
const SYNTAX: [(&str, SyntaxKind); 21] = [
    ("trailing comma", SyntaxKind::TrailingComma),
    ("EOF while parsing a list", SyntaxKind::EofInList),
    ("EOF while parsing an object", SyntaxKind::EofInObject),
    ("EOF while parsing a string", SyntaxKind::EofInString),
    ("EOF while parsing a value", SyntaxKind::EofInValue),
    ("expected `:`", SyntaxKind::ExpectedColon),
    ("expected `,` or `]`", SyntaxKind::ExpectedCommaOrListEnd),
    ("expected `,` or `}`", SyntaxKind::ExpectedCommaOrObjectEnd),
    ("expected ident", SyntaxKind::ExpectedIdent),
    ("expected value", SyntaxKind::ExpectedValue),
    ("expected `\"`", SyntaxKind::ExpectedDoubleQuote),
    ("invalid escape", SyntaxKind::InvalidEscape),
    ("invalid number", SyntaxKind::InvalidNumber),
    ("number out of range", SyntaxKind::NumberOutOfRange),
    ("invalid unicode code point", SyntaxKind::InvalidCodePoint),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        SyntaxKind::ControlCharacter,
    ),
    ("key must be a string", SyntaxKind::KeyMustBeText),
    ("lone leading surrogate in hex escape", SyntaxKind::LoneSurrogate),
    ("trailing characters", SyntaxKind::TrailingCharacters),
    ("unexpected end of hex escape", SyntaxKind::UnfinishedHexEscape),
    ("recursion limit exceeded", SyntaxKind::RecursionLimit),
];

/// serde_json's own words for a syntax kind (the English the page has always shown); `None` for
/// the kinds serde_json does not name this way.
pub(super) fn serde_syntax_text(kind: SyntaxKind) -> Option<&'static str> {
    SYNTAX.iter().find(|(_, k)| *k == kind).map(|(text, _)| *text)
}

/// The error's message without serde_json's position suffix.
fn bare_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(bare) if e.line() > 0 => bare.to_string(),
        _ => message,
    }
}

/// The kind of a syntax (or end-of-file) error.
pub(super) fn syntax_kind(e: &serde_json::Error) -> SyntaxKind {
    let message = bare_message(e);
    SYNTAX
        .iter()
        .find(|(text, _)| *text == message)
        .map_or(SyntaxKind::Other, |(_, kind)| *kind)
}

/// What reading one item with serde_json found wrong.
pub(super) enum ItemError {
    /// A required field is missing (serde reports it at the parent; the caller names the field).
    MissingField(String),
    Problem(FileProblem),
}

/// The kind of error reading one item (a theme, an indicator, a document or a target).
pub(super) fn item_error(e: &serde_json::Error) -> ItemError {
    let problem = match e.classify() {
        Category::Syntax | Category::Eof => match syntax_kind(e) {
            SyntaxKind::Other => FileProblem::DoesNotFit,
            kind => FileProblem::ItemSyntax(kind),
        },
        Category::Data => {
            let message = bare_message(e);
            if let Some(name) = backticked(&message, "missing field `") {
                return ItemError::MissingField(name);
            }
            data_problem(&message).unwrap_or(FileProblem::DoesNotFit)
        }
        Category::Io => FileProblem::DoesNotFit,
    };
    ItemError::Problem(problem)
}

/// The name in ``{prefix}name` `` when `message` is exactly that.
fn backticked(message: &str, prefix: &str) -> Option<String> {
    let name = message.strip_prefix(prefix)?.strip_suffix('`')?;
    (!name.contains('`')).then(|| name.to_string())
}

/// serde's data errors: `invalid type`, `invalid value`, `invalid length`, `unknown variant`,
/// `duplicate field`.
fn data_problem(message: &str) -> Option<FileProblem> {
    if let Some(name) = backticked(message, "duplicate field `") {
        return Some(FileProblem::DuplicateField { name });
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = found_and_expected(rest)?;
        return Some(FileProblem::WrongType { found, expected });
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = found_and_expected(rest)?;
        return Some(FileProblem::WrongValue { found, expected });
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (len, expected) = rest.split_once(", expected ")?;
        return Some(FileProblem::WrongLength {
            len: len.parse().ok()?,
            expected: expected_of(expected)?,
        });
    }
    let rest = message.strip_prefix("unknown variant `")?;
    if let Some(found) = rest.strip_suffix("`, there are no variants") {
        return Some(FileProblem::UnknownValue {
            found: found.to_string(),
            allowed: Vec::new(),
        });
    }
    let (found, list) = rest.rsplit_once("`, expected ")?;
    Some(FileProblem::UnknownValue {
        found: found.to_string(),
        allowed: allowed_values(list)?,
    })
}

/// serde's list of allowed values: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
fn allowed_values(list: &str) -> Option<Vec<String>> {
    let names = |list: &str, separator: &str| -> Option<Vec<String>> {
        let inner = list.strip_prefix('`')?.strip_suffix('`')?;
        Some(inner.split(separator).map(str::to_string).collect())
    };
    match list.strip_prefix("one of ") {
        Some(many) => names(many, "`, `"),
        None => names(list, "` or `"),
    }
}

/// `{found}, expected {expected}` as serde_json writes an unexpected value.
fn found_and_expected(text: &str) -> Option<(Found, Expected)> {
    let (found, rest) = if let Some(literal) = text.strip_prefix("string ") {
        let (value, length) = debug_literal(literal)?;
        (Found::Text(value), &literal[length..])
    } else {
        let (found, rest) = text.split_once(", expected ")?;
        let number = |prefix: &str| {
            found
                .strip_prefix(prefix)
                .and_then(|n| n.strip_suffix('`'))
                .map(str::to_string)
        };
        let found = match found {
            "null" => Found::Null,
            "boolean `true`" => Found::Bool(true),
            "boolean `false`" => Found::Bool(false),
            "sequence" => Found::List,
            "map" => Found::Object,
            _ => match (number("integer `"), number("floating point `")) {
                (Some(n), _) => Found::Integer(n),
                (None, Some(n)) => Found::Float(n),
                _ => return None,
            },
        };
        return Some((found, expected_of(rest)?));
    };
    let expected = rest.strip_prefix(", expected ")?;
    Some((found, expected_of(expected)?))
}

/// What serde's derive and primitive types say they expect, for the dataset's types.
fn expected_of(text: &str) -> Option<Expected> {
    let expected = match text {
        "f64" => Expected::Number,
        "u16" => Expected::WholeNumber,
        "u8" => Expected::SmallWholeNumber,
        "a boolean" => Expected::TrueOrFalse,
        "a sequence" => Expected::List,
        "a string" => Expected::Text,
        "unit" => Expected::BareWord,
        _ => {
            let name = text.strip_prefix("struct ")?;
            return match name.split_once(" with ") {
                None => Shape::from_type_name(name).map(Expected::Object),
                Some((name, count)) => {
                    let count = count
                        .strip_suffix(" elements")
                        .or_else(|| count.strip_suffix(" element"))?;
                    let count: usize = count.parse().ok()?;
                    Some(Expected::ObjectElements(Shape::from_type_name(name)?, count))
                }
            };
        }
    };
    Some(expected)
}

/// A string literal as Rust's `Debug` writes it, at the start of `text`: the string and the
/// literal's length in bytes.
fn debug_literal(text: &str) -> Option<(String, usize)> {
    let mut chars = text.char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    let mut out = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => {
                let escaped = match chars.next()?.1 {
                    '0' => '\0',
                    't' => '\t',
                    'r' => '\r',
                    'n' => '\n',
                    'u' => {
                        if chars.next()?.1 != '{' {
                            return None;
                        }
                        let mut hex = String::new();
                        loop {
                            match chars.next()?.1 {
                                '}' => break,
                                digit => hex.push(digit),
                            }
                        }
                        char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                    }
                    other => other,
                };
                out.push(escaped);
            }
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use serde_json::{json, Value};

    use super::*;
    use crate::lang::Lang;
    use crate::model::{Document, Indicator, Target, Theme};

    /// What the page showed before the kinds: serde's message with its type names in plain words.
    fn legacy(message: &str) -> String {
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

    /// Values to put anywhere in an item.
    fn leaves() -> Vec<Value> {
        vec![
            json!(null),
            json!(true),
            json!(false),
            json!(0),
            json!(-1),
            json!(300),
            json!(70000),
            json!(1.5),
            json!(2025.0),
            json!(-2.5e-7),
            json!(""),
            json!("eighty-five"),
            json!("带\"引号\"和\n换行\u{7}"),
            json!([]),
            json!([1]),
            json!([1, 2, 3]),
            json!(["a", "b"]),
            json!({}),
            json!({ "milestone": 1 }),
            json!({ "zh": "只有中文" }),
        ]
    }

    /// Every path to a value inside `value` (not the root itself).
    fn paths(value: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        let children: Vec<(String, &Value)> = match value {
            Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
            Value::Array(items) => items.iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect(),
            _ => Vec::new(),
        };
        for (step, child) in children {
            prefix.push(step);
            out.push(prefix.clone());
            paths(child, prefix, out);
            prefix.pop();
        }
    }

    fn slot<'a>(value: &'a mut Value, path: &[String]) -> &'a mut Value {
        path.iter().fold(value, |node, step| match node {
            Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
            node => &mut node[step.as_str()],
        })
    }

    /// Reads `text` as a `T`; on an error, checks that its kind words it in English exactly as
    /// before and in Chinese without English words. Returns the kind, if there was an error.
    fn compare<T: DeserializeOwned>(text: &str) -> Option<FileProblem> {
        let e = serde_json::from_str::<T>(text).err()?;
        let before = legacy(&bare_message(&e));
        let problem = match item_error(&e) {
            ItemError::MissingField(name) => {
                assert_eq!(before, format!("missing field `{name}`"), "{text}");
                FileProblem::MissingField
            }
            ItemError::Problem(problem) => problem,
        };
        assert_ne!(problem, FileProblem::DoesNotFit, "{before}: {text}");
        if problem != FileProblem::MissingField {
            assert_eq!(problem.message(Lang::En), before, "{text}");
        }
        let zh = problem.words(Lang::Zh);
        assert!(!zh.text_only().chars().any(|c| c.is_ascii_alphabetic()), "{zh}: {text}");
        Some(problem)
    }

    /// Every change of one value, every removed field and every repeated field of `item`, read as a `T`.
    fn every_change<T: DeserializeOwned>(item: &Value, seen: &mut Vec<String>) {
        let mut all = Vec::new();
        paths(item, &mut Vec::new(), &mut all);
        let mut texts = Vec::new();
        for leaf in leaves() {
            texts.push(leaf.to_string());
            for path in &all {
                let mut changed = item.clone();
                *slot(&mut changed, path) = leaf.clone();
                texts.push(changed.to_string());
            }
        }
        for path in &all {
            let (last, parent) = path.split_last().unwrap();
            let mut changed = item.clone();
            match slot(&mut changed, parent) {
                Value::Object(map) => {
                    map.remove(last);
                }
                Value::Array(items) => {
                    items.remove(last.parse::<usize>().unwrap());
                }
                _ => {}
            }
            texts.push(changed.to_string());
        }
        let text = item.to_string();
        for key in item.as_object().unwrap().keys() {
            texts.push(format!("{{{}: 1,{}", json!(key), &text[1..]));
        }
        for text in texts {
            if let Some(problem) = compare::<T>(&text) {
                let kind = format!("{problem:?}");
                let kind = kind.split([' ', '(', '{']).next().unwrap_or_default().to_string();
                if !seen.contains(&kind) {
                    seen.push(kind);
                }
            }
        }
    }

    #[test]
    fn item_errors_keep_their_english_and_lose_serdes_words_in_chinese() {
        let bilingual = json!({ "zh": "说明", "en": "A note." });
        let theme = json!({ "id": "preschool", "name": bilingual, "colour": 3 });
        let indicator = json!({
            "id": "share", "name": bilingual, "theme": "preschool", "unit": "%",
            "unit_en": "%", "better": "higher", "definition": "Share."
        });
        let document = json!({
            "id": "example-city-2024", "locality": bilingual, "province": bilingual,
            "level": "prefecture-level-city", "title": "计划", "issuer": "市政府", "issued": "2024-03-01",
            "period": { "start": 2024, "end": 2026 }, "genre": "行动计划", "script": "simplified",
            "source": "data/sources/x.txt", "note": bilingual
        });
        let target = json!({
            "id": "t", "kind": "share", "theme": "preschool", "indicator": "share", "comparator": ">=",
            "value": 85, "unit": "%", "scope": bilingual, "baseline": { "value": 80, "year": 2023 },
            "target_year": 2026, "binding": "约束性", "responsible": ["教育局"], "section": "一",
            "quote": "达到85%", "summary": bilingual, "note": bilingual, "garbled": false
        });
        let mut seen = Vec::new();
        every_change::<Theme>(&theme, &mut seen);
        every_change::<Indicator>(&indicator, &mut seen);
        every_change::<Document>(&document, &mut seen);
        every_change::<Target>(&target, &mut seen);
        seen.sort();
        assert_eq!(
            seen,
            [
                "DuplicateField",
                "ItemSyntax",
                "MissingField",
                "UnknownValue",
                "WrongLength",
                "WrongType",
                "WrongValue"
            ]
        );
    }

    proptest! {
        #[test]
        fn a_debug_literal_reads_back_as_its_string(s in any::<String>(), tail in ".{0,8}") {
            let literal = format!("{s:?}");
            prop_assert_eq!(debug_literal(&format!("{literal}{tail}")), Some((s, literal.len())));
        }
    }

    #[test]
    fn every_serde_syntax_message_has_a_kind() {
        let deep = "[".repeat(200);
        let cases: [(&str, &[u8]); 20] = [
            ("EOF while parsing a list", b"[1"),
            ("EOF while parsing an object", b"{\"a\": 1"),
            ("EOF while parsing a string", b"\"abc"),
            ("EOF while parsing a value", b"[1,"),
            ("expected `:`", b"{\"a\" 1}"),
            ("expected `,` or `]`", b"[1 2]"),
            ("expected `,` or `}`", b"{\"a\": 1 \"b\": 2}"),
            ("expected ident", b"[tru]"),
            ("expected value", b"[,]"),
            ("invalid escape", b"\"\\q\""),
            ("invalid number", b"[-x]"),
            ("number out of range", b"1e400"),
            (
                "control character (\\u0000-\\u001F) found while parsing a string",
                b"\"a\x01\"",
            ),
            ("key must be a string", b"{1: 2}"),
            ("lone leading surrogate in hex escape", b"\"\\udc00\""),
            ("trailing characters", b"1 2"),
            ("unexpected end of hex escape", b"\"\\ud800x\""),
            ("invalid unicode code point", b"\"\xff\""),
            ("recursion limit exceeded", deep.as_bytes()),
            ("trailing comma", b"[1,]"),
        ];
        for (text, input) in cases {
            let input_text = String::from_utf8_lossy(input);
            let Err(e) = serde_json::from_slice::<serde_json::Value>(input) else {
                panic!("{input_text} is valid JSON");
            };
            assert_eq!(bare_message(&e), text, "{input_text}");
            let kind = syntax_kind(&e);
            assert_ne!(kind, SyntaxKind::Other, "{input_text}");
            assert_eq!(serde_syntax_text(kind), Some(text));
        }
    }
}
