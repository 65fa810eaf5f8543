//! The "open a dataset file" panel as a first visit has it: its heading, what a file must be, and a
//! button. The panel's working part (reading, checking and listing files: `super::DatasetPanel`) is
//! an on-demand chunk (`parts::DATASET_PANEL`), fetched when a visitor asks for it, and at once
//! while files are open, waiting, refused or were just removed (it keeps them in local storage).

use yew::prelude::*;

use policy_data::lang::Lang;

use super::super::on_demand::Deferred;
use super::super::parts;
use super::super::text::tr;
use super::panel::DatasetOpenProps;

/// The panel's heading and what a file must be: the same whether the working part is here or not.
pub fn heading_and_intro(lang: Lang) -> Html {
    html! {
        <>
            <h2 id="dataset-open-title">{ tr(lang, "打开其他地方的数据文件", "Open another place's dataset file") }</h2>
            <p class="muted">
                { tr(lang,
                    "数据文件须为本站发布的 JSON 格式:每份文件含文件信息、目标和清理后的原文。文件只在您的浏览器中读取和核对,不会上传;核对规则与本站数据相同。",
                    "The file must be in the site's published JSON form: the document, its targets and its cleaned text. It is read and checked only in your browser, never uploaded, with the same rules as the site's own data.") }
                { " " }
                <a href="data/documents/panjin-2019.json" download="">{ tr(lang, "样例文件(盘锦)", "Sample file (Panjin)") }</a>
            </p>
        </>
    }
}

/// The panel: the heading and a button until the visitor asks for it or files are in play, then
/// the working part, with the file picker focused when the visitor asked.
#[component]
pub fn DatasetOpen(props: &DatasetOpenProps) -> Html {
    let asked = use_state(|| false);
    let datasets = &props.datasets;
    let busy = !datasets.library.files().is_empty()
        || datasets.waiting.is_some()
        || !datasets.errors.is_empty()
        || datasets.outcome.is_some()
        || datasets.not_stored;
    let shown = use_state(|| false);
    {
        // Once shown, the working part stays (its state, such as the last status line, with it).
        let shown = shown.clone();
        use_effect_with(busy || *asked, move |show| {
            if *show && !*shown {
                shown.set(true);
            }
        });
    }
    if *shown || busy || *asked {
        let panel = DatasetOpenProps {
            focus_picker: *asked && !busy,
            ..props.clone()
        };
        return html! { <Deferred<DatasetOpenProps> chunk={&parts::DATASET_PANEL} props={panel} /> };
    }
    let lang = props.lang;
    let onclick = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| asked.set(true))
    };
    html! {
        <section class="dataset-open" id="dataset-open" aria-labelledby="dataset-open-title">
            { heading_and_intro(lang) }
            <button type="button" class="button primary" id="dataset-open-show" {onclick}>
                { tr(lang, "打开数据文件……", "Open a dataset file…") }
            </button>
        </section>
    }
}
