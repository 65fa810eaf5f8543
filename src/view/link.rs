//! A link that changes the state: a real `<a href>` (so it can be opened in a new tab, copied or
//! followed without JavaScript), whose click dispatches the action in place.

use yew::prelude::*;

use crate::analysis::url_state::Action;

use super::context::use_app;

#[derive(Properties, PartialEq)]
pub struct ActionLinkProps {
    pub action: Action,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// `aria-current` (e.g. "page" for the tab of the page shown).
    #[prop_or_default]
    pub current: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ActionLink(props: &ActionLinkProps) -> Html {
    let app = use_app();
    let href = app.href(props.action.clone());
    let onclick = {
        let action = props.action.clone();
        app.on(move |event: MouseEvent| {
            event.prevent_default();
            action.clone()
        })
    };
    html! {
        <a {href} {onclick} class={props.class.clone()} id={props.id.clone()} aria-current={props.current.clone()}>
            { props.children.clone() }
        </a>
    }
}
