//! The frame around anything shown in embed mode (`?embed=1`): a heading, the content (a table
//! now; a chart panel drops in the same way), a source line with the dataset version, and a link
//! back to the full view. Sized for an iframe in a news article.

use yew::prelude::*;

use policy_analysis::url_state::Action;

use super::context::use_app;
use super::text::{lang_parts, tr};

#[derive(Properties, PartialEq)]
pub struct EmbedFrameProps {
    pub title: AttrValue,
    /// Localities whose documents the content draws on, named in the source line.
    pub sources: Vec<String>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn EmbedFrame(props: &EmbedFrameProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let full = app.href(Action::SetEmbed(false));
    let separator = tr(lang, "、", ", ");
    html! {
        <main class="embed-frame" id="main">
            <h1 class="embed-title">{ lang_parts(lang, &props.title) }</h1>
            { props.children.clone() }
            <p class="embed-source">
                { tr(lang, "来源:", "Source: ") }
                { format!("{} {}", props.sources.join(separator), tr(lang, "的政府文件原文", "government documents, quoted verbatim")) }
                { tr(lang, " · 数据版本 ", " · dataset version ") }<span class="embed-version">{ &app.catalog.dataset.version }</span>
                { " · " }
                <a href={full} target="_blank" rel="noopener" id="embed-full-view">
                    { tr(lang, "教育政策目标查询:查看完整页面", "Education Policy Target Explorer: open the full view") }
                </a>
            </p>
        </main>
    }
}
