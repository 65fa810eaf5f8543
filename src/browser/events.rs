//! What a form control's event holds: the text of an input or the value of a select; and the
//! value of a control found by its reference (a text area read when a button is pressed).

use wasm_bindgen::JsCast;

/// The `value` of the `<input>`, `<select>` or `<textarea>` an event came from. The property is
/// read by name, so one unchecked cast serves every control (and adds no type check to the code).
pub fn value_of(event: &web_sys::Event) -> String {
    event
        .target()
        .map(|target| target.unchecked_into::<web_sys::HtmlInputElement>().value())
        .unwrap_or_default()
}

/// The `value` of the `<input>` or `<textarea>` behind `node`; empty when it is not rendered.
pub fn value_at(node: &yew::NodeRef) -> String {
    node.get()
        .map(|n| n.unchecked_into::<web_sys::HtmlInputElement>().value())
        .unwrap_or_default()
}
