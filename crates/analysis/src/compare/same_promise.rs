//! One promise written twice. A plan often states a commitment in its table of main targets and
//! again in its text (Sihui's table row "> 85" and its sentence "85%以上"). Shown as two values, it
//! looks like two commitments and draws two dots. Two targets of one document state the same
//! promise when they share the indicator, the scope, the target year, the unit and the value, and
//! their comparators differ at most in strictness (`>` against `≥`, `<` against `≤`). Such targets
//! are shown once, citing every source; the first in document order is the one shown.

use super::comparability::normalised_scope;
use super::demand::{comparator_family, Family};
use crate::ordering;
use policy_data::lang::Lang;
use policy_data::model::Target;

/// True when `a` and `b` (targets of one document) state the same promise; see the module doc.
/// Targets without a value (milestones) are never merged: two undated sentences on one indicator
/// are as likely two different commitments.
pub fn same_promise(a: &Target, b: &Target) -> bool {
    let scope = |t: &Target| t.scope.as_ref().map(|s| normalised_scope(&s.zh));
    let comparable_comparators = a.comparator == b.comparator
        || matches!(
            (comparator_family(a.comparator), comparator_family(b.comparator)),
            (Family::LowerBound, Family::LowerBound) | (Family::UpperBound, Family::UpperBound)
        );
    a.id != b.id
        && a.value.is_some()
        && a.value == b.value
        && a.indicator == b.indicator
        && a.unit == b.unit
        && a.target_year == b.target_year
        && scope(a) == scope(b)
        && comparable_comparators
}

/// `targets` (one document's) grouped into promises, in document order: each group holds the
/// targets that state the same promise, the one shown first.
pub fn promises<'a>(targets: impl IntoIterator<Item = &'a Target>) -> Vec<Vec<&'a Target>> {
    let mut groups: Vec<Vec<&'a Target>> = Vec::new();
    for target in targets {
        match groups.iter_mut().find(|g| same_promise(g[0], target)) {
            Some(group) => group.push(target),
            None => groups.push(vec![target]),
        }
    }
    groups
}

/// True when the promises of one document for one indicator need a label beside each value: there
/// are several, and their years alone do not tell them apart (a scope is stated, or two share a
/// year).
pub fn needs_labels(promises: &[Vec<&Target>]) -> bool {
    if promises.len() < 2 {
        return false;
    }
    let scoped = promises.iter().any(|p| p[0].scope.is_some());
    let years = ordering::set_of(promises.iter().map(|p| p[0].target_year));
    scoped || years.len() < promises.len()
}

/// What tells apart the promises of one document for one indicator, shown beside each value when
/// there are several: the scope, or else the target's summary (first clause, at most
/// [`LABEL_CHARS`] characters).
pub fn promise_label(target: &Target, lang: Lang) -> String {
    if let Some(scope) = &target.scope {
        return lang.pick(&scope.zh, &scope.en).clone();
    }
    let summary = lang.pick(&target.summary.zh, &target.summary.en);
    let clause = summary
        .split(['，', ',', '；', ';', '。'])
        .next()
        .unwrap_or(summary)
        .trim_end_matches('.');
    if clause.chars().count() <= LABEL_CHARS {
        return clause.to_string();
    }
    let head: String = clause.chars().take(LABEL_CHARS).collect();
    format!("{}…", head.trim_end())
}

/// Longest label taken from a summary.
pub const LABEL_CHARS: usize = 24;

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;
    use policy_data::model::{Bilingual, Comparator};
    use policy_data::test_support::target;

    fn share(id: &str, comparator: Comparator, value: f64, year: Option<u16>) -> Target {
        let mut t = target(id, comparator, Some(value), Some("%"));
        t.indicator = "inclusive-kindergarten-share".into();
        t.target_year = year;
        t
    }

    #[test]
    fn a_table_row_and_its_sentence_are_one_promise() {
        let table = share("table", Comparator::MoreThan, 85.0, Some(2025));
        let text = share("text", Comparator::AtLeast, 85.0, Some(2025));
        assert!(same_promise(&table, &text));
        let groups = promises([&table, &text]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0][0].id, "table", "the first in document order is shown");
    }

    #[test]
    fn any_difference_keeps_two_promises() {
        let base = share("a", Comparator::AtLeast, 85.0, Some(2025));
        let other_value = share("b", Comparator::AtLeast, 80.0, Some(2025));
        let other_year = share("c", Comparator::AtLeast, 85.0, Some(2022));
        let other_direction = share("d", Comparator::AtMost, 85.0, Some(2025));
        let mut other_scope = share("e", Comparator::AtLeast, 85.0, Some(2025));
        other_scope.scope = Some(Bilingual {
            zh: "公办幼儿园".into(),
            en: "public kindergartens".into(),
        });
        let mut other_indicator = share("f", Comparator::AtLeast, 85.0, Some(2025));
        other_indicator.indicator = "public-kindergarten-share".into();
        for other in [
            &other_value,
            &other_year,
            &other_direction,
            &other_scope,
            &other_indicator,
        ] {
            assert!(!same_promise(&base, other), "{} differs", other.id);
        }
        assert_eq!(promises([&base, &other_value, &other_year]).len(), 3);
        let mut milestone = target("m", Comparator::None, None, None);
        milestone.indicator = base.indicator.clone();
        let mut again = milestone.clone();
        again.id = "m2".into();
        assert!(!same_promise(&milestone, &again), "milestones are never merged");
    }

    #[test]
    fn scopes_match_across_scripts() {
        let mut a = share("a", Comparator::AtLeast, 50.0, Some(2020));
        let mut b = share("b", Comparator::AtLeast, 50.0, Some(2020));
        a.scope = Some(Bilingual {
            zh: "公辦幼兒園".into(),
            en: "x".into(),
        });
        b.scope = Some(Bilingual {
            zh: "公办幼儿园".into(),
            en: "y".into(),
        });
        assert!(same_promise(&a, &b));
    }

    #[test]
    fn labels_are_needed_when_years_do_not_tell_the_values_apart() {
        let a = share("a", Comparator::AtLeast, 50.0, Some(2020));
        let b = share("b", Comparator::AtLeast, 60.0, Some(2022));
        let c = share("c", Comparator::AtLeast, 70.0, Some(2022));
        assert!(!needs_labels(&promises([&a])));
        assert!(!needs_labels(&promises([&a, &b])), "the years tell them apart");
        assert!(needs_labels(&promises([&a, &b, &c])), "two in 2022");
        let mut scoped = b.clone();
        scoped.scope = Some(Bilingual {
            zh: "公办幼儿园".into(),
            en: "public kindergartens".into(),
        });
        assert!(needs_labels(&promises([&a, &scoped])), "a scope is stated");
    }

    #[test]
    fn labels_are_the_scope_or_the_first_clause_of_the_summary() {
        let mut t = share("a", Comparator::AtLeast, 85.0, Some(2025));
        t.summary = Bilingual {
            zh: "到2025年全市新建公办幼儿园12所,新增学位3600个。".into(),
            en: "By 2025 the city builds 12 public kindergartens, adding 3,600 places.".into(),
        };
        assert_eq!(promise_label(&t, Lang::Zh), "到2025年全市新建公办幼儿园12所");
        assert_eq!(promise_label(&t, Lang::En), "By 2025 the city builds…");
        t.scope = Some(Bilingual {
            zh: "公办幼儿园".into(),
            en: "public kindergartens".into(),
        });
        assert_eq!(promise_label(&t, Lang::En), "public kindergartens");
    }

    #[test]
    fn the_bundled_data_groups_sihuis_85_percent_promise() {
        let sihui = bundled::dataset()
            .documents
            .iter()
            .find(|e| e.document.id == "sihui-2022")
            .unwrap();
        let shares = sihui
            .targets
            .iter()
            .filter(|t| t.indicator == "inclusive-kindergarten-share");
        let groups = promises(shares);
        let eighty_five: Vec<&Vec<&Target>> = groups.iter().filter(|g| g[0].value == Some(85.0)).collect();
        assert_eq!(eighty_five.len(), 1, "one promise");
        assert_eq!(eighty_five[0].len(), 2, "with two sources");
    }
}
