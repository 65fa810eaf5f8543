//! The session's data as a reducer: the library (bundled data plus opened files), the problems of
//! the last open, the stored files dropped at start-up, and what the last action did. Opening only
//! adds, so a refused file changes nothing. A file opened before the published targets have
//! arrived (the app started from home's index) waits for them: its ids are checked against them.

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::library::{Library, SavedFile};
use policy_data::dataset_file::{CheckFile, FileError, ReadFailure};
use policy_data::model::{Dataset, DocumentEntry, Indicator};
use policy_data::summary::Index;

/// Files read from the picker or a drop: each name with its bytes, or why it could not be read.
pub type ReadFiles = Vec<(String, Result<Vec<u8>, ReadFailure>)>;

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
    /// Files read while the published targets were not here yet, opened when they arrive.
    pub waiting: Option<(CheckFile, ReadFiles)>,
}

impl PartialEq for DatasetsState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library.catalog(), &other.library.catalog())
            && self.errors == other.errors
            && self.dropped == other.dropped
            && self.outcome == other.outcome
            && self.not_stored == other.not_stored
            && self.waiting.is_some() == other.waiting.is_some()
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
    /// checked by the checker (once the published targets are here).
    Open(CheckFile, ReadFiles),
    /// A file made in this session (the page "Analyse a document"), replacing the file it made
    /// before (`old`, if still open), already checked by the page: its name and content.
    Reopen(CheckFile, String, String, Vec<u8>),
    /// A library computed by the app (after a removal), with the files it had to drop.
    Replace(Library, Vec<FileError>, Outcome),
    Stored(bool),
    DismissDropped,
    /// The base dataset's texts arrived (fetched after the start).
    Texts(std::collections::BTreeMap<String, String>),
    /// The published targets arrived (the app started from home's index), with the checker if it
    /// is loaded: open files are checked again, waiting files opened.
    Targets(Box<Dataset>, Option<CheckFile>),
    /// A few published documents' targets arrived, with the indicator catalogue if it was not
    /// here yet (a view of those documents after a start from home's index).
    Documents(Option<Vec<Indicator>>, Vec<DocumentEntry>),
    /// A few published documents' texts arrived (id, text): a document's page.
    DocumentTexts(Vec<(String, String)>),
    /// The list of every published document arrived (home's index lists only the first ones).
    DocumentList(Rc<Index>),
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
            waiting: None,
        }
    }

    /// Opens `files` in order on top of the library; the refused ones' problems are listed.
    fn open(&mut self, check: CheckFile, files: ReadFiles) {
        self.errors.clear();
        let mut opened = Vec::new();
        for (name, bytes) in files {
            let result = match bytes {
                Ok(bytes) => self.library.open(check, &name, &bytes),
                Err(failure) => Err(vec![FileError::read_failed(&name, failure)]),
            };
            match result {
                Ok(library) => {
                    self.library = library;
                    opened.push(name);
                }
                Err(errors) => self.errors.extend(errors),
            }
        }
        self.outcome = (!opened.is_empty()).then_some(Outcome::Opened(opened));
    }
}

impl Reducible for DatasetsState {
    type Action = DatasetsAction;

    fn reduce(self: Rc<Self>, action: DatasetsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DatasetsAction::Open(check, files) if !next.library.has_targets() => {
                let mut all = next.waiting.take().map(|(_, files)| files).unwrap_or_default();
                all.extend(files);
                next.waiting = Some((check, all));
            }
            DatasetsAction::Open(check, files) => next.open(check, files),
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
            DatasetsAction::DocumentTexts(texts) => next.library = next.library.with_document_texts(texts),
            DatasetsAction::DocumentList(list) => next.library = next.library.with_document_list(&list),
            DatasetsAction::Documents(indicators, documents) => {
                next.library = next.library.with_document_targets(indicators, documents);
            }
            DatasetsAction::Targets(dataset, check) => {
                let (library, dropped) = next.library.with_base_targets(*dataset, check);
                next.library = library;
                next.dropped.extend(dropped);
                if let Some((check, files)) = next.waiting.take() {
                    next.open(check, files);
                }
            }
        }
        Rc::new(next)
    }
}
