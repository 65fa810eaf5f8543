//! What a view that offers every document (the comparison's choices, the targets list's filter
//! panel) shows while their list is not here: where home's index lists only the first documents,
//! the app fetches the list (`data/document-list.json`, `hooks::use_document_list`, started with
//! the view's targets and code, not after them; its status is in the `TargetsState` context) and
//! a loading line, or an error with a retry, stands in for the view.

use yew::prelude::*;

use super::context::use_app;
use super::texts_status::{ListNotice, TargetsState};

#[derive(Properties, PartialEq)]
pub struct ListGateProps {
    pub children: Html,
}

/// The view (`children`) once every document is listed; until then the list's status.
#[component]
pub fn ListGate(props: &ListGateProps) -> Html {
    let app = use_app();
    match (
        app.state.waits_for_document_list(&app.catalog),
        use_context::<TargetsState>(),
    ) {
        (true, Some(targets)) => {
            html! { <ListNotice lang={app.lang()} status={targets.list} retry={targets.list_retry} /> }
        }
        _ => props.children.clone(),
    }
}
