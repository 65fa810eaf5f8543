//! Home's ways to the documents that are not cards, shown with more documents than cards: the
//! locality finder's field and the button that lists the rest by province. Only these controls are
//! in the main module, drawn by plain functions over home's own hooks (a component of their own
//! would add its share of Yew's per-component code to every first visit); what they show
//! (`home_find`, `home_rest`: the chunk `parts::HOME_FIND`/`HOME_REST`, with the folding, matching
//! and grouping code) loads when the field is first focused or typed in, or the button first
//! pressed. A first visit at any scale loads none of it.

use yew::prelude::*;

use policy_analysis::url_state::Lang;

use super::on_demand::Deferred;
use super::parts;
use super::text::tr;
use crate::browser::events::value_at;

/// The finder's field and what it finds. `used` counts the field's focus and input events (0: not
/// used yet); the field is not bound to a value, its text is read from `field` when drawn. The
/// results, and the empty polite status they are announced in, arrive with their chunk, fetched
/// on the first focus so that they are usually here by the first letter.
pub fn find_field(lang: Lang, field: &NodeRef, used: &UseStateHandle<u32>) -> Html {
    let touched = {
        let used = used.clone();
        move || used.set(*used + 1)
    };
    let onfocus = {
        let touched = touched.clone();
        Callback::from(move |_: FocusEvent| touched())
    };
    let oninput = Callback::from(move |_: InputEvent| touched());
    html! {
        <section class="home-find" aria-label={tr(lang, "查找地方", "Find a place")}>
            <label class="field" for="home-find">
                <span>{ tr(lang, "找到您所在的地方(城市、区县或省的名称,中文或拼音)", "Find your place (city, county or province; Chinese or pinyin)") }</span>
                <input id="home-find" type="search" autocomplete="off" ref={field.clone()} {onfocus} {oninput} />
            </label>
            if **used > 0 {
                <Deferred<String> chunk={&parts::HOME_FIND} props={value_at(field)} />
            }
        </section>
    }
}

/// The button that lists the `others` documents that are not cards, by province, and the list
/// once asked for (`shown` odd: shown).
pub fn rest_button(lang: Lang, others: usize, shown: &UseStateHandle<u32>) -> Html {
    let open = **shown % 2 == 1;
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + 1))
    };
    html! {
        <section class="doc-index" aria-label={tr(lang, "其余文件", "More documents")}>
            <button type="button" class="button" id="show-all-documents" aria-expanded={open.to_string()}
                aria-controls="doc-index-list" {onclick}>{ match (lang, open) {
                (Lang::Zh, false) => format!("显示其余 {others} 份文件"),
                (Lang::En, false) => format!("Show the other {others} documents"),
                (Lang::Zh, true) => "收起".to_string(),
                (Lang::En, true) => "Hide them".to_string(),
            } }</button>
            <div id="doc-index-list">
                if open {
                    <Deferred<()> chunk={&parts::HOME_REST} props={()} />
                }
            </div>
        </section>
    }
}
