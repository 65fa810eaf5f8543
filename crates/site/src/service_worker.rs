//! The offline copy's manifest: which built files the service worker (`static/sw.js`) caches and
//! the cache version they belong to. Trunk's hashed names change with every build, so the list is
//! written into `sw.js` at build time (`site finish`, after the pages). The version is a
//! fingerprint of every listed file's name and bytes: a new build or a new dataset gives a new
//! cache name, and the worker deletes the old caches when it takes over.

use std::path::Path;

/// The placeholder in `static/sw.js` replaced by the cache version.
pub const VERSION_PLACEHOLDER: &str = "__SW_VERSION__";
/// The placeholder in `static/sw.js` replaced by the JSON array of file names to cache.
pub const ASSETS_PLACEHOLDER: &str = "\"__SW_ASSETS__\"";

/// Whether a file at the top of the built site belongs in the offline copy: the pages and Trunk's
/// hashed assets (glue, module, style, boot script, icon), not the worker itself.
pub fn is_cached_file(name: &str) -> bool {
    name != "sw.js"
        && [".html", ".js", ".wasm", ".css", ".svg"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// The published data files the explorer reads, cached too.
pub const DATA_FILES: [&str; 5] = [
    "data/index.json",
    "data/document-list.json",
    "data/indicators.json",
    "data/targets.json",
    "data/texts.json",
];

/// The folders of the targets and texts split by document (`policy_data::by_document`): every
/// `*.json` in them is cached too, so a document's page and the comparison work offline as the
/// whole files do.
pub const DATA_FOLDERS: [&str; 2] = ["data/targets", "data/texts"];

/// The cached files of a built site (names relative to `dir`, sorted), and their fingerprint.
pub fn collect(dir: &Path) -> Result<(Vec<String>, String), String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().map(|t| t.is_file()).unwrap_or(false))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| is_cached_file(name))
        .collect();
    names.extend(
        DATA_FILES
            .iter()
            .filter(|name| dir.join(name).is_file())
            .map(|name| name.to_string()),
    );
    for folder in DATA_FOLDERS {
        if let Ok(entries) = std::fs::read_dir(dir.join(folder)) {
            names.extend(
                entries
                    .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                    .filter(|name| name.ends_with(".json"))
                    .map(|name| format!("{folder}/{name}")),
            );
        }
    }
    #[allow(clippy::disallowed_methods, reason = "build-time tool, not part of the wasm app")]
    names.sort();
    let mut files = Vec::with_capacity(names.len());
    for name in &names {
        let bytes = std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        files.push((name.as_str(), bytes));
    }
    let version = fingerprint(files.iter().map(|(n, b)| (*n, b.as_slice())));
    Ok((names, version))
}

/// Fills `dir/sw.js` (copied from static/sw.js) with the site's cached files and their cache
/// version, once the pages it lists exist. Returns how many files it lists and the version.
pub fn write(dir: &Path) -> Result<(usize, String), String> {
    let path = dir.join("sw.js");
    let template = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (names, version) = collect(dir)?;
    std::fs::write(&path, fill(&template, &names, &version)?).map_err(|e| format!("sw.js: {e}"))?;
    Ok((names.len(), version))
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

    /// A fresh folder under the system's temporary directory holding `files`.
    fn site(files: &[(&str, &str)]) -> std::path::PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "sw-site-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        for (name, body) in files {
            std::fs::write(dir.join(name), body).unwrap();
        }
        dir
    }

    const BUILD: [(&str, &str); 8] = [
        ("index.html", "<html>"),
        ("doc-a.html", "<html>a"),
        ("app-1a2b.js", "glue"),
        ("app-1a2b_bg.wasm", "wasm"),
        ("style-9f.css", "css"),
        ("sw.js", TEMPLATE),
        ("data/targets.json", "{}"),
        ("data/texts.json", "{}"),
    ];

    #[test]
    fn lists_pages_hashed_assets_and_data_but_not_the_worker_or_other_files() {
        let mut files = BUILD.to_vec();
        files.push(("data/targets.csv", "a,b"));
        files.push(("notes.txt", "x"));
        let dir = site(&files);
        let (names, _) = collect(&dir).unwrap();
        assert_eq!(
            names,
            [
                "app-1a2b.js",
                "app-1a2b_bg.wasm",
                "data/targets.json",
                "data/texts.json",
                "doc-a.html",
                "index.html",
                "style-9f.css"
            ]
        );
    }

    #[test]
    fn lists_home_s_index_with_the_other_data() {
        let mut files = BUILD.to_vec();
        files.push(("data/index.json", "{}"));
        let (names, _) = collect(&site(&files)).unwrap();
        assert!(names.iter().any(|n| n == "data/index.json"), "{names:?}");
    }

    #[test]
    fn lists_the_targets_and_texts_split_by_document_but_not_their_compressed_copies() {
        let mut files = BUILD.to_vec();
        files.push(("data/indicators.json", "{}"));
        let dir = site(&files);
        std::fs::create_dir_all(dir.join("data/targets")).unwrap();
        for name in ["a.json", "a.json.br", "a.json.gz", "b.json"] {
            std::fs::write(dir.join("data/targets").join(name), "{}").unwrap();
        }
        std::fs::create_dir_all(dir.join("data/texts")).unwrap();
        std::fs::write(dir.join("data/texts/a.json"), "{}").unwrap();
        std::fs::write(dir.join("data/texts/a.json.br"), "{}").unwrap();
        let (names, _) = collect(&dir).unwrap();
        let data: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| n.starts_with("data/"))
            .collect();
        assert_eq!(
            data,
            [
                "data/indicators.json",
                "data/targets.json",
                "data/targets/a.json",
                "data/targets/b.json",
                "data/texts.json",
                "data/texts/a.json"
            ]
        );
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
        let (with_copies, version_with) = collect(&site(&files)).unwrap();
        let (without, version_without) = collect(&site(&BUILD)).unwrap();
        assert_eq!(with_copies, without);
        assert_eq!(
            version_with, version_without,
            "the copies do not change the cache version"
        );
        assert!(!is_cached_file("index.html.br") && !is_cached_file("app-1a2b_bg.wasm.gz"));
    }

    #[test]
    fn a_new_build_or_a_new_dataset_gets_a_new_version_and_the_same_build_the_same() {
        let (_, first) = collect(&site(&BUILD)).unwrap();
        let (_, again) = collect(&site(&BUILD)).unwrap();
        assert_eq!(first, again);
        let mut rebuilt = BUILD.to_vec();
        rebuilt[2] = ("app-3c4d.js", "glue2");
        let (_, second) = collect(&site(&rebuilt)).unwrap();
        assert_ne!(first, second);
        let mut new_data = BUILD.to_vec();
        new_data[6] = ("data/targets.json", "{\"v\":2}");
        let (_, third) = collect(&site(&new_data)).unwrap();
        assert_ne!(first, third);
        assert_ne!(second, third);
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
