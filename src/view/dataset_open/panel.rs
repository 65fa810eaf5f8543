//! The "open a dataset file" panel's working part (an on-demand chunk, see `entry.rs`): the file picker and drop zone, the status line, the problems of
//! a refused file and the files opened in this browser, each with a way to remove it. Reading files
//! and local storage go through `browser::files`.

use yew::prelude::*;

use policy_data::dataset_file::upgrade_summary;
use policy_data::lang::Lang;

use super::super::text::{pick, tr};
use super::super::texts_status::{TargetsNotice, TargetsState};
use super::notices::opened_mark;
use super::problems::error_list;
use super::state::{DatasetsAction, DatasetsState, Outcome};

/// Where reading the chosen files stands.
#[derive(Clone, Copy, PartialEq)]
enum FileRead {
    Idle,
    Reading,
    /// The checker's chunk could not be fetched.
    ChecksMissing,
}

#[derive(Properties, PartialEq, Clone)]
pub struct DatasetOpenProps {
    pub lang: Lang,
    pub datasets: UseReducerHandle<DatasetsState>,
    /// Asks the app to remove the opened file with this name.
    pub on_remove: Callback<String>,
    /// Focus the file picker when the panel appears (the visitor asked for it).
    #[prop_or_default]
    pub focus_picker: bool,
    /// Files dropped on the panel before its working part was here, read when it appears.
    #[prop_or_default]
    pub dropped: Vec<crate::browser::files::File>,
}

/// The "open a dataset file" panel's working part.
#[function_component(DatasetPanel)]
pub fn dataset_panel(props: &DatasetOpenProps) -> Html {
    let lang = props.lang;
    let datasets = props.datasets.clone();
    let dragging = use_state(|| false);
    let reading = use_state(|| FileRead::Idle);
    let targets_state = use_context::<TargetsState>();

    // Asked for by the visitor: the picker is where the focus goes.
    {
        let focus = props.focus_picker;
        use_effect_with((), move |_| {
            if focus {
                crate::browser::reveal("dataset-file");
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
        move |files: Vec<crate::browser::files::File>| {
            if files.is_empty() {
                return;
            }
            reading.set(FileRead::Reading);
            let datasets = datasets.clone();
            let reading = reading.clone();
            crate::browser::files::read_files(files, move |read| {
                // The checks are loaded on demand, the first time a file is opened.
                yew::platform::spawn_local(async move {
                    match crate::view::parts::DATASET_CHECK.load().await {
                        Ok(check) => {
                            reading.set(FileRead::Idle);
                            datasets.dispatch(DatasetsAction::Open(check, read));
                        }
                        Err(_) => reading.set(FileRead::ChecksMissing),
                    }
                });
            });
        }
    };
    {
        let read = read.clone();
        let dropped = props.dropped.clone();
        use_effect_with((), move |_| read(dropped));
    }
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
                if let Some(upgraded) = upgrade_summary(&file.dataset.upgrades, lang) {
                    <span class="upgrade-note">{ upgraded }</span>
                }
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
            { super::entry::heading_and_intro(lang) }
            <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                ondragover={on_drag_over.clone()} ondragenter={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <input type="file" id="dataset-file" class="file-input" accept=".json,application/json" multiple={true} onchange={on_change} />
                <label for="dataset-file" class="button primary">{ tr(lang, "选择数据文件(JSON)……", "Choose a dataset file (JSON)…") }</label>
                { super::entry::drop_hint(lang) }
            </div>
            <p class="dataset-status" role="status" aria-live="polite">
                { match *reading {
                    FileRead::Reading => tr(lang, "正在读取……", "Reading…").to_string(),
                    FileRead::ChecksMissing => tr(lang,
                        "核对文件的程序未能加载,文件未打开。请检查网络后重新选择文件。",
                        "The file checks could not be loaded, so the file was not opened. Please check the connection and choose the file again.").to_string(),
                    FileRead::Idle => status,
                } }
            </p>
            // A file opened before the published targets arrived waits for them (or for a retry).
            if datasets.waiting.is_some() {
                if let Some(targets) = targets_state.clone() {
                    <TargetsNotice {lang} {targets} />
                }
            }
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
