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
//! The calculator's mid-term evaluation adds a point (the evaluation date and the current value,
//! [`EnteredPoint::from_evaluation`]), drawn as a diamond. It carries the evaluation's projection,
//! `analysis::progress`'s one rule (counted in days, kept within the target's feasible range): the
//! straight line from the baseline the calculator used through the current value, drawn dashed
//! from the point to the end of the evaluated target's year ([`projection()`]) and labelled with
//! exactly the value the calculator states. The chart computes no projection of its own.
//!
//! Many documents can share an indicator (hundreds in a large dataset). [`PathsData::bounded`]
//! keeps the first documents' series for the drawing and the summary and moves the others to
//! [`PathsData::omitted`]: the legend and the summary say how many documents were left out, and the
//! data table still lists every point of every series.
//!
//! The files: `data` (the series built from the dataset, the documents the calculator's chart
//! shows, the evaluation's point), `projection` (the dashed line read off that point), `draw` (the
//! drawing) and `describe` (the words: dates, the summary and the data table).

mod data;
mod describe;
mod draw;
mod projection;
#[cfg(test)]
pub(crate) mod test_support;

pub use data::{path_documents, EnteredPoint, PathPoint, PathSeries, PathsData, PointRole, OTHER_PATHS};
pub use describe::{date_text, summary, table};
pub use draw::draw_paths;
pub use policy_analysis::progress::{date_of, fractional_year, year_end};
pub use projection::{projection, Projection};

// The whole chart: what is drawn, said and tabulated from the same data.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::{format_number, format_value, ChartLabels};
    use policy_analysis::progress::{current_meaning, CurrentMeaning};
    use policy_data::lang::Lang;
    use policy_data::model::{Bilingual, Comparator};

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
}
