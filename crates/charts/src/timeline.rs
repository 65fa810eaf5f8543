//! Chart 1: a timeline per locality. One row per document (labelled with its locality and plan
//! period), x = years (2018–2030, widened to cover the data). The plan period is a grey band;
//! each year with deadlines gets a bar of stacked segments, one segment per theme, coloured by
//! theme; the bar's height grows with the square root of the number of targets due that year (so
//! a year with one target stays visible beside one with sixty), each segment takes its share, and
//! the total is written above the bar. A legend names the band and the themes present.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::palette::{slot_color, theme_slots};
use super::{fit_text, paint, select_documents, text_width, year_step, ChartLabels, Ctx, Glyph, Legend, Rect};
use policy_analysis::ordering::{self, Counts};
use policy_data::lang::Lang;
use policy_data::model::Dataset;

mod describe;
pub use describe::{summary, table};

/// First and last year the axis shows at least.
pub const DEFAULT_YEARS: (u16, u16) = (2018, 2030);

/// Everything the timeline draws.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineData {
    /// Language of the names in this data (and of the table header).
    pub lang: Lang,
    pub first_year: u16,
    pub last_year: u16,
    pub rows: Vec<TimelineRow>,
    /// Themes that occur in the rows, in dataset order: the legend.
    pub themes: Vec<ThemeKey>,
}

/// A theme id, its name in the data's language and its colour slot.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeKey {
    pub id: String,
    pub name: String,
    /// The theme's slot among the dataset's themes ([`theme_slots`]); `None` for an id that is not
    /// one of them (drawn grey).
    pub slot: Option<usize>,
}

/// One document.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    pub document_id: String,
    /// Row label: the locality (plus the plan's first year when a locality has two documents).
    pub label: String,
    /// Plan period, inclusive.
    pub period: (u16, u16),
    /// Targets due per year and theme; sorted by year, then by theme order.
    pub marks: Vec<DeadlineMark>,
    /// Targets of this document without a target year (not drawn; in the summary and table).
    pub undated: usize,
}

/// `count` targets of `theme` due in `year`.
#[derive(Clone, Debug, PartialEq)]
pub struct DeadlineMark {
    pub year: u16,
    pub theme: String,
    pub count: usize,
}

impl TimelineData {
    /// The timeline of the documents `doc_ids` (in that order; unknown ids skipped), names in
    /// `lang`. Every target counts, whatever its kind.
    pub fn from_dataset(ds: &Dataset, doc_ids: &[&str], lang: Lang) -> Self {
        let theme_order = |id: &str| ds.themes.iter().position(|t| t.id == id).unwrap_or(usize::MAX);
        let mut rows = Vec::new();
        let mut used_themes: Vec<String> = Vec::new();
        for sel in select_documents(ds, doc_ids, lang) {
            let d = &sel.entry.document;
            // (year, theme order, theme) of each dated target, sorted, then counted by run: the
            // same marks as a map keyed by that triple, without one more B-tree instantiation.
            let mut keys: Vec<(u16, usize, &str)> = Vec::new();
            let mut undated = 0;
            for t in &sel.entry.targets {
                match t.target_year {
                    Some(y) => {
                        keys.push((y, theme_order(&t.theme), t.theme.as_str()));
                        if !used_themes.contains(&t.theme) {
                            used_themes.push(t.theme.clone());
                        }
                    }
                    None => undated += 1,
                }
            }
            ordering::sort(&mut keys);
            let mut marks: Vec<DeadlineMark> = Vec::new();
            for (year, _, theme) in keys {
                match marks.last_mut() {
                    Some(last) if last.year == year && last.theme == theme => last.count += 1,
                    _ => marks.push(DeadlineMark {
                        year,
                        theme: theme.to_string(),
                        count: 1,
                    }),
                }
            }
            rows.push(TimelineRow {
                document_id: d.id.clone(),
                label: sel.label,
                period: (d.period.start, d.period.end),
                marks,
                undated,
            });
        }
        ordering::sort_by(&mut used_themes, |a, b| (theme_order(a), a).cmp(&(theme_order(b), b)));
        let slots = theme_slots(&ds.themes);
        let themes = used_themes
            .into_iter()
            .map(|id| {
                let position = ds.themes.iter().position(|t| t.id == id);
                let name = position
                    .map(|i| lang.pick(&ds.themes[i].name.zh, &ds.themes[i].name.en).clone())
                    .unwrap_or_else(|| id.clone());
                ThemeKey {
                    id,
                    name,
                    slot: position.map(|i| slots[i]),
                }
            })
            .collect();
        let mut data = TimelineData {
            lang,
            first_year: DEFAULT_YEARS.0,
            last_year: DEFAULT_YEARS.1,
            rows,
            themes,
        };
        data.fit_years();
        data
    }

    /// Widen `first_year..=last_year` to cover every period and deadline (never narrower than
    /// [`DEFAULT_YEARS`]).
    pub fn fit_years(&mut self) {
        let mut lo = DEFAULT_YEARS.0;
        let mut hi = DEFAULT_YEARS.1;
        for r in &self.rows {
            lo = lo.min(r.period.0);
            hi = hi.max(r.period.1);
            for m in &r.marks {
                lo = lo.min(m.year);
                hi = hi.max(m.year);
            }
        }
        self.first_year = lo;
        self.last_year = hi.max(lo);
    }

    /// Number of dated targets.
    pub fn dated(&self) -> usize {
        self.rows.iter().flat_map(|r| &r.marks).map(|m| m.count).sum()
    }

    /// Number of undated targets.
    pub fn undated(&self) -> usize {
        self.rows.iter().map(|r| r.undated).sum()
    }

    /// The colour slot of theme `id` (`None`, grey, when it is not in the legend).
    fn theme_slot(&self, id: &str) -> Option<usize> {
        self.themes.iter().find(|t| t.id == id).and_then(|t| t.slot)
    }

    fn theme_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.themes
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.as_str())
            .unwrap_or(id)
    }
}

/// Where everything goes, in device pixels.
struct Layout {
    plot: Rect,
    label_w: f64,
    row_h: f64,
    year_w: f64,
    legend: Legend,
    legend_y: f64,
    axis_title_y: f64,
}

fn layout(ctx: &Ctx, data: &TimelineData, labels: &ChartLabels, top: f64) -> Layout {
    let max_label_w = ctx.w * 0.3;
    let label_w = data
        .rows
        .iter()
        .map(|r| text_width(&r.label, ctx.font).max(text_width(&period_text(r.period), ctx.small)))
        .fold(ctx.font * 2.0, f64::max)
        .min(max_label_w)
        + ctx.pad;
    let mut entries = vec![(
        Glyph::Swatch(ctx.n.band, Some(ctx.n.band_edge)),
        labels.plan_period.clone(),
    )];
    for t in &data.themes {
        entries.push((Glyph::Swatch(slot_color(t.slot, ctx.hc), None), t.name.clone()));
    }
    if !labels.bar_note.is_empty() {
        entries.push((Glyph::None, labels.bar_note.clone()));
    }
    let legend = Legend::layout(ctx, entries, ctx.w - 2.0 * ctx.pad);
    let ticks_h = ctx.line_h(ctx.font) + ctx.px(4.0);
    let title_h = if labels.year_axis.is_empty() {
        0.0
    } else {
        ctx.line_h(ctx.small)
    };
    let legend_y = ctx.h - ctx.pad - legend.height();
    let axis_title_y = legend_y - ctx.pad * 0.5 - title_h;
    let ticks_y = axis_title_y - ticks_h;
    let plot = Rect::new(ctx.pad + label_w, top, ctx.w - ctx.pad, ticks_y);
    let years = f64::from(data.last_year - data.first_year + 1);
    Layout {
        plot,
        label_w,
        row_h: (plot.y1 - plot.y0) / data.rows.len().max(1) as f64,
        year_w: (plot.x1 - plot.x0) / years,
        legend,
        legend_y,
        axis_title_y,
    }
}

pub(super) fn period_text(p: (u16, u16)) -> String {
    format!("{}–{}", p.0, p.1)
}

/// The CSS height that gives every row about 48 CSS px (56 on wide screens) at `css_width`, for
/// sizing the canvas before drawing.
pub fn preferred_height(data: &TimelineData, labels: &ChartLabels, css_width: f64) -> f64 {
    let probe = ChartLabels {
        scale: 1.0,
        ..labels.clone()
    };
    let ctx = Ctx::new((css_width.max(1.0) as u32, 1000), &probe);
    let top = ctx.pad
        + if labels.title.is_empty() {
            0.0
        } else {
            ctx.line_h(ctx.font * 1.15) + ctx.pad * 0.5
        };
    let l = layout(&ctx, data, labels, top);
    let chrome = top + (ctx.h - l.plot.y1);
    let row = if css_width < 600.0 { 48.0 } else { 56.0 };
    (chrome + row * data.rows.len().max(1) as f64).ceil()
}

/// Draw the timeline. Sizes come from `backend.get_size()` and `labels.scale`.
pub fn draw_timeline<DB: DrawingBackend>(backend: DB, data: &TimelineData, labels: &ChartLabels) -> Result<(), String> {
    paint(backend, labels, |p, top| {
        let ctx = p.ctx;
        if data.rows.is_empty() || data.last_year < data.first_year {
            p.no_data(&labels.no_data)?;
            return Ok(());
        }
        let l = layout(ctx, data, labels, top);
        let n = &ctx.n;
        let first = data.first_year;
        let cx = |year: u16| l.plot.x0 + (f64::from(year - first) + 0.5) * l.year_w;

        // Grid: year boundaries and row separators.
        for i in 0..=(data.last_year - first + 1) {
            let x = l.plot.x0 + f64::from(i) * l.year_w;
            p.line((x, l.plot.y0), (x, l.plot.y1), n.grid, 1)?;
        }
        for i in 0..=data.rows.len() {
            let y = l.plot.y0 + i as f64 * l.row_h;
            p.line((ctx.pad, y), (l.plot.x1, y), n.grid, 1)?;
        }

        // The tallest bar (in targets) sets the unit height shared by all rows.
        let max_total = data
            .rows
            .iter()
            .flat_map(|r| {
                let mut per_year = Counts::default();
                for m in &r.marks {
                    per_year.add(m.year, m.count);
                }
                per_year.iter().map(|(_, n)| n).max()
            })
            .max()
            .unwrap_or(1)
            .max(1);
        let bar_w = (l.year_w * 0.55).min(ctx.px(18.0)).max(2.0);
        let count_h = ctx.line_h(ctx.small);
        let name_only = l.row_h < ctx.line_h(ctx.font) + ctx.line_h(ctx.small);

        for (i, row) in data.rows.iter().enumerate() {
            let y0 = l.plot.y0 + i as f64 * l.row_h;
            let y1 = y0 + l.row_h;
            let inset = (l.row_h * 0.08).max(1.0);

            // Row label: locality, plan period below it.
            let label = fit_text(&row.label, l.label_w - ctx.pad, ctx.font);
            let mid = (y0 + y1) / 2.0;
            if name_only {
                p.text(&label, (ctx.pad, mid), ctx.font, n.ink, HPos::Left, VPos::Center)?;
            } else {
                p.text(&label, (ctx.pad, mid), ctx.font, n.ink, HPos::Left, VPos::Bottom)?;
                let period = fit_text(&period_text(row.period), l.label_w - ctx.pad, ctx.small);
                p.text(
                    &period,
                    (ctx.pad, mid + ctx.px(2.0)),
                    ctx.small,
                    n.muted,
                    HPos::Left,
                    VPos::Top,
                )?;
            }

            // Plan period band.
            let (ps, pe) = (row.period.0.max(first), row.period.1.min(data.last_year));
            if ps <= pe {
                let band = Rect::new(cx(ps) - l.year_w / 2.0, y0 + inset, cx(pe) + l.year_w / 2.0, y1 - inset);
                p.fill_rect(band, n.band)?;
                p.stroke_rect(band, n.band_edge, ctx.line)?;
            }

            // Bars: one per year, stacked theme segments from the bottom up. A bar's height grows
            // with the square root of its total, so that a year with one or two targets still shows
            // next to one with sixty; each segment takes its share of the bar.
            let base = y1 - inset - ctx.px(2.0);
            // At most 14 CSS px per target for the tallest bar, so a few targets make no tower.
            let max_bar_h = (base - (y0 + inset) - count_h)
                .max(2.0)
                .min(ctx.px(14.0) * max_total as f64);
            let mut totals = Counts::default();
            for m in &row.marks {
                totals.add(m.year, m.count);
            }
            let per_target = |year: u16| {
                let total = totals.get(&year).max(1) as f64;
                max_bar_h * (total / max_total as f64).sqrt() / total
            };
            let mut year_total = Counts::default();
            // Top of each year's stack so far, by year − first (a vector: years are a short range).
            let mut stack_top: Vec<Option<f64>> = vec![None; usize::from(data.last_year.saturating_sub(first)) + 1];
            for m in row.marks.iter().filter(|m| m.count > 0) {
                if m.year < first || m.year > data.last_year {
                    continue;
                }
                let unit = per_target(m.year);
                let slot = usize::from(m.year - first);
                let bottom = stack_top[slot].unwrap_or(base);
                let top = bottom - unit * m.count as f64;
                let gap = if bottom < base && unit * m.count as f64 > 2.0 {
                    1.0
                } else {
                    0.0
                };
                let seg = Rect::new(cx(m.year) - bar_w / 2.0, top, cx(m.year) + bar_w / 2.0, bottom - gap);
                p.fill_rect(seg, slot_color(data.theme_slot(&m.theme), ctx.hc))?;
                if ctx.hc {
                    p.stroke_rect(seg, n.ink, 1)?;
                }
                stack_top[slot] = Some(top);
                year_total.add(m.year, m.count);
            }
            for (year, total) in year_total.into_vec() {
                let t = total.to_string();
                if text_width(&t, ctx.small) <= l.year_w {
                    let top = stack_top[usize::from(year - first)].unwrap_or(base);
                    p.text(
                        &t,
                        (cx(year), top - ctx.px(1.0)),
                        ctx.small,
                        n.muted,
                        HPos::Center,
                        VPos::Bottom,
                    )?;
                }
            }
        }

        // X axis: baseline, ticks and year labels.
        p.line((l.plot.x0, l.plot.y1), (l.plot.x1, l.plot.y1), n.axis, ctx.line)?;
        let step = year_step(l.year_w, text_width("2030", ctx.font));
        for year in first..=data.last_year {
            if !year.is_multiple_of(step) {
                continue;
            }
            let x = cx(year);
            p.line((x, l.plot.y1), (x, l.plot.y1 + ctx.px(4.0)), n.axis, ctx.line)?;
            p.text(
                &year.to_string(),
                (x, l.plot.y1 + ctx.px(4.0)),
                ctx.font,
                n.ink,
                HPos::Center,
                VPos::Top,
            )?;
        }
        p.text(
            &labels.year_axis,
            ((l.plot.x0 + l.plot.x1) / 2.0, l.axis_title_y),
            ctx.small,
            n.muted,
            HPos::Center,
            VPos::Top,
        )?;

        l.legend.draw(p, ctx.pad, l.legend_y)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use policy_data::model::Comparator;

    fn fixture() -> Dataset {
        let mut dg = document("dongguan-2019", "东莞", "Dongguan", 2019, 2022);
        dg.targets = vec![
            percent(
                "dg-1",
                "preschool",
                "public-kindergarten-share",
                Comparator::AtLeast,
                50.0,
                Some(2020),
            ),
            percent(
                "dg-2",
                "preschool",
                "inclusive-kindergarten-share",
                Comparator::AtLeast,
                80.0,
                Some(2020),
            ),
            target("dg-3", "moral", "party", Comparator::None, None, "", Some(2020)),
            target(
                "dg-4",
                "compulsory",
                "places",
                Comparator::Count,
                Some(90000.0),
                "个",
                Some(2022),
            ),
            target(
                "dg-5",
                "compulsory",
                "future-schools",
                Comparator::Count,
                Some(3.0),
                "所",
                None,
            ),
        ];
        let mut sh = document("sihui-2022", "四会", "Sihui", 2022, 2030);
        sh.targets = vec![
            percent(
                "sh-1",
                "health",
                "student-fitness-good-rate",
                Comparator::AtLeast,
                52.0,
                Some(2022),
            ),
            percent(
                "sh-2",
                "health",
                "student-fitness-good-rate",
                Comparator::AtLeast,
                57.0,
                Some(2025),
            ),
            percent("sh-3", "teachers", "ratio", Comparator::AtLeast, 10.0, Some(2025)),
        ];
        dataset(vec![dg, sh])
    }

    #[test]
    fn builds_rows_marks_and_legend_from_the_dataset() {
        let ds = fixture();
        let d = TimelineData::from_dataset(&ds, &["dongguan-2019", "sihui-2022", "nope"], Lang::Zh);
        assert_eq!((d.first_year, d.last_year), (2018, 2030));
        assert_eq!(d.rows.len(), 2);
        assert_eq!(d.rows[0].label, "东莞");
        assert_eq!(
            d.rows[0].marks,
            vec![
                DeadlineMark {
                    year: 2020,
                    theme: "preschool".into(),
                    count: 2
                },
                DeadlineMark {
                    year: 2020,
                    theme: "moral".into(),
                    count: 1
                },
                DeadlineMark {
                    year: 2022,
                    theme: "compulsory".into(),
                    count: 1
                },
            ]
        );
        assert_eq!(d.rows[0].undated, 1);
        let ids: Vec<&str> = d.themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, vec!["preschool", "compulsory", "teachers", "health", "moral"]);
        assert_eq!(d.themes[0].name, "学前教育");
        assert_eq!(d.dated(), 7);
        assert_eq!(d.undated(), 1);
    }

    #[test]
    fn years_widen_to_cover_the_data() {
        let mut ds = fixture();
        ds.documents[1].document.period.end = 2035;
        let d = TimelineData::from_dataset(&ds, &["sihui-2022"], Lang::En);
        assert_eq!((d.first_year, d.last_year), (2018, 2035));
    }

    #[test]
    fn draws_labels_ticks_bands_segments_and_legend() {
        let ds = fixture();
        let d = TimelineData::from_dataset(&ds, &["dongguan-2019", "sihui-2022"], Lang::Zh);
        let labels = ChartLabels::new(Lang::Zh);
        let svg = svg(800, 400, |b| draw_timeline(b, &d, &labels));
        let texts = texts(&svg);
        for want in [
            "东莞",
            "四会",
            "2019–2022",
            "2022–2030",
            "年份",
            "规划期",
            "学前教育",
            "健康与体育",
            "德育与党建",
        ] {
            assert!(texts.iter().any(|t| t == want), "missing text {want}: {texts:?}");
        }
        // At 800 px every year of 2018–2030 is labelled.
        for year in 2018..=2030 {
            assert!(texts.contains(&year.to_string()), "missing tick {year}");
        }
        // Rects: background, 2 bands (fill + outline each), 5 segments (东莞: 2020 preschool + moral,
        // 2022 compulsory; 四会: 2022 health, 2025 health + teachers = 6), legend: band (2) + 5 themes.
        let segments = 3 + 3;
        assert_eq!(count(&svg, "rect"), 1 + 2 * 2 + segments + 2 + 5);
        // Preschool (Okabe–Ito orange): one segment plus its legend swatch.
        assert_eq!(count_with(&svg, "rect", "fill=\"#E69F00\""), 2);
        // Health: two segments plus the swatch.
        assert_eq!(count_with(&svg, "rect", "fill=\"#7F5700\""), 3);
        // Bar totals: 3 in 东莞 2020, 1 in 2022; 1 and 2 in 四会.
        assert!(texts.contains(&"3".to_string()));
        assert!(texts.contains(&"2".to_string()));
        assert!(svg.contains("font-family=\"sans-serif\""));
        assert_eq!(count(&svg, "circle"), 0);
    }

    #[test]
    fn narrow_and_high_dpi_drawings_thin_out_year_labels() {
        let ds = fixture();
        let d = TimelineData::from_dataset(&ds, &["dongguan-2019", "sihui-2022"], Lang::En);
        // 360 CSS px at devicePixelRatio 2.
        let labels = ChartLabels::new(Lang::En).with_scale(2.0);
        let svg = svg(720, 600, |b| draw_timeline(b, &d, &labels));
        let texts = texts(&svg);
        assert!(texts.contains(&"Dongguan".to_string()));
        assert!(texts.contains(&"2020".to_string()));
        assert!(!texts.contains(&"2019".to_string()), "every other year only");
        // Fonts are scaled: 12 CSS px × 2, written by the SVG backend as size / 1.24.
        assert!(svg.contains(&format!("font-size=\"{}\"", 24.0 / 1.24)));
    }

    #[test]
    fn bar_heights_grow_with_the_square_root_of_the_number_of_targets() {
        let mut doc = document("a-2019", "东莞", "Dongguan", 2019, 2022);
        for i in 0..4 {
            doc.targets.push(target(
                &format!("a{i}"),
                "preschool",
                "x",
                Comparator::AtLeast,
                Some(1.0),
                "%",
                Some(2020),
            ));
        }
        doc.targets
            .push(percent("b", "preschool", "x", Comparator::AtLeast, 1.0, Some(2022)));
        let ds = dataset(vec![doc]);
        let d = TimelineData::from_dataset(&ds, &["a-2019"], Lang::Zh);
        let svg = svg(1000, 800, |b| draw_timeline(b, &d, &ChartLabels::new(Lang::Zh)));
        // The two bars are the preschool-coloured rects other than the legend swatch (the smallest).
        let mut heights: Vec<f64> = svg
            .lines()
            .filter(|l| l.starts_with("<rect ") && l.contains("fill=\"#E69F00\""))
            .filter_map(|l| {
                let rest = &l[l.find(" height=\"")? + 9..];
                rest[..rest.find('"')?].parse().ok()
            })
            .collect();
        heights.sort_by(f64::total_cmp);
        assert_eq!(heights.len(), 3, "two bars and a swatch: {heights:?}");
        let ratio = heights[2] / heights[1];
        assert!(
            (ratio - 2.0).abs() < 0.1,
            "4 targets stand twice as tall as 1: {heights:?}"
        );
    }

    #[test]
    fn high_contrast_uses_the_darker_palette() {
        let ds = fixture();
        let d = TimelineData::from_dataset(&ds, &["dongguan-2019"], Lang::Zh);
        let labels = ChartLabels::new(Lang::Zh).with_high_contrast(true);
        let svg = svg(800, 400, |b| draw_timeline(b, &d, &labels));
        assert!(svg.contains("fill=\"#9C6C00\""));
        assert!(!svg.contains("fill=\"#E69F00\""));
    }

    #[test]
    fn empty_selection_draws_a_message() {
        let ds = fixture();
        let d = TimelineData::from_dataset(&ds, &[], Lang::Zh);
        let labels = ChartLabels::new(Lang::Zh);
        let svg = svg(800, 400, |b| draw_timeline(b, &d, &labels));
        assert!(texts(&svg).contains(&labels.no_data));
        assert_eq!(summary(&d, Lang::Zh), "没有可显示的目标。");
        assert_eq!(table(&d).len(), 1);
    }

    #[test]
    fn summary_and_table() {
        let ds = fixture();
        let d = TimelineData::from_dataset(&ds, &["dongguan-2019", "sihui-2022"], Lang::Zh);
        assert_eq!(
            summary(&d, Lang::Zh),
            "东莞、四会共8项目标：7项有期限（2020—2025年，最多在2020年，3项），1项未写明期限。"
        );
        assert_eq!(
            summary(&d, Lang::En),
            "8 targets in 东莞, 四会: 7 with a deadline (2020–2025, most in 2020: 3), 1 without a deadline."
        );
        let t = table(&d);
        assert_eq!(t[0], vec!["地区", "规划期", "年份", "主题", "目标数"]);
        assert_eq!(t[1], vec!["东莞", "2019–2022", "2020", "学前教育", "2"]);
        assert_eq!(t[4], vec!["东莞", "2019–2022", "未写明", "（全部）", "1"]);
        assert_eq!(t.len(), 1 + 3 + 1 + 3);
        let total: usize = t[1..].iter().map(|r| r[4].parse::<usize>().unwrap()).sum();
        assert_eq!(total, 8);
    }

    #[test]
    fn preferred_height_grows_with_rows() {
        let ds = fixture();
        let labels = ChartLabels::new(Lang::Zh);
        let two = TimelineData::from_dataset(&ds, &["dongguan-2019", "sihui-2022"], Lang::Zh);
        let mut one = two.clone();
        one.rows.truncate(1);
        let h1 = preferred_height(&one, &labels, 360.0);
        let h2 = preferred_height(&two, &labels, 360.0);
        assert!((h2 - h1 - 48.0).abs() <= 1.0, "{h1} {h2}");
        assert!(h1 > 48.0);
    }
}
