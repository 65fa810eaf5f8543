//! A chart with everything around it: a heading, optional controls, a chart / data-table switch,
//! a PNG download, and the one-line summary under it. The canvas fills its column, is drawn at the
//! screen's pixel ratio and redrawn when the chart, the language, the reading aids (the app's
//! `Display`, provided as a Yew context: high contrast, and large text, which enlarges the chart's
//! text too) or the canvas's width changes. The drawing happens in the next animation frame, after
//! the DOM update that asked for it, so the page answers an input first and the chart follows
//! before that frame is painted; the width comes from a resize observer, so drawing never forces
//! a layout. Drawing and downloading go through `browser::chart_canvas`.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::chart_canvas;
use policy_analysis::url_state::Lang;
use policy_charts::{Chart, ChartLabels};

use super::app::Display;
use super::text::{lang_parts, tr};

/// Fonts of the chart text: the same system CJK fonts as the page (no web font is downloaded).
pub const CHART_FONTS: &str =
    "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

#[derive(Properties, PartialEq, Clone)]
pub struct ChartPanelProps {
    /// Prefix of the element ids: `{id}-canvas`, `{id}-table`, `{id}-summary`, `{id}-png`.
    pub id: AttrValue,
    pub heading: AttrValue,
    pub chart: Rc<Chart>,
    pub lang: Lang,
    /// Controls shown under the heading, such as an indicator chooser.
    #[prop_or_default]
    pub children: Html,
}

/// How much larger chart text is drawn when the visitor asks for large text.
const LARGE_TEXT_ZOOM: f64 = 1.25;

/// The chart labels for the interface language and contrast, in the page's fonts.
pub fn chart_labels(lang: Lang, high_contrast: bool) -> ChartLabels {
    ChartLabels {
        font_family: CHART_FONTS.to_string(),
        ..ChartLabels::new(lang)
    }
    .with_high_contrast(high_contrast)
}

#[component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let ChartPanelProps {
        id,
        heading,
        chart,
        lang,
        children,
    } = props;
    let lang = *lang;
    // The app provides the reading aids; the charts follow high contrast and large text.
    let display = use_context::<Display>().unwrap_or_default();
    let zoom = if display.large_text { LARGE_TEXT_ZOOM } else { 1.0 };
    let show_table = use_state_eq(|| false);
    let canvas = use_node_ref();
    // The canvas's CSS width as last laid out (0 before), reported by a resize observer after the
    // browser's own layout, so drawing never forces a layout; a change redraws the chart at its new
    // size. A new canvas (after the data table was shown) is watched anew.
    let width = use_state_eq(|| 0.0_f64);
    {
        let canvas = canvas.clone();
        let width = width.setter();
        use_effect_with(*show_table, move |_| {
            let watch = chart_canvas::watch_node_width(&canvas, move |w| width.set(w));
            move || drop(watch)
        });
    }
    let labels = chart_labels(lang, display.high_contrast);
    // The drawing waits for the next animation frame, so an input's DOM update (the tables, the
    // summary) is not held up by it; a newer drawing queued before that frame replaces the older
    // one (dropping an `AnimationFrame` cancels it), and so does unmounting.
    let pending = use_mut_ref(|| None::<chart_canvas::PendingDraw>);
    {
        let canvas = canvas.clone();
        let pending = pending.clone();
        use_effect_with(
            (chart.clone(), labels.clone(), zoom, *show_table, *width),
            move |(chart, labels, zoom, table, width)| {
                let frame = (!*table && *width > 0.0).then(|| {
                    chart_canvas::draw_chart_next_frame(&canvas, chart.clone(), labels.clone(), *zoom, *width)
                });
                *pending.borrow_mut() = frame;
                move || drop(pending.borrow_mut().take())
            },
        );
    }
    let show = |table: bool| {
        let show_table = show_table.clone();
        Callback::from(move |_: MouseEvent| show_table.set(table))
    };
    let download = {
        let chart = chart.clone();
        // The image names its indicator, since it travels without the page around it.
        let title = match chart.subject() {
            Some(subject) if lang == Lang::Zh => format!("{heading}：{subject}"),
            Some(subject) => format!("{heading}: {subject}"),
            None => heading.to_string(),
        };
        let labels = ChartLabels { title, ..labels };
        let file_name = format!("{}.png", chart.file_stem());
        Callback::from(move |_: MouseEvent| chart_canvas::download_chart_png(&chart, &labels, &file_name))
    };
    let summary = chart.summary();
    let body = if *show_table {
        data_table(lang, &format!("{id}-table"), heading, &chart.table())
    } else {
        html! {
            <div class="chart">
                <canvas id={format!("{id}-canvas")} ref={canvas} role="img" aria-label={summary.clone()}></canvas>
            </div>
        }
    };
    html! {
        <section class="chart-panel" aria-labelledby={format!("{id}-heading")}>
            <h2 id={format!("{id}-heading")}>{ heading.clone() }</h2>
            { children.clone() }
            <div class="chart-tools">
                <div class="switch" role="group" aria-label={tr(lang, "显示方式", "Show as")}>
                    <button type="button" class="button" aria-pressed={(!*show_table).to_string()} onclick={show(false)}>
                        { tr(lang, "图表", "Chart") }
                    </button>
                    <button type="button" class="button" aria-pressed={show_table.to_string()} onclick={show(true)}>
                        { tr(lang, "数据表", "Data table") }
                    </button>
                </div>
                <button type="button" class="button" id={format!("{id}-png")} onclick={download}>
                    { tr(lang, "下载图片(PNG)", "Download PNG") }
                </button>
            </div>
            { body }
            <p class="chart-summary" id={format!("{id}-summary")}>{ lang_parts(lang, &summary) }</p>
        </section>
    }
}

/// The chart's data as a table: the first row is the header, the first cell of each row heads it.
fn data_table(lang: Lang, id: &str, caption: &str, rows: &[Vec<String>]) -> Html {
    let Some((header, body)) = rows.split_first() else {
        return Html::default();
    };
    // The wrapper scrolls sideways on phones; it takes the focus so keyboards can scroll it.
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={caption.to_string()}>
            <table id={id.to_string()} class="chart-table">
                <caption class="muted small">{ caption.to_string() }</caption>
                <thead>
                    <tr>{ for header.iter().map(|h| html! { <th scope="col">{ lang_parts(lang, h) }</th> }) }</tr>
                </thead>
                <tbody>
                    { for body.iter().map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                html! { <th scope="row">{ lang_parts(lang, cell) }</th> }
                            } else {
                                html! { <td>{ lang_parts(lang, cell) }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
