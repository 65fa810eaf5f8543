//! The app shell: owns the linkable state and the session's data (bundled plus opened dataset
//! files), keeps the state in sync with the URL, and lays out the header, the current view, the
//! dataset-file panel and the footer.

use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::analysis::catalog::Catalog;
use crate::analysis::library::{Library, SavedFile};
use crate::analysis::url_state::{Lang, Notice, UrlState, View};
use crate::data::published::{self, PublishedData};

use super::dataset_open::{DatasetOpen, DatasetsAction, DatasetsState, DroppedNotice, Outcome};
use super::document_view::DocumentView;
use super::home::Home;
use super::targets::TargetsView;
use super::text::tr;
use super::texts_status::{TextsState, TextsStatus};

/// What the page needs from its host to start: the URL's query string and saved preferences.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The query string the page was opened with.
    #[prop_or_default]
    pub query: String,
    /// Language saved from an earlier visit, used when the link names none.
    #[prop_or_default]
    pub saved_lang: Option<Lang>,
    /// Today's date (`YYYY-MM-DD`), the progress calculator's default evaluation date.
    #[prop_or_default]
    pub today: String,
    /// Display preferences saved from an earlier visit.
    #[prop_or_default]
    pub display: Display,
    /// Dataset files opened in an earlier visit, re-checked at start.
    #[prop_or_default]
    pub saved_datasets: Vec<SavedFile>,
    /// The published data (the browser fetches it before mounting the app; natively the bundled
    /// copy). Without texts, the app fetches them when a view first needs them.
    #[prop_or_default]
    pub data: PublishedData,
}

/// Reading aids a visitor can switch on; they persist in local storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Display {
    /// Base text 1.25× larger or more.
    pub large_text: bool,
    pub high_contrast: bool,
}

impl Display {
    /// Classes for the root element.
    pub fn classes(self) -> String {
        [(self.large_text, "large-text"), (self.high_contrast, "high-contrast")]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, class)| *class)
            .collect::<Vec<_>>()
            .join(" ")
    }
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

/// True when the view shows the documents' texts: the reader, and searches (matching passages).
fn needs_texts(state: &UrlState) -> bool {
    match state.view {
        View::Document => true,
        View::Targets => !state.query.trim().is_empty(),
        _ => false,
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
    let compare: Vec<String> = state.compare.iter().filter(|id| known_doc(id)).cloned().collect();
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
    let datasets = use_reducer(|| {
        let data = &props.data;
        let texts = data.texts.as_deref().cloned().unwrap_or_default();
        let base = Library::new((*data.dataset).clone(), texts);
        DatasetsState::restore(base, &props.saved_datasets)
    });
    let texts_status = use_state(|| match props.data.texts {
        Some(_) => TextsStatus::Ready,
        None => TextsStatus::Waiting,
    });
    let texts_attempt = use_state(|| 0u32);
    let catalog = datasets.library.catalog();
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
    // The compare page's print-only cited table follows the state once the next frame has been
    // painted (an animation frame, then a zero timeout), so ticking a locality is not held up by
    // a table that is only printed. A newer state cancels whatever of this is still pending. Other
    // views have no print table, so they schedule nothing (and cause no second render).
    let print_state = use_state_eq(|| initial.0.clone());
    let print_pending = use_mut_ref(|| (None::<AnimationFrame>, None::<Timeout>));
    {
        let print_state = print_state.setter();
        let print_pending = print_pending.clone();
        use_effect_with((*state).clone(), move |current| {
            // Dropping the older frame or timeout cancels it if it has not run yet.
            *print_pending.borrow_mut() = (None, None);
            if current.view == View::Compare {
                let current = current.clone();
                let slot = print_pending.clone();
                let frame = request_animation_frame(move |_| {
                    let timeout = Timeout::new(0, move || print_state.set(current));
                    slot.borrow_mut().1 = Some(timeout);
                });
                print_pending.borrow_mut().0 = Some(frame);
            }
            || ()
        });
    }
    let display = use_state(|| props.display);

    // The URL follows the state.
    {
        let state = state.clone();
        use_effect_with(((*state).clone(), *display), move |(current, display)| {
            sync_page(current, *display);
            || ()
        });
    }
    // Back and forward restore the state from the URL.
    {
        let state = state.clone();
        let notices = notices.clone();
        let catalog = catalog.clone();
        use_effect_with(Rc::as_ptr(&catalog) as usize, move |_| {
            let listener = crate::browser::on_history_change(move |query| {
                let (new_state, new_notices) = read_state(&query, &catalog);
                notices.set(new_notices);
                state.set(new_state);
            });
            move || drop(listener)
        });
    }

    // The documents' texts are fetched once a view needs them.
    {
        let status = texts_status.clone();
        let datasets = datasets.clone();
        use_effect_with((needs_texts(&state), *texts_attempt), move |(needed, attempt)| {
            if *needed && *status == TextsStatus::Waiting {
                status.set(TextsStatus::Loading);
                let reload = *attempt > 0;
                yew::platform::spawn_local(async move {
                    let fetched = crate::browser::fetch::fetch_bytes(published::TEXTS_URL, reload).await;
                    let parsed = fetched.map_err(|reason| (reason, false)).and_then(|bytes| {
                        published::parse_texts(&bytes).map_err(|problem| match problem {
                            published::Problem::OtherVersion => (String::new(), true),
                            published::Problem::Unreadable(reason) => (reason, false),
                        })
                    });
                    match parsed {
                        Ok(texts) => {
                            datasets.dispatch(DatasetsAction::Texts(texts));
                            status.set(TextsStatus::Ready);
                        }
                        Err((reason, other_version)) => status.set(TextsStatus::Failed { reason, other_version }),
                    }
                });
            }
            || ()
        });
    }
    let retry_texts = {
        let status = texts_status.clone();
        let attempt = texts_attempt.clone();
        use_callback(*texts_attempt, move |(), current| {
            status.set(TextsStatus::Waiting);
            attempt.set(*current + 1);
        })
    };

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
    // Whether the documents' texts have arrived, for the views that show them.
    let texts = TextsState {
        status: (*texts_status).clone(),
        retry: retry_texts,
    };
    let lang = state.lang;
    let body = match state.view {
        View::Home => html! { <Home context={context.clone()} /> },
        View::Targets => html! { <TargetsView context={context.clone()} /> },
        View::Document => html! { <DocumentView context={context.clone()} /> },
        View::Compare => html! { <super::compare_view::CompareView context={context.clone()} /> },
        View::Evaluate => {
            html! { <super::evaluate_view::EvaluateView context={context.clone()} today={props.today.clone()} /> }
        }
    };
    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |_| notices.set(Vec::new()))
    };
    // Removing a file may take ids the state points at: drop them in the same update.
    let on_remove = {
        let datasets = datasets.clone();
        let state = state.clone();
        Callback::from(move |name: String| {
            let (library, dropped) = datasets.library.remove(&name);
            let (checked, _) = read_state(&state.to_query(), &library.catalog());
            datasets.dispatch(DatasetsAction::Replace(library, dropped, Outcome::Removed(name)));
            if checked != *state {
                state.set(checked);
            }
        })
    };
    let set_display = {
        let display = display.clone();
        Callback::from(move |next: Display| display.set(next))
    };

    if state.embed {
        return html! {
            <ContextProvider<Display> context={*display}>
            <ContextProvider<TextsState> context={texts}>
                <super::embed_view::EmbedView {context} />
            </ContextProvider<TextsState>>
            </ContextProvider<Display>>
        };
    }
    html! {
        <div class="app">
            <a class="skip-link" href="#main">{ tr(lang, "跳到正文", "Skip to content") }</a>
            <super::header::Header context={context.clone()} display={*display} on_display={set_display} />
            <main id="main" tabindex="-1">
            if !notices.is_empty() {
                <div class="notice" role="status">
                    <p>
                        { tr(lang, "链接中有无法识别的部分,已忽略:", "Parts of the link were not understood and were ignored: ") }
                        { notices.iter().map(|n| format!("{}={}", n.key, n.value)).collect::<Vec<_>>().join(", ") }
                    </p>
                    <button type="button" class="button" onclick={dismiss}>{ tr(lang, "知道了", "Dismiss") }</button>
                </div>
            }
            <DroppedNotice {lang} datasets={datasets.clone()} />
            <ContextProvider<Display> context={*display}>
            <ContextProvider<TextsState> context={texts}>
                { body }
                <DatasetOpen {lang} {datasets} {on_remove} />
            </ContextProvider<TextsState>>
            </ContextProvider<Display>>
            if state.view == View::Compare {
                <div class="print-only">
                    <super::cited_matrix::CitedMatrix context={Context { state: (*print_state).clone(), ..context.clone() }} id="print-matrix" />
                </div>
            }
            </main>
            <super::footer::Footer context={context} />
        </div>
    }
}

fn push_history(state: &UrlState, push: bool) {
    crate::browser::set_query(&state.to_query(), push);
}

/// Puts the state in the URL and the page's language, title and display classes in the document.
fn sync_page(state: &UrlState, display: Display) {
    crate::browser::set_query(&state.to_query(), false);
    crate::browser::save_preference("lang", state.lang.code());
    crate::browser::save_preference("large-text", if display.large_text { "1" } else { "0" });
    crate::browser::save_preference("high-contrast", if display.high_contrast { "1" } else { "0" });
    let (lang, title) = match state.lang {
        Lang::Zh => ("zh-Hans", "教育政策目标查询"),
        Lang::En => ("en", "Education Policy Target Explorer"),
    };
    let classes = if state.embed {
        "embed".to_string()
    } else {
        display.classes()
    };
    crate::browser::set_page(lang, title, &classes);
}
