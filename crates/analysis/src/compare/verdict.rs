//! The verdict on an indicator shared by two or more documents: comparability, the ranking into
//! tiers, what separates the first two tiers, and the gap between target years.

use super::comparability::{rough_reasons, Comparability};
use super::demand::{comparator_family, demand_direction, more_demanding, same_value, strictness, Basis, Family};
use super::matrix::Headline;
use super::wording::verdict_sentence;
use crate::ordering;
use policy_data::model::{Better, Bilingual, Indicator, Target};

/// The verdict on one indicator shared by two or more chosen documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub comparability: Comparability,
    /// One headline per document that has the indicator, in column order.
    pub headlines: Vec<Headline>,
    /// Tiers of indices into `headlines`, most demanding first; equally demanding targets share a
    /// tier. `None` when not comparable or not rankable.
    pub ranking: Option<Vec<Vec<usize>>>,
    /// What separates the first tier from the second.
    pub basis: Option<Basis>,
    /// Latest minus earliest target year among the headlines (all must state one).
    pub year_gap: Option<u16>,
    /// The verdict in plain words.
    pub sentence: Bilingual,
}

pub(super) fn build_verdict(indicator: Option<&Indicator>, headlines: Vec<Headline>) -> Verdict {
    let targets: Vec<&Target> = headlines.iter().map(|h| &h.target).collect();
    let reasons = rough_reasons(indicator, &targets);
    let better = indicator.map_or(Better::None, |i| i.better);
    let comparability = if reasons.is_empty() {
        Comparability::Comparable
    } else {
        Comparability::RoughlyComparable { reasons }
    };
    let ranking = match comparability {
        Comparability::Comparable => rank(better, &targets),
        Comparability::RoughlyComparable { .. } => None,
    };
    let basis = ranking.as_ref().and_then(|tiers| tier_basis(better, &targets, tiers));
    let year_gap = year_gap(&targets);
    let mut verdict = Verdict {
        comparability,
        headlines,
        ranking,
        basis,
        year_gap,
        sentence: Bilingual::default(),
    };
    verdict.sentence = verdict_sentence(&verdict, indicator);
    verdict
}

/// Tiers, most demanding first. Targets tie on value and strictness; within a tie, earlier years
/// come first only when every tied target states a year.
fn rank(better: Better, targets: &[&Target]) -> Option<Vec<Vec<usize>>> {
    let family = comparator_family(targets.first()?.comparator);
    if family == Family::Qualitative {
        return rank_by_year(targets, (0..targets.len()).collect());
    }
    let direction = demand_direction(family, better)?;
    let mut keyed: Vec<(usize, f64, u8)> = targets
        .iter()
        .enumerate()
        .map(|(i, t)| Some((i, t.value? * direction, strictness(t.comparator, better))))
        .collect::<Option<_>>()?;
    ordering::sort_by(&mut keyed, |a, b| b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)));
    let mut tiers = Vec::new();
    for group in group_consecutive(&keyed, |a, b| same_value(a.1, b.1) && a.2 == b.2) {
        let indices: Vec<usize> = group.iter().map(|k| k.0).collect();
        match rank_by_year(targets, indices.clone()) {
            Some(by_year) => tiers.extend(by_year),
            None => tiers.push(indices),
        }
    }
    Some(tiers)
}

/// Groups `indices` by target year, earliest first; `None` when a year is missing.
fn rank_by_year(targets: &[&Target], mut indices: Vec<usize>) -> Option<Vec<Vec<usize>>> {
    if indices.iter().any(|&i| targets[i].target_year.is_none()) {
        return None;
    }
    ordering::sort_positions(&mut indices, &mut |a, b| {
        (targets[a].target_year, a).cmp(&(targets[b].target_year, b))
    });
    let groups = group_consecutive(&indices, |&a, &b| targets[a].target_year == targets[b].target_year);
    Some(groups.into_iter().map(|g| g.to_vec()).collect())
}

fn group_consecutive<T: Clone>(items: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<Vec<T>> {
    let mut groups: Vec<Vec<T>> = Vec::new();
    for item in items {
        match groups.last_mut() {
            Some(group) if same(&group[0], item) => group.push(item.clone()),
            _ => groups.push(vec![item.clone()]),
        }
    }
    groups
}

fn tier_basis(better: Better, targets: &[&Target], tiers: &[Vec<usize>]) -> Option<Basis> {
    match tiers {
        [_] => Some(Basis::Equal),
        [first, second, ..] => more_demanding(better, targets[first[0]], targets[second[0]]).map(|(_, basis)| basis),
        [] => None,
    }
}

fn year_gap(targets: &[&Target]) -> Option<u16> {
    let years: Vec<u16> = targets.iter().map(|t| t.target_year).collect::<Option<_>>()?;
    Some(years.iter().max()? - years.iter().min()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixtures::*;
    use crate::compare::*;
    use policy_data::model::*;

    #[test]
    fn comparable_pair_gives_the_example_sentence() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan"]));
        let verdict = row(&matrix, "inclusive-kindergarten-share").verdict.as_ref().unwrap();
        assert_eq!(verdict.comparability, Comparability::Comparable);
        assert_eq!(verdict.ranking, Some(vec![vec![0], vec![1]]));
        assert_eq!(verdict.basis, Some(Basis::Value));
        assert_eq!(verdict.year_gap, Some(5));
        assert_eq!(
            verdict.sentence.zh,
            "四会的目标(>85%,2025年)高于东莞(≥80%,2020年),目标年份相差5年。"
        );
        assert_eq!(
            verdict.sentence.en,
            "Sihui's target (>85%, 2025) is higher than Dongguan's (≥80%, 2020); the target years are 5 years apart."
        );
    }

    #[test]
    fn three_way_ranking_with_a_tie() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan", "panjin"]));
        let verdict = row(&matrix, "inclusive-kindergarten-share").verdict.as_ref().unwrap();
        assert_eq!(verdict.ranking, Some(vec![vec![0], vec![1, 2]]));
        assert_eq!(
            verdict.sentence.zh,
            "四会(>85%,2025年)的目标最高,东莞(≥80%,2020年)、盘锦(≥80%,2020年)的最低,目标年份最多相差5年。"
        );
    }

    #[test]
    fn class_size_caps_compare_as_lower_is_better() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan"]));
        let verdict = row(&matrix, "primary-class-size-cap").verdict.as_ref().unwrap();
        assert_eq!(verdict.basis, Some(Basis::Year));
        assert_eq!(verdict.ranking, Some(vec![vec![1], vec![0]]));
        assert_eq!(
            verdict.sentence.zh,
            "东莞的目标(≤45人/班,2020年)与四会(≤45人/班,2025年)数值相同,但截止更早,目标年份相差5年。"
        );
    }

    #[test]
    fn strictness_gives_a_slightly_higher_sentence() {
        let (themes, indicators) = catalogue();
        let entry = |id: &str, zh: &str, en: &str, comparator| DocumentEntry {
            document: document(id, zh, en, "2021-01-01"),
            targets: vec![share(id, "x", comparator, 85.0, 2025)],
        };
        let dataset = Dataset {
            version: "t".into(),
            themes,
            indicators,
            documents: vec![
                entry("a", "甲", "A", Comparator::MoreThan),
                entry("b", "乙", "B", Comparator::AtLeast),
            ],
        };
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["b", "a"]));
        let verdict = matrix.rows[0].verdict.as_ref().unwrap();
        assert_eq!(verdict.basis, Some(Basis::Strictness));
        assert_eq!(
            verdict.sentence.zh,
            "甲的目标(>85%,2025年)略高于乙(≥85%,2025年),目标年份相同。"
        );
    }

    #[test]
    fn milestones_rank_by_deadline_and_better_none_is_unrankable() {
        let milestone = |doc: &str, year| {
            target(
                doc,
                "m",
                Spec {
                    indicator: "coverage",
                    theme: "preschool",
                    comparator: Comparator::None,
                    value: None,
                    unit: "%",
                    year: Some(year),
                },
            )
        };
        let (early, late) = (milestone("a", 2020), milestone("b", 2022));
        assert_eq!(rank(Better::None, &[&late, &early]), Some(vec![vec![1], vec![0]]));
        let level = share("a", "x", Comparator::AtLeast, 80.0, 2020);
        let other = share("b", "x", Comparator::AtLeast, 90.0, 2020);
        assert_eq!(rank(Better::None, &[&level, &other]), None);
    }

    #[test]
    fn equal_targets_share_one_tier() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["dongguan", "panjin"]));
        let verdict = row(&matrix, "inclusive-kindergarten-share").verdict.as_ref().unwrap();
        assert_eq!(verdict.ranking, Some(vec![vec![0, 1]]));
        assert_eq!(verdict.basis, Some(Basis::Equal));
        assert_eq!(
            verdict.sentence.zh,
            "东莞(≥80%,2020年)、盘锦(≥80%,2020年)的目标要求相同,目标年份相同。"
        );
    }
}
