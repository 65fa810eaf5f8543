//! Canvas glue for the charts: sizes a canvas's backing store to its CSS width × devicePixelRatio
//! (so lines and Chinese text are crisp on high-DPI screens), draws a [`Chart`] on it through
//! plotters-canvas, watches the canvas's width (to redraw it at its new size, without forcing a layout), and
//! offers a chart as a PNG file drawn on a detached canvas.
//!
//! The canvas is styled `width: 100%; height: auto`, so its CSS height follows the aspect ratio of
//! its `width`/`height` attributes: setting those to the device-pixel size is all the sizing needed,
//! and no inline style is written (the site's content security policy forbids inline styles).

use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

use policy_charts::{Chart, ChartLabels};

/// CSS width of a downloaded chart; with [`DOWNLOAD_SCALE`] the PNG is 1920 pixels wide.
pub const DOWNLOAD_CSS_WIDTH: f64 = 960.0;

/// Device pixels per CSS pixel of a downloaded chart.
pub const DOWNLOAD_SCALE: f64 = 2.0;

/// Watches the width of the element `node` refers to (if it is mounted); see [`watch_width`].
pub fn watch_node_width(node: &yew::NodeRef, callback: impl Fn(f64) + 'static) -> Option<WidthWatch> {
    watch_width(&node.cast::<Element>()?, callback)
}

/// A drawing waiting for the next animation frame; dropping it cancels it.
pub type PendingDraw = gloo::render::AnimationFrame;

/// Draws `chart` on the canvas `node` refers to in the next animation frame (see [`draw_chart`]),
/// so the DOM update that asked for it is not held up.
pub fn draw_chart_next_frame(
    node: &yew::NodeRef,
    chart: std::rc::Rc<Chart>,
    labels: ChartLabels,
    zoom: f64,
    css_width: f64,
) -> PendingDraw {
    let node = node.clone();
    gloo::render::request_animation_frame(move |_| {
        if let Some(canvas) = node.cast::<HtmlCanvasElement>() {
            draw_chart(&canvas, &chart, &labels, zoom, css_width);
        }
    })
}

/// Watches an element's width; stops watching when dropped.
pub struct WidthWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `callback` with the element's width in CSS pixels once it is laid out and whenever its
/// size changes (window resize, rotation, larger text, a scroll bar appearing). `None` when the
/// browser has no `ResizeObserver`.
pub fn watch_width(element: &Element, callback: impl Fn(f64) + 'static) -> Option<WidthWatch> {
    let watched = element.clone();
    let closure = Closure::<dyn FnMut()>::new(move || callback(f64::from(watched.client_width())));
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(WidthWatch {
        observer,
        _callback: closure,
    })
}

/// Draws `chart` on `canvas`, whose CSS width is `css_width` (as [`watch_width`] reported it:
/// reading it here would force a layout), at the screen's pixel ratio, with text and marks `zoom`
/// times their usual size (1.25 when the visitor asked for large text: the chart is laid out for
/// a `zoom` times narrower screen and drawn at `zoom` times the scale).
/// A drawing error goes to the console; the summary and the table still carry the data.
pub fn draw_chart(canvas: &HtmlCanvasElement, chart: &Chart, labels: &ChartLabels, zoom: f64, css_width: f64) {
    if css_width.is_nan() || css_width < 1.0 {
        return;
    }
    let dpr = super::device_pixel_ratio();
    let zoom = zoom.clamp(1.0, 2.0);
    let labels = labels.clone().with_scale(dpr * zoom);
    let css_height = chart.css_height(&labels, css_width / zoom) * zoom;
    if let Err(message) = draw_at(canvas, chart, &labels, (css_width * dpr, css_height * dpr)) {
        gloo::console::warn!(format!("chart not drawn: {message}"));
    }
}

/// Draws `chart` with a title on a detached canvas [`DOWNLOAD_CSS_WIDTH`] wide at
/// [`DOWNLOAD_SCALE`], and offers it as the PNG download `file_name`.
pub fn download_chart_png(chart: &Chart, labels: &ChartLabels, file_name: &str) {
    let Some(canvas) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    let labels = labels.clone().with_scale(DOWNLOAD_SCALE);
    let css_height = chart.css_height(&labels, DOWNLOAD_CSS_WIDTH);
    let size = (DOWNLOAD_CSS_WIDTH * DOWNLOAD_SCALE, css_height * DOWNLOAD_SCALE);
    match draw_at(&canvas, chart, &labels, size) {
        Ok(()) => super::download_canvas_element_png(&canvas, file_name),
        Err(message) => gloo::console::warn!(format!("chart not drawn: {message}")),
    }
}

/// Sets the backing store to `size` device pixels and draws.
fn draw_at(canvas: &HtmlCanvasElement, chart: &Chart, labels: &ChartLabels, size: (f64, f64)) -> Result<(), String> {
    let (width, height) = (size.0.round().max(1.0) as u32, size.1.round().max(1.0) as u32);
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the browser gave no 2D canvas context")?;
    chart.draw(backend, labels)
}
