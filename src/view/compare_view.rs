//! Compare: localities side by side. Key differences generated from the data (each linking to its
//! evidence), the indicator × locality matrix with a plain verdict per shared indicator, and the
//! theme × locality coverage counts so that gaps show. The matrix shows the indicators shared by
//! two or more localities; those of one locality only are behind a button. Rows are keyed by
//! indicator and cells by document, so ticking a locality adds or removes its cells.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::events::value_of;
use policy_analysis::choices::{needs_locality_search, offered_localities};
use policy_analysis::compare::{
    format_requirement_in, format_year, key_differences_in, needs_labels, promise_label, Comparability,
    ComparisonMatrix, CoverageMatrix, Verdict,
};
use policy_analysis::pace::{common_year, pace};
use policy_analysis::url_state::{compared_documents, Action, Lang, MIN_COMPARED};
use policy_data::format::unit_in;

use super::compare_charts::CompareChartsProps;
use super::context::use_app;
use super::copy_citation::CopyCitation;
use super::link::action_link;
use super::on_demand::Deferred;
use super::parts;
use super::text::{lang_parts, pick, tr};

#[component]
pub fn CompareView() -> Html {
    let app = use_app();
    let (catalog, state, lang) = (app.catalog.clone(), app.state.clone(), app.lang());
    let chosen = compared_documents(&state, &catalog);
    let dataset = &catalog.dataset;
    // The tables depend only on the data and the chosen documents, not on the language or the
    // locality search: built once per choice.
    let computed = {
        let catalog = catalog.clone();
        use_memo((Rc::as_ptr(&catalog) as usize, chosen.clone()), move |(_, chosen)| {
            let dataset = &catalog.dataset;
            let matrix = ComparisonMatrix::build(dataset, chosen);
            let differences = key_differences_in(dataset, &matrix);
            (Rc::new(matrix), CoverageMatrix::build(dataset, chosen), differences)
        })
    };
    let (matrix, coverage, differences) = (computed.0.clone(), &computed.1, &computed.2);
    let find = use_state(String::new);
    let show_single_state = use_state(|| false);
    let (offered, left_out) = offered_localities(&catalog, |id| chosen.iter().any(|c| c == id), &find);
    let many = needs_locality_search(&catalog);
    let on_find = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| find.set(value_of(&e)))
    };
    let locality = |id: &str| {
        catalog
            .document_by_id(id)
            .map(|(_, d)| pick(lang, &d.locality).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let choices = offered.iter().map(|&i| &dataset.documents[i]).map(|entry| {
        let id = entry.document.id.clone();
        let checked = chosen.contains(&id);
        let onchange = {
            let id = id.clone();
            app.on_event::<Event>(Action::ToggleCompared(id.clone()))
        };
        let disabled = checked && chosen.len() <= MIN_COMPARED;
        html! {
            <label class="check" for={format!("cmp-{id}")}>
                <input type="checkbox" id={format!("cmp-{id}")} {checked} {disabled} {onchange} />
                <span>{ pick(lang, &entry.document.locality) }</span>
                if catalog.is_opened(&id) { { super::dataset_open::opened_mark_short(lang) } }
            </label>
        }
    });
    // A row's cells are keyed by document and its heading by HEAD_KEY, so that the row's children
    // are fully keyed: Yew diffs a list with one unkeyed child by position, and taking a column out
    // would then rebuild the heading and every cell after it.
    let header = html! {
        <tr>
            <th key={HEAD_KEY} scope="col">{ tr(lang, "指标", "Indicator") }</th>
            { for matrix.doc_ids.iter().map(|id| html! { <th key={id.clone()} scope="col">{ locality(id) }</th> }) }
        </tr>
    };
    // Shared indicators come first (the matrix's order); those set by one locality only are behind a
    // button, so ticking a locality re-renders the comparable rows, not every indicator of every
    // document (the print copy and the data downloads keep all of them).
    let shared = matrix.rows.iter().take_while(|row| row.sharing_count() >= 2).count();
    let single = matrix.rows.len() - shared;
    let show_single = *show_single_state || shared == 0;
    let shown = if show_single { matrix.rows.len() } else { shared };
    let single_toggle = (single > 0 && shared > 0).then(|| {
        let label = match (show_single, lang) {
            (true, Lang::Zh) => "只看两地及以上共有的指标".to_string(),
            (true, Lang::En) => "Only indicators shared by two or more".to_string(),
            (false, Lang::Zh) => format!("显示仅一地设定的 {single} 项指标"),
            (false, Lang::En) => format!("Show the {single} indicators set by one locality only"),
        };
        let onclick = {
            let state = show_single_state.clone();
            Callback::from(move |_: MouseEvent| state.set(!*state))
        };
        html! {
            <p class="show-more">
                <button type="button" class="button" id="show-single-indicators" aria-controls="compare-matrix"
                    aria-expanded={show_single.to_string()} {onclick}>{ label }</button>
            </p>
        }
    });
    let rows = matrix.rows.iter().take(shown).map(|row| {
        let name = catalog.indicator(&row.indicator).map(|i| pick(lang, &i.name).to_string()).unwrap_or_else(|| row.indicator.clone());
        let leaders = row.verdict.as_ref().map(leading_documents).unwrap_or_default();
        let indicator = catalog.indicator(&row.indicator);
        let cells = matrix.doc_ids.iter().enumerate().map(|(column, doc_id)| {
            let promises = row.promises(column);
            if promises.is_empty() {
                return html! { <td key={doc_id.clone()} class="gap">{ "—" }</td> };
            }
            let labelled = needs_labels(&promises);
            let place = pick(lang, &matrix.labels[column]).to_string();
            html! {
                <td key={doc_id.clone()}>
                    if leaders.contains(doc_id) {
                        <span class="tag demanding">{ leader_word(lang, row.verdict.as_ref()) }</span>
                    }
                    { for promises.iter().map(|promise| {
                        let t = promise[0];
                        let baseline = match pace(t) {
                            Some(p) => html! { <span class="pace">{ p.text(t.unit.as_deref().map(|u| unit_in(u, indicator, lang, None)), lang) }</span> },
                            None => html! { { t.baseline.map(|b| format!(" ({}{})", tr(lang, "基线 ", "baseline "), policy_data::export::format_number(b.value))).unwrap_or_default() } },
                        };
                        let value = format!("{} · {}", format_requirement_in(t, indicator, lang), format_year(t.target_year, lang));
                        let label = labelled.then(|| promise_label(t, lang));
                        let context = match &label {
                            Some(label) => format!("{place} {label} {value}"),
                            None => format!("{place} {value}"),
                        };
                        html! {
                            <div class="cell-target">
                                if let Some(label) = label {
                                    <span class="promise-label">{ lang_parts(lang, &label) }</span>
                                }
                                { action_link(&app, Action::OpenTarget(t.id.clone()), "", false, value) }
                                if promise.len() > 1 {
                                    <span class="restated">{ restated_note(lang, promise.len()) }</span>
                                }
                                { baseline }
                                <CopyCitation target_ids={promise.iter().map(|t| t.id.clone()).collect::<Vec<_>>()}
                                    context={AttrValue::from(context)} class={classes!("small")} />
                            </div>
                        }
                    }) }
                </td>
            }
        });
        html! {
            <key={row.indicator.clone()}>
                <tr>
                    <th key={HEAD_KEY} scope="row">
                        { lang_parts(lang, &name) }
                        if let Some(verdict) = &row.verdict {
                            { comparability_badge(lang, verdict) }
                        }
                    </th>
                    { for cells }
                </tr>
                if let Some(verdict) = &row.verdict {
                    <tr class="verdict">
                        <td colspan={(matrix.doc_ids.len() + 1).to_string()}>
                            <div class="verdict-text">
                                <p>{ lang_parts(lang, pick(lang, &verdict.sentence)) }</p>
                                if let Some(common) = common_year(verdict, indicator) {
                                    <p class="illustration">{ lang_parts(lang, pick(lang, &common.sentence)) }</p>
                                }
                            </div>
                        </td>
                    </tr>
                }
            </>
        }
    });
    let coverage_rows = coverage.themes.iter().enumerate().map(|(i, theme)| {
        let name = catalog
            .theme(theme)
            .map(|t| pick(lang, &t.name).to_string())
            .unwrap_or_else(|| theme.clone());
        html! {
            <tr key={theme.clone()}>
                <th key={HEAD_KEY} scope="row">{ lang_parts(lang, &name) }</th>
                { for coverage.counts[i].iter().zip(&coverage.doc_ids).map(|(n, id)| html! {
                    <td key={id.clone()} class={classes!((*n == 0).then_some("gap"))}>{ n }</td>
                }) }
            </tr>
        }
    });
    html! {
        <section class="compare">
            <h1>{ tr(lang, "各地对比", "Compare localities") }</h1>
            <fieldset class="facet compare-choice">
                <legend>{ tr(lang, "选择 2–5 个地区", "Choose 2–5 localities") }</legend>
                if many {
                    <label class="field" for="cmp-find">
                        <span>{ tr(lang, "查找地区(中文或英文名)", "Find a locality (Chinese or English name)") }</span>
                        <input id="cmp-find" type="search" autocomplete="off" value={(*find).clone()} oninput={on_find} />
                    </label>
                }
                { for choices }
                if left_out > 0 {
                    <p class="muted small" id="cmp-more" aria-live="polite">{ match lang {
                        Lang::Zh => format!("另有 {left_out} 个地区,输入名称查找。"),
                        Lang::En => format!("{left_out} more localities: type a name to find them."),
                    } }</p>
                }
            </fieldset>
            <h2>{ tr(lang, "主要差异", "Key differences") }</h2>
            <ul class="differences">
                { for differences.iter().map(|d| html! {
                    <li>
                        { lang_parts(lang, pick(lang, &d.sentence)) }
                        { for d.evidence.iter().take(6).enumerate().map(|(n, id)| {
                            html! { <>{ " " }{ action_link(&app, Action::OpenTarget(id.clone()), "evidence", false, format!("[{}{}]", tr(lang, "依据", "evidence "), n + 1)) }</> }
                        }) }
                    </li>
                }) }
            </ul>
            // The charts' code (plotters) arrives after the tables: the comparison shows without it.
            <Deferred<CompareChartsProps> chunk={&parts::COMPARE_CHARTS} props={CompareChartsProps { matrix: matrix.clone() }} />
            <h2>{ tr(lang, "指标对比(共有指标在前)", "Indicators (shared ones first)") }</h2>
            <div class="table-wrap">
                <table id="compare-matrix">
                    <caption class="muted small">{ tr(lang, "“—”表示该地文件没有此项目标。", "“—” means the document sets no target for it.") }</caption>
                    <thead>{ header.clone() }</thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { for single_toggle }
            <h2>{ tr(lang, "各主题目标数量", "Targets per theme") }</h2>
            <div class="table-wrap">
                <table id="coverage-matrix">
                    <thead>
                        <tr>
                            <th key={HEAD_KEY} scope="col">{ tr(lang, "主题", "Theme") }</th>
                            { for coverage.doc_ids.iter().map(|id| html! { <th key={id.clone()} scope="col">{ locality(id) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for coverage_rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// The key of a table row's heading cell among cells keyed by document id (no id has a space).
const HEAD_KEY: &str = " head";

/// The documents in the first tier of a ranked verdict with two tiers or more.
fn leading_documents(verdict: &Verdict) -> Vec<String> {
    match verdict.ranking.as_deref() {
        Some([first, _, ..]) => first.iter().map(|&i| verdict.headlines[i].doc_id.clone()).collect(),
        _ => Vec::new(),
    }
}

/// "More demanding" for a pair, "most demanding" for three or more.
/// Beside a promise the document writes more than once: the citation copies every source.
fn restated_note(lang: Lang, times: usize) -> String {
    match lang {
        Lang::Zh => format!("文件中 {times} 处写明同一目标"),
        Lang::En => format!("the document states this {times} times"),
    }
}

fn leader_word(lang: Lang, verdict: Option<&Verdict>) -> &'static str {
    if verdict.is_some_and(|v| v.headlines.len() > 2) {
        tr(lang, "要求最高", "most demanding")
    } else {
        tr(lang, "要求更高", "more demanding")
    }
}

/// A plain badge saying whether a shared indicator's targets can be set side by side.
fn comparability_badge(lang: Lang, verdict: &Verdict) -> Html {
    match verdict.comparability {
        Comparability::Comparable => html! { <span class="tag comparable">{ tr(lang, "可比", "comparable") }</span> },
        Comparability::RoughlyComparable { .. } => {
            html! { <span class="tag rough">{ tr(lang, "仅大致可比", "only roughly comparable") }</span> }
        }
    }
}
