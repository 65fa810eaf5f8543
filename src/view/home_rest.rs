//! Home's documents that are not cards, by province (`choices::by_province`), once the button of
//! `home_more::rest_button` is pressed: an on-demand chunk (`parts::HOME_REST`). Where home's index
//! lists only the first documents, it fetches the list of every one (`hooks::use_document_list`)
//! and the list waits for it.

use yew::prelude::*;

use policy_analysis::choices::{by_province, home_cards};

use super::context::use_app;
use super::document_line::DocumentLine;
use super::hooks::use_document_list;
use super::text::pick;
use super::texts_status::ListNotice;

#[component]
pub fn ByProvince() -> Html {
    let app = use_app();
    let (catalog, lang) = (&app.catalog, app.lang());
    let documents = &catalog.dataset.documents;
    let (_, rest) = home_cards(catalog);
    let list_needed = catalog.unlisted > 0;
    let (list_status, list_retry) = use_document_list(list_needed, app.datasets.clone());
    if list_needed {
        return html! { <ListNotice {lang} status={list_status} retry={list_retry} /> };
    }
    let groups = by_province(catalog, &rest).into_iter().map(|group| {
        let province = pick(lang, &documents[group[0]].document.province).to_string();
        html! {
            <li key={province.clone()} class="province-group">
                <h3 class="province-name">{ format!("{province}({})", group.len()) }</h3>
                <ul class="doc-index-list">{ for group.iter().map(|&i| html! { <DocumentLine key={documents[i].document.id.clone()} position={i} /> }) }</ul>
            </li>
        }
    });
    html! { <ul class="province-list">{ for groups }</ul> }
}
