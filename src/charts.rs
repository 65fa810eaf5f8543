//! Charts drawn on any plotters [`DrawingBackend`]: in the browser a `plotters_canvas::CanvasBackend`,
//! in native tests `plotters::backend::SVGBackend::with_string`. No web dependency here.
//!
//! Every chart follows one shape:
//! - a plain-data input (`XxxData`, strings and numbers) with a `from_dataset(&Dataset, ids…)`
//!   constructor, so a view calls one function and can also build the data by hand;
//! - `draw_xxx(backend, &data, &ChartLabels) -> Result<(), String>`, which takes every size from
//!   `backend.get_size()` and [`ChartLabels::scale`] (device pixels per CSS pixel), so the same
//!   chart is legible on a 360 px phone and a 1200 px desktop, and crisp on high-DPI screens;
//! - `summary(&data, zh) -> String`, a one-line text summary, and `table(&data)`, a data table
//!   alternative (header row first). Both are pure.
//!
//! Text. The charts lay text out with their own width estimate ([`text_width`]: a CJK character is
//! one em wide, anything else 0.6 em) and never ask the backend to measure text. That matters: with
//! `default-features = false` plotters has no font engine natively (its `naive` font only estimates
//! `text.len()`, in bytes, so a Chinese string would measure three times too wide), and on wasm32
//! its `web` font measures by inserting a `<span>` into the page for every call. Drawing text needs
//! no font engine on either backend we use: the SVG backend overrides `draw_text` and writes a
//! `<text font-family=…>` element, the canvas backend overrides it and calls `fillText` with the
//! CSS font `"{size}px {family}"`, so Chinese renders from the system fonts. (A backend that does
//! not override `draw_text`, such as the bitmap backend, would need the `ttf` or `ab_glyph` feature.)
//! The SVG backend writes `font-size` as `size / 1.24` while the canvas uses `size` px; the layout
//! is computed for the canvas, so SVG text comes out slightly smaller, which is harmless in tests.

pub mod chart;
pub mod indicator;
pub mod palette;
pub mod paths;
pub mod timeline;

pub use chart::Chart;

use std::collections::{HashMap, HashSet};

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::data::model::{Comparator, Dataset, DocumentEntry};
use palette::{Neutrals, Rgb};

/// The UI language's strings for the charts, the font family and the drawing scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLabels {
    /// Language of these strings (also picks number formatting such as `45人/班` vs `45 人/班`).
    pub zh: bool,
    /// CSS font family for every text, e.g. `"sans-serif"` (the browser picks a CJK system font).
    pub font_family: String,
    /// Device pixels per CSS pixel (`window.devicePixelRatio`); the backend's size is in device
    /// pixels. Clamped to 0.5–4.
    pub scale: f64,
    /// Darker colours, thicker lines, outlined marks (see [`palette`]).
    pub high_contrast: bool,
    /// Drawn at the top when not empty. Usually the page heading names the chart instead.
    pub title: String,
    /// X axis title of every chart.
    pub year_axis: String,
    /// Y axis title when the data has no unit.
    pub value_axis: String,
    /// Legend text of the plan-period band (timeline).
    pub plan_period: String,
    /// Legend note explaining the bar heights (timeline).
    pub bar_note: String,
    /// Legend texts of the paths chart.
    pub target: String,
    pub baseline: String,
    pub entered: String,
    pub projection: String,
    /// Shown instead of a chart when there is nothing to draw.
    pub no_data: String,
}

impl ChartLabels {
    /// Default strings in Chinese (`zh`) or English, font `sans-serif`, scale 1.
    pub fn new(zh: bool) -> Self {
        let s = |zh_text: &str, en_text: &str| if zh { zh_text } else { en_text }.to_string();
        ChartLabels {
            zh,
            font_family: "sans-serif".to_string(),
            scale: 1.0,
            high_contrast: false,
            title: String::new(),
            year_axis: s("年份", "Year"),
            value_axis: s("目标值", "Value"),
            plan_period: s("规划期", "Plan period"),
            bar_note: s("柱越高，目标越多", "Taller bar = more targets"),
            target: s("目标", "Target"),
            baseline: s("基线", "Baseline"),
            entered: s("自填现值", "Your value"),
            projection: s("直线推算", "Straight-line projection"),
            no_data: s("没有可绘制的数据", "Nothing to draw"),
        }
    }

    /// The same labels at another scale (device pixel ratio).
    pub fn with_scale(mut self, scale: f64) -> Self {
        self.scale = scale;
        self
    }

    /// The same labels with the high-contrast palette on or off.
    pub fn with_high_contrast(mut self, on: bool) -> Self {
        self.high_contrast = on;
        self
    }
}

/// The symbol drawn for a comparator: `≥`, `>`, `=`, `≤`, `<`, `+` (increase by), `−` (decrease
/// by), `→0` (eliminate); empty for a count or no comparison.
pub fn comparator_symbol(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "≥",
        Comparator::MoreThan => ">",
        Comparator::Equal => "=",
        Comparator::AtMost => "≤",
        Comparator::LessThan => "<",
        Comparator::IncreaseBy => "+",
        Comparator::DecreaseBy => "−",
        Comparator::Eliminate => "→",
        Comparator::Count | Comparator::None => "",
    }
}

/// Position of a locality among the distinct localities of the dataset, in document order: the
/// index into [`palette::locality_color`]. Localities are told apart by their English name.
pub fn locality_index(ds: &Dataset, locality_en: &str) -> usize {
    let indices = locality_indices(ds);
    indices.get(locality_en).copied().unwrap_or(indices.len())
}

/// [`locality_index`] of every locality of the dataset, in one pass over its documents.
fn locality_indices(ds: &Dataset) -> HashMap<&str, usize> {
    let mut indices: HashMap<&str, usize> = HashMap::new();
    for e in &ds.documents {
        let next = indices.len();
        indices.entry(e.document.locality.en.as_str()).or_insert(next);
    }
    indices
}

/// A selected document with the label it gets in a chart.
pub(crate) struct Selected<'a> {
    pub entry: &'a DocumentEntry,
    /// The locality's name, followed by the plan's first year when two selected documents share
    /// the locality (`四会 2022`).
    pub label: String,
    pub color_index: usize,
}

/// The documents named by `ids`, in that order, unknown and repeated ids skipped. Linear in the
/// number of documents plus the number of ids (a chart may select hundreds of documents).
pub(crate) fn select_documents<'a>(ds: &'a Dataset, ids: &[&str], zh: bool) -> Vec<Selected<'a>> {
    let mut by_id: HashMap<&str, &DocumentEntry> = HashMap::new();
    for e in &ds.documents {
        by_id.entry(e.document.id.as_str()).or_insert(e);
    }
    let mut entries: Vec<&DocumentEntry> = Vec::new();
    let mut taken: HashSet<&str> = HashSet::new();
    for id in ids {
        if let Some(e) = by_id.get(id) {
            if taken.insert(e.document.id.as_str()) {
                entries.push(e);
            }
        }
    }
    let mut per_locality: HashMap<&str, usize> = HashMap::new();
    for e in &entries {
        *per_locality.entry(e.document.locality.en.as_str()).or_default() += 1;
    }
    let indices = locality_indices(ds);
    entries
        .iter()
        .map(|e| {
            let d = &e.document;
            let name = if zh { &d.locality.zh } else { &d.locality.en };
            let label = if per_locality[d.locality.en.as_str()] > 1 {
                format!("{} {}", name, d.period.start)
            } else {
                name.clone()
            };
            Selected {
                entry: e,
                label,
                color_index: indices[d.locality.en.as_str()],
            }
        })
        .collect()
}

/// A number without trailing zeros: `80`, `2.5`, `0.25`, `90000`.
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A value with its unit: `80%`, `45人/班` (Chinese), `45 人/班` (English).
pub fn format_value(v: f64, unit: &str, zh: bool) -> String {
    let n = format_number(v);
    if unit.is_empty() || zh || unit == "%" || unit == "‰" {
        format!("{n}{unit}")
    } else {
        format!("{n} {unit}")
    }
}

/// A fractional year: `2023`, `2023.5`.
pub fn format_year(y: f64) -> String {
    format_number(y)
}

/// Estimated width of `text` in pixels at font size `size` (CJK and full-width characters one em,
/// anything else 0.6 em). Deliberately independent of the backend, see the module doc.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| {
            let u = c as u32;
            if (0x2E80..=0x9FFF).contains(&u)
                || (0xAC00..=0xD7AF).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
            {
                1.0
            } else if c == ' ' || c == '.' || c == ',' || c == '(' || c == ')' {
                0.35
            } else {
                0.6
            }
        })
        .sum::<f64>()
        * size
}

/// `text` cut to fit `max` pixels, with an ellipsis when cut.
pub(crate) fn fit_text(text: &str, max: f64, size: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut next = out.clone();
        next.push(c);
        if text_width(&next, size) + text_width("…", size) > max {
            break;
        }
        out = next;
    }
    out.push('…');
    out
}

/// Sizes and colours of one drawing, from the backend size and the labels.
pub(crate) struct Ctx<'a> {
    pub w: f64,
    pub h: f64,
    /// Device pixels per CSS pixel.
    pub s: f64,
    /// Main font size, device pixels.
    pub font: f64,
    /// Secondary font size, device pixels.
    pub small: f64,
    /// Outer padding, device pixels.
    pub pad: f64,
    /// Width of a thin line, device pixels.
    pub line: u32,
    pub family: &'a str,
    pub hc: bool,
    pub n: Neutrals,
}

impl<'a> Ctx<'a> {
    pub fn new(size: (u32, u32), labels: &'a ChartLabels) -> Self {
        let s = if labels.scale.is_finite() {
            labels.scale.clamp(0.5, 4.0)
        } else {
            1.0
        };
        let (w, h) = (f64::from(size.0), f64::from(size.1));
        let css_w = w / s;
        // 12 px at 360 CSS px wide, growing to 14 px at 1200 and beyond.
        let font_css = (12.0 + (css_w - 360.0) / 840.0 * 2.0).clamp(12.0, 14.0);
        let pad_css = if css_w < 600.0 { 8.0 } else { 12.0 };
        let line_css = if labels.high_contrast { 2.0 } else { 1.0 };
        Ctx {
            w,
            h,
            s,
            font: font_css * s,
            small: font_css * 0.88 * s,
            pad: pad_css * s,
            line: (line_css * s).round().max(1.0) as u32,
            family: if labels.font_family.is_empty() {
                "sans-serif"
            } else {
                labels.font_family.as_str()
            },
            hc: labels.high_contrast,
            n: palette::neutrals(labels.high_contrast),
        }
    }

    /// CSS pixels to device pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.s
    }

    /// Whether the drawing is too small to hold a chart.
    pub fn too_small(&self) -> bool {
        self.w < 40.0 || self.h < 40.0
    }

    /// Height of a line of text at `size`.
    pub fn line_h(&self, size: f64) -> f64 {
        size * 1.25
    }
}

/// A rectangle in device pixels: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        Rect { x0, y0, x1, y1 }
    }
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    pub fn inside(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }
}

/// Greedy label placement: the first candidate inside the bounds that overlaps nothing taken.
pub(crate) struct Placer {
    pub bounds: Rect,
    pub taken: Vec<Rect>,
}

impl Placer {
    pub fn new(bounds: Rect) -> Self {
        Placer {
            bounds,
            taken: Vec::new(),
        }
    }

    /// Reserve an area (a mark) that labels must not cover.
    pub fn block(&mut self, r: Rect) {
        self.taken.push(r);
    }

    /// Place a `w`×`h` label next to the point `(x, y)` at distance `gap`: right, left, then
    /// above or below on either side, then shifted up or down by up to three lines. `None` when
    /// nothing fits; the label is left out (the data table has every value).
    pub fn place(&mut self, x: f64, y: f64, gap: f64, w: f64, h: f64) -> Option<Rect> {
        let right = |dy: f64| Rect::new(x + gap, y - h / 2.0 + dy, x + gap + w, y + h / 2.0 + dy);
        let left = |dy: f64| Rect::new(x - gap - w, y - h / 2.0 + dy, x - gap, y + h / 2.0 + dy);
        let mut candidates = vec![
            right(0.0),
            left(0.0),
            Rect::new(x - w / 2.0, y - gap - h, x + w / 2.0, y - gap),
            Rect::new(x - w / 2.0, y + gap, x + w / 2.0, y + gap + h),
        ];
        for k in 1..=3 {
            let d = h * k as f64;
            candidates.extend([right(-d), right(d), left(-d), left(d)]);
        }
        let found = candidates
            .into_iter()
            .find(|c| c.inside(&self.bounds) && !self.taken.iter().any(|t| t.overlaps(c)))?;
        self.taken.push(found);
        Some(found)
    }
}

/// A leader line from a mark at `c` (radius `r`) to its label `rect`, when the label is not right
/// next to the mark (further than `gap` × 1.5): from the mark's edge to the nearest point of the
/// label's box.
pub(crate) fn leader(rect: &Rect, c: (f64, f64), r: f64, gap: f64) -> Option<((f64, f64), (f64, f64))> {
    let near = (c.0.clamp(rect.x0, rect.x1), c.1.clamp(rect.y0, rect.y1));
    let (dx, dy) = (near.0 - c.0, near.1 - c.1);
    let d = dx.hypot(dy);
    if d <= gap * 1.5 {
        return None;
    }
    Some(((c.0 + dx / d * r, c.1 + dy / d * r), near))
}

/// Nice tick values covering `[min, max]`, about `count` of them: steps of 1, 2 or 5 × 10ⁿ.
pub(crate) fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    let (min, max) = if max > min { (min, max) } else { (min - 1.0, min + 1.0) };
    let raw = (max - min) / count.max(2) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// A value range padded by a tenth of its span (or by 1 and a tenth of the value when flat);
/// a percentage stays within 0–100 when its values do.
pub(crate) fn padded_range(values: &[f64], unit: &str) -> (f64, f64) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !min.is_finite() || !max.is_finite() {
        return (0.0, 1.0);
    }
    let span = max - min;
    let pad = if span > 0.0 {
        span * 0.12
    } else {
        (max.abs() * 0.1).max(1.0)
    };
    let (mut lo, mut hi) = (min - pad, max + pad);
    if min >= 0.0 {
        lo = lo.max(0.0);
    }
    if unit == "%" && max <= 100.0 {
        hi = hi.min(100.0);
    }
    if hi <= lo {
        hi = lo + 1.0;
    }
    (lo, hi)
}

/// Smallest step among 1, 2, 5, 10, 20 years that keeps year labels `label_w` apart when a year
/// is `year_w` pixels wide.
pub(crate) fn year_step(year_w: f64, label_w: f64) -> u16 {
    [1u16, 2, 5, 10, 20]
        .into_iter()
        .find(|s| f64::from(*s) * year_w >= label_w * 1.3)
        .unwrap_or(50)
}

/// A linear map from a data interval onto a pixel interval.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub p0: f64,
    pub p1: f64,
}

impl Scale {
    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return (self.p0 + self.p1) / 2.0;
        }
        self.p0 + (v - self.d0) / (self.d1 - self.d0) * (self.p1 - self.p0)
    }
}

pub(crate) fn err_string<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> String {
    format!("chart drawing failed: {e}")
}

fn pt(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

pub(crate) fn rgb(c: Rgb) -> RGBColor {
    c.into()
}

/// Thin drawing helpers over the root area, all in device pixels, all mapping errors to `String`.
pub(crate) struct Painter<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub ctx: &'a Ctx<'a>,
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    pub fn fill_rect(&self, r: Rect, c: Rgb) -> Result<(), String> {
        self.area
            .draw(&Rectangle::new([pt(r.x0, r.y0), pt(r.x1, r.y1)], rgb(c).filled()))
            .map_err(err_string)
    }

    pub fn stroke_rect(&self, r: Rect, c: Rgb, width: u32) -> Result<(), String> {
        self.area
            .draw(&Rectangle::new(
                [pt(r.x0, r.y0), pt(r.x1, r.y1)],
                rgb(c).stroke_width(width),
            ))
            .map_err(err_string)
    }

    pub fn line(&self, a: (f64, f64), b: (f64, f64), c: Rgb, width: u32) -> Result<(), String> {
        self.polyline(&[a, b], c, width)
    }

    pub fn polyline(&self, points: &[(f64, f64)], c: Rgb, width: u32) -> Result<(), String> {
        self.area
            .draw(&PathElement::new(
                points.iter().map(|p| pt(p.0, p.1)).collect::<Vec<_>>(),
                rgb(c).stroke_width(width),
            ))
            .map_err(err_string)
    }

    pub fn dashed(&self, a: (f64, f64), b: (f64, f64), c: Rgb, width: u32) -> Result<(), String> {
        let dash = self.ctx.px(6.0).round() as i32;
        let gap = self.ctx.px(4.0).round() as i32;
        self.area
            .draw(&DashedPathElement::new(
                vec![pt(a.0, a.1), pt(b.0, b.1)],
                dash.max(1),
                gap.max(1),
                rgb(c).stroke_width(width),
            ))
            .map_err(err_string)
    }

    pub fn fill_circle(&self, center: (f64, f64), r: f64, c: Rgb) -> Result<(), String> {
        self.area
            .draw(&Circle::new(
                pt(center.0, center.1),
                r.round().max(1.0) as i32,
                rgb(c).filled(),
            ))
            .map_err(err_string)
    }

    pub fn stroke_circle(&self, center: (f64, f64), r: f64, c: Rgb, width: u32) -> Result<(), String> {
        self.area
            .draw(&Circle::new(
                pt(center.0, center.1),
                r.round().max(1.0) as i32,
                rgb(c).stroke_width(width),
            ))
            .map_err(err_string)
    }

    pub fn fill_polygon(&self, points: &[(f64, f64)], c: Rgb) -> Result<(), String> {
        self.area
            .draw(&Polygon::new(
                points.iter().map(|p| pt(p.0, p.1)).collect::<Vec<_>>(),
                rgb(c).filled(),
            ))
            .map_err(err_string)
    }

    fn style(&self, size: f64, c: Rgb, h: HPos, v: VPos, bold: bool) -> TextStyle<'_> {
        let weight = if bold { FontStyle::Bold } else { FontStyle::Normal };
        TextStyle {
            font: FontDesc::new(FontFamily::Name(self.ctx.family), size, weight),
            color: rgb(c).to_backend_color(),
            pos: Pos::new(h, v),
        }
    }

    /// Text anchored at `at` by `h`/`v`.
    pub fn text(&self, s: &str, at: (f64, f64), size: f64, c: Rgb, h: HPos, v: VPos) -> Result<(), String> {
        if s.is_empty() {
            return Ok(());
        }
        let style = self.style(size, c, h, v, false);
        self.area.draw_text(s, &style, pt(at.0, at.1)).map_err(err_string)
    }

    /// Bold text anchored at `at` by `h`/`v`.
    pub fn bold(&self, s: &str, at: (f64, f64), size: f64, c: Rgb, h: HPos, v: VPos) -> Result<(), String> {
        if s.is_empty() {
            return Ok(());
        }
        let style = self.style(size, c, h, v, true);
        self.area.draw_text(s, &style, pt(at.0, at.1)).map_err(err_string)
    }

    /// Text rotated a quarter turn anticlockwise (a y axis title), centred on `at`.
    pub fn vertical_text(&self, s: &str, at: (f64, f64), size: f64, c: Rgb) -> Result<(), String> {
        if s.is_empty() {
            return Ok(());
        }
        let mut style = self.style(size, c, HPos::Center, VPos::Center, false);
        style.font = style.font.transform(FontTransform::Rotate270);
        self.area.draw_text(s, &style, pt(at.0, at.1)).map_err(err_string)
    }

    /// White (or background) fill and the optional title; returns the y below the title.
    pub fn begin(&self, title: &str) -> Result<f64, String> {
        self.area.fill(&rgb(self.ctx.n.background)).map_err(err_string)?;
        let mut y = self.ctx.pad;
        if !title.is_empty() {
            let size = self.ctx.font * 1.15;
            let t = fit_text(title, self.ctx.w - 2.0 * self.ctx.pad, size);
            self.bold(&t, (self.ctx.pad, y), size, self.ctx.n.ink, HPos::Left, VPos::Top)?;
            y += self.ctx.line_h(size) + self.ctx.pad * 0.5;
        }
        Ok(y)
    }

    /// The "nothing to draw" message, centred.
    pub fn no_data(&self, message: &str) -> Result<(), String> {
        let t = fit_text(message, self.ctx.w - 2.0 * self.ctx.pad, self.ctx.font);
        self.text(
            &t,
            (self.ctx.w / 2.0, self.ctx.h / 2.0),
            self.ctx.font,
            self.ctx.n.muted,
            HPos::Center,
            VPos::Center,
        )
    }

    pub fn present(&self) -> Result<(), String> {
        self.area.present().map_err(err_string)
    }
}

/// One legend entry: a glyph and a text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Glyph {
    /// A filled square in a colour, optionally outlined.
    Swatch(Rgb, Option<Rgb>),
    Dot(Rgb),
    Square(Rgb),
    Diamond(Rgb),
    Dash(Rgb),
    /// Text only.
    None,
}

/// A legend laid out in lines that wrap at the drawing's width.
pub(crate) struct Legend {
    pub items: Vec<(Glyph, String, f64, usize)>, // glyph, text, x offset, line
    pub lines: usize,
    pub line_h: f64,
}

impl Legend {
    pub fn layout(ctx: &Ctx, entries: Vec<(Glyph, String)>, max_w: f64) -> Legend {
        let size = ctx.small;
        let glyph_w = size * 1.1;
        let gap = size * 0.4;
        let spacing = size * 1.2;
        let mut items = Vec::new();
        let (mut x, mut line) = (0.0, 0usize);
        for (g, text) in entries {
            let gw = if g == Glyph::None { 0.0 } else { glyph_w + gap };
            let text = fit_text(&text, max_w - gw, size);
            let w = gw + text_width(&text, size);
            if x > 0.0 && x + w > max_w {
                x = 0.0;
                line += 1;
            }
            items.push((g, text, x, line));
            x += w + spacing;
        }
        let lines = if items.is_empty() { 0 } else { line + 1 };
        Legend {
            items,
            lines,
            line_h: ctx.line_h(size) * 1.2,
        }
    }

    pub fn height(&self) -> f64 {
        self.lines as f64 * self.line_h
    }

    pub fn draw<DB: DrawingBackend>(&self, p: &Painter<DB>, x0: f64, y0: f64) -> Result<(), String> {
        let ctx = p.ctx;
        let size = ctx.small;
        let g = size * 0.9;
        for (glyph, text, dx, line) in &self.items {
            let x = x0 + dx;
            let cy = y0 + (*line as f64 + 0.5) * self.line_h;
            let r = Rect::new(x, cy - g / 2.0, x + g, cy + g / 2.0);
            let tx = match glyph {
                Glyph::None => x,
                _ => x + size * 1.1 + size * 0.4,
            };
            match glyph {
                Glyph::Swatch(c, edge) => {
                    p.fill_rect(r, *c)?;
                    if let Some(e) = edge {
                        p.stroke_rect(r, *e, ctx.line)?;
                    }
                }
                Glyph::Dot(c) => p.fill_circle((x + g / 2.0, cy), g * 0.42, *c)?,
                Glyph::Square(c) => p.fill_rect(Rect::new(x + g * 0.1, cy - g * 0.4, x + g * 0.9, cy + g * 0.4), *c)?,
                Glyph::Diamond(c) => p.fill_polygon(&diamond((x + g / 2.0, cy), g * 0.55), *c)?,
                Glyph::Dash(c) => p.dashed((x - g * 0.2, cy), (x + g * 1.2, cy), *c, (ctx.line * 2).max(2))?,
                Glyph::None => {}
            }
            p.text(text, (tx, cy), size, ctx.n.ink, HPos::Left, VPos::Center)?;
        }
        Ok(())
    }
}

/// The corners of a diamond around `c` with half-diagonal `r`.
pub(crate) fn diamond(c: (f64, f64), r: f64) -> Vec<(f64, f64)> {
    vec![(c.0, c.1 - r), (c.0 + r, c.1), (c.0, c.1 + r), (c.0 - r, c.1)]
}

/// Shared helpers of the chart tests.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::data::model::*;

    /// Draw with `f` into an SVG string of the given size.
    pub fn svg<F>(w: u32, h: u32, f: F) -> String
    where
        F: FnOnce(plotters::backend::SVGBackend) -> Result<(), String>,
    {
        let mut out = String::new();
        {
            let backend = plotters::backend::SVGBackend::with_string(&mut out, (w, h));
            f(backend).expect("chart draws");
        }
        out
    }

    /// How many `<tag` elements the SVG holds.
    pub fn count(svg: &str, tag: &str) -> usize {
        svg.matches(&format!("<{tag} ")).count()
    }

    /// How many `<tag` elements the SVG holds whose attributes include `attr`.
    pub fn count_with(svg: &str, tag: &str, attr: &str) -> usize {
        svg.lines()
            .filter(|l| l.starts_with(&format!("<{tag} ")) && l.contains(attr))
            .count()
    }

    /// The texts of all `<text>` elements.
    pub fn texts(svg: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = svg;
        while let Some(i) = rest.find("<text ") {
            rest = &rest[i..];
            let open_end = rest.find('>').unwrap();
            let close = rest.find("</text>").unwrap();
            out.push(
                rest[open_end + 1..close]
                    .trim()
                    .replace("&gt;", ">")
                    .replace("&lt;", "<")
                    .replace("&amp;", "&"),
            );
            rest = &rest[close..];
        }
        out
    }

    pub fn bi(zh: &str, en: &str) -> Bilingual {
        Bilingual {
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }

    pub fn document(id: &str, zh: &str, en: &str, start: u16, end: u16) -> DocumentEntry {
        DocumentEntry {
            document: Document {
                id: id.to_string(),
                locality: bi(zh, en),
                province: bi("广东", "Guangdong"),
                level: Level::PrefectureLevelCity,
                title: format!("{zh}教育文件"),
                doc_number: None,
                issuer: format!("{zh}人民政府"),
                issued: None,
                published: None,
                period: Period { start, end },
                genre: "意见".to_string(),
                script: Script::Simplified,
                source: format!("data/sources/{id}.txt"),
                note: None,
            },
            targets: Vec::new(),
        }
    }

    /// A quantitative target; `year` None for an undated one.
    pub fn target(
        id: &str,
        theme: &str,
        indicator: &str,
        comparator: Comparator,
        value: Option<f64>,
        unit: &str,
        year: Option<u16>,
    ) -> Target {
        Target {
            id: id.to_string(),
            kind: if value.is_some() {
                Kind::Quantitative
            } else {
                Kind::Milestone
            },
            theme: theme.to_string(),
            indicator: indicator.to_string(),
            comparator,
            value,
            unit: if unit.is_empty() { None } else { Some(unit.to_string()) },
            scope: None,
            baseline: None,
            target_year: year,
            deadline_text: year.map(|y| format!("到{y}年")),
            binding: None,
            responsible: Vec::new(),
            section: "一".to_string(),
            quote: "……".to_string(),
            summary: bi("摘要", "Summary"),
            note: None,
            garbled: false,
        }
    }

    pub fn theme(id: &str, zh: &str, en: &str) -> Theme {
        Theme {
            id: id.to_string(),
            name: bi(zh, en),
        }
    }

    pub fn indicator(id: &str, zh: &str, en: &str, theme: &str, unit: &str) -> Indicator {
        Indicator {
            id: id.to_string(),
            name: bi(zh, en),
            theme: theme.to_string(),
            unit: unit.to_string(),
            better: Better::Higher,
            definition: String::new(),
        }
    }

    pub fn dataset(documents: Vec<DocumentEntry>) -> Dataset {
        Dataset {
            version: "test".to_string(),
            themes: vec![
                theme("preschool", "学前教育", "Preschool"),
                theme("compulsory", "义务教育", "Compulsory education"),
                theme("teachers", "教师队伍", "Teachers"),
                theme("health", "健康与体育", "Health and wellbeing"),
                theme("moral", "德育与党建", "Moral education and Party work"),
            ],
            indicators: vec![
                indicator(
                    "public-kindergarten-share",
                    "公办幼儿园在园幼儿占比",
                    "Share of children in public kindergartens",
                    "preschool",
                    "%",
                ),
                indicator(
                    "student-fitness-good-rate",
                    "学生体质健康优良率",
                    "Share of pupils rated good or excellent in fitness",
                    "health",
                    "%",
                ),
                indicator(
                    "primary-class-size-cap",
                    "小学班额上限",
                    "Primary class-size cap",
                    "compulsory",
                    "人/班",
                ),
            ],
            documents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_values_and_years() {
        assert_eq!(format_number(80.0), "80");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_value(80.0, "%", false), "80%");
        assert_eq!(format_value(45.0, "人/班", true), "45人/班");
        assert_eq!(format_value(45.0, "人/班", false), "45 人/班");
        assert_eq!(format_year(2023.5), "2023.5");
        assert_eq!(format_year(2020.0), "2020");
    }

    #[test]
    fn text_estimates_and_fitting() {
        assert_eq!(text_width("东莞", 10.0), 20.0);
        assert!((text_width("2020", 10.0) - 24.0).abs() < 1e-9);
        let cut = fit_text("Qingbaijiang District", 60.0, 10.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 10.0) <= 60.0);
        assert_eq!(fit_text("东莞", 60.0, 10.0), "东莞");
    }

    #[test]
    fn ticks_ranges_and_steps() {
        assert_eq!(nice_ticks(0.0, 100.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(40.0, 58.0, 4), vec![40.0, 45.0, 50.0, 55.0]);
        let (lo, hi) = padded_range(&[42.0, 57.0], "%");
        assert!((0.0..42.0).contains(&lo) && hi > 57.0 && hi <= 100.0);
        assert_eq!(padded_range(&[100.0], "%").1, 100.0);
        assert_eq!(year_step(50.0, 30.0), 1);
        assert_eq!(year_step(20.0, 30.0), 2);
    }

    #[test]
    fn placer_avoids_overlaps_and_bounds() {
        let mut p = Placer::new(Rect::new(0.0, 0.0, 200.0, 100.0));
        let a = p.place(100.0, 50.0, 5.0, 40.0, 10.0).unwrap();
        assert_eq!(a.x0, 105.0);
        let b = p.place(100.0, 50.0, 5.0, 40.0, 10.0).unwrap();
        assert!(!a.overlaps(&b));
        // Near the right edge the label goes left.
        let c = p.place(195.0, 10.0, 5.0, 40.0, 10.0).unwrap();
        assert!(c.x1 <= 190.0);
        assert!(p.place(100.0, 50.0, 5.0, 500.0, 10.0).is_none());
        // Adjacent labels get no leader line, displaced ones do.
        assert!(leader(&a, (100.0, 50.0), 3.0, 5.0).is_none());
        let far = Rect::new(120.0, 80.0, 160.0, 90.0);
        let (from, to) = leader(&far, (100.0, 50.0), 3.0, 5.0).unwrap();
        assert_eq!(to, (120.0, 80.0));
        assert!((from.0 - 100.0).hypot(from.1 - 50.0) - 3.0 < 1e-9);
    }

    #[test]
    fn locality_indices_follow_document_order() {
        use test_support::*;
        let ds = dataset(vec![
            document("a-2019", "东莞", "Dongguan", 2019, 2022),
            document("b-2019", "盘锦", "Panjin", 2019, 2022),
            document("a-2022", "东莞", "Dongguan", 2022, 2025),
            document("c-2022", "四会", "Sihui", 2022, 2030),
        ]);
        assert_eq!(locality_index(&ds, "Dongguan"), 0);
        assert_eq!(locality_index(&ds, "Panjin"), 1);
        assert_eq!(locality_index(&ds, "Sihui"), 2);
        let sel = select_documents(&ds, &["c-2022", "a-2019", "a-2022", "zzz", "c-2022"], true);
        let labels: Vec<&str> = sel.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, vec!["四会", "东莞 2019", "东莞 2022"]);
        assert_eq!(sel[0].color_index, 2);
    }

    #[test]
    fn labels_scale_and_defaults() {
        let l = ChartLabels::new(true).with_scale(2.0);
        assert_eq!(l.year_axis, "年份");
        let ctx = Ctx::new((720, 400), &l);
        assert_eq!(ctx.s, 2.0);
        assert_eq!(ctx.font, 24.0);
        let wide = ChartLabels::new(false);
        assert_eq!(Ctx::new((1200, 400), &wide).font, 14.0);
        assert_eq!(comparator_symbol(Comparator::AtLeast), "≥");
    }
}
