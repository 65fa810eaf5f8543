//! What the paths chart draws: the series built from the dataset (stated baselines, targets, and
//! changes made levels), which documents the calculator's chart shows and how many it draws, and
//! the point a mid-term evaluation adds.

use std::rc::Rc;

use crate::{indicator_name_unit, select_documents};
use policy_analysis::ordering;
use policy_analysis::progress::{
    current_meaning, fractional_year, year_end, BaselineSource, CurrentMeaning, Evaluation, Projection,
};
use policy_data::lang::Lang;
use policy_data::model::{Bilingual, Comparator, Dataset, Document, Target};

/// Everything the paths chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct PathsData {
    /// Language of the names and words in this data (and of the table header).
    pub lang: Lang,
    pub indicator_id: String,
    pub name: String,
    pub unit: String,
    pub series: Vec<PathSeries>,
    /// Series not drawn (see [`PathsData::bounded`]), in the same order; listed in the table.
    /// Shared, since a view keeps one copy per chosen target while the entered points change.
    pub omitted: Rc<Vec<PathSeries>>,
    /// Points the calculator's evaluations add; each names its series by key.
    pub entered: Vec<EnteredPoint>,
}

/// One line.
#[derive(Clone, Debug, PartialEq)]
pub struct PathSeries {
    /// The document id, or `document-id/scope` when a document has targets for several scopes.
    pub key: String,
    /// The locality (and the scope when the document has several).
    pub label: String,
    /// Index into [`crate::palette::locality_color`].
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

impl PathPoint {
    /// Time-axis position: the end of the stated year.
    pub fn time(&self) -> f64 {
        year_end(self.year)
    }
}

/// The point a mid-term evaluation adds to the series with key `series`
/// ([`EnteredPoint::from_evaluation`]).
#[derive(Clone, Debug, PartialEq)]
pub struct EnteredPoint {
    pub series: String,
    /// Evaluation date as a time-axis position, see [`fractional_year`].
    pub date: f64,
    /// The current value.
    pub value: f64,
    /// The baseline the user typed, as (time-axis position, value): [`year_end`] of the baseline
    /// year, or the plan's first year (`f64::from(start)`) for a baseline typed without a year.
    /// Listed in the data table.
    pub baseline: Option<(f64, f64)>,
    /// The calculator's projection from this point, drawn as is (`None`: it made none, so none is
    /// drawn).
    pub projection: Option<Projection>,
}

impl EnteredPoint {
    /// The point a mid-term evaluation of `target` adds to series `series`: the evaluation date
    /// and the current value, with the baseline the user typed (at the end of its year, or at the
    /// start of the plan `plan_start` when typed without a year). `None` without a current value,
    /// or when the current value is not a level (an amount achieved or remaining), which would not
    /// sit on the value axis. It carries the evaluation's projection (to the end of the evaluated
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
            projection: evaluation.projection,
        })
    }

    /// Whether the point can be placed on the chart (a finite date and value).
    pub(super) fn usable(&self) -> bool {
        self.date.is_finite() && self.value.is_finite()
    }
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
    /// `entered` points, names in `lang`.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn builds_series_with_baselines_and_changes() {
        let ds = fitness_paths();
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
    fn the_calculator_draws_its_document_first_then_others_sharing_the_indicator() {
        let ds = fitness_paths();
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
}
