//! What every view reads from the app: the prepared dataset, the linkable state, the way to
//! change it, and the way to add a dataset file to the session's data (the page "Analyse a
//! document" opens its result like an opened file). Provided once by the app as a Yew context (`use_app`), so views take no prop for it
//! and the app does not depend on its views' props.
//!
//! Views never build a state: they dispatch an [`Action`], or render a link ([`action_link`](super::link::action_link))
//! whose address is the state the action leads to.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::events::value_of;
use policy_analysis::catalog::Catalog;
use policy_analysis::url_state::{Action, Lang, UrlState};

use super::dataset_open::DatasetsState;

/// The app as views see it.
#[derive(Clone)]
pub struct AppContext {
    pub catalog: Rc<Catalog>,
    pub state: Rc<UrlState>,
    dispatch: Callback<Action>,
    /// Changes the session's data (bundled plus opened files).
    pub datasets: UseReducerDispatcher<DatasetsState>,
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && self.state == other.state
            && self.dispatch == other.dispatch
            && self.datasets == other.datasets
    }
}

impl AppContext {
    pub fn new(
        catalog: Rc<Catalog>,
        state: Rc<UrlState>,
        dispatch: Callback<Action>,
        datasets: UseReducerDispatcher<DatasetsState>,
    ) -> Self {
        AppContext {
            catalog,
            state,
            dispatch,
            datasets,
        }
    }

    /// The same app showing another state (the print copy follows the state one frame late).
    pub fn with_state(&self, state: Rc<UrlState>) -> Self {
        AppContext { state, ..self.clone() }
    }

    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// Changes the state.
    pub fn dispatch(&self, action: Action) {
        self.dispatch.emit(action);
    }

    /// A callback that dispatches the action `make` builds from its event (for events that carry
    /// a value of their own, such as a ticked option).
    pub fn on<E: 'static>(&self, make: impl Fn(E) -> Action + 'static) -> Callback<E> {
        self.dispatch.reform(make)
    }

    /// A callback that dispatches `action` whatever the event (a click, a ticked box). One copy
    /// of the code per event type, not per call site.
    pub fn on_event<E: 'static>(&self, action: Action) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_: E| dispatch.emit(action.clone()))
    }

    /// A callback that dispatches the action `make` builds from the value of the control the event
    /// came from (an input, a select).
    pub fn on_value<E: AsRef<Event> + 'static>(&self, make: impl Fn(String) -> Action + 'static) -> Callback<E> {
        self.value_callback(Rc::new(make))
    }

    fn value_callback<E: AsRef<Event> + 'static>(&self, make: Rc<dyn Fn(String) -> Action>) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |event: E| dispatch.emit(make(value_of(event.as_ref()))))
    }

    /// The address (`?query`) of the state `action` leads to.
    pub fn href(&self, action: Action) -> String {
        format!("?{}", self.state.query_after(action, &self.catalog))
    }
}

/// The app context. Every view is rendered inside the app's provider.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("views are rendered inside the app's context provider")
}
