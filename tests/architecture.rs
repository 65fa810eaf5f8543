//! The layer rules of ARCHITECTURE.md as a test: reads every `.rs` file under `src/` and fails,
//! naming file and line, when a lower layer imports a higher one, when the pure core names a web
//! crate, or when browser APIs are used outside `src/browser*` and `src/main.rs`. One code-size
//! rule ("Rules") that clippy cannot see is checked over all the app's code (`src/` and the crates
//! it ships): nothing but `analysis::ordering` collects into a `BTreeSet`.
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

/// The crates whose code the app ships (beside `src/`): their `src/` directories.
const APP_CRATES: &[&str] = &[
    "crates/data",
    "crates/analysis",
    "crates/charts",
    "crates/extract",
    "crates/review",
];

/// The one file allowed to build a `BTreeSet` from an iterator (`ordering::set_of`).
const ORDERING: &str = "crates/analysis/src/ordering.rs";

/// Whether the attribute starting at `tokens[i]` (`#`) is `#[cfg(…test…)]` (not `not(test)`).
fn is_cfg_test(tokens: &[Token], i: usize) -> Option<usize> {
    let text = |k: usize| tokens.get(k).map(|t| t.text.as_str());
    if text(i) != Some("#") || text(i + 1) != Some("[") || text(i + 2) != Some("cfg") {
        return None;
    }
    let mut depth = 0;
    let mut j = i + 1;
    let mut test = false;
    let mut not = false;
    while let Some(t) = text(j) {
        match t {
            "[" => depth += 1,
            "]" => {
                depth -= 1;
                if depth == 0 {
                    return (test && !not).then_some(j + 1);
                }
            }
            "test" => test = true,
            "not" => not = true,
            _ => {}
        }
        j += 1;
    }
    None
}

/// `tokens` without the items under `#[cfg(test)]` (test modules, test-only functions and
/// imports), and the names of the test-only modules declared in another file (`mod fixtures;`).
fn without_test_items(tokens: &[Token]) -> (Vec<Token>, Vec<String>) {
    let mut kept = Vec::new();
    let mut test_modules = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(item) = is_cfg_test(tokens, i) else {
            kept.push(tokens[i].clone());
            i += 1;
            continue;
        };
        // The item: up to its `;`, or through its braces.
        let mut j = item;
        while j < tokens.len() && tokens[j].text != ";" && tokens[j].text != "{" {
            j += 1;
        }
        if tokens.get(j).is_some_and(|t| t.text == ";") {
            if j >= 2 && tokens[j - 2].text == "mod" {
                test_modules.push(tokens[j - 1].text.clone());
            }
            i = j + 1;
            continue;
        }
        let mut depth = 0;
        while j < tokens.len() {
            match tokens[j].text.as_str() {
                "{" => depth += 1,
                "}" => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        i = j + 1;
    }
    (kept, test_modules)
}

/// Where `collect()` builds a `BTreeSet` (the standard sort again for its item type): a
/// `collect::<BTreeSet<…>>()`, a `let x: BTreeSet<…> = ….collect();`, or `BTreeSet::from_iter`.
fn btree_set_collects(tokens: &[Token]) -> Vec<usize> {
    let text = |k: usize| tokens.get(k).map_or("", |t| t.text.as_str());
    let mut lines = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token.text.as_str() {
            "collect" if text(i + 1) == "::" && text(i + 2) == "<" => {
                // The turbofish's type: `BTreeSet` or a path ending in it.
                let mut j = i + 3;
                while text(j + 1) == "::" {
                    j += 2;
                }
                if text(j) == "BTreeSet" {
                    lines.push(token.line);
                }
            }
            "from_iter" if i >= 2 && text(i - 1) == "::" && text(i - 2) == "BTreeSet" => lines.push(token.line),
            "let" if let_collects_into_a_set(tokens, i) => lines.push(token.line),
            _ => {}
        }
    }
    lines
}

/// Whether the `let` at `tokens[i]` declares a `BTreeSet` (`let x: BTreeSet<…> =`) and sets it
/// to a `collect()` (`….collect();`, braces of closures allowed in between).
fn let_collects_into_a_set(tokens: &[Token], i: usize) -> bool {
    let mut depth = 0i32;
    let mut equals = None;
    for (j, token) in tokens.iter().enumerate().skip(i + 1) {
        match token.text.as_str() {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            "=" if depth == 0 && equals.is_none() => equals = Some(j),
            ";" if depth == 0 => {
                let Some(equals) = equals else { return false };
                let pattern = &tokens[i + 1..equals];
                let declared = pattern.iter().any(|t| t.text == ":") && pattern.iter().any(|t| t.text == "BTreeSet");
                let ends = tokens[..j]
                    .iter()
                    .rev()
                    .take(3)
                    .map(|t| t.text.as_str())
                    .eq([")", "(", "collect"]);
                return declared && ends;
            }
            _ => {}
        }
    }
    false
}

/// Every `collect()` into a `BTreeSet` in `source` (the file at `path`) outside its test code.
fn set_collects_in(path: &str, source: &str) -> (Vec<Violation>, Vec<String>) {
    let (tokens, test_modules) = without_test_items(&tokens(&strip_comments_and_strings(source)));
    let violations = btree_set_collects(&tokens)
        .into_iter()
        .map(|line| Violation {
            file: path.to_string(),
            line,
            message: "`collect()` into a `BTreeSet` sorts with one more copy of the standard sort: use \
                      `ordering::set_of` (ARCHITECTURE.md, Rules)"
                .to_string(),
        })
        .collect();
    (violations, test_modules)
}

/// The `.rs` files of the app's code: `src/` and the crates it ships, relative to the root.
fn app_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    for krate in APP_CRATES {
        rust_files(root, &root.join(krate).join("src"), &mut files);
    }
    files
        .into_iter()
        .map(|relative| {
            let text = std::fs::read_to_string(root.join(&relative)).expect("readable source");
            (relative.to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

/// The file a `mod name;` of the file at `path` names: `name.rs` (or `name/mod.rs`) beside a
/// `lib.rs`, `main.rs` or `mod.rs`, else in the directory named after the file.
fn module_files(path: &str, name: &str) -> [String; 2] {
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let dir = match file {
        "lib.rs" | "main.rs" | "mod.rs" => dir.to_string(),
        _ => format!("{dir}/{}", file.trim_end_matches(".rs")),
    };
    [format!("{dir}/{name}.rs"), format!("{dir}/{name}/mod.rs")]
}

#[test]
fn only_ordering_collects_into_a_btree_set() {
    let sources = app_sources();
    assert!(sources.iter().any(|(path, _)| path == ORDERING), "{ORDERING} not found");
    let mut test_only: Vec<String> = Vec::new();
    let mut violations = Vec::new();
    for (path, text) in &sources {
        let (found, modules) = set_collects_in(path, text);
        violations.extend(found.into_iter().map(|v| (v.file.clone(), v.to_string())));
        test_only.extend(modules.iter().flat_map(|name| module_files(path, name)));
    }
    let violations: Vec<String> = violations
        .into_iter()
        .filter(|(file, _)| file != ORDERING && !test_only.contains(file))
        .map(|(_, v)| v)
        .collect();
    assert!(
        violations.is_empty(),
        "{} collect(s) into a BTreeSet outside analysis::ordering:\n{}",
        violations.len(),
        violations.join("\n")
    );
}

mod checker {
    use super::*;

    fn set_collect_lines(source: &str) -> Vec<usize> {
        set_collects_in("crates/analysis/src/x.rs", source)
            .0
            .iter()
            .map(|v| v.line)
            .collect()
    }

    #[test]
    fn collects_into_a_btree_set_are_reported() {
        let typed = "fn f(p: &[u8]) -> bool {\n    let years: std::collections::BTreeSet<u8> = p.iter().map(|y| *y).collect();\n    years.len() < p.len()\n}\n";
        assert_eq!(set_collect_lines(typed), [2]);
        assert_eq!(
            set_collect_lines("let s = v.into_iter().collect::<BTreeSet<_>>();"),
            [1]
        );
        assert_eq!(
            set_collect_lines("let s = v.iter().collect::<std::collections::BTreeSet<&str>>();"),
            [1]
        );
        assert_eq!(set_collect_lines("\nlet s = BTreeSet::from_iter(v);"), [2]);
        let closure = "let s: BTreeSet<String> = v\n    .iter()\n    .map(|x| {\n        let y = x.trim();\n        y.to_string()\n    })\n    .collect();";
        assert_eq!(set_collect_lines(closure), [1]);
        let found = set_collects_in("crates/analysis/src/x.rs", typed).0;
        assert!(found[0].message.contains("ordering::set_of"), "{}", found[0]);
    }

    #[test]
    fn set_of_other_collections_and_test_code_are_not() {
        assert!(set_collect_lines("let years = ordering::set_of(p.iter().map(|y| *y));").is_empty());
        assert!(set_collect_lines("let s: BTreeSet<u8> = ordering::set_of(v);").is_empty());
        assert!(set_collect_lines("let v: Vec<u8> = s.iter().copied().collect();").is_empty());
        assert!(set_collect_lines("if let Some(s) = x { let v: Vec<u8> = s.collect(); }").is_empty());
        assert!(
            set_collect_lines("let s: BTreeSet<u8> = ordering::set_of(v.iter().copied().collect::<Vec<_>>());")
                .is_empty()
        );
        assert!(set_collect_lines("let n: BTreeSet<u8> = BTreeSet::new();\nlet v: Vec<u8> = x.collect();").is_empty());
        assert!(set_collect_lines(
            "// let s: BTreeSet<u8> = v.collect();\nconst S: &str = \"collect::<BTreeSet<u8>>()\";"
        )
        .is_empty());
        let tests =
            "fn f() {}\n#[cfg(test)]\nmod tests {\n    fn g() { let s: BTreeSet<u8> = v.collect(); }\n}\nfn h() {}\n";
        assert!(set_collect_lines(tests).is_empty());
        let after = "#[cfg(test)]\nfn g() { let s: BTreeSet<u8> = v.collect(); }\nfn h() { let s: BTreeSet<u8> = v.collect(); }\n";
        assert_eq!(set_collect_lines(after), [3], "only the test item is skipped");
        let not_test = "#[cfg(not(test))]\nfn g() { let s: BTreeSet<u8> = v.collect(); }\n";
        assert_eq!(set_collect_lines(not_test), [2]);
    }

    #[test]
    fn test_only_modules_are_found() {
        let source = "mod a;\n#[cfg(test)]\nmod fixtures;\n#[cfg(any(test, feature = \"test-support\"))]\npub mod test_support;\n";
        assert_eq!(set_collects_in("x.rs", source).1, ["fixtures", "test_support"]);
        assert_eq!(
            module_files("crates/analysis/src/compare.rs", "fixtures"),
            [
                "crates/analysis/src/compare/fixtures.rs".to_string(),
                "crates/analysis/src/compare/fixtures/mod.rs".to_string()
            ]
        );
        assert_eq!(
            module_files("crates/data/src/lib.rs", "test_support")[0],
            "crates/data/src/test_support.rs"
        );
    }

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
