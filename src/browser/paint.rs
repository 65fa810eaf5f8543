//! Work deferred until the next frame has been painted: an animation frame, then a zero timeout
//! (the frame callback runs before the paint, the timeout after it); and [`next_frame`], which long
//! work awaits between slices so that the page keeps drawing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;

/// A pending [`after_next_paint`]; dropping it cancels what has not run yet.
pub struct AfterPaint {
    _frame: AnimationFrame,
    _timeout: Rc<RefCell<Option<Timeout>>>,
}

/// Runs `task` once the next frame has been painted.
pub fn after_next_paint(task: impl FnOnce() + 'static) -> AfterPaint {
    let timeout = Rc::new(RefCell::new(None));
    let slot = timeout.clone();
    let frame = request_animation_frame(move |_| {
        *slot.borrow_mut() = Some(Timeout::new(0, task));
    });
    AfterPaint {
        _frame: frame,
        _timeout: timeout,
    }
}

/// Resolves at the next animation frame: long work (the extractor on a large text) awaits it
/// between slices, so the page paints its progress and answers input meanwhile.
pub async fn next_frame() {
    let state: Rc<RefCell<(bool, Option<std::task::Waker>)>> = Rc::new(RefCell::new((false, None)));
    let slot = state.clone();
    let _frame = request_animation_frame(move |_| {
        let mut slot = slot.borrow_mut();
        slot.0 = true;
        if let Some(waker) = slot.1.take() {
            waker.wake();
        }
    });
    std::future::poll_fn(|context| {
        let mut state = state.borrow_mut();
        if state.0 {
            std::task::Poll::Ready(())
        } else {
            state.1 = Some(context.waker().clone());
            std::task::Poll::Pending
        }
    })
    .await
}
