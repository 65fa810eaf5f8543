//! The dashed line of a series: the calculator's projection from the series' latest entered point
//! (`analysis::progress`'s one rule), read off the point as the calculator computed it.

use super::data::{EnteredPoint, PathSeries, PathsData};
use policy_analysis::progress::{fractional_year_of_day, year_end};

/// A straight-line projection: from the latest entered point `from` to `to` at the end of the
/// evaluated target's year `year`, on the line through `anchor` (the baseline the calculator used)
/// and `from`. Points are (time-axis position, value).
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub series: String,
    pub anchor: (f64, f64),
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub year: u16,
}

/// The projection of `series` from its latest entered point (those of other series are ignored):
/// the calculator's projection that the point carries ([`EnteredPoint::projection`]), drawn as is.
/// The value is `analysis::progress`'s one projection (whole days, kept within the target's
/// feasible range). `None` without an entered point, or when the calculator made no projection
/// (no baseline before the evaluation, or the deadline has passed).
pub fn projection(series: &PathSeries, entered: &[EnteredPoint]) -> Option<Projection> {
    let latest = entered
        .iter()
        .filter(|e| e.series == series.key && e.usable())
        .max_by(|a, b| a.date.total_cmp(&b.date))?;
    let p = latest.projection?;
    Some(Projection {
        series: series.key.clone(),
        anchor: (fractional_year_of_day(p.anchor.0)?, p.anchor.1),
        from: (latest.date, latest.value),
        to: (year_end(p.year), p.value),
        year: p.year,
    })
}

impl PathsData {
    /// The projection of every series that has one.
    pub fn projections(&self) -> Vec<Projection> {
        self.series
            .iter()
            .filter_map(|s| projection(s, &self.entered))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paths::test_support::{entered, evaluated};
    use crate::test_support::*;
    use policy_analysis::progress::{evaluate, EvaluationInput};
    use policy_data::lang::Lang;
    use policy_data::model::Comparator;

    #[test]
    fn an_evaluation_adds_its_current_value_to_the_series_of_its_scope() {
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
        assert_eq!(point.projection.map(|p| p.year), Some(2021));
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
    fn projection_follows_the_straight_line_to_the_end_of_the_target_year() {
        let ds = fitness_paths();
        let d = PathsData::from_dataset(&ds, FIT, &["sihui-2022", "dongguan-2019"], &entered(), Lang::Zh);
        // 东莞: 40% at the end of 2018, 45% at the end of 2020 (731 days, 2020 is a leap year): by
        // the end of 2022 (1461 days after the baseline) 40 + 5 × 1461 / 731 ≈ 49.99%, the
        // calculator's rule in days (not 50%, as whole years would give).
        let p = projection(&d.series[1], &d.entered).unwrap();
        assert_eq!(p.anchor, (2019.0, 40.0));
        assert_eq!(p.from, (2021.0, 45.0));
        assert_eq!(p.to, (2023.0, 40.0 + 5.0 * 1461.0 / 731.0));
        assert_eq!(p.year, 2022);
        // 四会's evaluation comes after its target's deadline: the calculator projects nothing,
        // so nothing is drawn.
        assert!(projection(&d.series[0], &d.entered).is_none());
        // Its 2025 target (=57%) evaluated at 50% on 2023-12-31, from the baseline the user typed.
        let line = |baseline: (&str, &str), date: &str, current: &str| {
            projection(
                &d.series[0],
                &[evaluated(&ds, "sh-2025", date, current, Some(baseline))],
            )
        };
        // 40% at the end of 2021 → 50% over 2022–2023 (730 days), about 60% by the end of 2025
        // (1461 days).
        assert_eq!(
            line(("40", "2021"), "2023-12-31", "50").unwrap().to,
            (2026.0, 40.0 + 10.0 * 1461.0 / 730.0)
        );
        // 45% at the end of 2022 → 50% over 2023 (365 days), to the end of 2025 (1096 days).
        assert_eq!(
            line(("45", "2022"), "2023-12-31", "50").unwrap().to,
            (2026.0, 45.0 + 5.0 * 1096.0 / 365.0)
        );
        let p = line(("30", "2021"), "2023-12-31", "50").unwrap();
        assert_eq!(p.anchor, (2022.0, 30.0));
        assert_eq!(p.to, (2026.0, 30.0 + 20.0 * 1461.0 / 730.0));
        // Percentages stay within 0–100; nothing after the deadline.
        assert_eq!(line(("0", "2022"), "2023-12-31", "50").unwrap().to.1, 100.0);
        assert!(line(("10", "2018"), "2026-03-01", "60").is_none());
    }
}
