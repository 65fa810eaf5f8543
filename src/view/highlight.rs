//! Renders text with the search terms marked.

use yew::prelude::*;

use policy_analysis::search::highlight;
use policy_analysis::url_state::Lang;

use super::text::lang_parts;

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

/// [`highlighted`] for text in the reader's language `lang`: on an English page, the Chinese in it
/// (a gloss such as "(力争)") is marked as Chinese ([`lang_parts`]).
pub fn highlighted_in(lang: Lang, text: &str, terms: &[String]) -> Html {
    highlight(text, terms)
        .into_iter()
        .map(|segment| {
            if segment.hit {
                html! { <mark class="hit">{ lang_parts(lang, segment.text) }</mark> }
            } else {
                lang_parts(lang, segment.text)
            }
        })
        .collect()
}
