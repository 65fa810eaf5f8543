//! The data a session shows: the bundled dataset plus the dataset files the visitor opened, in the
//! order they were opened, and the [`Catalog`] built from all of them. Opening or removing a file
//! gives a new library (the old one is untouched), so a failed open changes nothing.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use policy_data::dataset_file::{CheckFile, FileError, OpenedDataset};
use policy_data::model::Dataset;

use super::catalog::Catalog;
use super::ordering;

/// A file as the visitor opened it, in the form kept in local storage between visits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFile {
    pub name: String,
    /// The file's content (UTF-8 JSON), re-validated at every start.
    pub text: String,
}

/// One opened file: its raw content and what it added.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedFile {
    pub saved: SavedFile,
    pub dataset: OpenedDataset,
}

/// The bundled data, the opened files and the catalogue over both.
#[derive(Clone)]
pub struct Library {
    base: Rc<(Dataset, BTreeMap<String, String>)>,
    /// Shared, so that copying a library (every state change does) copies no file content.
    files: Vec<Rc<OpenedFile>>,
    catalog: Rc<Catalog>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field(
                "files",
                &self.files.iter().map(|file| &file.saved.name).collect::<Vec<_>>(),
            )
            .field("documents", &self.catalog.dataset.documents.len())
            .finish()
    }
}

impl Library {
    /// The bundled data alone.
    pub fn new(dataset: Dataset, texts: BTreeMap<String, String>) -> Self {
        let catalog = Rc::new(Catalog::new(dataset.clone(), texts.clone()));
        Library {
            base: Rc::new((dataset, texts)),
            files: Vec::new(),
            catalog,
        }
    }

    /// The same library with the base dataset's texts `texts`, which the app fetches after the
    /// start (until then the base documents have no text). Opened files keep their own texts.
    pub fn with_base_texts(&self, texts: BTreeMap<String, String>) -> Library {
        // The documents do not change, so the catalogue keeps its rows and targets' index.
        let mut all = texts.clone();
        for file in &self.files {
            all.extend(file.dataset.texts.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        Library {
            base: Rc::new((self.base.0.clone(), texts)),
            files: self.files.clone(),
            catalog: Rc::new(self.catalog.with_texts(all)),
        }
    }

    /// Re-opens `saved` files in order on top of `self`, each checked by `check`
    /// (`dataset_file::open`). Files that no longer pass (the site's data changed, or the stored
    /// copy was damaged) are left out; their errors are returned.
    pub fn restore(&self, check: CheckFile, saved: &[SavedFile]) -> (Library, Vec<FileError>) {
        let mut library = self.clone();
        let mut dropped = Vec::new();
        for file in saved {
            match library.open(check, &file.name, file.text.as_bytes()) {
                Ok(next) => library = next,
                Err(errors) => dropped.extend(errors),
            }
        }
        (library, dropped)
    }

    /// The library with the file `name` (content `bytes`) added, or every error `check`
    /// (`dataset_file::open`) found in it.
    pub fn open(&self, check: CheckFile, name: &str, bytes: &[u8]) -> Result<Library, Vec<FileError>> {
        if self.files.iter().any(|f| f.saved.name == name) {
            return Err(vec![FileError::already_open(name)]);
        }
        let opened = check(name, bytes, &self.catalog.dataset)?;
        let text = String::from_utf8_lossy(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)).into_owned();
        let mut files = self.files.clone();
        files.push(Rc::new(OpenedFile {
            saved: SavedFile {
                name: name.to_string(),
                text,
            },
            dataset: opened,
        }));
        Ok(self.with_files(files))
    }

    /// The library without the file `name`. Files opened after it are checked again (one may have
    /// used an indicator only the removed file declared); those that fail are left out too, and
    /// their errors returned.
    pub fn remove(&self, check: CheckFile, name: &str) -> (Library, Vec<FileError>) {
        let rest: Vec<SavedFile> = self
            .files
            .iter()
            .filter(|f| f.saved.name != name)
            .map(|f| f.saved.clone())
            .collect();
        self.without_files().restore(check, &rest)
    }

    /// The library with the file `old` replaced, in its place, by the file `name` (content
    /// `bytes`), or with `name` added when `old` is not open: a file made in this session (the
    /// page "Analyse a document") opened again after changes. Files opened after it are checked
    /// again, and those that fail are left out, with their errors returned. If the new file
    /// fails, the library is unchanged and its errors are the `Err`.
    pub fn replace(
        &self,
        check: CheckFile,
        old: &str,
        name: &str,
        bytes: &[u8],
    ) -> Result<(Library, Vec<FileError>), Vec<FileError>> {
        if name != old && self.files.iter().any(|f| f.saved.name == name) {
            return Err(vec![FileError::already_open(name)]);
        }
        let text = String::from_utf8_lossy(bytes).into_owned();
        let new = SavedFile {
            name: name.to_string(),
            text,
        };
        let mut saved = self.saved_files();
        match saved.iter().position(|f| f.name == old) {
            Some(at) => saved[at] = new,
            None => saved.push(new),
        }
        let (library, dropped) = self.without_files().restore(check, &saved);
        let (own, others): (Vec<FileError>, Vec<FileError>) = dropped.into_iter().partition(|e| e.file == name);
        if own.is_empty() {
            Ok((library, others))
        } else {
            Err(own)
        }
    }

    /// The files opened, in order.
    pub fn files(&self) -> &[Rc<OpenedFile>] {
        &self.files
    }

    /// What to keep in local storage for the next visit.
    pub fn saved_files(&self) -> Vec<SavedFile> {
        self.files.iter().map(|f| f.saved.clone()).collect()
    }

    /// The catalogue over the bundled data and every opened file.
    pub fn catalog(&self) -> Rc<Catalog> {
        self.catalog.clone()
    }

    fn without_files(&self) -> Library {
        self.with_files(Vec::new())
    }

    fn with_files(&self, files: Vec<Rc<OpenedFile>>) -> Library {
        let (mut dataset, mut texts) = (self.base.0.clone(), self.base.1.clone());
        for file in &files {
            file.dataset.add_to(&mut dataset, &mut texts);
        }
        let opened = ordering::set_of(
            files
                .iter()
                .flat_map(|f| f.dataset.documents.iter().map(|e| e.document.id.clone())),
        );
        let catalog = Rc::new(Catalog::new(dataset, texts).with_opened(opened));
        Library {
            base: self.base.clone(),
            files,
            catalog,
        }
    }
}
