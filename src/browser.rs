//! Browser glue, the only module that talks to browser APIs: the URL and history, local storage,
//! file downloads, the clipboard, canvases and the clock; files the visitor opens in [`files`]; the
//! published data files in [`fetch`]; what a form control's event holds in [`events`]; work
//! deferred until after the next paint in `paint`; the visitor's text selection in [`selection`].
//! Everything else is plain Rust.

pub mod fetch;
pub mod files;

pub mod chart_canvas;
pub mod events;
mod paint;
pub mod selection;

pub use paint::{after_next_paint, next_frame, AfterPaint};

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current query string, without the leading '?'.
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The page address for `query` (path plus query string).
pub fn url_for(query: &str) -> String {
    let path = window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// The absolute link to `query`, for "copy link" and the corrections e-mail.
pub fn absolute_url_for(query: &str) -> String {
    let origin = window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", url_for(query))
}

/// Records a new history entry (`push`) or replaces the current one with `query`.
pub fn set_query(query: &str, push: bool) {
    if current_query() == query {
        return;
    }
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let url = url_for(query);
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Calls `callback` with the new query string when the visitor goes back or forward.
pub fn on_history_change(callback: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = window()?;
    Some(EventListener::new(&window, "popstate", move |_| {
        callback(current_query())
    }))
}

/// Local storage, when the browser grants it: it throws where storage is blocked (for example
/// in an iframe on another site when third-party storage is off), and the app must still run.
pub(crate) fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// A saved preference (stored as a JSON string, as gloo's storage writes it).
pub fn load_preference(key: &str) -> Option<String> {
    let raw = storage()?.get_item(key).ok()??;
    // from_slice, like every other read: one serde_json reader type in the module.
    serde_json::from_slice(raw.as_bytes()).ok()
}

/// Saves a preference; failures (blocked or full storage) are ignored.
pub fn save_preference(key: &str, value: &str) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &json);
    }
}

/// Offers `content` as a file download named `file_name`.
pub fn download_text(file_name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
        click_download_link(&url, file_name);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// Offers `canvas` (attached to the page or not) as a PNG download.
pub fn download_canvas_element_png(canvas: &web_sys::HtmlCanvasElement, file_name: &str) {
    if let Ok(data_url) = canvas.to_data_url_with_type("image/png") {
        click_download_link(&data_url, file_name);
    }
}

fn click_download_link(href: &str, file_name: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(element) = document.create_element("a") else {
        return;
    };
    let Ok(anchor) = element.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(href);
    anchor.set_download(file_name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
}

/// Copies `text` to the clipboard; returns false when the browser offers no clipboard.
pub fn copy_to_clipboard(text: &str) -> bool {
    match window() {
        Some(w) => {
            let _ = w.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// Screen pixels per CSS pixel (2 or 3 on most phones).
pub fn device_pixel_ratio() -> f64 {
    window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 4.0)
}

/// Scrolls the element with id `id` into the middle of the view and focuses it.
pub fn reveal(id: &str) {
    let Some(element) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// Sets the page's `lang` attribute, title and the classes of the root element (text size, contrast).
pub fn set_page(lang: &str, title: &str, root_classes: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("class", root_classes);
    }
    document.set_title(title);
}

/// Today's date in the visitor's time zone as (year, month, day).
pub fn today() -> (i32, u32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}

/// Replaces a blank page after a panic with an error screen offering a reload; the panic message
/// goes to the console.
pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(format!("policy explorer crashed: {info}"));
        show_crash_screen();
    }));
}

/// Empties `#app` and puts the error screen in its place: a heading, a line saying the link still
/// works and a reload link to the same address. Built from text nodes only.
pub fn show_crash_screen() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    // Not innerHTML: the page's Trusted Types policy forbids HTML sinks.
    root.set_text_content(None);
    let element = |tag: &str, text: &str| {
        let node = document.create_element(tag).ok()?;
        node.set_text_content(Some(text));
        Some(node)
    };
    let Some(screen) = element("div", "") else {
        return;
    };
    let _ = screen.set_attribute("class", "crash");
    let _ = screen.set_attribute("role", "alert");
    let reload = element("a", "重新加载 / Reload");
    if let Some(a) = &reload {
        let _ = a.set_attribute("href", &url_for(&current_query()));
        let _ = a.set_attribute("class", "button primary");
        let _ = a.set_attribute("id", "crash-reload");
    }
    let parts = [
        element("h1", "页面出错了 / Something went wrong"),
        element(
            "p",
            "请重新加载页面。您的链接仍然有效。 Please reload the page; your link still works.",
        ),
        reload,
    ];
    for part in parts.into_iter().flatten() {
        let _ = screen.append_child(&part);
    }
    let _ = root.append_child(&screen);
}
