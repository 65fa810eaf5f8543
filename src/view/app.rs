//! The app shell: holds the session's data (bundled plus opened dataset files), provides the
//! [`AppContext`] (catalogue, state, dispatcher) to every view, and lays out the header, the
//! current view, the dataset-file panel and the footer. The state and its URL are owned by
//! `hooks::use_url_state`, the texts by `hooks::use_texts`, the targets (when the app started from
//! home's index) by `hooks::use_targets`.

use yew::prelude::*;

use policy_analysis::library::{Library, SavedFile};
use policy_analysis::url_state::{Lang, UrlState, View};
use policy_data::published::PublishedData;

use super::context::AppContext;
use super::dataset_open::{DatasetOpen, DatasetsAction, DatasetsState, DroppedNotice, Outcome};
use super::home::Home;
use super::hooks::{use_after_paint, use_document_list, use_targets, use_texts, use_url_state, SessionChange};
use super::on_demand::Deferred;
use super::parts;
use super::text::{lang_parts, tr};
use super::texts_status::{TargetsNotice, TargetsState, TextsState};

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
    /// copy). Without texts, the app fetches them when a view first needs them; with only the
    /// index (the first view was home), the targets too.
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

#[component]
pub fn App(props: &AppProps) -> Html {
    let datasets = use_reducer(|| {
        let data = &props.data;
        let texts = data.texts.as_deref().cloned().unwrap_or_default();
        let base = match (&data.index, &data.by_document) {
            (Some(index), Some(few)) => {
                Library::from_index(index).with_document_targets(Some(few.0.clone()), few.1.clone())
            }
            (Some(index), None) => Library::from_index(index),
            _ => Library::new((*data.dataset).clone(), texts),
        };
        DatasetsState::restore(base, parts::DATASET_CHECK.ready(), &props.saved_datasets)
    });
    let catalog = datasets.library.catalog();
    let url = use_url_state(catalog.clone(), || {
        UrlState::open(&props.query, props.saved_lang, &catalog)
    });
    let state = url.session.state.clone();
    let notices = url.session.notices.clone();
    let texts = use_texts(
        props.data.texts.is_some(),
        state.texts_shown(&catalog),
        datasets.clone(),
    );
    // Which published targets the view shows: none, a few documents', or all.
    let shown = state.targets_shown(&catalog);
    // Where the view offers every document and home's index lists only the first, their list is
    // fetched now, alongside the view's targets and code (`ListGate` waits for it).
    let list = use_document_list(state.waits_for_document_list(&catalog), datasets.dispatcher());
    let targets = use_targets(shown.clone(), datasets.waiting.is_some(), datasets.clone())
        .retrying_texts(&texts)
        .with_list(list);
    // A view that shows targets waits for them (a loading line, or a retry) when the app started
    // from home's index.
    let waiting_for_targets = !datasets.library.shows(&shown);
    {
        // The view's own code loads alongside the targets, not after them.
        let state = state.clone();
        use_effect_with(
            (state.view, state.embed, waiting_for_targets),
            move |(_, _, waiting)| {
                if *waiting {
                    parts::prefetch_for(&state);
                }
                || ()
            },
        );
    }
    // The compare page's print-only cited table follows the state once the next frame has been
    // painted, so ticking a locality is not held up by a table that is only printed. Other views
    // have no print table, so they schedule nothing (and cause no second render).
    let print_state = use_after_paint(state.clone(), state.view == View::Compare);
    let display = use_state(|| props.display);
    {
        // Only what the page's language, title and classes depend on: an interaction that changes
        // neither writes no preference.
        use_effect_with((state.lang, state.embed, *display), move |(lang, embed, display)| {
            sync_page(*lang, *embed, *display);
            || ()
        });
    }

    let app = AppContext::new(
        catalog.clone(),
        state.clone(),
        url.dispatch.clone(),
        datasets.dispatcher(),
    );
    let lang = state.lang;
    let body = match state.view {
        _ if waiting_for_targets => html! { <TargetsNotice {lang} targets={targets.clone()} /> },
        View::Home => html! { <Home /> },
        View::Targets => html! { <Deferred<()> chunk={&parts::TARGETS} props={()} /> },
        View::Document => html! { <Deferred<()> chunk={&parts::DOCUMENT} props={()} /> },
        View::Compare => html! { <Deferred<()> chunk={&parts::COMPARE} props={()} /> },
        View::Evaluate => html! { <Deferred<String> chunk={&parts::EVALUATE} props={props.today.clone()} /> },
        View::Analyse => html! { <Deferred<()> chunk={&parts::ANALYSE} props={()} /> },
    };
    let dismiss = {
        let session = url.session.clone();
        Callback::from(move |_| session.dispatch(SessionChange::DismissNotices))
    };
    // Removing a file may take ids the state points at: drop them in the same update.
    let on_remove = {
        let datasets = datasets.clone();
        let session = url.session.clone();
        Callback::from(move |name: String| {
            // Files are open, so their checker has been loaded.
            let Some(check) = parts::DATASET_CHECK.ready() else {
                return;
            };
            let (library, dropped) = datasets.library.remove(check, &name);
            session.dispatch(SessionChange::Resolve(library.catalog()));
            datasets.dispatch(DatasetsAction::Replace(library, dropped, Outcome::Removed(name)));
        })
    };
    let set_display = {
        let display = display.clone();
        Callback::from(move |next: Display| display.set(next))
    };

    if state.embed {
        return html! {
            <ContextProvider<AppContext> context={app}>
            <ContextProvider<Display> context={*display}>
            <ContextProvider<TextsState> context={texts}>
                if waiting_for_targets {
                    <TargetsNotice {lang} {targets} />
                } else {
                    <Deferred<()> chunk={&parts::EMBED} props={()} />
                }
            </ContextProvider<TextsState>>
            </ContextProvider<Display>>
            </ContextProvider<AppContext>>
        };
    }
    let print_app = app.with_state(print_state);
    html! {
        <ContextProvider<AppContext> context={app}>
        <div class="app">
            <a class="skip-link" href="#main">{ tr(lang, "跳到正文", "Skip to content") }</a>
            <super::header::Header display={*display} on_display={set_display} />
            <main id="main" tabindex="-1">
            if !notices.is_empty() {
                <div class="notice" role="status">
                    <p>
                        { tr(lang, "链接中有无法识别的部分,已忽略:", "Parts of the link were not understood and were ignored: ") }
                        { lang_parts(lang, &notices.iter().map(|n| format!("{}={}", n.key, n.value)).collect::<Vec<_>>().join(", ")) }
                    </p>
                    <button type="button" class="button" onclick={dismiss}>{ tr(lang, "知道了", "Dismiss") }</button>
                </div>
            }
            <DroppedNotice {lang} datasets={datasets.clone()} />
            <ContextProvider<Display> context={*display}>
            <ContextProvider<TextsState> context={texts}>
            <ContextProvider<TargetsState> context={targets}>
                { body }
                <DatasetOpen {lang} {datasets} {on_remove} />
            </ContextProvider<TargetsState>>
            </ContextProvider<TextsState>>
            </ContextProvider<Display>>
            if state.view == View::Compare && !waiting_for_targets {
                <div class="print-only">
                    <ContextProvider<AppContext> context={print_app}>
                        <Deferred<()> chunk={&parts::PRINT_MATRIX} props={()} />
                    </ContextProvider<AppContext>>
                </div>
            }
            </main>
            <super::footer::Footer />
        </div>
        </ContextProvider<AppContext>>
    }
}

/// Puts the page's language, title and display classes in the document, and remembers the
/// preferences. (The URL is written by `use_url_state`.)
fn sync_page(lang: Lang, embed: bool, display: Display) {
    crate::browser::save_preference("lang", lang.code());
    crate::browser::save_preference("large-text", if display.large_text { "1" } else { "0" });
    crate::browser::save_preference("high-contrast", if display.high_contrast { "1" } else { "0" });
    let (lang, title) = match lang {
        Lang::Zh => ("zh-Hans", "教育政策目标查询"),
        Lang::En => ("en", "Education Policy Target Explorer"),
    };
    let classes = if embed { "embed".to_string() } else { display.classes() };
    crate::browser::set_page(lang, title, &classes);
}
