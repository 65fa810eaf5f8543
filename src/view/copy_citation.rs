//! The "复制引用 / Copy citation" button: puts the reporting form of each source sentence and a
//! GB/T 7714 reference (with the first target's permalink and today's date) on the clipboard. The
//! text comes from `analysis::citations`; this component only reads the link, the date and the
//! clipboard through `browser`.

use yew::prelude::*;

use policy_analysis::citations::promise_citation_text;
use policy_analysis::url_state::Action;

use super::context::use_app;
use super::text::tr;

#[derive(Properties, PartialEq)]
pub struct CopyCitationProps {
    /// The targets cited: one, or the targets of one promise written twice (first is linked).
    pub target_ids: Vec<String>,
    /// What the button cites, for its accessible name when many buttons share a page ("四会 >85%").
    #[prop_or_default]
    pub context: Option<AttrValue>,
    /// Extra classes (a small button in table cells).
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn CopyCitation(props: &CopyCitationProps) -> Html {
    let app = use_app();
    let copied = use_state(|| false);
    let lang = app.lang();
    let Some(first) = props.target_ids.first() else {
        return html! {};
    };
    let onclick = {
        let (copied, app, ids) = (copied.clone(), app.clone(), props.target_ids.clone());
        let first = first.clone();
        // The link and today's date are read when the button is pressed, not at every render (a
        // comparison has a button in every cell).
        Callback::from(move |_: MouseEvent| {
            let page = app.href(Action::SelectTarget(first.clone()));
            let catalog = &app.catalog;
            let found: Vec<_> = ids.iter().filter_map(|id| catalog.target_by_id(id)).collect();
            let Some((doc, _)) = found.first().copied() else {
                return;
            };
            let targets: Vec<_> = found.iter().map(|(_, t)| *t).collect();
            let (y, m, d) = crate::browser::today();
            let permalink = crate::browser::absolute_url_for(page.trim_start_matches('?'));
            let text = promise_citation_text(doc, &targets, &permalink, &format!("{y:04}-{m:02}-{d:02}"));
            copied.set(crate::browser::copy_to_clipboard(&text));
        })
    };
    let label = if *copied {
        tr(lang, "引用已复制", "Citation copied")
    } else {
        tr(lang, "复制引用", "Copy citation")
    };
    let name = props.context.as_ref().map(|c| format!("{label}:{c}"));
    html! {
        <button type="button" class={classes!("button", "copy-citation", props.class.clone())} {onclick}
            aria-label={name}
            title={tr(lang, "复制报道引用格式和 GB/T 7714 参考文献(含目标的链接)", "Copies the reporting form and a GB/T 7714 reference (with the target's link)")}>
            { label }
        </button>
    }
}
