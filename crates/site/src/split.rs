//! Cuts the built app into a main module and on-demand chunks (the first step of `site finish
//! --split`, before the names and the pages). Trunk builds the app with the `split` feature,
//! whose split points (`view::parts`) leave marked imports in the linked module; this step runs
//! `wasm-split-cli` on cargo's module (linked with `--emit-relocs`), `wasm-bindgen` on the main
//! part, and `wasm-opt` on every part, then puts them in the site:
//!
//! - the main module and its glue replace Trunk's `app-<hash>_bg.wasm` and `app-<hash>.js` (the
//!   next step, [`crate::names`], names them by their new bytes);
//! - each chunk becomes `chunk-<name>-<digest>.wasm`, named by its content, except the small
//!   shared ones (under [`PACKED_BELOW`] bytes): they travel together in one file,
//!   `chunk-pack-<digest>.wasm`, which the loader fetches once and cuts into the modules. Every
//!   split point adds shared chunks (code used by one set of split points), most under 1 KB; each
//!   its own request, the comparison needed 14 on a first open, three rounds of a browser's six
//!   connections over HTTP/1.1;
//! - the split loader (`wasm-split-cli`'s `__wasm_split.js`, which the glue imports) becomes
//!   `split-<digest>.js`, and fetches every chunk with its Subresource Integrity digest;
//! - `index.html` gets the new digests of the glue and module and a `modulepreload` of the loader.
//!
//! The rewriting is done by the pure functions here, tested natively; [`split_site`] runs the tools.

use std::path::Path;
use std::process::Command;

use crate::names::{content_name, integrity};

/// The name `wasm-split-cli` gives the loader the glue imports.
pub const LOADER_NAME: &str = "__wasm_split.js";

/// One chunk as the loader names it and as the site will.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkFile {
    /// The name `wasm-split-cli` wrote (`split_compare.wasm`, `chunk_6.wasm`).
    pub written: String,
    /// The content-named file in the site.
    pub published: String,
    pub integrity: String,
}

/// The loader's own fetch of the chunk `written` (as `wasm-split-cli` names it); an error unless it
/// is there exactly once.
fn loader_fetch(loader: &str, written: &str) -> Result<String, String> {
    let fetch = format!("fetch(new URL(\"./{written}\", import.meta.url))");
    if loader.matches(&fetch).count() == 1 {
        Ok(fetch)
    } else {
        Err(format!(
            "the split loader does not fetch {written} exactly once (has wasm-split-cli changed?)"
        ))
    }
}

/// Shared chunks smaller than this (bytes, optimised) travel in the pack, unless `site finish`
/// is given another threshold (`--pack-below`).
pub const PACKED_BELOW: usize = 8 * 1024;

/// A small chunk inside the pack: the name `wasm-split-cli` wrote and its bytes' place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackedChunk {
    pub written: String,
    pub offset: usize,
    pub length: usize,
}

/// The loader with each packed chunk read from the pack `pack` (published name, integrity digest)
/// instead of fetched on its own: one fetch of the pack, the first time a packed chunk is needed
/// (a failed fetch is tried again on the next load), each module cut out of it as a wasm response.
/// Unchanged when nothing is packed. Fails if a packed chunk's fetch is not found once.
pub fn pack_loader(loader: &str, packed: &[PackedChunk], pack: &str, pack_integrity: &str) -> Result<String, String> {
    if packed.is_empty() {
        return Ok(loader.to_string());
    }
    let mut out = loader.to_string();
    for chunk in packed {
        let fetch = loader_fetch(&out, &chunk.written)?;
        out = out.replace(&fetch, &format!("__packed({}, {})", chunk.offset, chunk.length));
    }
    let after_import = out.find('\n').ok_or("the split loader is one line")? + 1;
    let helper = format!(
        r#"let __pack = undefined;
function __packed(offset, length) {{
    if (__pack === undefined) {{
        const fetched = fetch(new URL("./{pack}", import.meta.url), {{ integrity: "{pack_integrity}", credentials: "same-origin" }})
            .then((response) => {{
                if (!response.ok) throw new Error(`${{response.url}}: ${{response.status}}`);
                return response.arrayBuffer();
            }});
        fetched.catch(() => {{ if (__pack === fetched) __pack = undefined; }});
        __pack = fetched;
    }}
    return __pack.then((bytes) => new Response(bytes.slice(offset, offset + length), {{ headers: {{ "Content-Type": "application/wasm" }} }}));
}}
"#
    );
    out.insert_str(after_import, &helper);
    Ok(out)
}

/// The loader with every chunk fetched under its published name and with its integrity digest.
/// Fails if a chunk's fetch is not found, or if the loader fetches a chunk not listed.
pub fn rewrite_loader(loader: &str, chunks: &[ChunkFile]) -> Result<String, String> {
    let mut out = loader.to_string();
    for chunk in chunks {
        let fetch = loader_fetch(&out, &chunk.written)?;
        let checked = format!(
            "fetch(new URL(\"./{}\", import.meta.url), {{ integrity: \"{}\", credentials: \"same-origin\" }})",
            chunk.published, chunk.integrity
        );
        out = out.replace(&fetch, &checked);
    }
    if out.contains("import.meta.url))") {
        return Err("the split loader fetches a chunk that was not published".into());
    }
    Ok(out)
}

/// The function by which the glue hands the loader its `initSync` (see [`detach_loader`]).
pub const SET_INIT: &str = "__wasm_split_set_init";

/// The loader without its import of the glue: `wasm-split-cli`'s loader imports `initSync` from
/// the glue, which imports the loader, and two files that name each other cannot both be named by
/// their bytes. The import becomes a setter the glue calls ([`hand_init_to_loader`]); the loader
/// calls `initSync` only when a chunk is loaded, long after. Fails unless the loader's first line
/// is that import.
pub fn detach_loader(loader: &str) -> Result<String, String> {
    let end = loader.find('\n').ok_or("the split loader is one line")?;
    let first = &loader[..end];
    if !(first.starts_with("import { initSync } from \"./") && first.ends_with("\";")) {
        return Err(format!(
            "the split loader's first line is not its import of initSync (has wasm-split-cli changed?): {first}"
        ));
    }
    Ok(format!(
        "let initSync;\nexport function {SET_INIT}(init) {{ initSync = init; }}{}",
        &loader[end..]
    ))
}

/// The glue, ending with a call that hands its `initSync` to the loader it imports (see
/// [`detach_loader`]). Fails if the glue imports no loader.
pub fn hand_init_to_loader(glue: &str) -> Result<String, String> {
    let namespace = glue
        .lines()
        .find_map(|line| {
            let (name, from) = line.strip_prefix("import * as ")?.split_once(' ')?;
            (from.trim_end_matches(';') == format!("from \"./{LOADER_NAME}\"")).then_some(name)
        })
        .ok_or_else(|| {
            format!("the glue does not import {LOADER_NAME} as a namespace: was the app built with the split feature?")
        })?;
    Ok(format!("{}\n{namespace}.{SET_INIT}(initSync);\n", glue.trim_end()))
}

/// The glue with its imports of the loader pointed at the loader's published name. (The module's
/// import names stay: the glue hands the loader's functions to the module under them.)
pub fn retarget_glue(glue: &str, loader: &str) -> Result<String, String> {
    let from = format!("from \"./{LOADER_NAME}\"");
    if !glue.contains(&from) {
        return Err(format!(
            "the glue does not import {LOADER_NAME}: was the app built with the split feature?"
        ));
    }
    Ok(glue.replace(&from, &format!("from \"./{loader}\"")))
}

/// `html` with the `integrity` of the `<link>` whose `href` is `href` set to `value`.
pub fn set_link_integrity(html: &str, href: &str, value: &str) -> Result<String, String> {
    let at = html
        .find(&format!("href=\"{href}\""))
        .ok_or_else(|| format!("index.html has no link to {href}"))?;
    let start = html[..at]
        .rfind("<link")
        .ok_or_else(|| format!("{href} is not in a <link>"))?;
    let end = at + html[at..].find('>').ok_or("unterminated <link>")?;
    let tag = &html[start..end];
    let attr = tag
        .find("integrity=\"")
        .ok_or_else(|| format!("the link to {href} has no integrity"))?;
    let value_start = start + attr + "integrity=\"".len();
    let value_end = value_start + html[value_start..].find('"').ok_or("unterminated integrity")?;
    Ok(format!("{}{value}{}", &html[..value_start], &html[value_end..]))
}

/// `html` with a `modulepreload` of `href` (with its integrity) after the link to `after`, so the
/// loader the glue imports is fetched alongside the glue and checked.
pub fn add_module_preload(html: &str, after: &str, href: &str, value: &str) -> Result<String, String> {
    let at = html
        .find(&format!("href=\"{after}\""))
        .ok_or_else(|| format!("index.html has no link to {after}"))?;
    let end = at + html[at..].find('>').ok_or("unterminated <link>")? + 1;
    Ok(format!(
        "{}\n<link rel=\"modulepreload\" href=\"{href}\" crossorigin=\"anonymous\" integrity=\"{value}\">{}",
        &html[..end],
        &html[end..]
    ))
}

/// What [`split_site`] put in the site: each part's name and size in bytes.
pub type Parts = Vec<(String, usize)>;

/// Splits `raw_wasm` (cargo's module for the app, linked with relocations) into the built site
/// in `dir`, replacing Trunk's unsplit module. Needs `wasm-split-cli`, `wasm-bindgen` and
/// `wasm-opt` on the PATH (scripts/setup.sh).
pub fn split_site(dir: &Path, raw_wasm: &Path, pack_below: usize) -> Result<Parts, String> {
    let index_path = dir.join("index.html");
    let mut html = read_text(&index_path)?;
    let glue_href = attribute(&html, "<meta name=\"app-entry\"", "content")?;
    let wasm_href = attribute(&html, "<meta name=\"app-entry\"", "data-wasm")?;
    let glue_name = glue_href.trim_start_matches("./").to_string();
    let stem = glue_name
        .strip_suffix(".js")
        .ok_or_else(|| format!("unexpected glue name {glue_name}"))?
        .to_string();

    let work = std::env::temp_dir().join(format!("policy-explorer-split-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let split_dir = work.join("split");
    let bindgen_dir = work.join("bindgen");
    std::fs::create_dir_all(&split_dir).map_err(|e| e.to_string())?;
    run(Command::new("wasm-split-cli")
        .arg(raw_wasm)
        .arg(&split_dir)
        .args(["--out-name", &stem, "--target", "web"]))?;
    run(Command::new("wasm-bindgen")
        .arg(split_dir.join(format!("{stem}.wasm")))
        .arg("--out-dir")
        .arg(&bindgen_dir)
        .args([
            "--out-name",
            &stem,
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-typescript",
        ]))?;

    let mut parts = Parts::new();
    let mut chunks = Vec::new();
    let mut written: Vec<String> = std::fs::read_dir(&split_dir)
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".wasm") && *name != format!("{stem}.wasm"))
        .collect();
    #[allow(clippy::disallowed_methods, reason = "build-time tool, not part of the wasm app")]
    written.sort();
    if written.is_empty() {
        return Err("wasm-split-cli found no split points: was the app built with the split feature?".into());
    }
    let mut pack = Vec::new();
    let mut packed = Vec::new();
    for name in written {
        let optimized = work.join(format!("opt-{name}"));
        optimize(&split_dir.join(&name), &optimized)?;
        let bytes = std::fs::read(&optimized).map_err(|e| e.to_string())?;
        // `split_compare.wasm` (a split point's own code) or `chunk_6.wasm` (code split points share).
        if name.starts_with("chunk_") && bytes.len() < pack_below {
            packed.push(PackedChunk {
                written: name,
                offset: pack.len(),
                length: bytes.len(),
            });
            pack.extend_from_slice(&bytes);
            continue;
        }
        let part = name
            .trim_end_matches(".wasm")
            .trim_start_matches("split_")
            .trim_start_matches("chunk_");
        let published = content_name(&format!("chunk-{}", part.replace('_', "-")), &bytes, "wasm");
        std::fs::write(dir.join(&published), &bytes).map_err(|e| e.to_string())?;
        parts.push((published.clone(), bytes.len()));
        chunks.push(ChunkFile {
            written: name,
            published,
            integrity: integrity(&bytes),
        });
    }
    let pack_name = content_name("chunk-pack", &pack, "wasm");
    let loader = read_text(&split_dir.join(LOADER_NAME))?;
    let loader = pack_loader(&loader, &packed, &pack_name, &integrity(&pack))?;
    if !packed.is_empty() {
        std::fs::write(dir.join(&pack_name), &pack).map_err(|e| e.to_string())?;
        parts.push((pack_name, pack.len()));
    }

    let loader = detach_loader(&rewrite_loader(&loader, &chunks)?)?;
    let loader_name = content_name("split", loader.as_bytes(), "js");
    std::fs::write(dir.join(&loader_name), &loader).map_err(|e| e.to_string())?;
    parts.push((loader_name.clone(), loader.len()));

    let glue = hand_init_to_loader(&read_text(&bindgen_dir.join(format!("{stem}.js")))?)?;
    let glue = retarget_glue(&glue, &loader_name)?;
    std::fs::write(dir.join(&glue_name), &glue).map_err(|e| e.to_string())?;
    parts.push((glue_name.clone(), glue.len()));

    let wasm_name = wasm_href.trim_start_matches("./").to_string();
    optimize(&bindgen_dir.join(format!("{stem}_bg.wasm")), &dir.join(&wasm_name))?;
    let main = std::fs::read(dir.join(&wasm_name)).map_err(|e| e.to_string())?;
    parts.push((wasm_name, main.len()));

    html = set_link_integrity(&html, &glue_href, &integrity(glue.as_bytes()))?;
    html = set_link_integrity(&html, &wasm_href, &integrity(&main))?;
    html = add_module_preload(
        &html,
        &glue_href,
        &format!("./{loader_name}"),
        &integrity(loader.as_bytes()),
    )?;
    std::fs::write(&index_path, html).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&work);
    Ok(parts)
}

/// `wasm-opt -Oz` (binaryen 132 or later, scripts/setup.sh), as Trunk runs it on an unsplit app.
fn optimize(input: &Path, output: &Path) -> Result<(), String> {
    run(Command::new("wasm-opt").arg("-Oz").arg(input).arg("-o").arg(output))
}

fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let output = command.output().map_err(|e| format!("{shown}: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed: {}", String::from_utf8_lossy(&output.stderr)))
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The value of `name` in the first tag that starts with `tag`.
fn attribute(html: &str, tag: &str, name: &str) -> Result<String, String> {
    let start = html.find(tag).ok_or_else(|| format!("index.html lacks {tag}>"))?;
    let end = start + html[start..].find('>').ok_or("unterminated tag")?;
    let element = &html[start..end];
    let key = format!(" {name}=\"");
    let at = element.find(&key).ok_or_else(|| format!("{tag}> has no {name}"))? + key.len();
    let len = element[at..].find('"').ok_or("unterminated attribute")?;
    Ok(element[at..at + len].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = r#"import { initSync } from "./app-1.js";
const __chunk_5 = makeLoad(() => {
    const src = fetch(new URL("./chunk_5.wasm", import.meta.url));
}, []);
const __split_compare = makeLoad(() => {
    const src = fetch(new URL("./split_compare.wasm", import.meta.url));
}, [__chunk_5]);"#;

    fn chunk(written: &str, published: &str) -> ChunkFile {
        ChunkFile {
            written: written.into(),
            published: published.into(),
            integrity: format!("sha384-{published}"),
        }
    }

    #[test]
    fn the_loader_fetches_each_chunk_by_its_published_name_with_its_digest() {
        let out = rewrite_loader(
            LOADER,
            &[
                chunk("chunk_5.wasm", "chunk-5-aa.wasm"),
                chunk("split_compare.wasm", "chunk-compare-bb.wasm"),
            ],
        )
        .unwrap();
        assert!(out.contains(
            r#"fetch(new URL("./chunk-compare-bb.wasm", import.meta.url), { integrity: "sha384-chunk-compare-bb.wasm", credentials: "same-origin" })"#
        ));
        assert!(out.contains(r#"new URL("./chunk-5-aa.wasm""#));
        assert!(!out.contains("split_compare.wasm"));
    }

    #[test]
    fn small_chunks_are_read_from_the_pack_fetched_once_with_its_digest() {
        let packed = [PackedChunk {
            written: "chunk_5.wasm".into(),
            offset: 0,
            length: 120,
        }];
        let out = pack_loader(LOADER, &packed, "chunk-pack-cc.wasm", "sha384-pack").unwrap();
        assert!(out.contains("const src = __packed(0, 120);"), "{out}");
        assert_eq!(
            out.matches(r#"fetch(new URL("./chunk-pack-cc.wasm", import.meta.url), { integrity: "sha384-pack", credentials: "same-origin" })"#).count(),
            1
        );
        assert!(
            out.starts_with("import { initSync } from \"./app-1.js\";\nlet __pack = undefined;"),
            "{out}"
        );
        // The rest is published as before, and nothing is fetched without a digest.
        let out = rewrite_loader(&out, &[chunk("split_compare.wasm", "chunk-compare-bb.wasm")]).unwrap();
        assert!(!out.contains("import.meta.url))"), "{out}");
        assert!(!out.contains("chunk_5.wasm"));
        // Nothing packed: unchanged; a packed chunk the loader does not fetch: an error.
        assert_eq!(pack_loader(LOADER, &[], "p", "i").unwrap(), LOADER);
        let missing = [PackedChunk {
            written: "chunk_9.wasm".into(),
            offset: 0,
            length: 1,
        }];
        assert!(pack_loader(LOADER, &missing, "p", "i").is_err());
    }

    #[test]
    fn a_chunk_left_unpublished_or_missing_is_an_error() {
        assert!(rewrite_loader(LOADER, &[chunk("chunk_5.wasm", "chunk-5-aa.wasm")]).is_err());
        assert!(rewrite_loader(LOADER, &[chunk("chunk_9.wasm", "x.wasm")]).is_err());
    }

    #[test]
    fn the_glue_imports_the_published_loader() {
        let glue = concat!(
            "import * as import1 from \"./__wasm_split.js\"\n",
            "import * as import2 from \"./__wasm_split.js\"\n",
            "\"./__wasm_split.js\": import1,"
        );
        let out = retarget_glue(glue, "split-0123.js").unwrap();
        assert_eq!(out.matches("from \"./split-0123.js\"").count(), 2);
        // The module still imports under the loader's original name.
        assert!(out.contains("\"./__wasm_split.js\": import1"), "{out}");
        assert!(retarget_glue("import x from \"./other.js\"", "split-0123.js").is_err());
    }

    #[test]
    fn the_loader_gets_initsync_from_the_glue_instead_of_importing_it() {
        let loader = detach_loader(LOADER).unwrap();
        assert!(!loader.contains("app-1.js"), "the loader names no glue: {loader}");
        assert!(
            loader.starts_with("let initSync;\nexport function __wasm_split_set_init(init) { initSync = init; }\n"),
            "{loader}"
        );
        assert_eq!(loader.lines().count(), LOADER.lines().count() + 1);
        assert!(detach_loader("let x = 1;\nfoo();").is_err());
        let glue = "import * as import1 from \"./__wasm_split.js\"\nfunction initSync() {}\nexport { initSync };\n";
        let handed = hand_init_to_loader(glue).unwrap();
        assert!(
            handed.ends_with("export { initSync };\nimport1.__wasm_split_set_init(initSync);\n"),
            "{handed}"
        );
        assert!(hand_init_to_loader("function initSync() {}").is_err());
    }

    #[test]
    fn integrity_and_content_names_follow_the_bytes() {
        // SHA-384 of the empty input, as published in the SRI specification's examples.
        assert_eq!(
            integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
        assert_eq!(content_name("split", b"", "js"), "split-e3b0c44298fc1c14.js");
        assert_ne!(content_name("split", b"a", "js"), content_name("split", b"b", "js"));
    }

    #[test]
    fn links_get_new_digests_and_the_loader_a_preload() {
        let html = r#"<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous" integrity="sha384-old">
<link rel="preload" href="./app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-old2" as="fetch">"#;
        let html = set_link_integrity(html, "./app-1_bg.wasm", "sha384-new").unwrap();
        assert!(html.contains(r#"href="./app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-new""#));
        assert!(html.contains("integrity=\"sha384-old\""));
        let html = add_module_preload(&html, "./app-1.js", "./split-2.js", "sha384-s").unwrap();
        let lines: Vec<&str> = html.lines().collect();
        assert_eq!(
            lines[1],
            r#"<link rel="modulepreload" href="./split-2.js" crossorigin="anonymous" integrity="sha384-s">"#
        );
        assert!(set_link_integrity(&html, "./missing.js", "x").is_err());
    }

    #[test]
    fn attributes_are_read_from_the_named_tag() {
        let html = r#"<meta name="app-entry" content="./app-1.js" data-wasm="./app-1_bg.wasm" />"#;
        assert_eq!(
            attribute(html, "<meta name=\"app-entry\"", "content").unwrap(),
            "./app-1.js"
        );
        assert_eq!(
            attribute(html, "<meta name=\"app-entry\"", "data-wasm").unwrap(),
            "./app-1_bg.wasm"
        );
    }
}
