//! The paths chart's words: the text of a date on the time axis, the note on the documents left
//! out, and the text alternatives (the one-line summary and the data table).

use super::data::{PathsData, PointRole};
use super::projection::projection;
use crate::{comparator_symbol, format_number, format_value, format_year};
use policy_analysis::progress::date_of;
use policy_data::lang::Lang;
use policy_data::model::Comparator;

/// `2023-07-02` for a time-axis position, or the fractional year when it is out of range.
pub fn date_text(t: f64) -> String {
    date_of(t).map(|d| d.to_string()).unwrap_or_else(|| format_year(t))
}

/// The legend's and the summary's note on the documents left out of the drawing.
pub(super) fn omitted_note(documents: usize, lang: Lang) -> String {
    if lang == Lang::Zh {
        format!("另有{documents}份文件的路径未画出，见数据表")
    } else if documents == 1 {
        "1 more document not drawn: see the data table".to_string()
    } else {
        format!("{documents} more documents not drawn: see the data table")
    }
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
            .filter(|e| e.series == s.key && e.usable())
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
        out += &match (projection(s, &data.entered), zh) {
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
    for e in data.entered.iter().filter(|e| e.usable()) {
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
    use crate::paths::test_support::{day, entered};
    use crate::test_support::*;
    use policy_analysis::progress::{year_end, Date};

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
    fn summary_and_table() {
        let ds = fitness_paths();
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
