//! Chart legends: entries of a glyph and a text, laid out in lines that wrap at the drawing's
//! width, and drawn with a [`Painter`].

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::palette::Rgb;
use super::{diamond, fit_text, text_width, Ctx, Painter, Rect};

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
