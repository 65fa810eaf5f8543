//! Accepting many items at once: a choice of confidence level (each with the number of items it
//! would accept) and a button, the undo of the last bulk acceptance, and the status line that
//! screen readers announce (`aria-live="polite"`). Which items are accepted is the core's rule
//! (`policy_review::Review::select`); this view only dispatches.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::events::value_of;
use policy_data::lang::Lang;
use policy_review::{Level, Review, Selection};

use super::super::text::{lang_parts, tr};
use super::state::{BulkStatus, Page, PageAction};

#[derive(Properties, PartialEq)]
pub struct BulkAcceptProps {
    pub lang: Lang,
    pub page: UseReducerHandle<Page>,
    pub review: Rc<Review>,
}

/// The bulk acceptance controls and their status line.
#[component]
pub fn BulkAccept(props: &BulkAcceptProps) -> Html {
    let lang = props.lang;
    let level = use_state(|| Level::High);
    let choose = {
        let level = level.clone();
        Callback::from(move |e: Event| {
            if let Some(chosen) = Level::from_id(&value_of(&e)) {
                level.set(chosen);
            }
        })
    };
    let accept = {
        let (page, level) = (props.page.dispatcher(), *level);
        Callback::from(move |_: MouseEvent| page.dispatch(PageAction::AcceptAll(Selection::AtLeast(level))))
    };
    let undo = {
        let page = props.page.dispatcher();
        Callback::from(move |_: MouseEvent| page.dispatch(PageAction::UndoBulk))
    };
    let options = Level::ALL.iter().map(|&l| {
        let n = props.review.select(&Selection::AtLeast(l)).accept.len();
        let label = match lang {
            Lang::Zh => format!("{}:{n} 项待采纳", l.label(lang)),
            Lang::En => format!("{}: {n} open", l.label(lang)),
        };
        html! { <option value={l.id()} selected={l == *level}>{ label }</option> }
    });
    let status = match &props.page.bulk_status {
        Some(BulkStatus::Accepted(done)) => done.status(lang),
        Some(BulkStatus::Undone(done)) => done.undone(lang),
        None => String::new(),
    };
    html! {
        <div class="review-bulk" role="group" aria-labelledby="review-bulk-title">
            <p class="review-bulk-title" id="review-bulk-title">{ tr(lang, "一次采纳多项", "Accept several at once") }</p>
            <div class="review-bulk-row">
                <label class="field-label" for="review-bulk-level">{ tr(lang, "把握不低于", "Confidence at least") }</label>
                <select id="review-bulk-level" onchange={choose}>{ for options }</select>
                <button type="button" class="button" id="review-bulk-accept" onclick={accept}>
                    { tr(lang, "全部采纳", "Accept them all") }
                </button>
                // Always there and focusable (aria-disabled, not disabled): pressing it does not
                // drop the keyboard focus when it has nothing more to undo.
                <button type="button" class="button" id="review-bulk-undo" onclick={undo}
                    aria-disabled={props.page.bulk.is_none().to_string()}>
                    { tr(lang, "撤销", "Undo") }
                </button>
            </div>
            <p class="review-bulk-status" id="review-bulk-status" role="status" aria-live="polite">{ lang_parts(lang, &status) }</p>
        </div>
    }
}
