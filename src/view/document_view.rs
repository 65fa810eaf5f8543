//! The document reader: the cleaned text with its outline and metadata card, every target's quote
//! highlighted in place; from a target, jump to its sentence; from a sentence, open its targets.

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::choices::reader_tabs;
use policy_analysis::reader::annotate;
use policy_analysis::search::terms;
use policy_analysis::url_state::{document_shown, Action, Lang, View};
use policy_charts::timeline::TimelineData;
use policy_charts::Chart;

use super::chart_panel::ChartPanelProps;
use super::context::use_app;
use super::highlight::highlighted;
use super::link::action_link;
use super::on_demand::Deferred;
use super::parts;
use super::text::{date_label, lang_parts, pick, quote_lang, tr, value_label, year_label};

#[component]
pub fn DocumentView() -> Html {
    let app = use_app();
    let (catalog, state, lang) = (app.catalog.clone(), app.state.clone(), app.lang());
    let doc_id = document_shown(&state, &catalog).unwrap_or_default();
    let catalog_id = std::rc::Rc::as_ptr(&catalog) as usize;
    let annotated = {
        let catalog = catalog.clone();
        use_memo((catalog_id, doc_id.clone()), move |(_, id)| {
            let Some((index, _)) = catalog.document_by_id(id) else {
                return (Vec::new(), Vec::new());
            };
            let rows: Vec<usize> = catalog.rows_of_document(index).collect();
            let quotes: Vec<&str> = rows
                .iter()
                .map(|r| catalog.target(catalog.rows[*r]).quote.as_str())
                .collect();
            let text = catalog.texts.get(id).map(String::as_str).unwrap_or("");
            (annotate(text, &quotes), rows)
        })
    };
    {
        let target = state.target.clone();
        let doc_id = doc_id.clone();
        use_effect_with((target, doc_id), |(target, _)| {
            if target.is_some() {
                crate::browser::reveal("current-quote");
            }
            || ()
        });
    }
    let Some((_, doc)) = catalog.document_by_id(&doc_id) else {
        return html! { <p>{ tr(lang, "没有可显示的文件。", "No document to show.") }</p> };
    };
    let text = catalog.texts.get(&doc_id).map(String::as_str).unwrap_or("");
    let (paragraphs, rows) = (&annotated.0, &annotated.1);
    let selected_row = state.target.as_ref().and_then(|id| catalog.row_of(id));
    let selected_local = selected_row.and_then(|r| rows.iter().position(|x| *x == r));
    let search_terms = terms(&state.query);
    let select = |local: usize| Action::HighlightTarget(catalog.target(catalog.rows[rows[local]]).id.clone());
    let mut current_marked = false;
    // One hidden description per number of targets a sentence holds, referenced by the sentences.
    let counts = paragraphs
        .iter()
        .flat_map(|p| p.spans.iter().map(|s| s.targets.len()))
        .filter(|n| *n > 0);
    let descriptions = policy_analysis::ordering::set_of(counts).into_iter().map(|n| {
        let text = match lang {
            Lang::Zh => format!("本句含 {n} 项目标"),
            Lang::En => format!("{n} target(s) in this sentence"),
        };
        html! { <span id={format!("quote-count-{n}")} hidden=true>{ text }</span> }
    });
    let body = paragraphs.iter().enumerate().map(|(p, paragraph)| {
        let spans = paragraph.spans.iter().map(|span| {
            let piece = &text[span.range.clone()];
            if span.targets.is_empty() {
                return highlighted(piece, &search_terms);
            }
            let is_current = selected_local.is_some_and(|s| span.targets.contains(&s));
            let id = (is_current && !current_marked).then(|| {
                current_marked = true;
                "current-quote".to_string()
            });
            let first = span.targets[0];
            // The sentence is the control's name (what is seen is what a voice-control user says);
            // how many targets it holds is its description (WCAG 2.5.3, label in name).
            let described = format!("quote-count-{}", span.targets.len());
            html! {
                <mark class={classes!("quote-mark", is_current.then_some("current"))} {id} tabindex="0" role="button"
                    aria-describedby={described} onclick={app.on_event::<MouseEvent>(select(first))}
                    onkeydown={{
                        let (app, action) = (app.clone(), select(first));
                        Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); app.dispatch(action.clone()); })
                    }}>
                    { highlighted(piece, &search_terms) }
                </mark>
            }
        });
        let id = format!("p-{p}");
        match paragraph.heading {
            Some(level) => html! { <p {id} class={format!("heading h{level}")}>{ for spans }</p> },
            None => html! { <p {id}>{ for spans }</p> },
        }
    });
    let outline = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.heading.is_some())
        .map(|(i, p)| {
            let level = p.heading.unwrap_or(1);
            html! { <li class={format!("o{level}")}><a href={format!("#p-{i}")}>{ &text[p.range.clone()] }</a></li> }
        });
    // Every document while they fit, else this one and others of its province (`reader_tabs`).
    let (tabs, more_places) = reader_tabs(&catalog, &doc_id);
    let doc_links = tabs.iter().map(|&i| {
        let entry = &catalog.dataset.documents[i];
        let current = entry.document.id == doc_id;
        html! { <li>{ action_link(&app, Action::ReadDocument(entry.document.id.clone()), "tab", current, pick(lang, &entry.document.locality)) }</li> }
    });
    let find_more = more_places.then(|| html! {
        <li>{ action_link(&app, Action::Show(View::Home), "tab more-places", false, tr(lang, "其他地方:在首页查找", "Other places: find them on the home page")) }</li>
    });
    let selected_panel = selected_local.map(|local| {
        let span_targets: Vec<usize> = paragraphs
            .iter()
            .flat_map(|p| p.spans.iter())
            .find(|s| s.targets.contains(&local))
            .map(|s| s.targets.clone())
            .unwrap_or_else(|| vec![local]);
        html! {
            <aside class="selected-targets card" aria-label={tr(lang, "本句的目标", "Targets in this sentence")}>
                <h2>{ tr(lang, "本句的目标", "Targets in this sentence") }</h2>
                <ul>
                    { for span_targets.iter().map(|l| {
                        let target = catalog.target(catalog.rows[rows[*l]]);
                        html! {
                            <li>
                                { action_link(&app, Action::OpenTarget(target.id.clone()), "", false, pick(lang, &target.summary)) }
                                <span class="muted">{ lang_parts(lang, &format!(" {} · {}", value_label(lang, target, catalog.indicator(&target.indicator)), year_label(lang, target))) }</span>
                            </li>
                        }
                    }) }
                </ul>
            </aside>
        }
    });
    let timeline = Rc::new(Chart::Timeline(TimelineData::from_dataset(
        &catalog.dataset,
        &[doc.id.as_str()],
        lang,
    )));
    html! {
        <section class="reader">
            <nav aria-label={tr(lang, "选择文件", "Choose a document")}><ul class="tabs">{ for doc_links }{ for find_more }</ul></nav>
            <article class="card doc-meta">
                <h1 lang={quote_lang(doc)}>{ &doc.title }</h1>
                if catalog.is_opened(&doc.id) { { super::dataset_open::opened_mark(lang) } }
                <dl class="meta">
                    <dt>{ tr(lang, "地区", "Locality") }</dt><dd>{ format!("{} · {}", pick(lang, &doc.locality), pick(lang, &doc.province)) }</dd>
                    if let Some(n) = &doc.doc_number { <dt>{ tr(lang, "文号", "Document no.") }</dt><dd lang={quote_lang(doc)}>{ n }</dd> }
                    <dt>{ tr(lang, "发文机关", "Issuer") }</dt><dd lang={quote_lang(doc)}>{ &doc.issuer }</dd>
                    <dt>{ tr(lang, "成文日期", "Issued") }</dt>
                    <dd>{ doc.issued.as_deref().map(|d| date_label(lang, d)).unwrap_or_else(|| tr(lang, "未注明", "undated").to_string()) }</dd>
                    <dt>{ tr(lang, "规划期", "Plan period") }</dt><dd>{ format!("{}–{}", doc.period.start, doc.period.end) }</dd>
                    <dt>{ tr(lang, "目标数", "Targets") }</dt><dd>{ rows.len() }</dd>
                </dl>
                if let Some(note) = &doc.note {
                    <details class="document-note">
                        <summary>{ tr(lang, "本文件的整理说明", "How this document was read") }</summary>
                        <p>{ lang_parts(lang, pick(lang, note)) }</p>
                    </details>
                }
                <p class="muted small">{ tr(lang, "黄色底纹为已整理成目标的句子,点击可查看目标。", "Sentences shaded yellow hold targets; select one to see them.") }</p>
            </article>
            { for selected_panel }
            <Deferred<ChartPanelProps> chunk={&parts::CHART} props={ChartPanelProps {
                id: "doc-timeline".into(),
                heading: tr(lang, "规划期与目标期限", "Plan period and deadlines").into(),
                chart: timeline,
                lang,
                children: Html::default(),
            }} />
            <super::texts_status::TextsNotice {lang} />
            <div class="reader-grid">
                <nav class="outline" aria-label={tr(lang, "目录", "Outline")}>
                    <h2>{ tr(lang, "目录", "Outline") }</h2>
                    <ul lang={quote_lang(doc)}>{ for outline }</ul>
                </nav>
                { for descriptions }
                <div class="doc-text" lang={quote_lang(doc)}>{ for body }</div>
            </div>
        </section>
    }
}
