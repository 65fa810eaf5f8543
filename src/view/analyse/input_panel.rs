//! Where the text comes in: a large text area to paste into and a button that starts the
//! analysis, and a file picker for `.txt`, `.html` and `.docx`. The text area is read when the
//! button is pressed (a pasted 2 MB text is not copied on every keystroke).

use yew::prelude::*;

use policy_data::lang::Lang;
use policy_review::input::{size_error, InputError};

use super::super::text::tr;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub lang: Lang,
    /// An extraction is under way.
    pub busy: bool,
    /// Pasted text to analyse.
    pub on_text: Callback<String>,
    /// A file's name and bytes.
    pub on_file: Callback<(String, Vec<u8>)>,
    /// A file refused before it is read (too large).
    pub on_error: Callback<InputError>,
}

/// The text area, the analyse button and the file picker.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let lang = props.lang;
    let area = use_node_ref();
    let on_analyse = {
        let (area, on_text) = (area.clone(), props.on_text.clone());
        Callback::from(move |_: MouseEvent| on_text.emit(crate::browser::events::value_at(&area)))
    };
    let on_change = {
        let (on_file, on_error) = (props.on_file.clone(), props.on_error.clone());
        Callback::from(move |e: Event| {
            let files = crate::browser::files::files_from_input(&e);
            if let Some(error) = files.first().and_then(|f| size_error(f.size() as u64)) {
                on_error.emit(error);
                return;
            }
            let on_file = on_file.clone();
            crate::browser::files::read_files(files.into_iter().take(1).collect(), move |read| {
                for (name, bytes) in read {
                    // A file the browser could not read is as good as an empty one.
                    on_file.emit((name, bytes.unwrap_or_default()));
                }
            });
        })
    };
    html! {
        <div class="analyse-input">
            <label class="field-label" for="analyse-paste">{ tr(lang, "粘贴文件正文", "Paste the document's text") }</label>
            <textarea id="analyse-paste" class="analyse-paste" ref={area} rows="8"
                placeholder={tr(lang, "在这里粘贴政策文件的全文……", "Paste the policy document's full text here…")} />
            <div class="analyse-input-actions">
                <button type="button" class="button primary" id="analyse-start" disabled={props.busy} onclick={on_analyse}>
                    { tr(lang, "分析这段文字", "Analyse this text") }
                </button>
                <input type="file" id="analyse-file" class="file-input" accept=".txt,.html,.htm,.docx,text/plain,text/html"
                    disabled={props.busy} onchange={on_change} />
                <label for="analyse-file" class="button">{ tr(lang, "或打开文件(.txt、.html、.docx)……", "Or open a file (.txt, .html, .docx)…") }</label>
            </div>
        </div>
    }
}
