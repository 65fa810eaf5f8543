//! Reading a few documents' split files (`policy_data::by_document`: the indicator catalogue, a
//! document's targets, a document's text) into what the app holds. The requests are started by
//! the caller, in the first-visit module, so they run while this code (the targets-reader chunk,
//! `parts::TARGETS_READER`) is fetched; what reads them travels in the chunk.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use policy_analysis::catalog::Catalog;
use policy_analysis::url_state::{DocumentsShown, UrlState};
use policy_data::by_document::{document_targets_url, document_text_url, INDICATORS_URL};
use policy_data::published::{self, Problem, PublishedData, Unsaved};

use super::dataset_open::DatasetsAction;
use crate::browser::fetch::fetch_all;

/// Requests started, awaited for their bodies (in order).
pub type Fetched = Pin<Box<dyn Future<Output = Vec<Result<Vec<u8>, Problem>>>>>;
/// What reading fetched files gives, or why it could not.
pub type Reading<T> = Pin<Box<dyn Future<Output = Result<T, Problem>>>>;

/// What a view of a few documents lacks (`Library::missing`, `missing_texts`).
#[derive(Clone, Debug, PartialEq)]
pub enum Few {
    /// These documents' targets, and the indicator catalogue when `indicators`.
    Targets { indicators: bool, ids: Vec<String> },
    /// These documents' texts.
    Texts(Vec<String>),
}

impl Few {
    /// The files to fetch, in the order [`read_few`] reads them.
    pub fn urls(&self) -> Vec<String> {
        match self {
            Few::Targets { indicators, ids } => {
                let mut urls: Vec<String> = ids.iter().map(|id| document_targets_url(id)).collect();
                if *indicators {
                    urls.push(INDICATORS_URL.to_string());
                }
                urls
            }
            Few::Texts(ids) => ids.iter().map(|id| document_text_url(id)).collect(),
        }
    }

    /// What a view lacks, for the message when its fetch fails offline: the documents of `few`,
    /// or (with none, or when the view shows every document) the whole data.
    pub fn unsaved(few: Option<&Few>) -> Unsaved {
        let ids = match few {
            Some(Few::Targets { ids, .. } | Few::Texts(ids)) => ids.len(),
            None => 0,
        };
        Unsaved::documents(ids)
    }
}

/// Checks and reads the files of `few` (`fetched`, started from [`Few::urls`]) into the change of
/// the session's data they make.
pub fn read_few(few: Few, fetched: Fetched) -> Reading<DatasetsAction> {
    Box::pin(async move {
        let mut fetched = fetched.await.into_iter();
        match few {
            Few::Targets { indicators, ids } => {
                let mut documents = Vec::with_capacity(ids.len());
                for (id, bytes) in ids.iter().zip(fetched.by_ref()) {
                    documents.push(published::parse_document_targets(&bytes?, id)?);
                }
                let indicators = match (indicators, fetched.next()) {
                    (true, Some(bytes)) => Some(published::parse_indicators(&bytes?)?),
                    _ => None,
                };
                Ok(DatasetsAction::Documents(indicators, documents))
            }
            Few::Texts(ids) => {
                let mut texts = Vec::with_capacity(ids.len());
                for (id, bytes) in ids.into_iter().zip(fetched) {
                    let text = published::parse_document_text(&bytes?, &id)?;
                    texts.push((id, text));
                }
                Ok(DatasetsAction::DocumentTexts(texts))
            }
        }
    })
}

/// The files a link to a view of a few documents starts with, fetched at once: home's index, the
/// indicator catalogue and the documents the link names (`UrlState::documents_named`).
pub fn start_urls(state: &UrlState) -> Vec<String> {
    let mut urls = vec![published::INDEX_URL.to_string(), INDICATORS_URL.to_string()];
    urls.extend(state.documents_named().iter().map(|id| document_targets_url(id)));
    urls
}

/// Reads the start of a view of a few documents (`fetched`, started from [`start_urls`]); then
/// fetches the documents a default selection holds, which the index tells. Ids the index does not
/// know are not fetched: the link's notice names them. Where home's index lists only the first
/// documents, a named document it does not list is read from its own file, and one the server
/// does not have (HTTP 404) is left out the same way, for the notice to name.
pub fn read_start(state: UrlState, fetched: Fetched, reload: bool) -> Reading<PublishedData> {
    Box::pin(async move {
        let named = state.documents_named();
        let mut fetched = fetched.await.into_iter();
        let mut next = || {
            fetched
                .next()
                .unwrap_or_else(|| Err(Problem::Fetch("no response".into())))
        };
        let index = published::parse_index(&next()?)?;
        let indicators = published::parse_indicators(&next()?)?;
        let partial = index.unlisted > 0;
        let data = PublishedData::from_index(index);
        let catalog = Catalog::new((*data.dataset).clone(), BTreeMap::new());
        let listed = |id: &String| catalog.document_by_id(id).is_some();
        let shown: Vec<String> = match state.targets_shown(&catalog) {
            DocumentsShown::Documents(ids) => ids.into_iter().filter(|id| partial || listed(id)).collect(),
            _ => Vec::new(),
        };
        let mut documents = Vec::new();
        for id in &named {
            match next() {
                _ if !shown.contains(id) => {}
                Err(problem) if problem.is_not_found() && !listed(id) => {}
                bytes => documents.push(published::parse_document_targets(&bytes?, id)?),
            }
        }
        let rest: Vec<String> = shown
            .into_iter()
            .filter(|id| !named.contains(id) && listed(id))
            .collect();
        if !rest.is_empty() {
            let few = Few::Targets {
                indicators: false,
                ids: rest,
            };
            let fetched = Box::pin(fetch_all(&few.urls(), reload));
            if let DatasetsAction::Documents(_, more) = read_few(few, fetched).await? {
                documents.extend(more);
            }
        }
        Ok(data.with_documents(indicators, documents))
    })
}
