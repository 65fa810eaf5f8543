//! Opening another place's dataset file: the file picker and drop zone, the list of problems when a
//! file is refused, the files opened in this browser (each with a way to remove it), and the mark
//! that tells visitors a document was opened by them and is not part of the published data.
//!
//! The session's data lives in [`DatasetsState`] (a reducer owned by the app): opening only adds,
//! so a refused file changes nothing the visitor sees or typed. Reading files and local storage go
//! through `browser::files`.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::library::{Library, SavedFile};
use crate::analysis::url_state::Lang;
use crate::data::dataset_file::FileError;

use super::text::{pick, tr};

/// Problems listed at most; the rest are counted.
const SHOWN_ERRORS: usize = 100;

/// The data the session shows and the outcome of the last open or remove.
#[derive(Clone)]
pub struct DatasetsState {
    pub library: Library,
    /// Problems of the files the visitor just tried to open (or that a removal took with it).
    pub errors: Vec<FileError>,
    /// Stored files dropped at start-up because they no longer pass.
    pub dropped: Vec<FileError>,
    /// What the last action did, for the status line.
    pub outcome: Option<Outcome>,
    /// The opened files could not be kept in local storage (too large).
    pub not_stored: bool,
}

impl PartialEq for DatasetsState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library.catalog(), &other.library.catalog())
            && self.errors == other.errors
            && self.dropped == other.dropped
            && self.outcome == other.outcome
            && self.not_stored == other.not_stored
    }
}

/// What the last action did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Opened(Vec<String>),
    Removed(String),
}

/// Changes to the session's data.
pub enum DatasetsAction {
    /// Files read from the picker or a drop: name and bytes, or why they could not be read.
    Open(Vec<(String, Result<Vec<u8>, String>)>),
    /// A library computed by the app (after a removal), with the files it had to drop.
    Replace(Library, Vec<FileError>, Outcome),
    Stored(bool),
    DismissDropped,
    /// The base dataset's texts arrived (fetched after the start).
    Texts(std::collections::BTreeMap<String, String>),
}

impl DatasetsState {
    /// The bundled data plus the stored files that still pass.
    pub fn restore(base: Library, saved: &[SavedFile]) -> Self {
        let (library, dropped) = base.restore(saved);
        DatasetsState {
            library,
            errors: Vec::new(),
            dropped,
            outcome: None,
            not_stored: false,
        }
    }
}

impl Reducible for DatasetsState {
    type Action = DatasetsAction;

    fn reduce(self: Rc<Self>, action: DatasetsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DatasetsAction::Open(files) => {
                next.errors.clear();
                let mut opened = Vec::new();
                for (name, bytes) in files {
                    let result = match bytes {
                        Ok(bytes) => next.library.open(&name, &bytes),
                        Err(reason) => Err(vec![FileError {
                            file: name.clone(),
                            document: None,
                            target: None,
                            field: String::new(),
                            message: format!("the file could not be read: {reason}"),
                        }]),
                    };
                    match result {
                        Ok(library) => {
                            next.library = library;
                            opened.push(name);
                        }
                        Err(errors) => next.errors.extend(errors),
                    }
                }
                next.outcome = (!opened.is_empty()).then_some(Outcome::Opened(opened));
            }
            DatasetsAction::Replace(library, errors, outcome) => {
                next.library = library;
                next.errors = errors;
                next.outcome = Some(outcome);
            }
            DatasetsAction::Stored(ok) => next.not_stored = !ok,
            DatasetsAction::DismissDropped => next.dropped.clear(),
            DatasetsAction::Texts(texts) => next.library = next.library.with_base_texts(texts),
        }
        Rc::new(next)
    }
}

/// The mark on every document a visitor opened.
pub fn opened_mark(lang: Lang) -> Html {
    html! {
        <span class="opened-mark">{ opened_text(lang) }</span>
    }
}

/// The short mark for tight places (list rows, choices); the full wording is its tooltip.
pub fn opened_mark_short(lang: Lang) -> Html {
    html! {
        <span class="opened-mark" title={opened_text(lang)}>{ tr(lang, "用户打开", "opened by you") }</span>
    }
}

fn opened_text(lang: Lang) -> &'static str {
    tr(
        lang,
        "用户打开的数据,非本站发布",
        "Opened by you, not part of the official data",
    )
}

#[derive(Properties, PartialEq)]
pub struct DatasetOpenProps {
    pub lang: Lang,
    pub datasets: UseReducerHandle<DatasetsState>,
    /// Asks the app to remove the opened file with this name.
    pub on_remove: Callback<String>,
}

/// The "open a dataset file" panel.
#[function_component(DatasetOpen)]
pub fn dataset_open(props: &DatasetOpenProps) -> Html {
    let lang = props.lang;
    let datasets = props.datasets.clone();
    let dragging = use_state(|| false);
    let reading = use_state(|| false);

    // Keep the opened files for the next visit whenever they change.
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
    // The problem list is announced and scrolled into view when it appears.
    {
        let count = datasets.errors.len();
        use_effect_with(count, move |count| {
            if *count > 0 {
                crate::browser::reveal("dataset-errors");
            }
        });
    }

    let read = {
        let datasets = datasets.clone();
        let reading = reading.clone();
        move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            reading.set(true);
            let datasets = datasets.clone();
            let reading = reading.clone();
            crate::browser::files::read_files(files, move |read| {
                reading.set(false);
                datasets.dispatch(DatasetsAction::Open(read));
            });
        }
    };
    let on_change = {
        let read = read.clone();
        Callback::from(move |e: Event| read(crate::browser::files::files_from_input(&e)))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            read(crate::browser::files::files_from_drop(&e));
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };

    let files = datasets.library.files().iter().map(|file| {
        let places: Vec<String> = file
            .dataset
            .documents
            .iter()
            .map(|e| pick(lang, &e.document.locality).to_string())
            .collect();
        let targets: usize = file.dataset.documents.iter().map(|e| e.targets.len()).sum();
        let name = file.saved.name.clone();
        let remove = {
            let on_remove = props.on_remove.clone();
            let name = name.clone();
            Callback::from(move |_| on_remove.emit(name.clone()))
        };
        let summary = match lang {
            Lang::Zh => format!(
                "{}:{} 项目标 · 文件 {} · 数据版本 {}",
                places.join("、"),
                targets,
                name,
                file.dataset.version
            ),
            Lang::En => format!(
                "{}: {} targets · file {} · dataset version {}",
                places.join(", "),
                targets,
                name,
                file.dataset.version
            ),
        };
        html! {
            <li class="opened-file">
                <span>{ summary }</span>
                { opened_mark(lang) }
                <button type="button" class="button" onclick={remove}
                    aria-label={format!("{} {}", tr(lang, "移除", "Remove"), name)}>
                    { tr(lang, "移除", "Remove") }
                </button>
            </li>
        }
    });
    let status = match &datasets.outcome {
        Some(Outcome::Opened(names)) => {
            let places: Vec<String> = names
                .iter()
                .filter_map(|n| datasets.library.files().iter().find(|f| &f.saved.name == n))
                .flat_map(|f| {
                    f.dataset
                        .documents
                        .iter()
                        .map(|e| pick(lang, &e.document.locality).to_string())
                })
                .collect();
            match lang {
                Lang::Zh => format!(
                    "已打开 {},新增:{}。各页面均已加入。",
                    names.join("、"),
                    places.join("、")
                ),
                Lang::En => format!(
                    "Opened {}; added {} to every page.",
                    names.join(", "),
                    places.join(", ")
                ),
            }
        }
        Some(Outcome::Removed(name)) => match lang {
            Lang::Zh => format!("已移除 {name}。"),
            Lang::En => format!("Removed {name}."),
        },
        None => String::new(),
    };
    html! {
        <section class="dataset-open" id="dataset-open" aria-labelledby="dataset-open-title">
            <h2 id="dataset-open-title">{ tr(lang, "打开其他地方的数据文件", "Open another place's dataset file") }</h2>
            <p class="muted">
                { tr(lang,
                    "数据文件须为本站发布的 JSON 格式:每份文件含文件信息、目标和清理后的原文。文件只在您的浏览器中读取和核对,不会上传;核对规则与本站数据相同。",
                    "The file must be in the site's published JSON form: the document, its targets and its cleaned text. It is read and checked only in your browser, never uploaded, with the same rules as the site's own data.") }
                { " " }
                <a href="data/documents/panjin-2019.json" download="">{ tr(lang, "样例文件(盘锦)", "Sample file (Panjin)") }</a>
            </p>
            <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                ondragover={on_drag_over.clone()} ondragenter={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <input type="file" id="dataset-file" class="file-input" accept=".json,application/json" multiple={true} onchange={on_change} />
                <label for="dataset-file" class="button primary">{ tr(lang, "选择数据文件(JSON)……", "Choose a dataset file (JSON)…") }</label>
                <p class="muted small">{ tr(lang, "也可以把文件拖放到这个框里。", "You can also drop files onto this box.") }</p>
            </div>
            <p class="dataset-status" role="status" aria-live="polite">
                { if *reading { tr(lang, "正在读取……", "Reading…").to_string() } else { status } }
            </p>
            if !datasets.errors.is_empty() {
                { error_list(lang, &datasets.errors) }
            }
            if datasets.not_stored {
                <p class="notice">{ tr(lang,
                    "文件太大,无法保存在本浏览器中:重新加载页面后需要再次打开。",
                    "The files are too large to keep in this browser: after a reload, open them again.") }</p>
            }
            if !datasets.library.files().is_empty() {
                <h3>{ tr(lang, "您打开的数据文件", "Files you opened") }</h3>
                <ul class="opened-files">{ for files }</ul>
            }
        </section>
    }
}

/// The problems of a refused file: file, document, target, field and message each.
fn error_list(lang: Lang, errors: &[FileError]) -> Html {
    let heading = match lang {
        Lang::Zh => format!("文件未能打开,发现 {} 个问题(当前页面和输入保持不变):", errors.len()),
        Lang::En => format!(
            "The file was not opened: {} problems (the current page and inputs are unchanged):",
            errors.len()
        ),
    };
    let rows = errors.iter().take(SHOWN_ERRORS).map(|e| {
        let part = |label: &'static str, value: Option<&str>| match value {
            Some(v) if !v.is_empty() => {
                html! { <><span class="error-label">{ label }</span><code>{ v.to_string() }</code>{ " " }</> }
            }
            _ => html! {},
        };
        html! {
            <li class="file-error">
                { part(tr(lang, "文件", "File"), Some(&e.file)) }
                { part(tr(lang, "文档", "Document"), e.document.as_deref()) }
                { part(tr(lang, "目标", "Target"), e.target.as_deref()) }
                { part(tr(lang, "字段", "Field"), Some(&e.field)) }
                <span class="error-message">{ &e.message }</span>
            </li>
        }
    });
    let more = errors.len().saturating_sub(SHOWN_ERRORS);
    html! {
        <div class="file-errors" id="dataset-errors" role="alert" tabindex="-1">
            <h3>{ heading }</h3>
            <ul>{ for rows }</ul>
            if more > 0 {
                <p>{ match lang { Lang::Zh => format!("另有 {more} 个问题未列出。"), Lang::En => format!("{more} more not listed.") } }</p>
            }
        </div>
    }
}

/// The notice shown at the top when stored files were dropped at start-up.
#[derive(Properties, PartialEq)]
pub struct DroppedNoticeProps {
    pub lang: Lang,
    pub datasets: UseReducerHandle<DatasetsState>,
}

#[function_component(DroppedNotice)]
pub fn dropped_notice(props: &DroppedNoticeProps) -> Html {
    let lang = props.lang;
    if props.datasets.dropped.is_empty() {
        return html! {};
    }
    let mut files: Vec<&str> = props.datasets.dropped.iter().map(|e| e.file.as_str()).collect();
    files.dedup();
    let dismiss = {
        let datasets = props.datasets.clone();
        Callback::from(move |_| datasets.dispatch(DatasetsAction::DismissDropped))
    };
    let first = props
        .datasets
        .dropped
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    html! {
        <div class="notice" role="status">
            <p>
                { tr(lang, "以前打开的数据文件已不能通过核对,已移除:", "Files you opened earlier no longer pass the checks and were removed: ") }
                { files.join(", ") }
                { format!(" ({first})") }
            </p>
            <button type="button" class="button" onclick={dismiss}>{ tr(lang, "知道了", "Dismiss") }</button>
        </div>
    }
}
