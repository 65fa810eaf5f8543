//! The linkable state's owner: reads the URL once at start, applies the views' actions through the
//! core's one transition (`UrlState::apply`), writes the URL after each change (a new history entry
//! for a navigation, a replaced one for typing and filters), and follows Back and Forward.

use std::rc::Rc;

use yew::prelude::*;

use policy_analysis::catalog::Catalog;
use policy_analysis::url_state::{Action, Notice, UrlState};

/// How the URL records a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum History {
    /// The URL already shows the state (start, Back, Forward).
    Current,
    Replace,
    Push,
}

/// The state, the notices about what its link held that was not understood, and how the last
/// change is to be recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub state: Rc<UrlState>,
    pub notices: Rc<Vec<Notice>>,
    history: History,
}

/// What changes a [`Session`].
pub enum SessionChange {
    /// A visitor's action, applied against the catalogue it was taken in.
    Apply(Action, Rc<Catalog>),
    /// Back or Forward: the state of the URL now shown.
    Restore(String, Rc<Catalog>),
    /// The catalogue changed (a dataset file was removed): drop ids it no longer has.
    Resolve(Rc<Catalog>),
    DismissNotices,
}

impl Reducible for Session {
    type Action = SessionChange;

    fn reduce(self: Rc<Self>, change: SessionChange) -> Rc<Self> {
        let next = match change {
            SessionChange::Apply(action, catalog) => {
                let state = self.state.apply(action, &catalog);
                if state == *self.state {
                    return self;
                }
                let history = match self.state.is_navigation_to(&state) {
                    true => History::Push,
                    false => History::Replace,
                };
                Session {
                    state: Rc::new(state),
                    notices: self.notices.clone(),
                    history,
                }
            }
            SessionChange::Restore(query, catalog) => {
                let (state, notices) = UrlState::read(&query, &catalog);
                Session {
                    state: Rc::new(state),
                    notices: Rc::new(notices),
                    history: History::Current,
                }
            }
            SessionChange::Resolve(catalog) => {
                let (state, _) = (*self.state).clone().resolve(&catalog);
                if state == *self.state {
                    return self;
                }
                Session {
                    state: Rc::new(state),
                    notices: self.notices.clone(),
                    history: History::Replace,
                }
            }
            SessionChange::DismissNotices => Session {
                notices: Rc::new(Vec::new()),
                ..(*self).clone()
            },
        };
        Rc::new(next)
    }
}

/// The session and the ways to change it.
#[derive(Clone, PartialEq)]
pub struct UrlStateHandle {
    pub session: UseReducerHandle<Session>,
    /// Applies a view's action (against the current catalogue).
    pub dispatch: Callback<Action>,
}

/// Owns the linkable state. `initial` is the state the page opened with (and its notices).
#[hook]
pub fn use_url_state(catalog: Rc<Catalog>, initial: impl FnOnce() -> (UrlState, Vec<Notice>)) -> UrlStateHandle {
    let session = use_reducer(move || {
        let (state, notices) = initial();
        Session {
            state: Rc::new(state),
            notices: Rc::new(notices),
            history: History::Current,
        }
    });
    // The URL follows the state: the only place it is written.
    use_effect_with(session.state.clone(), {
        let history = session.history;
        move |state| {
            match history {
                History::Current => {}
                History::Replace => crate::browser::set_query(&state.to_query(), false),
                History::Push => crate::browser::set_query(&state.to_query(), true),
            }
            || ()
        }
    });
    // Back and forward restore the state from the URL.
    {
        let session = session.clone();
        let catalog = catalog.clone();
        use_effect_with(Rc::as_ptr(&catalog) as usize, move |_| {
            let listener = crate::browser::on_history_change(move |query| {
                session.dispatch(SessionChange::Restore(query, catalog.clone()))
            });
            move || drop(listener)
        });
    }
    let dispatch = {
        let session = session.dispatcher();
        use_callback(Rc::as_ptr(&catalog) as usize, {
            let catalog = catalog.clone();
            move |action: Action, _| session.dispatch(SessionChange::Apply(action, catalog.clone()))
        })
    };
    UrlStateHandle { session, dispatch }
}
