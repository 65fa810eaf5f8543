//! Work deferred until the next frame has been painted: an animation frame, then a zero timeout
//! (the frame callback runs before the paint, the timeout after it).

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
