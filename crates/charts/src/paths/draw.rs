//! Drawing the paths chart: the frame and year cells, each series' line and marks, the entered
//! points and their dashed projections, the labels placed clear of the marks, and the legend of
//! what is drawn.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::{EnteredPoint, PathsData, PointRole};
use super::describe::{date_text, omitted_note};
use crate::indicator::draw_frame;
use crate::palette::{locality_color, Rgb};
use crate::{
    comparator_symbol, diamond, format_value, leader, paint, text_width, ChartLabels, Glyph, Legend, Placer, Rect,
};

/// Draw the paths chart. Sizes come from `backend.get_size()` and `labels.scale`.
pub fn draw_paths<DB: DrawingBackend>(backend: DB, data: &PathsData, labels: &ChartLabels) -> Result<(), String> {
    paint(backend, labels, |p, top| {
        let ctx = p.ctx;
        let entered: Vec<&EnteredPoint> = data.entered.iter().filter(|e| e.usable()).collect();
        if data.series.is_empty() && entered.is_empty() {
            p.no_data(&labels.no_data)?;
            return Ok(());
        }
        let projections = data.projections();
        let mut times: Vec<f64> = data
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.time()))
            .collect();
        let mut values: Vec<f64> = data
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.value))
            .collect();
        times.extend(entered.iter().map(|e| e.date));
        values.extend(entered.iter().map(|e| e.value));
        values.extend(projections.iter().map(|p| p.to.1));
        let first = times.iter().copied().fold(f64::INFINITY, f64::min);
        let last = times.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // Whole year cells: the one the first point ends, through one spare cell after the last point
        // (room for the series names).
        let (x0, x1) = (first.floor() - 1.0, last.ceil() + 1.0);

        // Legend: only the kinds of mark that are drawn.
        let n = ctx.n;
        let mut entries = vec![(Glyph::Dot(n.muted), labels.target.clone())];
        if data
            .series
            .iter()
            .any(|s| s.points.iter().any(|p| p.role == PointRole::Baseline))
        {
            entries.push((Glyph::Square(n.muted), labels.baseline.clone()));
        }
        if !entered.is_empty() {
            entries.push((Glyph::Diamond(n.muted), labels.entered.clone()));
        }
        if !projections.is_empty() {
            entries.push((Glyph::Dash(n.muted), labels.projection.clone()));
        }
        if !data.omitted.is_empty() {
            entries.push((Glyph::None, omitted_note(data.omitted_documents(), labels.lang)));
        }
        let legend = Legend::layout(ctx, entries, ctx.w - 2.0 * ctx.pad);
        let legend_y = ctx.h - ctx.pad - legend.height();
        let f = draw_frame(p, labels, (x0, x1), &values, &data.unit, top, legend_y - ctx.pad * 0.5)?;
        let at = |time: f64, value: f64| (f.x.map(time), f.y.map(value));

        let r = ctx.px(4.0);
        let thick = (ctx.line * 2).max(2);
        let color_of = |key: &str| {
            data.series
                .iter()
                .find(|s| s.key == key)
                .map(|s| locality_color(s.color_index, ctx.hc))
                .unwrap_or(n.muted)
        };
        let mut placer = Placer::new(Rect::new(
            f.plot.x0,
            f.plot.y0 - ctx.line_h(ctx.small) * 0.5,
            ctx.w,
            f.plot.y1,
        ));

        // Lines first, marks on top.
        for s in &data.series {
            let c = locality_color(s.color_index, ctx.hc);
            let pts: Vec<(f64, f64)> = s.points.iter().map(|q| at(q.time(), q.value)).collect();
            if pts.len() > 1 {
                p.polyline(&pts, c, thick)?;
            }
        }
        for pr in &projections {
            p.dashed(
                at(pr.from.0, pr.from.1),
                at(pr.to.0, pr.to.1),
                color_of(&pr.series),
                thick,
            )?;
        }
        for s in &data.series {
            let c = locality_color(s.color_index, ctx.hc);
            for q in &s.points {
                let m = at(q.time(), q.value);
                let bounds = Rect::new(m.0 - r, m.1 - r, m.0 + r, m.1 + r);
                placer.block(bounds);
                match q.role {
                    PointRole::Baseline => {
                        p.fill_rect(bounds, c)?;
                        if ctx.hc {
                            p.stroke_rect(bounds, n.ink, 1)?;
                        }
                    }
                    PointRole::Target | PointRole::Derived => {
                        p.fill_circle(m, r, c)?;
                        if ctx.hc {
                            p.stroke_circle(m, r, n.ink, 1)?;
                        }
                    }
                }
            }
        }
        let dr = ctx.px(7.0);
        for e in &entered {
            let m = at(e.date, e.value);
            placer.block(Rect::new(m.0 - dr, m.1 - dr, m.0 + dr, m.1 + dr));
            let shape = diamond(m, dr);
            p.fill_polygon(&shape, color_of(&e.series))?;
            let mut outline = shape.clone();
            outline.push(shape[0]);
            p.polyline(&outline, n.ink, ctx.line)?;
        }

        // Labels: series names at their last point, then entered values, then projections.
        let h = ctx.line_h(ctx.small);
        let mut label = |text: String, m: (f64, f64), mark: f64, color: Rgb| -> Result<(), String> {
            let w = text_width(&text, ctx.small);
            let gap = mark + ctx.px(4.0);
            if let Some(rect) = placer.place(m.0, m.1, gap, w, h) {
                if let Some((a, b)) = leader(&rect, m, mark, gap) {
                    p.line(a, b, color, ctx.line)?;
                }
                p.text(
                    &text,
                    (rect.x0, (rect.y0 + rect.y1) / 2.0),
                    ctx.small,
                    n.ink,
                    HPos::Left,
                    VPos::Center,
                )?;
            }
            Ok(())
        };
        for s in &data.series {
            if let Some(last) = s.points.last() {
                let text = format!(
                    "{} {}{}",
                    s.label,
                    comparator_symbol(last.comparator),
                    format_value(last.value, &data.unit, labels.lang)
                );
                label(
                    text,
                    at(last.time(), last.value),
                    r,
                    locality_color(s.color_index, ctx.hc),
                )?;
            }
        }
        for e in &entered {
            let text = format!(
                "{} ({})",
                format_value(e.value, &data.unit, labels.lang),
                date_text(e.date)
            );
            label(text, at(e.date, e.value), dr, color_of(&e.series))?;
        }
        for pr in &projections {
            let text = format!("≈{}", format_value(pr.to.1, &data.unit, labels.lang));
            label(text, at(pr.to.0, pr.to.1), ctx.px(1.0), color_of(&pr.series))?;
        }

        legend.draw(p, ctx.pad, legend_y)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paths::summary;
    use crate::paths::test_support::entered;
    use crate::test_support::*;
    use policy_data::lang::Lang;

    #[test]
    fn draws_lines_markers_entered_points_and_projection() {
        let ds = fitness_paths();
        let d = PathsData::from_dataset(&ds, FIT, &["sihui-2022", "dongguan-2019"], &entered(), Lang::Zh);
        let labels = ChartLabels::new(Lang::Zh);
        let svg = svg(800, 400, |b| draw_paths(b, &d, &labels));
        let texts = texts(&svg);
        // Dots: 5 四会 targets + 1 东莞 target + the legend dot.
        assert_eq!(count(&svg, "circle"), 5 + 1 + 1);
        assert_eq!(count_with(&svg, "circle", "fill=\"#D55E00\""), 5, "四会 is locality 1");
        assert_eq!(count_with(&svg, "circle", "fill=\"#0072B2\""), 1, "东莞 is locality 0");
        // Baseline square: background + 1 square + legend square.
        assert_eq!(count(&svg, "rect"), 3);
        // Diamonds: 2 entered + the legend diamond.
        assert_eq!(count(&svg, "polygon"), 3);
        // The 四会 polyline goes through its five points.
        let sihui_line = svg
            .lines()
            .find(|l| l.starts_with("<polyline") && l.contains("stroke=\"#D55E00\""))
            .unwrap();
        let points = sihui_line.split("points=\"").nth(1).unwrap().split('"').next().unwrap();
        assert_eq!(points.split_whitespace().count(), 5);
        // The projection is dashed: several short 东莞-coloured segments besides the solid line.
        assert!(count_with(&svg, "polyline", "stroke=\"#0072B2\"") > 3);
        for want in [
            "四会 =57%",
            "东莞 ≥50%",
            "45% (2020-12-31)",
            "50% (2023-07-02)",
            "≈49.99%",
            "2018",
            "2025",
            "目标",
            "基线",
            "自填现值",
            "直线推算",
            "目标值（%）",
        ] {
            assert!(texts.iter().any(|t| t == want), "missing {want}: {texts:?}");
        }
    }

    #[test]
    fn legend_shows_only_what_is_drawn() {
        let ds = fitness_paths();
        let d = PathsData::from_dataset(&ds, FIT, &["sihui-2022"], &[], Lang::En);
        let labels = ChartLabels::new(Lang::En);
        let svg = svg(360, 300, |b| draw_paths(b, &d, &labels));
        let texts = texts(&svg);
        assert!(texts.contains(&"Target".to_string()));
        assert!(texts.contains(&"Sihui =57%".to_string()));
        assert!(!texts.contains(&"Baseline".to_string()));
        assert!(!texts.contains(&"Your value".to_string()));
        assert_eq!(count(&svg, "polygon"), 0);
        assert_eq!(count(&svg, "circle"), 5 + 1);
    }

    #[test]
    fn empty_draws_a_message() {
        let ds = fitness_paths();
        let d = PathsData::from_dataset(&ds, "nothing", &["sihui-2022"], &[], Lang::Zh);
        let labels = ChartLabels::new(Lang::Zh);
        let svg = svg(800, 400, |b| draw_paths(b, &d, &labels));
        assert!(texts(&svg).contains(&labels.no_data));
        assert_eq!(summary(&d, Lang::En), "nothing: no targets in the selected documents.");
    }
}
