//! The pace targets ask for, to set them side by side in the comparison: the average yearly change a
//! target needs from its stated baseline ([`required_annual_change`]) and, for targets due in
//! different years, the value a straight path would reach at a common year
//! ([`straight_line_value_at`]), labelled as an illustration, never a forecast.
//! Formulas in `docs/formulas.md` (sections 1, 2 and 4.6). Pure functions, no web dependency.

use super::compare::{comparator_family, Family, Verdict};
use super::progress::{required_annual_change, straight_line_value_at};
use policy_data::format::{self, format_number, value_with_unit, NumberForm, ValueForm};
use policy_data::lang::Lang;
use policy_data::model::{Bilingual, Indicator, Target};

/// The straight path from a target's baseline to its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    pub baseline_value: f64,
    pub baseline_year: u16,
    pub target_value: f64,
    pub target_year: u16,
    /// Average change per year needed (negative for a falling target).
    pub annual_change: f64,
}

/// True for targets that state a level (`>=`, `>`, `=`, `<=`, `<`): only those run on a straight
/// path from a baseline level. Changes, counts and eliminations measure something else.
fn states_a_level(target: &Target) -> bool {
    matches!(
        comparator_family(target.comparator),
        Family::LowerBound | Family::UpperBound | Family::Exact
    )
}

/// The pace of `target`: `None` unless it states a level, a value, a target year and a baseline
/// with a year before the target year.
pub fn pace(target: &Target) -> Option<Pace> {
    if !states_a_level(target) {
        return None;
    }
    let value = target.value?;
    let year = target.target_year?;
    let baseline = target.baseline?;
    let baseline_year = baseline.year?;
    let annual_change = required_annual_change(baseline.value, baseline_year, value, year)?;
    Some(Pace {
        baseline_value: baseline.value,
        baseline_year,
        target_value: value,
        target_year: year,
        annual_change,
    })
}

/// A number rounded to two decimals, without trailing zeros, with its sign: `+2`, `−0.3`, `0`.
fn signed(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = unsigned(rounded.abs());
    if text == "0" {
        text
    } else if rounded > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

/// A number rounded to two decimals, without trailing zeros.
fn unsigned(value: f64) -> String {
    format_number(value, NumberForm::TwoDecimals)
}

fn is_percent(unit: Option<&str>) -> bool {
    unit.is_some_and(format::is_percent)
}

impl Pace {
    /// `基线86.49%(2020年)起,平均每年需变化−0.3个百分点` /
    /// `from the baseline 86.49% (2020): −0.3 points a year on average`.
    pub fn text(&self, unit: Option<&str>, lang: Lang) -> String {
        let percent = is_percent(unit);
        let unit_text = unit.unwrap_or("");
        let base = format!(
            "{}{}",
            unsigned(self.baseline_value),
            if percent { "%" } else { unit_text }
        );
        let change = signed(self.annual_change);
        match (lang, percent) {
            (Lang::Zh, true) => format!("基线{base}({}年)起,平均每年需变化{change}个百分点", self.baseline_year),
            (Lang::Zh, false) => format!(
                "基线{base}({}年)起,平均每年需变化{change}{unit_text}",
                self.baseline_year
            ),
            (Lang::En, true) => format!(
                "from the baseline {base} ({}): {change} points a year on average",
                self.baseline_year
            ),
            (Lang::En, false) => format!(
                "from the baseline {base} ({}): {change}{} a year on average",
                self.baseline_year,
                if unit_text.is_empty() {
                    String::new()
                } else {
                    format!(" {unit_text}")
                }
            ),
        }
    }
}

/// Where a headline stands at the common year, and how that value was obtained.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AtYear {
    /// The headline is due in the common year: its own target value.
    OwnTarget(f64),
    /// The straight path from its baseline to its target, read at the common year.
    StraightLine(f64),
    /// Due in another year and no baseline: nothing to say.
    Unknown,
}

/// The headlines of a shared indicator set side by side at a common year.
#[derive(Clone, Debug, PartialEq)]
pub struct CommonYear {
    /// The earliest headline target year.
    pub year: u16,
    /// One entry per headline of the verdict, in its order.
    pub values: Vec<AtYear>,
    /// The sentence, labelled as an illustration.
    pub sentence: Bilingual,
}

/// The headlines of `verdict` at their earliest target year, when that tells something: every
/// headline states a level in the same unit with a target year, the years differ, and at least
/// one headline due later has a baseline to draw its straight path from. `None` otherwise. The
/// unit is worded through `indicator` (English pages: its English form).
pub fn common_year(verdict: &Verdict, indicator: Option<&Indicator>) -> Option<CommonYear> {
    let targets: Vec<&Target> = verdict.headlines.iter().map(|h| &h.target).collect();
    let first = targets.first()?;
    if targets
        .iter()
        .any(|t| !states_a_level(t) || t.value.is_none() || t.target_year.is_none() || t.unit != first.unit)
    {
        return None;
    }
    let years: Vec<u16> = targets.iter().filter_map(|t| t.target_year).collect();
    let year = *years.iter().min()?;
    if years.iter().all(|y| *y == year) {
        return None;
    }
    let values: Vec<AtYear> = targets
        .iter()
        .map(|t| match (t.target_year, t.value) {
            (Some(y), Some(v)) if y == year => AtYear::OwnTarget(v),
            _ => pace(t)
                .and_then(|p| {
                    straight_line_value_at(p.baseline_value, p.baseline_year, p.target_value, p.target_year, year)
                })
                .map_or(AtYear::Unknown, AtYear::StraightLine),
        })
        .collect();
    if !values.iter().any(|v| matches!(v, AtYear::StraightLine(_))) {
        return None;
    }
    let unit = first.unit.as_deref().unwrap_or("");
    let sentence = Bilingual {
        zh: common_year_text(
            verdict,
            year,
            &values,
            Some(format::unit_in(unit, indicator, Lang::Zh, None)),
            Lang::Zh,
        ),
        en: common_year_text(
            verdict,
            year,
            &values,
            Some(format::unit_in(unit, indicator, Lang::En, None)),
            Lang::En,
        ),
    };
    Some(CommonYear { year, values, sentence })
}

fn common_year_text(verdict: &Verdict, year: u16, values: &[AtYear], unit: Option<&str>, lang: Lang) -> String {
    let value = |x: f64| value_with_unit(x, unit.unwrap_or(""), lang, ValueForm::Rounded);
    let parts: Vec<String> = verdict
        .headlines
        .iter()
        .zip(values)
        .map(|(h, v)| {
            let name = lang.pick(&h.label.zh, &h.label.en);
            match (v, lang) {
                (AtYear::OwnTarget(x), Lang::Zh) => format!("{name} {}(本身目标)", value(*x)),
                (AtYear::OwnTarget(x), Lang::En) => format!("{name} {} (its own target)", value(*x)),
                (AtYear::StraightLine(x), Lang::Zh) => format!("{name} {}(直线推算)", value(*x)),
                (AtYear::StraightLine(x), Lang::En) => format!("{name} {} (straight line)", value(*x)),
                (AtYear::Unknown, Lang::Zh) => format!("{name} 无基线,无法推算"),
                (AtYear::Unknown, Lang::En) => format!("{name} no baseline to draw a line from"),
            }
        })
        .collect();
    if lang == Lang::Zh {
        format!(
            "放在同一年({year}年)对照(示意,按基线到目标的直线推算,并非预测):{}。",
            parts.join(";")
        )
    } else {
        format!(
            "Side by side at a common year, {year} (an illustration along the straight line from baseline to target, not a forecast): {}.",
            parts.join("; ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::ComparisonMatrix;
    use policy_data::bundled;
    use policy_data::model::{Baseline, Comparator};

    fn target(comparator: Comparator, value: f64, year: u16, baseline: Option<(f64, u16)>) -> Target {
        let mut t = bundled::dataset().documents[0].targets[0].clone();
        t.comparator = comparator;
        t.value = Some(value);
        t.unit = Some("%".into());
        t.target_year = Some(year);
        t.baseline = baseline.map(|(value, year)| Baseline {
            value,
            year: Some(year),
        });
        t
    }

    #[test]
    fn pace_of_a_rising_and_a_falling_target() {
        let rising = pace(&target(Comparator::AtLeast, 90.0, 2025, Some((80.0, 2020)))).unwrap();
        assert_eq!(rising.annual_change, 2.0);
        assert_eq!(
            rising.text(Some("%"), Lang::Zh),
            "基线80%(2020年)起,平均每年需变化+2个百分点"
        );
        assert_eq!(
            rising.text(Some("%"), Lang::En),
            "from the baseline 80% (2020): +2 points a year on average"
        );
        let mut cap = target(Comparator::AtMost, 45.0, 2022, Some((56.0, 2020)));
        cap.unit = Some("人/班".into());
        let falling = pace(&cap).unwrap();
        assert_eq!(falling.annual_change, -5.5);
        assert_eq!(
            falling.text(Some("人/班"), Lang::Zh),
            "基线56人/班(2020年)起,平均每年需变化−5.5人/班"
        );
        assert_eq!(
            falling.text(Some("人/班"), Lang::En),
            "from the baseline 56人/班 (2020): −5.5 人/班 a year on average"
        );
    }

    #[test]
    fn no_pace_without_a_baseline_year_or_for_changes_and_counts() {
        assert!(pace(&target(Comparator::AtLeast, 90.0, 2025, None)).is_none());
        assert!(pace(&target(Comparator::AtLeast, 90.0, 2020, Some((80.0, 2020)))).is_none());
        assert!(pace(&target(Comparator::IncreaseBy, 5.0, 2025, Some((80.0, 2020)))).is_none());
        assert!(pace(&target(Comparator::Count, 5.0, 2025, Some((1.0, 2020)))).is_none());
        let flat = pace(&target(Comparator::AtLeast, 80.0, 2025, Some((80.0, 2020)))).unwrap();
        assert_eq!(flat.annual_change, 0.0);
        assert!(flat.text(Some("%"), Lang::Zh).contains("变化0个百分点"));
    }

    #[test]
    fn the_four_cities_inclusive_kindergarten_shares_side_by_side_in_2020() {
        let ids: Vec<String> = ["dongguan-2019", "panjin-2019", "qingbaijiang-2018", "sihui-2022"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let matrix = ComparisonMatrix::build(bundled::dataset(), &ids);
        let row = matrix
            .rows
            .iter()
            .find(|r| r.indicator == "inclusive-kindergarten-share")
            .expect("a shared row");
        let verdict = row.verdict.as_ref().expect("shared");
        let common = common_year(verdict, None).expect("target years differ and Sihui states a baseline");
        assert_eq!(common.year, 2020);
        let sihui = verdict.headlines.iter().position(|h| h.doc_id == "sihui-2022").unwrap();
        assert_eq!(common.values[sihui], AtYear::StraightLine(86.49));
        let dongguan = verdict
            .headlines
            .iter()
            .position(|h| h.doc_id == "dongguan-2019")
            .unwrap();
        assert_eq!(common.values[dongguan], AtYear::OwnTarget(80.0));
        assert!(common.sentence.zh.contains("示意"), "{}", common.sentence.zh);
        assert!(
            common.sentence.zh.contains("四会 86.49%(直线推算)"),
            "{}",
            common.sentence.zh
        );
        assert!(common.sentence.en.contains("not a forecast"));
    }

    #[test]
    fn no_common_year_when_the_years_agree_or_nothing_has_a_baseline() {
        let ids: Vec<String> = ["dongguan-2019", "panjin-2019"].iter().map(|s| s.to_string()).collect();
        let matrix = ComparisonMatrix::build(bundled::dataset(), &ids);
        for row in &matrix.rows {
            if let Some(v) = &row.verdict {
                assert!(
                    common_year(v, None).is_none(),
                    "{}: no baselines in these two documents",
                    row.indicator
                );
            }
        }
    }

    #[test]
    fn signs_and_rounding() {
        assert_eq!(signed(0.29999), "+0.3");
        assert_eq!(signed(-0.298), "−0.3");
        assert_eq!(signed(-0.001), "0");
        assert_eq!(unsigned(86.49), "86.49");
        assert_eq!(unsigned(80.0), "80");
    }
}
