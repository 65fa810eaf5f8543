//! What a form control's event holds: the text of an input or the value of a select.

use wasm_bindgen::JsCast;

/// The value of the `<input>` (or `<select>`, `<textarea>`) an event came from; empty when the
/// event has no such target.
pub fn value_of(event: &web_sys::Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    String::new()
}
