//! Embed mode (`?embed=1`): only the chosen table, without header, navigation or footer. The link
//! decides what is shown: `v=compare` the comparison table with citations, `v=compare&ind=…` one
//! indicator across every locality, and otherwise the (searched, filtered) target list.

use yew::prelude::*;

use policy_analysis::compare::{
    format_requirement_in, format_year, needs_labels, promise_label, promises, ComparisonMatrix,
};
use policy_analysis::filter::{filter_rows, search_or_all};
use policy_analysis::url_state::{compared_documents, Lang, View};

use super::cited_matrix::CitedMatrix;
use super::context::{use_app, AppContext};
use super::embed_frame::EmbedFrame;
use super::text::{lang_parts, pick, quote_lang, tr, value_label, year_label};

#[component]
pub fn EmbedView() -> Html {
    let app = use_app();
    let context = &app;
    let (catalog, state) = (&app.catalog, &app.state);
    let lang = state.lang;
    let locality = |id: &str| {
        catalog
            .document_by_id(id)
            .map(|(_, d)| pick(lang, &d.locality).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    match (state.view, &state.indicator) {
        (View::Compare, Some(indicator)) => {
            let all: Vec<String> = catalog
                .dataset
                .documents
                .iter()
                .map(|e| e.document.id.clone())
                .collect();
            let matrix = ComparisonMatrix::build(&catalog.dataset, &all);
            let row = matrix.rows.iter().find(|r| &r.indicator == indicator);
            let name = catalog
                .indicator(indicator)
                .map(|i| pick(lang, &i.name).to_string())
                .unwrap_or_else(|| indicator.clone());
            let sources: Vec<String> = row
                .map(|r| {
                    (r.cells.iter().zip(&matrix.doc_ids))
                        .filter(|(cell, _)| !cell.is_empty())
                        .map(|(_, id)| locality(id))
                        .collect()
                })
                .unwrap_or_default();
            html! {
                <EmbedFrame title={name} {sources}>
                    { indicator_table(context, &matrix, row) }
                </EmbedFrame>
            }
        }
        (View::Compare, None) => {
            let sources: Vec<String> = compared_documents(state, catalog)
                .iter()
                .map(|id| locality(id))
                .collect();
            html! {
                <EmbedFrame title={tr(lang, "各地教育政策目标对比", "Education targets compared")} {sources}>
                    <CitedMatrix id="embed-matrix" fold_sources={true} />
                </EmbedFrame>
            }
        }
        _ => {
            let candidates = search_or_all(catalog, &state.query).rows;
            let rows = filter_rows(catalog, candidates, &state.filter, state.sort);
            let sources: Vec<String> = (catalog.dataset.documents.iter().enumerate())
                .filter(|(d, _)| rows.iter().any(|i| catalog.rows[*i].document == *d))
                .map(|(_, entry)| pick(lang, &entry.document.locality).to_string())
                .collect();
            html! {
                <EmbedFrame title={tr(lang, "教育政策目标", "Education policy targets")} {sources}>
                    { target_table(context, &rows) }
                </EmbedFrame>
            }
        }
    }
}

/// One indicator's targets in every locality that sets one, with the quote.
fn indicator_table(
    context: &AppContext,
    matrix: &ComparisonMatrix,
    row: Option<&policy_analysis::compare::MatrixRow>,
) -> Html {
    let (catalog, lang) = (&context.catalog, context.state.lang);
    let Some(row) = row else {
        return html! { <p class="empty">{ tr(lang, "没有地区设定此项指标的目标。", "No locality sets a target for this indicator.") }</p> };
    };
    let lines = row.cells.iter().zip(&matrix.doc_ids).flat_map(|(cell, doc_id)| {
        let doc = catalog.document_by_id(doc_id).map(|(_, d)| d);
        // Several values of one locality are told apart by their scope (or a short label).
        let labelled = needs_labels(&promises(cell));
        cell.iter().map(move |t| {
            let (mut place, quote_lang) = doc.map_or((String::new(), "zh-Hans"), |d| {
                (pick(lang, &d.locality).to_string(), quote_lang(d))
            });
            if labelled {
                place = format!("{place} · {}", promise_label(t, lang));
            }
            html! {
                <tr key={t.id.clone()}>
                    <th scope="row">{ lang_parts(lang, &place) }</th>
                    <td>{ lang_parts(lang, &format_requirement_in(t, catalog.indicator(&t.indicator), lang)) }</td>
                    <td>{ format_year(t.target_year, lang) }</td>
                    <td><q lang={quote_lang}>{ &t.quote }</q></td>
                </tr>
            }
        })
    });
    html! {
        <div class="table-wrap">
            <table id="embed-indicator">
                <thead><tr>
                    <th scope="col">{ tr(lang, "地区", "Locality") }</th>
                    <th scope="col">{ tr(lang, "目标", "Target") }</th>
                    <th scope="col">{ tr(lang, "年份", "Year") }</th>
                    <th scope="col">{ tr(lang, "原文", "Source sentence") }</th>
                </tr></thead>
                <tbody>{ for lines }</tbody>
            </table>
        </div>
    }
}

/// The listed targets: locality, what, requirement, year and section.
fn target_table(context: &AppContext, rows: &[usize]) -> Html {
    let (catalog, lang) = (&context.catalog, context.state.lang);
    let lines = rows.iter().map(|i| {
        let row = catalog.rows[*i];
        let (doc, t) = (catalog.document(row), catalog.target(row));
        html! {
            <tr key={t.id.clone()}>
                <th scope="row">{ pick(lang, &doc.locality) }</th>
                <td>{ pick(lang, &t.summary) }</td>
                <td>{ lang_parts(lang, &value_label(lang, t, catalog.indicator(&t.indicator))) }</td>
                <td>{ year_label(lang, t) }</td>
                <td lang={quote_lang(doc)}>{ &t.section }</td>
            </tr>
        }
    });
    html! {
        <div class="table-wrap">
            <table id="embed-targets">
                <caption>{ match lang { Lang::Zh => format!("共 {} 项目标", rows.len()), Lang::En => format!("{} targets", rows.len()) } }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "地区", "Locality") }</th>
                    <th scope="col">{ tr(lang, "目标", "Target") }</th>
                    <th scope="col">{ tr(lang, "要求", "Requirement") }</th>
                    <th scope="col">{ tr(lang, "年份", "Year") }</th>
                    <th scope="col">{ tr(lang, "出处章节", "Section") }</th>
                </tr></thead>
                <tbody>{ for lines }</tbody>
            </table>
        </div>
    }
}
