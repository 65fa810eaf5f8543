//! Chart 2: one indicator across localities. Each target is a dot in its locality's colour at its
//! target year (x) and value (y, in the indicator's unit), with its comparator (`≥`, `≤`, `>` …)
//! drawn in bold just above the dot and a label such as `东莞 80% (2020)` beside it. Each year is a
//! cell of the x axis and a dot sits in the middle of its target year's cell. Targets of the
//! same year are spread sideways so none hides another. Targets without a year are not drawn; the
//! summary and the table list them.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::palette::locality_color;
use super::{
    comparator_symbol, fit_text, format_number, format_value, indicator_name_unit, leader, nice_ticks, padded_range,
    paint, select_documents, text_width, year_step, ChartLabels, Painter, Placer, Rect, Scale, Selected,
};
use policy_analysis::compare::{needs_labels, promise_label, promises};
use policy_analysis::ordering::{self, Counts};
use policy_data::lang::Lang;
use policy_data::model::{Better, Bilingual, Comparator, Dataset, Target};

mod describe;
pub use describe::{summary, table};

/// Everything the indicator chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorData {
    /// Language of the names in this data (and of the table header).
    pub lang: Lang,
    pub indicator_id: String,
    /// The indicator's name in the data's language.
    pub name: String,
    pub unit: String,
    pub better: Better,
    pub points: Vec<IndicatorPoint>,
}

/// One target of the indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorPoint {
    pub target_id: String,
    pub document_id: String,
    pub locality: String,
    /// Index into [`super::palette::locality_color`].
    pub color_index: usize,
    pub comparator: Comparator,
    pub value: f64,
    pub year: Option<u16>,
    pub scope: Option<Bilingual>,
    /// What tells this point apart from the document's other points for the indicator (its scope,
    /// or a short label), in the data's language; `None` when the document has one point.
    pub label: Option<String>,
    /// Other targets of the document that state the same promise (written twice): one point,
    /// every source.
    pub also: Vec<String>,
}

impl IndicatorPoint {
    /// `东莞 80% (2020)`; `东莞 80%` without a year.
    /// With a label when the document has several points: `四会 · 公办幼儿园 12 所 (2025)`.
    pub fn label(&self, unit: &str, lang: Lang) -> String {
        let v = format_value(self.value, unit, lang);
        let place = self.place();
        match self.year {
            Some(y) => format!("{place} {v} ({y})"),
            None => format!("{place} {v}"),
        }
    }

    /// The locality, with the point's label when the document has several points.
    pub fn place(&self) -> String {
        match &self.label {
            Some(label) => format!("{} · {label}", self.locality),
            None => self.locality.clone(),
        }
    }
}

impl IndicatorData {
    /// The targets of indicator `indicator_id` in the documents `doc_ids` (in that order), names
    /// in `lang`. A target counts when it states a value; "eliminate" without a value
    /// counts as 0. Milestones without a value are left out.
    pub fn from_dataset(ds: &Dataset, indicator_id: &str, doc_ids: &[&str], lang: Lang) -> Self {
        Self::from_selection(ds, indicator_id, &select_documents(ds, doc_ids, lang), lang)
    }

    /// [`IndicatorData::from_dataset`] for documents already selected with their labels and
    /// colours: a caller building the data of many indicators for the same documents selects
    /// them once (selecting indexes every document of the dataset).
    pub fn from_selection(ds: &Dataset, indicator_id: &str, selection: &[Selected<'_>], lang: Lang) -> Self {
        let ind = ds.indicators.iter().find(|i| i.id == indicator_id);
        let mut points = Vec::new();
        let mut target_unit = None;
        for sel in selection {
            let groups = promises(sel.entry.targets.iter().filter(|t| t.indicator == indicator_id));
            let drawn: Vec<Vec<&Target>> = groups.iter().filter(|g| drawn_value(g[0]).is_some()).cloned().collect();
            let labelled = needs_labels(&drawn);
            let mut mine: Vec<IndicatorPoint> = groups
                .iter()
                .filter_map(|group| {
                    let t = group[0];
                    let value = drawn_value(t)?;
                    if target_unit.is_none() {
                        target_unit = t.unit.clone();
                    }
                    Some(IndicatorPoint {
                        target_id: t.id.clone(),
                        document_id: sel.entry.document.id.clone(),
                        locality: sel.label.clone(),
                        color_index: sel.color_index,
                        comparator: t.comparator,
                        value,
                        year: t.target_year,
                        scope: t.scope.clone(),
                        label: labelled.then(|| promise_label(t, lang)),
                        also: group[1..].iter().map(|t| t.id.clone()).collect(),
                    })
                })
                .collect();
            ordering::sort_by_key(&mut mine, |p| p.year.unwrap_or(u16::MAX));
            points.extend(mine);
        }
        let (name, unit) = indicator_name_unit(ind, indicator_id, target_unit, lang);
        IndicatorData {
            lang,
            indicator_id: indicator_id.to_string(),
            name,
            unit,
            better: ind.map(|i| i.better).unwrap_or(Better::None),
            points,
        }
    }
}

/// The value a target is drawn at: its value, or 0 for "eliminate" without one; `None` for a
/// milestone without a value, which is not drawn.
fn drawn_value(t: &Target) -> Option<f64> {
    match (t.value, t.comparator) {
        (Some(v), _) => Some(v),
        (None, Comparator::Eliminate) => Some(0.0),
        _ => None,
    }
}

impl IndicatorData {
    /// [`drawn_documents`](Self::drawn_documents) of the data [`from_selection`](Self::from_selection)
    /// builds, without building it (the compare view counts it for every indicator of the
    /// comparison): the selected documents with a dated target that is drawn. Only the first
    /// target of a promise written twice is a point, and the others share its value and year.
    pub fn count_drawn_documents(indicator_id: &str, selection: &[Selected<'_>]) -> usize {
        selection
            .iter()
            .filter(|sel| {
                sel.entry
                    .targets
                    .iter()
                    .any(|t| t.indicator == indicator_id && t.target_year.is_some() && drawn_value(t).is_some())
            })
            .count()
    }

    /// Number of documents with at least one drawn (dated) point.
    pub fn drawn_documents(&self) -> usize {
        let mut ids: Vec<&str> = self
            .points
            .iter()
            .filter(|p| p.year.is_some())
            .map(|p| p.document_id.as_str())
            .collect();
        ordering::sort(&mut ids);
        ids.dedup();
        ids.len()
    }
}

/// Of `candidates` (most preferred first), the indicator the chart draws for the most documents of
/// `doc_ids`; the earlier candidate on a tie. `None` when no candidate has a dated target.
pub fn most_shared(ds: &Dataset, candidates: &[&str], doc_ids: &[&str]) -> Option<String> {
    let counts: Vec<(String, usize)> = candidates
        .iter()
        .map(|id| {
            let n = IndicatorData::from_dataset(ds, id, doc_ids, Lang::Zh).drawn_documents();
            (id.to_string(), n)
        })
        .collect();
    most_drawn(&counts).map(str::to_string)
}

/// Of `(indicator, documents drawn)` pairs (most preferred first), the indicator drawn for the
/// most documents; the earlier one on a tie; `None` when none is drawn for any.
pub fn most_drawn(counts: &[(String, usize)]) -> Option<&str> {
    let mut best: Option<(&str, usize)> = None;
    for (id, n) in counts {
        if *n > 0 && best.is_none_or(|(_, m)| *n > m) {
            best = Some((id, *n));
        }
    }
    best.map(|(id, _)| id)
}

/// Y axis title: `目标值（%）`, `Value (%)`.
pub(crate) fn value_title(labels: &ChartLabels, unit: &str) -> String {
    match (unit.is_empty(), labels.lang) {
        (true, _) => labels.value_axis.clone(),
        (false, Lang::Zh) => format!("{}（{}）", labels.value_axis, unit),
        (false, Lang::En) => format!("{} ({})", labels.value_axis, unit),
    }
}

/// The plot frame shared by the indicator and paths charts: a year axis and a value axis with
/// gridlines. Returns the frame and its scales.
pub(crate) struct Frame {
    pub plot: Rect,
    pub x: Scale,
    pub y: Scale,
}

/// Lay out and draw the axes for the time span `x0..x1` (in years; whole years are cells, see
/// below) and the values `values`, between `top` and `bottom` (device pixels).
pub(crate) fn draw_frame<DB: DrawingBackend>(
    p: &Painter<DB>,
    labels: &ChartLabels,
    (x0, x1): (f64, f64),
    values: &[f64],
    unit: &str,
    top: f64,
    bottom: f64,
) -> Result<Frame, String> {
    let ctx = p.ctx;
    let n = &ctx.n;
    let (lo, hi) = padded_range(values, unit);
    let est_plot_h = (bottom - top - 2.0 * ctx.line_h(ctx.font)).max(ctx.font);
    let tick_count = ((est_plot_h / (ctx.font * 2.8)) as usize).clamp(2, 8);
    let ticks: Vec<f64> = nice_ticks(lo, hi, tick_count);
    let tick_texts: Vec<String> = ticks.iter().map(|t| format_number(*t)).collect();
    let tick_w = tick_texts.iter().map(|t| text_width(t, ctx.small)).fold(0.0, f64::max);
    let title = value_title(labels, unit);
    let title_w = if title.is_empty() {
        0.0
    } else {
        ctx.line_h(ctx.small) + ctx.px(4.0)
    };
    let year_title_h = if labels.year_axis.is_empty() {
        0.0
    } else {
        ctx.line_h(ctx.small)
    };
    let plot = Rect::new(
        ctx.pad + title_w + tick_w + ctx.px(6.0),
        top + ctx.line_h(ctx.small) * 0.5,
        ctx.w - ctx.pad,
        bottom - year_title_h - ctx.line_h(ctx.font) - ctx.px(4.0),
    );
    let x = Scale {
        d0: x0,
        d1: x1,
        p0: plot.x0,
        p1: plot.x1,
    };
    let y = Scale {
        d0: lo,
        d1: hi,
        p0: plot.y1,
        p1: plot.y0,
    };

    // Value gridlines and labels.
    for (t, s) in ticks.iter().zip(&tick_texts) {
        let py = y.map(*t);
        p.line((plot.x0, py), (plot.x1, py), n.grid, 1)?;
        p.text(
            s,
            (plot.x0 - ctx.px(4.0), py),
            ctx.small,
            n.ink,
            HPos::Right,
            VPos::Center,
        )?;
    }
    let title = fit_text(&title, plot.y1 - plot.y0, ctx.small);
    p.vertical_text(
        &title,
        (ctx.pad + ctx.line_h(ctx.small) / 2.0, (plot.y0 + plot.y1) / 2.0),
        ctx.small,
        n.muted,
    )?;

    // Years are cells: year Y spans [Y, Y + 1) on the time axis, labelled at its centre, with
    // gridlines at the year boundaries (the end of year Y is Y + 1, as in `analysis::progress`).
    let year_w = (plot.x1 - plot.x0) / (x1 - x0).max(1e-9);
    let step = year_step(year_w, text_width("2030", ctx.font));
    for boundary in (x0.ceil() as i64)..=(x1.floor() as i64) {
        let px = x.map(boundary as f64);
        p.line((px, plot.y0), (px, plot.y1), n.grid, 1)?;
        p.line((px, plot.y1), (px, plot.y1 + ctx.px(3.0)), n.axis, ctx.line)?;
    }
    for year in (x0.ceil() as i64)..(x1.floor() as i64) {
        if year % i64::from(step) != 0 {
            continue;
        }
        let px = x.map(year as f64 + 0.5);
        p.text(
            &year.to_string(),
            (px, plot.y1 + ctx.px(4.0)),
            ctx.font,
            n.ink,
            HPos::Center,
            VPos::Top,
        )?;
    }
    p.line((plot.x0, plot.y1), (plot.x1, plot.y1), n.axis, ctx.line)?;
    p.line((plot.x0, plot.y0), (plot.x0, plot.y1), n.axis, ctx.line)?;
    p.text(
        &labels.year_axis,
        ((plot.x0 + plot.x1) / 2.0, bottom - year_title_h),
        ctx.small,
        n.muted,
        HPos::Center,
        VPos::Top,
    )?;
    Ok(Frame { plot, x, y })
}

/// `values` with 0 added when none is negative: the axis then starts at 0.
fn with_zero(mut values: Vec<f64>) -> Vec<f64> {
    if values.iter().all(|v| *v >= 0.0) {
        values.push(0.0);
    }
    values
}

/// Draw the indicator chart. Sizes come from `backend.get_size()` and `labels.scale`.
pub fn draw_indicator<DB: DrawingBackend>(
    backend: DB,
    data: &IndicatorData,
    labels: &ChartLabels,
) -> Result<(), String> {
    paint(backend, labels, |p, top| {
        let ctx = p.ctx;
        let dated: Vec<(&IndicatorPoint, u16)> = data.points.iter().filter_map(|pt| pt.year.map(|y| (pt, y))).collect();
        if dated.is_empty() {
            p.no_data(&labels.no_data)?;
            return Ok(());
        }
        let min_year = dated.iter().map(|d| d.1).min().unwrap_or(2020);
        let max_year = dated.iter().map(|d| d.1).max().unwrap_or(2020);
        // One spare year on each side; a dot sits in the middle of its year's cell.
        let (x0, x1) = (f64::from(min_year) - 1.0, f64::from(max_year) + 2.0);
        let values: Vec<f64> = dated.iter().map(|d| d.0.value).collect();
        // The value axis starts at 0 (for shares and counts alike), so the distance between two
        // dots is not exaggerated by a cut axis.
        let values = with_zero(values);
        let f = draw_frame(p, labels, (x0, x1), &values, &data.unit, top, ctx.h - ctx.pad)?;

        // Spread the dots of one year sideways.
        let mut per_year = Counts::default();
        for (_, y) in &dated {
            per_year.add(*y, 1);
        }
        let r = ctx.px(5.0);
        let year_w = f.x.map(1.0) - f.x.map(0.0);
        let mut seen = Counts::default();
        let mut placed = Vec::new();
        let mut placer = Placer::new(Rect::new(
            f.plot.x0,
            f.plot.y0 - ctx.line_h(ctx.small) * 0.5,
            ctx.w,
            f.plot.y1,
        ));
        for (pt, year) in &dated {
            let n = per_year.get(year);
            let i = seen.get(year);
            let spacing = (year_w * 0.6 / n as f64).min(r * 3.0);
            let dx = (i as f64 - (n as f64 - 1.0) / 2.0) * spacing;
            seen.add(*year, 1);
            let c = (f.x.map(f64::from(*year) + 0.5) + dx, f.y.map(pt.value));
            placer.block(Rect::new(c.0 - r, c.1 - r, c.0 + r, c.1 + r));
            let sym = comparator_symbol(pt.comparator);
            if !sym.is_empty() {
                let w = text_width(sym, ctx.font);
                placer.block(Rect::new(
                    c.0 - w / 2.0,
                    c.1 - r - ctx.px(2.0) - ctx.line_h(ctx.font),
                    c.0 + w / 2.0,
                    c.1 - r - ctx.px(2.0),
                ));
            }
            placed.push((*pt, c, sym));
        }
        for (pt, c, sym) in &placed {
            let color = locality_color(pt.color_index, ctx.hc);
            p.fill_circle(*c, r, color)?;
            if ctx.hc {
                p.stroke_circle(*c, r, ctx.n.ink, 1)?;
            }
            p.bold(
                sym,
                (c.0, c.1 - r - ctx.px(2.0)),
                ctx.font,
                ctx.n.ink,
                HPos::Center,
                VPos::Bottom,
            )?;
        }
        for (pt, c, _) in &placed {
            let text = pt.label(&data.unit, labels.lang);
            let w = text_width(&text, ctx.small);
            let h = ctx.line_h(ctx.small);
            let gap = r + ctx.px(4.0);
            if let Some(at) = placer.place(c.0, c.1, gap, w, h) {
                if let Some((a, b)) = leader(&at, *c, r, gap) {
                    p.line(a, b, locality_color(pt.color_index, ctx.hc), ctx.line)?;
                }
                p.text(
                    &text,
                    (at.x0, (at.y0 + at.y1) / 2.0),
                    ctx.small,
                    ctx.n.ink,
                    HPos::Left,
                    VPos::Center,
                )?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    fn fixture() -> Dataset {
        let ind = "public-kindergarten-share";
        let mut dg = document("dongguan-2019", "东莞", "Dongguan", 2019, 2022);
        dg.targets = vec![
            percent("dg-1", "preschool", ind, Comparator::AtLeast, 50.0, Some(2020)),
            percent("dg-2", "preschool", "other", Comparator::AtLeast, 80.0, Some(2020)),
            percent("dg-3", "preschool", ind, Comparator::AtLeast, 60.0, None),
        ];
        let mut pj = document("panjin-2019", "盘锦", "Panjin", 2019, 2022);
        pj.targets = vec![
            percent("pj-1", "preschool", ind, Comparator::MoreThan, 50.0, Some(2020)),
            percent("pj-2", "preschool", ind, Comparator::AtMost, 80.0, Some(2022)),
        ];
        dataset(vec![dg, pj])
    }

    /// The public-kindergarten share in Dongguan and Panjin, names in `lang`.
    fn both_localities(lang: Lang) -> IndicatorData {
        IndicatorData::from_dataset(
            &fixture(),
            "public-kindergarten-share",
            &["dongguan-2019", "panjin-2019"],
            lang,
        )
    }

    /// `d` drawn at `w`×`h` with labels in `lang`: the SVG and its texts.
    fn drawn(d: &IndicatorData, lang: Lang, w: u32, h: u32) -> (String, Vec<String>) {
        let labels = ChartLabels::new(lang);
        let svg = svg(w, h, |b| draw_indicator(b, d, &labels));
        let texts = texts(&svg);
        (svg, texts)
    }

    #[test]
    fn builds_points_from_the_dataset() {
        let d = both_localities(Lang::Zh);
        assert_eq!(d.name, "公办幼儿园在园幼儿占比");
        assert_eq!(d.unit, "%");
        let ids: Vec<&str> = d.points.iter().map(|p| p.target_id.as_str()).collect();
        assert_eq!(ids, vec!["dg-1", "dg-3", "pj-1", "pj-2"]);
        assert_eq!(d.points[0].label("%", Lang::Zh), "东莞 50% (2020)");
        assert_eq!(d.points[1].label("%", Lang::Zh), "东莞 60%");
        assert_eq!(d.points[2].color_index, 1);
    }

    #[test]
    fn draws_dots_comparators_labels_and_ticks() {
        let d = both_localities(Lang::Zh);
        let (svg, texts) = drawn(&d, Lang::Zh, 800, 400);
        // One dot per dated target; the undated one is not drawn.
        assert_eq!(count(&svg, "circle"), 3);
        assert_eq!(
            count_with(&svg, "circle", "fill=\"#0072B2\""),
            1,
            "东莞 in locality colour 0"
        );
        assert_eq!(
            count_with(&svg, "circle", "fill=\"#D55E00\""),
            2,
            "盘锦 in locality colour 1"
        );
        for want in [
            "东莞 50% (2020)",
            "盘锦 50% (2020)",
            "盘锦 80% (2022)",
            "≥",
            ">",
            "≤",
            "2020",
            "2021",
            "2022",
            "年份",
            "目标值（%）",
        ] {
            assert!(texts.iter().any(|t| t == want), "missing {want}: {texts:?}");
        }
        assert!(!texts.iter().any(|t| t.contains("60%")));
    }

    #[test]
    fn the_most_drawn_indicator_is_the_earlier_on_a_tie_and_never_one_drawn_for_none() {
        let counts = |pairs: &[(&str, usize)]| -> Vec<(String, usize)> {
            pairs.iter().map(|(id, n)| (id.to_string(), *n)).collect()
        };
        assert_eq!(most_drawn(&counts(&[("a", 1), ("b", 3), ("c", 3)])), Some("b"));
        assert_eq!(most_drawn(&counts(&[("a", 0), ("b", 0)])), None);
        assert_eq!(most_drawn(&[]), None);
    }

    #[test]
    fn the_most_shared_indicator_is_drawn_for_the_most_documents() {
        let ds = fixture();
        let both = ["dongguan-2019", "panjin-2019"];
        let d = IndicatorData::from_dataset(&ds, "public-kindergarten-share", &both, Lang::Zh);
        assert_eq!(d.drawn_documents(), 2);
        assert_eq!(
            most_shared(&ds, &["primary-class-size-cap", "public-kindergarten-share"], &both),
            Some("public-kindergarten-share".to_string())
        );
        assert_eq!(most_shared(&ds, &["primary-class-size-cap"], &both), None);
    }

    #[test]
    fn counting_drawn_documents_agrees_with_the_built_data() {
        // Every indicator of the bundled data, over every document, each pair and each single one.
        let ds = policy_data::bundled::dataset();
        let ids: Vec<&str> = ds.documents.iter().map(|e| e.document.id.as_str()).collect();
        let mut choices: Vec<Vec<&str>> = vec![ids.clone()];
        for (i, a) in ids.iter().enumerate() {
            choices.push(vec![a]);
            choices.extend(ids[i + 1..].iter().map(|b| vec![*a, *b]));
        }
        let mut drawn = 0;
        for choice in &choices {
            let selection = select_documents(ds, choice, Lang::Zh);
            for indicator in &ds.indicators {
                let built = IndicatorData::from_selection(ds, &indicator.id, &selection, Lang::Zh).drawn_documents();
                let counted = IndicatorData::count_drawn_documents(&indicator.id, &selection);
                assert_eq!(counted, built, "{} in {choice:?}", indicator.id);
                drawn += counted;
            }
        }
        assert!(drawn > 0);
        // A milestone without a value is not drawn, "eliminate" without one is; undated targets are not.
        let mut ds = fixture();
        let targets = &mut ds.documents[0].targets;
        targets.truncate(1);
        let indicator = targets[0].indicator.clone();
        for (value, comparator, year, expected) in [
            (None, Comparator::Eliminate, Some(2025), 1),
            (None, Comparator::AtLeast, Some(2025), 0),
            (Some(5.0), Comparator::AtLeast, None, 0),
            (Some(5.0), Comparator::AtLeast, Some(2025), 1),
        ] {
            let t = &mut ds.documents[0].targets[0];
            (t.value, t.comparator, t.target_year) = (value, comparator, year);
            let id = ds.documents[0].document.id.clone();
            let selection = select_documents(&ds, &[id.as_str()], Lang::Zh);
            let built = IndicatorData::from_selection(&ds, &indicator, &selection, Lang::Zh).drawn_documents();
            assert_eq!(built, expected, "{value:?} {comparator:?} {year:?}");
            assert_eq!(IndicatorData::count_drawn_documents(&indicator, &selection), expected);
        }
    }

    #[test]
    fn the_value_axis_starts_at_zero() {
        // The fixture's shares lie between 50 and 80: a cut axis would start near 45.
        let d = both_localities(Lang::Zh);
        let (_, texts) = drawn(&d, Lang::Zh, 800, 400);
        assert!(texts.iter().any(|t| t == "0"), "a 0 tick: {texts:?}");
        assert_eq!(with_zero(vec![50.0, 80.0]), vec![50.0, 80.0, 0.0]);
        assert_eq!(
            with_zero(vec![-2.0, 3.0]),
            vec![-2.0, 3.0],
            "a negative value keeps its range"
        );
    }

    #[test]
    fn a_promise_written_twice_is_one_point_and_several_scopes_are_labelled() {
        let mut ds = fixture();
        let dg = &mut ds.documents[0];
        let mut again = dg.targets[0].clone();
        again.id = "dg-1-again".into();
        again.comparator = Comparator::MoreThan;
        dg.targets.push(again);
        let d = IndicatorData::from_dataset(&ds, "public-kindergarten-share", &["dongguan-2019"], Lang::Zh);
        let first = d.points.iter().find(|p| p.target_id == "dg-1").unwrap();
        assert_eq!(first.also, vec!["dg-1-again".to_string()]);
        assert_eq!(d.points.iter().filter(|p| p.value == first.value).count(), 1);
        assert!(table(&d).iter().any(|row| row.last().unwrap() == "dg-1; dg-1-again"));

        let mut scoped = fixture();
        for (t, (zh, en)) in scoped.documents[0].targets.iter_mut().zip([
            ("公办幼儿园", "public"),
            ("集体办幼儿园", "collective"),
            ("其他", "other"),
        ]) {
            t.scope = Some(Bilingual {
                zh: zh.into(),
                en: en.into(),
            });
        }
        let d = IndicatorData::from_dataset(&scoped, "public-kindergarten-share", &["dongguan-2019"], Lang::En);
        let labels: Vec<String> = d.points.iter().map(|p| p.label("%", Lang::En)).collect();
        assert!(labels.iter().any(|l| l.starts_with("Dongguan · public ")), "{labels:?}");
        assert!(
            summary(&d, Lang::En).contains("Dongguan · public"),
            "{}",
            summary(&d, Lang::En)
        );
    }

    #[test]
    fn legible_at_360_css_px() {
        let d = both_localities(Lang::En);
        let (svg, texts) = drawn(&d, Lang::En, 360, 300);
        assert_eq!(count(&svg, "circle"), 3);
        assert!(texts.iter().any(|t| t == "Dongguan 50% (2020)"));
        assert!(texts.contains(&"Value (%)".to_string()));
    }

    #[test]
    fn nothing_dated_draws_a_message() {
        let ds = fixture();
        let d = IndicatorData::from_dataset(&ds, "public-kindergarten-share", &["panjin-2019"], Lang::Zh);
        let mut none = d.clone();
        none.points.clear();
        let labels = ChartLabels::new(Lang::Zh);
        let svg = svg(800, 400, |b| draw_indicator(b, &none, &labels));
        assert_eq!(count(&svg, "circle"), 0);
        assert!(texts(&svg).contains(&labels.no_data));
        assert_eq!(
            summary(&none, Lang::Zh),
            "公办幼儿园在园幼儿占比（%）：所选文件没有该指标的目标。"
        );
    }

    #[test]
    fn summary_and_table() {
        let ds = fixture();
        let d = both_localities(Lang::Zh);
        assert_eq!(
            summary(&d, Lang::Zh),
            "公办幼儿园在园幼儿占比（%）：东莞 ≥50%（2020年）；东莞 ≥60%（未写明年份）；盘锦 >50%（2020年）；盘锦 ≤80%（2022年）。"
        );
        let en = IndicatorData::from_dataset(&ds, "public-kindergarten-share", &["panjin-2019"], Lang::En);
        assert_eq!(
            summary(&en, Lang::En),
            "Share of children in public kindergartens (%): Panjin >50% (2020); Panjin ≤80% (2022)."
        );
        let t = table(&d);
        assert_eq!(t[0][0], "地区");
        assert_eq!(t.len(), 5);
        assert_eq!(t[1], vec!["东莞", "≥", "50", "%", "2020", "", "dg-1"]);
        assert_eq!(t[2][4], "");
    }
}
