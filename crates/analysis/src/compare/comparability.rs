//! Whether the targets of a shared indicator can be set side by side, and why some are only
//! roughly comparable.

use std::collections::BTreeSet;

use super::demand::{comparator_family, Family};
use crate::ordering;
use policy_data::format::is_percent;
use policy_data::lang::Lang;
use policy_data::model::{Indicator, Target};
use policy_data::script::fold;

/// Why two or more targets of one indicator are only roughly comparable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoughReason {
    /// Two targets state different scopes (an unstated scope is not taken as a difference).
    ScopesDiffer,
    /// One states a level, another a change, a count or a ceiling.
    ComparatorFamiliesDiffer,
    /// Quantitative against standard, milestone or projection.
    KindsDiffer,
    /// The indicator's definition says the documents' wordings are only roughly comparable.
    DefinitionSaysRoughly,
    /// Absolute amounts (schools, places) depend on the size of the locality.
    AbsoluteAmounts,
    /// A value is an interpretation of damaged (garbled) text.
    InterpretedValue,
}

impl RoughReason {
    /// The reason in Chinese or English.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RoughReason::ScopesDiffer, Lang::Zh) => "适用范围不同",
            (RoughReason::ScopesDiffer, Lang::En) => "the scopes differ",
            (RoughReason::ComparatorFamiliesDiffer, Lang::Zh) => "表述方式不同",
            (RoughReason::ComparatorFamiliesDiffer, Lang::En) => {
                "the targets are stated differently (level, change, count or ceiling)"
            }
            (RoughReason::KindsDiffer, Lang::Zh) => "目标类型不同",
            (RoughReason::KindsDiffer, Lang::En) => "the kinds of target differ",
            (RoughReason::DefinitionSaysRoughly, Lang::Zh) => "各文件统计口径不同",
            (RoughReason::DefinitionSaysRoughly, Lang::En) => "the documents define it differently",
            (RoughReason::AbsoluteAmounts, Lang::Zh) => "绝对数量取决于地区规模",
            (RoughReason::AbsoluteAmounts, Lang::En) => "absolute amounts depend on the size of the locality",
            (RoughReason::InterpretedValue, Lang::Zh) => "部分数值由残缺文本推断",
            (RoughReason::InterpretedValue, Lang::En) => "a value is read from damaged text",
        }
    }
}

/// Whether the targets of a shared indicator can be set side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparability {
    Comparable,
    /// Comparable only roughly; `reasons` is never empty.
    RoughlyComparable {
        reasons: Vec<RoughReason>,
    },
}

/// True when an indicator definition flags its documents as only roughly comparable.
pub fn definition_says_roughly(definition: &str) -> bool {
    let lower = definition.to_lowercase();
    lower.contains("roughly comparable") || definition.contains("大致可比")
}

pub(super) fn rough_reasons(indicator: Option<&Indicator>, targets: &[&Target]) -> Vec<RoughReason> {
    let mut reasons = BTreeSet::new();
    if stated_scopes_differ(targets) {
        reasons.insert(RoughReason::ScopesDiffer);
    }
    if differ(targets, |t| comparator_family(t.comparator)) {
        reasons.insert(RoughReason::ComparatorFamiliesDiffer);
    }
    if differ(targets, |t| t.kind) {
        reasons.insert(RoughReason::KindsDiffer);
    }
    if indicator.is_some_and(|i| definition_says_roughly(&i.definition)) {
        reasons.insert(RoughReason::DefinitionSaysRoughly);
    }
    if targets.iter().any(|t| states_absolute_amount(t)) {
        reasons.insert(RoughReason::AbsoluteAmounts);
    }
    if targets.iter().any(|t| t.garbled) {
        reasons.insert(RoughReason::InterpretedValue);
    }
    reasons.into_iter().collect()
}

/// Scopes compared after folding Traditional to Simplified and full-width to ASCII.
pub(super) fn normalised_scope(scope: &str) -> String {
    fold(scope.trim())
}

/// True when two targets state scopes that differ; targets without a scope are left out, since
/// an unstated scope says nothing about whom a target covers.
fn stated_scopes_differ(targets: &[&Target]) -> bool {
    let scopes: BTreeSet<String> = ordering::set_of(
        targets
            .iter()
            .filter_map(|t| t.scope.as_ref())
            .map(|s| s.zh.as_str())
            .map(normalised_scope),
    );
    scopes.len() > 1
}

fn differ<T: PartialEq>(targets: &[&Target], key: impl Fn(&Target) -> T) -> bool {
    let mut keys = targets.iter().map(|t| key(t));
    match keys.next() {
        Some(first) => keys.any(|k| k != first),
        None => false,
    }
}

/// A count of things, or a change measured in things rather than percentage points.
fn states_absolute_amount(target: &Target) -> bool {
    match comparator_family(target.comparator) {
        Family::Count => true,
        Family::Change => !target.unit.as_deref().is_some_and(is_percent),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixtures::*;
    use crate::compare::*;
    use policy_data::model::*;

    #[test]
    fn counts_are_only_roughly_comparable() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan"]));
        let verdict = row(&matrix, "new-schools-built").verdict.as_ref().unwrap();
        assert_eq!(
            verdict.comparability,
            Comparability::RoughlyComparable {
                reasons: vec![RoughReason::AbsoluteAmounts]
            }
        );
        assert_eq!(verdict.ranking, None);
        assert!(verdict.sentence.zh.starts_with("仅大致可比(绝对数量取决于地区规模)"));
    }

    #[test]
    fn definitions_flagged_roughly_comparable() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan"]));
        let verdict = row(&matrix, "senior-post-ratio-primary").verdict.as_ref().unwrap();
        assert_eq!(
            verdict.comparability,
            Comparability::RoughlyComparable {
                reasons: vec![RoughReason::DefinitionSaysRoughly]
            }
        );
        assert!(definition_says_roughly("… Roughly comparable."));
        assert!(definition_says_roughly("两者大致可比"));
        assert!(!definition_says_roughly("Share of children."));
    }

    #[test]
    fn differing_scopes_families_kinds_and_garbled_values_are_rough() {
        let a = share("a", "x", Comparator::AtLeast, 80.0, 2020);
        let mut traditional = a.clone();
        traditional.scope = Some(Bilingual {
            zh: "公辦小學".into(),
            en: "public primary schools".into(),
        });
        let mut simplified = a.clone();
        simplified.scope = Some(Bilingual {
            zh: "公办小学".into(),
            en: "public primary schools".into(),
        });
        assert!(rough_reasons(None, &[&traditional, &simplified]).is_empty());
        let mut other_scope = a.clone();
        other_scope.scope = Some(Bilingual {
            zh: "民办小学".into(),
            en: "private primary schools".into(),
        });
        assert_eq!(
            rough_reasons(None, &[&simplified, &other_scope]),
            vec![RoughReason::ScopesDiffer]
        );
        assert!(
            rough_reasons(None, &[&a, &simplified]).is_empty(),
            "an unstated scope is no difference"
        );
        assert_eq!(
            rough_reasons(None, &[&a, &simplified, &other_scope]),
            vec![RoughReason::ScopesDiffer]
        );
        let change = share("b", "x", Comparator::IncreaseBy, 5.0, 2020);
        assert_eq!(
            rough_reasons(None, &[&a, &change]),
            vec![RoughReason::ComparatorFamiliesDiffer]
        );
        let mut standard = a.clone();
        standard.kind = Kind::Standard;
        assert_eq!(rough_reasons(None, &[&a, &standard]), vec![RoughReason::KindsDiffer]);
        let mut garbled = a.clone();
        garbled.garbled = true;
        assert_eq!(
            rough_reasons(None, &[&a, &garbled]),
            vec![RoughReason::InterpretedValue]
        );
    }
}
