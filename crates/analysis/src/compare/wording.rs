//! The comparison's words: requirements and years as its tables write them, targets named with
//! their locality, lists, and the verdict sentences.

use super::comparability::Comparability;
use super::demand::{comparator_family, Basis, Family};
use super::matrix::Headline;
use super::verdict::Verdict;
use policy_data::format::{requirement, requirement_in, target_year, ValueForm, YearForm};
use policy_data::lang::Lang;
use policy_data::model::{Better, Bilingual, Comparator, Indicator, Target};

/// The target's requirement as the comparison writes it, e.g. `≥80%`, `≤45人/班`, `+5%`,
/// `消除56人/班` ([`ValueForm::Compact`]).
pub fn format_requirement(target: &Target, lang: Lang) -> String {
    requirement(target, lang, ValueForm::Compact)
}

/// [`format_requirement`] with the unit worded for the reader: on English pages the indicator's
/// English unit (`≤45 students per class`).
pub fn format_requirement_in(target: &Target, indicator: Option<&Indicator>, lang: Lang) -> String {
    requirement_in(target, indicator, lang, ValueForm::Compact)
}

/// `2025年` / `2025`, or "no year" ([`YearForm::Bare`]).
pub fn format_year(year: Option<u16>, lang: Lang) -> String {
    target_year(year, lang, YearForm::Bare)
}

/// The text of `text` in `lang`.
pub(super) fn pick(text: &Bilingual, lang: Lang) -> &str {
    lang.pick(&text.zh, &text.en)
}

/// The same sentence written in both languages.
pub(super) fn bilingual(sentence: impl Fn(Lang) -> String) -> Bilingual {
    Bilingual {
        zh: sentence(Lang::Zh),
        en: sentence(Lang::En),
    }
}

/// `(≥80%,2020年)` / `(≥80%, 2020)`.
pub(super) fn describe_target(target: &Target, indicator: Option<&Indicator>, lang: Lang) -> String {
    let requirement = format_requirement_in(target, indicator, lang);
    let year = format_year(target.target_year, lang);
    match lang {
        Lang::Zh => format!("({requirement},{year})"),
        Lang::En => format!("({requirement}, {year})"),
    }
}

fn name(headline: &Headline, lang: Lang) -> &str {
    pick(&headline.label, lang)
}

/// `东莞(≥80%,2020年)` / `Dongguan (≥80%, 2020)`.
pub(super) fn named(label: &str, target: &Target, indicator: Option<&Indicator>, lang: Lang) -> String {
    let separator = lang.pick("", " ");
    format!("{label}{separator}{}", describe_target(target, indicator, lang))
}

fn named_target(headline: &Headline, indicator: Option<&Indicator>, lang: Lang) -> String {
    named(name(headline, lang), &headline.target, indicator, lang)
}

/// `甲、乙、丙` / `A, B and C`.
pub(super) fn join_list(items: &[String], lang: Lang) -> String {
    if lang == Lang::Zh {
        return items.join("、");
    }
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The comparison word for a direction: higher / stricter / larger / earlier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wording {
    Higher,
    Stricter,
    Larger,
    Earlier,
}

fn wording(family: Family, better: Better, basis: Option<Basis>) -> Wording {
    match (family, better, basis) {
        (_, _, Some(Basis::Year)) | (Family::Qualitative, _, _) => Wording::Earlier,
        (Family::Change, _, _) => Wording::Larger,
        (Family::Eliminate, _, _) | (_, Better::Lower, _) => Wording::Stricter,
        _ => Wording::Higher,
    }
}

pub(super) fn verdict_sentence(verdict: &Verdict, indicator: Option<&Indicator>) -> Bilingual {
    bilingual(|lang| verdict_text(verdict, indicator, lang))
}

fn verdict_text(verdict: &Verdict, indicator: Option<&Indicator>, lang: Lang) -> String {
    let better = indicator.map_or(Better::None, |i| i.better);
    let all: Vec<String> = verdict
        .headlines
        .iter()
        .map(|h| named_target(h, indicator, lang))
        .collect();
    if let Comparability::RoughlyComparable { reasons } = &verdict.comparability {
        let reasons: Vec<&str> = reasons.iter().map(|r| r.message(lang)).collect();
        return if lang == Lang::Zh {
            format!("仅大致可比({}):{}。", reasons.join(";"), all.join(";"))
        } else {
            format!("Only roughly comparable ({}): {}.", reasons.join("; "), all.join("; "))
        };
    }
    let Some(tiers) = &verdict.ranking else {
        return if lang == Lang::Zh {
            format!("可比,但无法判断哪个目标要求更高:{}。", all.join(";"))
        } else {
            format!(
                "Comparable, but which target is more demanding cannot be told: {}.",
                all.join("; ")
            )
        };
    };
    let family = comparator_family(verdict.headlines[0].target.comparator);
    let words = wording(family, better, verdict.basis);
    let body = match tiers.as_slice() {
        [] => String::new(),
        [_] => equal_text(&all, lang),
        [first, second] if first.len() == 1 && second.len() == 1 => {
            pair_text(verdict, (first[0], second[0]), words, indicator, lang)
        }
        [first, .., last] => extremes_text(verdict, (first, last), words, indicator, lang),
    };
    format!("{body}{}", year_gap_text(verdict, lang))
}

fn equal_text(all: &[String], lang: Lang) -> String {
    if lang == Lang::Zh {
        format!("{}的目标要求相同", join_list(all, lang))
    } else {
        format!("{} set equally demanding targets", join_list(all, lang))
    }
}

fn pair_text(
    verdict: &Verdict,
    (first, second): (usize, usize),
    words: Wording,
    indicator: Option<&Indicator>,
    lang: Lang,
) -> String {
    let (a, b) = (&verdict.headlines[first], &verdict.headlines[second]);
    let slightly = verdict.basis == Some(Basis::Strictness);
    let same_value = verdict.basis == Some(Basis::Year) && a.target.comparator != Comparator::None;
    let (ta, tb) = (
        describe_target(&a.target, indicator, lang),
        describe_target(&b.target, indicator, lang),
    );
    let (na, nb) = (name(a, lang), name(b, lang));
    if same_value {
        return if lang == Lang::Zh {
            format!("{na}的目标{ta}与{nb}{tb}数值相同,但截止更早")
        } else {
            format!("{na}'s target {ta} matches {nb}'s {tb} but is due earlier")
        };
    }
    if lang == Lang::Zh {
        let verb = match (words, slightly) {
            (Wording::Higher, false) => "高于",
            (Wording::Higher, true) => "略高于",
            (Wording::Stricter, false) => "严于",
            (Wording::Stricter, true) => "略严于",
            (Wording::Larger, _) => "幅度大于",
            (Wording::Earlier, _) => "截止早于",
        };
        format!("{na}的目标{ta}{verb}{nb}{tb}")
    } else {
        let comparison = match (words, slightly) {
            (Wording::Higher, false) => "is higher than",
            (Wording::Higher, true) => "is slightly higher than",
            (Wording::Stricter, false) => "is stricter than",
            (Wording::Stricter, true) => "is slightly stricter than",
            (Wording::Larger, _) => "asks for a larger change than",
            (Wording::Earlier, _) => "is due earlier than",
        };
        format!("{na}'s target {ta} {comparison} {nb}'s {tb}")
    }
}

fn extremes_text(
    verdict: &Verdict,
    (first, last): (&[usize], &[usize]),
    words: Wording,
    indicator: Option<&Indicator>,
    lang: Lang,
) -> String {
    let list = |tier: &[usize]| {
        let names: Vec<String> = tier
            .iter()
            .map(|&i| named_target(&verdict.headlines[i], indicator, lang))
            .collect();
        join_list(&names, lang)
    };
    let (top, bottom) = (list(first), list(last));
    if lang == Lang::Zh {
        let (most, least) = match words {
            Wording::Higher => ("最高", "最低"),
            Wording::Stricter => ("最严", "最宽"),
            Wording::Larger => ("幅度最大", "幅度最小"),
            Wording::Earlier => ("截止最早", "截止最晚"),
        };
        format!("{top}的目标{most},{bottom}的{least}")
    } else {
        let (most, least) = match words {
            Wording::Higher => ("the highest", "the lowest"),
            Wording::Stricter => ("the strictest", "the least strict"),
            Wording::Larger => ("the largest change", "the smallest"),
            Wording::Earlier => ("the earliest deadline", "the latest"),
        };
        format!("{top} {} {most} target; {bottom} {least}", set_or_sets(first.len()))
    }
}

fn year_gap_text(verdict: &Verdict, lang: Lang) -> String {
    let pair = verdict.headlines.len() == 2;
    match (verdict.year_gap, lang) {
        (Some(0), Lang::Zh) => ",目标年份相同。".into(),
        (Some(0), Lang::En) => "; the target years are the same.".into(),
        (Some(gap), Lang::Zh) if pair => format!(",目标年份相差{gap}年。"),
        (Some(gap), Lang::Zh) => format!(",目标年份最多相差{gap}年。"),
        (Some(gap), Lang::En) if pair => {
            format!("; the target years are {gap} {} apart.", years_word(gap))
        }
        (Some(gap), Lang::En) => format!("; the target years differ by up to {gap} {}.", years_word(gap)),
        (None, Lang::Zh) => "。".into(),
        (None, Lang::En) => ".".into(),
    }
}

fn years_word(count: u16) -> &'static str {
    if count == 1 {
        "year"
    } else {
        "years"
    }
}

pub(super) fn has_or_have(subjects: usize) -> &'static str {
    if subjects == 1 {
        "has"
    } else {
        "have"
    }
}

pub(super) fn set_or_sets(subjects: usize) -> &'static str {
    if subjects == 1 {
        "sets"
    } else {
        "set"
    }
}

/// "Moral education and Party work" → "moral education and Party work".
pub(super) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixtures::*;
    use policy_data::lang::Lang;

    #[test]
    fn requirement_formatting() {
        let t = share("a", "x", Comparator::AtLeast, 85.5, 2025);
        assert_eq!(format_requirement(&t, Lang::Zh), "≥85.5%");
        let places = target(
            "a",
            "p",
            Spec {
                indicator: "places",
                theme: "compulsory",
                comparator: Comparator::IncreaseBy,
                value: Some(90000.0),
                unit: "个",
                year: None,
            },
        );
        assert_eq!(format_requirement(&places, Lang::Zh), "+90000个");
        assert_eq!(format_requirement(&places, Lang::En), "+90000 个");
        assert_eq!(format_year(None, Lang::Zh), "未定年份");
        let eliminate = cap("a", "e", "large-classes", Comparator::Eliminate, 56.0, 2020);
        assert_eq!(format_requirement(&eliminate, Lang::Zh), "消除56人/班");
    }
}
