//! Code loaded when a visitor first needs it. A [`Chunk`] is a value (a function) that lives in a
//! separately fetched part of the WebAssembly module: with the `split` feature (the site's build)
//! its code is cut out of the main module after linking (`wasm-split-cli`, see ARCHITECTURE.md)
//! and fetched, integrity-checked, on the first [`Chunk::load`]; without it (tests, server-side
//! rendering) it is there at once. [`Deferred`] renders a view from a chunk: a loading line until
//! the chunk has arrived, then the view; if the chunk cannot be fetched, a message and a retry.
//! The state is in the URL, so nothing the visitor chose is lost meanwhile.
//!
//! The chunks themselves are declared in `super::parts`.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use yew::prelude::*;

use super::context::use_app;
use super::text::tr;

/// A view drawn from its props; the form every on-demand view takes.
pub type Render<P> = fn(&P) -> Html;

/// The chunk could not be fetched or started (details are in the browser console).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadFailed;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// How a chunk's value is fetched: an async split point (see `super::parts`).
pub type Loader<T> = fn() -> Pin<Box<dyn Future<Output = Result<T, LoadFailed>>>>;

/// A value whose code is loaded on demand.
pub struct Chunk<T: Copy + 'static> {
    load: Loader<T>,
    ready: std::sync::OnceLock<T>,
}

impl<T: Copy + 'static> Chunk<T> {
    /// A chunk fetched by `load`, the async wrapper of a split point.
    pub const fn new(load: Loader<T>) -> Self {
        Chunk {
            load,
            ready: std::sync::OnceLock::new(),
        }
    }

    /// The value, if its code is already here.
    pub fn ready(&self) -> Option<T> {
        if cfg!(feature = "split") {
            self.ready.get().copied()
        } else {
            // Without splitting, the split point's future is ready at its first poll.
            Some(
                *self
                    .ready
                    .get_or_init(|| poll_once(&mut (self.load)()).expect("an unsplit chunk is loaded at once")),
            )
        }
    }

    /// Fetches the chunk (once; a failed fetch is tried again on the next call).
    pub async fn load(&self) -> Result<T, LoadFailed> {
        if let Some(value) = self.ready() {
            return Ok(value);
        }
        let value = (self.load)().await?;
        Ok(*self.ready.get_or_init(|| value))
    }
}

impl<T: Copy + 'static> PartialEq for &'static Chunk<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(*self, *other)
    }
}

/// Polls a future once with a waker that does nothing: the value of a future that is already ready.
fn poll_once<T>(future: &mut Pin<Box<dyn Future<Output = Result<T, LoadFailed>>>>) -> Option<T> {
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(Ok(value)) => Some(value),
        _ => None,
    }
}

/// A view waiting for its chunk: the wait's key and how to try again.
type Waiting = (u64, Rc<dyn Fn()>);

thread_local! {
    static WAITING: RefCell<Vec<Waiting>> = const { RefCell::new(Vec::new()) };
    static NEXT_KEY: Cell<u64> = const { Cell::new(0) };
}

/// A chunk arrived: every view still waiting, or failed, tries again. Split points of one chunk
/// (the comparison and its print copy) then find it there; others fetch theirs once more.
fn arrived() {
    let waiting: Vec<Waiting> = WAITING.with(|waiting| waiting.borrow_mut().drain(..).collect());
    for (_, again) in waiting {
        again();
    }
}

#[derive(Properties, PartialEq)]
pub struct DeferredProps<P: PartialEq + 'static> {
    /// The chunk holding the view.
    pub chunk: &'static Chunk<Render<P>>,
    /// The view's props.
    pub props: P,
}

/// A view from an on-demand chunk: a loading line, then the view; a failed fetch shows a message
/// and a retry. When any chunk arrives, every view still waiting tries again, so the comparison's
/// print copy follows the comparison when a retry of either succeeds.
#[component]
pub fn Deferred<P: PartialEq + 'static>(props: &DeferredProps<P>) -> Html {
    let lang = use_app().state.lang;
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    let redraw = use_force_update();
    let chunk = props.chunk;
    {
        let (failed, attempt) = (failed.clone(), attempt.clone());
        let shown = chunk.ready().is_some();
        use_effect_with((chunk, *attempt, shown), move |(chunk, _, shown)| {
            let chunk: &'static Chunk<Render<P>> = chunk;
            let key = NEXT_KEY.with(|next| {
                next.set(next.get() + 1);
                next.get()
            });
            if chunk.ready().is_some() {
                // It arrived (fetched for another view) between this render and now.
                if !shown {
                    redraw.force_update();
                }
            } else {
                let again: Rc<dyn Fn()> = {
                    let (failed, attempt) = (failed.clone(), attempt.clone());
                    Rc::new(move || {
                        failed.set(false);
                        attempt.set(*attempt + 1);
                    })
                };
                WAITING.with(|waiting| waiting.borrow_mut().push((key, again)));
                yew::platform::spawn_local(async move {
                    match chunk.load().await {
                        Ok(_) => arrived(),
                        Err(LoadFailed) => failed.set(true),
                    }
                });
            }
            move || WAITING.with(|waiting| waiting.borrow_mut().retain(|(k, _)| *k != key))
        });
    }
    if let Some(render) = chunk.ready() {
        return render(&props.props);
    }
    if *failed {
        let retry = Callback::from(move |_: MouseEvent| {
            failed.set(false);
            attempt.set(*attempt + 1);
        });
        return html! {
            <div class="notice on-demand-failed" role="alert">
                <p>{ tr(lang,
                    "这部分页面的程序未能加载,请检查网络后重试。您的选择都保存在链接里,不会丢失。",
                    "This part of the page could not be loaded. Please check the connection and retry; your choices are kept in the link.") }</p>
                <button type="button" class="button primary on-demand-retry" onclick={retry}>{ tr(lang, "重试", "Retry") }</button>
            </div>
        };
    }
    html! {
        <p class="boot on-demand-loading" role="status">{ tr(lang, "正在加载…", "Loading…") }</p>
    }
}
