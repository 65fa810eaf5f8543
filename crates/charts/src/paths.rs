//! Chart 3: baseline → target paths of one indicator. Each series (a document, or one scope of a
//! document) is a line through its points in year order: the stated baseline (a square), then the
//! targets (dots), e.g. Sihui's year-by-year fitness trajectory as a polyline through 2020, 2021,
//! 2022 … 2025. A target stated as an increase or decrease ("提高5个百分点") becomes a point when
//! an earlier point of the series gives it a level. The series is named at its last point.
//!
//! Time axis. The calendar is `analysis::progress`'s: a value stated for year Y holds at the end of
//! Y, so it is drawn at time Y + 1.0 (1 January of the next year, [`year_end`]); an evaluation date
//! is a fractional year counting the day itself as elapsed ([`fractional_year`]: 2023-07-02 ≈
//! 2023.5, 2023-12-31 = 2024.0). Year Y is labelled in the middle of its cell [Y, Y + 1), so a "by 2025"
//! target sits at the right edge of the 2025 cell.
//!
//! Optional user-entered points (evaluation date, current value) are drawn as diamonds. When there
//! is an earlier observation to draw a line from (a baseline the user entered with the point, else
//! the series' stated baseline, else an earlier entered point), the straight line through it and
//! the latest entered point is extended, dashed, to the end of the series' last target year: where
//! the current pace leads ([`projection`]). The value is always `analysis::progress`'s one
//! projection (counted in days); a point from the calculator carries the calculator's projection
//! itself, so the chart labels exactly the value the calculator states.
//!
//! Many documents can share an indicator (hundreds in a large dataset). [`PathsData::bounded`]
//! keeps the first documents' series for the drawing and the summary and moves the others to
//! [`PathsData::omitted`]: the legend and the summary say how many documents were left out, and the
//! data table still lists every point of every series.

use std::rc::Rc;

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::indicator::draw_frame;
use super::palette::{locality_color, Rgb};
use super::{
    comparator_symbol, diamond, format_number, format_value, format_year, indicator_name_unit, leader, paint,
    select_documents, text_width, ChartLabels, Glyph, Legend, Placer, Rect,
};
use policy_analysis::ordering;
use policy_analysis::progress;
use policy_analysis::progress::{
    current_meaning, day_of_fractional_year, fractional_year_of_day, projected_value, year_end_day, BaselineSource,
    CurrentMeaning, Evaluation, FeasibleRange,
};
pub use policy_analysis::progress::{date_of, fractional_year, year_end};
use policy_data::lang::Lang;
use policy_data::model::{Bilingual, Comparator, Dataset, Document, Target};

/// `2023-07-02` for a time-axis position, or the fractional year when it is out of range.
pub fn date_text(t: f64) -> String {
    date_of(t).map(|d| d.to_string()).unwrap_or_else(|| format_year(t))
}

/// Everything the paths chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct PathsData {
    /// Language of the names in this data (and of the table header).
    /// Language of the names and words.
    pub lang: Lang,
    pub indicator_id: String,
    pub name: String,
    pub unit: String,
    pub series: Vec<PathSeries>,
    /// Series not drawn (see [`PathsData::bounded`]), in the same order; listed in the table.
    /// Shared, since a view keeps one copy per chosen target while the entered points change.
    pub omitted: Rc<Vec<PathSeries>>,
    /// Points the user entered; each names its series by key.
    pub entered: Vec<EnteredPoint>,
}

/// One line.
#[derive(Clone, Debug, PartialEq)]
pub struct PathSeries {
    /// The document id, or `document-id/scope` when a document has targets for several scopes.
    pub key: String,
    /// The locality (and the scope when the document has several).
    pub label: String,
    /// Index into [`super::palette::locality_color`].
    pub color_index: usize,
    /// In year order.
    pub points: Vec<PathPoint>,
}

/// What a point of a series is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PointRole {
    /// A stated starting value.
    Baseline,
    /// A stated target value.
    Target,
    /// A target stated as a change, made a level from the series' previous point.
    Derived,
}

/// A point of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPoint {
    /// The stated year; the point is drawn at its end, [`PathPoint::time`].
    pub year: u16,
    pub value: f64,
    pub role: PointRole,
    /// The target's comparator (`Comparator::None` for a baseline and a derived level).
    pub comparator: Comparator,
    /// The target the point comes from.
    pub target_id: Option<String>,
}

impl PathSeries {
    /// The document the series belongs to (its key before the scope).
    pub fn document_id(&self) -> &str {
        self.key.split_once('/').map_or(self.key.as_str(), |(doc, _)| doc)
    }
}

/// The legend's and the summary's note on the documents left out of the drawing.
fn omitted_note(documents: usize, lang: Lang) -> String {
    if lang == Lang::Zh {
        format!("另有{documents}份文件的路径未画出，见数据表")
    } else if documents == 1 {
        "1 more document not drawn: see the data table".to_string()
    } else {
        format!("{documents} more documents not drawn: see the data table")
    }
}

impl PathPoint {
    /// Time-axis position: the end of the stated year.
    pub fn time(&self) -> f64 {
        year_end(self.year)
    }
}

/// A value the user entered for the series with key `series`.
#[derive(Clone, Debug, PartialEq)]
pub struct EnteredPoint {
    pub series: String,
    /// Evaluation date as a time-axis position, see [`fractional_year`].
    pub date: f64,
    /// The current value.
    pub value: f64,
    /// A baseline the user entered with it, as (time-axis position, value): [`year_end`] of the
    /// baseline year, or the plan's first year (`f64::from(start)`) for a baseline taken at the
    /// plan's start. Preferred to the series' own baseline for the projection.
    pub baseline: Option<(f64, f64)>,
    /// The year whose end the projection runs to (the evaluated target's year); `None`: the
    /// series' last target year.
    pub until: Option<u16>,
    /// Where the projection's line starts.
    pub anchor: Anchor,
}

/// Where the projection from an entered point starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// Found by the chart (see [`projection`]).
    Search,
    /// Set by the calculator's evaluation: its projection is drawn as is (`None`: it made none,
    /// so none is drawn).
    Evaluated(Option<progress::Projection>),
}

impl EnteredPoint {
    /// An entered value without a baseline of its own.
    pub fn new(series: &str, date: f64, value: f64) -> Self {
        EnteredPoint {
            series: series.to_string(),
            date,
            value,
            baseline: None,
            until: None,
            anchor: Anchor::Search,
        }
    }
}

impl EnteredPoint {
    /// The point a mid-term evaluation of `target` adds to series `series`: the evaluation date
    /// and the current value, with the baseline the user typed (at the end of its year, or at the
    /// start of the plan `plan_start` when typed without a year). `None` without a current value,
    /// or when the current value is not a level (an amount achieved or remaining), which would not
    /// sit on the value axis. Its projection is the evaluation's (to the end of the evaluated
    /// target's year), so the chart states the value the calculator states.
    pub fn from_evaluation(series: &str, target: &Target, plan_start: u16, evaluation: &Evaluation) -> Option<Self> {
        if current_meaning(target.comparator) != CurrentMeaning::Level {
            return None;
        }
        let value = evaluation.current?;
        let baseline = evaluation
            .baseline
            .filter(|b| b.source == BaselineSource::User)
            .map(|b| (b.year.map_or(f64::from(plan_start), year_end), b.value));
        Some(EnteredPoint {
            series: series.to_string(),
            date: fractional_year(evaluation.date),
            value,
            baseline,
            until: Some(evaluation.target_year),
            anchor: Anchor::Evaluated(evaluation.projection),
        })
    }
}

/// A straight-line projection: from the latest entered point `from` to `to` at the end of the
/// series' last target year `year`, on the line through `anchor` and `from`. Points are
/// (time-axis position, value).
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub series: String,
    pub anchor: (f64, f64),
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub year: u16,
}

fn usable(e: &EnteredPoint) -> bool {
    e.date.is_finite() && e.value.is_finite()
}

/// The projection of `series` from the entered points (those of other series are ignored), from
/// the latest entered point. A point from an evaluation carries the calculator's projection
/// ([`Anchor::Evaluated`]), drawn as is. Otherwise the line runs from an anchor through the latest
/// entered point: the baseline entered with that point, else the series' latest stated baseline,
/// else the earliest earlier entered point, which must lie before the point. It ends at the end of
/// the point's `until` year, else of the series' last target year. The value is
/// `analysis::progress`'s one projection ([`projected_value`]: whole days, kept within 0–100 for a
/// percentage unit and ≥ 0 otherwise). `None` without an entered point or an anchor, or when that
/// deadline has passed.
pub fn projection(series: &PathSeries, entered: &[EnteredPoint], unit: &str) -> Option<Projection> {
    let mine: Vec<&EnteredPoint> = entered.iter().filter(|e| e.series == series.key && usable(e)).collect();
    let latest = mine.iter().copied().max_by(|a, b| a.date.total_cmp(&b.date))?;
    if let Anchor::Evaluated(evaluated) = &latest.anchor {
        let p = (*evaluated)?;
        return Some(Projection {
            series: series.key.clone(),
            anchor: (fractional_year_of_day(p.anchor.0)?, p.anchor.1),
            from: (latest.date, latest.value),
            to: (year_end(p.year), p.value),
            year: p.year,
        });
    }
    let before = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite() && p.0 < latest.date;
    let anchor = latest.baseline.filter(before).or_else(|| {
        let stated = series
            .points
            .iter()
            .filter(|p| p.role == PointRole::Baseline)
            .map(|p| (p.time(), p.value))
            .filter(before)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        stated.or_else(|| {
            mine.iter()
                .map(|e| (e.date, e.value))
                .filter(before)
                .min_by(|a, b| a.0.total_cmp(&b.0))
        })
    })?;
    let last_target = series
        .points
        .iter()
        .filter(|p| p.role != PointRole::Baseline)
        .map(|p| p.year)
        .max()?;
    let year = latest.until.unwrap_or(last_target);
    let value = projected_value(
        (day_of_fractional_year(anchor.0)?, anchor.1),
        (day_of_fractional_year(latest.date)?, latest.value),
        year_end_day(year),
        FeasibleRange::of_unit(Some(unit)),
    )?;
    Some(Projection {
        series: series.key.clone(),
        anchor,
        from: (latest.date, latest.value),
        to: (year_end(year), value),
        year,
    })
}

/// Documents whose paths the calculator's chart draws: the evaluated target's and up to this many
/// others sharing its indicator (the rest are counted in the legend and summary and listed in the
/// data table), so the chart stays legible and quick to draw with hundreds of documents.
pub const OTHER_PATHS: usize = 8;

/// The documents whose paths the calculator's chart of `indicator` shows for a target of `doc`:
/// `doc` first, then the other documents that set a target for the indicator, in dataset order.
pub fn path_documents<'a>(dataset: &'a Dataset, doc: &'a Document, indicator: &str) -> Vec<&'a str> {
    let others = dataset
        .documents
        .iter()
        .filter(|e| e.document.id != doc.id && e.targets.iter().any(|t| t.indicator == indicator))
        .map(|e| e.document.id.as_str());
    std::iter::once(doc.id.as_str()).chain(others).collect()
}

impl PathsData {
    /// The paths of indicator `indicator_id` in the documents `doc_ids` (in that order), with the
    /// user's `entered` points, names in `lang`.
    pub fn from_dataset(
        ds: &Dataset,
        indicator_id: &str,
        doc_ids: &[&str],
        entered: &[EnteredPoint],
        lang: Lang,
    ) -> Self {
        let ind = ds.indicators.iter().find(|i| i.id == indicator_id);
        let mut series = Vec::new();
        let mut target_unit: Option<String> = None;
        for sel in select_documents(ds, doc_ids, lang) {
            let doc = &sel.entry.document;
            // Group the document's targets by scope, in order of appearance.
            let mut groups: Vec<(Option<&Bilingual>, Vec<&Target>)> = Vec::new();
            for t in sel.entry.targets.iter().filter(|t| t.indicator == indicator_id) {
                if target_unit.is_none() {
                    target_unit = t.unit.clone();
                }
                match groups.iter_mut().find(|g| g.0 == t.scope.as_ref()) {
                    Some(g) => g.1.push(t),
                    None => groups.push((t.scope.as_ref(), vec![t])),
                }
            }
            let several = groups.len() > 1;
            for (scope, targets) in groups {
                let points = series_points(&targets);
                if points.is_empty() {
                    continue;
                }
                let (key, label) = match (&scope, several) {
                    (Some(s), true) => (
                        format!("{}/{}", doc.id, s.zh),
                        format!("{} · {}", sel.label, lang.pick(&s.zh, &s.en)),
                    ),
                    _ => (doc.id.clone(), sel.label.clone()),
                };
                series.push(PathSeries {
                    key,
                    label,
                    color_index: sel.color_index,
                    points,
                });
            }
        }
        let (name, unit) = indicator_name_unit(ind, indicator_id, target_unit, lang);
        PathsData {
            lang,
            indicator_id: indicator_id.to_string(),
            name,
            unit,
            series,
            omitted: Rc::default(),
            entered: entered.to_vec(),
        }
    }

    /// The calculator's paths chart for `target` of `doc`: the [`path_documents`] of its indicator,
    /// at most 1 + [`OTHER_PATHS`] of them drawn, without entered points.
    pub fn for_target(dataset: &Dataset, doc: &Document, target: &Target, lang: Lang) -> Self {
        let ids = path_documents(dataset, doc, &target.indicator);
        PathsData::from_dataset(dataset, &target.indicator, &ids, &[], lang).bounded(1 + OTHER_PATHS)
    }

    /// The same data with the series of at most `documents` documents drawn (the first ones, in
    /// the order they were asked for); the other series move to [`PathsData::omitted`].
    pub fn bounded(mut self, documents: usize) -> Self {
        let mut drawn: Vec<String> = Vec::new();
        let (series, left_out): (Vec<PathSeries>, Vec<PathSeries>) =
            std::mem::take(&mut self.series).into_iter().partition(|s| {
                let doc = s.document_id();
                if drawn.iter().any(|d| d == doc) {
                    true
                } else if drawn.len() < documents {
                    drawn.push(doc.to_string());
                    true
                } else {
                    false
                }
            });
        self.series = series;
        let mut omitted = (*self.omitted).clone();
        omitted.extend(left_out);
        self.omitted = Rc::new(omitted);
        self
    }

    /// How many documents have series in [`PathsData::omitted`].
    pub fn omitted_documents(&self) -> usize {
        let mut ids: Vec<&str> = self.omitted.iter().map(PathSeries::document_id).collect();
        ordering::sort(&mut ids);
        ids.dedup();
        ids.len()
    }

    /// The key of the series that holds the targets of document `doc_id` with scope `scope`.
    pub fn series_key(&self, doc_id: &str, scope: Option<&str>) -> Option<String> {
        let scoped = scope.map(|s| format!("{doc_id}/{s}"));
        self.series
            .iter()
            .find(|s| Some(&s.key) == scoped.as_ref())
            .or_else(|| self.series.iter().find(|s| s.key == doc_id))
            .map(|s| s.key.clone())
    }

    /// The projection of every series that has one.
    pub fn projections(&self) -> Vec<Projection> {
        self.series
            .iter()
            .filter_map(|s| projection(s, &self.entered, &self.unit))
            .collect()
    }
}

/// The points of one series: baselines with a year, level targets with a year, and changes made
/// levels from the previous point.
fn series_points(targets: &[&Target]) -> Vec<PathPoint> {
    let mut points: Vec<PathPoint> = Vec::new();
    for t in targets {
        if let Some(b) = t.baseline {
            if let Some(y) = b.year {
                let p = PathPoint {
                    year: y,
                    value: b.value,
                    role: PointRole::Baseline,
                    comparator: Comparator::None,
                    target_id: Some(t.id.clone()),
                };
                if !points
                    .iter()
                    .any(|q| q.role == PointRole::Baseline && q.year == p.year && q.value == p.value)
                {
                    points.push(p);
                }
            }
        }
        let (Some(year), false) = (
            t.target_year,
            matches!(t.comparator, Comparator::IncreaseBy | Comparator::DecreaseBy),
        ) else {
            continue;
        };
        let value = match (t.value, t.comparator) {
            (Some(v), _) => v,
            (None, Comparator::Eliminate) => 0.0,
            _ => continue,
        };
        points.push(PathPoint {
            year,
            value,
            role: PointRole::Target,
            comparator: t.comparator,
            target_id: Some(t.id.clone()),
        });
    }
    let sort = |points: &mut Vec<PathPoint>| {
        ordering::sort_by(points, |a, b| a.year.cmp(&b.year).then(a.role.cmp(&b.role)));
    };
    sort(&mut points);
    // Changes, in year order, each on top of the latest earlier point.
    let mut changes: Vec<&&Target> = targets
        .iter()
        .filter(|t| {
            matches!(t.comparator, Comparator::IncreaseBy | Comparator::DecreaseBy)
                && t.value.is_some()
                && t.target_year.is_some()
        })
        .collect();
    ordering::sort_by_key(&mut changes, |t| t.target_year);
    for t in changes {
        let (Some(year), Some(delta)) = (t.target_year, t.value) else {
            continue;
        };
        let Some(prev) = points.iter().rfind(|p| p.year < year) else {
            continue;
        };
        let value = if t.comparator == Comparator::IncreaseBy {
            prev.value + delta
        } else {
            prev.value - delta
        };
        points.push(PathPoint {
            year,
            value,
            role: PointRole::Derived,
            // The change's comparator (+/−) does not apply to the level.
            comparator: Comparator::None,
            target_id: Some(t.id.clone()),
        });
        sort(&mut points);
    }
    points
}

/// Draw the paths chart. Sizes come from `backend.get_size()` and `labels.scale`.
pub fn draw_paths<DB: DrawingBackend>(backend: DB, data: &PathsData, labels: &ChartLabels) -> Result<(), String> {
    paint(backend, labels, |p, top| {
        let ctx = p.ctx;
        let entered: Vec<&EnteredPoint> = data.entered.iter().filter(|e| usable(e)).collect();
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

/// `≥42%（2020年）` / `≥42% (2020)`; `when` is a year or a date.
fn point_text(value: f64, comparator: Comparator, when: &str, is_year: bool, unit: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let v = format!("{}{}", comparator_symbol(comparator), format_value(value, unit, lang));
    match (zh, is_year) {
        (true, true) => format!("{v}（{when}年）"),
        (true, false) => format!("{v}（{when}）"),
        (false, _) => format!("{v} ({when})"),
    }
}

/// One line: each series from its first to its last point, then each series' latest entered value
/// and where the straight line leads.
pub fn summary(data: &PathsData, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let head = if data.unit.is_empty() {
        data.name.clone()
    } else if zh {
        format!("{}（{}）", data.name, data.unit)
    } else {
        format!("{} ({})", data.name, data.unit)
    };
    if data.series.is_empty() {
        return if zh {
            format!("{head}：所选文件没有该指标的目标。")
        } else {
            format!("{head}: no targets in the selected documents.")
        };
    }
    let unit = &data.unit;
    let parts: Vec<String> = data
        .series
        .iter()
        .map(|s| {
            let first = &s.points[0];
            let last = &s.points[s.points.len() - 1];
            let a = point_text(first.value, first.comparator, &first.year.to_string(), true, unit, lang);
            if s.points.len() == 1 {
                format!("{} {a}", s.label)
            } else {
                let b = point_text(last.value, last.comparator, &last.year.to_string(), true, unit, lang);
                format!("{} {a} → {b}", s.label)
            }
        })
        .collect();
    let mut out = if zh {
        format!("{head}：{}。", parts.join("；"))
    } else {
        format!("{head}: {}.", parts.join("; "))
    };
    if !data.omitted.is_empty() {
        let note = omitted_note(data.omitted_documents(), lang);
        out += &if zh { format!("{note}。") } else { format!(" {note}.") };
    }
    for s in &data.series {
        let Some(latest) = data
            .entered
            .iter()
            .filter(|e| e.series == s.key && usable(e))
            .max_by(|a, b| a.date.total_cmp(&b.date))
        else {
            continue;
        };
        let v = point_text(
            latest.value,
            Comparator::None,
            &date_text(latest.date),
            false,
            unit,
            lang,
        );
        out += &match (projection(s, &data.entered, unit), zh) {
            (Some(pr), true) => format!(
                "{}自填{}，按直线推算{}年底为{}。",
                s.label,
                v,
                pr.year,
                format_value(pr.to.1, unit, lang)
            ),
            (Some(pr), false) => format!(
                " {}: {} entered; the straight line leads to {} by the end of {}.",
                s.label,
                v,
                format_value(pr.to.1, unit, lang),
                pr.year
            ),
            (None, true) => format!("{}自填{}。", s.label, v),
            (None, false) => format!(" {}: {} entered.", s.label, v),
        };
    }
    out
}

/// The data table: every point of every series, the entered points (and baselines entered with
/// them) and the projections, header first. Years of stated points are the stated years; entered
/// points give their date.
pub fn table(data: &PathsData) -> Vec<Vec<String>> {
    let zh = data.lang == Lang::Zh;
    let header = if zh {
        ["系列", "类型", "年份或日期", "比较", "数值", "单位"]
    } else {
        ["Series", "Kind", "Year or date", "Comparator", "Value", "Unit"]
    };
    let role = |r: PointRole| {
        match (r, zh) {
            (PointRole::Baseline, true) => "基线",
            (PointRole::Baseline, false) => "baseline",
            (PointRole::Target, true) => "目标",
            (PointRole::Target, false) => "target",
            (PointRole::Derived, true) => "目标（由增减幅推算）",
            (PointRole::Derived, false) => "target (from a stated change)",
        }
        .to_string()
    };
    let text = |zh_text: &str, en_text: &str| if zh { zh_text } else { en_text }.to_string();
    let mut out = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for s in data.series.iter().chain(data.omitted.iter()) {
        for q in &s.points {
            out.push(vec![
                s.label.clone(),
                role(q.role),
                q.year.to_string(),
                comparator_symbol(q.comparator).to_string(),
                format_number(q.value),
                data.unit.clone(),
            ]);
        }
    }
    let label_of = |key: &str| {
        data.series
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.label.clone())
            .unwrap_or_else(|| key.to_string())
    };
    for e in data.entered.iter().filter(|e| usable(e)) {
        if let Some((t, v)) = e.baseline {
            out.push(vec![
                label_of(&e.series),
                text("自填基线", "entered baseline"),
                date_text(t),
                String::new(),
                format_number(v),
                data.unit.clone(),
            ]);
        }
        out.push(vec![
            label_of(&e.series),
            text("自填", "entered"),
            date_text(e.date),
            String::new(),
            format_number(e.value),
            data.unit.clone(),
        ]);
    }
    for pr in data.projections() {
        out.push(vec![
            label_of(&pr.series),
            text("直线推算", "projection"),
            pr.year.to_string(),
            String::new(),
            format_number(pr.to.1),
            data.unit.clone(),
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use policy_analysis::progress::Date;
    use policy_data::model::Baseline;

    const FIT: &str = "student-fitness-good-rate";
    const KG: &str = "public-kindergarten-share";

    fn fixture() -> Dataset {
        let mut sh = document("sihui-2022", "四会", "Sihui", 2022, 2030);
        // 2020 ≥42%, 2021 ≥47%, 2022 ≥52%, then +2 points a year to 2024, 57% by 2025.
        sh.targets = vec![
            percent("sh-2020", "health", FIT, Comparator::AtLeast, 42.0, Some(2020)),
            percent("sh-2021", "health", FIT, Comparator::AtLeast, 47.0, Some(2021)),
            percent("sh-2022", "health", FIT, Comparator::AtLeast, 52.0, Some(2022)),
            percent("sh-2024", "health", FIT, Comparator::IncreaseBy, 4.0, Some(2024)),
            percent("sh-2025", "health", FIT, Comparator::Equal, 57.0, Some(2025)),
        ];
        let mut dg = document("dongguan-2019", "东莞", "Dongguan", 2019, 2022);
        let mut t = percent("dg-1", "health", FIT, Comparator::AtLeast, 50.0, Some(2022));
        t.baseline = Some(Baseline {
            value: 40.0,
            year: Some(2018),
        });
        dg.targets = vec![
            t,
            percent("dg-2", "preschool", KG, Comparator::AtLeast, 50.0, Some(2020)),
        ];
        dataset(vec![dg, sh])
    }

    fn day(y: u16, m: u8, d: u8) -> f64 {
        fractional_year(Date::new(y, m, d).unwrap())
    }

    fn entered() -> Vec<EnteredPoint> {
        vec![
            EnteredPoint::new("dongguan-2019", day(2020, 12, 31), 45.0),
            EnteredPoint::new("sihui-2022", day(2023, 7, 2), 50.0),
        ]
    }

    #[test]
    fn an_evaluation_adds_its_current_value_to_the_series_of_its_scope() {
        use policy_analysis::progress::{evaluate, EvaluationInput};
        let ds = policy_data::bundled::dataset();
        let entry = ds.documents.iter().find(|e| e.document.id == "sihui-2022").unwrap();
        let target = entry
            .targets
            .iter()
            .find(|t| t.id == "sihui-2022-fitness-2021")
            .unwrap();
        let input = EvaluationInput {
            date: "2021-07-02".into(),
            current_value: "45".into(),
            baseline_value: "40".into(),
            baseline_year: "2020".into(),
        };
        let evaluation = evaluate(&entry.document, target, &input).expect("valid input");
        let data = PathsData::from_dataset(ds, FIT, &["sihui-2022"], &[], Lang::Zh);
        let key = data
            .series_key("sihui-2022", target.scope.as_ref().map(|s| s.zh.as_str()))
            .unwrap();
        assert_eq!(key, "sihui-2022/中小学校");
        let point = EnteredPoint::from_evaluation(&key, target, 2021, &evaluation).unwrap();
        assert!((point.date - 2021.5).abs() < 0.01);
        assert_eq!(point.value, 45.0);
        assert_eq!(point.baseline, Some((2021.0, 40.0)));
        assert_eq!(point.until, Some(2021));
        // The projection runs to the end of the evaluated year, not to the trajectory's 2030.
        let with_point = PathsData {
            entered: vec![point.clone()],
            ..data.clone()
        };
        let p = &with_point.projections()[0];
        assert_eq!((p.year, p.to.0), (2021, 2022.0));
        assert!(
            (p.to.1 - 50.0).abs() < 0.2,
            "40 → 45 in half a year leads to about 50: {p:?}"
        );
        assert_eq!(
            data.series_key("sihui-2022", Some("no such scope")).as_deref(),
            Some("sihui-2022")
        );
        // A count's current value is an amount achieved, not a level: no point.
        let mut count = target.clone();
        count.comparator = Comparator::Count;
        assert!(EnteredPoint::from_evaluation(&key, &count, 2021, &evaluation).is_none());
    }

    #[test]
    fn the_calculator_draws_its_document_first_then_others_sharing_the_indicator() {
        let ds = fixture();
        let sihui = &ds.documents[1].document;
        assert_eq!(path_documents(&ds, sihui, FIT), vec!["sihui-2022", "dongguan-2019"]);
        let dongguan = &ds.documents[0].document;
        assert_eq!(path_documents(&ds, dongguan, KG), vec!["dongguan-2019"]);
        let target = &ds.documents[1].targets[0];
        let data = PathsData::for_target(&ds, sihui, target, Lang::Zh);
        let keys: Vec<&str> = data.series.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, vec!["sihui-2022", "dongguan-2019"]);
        assert!(data.entered.is_empty() && data.omitted.is_empty());
    }

    #[test]
    fn the_calculator_draws_at_most_eight_other_documents() {
        let mut docs = Vec::new();
        for i in 0..12u16 {
            let id = format!("city{i}-2020");
            let mut doc = document(&id, &format!("城{i}"), &format!("City {i}"), 2020, 2025);
            doc.targets = vec![target(
                &format!("{id}-a"),
                "health",
                FIT,
                Comparator::AtLeast,
                Some(50.0),
                "%",
                Some(2025),
            )];
            docs.push(doc);
        }
        let ds = dataset(docs);
        let chosen = &ds.documents[5];
        let ids = path_documents(&ds, &chosen.document, FIT);
        assert_eq!(ids.len(), 12);
        assert_eq!(ids[0], "city5-2020");
        let data = PathsData::for_target(&ds, &chosen.document, &chosen.targets[0], Lang::En);
        assert_eq!(data.series.len(), 1 + OTHER_PATHS);
        assert_eq!(data.series[0].key, "city5-2020");
        assert_eq!(data.omitted_documents(), 12 - 1 - OTHER_PATHS);
    }

    /// The calculator's projected value and the one the paths chart draws, labels and tabulates
    /// agree for every bundled target the chart can show a current value for: with its own
    /// baseline, or with a synthetic one entered where it has none.
    #[test]
    fn the_chart_states_the_calculators_projection_for_every_bundled_target() {
        use policy_analysis::progress::{evaluate, is_evaluable, EvaluationInput};
        let ds = policy_data::bundled::dataset();
        let (mut compared, mut synthetic) = (0, 0);
        for entry in &ds.documents {
            let doc = &entry.document;
            for target in entry.targets.iter().filter(|t| is_evaluable(t)) {
                if current_meaning(target.comparator) != CurrentMeaning::Level {
                    continue;
                }
                let (Some(value), year) = (target.value, target.target_year.unwrap_or(doc.period.end)) else {
                    continue;
                };
                let (baseline_value, baseline_year) = match target.baseline {
                    Some(_) => (String::new(), String::new()),
                    None => {
                        synthetic += 1;
                        ((value * 0.6).to_string(), (doc.period.start - 1).to_string())
                    }
                };
                let start = target.baseline.and_then(|b| b.year).unwrap_or(doc.period.start - 1);
                for (eval_year, share) in [(start + 1, 0.3), (year.max(start + 1), 0.7)] {
                    let current = target.baseline.map_or(value * 0.6, |b| b.value) * (1.0 - share) + value * share;
                    let input = EvaluationInput {
                        date: format!("{eval_year}-07-02"),
                        baseline_value: baseline_value.clone(),
                        baseline_year: baseline_year.clone(),
                        current_value: format!("{current:.1}"),
                    };
                    let Ok(evaluation) = evaluate(doc, target, &input) else {
                        continue;
                    };
                    let mut data = PathsData::for_target(ds, doc, target, Lang::Zh);
                    let Some(key) = data.series_key(&doc.id, target.scope.as_ref().map(|s| s.zh.as_str())) else {
                        continue;
                    };
                    data.entered = EnteredPoint::from_evaluation(&key, target, doc.period.start, &evaluation)
                        .into_iter()
                        .collect();
                    let drawn = data.projections();
                    let chart = drawn.iter().find(|p| p.series == key);
                    let calculator = evaluation.projection;
                    assert_eq!(chart.is_some(), calculator.is_some(), "{} at {eval_year}", target.id);
                    let (Some(chart), Some(calculator)) = (chart, calculator) else {
                        continue;
                    };
                    compared += 1;
                    // The calculator shows the value rounded to two decimals; the chart's label,
                    // summary and table show `format_number`, also two decimals.
                    let shown = policy_data::export::format_number((calculator.value * 100.0).round() / 100.0);
                    assert_eq!(format_number(chart.to.1), shown, "{} at {eval_year}", target.id);
                    assert_eq!((chart.year, chart.to.0), (calculator.year, year_end(calculator.year)));
                    let label = format!("≈{}", format_value(chart.to.1, &data.unit, Lang::Zh));
                    let labels = ChartLabels::new(Lang::Zh);
                    let svg = svg(1100, 500, |b| draw_paths(b, &data, &labels));
                    assert!(texts(&svg).contains(&label), "{} labels {label}", target.id);
                    let summary = summary(&data, Lang::Zh);
                    assert!(
                        summary.contains(&format!(
                            "年底为{}",
                            format_value(calculator.value, &data.unit, Lang::Zh)
                        )),
                        "{summary}"
                    );
                }
            }
        }
        assert!(compared >= 20, "compared {compared} projections");
        assert!(synthetic > 0, "some targets were given a synthetic baseline");
    }

    #[test]
    fn dates_and_the_time_axis() {
        assert_eq!(year_end(2025), 2026.0);
        assert_eq!(day(2023, 12, 31), 2024.0);
        assert!((day(2023, 7, 2) - 2023.5).abs() < 0.002);
        assert_eq!(day(2024, 1, 1), 2024.0 + 1.0 / 366.0);
        for (y, m, d) in [(2023, 7, 2), (2024, 2, 29), (2023, 12, 31), (2024, 1, 1), (2021, 3, 1)] {
            assert_eq!(date_of(day(y, m, d)), Date::new(y, m, d), "{y}-{m}-{d}");
        }
        assert_eq!(date_text(day(2023, 7, 2)), "2023-07-02");
        assert_eq!(date_of(f64::NAN), None);
    }

    #[test]
    fn builds_series_with_baselines_and_changes() {
        let ds = fixture();
        let d = PathsData::from_dataset(&ds, FIT, &["sihui-2022", "dongguan-2019"], &[], Lang::Zh);
        assert_eq!(d.name, "学生体质健康优良率");
        assert_eq!(d.series.len(), 2);
        let sh = &d.series[0];
        assert_eq!(sh.label, "四会");
        let pts: Vec<(u16, f64, PointRole)> = sh.points.iter().map(|p| (p.year, p.value, p.role)).collect();
        assert_eq!(
            pts,
            vec![
                (2020, 42.0, PointRole::Target),
                (2021, 47.0, PointRole::Target),
                (2022, 52.0, PointRole::Target),
                (2024, 56.0, PointRole::Derived),
                (2025, 57.0, PointRole::Target),
            ]
        );
        let dg = &d.series[1];
        assert_eq!(dg.points[0].role, PointRole::Baseline);
        assert_eq!((dg.points[0].year, dg.points[0].value), (2018, 40.0));
        assert_eq!(dg.points[0].time(), 2019.0);
        assert_eq!(dg.color_index, 0);
    }

    #[test]
    fn projection_follows_the_straight_line_to_the_end_of_the_target_year() {
        let ds = fixture();
        let d = PathsData::from_dataset(&ds, FIT, &["sihui-2022", "dongguan-2019"], &entered(), Lang::Zh);
        // 东莞: 40% at the end of 2018, 45% at the end of 2020 (731 days, 2020 is a leap year): by
        // the end of 2022 (1461 days after the baseline) 40 + 5 × 1461 / 731 ≈ 49.99%, the
        // calculator's rule in days (not 50%, as whole years would give).
        let p = projection(&d.series[1], &d.entered, "%").unwrap();
        assert_eq!(p.anchor, (2019.0, 40.0));
        assert_eq!(p.from, (2021.0, 45.0));
        assert_eq!(p.to, (2023.0, 40.0 + 5.0 * 1461.0 / 731.0));
        assert_eq!(p.year, 2022);
        // 四会 has no baseline and one entered point: nothing to draw a line from.
        assert!(projection(&d.series[0], &d.entered, "%").is_none());
        // An earlier entered point gives it one: 40% → 50% over 2022–2023 (730 days), about 60% by
        // the end of 2025 (1461 days).
        let mut more = vec![
            EnteredPoint::new("sihui-2022", day(2021, 12, 31), 40.0),
            EnteredPoint::new("sihui-2022", day(2023, 12, 31), 50.0),
        ];
        assert_eq!(
            projection(&d.series[0], &more, "%").unwrap().to,
            (2026.0, 40.0 + 10.0 * 1461.0 / 730.0)
        );
        // A baseline entered with the point wins over the earlier point: 45% → 50% over 2023
        // (365 days), to the end of 2025 (1096 days).
        more[1].baseline = Some((year_end(2022), 45.0));
        assert_eq!(
            projection(&d.series[0], &more, "%").unwrap().to,
            (2026.0, 45.0 + 5.0 * 1096.0 / 365.0)
        );
        more[1].baseline = Some((year_end(2021), 30.0));
        let p = projection(&d.series[0], &more, "%").unwrap();
        assert_eq!(p.anchor, (2022.0, 30.0));
        assert_eq!(p.to, (2026.0, 30.0 + 20.0 * 1461.0 / 730.0));
        // Percentages stay within 0–100; nothing after the deadline.
        more[1].baseline = Some((year_end(2022), 0.0));
        assert_eq!(projection(&d.series[0], &more, "%").unwrap().to.1, 100.0);
        let late = vec![EnteredPoint {
            baseline: Some((2019.0, 10.0)),
            ..EnteredPoint::new("sihui-2022", day(2026, 3, 1), 60.0)
        }];
        assert!(projection(&d.series[0], &late, "%").is_none());
    }

    #[test]
    fn draws_lines_markers_entered_points_and_projection() {
        let ds = fixture();
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
        let ds = fixture();
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
        let ds = fixture();
        let d = PathsData::from_dataset(&ds, "nothing", &["sihui-2022"], &[], Lang::Zh);
        let labels = ChartLabels::new(Lang::Zh);
        let svg = svg(800, 400, |b| draw_paths(b, &d, &labels));
        assert!(texts(&svg).contains(&labels.no_data));
        assert_eq!(summary(&d, Lang::En), "nothing: no targets in the selected documents.");
    }

    #[test]
    fn a_bounded_chart_draws_the_first_documents_and_says_how_many_it_left_out() {
        let mut docs = Vec::new();
        for i in 0..5u16 {
            let id = format!("city{i}-2020");
            let mut doc = document(&id, &format!("城{i}"), &format!("City {i}"), 2020, 2025);
            doc.targets = vec![
                target(
                    &format!("{id}-a"),
                    "health",
                    FIT,
                    Comparator::AtLeast,
                    Some(50.0 + f64::from(i)),
                    "%",
                    Some(2022),
                ),
                target(
                    &format!("{id}-b"),
                    "health",
                    FIT,
                    Comparator::AtLeast,
                    Some(60.0 + f64::from(i)),
                    "%",
                    Some(2025),
                ),
            ];
            // The second document sets targets for two scopes: two series, one document.
            if i == 1 {
                doc.targets[1].scope = Some(Bilingual {
                    zh: "高中".into(),
                    en: "senior high".into(),
                });
            }
            docs.push(doc);
        }
        let ds = dataset(docs);
        let ids = ["city0-2020", "city1-2020", "city2-2020", "city3-2020", "city4-2020"];
        let all = PathsData::from_dataset(&ds, FIT, &ids, &[], Lang::Zh);
        assert_eq!(all.series.len(), 6);
        let bounded = all.clone().bounded(2);
        let keys: Vec<&str> = bounded.series.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys.len(), 3, "both series of the second document are kept: {keys:?}");
        assert!(keys.iter().all(|k| k.starts_with("city0") || k.starts_with("city1")));
        assert_eq!(bounded.omitted.len(), 3);
        assert_eq!(bounded.omitted_documents(), 3);
        // Nothing is left out when the bound is not reached.
        assert!(all.clone().bounded(5).omitted.is_empty());

        let labels = ChartLabels::new(Lang::Zh);
        let drawn = svg(800, 400, |b| draw_paths(b, &bounded, &labels));
        let t = texts(&drawn);
        assert!(t.iter().any(|x| x == "另有3份文件的路径未画出，见数据表"), "{t:?}");
        assert!(!t.iter().any(|x| x.starts_with("城2")), "城2 is not drawn: {t:?}");
        assert_eq!(
            count(&drawn, "circle"),
            4 + 1,
            "two documents' four targets and the legend dot"
        );
        let zh = super::summary(&bounded, Lang::Zh);
        assert!(zh.ends_with("另有3份文件的路径未画出，见数据表。"), "{zh}");
        assert!(!zh.contains("城3"), "{zh}");
        let en = PathsData::from_dataset(&ds, FIT, &ids, &[], Lang::En).bounded(4);
        let en = super::summary(&en, Lang::En);
        assert!(
            en.ends_with("(2025). 1 more document not drawn: see the data table."),
            "{en}"
        );
        // The data table still lists every point of every series.
        let rows = table(&bounded);
        assert_eq!(rows.len(), 1 + 10);
        assert!(rows.iter().any(|row| row[0] == "城4" && row[4] == "64"));
    }

    #[test]
    fn summary_and_table() {
        let ds = fixture();
        let d = PathsData::from_dataset(&ds, FIT, &["sihui-2022", "dongguan-2019"], &entered(), Lang::Zh);
        assert_eq!(
            summary(&d, Lang::Zh),
            "学生体质健康优良率（%）：四会 ≥42%（2020年） → =57%（2025年）；东莞 40%（2018年） → ≥50%（2022年）。\
             四会自填50%（2023-07-02）。东莞自填45%（2020-12-31），按直线推算2022年底为49.99%。"
        );
        let en = PathsData::from_dataset(&ds, FIT, &["dongguan-2019"], &entered(), Lang::En);
        assert_eq!(
            summary(&en, Lang::En),
            "Share of pupils rated good or excellent in fitness (%): Dongguan 40% (2018) → ≥50% (2022). \
             Dongguan: 45% (2020-12-31) entered; the straight line leads to 49.99% by the end of 2022."
        );
        let t = table(&d);
        assert_eq!(t[0], vec!["系列", "类型", "年份或日期", "比较", "数值", "单位"]);
        assert_eq!(t[4], vec!["四会", "目标（由增减幅推算）", "2024", "", "56", "%"]);
        assert_eq!(t[6], vec!["东莞", "基线", "2018", "", "40", "%"]);
        assert_eq!(t[8], vec!["东莞", "自填", "2020-12-31", "", "45", "%"]);
        assert_eq!(t[t.len() - 1], vec!["东莞", "直线推算", "2022", "", "49.99", "%"]);
        assert_eq!(t.len(), 1 + 7 + 2 + 1);
    }
}
