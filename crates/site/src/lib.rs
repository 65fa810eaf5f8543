//! Finishes a site Trunk has built (native only): the steps of `site finish` (src/bin/site.rs),
//! in the order they run. `split` cuts the app into its main module and on-demand chunks,
//! `prerender` writes the first views' HTML, `service_worker` fills `sw.js`, `precompress`
//! writes the `.br` and `.gz` copies.
// Unit tests may sort freely (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod precompress;
pub mod prerender;
pub mod service_worker;
pub mod split;
