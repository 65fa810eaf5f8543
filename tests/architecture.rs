//! The layer rules of ARCHITECTURE.md that Cargo cannot express, as a test. The workspace's crates
//! hold the layers and their dependency edges (a crate cannot name one it does not depend on); this
//! test checks the rest, naming file and line:
//!
//! - every file belongs to a placed layer: the crates and the app's top-level modules form a
//!   closed list ([`LAYERS`], [`CRATES`]), so a new module or crate fails here until it is placed;
//! - inside the app crate, a lower module never imports a higher one (`site` < `browser` < `view`);
//! - the pure core names no web crate (in its code, and in its manifest's dependencies);
//! - browser APIs are used only in `src/browser*` and `src/main.rs`, the split attribute only in
//!   the split points;
//! - one code-size rule ("Rules") that clippy cannot see, over all the code the app ships (`src/`
//!   and the core's crates): nothing but `analysis::ordering` collects into a `BTreeSet`.
//!
//! Each file is checked under its layer's path: `crates/data/src/model.rs` reads as
//! `src/data/model.rs`, and a crate's name (`policy_data::`) as that layer (`crate::data::`), so
//! one checker covers the workspace. Comments and string literals are blanked before matching, so
//! prose that mentions `web_sys` does not count; paths are resolved through `crate::`, `self::`,
//! `super::`, the crates' names and `{…}` groups, and a glob import (`use super::*`) carries what
//! the module it names imports.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_methods, reason = "tests may sort freely (clippy.toml)")]

use std::path::{Path, PathBuf};

/// Crates that reach the browser (allowed only in the browser glue and `main.rs`).
const BROWSER_CRATES: &[&str] = &[
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "plotters_canvas",
];

/// The split attribute's crate: only the split points (`view::parts`) and the view that loads
/// them (`view::on_demand`) name it.
const SPLIT_CRATES: &[&str] = &["wasm_split_helpers"];
const SPLIT_FILES: &[&str] = &["src/view/parts.rs", "src/view/on_demand.rs"];

/// Crates the pure core never names, so it builds and tests natively.
const WEB_CRATES: &[&str] = &[
    "yew",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "plotters_canvas",
    "wasm_split_helpers",
];

/// The layers of the pure core: the crates with no web dependency.
const CORE: &[&str] = &["data", "analysis", "charts", "extract", "review"];

/// Every layer, in dependency order: a module may use those before it, never those after. The
/// core's crates first (Cargo holds their edges too), then the app's own top-level modules
/// (`site`: the operator's settings; `browser`: glue used only by `view` and `main.rs`), then the
/// native tools, which may use everything. A file outside these is not placed: an error.
const LAYERS: &[&str] = &[
    "data", "analysis", "extract", "review", "charts", "site", "browser", "view", "dataset", "build",
];

/// The workspace's crates: the folder of each one's sources, its name in code, and the layer it
/// is. The app (the root package, `src/`) holds several layers, one per top-level module.
const CRATES: &[(&str, &str, &str)] = &[
    ("crates/data/src", "policy_data", "data"),
    ("crates/analysis/src", "policy_analysis", "analysis"),
    ("crates/charts/src", "policy_charts", "charts"),
    ("crates/extract/src", "policy_extract", "extract"),
    ("crates/review/src", "policy_review", "review"),
    ("crates/dataset/src", "policy_dataset", "dataset"),
    ("crates/site/src", "policy_site", "build"),
];

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

/// Every module path the code names through `crate::`, `self::`, `super::` or a workspace crate's
/// name (with `{…}` groups expanded), as its segments (a glob import ends in `*`) and the line of
/// the segment that decides it. `crate::` starts at `crate_root` (a crate's layer, empty for the
/// app).
fn named_paths(tokens: &[Token], module: &[String], crate_root: &[String]) -> Vec<(Vec<String>, usize)> {
    let mut found = Vec::new();
    // Inline modules (`mod tests { … }`) the scan is in, with the brace depth each opened at:
    // `super::` inside one starts from it.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    for (i, token) in tokens.iter().enumerate() {
        match token.text.as_str() {
            "{" => {
                if i >= 2 && tokens[i - 2].text == "mod" {
                    inline.push((tokens[i - 1].text.clone(), depth));
                }
                depth += 1;
            }
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, opened)| *opened == depth) {
                    inline.pop();
                }
            }
            _ => {}
        }
        let after_separator = i > 0 && tokens[i - 1].text == "::";
        if after_separator || tokens.get(i + 1).map(|t| t.text.as_str()) != Some("::") {
            continue;
        }
        let here = || -> Vec<String> {
            module
                .iter()
                .cloned()
                .chain(inline.iter().map(|(name, _)| name.clone()))
                .collect()
        };
        match token.text.as_str() {
            "crate" => resolve(tokens, i + 2, crate_root.to_vec(), &mut found),
            "self" => resolve(tokens, i + 2, here(), &mut found),
            "super" => resolve(tokens, i, here(), &mut found),
            "policy_explorer" => resolve(tokens, i + 2, Vec::new(), &mut found),
            name => {
                if let Some((_, _, layer)) = CRATES.iter().find(|(_, crate_name, _)| *crate_name == name) {
                    resolve(tokens, i + 2, vec![layer.to_string()], &mut found);
                }
            }
        }
    }
    found
}

/// Follows the path starting at `tokens[i]` from the module `base`, pushing what it names: the
/// whole path (a glob ends in `*`), with the line of its first named segment, the one that decides
/// its layer.
fn resolve(tokens: &[Token], i: usize, base: Vec<String>, found: &mut Vec<(Vec<String>, usize)>) {
    resolve_from(tokens, i, base, None, found)
}

fn resolve_from(
    tokens: &[Token],
    mut i: usize,
    mut base: Vec<String>,
    mut first_line: Option<usize>,
    found: &mut Vec<(Vec<String>, usize)>,
) {
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
                                    resolve_from(tokens, item_start, base.clone(), first_line, found);
                                }
                                return;
                            }
                        }
                        "," if depth == 1 => {
                            if item_start < j {
                                resolve_from(tokens, item_start, base.clone(), first_line, found);
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
            "*" => {
                base.push("*".into());
                found.push((base, first_line.unwrap_or(token.line)));
                return;
            }
            name if name.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                base.push(name.to_string());
                let line = *first_line.get_or_insert(token.line);
                if tokens.get(i + 1).map(|t| t.text.as_str()) != Some("::") {
                    found.push((base, line));
                    return;
                }
            }
            _ => return,
        }
        if tokens.get(i + 1).map(|t| t.text.as_str()) != Some("::") {
            return;
        }
        i += 2;
    }
}

/// Every rule broken by `source`, the text of the file at `path` (its layer path, `src/…`), as a
/// file of the app crate.
fn check_file(path: &str, source: &str) -> Vec<Violation> {
    check_in_crate(path, source, &[], &[])
}

/// What a file imports, for the rules: the module paths it names and the crate names it uses, each
/// with its line.
#[derive(Clone, Debug, Default)]
struct Imports {
    paths: Vec<(Vec<String>, usize)>,
    crates: Vec<(String, usize)>,
}

/// What the code of a file at `module` (in a crate whose `crate::` is `crate_root`) imports.
fn imports_of(source: &str, module: &[String], crate_root: &[String]) -> Imports {
    let tokens = tokens(&strip_comments_and_strings(source));
    let crates = tokens
        .iter()
        .filter(|t| WEB_CRATES.contains(&t.text.as_str()) || BROWSER_CRATES.contains(&t.text.as_str()))
        .map(|t| (t.text.clone(), t.line))
        .collect();
    Imports {
        paths: named_paths(&tokens, module, crate_root),
        crates,
    }
}

/// [`check_file`] for a file of a crate whose `crate::` is `crate_root`, with what its glob imports
/// bring in (`globbed`: the imports of the modules it globs, at the glob's line).
fn check_in_crate(path: &str, source: &str, crate_root: &[String], globbed: &[Imports]) -> Vec<Violation> {
    let (top, module) = module_of(path);
    let mut imports = imports_of(source, &module, crate_root);
    for more in globbed {
        imports.paths.extend(more.paths.iter().cloned());
        imports.crates.extend(more.crates.iter().cloned());
    }
    let mut violations = Vec::new();
    let mut report = |line: usize, message: String| {
        violations.push(Violation {
            file: path.to_string(),
            line,
            message,
        })
    };

    // 0. Every file belongs to a placed layer.
    let rank = LAYERS.iter().position(|layer| *layer == top);
    if rank.is_none() && !top.is_empty() && path != "src/main.rs" {
        report(
            1,
            format!("module `{top}` is in no layer: place it in LAYERS (tests/architecture.rs) and ARCHITECTURE.md"),
        );
    }
    // 1. Dependencies point one way: a layer never names a module of a layer above it, nor one
    //    that is in no layer.
    let mut reported: Vec<(&str, usize)> = Vec::new();
    for (named, line) in &imports.paths {
        let Some(target) = named.first() else { continue };
        if target == "*" || reported.contains(&(target.as_str(), *line)) {
            continue;
        }
        reported.push((target.as_str(), *line));
        match LAYERS.iter().position(|layer| layer == target) {
            Some(target_rank) if rank.is_some_and(|rank| target_rank > rank) => report(
                *line,
                format!(
                    "`{top}` must not depend on `{target}` (names `crate::{}`)",
                    named.join("::")
                ),
            ),
            Some(_) => {}
            None if !top.is_empty() && top != "build" => report(
                *line,
                format!("`{top}` names `crate::{}`, which is in no layer", named.join("::")),
            ),
            None => {}
        }
    }

    // 2. The pure core names no web crate, so it compiles and is tested natively.
    let core = CORE.contains(&top.as_str());
    // 3. Browser APIs only in the browser glue and main.rs; the split attribute only in the split
    //    points.
    let glue = top == "browser" || path == "src/main.rs";
    for (name, line) in &imports.crates {
        let name = name.as_str();
        if core && WEB_CRATES.contains(&name) {
            report(
                *line,
                format!("`{top}` is part of the pure core and must not use `{name}` (ARCHITECTURE.md, Layers)"),
            );
        } else if !glue && BROWSER_CRATES.contains(&name) {
            report(
                *line,
                format!(
                    "browser API `{name}` used outside `src/browser*` and `src/main.rs`: move it into `src/browser/`"
                ),
            );
        } else if SPLIT_CRATES.contains(&name) && !SPLIT_FILES.contains(&path) {
            report(
                *line,
                format!("`{name}` marks split points, which live in `src/view/parts.rs`"),
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

/// A source file of the workspace: its path in the repository, its layer path (`src/…`), the
/// `crate::` root of its crate, and its text.
struct Source {
    real: String,
    path: String,
    crate_root: Vec<String>,
    text: String,
}

/// The layer path of a file of the workspace: the app's files keep theirs, a crate's file reads as
/// a file of its layer (`crates/data/src/lib.rs` → `src/data.rs`, `crates/data/src/model.rs` →
/// `src/data/model.rs`), with its `crate::` root. `None` for a file of an unlisted crate.
fn layer_path(real: &str) -> Option<(String, Vec<String>)> {
    if real.starts_with("src/") {
        return Some((real.to_string(), Vec::new()));
    }
    let (folder, _, layer) = CRATES
        .iter()
        .find(|(folder, _, _)| real.starts_with(&format!("{folder}/")))?;
    let inner = &real[folder.len() + 1..];
    let path = if inner == "lib.rs" {
        format!("src/{layer}.rs")
    } else {
        format!("src/{layer}/{inner}")
    };
    Some((path, vec![layer.to_string()]))
}

/// Every `.rs` file of the app (`src/`) and of every crate (`crates/*/src`). Fails on a crate
/// folder that [`CRATES`] does not list.
fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    for entry in std::fs::read_dir(root.join("crates")).expect("crates/") {
        let folder = entry.expect("directory entry").path();
        let name = format!("crates/{}/src", folder.file_name().unwrap().to_string_lossy());
        assert!(
            CRATES.iter().any(|(listed, _, _)| *listed == name),
            "{name} is in no layer: add the crate to CRATES and LAYERS (tests/architecture.rs) and to ARCHITECTURE.md"
        );
        rust_files(root, &folder.join("src"), &mut files);
    }
    files
        .into_iter()
        .map(|relative| {
            let text = std::fs::read_to_string(root.join(&relative)).expect("readable source");
            let real = relative.to_string_lossy().replace('\\', "/");
            let (path, crate_root) = layer_path(&real).expect("a listed crate");
            Source {
                real,
                path,
                crate_root,
                text,
            }
        })
        .collect()
}

/// The layer path of the file that holds `module` (`["data", "model"]` → `src/data/model.rs`,
/// `[]` → `src/lib.rs`).
fn file_of_module(module: &[String]) -> String {
    if module.is_empty() {
        "src/lib.rs".into()
    } else {
        format!("src/{}.rs", module.join("/"))
    }
}

/// For each source, the imports its glob imports bring (`use super::*` carries the imports of the
/// module it names, followed through that module's own globs), at the glob's line.
fn globbed_imports(sources: &[Source]) -> Vec<Vec<Imports>> {
    let own: Vec<Imports> = sources
        .iter()
        .map(|s| imports_of(&s.text, &module_of(&s.path).1, &s.crate_root))
        .collect();
    let index_of = |path: &str| sources.iter().position(|s| s.path == path);
    sources
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let mut brought = Vec::new();
            let mut seen = vec![i];
            let mut pending: Vec<(usize, usize)> = own[i]
                .paths
                .iter()
                .filter(|(path, _)| path.last().is_some_and(|s| s == "*"))
                .filter_map(|(path, line)| Some((index_of(&file_of_module(&path[..path.len() - 1]))?, *line)))
                .collect();
            while let Some((target, line)) = pending.pop() {
                if seen.contains(&target) {
                    continue;
                }
                seen.push(target);
                let at_line = |(p, _): &(Vec<String>, usize)| (p.clone(), line);
                brought.push(Imports {
                    paths: own[target].paths.iter().map(at_line).collect(),
                    crates: own[target].crates.iter().map(|(c, _)| (c.clone(), line)).collect(),
                });
                pending.extend(
                    own[target]
                        .paths
                        .iter()
                        .filter(|(path, _)| path.last().is_some_and(|s| s == "*"))
                        .filter_map(|(path, _)| Some((index_of(&file_of_module(&path[..path.len() - 1]))?, line))),
                );
            }
            brought
        })
        .collect()
}

#[test]
fn every_source_file_keeps_the_layer_rules() {
    let sources = sources();
    assert!(sources.len() > 150, "found only {} source files", sources.len());
    let globbed = globbed_imports(&sources);
    let violations: Vec<String> = sources
        .iter()
        .zip(&globbed)
        .flat_map(|(source, globbed)| {
            check_in_crate(&source.path, &source.text, &source.crate_root, globbed)
                .into_iter()
                .map(move |v| format!("{} ({})", v, source.real))
        })
        .collect();
    assert!(
        violations.is_empty(),
        "{} layer rule(s) broken (ARCHITECTURE.md, Layers):\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// The names of the dependencies a manifest declares for normal builds (not dev or build), on
/// any target, with `-` read as `_`.
fn normal_dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies =
                line == "[dependencies]" || (line.starts_with("[target.") && line.ends_with(".dependencies]"));
            continue;
        }
        if in_dependencies && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                let name = name.trim().split('.').next().unwrap_or_default();
                names.push(name.replace('-', "_"));
            }
        }
    }
    names
}

#[test]
fn the_core_crates_declare_no_web_dependency() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (folder, _, layer) in CRATES.iter().filter(|(_, _, layer)| CORE.contains(layer)) {
        let manifest_path = root.join(folder).join("../Cargo.toml");
        let manifest = std::fs::read_to_string(&manifest_path).expect("a crate's manifest");
        let dependencies = normal_dependencies(&manifest);
        assert!(
            dependencies.iter().any(|d| d == "policy_data") || *layer == "data",
            "{layer}: {dependencies:?}"
        );
        let web: Vec<&String> = dependencies
            .iter()
            .filter(|d| WEB_CRATES.contains(&d.as_str()))
            .collect();
        assert!(
            web.is_empty(),
            "{}: the pure core depends on {web:?}",
            manifest_path.display()
        );
    }
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
        assert_eq!(
            lines("src/build/prerender.rs", "use wasm_bindgen_futures::spawn_local;"),
            [1]
        );
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
    fn a_module_in_no_layer_fails_as_importer_and_as_target() {
        assert_eq!(lines("src/prerender.rs", "pub fn f() {}"), [1]);
        assert!(check_file("src/wasm_chunks.rs", "")[0].message.contains("in no layer"));
        assert_eq!(
            lines("src/view/home.rs", "fn f() {}\nuse crate::test_support::bi;"),
            [2]
        );
        assert!(lines("src/main.rs", "fn main() {}").is_empty());
    }

    #[test]
    fn crate_names_read_as_their_layers() {
        let data = ["data".to_string()];
        let found = check_in_crate(
            "src/data/model.rs",
            "use policy_analysis::catalog::Catalog;",
            &data,
            &[],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("`data` must not depend on `analysis`"),
            "{}",
            found[0]
        );
        // `crate::` in a crate is its own layer.
        assert!(check_in_crate("src/data/model.rs", "use crate::lang::Lang;", &data, &[]).is_empty());
        let charts = ["charts".to_string()];
        assert!(check_in_crate(
            "src/charts/paths.rs",
            "use policy_analysis::progress::evaluate;",
            &charts,
            &[]
        )
        .is_empty());
        assert_eq!(
            check_in_crate("src/charts/paths.rs", "use policy_explorer::view::App;", &charts, &[]).len(),
            1
        );
        assert_eq!(
            layer_path("crates/data/src/lib.rs"),
            Some(("src/data.rs".into(), data.to_vec()))
        );
        assert_eq!(
            layer_path("crates/extract/src/text/sentences.rs"),
            Some(("src/extract/text/sentences.rs".into(), vec!["extract".into()]))
        );
        assert_eq!(layer_path("crates/unlisted/src/lib.rs"), None);
    }

    #[test]
    fn globs_carry_the_imports_of_the_module_they_name() {
        let sources = [
            ("src/view/home.rs", "use super::*;\nfn f() {}"),
            ("src/view.rs", "use web_sys::Element;\nmod home;"),
            ("src/browser/paint.rs", "use super::*;"),
            ("src/browser.rs", "use web_sys::Window;"),
            ("src/data/model.rs", "use crate::data::lang::*;"),
            ("src/data/lang.rs", "use crate::view::*;"),
        ]
        .map(|(path, text)| Source {
            real: path.into(),
            path: path.into(),
            crate_root: Vec::new(),
            text: text.into(),
        });
        let globbed = globbed_imports(&sources);
        let found = |i: usize| check_in_crate(&sources[i].path, &sources[i].text, &[], &globbed[i]);
        // view.rs breaks the rule itself, and home.rs through its glob, at the glob's line.
        assert_eq!(found(1).len(), 1);
        assert_eq!(
            found(0).iter().map(|v| v.line).collect::<Vec<_>>(),
            [1],
            "{:?}",
            found(0)
        );
        // The glue may glob the glue.
        assert!(found(2).is_empty(), "{:?}", found(2));
        // A glob into a glob: data::model reaches view through data::lang's glob.
        assert!(
            found(4).iter().any(|v| v.message.contains("must not depend on `view`")),
            "{:?}",
            found(4)
        );
        // A glob of a higher layer is itself a dependency.
        assert_eq!(lines("src/data/export.rs", "use crate::analysis::*;"), [1]);
    }

    #[test]
    fn the_canvas_and_the_split_attribute_stay_in_their_places() {
        assert_eq!(
            lines("src/view/compare_charts.rs", "use plotters_canvas::CanvasBackend;"),
            [1]
        );
        assert!(lines("src/browser/chart_canvas.rs", "use plotters_canvas::CanvasBackend;").is_empty());
        assert_eq!(lines("src/charts/chart.rs", "use plotters_canvas::CanvasBackend;"), [1]);
        assert!(lines(
            "src/view/parts.rs",
            "#[wasm_split_helpers::wasm_split(compare)] fn f() {}"
        )
        .is_empty());
        assert_eq!(
            lines("src/view/home.rs", "#[wasm_split_helpers::wasm_split(home)] fn f() {}"),
            [1]
        );
    }

    #[test]
    fn manifests_are_read_for_their_normal_dependencies() {
        let manifest = "[package]\nname = \"x\"\n[dependencies]\npolicy-data.workspace = true\nserde = \"1\"\n# yew = \"0.23\"\n[dev-dependencies]\nyew = \"0.23\"\n[target.'cfg(unix)'.dependencies]\nweb-sys = \"0.3\"\n";
        assert_eq!(normal_dependencies(manifest), ["policy_data", "serde", "web_sys"]);
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
