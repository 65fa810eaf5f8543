//! Bakes a fingerprint (FNV-1a, 64 bits) of the published JSON files into the app, so the app can
//! tell a fetched `data/index.json`, `data/document-list.json`, `data/indicators.json`,
//! `data/targets.json` or `data/texts.json`
//! from another build (a stale cache). A document's `data/targets/<id>.json` carries the targets'
//! fingerprint itself (`by_document`).
//! The same function is `data::published::fingerprint`; a native test checks they agree.

use std::fs;

fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn main() {
    for (file, var) in [
        ("index.json", "PUBLISHED_INDEX_FNV"),
        ("document-list.json", "PUBLISHED_DOCUMENT_LIST_FNV"),
        ("indicators.json", "PUBLISHED_INDICATORS_FNV"),
        ("targets.json", "PUBLISHED_TARGETS_FNV"),
        ("texts.json", "PUBLISHED_TEXTS_FNV"),
    ] {
        let path = format!("../../data/published/{file}");
        println!("cargo:rerun-if-changed={path}");
        // A file not published yet (the `dataset publish` that writes it needs this crate built)
        // gets a fingerprint no file has: the app refuses it, the freshness tests fail.
        let fingerprint = match fs::read(&path) {
            Ok(bytes) => format!("{:016x}", fingerprint(&bytes)),
            Err(e) => {
                println!("cargo:warning={path}: {e}; run `cargo dataset publish`");
                "missing".to_string()
            }
        };
        println!("cargo:rustc-env={var}={fingerprint}");
    }
}
