//! The comparison table with numbered source citations: each value points at a numbered entry
//! giving the document, section and verbatim quote. Printed in place of the interactive compare
//! page (print stylesheet) and shown in embed mode.

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::citations::{cite_matrix, number_of, reporting_parts};
use policy_analysis::compare::{format_requirement_in, format_year, needs_labels, promise_label, ComparisonMatrix};
use policy_analysis::url_state::compared_documents;

use super::context::use_app;
use super::text::{lang_parts, pick, quote_lang, tr};

/// The key of a row's heading among cells keyed by document id (no id has a space).
const HEAD_KEY: &str = " head";

#[derive(Properties, PartialEq)]
pub struct CitedMatrixProps {
    /// Id of the table element.
    pub id: AttrValue,
    /// Sources folded behind a disclosure (embed) or always shown (print).
    #[prop_or_default]
    pub fold_sources: bool,
}

#[component]
pub fn CitedMatrix(props: &CitedMatrixProps) -> Html {
    let app = use_app();
    let (catalog, state) = (&app.catalog, &app.state);
    let lang = state.lang;
    // Rendered beside the interactive compare page on every state change: build the table only
    // when the data or the chosen documents change.
    let matrix = {
        let catalog = catalog.clone();
        use_memo(
            (Rc::as_ptr(&catalog) as usize, compared_documents(state, &catalog)),
            move |(_, chosen)| ComparisonMatrix::build(&catalog.dataset, chosen),
        )
    };
    let citations = cite_matrix(&matrix);
    // Rows keyed by indicator, cells by document and headings by HEAD_KEY (as in the compare view),
    // so a locality ticked off or on removes or adds its cells rather than rebuilding every row.
    let header = matrix
        .labels
        .iter()
        .zip(&matrix.doc_ids)
        .map(|(label, id)| html! { <th key={id.clone()} scope="col">{ pick(lang, label) }</th> });
    let rows = matrix.rows.iter().map(|row| {
        let name = catalog
            .indicator(&row.indicator)
            .map(|i| pick(lang, &i.name).to_string())
            .unwrap_or_else(|| row.indicator.clone());
        let indicator = catalog.indicator(&row.indicator);
        let cells = matrix.doc_ids.iter().enumerate().map(|(column, doc_id)| {
            let promises = row.promises(column);
            if promises.is_empty() {
                return html! { <td key={doc_id.clone()} class="gap">{ "—" }</td> };
            }
            let labelled = needs_labels(&promises);
            html! {
                <td key={doc_id.clone()}>{ for promises.iter().map(|promise| {
                    let t = promise[0];
                    // One mark per source: a promise the document writes twice cites both sentences.
                    let numbers = promise.iter().map(|t| {
                        let number = number_of(&citations, &t.id).unwrap_or_default();
                        html! { <sup class="cite">{ format!("[{number}]") }</sup> }
                    });
                    html! {
                        <p class="cell-target">
                            if labelled {
                                <span class="promise-label">{ lang_parts(lang, &promise_label(t, lang)) }</span>
                            }
                            { lang_parts(lang, &format!("{} · {} ", format_requirement_in(t, indicator, lang), format_year(t.target_year, lang))) }
                            { for numbers }
                        </p>
                    }
                }) }</td>
            }
        });
        html! { <tr key={row.indicator.clone()}><th key={HEAD_KEY} scope="row">{ lang_parts(lang, &name) }</th>{ for cells }</tr> }
    });
    let sources = citations.iter().map(|c| {
        let document = catalog.document_by_id(c.doc_id).map(|(_, d)| d);
        let Some(document) = document else {
            return html! { <li id={format!("cite-{}", c.number)} value={c.number.to_string()}>{ c.doc_id }</li> };
        };
        // The reporting form, as "copy citation" writes it: 据 issuer 《title》(文号) section:“quote”.
        let (r, quote_lang) = (reporting_parts(document, c.target), quote_lang(document));
        html! {
            <li id={format!("cite-{}", c.number)} value={c.number.to_string()}>
                <span class="cite-place">{ format!("{} · ", pick(lang, &document.locality)) }</span>
                <span lang={quote_lang}>{ format!("据{}", r.issuer) }<cite>{ r.title }</cite>{ format!("{}{}:", r.number, r.section) }</span>
                <q lang={quote_lang}>{ r.quote }</q>
            </li>
        }
    });
    let source_list = html! { <ol class="citations">{ for sources }</ol> };
    html! {
        <div class="cited-matrix">
            <div class="table-wrap">
                <table id={props.id.clone()}>
                    <caption>{ tr(lang, "各地目标对比(方括号内为出处编号;“—”表示该地文件没有此项目标)",
                        "Targets compared (numbers in brackets cite the source; “—”: no target in that document)") }</caption>
                    <thead><tr><th key={HEAD_KEY} scope="col">{ tr(lang, "指标", "Indicator") }</th>{ for header }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if props.fold_sources {
                <details class="sources">
                    <summary>{ tr(lang, "出处:文件、章节与原文", "Sources: document, section and quote") }</summary>
                    { source_list }
                </details>
            } else {
                <h2 class="sources-heading">{ tr(lang, "出处:文件、章节与原文", "Sources: document, section and quote") }</h2>
                { source_list }
            }
        </div>
    }
}
