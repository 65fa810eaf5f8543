//! Renders text with the search terms marked.

use yew::prelude::*;

use policy_analysis::search::highlight;

/// `text` as nodes, with every match of `terms` wrapped in `<mark class="hit">`.
pub fn highlighted(text: &str, terms: &[String]) -> Html {
    highlight(text, terms)
        .into_iter()
        .map(|segment| {
            if segment.hit {
                html! { <mark class="hit">{ segment.text }</mark> }
            } else {
                html! { { segment.text } }
            }
        })
        .collect()
}
