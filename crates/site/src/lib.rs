//! Finishes a site Trunk has built (native only): the `site` command (src/bin/site.rs) runs
//! [`finish::finish`], whose steps are the modules here, in the order they run: `split` cuts the
//! app into its main module and on-demand chunks, `names` names every immutable file by its
//! bytes, `prerender` writes the first views' HTML, `service_worker` fills `sw.js`, `precompress`
//! writes the `.br` and `.gz` copies.
// Unit tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod finish;
pub mod names;
pub mod precompress;
pub mod prerender;
pub mod service_worker;
pub mod split;
