//! A link that changes the state: a real `<a href>` (so it can be opened in a new tab, copied or
//! followed without JavaScript), whose click dispatches the action in place. A function, not a
//! component: links are many and simple, and each component type adds its own code to the wasm.

use yew::prelude::*;

use policy_analysis::url_state::Action;

use super::context::AppContext;

/// The link to the state `action` leads to, labelled `label`, with CSS classes `class` (may be
/// empty) and `aria-current="page"` when `current`. On an English page, the Chinese in the label (a
/// document's number, a unit) is marked as such ([`super::text::lang_parts`]).
pub fn action_link(
    app: &AppContext,
    action: Action,
    class: &'static str,
    current: bool,
    label: impl Into<AttrValue>,
) -> Html {
    link(app, action, class, current, label.into())
}

/// [`action_link`] once the label is made (one copy of the code for every kind of label).
fn link(app: &AppContext, action: Action, class: &'static str, current: bool, label: AttrValue) -> Html {
    let href = app.href(action.clone());
    let label = super::text::lang_parts(app.lang(), &label);
    let onclick = app.on(move |event: MouseEvent| {
        event.prevent_default();
        action.clone()
    });
    html! {
        <a {href} {onclick} class={(!class.is_empty()).then_some(class)} aria-current={current.then_some("page")}>
            { label }
        </a>
    }
}
