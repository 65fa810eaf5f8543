//! What home's locality finder shows for the text typed in its field (`home_more::find_field`): the
//! place's or its province's name, Chinese or pinyin (folded), gives a bounded list of links to the
//! matching documents' targets and a polite count. Where home's index lists only the first
//! documents, the first letter typed fetches the list of every one (`hooks::use_document_list`),
//! and the finder says so until it is here. An on-demand chunk (`parts::HOME_FIND`): its matching
//! and folding code is not loaded until the field is used.

use yew::prelude::*;

use policy_analysis::choices::offered_localities;
use policy_analysis::url_state::Lang;

use super::context::use_app;
use super::document_line::DocumentLine;
use super::hooks::use_document_list;
use super::texts_status::ListNotice;

#[derive(Properties, PartialEq)]
pub struct FoundProps {
    /// What the visitor typed.
    pub typed: String,
}

#[component]
pub fn Found(props: &FoundProps) -> Html {
    let app = use_app();
    let (catalog, lang) = (&app.catalog, app.lang());
    let typed = props.typed.trim();
    let list_needed = !typed.is_empty() && catalog.unlisted > 0;
    let (list_status, list_retry) = use_document_list(list_needed, app.datasets.clone());
    let (found, left_out) = offered_localities(catalog, |_| false, typed);
    let status = match (typed.is_empty(), found.len(), lang) {
        (true, _, _) => String::new(),
        (false, 0, Lang::Zh) => "没有找到这个地方。试试城市名或省名,如“四会”“广东”,或拼音“sihui”。".to_string(),
        (false, 0, Lang::En) => "No place of that name. Try a city or province, e.g. Sihui, Guangdong.".to_string(),
        (false, n, Lang::Zh) if left_out > 0 => {
            format!("找到 {} 处,下面列出 {n} 处;请输入更多字缩小范围。", n + left_out)
        }
        (false, n, Lang::En) if left_out > 0 => format!(
            "{} places found; the first {n} are listed. Type more to narrow them.",
            n + left_out
        ),
        (false, n, Lang::Zh) => format!("找到 {n} 处。"),
        (false, n, Lang::En) => format!("{n} places found."),
    };
    let documents = &catalog.dataset.documents;
    html! {
        <>
            if list_needed {
                <ListNotice {lang} status={list_status} retry={list_retry} />
            } else {
                <p class="muted small" id="home-find-status" role="status" aria-live="polite">{ status }</p>
            }
            if !typed.is_empty() && !list_needed {
                <ul id="home-find-results" class="doc-index-list">
                    { for found.iter().map(|&i| html! { <DocumentLine key={documents[i].document.id.clone()} position={i} /> }) }
                </ul>
            }
        </>
    }
}
