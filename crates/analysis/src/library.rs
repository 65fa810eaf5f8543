//! The data a session shows: the bundled dataset plus the dataset files the visitor opened, in the
//! order they were opened, and the [`Catalog`] built from all of them. Opening or removing a file
//! gives a new library (the old one is untouched), so a failed open changes nothing.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use policy_data::dataset_file::{CheckFile, FileError, OpenedDataset};
use policy_data::model::{Dataset, DocumentEntry, Indicator};
use policy_data::summary::{Index, TargetCounts};

use super::catalog::Catalog;
use super::ordering;
use super::summary::count_targets;
use super::url_state::DocumentsShown;

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
    /// The published index's counts while the base documents are held without their targets
    /// ([`Library::from_index`]); `None` once the targets are in.
    base_counts: Option<Rc<Vec<TargetCounts>>>,
    /// While the base documents are held without their targets: those whose targets came one by
    /// one ([`Library::with_document_targets`]).
    loaded: Rc<Vec<String>>,
    /// Published documents the base does not list: while it holds home's index, which lists the
    /// first documents and counts the others, until the whole list or the targets arrive.
    unlisted: usize,
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
            base_counts: None,
            loaded: Rc::default(),
            unlisted: 0,
            files: Vec::new(),
            catalog,
        }
    }

    /// The published documents as the index describes them, without their targets: what home
    /// needs. The views that show targets need [`Library::with_base_targets`] first, and so does
    /// opening a file (its ids are checked against the published targets).
    ///
    /// Home's index lists only the first documents ([`Index::unlisted`] counts the others); the
    /// views that offer every document need [`Library::with_document_list`] first.
    pub fn from_index(index: &Index) -> Self {
        let counts = Rc::new(index.counts());
        let dataset = index.dataset();
        let catalog = Catalog::new(dataset.clone(), BTreeMap::new())
            .with_counts(&counts)
            .with_unlisted(index.unlisted);
        Library {
            base: Rc::new((dataset, BTreeMap::new())),
            base_counts: Some(counts),
            loaded: Rc::default(),
            unlisted: index.unlisted,
            files: Vec::new(),
            catalog: Rc::new(catalog),
        }
    }

    /// True when every published document is listed (always, unless the library was made
    /// [`Library::from_index`] from home's index and given neither the whole list nor the targets).
    pub fn lists_every_document(&self) -> bool {
        self.unlisted == 0
    }

    /// The library listing every published document (`list`, `data/document-list.json`), the
    /// documents whose targets came one by one keeping them, the texts and files kept. Without
    /// effect once every document is listed.
    pub fn with_document_list(&self, list: &Index) -> Library {
        if self.lists_every_document() {
            return self.clone();
        }
        let (base, texts) = (&self.base.0, self.base.1.clone());
        let mut dataset = list.dataset();
        dataset.indicators = base.indicators.clone();
        for place in &mut dataset.documents {
            if let Some(entry) = base.documents.iter().find(|e| e.document.id == place.document.id) {
                *place = entry.clone();
            }
        }
        Library {
            base: Rc::new((dataset, texts)),
            base_counts: Some(Rc::new(list.counts())),
            loaded: self.loaded.clone(),
            unlisted: list.unlisted,
            files: Vec::new(),
            catalog: self.catalog.clone(),
        }
        .with_files(self.files.clone())
    }

    /// True when the published documents' targets are in (always, unless the library was made
    /// [`Library::from_index`] and not given them yet).
    pub fn has_targets(&self) -> bool {
        self.base_counts.is_none()
    }

    /// True when the library holds every target the view needs (`shown`, see
    /// [`DocumentsShown`]): all of them, or the indicator catalogue and the documents named.
    pub fn shows(&self, shown: &DocumentsShown) -> bool {
        match shown {
            DocumentsShown::Nothing => true,
            DocumentsShown::All => self.has_targets(),
            DocumentsShown::Documents(_) => self.missing(shown).is_none(),
        }
    }

    /// What the library lacks for a view of a few documents (`shown`): whether the indicator
    /// catalogue is missing, and which published documents' targets (unknown ids are not
    /// published documents, so they are never missing). `None` when nothing is, and for the other
    /// kinds of view.
    pub fn missing(&self, shown: &DocumentsShown) -> Option<(bool, Vec<String>)> {
        let DocumentsShown::Documents(ids) = shown else {
            return None;
        };
        if self.has_targets() {
            return None;
        }
        let documents = self.published_without(ids, |id| self.loaded.contains(id));
        let indicators = self.base.0.indicators.is_empty();
        (indicators || !documents.is_empty()).then_some((indicators, documents))
    }

    /// The library with the published documents `entries` holding their targets, and with the
    /// indicator catalogue `indicators` when given: a view of a few documents after a start from
    /// the index (`by_document`). The index's counts stay, so home's cards do not change. Without
    /// effect once every target is in.
    pub fn with_document_targets(&self, indicators: Option<Vec<Indicator>>, entries: Vec<DocumentEntry>) -> Library {
        if self.has_targets() {
            return self.clone();
        }
        let (mut dataset, texts) = (self.base.0.clone(), self.base.1.clone());
        if let Some(indicators) = indicators {
            dataset.indicators = indicators;
        }
        let mut loaded = (*self.loaded).clone();
        let (mut counts, mut unlisted) = (self.base_counts.as_deref().cloned().unwrap_or_default(), self.unlisted);
        for entry in entries {
            let id = entry.document.id.clone();
            match dataset.documents.iter_mut().find(|e| e.document.id == id) {
                Some(place) => *place = entry,
                // A document home's index does not list (a link named it): listed after the
                // others until the whole list arrives, counted by the index's rule.
                None if unlisted > 0 => {
                    counts.push(count_targets(&entry));
                    dataset.documents.push(entry);
                    unlisted -= 1;
                }
                None => continue,
            }
            if !loaded.contains(&id) {
                loaded.push(id);
            }
        }
        Library {
            base: Rc::new((dataset, texts)),
            base_counts: Some(Rc::new(counts)),
            loaded: Rc::new(loaded),
            unlisted,
            files: Vec::new(),
            catalog: self.catalog.clone(),
        }
        .with_files(self.files.clone())
    }

    /// The library with the published targets `dataset` in place of the index's documents,
    /// keeping the texts already fetched. Files already open are checked again against the
    /// targets (with `check`, which is loaded whenever a file is open); those that fail are left
    /// out and their errors returned.
    pub fn with_base_targets(&self, dataset: Dataset, check: Option<CheckFile>) -> (Library, Vec<FileError>) {
        let base = Library::new(dataset, self.base.1.clone());
        match check {
            Some(check) => base.restore(check, &self.saved_files()),
            None => (base, Vec::new()),
        }
    }

    /// Which of the published documents `shown` (a view of a few, see [`DocumentsShown`]) have no
    /// text here yet; `None` when none lacks one, and for the other kinds of view.
    pub fn missing_texts(&self, shown: &DocumentsShown) -> Option<Vec<String>> {
        let DocumentsShown::Documents(ids) = shown else {
            return None;
        };
        let missing = self.published_without(ids, |id| self.base.1.contains_key(id));
        (!missing.is_empty()).then_some(missing)
    }

    /// Those of `ids` that are published documents and not `here` (unknown ids are never missing).
    fn published_without(&self, ids: &[String], here: impl Fn(&String) -> bool) -> Vec<String> {
        let published = |id: &String| self.base.0.documents.iter().any(|e| &e.document.id == id);
        ids.iter().filter(|id| published(id) && !here(id)).cloned().collect()
    }

    /// The same library with the published documents' texts `texts` (id, text) added to those
    /// already here: a view of a few documents (`by_document`).
    pub fn with_document_texts(&self, texts: Vec<(String, String)>) -> Library {
        let mut all = self.base.1.clone();
        all.extend(texts);
        self.with_base_texts(all)
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
            base_counts: self.base_counts.clone(),
            loaded: self.loaded.clone(),
            unlisted: self.unlisted,
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
        let mut catalog = Catalog::new(dataset, texts)
            .with_opened(opened)
            .with_unlisted(self.unlisted);
        if let Some(counts) = &self.base_counts {
            catalog = catalog.with_counts(counts);
        }
        Library {
            base: self.base.clone(),
            base_counts: self.base_counts.clone(),
            loaded: self.loaded.clone(),
            unlisted: self.unlisted,
            catalog: Rc::new(catalog),
            files,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;
    use policy_data::dataset_file;

    fn index_only() -> Library {
        Library::from_index(&super::super::summary::index_of(bundled::dataset()))
    }

    #[test]
    fn a_library_from_the_index_has_documents_and_counts_but_no_targets() {
        let library = index_only();
        let catalog = library.catalog();
        assert!(!library.has_targets());
        assert_eq!(catalog.dataset.documents.len(), bundled::dataset().documents.len());
        assert!(catalog.rows.is_empty());
        let full = Library::new(bundled::dataset().clone(), BTreeMap::new());
        assert!(full.has_targets());
        assert_eq!(
            catalog.counts,
            full.catalog().counts,
            "home's counts do not wait for the targets"
        );
        assert!(catalog.counts.iter().any(|c| c.targets > 0));
    }

    #[test]
    fn the_targets_replace_the_index_and_keep_the_texts() {
        let texts: BTreeMap<String, String> = [("sihui-2022".to_string(), "正文".to_string())].into();
        let library = index_only().with_base_texts(texts.clone());
        let (library, dropped) = library.with_base_targets(bundled::dataset().clone(), None);
        assert!(dropped.is_empty());
        assert!(library.has_targets());
        let catalog = library.catalog();
        assert_eq!(
            catalog.rows.len(),
            bundled::dataset()
                .documents
                .iter()
                .map(|d| d.targets.len())
                .sum::<usize>()
        );
        assert_eq!(catalog.texts, texts);
    }

    #[test]
    fn opened_files_are_checked_again_when_the_targets_arrive() {
        let file = DATASET_FILE.replace("\"sihui-2022", "\"copy-of-sihui-2022");
        let full = Library::new(bundled::dataset().clone(), BTreeMap::new());
        let opened = full.open(dataset_file::open, "copy.json", file.as_bytes()).unwrap();
        let (again, dropped) = opened.with_base_targets(bundled::dataset().clone(), Some(dataset_file::open));
        assert!(dropped.is_empty());
        assert_eq!(again.files().len(), 1);
        assert!(again.catalog().is_opened("copy-of-sihui-2022"));
        // The published document itself clashes with the published data.
        let clash = full.open(dataset_file::open, "same.json", DATASET_FILE.as_bytes());
        assert!(clash.is_err(), "the published document itself clashes");
    }

    #[test]
    fn a_view_of_a_few_documents_gets_their_targets_and_keeps_the_index_s_counts() {
        let dataset = bundled::dataset();
        let library = index_only();
        let compare = DocumentsShown::Documents(vec!["panjin-2019".into(), "sihui-2022".into(), "nowhere".into()]);
        assert!(!library.shows(&compare));
        assert_eq!(
            library.missing(&compare),
            Some((true, vec!["panjin-2019".to_string(), "sihui-2022".to_string()])),
            "an unknown id is never missing"
        );
        let entry = |id: &str| dataset.documents.iter().find(|e| e.document.id == id).unwrap().clone();
        let some = library.with_document_targets(Some(dataset.indicators.clone()), vec![entry("panjin-2019")]);
        assert_eq!(some.missing(&compare), Some((false, vec!["sihui-2022".to_string()])));
        let both = some.with_document_targets(None, vec![entry("sihui-2022"), entry("panjin-2019")]);
        assert!(both.shows(&compare));
        assert_eq!(both.missing(&compare), None);
        assert!(!both.has_targets(), "the others are still not here");
        assert!(!both.shows(&DocumentsShown::All));
        assert!(both.shows(&DocumentsShown::Nothing));
        let catalog = both.catalog();
        let (sihui, _) = catalog.document_by_id("sihui-2022").unwrap();
        assert_eq!(
            catalog.rows_of_document(sihui).count(),
            entry("sihui-2022").targets.len()
        );
        assert_eq!(
            catalog.rows.len(),
            entry("sihui-2022").targets.len() + entry("panjin-2019").targets.len()
        );
        for row in &catalog.rows {
            let indicator = &catalog.target(*row).indicator;
            assert!(catalog.indicator(indicator).is_some(), "{indicator}");
        }
        assert_eq!(
            catalog.counts,
            index_only().catalog().counts,
            "home's counts stay the index's"
        );
        // The whole targets make the split pointless.
        let (all, _) = both.with_base_targets(dataset.clone(), None);
        assert!(all.shows(&compare) && all.shows(&DocumentsShown::All));
        assert!(Rc::ptr_eq(
            &all.with_document_targets(None, vec![entry("panjin-2019")]).catalog(),
            &all.catalog()
        ));
    }

    #[test]
    fn a_document_s_page_gets_its_text_alone() {
        let library = index_only();
        let reader = DocumentsShown::Documents(vec!["panjin-2019".into(), "nowhere".into()]);
        assert_eq!(library.missing_texts(&reader), Some(vec!["panjin-2019".to_string()]));
        assert_eq!(library.missing_texts(&DocumentsShown::All), None);
        let text = bundled::texts()["panjin-2019"].clone();
        let with = library.with_document_texts(vec![("panjin-2019".into(), text.clone())]);
        assert_eq!(with.missing_texts(&reader), None);
        assert_eq!(with.catalog().texts.get("panjin-2019"), Some(&text));
        let more = with.with_document_texts(vec![("sihui-2022".into(), "正文".into())]);
        assert_eq!(more.catalog().texts.len(), 2, "texts add up");
    }

    #[test]
    fn home_s_index_lists_the_first_documents_and_the_whole_list_the_rest() {
        use super::super::summary::{home_index_of, index_of};
        let dataset = policy_data::test_support::renamed_copies(bundled::dataset(), 40);
        let library = Library::from_index(&home_index_of(&dataset));
        let listed = library.catalog().dataset.documents.len();
        assert!(!library.lists_every_document());
        assert_eq!(library.catalog().unlisted, 40 - listed);
        // A link names a document the index does not list: it is listed after the others.
        let entry = |id: &str| dataset.documents.iter().find(|e| e.document.id == id).unwrap().clone();
        let named = library.with_document_targets(Some(dataset.indicators.clone()), vec![entry("city-30")]);
        let catalog = named.catalog();
        assert_eq!(catalog.dataset.documents.len(), listed + 1);
        assert_eq!(catalog.unlisted, 40 - listed - 1);
        let (city30, _) = catalog.document_by_id("city-30").expect("listed");
        assert_eq!(catalog.counts[city30], count_targets(&entry("city-30")));
        assert_eq!(catalog.rows_of_document(city30).count(), entry("city-30").targets.len());
        assert_eq!(
            named.missing(&DocumentsShown::Documents(vec!["city-30".into()])),
            None,
            "its targets are here"
        );
        // The whole list: every document in the dataset's order, city-30 keeping its targets.
        let whole = named.with_document_list(&index_of(&dataset));
        assert!(whole.lists_every_document());
        let catalog = whole.catalog();
        assert_eq!(catalog.unlisted, 0);
        let ids: Vec<&str> = catalog
            .dataset
            .documents
            .iter()
            .map(|e| e.document.id.as_str())
            .collect();
        let expected: Vec<&str> = dataset.documents.iter().map(|e| e.document.id.as_str()).collect();
        assert_eq!(ids, expected);
        assert_eq!(catalog.counts, index_of(&dataset).counts());
        let (city30, _) = catalog.document_by_id("city-30").unwrap();
        assert_eq!(catalog.rows_of_document(city30).count(), entry("city-30").targets.len());
        assert!(!catalog.dataset.indicators.is_empty(), "the catalogue stays");
        assert!(!whole.has_targets());
        // Once every document is listed, the list changes nothing.
        assert!(Rc::ptr_eq(
            &whole.with_document_list(&index_of(&dataset)).catalog(),
            &whole.catalog()
        ));
        let (all, _) = named.with_base_targets(dataset.clone(), None);
        assert!(all.lists_every_document());
    }

    const DATASET_FILE: &str = include_str!("../../../data/published/documents/sihui-2022.json");
}
