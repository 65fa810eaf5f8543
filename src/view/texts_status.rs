//! Published files that arrive after the start: the documents' texts (`data/texts.json`) and,
//! when the app started from home's index, the targets (`data/targets.json`), each fetched when a
//! view first needs it. While one loads, the views that need it say so; a failed fetch says why and
//! offers a retry (offline, that what is missing is not saved on this device and needs a
//! connection).

use yew::prelude::*;

use policy_analysis::url_state::Lang;
use policy_data::published::{Problem, Unsaved};

use super::text::tr;

/// Where a published file fetched on demand is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchStatus {
    /// Here (always in native rendering and tests).
    Ready,
    /// Not needed yet: fetched when a view needs them.
    Waiting,
    Loading,
    /// The fetch failed, or the file is from another version of the site, or could not be read.
    Failed(Problem),
}

/// The texts' status and the way to fetch them again (a context the app provides).
#[derive(Clone, PartialEq)]
pub struct TextsState {
    pub status: FetchStatus,
    pub retry: Callback<()>,
    /// What a fetch that failed offline lacks (one document's text, several, or every text).
    pub unsaved: Unsaved,
}

/// The published targets' status and the way to fetch them again (a context the app provides).
#[derive(Clone, PartialEq)]
pub struct TargetsState {
    pub status: FetchStatus,
    pub retry: Callback<()>,
    /// What a fetch that failed offline lacks (one document's targets, several, or every target).
    pub unsaved: Unsaved,
    /// The list of every document (`data/document-list.json`), fetched with the targets where the
    /// view offers every document and home's index lists only the first (`list_gate::ListGate`
    /// shows it), and the way to fetch it again.
    pub list: FetchStatus,
    pub list_retry: Callback<()>,
}

impl TargetsState {
    /// The same state with the document list's status and retry.
    pub fn with_list(self, (list, list_retry): (FetchStatus, Callback<()>)) -> TargetsState {
        TargetsState {
            list,
            list_retry,
            ..self
        }
    }

    /// The same state, whose retry also fetches the texts again when they failed too: a view of a
    /// document opened offline lacks both, and one press of "retry" brings both.
    pub fn retrying_texts(self, texts: &TextsState) -> TargetsState {
        if !matches!(texts.status, FetchStatus::Failed(_)) {
            return self;
        }
        let (targets, texts) = (self.retry.clone(), texts.retry.clone());
        TargetsState {
            retry: Callback::from(move |()| {
                targets.emit(());
                texts.emit(());
            }),
            ..self
        }
    }
}

impl Default for TextsState {
    fn default() -> Self {
        TextsState {
            status: FetchStatus::Ready,
            retry: Callback::noop(),
            unsaved: Unsaved::Data,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct TextsNoticeProps {
    pub lang: Lang,
}

/// Nothing when the texts are here; a loading line or an error with a retry button otherwise.
#[component]
pub fn TextsNotice(props: &TextsNoticeProps) -> Html {
    let texts = use_context::<TextsState>().unwrap_or_default();
    fetch_notice(props.lang, &texts.status, &texts.retry, texts.unsaved, &TEXTS_WORDING)
}

#[derive(Properties, PartialEq)]
pub struct TargetsNoticeProps {
    pub lang: Lang,
    pub targets: TargetsState,
}

/// What a view that shows targets shows until they arrive: a loading line, or why they could not
/// be fetched with a retry button. Nothing typed or opened is lost meanwhile.
#[component]
pub fn TargetsNotice(props: &TargetsNoticeProps) -> Html {
    fetch_notice(
        props.lang,
        &props.targets.status,
        &props.targets.retry,
        props.targets.unsaved,
        &TARGETS_WORDING,
    )
}

#[derive(Properties, PartialEq)]
pub struct ListNoticeProps {
    pub lang: Lang,
    pub status: FetchStatus,
    pub retry: Callback<()>,
}

/// Where home's index lists only the first documents and the view offers them all (the
/// comparison's choices, home's finder and list by province): a loading line while the whole list
/// arrives, or why it could not be fetched with a retry button.
#[component]
pub fn ListNotice(props: &ListNoticeProps) -> Html {
    fetch_notice(props.lang, &props.status, &props.retry, Unsaved::Data, &LIST_WORDING)
}

/// What a notice about one published file says, and its element ids and classes.
struct NoticeWording {
    id: &'static str,
    loading_class: &'static str,
    failed_class: &'static str,
    retry_id: Option<&'static str>,
    loading: (&'static str, &'static str),
    other_version: (&'static str, &'static str),
    failed: (&'static str, &'static str),
}

const TEXTS_WORDING: NoticeWording = NoticeWording {
    id: "texts-status",
    loading_class: "texts-loading muted",
    failed_class: "notice texts-failed",
    retry_id: None,
    loading: ("正在加载文件原文…", "Loading the documents' texts…"),
    other_version: (
        "文件原文与本页面版本不符(可能是旧的缓存),请重试或重新加载页面。",
        "The documents' texts do not match this version of the page (perhaps an old cached copy). Please retry or reload the page.",
    ),
    failed: (
        "文件原文未能加载,请检查网络后重试。",
        "The documents' texts could not be loaded. Please check the connection and retry.",
    ),
};

const TARGETS_WORDING: NoticeWording = NoticeWording {
    id: "targets-status",
    loading_class: "boot",
    failed_class: "notice targets-failed",
    retry_id: Some("targets-retry"),
    loading: ("正在加载目标数据…", "Loading the targets…"),
    other_version: (
        "目标数据与本页面版本不符(可能是旧的缓存),请重试或重新加载页面。",
        "The targets do not match this version of the page (perhaps an old cached copy). Please retry or reload the page.",
    ),
    failed: (
        "目标数据未能加载,请检查网络后重试。",
        "The targets could not be loaded. Please check the connection and retry.",
    ),
};

const LIST_WORDING: NoticeWording = NoticeWording {
    id: "list-status",
    loading_class: "list-loading muted",
    failed_class: "notice list-failed",
    retry_id: Some("list-retry"),
    loading: ("正在加载全部地方的列表…", "Loading the list of every place…"),
    other_version: (
        "地方列表与本页面版本不符(可能是旧的缓存),请重试或重新加载页面。",
        "The list of places does not match this version of the page (perhaps an old cached copy). Please retry or reload the page.",
    ),
    failed: (
        "地方列表未能加载,请检查网络后重试。",
        "The list of places could not be loaded. Please check the connection and retry.",
    ),
};

/// Nothing when the file is here; a loading line, or why it could not be fetched with a retry
/// button, worded by `wording` (offline, by the core: `unsaved` is what is missing).
fn fetch_notice(
    lang: Lang,
    status: &FetchStatus,
    retry: &Callback<()>,
    unsaved: Unsaved,
    wording: &NoticeWording,
) -> Html {
    let say = |(zh, en): (&'static str, &'static str)| tr(lang, zh, en);
    match status {
        FetchStatus::Ready => html! {},
        FetchStatus::Waiting | FetchStatus::Loading => html! {
            <p class={wording.loading_class} id={wording.id} role="status">{ say(wording.loading) }</p>
        },
        FetchStatus::Failed(problem) => {
            let retry = retry.clone();
            let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
            html! {
                <div class={wording.failed_class} id={wording.id} role="alert">
                    <p>
                        if let Some(message) = problem.needs_connection(unsaved, lang) {
                            { message }
                        } else if *problem == Problem::OtherVersion {
                            { say(wording.other_version) }
                        } else {
                            { say(wording.failed) }
                            { format!(" ({})", problem.reason(lang)) }
                        }
                    </p>
                    <button type="button" class="button primary" id={wording.retry_id} {onclick}>{ tr(lang, "重试", "Retry") }</button>
                </div>
            }
        }
    }
}
