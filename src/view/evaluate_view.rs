//! Progress calculator following the mid-term evaluation method: share of the period elapsed
//! against share of the way from baseline to target, a status and a straight-line projection.
//! Inputs are kept as typed in the URL, so a scenario is a link; errors show beside their field.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::events::value_of;
use policy_analysis::progress::{
    current_meaning, evaluable_rows, evaluate, share_percent, CurrentMeaning, EvaluationInput, Field, InputError,
};
use policy_analysis::url_state::Action;
use policy_charts::paths::{EnteredPoint, PathsData};
use policy_charts::Chart;
use policy_data::export::format_number;

use super::chart_panel::ChartPanel;
use super::context::use_app;
use super::text::{lang_parts, pick, quote_lang, tr, value_label, year_label};

#[derive(Properties, PartialEq)]
pub struct EvaluateProps {
    /// Today's date (`YYYY-MM-DD`), the default evaluation date.
    pub today: String,
}

#[component]
pub fn EvaluateView(props: &EvaluateProps) -> Html {
    let app = use_app();
    let (catalog, state, lang) = (app.catalog.clone(), app.state.clone(), app.lang());
    // Evaluable targets (a value, not a projection), once per catalogue.
    let evaluable = {
        let catalog = catalog.clone();
        use_memo(Rc::as_ptr(&catalog) as usize, move |_| evaluable_rows(&catalog))
    };
    let selected = state
        .target
        .as_ref()
        .and_then(|id| catalog.row_of(id))
        .or_else(|| evaluable.first().copied());
    let on_locality = {
        let (app, catalog, evaluable) = (app.clone(), catalog.clone(), evaluable.clone());
        Callback::from(move |e: Event| {
            let Ok(doc) = value_of(&e).parse::<usize>() else {
                return;
            };
            let first = evaluable.iter().find(|&&i| catalog.rows[i].document == doc);
            if let Some(&i) = first {
                app.dispatch(Action::ChooseEvaluated(catalog.target(catalog.rows[i]).id.clone()));
            }
        })
    };
    let on_target = app.on_value::<Event>(Action::ChooseEvaluated);
    let field_input = |field: Field| app.on_value::<InputEvent>(move |v| Action::SetEvaluation(field, v));
    // Chosen in two steps, the locality then one of its targets, so neither list grows with the
    // whole dataset's targets. The two lists depend only on the data, the chosen target and the
    // language: built once per choice, not on every keystroke.
    let choices = {
        let catalog = catalog.clone();
        let evaluable = evaluable.clone();
        use_memo(
            (Rc::as_ptr(&catalog) as usize, selected, lang),
            move |&(_, selected, lang)| {
                let selected_doc = selected.map(|i| catalog.rows[i].document);
                let mut localities: Vec<usize> = evaluable.iter().map(|&i| catalog.rows[i].document).collect();
                localities.dedup();
                let opened_mark = |id: &str| {
                    if catalog.is_opened(id) {
                        tr(lang, "(用户打开)", " (opened by you)")
                    } else {
                        ""
                    }
                };
                let locality_options: Html = localities
                    .iter()
                    .map(|&d| {
                        let doc = &catalog.dataset.documents[d].document;
                        let opened = opened_mark(&doc.id);
                        let label = format!(
                            "{}{opened} · {}–{}",
                            pick(lang, &doc.locality),
                            doc.period.start,
                            doc.period.end
                        );
                        html! { <option value={d.to_string()} selected={selected_doc == Some(d)}>{ label }</option> }
                    })
                    .collect();
                let target_options: Html = evaluable
                    .iter()
                    .filter(|&&i| Some(catalog.rows[i].document) == selected_doc)
                    .map(|i| {
                        let row = catalog.rows[*i];
                        let (doc, t) = (catalog.document(row), catalog.target(row));
                        let opened = opened_mark(&doc.id);
                        let label = format!(
                            "{}{opened} · {} · {} {}",
                            pick(lang, &doc.locality),
                            pick(lang, &t.summary),
                            value_label(lang, t, catalog.indicator(&t.indicator)),
                            year_label(lang, t)
                        );
                        html! { <option value={t.id.clone()} selected={selected == Some(*i)}>{ label }</option> }
                    })
                    .collect();
                (locality_options, target_options)
            },
        )
    };
    // The target's path with the value entered, then the other documents' paths of its indicator:
    // built once per target and language (the entered value only adds its point).
    let paths_base = {
        let catalog = catalog.clone();
        use_memo(
            (Rc::as_ptr(&catalog) as usize, selected, lang),
            move |&(_, selected, lang)| {
                selected.map(|row_index| {
                    let row = catalog.rows[row_index];
                    let (doc, target) = (catalog.document(row), catalog.target(row));
                    PathsData::for_target(&catalog.dataset, doc, target, lang)
                })
            },
        )
    };
    let Some(row_index) = selected else {
        return html! { <p>{ tr(lang, "没有可测算的目标。", "No target can be evaluated.") }</p> };
    };
    let row = catalog.rows[row_index];
    let (doc, target) = (catalog.document(row), catalog.target(row));
    let fields = &state.evaluation;
    let input = EvaluationInput {
        date: if fields.date.is_empty() {
            props.today.clone()
        } else {
            fields.date.clone()
        },
        baseline_value: fields.baseline_value.clone(),
        baseline_year: fields.baseline_year.clone(),
        current_value: fields.current.clone(),
    };
    let result = evaluate(doc, target, &input);
    let errors: Vec<InputError> = result.as_ref().err().cloned().unwrap_or_default();
    let error_for = |field: Field| -> Html {
        errors
            .iter()
            .filter(|e| e.field == field)
            .map(|e| html! { <p class="field-error" id={format!("err-{}", field.name())} role="alert">{ lang_parts(lang, &e.message(lang)) }</p> })
            .collect()
    };
    let current_label = match current_meaning(target.comparator) {
        CurrentMeaning::Level => tr(lang, "当前值", "Current value"),
        CurrentMeaning::AmountSoFar => tr(lang, "目前已完成的数量", "Amount achieved so far"),
        CurrentMeaning::Remaining => tr(lang, "目前仍存在的数量", "Amount still remaining"),
    };
    let text_field = |id: &'static str,
                      label: &str,
                      value: &str,
                      placeholder: String,
                      oninput: Callback<InputEvent>,
                      field: Field| {
        html! {
            <label class="field" for={id}>
                <span>{ label.to_string() }</span>
                <input {id} type="text" inputmode="decimal" value={value.to_string()} {placeholder} {oninput}
                    aria-invalid={errors.iter().any(|e| e.field == field).to_string()} />
                { error_for(field) }
            </label>
        }
    };
    let outcome = match &result {
        Ok(evaluation) => html! {
            <div class="card evaluation" aria-live="polite" id="evaluation-result">
                <p class="status">{ tr(lang, "状态:", "Status: ") }<strong id="evaluation-status">{ evaluation.status.label(lang) }</strong></p>
                <dl class="meta">
                    <dt>{ tr(lang, "时间进度", "Time elapsed") }</dt><dd>{ share_percent(evaluation.time_share) }</dd>
                    <dt>{ tr(lang, "任务进度", "Way covered") }</dt>
                    <dd>{ evaluation.progress_share.map(share_percent).unwrap_or_else(|| tr(lang, "需输入当前值", "enter a current value").to_string()) }</dd>
                    if let Some(baseline) = &evaluation.baseline {
                        <dt>{ tr(lang, "基线", "Baseline") }</dt>
                        <dd>{ format!("{}{}", format_number(baseline.value), baseline.year.map(|y| format!(" ({y})")).unwrap_or_default()) }</dd>
                    }
                    if let Some(projection) = &evaluation.projection {
                        <dt>{ tr(lang, "按当前速度推算", "Straight-line projection") }</dt>
                        <dd>{ lang_parts(lang, &format!("{} ({}) · {}", projection.value_text(), projection.year,
                            if projection.meets_target { tr(lang, "可达成", "would be met") } else { tr(lang, "难以达成", "would fall short") })) }</dd>
                    }
                </dl>
                <p class="muted small">{ tr(lang,
                    "方法:时间进度=评估日已过的规划期比例;任务进度=从基线到目标已走过的比例;两者相差不超过5个百分点为“进度正常”。推算为直线外推,仅供参考。",
                    "Method: time elapsed = share of the period passed at the evaluation date; way covered = share of the distance from baseline to target. Within 5 percentage points counts as on track. The projection is a straight line, an illustration only.") }</p>
            </div>
        },
        Err(_) => html! {
            <p class="muted" id="evaluation-result">{ tr(lang, "请更正标红的输入。", "Please correct the inputs marked in red.") }</p>
        },
    };
    let paths = {
        let mut data = (*paths_base)
            .clone()
            .unwrap_or_else(|| PathsData::for_target(&catalog.dataset, doc, target, lang));
        let entered = result.as_ref().ok().and_then(|evaluation| {
            let key = data.series_key(&doc.id, target.scope.as_ref().map(|s| s.zh.as_str()))?;
            EnteredPoint::from_evaluation(&key, target, doc.period.start, evaluation)
        });
        data.entered = entered.into_iter().collect();
        Rc::new(Chart::Paths(data))
    };
    html! {
        <section class="evaluate">
            <h1>{ tr(lang, "进度测算", "Progress check") }</h1>
            <label class="field" for="eval-locality">
                <span>{ tr(lang, "选择地区", "Locality") }</span>
                <select id="eval-locality" onchange={on_locality}>{ choices.0.clone() }</select>
            </label>
            <label class="field" for="eval-target">
                <span>{ tr(lang, "选择目标", "Target") }</span>
                <select id="eval-target" onchange={on_target}>{ choices.1.clone() }</select>
            </label>
            <blockquote class="quote" lang={quote_lang(doc)}>{ &target.quote }</blockquote>
            <div class="eval-grid">
                { text_field("eval-date", tr(lang, "评估日期(年-月-日,留空为今天)", "Evaluation date (YYYY-MM-DD, empty = today)"), &fields.date, props.today.clone(), field_input(Field::Date), Field::Date) }
                { text_field("eval-current", current_label, &fields.current, String::new(), field_input(Field::CurrentValue), Field::CurrentValue) }
                { text_field("eval-baseline", tr(lang, "基线值(原文无基线时填写)", "Baseline value (if the text gives none)"), &fields.baseline_value,
                    target.baseline.map(|b| format_number(b.value)).unwrap_or_default(), field_input(Field::BaselineValue), Field::BaselineValue) }
                { text_field("eval-baseline-year", tr(lang, "基线年份", "Baseline year"), &fields.baseline_year,
                    target.baseline.and_then(|b| b.year).map(|y| y.to_string()).unwrap_or_default(), field_input(Field::BaselineYear), Field::BaselineYear) }
            </div>
            { outcome }
            if !paths.is_empty() {
                <ChartPanel id="paths-chart" heading={tr(lang, "从基线到目标的路径", "From baseline to target")} chart={paths} {lang} />
            }
        </section>
    }
}
