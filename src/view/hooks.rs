//! The app's hooks, each owning one piece of browser-facing state so that `app.rs` only arranges:
//! the linkable state and its URL (`url_state`), the published targets and texts fetched on demand
//! (`published`), and a value that follows another after the next paint (`after_paint`).

mod after_paint;
mod published;
mod url_state;

pub use after_paint::use_after_paint;
pub use published::{use_document_list, use_targets, use_texts};
pub use url_state::{use_url_state, SessionChange};
