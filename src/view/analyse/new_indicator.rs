//! The new indicator of an accepted item whose indicator the extractor read as one the catalogue
//! does not have (a qualifier apart): its Chinese name (from the sentence, editable) and its
//! English name, which the visitor writes, since the site cannot invent it (or another item of the
//! same name gives, `Review::english_from`). The rules (one
//! indicator per name, the English name required) are `policy_review`'s; this only shows the fields
//! and dispatches the edits.

use yew::prelude::*;

use crate::browser::events::value_of;
use policy_data::lang::Lang;
use policy_review::{Decision, Edit, Review};

use super::super::text::tr;
use super::state::{Page, PageAction};

/// The two names' fields of item `index` of `review`, or nothing when it is not accepted with a new indicator.
pub fn new_indicator_fields(lang: Lang, page: &UseReducerHandle<Page>, review: &Review, index: usize) -> Html {
    let Some(item) = review.items.get(index) else {
        return Html::default();
    };
    if item.decision != Decision::Accepted || !item.proposes_new() {
        return Html::default();
    }
    let shared = review.english_from(index);
    let n = index + 1;
    let edit = |make: fn(String) -> Edit| {
        let page = page.dispatcher();
        Callback::from(move |e: Event| page.dispatch(PageAction::Edit(index, make(value_of(&e)))))
    };
    let (zh_id, en_id) = (format!("item-{n}-new-zh"), format!("item-{n}-new-en"));
    let hint_id = format!("item-{n}-new-hint");
    html! {
        <div class="review-new-indicator" role="group" aria-labelledby={hint_id.clone()}>
            <p class="muted small" id={hint_id}>
                { tr(lang,
                    "这一项的指标不在本站目录中,将作为本文件自己的新指标。请核对中文名,并填写英文名。",
                    "This item's indicator is not in the site's catalogue: the file will declare it as a new indicator. Check its Chinese name and write its English name.") }
            </p>
            <div class="review-fields">
                <div class="field">
                    <label class="field-label" for={zh_id.clone()}>{ tr(lang, "新指标中文名", "New indicator's Chinese name") }</label>
                    <input type="text" id={zh_id} lang="zh" value={item.fields.new_zh.clone()} onchange={edit(Edit::NewZh)} />
                </div>
                <div class="field">
                    <label class="field-label" for={en_id.clone()}>{ tr(lang, "新指标英文名", "New indicator's English name") }</label>
                    <input type="text" id={en_id} lang="en" value={item.fields.new_en.clone()} onchange={edit(Edit::NewEn)}
                        placeholder={shared.map(|(_, en)| en.to_string())} />
                </div>
            </div>
            if let Some((other, en)) = shared {
                <p class="muted small review-new-shared">
                    { match lang {
                        Lang::Zh => format!("与第 {} 项是同一个新指标,沿用其英文名:", other + 1),
                        Lang::En => format!("The same new indicator as item {}, whose English name it takes: ", other + 1),
                    } }
                    <span lang="en">{ en.to_string() }</span>
                </p>
            }
        </div>
    }
}
