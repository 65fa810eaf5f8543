//! A document in one line, a link to its targets, with its province, plan period and number of
//! targets: in home's list by province and in the locality finder's results.

use yew::prelude::*;

use policy_analysis::url_state::Action;

use super::context::use_app;
use super::link::action_link;
use super::text::{pick, tr};

#[derive(Properties, PartialEq)]
pub struct DocumentLineProps {
    /// The document's position in the catalogue.
    pub position: usize,
}

/// A document in one line, a link to its targets.
#[component]
pub fn DocumentLine(props: &DocumentLineProps) -> Html {
    let app = use_app();
    let (catalog, lang) = (&app.catalog, app.lang());
    let i = props.position;
    let doc = &catalog.dataset.documents[i].document;
    html! {
        <li>
            { action_link(&app, Action::ListDocument(doc.id.clone()), "", false, pick(lang, &doc.locality)) }
            <span class="muted small">{ format!(" · {} · {}–{} · ", pick(lang, &doc.province), doc.period.start, doc.period.end) }{ catalog.counts[i].targets }{ tr(lang, " 项目标", " targets") }</span>
        </li>
    }
}
