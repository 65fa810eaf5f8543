//! The page "分析一份新文件 / Analyse a document", loaded on demand (`parts::ANALYSE`): the visitor
//! pastes a policy text or opens a `.txt`, `.html` or `.docx` file; the extractor reads it slice by
//! slice across animation frames with a progress bar; the text is shown with the candidates marked
//! next to the review list (accept, reject or edit each, or many at once by confidence or by
//! section, with undo; add a sentence by selecting it); the
//! visitor fills in the metadata; the result opens in the explorer as a dataset file through the
//! session's library, like any opened file (checked, marked as not published, kept across visits,
//! comparable). Nothing leaves the browser.
//!
//! Decisions are the core's (`policy_review`: the review, and `policy_review::input`, the file
//! reader, whose `InputError`s the page shows as `ReviewProblem::Input`); this module arranges
//! them. `state` holds the page's reducer; `input_panel`, `marked_text`, `bulk_accept`,
//! `review_list` (with `new_indicator`, the names of a new indicator an accepted item proposes) and
//! `meta_form` draw the parts.

mod bulk_accept;
mod input_panel;
mod marked_text;
mod meta_form;
mod new_indicator;
mod review_list;
mod state;

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::url_state::{default_comparison, Action, MAX_COMPARED};
use policy_data::lang::Lang;
use policy_extract::{Catalogue, Extraction};
use policy_review::input;
use policy_review::{build, Review};

use super::context::use_app;
use super::dataset_open::DatasetsAction;
use super::link::action_link;
use super::text::tr;
use state::{Page, PageAction};

/// Bytes of text the extractor reads between two frames.
const SLICE_BYTES: usize = 24 * 1024;

/// Starts reading `text` (from `source`, a file name, or pasted): the extractor runs a slice per
/// frame and the review replaces the old one only when it has finished.
fn analyse(page: &UseReducerHandle<Page>, catalogue: Rc<Catalogue>, text: String, source: Option<String>) {
    let page = page.clone();
    page.dispatch(PageAction::Started(text.len()));
    yew::platform::spawn_local(async move {
        crate::browser::next_frame().await;
        let mut extraction = Extraction::new(text, None);
        loop {
            let progress = extraction.step(&catalogue, SLICE_BYTES);
            if progress.is_done() {
                break;
            }
            page.dispatch(PageAction::Progress(progress));
            crate::browser::next_frame().await;
        }
        let issued = extraction.issued();
        let text: Rc<str> = extraction.text().into();
        let review = Review::new(text, issued, extraction.into_candidates());
        page.dispatch(PageAction::Extracted(Rc::new(review), source));
    });
}

#[component]
pub fn AnalyseView() -> Html {
    let app = use_app();
    let lang = app.lang();
    let page = use_reducer(Page::kept);
    {
        let page = page.clone();
        use_effect_with(page, |page| Page::keep(Rc::new((**page).clone())));
    }
    let catalogue = {
        let dataset = app.catalog.dataset.clone();
        use_memo(Rc::as_ptr(&app.catalog) as usize, move |_| {
            Catalogue::new(&dataset.indicators, &dataset.themes)
        })
    };
    let busy = page.progress.is_some();

    let on_text = {
        let (page, catalogue) = (page.clone(), catalogue.clone());
        Callback::from(move |text: String| match input::checked_text(text) {
            Ok(text) => analyse(&page, catalogue.clone(), text, None),
            Err(error) => page.dispatch(PageAction::InputProblem(error.into())),
        })
    };
    let on_file = {
        let (page, catalogue) = (page.clone(), catalogue.clone());
        Callback::from(
            move |(name, bytes): (String, Vec<u8>)| match input::read_file(&name, &bytes) {
                Ok(text) => analyse(&page, catalogue.clone(), text, Some(name)),
                Err(error) => page.dispatch(PageAction::InputProblem(error.into())),
            },
        )
    };
    let on_open = {
        let (page, datasets, catalog) = (page.clone(), app.datasets.clone(), app.catalog.clone());
        Callback::from(move |download: bool| {
            let Some(review) = page.review.clone() else { return };
            // The file this review opened before, if still open, is replaced: its id is free again.
            let before = page.opened.clone().filter(|(_, id)| catalog.is_opened(id));
            let mut loaded = catalog.dataset.clone();
            if let Some((_, id)) = &before {
                loaded.documents.retain(|e| e.document.id != *id);
            }
            let file = match build(&review, &loaded) {
                Ok(file) => file,
                Err(problems) => {
                    page.dispatch(PageAction::BuildProblems(problems));
                    crate::browser::reveal("analyse-build-problems");
                    return;
                }
            };
            page.dispatch(PageAction::BuildProblems(Vec::new()));
            let id = file.documents[0].document.id.clone();
            let name = format!("{id}.json");
            let json = file.to_json();
            if download {
                crate::browser::download_text(&name, "application/json", &json);
                return;
            }
            let (page, datasets) = (page.clone(), datasets.clone());
            yew::platform::spawn_local(async move {
                let Ok(check) = super::parts::DATASET_CHECK.load().await else {
                    page.dispatch(PageAction::ChecksMissing);
                    return;
                };
                // Checked here, against the data it will join, so that a refusal is shown on this page.
                if let Err(errors) = check(&name, json.as_bytes(), &loaded) {
                    page.dispatch(PageAction::Refused(errors));
                    crate::browser::reveal("analyse-refused");
                    return;
                }
                let old = before.map(|(old, _)| old).unwrap_or_default();
                datasets.dispatch(DatasetsAction::Reopen(check, old, name.clone(), json.into_bytes()));
                page.dispatch(PageAction::Opened(name, id));
            });
        })
    };

    let progress = page.progress.map(|p| {
        let percent = (p.fraction() * 100.0).round() as u32;
        html! {
            <div class="analyse-progress">
                <p id="analyse-progress-label">{ tr(lang, "正在分析……", "Analysing…") }{ format!(" {percent}%") }</p>
                <progress id="analyse-progress" role="progressbar" aria-labelledby="analyse-progress-label"
                    max="100" value={percent.to_string()}></progress>
            </div>
        }
    });

    html! {
        <section class="analyse" aria-labelledby="analyse-title">
            <h1 id="analyse-title">{ tr(lang, "分析一份新文件", "Analyse a document") }</h1>
            <p class="lead">{ tr(lang,
                "粘贴或打开一份教育政策文件,本页会找出其中可能的目标。请逐项审阅、填写文件信息,然后在本站打开结果,与其他地区对比。文件只在您的浏览器中处理,不会上传。",
                "Paste or open an education policy document and this page finds its likely targets. Review each one, fill in the document's details, then open the result in the explorer and compare it with other places. The text is processed only in your browser and never uploaded.") }</p>
            <input_panel::InputPanel {lang} {busy} {on_text} {on_file}
                on_error={ let page = page.clone();
                    Callback::from(move |e: input::InputError| page.dispatch(PageAction::InputProblem(e.into()))) } />
            { progress.unwrap_or_default() }
            if !page.input_problems.is_empty() {
                <div class="notice analyse-problems" role="alert">
                    <ul>{ for page.input_problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul>
                    if page.review.is_some() {
                        <p>{ tr(lang, "已有的审阅保持不变。", "The review so far is unchanged.") }</p>
                    }
                </div>
            }
            if let Some((previous, _)) = &page.previous {
                <div class="notice analyse-previous" role="status">
                    <p>{ match lang {
                        Lang::Zh => format!("上一份审阅(已审阅 {} 项)已被这份新文字替换,仍可恢复。", previous.work()),
                        Lang::En => format!("The previous review ({} items reviewed) was replaced by this new text; it can still be restored.", previous.work()),
                    } }</p>
                    <button type="button" class="button" id="analyse-restore"
                        onclick={ let page = page.clone(); move |_: MouseEvent| page.dispatch(PageAction::RestorePrevious) }>
                        { tr(lang, "恢复上一份审阅", "Restore the previous review") }
                    </button>
                </div>
            }
            if let Some(review) = page.review.clone() {
                { reviewed(lang, &page, &review, &catalogue, on_open, &app.catalog) }
            }
        </section>
    }
}

/// The review: the marked text beside the list, the metadata form, the build and its outcome.
fn reviewed(
    lang: Lang,
    page: &UseReducerHandle<Page>,
    review: &Rc<Review>,
    catalogue: &Rc<Catalogue>,
    on_open: Callback<bool>,
    catalog: &policy_analysis::catalog::Catalog,
) -> Html {
    let accepted = review.accepted().count();
    let summary = match lang {
        Lang::Zh => format!(
            "{}:找到 {} 项可能的目标,已采纳 {} 项。",
            page.source.as_deref().unwrap_or("粘贴的文字"),
            review.items.len(),
            accepted
        ),
        Lang::En => format!(
            "{}: {} likely targets found, {} accepted.",
            page.source.as_deref().unwrap_or("Pasted text"),
            review.items.len(),
            accepted
        ),
    };
    let add = {
        let (page, catalogue, review) = (page.clone(), catalogue.clone(), review.clone());
        Callback::from(move |_: MouseEvent| {
            match crate::browser::selection::selection_in("analyse-text")
                .and_then(|(a, b)| marked_text::byte_range(&review.text, a, b))
            {
                Some(range) => page.dispatch(PageAction::Add(range, catalogue.clone())),
                None => page.dispatch(PageAction::InputProblem(policy_review::ReviewProblem::SelectionEmpty)),
            }
        })
    };
    // The file passed the checks before `Opened`; it is gone if the visitor removed it since.
    let opened_now = page.opened.as_ref().filter(|(_, id)| catalog.is_opened(id));
    html! {
        <>
            <p class="analyse-summary" role="status">{ summary }</p>
            <div class="analyse-columns">
                <div class="analyse-text-column">
                    <h2>{ tr(lang, "原文", "The text") }</h2>
                    <p class="muted">{ tr(lang,
                        "标出的句子是找到的目标。漏掉的句子:选中它,再点下面的按钮。",
                        "Marked sentences are the targets found. For one that was missed, select it and press the button below.") }</p>
                    <button type="button" class="button" id="analyse-add" onclick={add}>
                        { tr(lang, "添加所选句子", "Add the selected sentence") }
                    </button>
                    <marked_text::MarkedText {lang} review={review.clone()} />
                </div>
                <div class="analyse-list-column">
                    <h2>{ tr(lang, "审阅", "Review") }</h2>
                    <bulk_accept::BulkAccept {lang} page={page.clone()} review={review.clone()} />
                    <review_list::ReviewList {lang} page={page.clone()} review={review.clone()} />
                </div>
            </div>
            <meta_form::MetaForm {lang} page={page.clone()} meta={review.meta.clone()} />
            <div class="analyse-actions">
                <button type="button" class="button primary" id="analyse-open" onclick={on_open.reform(|_: MouseEvent| false)}>
                    { tr(lang, "在本站打开结果", "Open the result in the explorer") }
                </button>
                <button type="button" class="button" id="analyse-download" onclick={on_open.reform(|_: MouseEvent| true)}>
                    { tr(lang, "下载数据文件(JSON)", "Download the dataset file (JSON)") }
                </button>
            </div>
            if !page.build_problems.is_empty() {
                <div class="notice analyse-problems" id="analyse-build-problems" role="alert">
                    <p>{ tr(lang, "还不能生成数据文件:", "The dataset file cannot be made yet:") }</p>
                    <ul>{ for page.build_problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul>
                </div>
            }
            if page.checks_missing {
                <p class="notice" role="alert">{ tr(lang,
                    "核对文件的程序未能加载,结果未打开。请检查网络后再试;审阅内容不会丢失。",
                    "The file checks could not be loaded, so the result was not opened. Please check the connection and try again; the review is kept.") }</p>
            }
            if !page.refused.is_empty() {
                <div class="notice analyse-problems" id="analyse-refused" role="alert">
                    <p>{ tr(lang,
                        "结果未通过本站的核对,没有打开;审阅内容不会丢失。请按下列问题修改后再试:",
                        "The result did not pass the site's checks and was not opened; the review is kept. Change what is listed below and try again:") }</p>
                    <ul>{ for page.refused.iter().map(|e| html! { <li>{ e.message(lang) }</li> }) }</ul>
                </div>
            }
            if let Some((_, id)) = opened_now {
                <OpenedLinks {lang} id={id.clone()} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OpenedLinksProps {
    lang: Lang,
    id: String,
}

/// Links to the document just opened: its targets, its text and a comparison with the default
/// documents.
#[component]
fn OpenedLinks(props: &OpenedLinksProps) -> Html {
    let app = use_app();
    let lang = props.lang;
    let id = props.id.clone();
    if app.catalog.document_by_id(&id).is_none() {
        return html! {};
    }
    let mut compared = vec![id.clone()];
    compared.extend(default_comparison(&app.catalog).into_iter().filter(|d| *d != id));
    compared.truncate(MAX_COMPARED);
    html! {
        <div class="notice analyse-opened" role="status">
            <p>{ match lang {
                Lang::Zh => format!("已在本站打开 {id}:它已加入各个页面,标为“非本站发布”,并保存在本浏览器中。"),
                Lang::En => format!("{id} is open in the explorer: it is on every page, marked as not published by the site, and kept in this browser."),
            } }</p>
            <p class="analyse-links">
                { action_link(&app, Action::ListDocument(id.clone()), "button", false, tr(lang, "查看目标", "See its targets")) }
                { action_link(&app, Action::ReadDocument(id.clone()), "button", false, tr(lang, "阅读原文", "Read the text")) }
                { action_link(&app, Action::CompareDocuments(compared), "button primary", false, tr(lang, "与其他地区对比", "Compare with other places")) }
            </p>
        </div>
    }
}
