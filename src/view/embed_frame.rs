//! The frame around anything shown in embed mode (`?embed=1`): a heading, the content (a table
//! now; a chart panel drops in the same way), a source line with the dataset version, and a link
//! back to the full view. Sized for an iframe in a news article.

use yew::prelude::*;

use crate::analysis::url_state::UrlState;

use super::app::Context;
use super::text::tr;

#[derive(Properties, PartialEq)]
pub struct EmbedFrameProps {
    pub context: Context,
    pub title: AttrValue,
    /// Localities whose documents the content draws on, named in the source line.
    pub sources: Vec<String>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(EmbedFrame)]
pub fn embed_frame(props: &EmbedFrameProps) -> Html {
    let Context { catalog, state, .. } = &props.context;
    let lang = state.lang;
    let full = UrlState {
        embed: false,
        ..state.clone()
    };
    let separator = tr(lang, "、", ", ");
    html! {
        <main class="embed-frame" id="main">
            <h1 class="embed-title">{ props.title.clone() }</h1>
            { props.children.clone() }
            <p class="embed-source">
                { tr(lang, "来源:", "Source: ") }
                { format!("{} {}", props.sources.join(separator), tr(lang, "的政府文件原文", "government documents, quoted verbatim")) }
                { tr(lang, " · 数据版本 ", " · dataset version ") }<span class="embed-version">{ &catalog.dataset.version }</span>
                { " · " }
                <a href={format!("?{}", full.to_query())} target="_blank" rel="noopener" id="embed-full-view">
                    { tr(lang, "教育政策目标查询:查看完整页面", "Education Policy Target Explorer: open the full view") }
                </a>
            </p>
        </main>
    }
}
