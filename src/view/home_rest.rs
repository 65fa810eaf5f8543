//! Home's documents that are not cards, listed by province on request (`choices::by_province`):
//! shown only with more documents than cards, so an on-demand chunk (`parts::HOME_REST`). Where
//! home's index lists only the first documents, the request fetches the list of every one
//! (`hooks::use_document_list`) and the list waits for it.

use yew::prelude::*;

use policy_analysis::choices::{by_province, home_cards};
use policy_analysis::url_state::Lang;

use super::context::use_app;
use super::document_line::DocumentLine;
use super::hooks::use_document_list;
use super::text::{pick, tr};
use super::texts_status::ListNotice;

#[component]
pub fn HomeRest() -> Html {
    let app = use_app();
    let (catalog, lang) = (&app.catalog, app.lang());
    let documents = &catalog.dataset.documents;
    let (_, rest) = home_cards(catalog);
    let show_all = use_state(|| false);
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    let list_needed = *show_all && catalog.unlisted > 0;
    let (list_status, list_retry) = use_document_list(list_needed, app.datasets.clone());
    let others = rest.len() + catalog.unlisted;
    let provinces = by_province(catalog, &rest);
    let groups = provinces.iter().filter(|_| *show_all).map(|group| {
        let province = pick(lang, &documents[group[0]].document.province).to_string();
        html! {
            <li key={province.clone()} class="province-group">
                <h3 class="province-name">{ format!("{province}({})", group.len()) }</h3>
                <ul class="doc-index-list">{ for group.iter().map(|&i| html! { <DocumentLine key={documents[i].document.id.clone()} position={i} /> }) }</ul>
            </li>
        }
    });
    html! {
        <section class="doc-index" aria-label={tr(lang, "其余文件", "More documents")}>
            <button type="button" class="button" id="show-all-documents" aria-expanded={show_all.to_string()}
                aria-controls="doc-index-list" onclick={on_show_all}>{ match (lang, *show_all) {
                (Lang::Zh, false) => format!("显示其余 {others} 份文件"),
                (Lang::En, false) => format!("Show the other {others} documents"),
                (Lang::Zh, true) => "收起".to_string(),
                (Lang::En, true) => "Hide them".to_string(),
            } }</button>
            if list_needed {
                <ListNotice {lang} status={list_status} retry={list_retry} />
            }
            <ul id="doc-index-list" class="province-list">{ for groups.filter(|_| !list_needed) }</ul>
        </section>
    }
}
