//! The offline copy's manifest: which built files the service worker (`static/sw.js`) caches when
//! it installs, and the cache version they belong to. Trunk's hashed names change with every build,
//! so the list is written into `sw.js` at build time (`site finish`, after the pages).
//!
//! The list is bounded: it always holds the shell (the pages that are not a document's, every
//! hashed asset, every chunk of the app) and the data the first view needs (`data/index.json`,
//! `data/indicators.json`). The files whose number or size grows with the documents (a page per
//! document, the split files per document, the whole targets and texts) are listed only while they
//! all fit in a budget of plain bytes ([`PRECACHE_BUDGET`] by default), and otherwise none of them:
//! a small site works offline after one visit, and a large one installs in the same few requests
//! whatever its number of documents. The worker keeps what a visitor opens as it is fetched.
//!
//! The version is a fingerprint of every file of the site (the listed ones and the others, such as
//! the per-document files left out and the open data's CSV) and of the list: a new build or a new
//! dataset gives a new cache name, and the worker deletes the old caches when it takes over.

use std::path::Path;

/// The placeholder in `static/sw.js` replaced by the cache version.
pub const VERSION_PLACEHOLDER: &str = "__SW_VERSION__";
/// The placeholder in `static/sw.js` replaced by the JSON array of file names to cache.
pub const ASSETS_PLACEHOLDER: &str = "\"__SW_ASSETS__\"";

/// The default budget of the files that grow with the documents (plain bytes, at or under which
/// they are all precached): 2 MB. The five documents published today take 1.1 MB (250 KB with
/// brotli, beside a shell of 1.9 MB, 660 KB with brotli), so one visit keeps the whole explorer
/// for a little more than a third of the download; ten times as many documents would take about
/// ten times as much, more than the shell, which a visitor who came for one page should not
/// download at install.
pub const PRECACHE_BUDGET: u64 = 2_000_000;

/// Whether a file at the top of the built site belongs to the shell: the pages and Trunk's hashed
/// assets (glue, module and chunks, style, boot script, icon), not the worker itself. Document
/// pages are among them but scale with the data ([`is_scaled`]).
pub fn is_cached_file(name: &str) -> bool {
    name != "sw.js"
        && [".html", ".js", ".wasm", ".css", ".svg"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// The published data the first view needs, always cached: home's index and the indicator
/// catalogue (a document's page starts from them).
pub const FIRST_DATA: [&str; 2] = ["data/index.json", "data/indicators.json"];

/// Every document's metadata, the whole targets and texts: cached with the other files that grow
/// with the documents.
pub const WHOLE_DATA: [&str; 3] = ["data/document-list.json", "data/targets.json", "data/texts.json"];

/// The folders of the targets and texts split by document (`policy_data::by_document`): their
/// `*.json` files are cached with the other files that grow with the documents.
pub const DATA_FOLDERS: [&str; 2] = ["data/targets", "data/texts"];

/// Whether a listed file grows with the documents: a document's own page (`doc-<id>.html`), its
/// split files, the whole targets and texts.
pub fn is_scaled(name: &str) -> bool {
    (name.starts_with("doc-") && name.ends_with(".html"))
        || WHOLE_DATA.contains(&name)
        || DATA_FOLDERS
            .iter()
            .any(|folder| name.strip_prefix(folder).is_some_and(|rest| rest.starts_with('/')))
}

/// What the worker precaches and its cache version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Precache {
    /// The files to cache at install (relative to the site, sorted).
    pub names: Vec<String>,
    /// Their plain bytes.
    pub bytes: u64,
    /// The plain bytes of the files that grow with the documents, listed or not.
    pub scaled_bytes: u64,
    /// Whether those fit in the budget, and so are listed.
    pub scaled_listed: bool,
    /// The fingerprint of the whole site and of the list.
    pub version: String,
}

/// The files of a built site the worker precaches, with `budget` the plain bytes at or under which
/// the files that grow with the documents are listed too, and the cache version.
pub fn collect(dir: &Path, budget: u64) -> Result<Precache, String> {
    let mut every = Vec::new();
    walk(dir, "", &mut every)?;
    #[allow(clippy::disallowed_methods, reason = "build-time tool, not part of the wasm app")]
    every.sort();
    let mut candidates = Vec::new();
    for name in &every {
        let listed = match name.split_once('/') {
            None => is_cached_file(name),
            Some(_) => FIRST_DATA.contains(&name.as_str()) || (is_scaled(name) && name.ends_with(".json")),
        };
        if listed {
            let size = std::fs::metadata(dir.join(name))
                .map_err(|e| format!("{name}: {e}"))?
                .len();
            candidates.push((name.clone(), size));
        }
    }
    let scaled_bytes: u64 = candidates
        .iter()
        .filter(|(name, _)| is_scaled(name))
        .map(|(_, size)| size)
        .sum();
    let scaled_listed = scaled_bytes <= budget;
    let listed: Vec<(String, u64)> = candidates
        .into_iter()
        .filter(|(name, _)| scaled_listed || !is_scaled(name))
        .collect();
    let bytes = listed.iter().map(|(_, size)| size).sum();
    let names: Vec<String> = listed.into_iter().map(|(name, _)| name).collect();
    let mut files = Vec::with_capacity(every.len() + 1);
    for name in &every {
        let bytes = std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        files.push((name.as_str(), bytes));
    }
    let list = names.join("\n").into_bytes();
    files.push(("\0precached", list));
    let version = fingerprint(files.iter().map(|(n, b)| (*n, b.as_slice())));
    Ok(Precache {
        names,
        bytes,
        scaled_bytes,
        scaled_listed,
        version,
    })
}

/// One line saying what the worker precaches, for the build's report.
pub fn describe(precache: &Precache, budget: u64) -> String {
    let scaled = match precache.scaled_listed {
        true => format!("within the budget of {budget}, listed"),
        false => format!("over the budget of {budget}, not listed"),
    };
    format!(
        "sw.js lists {} files, {} bytes (the files that grow with the documents: {} bytes, {scaled}), cache version {}",
        precache.names.len(),
        precache.bytes,
        precache.scaled_bytes,
        precache.version
    )
}

/// Every file under `dir` (names relative to the site, `/`-separated) but the worker itself and
/// the compressed copies (`.br`, `.gz`, written after the list, and never asked for by name).
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let kind = entry.file_type().map_err(|e| format!("{name}: {e}"))?;
        let path = format!("{prefix}{name}");
        if kind.is_dir() {
            walk(&entry.path(), &format!("{path}/"), out)?;
        } else if kind.is_file() && path != "sw.js" && !name.ends_with(".br") && !name.ends_with(".gz") {
            out.push(path);
        }
    }
    Ok(())
}

/// Fills `dir/sw.js` (copied from static/sw.js) with the site's precached files and their cache
/// version, once the pages it lists exist.
pub fn write(dir: &Path, budget: u64) -> Result<Precache, String> {
    let path = dir.join("sw.js");
    let template = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    write_from(dir, &template, budget)
}

/// Writes `dir/sw.js` from `template` (static/sw.js) for the files of `dir` and `budget`: the
/// service-worker step alone, on a site already finished (its worker already filled).
pub fn write_from(dir: &Path, template: &str, budget: u64) -> Result<Precache, String> {
    let precache = collect(dir, budget)?;
    let filled = fill(template, &precache.names, &precache.version)?;
    std::fs::write(dir.join("sw.js"), filled).map_err(|e| format!("sw.js: {e}"))?;
    Ok(precache)
}

/// A 64-bit FNV-1a digest (hex) over each file's name and bytes, in the order given.
pub fn fingerprint<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for (name, bytes) in files {
        feed(name.as_bytes());
        feed(&[0]);
        feed(&(bytes.len() as u64).to_le_bytes());
        feed(bytes);
    }
    format!("{hash:016x}")
}

/// `sw.js` with its placeholders replaced by `version` and the file list (`./` first, the
/// address the site's main page is usually opened at). Fails on a template without placeholders
/// (already filled, or not the project's worker).
pub fn fill(template: &str, names: &[String], version: &str) -> Result<String, String> {
    if !template.contains(VERSION_PLACEHOLDER) || !template.contains(ASSETS_PLACEHOLDER) {
        return Err("sw.js lacks its placeholders (already filled?)".into());
    }
    let mut list = vec!["./".to_string()];
    list.extend(names.iter().map(|name| format!("./{name}")));
    let assets = serde_json::to_string(&list).map_err(|e| e.to_string())?;
    Ok(template
        .replace(VERSION_PLACEHOLDER, version)
        .replace(ASSETS_PLACEHOLDER, &assets))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "const VERSION = '__SW_VERSION__';\nconst ASSETS = \"__SW_ASSETS__\";\n";

    /// A fresh folder under the system's temporary directory holding `files` (folders made as
    /// needed).
    fn site(files: &[(&str, &str)]) -> std::path::PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "sw-site-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, body) in files {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, body).unwrap();
        }
        dir
    }

    /// A small built site: the shell, the first view's data, two documents' pages and split files,
    /// the whole data files and the open data's CSV and per-document dataset files.
    const BUILD: [(&str, &str); 20] = [
        ("index.html", "<html>"),
        ("doc-a.html", "<html>a"),
        ("doc-b.html", "<html>b"),
        ("app-1a2b.js", "glue"),
        ("app-1a2b_bg.wasm", "wasm"),
        ("chunk-explore-77.wasm", "chunk"),
        ("split-5e.js", "loader"),
        ("style-9f.css", "css"),
        ("boot-3c.js", "boot"),
        ("sw.js", TEMPLATE),
        ("data/index.json", "{\"index\":1}"),
        ("data/indicators.json", "{\"indicators\":1}"),
        ("data/targets.json", "{\"targets\":1}"),
        ("data/texts.json", "{\"texts\":1}"),
        ("data/targets.csv", "a,b"),
        ("data/targets/a.json", "{\"a\":1}"),
        ("data/targets/b.json", "{\"b\":1}"),
        ("data/texts/a.json", "{\"a\":2}"),
        ("data/texts/b.json", "{\"b\":2}"),
        ("data/documents/a.json", "{\"a\":3}"),
    ];

    /// What every listing holds, whatever the budget.
    const SHELL: [&str; 9] = [
        "app-1a2b.js",
        "app-1a2b_bg.wasm",
        "boot-3c.js",
        "chunk-explore-77.wasm",
        "data/index.json",
        "data/indicators.json",
        "index.html",
        "split-5e.js",
        "style-9f.css",
    ];

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_small_site_lists_the_shell_and_every_page_and_data_file_the_explorer_reads() {
        let mut files = BUILD.to_vec();
        files.push(("notes.txt", "x"));
        let precache = collect(&site(&files), PRECACHE_BUDGET).unwrap();
        let mut expected = SHELL.to_vec();
        expected.extend([
            "data/targets.json",
            "data/targets/a.json",
            "data/targets/b.json",
            "data/texts.json",
            "data/texts/a.json",
            "data/texts/b.json",
            "doc-a.html",
            "doc-b.html",
        ]);
        assert_eq!(precache.names, sorted(&expected));
        assert!(precache.scaled_listed);
        let scaled: u64 = BUILD
            .iter()
            .filter(|(name, _)| is_scaled(name))
            .map(|(_, body)| body.len() as u64)
            .sum();
        assert_eq!(precache.scaled_bytes, scaled);
        let listed: u64 = BUILD
            .iter()
            .filter(|(name, _)| expected.contains(name))
            .map(|(_, body)| body.len() as u64)
            .sum();
        assert_eq!(precache.bytes, listed);
    }

    #[test]
    fn over_the_budget_no_document_s_file_and_no_whole_data_file_is_listed() {
        let precache = collect(&site(&BUILD), 0).unwrap();
        assert_eq!(precache.names, sorted(&SHELL));
        assert!(!precache.scaled_listed);
        assert!(precache.names.iter().all(|name| !is_scaled(name)));
        // The budget is one byte short of the files that grow with the documents: none listed.
        let small = collect(&site(&BUILD), PRECACHE_BUDGET).unwrap();
        let short = collect(&site(&BUILD), small.scaled_bytes - 1).unwrap();
        assert_eq!(short.names, sorted(&SHELL));
        let exact = collect(&site(&BUILD), small.scaled_bytes).unwrap();
        assert_eq!(exact.names, small.names, "at the budget, all listed");
    }

    #[test]
    fn what_grows_with_the_documents_is_told_apart_from_the_shell() {
        for name in [
            "doc-a.html",
            "data/targets.json",
            "data/texts.json",
            "data/targets/a.json",
            "data/texts/b.json",
        ] {
            assert!(is_scaled(name), "{name}");
        }
        for name in [
            "index.html",
            "data/index.json",
            "data/indicators.json",
            "data/targetsx/a.json",
            "app.js",
        ] {
            assert!(!is_scaled(name), "{name}");
        }
    }

    #[test]
    fn never_lists_the_precompressed_copies() {
        // The browser asks for `app.js` and decodes what the server sends; the worker caches
        // the plain names only (src/precompress.rs writes the copies after the list is filled).
        let copies: Vec<String> = BUILD
            .iter()
            .flat_map(|(name, _)| [format!("{name}.br"), format!("{name}.gz")])
            .collect();
        let mut files = BUILD.to_vec();
        files.extend(copies.iter().map(|name| (name.as_str(), "compressed")));
        for budget in [0, PRECACHE_BUDGET] {
            let with_copies = collect(&site(&files), budget).unwrap();
            let without = collect(&site(&BUILD), budget).unwrap();
            assert_eq!(
                with_copies, without,
                "the copies change neither the list nor the version"
            );
        }
        assert!(!is_cached_file("index.html.br") && !is_cached_file("app-1a2b_bg.wasm.gz"));
    }

    #[test]
    fn a_new_build_or_a_new_dataset_gets_a_new_version_and_the_same_build_the_same() {
        for budget in [0, PRECACHE_BUDGET] {
            let version = |files: &[(&str, &str)]| collect(&site(files), budget).unwrap().version;
            let first = version(&BUILD);
            assert_eq!(first, version(&BUILD));
            let mut changed = vec![];
            // Any file changed, listed or not: a new glue, new targets, a document's split file
            // (unlisted over the budget), the open data's CSV and a document's dataset file.
            for (name, body) in [
                ("app-1a2b.js", "glue2"),
                ("data/targets.json", "{\"v\":2}"),
                ("data/targets/a.json", "{\"a\":9}"),
                ("data/targets.csv", "a,c"),
                ("data/documents/a.json", "{}"),
                ("doc-b.html", "<html>b2"),
            ] {
                let mut files = BUILD.to_vec();
                let slot = files.iter_mut().find(|(n, _)| *n == name).unwrap();
                slot.1 = body;
                let other = version(&files);
                assert_ne!(first, other, "{name} changed, budget {budget}");
                changed.push(other);
            }
            let mut added = BUILD.to_vec();
            added.push(("data/targets/c.json", "{\"c\":1}"));
            changed.push(version(&added));
            let mut distinct = changed.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), changed.len());
        }
        // The same files listed otherwise: another cache.
        let site = site(&BUILD);
        assert_ne!(
            collect(&site, 0).unwrap().version,
            collect(&site, PRECACHE_BUDGET).unwrap().version
        );
    }

    #[test]
    fn writes_the_worker_from_its_template_on_a_finished_site() {
        let dir = site(&BUILD);
        let small = write(&dir, PRECACHE_BUDGET).unwrap();
        assert!(write(&dir, 0).is_err(), "the worker is filled once");
        let bounded = write_from(&dir, TEMPLATE, 0).unwrap();
        let sw = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert_eq!(sw, fill(TEMPLATE, &bounded.names, &bounded.version).unwrap());
        assert!(bounded.names.len() < small.names.len());
    }

    #[test]
    fn fills_the_worker_once_with_the_version_and_a_json_list() {
        let names = vec!["index.html".to_string(), "data/texts.json".to_string()];
        let filled = fill(TEMPLATE, &names, "00ff").unwrap();
        assert_eq!(
            filled,
            "const VERSION = '00ff';\nconst ASSETS = [\"./\",\"./index.html\",\"./data/texts.json\"];\n"
        );
        assert!(fill(&filled, &names, "00ff").is_err());
    }
}
