//! What tells visitors about opened files outside the panel: the mark on every document they opened
//! (not part of the published data), and the notice when stored files were dropped at start-up.

use yew::prelude::*;

use policy_data::lang::Lang;

use super::super::text::tr;
use super::state::{DatasetsAction, DatasetsState};

/// The mark on every document a visitor opened.
pub fn opened_mark(lang: Lang) -> Html {
    html! {
        <span class="opened-mark">{ opened_text(lang) }</span>
    }
}

/// The short mark for tight places (list rows, choices); the full wording is its tooltip.
pub fn opened_mark_short(lang: Lang) -> Html {
    html! {
        <span class="opened-mark" title={opened_text(lang)}>{ tr(lang, "用户打开", "opened by you") }</span>
    }
}

fn opened_text(lang: Lang) -> &'static str {
    tr(
        lang,
        "用户打开的数据,非本站发布",
        "Opened by you, not part of the official data",
    )
}

/// The notice shown at the top when stored files were dropped at start-up.
#[derive(Properties, PartialEq)]
pub struct DroppedNoticeProps {
    pub lang: Lang,
    pub datasets: UseReducerHandle<DatasetsState>,
}

#[function_component(DroppedNotice)]
pub fn dropped_notice(props: &DroppedNoticeProps) -> Html {
    let lang = props.lang;
    if props.datasets.dropped.is_empty() {
        return html! {};
    }
    let mut files: Vec<&str> = props.datasets.dropped.iter().map(|e| e.file.as_str()).collect();
    files.dedup();
    let dismiss = {
        let datasets = props.datasets.clone();
        Callback::from(move |_| datasets.dispatch(DatasetsAction::DismissDropped))
    };
    let first = props
        .datasets
        .dropped
        .first()
        .map(|e| e.describe(lang))
        .unwrap_or_default();
    html! {
        <div class="notice" role="status">
            <p>
                { tr(lang, "以前打开的数据文件已不能通过核对,已移除:", "Files you opened earlier no longer pass the checks and were removed: ") }
                { files.join(", ") }
                { format!(" ({first})") }
            </p>
            <button type="button" class="button" onclick={dismiss}>{ tr(lang, "知道了", "Dismiss") }</button>
        </div>
    }
}
