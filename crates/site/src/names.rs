//! Names by content: every file the site serves `immutable` (docs/deploy.md: a name ending in
//! `-<hex>.js|wasm|css|svg`, `_bg` allowed before the extension) is named by a digest of its own
//! final bytes, so a returning visitor never holds a stale file under a current name.
//!
//! Trunk names its assets by its own hashes, computed before the site is finished; the finishing
//! steps then change bytes under those names (the split glue and main module, the loader the glue
//! imports). [`name_by_content`] renames every such file by the SHA-256 of its bytes, leaves
//! first, rewriting the references in the files that name it, and then sets every integrity digest
//! of `index.html` from the bytes it points at. [`misnamed`] is the check: the files whose name is
//! not their bytes' digest.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// The extensions of the files served `immutable` (docs/deploy.md's nginx location).
pub const IMMUTABLE_EXTENSIONS: [&str; 4] = ["js", "wasm", "css", "svg"];

/// Hex digits of the SHA-256 that name a file.
pub const DIGEST_HEX: usize = 16;

/// A file's Subresource Integrity value (`sha384-…`).
pub fn integrity(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// The first [`DIGEST_HEX`] hex digits of the SHA-256 of `bytes`.
pub fn digest_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(DIGEST_HEX / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `{stem}-{digest}.{extension}`: a name that changes with the content, so hosts may cache it for
/// ever (docs/deploy.md).
pub fn content_name(stem: &str, bytes: &[u8], extension: &str) -> String {
    format!("{stem}-{}.{extension}", digest_hex(bytes))
}

/// A name served `immutable`, in its parts: `app-0123456789abcdef_bg.wasm` is
/// (`app`, `0123456789abcdef`, `_bg.wasm`). `None` for any other name. The digest is 8 to 16 hex
/// digits, as the server's rule reads it.
pub fn immutable_parts(name: &str) -> Option<(&str, &str, &str)> {
    let (base, extension) = name.rsplit_once('.')?;
    if !IMMUTABLE_EXTENSIONS.contains(&extension) {
        return None;
    }
    let base = base.strip_suffix("_bg").unwrap_or(base);
    let (stem, hex) = base.rsplit_once('-')?;
    let is_hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    if stem.is_empty() || !(8..=16).contains(&hex.len()) || !hex.chars().all(is_hex) {
        return None;
    }
    Some((stem, hex, &name[stem.len() + 1 + hex.len()..]))
}

/// The name `name` should have for `bytes`: the same stem and suffix, the bytes' digest. `None`
/// when `name` is not served immutable.
pub fn content_name_for(name: &str, bytes: &[u8]) -> Option<String> {
    let (stem, _, suffix) = immutable_parts(name)?;
    Some(format!("{stem}-{}{suffix}", digest_hex(bytes)))
}

/// The top-level files of the site served immutable whose name is not their bytes' digest.
pub fn misnamed(dir: &Path) -> Result<Vec<String>, String> {
    let mut wrong = Vec::new();
    for name in files(dir)? {
        if let Some((_, hex, _)) = immutable_parts(&name) {
            let bytes = std::fs::read(dir.join(&name)).map_err(|e| format!("{name}: {e}"))?;
            if !digest_hex(&bytes).starts_with(hex) || hex.len() != DIGEST_HEX {
                wrong.push(name);
            }
        }
    }
    Ok(wrong)
}

/// The files that may name others: pages, scripts and style sheets.
fn names_others(name: &str) -> bool {
    [".html", ".js", ".css"].iter().any(|ext| name.ends_with(ext))
}

/// Renames every immutable file of `dir` (top level) by its content and rewrites the references
/// to it in the pages, scripts and style sheets, until every name is its bytes' digest; then sets
/// each integrity digest of `index.html` from the file it points at. Returns the renames, in the
/// order done. Fails on references that form a cycle (no order of renames settles them).
pub fn name_by_content(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut renames = Vec::new();
    // Each round renames the files that no misnamed file names (the leaves); a file that names
    // a misnamed one waits, as its bytes are about to change.
    loop {
        let names = files(dir)?;
        let mut texts = Vec::new();
        for name in names.iter().filter(|name| names_others(name)) {
            let text = std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
            texts.push((name.clone(), text));
        }
        let wrong = misnamed(dir)?;
        if wrong.is_empty() {
            break;
        }
        let names_a_wrong_one = |name: &str| {
            texts
                .iter()
                .find(|(text_name, _)| text_name == name)
                .is_some_and(|(_, text)| wrong.iter().any(|other| other != name && text.contains(other.as_str())))
        };
        let leaves: Vec<&String> = wrong.iter().filter(|name| !names_a_wrong_one(name)).collect();
        if leaves.is_empty() {
            return Err(format!(
                "these files name each other, so no name can follow their bytes: {}",
                wrong.join(", ")
            ));
        }
        for old in leaves {
            if renames.iter().any(|(_, new)| new == old) {
                return Err(format!(
                    "{old} changed again after it was named by its bytes: the files that name it form a cycle"
                ));
            }
            let bytes = std::fs::read(dir.join(old)).map_err(|e| format!("{old}: {e}"))?;
            let new = content_name_for(old, &bytes).ok_or_else(|| format!("{old}: not an immutable name"))?;
            std::fs::rename(dir.join(old), dir.join(&new)).map_err(|e| format!("{old} → {new}: {e}"))?;
            for (text_name, text) in texts.iter_mut().filter(|(_, text)| text.contains(old.as_str())) {
                *text = text.replace(old.as_str(), &new);
                let path = if text_name == old {
                    dir.join(&new)
                } else {
                    dir.join(&*text_name)
                };
                std::fs::write(path, text.as_bytes()).map_err(|e| format!("{text_name}: {e}"))?;
            }
            renames.push((old.clone(), new));
        }
    }
    let index = dir.join("index.html");
    if index.is_file() {
        let html = std::fs::read_to_string(&index).map_err(|e| format!("index.html: {e}"))?;
        let html = refresh_integrity(&html, |name| std::fs::read(dir.join(name)).ok())?;
        std::fs::write(&index, html).map_err(|e| format!("index.html: {e}"))?;
    }
    Ok(renames)
}

/// `html` with the `integrity` of every tag that carries one set from the bytes of the file its
/// `href` or `src` names (relative, `./name`), as `read` gives them. Fails on a tag whose file is
/// missing.
pub fn refresh_integrity(html: &str, read: impl Fn(&str) -> Option<Vec<u8>>) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let close = open + rest[open..].find('>').ok_or("unterminated tag in index.html")? + 1;
        let tag = &rest[open..close];
        out.push_str(&rest[..open]);
        out.push_str(&retag(tag, &read)?);
        rest = &rest[close..];
    }
    out.push_str(rest);
    Ok(out)
}

/// One tag with its integrity set from the file it names (unchanged without an integrity).
fn retag(tag: &str, read: &impl Fn(&str) -> Option<Vec<u8>>) -> Result<String, String> {
    let Some(at) = tag.find("integrity=\"") else {
        return Ok(tag.to_string());
    };
    let target = ["href=\"", "src=\""]
        .iter()
        .find_map(|attr| {
            let start = tag.find(attr)? + attr.len();
            Some(&tag[start..start + tag[start..].find('"')?])
        })
        .ok_or_else(|| format!("a tag with an integrity names no file: {tag}"))?;
    let name = target.trim_start_matches("./");
    let bytes = read(name).ok_or_else(|| format!("index.html names {name}, which is not in the site"))?;
    let start = at + "integrity=\"".len();
    let end = start + tag[start..].find('"').ok_or("unterminated integrity")?;
    Ok(format!("{}{}{}", &tag[..start], integrity(&bytes), &tag[end..]))
}

/// The names of the regular files at the top of `dir`, sorted.
fn files(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    #[allow(clippy::disallowed_methods, reason = "build-time tool, not part of the wasm app")]
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(label: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("policy-site-names-{}-{label}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn immutable_names_are_read_as_the_server_reads_them() {
        assert_eq!(
            immutable_parts("app-0123456789abcdef_bg.wasm"),
            Some(("app", "0123456789abcdef", "_bg.wasm"))
        );
        assert_eq!(
            immutable_parts("chunk-pack-0123456789abcdef.wasm"),
            Some(("chunk-pack", "0123456789abcdef", ".wasm"))
        );
        assert_eq!(
            immutable_parts("styles-89abcdef.css"),
            Some(("styles", "89abcdef", ".css"))
        );
        for name in [
            "index.html",
            "sw.js",
            "app.js",
            "app-xyz0123456789ab.js",
            "targets-0123456789abcdef.json",
            "-0123456789abcdef.js",
        ] {
            assert_eq!(immutable_parts(name), None, "{name}");
        }
    }

    #[test]
    fn every_file_gets_its_bytes_name_and_every_reference_and_digest_follows() {
        let dir = site("all", &[
            ("app-0000000000000000_bg.wasm", "main module"),
            ("split-1111111111111111.js", "fetch(chunk)"),
            ("app-2222222222222222.js", "import x from \"./split-1111111111111111.js\"; \"app-0000000000000000_bg.wasm\""),
            ("styles-3333333333333333.css", "body{}"),
            (
                "index.html",
                "<link rel=\"modulepreload\" href=\"./app-2222222222222222.js\" integrity=\"sha384-old\">\
                 <link rel=\"preload\" href=\"./app-0000000000000000_bg.wasm\" integrity=\"sha384-old\">\
                 <link rel=\"stylesheet\" href=\"./styles-3333333333333333.css\" integrity=\"sha384-old\">\
                 <meta name=\"app-entry\" content=\"./app-2222222222222222.js\" data-wasm=\"./app-0000000000000000_bg.wasm\">",
            ),
        ]);
        let renames = name_by_content(&dir).unwrap();
        assert_eq!(renames.len(), 4, "{renames:?}");
        assert_eq!(misnamed(&dir).unwrap(), Vec::<String>::new());
        let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
        let wasm = content_name("app", b"main module", "wasm").replace(".wasm", "_bg.wasm");
        assert!(index.contains(&format!("data-wasm=\"./{wasm}\"")), "{index}");
        assert!(!index.contains("sha384-old"), "{index}");
        assert!(index.contains(&integrity(b"main module")), "{index}");
        // The glue names the loader and the module by their new names, and is named after that.
        let glue = files(&dir)
            .unwrap()
            .into_iter()
            .find(|n| n.starts_with("app-") && n.ends_with(".js"))
            .unwrap();
        let text = std::fs::read_to_string(dir.join(&glue)).unwrap();
        assert!(text.contains(&wasm) && !text.contains("1111111111111111"), "{text}");
        assert_eq!(glue, content_name("app", text.as_bytes(), "js"));
        assert!(index.contains(&glue));
        // Named by content already: a second pass renames nothing.
        assert!(name_by_content(&dir).unwrap().is_empty());
    }

    #[test]
    fn a_file_whose_bytes_changed_under_its_name_is_found() {
        let good = content_name("boot", b"start()", "js");
        let dir = site(
            "changed",
            &[
                (&good, "start()"),
                ("app-0123456789abcdef.js", "changed"),
                ("data.json", "{}"),
            ],
        );
        assert_eq!(misnamed(&dir).unwrap(), ["app-0123456789abcdef.js"]);
    }

    #[test]
    fn files_naming_each_other_are_an_error() {
        let dir = site(
            "cycle",
            &[
                ("a-0000000000000000.js", "b-1111111111111111.js"),
                ("b-1111111111111111.js", "a-0000000000000000.js"),
            ],
        );
        let error = name_by_content(&dir).unwrap_err();
        assert!(error.contains("name each other"), "{error}");
    }

    #[test]
    fn a_digest_for_a_missing_file_is_an_error() {
        let error = refresh_integrity(
            "<script src=\"./gone-0123456789abcdef.js\" integrity=\"x\"></script>",
            |_| None,
        )
        .unwrap_err();
        assert!(error.contains("gone-0123456789abcdef.js"), "{error}");
        assert_eq!(
            refresh_integrity("<p>no digests</p>", |_| None).unwrap(),
            "<p>no digests</p>"
        );
    }
}
