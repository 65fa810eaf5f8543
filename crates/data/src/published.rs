//! The published dataset as the app receives it: `data/index.json` (home's documents and counts,
//! [`Index`]) when the first view is home, `data/targets.json` when the first view shows targets or
//! when a view first needs them, and `data/texts.json` when a view first needs the documents' texts. A fetched file is accepted only
//! when its fingerprint equals the one baked in at build time (build.rs), so a copy cached from
//! another version of the site is refused instead of being shown with this version's code; the
//! reason for a refusal is worded here, in Chinese and English.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::by_document::{DocumentTargets, DocumentText, Indicators};
use super::lang::Lang;
use super::model::{Dataset, DocumentEntry, Indicator};
use super::summary::Index;

/// Where the app fetches home's index (relative to the page).
pub const INDEX_URL: &str = "data/index.json";
/// Where the app fetches the list of every published document, when home's index does not list
/// them all and a view offers them all.
pub const DOCUMENT_LIST_URL: &str = "data/document-list.json";
/// Where the app fetches the targets (relative to the page).
pub const TARGETS_URL: &str = "data/targets.json";
/// Where the app fetches the documents' cleaned texts.
pub const TEXTS_URL: &str = "data/texts.json";

const INDEX_FNV: &str = env!("PUBLISHED_INDEX_FNV");
const DOCUMENT_LIST_FNV: &str = env!("PUBLISHED_DOCUMENT_LIST_FNV");
const INDICATORS_FNV: &str = env!("PUBLISHED_INDICATORS_FNV");
const TARGETS_FNV: &str = env!("PUBLISHED_TARGETS_FNV");
const TEXTS_FNV: &str = env!("PUBLISHED_TEXTS_FNV");

/// FNV-1a, 64 bits, as build.rs computes it.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Why a published file was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The fetch failed; the browser's short reason ("HTTP 404", a network error).
    Fetch(String),
    /// The fetch failed while the browser was offline: the file is not saved on this device (the
    /// offline copy holds the site's shell and what was visited) and needs a connection.
    Offline,
    /// The file is not the one this build was made with (an old cached copy, or a new release
    /// whose page is not loaded yet).
    OtherVersion,
    /// The file has this build's fingerprint but could not be read at this position (should not
    /// happen: the published files are checked by the tests).
    Unreadable { line: usize, column: usize },
    /// The part of the program that reads the file could not be fetched.
    ReaderMissing,
}

impl Problem {
    /// True when the server answered that the file does not exist (`browser::fetch` words a
    /// status as "HTTP <status>"): for a document's file, that the document is not published.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Problem::Fetch(reason) if reason == "HTTP 404")
    }

    /// Why the published file was refused, short, for a parenthesis after the message.
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            // The browser's own short reason ("HTTP 404", a network error).
            Problem::Fetch(reason) => reason.clone(),
            Problem::OtherVersion => lang.pick("版本不符", "another version").to_string(),
            Problem::Offline => lang
                .pick("离线,本设备上尚无此文件", "offline; not saved on this device")
                .to_string(),
            Problem::ReaderMissing => lang
                .pick("读取程序未能加载", "its reader could not be loaded")
                .to_string(),
            Problem::Unreadable { line, column } => match lang {
                Lang::Zh => format!("文件第 {line} 行第 {column} 列无法读取"),
                Lang::En => format!("unreadable at line {line}, column {column}"),
            },
        }
    }
}

/// What a view lacks when its files could not be fetched offline, for the wording of
/// [`Problem::needs_connection`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsaved {
    /// One document's files (its page, or a view of one document).
    Document,
    /// Several documents' files (a comparison).
    Documents,
    /// The whole targets or texts, or home's index.
    Data,
}

impl Unsaved {
    /// A view of `count` documents' files; none is the whole data.
    pub fn documents(count: usize) -> Unsaved {
        match count {
            0 => Unsaved::Data,
            1 => Unsaved::Document,
            _ => Unsaved::Documents,
        }
    }
}

impl Problem {
    /// The whole message for a fetch that failed offline, in place of the view's own: what is
    /// missing is not saved on this device yet, needs a connection, and "retry" fetches it once
    /// online. `None` for every other problem.
    pub fn needs_connection(&self, unsaved: Unsaved, lang: Lang) -> Option<&'static str> {
        if *self != Problem::Offline {
            return None;
        }
        Some(match unsaved {
            Unsaved::Document => lang.pick(
                "这份文件尚未保存在本设备上,需要联网才能打开。联网后请按“重试”。",
                "This document is not saved on this device yet; it needs a connection. Press Retry when you are online.",
            ),
            Unsaved::Documents => lang.pick(
                "这些文件尚未全部保存在本设备上,需要联网才能打开。联网后请按“重试”。",
                "These documents are not all saved on this device yet; they need a connection. Press Retry when you are online.",
            ),
            Unsaved::Data => lang.pick(
                "这部分数据尚未保存在本设备上,需要联网才能打开。联网后请按“重试”。",
                "This part of the data is not saved on this device yet; it needs a connection. Press Retry when you are online.",
            ),
        })
    }
}

fn unreadable(e: serde_json::Error) -> Problem {
    Problem::Unreadable {
        line: e.line(),
        column: e.column(),
    }
}

fn check(bytes: &[u8], expected: &str) -> Result<(), Problem> {
    if format!("{:016x}", fingerprint(bytes)) == expected {
        Ok(())
    } else {
        Err(Problem::OtherVersion)
    }
}

/// Checks and parses a fetched `index.json`.
pub fn parse_index(bytes: &[u8]) -> Result<Index, Problem> {
    check(bytes, INDEX_FNV)?;
    serde_json::from_slice(bytes).map_err(unreadable)
}

/// Checks and parses a fetched `document-list.json` (every published document, in the form of
/// home's index).
pub fn parse_document_list(bytes: &[u8]) -> Result<Index, Problem> {
    check(bytes, DOCUMENT_LIST_FNV)?;
    serde_json::from_slice(bytes).map_err(unreadable)
}

/// Checks and parses a fetched `targets.json`.
pub fn parse_targets(bytes: &[u8]) -> Result<Dataset, Problem> {
    check(bytes, TARGETS_FNV)?;
    serde_json::from_slice(bytes).map_err(unreadable)
}

/// Checks and parses a fetched `indicators.json` (`by_document`).
pub fn parse_indicators(bytes: &[u8]) -> Result<Vec<Indicator>, Problem> {
    check(bytes, INDICATORS_FNV)?;
    serde_json::from_slice::<Indicators>(bytes)
        .map(|file| file.indicators)
        .map_err(unreadable)
}

/// Checks and parses a fetched `targets/<id>.json` (`by_document`): it must carry the fingerprint
/// of the `targets.json` this build was made with, and be the document `id`.
pub fn parse_document_targets(bytes: &[u8], id: &str) -> Result<DocumentEntry, Problem> {
    // It is checked by what it says, so a file without this form is another version's (or a
    // damaged copy): either way a fetch bypassing the cache is the remedy.
    let file: DocumentTargets = serde_json::from_slice(bytes).map_err(|_| Problem::OtherVersion)?;
    if file.published != TARGETS_FNV || file.entry.document.id != id {
        return Err(Problem::OtherVersion);
    }
    Ok(file.entry)
}

/// Checks and parses a fetched `texts/<id>.json` (`by_document`): it must carry the fingerprint of
/// the `texts.json` this build was made with, and be the document `id`'s.
pub fn parse_document_text(bytes: &[u8], id: &str) -> Result<String, Problem> {
    let file: DocumentText = serde_json::from_slice(bytes).map_err(|_| Problem::OtherVersion)?;
    if file.published != TEXTS_FNV || file.document != id {
        return Err(Problem::OtherVersion);
    }
    Ok(file.text)
}

/// Checks and parses a fetched `texts.json`.
pub fn parse_texts(bytes: &[u8]) -> Result<BTreeMap<String, String>, Problem> {
    check(bytes, TEXTS_FNV)?;
    serde_json::from_slice(bytes).map_err(unreadable)
}

/// The published data the app starts with: the targets (or, until they arrive, the index), and
/// the texts once they have arrived.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedData {
    /// The targets; while only the index has arrived, the index's documents without targets.
    pub dataset: Rc<Dataset>,
    pub texts: Option<Rc<BTreeMap<String, String>>>,
    /// Set while only the index has arrived: home's counts come from it, and the views that show
    /// targets fetch them first.
    pub index: Option<Rc<Index>>,
    /// With the index, for a first view of a few documents: the indicator catalogue and those
    /// documents with their targets (`by_document`).
    pub by_document: Option<Rc<(Vec<Indicator>, Vec<DocumentEntry>)>>,
}

impl PublishedData {
    /// The published files compiled into the binary (native tools, tests and server-side
    /// rendering; the browser app fetches them instead).
    pub fn bundled() -> Self {
        PublishedData {
            dataset: Rc::new(super::bundled::dataset().clone()),
            texts: Some(Rc::new(super::bundled::texts().clone())),
            index: None,
            by_document: None,
        }
    }

    /// The data of a first view that needs no targets: the index alone.
    pub fn from_index(index: Index) -> Self {
        PublishedData {
            dataset: Rc::new(index.dataset()),
            texts: None,
            index: Some(Rc::new(index)),
            by_document: None,
        }
    }

    /// The data of a first view of a few documents: the index, the indicator catalogue and those
    /// documents' targets.
    pub fn with_documents(self, indicators: Vec<Indicator>, documents: Vec<DocumentEntry>) -> Self {
        PublishedData {
            by_document: Some(Rc::new((indicators, documents))),
            ..self
        }
    }
}

impl Default for PublishedData {
    /// Natively the bundled files; in the browser nothing (the app is given what it fetched).
    fn default() -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            Self::bundled()
        }
        #[cfg(target_arch = "wasm32")]
        {
            PublishedData {
                dataset: Rc::new(Dataset::default()),
                texts: None,
                index: None,
                by_document: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TARGETS: &[u8] = include_bytes!("../../../data/published/targets.json");
    const TEXTS: &[u8] = include_bytes!("../../../data/published/texts.json");
    const INDEX: &[u8] = include_bytes!("../../../data/published/index.json");
    const INDICATORS: &[u8] = include_bytes!("../../../data/published/indicators.json");
    const DOCUMENT_LIST: &[u8] = include_bytes!("../../../data/published/document-list.json");
    const PANJIN: &[u8] = include_bytes!("../../../data/published/targets/panjin-2019.json");
    const PANJIN_TEXT: &[u8] = include_bytes!("../../../data/published/texts/panjin-2019.json");

    #[test]
    fn a_fetch_that_failed_offline_says_it_needs_a_connection_and_a_retry_in_both_languages() {
        let offline = Problem::Offline;
        assert_eq!(
            offline.needs_connection(Unsaved::Document, Lang::Zh),
            Some("这份文件尚未保存在本设备上,需要联网才能打开。联网后请按“重试”。")
        );
        assert_eq!(
            offline.needs_connection(Unsaved::Document, Lang::En),
            Some("This document is not saved on this device yet; it needs a connection. Press Retry when you are online.")
        );
        for unsaved in [Unsaved::Document, Unsaved::Documents, Unsaved::Data] {
            let zh = offline.needs_connection(unsaved, Lang::Zh).unwrap();
            let en = offline.needs_connection(unsaved, Lang::En).unwrap();
            assert!(
                zh.contains("本设备") && zh.contains("联网") && zh.contains("重试"),
                "{zh}"
            );
            assert!(
                en.contains("this device") && en.contains("connection") && en.contains("Retry"),
                "{en}"
            );
        }
        assert_eq!(Unsaved::documents(0), Unsaved::Data);
        assert_eq!(Unsaved::documents(1), Unsaved::Document);
        assert_eq!(Unsaved::documents(3), Unsaved::Documents);
        // Any other problem keeps the view's own message.
        for other in [
            Problem::Fetch("HTTP 404".into()),
            Problem::Fetch("Failed to fetch".into()),
            Problem::OtherVersion,
            Problem::ReaderMissing,
        ] {
            assert_eq!(other.needs_connection(Unsaved::Document, Lang::Zh), None);
        }
        assert_eq!(offline.reason(Lang::En), "offline; not saved on this device");
    }

    #[test]
    fn a_document_s_text_passes_its_check_and_another_version_s_does_not() {
        let text = parse_document_text(PANJIN_TEXT, "panjin-2019").unwrap();
        assert_eq!(&text, &super::super::bundled::texts()["panjin-2019"]);
        assert_eq!(
            parse_document_text(PANJIN_TEXT, "sihui-2022"),
            Err(Problem::OtherVersion)
        );
        let other = String::from_utf8(PANJIN_TEXT.to_vec())
            .unwrap()
            .replacen(TEXTS_FNV, "0123456789abcdef", 1);
        assert_eq!(
            parse_document_text(other.as_bytes(), "panjin-2019"),
            Err(Problem::OtherVersion)
        );
        assert_eq!(parse_document_text(PANJIN, "panjin-2019"), Err(Problem::OtherVersion));
    }

    #[test]
    fn the_split_files_pass_their_checks() {
        let dataset = super::super::bundled::dataset();
        assert_eq!(parse_indicators(INDICATORS).unwrap(), dataset.indicators);
        let panjin = dataset
            .documents
            .iter()
            .find(|e| e.document.id == "panjin-2019")
            .unwrap();
        assert_eq!(&parse_document_targets(PANJIN, "panjin-2019").unwrap(), panjin);
    }

    #[test]
    fn a_split_file_from_another_version_or_of_another_document_is_refused() {
        assert_eq!(parse_document_targets(PANJIN, "sihui-2022"), Err(Problem::OtherVersion));
        let text = String::from_utf8(PANJIN.to_vec()).unwrap();
        let other = text.replacen(TARGETS_FNV, "0123456789abcdef", 1);
        assert_eq!(
            parse_document_targets(other.as_bytes(), "panjin-2019"),
            Err(Problem::OtherVersion)
        );
        assert_eq!(
            parse_document_targets(b"[1, 2]", "panjin-2019"),
            Err(Problem::OtherVersion)
        );
        assert_eq!(parse_document_targets(b"", "panjin-2019"), Err(Problem::OtherVersion));
        assert_eq!(parse_indicators(TARGETS), Err(Problem::OtherVersion));
    }

    #[test]
    fn the_published_files_pass_their_build_time_fingerprint() {
        assert_eq!(&parse_targets(TARGETS).unwrap(), super::super::bundled::dataset());
        assert_eq!(&parse_texts(TEXTS).unwrap(), super::super::bundled::texts());
        let index = parse_index(INDEX).unwrap();
        let dataset = super::super::bundled::dataset();
        assert_eq!(index.version, dataset.version);
        let ids = |documents: Vec<&str>| documents.join(" ");
        assert_eq!(
            ids(index.documents.iter().map(|d| d.document.id.as_str()).collect()),
            ids(dataset.documents.iter().map(|d| d.document.id.as_str()).collect())
        );
        let from_index = PublishedData::from_index(index);
        assert!(from_index.dataset.documents.iter().all(|d| d.targets.is_empty()));
        assert_eq!(
            from_index.dataset.documents[0].document.title,
            dataset.documents[0].document.title
        );
    }

    #[test]
    fn the_document_list_passes_its_check_and_lists_every_document() {
        let list = parse_document_list(DOCUMENT_LIST).unwrap();
        assert_eq!(list.unlisted, 0);
        assert_eq!(list.documents.len(), super::super::bundled::dataset().documents.len());
        assert_eq!(parse_document_list(TARGETS), Err(Problem::OtherVersion));
    }

    #[test]
    fn only_a_404_says_a_file_is_not_there() {
        assert!(Problem::Fetch("HTTP 404".into()).is_not_found());
        assert!(!Problem::Fetch("HTTP 500".into()).is_not_found());
        assert!(!Problem::Fetch("TypeError: Failed to fetch".into()).is_not_found());
        assert!(!Problem::OtherVersion.is_not_found());
    }

    #[test]
    fn a_file_from_another_version_is_refused() {
        let mut changed = TARGETS.to_vec();
        changed.push(b'\n');
        assert_eq!(parse_targets(&changed), Err(Problem::OtherVersion));
        assert_eq!(parse_texts(TARGETS), Err(Problem::OtherVersion));
        assert_eq!(parse_texts(b""), Err(Problem::OtherVersion));
        assert_eq!(parse_index(TARGETS), Err(Problem::OtherVersion));
    }

    #[test]
    fn fingerprint_is_fnv1a_64() {
        assert_eq!(fingerprint(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_refused_published_file_gives_its_reason_in_both_languages() {
        let unreadable = Problem::Unreadable { line: 3, column: 9 };
        assert_eq!(unreadable.reason(Lang::Zh), "文件第 3 行第 9 列无法读取");
        assert_eq!(unreadable.reason(Lang::En), "unreadable at line 3, column 9");
        let fetch = Problem::Fetch("HTTP 404".into());
        assert_eq!(fetch.reason(Lang::Zh), "HTTP 404");
        assert_eq!(Problem::ReaderMissing.reason(Lang::Zh), "读取程序未能加载");
        assert_eq!(
            Problem::ReaderMissing.reason(Lang::En),
            "its reader could not be loaded"
        );
    }
}
