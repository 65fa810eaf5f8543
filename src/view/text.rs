//! Interface strings and the formatting of targets for display, in both languages.

use policy_analysis::url_state::Lang;
use policy_data::format::{format_number, requirement_in, target_year, NumberForm, ValueForm, YearForm};
use policy_data::lang_parts::{runs, Run};
use policy_data::model::{Bilingual, Binding, Document, Indicator, Kind, Script, Target};
use yew::prelude::*;

/// Picks the Chinese or the English string.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Picks from a bilingual field.
pub fn pick(lang: Lang, text: &Bilingual) -> &str {
    match lang {
        Lang::Zh => &text.zh,
        Lang::En => &text.en,
    }
}

/// `text` for a page in `lang`: on an English page, each Chinese run of it (a gloss, a unit, a
/// name, a quotation) in a `<span lang="zh">` (`zh-Hant` where Traditional), WCAG 3.1.2; the text
/// itself unchanged. A Chinese page shows it as it is.
pub fn lang_parts(lang: Lang, text: &str) -> Html {
    let runs = match lang {
        Lang::Zh => Vec::new(),
        Lang::En => runs(text),
    };
    if !runs.iter().any(|run| run.lang().is_some()) {
        return html! { {text.to_string()} };
    }
    runs.into_iter()
        .map(|run| match run {
            Run::Other(text) => html! { {text.to_string()} },
            Run::Chinese { text, .. } => {
                html! { <span lang={run.lang()}>{text.to_string()}</span> }
            }
        })
        .collect()
}

/// The `lang` attribute for text quoted from `document`.
pub fn quote_lang(document: &Document) -> &'static str {
    match document.script {
        Script::Simplified => "zh-Hans",
        Script::Traditional => "zh-Hant",
    }
}

pub fn kind_name(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::Quantitative => tr(lang, "量化目标", "Quantitative"),
        Kind::Standard => tr(lang, "标准规范", "Standard"),
        Kind::Milestone => tr(lang, "时间节点", "Milestone"),
        Kind::Projection => tr(lang, "预测", "Projection"),
    }
}

pub fn binding_name(lang: Lang, binding: Option<Binding>) -> &'static str {
    match binding {
        Some(Binding::Binding) => tr(lang, "约束性", "Binding"),
        Some(Binding::Expected) => tr(lang, "预期性", "Expected"),
        None => tr(lang, "未标明", "Not stated"),
    }
}

/// A number with thousands separators (90000 → 90,000).
pub fn grouped(value: f64) -> String {
    format_number(value, NumberForm::Grouped)
}

/// "≥ 80%", "≤ 45 人/班" / "≤ 45 students per class", "+9 万个"... — the comparator, value and unit
/// of a target, the unit worded for the reader through its `indicator`.
pub fn value_label(lang: Lang, target: &Target, indicator: Option<&Indicator>) -> String {
    requirement_in(target, indicator, lang, ValueForm::Label)
}

/// "2020年" / "by 2020", or "未定年份" / "no year".
pub fn year_label(lang: Lang, target: &Target) -> String {
    target_year(target.target_year, lang, YearForm::By)
}

/// "2019-11-05" → "2019年11月5日" / "5 Nov 2019".
pub fn date_label(lang: Lang, date: &str) -> String {
    let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, d] = parts[..] else {
        return date.to_string();
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => format!("{d} {} {y}", MONTHS.get(m as usize - 1).unwrap_or(&"")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(grouped(90000.0), "90,000");
        assert_eq!(grouped(86.49), "86.49");
        assert_eq!(grouped(1234567.5), "1,234,567.5");
        assert_eq!(grouped(-1000.0), "-1,000");
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date_label(Lang::Zh, "2019-11-05"), "2019年11月5日");
        assert_eq!(date_label(Lang::En, "2019-11-05"), "5 Nov 2019");
    }
}
