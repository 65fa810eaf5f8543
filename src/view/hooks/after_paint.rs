//! A value that follows another once the next frame has been painted, so that work only some
//! readers need (the compare page's print-only table) never holds up the visitor's input. A newer
//! value cancels whatever is still pending; while `active` is false nothing is scheduled.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::AfterPaint;

/// `value` as it was at the last paint while `active`.
#[hook]
pub fn use_after_paint<T: Clone + PartialEq + 'static>(value: Rc<T>, active: bool) -> Rc<T> {
    let shown = use_state_eq({
        let value = value.clone();
        move || value
    });
    let pending = use_mut_ref(|| None::<AfterPaint>);
    {
        let shown = shown.setter();
        use_effect_with((value, active), move |(value, active)| {
            // Dropping the older handle cancels it if it has not run yet.
            let next = active.then(|| {
                let value = value.clone();
                crate::browser::after_next_paint(move || shown.set(value))
            });
            *pending.borrow_mut() = next;
            || ()
        });
    }
    (*shown).clone()
}
