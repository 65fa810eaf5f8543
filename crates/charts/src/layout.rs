//! Geometry of one drawing in device pixels: its sizes ([`Ctx`]), rectangles, greedy label
//! placement and leader lines, nice ticks, padded value ranges, year steps and linear scales.

use super::palette::{self, Neutrals};
use super::ChartLabels;

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

/// The corners of a diamond around `c` with half-diagonal `r`.
pub(crate) fn diamond(c: (f64, f64), r: f64) -> Vec<(f64, f64)> {
    vec![(c.0, c.1 - r), (c.0 + r, c.1), (c.0, c.1 + r), (c.0 - r, c.1)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::lang::Lang;

    #[test]
    fn sizes_follow_the_labels_scale_and_the_width() {
        let l = ChartLabels::new(Lang::Zh).with_scale(2.0);
        let ctx = Ctx::new((720, 400), &l);
        assert_eq!(ctx.s, 2.0);
        assert_eq!(ctx.font, 24.0);
        let wide = ChartLabels::new(Lang::En);
        assert_eq!(Ctx::new((1200, 400), &wide).font, 14.0);
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
}
