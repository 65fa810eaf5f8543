//! Published files that arrive after the start: the documents' texts (`data/texts.json`) and,
//! when the app started from home's index, the targets (`data/targets.json`), each fetched when a
//! view first needs it. While one loads, the views that need it say so; a failed fetch says why and
//! offers a retry.

use yew::prelude::*;

use policy_analysis::url_state::Lang;
use policy_data::published::Problem;

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
}

/// The published targets' status and the way to fetch them again (a context the app provides).
#[derive(Clone, PartialEq)]
pub struct TargetsState {
    pub status: FetchStatus,
    pub retry: Callback<()>,
}

impl Default for TextsState {
    fn default() -> Self {
        TextsState {
            status: FetchStatus::Ready,
            retry: Callback::noop(),
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
    let lang = props.lang;
    let texts = use_context::<TextsState>().unwrap_or_default();
    match &texts.status {
        FetchStatus::Ready => html! {},
        FetchStatus::Waiting | FetchStatus::Loading => html! {
            <p class="texts-loading muted" id="texts-status" role="status">
                { tr(lang, "正在加载文件原文…", "Loading the documents' texts…") }
            </p>
        },
        FetchStatus::Failed(problem) => {
            let retry = texts.retry.clone();
            let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
            html! {
                <div class="notice texts-failed" id="texts-status" role="alert">
                    <p>
                        if *problem == Problem::OtherVersion {
                            { tr(lang, "文件原文与本页面版本不符(可能是旧的缓存),请重试或重新加载页面。",
                                 "The documents' texts do not match this version of the page (perhaps an old cached copy). Please retry or reload the page.") }
                        } else {
                            { tr(lang, "文件原文未能加载,请检查网络后重试。", "The documents' texts could not be loaded. Please check the connection and retry.") }
                            { format!(" ({})", problem.reason(lang)) }
                        }
                    </p>
                    <button type="button" class="button primary" {onclick}>{ tr(lang, "重试", "Retry") }</button>
                </div>
            }
        }
    }
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
    let lang = props.lang;
    match &props.targets.status {
        FetchStatus::Ready => html! {},
        FetchStatus::Waiting | FetchStatus::Loading => html! {
            <p class="boot" id="targets-status" role="status">
                { tr(lang, "正在加载目标数据…", "Loading the targets…") }
            </p>
        },
        FetchStatus::Failed(problem) => {
            let retry = props.targets.retry.clone();
            let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
            html! {
                <div class="notice targets-failed" id="targets-status" role="alert">
                    <p>
                        if *problem == Problem::OtherVersion {
                            { tr(lang, "目标数据与本页面版本不符(可能是旧的缓存),请重试或重新加载页面。",
                                 "The targets do not match this version of the page (perhaps an old cached copy). Please retry or reload the page.") }
                        } else {
                            { tr(lang, "目标数据未能加载,请检查网络后重试。", "The targets could not be loaded. Please check the connection and retry.") }
                            { format!(" ({})", problem.reason(lang)) }
                        }
                    </p>
                    <button type="button" class="button primary" id="targets-retry" {onclick}>{ tr(lang, "重试", "Retry") }</button>
                </div>
            }
        }
    }
}
