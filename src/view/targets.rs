//! The targets list: one search box, the filter panel, live result counts, the matching targets
//! (each opening to its full detail) and the matching passages of the documents.

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::filter::{filter_rows, search_or_all, FacetCounts};
use policy_analysis::paging::{next_page_size, visible_count};
use policy_analysis::search::{terms, SearchHits};
use policy_analysis::url_state::{Action, Lang};

use super::context::use_app;
use super::dataset_open::opened_mark_short;
use super::export_bar::ExportBar;
use super::filters::Filters;
use super::highlight::{highlighted, highlighted_in};
use super::link::action_link;
use super::target_detail::TargetDetail;
use super::text::{lang_parts, pick, quote_lang, tr, value_label, year_label};

/// How many passages the list shows at most.
const PASSAGE_LIMIT: usize = 30;

#[component]
pub fn TargetsView() -> Html {
    let app = use_app();
    let (catalog, state, lang) = (app.catalog.clone(), app.state.clone(), app.lang());
    let catalog_id = Rc::as_ptr(&catalog) as usize;
    // The search's rows (all when nothing is typed), its passages and the filter panel's counts
    // over those rows: once per query, not on every filter change.
    let hits = {
        let catalog = catalog.clone();
        use_memo((catalog_id, state.query.clone()), move |(_, query)| {
            let SearchHits { rows, passages } = search_or_all(&catalog, query);
            let counts = Rc::new(FacetCounts::for_list(&catalog, query, &rows));
            (Rc::new(rows), passages, counts)
        })
    };
    let rows = {
        let catalog = catalog.clone();
        let candidates = hits.0.clone();
        use_memo(
            (catalog_id, state.query.clone(), state.filter.clone(), state.sort),
            move |(_, _, filter, sort)| filter_rows(&catalog, candidates.iter().copied(), filter, *sort),
        )
    };
    let search_terms = terms(&state.query);
    let on_search = app.on_value::<InputEvent>(Action::Search);
    let selected = state.target.as_ref().and_then(|id| catalog.row_of(id));
    // Rows shown: a page at first, more on request; the request belongs to one result list (the
    // memo's allocation), so a new search or filter starts again at one page. Not in the URL: a
    // link's opened target (`t=`) is enough to show the page that holds it.
    let requested = use_state(|| (0usize, 0usize));
    let focus_next = use_mut_ref(|| None::<String>);
    let rows_key = Rc::as_ptr(&rows) as usize;
    let pinned = selected.and_then(|s| rows.iter().position(|&r| r == s));
    let asked = if requested.0 == rows_key { requested.1 } else { 0 };
    let shown = visible_count(rows.len(), asked, pinned);
    let more = next_page_size(rows.len(), shown);
    let on_more = {
        let requested = requested.clone();
        let focus_next = focus_next.clone();
        let first_new = rows.get(shown).map(|&i| catalog.target(catalog.rows[i]).id.clone());
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = first_new.as_ref().map(|id| format!("row-{id}"));
            requested.set((rows_key, shown + more));
        })
    };
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(id) = focus_next.borrow_mut().take() {
                crate::browser::reveal(&id);
            }
        });
    }
    let items = rows.iter().take(shown).map(|&i| {
        let row = catalog.rows[i];
        let (doc, target) = (catalog.document(row), catalog.target(row));
        let open = selected == Some(i);
        let toggle = app.on_event::<MouseEvent>(Action::ToggleTarget(target.id.clone()));
        let detail_id = format!("detail-{}", target.id);
        html! {
            <li class={classes!("target-row", open.then_some("open"))} key={target.id.clone()}>
                <button type="button" class="target-summary" id={format!("row-{}", target.id)}
                    aria-expanded={open.to_string()} aria-controls={detail_id} onclick={toggle}>
                    <span class="target-text">{ highlighted_in(lang, pick(lang, &target.summary), &search_terms) }</span>
                    <span class="target-facts">
                        <span class="value">{ lang_parts(lang, &value_label(lang, target, catalog.indicator(&target.indicator))) }</span>
                        <span class="year">{ year_label(lang, target) }</span>
                        <span class="locality">{ pick(lang, &doc.locality) }</span>
                        if catalog.is_opened(&doc.id) { { opened_mark_short(lang) } }
                        if target.garbled { <span class="flag" title={tr(lang, "原文字符缺失,数值为解读", "Damaged source: interpreted value")}>{ tr(lang, "解读", "interpreted") }</span> }
                    </span>
                </button>
                if open {
                    <TargetDetail row={i} terms={search_terms.clone()} />
                }
            </li>
        }
    });
    let passages = hits.1.iter().take(PASSAGE_LIMIT).map(|p| {
        let entry = &catalog.dataset.documents[p.document];
        let text = catalog
            .texts
            .get(&entry.document.id)
            .zip(catalog.search_index().paragraph_range(p))
            .and_then(|(t, range)| t.get(range))
            .unwrap_or("");
        html! {
            <li class="passage">
                <p class="muted small">{ pick(lang, &entry.document.locality) }</p>
                <p lang={quote_lang(&entry.document)}>{ highlighted(text, &search_terms) }</p>
                { action_link(&app, Action::ReadPassage(entry.document.id.clone()), "", false, tr(lang, "在原文中阅读", "Read in the document")) }
            </li>
        }
    });
    let count_text = match lang {
        Lang::Zh => format!("共 {} 项目标", rows.len()),
        Lang::En => format!("{} targets", rows.len()),
    };
    let passage_count = hits.1.len();
    html! {
        <section class="targets">
            <h1>{ tr(lang, "目标", "Targets") }</h1>
            <div class="search">
                <label for="search" class="field-label">{ tr(lang, "搜索目标和原文(简繁通用)", "Search targets and texts (Simplified or Traditional)") }</label>
                <input id="search" type="search" value={state.query.clone()} oninput={on_search} autocomplete="off"
                    placeholder={tr(lang, "如:班额、学位、2025、幼儿园", "e.g. 班额, class size, 2025")} />
            </div>
            <Filters counts={hits.2.clone()} />
            <ExportBar rows={rows.clone()} />
            <p class="result-count" id="result-count" aria-live="polite">
                { count_text }
                if !state.query.trim().is_empty() {
                    { match lang {
                        Lang::Zh => format!(",原文段落 {passage_count} 处"),
                        Lang::En => format!(", {passage_count} passages"),
                    } }
                }
            </p>
            if !state.query.trim().is_empty() {
                <super::texts_status::TextsNotice {lang} />
            }
            if rows.is_empty() {
                <p class="empty">{ tr(lang, "没有符合条件的目标。试试更短的关键词,或清除筛选。", "No target matches. Try a shorter word, or clear the filters.") }</p>
            }
            <ul class="target-list">{ for items }</ul>
            if more > 0 {
                <div class="show-more">
                    <p class="muted small" id="shown-count">{ match lang {
                        Lang::Zh => format!("已显示 {shown} / {} 项", rows.len()),
                        Lang::En => format!("Showing {shown} of {}", rows.len()),
                    } }</p>
                    <button type="button" class="button" id="show-more" onclick={on_more}>{ match lang {
                        Lang::Zh => format!("显示更多 {more} 项(还有 {} 项)", rows.len() - shown),
                        Lang::En => format!("Show {more} more ({} left)", rows.len() - shown),
                    } }</button>
                </div>
            }
            if passage_count > 0 {
                <h2>{ tr(lang, "原文中的匹配段落", "Matching passages") }</h2>
                <ul class="passages">{ for passages }</ul>
                if passage_count > PASSAGE_LIMIT {
                    <p class="muted small" id="passages-more">{ match lang {
                        Lang::Zh => format!("显示前 {PASSAGE_LIMIT} 处,共 {passage_count} 处。输入更多字词可缩小范围。"),
                        Lang::En => format!("Showing the first {PASSAGE_LIMIT} of {passage_count}. Type more words to narrow them down."),
                    } }</p>
                }
            }
        </section>
    }
}
