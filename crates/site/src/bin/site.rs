//! Finishes a built site. As Trunk's hook (`TRUNK_PROFILE` set) it first cuts the app into its
//! main module and on-demand chunks (`policy_site::split`). Then it writes the
//! prerendered pages: the home page into `index.html` and one
//! `doc-<id>.html` per document (see `policy_site::prerender`). Trunk runs it after every build
//! (Trunk.toml, `post_build` hook) on its staging directory; by hand:
//! `cargo run --bin prerender -- dist`. It then writes the build's file list and cache version into
//! `sw.js` (see `policy_site::service_worker`), and last writes a brotli and a gzip copy beside
//! every text file and wasm module of the site (see `policy_site::precompress`), `sw.js`
//! included. `PRERENDER_DOCUMENT_PAGES=0` writes the home page only.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = run() {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use policy_data::model::Dataset;
    use policy_site::prerender::{
        document_file, document_query, inject, link_document_pages, mark_prerendered, render,
    };
    use std::path::PathBuf;

    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from)
        .ok_or("name the built site's folder (or run as a Trunk hook)")?;
    // As Trunk's hook: cut the app into its main module and on-demand chunks first, so the pages
    // and the service worker's list name the final files.
    if let Ok(profile) = std::env::var("TRUNK_PROFILE") {
        split_app(&dir, &profile)?;
    }
    let index = dir.join("index.html");
    let template = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if template.contains("data-prerendered") {
        return Err(format!("{} is already prerendered", index.display()));
    }
    // The published dataset next to the pages names the documents (the same file the app shows).
    let data = dir.join("data").join("targets.json");
    let dataset: Dataset =
        serde_json::from_str(&std::fs::read_to_string(&data).map_err(|e| format!("{}: {e}", data.display()))?)
            .map_err(|e| format!("{}: {e}", data.display()))?;
    let ids: Vec<String> = dataset
        .documents
        .iter()
        .map(|entry| entry.document.id.clone())
        .collect();
    // The benchmark's synthetic sites (hundreds of documents) need only the home page.
    let with_documents = std::env::var("PRERENDER_DOCUMENT_PAGES").as_deref() != Ok("0");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let pages = std::iter::once((String::new(), "index.html".to_string())).chain(
        ids.iter()
            .filter(|_| with_documents)
            .map(|id| (document_query(id), document_file(id))),
    );
    let mut count = 0;
    for (query, file) in pages {
        let body = mark_prerendered(&link_document_pages(&runtime.block_on(render(&query)), &ids));
        let page = inject(&template, &body, &query)?;
        std::fs::write(dir.join(&file), page).map_err(|e| format!("{file}: {e}"))?;
        count += 1;
    }
    eprintln!("prerender: {count} pages written into {}", dir.display());
    write_service_worker(&dir)?;
    // Last: every file is final now (the pages, the filled sw.js, Trunk's assets and data).
    let started = std::time::Instant::now();
    let written = policy_site::precompress::precompress_dir(&dir)?;
    eprintln!(
        "prerender: {written} precompressed copies (.br, .gz) written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Replaces Trunk's unsplit app in `dir` by its main module and chunks
/// (`policy_site::split`), from cargo's module for `profile`.
#[cfg(not(target_arch = "wasm32"))]
fn split_app(dir: &std::path::Path, profile: &str) -> Result<(), String> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let raw = target.join("wasm32-unknown-unknown").join(profile).join("app.wasm");
    let parts = policy_site::split::split_site(dir, &raw)?;
    for (name, size) in &parts {
        eprintln!("prerender: {name} {size} bytes");
    }
    Ok(())
}

/// Fills the copied `sw.js` with this build's file list and cache version
/// (`policy_site::service_worker`), once the pages it lists exist.
#[cfg(not(target_arch = "wasm32"))]
fn write_service_worker(dir: &std::path::Path) -> Result<(), String> {
    use policy_site::service_worker::{collect, fill};
    let path = dir.join("sw.js");
    let template = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (names, version) = collect(dir)?;
    std::fs::write(&path, fill(&template, &names, &version)?).map_err(|e| format!("sw.js: {e}"))?;
    eprintln!("prerender: sw.js lists {} files, cache version {version}", names.len());
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
