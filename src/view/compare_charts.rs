//! The compare view's charts: one indicator across the chosen localities (the indicator is chosen
//! in a list and kept in the URL, `ind=`; by default the one drawn for the most localities) and the
//! timeline of the chosen localities' plan periods and deadlines. What the charts draw is built
//! once per choice of documents and language; drawing waits for the next frame (`ChartPanel`).

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::compare::ComparisonMatrix;
use policy_analysis::url_state::{Action, Lang};
use policy_charts::indicator::{most_drawn, IndicatorData};
use policy_charts::select_documents;
use policy_charts::timeline::TimelineData;
use policy_charts::Chart;

use super::chart_panel::ChartPanel;
use super::context::use_app;
use super::text::{pick, tr};

#[derive(Properties, PartialEq)]
pub struct CompareChartsProps {
    /// The comparison of the chosen documents (its columns are the chosen ids).
    pub matrix: Rc<ComparisonMatrix>,
}

#[component]
pub fn CompareCharts(props: &CompareChartsProps) -> Html {
    let app = use_app();
    let (catalog, state, lang) = (app.catalog.clone(), app.state.clone(), app.lang());
    let zh = lang == Lang::Zh;
    // What depends only on the data, the chosen documents and the language, built once per choice:
    // the indicators with at least one dated value among the chosen documents, in matrix order
    // (shared ones first), with the number of localities drawn; and the timeline.
    let computed = {
        let catalog = catalog.clone();
        let matrix = props.matrix.clone();
        use_memo(
            (Rc::as_ptr(&catalog) as usize, props.matrix.doc_ids.clone(), lang),
            move |(_, doc_ids, lang)| {
                let dataset = &catalog.dataset;
                let ids: Vec<&str> = doc_ids.iter().map(String::as_str).collect();
                let selection = select_documents(dataset, &ids, *lang);
                let options: Vec<(String, usize)> = matrix
                    .rows
                    .iter()
                    .map(|row| {
                        let n = IndicatorData::count_drawn_documents(&row.indicator, &selection);
                        (row.indicator.clone(), n)
                    })
                    .filter(|(_, n)| *n > 0)
                    .collect();
                let timeline = Rc::new(Chart::Timeline(TimelineData::from_dataset(dataset, &ids, *lang)));
                (options, timeline)
            },
        )
    };
    let (options, timeline) = (&computed.0, computed.1.clone());
    let dataset = &catalog.dataset;
    let ids: Vec<&str> = props.matrix.doc_ids.iter().map(String::as_str).collect();
    let chosen_indicator = state
        .indicator
        .clone()
        .filter(|id| options.iter().any(|(o, _)| o == id))
        .or_else(|| most_drawn(options).map(str::to_string));
    let on_indicator = app.on_value::<Event>(Action::ChooseIndicator);
    let indicator_name = |id: &str| {
        catalog
            .indicator(id)
            .map(|i| pick(lang, &i.name).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let chooser = html! {
        <label class="field" for="indicator-choice">
            <span>{ tr(lang, "选择指标(按覆盖地区数排序)", "Indicator (most widely shared first)") }</span>
            <select id="indicator-choice" onchange={on_indicator}>
                { for options.iter().map(|(id, n)| {
                    let label = if zh { format!("{}({n}地)", indicator_name(id)) } else { format!("{} ({n})", indicator_name(id)) };
                    html! { <option value={id.clone()} selected={chosen_indicator.as_deref() == Some(id.as_str())}>{ label }</option> }
                }) }
            </select>
        </label>
    };
    let indicator_chart = chosen_indicator.map(|id| {
        let chart = Rc::new(Chart::Indicator(IndicatorData::from_dataset(dataset, &id, &ids, lang)));
        html! {
            <ChartPanel id="indicator-chart" heading={tr(lang, "同一指标各地目标", "One indicator across localities")}
                {chart} {lang}>
                { chooser }
            </ChartPanel>
        }
    });
    html! {
        <>
            { for indicator_chart }
            <ChartPanel id="timeline-chart" heading={tr(lang, "规划期与目标期限时间线", "Plan periods and deadlines")}
                chart={timeline} {lang} />
        </>
    }
}
