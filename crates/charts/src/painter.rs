//! The [`Painter`]: thin drawing helpers over a plotters drawing area, in device pixels, every
//! error mapped to a `String`.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::Rgb;
use super::{fit_text, ChartLabels, Ctx, Rect};

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
/// Draw one chart on `backend`: the background and `labels.title`, then `body` with the painter and
/// the y below the title, unless the area is too small to hold a chart; presented either way.
pub(crate) fn paint<DB: DrawingBackend>(
    backend: DB,
    labels: &ChartLabels,
    body: impl FnOnce(&Painter<'_, DB>, f64) -> Result<(), String>,
) -> Result<(), String> {
    let size = backend.get_size();
    let area = backend.into_drawing_area();
    let ctx = Ctx::new(size, labels);
    let p = Painter { area: &area, ctx: &ctx };
    let top = p.begin(&labels.title)?;
    if !ctx.too_small() {
        body(&p, top)?;
    }
    p.present()
}

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
