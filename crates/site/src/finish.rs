//! `site finish`: the steps that turn the folder Trunk built into the site, in order. Each step
//! is a function of its own module; this one only runs them and reports what each did and how
//! long it took.
//!
//! 1. **split** (only with `--split`): cargo's module cut into the main module and on-demand
//!    chunks, `wasm-bindgen` on the main part, `wasm-opt -Oz` on every part ([`crate::split`]);
//! 2. **names**: every file served immutable renamed by the digest of its final bytes, references
//!    and integrity digests following ([`crate::names`]);
//! 3. **pages**: the home page and one page per document rendered into the HTML
//!    ([`crate::prerender`]);
//! 4. **service worker**: `sw.js` filled with the files it precaches (the shell and the first
//!    view's data; the files that grow with the documents only within `precache_budget`) and the
//!    cache version ([`crate::service_worker`]);
//! 5. **precompress**: a `.br` and a `.gz` copy beside every text file and module
//!    ([`crate::precompress`]).

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::{names, precompress, prerender, service_worker, split};

/// What `site finish` is asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Cargo's module of the app (built with the `split` feature and relocations) to cut into
    /// chunks; `None` keeps Trunk's unsplit module.
    pub split_from: Option<PathBuf>,
    /// Shared chunks smaller than this many bytes travel in one pack.
    pub pack_below: usize,
    /// Whether each document gets its own page (the benchmark's synthetic sites need only home).
    pub document_pages: bool,
    /// The plain bytes at or under which the service worker precaches the files that grow with
    /// the documents (their pages, split files, the whole targets and texts); over it, none.
    pub precache_budget: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            split_from: None,
            pack_below: split::PACKED_BELOW,
            document_pages: true,
            precache_budget: service_worker::PRECACHE_BUDGET,
        }
    }
}

/// Runs the steps on `dir`, saying after each what it did (`report` gets one line a step).
pub fn finish(dir: &Path, options: &Options, mut report: impl FnMut(&str)) -> Result<(), String> {
    let mut step = |name: &str, run: &mut dyn FnMut() -> Result<String, String>| {
        let started = Instant::now();
        let said = run().map_err(|e| format!("{name}: {e}"))?;
        report(&format!("{name}: {said} ({:.1} s)", started.elapsed().as_secs_f64()));
        Ok::<(), String>(())
    };
    if let Some(raw) = &options.split_from {
        step("split", &mut || {
            let parts = split::split_site(dir, raw, options.pack_below)?;
            let bytes: usize = parts.iter().map(|(_, size)| size).sum();
            Ok(format!("{} parts, {bytes} bytes", parts.len()))
        })?;
    }
    step("names", &mut || {
        let renames = names::name_by_content(dir)?;
        let shown: Vec<String> = renames.iter().map(|(old, new)| format!("{old} → {new}")).collect();
        Ok(format!(
            "{} files named by their bytes: {}",
            renames.len(),
            shown.join(", ")
        ))
    })?;
    step("pages", &mut || {
        let count = prerender::write_pages(dir, options.document_pages)?;
        Ok(format!("{count} pages written"))
    })?;
    step("service worker", &mut || {
        let precache = service_worker::write(dir, options.precache_budget)?;
        Ok(service_worker::describe(&precache, options.precache_budget))
    })?;
    step("precompress", &mut || {
        let written = precompress::precompress_dir(dir)?;
        Ok(format!("{written} copies (.br, .gz)"))
    })?;
    let wrong = names::misnamed(dir)?;
    if !wrong.is_empty() {
        return Err(format!("files not named by their bytes: {}", wrong.join(", ")));
    }
    Ok(())
}
