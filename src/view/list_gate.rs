//! What a view that offers every document (the comparison's choices, the targets list's filter
//! panel) shows while their list is not here: where home's index lists only the first documents,
//! the list (`data/document-list.json`, `hooks::use_document_list`) is fetched and a loading line,
//! or an error with a retry, stands in for the view. Only the views' chunks use it, so none of it is
//! in the first visit's module.

use yew::prelude::*;

use super::context::use_app;
use super::hooks::use_document_list;
use super::texts_status::ListNotice;

#[derive(Properties, PartialEq)]
pub struct ListGateProps {
    pub children: Html,
}

/// The view (`children`) once every document is listed; until then the list's status.
#[component]
pub fn ListGate(props: &ListGateProps) -> Html {
    let app = use_app();
    let needed = app.state.offers_every_document() && app.catalog.unlisted > 0;
    let (status, retry) = use_document_list(needed, app.datasets.clone());
    match needed {
        true => html! { <ListNotice lang={app.lang()} {status} {retry} /> },
        false => props.children.clone(),
    }
}
