//! A published data file fetched once a view needs it (`data/texts.json`, `data/targets.json`),
//! checked against this build's fingerprint and handed over; a failure keeps the status for a
//! retry. The texts and the targets are two uses of the one hook. A view of a few documents gets
//! only theirs (`data/targets/<id>.json` with `data/indicators.json` the first time,
//! `data/texts/<id>.json`), through a second hook the texts and the targets share as well. The list
//! of every document (`data/document-list.json`) is a third use of the first hook.

use std::future::Future;
use std::pin::Pin;

use yew::prelude::*;

use policy_analysis::url_state::DocumentsShown;
use policy_data::published::{self, Problem};

use super::super::split_data::Few;

use super::super::dataset_open::{DatasetsAction, DatasetsState};
use super::super::texts_status::{FetchStatus, TargetsState, TextsState};

/// Checks and reads a fetched file's bytes (perhaps loading its reader's chunk first) into the
/// change of the session's data it makes. One type for every file, so the hook below is one piece
/// of code.
type Read = fn(Vec<u8>) -> Pin<Box<dyn Future<Output = Result<DatasetsAction, Problem>>>>;

/// The status of the published file at `url`. `present` says whether it came with the data;
/// otherwise it is fetched (and read by `read`) the first time `needed` is true, and what it
/// makes dispatched to `datasets`. Returns the status and a retry callback.
#[hook]
fn use_published_file(
    present: bool,
    needed: bool,
    url: &'static str,
    read: Read,
    datasets: UseReducerDispatcher<DatasetsState>,
) -> (FetchStatus, Callback<()>) {
    let status = use_state(|| match present {
        true => FetchStatus::Ready,
        false => FetchStatus::Waiting,
    });
    let attempt = use_state(|| 0u32);
    {
        let status = status.clone();
        use_effect_with((needed, *attempt), move |(needed, attempt)| {
            if *needed && *status == FetchStatus::Waiting {
                status.set(FetchStatus::Loading);
                let reload = *attempt > 0;
                yew::platform::spawn_local(async move {
                    let fetched = crate::browser::fetch::fetch_bytes(url, reload).await;
                    let read = match fetched {
                        Ok(bytes) => read(bytes).await,
                        Err(problem) => Err(problem),
                    };
                    match read {
                        Ok(action) => {
                            datasets.dispatch(action);
                            status.set(FetchStatus::Ready);
                        }
                        Err(problem) => status.set(FetchStatus::Failed(problem)),
                    }
                });
            }
            || ()
        });
    }
    let retry = {
        let status = status.clone();
        let attempt = attempt.clone();
        use_callback(*attempt, move |(), current| {
            status.set(FetchStatus::Waiting);
            attempt.set(*current + 1);
        })
    };
    ((*status).clone(), retry)
}

/// The published texts the view shows (`shown`): `present` when they all came with the data.
/// Otherwise every text (`data/texts.json`) is fetched the first time a view searches them all, and
/// a document's page fetches only its own (`data/texts/<id>.json`).
#[hook]
pub fn use_texts(present: bool, shown: DocumentsShown, datasets: UseReducerHandle<DatasetsState>) -> TextsState {
    let all = shown == DocumentsShown::All;
    let missing = match all || present {
        true => None,
        false => datasets.library.missing_texts(&shown).map(Few::Texts),
    };
    let unsaved = Few::unsaved(missing.as_ref());
    let few = use_few(missing, datasets.clone());
    let read: Read = |bytes| Box::pin(async move { published::parse_texts(&bytes).map(DatasetsAction::Texts) });
    let (status, retry) = use_published_file(present, all, published::TEXTS_URL, read, datasets.dispatcher());
    let (status, retry) = if all { (status, retry) } else { few };
    TextsState { status, retry, unsaved }
}

/// The published targets the view shows (`shown`): present unless the app started from home's
/// index. Then every target (`data/targets.json`) is fetched the first time a view shows them all
/// or a dataset file waits to be checked against them (`files_waiting`), and a view of a few
/// documents fetches only theirs (`data/targets/<id>.json`, and `data/indicators.json` once).
#[hook]
pub fn use_targets(
    shown: DocumentsShown,
    files_waiting: bool,
    datasets: UseReducerHandle<DatasetsState>,
) -> TargetsState {
    let all = shown == DocumentsShown::All || files_waiting;
    let present = datasets.library.has_targets();
    let missing = match all {
        true => None,
        false => datasets
            .library
            .missing(&shown)
            .map(|(indicators, ids)| Few::Targets { indicators, ids }),
    };
    let unsaved = Few::unsaved(missing.as_ref());
    let few = use_few(missing, datasets.clone());
    // The targets' reader is a chunk of its own (`parts::TARGETS_READER`); the checker, loaded
    // whenever a file is open, checks open files again against them.
    let read: Read = |bytes| {
        Box::pin(async move {
            let dataset = super::super::start::read_targets(bytes).await?;
            let check = super::super::parts::DATASET_CHECK.ready();
            Ok(DatasetsAction::Targets(Box::new(dataset), check))
        })
    };
    let (status, retry) = use_published_file(present, all, published::TARGETS_URL, read, datasets.dispatcher());
    let (status, retry) = if all { (status, retry) } else { few };
    TargetsState {
        status,
        retry,
        unsaved,
        list: FetchStatus::Ready,
        list_retry: Callback::noop(),
    }
}

/// The list of every published document (`data/document-list.json`), fetched the first time
/// `needed` (a view offers every document, or home's finder or list by province is used) while
/// the library lists only home's index's documents; handed to the session's data. Returns the
/// status and a retry callback.
#[hook]
pub fn use_document_list(needed: bool, datasets: UseReducerDispatcher<DatasetsState>) -> (FetchStatus, Callback<()>) {
    let read: Read = |bytes| {
        Box::pin(async move {
            published::parse_document_list(&bytes).map(|list| DatasetsAction::DocumentList(std::rc::Rc::new(list)))
        })
    };
    use_published_file(false, needed, published::DOCUMENT_LIST_URL, read, datasets)
}

/// A few documents' split files (`missing`, as the library tells what it lacks), requested
/// whenever the view shows documents whose data is not here yet, read by the reader's chunk and
/// handed to the session's data. A fetch that a newer one overtook (the visitor chose other
/// documents meanwhile) still hands over what it read, but no longer sets the status. Returns the
/// status and a retry callback.
#[hook]
fn use_few(missing: Option<Few>, datasets: UseReducerHandle<DatasetsState>) -> (FetchStatus, Callback<()>) {
    let status = use_state(|| FetchStatus::Ready);
    let attempt = use_state(|| 0u32);
    let latest = use_mut_ref(|| 0u32);
    {
        let status = status.clone();
        use_effect_with((missing, *attempt), move |(missing, attempt)| {
            if let Some(missing) = missing.clone() {
                *latest.borrow_mut() += 1;
                let mine = *latest.borrow();
                status.set(FetchStatus::Loading);
                let fetched = Box::pin(crate::browser::fetch::fetch_all(&missing.urls(), *attempt > 0));
                yew::platform::spawn_local(async move {
                    let result = match super::super::start::reader().await {
                        Ok(read) => (read.few)(missing, fetched).await,
                        Err(problem) => Err(problem),
                    };
                    let current = *latest.borrow() == mine;
                    match result {
                        Ok(action) => {
                            datasets.dispatch(action);
                            if current {
                                status.set(FetchStatus::Ready);
                            }
                        }
                        Err(problem) if current => status.set(FetchStatus::Failed(problem)),
                        Err(_) => {}
                    }
                });
            }
            || ()
        });
    }
    let retry = {
        let attempt = attempt.clone();
        use_callback(*attempt, move |(), current| attempt.set(*current + 1))
    };
    ((*status).clone(), retry)
}
