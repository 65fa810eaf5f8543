//! The review list: each proposed target (or added sentence) with its quote, the extractor's
//! reading (with the name of a new indicator the extractor read, where no catalogue one fits, and
//! once accepted the fields of its names: `new_indicator`),
//! confidence and reasons, accept and reject buttons, and the fields to edit (value,
//! comparator, year, indicator, scope in both languages). Editing a field accepts the item. Items
//! are grouped by the section of the text they come from, each with an "accept this section" button
//! (the core's rule, `Review::select`). The first items are shown and more on request, so a long
//! text does not render thousands of forms.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::events::value_of;
use policy_analysis::catalog::Catalog;
use policy_data::export::comparator_code;
use policy_data::format::comparator_symbol;
use policy_data::lang::Lang;
use policy_data::model::Comparator;
use policy_review::{section_name, Decision, Edit, Item, Review, Selection};

use super::super::context::use_app;
use super::super::text::{kind_name, pick, tr};
use super::new_indicator::new_indicator_fields;
use super::state::{Page, PageAction};

const COMPARATORS: [(Comparator, &str, &str); 10] = [
    (Comparator::AtLeast, "≥ 不低于", "≥ at least"),
    (Comparator::MoreThan, "> 高于", "> more than"),
    (Comparator::Equal, "= 等于", "= equal to"),
    (Comparator::AtMost, "≤ 不超过", "≤ at most"),
    (Comparator::LessThan, "< 低于", "< less than"),
    (Comparator::IncreaseBy, "增加", "increase by"),
    (Comparator::DecreaseBy, "减少", "decrease by"),
    (Comparator::Count, "数量(新建、培训等)", "a number (to build, train, …)"),
    (Comparator::Eliminate, "消除", "eliminate"),
    (Comparator::None, "无数值(定性)", "no value (qualitative)"),
];

#[derive(Properties, PartialEq)]
pub struct ReviewListProps {
    pub lang: Lang,
    pub page: UseReducerHandle<Page>,
    pub review: Rc<Review>,
}

/// The list of items to review.
#[component]
pub fn ReviewList(props: &ReviewListProps) -> Html {
    let lang = props.lang;
    let page = &props.page;
    let review = &props.review;
    if review.items.is_empty() {
        return html! { <p class="muted">{ tr(lang, "没有待审阅的项目。", "Nothing to review.") }</p> };
    }
    let app = use_app();
    let shown = page.shown.min(review.items.len());
    let groups = sections(review, shown)
        .into_iter()
        .enumerate()
        .map(|(g, (section, range))| {
            let rows = range
                .clone()
                .map(|index| item_row(lang, page, review, &app.catalog, index, &review.items[index]));
            html! {
                // A heading per section, no landmark: eight regions would crowd a screen reader's list.
                <div class="review-section">
                    { section_head(lang, page, review, g, section) }
                    <ol class="review-list" start={(range.start + 1).to_string()}>{ for rows }</ol>
                </div>
            }
        });
    let more = page.dispatcher();
    html! {
        <>
            <div class="review-groups">{ for groups }</div>
            if shown < review.items.len() {
                <button type="button" class="button" onclick={Callback::from(move |_: MouseEvent| more.dispatch(PageAction::ShowMore))}>
                    { match lang {
                        Lang::Zh => format!("再显示一些(共 {} 项)", review.items.len()),
                        Lang::En => format!("Show more ({} in all)", review.items.len()),
                    } }
                </button>
            }
        </>
    }
}

/// The shown items (the first `shown`) in runs of one section each: the section (the headings the
/// extractor read; a sentence the visitor added joins the run it falls in) and the items' indices.
fn sections(review: &Review, shown: usize) -> Vec<(Option<&str>, Range<usize>)> {
    let mut runs: Vec<(Option<&str>, Range<usize>)> = Vec::new();
    for (index, item) in review.items[..shown].iter().enumerate() {
        let section = item.candidate.as_ref().map(|c| c.section.as_str());
        match runs.last_mut() {
            Some((current, range)) if section.is_none() || *current == section || current.is_none() => {
                if current.is_none() {
                    *current = section;
                }
                range.end = index + 1;
            }
            _ => runs.push((section, index..index + 1)),
        }
    }
    runs
}

/// A section's heading and its "accept this section" button (with how many items it would accept).
fn section_head(lang: Lang, page: &UseReducerHandle<Page>, review: &Review, g: usize, section: Option<&str>) -> Html {
    let id = format!("review-section-{g}");
    let Some(section) = section else {
        return html! { <h3 class="review-section-title" {id}>{ tr(lang, "您添加的句子", "Sentences you added") }</h3> };
    };
    let selection = Selection::Section(section.to_string());
    let n = review.select(&selection).accept.len();
    let accept = {
        let page = page.dispatcher();
        Callback::from(move |_: MouseEvent| page.dispatch(PageAction::AcceptAll(selection.clone())))
    };
    let name = section_name(section, lang);
    html! {
        <div class="review-section-head">
            <h3 class="review-section-title" id={id.clone()} lang={if section.trim().is_empty() { None } else { Some("zh") }}>{ name }</h3>
            <button type="button" class="button review-section-accept" onclick={accept} aria-describedby={id}>
                { match lang {
                    Lang::Zh => format!("采纳本节({n} 项)"),
                    Lang::En => format!("Accept this section ({n})"),
                } }
            </button>
        </div>
    }
}

/// What the item reads now, on one line (requirement and value, year, indicator), so that items
/// of one sentence are told apart without opening their fields: "≥ 92% · 2026年 · 学前三年毛入园率".
fn reading(lang: Lang, item: &Item, catalog: &Catalog) -> String {
    let f = &item.fields;
    let mut parts = Vec::new();
    if !f.value.trim().is_empty() {
        let unit = item.candidate.as_ref().and_then(|c| c.unit.as_deref()).unwrap_or("");
        // A Chinese unit is the text's own word: shown on the Chinese page, left to the quote on the English one.
        let unit = if lang == Lang::Zh || unit == "%" { unit } else { "" };
        parts.push(
            format!("{}{}{unit}", comparator_symbol(f.comparator), f.value.trim())
                .trim()
                .to_string(),
        );
    }
    if !f.year.trim().is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("{}年", f.year.trim()),
            Lang::En => f.year.trim().to_string(),
        });
    }
    if let Some(indicator) = catalog.indicator(f.indicator.trim()) {
        parts.push(pick(lang, &indicator.name).to_string());
    }
    parts.join(" · ")
}

/// The quote with the value the item reads emphasised.
fn quote_with_value(review: &Review, item: &Item) -> Html {
    let quote = review.text.get(item.range.clone()).unwrap_or_default();
    let value = item
        .candidate
        .as_ref()
        .map(|c| c.value_range.clone())
        .filter(|v| item.range.start <= v.start && v.start < v.end && v.end <= item.range.end)
        .map(|v| (v.start - item.range.start)..(v.end - item.range.start))
        .filter(|v| quote.is_char_boundary(v.start) && quote.is_char_boundary(v.end));
    match value {
        Some(v) => html! {
            <>{ &quote[..v.start] }<strong class="review-value">{ &quote[v.clone()] }</strong>{ &quote[v.end..] }</>
        },
        None => html! { quote },
    }
}

fn item_row(
    lang: Lang,
    page: &UseReducerHandle<Page>,
    review: &Review,
    catalog: &Catalog,
    index: usize,
    item: &Item,
) -> Html {
    let n = index + 1;
    let read = reading(lang, item, catalog);
    let read_is_empty = read.is_empty();
    // The new indicator's name, while the item proposes one (no catalogue indicator chosen).
    let new_indicator =
        Some(item.fields.new_zh.trim().to_string()).filter(|name| item.proposes_new() && !name.is_empty());
    let decide = |decision: Decision| {
        let page = page.dispatcher();
        Callback::from(move |_: MouseEvent| page.dispatch(PageAction::Decide(index, decision)))
    };
    let class = match item.decision {
        Decision::Accepted => "accepted",
        Decision::Rejected => "rejected",
        Decision::Open => "open",
    };
    let head = match (&item.candidate, lang) {
        (Some(c), Lang::Zh) => format!(
            "第 {n} 项 · {} · 把握 {:.2}",
            item.fields.kind.map_or("", |k| kind_name(lang, k)),
            c.confidence
        ),
        (Some(c), Lang::En) => format!(
            "Item {n} · {} · confidence {:.2}",
            item.fields.kind.map_or("", |k| kind_name(lang, k)),
            c.confidence
        ),
        (None, Lang::Zh) => format!("第 {n} 项 · 您添加的句子"),
        (None, Lang::En) => format!("Item {n} · a sentence you added"),
    };
    let reasons = item.candidate.as_ref().map(|c| {
        c.reasons
            .iter()
            .map(|r| r.label(lang))
            .collect::<Vec<_>>()
            .join(tr(lang, ";", "; "))
    });
    let key = format!(
        "{}-{}-{}",
        item.range.start,
        item.range.end,
        item.candidate.as_ref().map_or(usize::MAX, |c| c.value_range.start)
    );
    html! {
        <li {key} id={format!("review-item-{n}")} class={classes!("review-item", class)}>
            <p class="review-head">{ head }</p>
            if !read.is_empty() || new_indicator.is_some() {
                <p class="review-reading">
                    { tr(lang, "读作:", "Read as: ") }{ read }
                    if let Some(name) = new_indicator {
                        { if read_is_empty { "" } else { " · " } }
                        { tr(lang, "新指标(目录中没有):", "a new indicator (not in the catalogue): ") }
                        <span lang="zh">{ name }</span>
                    }
                </p>
            }
            <blockquote class="review-quote" lang="zh">{ quote_with_value(review, item) }</blockquote>
            if let Some(reasons) = reasons {
                <p class="muted small">{ reasons }</p>
            }
            <div class="review-decision" role="group" aria-label={format!("{} {n}", tr(lang, "决定第几项:", "Decide item"))}>
                <button type="button" class="button accept" aria-pressed={(item.decision == Decision::Accepted).to_string()}
                    onclick={decide(Decision::Accepted)}>{ tr(lang, "采纳", "Accept") }</button>
                <button type="button" class="button reject" aria-pressed={(item.decision == Decision::Rejected).to_string()}
                    onclick={decide(Decision::Rejected)}>{ tr(lang, "不采纳", "Reject") }</button>
            </div>
            { new_indicator_fields(lang, page, review, index) }
            <ItemEdit {lang} page={page.clone()} {index} item={Rc::new(item.clone())} />
        </li>
    }
}

/// The item's fields behind a "modify" button, made only while open: a long list does not build
/// (and the browser does not check) five form controls for every item.
#[component]
fn ItemEdit(props: &ItemFieldsProps) -> Html {
    let lang = props.lang;
    // A sentence the visitor added opens with its fields: it has no reading of its own yet.
    let open = use_state(|| props.item.candidate.is_none());
    let toggle = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            open.set(!*open);
        })
    };
    html! {
        <details class="review-edit" open={*open}>
            <summary class="button" onclick={toggle}>{ tr(lang, "修改数值、年份、指标或范围", "Edit value, year, indicator or scope") }</summary>
            if *open {
                <ItemFields {lang} page={props.page.clone()} index={props.index} item={props.item.clone()} />
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct ItemFieldsProps {
    lang: Lang,
    page: UseReducerHandle<Page>,
    index: usize,
    item: Rc<Item>,
}

/// The editable fields of one item.
#[component]
fn ItemFields(props: &ItemFieldsProps) -> Html {
    let app = use_app();
    let lang = props.lang;
    let (index, f) = (props.index, &props.item.fields);
    let n = index + 1;
    let edit = |make: fn(String) -> Edit| {
        let page = props.page.dispatcher();
        Callback::from(move |e: Event| page.dispatch(PageAction::Edit(index, make(value_of(&e)))))
    };
    let comparator = {
        let page = props.page.dispatcher();
        Callback::from(move |e: Event| {
            let id = value_of(&e);
            if let Some((c, _, _)) = COMPARATORS.iter().find(|(c, _, _)| comparator_code(*c) == id) {
                page.dispatch(PageAction::Edit(index, Edit::Comparator(*c)));
            }
        })
    };
    let field_id = |name: &str| format!("item-{n}-{name}");
    let indicators = app.catalog.dataset.indicators.iter().map(|i| {
        html! { <option value={i.id.clone()} selected={i.id == f.indicator}>{ pick(lang, &i.name) }</option> }
    });
    html! {
        <div class="review-fields">
            <div class="field">
                <label class="field-label" for={field_id("value")}>{ tr(lang, "数值", "Value") }</label>
                <input type="text" inputmode="decimal" id={field_id("value")} value={f.value.clone()} onchange={edit(Edit::Value)} />
            </div>
            <div class="field">
                <label class="field-label" for={field_id("comparator")}>{ tr(lang, "要求", "Requirement") }</label>
                <select id={field_id("comparator")} onchange={comparator}>
                    { for COMPARATORS.iter().map(|&(c, zh, en)| html! {
                        <option value={comparator_code(c)} selected={c == f.comparator}>{ tr(lang, zh, en) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label class="field-label" for={field_id("year")}>{ tr(lang, "目标年份", "Target year") }</label>
                <input type="text" inputmode="numeric" id={field_id("year")} value={f.year.clone()} onchange={edit(Edit::Year)} />
            </div>
            <div class="field">
                <label class="field-label" for={field_id("indicator")}>{ tr(lang, "指标", "Indicator") }</label>
                <select id={field_id("indicator")} onchange={edit(Edit::Indicator)}>
                    <option value="" selected={f.indicator.is_empty()}>{ tr(lang, "(请选择)", "(choose one)") }</option>
                    { for indicators }
                </select>
            </div>
            <div class="field">
                <label class="field-label" for={field_id("scope-zh")}>{ tr(lang, "适用范围(中文,可空)", "Scope in Chinese (optional)") }</label>
                <input type="text" id={field_id("scope-zh")} value={f.scope_zh.clone()} onchange={edit(Edit::ScopeZh)} />
            </div>
            <div class="field">
                <label class="field-label" for={field_id("scope-en")}>{ tr(lang, "适用范围(英文,可空)", "Scope in English (optional)") }</label>
                <input type="text" id={field_id("scope-en")} value={f.scope_en.clone()} onchange={edit(Edit::ScopeEn)} />
            </div>
        </div>
    }
}
