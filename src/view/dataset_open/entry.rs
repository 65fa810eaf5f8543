//! The "open a dataset file" panel as a first visit has it: its heading, what a file must be, and a
//! button in a drop zone; and, always, keeping the opened files for the next visit. The panel's
//! working part (reading, checking and listing files: `super::DatasetPanel`) is
//! an on-demand chunk (`parts::DATASET_PANEL`), fetched when a visitor asks for it, and at once
//! while files are open, waiting, refused or were just removed (it keeps them in local storage).

use std::rc::Rc;

use yew::prelude::*;

use policy_data::lang::Lang;

use super::super::on_demand::Deferred;
use super::super::parts;
use super::super::text::tr;
use super::panel::DatasetOpenProps;
use super::state::DatasetsAction;

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

/// What the drop zone says besides its button.
pub fn drop_hint(lang: Lang) -> Html {
    html! { <p class="muted small">{ tr(lang, "也可以把文件拖放到这个框里。", "You can also drop files onto this box.") }</p> }
}

/// The panel: the heading and a button until the visitor asks for it or files are in play, then
/// the working part, with the file picker focused when the visitor asked.
#[component]
pub fn DatasetOpen(props: &DatasetOpenProps) -> Html {
    let asked = use_state(|| false);
    let dropped = use_state(Vec::new);
    let datasets = &props.datasets;
    // Keep the opened files for the next visit whenever they change (also when a stored file was
    // dropped at the start, or the page "Analyse a document" opened one).
    {
        let datasets = datasets.clone();
        let key = Rc::as_ptr(&datasets.library.catalog()) as usize;
        use_effect_with(key, move |_| {
            let stored = crate::browser::files::save_opened_datasets(&datasets.library.saved_files());
            if stored == datasets.not_stored {
                datasets.dispatch(DatasetsAction::Stored(stored));
            }
        });
    }
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
            focus_picker: *asked && !busy && dropped.is_empty(),
            dropped: (*dropped).clone(),
            ..props.clone()
        };
        return html! { <Deferred<DatasetOpenProps> chunk={&parts::DATASET_PANEL} props={panel} /> };
    }
    let lang = props.lang;
    let onclick = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| asked.set(true))
    };
    // Files dropped here are handed to the working part, which reads them when it appears.
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        dropped.set(crate::browser::files::files_from_drop(&e));
        asked.set(true);
    });
    html! {
        <section class="dataset-open" id="dataset-open" aria-labelledby="dataset-open-title">
            { heading_and_intro(lang) }
            <div class="drop-zone" ondragover={on_drag_over.clone()} ondragenter={on_drag_over} ondrop={on_drop}>
                <button type="button" class="button primary" id="dataset-open-show" {onclick}>
                    { tr(lang, "打开数据文件……", "Open a dataset file…") }
                </button>
                { drop_hint(lang) }
            </div>
        </section>
    }
}
