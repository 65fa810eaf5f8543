//! Bakes a fingerprint (FNV-1a, 64 bits) of the published JSON files into the app, so the app can
//! tell a fetched `data/targets.json` or `data/texts.json` from another build (a stale cache).
//! The same function is `data::published::fingerprint`; a native test checks they agree.

use std::fs;

fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn main() {
    for (file, var) in [
        ("targets.json", "PUBLISHED_TARGETS_FNV"),
        ("texts.json", "PUBLISHED_TEXTS_FNV"),
    ] {
        let path = format!("../../data/published/{file}");
        println!("cargo:rerun-if-changed={path}");
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        println!("cargo:rustc-env={var}={:016x}", fingerprint(&bytes));
    }
}
