//! The layer rules of ARCHITECTURE.md as a test: reads every `.rs` file under `src/` and fails,
//! naming file and line, when a lower layer imports a higher one, when the pure core names a web
//! crate, or when browser APIs are used outside `src/browser*` and `src/main.rs`.
//!
//! Comments and string literals are blanked before matching, so prose that mentions `web_sys` does
//! not count; paths are resolved through `crate::`, `self::`, `super::` and `{…}` groups.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_methods, reason = "tests may sort freely (clippy.toml)")]

use std::path::{Path, PathBuf};

/// Crates that reach the browser (allowed only in the browser glue and `main.rs`).
const BROWSER_CRATES: &[&str] = &["web_sys", "js_sys", "gloo", "wasm_bindgen", "wasm_bindgen_futures"];

/// Crates the pure core (`data`, `analysis`, `charts`) never names, so it builds and tests natively.
const WEB_CRATES: &[&str] = &[
    "yew",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "wasm_bindgen_futures",
];

/// Top-level modules in dependency order: a module may use those before it, never those after.
/// `browser` is glue used only by `view` (and `main.rs`), so it sits above the core.
const LAYERS: &[&str] = &["data", "analysis", "charts", "browser", "view"];

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Violation {
    file: String,
    line: usize,
    message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The top-level module a file belongs to (`src/data.rs` and `src/data/**` → `data`), and its
/// module path (`src/data/dataset_file/parse.rs` → `data::dataset_file::parse`).
fn module_of(path: &str) -> (String, Vec<String>) {
    let inner = path.strip_prefix("src/").unwrap_or(path);
    let inner = inner.strip_suffix(".rs").unwrap_or(inner);
    let mut segments: Vec<String> = inner.split('/').map(str::to_string).collect();
    if matches!(segments.last().map(String::as_str), Some("lib" | "main")) && segments.len() == 1 {
        segments.clear();
    }
    let top = segments.first().cloned().unwrap_or_default();
    (top, segments)
}

/// `source` with comments (line, doc and block) and the contents of string and character literals
/// replaced by spaces; newlines are kept, so line numbers stay right.
fn strip_comments_and_strings(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && starts_token(&chars, i) {
            // A raw string r"…" or r#"…"#, if that is what follows.
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            out.push_str(&" ".repeat(j - i + 1));
            i = j + 1;
            while i < chars.len() {
                if chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    out.push_str(&" ".repeat(hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() {
                match chars[i] {
                    '\\' => {
                        out.push(' ');
                        if let Some(&escaped) = chars.get(i + 1) {
                            out.push(blank(escaped));
                        }
                        i += 2;
                    }
                    '"' => {
                        out.push(' ');
                        i += 1;
                        break;
                    }
                    other => {
                        out.push(blank(other));
                        i += 1;
                    }
                }
            }
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{3000}'), not a lifetime ('a).
            let end = match (next, chars.get(i + 2)) {
                (Some('\\'), _) => chars[i + 2..].iter().position(|&c| c == '\'').map(|p| i + 2 + p),
                (Some(_), Some('\'')) => Some(i + 2),
                _ => None,
            };
            match end {
                Some(end) => {
                    out.push_str(&" ".repeat(end - i + 1));
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Whether the `r` at `i` starts a raw string (`r"…"`, or `br"…"`), not the end of an identifier.
fn starts_token(chars: &[char], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).and_then(|j| chars.get(j));
    !is_ident_char(before(1)) || (before(1) == Some(&'b') && !is_ident_char(before(2)))
}

/// A token of stripped code: an identifier, `::`, or one punctuation character; with its line.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    text: String,
    line: usize,
}

fn tokens(code: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut line = 1;
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token {
                text: chars[start..i].iter().collect(),
                line,
            });
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push(Token {
                text: "::".into(),
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                text: c.to_string(),
                line,
            });
            i += 1;
        }
    }
    out
}

/// Every crate-relative module path the code names through `crate::`, `self::` or `super::`
/// (with `{…}` groups expanded), as its segments and the line of the segment that decides it.
fn named_paths(tokens: &[Token], module: &[String]) -> Vec<(Vec<String>, usize)> {
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let after_separator = i > 0 && tokens[i - 1].text == "::";
        if after_separator || tokens.get(i + 1).map(|t| t.text.as_str()) != Some("::") {
            continue;
        }
        match token.text.as_str() {
            "crate" => resolve(tokens, i + 2, Vec::new(), &mut found),
            "self" => resolve(tokens, i + 2, module.to_vec(), &mut found),
            "super" => resolve(tokens, i, module.to_vec(), &mut found),
            _ => {}
        }
    }
    found
}

/// Follows the path starting at `tokens[i]` from the module `base`, pushing what it names.
fn resolve(tokens: &[Token], mut i: usize, mut base: Vec<String>, found: &mut Vec<(Vec<String>, usize)>) {
    loop {
        let Some(token) = tokens.get(i) else { return };
        match token.text.as_str() {
            "{" => {
                // Each item of the group, separated by commas at this depth.
                let mut depth = 0;
                let mut item_start = i + 1;
                let mut j = i;
                while let Some(t) = tokens.get(j) {
                    match t.text.as_str() {
                        "{" => depth += 1,
                        "}" => {
                            depth -= 1;
                            if depth == 0 {
                                if item_start < j {
                                    resolve(tokens, item_start, base.clone(), found);
                                }
                                return;
                            }
                        }
                        "," if depth == 1 => {
                            if item_start < j {
                                resolve(tokens, item_start, base.clone(), found);
                            }
                            item_start = j + 1;
                        }
                        _ => {}
                    }
                    j += 1;
                }
                return;
            }
            "super" => {
                base.pop();
            }
            "self" => {}
            name if name.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                base.push(name.to_string());
                found.push((base, token.line));
                return;
            }
            _ => return,
        }
        if tokens.get(i + 1).map(|t| t.text.as_str()) != Some("::") {
            return;
        }
        i += 2;
    }
}

/// Every rule broken by `source`, the text of the file at `path` (relative to the repository,
/// `src/…`).
fn check_file(path: &str, source: &str) -> Vec<Violation> {
    let (top, module) = module_of(path);
    let code = strip_comments_and_strings(source);
    let tokens = tokens(&code);
    let mut violations = Vec::new();
    let mut report = |line: usize, message: String| {
        violations.push(Violation {
            file: path.to_string(),
            line,
            message,
        })
    };

    // 1. Dependencies point one way: a layer never names a module of a layer above it.
    if let Some(rank) = LAYERS.iter().position(|layer| *layer == top) {
        for (named, line) in named_paths(&tokens, &module) {
            let Some(target) = named.first() else { continue };
            if let Some(target_rank) = LAYERS.iter().position(|layer| layer == target) {
                if target_rank > rank {
                    report(
                        line,
                        format!(
                            "`{top}` must not depend on `{target}` (names `crate::{}`)",
                            named.join("::")
                        ),
                    );
                }
            }
        }
    }

    // 2. The pure core names no web crate, so it compiles and is tested natively.
    let core = matches!(top.as_str(), "data" | "analysis" | "charts");
    // 3. Browser APIs only in the browser glue and main.rs.
    let glue = top == "browser" || path == "src/main.rs";
    for token in &tokens {
        let name = token.text.as_str();
        if core && WEB_CRATES.contains(&name) {
            report(
                token.line,
                format!("`{top}` is part of the pure core and must not use `{name}` (ARCHITECTURE.md, Layers)"),
            );
        } else if !glue && BROWSER_CRATES.contains(&name) {
            report(
                token.line,
                format!(
                    "browser API `{name}` used outside `src/browser*` and `src/main.rs`: move it into `src/browser/`"
                ),
            );
        }
    }
    violations
}

/// Every `.rs` file under `dir`, as paths relative to the repository root, in a stable order.
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path.strip_prefix(root).expect("under the root").to_path_buf());
        }
    }
    out.sort();
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    files
        .into_iter()
        .map(|relative| {
            let text = std::fs::read_to_string(root.join(&relative)).expect("readable source");
            let name = relative.to_string_lossy().replace('\\', "/");
            (name, text)
        })
        .collect()
}

#[test]
fn every_source_file_keeps_the_layer_rules() {
    let sources = sources();
    assert!(sources.len() > 50, "found only {} files under src/", sources.len());
    let violations: Vec<String> = sources
        .iter()
        .flat_map(|(path, text)| check_file(path, text))
        .map(|v| v.to_string())
        .collect();
    assert!(
        violations.is_empty(),
        "{} layer rule(s) broken (ARCHITECTURE.md, Layers):\n{}",
        violations.len(),
        violations.join("\n")
    );
}

mod checker {
    use super::*;

    fn lines(path: &str, source: &str) -> Vec<usize> {
        check_file(path, source).iter().map(|v| v.line).collect()
    }

    #[test]
    fn data_importing_analysis_is_reported() {
        let found = check_file("src/data/validation.rs", "use crate::analysis::search;\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].file, "src/data/validation.rs");
        assert_eq!(found[0].line, 1);
        assert!(
            found[0].message.contains("`data` must not depend on `analysis`"),
            "{}",
            found[0]
        );
        assert!(found[0].to_string().starts_with("src/data/validation.rs:1: "));
    }

    #[test]
    fn data_importing_charts_or_view_is_reported_in_the_root_file_too() {
        assert_eq!(lines("src/data.rs", "fn f() {}\nuse crate::charts::Chart;\n"), [2]);
        assert_eq!(
            lines("src/data/model.rs", "pub fn f() { crate::view::app::run(); }"),
            [1]
        );
    }

    #[test]
    fn groups_are_expanded() {
        let source = "use crate::{\n    data::model::Dataset,\n    analysis::{catalog::Catalog, search},\n};\n";
        assert_eq!(lines("src/data/export.rs", source), [3]);
        assert_eq!(lines("src/data/export.rs", "use crate::{data, view};"), [1]);
    }

    #[test]
    fn super_paths_escaping_data_are_reported() {
        // From data::dataset_file::parse, super::super is data: fine.
        assert!(lines("src/data/dataset_file/parse.rs", "use super::super::model::Target;").is_empty());
        // From data::model, super::super is the crate root.
        assert_eq!(
            lines("src/data/model.rs", "use super::super::analysis::catalog::Row;"),
            [1]
        );
        assert_eq!(lines("src/data/model.rs", "use super::{super::charts, numerals};"), [1]);
        assert_eq!(lines("src/data.rs", "use super::view;"), [1]);
    }

    #[test]
    fn downward_imports_are_allowed() {
        assert!(lines("src/analysis/catalog.rs", "use crate::data::model::Dataset;").is_empty());
        assert!(lines(
            "src/view/app.rs",
            "use crate::{analysis::catalog::Catalog, charts, data, browser};"
        )
        .is_empty());
        assert!(lines("src/charts/paths.rs", "use crate::analysis::progress::Path;").is_empty());
        assert!(lines("src/data/lang.rs", "use self::inner::Lang;").is_empty());
    }

    #[test]
    fn analysis_and_charts_name_no_web_crate() {
        assert_eq!(lines("src/analysis/search.rs", "use yew::prelude::*;"), [1]);
        assert_eq!(lines("src/charts.rs", "\n\nfn f(e: web_sys::Element) {}"), [3]);
        assert_eq!(lines("src/analysis.rs", "let n = js_sys::Date::now();"), [1]);
        assert_eq!(
            lines("src/charts/chart.rs", "use gloo::timers::callback::Timeout;"),
            [1]
        );
        assert_eq!(lines("src/analysis/url_state.rs", "#[wasm_bindgen] fn f() {}"), [1]);
        assert_eq!(lines("src/data/model.rs", "use yew::Html;"), [1]);
    }

    #[test]
    fn comments_and_strings_do_not_count() {
        let source = "//! Uses no web_sys.\n/// Unlike `crate::view`, this\n// use crate::analysis::search;\n/* gloo\n   yew::html */\nconst S: &str = \"web_sys::Element crate::view\";\nconst R: &str = r#\"use crate::analysis::x; \"web_sys\"\"#;\nconst C: char = '\"';\nfn f<'a>(s: &'a str) -> &'a str { s }\n";
        assert!(
            lines("src/data/model.rs", source).is_empty(),
            "{:?}",
            check_file("src/data/model.rs", source)
        );
        // A line after a string keeps its number.
        assert_eq!(
            lines("src/data/model.rs", "const S: &str = \"a\nb\";\nuse crate::view;"),
            [3]
        );
    }

    #[test]
    fn browser_apis_only_in_the_glue() {
        assert_eq!(lines("src/view/targets.rs", "use web_sys::HtmlInputElement;"), [1]);
        assert_eq!(
            lines("src/view/home.rs", "gloo::timers::callback::Timeout::new(0, f);"),
            [1]
        );
        assert_eq!(lines("src/prerender.rs", "use wasm_bindgen_futures::spawn_local;"), [1]);
        assert!(lines("src/browser.rs", "use web_sys::Window;").is_empty());
        assert!(lines("src/browser/files.rs", "use gloo::file::File; use js_sys::Uint8Array;").is_empty());
        assert!(lines("src/main.rs", "use wasm_bindgen::prelude::*;").is_empty());
        // The view may use yew, and the browser glue.
        assert!(lines("src/view/home.rs", "use yew::prelude::*; use crate::browser::files;").is_empty());
    }

    #[test]
    fn analysis_does_not_depend_on_views_or_the_browser() {
        assert_eq!(lines("src/analysis/library.rs", "use crate::view::app::App;"), [1]);
        assert_eq!(lines("src/analysis/library.rs", "use crate::browser::files;"), [1]);
        assert_eq!(lines("src/analysis/library.rs", "use crate::charts::Chart;"), [1]);
        assert_eq!(lines("src/charts/chart.rs", "use crate::browser::chart_canvas;"), [1]);
        assert_eq!(lines("src/browser/files.rs", "use crate::view::app::App;"), [1]);
    }

    #[test]
    fn module_paths() {
        assert_eq!(module_of("src/data.rs"), ("data".into(), vec!["data".into()]));
        assert_eq!(
            module_of("src/data/dataset_file/parse.rs"),
            (
                "data".into(),
                vec!["data".into(), "dataset_file".into(), "parse".into()]
            )
        );
        assert_eq!(module_of("src/lib.rs"), (String::new(), vec![]));
    }
}
