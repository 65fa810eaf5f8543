//! Policy target explorer, the web app: the Yew views (`view`), the browser glue (`browser`) and
//! the site's operator settings (`site`). The pure core it shows lives in the workspace's crates:
//! `policy_data` (the dataset), `policy_analysis` (search, comparison, the calculator, the
//! linkable state), `policy_charts` (drawing on any plotters backend), `policy_extract` and
//! `policy_review` (the page "Analyse a document"). See ARCHITECTURE.md.
// Unit tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod browser;
pub mod site;
pub mod view;
