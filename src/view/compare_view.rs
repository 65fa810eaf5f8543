//! Compare: localities side by side. Key differences generated from the data (each linking to its
//! evidence), the indicator × locality matrix with a plain verdict per shared indicator, and the
//! theme × locality coverage counts so that gaps show.

use yew::prelude::*;

use crate::analysis::compare::{format_requirement, format_year, key_differences, ComparisonMatrix, CoverageMatrix};
use crate::analysis::url_state::{Lang, UrlState, View};

use super::app::Context;
use super::text::{pick, tr};

/// Localities compared when the link names none.
pub const DEFAULT_COMPARISON: [&str; 4] = ["dongguan-2019", "panjin-2019", "qingbaijiang-2018", "sihui-2022"];

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub context: Context,
}

#[function_component(CompareView)]
pub fn compare_view(props: &CompareProps) -> Html {
    let Context {
        catalog,
        state,
        navigate,
    } = props.context.clone();
    let lang = state.lang;
    let zh = lang == Lang::Zh;
    let chosen: Vec<String> = if state.compare.len() >= 2 {
        state.compare.clone()
    } else {
        DEFAULT_COMPARISON.iter().map(|s| s.to_string()).collect()
    };
    let dataset = &catalog.dataset;
    let matrix = ComparisonMatrix::build(dataset, &chosen);
    let coverage = CoverageMatrix::build(dataset, &chosen);
    let differences = key_differences(dataset, &chosen);
    let locality = |id: &str| {
        catalog
            .document_by_id(id)
            .map(|(_, d)| pick(lang, &d.locality).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let target_link = |id: &str| {
        let next = UrlState {
            view: View::Targets,
            target: Some(id.to_string()),
            lang,
            ..Default::default()
        };
        let href = format!("?{}", next.to_query());
        let navigate = navigate.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            navigate.emit(next.clone());
        });
        (href, onclick)
    };
    let choices = dataset.documents.iter().map(|entry| {
        let id = entry.document.id.clone();
        let checked = chosen.contains(&id);
        let onchange = {
            let state = state.clone();
            let navigate = navigate.clone();
            let chosen = chosen.clone();
            let id = id.clone();
            Callback::from(move |_| {
                let mut next: Vec<String> = chosen.iter().filter(|c| **c != id).cloned().collect();
                if !checked && next.len() < 5 {
                    next.push(id.clone());
                }
                if next.len() >= 2 {
                    navigate.emit(UrlState {
                        compare: next,
                        ..state.clone()
                    });
                }
            })
        };
        let disabled = checked && chosen.len() <= 2;
        html! {
            <label class="check" for={format!("cmp-{id}")}>
                <input type="checkbox" id={format!("cmp-{id}")} {checked} {disabled} {onchange} />
                <span>{ pick(lang, &entry.document.locality) }</span>
                if catalog.is_opened(&id) { { super::dataset_open::opened_mark_short(lang) } }
            </label>
        }
    });
    let header = html! {
        <tr>
            <th scope="col">{ tr(lang, "指标", "Indicator") }</th>
            { for matrix.doc_ids.iter().map(|id| html! { <th scope="col">{ locality(id) }</th> }) }
        </tr>
    };
    let rows = matrix.rows.iter().map(|row| {
        let name = catalog.indicator(&row.indicator).map(|i| pick(lang, &i.name).to_string()).unwrap_or_else(|| row.indicator.clone());
        let cells = row.cells.iter().map(|targets| {
            if targets.is_empty() {
                return html! { <td class="gap">{ "—" }</td> };
            }
            html! {
                <td>
                    { for targets.iter().map(|t| {
                        let (href, onclick) = target_link(&t.id);
                        let baseline = t.baseline.map(|b| format!(" ({}{})", tr(lang, "基线 ", "baseline "), crate::data::export::format_number(b.value))).unwrap_or_default();
                        html! {
                            <p class="cell-target">
                                <a {href} {onclick}>{ format!("{} · {}", format_requirement(t, zh), format_year(t.target_year, zh)) }</a>
                                { baseline }
                            </p>
                        }
                    }) }
                </td>
            }
        });
        html! {
            <>
                <tr>
                    <th scope="row">{ name }</th>
                    { for cells }
                </tr>
                if let Some(verdict) = &row.verdict {
                    <tr class="verdict"><td colspan={(matrix.doc_ids.len() + 1).to_string()}>{ pick(lang, &verdict.sentence) }</td></tr>
                }
            </>
        }
    });
    let coverage_rows = coverage.themes.iter().enumerate().map(|(i, theme)| {
        let name = catalog.theme(theme).map(|t| pick(lang, &t.name).to_string()).unwrap_or_else(|| theme.clone());
        html! {
            <tr>
                <th scope="row">{ name }</th>
                { for coverage.counts[i].iter().map(|n| html! { <td class={classes!((*n == 0).then_some("gap"))}>{ n }</td> }) }
            </tr>
        }
    });
    html! {
        <section class="compare">
            <h1>{ tr(lang, "各地对比", "Compare localities") }</h1>
            <fieldset class="facet compare-choice">
                <legend>{ tr(lang, "选择 2–5 个地区", "Choose 2–5 localities") }</legend>
                { for choices }
            </fieldset>
            <h2>{ tr(lang, "主要差异", "Key differences") }</h2>
            <ul class="differences">
                { for differences.iter().map(|d| html! {
                    <li>
                        { pick(lang, &d.sentence) }
                        { for d.evidence.iter().take(6).enumerate().map(|(n, id)| {
                            let (href, onclick) = target_link(id);
                            html! { <>{ " " }<a class="evidence" {href} {onclick}>{ format!("[{}{}]", tr(lang, "依据", "evidence "), n + 1) }</a></> }
                        }) }
                    </li>
                }) }
            </ul>
            <h2>{ tr(lang, "指标对比(共有指标在前)", "Indicators (shared ones first)") }</h2>
            <div class="table-wrap">
                <table id="compare-matrix">
                    <caption class="muted small">{ tr(lang, "“—”表示该地文件没有此项目标。", "“—” means the document sets no target for it.") }</caption>
                    <thead>{ header.clone() }</thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <h2>{ tr(lang, "各主题目标数量", "Targets per theme") }</h2>
            <div class="table-wrap">
                <table id="coverage-matrix">
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, "主题", "Theme") }</th>
                            { for coverage.doc_ids.iter().map(|id| html! { <th scope="col">{ locality(id) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for coverage_rows }</tbody>
                </table>
            </div>
        </section>
    }
}
