//! The session's data as a reducer: the library (bundled data plus opened files), the problems of
//! the last open, the stored files dropped at start-up, and what the last action did. Opening only
//! adds, so a refused file changes nothing.

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::library::{Library, SavedFile};
use policy_data::dataset_file::{CheckFile, FileError, ReadFailure};

/// The data the session shows and the outcome of the last open or remove.
#[derive(Clone)]
pub struct DatasetsState {
    pub library: Library,
    /// Problems of the files the visitor just tried to open (or that a removal took with it).
    pub errors: Vec<FileError>,
    /// Stored files dropped at start-up because they no longer pass.
    pub dropped: Vec<FileError>,
    /// What the last action did, for the status line.
    pub outcome: Option<Outcome>,
    /// The opened files could not be kept in local storage (too large).
    pub not_stored: bool,
}

impl PartialEq for DatasetsState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library.catalog(), &other.library.catalog())
            && self.errors == other.errors
            && self.dropped == other.dropped
            && self.outcome == other.outcome
            && self.not_stored == other.not_stored
    }
}

/// What the last action did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Opened(Vec<String>),
    Removed(String),
}

/// Changes to the session's data.
pub enum DatasetsAction {
    /// Files read from the picker or a drop (name and bytes, or why they could not be read), to be
    /// checked by the checker.
    Open(CheckFile, Vec<(String, Result<Vec<u8>, ReadFailure>)>),
    /// A file made in this session (the page "Analyse a document"), replacing the file it made
    /// before (`old`, if still open), already checked by the page: its name and content.
    Reopen(CheckFile, String, String, Vec<u8>),
    /// A library computed by the app (after a removal), with the files it had to drop.
    Replace(Library, Vec<FileError>, Outcome),
    Stored(bool),
    DismissDropped,
    /// The base dataset's texts arrived (fetched after the start).
    Texts(std::collections::BTreeMap<String, String>),
}

impl DatasetsState {
    /// The bundled data plus the stored files that still pass `check`. The app starts with the
    /// checker loaded whenever files were stored (`view::start`); without it there is nothing to
    /// restore.
    pub fn restore(base: Library, check: Option<CheckFile>, saved: &[SavedFile]) -> Self {
        let (library, dropped) = match check {
            Some(check) => base.restore(check, saved),
            None => (base, Vec::new()),
        };
        DatasetsState {
            library,
            errors: Vec::new(),
            dropped,
            outcome: None,
            not_stored: false,
        }
    }
}

impl Reducible for DatasetsState {
    type Action = DatasetsAction;

    fn reduce(self: Rc<Self>, action: DatasetsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DatasetsAction::Open(check, files) => {
                next.errors.clear();
                let mut opened = Vec::new();
                for (name, bytes) in files {
                    let result = match bytes {
                        Ok(bytes) => next.library.open(check, &name, &bytes),
                        Err(failure) => Err(vec![FileError::read_failed(&name, failure)]),
                    };
                    match result {
                        Ok(library) => {
                            next.library = library;
                            opened.push(name);
                        }
                        Err(errors) => next.errors.extend(errors),
                    }
                }
                next.outcome = (!opened.is_empty()).then_some(Outcome::Opened(opened));
            }
            DatasetsAction::Reopen(check, old, name, bytes) => match next.library.replace(check, &old, &name, &bytes) {
                Ok((library, dropped)) => {
                    next.library = library;
                    next.errors = dropped;
                    next.outcome = Some(Outcome::Opened(vec![name]));
                }
                Err(errors) => {
                    next.errors = errors;
                    next.outcome = None;
                }
            },
            DatasetsAction::Replace(library, errors, outcome) => {
                next.library = library;
                next.errors = errors;
                next.outcome = Some(outcome);
            }
            DatasetsAction::Stored(ok) => next.not_stored = !ok,
            DatasetsAction::DismissDropped => next.dropped.clear(),
            DatasetsAction::Texts(texts) => next.library = next.library.with_base_texts(texts),
        }
        Rc::new(next)
    }
}
