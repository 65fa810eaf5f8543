//! The indicator chart's text alternatives: the one-line summary and the data table.

use super::IndicatorData;
use crate::{comparator_symbol, format_number, format_value};
use policy_data::lang::Lang;

/// One line: the indicator, its unit, and every target (`东莞 ≥80%（2020年）`).
pub fn summary(data: &IndicatorData, lang: Lang) -> String {
    let head = if data.unit.is_empty() {
        data.name.clone()
    } else {
        lang.pick(
            format!("{}（{}）", data.name, data.unit),
            format!("{} ({})", data.name, data.unit),
        )
    };
    if data.points.is_empty() {
        return lang.pick(
            format!("{head}：所选文件没有该指标的目标。"),
            format!("{head}: no targets in the selected documents."),
        );
    }
    const MAX: usize = 8;
    let mut parts: Vec<String> = data
        .points
        .iter()
        .take(MAX)
        .map(|p| {
            let v = format!(
                "{}{}",
                comparator_symbol(p.comparator),
                format_value(p.value, &data.unit, lang)
            );
            match (p.year, lang) {
                (Some(y), Lang::Zh) => format!("{} {}（{}年）", p.place(), v, y),
                (Some(y), Lang::En) => format!("{} {} ({})", p.place(), v, y),
                (None, Lang::Zh) => format!("{} {}（未写明年份）", p.place(), v),
                (None, Lang::En) => format!("{} {} (no year)", p.place(), v),
            }
        })
        .collect();
    if data.points.len() > MAX {
        let more = data.points.len() - MAX;
        parts.push(lang.pick(format!("另有{more}项"), format!("and {more} more")));
    }
    match lang {
        Lang::Zh => format!("{head}：{}。", parts.join("；")),
        Lang::En => format!("{head}: {}.", parts.join("; ")),
    }
}

/// The data table: one row per target, header first.
pub fn table(data: &IndicatorData) -> Vec<Vec<String>> {
    let header = data.lang.pick(
        ["地区", "比较", "目标值", "单位", "年份", "范围", "目标编号"],
        ["Locality", "Comparator", "Value", "Unit", "Year", "Scope", "Target id"],
    );
    let mut out = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for p in &data.points {
        out.push(vec![
            p.locality.clone(),
            comparator_symbol(p.comparator).to_string(),
            format_number(p.value),
            data.unit.clone(),
            p.year.map(|y| y.to_string()).unwrap_or_default(),
            p.label
                .clone()
                .or_else(|| p.scope.as_ref().map(|s| data.lang.pick(&s.zh, &s.en).clone()))
                .unwrap_or_default(),
            std::iter::once(&p.target_id)
                .chain(&p.also)
                .cloned()
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    out
}
