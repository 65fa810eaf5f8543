//! One value for any of the three charts, so that a view can hold, draw, summarise and tabulate a
//! chart without knowing which one it is, and so that the chart panel redraws only when the data
//! changes (the value compares by content).

use plotters::prelude::DrawingBackend;

use super::indicator::{self, IndicatorData};
use super::paths::{self, PathsData};
use super::timeline::{self, TimelineData};
use super::{ChartLabels, Ctx};
use policy_data::lang::Lang;

/// A chart with its data.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    Timeline(TimelineData),
    Indicator(IndicatorData),
    Paths(PathsData),
}

impl Chart {
    /// Draws the chart on `backend` (sizes from the backend and `labels.scale`).
    pub fn draw<DB: DrawingBackend>(&self, backend: DB, labels: &ChartLabels) -> Result<(), String> {
        match self {
            Chart::Timeline(d) => timeline::draw_timeline(backend, d, labels),
            Chart::Indicator(d) => indicator::draw_indicator(backend, d, labels),
            Chart::Paths(d) => paths::draw_paths(backend, d, labels),
        }
    }

    /// The one-line text summary, in the data's language.
    pub fn summary(&self) -> String {
        match self {
            Chart::Timeline(d) => timeline::summary(d, d.lang),
            Chart::Indicator(d) => indicator::summary(d, d.lang),
            Chart::Paths(d) => paths::summary(d, d.lang),
        }
    }

    /// The data table alternative, header row first.
    pub fn table(&self) -> Vec<Vec<String>> {
        match self {
            Chart::Timeline(d) => timeline::table(d),
            Chart::Indicator(d) => indicator::table(d),
            Chart::Paths(d) => paths::table(d),
        }
    }

    /// True when there is nothing to draw (the chart then shows only its "nothing to draw" note).
    pub fn is_empty(&self) -> bool {
        match self {
            Chart::Timeline(d) => d.rows.is_empty(),
            Chart::Indicator(d) => d.points.iter().all(|p| p.year.is_none()),
            Chart::Paths(d) => d.series.is_empty(),
        }
    }

    /// The height in CSS pixels the chart wants at `css_width` CSS pixels: the timeline grows with
    /// its rows; the value charts are taller on phones (relative to their width) so that labels
    /// have room. A title in `labels` adds its line.
    pub fn css_height(&self, labels: &ChartLabels, css_width: f64) -> f64 {
        let width = if css_width.is_finite() {
            css_width.max(1.0)
        } else {
            360.0
        };
        match self {
            Chart::Timeline(d) => timeline::preferred_height(d, labels, width),
            Chart::Indicator(_) | Chart::Paths(_) => {
                let plot = if width < 600.0 {
                    (width * 0.95).clamp(300.0, 420.0)
                } else {
                    (width * 0.38).clamp(340.0, 440.0)
                };
                (plot + title_height(labels, width)).ceil()
            }
        }
    }

    /// What the chart is about beyond its kind: the indicator's name (with its unit) for the
    /// indicator and paths charts, `None` for the timeline.
    pub fn subject(&self) -> Option<String> {
        let (name, unit, lang) = match self {
            Chart::Timeline(_) => return None,
            Chart::Indicator(d) => (&d.name, &d.unit, d.lang),
            Chart::Paths(d) => (&d.name, &d.unit, d.lang),
        };
        Some(match (unit.is_empty(), lang) {
            (true, _) => name.clone(),
            (false, Lang::Zh) => format!("{name}（{unit}）"),
            (false, Lang::En) => format!("{name} ({unit})"),
        })
    }

    /// A short name for file names: `timeline`, `indicator-<id>`, `paths-<id>`.
    pub fn file_stem(&self) -> String {
        match self {
            Chart::Timeline(_) => "timeline".to_string(),
            Chart::Indicator(d) => format!("indicator-{}", d.indicator_id),
            Chart::Paths(d) => format!("paths-{}", d.indicator_id),
        }
    }
}

/// The CSS height a title line takes at `css_width` (0 without a title).
fn title_height(labels: &ChartLabels, css_width: f64) -> f64 {
    if labels.title.is_empty() {
        return 0.0;
    }
    let probe = ChartLabels {
        scale: 1.0,
        ..labels.clone()
    };
    let ctx = Ctx::new((css_width as u32, 400), &probe);
    ctx.line_h(ctx.font * 1.15) + ctx.pad * 0.5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paths::test_support::evaluated;
    use crate::test_support::{count, svg, texts};
    use policy_data::bundled;

    const FOUR: [&str; 4] = ["dongguan-2019", "panjin-2019", "qingbaijiang-2018", "sihui-2022"];

    /// The inclusive-kindergarten share in the four bundled documents, names in `lang`.
    fn inclusive_share(lang: Lang) -> Chart {
        Chart::Indicator(IndicatorData::from_dataset(
            bundled::dataset(),
            "inclusive-kindergarten-share",
            &FOUR,
            lang,
        ))
    }

    /// `chart` drawn 1100 pixels wide at its height, labels in Chinese.
    fn drawn_1100(chart: &Chart) -> String {
        let labels = ChartLabels::new(Lang::Zh);
        svg(1100, chart.css_height(&labels, 1100.0) as u32, |b| {
            chart.draw(b, &labels)
        })
    }

    fn charts(lang: Lang) -> Vec<Chart> {
        let ds = bundled::dataset();
        vec![
            Chart::Timeline(TimelineData::from_dataset(ds, &FOUR, lang)),
            inclusive_share(lang),
            Chart::Paths(PathsData::from_dataset(
                ds,
                "student-fitness-good-rate",
                &["sihui-2022"],
                &[],
                lang,
            )),
        ]
    }

    #[test]
    fn every_chart_draws_the_bundled_data_with_its_labels_at_phone_and_desktop_sizes() {
        for lang in [Lang::Zh, Lang::En] {
            for chart in charts(lang) {
                assert!(!chart.is_empty(), "{}", chart.file_stem());
                for (css_w, scale) in [(343.0, 2.0), (1100.0, 1.0)] {
                    let labels = ChartLabels::new(lang).with_scale(scale);
                    let h = chart.css_height(&labels, css_w);
                    let (w, h) = ((css_w * scale) as u32, (h * scale) as u32);
                    let out = svg(w, h, |b| chart.draw(b, &labels));
                    let t = texts(&out);
                    let all = t.join("\n");
                    if css_w > 1000.0 {
                        let sihui = lang.pick("四会", "Sihui");
                        assert!(all.contains(sihui), "{} names Sihui: {all}", chart.file_stem());
                    }
                    let years = t
                        .iter()
                        .filter_map(|x| x.parse::<u16>().ok())
                        .filter(|y| (2015..=2035).contains(y));
                    assert!(years.count() >= 3, "{} labels its year axis: {all}", chart.file_stem());
                    assert!(
                        all.contains(&labels.year_axis),
                        "{} titles its year axis",
                        chart.file_stem()
                    );
                    assert!(count(&out, "rect") + count(&out, "circle") + count(&out, "polygon") > 3);
                }
            }
        }
    }

    #[test]
    fn the_four_cities_timeline_has_a_row_per_city_and_theme_colours() {
        let ds = bundled::dataset();
        let chart = Chart::Timeline(TimelineData::from_dataset(ds, &FOUR, Lang::Zh));
        let out = drawn_1100(&chart);
        let t = texts(&out);
        for city in ["东莞", "盘锦", "青白江", "四会", "规划期", "学前教育"] {
            assert!(t.iter().any(|x| x.contains(city)), "missing {city}: {t:?}");
        }
        assert!(chart.summary().starts_with("东莞、盘锦、青白江、四会共"));
        let table = chart.table();
        assert_eq!(table[0][0], "地区");
        assert!(table.len() > 10);
    }

    #[test]
    fn the_indicator_chart_marks_each_locality_with_its_comparator() {
        let chart = inclusive_share(Lang::Zh);
        let out = drawn_1100(&chart);
        let t = texts(&out);
        assert!(t.iter().any(|x| x == "≥"), "a ≥ mark: {t:?}");
        assert!(t.iter().any(|x| x.starts_with("东莞 80%")), "Dongguan's label: {t:?}");
        assert!(t.iter().any(|x| x.starts_with("四会 85%")), "Sihui's label: {t:?}");
        assert!(count(&out, "circle") >= 3, "a dot per dated target");
    }

    #[test]
    fn sihuis_fitness_trajectory_is_a_path_through_every_year_with_the_entered_value() {
        let ds = bundled::dataset();
        let mut data = PathsData::from_dataset(ds, "student-fitness-good-rate", &["sihui-2022"], &[], Lang::Zh);
        let yearly = data.series.iter().max_by_key(|s| s.points.len()).expect("a series");
        let years: Vec<u16> = yearly.points.iter().map(|p| p.year).collect();
        for y in 2020..=2030 {
            assert!(years.contains(&y), "year {y} in {years:?}");
        }
        let key = yearly.key.clone();
        // The calculator's evaluation of the 2022 target (≥52%) at 55% on 2023-07-02.
        data.entered = vec![evaluated(ds, "sihui-2022-fitness-2022", "2023-07-02", "55", None)];
        assert_eq!(data.entered[0].series, key, "on the yearly series");
        let chart = Chart::Paths(data);
        let out = drawn_1100(&chart);
        let t = texts(&out).join("\n");
        assert!(t.contains("自填现值"), "legend names the entered value: {t}");
        assert!(count(&out, "polygon") >= 1, "the entered value is a diamond");
        assert!(chart.summary().contains("自填55%"), "{}", chart.summary());
    }

    #[test]
    fn heights_grow_on_phones_and_with_a_title() {
        let chart = inclusive_share(Lang::Zh);
        let plain = ChartLabels::new(Lang::Zh);
        let titled = ChartLabels {
            title: "普惠".to_string(),
            ..plain.clone()
        };
        assert!(chart.css_height(&plain, 343.0) >= 300.0);
        assert!(chart.css_height(&plain, 343.0) / 343.0 > chart.css_height(&plain, 1100.0) / 1100.0);
        assert!(chart.css_height(&titled, 1100.0) > chart.css_height(&plain, 1100.0));
        assert_eq!(chart.file_stem(), "indicator-inclusive-kindergarten-share");
        assert_eq!(
            chart.subject().as_deref(),
            Some("公办及普惠性民办幼儿园在园幼儿占比（%）")
        );
    }
}
