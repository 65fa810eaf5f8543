//! Key differences: short factual sentences on how the chosen documents differ (who is most
//! demanding, class-size caps, binding targets, themes covered, target years), each with the
//! targets it rests on.

use super::comparability::Comparability;
use super::coverage::coverage_themes;
use super::demand::{comparator_family, Family};
use super::matrix::{best_headline, chosen_entries, find_indicator, ComparisonMatrix, MatrixRow};
use super::wording::{bilingual, has_or_have, join_list, lowercase_first, named, pick, set_or_sets};
use policy_data::lang::Lang;
use policy_data::model::{Better, Bilingual, Binding, Dataset, DocumentEntry, Indicator, Target};

/// Unit of class-size caps: indicators with this unit and `better = lower` are caps.
const CLASS_SIZE_UNIT: &str = "人/班";

/// One factual sentence about how the chosen documents differ, with the targets behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyDifference {
    pub sentence: Bilingual,
    /// Ids of the targets the sentence rests on.
    pub evidence: Vec<String>,
}

/// Key differences among the chosen documents, in this order: who is most demanding on each shared
/// comparable indicator; class-size caps; who alone sets binding (约束性) targets; themes some cover
/// and others do not; the earliest and latest target years. Empty for fewer than two documents.
pub fn key_differences(dataset: &Dataset, doc_ids: &[String]) -> Vec<KeyDifference> {
    key_differences_in(dataset, &ComparisonMatrix::build(dataset, doc_ids))
}

/// [`key_differences`] of the documents of `matrix` (built from `dataset`), for a caller that has
/// the matrix already.
pub fn key_differences_in(dataset: &Dataset, matrix: &ComparisonMatrix) -> Vec<KeyDifference> {
    let entries = chosen_entries(dataset, &matrix.doc_ids);
    if entries.len() < 2 {
        return Vec::new();
    }
    let mut differences = demanding_differences(dataset, matrix);
    differences.extend(class_size_differences(dataset, matrix));
    differences.extend(binding_difference(&entries, &matrix.labels));
    differences.extend(theme_gap_differences(dataset, &entries, &matrix.labels));
    differences.extend(deadline_difference(&entries, &matrix.labels));
    differences
}

fn indicator_name(dataset: &Dataset, id: &str) -> Bilingual {
    find_indicator(dataset, id)
        .map(|i| i.name.clone())
        .unwrap_or_else(|| Bilingual {
            zh: id.to_string(),
            en: id.to_string(),
        })
}

fn prefixed(prefix: &Bilingual, sentence: &Bilingual) -> Bilingual {
    Bilingual {
        zh: format!("{}:{}", prefix.zh, sentence.zh),
        en: format!("{}: {}", prefix.en, sentence.en),
    }
}

fn demanding_differences(dataset: &Dataset, matrix: &ComparisonMatrix) -> Vec<KeyDifference> {
    matrix
        .shared_rows()
        .filter_map(|row| {
            let verdict = row.verdict.as_ref()?;
            let ranked = verdict.ranking.as_ref().is_some_and(|tiers| tiers.len() >= 2);
            (verdict.comparability == Comparability::Comparable && ranked).then(|| KeyDifference {
                sentence: prefixed(&indicator_name(dataset, &row.indicator), &verdict.sentence),
                evidence: verdict.headlines.iter().map(|h| h.target.id.clone()).collect(),
            })
        })
        .collect()
}

fn is_class_size_cap(indicator: &Indicator) -> bool {
    indicator.better == Better::Lower && indicator.unit == CLASS_SIZE_UNIT
}

fn class_size_differences(dataset: &Dataset, matrix: &ComparisonMatrix) -> Vec<KeyDifference> {
    matrix
        .rows
        .iter()
        .filter(|row| find_indicator(dataset, &row.indicator).is_some_and(is_class_size_cap))
        .filter_map(|row| class_size_sentence(dataset, matrix, row))
        .collect()
}

fn class_size_sentence(dataset: &Dataset, matrix: &ComparisonMatrix, row: &MatrixRow) -> Option<KeyDifference> {
    let caps: Vec<(usize, &Target)> = row
        .cells
        .iter()
        .enumerate()
        .filter_map(|(column, cell)| {
            let ceilings = cell
                .iter()
                .filter(|t| comparator_family(t.comparator) == Family::UpperBound);
            best_headline(ceilings).map(|t| (column, t))
        })
        .collect();
    if caps.is_empty() {
        return None;
    }
    let indicator = find_indicator(dataset, &row.indicator);
    let sentence_in = |lang: Lang| {
        let items: Vec<String> = caps
            .iter()
            .map(|(column, t)| named(pick(&matrix.labels[*column], lang), t, indicator, lang))
            .collect();
        let missing: Vec<String> = (0..matrix.labels.len())
            .filter(|c| !caps.iter().any(|(column, _)| column == c))
            .map(|c| pick(&matrix.labels[c], lang).to_string())
            .collect();
        let mut text = items.join(lang.pick(";", "; "));
        if !missing.is_empty() {
            let names = join_list(&missing, lang);
            text.push_str(&match lang {
                Lang::Zh => format!(";{names}在本数据中无此上限"),
                Lang::En => format!("; {names} {} no such cap in this dataset", has_or_have(missing.len())),
            });
        }
        text.push_str(lang.pick("。", "."));
        text
    };
    let name = indicator_name(dataset, &row.indicator);
    Some(KeyDifference {
        sentence: prefixed(&name, &bilingual(sentence_in)),
        evidence: caps.iter().map(|(_, t)| t.id.clone()).collect(),
    })
}

fn binding_difference(entries: &[&DocumentEntry], labels: &[Bilingual]) -> Option<KeyDifference> {
    let binding: Vec<(usize, Vec<&Target>)> = entries
        .iter()
        .enumerate()
        .map(|(column, e)| (column, binding_targets(e)))
        .filter(|(_, targets)| !targets.is_empty())
        .collect();
    if binding.is_empty() || binding.len() == entries.len() {
        return None;
    }
    let list = |lang: Lang| {
        let items: Vec<String> = binding
            .iter()
            .map(|(column, targets)| counted(pick(&labels[*column], lang), targets.len(), lang))
            .collect();
        join_list(&items, lang)
    };
    Some(KeyDifference {
        sentence: Bilingual {
            zh: format!("只有{}设有约束性目标。", list(Lang::Zh)),
            en: format!(
                "Only {} {} binding (约束性) targets.",
                list(Lang::En),
                set_or_sets(binding.len())
            ),
        },
        evidence: binding
            .iter()
            .flat_map(|(_, ts)| ts.iter().map(|t| t.id.clone()))
            .collect(),
    })
}

/// `四会(1项)` / `Sihui (1)`: a locality with a number of targets.
fn counted(label: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{label}({count}项)"),
        Lang::En => format!("{label} ({count})"),
    }
}

fn binding_targets(entry: &DocumentEntry) -> Vec<&Target> {
    entry
        .targets
        .iter()
        .filter(|t| t.binding == Some(Binding::Binding))
        .collect()
}

fn theme_name(dataset: &Dataset, id: &str) -> Bilingual {
    dataset
        .themes
        .iter()
        .find(|t| t.id == id)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| Bilingual {
            zh: id.to_string(),
            en: id.to_string(),
        })
}

fn theme_gap_differences(dataset: &Dataset, entries: &[&DocumentEntry], labels: &[Bilingual]) -> Vec<KeyDifference> {
    coverage_themes(dataset, entries)
        .iter()
        .filter_map(|theme| theme_gap(dataset, entries, labels, theme))
        .collect()
}

fn theme_gap(
    dataset: &Dataset,
    entries: &[&DocumentEntry],
    labels: &[Bilingual],
    theme: &str,
) -> Option<KeyDifference> {
    let per_document: Vec<Vec<&Target>> = entries
        .iter()
        .map(|e| e.targets.iter().filter(|t| t.theme == theme).collect())
        .collect();
    let having: Vec<usize> = (0..entries.len()).filter(|&c| !per_document[c].is_empty()).collect();
    let lacking: Vec<usize> = (0..entries.len()).filter(|&c| per_document[c].is_empty()).collect();
    if having.is_empty() || lacking.is_empty() {
        return None;
    }
    let name = theme_name(dataset, theme);
    let with_counts = |lang: Lang| {
        let items: Vec<String> = having
            .iter()
            .map(|&c| counted(pick(&labels[c], lang), per_document[c].len(), lang))
            .collect();
        join_list(&items, lang)
    };
    let without = |lang: Lang| {
        let items: Vec<String> = lacking.iter().map(|&c| pick(&labels[c], lang).to_string()).collect();
        join_list(&items, lang)
    };

    Some(KeyDifference {
        sentence: Bilingual {
            zh: format!(
                "{}在{}方面有目标,{}在本数据中没有。",
                with_counts(Lang::Zh),
                name.zh,
                without(Lang::Zh)
            ),
            en: format!(
                "{} {} targets on {}; {} {} none in this dataset.",
                with_counts(Lang::En),
                set_or_sets(having.len()),
                lowercase_first(&name.en),
                without(Lang::En),
                has_or_have(lacking.len())
            ),
        },
        evidence: having
            .iter()
            .flat_map(|&c| per_document[c].iter().map(|t| t.id.clone()))
            .collect(),
    })
}

fn deadline_difference(entries: &[&DocumentEntry], labels: &[Bilingual]) -> Option<KeyDifference> {
    let dated: Vec<(usize, &Target, u16)> = entries
        .iter()
        .enumerate()
        .flat_map(|(c, e)| e.targets.iter().filter_map(move |t| t.target_year.map(|y| (c, t, y))))
        .collect();
    let earliest = dated.iter().map(|d| d.2).min()?;
    let latest = dated.iter().map(|d| d.2).max()?;
    let at = |year: u16| -> (Vec<usize>, Vec<String>) {
        let mut columns: Vec<usize> = dated.iter().filter(|d| d.2 == year).map(|d| d.0).collect();
        columns.dedup();
        let ids = dated.iter().filter(|d| d.2 == year).map(|d| d.1.id.clone()).collect();
        (columns, ids)
    };
    let names = |columns: &[usize], lang: Lang| {
        let items: Vec<String> = columns.iter().map(|&c| pick(&labels[c], lang).to_string()).collect();
        join_list(&items, lang)
    };
    let (early_columns, mut evidence) = at(earliest);
    if earliest == latest {
        return Some(KeyDifference {
            sentence: Bilingual {
                zh: format!("所有目标年份均为{earliest}年。"),
                en: format!("Every target year is {earliest}."),
            },
            evidence,
        });
    }
    let (late_columns, late_ids) = at(latest);
    evidence.extend(late_ids);
    Some(KeyDifference {
        sentence: Bilingual {
            zh: format!(
                "最早的目标年份为{earliest}年({}),最晚为{latest}年({})。",
                names(&early_columns, Lang::Zh),
                names(&late_columns, Lang::Zh)
            ),
            en: format!(
                "The earliest target year is {earliest} ({}); the latest is {latest} ({}).",
                names(&early_columns, Lang::En),
                names(&late_columns, Lang::En)
            ),
        },
        evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixtures::*;

    #[test]
    fn key_differences_on_the_fixture() {
        let dataset = fixture();
        let differences = key_differences(&dataset, &ids(&["sihui", "dongguan"]));
        let zh: Vec<&str> = differences.iter().map(|d| d.sentence.zh.as_str()).collect();
        assert_eq!(
            zh,
            vec![
                "普惠性幼儿园在园幼儿占比:四会的目标(>85%,2025年)高于东莞(≥80%,2020年),目标年份相差5年。",
                "小学班额上限:东莞的目标(≤45人/班,2020年)与四会(≤45人/班,2025年)数值相同,但截止更早,目标年份相差5年。",
                "小学班额上限:四会(≤45人/班,2025年);东莞(≤45人/班,2020年)。",
                "初中班额上限:东莞(≤50人/班,2020年);四会在本数据中无此上限。",
                "只有四会(1项)设有约束性目标。",
                "最早的目标年份为2019年(东莞),最晚为2025年(四会)。",
            ]
        );
        assert_eq!(differences[0].evidence, ids(&["sihui-inclusive", "dongguan-inclusive"]));
        assert_eq!(differences[4].evidence, ids(&["sihui-inclusive"]));
        assert_eq!(
            differences[5].evidence,
            ids(&[
                "dongguan-inclusive-2019",
                "sihui-inclusive",
                "sihui-primary-cap",
                "sihui-schools",
                "sihui-post"
            ])
        );
        assert_eq!(
            differences[4].sentence.en,
            "Only Sihui (1) sets binding (约束性) targets."
        );
    }

    #[test]
    fn key_differences_report_theme_gaps() {
        let dataset = fixture();
        let differences = key_differences(&dataset, &ids(&["dongguan", "panjin"]));
        let gaps: Vec<&KeyDifference> = differences
            .iter()
            .filter(|d| d.sentence.zh.contains("本数据中没有"))
            .collect();
        assert_eq!(gaps.len(), 3);
        assert_eq!(
            gaps[0].sentence.zh,
            "东莞(3项)在义务教育方面有目标,盘锦在本数据中没有。"
        );
        assert_eq!(
            gaps[0].sentence.en,
            "Dongguan (3) sets targets on compulsory education; Panjin has none in this dataset."
        );
        assert_eq!(
            gaps[2].sentence.zh,
            "盘锦(1项)在职业教育方面有目标,东莞在本数据中没有。"
        );
        assert_eq!(gaps[2].evidence, ids(&["panjin-vocational"]));
        assert!(differences.iter().all(|d| !d.sentence.zh.contains("约束性")));
        let last = differences.last().unwrap();
        assert_eq!(last.sentence.zh, "最早的目标年份为2019年(东莞),最晚为2035年(盘锦)。");
    }

    #[test]
    fn key_differences_need_two_documents() {
        let dataset = fixture();
        assert!(key_differences(&dataset, &ids(&["sihui"])).is_empty());
        assert!(key_differences(&dataset, &ids(&["sihui", "sihui"])).is_empty());
        let one = ComparisonMatrix::build(&dataset, &ids(&["sihui", "nowhere", "sihui"]));
        assert!(key_differences_in(&dataset, &one).is_empty());
    }

    #[test]
    fn differences_of_a_built_matrix_are_those_of_its_documents() {
        // The compare view builds the matrix once and reads the differences off it: the same
        // sentences as from the ids, unknown and repeated ids included.
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["panjin", "nowhere", "sihui", "panjin", "dongguan"]));
        let from_ids = key_differences(&dataset, &ids(&["panjin", "sihui", "dongguan"]));
        assert!(!from_ids.is_empty());
        assert_eq!(key_differences_in(&dataset, &matrix), from_ids);
    }
}
