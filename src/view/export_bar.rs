//! Downloads of the current list (CSV for Excel/WPS, JSON; `download_button`), the "copy link" button and the
//! "copy embed code" button (an iframe of this list in embed mode, for articles).

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::downloads::{Format, Rows};
use policy_analysis::share::embed_snippet;
use policy_analysis::url_state::Action;

use super::context::use_app;
use super::download_button::DownloadButton;
use super::text::tr;

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The rows currently listed.
    pub rows: Rc<Vec<usize>>,
}

#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let app = use_app();
    let (catalog, state, lang) = (app.catalog.clone(), app.state.clone(), app.lang());
    let copied = use_state(|| false);
    let rows = Rows::Listed(props.rows.clone());
    let copy = {
        let copied = copied.clone();
        let query = state.to_query();
        Callback::from(move |_| {
            crate::browser::copy_to_clipboard(&crate::browser::absolute_url_for(&query));
            copied.set(true);
        })
    };
    let embed_copied = use_state(|| false);
    let copy_embed = {
        let embed_copied = embed_copied.clone();
        let query = state.query_after(Action::SetEmbed(true), &catalog);
        let title = tr(lang, "教育政策目标", "Education policy targets");
        Callback::from(move |_| {
            // Browser calls only in the handler: rendering must work without a browser (SSR tests).
            let src = crate::browser::absolute_url_for(&query);
            crate::browser::copy_to_clipboard(&embed_snippet(&src, title));
            embed_copied.set(true);
        })
    };
    html! {
        <div class="export-bar" role="group" aria-label={tr(lang, "导出与分享", "Export and share")}>
            <DownloadButton id="download-csv" rows={rows.clone()} format={Format::Csv} label={tr(lang, "下载 CSV", "Download CSV")} />
            <DownloadButton id="download-json" {rows} format={Format::Json} label={tr(lang, "下载 JSON", "Download JSON")} />
            <button type="button" class="button" id="copy-link" onclick={copy}>
                { if *copied { tr(lang, "链接已复制", "Link copied") } else { tr(lang, "复制链接", "Copy link") } }
            </button>
            <button type="button" class="button" id="copy-embed" onclick={copy_embed}>
                { if *embed_copied { tr(lang, "嵌入代码已复制", "Embed code copied") } else { tr(lang, "复制嵌入代码", "Copy embed code") } }
            </button>
        </div>
    }
}
