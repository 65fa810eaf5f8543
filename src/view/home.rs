//! Home: what the site is, in three lines, and one card per document with its metadata and the
//! number of targets by theme and kind. With more documents than cards, a locality finder and a
//! button that lists the documents that are not cards, by province (`home_more`): what they show
//! loads when they are first used.

use yew::prelude::*;

use policy_analysis::choices::{home_cards, needs_locality_search};
use policy_analysis::url_state::Action;
use policy_data::summary::TargetCounts;

use super::context::use_app;
use super::dataset_open::opened_mark;
use super::home_more::{find_field, rest_button};
use super::link::action_link;
use super::text::{date_label, kind_name, pick, quote_lang, tr};

#[component]
pub fn Home() -> Html {
    let app = use_app();
    let (catalog, lang) = (&app.catalog, app.lang());
    let documents = &catalog.dataset.documents;
    let (carded, rest) = home_cards(catalog);
    // The finder's field and how often it was used; how often the rest's button was pressed.
    let (find, find_used, rest_pressed) = (use_node_ref(), use_state(|| 0u32), use_state(|| 0u32));
    let cards = carded.iter().map(|&i| {
        let doc = &documents[i].document;
        let TargetCounts { targets, themes, kinds: by_kind, .. } = &catalog.counts[i];
        let period = format!("{}–{}", doc.period.start, doc.period.end);
        html! {
            <article class={classes!("card", "doc-card", catalog.is_opened(&doc.id).then_some("opened"))} id={format!("card-{}", doc.id)}>
                <h2>
                    { pick(lang, &doc.locality) }
                    <span class="muted small">{ format!(" · {}", pick(lang, &doc.province)) }</span>
                </h2>
                if catalog.is_opened(&doc.id) { { opened_mark(lang) } }
                <p class="doc-title" lang={quote_lang(doc)}>{ &doc.title }</p>
                <dl class="meta">
                    if let Some(number) = &doc.doc_number {
                        <dt>{ tr(lang, "文号", "Document no.") }</dt><dd lang={quote_lang(doc)}>{ number }</dd>
                    }
                    <dt>{ tr(lang, "发文机关", "Issuer") }</dt><dd lang={quote_lang(doc)}>{ &doc.issuer }</dd>
                    <dt>{ tr(lang, "成文日期", "Issued") }</dt>
                    <dd>{ doc.issued.as_deref().map(|d| date_label(lang, d)).unwrap_or_else(|| tr(lang, "未注明", "undated").to_string()) }</dd>
                    if let Some(published) = &doc.published {
                        <dt>{ tr(lang, "发布日期", "Published") }</dt><dd>{ date_label(lang, published) }</dd>
                    }
                    <dt>{ tr(lang, "规划期", "Plan period") }</dt><dd>{ period }</dd>
                </dl>
                <p class="counts">
                    <strong>{ format!("{targets} ") }</strong>{ tr(lang, "项目标:", "targets: ") }
                    { by_kind.iter().map(|(k, n)| format!("{} {n}", kind_name(lang, *k))).collect::<Vec<_>>().join(" · ") }
                </p>
                <ul class="chips" aria-label={tr(lang, "按主题", "By theme")}>
                    { for themes.iter().map(|(theme, n)| {
                        let name = catalog.theme(theme).map(|t| pick(lang, &t.name).to_string()).unwrap_or_else(|| theme.to_string());
                        html! { <li class="chip">{ format!("{name} {n}") }</li> }
                    }) }
                </ul>
                <p class="card-actions">
                    { action_link(&app, Action::ListDocument(doc.id.clone()), "button primary", false, tr(lang, "查看目标", "See targets")) }
                    { action_link(&app, Action::ReadDocument(doc.id.clone()), "button", false, tr(lang, "阅读原文", "Read the text")) }
                </p>
            </article>
        }
    });
    html! {
        <>
            <section class="intro">
                <h1>{ tr(lang, "各地教育政策目标,一查便知", "What cities promised for education, at a glance") }</h1>
                <ul class="intro-lines">
                    <li>{ tr(lang, "本站把地方政府教育政策文件中的承诺整理成一条条可核对的目标:数字、年份、责任单位和原文句子。",
                        "This site turns local governments' education policy documents into checkable targets: the number, the year, who is responsible and the source sentence.") }</li>
                    <li>{ tr(lang, "点“查看目标”浏览一个地方的全部目标,或在“目标”页搜索,如“班额”“学位”“幼儿园”。",
                        "Press \"See targets\" for one place, or search on the Targets page, e.g. class size, school places, kindergarten.") }</li>
                    <li>{ tr(lang, "用“对比”并排比较各地目标,看谁的目标更高、时限更早。所有计算都在您的浏览器中完成。",
                        "Compare places side by side: whose target is higher, whose deadline earlier. Everything is computed in your browser.") }</li>
                </ul>
            </section>
            if needs_locality_search(catalog) {
                { find_field(lang, &find, &find_used) }
            }
            <section aria-label={tr(lang, "政策文件", "Documents")} class="cards">{ for cards }</section>
            if !rest.is_empty() || catalog.unlisted > 0 {
                { rest_button(lang, rest.len() + catalog.unlisted, &rest_pressed) }
            }
        </>
    }
}
