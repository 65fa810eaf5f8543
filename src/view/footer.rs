//! Site footer: dataset version, downloads of the whole dataset (CSV for Excel/WPS and JSON, both
//! carrying the version) and where the texts come from.

use yew::prelude::*;

use policy_analysis::downloads::{Format, Rows};

use super::context::use_app;
use super::download_button::DownloadButton;
use super::text::tr;

#[component]
pub fn Footer() -> Html {
    let app = use_app();
    let lang = app.lang();
    let version = app.catalog.dataset.version.clone();
    html! {
        <footer class="site-footer">
            <p>
                { tr(lang, "数据版本 ", "Dataset version ") }
                <strong id="dataset-version">{ version }</strong>
            </p>
            <div class="export-bar" role="group" aria-label={tr(lang, "下载全部数据", "Download the whole dataset")}>
                <DownloadButton id="download-all-csv" rows={Rows::All} format={Format::Csv} label={tr(lang, "下载全部目标 (CSV)", "All targets (CSV)")} />
                <DownloadButton id="download-all-json" rows={Rows::All} format={Format::Json} label={tr(lang, "下载全部数据 (JSON)", "Whole dataset (JSON)")} />
            </div>
            <p class="muted">
                { tr(lang, "开放数据的固定地址:", "Open data at fixed addresses: ") }
                <a href="data/targets.csv">{ "data/targets.csv" }</a>{ " · " }<a href="data/targets.json">{ "data/targets.json" }</a>
            </p>
            <p class="muted">
                { tr(lang,
                    "每项目标均附原文句子,可在“原文”页核对。数字以政府发布的原文件为准。",
                    "Every target carries its source sentence, which can be checked on the Documents page. The published government documents are authoritative.") }
            </p>
        </footer>
    }
}
