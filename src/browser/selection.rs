//! The visitor's text selection inside an element whose text is cut into segments, each in its own
//! element carrying `data-start` (the segment's byte offset in the whole text): the page "Analyse a
//! document" adds a sentence the visitor selected. Each end comes back as (segment start, offset in
//! UTF-16 code units within the segment), which the view turns into byte offsets of the text.

use wasm_bindgen::JsCast;

/// One end of a selection: the segment's byte offset and the offset in UTF-16 units inside it.
pub type End = (usize, usize);

/// The selection's two ends, in document order, when it lies inside the element `container_id`
/// and is not empty.
pub fn selection_in(container_id: &str) -> Option<(End, End)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let inside = format!("#{container_id}");
    let start = end_of(range.start_container().ok()?, range.start_offset().ok()?, &inside)?;
    let end = end_of(range.end_container().ok()?, range.end_offset().ok()?, &inside)?;
    Some((start, end))
}

fn end_of(node: web_sys::Node, offset: u32, inside: &str) -> Option<End> {
    let (element, units) = if node.node_type() == web_sys::Node::TEXT_NODE {
        (node.parent_element()?, offset as usize)
    } else {
        let element: web_sys::Element = node.dyn_into().ok()?;
        // An end between a segment's children (or at an element's edge): its start or its end.
        let units = if offset == 0 {
            0
        } else {
            element.text_content().unwrap_or_default().encode_utf16().count()
        };
        (element, units)
    };
    element.closest(inside).ok()??;
    let segment = element.closest("[data-start]").ok()??;
    let start = segment.get_attribute("data-start")?.parse().ok()?;
    Some((start, units))
}
