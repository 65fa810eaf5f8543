//! The app shell: owns the linkable state, keeps it in sync with the URL, and lays out the header,
//! the current view and the footer.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::catalog::Catalog;
use crate::analysis::url_state::{Lang, Notice, UrlState, View};
use crate::data::bundled;

use super::document_view::DocumentView;
use super::home::Home;
use super::targets::TargetsView;
use super::text::tr;

/// What the page needs from its host to start: the URL's query string and saved preferences.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The query string the page was opened with.
    #[prop_or_default]
    pub query: String,
    /// Language saved from an earlier visit, used when the link names none.
    #[prop_or_default]
    pub saved_lang: Option<Lang>,
}

/// Shared with every view: the prepared dataset, the state and the way to change it.
#[derive(Clone)]
pub struct Context {
    pub catalog: Rc<Catalog>,
    pub state: UrlState,
    pub navigate: Callback<UrlState>,
}

impl PartialEq for Context {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog) && self.state == other.state
    }
}

/// Parses `query` and drops ids the dataset does not know, reporting each.
pub fn read_state(query: &str, catalog: &Catalog) -> (UrlState, Vec<Notice>) {
    let (mut state, mut notices) = UrlState::parse(query);
    let known_doc = |id: &String| catalog.document_by_id(id).is_some();
    let mut drop = |key: &str, value: &str| {
        notices.push(Notice {
            key: key.into(),
            value: value.into(),
        })
    };
    for id in state.filter.localities.clone() {
        if !known_doc(&id) {
            state.filter.localities.remove(&id);
            drop("loc", &id);
        }
    }
    for id in state.filter.themes.clone() {
        if catalog.theme(&id).is_none() {
            state.filter.themes.remove(&id);
            drop("theme", &id);
        }
    }
    if let Some(id) = state.target.clone() {
        if catalog.row_of(&id).is_none() {
            state.target = None;
            drop("t", &id);
        }
    }
    if let Some(id) = state.document.clone() {
        if !known_doc(&id) {
            state.document = None;
            drop("doc", &id);
        }
    }
    if let Some(id) = state.indicator.clone() {
        if catalog.indicator(&id).is_none() {
            state.indicator = None;
            drop("ind", &id);
        }
    }
    let compare: Vec<String> = state
        .compare
        .iter()
        .filter(|id| known_doc(id))
        .cloned()
        .collect();
    for id in state.compare.iter().filter(|id| !known_doc(id)) {
        drop("cmp", id);
    }
    state.compare = compare;
    (state, notices)
}

/// True when moving from `old` to `new` deserves its own history entry (Back returns to `old`).
fn is_navigation(old: &UrlState, new: &UrlState) -> bool {
    old.view != new.view
        || old.target != new.target
        || old.document != new.document
        || old.compare != new.compare
        || old.indicator != new.indicator
        || old.lang != new.lang
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let catalog = use_memo((), |_| {
        Catalog::new(bundled::dataset().clone(), bundled::texts().clone())
    });
    let initial = {
        let catalog = catalog.clone();
        let props = props.clone();
        use_memo((), move |_| {
            let (mut state, notices) = read_state(&props.query, &catalog);
            if !props.query.contains("lang=") {
                state.lang = props.saved_lang.unwrap_or_default();
            }
            (state, notices)
        })
    };
    let state = use_state(|| initial.0.clone());
    let notices = use_state(|| initial.1.clone());
    let large_text = use_state(|| false);

    // The URL follows the state.
    {
        let state = state.clone();
        use_effect_with((*state).clone(), move |current| {
            sync_page(current);
            || ()
        });
    }
    // Back and forward restore the state from the URL.
    {
        let state = state.clone();
        let notices = notices.clone();
        let catalog = catalog.clone();
        use_effect_with((), move |_| {
            let listener = crate::browser::on_history_change(move |query| {
                let (new_state, new_notices) = read_state(&query, &catalog);
                notices.set(new_notices);
                state.set(new_state);
            });
            move || drop(listener)
        });
    }

    let navigate = {
        let state = state.clone();
        Callback::from(move |new: UrlState| {
            let push = is_navigation(&state, &new);
            push_history(&new, push);
            state.set(new);
        })
    };
    let context = Context {
        catalog: catalog.clone(),
        state: (*state).clone(),
        navigate: navigate.clone(),
    };
    let lang = state.lang;
    let body = match state.view {
        View::Home => html! { <Home context={context.clone()} /> },
        View::Targets => html! { <TargetsView context={context.clone()} /> },
        View::Document => html! { <DocumentView context={context.clone()} /> },
        View::Compare | View::Evaluate => html! { <Home context={context.clone()} /> },
    };
    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |_| notices.set(Vec::new()))
    };
    let toggle_large = {
        let large_text = large_text.clone();
        Callback::from(move |_| large_text.set(!*large_text))
    };

    html! {
        <div class={classes!("app", large_text.then_some("large-text"))}>
            <a class="skip-link" href="#main">{ tr(lang, "跳到正文", "Skip to content") }</a>
            <super::header::Header context={context.clone()} large_text={*large_text} on_toggle_large={toggle_large} />
            if !notices.is_empty() {
                <div class="notice" role="status">
                    <p>
                        { tr(lang, "链接中有无法识别的部分,已忽略:", "Parts of the link were not understood and were ignored: ") }
                        { notices.iter().map(|n| format!("{}={}", n.key, n.value)).collect::<Vec<_>>().join(", ") }
                    </p>
                    <button type="button" class="button" onclick={dismiss}>{ tr(lang, "知道了", "Dismiss") }</button>
                </div>
            }
            <main id="main" tabindex="-1">{ body }</main>
            <super::footer::Footer context={context} />
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn push_history(state: &UrlState, push: bool) {
    crate::browser::set_query(&state.to_query(), push);
}

#[cfg(not(target_arch = "wasm32"))]
fn push_history(_state: &UrlState, _push: bool) {}

#[cfg(target_arch = "wasm32")]
fn sync_page(state: &UrlState) {
    crate::browser::set_query(&state.to_query(), false);
    crate::browser::save_preference("lang", state.lang.code());
    let title = match state.lang {
        Lang::Zh => "教育政策目标查询",
        Lang::En => "Education Policy Target Explorer",
    };
    crate::browser::set_page(
        if state.lang == Lang::Zh {
            "zh-Hans"
        } else {
            "en"
        },
        title,
        "",
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn sync_page(_state: &UrlState) {}
