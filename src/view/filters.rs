//! The filter panel of the targets list: locality, theme, kind, 约束性/预期性, target-year range,
//! responsible unit, baseline and sort order, each option with its live count.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::events::value_of;
use policy_analysis::choices::{needs_locality_search, offered_localities};
use policy_analysis::filter::{BindingChoice, FacetCounts};
use policy_analysis::url_state::{sort_code, sort_from, Action, FilterChange, Lang};
use policy_data::model::Kind;

use super::context::use_app;
use super::text::{binding_name, kind_name, pick, tr};

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// How many rows matching the search (before filters) each option has.
    pub counts: Rc<FacetCounts>,
}

/// A group of checkboxes, one per option.
fn checkbox_group<T: Ord + Clone + 'static>(
    legend: &str,
    name: &str,
    options: Vec<(T, String, usize)>,
    selected: &BTreeSet<T>,
    on_toggle: Callback<T>,
    (before, after): (Html, Html),
) -> Html {
    html! {
        <fieldset class="facet">
            <legend>{ legend }</legend>
            { before }
            { for options.into_iter().enumerate().map(|(i, (value, label, count))| {
                let checked = selected.contains(&value);
                let on_toggle = on_toggle.clone();
                let id = format!("f-{name}-{i}");
                html! {
                    <label class="check" for={id.clone()}>
                        <input type="checkbox" id={id} {checked}
                            onchange={Callback::from(move |_| on_toggle.emit(value.clone()))} />
                        <span>{ label }</span>
                        <span class="count">{ count }</span>
                    </label>
                }
            }) }
            { after }
        </fieldset>
    }
}

#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let app = use_app();
    let (catalog, state, lang) = (&app.catalog, &app.state, app.lang());
    let filter = &state.filter;
    let counts = &props.counts;

    let documents = &catalog.dataset.documents;
    let loc_find = use_state(String::new);
    let (offered, left_out) = offered_localities(catalog, |id| filter.localities.contains(id), &loc_find);
    let locality_find = if needs_locality_search(catalog) {
        let setter = loc_find.clone();
        let oninput = Callback::from(move |e: InputEvent| setter.set(value_of(&e)));
        html! {
            <label class="field" for="f-loc-find">
                <span>{ tr(lang, "查找地区(中文或英文名)", "Find a locality (Chinese or English name)") }</span>
                <input id="f-loc-find" type="search" autocomplete="off" value={(*loc_find).clone()} {oninput} />
            </label>
        }
    } else {
        Html::default()
    };
    let locality_more = if left_out > 0 {
        html! {
            <p class="muted small" aria-live="polite">{ match lang {
                Lang::Zh => format!("另有 {left_out} 个地区,输入名称查找。"),
                Lang::En => format!("{left_out} more localities: type a name to find them."),
            } }</p>
        }
    } else {
        Html::default()
    };
    let localities = offered
        .iter()
        .map(|&i| (&documents[i], counts.documents[i]))
        .map(|(e, count)| {
            (
                e.document.id.clone(),
                match catalog.is_opened(&e.document.id) {
                    true => format!(
                        "{} ({})",
                        pick(lang, &e.document.locality),
                        tr(lang, "用户打开", "opened by you")
                    ),
                    false => pick(lang, &e.document.locality).to_string(),
                },
                count,
            )
        })
        .collect();
    let themes = catalog
        .dataset
        .themes
        .iter()
        .zip(&counts.themes)
        .filter(|(t, count)| **count > 0 || filter.themes.contains(&t.id))
        .map(|(t, count)| (t.id.clone(), pick(lang, &t.name).to_string(), *count))
        .collect();
    let kinds = [Kind::Quantitative, Kind::Standard, Kind::Milestone, Kind::Projection]
        .into_iter()
        .map(|k| (k, kind_name(lang, k).to_string(), counts.kind(k)))
        .collect();
    let bindings = [BindingChoice::Binding, BindingChoice::Expected, BindingChoice::Unstated]
        .into_iter()
        .map(|b| {
            let binding = match b {
                BindingChoice::Binding => Some(policy_data::model::Binding::Binding),
                BindingChoice::Expected => Some(policy_data::model::Binding::Expected),
                BindingChoice::Unstated => None,
            };
            (b, binding_name(lang, binding).to_string(), counts.binding(b))
        })
        .collect();

    let change = |make: fn(String) -> FilterChange| app.on(move |value: String| Action::Filter(make(value)));
    let on_locality = change(FilterChange::Locality);
    let on_theme = change(FilterChange::Theme);
    let on_kind = app.on(|k: Kind| Action::Filter(FilterChange::Kind(k)));
    let on_binding = app.on(|b: BindingChoice| Action::Filter(FilterChange::Binding(b)));
    let on_year = |make: fn(Option<u16>) -> FilterChange| {
        app.on_value::<Event>(move |v| Action::Filter(make(v.parse::<u16>().ok())))
    };
    let on_responsible = app.on_value::<InputEvent>(|v| Action::Filter(FilterChange::Responsible(v)));
    let on_baseline = app.on_value::<Event>(|v| {
        let wanted = match v.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        Action::Filter(FilterChange::Baseline(wanted))
    });
    let on_sort = app.on_value::<Event>(|v| Action::Sort(sort_from(&v).unwrap_or_default()));
    let reset = app.on_event::<MouseEvent>(Action::ClearFilters);
    let years: Vec<u16> = (2018..=2030).collect();
    let year_select = |id: &'static str, label: &'static str, current: Option<u16>, onchange: Callback<Event>| {
        html! {
            <label class="field" for={id}>
                <span>{ label }</span>
                <select id={id} {onchange}>
                    <option value="" selected={current.is_none()}>{ tr(lang, "不限", "any") }</option>
                    { for years.iter().map(|y| html! { <option value={y.to_string()} selected={current == Some(*y)}>{ y }</option> }) }
                </select>
            </label>
        }
    };
    let active = !filter.is_empty();
    let sort_value = sort_code(state.sort);
    html! {
        <details class="filters" open={active}>
            <summary class="button">{ tr(lang, "筛选与排序", "Filter and sort") }
                if active { <span class="badge">{ tr(lang, "已筛选", "filtered") }</span> }
            </summary>
            <div class="filter-grid">
                { checkbox_group(tr(lang, "地区", "Locality"), "loc", localities, &filter.localities, on_locality, (locality_find, locality_more)) }
                { checkbox_group(tr(lang, "主题", "Theme"), "theme", themes, &filter.themes, on_theme, Default::default()) }
                { checkbox_group(tr(lang, "类型", "Kind"), "kind", kinds, &filter.kinds, on_kind, Default::default()) }
                { checkbox_group(tr(lang, "属性", "Binding"), "bind", bindings, &filter.bindings, on_binding, Default::default()) }
                <fieldset class="facet">
                    <legend>{ tr(lang, "目标年份", "Target year") }</legend>
                    { year_select("f-from", tr(lang, "从", "From"), filter.year_from, on_year(FilterChange::YearFrom)) }
                    { year_select("f-to", tr(lang, "到", "To"), filter.year_to, on_year(FilterChange::YearTo)) }
                </fieldset>
                <fieldset class="facet">
                    <legend>{ tr(lang, "其他", "Other") }</legend>
                    <label class="field" for="f-resp">
                        <span>{ tr(lang, "责任单位包含", "Responsible unit contains") }</span>
                        <input id="f-resp" type="text" value={filter.responsible.clone()} oninput={on_responsible}
                            placeholder={tr(lang, "如:教育局", "e.g. 教育局")} />
                    </label>
                    <label class="field" for="f-base">
                        <span>{ tr(lang, "基线", "Baseline") }</span>
                        <select id="f-base" onchange={on_baseline}>
                            <option value="" selected={filter.has_baseline.is_none()}>{ tr(lang, "不限", "any") }</option>
                            <option value="yes" selected={filter.has_baseline == Some(true)}>{ tr(lang, "有基线", "has a baseline") }</option>
                            <option value="no" selected={filter.has_baseline == Some(false)}>{ tr(lang, "无基线", "no baseline") }</option>
                        </select>
                    </label>
                    <label class="field" for="f-sort">
                        <span>{ tr(lang, "排序", "Sort by") }</span>
                        <select id="f-sort" onchange={on_sort}>
                            <option value="doc" selected={sort_value == "doc"}>{ tr(lang, "文件顺序", "Document order") }</option>
                            <option value="year" selected={sort_value == "year"}>{ tr(lang, "目标年份", "Target year") }</option>
                            <option value="locality" selected={sort_value == "locality"}>{ tr(lang, "地区", "Locality") }</option>
                            <option value="value" selected={sort_value == "value"}>{ tr(lang, "数值(大到小)", "Value (high to low)") }</option>
                        </select>
                    </label>
                    <button type="button" class="button" onclick={reset} disabled={!active}>{ tr(lang, "清除筛选", "Clear filters") }</button>
                </fieldset>
            </div>
        </details>
    }
}
