//! Opening another place's dataset file: the file picker and drop zone, the list of problems when a
//! file is refused, the files opened in this browser (each with a way to remove it), and the mark
//! that tells visitors a document was opened by them and is not part of the published data.
//!
//! The panel's working part is loaded on demand (`entry.rs`).
//!
//! The session's data lives in [`DatasetsState`] (a reducer owned by the app): opening only adds,
//! so a refused file changes nothing the visitor sees or typed. Reading files and local storage go
//! through `browser::files`.

mod entry;
mod notices;
mod panel;
mod problems;
mod state;

pub use entry::DatasetOpen;
pub use notices::{opened_mark, opened_mark_short, DroppedNotice};
pub use panel::{DatasetOpenProps, DatasetPanel};
pub use state::{DatasetsAction, DatasetsState, Outcome};
