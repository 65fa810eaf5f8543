//! The timeline's text alternatives: the one-line summary and the data table.

use super::{period_text, TimelineData};
use policy_analysis::ordering::Counts;
use policy_data::lang::Lang;

/// One line: how many targets, in which localities, over which years, the busiest year, and how
/// many have no deadline.
pub fn summary(data: &TimelineData, lang: Lang) -> String {
    let total = data.dated() + data.undated();
    if data.rows.is_empty() || total == 0 {
        return lang.pick("没有可显示的目标。", "No targets to show.").to_string();
    }
    let names: Vec<&str> = data.rows.iter().map(|r| r.label.as_str()).collect();
    let places = if names.len() <= 4 {
        names.join(lang.pick("、", ", "))
    } else {
        lang.pick(format!("{}个地区", names.len()), format!("{} localities", names.len()))
    };
    let mut per_year = Counts::default();
    for m in data.rows.iter().flat_map(|r| &r.marks) {
        per_year.add(m.year, m.count);
    }
    let dated = data.dated();
    let undated = data.undated();
    let mut out = lang.pick(
        format!("{places}共{total}项目标"),
        format!("{total} targets in {places}"),
    );
    if let (Some((lo, _)), Some((hi, _))) = (per_year.iter().next(), per_year.iter().last()) {
        // Busiest year; the earliest one on a tie.
        let (busy, n) = per_year
            .iter()
            .fold((0u16, 0usize), |acc, (y, c)| if c > acc.1 { (*y, c) } else { acc });
        let span = if lo == hi {
            lo.to_string()
        } else {
            lang.pick(format!("{lo}—{hi}"), format!("{lo}–{hi}"))
        };
        out += &lang.pick(
            format!("：{dated}项有期限（{span}年，最多在{busy}年，{n}项）"),
            format!(": {dated} with a deadline ({span}, most in {busy}: {n})"),
        );
    } else {
        out += lang.pick("：均未写明期限", ": none with a deadline");
    }
    if undated > 0 && dated > 0 {
        out += &lang.pick(
            format!("，{undated}项未写明期限"),
            format!(", {undated} without a deadline"),
        );
    }
    out += lang.pick("。", ".");
    out
}

/// The data table: one row per locality, year and theme, then one per locality with undated
/// targets. Header first.
pub fn table(data: &TimelineData) -> Vec<Vec<String>> {
    let lang = data.lang;
    let header = lang.pick(
        ["地区", "规划期", "年份", "主题", "目标数"],
        ["Locality", "Plan period", "Year", "Theme", "Targets"],
    );
    let mut out = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for r in &data.rows {
        for m in &r.marks {
            out.push(vec![
                r.label.clone(),
                period_text(r.period),
                m.year.to_string(),
                data.theme_name(&m.theme).to_string(),
                m.count.to_string(),
            ]);
        }
        if r.undated > 0 {
            out.push(vec![
                r.label.clone(),
                period_text(r.period),
                lang.pick("未写明", "none").to_string(),
                lang.pick("（全部）", "(all)").to_string(),
                r.undated.to_string(),
            ]);
        }
    }
    out
}
