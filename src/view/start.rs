//! What the browser mounts: fetches the published data the first view needs, checked against
//! this build's fingerprint (home's index `data/index.json` for bare home; the index, the indicator
//! catalogue and the documents' own targets `data/targets/<id>.json` for a view of a few
//! documents; otherwise the targets `data/targets.json`), shows a loading line meanwhile and a
//! clear error with a retry button if the fetch fails (offline, that what is missing is not saved
//! on this device and needs a connection), then renders the [`App`] with the data. Never a blank
//! page.

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::url_state::UrlState;
use policy_data::lang::Lang;
use policy_data::model::Dataset;
use policy_data::published::{self, Problem, PublishedData, Unsaved};

use super::app::{App, AppProps};
use super::parts::{ReadTargets, TARGETS_READER};
use super::split_data;
use crate::browser::fetch::{fetch_all, fetch_bytes};

/// Where fetching the data stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    /// The data could not be fetched or used.
    Failed(Problem),
    /// The data arrived but the dataset-file checks (needed to restore the files the visitor
    /// opened before) did not.
    ChecksMissing,
    Ready(PublishedData),
}

/// Fetches and checks the published data the first view needs (`UrlState::targets_shown`): the
/// index alone for bare home, the index and a few documents' targets for a view of those, every
/// target otherwise and for any start that restores files opened on an earlier visit (they are
/// checked against every target). `reload` bypasses the browser cache. With `restore_files`,
/// also loads the checker that restores them, so that they are never dropped for want of it.
pub async fn fetch_data(query: &str, reload: bool, restore_files: bool) -> Phase {
    let state = UrlState::parse(query).0;
    let phase = if restore_files || state.shows_all_targets() {
        fetch_targets(reload).await
    } else if state.needs_targets() {
        fetch_documents(&state, reload).await
    } else {
        fetch_index(reload).await
    };
    if restore_files && matches!(phase, Phase::Ready(_)) && super::parts::DATASET_CHECK.load().await.is_err() {
        return Phase::ChecksMissing;
    }
    phase
}

async fn fetch_targets(reload: bool) -> Phase {
    let fetched = fetch_bytes(published::TARGETS_URL, reload).await;
    match fetched {
        Ok(bytes) => match read_targets(bytes).await {
            Ok(dataset) => Phase::Ready(PublishedData {
                dataset: Rc::new(dataset),
                texts: None,
                index: None,
                by_document: None,
            }),
            Err(problem) => Phase::Failed(problem),
        },
        Err(problem) => Phase::Failed(problem),
    }
}

/// Checks and reads fetched `targets.json` bytes with the reader's chunk (`parts::TARGETS_READER`),
/// loading it first if need be.
pub async fn read_targets(bytes: Vec<u8>) -> Result<Dataset, Problem> {
    (reader().await?.all)(&bytes)
}

/// The published targets' readers (`parts::TARGETS_READER`), loading their chunk if need be.
pub async fn reader() -> Result<ReadTargets, Problem> {
    TARGETS_READER.load().await.map_err(|_| Problem::ReaderMissing)
}

async fn fetch_index(reload: bool) -> Phase {
    let fetched = fetch_bytes(published::INDEX_URL, reload).await;
    match fetched.and_then(|bytes| published::parse_index(&bytes)) {
        Ok(index) => Phase::Ready(PublishedData::from_index(index)),
        Err(problem) => Phase::Failed(problem),
    }
}

/// A first view of a few documents: the index, the indicator catalogue and the documents the link
/// names, requested at once, then read (and the documents a default selection holds fetched) by
/// the reader's chunk (`split_data::read_start`).
async fn fetch_documents(state: &UrlState, reload: bool) -> Phase {
    let fetched = Box::pin(fetch_all(&split_data::start_urls(state), reload));
    let read = match reader().await {
        Ok(read) => (read.start)(state.clone(), fetched, reload).await,
        Err(problem) => Err(problem),
    };
    match read {
        Ok(data) => Phase::Ready(data),
        Err(problem) => Phase::Failed(problem),
    }
}

/// What a first fetch that failed offline lacks, as [`fetch_data`] chooses the files: a view of a
/// few documents lacks those (one, or several), any other the whole data.
fn unsaved(query: &str, restore_files: bool) -> Unsaved {
    let state = UrlState::parse(query).0;
    if restore_files || state.shows_all_targets() || !state.needs_targets() {
        return Unsaved::Data;
    }
    match state.documents_named().len() {
        1 => Unsaved::Document,
        _ => Unsaved::Documents,
    }
}

/// What the page needs to start: the app's props and the outcome of the first data fetch.
#[derive(Properties, PartialEq, Clone)]
pub struct StartProps {
    /// The app's props; `app.data` is replaced by the fetched data.
    pub app: AppProps,
    /// The first fetch, done before mounting so that the page's prerendered content stays on
    /// screen until the app can replace it with the real view.
    pub first: Phase,
}

/// The app once its data has arrived, or a clear error with a retry button.
#[component]
pub fn Start(props: &StartProps) -> Html {
    let phase = use_state(|| props.first.clone());
    let attempt = use_state(|| 0u32);
    let props_saved_empty = props.app.saved_datasets.is_empty();
    {
        let phase = phase.clone();
        let query = props.app.query.clone();
        use_effect_with(*attempt, move |attempt| {
            if *attempt > 0 {
                phase.set(Phase::Loading);
                let restore_files = !props_saved_empty;
                yew::platform::spawn_local(async move { phase.set(fetch_data(&query, true, restore_files).await) });
            }
            || ()
        });
    }
    match &*phase {
        Phase::Ready(data) => {
            let props = AppProps {
                data: data.clone(),
                ..props.app.clone()
            };
            html! { <App ..props /> }
        }
        Phase::Loading => html! {
            <p class="boot" id="data-loading" role="status">{ "正在加载数据… · " }<span lang="en">{ "Loading the data…" }</span></p>
        },
        Phase::Failed(_) | Phase::ChecksMissing => {
            let onclick = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            let (zh, en) = match &*phase {
                Phase::Failed(Problem::OtherVersion) => (
                    "数据文件与本页面版本不符(可能是旧的缓存)。请重试;若仍不行,请重新加载页面。".to_string(),
                    "The data file does not match this version of the page (perhaps an old cached copy). Please retry; if that fails, reload the page.".to_string(),
                ),
                Phase::Failed(Problem::Offline) => {
                    let unsaved = unsaved(&props.app.query, !props_saved_empty);
                    let say = |lang| {
                        Problem::Offline
                            .needs_connection(unsaved, lang)
                            .unwrap_or_default()
                            .to_string()
                    };
                    (say(Lang::Zh), say(Lang::En))
                }
                Phase::Failed(problem) => (
                    format!("数据未能加载,请检查网络后重试。({})", problem.reason(Lang::Zh)),
                    format!(
                        "The data could not be loaded. Please check the connection and retry. ({})",
                        problem.reason(Lang::En)
                    ),
                ),
                _ => (
                    "您以前打开的数据文件需要核对程序才能恢复,但它未能加载。请检查网络后重试;文件仍保存在本浏览器中。".to_string(),
                    "The files you opened before need the file checks to be restored, and those could not be loaded. Please check the connection and retry; the files are still kept in this browser.".to_string(),
                ),
            };
            html! {
                <div class="crash" id="data-problem" role="alert">
                    <h1>{ "数据未能加载 / The data could not be loaded" }</h1>
                    <p lang="zh-Hans">{ zh }</p>
                    <p lang="en">{ en }</p>
                    <p><a href="data/targets.csv">{ "targets.csv" }</a>{ " · " }<a href="data/targets.json">{ "targets.json" }</a></p>
                    <button type="button" class="button primary" id="data-retry" {onclick}>{ "重试 / Retry" }</button>
                </div>
            }
        }
    }
}
