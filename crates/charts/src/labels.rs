//! The charts' words and numbers: the UI language's strings ([`ChartLabels`]), comparator
//! symbols, and the number, value and year forms of axis ticks and data labels (named shortcuts
//! for the forms of `data::format`, the one formatter).

pub use policy_data::format::comparator_symbol;
use policy_data::format::{self, NumberForm, ValueForm};
use policy_data::lang::Lang;

/// The UI language's strings for the charts, the font family and the drawing scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLabels {
    /// Language of these strings (also picks number formatting such as `45人/班` vs `45 人/班`).
    pub lang: Lang,
    /// CSS font family for every text, e.g. `"sans-serif"` (the browser picks a CJK system font).
    pub font_family: String,
    /// Device pixels per CSS pixel (`window.devicePixelRatio`); the backend's size is in device
    /// pixels. Clamped to 0.5–4.
    pub scale: f64,
    /// Darker colours, thicker lines, outlined marks (see [`palette`]).
    pub high_contrast: bool,
    /// Drawn at the top when not empty. Usually the page heading names the chart instead.
    pub title: String,
    /// X axis title of every chart.
    pub year_axis: String,
    /// Y axis title when the data has no unit.
    pub value_axis: String,
    /// Legend text of the plan-period band (timeline).
    pub plan_period: String,
    /// Legend note explaining the bar heights (timeline).
    pub bar_note: String,
    /// Legend texts of the paths chart.
    pub target: String,
    pub baseline: String,
    pub entered: String,
    pub projection: String,
    /// Shown instead of a chart when there is nothing to draw.
    pub no_data: String,
}

impl ChartLabels {
    /// Default strings in `lang`, font `sans-serif`, scale 1.
    pub fn new(lang: Lang) -> Self {
        let s = |zh_text: &str, en_text: &str| lang.pick(zh_text, en_text).to_string();
        ChartLabels {
            lang,
            font_family: "sans-serif".to_string(),
            scale: 1.0,
            high_contrast: false,
            title: String::new(),
            year_axis: s("年份", "Year"),
            value_axis: s("目标值", "Value"),
            plan_period: s("规划期", "Plan period"),
            bar_note: s("柱越高，目标越多", "Taller bar = more targets"),
            target: s("目标", "Target"),
            baseline: s("基线", "Baseline"),
            entered: s("自填现值", "Your value"),
            projection: s("直线推算", "Straight-line projection"),
            no_data: s("没有可绘制的数据", "Nothing to draw"),
        }
    }

    /// The same labels at another scale (device pixel ratio).
    pub fn with_scale(mut self, scale: f64) -> Self {
        self.scale = scale;
        self
    }

    /// The same labels with the high-contrast palette on or off.
    pub fn with_high_contrast(mut self, on: bool) -> Self {
        self.high_contrast = on;
        self
    }
}

/// A number on a chart: at most two decimals, no trailing zeros ([`NumberForm::TwoDecimals`]).
pub fn format_number(v: f64) -> String {
    format::format_number(v, NumberForm::TwoDecimals)
}

/// A value with its unit on a chart ([`ValueForm::Rounded`]).
pub fn format_value(v: f64, unit: &str, lang: Lang) -> String {
    format::value_with_unit(v, unit, lang, ValueForm::Rounded)
}

/// A year on a chart axis or label (a fraction for a date within the year).
pub fn format_year(y: f64) -> String {
    format_number(y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::model::Comparator;

    #[test]
    fn numbers_values_and_years() {
        assert_eq!(format_number(80.0), "80");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_value(80.0, "%", Lang::En), "80%");
        assert_eq!(format_value(45.0, "人/班", Lang::Zh), "45人/班");
        assert_eq!(format_value(45.0, "人/班", Lang::En), "45 人/班");
        assert_eq!(format_year(2023.5), "2023.5");
        assert_eq!(format_year(2020.0), "2020");
    }

    #[test]
    fn labels_scale_and_defaults() {
        let l = ChartLabels::new(Lang::Zh).with_scale(2.0);
        assert_eq!(l.year_axis, "年份");
        assert_eq!(l.scale, 2.0);
        assert_eq!(comparator_symbol(Comparator::AtLeast), "≥");
    }
}
