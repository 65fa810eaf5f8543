//! Site footer: dataset version, open-data downloads and where the texts come from.

use yew::prelude::*;

use super::text::tr;

#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    let lang = props.context.state.lang;
    let version = &props.context.catalog.dataset.version;
    html! {
        <footer class="site-footer">
            <p>
                { tr(lang, "数据版本 ", "Dataset version ") }
                <strong id="dataset-version">{ version }</strong>
                { " · " }
                <a href="data/targets.csv" download="">{ tr(lang, "下载全部目标 (CSV)", "All targets (CSV)") }</a>
                { " · " }
                <a href="data/targets.json" download="">{ tr(lang, "开放数据 (JSON)", "Open data (JSON)") }</a>
            </p>
            <p class="muted">
                { tr(lang,
                    "每项目标均附原文句子,可在“原文”页核对。数字以政府发布的原文件为准。",
                    "Every target carries its source sentence, which can be checked on the Documents page. The published government documents are authoritative.") }
            </p>
        </footer>
    }
}

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub context: super::app::Context,
}
