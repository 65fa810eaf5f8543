//! Precompressed copies of the built site: beside every text file and WebAssembly module of `dist/`
//! (`*.html`, `*.js`, `*.css`, `*.json`, `*.csv`, `*.svg`, `*.wasm`, in every folder) a `.br`
//! (brotli, quality 11) and a `.gz` (gzip, best). A server that serves precompressed files (nginx
//! `gzip_static` / `brotli_static`, Caddy `file_server { precompressed br gzip }`) then sends the
//! smallest encoding the browser accepts without compressing anything per request, and at a level
//! too slow to use on the fly. docs/deploy.md shows the server configuration.
//!
//! `site finish` (src/bin/site.rs) calls [`precompress_dir`] as its last step, once the
//! pages and the filled `sw.js` are final. The service worker's list (`crate::service_worker`)
//! never names the compressed copies: the browser decodes what the server sends, so the worker
//! caches the plain names.

use std::io::Write;
use std::path::Path;

/// The extensions (lower case, without the dot) of the files that get compressed copies.
pub const EXTENSIONS: [&str; 7] = ["html", "js", "css", "json", "csv", "svg", "wasm"];

/// The suffixes of the compressed copies; files ending in one are never compressed again.
pub const SUFFIXES: [&str; 2] = [".br", ".gz"];

/// Brotli's densest setting, and its largest window that every browser decodes (16 MiB).
const BROTLI_QUALITY: i32 = 11;
const BROTLI_WINDOW_BITS: i32 = 24;

/// Whether a file of this name gets compressed copies: one of [`EXTENSIONS`], and not itself a
/// compressed copy.
pub fn is_compressible(name: &str) -> bool {
    if SUFFIXES.iter().any(|suffix| name.ends_with(suffix)) {
        return false;
    }
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => EXTENSIONS.iter().any(|known| ext.eq_ignore_ascii_case(known)),
        _ => false,
    }
}

/// `bytes` compressed with brotli at quality 11, through the crate's safe streaming encoder.
///
/// Its generic code is compiled into this crate, which every profile optimises (the workspace's
/// Cargo.toml, `[profile.dev.package.policy-site]`): unoptimised it takes 15 s for the wasm
/// module, optimised about 3 s.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_WINDOW_BITS,
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 + 64);
    ::brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| format!("brotli failed on {} bytes: {e}", bytes.len()))?;
    Ok(out)
}

/// `bytes` compressed with gzip at the best level (no file name, modification time 0, so the same
/// input always gives the same output).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::with_capacity(bytes.len() / 3 + 64), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir`, in every folder,
/// replacing older copies (so running it again, or after a file changed, leaves exactly one fresh
/// pair per file and never a `.br.gz`). Returns the number of compressed files written. The files
/// are shared among one thread per core, largest first.
pub fn precompress_dir(dir: &Path) -> Result<usize, String> {
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    let mut sized = Vec::with_capacity(files.len());
    for path in files {
        let len = std::fs::metadata(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .len();
        sized.push((std::cmp::Reverse(len), path));
    }
    #[allow(clippy::disallowed_methods, reason = "build-time tool, not part of the wasm app")]
    sized.sort();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sized.len().max(1));
    let work = || -> Result<usize, String> {
        let mut written = 0;
        while let Some((_, path)) = sized.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
            written += compress_file(path)?;
        }
        Ok(written)
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        workers.into_iter().try_fold(0, |total, worker| {
            Ok(total
                + worker
                    .join()
                    .map_err(|_| "a compression thread panicked".to_string())??)
        })
    })
}

/// Writes `<path>.br` and `<path>.gz` (replacing older copies); returns 2.
pub fn compress_file(path: &Path) -> Result<usize, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    for (suffix, compressed) in [(".br", brotli(&bytes)?), (".gz", gzip(&bytes)?)] {
        let mut target = path.as_os_str().to_owned();
        target.push(suffix);
        std::fs::write(&target, compressed).map_err(|e| format!("{}: {e}", Path::new(&target).display()))?;
    }
    Ok(2)
}

/// Collects the compressible regular files under `dir`, recursively (symbolic links are not
/// followed).
fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        if kind.is_dir() {
            walk(&entry.path(), files)?;
        } else if kind.is_file() && entry.file_name().to_str().is_some_and(is_compressible) {
            files.push(entry.path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn unbrotli(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &bytes[..], &mut out).unwrap();
        out
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        out
    }

    /// A fresh folder under the system's temporary directory holding `files`.
    fn site(files: &[(&str, &[u8])]) -> std::path::PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "precompress-{}-{}",
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

    /// Every file under `dir` (names relative to it, sorted) with its bytes.
    fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
        fn visit(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    visit(root, &path, out);
                } else {
                    let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                    out.push((name, std::fs::read(&path).unwrap()));
                }
            }
        }
        let mut out = Vec::new();
        visit(dir, dir, &mut out);
        out.sort();
        out
    }

    fn names(dir: &Path) -> Vec<String> {
        contents(dir).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn both_encodings_decompress_to_the_original() {
        let text = "教育政策目标 class sizes 班额 ".repeat(500);
        let inputs: [&[u8]; 4] = [b"", b"x", text.as_bytes(), &[0, 97, 115, 109, 1, 0, 0, 0, 255, 254]];
        for input in inputs {
            assert_eq!(unbrotli(&brotli(input).unwrap()), input);
            assert_eq!(gunzip(&gzip(input).unwrap()), input);
        }
        assert!(
            brotli(text.as_bytes()).unwrap().len() < text.len() / 20,
            "repetitive text shrinks"
        );
        // The one-shot encoder gives what the crate's streaming encoder gives at the same settings.
        let params = ::brotli::enc::BrotliEncoderParams {
            quality: BROTLI_QUALITY,
            lgwin: BROTLI_WINDOW_BITS,
            ..Default::default()
        };
        let mut streamed = Vec::new();
        ::brotli::BrotliCompress(&mut text.as_bytes(), &mut streamed, &params).unwrap();
        assert_eq!(brotli(text.as_bytes()).unwrap(), streamed);
        assert_eq!(
            gzip(text.as_bytes()).unwrap(),
            gzip(text.as_bytes()).unwrap(),
            "deterministic"
        );
    }

    #[test]
    fn text_files_and_wasm_are_compressed_and_nothing_else() {
        for name in [
            "index.html",
            "doc-panjin-2019.html",
            "app-0123456789abcdef.js",
            "app-0123456789abcdef_bg.wasm",
            "style-0123456789abcdef.css",
            "sw.js",
            "targets.json",
            "targets.csv",
            "favicon.svg",
            "UPPER.HTML",
        ] {
            assert!(is_compressible(name), "{name}");
        }
        for name in [
            "index.html.br",
            "app.js.gz",
            "app_bg.wasm.br",
            "logo.png",
            "notes.txt",
            "README",
            ".js",
            "archive.tar.gz",
            "html",
        ] {
            assert!(!is_compressible(name), "{name}");
        }
    }

    #[test]
    fn writes_a_br_and_a_gz_beside_every_text_file_in_every_folder() {
        let dir = site(&[
            ("index.html", b"<html>home</html>"),
            ("app-1a2b.js", b"export function x() {}"),
            ("app-1a2b_bg.wasm", b"\0asm\x01\0\0\0"),
            ("sw.js", b"const VERSION = '00ff';"),
            ("data/targets.json", b"{\"documents\": []}"),
            ("data/targets.csv", b"\xef\xbb\xbfid,value"),
            ("data/deeper/chunk-0123456789abcdef.js", b"chunk"),
            ("icon.png", b"\x89PNG"),
        ]);
        assert_eq!(precompress_dir(&dir).unwrap(), 14);
        let files = contents(&dir);
        let plain: Vec<_> = files.iter().filter(|(name, _)| is_compressible(name)).collect();
        assert_eq!(plain.len(), 7);
        for (name, bytes) in plain {
            let br = files.iter().find(|(n, _)| *n == format!("{name}.br")).expect(name);
            let gz = files.iter().find(|(n, _)| *n == format!("{name}.gz")).expect(name);
            assert_eq!(&unbrotli(&br.1), bytes, "{name}.br");
            assert_eq!(&gunzip(&gz.1), bytes, "{name}.gz");
        }
        assert!(
            !names(&dir).iter().any(|name| name.starts_with("icon.png.")),
            "no copies of a PNG"
        );
        assert_eq!(files.len(), 8 + 14);
    }

    #[test]
    fn running_again_changes_nothing_and_refreshes_copies_of_changed_files() {
        let dir = site(&[("index.html", b"<html>one</html>"), ("data/t.json", b"[1]")]);
        assert_eq!(precompress_dir(&dir).unwrap(), 4);
        let first = contents(&dir);
        assert_eq!(precompress_dir(&dir).unwrap(), 4, "the copies are not compressed again");
        assert_eq!(contents(&dir), first);
        assert!(!names(&dir)
            .iter()
            .any(|n| n.ends_with(".br.br") || n.ends_with(".br.gz") || n.ends_with(".gz.br")));

        std::fs::write(dir.join("index.html"), "<html>two</html>").unwrap();
        precompress_dir(&dir).unwrap();
        assert_eq!(
            unbrotli(&std::fs::read(dir.join("index.html.br")).unwrap()),
            b"<html>two</html>"
        );
        assert_eq!(
            gunzip(&std::fs::read(dir.join("index.html.gz")).unwrap()),
            b"<html>two</html>"
        );
        assert_eq!(names(&dir).len(), 6);
    }

    #[test]
    fn an_empty_folder_gives_nothing_and_a_missing_one_an_error_naming_it() {
        assert_eq!(precompress_dir(&site(&[("notes.txt", b"x")])).unwrap(), 0);
        let missing = std::env::temp_dir().join("precompress-no-such-folder");
        let error = precompress_dir(&missing).unwrap_err();
        assert!(error.contains("precompress-no-such-folder"), "{error}");
    }
}
