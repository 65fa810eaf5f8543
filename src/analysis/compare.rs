//! Comparison across localities: a matrix of indicators × chosen documents, a comparability verdict
//! for each shared indicator (with which target is more demanding), a theme × document coverage
//! count, and short factual sentences on the key differences.
//!
//! The rules are written out in `docs/formulas.md`. Sentences say only what the data shows: a count
//! of things (schools, places) is never ranked across localities of different sizes, and a
//! difference in scope or definition makes a comparison "rough" rather than ranked.
//! Pure functions, no web dependency.

use std::cmp::{Ordering, Reverse};
use std::collections::BTreeSet;

use crate::analysis::ordering;
use crate::analysis::script::fold;
use crate::data::model::{Better, Bilingual, Binding, Comparator, Dataset, DocumentEntry, Indicator, Target};

/// Allowance when comparing two target values.
const EPSILON: f64 = 1e-9;

/// Unit of class-size caps: indicators with this unit and `better = lower` are caps.
const CLASS_SIZE_UNIT: &str = "人/班";

// ---------------------------------------------------------------------------------------------
// Comparator families and "more demanding"
// ---------------------------------------------------------------------------------------------

/// Comparators that read a value the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// `>=`, `>`: a floor.
    LowerBound,
    /// `<=`, `<`: a ceiling.
    UpperBound,
    /// `=`: a level or standard.
    Exact,
    /// `increase_by`, `decrease_by`: a change.
    Change,
    /// `count`: a number of things.
    Count,
    /// `eliminate`: bring something to zero.
    Eliminate,
    /// `none`: a qualitative milestone.
    Qualitative,
}

/// The family of a comparator.
pub fn comparator_family(comparator: Comparator) -> Family {
    match comparator {
        Comparator::AtLeast | Comparator::MoreThan => Family::LowerBound,
        Comparator::AtMost | Comparator::LessThan => Family::UpperBound,
        Comparator::Equal => Family::Exact,
        Comparator::IncreaseBy | Comparator::DecreaseBy => Family::Change,
        Comparator::Count => Family::Count,
        Comparator::Eliminate => Family::Eliminate,
        Comparator::None => Family::Qualitative,
    }
}

/// What separated two targets when one is more demanding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Different values.
    Value,
    /// The same value, one comparator strict (`>` 85 against `>=` 85).
    Strictness,
    /// The same requirement, one due earlier.
    Year,
    /// Equally demanding.
    Equal,
}

/// Which way a larger value points for a family: +1 when larger is more demanding, −1 when smaller
/// is, `None` when it cannot be told (counts, milestones, indicators without a better direction).
fn demand_direction(family: Family, better: Better) -> Option<f64> {
    match (family, better) {
        (Family::Change, _) => Some(1.0),
        (Family::Eliminate, _) => Some(-1.0),
        (Family::LowerBound | Family::UpperBound | Family::Exact, Better::Higher) => Some(1.0),
        (Family::LowerBound | Family::UpperBound | Family::Exact, Better::Lower) => Some(-1.0),
        _ => None,
    }
}

/// 1 for a strict comparator that points the same way as `better` (`>` for higher-is-better, `<`
/// for lower-is-better), else 0.
fn strictness(comparator: Comparator, better: Better) -> u8 {
    let strict = matches!(
        (comparator, better),
        (Comparator::MoreThan, Better::Higher) | (Comparator::LessThan, Better::Lower)
    );
    u8::from(strict)
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPSILON * a.abs().max(b.abs()).max(1.0)
}

/// Compares how demanding `a` is against `b` for an indicator whose better direction is `better`:
/// `Greater` when `a` is more demanding. First the value (in the better direction), then a strict
/// comparator over a non-strict one at the same value, then the earlier target year. `None` when
/// the two cannot be ranked (different families, counts, missing values, no better direction).
pub fn more_demanding(better: Better, a: &Target, b: &Target) -> Option<(Ordering, Basis)> {
    let family = comparator_family(a.comparator);
    if family != comparator_family(b.comparator) {
        return None;
    }
    if family == Family::Qualitative {
        return compare_years(a, b);
    }
    let direction = demand_direction(family, better)?;
    let (va, vb) = (a.value? * direction, b.value? * direction);
    if !same_value(va, vb) {
        return Some((va.total_cmp(&vb), Basis::Value));
    }
    let strict = strictness(a.comparator, better).cmp(&strictness(b.comparator, better));
    if strict != Ordering::Equal {
        return Some((strict, Basis::Strictness));
    }
    compare_years(a, b).or(Some((Ordering::Equal, Basis::Equal)))
}

/// Earlier year is more demanding; `None` when a year is missing.
fn compare_years(a: &Target, b: &Target) -> Option<(Ordering, Basis)> {
    let ordering = b.target_year?.cmp(&a.target_year?);
    let basis = if ordering == Ordering::Equal {
        Basis::Equal
    } else {
        Basis::Year
    };
    Some((ordering, basis))
}

// ---------------------------------------------------------------------------------------------
// Comparability
// ---------------------------------------------------------------------------------------------

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
    pub fn message(self, lang_is_zh: bool) -> &'static str {
        match (self, lang_is_zh) {
            (RoughReason::ScopesDiffer, true) => "适用范围不同",
            (RoughReason::ScopesDiffer, false) => "the scopes differ",
            (RoughReason::ComparatorFamiliesDiffer, true) => "表述方式不同",
            (RoughReason::ComparatorFamiliesDiffer, false) => {
                "the targets are stated differently (level, change, count or ceiling)"
            }
            (RoughReason::KindsDiffer, true) => "目标类型不同",
            (RoughReason::KindsDiffer, false) => "the kinds of target differ",
            (RoughReason::DefinitionSaysRoughly, true) => "各文件统计口径不同",
            (RoughReason::DefinitionSaysRoughly, false) => "the documents define it differently",
            (RoughReason::AbsoluteAmounts, true) => "绝对数量取决于地区规模",
            (RoughReason::AbsoluteAmounts, false) => "absolute amounts depend on the size of the locality",
            (RoughReason::InterpretedValue, true) => "部分数值由残缺文本推断",
            (RoughReason::InterpretedValue, false) => "a value is read from damaged text",
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

fn rough_reasons(indicator: Option<&Indicator>, targets: &[&Target]) -> Vec<RoughReason> {
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
fn normalised_scope(scope: &str) -> String {
    fold(scope.trim())
}

/// True when two targets state scopes that differ; targets without a scope are left out, since
/// an unstated scope says nothing about whom a target covers.
fn stated_scopes_differ(targets: &[&Target]) -> bool {
    let scopes: BTreeSet<String> =
        ordering::set_of(targets.iter().filter_map(|t| t.scope.as_deref()).map(normalised_scope));
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
    let is_percent = matches!(target.unit.as_deref(), Some("%" | "％"));
    match comparator_family(target.comparator) {
        Family::Count => true,
        Family::Change => !is_percent,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

/// A document's representative target for an indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub doc_id: String,
    /// The column label (locality, with the document's year when a locality appears twice).
    pub label: Bilingual,
    pub target: Target,
}

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

/// One indicator across the chosen documents.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixRow {
    pub indicator: String,
    pub theme: String,
    /// One cell per column: that document's targets for the indicator, in document order.
    pub cells: Vec<Vec<Target>>,
    /// Present when two or more documents have targets for the indicator.
    pub verdict: Option<Verdict>,
}

impl MatrixRow {
    /// Number of chosen documents with at least one target for this indicator.
    pub fn sharing_count(&self) -> usize {
        self.cells.iter().filter(|cell| !cell.is_empty()).count()
    }
}

/// Indicators × chosen documents.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonMatrix {
    /// Columns: the chosen documents that exist, duplicates removed, in the order given.
    pub doc_ids: Vec<String>,
    /// Column labels, parallel to `doc_ids`.
    pub labels: Vec<Bilingual>,
    /// Shared indicators first (most shared first, then by theme order), then the rest by theme.
    pub rows: Vec<MatrixRow>,
}

impl ComparisonMatrix {
    /// Builds the matrix for `doc_ids` (unknown ids are skipped, repeated ones kept once).
    pub fn build(dataset: &Dataset, doc_ids: &[String]) -> ComparisonMatrix {
        let entries = chosen_entries(dataset, doc_ids);
        let labels = column_labels(&entries);
        let mut rows: Vec<MatrixRow> = indicators_used(&entries)
            .into_iter()
            .map(|indicator| build_row(dataset, &entries, &labels, indicator))
            .collect();
        ordering::sort_by_key(&mut rows, |row| row_order_key(dataset, row));
        ComparisonMatrix {
            doc_ids: entries.iter().map(|e| e.document.id.clone()).collect(),
            labels,
            rows,
        }
    }

    /// Rows shared by two or more documents.
    pub fn shared_rows(&self) -> impl Iterator<Item = &MatrixRow> {
        self.rows.iter().filter(|row| row.verdict.is_some())
    }
}

fn chosen_entries<'a>(dataset: &'a Dataset, doc_ids: &[String]) -> Vec<&'a DocumentEntry> {
    let mut seen = BTreeSet::new();
    doc_ids
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| dataset.documents.iter().find(|e| &e.document.id == id))
        .collect()
}

/// Locality names; a locality chosen twice gets its document's year appended.
fn column_labels(entries: &[&DocumentEntry]) -> Vec<Bilingual> {
    entries
        .iter()
        .map(|entry| {
            let locality = &entry.document.locality;
            let repeated = entries.iter().filter(|e| e.document.locality == *locality).count() > 1;
            if repeated {
                let year = document_year(entry);
                Bilingual {
                    zh: format!("{}({year})", locality.zh),
                    en: format!("{} ({year})", locality.en),
                }
            } else {
                locality.clone()
            }
        })
        .collect()
}

/// Year of issue, or the first year of the plan for an undated document.
fn document_year(entry: &DocumentEntry) -> String {
    let issued_year = entry.document.issued.as_deref().and_then(|d| d.get(..4));
    issued_year.map_or_else(|| entry.document.period.start.to_string(), str::to_string)
}

fn indicators_used(entries: &[&DocumentEntry]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    entries
        .iter()
        .flat_map(|e| e.targets.iter())
        .filter(|t| seen.insert(t.indicator.as_str()))
        .map(|t| t.indicator.clone())
        .collect()
}

fn find_indicator<'a>(dataset: &'a Dataset, id: &str) -> Option<&'a Indicator> {
    dataset.indicators.iter().find(|i| i.id == id)
}

fn build_row(dataset: &Dataset, entries: &[&DocumentEntry], labels: &[Bilingual], indicator_id: String) -> MatrixRow {
    let cells: Vec<Vec<Target>> = entries
        .iter()
        .map(|e| {
            e.targets
                .iter()
                .filter(|t| t.indicator == indicator_id)
                .cloned()
                .collect()
        })
        .collect();
    let indicator = find_indicator(dataset, &indicator_id);
    let theme = indicator.map_or_else(|| first_theme(&cells), |i| i.theme.clone());
    let headlines: Vec<Headline> = cells
        .iter()
        .zip(entries.iter().zip(labels))
        .filter_map(|(cell, (entry, label))| {
            headline_target(cell).map(|target| Headline {
                doc_id: entry.document.id.clone(),
                label: label.clone(),
                target: target.clone(),
            })
        })
        .collect();
    let verdict = (headlines.len() >= 2).then(|| build_verdict(indicator, headlines));
    MatrixRow {
        indicator: indicator_id,
        theme,
        cells,
        verdict,
    }
}

fn first_theme(cells: &[Vec<Target>]) -> String {
    cells
        .iter()
        .flatten()
        .next()
        .map(|t| t.theme.clone())
        .unwrap_or_default()
}

/// A document's representative target: one with a value if any, then the latest target year,
/// then the first in document order.
pub fn headline_target(targets: &[Target]) -> Option<&Target> {
    best_headline(targets.iter())
}

fn best_headline<'a>(targets: impl Iterator<Item = &'a Target>) -> Option<&'a Target> {
    targets
        .enumerate()
        .max_by_key(|(index, t)| (t.value.is_some(), t.target_year, Reverse(*index)))
        .map(|(_, t)| t)
}

fn row_order_key(dataset: &Dataset, row: &MatrixRow) -> (bool, Reverse<usize>, usize, usize, String) {
    let shared = row.sharing_count();
    let theme_rank = dataset
        .themes
        .iter()
        .position(|t| t.id == row.theme)
        .unwrap_or(usize::MAX);
    let indicator_rank = dataset
        .indicators
        .iter()
        .position(|i| i.id == row.indicator)
        .unwrap_or(usize::MAX);
    (
        shared < 2,
        Reverse(shared),
        theme_rank,
        indicator_rank,
        row.indicator.clone(),
    )
}

// ---------------------------------------------------------------------------------------------
// Verdicts
// ---------------------------------------------------------------------------------------------

fn build_verdict(indicator: Option<&Indicator>, headlines: Vec<Headline>) -> Verdict {
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
    verdict.sentence = verdict_sentence(&verdict, better);
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

// ---------------------------------------------------------------------------------------------
// Wording
// ---------------------------------------------------------------------------------------------

/// A number as written: 85, 85.5, 90000.
fn format_number(value: f64) -> String {
    format!("{value}")
}

/// The target's requirement, e.g. `≥80%`, `≤45人/班`, `+5%`, `消除56人/班`.
pub fn format_requirement(target: &Target, lang_is_zh: bool) -> String {
    let Some(value) = target.value else {
        return match (target.comparator, lang_is_zh) {
            (Comparator::Eliminate, true) => "消除".into(),
            (Comparator::Eliminate, false) => "eliminate".into(),
            (Comparator::None, true) => "定性目标".into(),
            (Comparator::None, false) => "qualitative".into(),
            (_, true) => "未定数值".into(),
            (_, false) => "no value".into(),
        };
    };
    let prefix = match (target.comparator, lang_is_zh) {
        (Comparator::AtLeast, _) => "≥",
        (Comparator::MoreThan, _) => ">",
        (Comparator::AtMost, _) => "≤",
        (Comparator::LessThan, _) => "<",
        (Comparator::IncreaseBy, _) => "+",
        (Comparator::DecreaseBy, _) => "−",
        (Comparator::Eliminate, true) => "消除",
        (Comparator::Eliminate, false) => "eliminate ",
        _ => "",
    };
    let unit = match target.unit.as_deref() {
        None => String::new(),
        Some(unit @ ("%" | "％")) => unit.to_string(),
        Some(unit) if lang_is_zh => unit.to_string(),
        Some(unit) => format!(" {unit}"),
    };
    format!("{prefix}{}{unit}", format_number(value))
}

/// `2025年` / `2025`, or "no year".
pub fn format_year(year: Option<u16>, lang_is_zh: bool) -> String {
    match (year, lang_is_zh) {
        (Some(year), true) => format!("{year}年"),
        (Some(year), false) => year.to_string(),
        (None, true) => "未定年份".into(),
        (None, false) => "no year".into(),
    }
}

/// `(≥80%,2020年)` / `(≥80%, 2020)`.
fn describe_target(target: &Target, lang_is_zh: bool) -> String {
    let requirement = format_requirement(target, lang_is_zh);
    let year = format_year(target.target_year, lang_is_zh);
    if lang_is_zh {
        format!("({requirement},{year})")
    } else {
        format!("({requirement}, {year})")
    }
}

fn name(headline: &Headline, lang_is_zh: bool) -> &str {
    if lang_is_zh {
        &headline.label.zh
    } else {
        &headline.label.en
    }
}

/// `东莞(≥80%,2020年)` / `Dongguan (≥80%, 2020)`.
fn named_target(headline: &Headline, lang_is_zh: bool) -> String {
    let separator = if lang_is_zh { "" } else { " " };
    format!(
        "{}{separator}{}",
        name(headline, lang_is_zh),
        describe_target(&headline.target, lang_is_zh)
    )
}

fn join_list(items: &[String], lang_is_zh: bool) -> String {
    if lang_is_zh {
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

fn verdict_sentence(verdict: &Verdict, better: Better) -> Bilingual {
    Bilingual {
        zh: verdict_text(verdict, better, true),
        en: verdict_text(verdict, better, false),
    }
}

fn verdict_text(verdict: &Verdict, better: Better, zh: bool) -> String {
    let all: Vec<String> = verdict.headlines.iter().map(|h| named_target(h, zh)).collect();
    if let Comparability::RoughlyComparable { reasons } = &verdict.comparability {
        let reasons: Vec<&str> = reasons.iter().map(|r| r.message(zh)).collect();
        return if zh {
            format!("仅大致可比({}):{}。", reasons.join(";"), all.join(";"))
        } else {
            format!("Only roughly comparable ({}): {}.", reasons.join("; "), all.join("; "))
        };
    }
    let Some(tiers) = &verdict.ranking else {
        return if zh {
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
        [_] => equal_text(&all, zh),
        [first, second] if first.len() == 1 && second.len() == 1 => pair_text(verdict, first[0], second[0], words, zh),
        [first, .., last] => extremes_text(verdict, first, last, words, zh),
    };
    format!("{body}{}", year_gap_text(verdict, zh))
}

fn equal_text(all: &[String], zh: bool) -> String {
    if zh {
        format!("{}的目标要求相同", join_list(all, zh))
    } else {
        format!("{} set equally demanding targets", join_list(all, zh))
    }
}

fn pair_text(verdict: &Verdict, first: usize, second: usize, words: Wording, zh: bool) -> String {
    let (a, b) = (&verdict.headlines[first], &verdict.headlines[second]);
    let slightly = verdict.basis == Some(Basis::Strictness);
    let same_value = verdict.basis == Some(Basis::Year) && a.target.comparator != Comparator::None;
    let (ta, tb) = (describe_target(&a.target, zh), describe_target(&b.target, zh));
    let (na, nb) = (name(a, zh), name(b, zh));
    if same_value {
        return if zh {
            format!("{na}的目标{ta}与{nb}{tb}数值相同,但截止更早")
        } else {
            format!("{na}'s target {ta} matches {nb}'s {tb} but is due earlier")
        };
    }
    if zh {
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

fn extremes_text(verdict: &Verdict, first: &[usize], last: &[usize], words: Wording, zh: bool) -> String {
    let list = |tier: &[usize]| {
        let names: Vec<String> = tier.iter().map(|&i| named_target(&verdict.headlines[i], zh)).collect();
        join_list(&names, zh)
    };
    let (top, bottom) = (list(first), list(last));
    if zh {
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

fn year_gap_text(verdict: &Verdict, zh: bool) -> String {
    let pair = verdict.headlines.len() == 2;
    match (verdict.year_gap, zh) {
        (Some(0), true) => ",目标年份相同。".into(),
        (Some(0), false) => "; the target years are the same.".into(),
        (Some(gap), true) if pair => format!(",目标年份相差{gap}年。"),
        (Some(gap), true) => format!(",目标年份最多相差{gap}年。"),
        (Some(gap), false) if pair => {
            format!("; the target years are {gap} {} apart.", years_word(gap))
        }
        (Some(gap), false) => format!("; the target years differ by up to {gap} {}.", years_word(gap)),
        (None, true) => "。".into(),
        (None, false) => ".".into(),
    }
}

fn years_word(count: u16) -> &'static str {
    if count == 1 {
        "year"
    } else {
        "years"
    }
}

// ---------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------

/// Theme × document counts of targets; zeros are kept so gaps show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageMatrix {
    /// Every theme of the dataset in its order, then any theme used by a target but not listed.
    pub themes: Vec<String>,
    pub doc_ids: Vec<String>,
    /// `counts[theme][document]`.
    pub counts: Vec<Vec<usize>>,
}

impl CoverageMatrix {
    /// Counts the chosen documents' targets per theme.
    pub fn build(dataset: &Dataset, doc_ids: &[String]) -> CoverageMatrix {
        let entries = chosen_entries(dataset, doc_ids);
        let themes = coverage_themes(dataset, &entries);
        let counts = themes
            .iter()
            .map(|theme| {
                entries
                    .iter()
                    .map(|e| e.targets.iter().filter(|t| &t.theme == theme).count())
                    .collect()
            })
            .collect();
        CoverageMatrix {
            themes,
            doc_ids: entries.iter().map(|e| e.document.id.clone()).collect(),
            counts,
        }
    }

    /// The count for one theme and document (0 when either is not in the matrix).
    pub fn count(&self, theme: &str, doc_id: &str) -> usize {
        let row = self.themes.iter().position(|t| t == theme);
        let column = self.doc_ids.iter().position(|d| d == doc_id);
        match (row, column) {
            (Some(row), Some(column)) => self.counts[row][column],
            _ => 0,
        }
    }
}

fn coverage_themes(dataset: &Dataset, entries: &[&DocumentEntry]) -> Vec<String> {
    let mut themes: Vec<String> = dataset.themes.iter().map(|t| t.id.clone()).collect();
    for target in entries.iter().flat_map(|e| e.targets.iter()) {
        if !themes.contains(&target.theme) {
            themes.push(target.theme.clone());
        }
    }
    themes
}

// ---------------------------------------------------------------------------------------------
// Key differences
// ---------------------------------------------------------------------------------------------

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
    let entries = chosen_entries(dataset, doc_ids);
    if entries.len() < 2 {
        return Vec::new();
    }
    let matrix = ComparisonMatrix::build(dataset, doc_ids);
    let mut differences = demanding_differences(dataset, &matrix);
    differences.extend(class_size_differences(dataset, &matrix));
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
    let sentence_in = |zh: bool| {
        let items: Vec<String> = caps
            .iter()
            .map(|(column, t)| {
                let label = if zh {
                    &matrix.labels[*column].zh
                } else {
                    &matrix.labels[*column].en
                };
                let separator = if zh { "" } else { " " };
                format!("{label}{separator}{}", describe_target(t, zh))
            })
            .collect();
        let missing: Vec<String> = (0..matrix.labels.len())
            .filter(|c| !caps.iter().any(|(column, _)| column == c))
            .map(|c| {
                if zh {
                    matrix.labels[c].zh.clone()
                } else {
                    matrix.labels[c].en.clone()
                }
            })
            .collect();
        let mut text = if zh { items.join(";") } else { items.join("; ") };
        if !missing.is_empty() {
            let names = join_list(&missing, zh);
            text.push_str(&if zh {
                format!(";{names}在本数据中无此上限")
            } else {
                format!("; {names} {} no such cap in this dataset", has_or_have(missing.len()))
            });
        }
        text.push_str(if zh { "。" } else { "." });
        text
    };
    let name = indicator_name(dataset, &row.indicator);
    Some(KeyDifference {
        sentence: prefixed(
            &name,
            &Bilingual {
                zh: sentence_in(true),
                en: sentence_in(false),
            },
        ),
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
    let list = |zh: bool| {
        let items: Vec<String> = binding
            .iter()
            .map(|(column, targets)| {
                let label = if zh { &labels[*column].zh } else { &labels[*column].en };
                if zh {
                    format!("{label}({}项)", targets.len())
                } else {
                    format!("{label} ({})", targets.len())
                }
            })
            .collect();
        join_list(&items, zh)
    };
    Some(KeyDifference {
        sentence: Bilingual {
            zh: format!("只有{}设有约束性目标。", list(true)),
            en: format!(
                "Only {} {} binding (约束性) targets.",
                list(false),
                set_or_sets(binding.len())
            ),
        },
        evidence: binding
            .iter()
            .flat_map(|(_, ts)| ts.iter().map(|t| t.id.clone()))
            .collect(),
    })
}

fn binding_targets(entry: &DocumentEntry) -> Vec<&Target> {
    entry
        .targets
        .iter()
        .filter(|t| t.binding == Some(Binding::Binding))
        .collect()
}

fn has_or_have(subjects: usize) -> &'static str {
    if subjects == 1 {
        "has"
    } else {
        "have"
    }
}

fn set_or_sets(subjects: usize) -> &'static str {
    if subjects == 1 {
        "sets"
    } else {
        "set"
    }
}

/// "Moral education and Party work" → "moral education and Party work".
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
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
    let pick = |c: usize, zh: bool| {
        if zh {
            labels[c].zh.clone()
        } else {
            labels[c].en.clone()
        }
    };
    let with_counts = |zh: bool| {
        let items: Vec<String> = having
            .iter()
            .map(|&c| {
                let n = per_document[c].len();
                if zh {
                    format!("{}({n}项)", pick(c, zh))
                } else {
                    format!("{} ({n})", pick(c, zh))
                }
            })
            .collect();
        join_list(&items, zh)
    };
    let without = |zh: bool| {
        let items: Vec<String> = lacking.iter().map(|&c| pick(c, zh)).collect();
        join_list(&items, zh)
    };

    Some(KeyDifference {
        sentence: Bilingual {
            zh: format!(
                "{}在{}方面有目标,{}在本数据中没有。",
                with_counts(true),
                name.zh,
                without(true)
            ),
            en: format!(
                "{} {} targets on {}; {} {} none in this dataset.",
                with_counts(false),
                set_or_sets(having.len()),
                lowercase_first(&name.en),
                without(false),
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
    let names = |columns: &[usize], zh: bool| {
        let items: Vec<String> = columns
            .iter()
            .map(|&c| if zh { labels[c].zh.clone() } else { labels[c].en.clone() })
            .collect();
        join_list(&items, zh)
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
                names(&early_columns, true),
                names(&late_columns, true)
            ),
            en: format!(
                "The earliest target year is {earliest} ({}); the latest is {latest} ({}).",
                names(&early_columns, false),
                names(&late_columns, false)
            ),
        },
        evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Document, Kind, Level, Period, Script, Theme};

    fn bi(zh: &str, en: &str) -> Bilingual {
        Bilingual {
            zh: zh.into(),
            en: en.into(),
        }
    }

    fn document(id: &str, zh: &str, en: &str, issued: &str) -> Document {
        Document {
            id: id.into(),
            locality: bi(zh, en),
            province: bi("广东", "Guangdong"),
            level: Level::CountyLevelCity,
            title: format!("{zh}教育规划"),
            doc_number: None,
            issuer: format!("{zh}人民政府"),
            issued: Some(issued.into()),
            published: None,
            period: Period { start: 2021, end: 2025 },
            genre: "规划".into(),
            script: Script::Simplified,
            source: format!("data/sources/{id}.txt"),
            note: None,
        }
    }

    struct Spec<'a> {
        indicator: &'a str,
        theme: &'a str,
        comparator: Comparator,
        value: Option<f64>,
        unit: &'a str,
        year: Option<u16>,
    }

    fn target(doc: &str, slug: &str, spec: Spec) -> Target {
        Target {
            id: format!("{doc}-{slug}"),
            kind: if spec.comparator == Comparator::None {
                Kind::Milestone
            } else {
                Kind::Quantitative
            },
            theme: spec.theme.into(),
            indicator: spec.indicator.into(),
            comparator: spec.comparator,
            value: spec.value,
            unit: Some(spec.unit.into()),
            scope: None,
            baseline: None,
            target_year: spec.year,
            deadline_text: None,
            binding: None,
            responsible: Vec::new(),
            section: "一".into(),
            quote: "测试".into(),
            summary: Bilingual::default(),
            note: None,
            garbled: false,
        }
    }

    fn share(doc: &str, slug: &str, comparator: Comparator, value: f64, year: u16) -> Target {
        target(
            doc,
            slug,
            Spec {
                indicator: "inclusive-kindergarten-share",
                theme: "preschool",
                comparator,
                value: Some(value),
                unit: "%",
                year: Some(year),
            },
        )
    }

    fn cap(doc: &str, slug: &str, indicator: &str, comparator: Comparator, value: f64, year: u16) -> Target {
        target(
            doc,
            slug,
            Spec {
                indicator,
                theme: "compulsory",
                comparator,
                value: Some(value),
                unit: "人/班",
                year: Some(year),
            },
        )
    }

    fn indicator(id: &str, zh: &str, en: &str, theme: &str, unit: &str, better: Better, definition: &str) -> Indicator {
        Indicator {
            id: id.into(),
            name: bi(zh, en),
            theme: theme.into(),
            unit: unit.into(),
            better,
            definition: definition.into(),
        }
    }

    fn catalogue() -> (Vec<Theme>, Vec<Indicator>) {
        let themes = vec![
            Theme {
                id: "preschool".into(),
                name: bi("学前教育", "Preschool"),
                colour: None,
            },
            Theme {
                id: "compulsory".into(),
                name: bi("义务教育", "Compulsory education"),
                colour: None,
            },
            Theme {
                id: "teachers".into(),
                name: bi("教师队伍", "Teachers"),
                colour: None,
            },
            Theme {
                id: "vocational".into(),
                name: bi("职业教育", "Vocational education"),
                colour: None,
            },
        ];
        let indicators = vec![
            indicator(
                "inclusive-kindergarten-share",
                "普惠性幼儿园在园幼儿占比",
                "Inclusive kindergarten share",
                "preschool",
                "%",
                Better::Higher,
                "Share.",
            ),
            indicator(
                "preschool-gross-enrolment",
                "学前三年毛入园率",
                "Preschool gross enrolment",
                "preschool",
                "%",
                Better::Higher,
                "Rate.",
            ),
            indicator(
                "primary-class-size-cap",
                "小学班额上限",
                "Primary class-size cap",
                "compulsory",
                "人/班",
                Better::Lower,
                "Largest class.",
            ),
            indicator(
                "junior-class-size-cap",
                "初中班额上限",
                "Junior class-size cap",
                "compulsory",
                "人/班",
                Better::Lower,
                "Largest class.",
            ),
            indicator(
                "new-schools-built",
                "新建学校",
                "New schools built",
                "compulsory",
                "所",
                Better::Higher,
                "Schools.",
            ),
            indicator(
                "senior-post-ratio-primary",
                "小学高级岗位比例",
                "Senior posts, primary",
                "teachers",
                "%",
                Better::Higher,
                "Dongguan states 高级 posts, Qingbaijiang 副高级 posts: roughly comparable.",
            ),
            indicator(
                "vocational-coverage",
                "职业教育覆盖",
                "Vocational coverage",
                "vocational",
                "%",
                Better::Higher,
                "Coverage.",
            ),
        ];
        (themes, indicators)
    }

    /// Sihui (2022), Dongguan (2019), Panjin (2019).
    fn fixture() -> Dataset {
        let (themes, indicators) = catalogue();
        let mut sihui_binding = share("sihui", "inclusive", Comparator::MoreThan, 85.0, 2025);
        sihui_binding.binding = Some(Binding::Binding);
        let sihui = DocumentEntry {
            document: document("sihui", "四会", "Sihui", "2022-03-01"),
            targets: vec![
                sihui_binding,
                cap(
                    "sihui",
                    "primary-cap",
                    "primary-class-size-cap",
                    Comparator::AtMost,
                    45.0,
                    2025,
                ),
                target(
                    "sihui",
                    "schools",
                    Spec {
                        indicator: "new-schools-built",
                        theme: "compulsory",
                        comparator: Comparator::Count,
                        value: Some(10.0),
                        unit: "所",
                        year: Some(2025),
                    },
                ),
                share("sihui", "post", Comparator::AtLeast, 10.0, 2025)
                    .with_indicator("senior-post-ratio-primary", "teachers"),
            ],
        };
        let dongguan = DocumentEntry {
            document: document("dongguan", "东莞", "Dongguan", "2019-11-05"),
            targets: vec![
                share("dongguan", "inclusive-2019", Comparator::AtLeast, 70.0, 2019),
                share("dongguan", "inclusive", Comparator::AtLeast, 80.0, 2020),
                cap(
                    "dongguan",
                    "primary-cap",
                    "primary-class-size-cap",
                    Comparator::AtMost,
                    45.0,
                    2020,
                ),
                cap(
                    "dongguan",
                    "junior-cap",
                    "junior-class-size-cap",
                    Comparator::AtMost,
                    50.0,
                    2020,
                ),
                target(
                    "dongguan",
                    "schools",
                    Spec {
                        indicator: "new-schools-built",
                        theme: "compulsory",
                        comparator: Comparator::Count,
                        value: Some(30.0),
                        unit: "所",
                        year: Some(2022),
                    },
                ),
                share("dongguan", "post", Comparator::AtLeast, 8.0, 2022)
                    .with_indicator("senior-post-ratio-primary", "teachers"),
            ],
        };
        let panjin = DocumentEntry {
            document: document("panjin", "盘锦", "Panjin", "2019-06-01"),
            targets: vec![
                share("panjin", "inclusive", Comparator::AtLeast, 80.0, 2020),
                share("panjin", "vocational", Comparator::AtLeast, 90.0, 2035)
                    .with_indicator("vocational-coverage", "vocational"),
            ],
        };
        Dataset {
            version: "test".into(),
            themes,
            indicators,
            documents: vec![sihui, dongguan, panjin],
        }
    }

    trait WithIndicator {
        fn with_indicator(self, indicator: &str, theme: &str) -> Self;
    }

    impl WithIndicator for Target {
        fn with_indicator(mut self, indicator: &str, theme: &str) -> Target {
            self.indicator = indicator.into();
            self.theme = theme.into();
            self
        }
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn row<'a>(matrix: &'a ComparisonMatrix, indicator: &str) -> &'a MatrixRow {
        matrix.rows.iter().find(|r| r.indicator == indicator).expect(indicator)
    }

    // --- more demanding ---

    #[test]
    fn higher_value_is_more_demanding_when_higher_is_better() {
        let a = share("a", "x", Comparator::AtLeast, 85.0, 2025);
        let b = share("b", "x", Comparator::AtLeast, 80.0, 2020);
        assert_eq!(
            more_demanding(Better::Higher, &a, &b),
            Some((Ordering::Greater, Basis::Value))
        );
        assert_eq!(
            more_demanding(Better::Higher, &b, &a),
            Some((Ordering::Less, Basis::Value))
        );
    }

    #[test]
    fn strictly_more_than_beats_at_least_at_the_same_value() {
        let strict = share("a", "x", Comparator::MoreThan, 85.0, 2025);
        let loose = share("b", "x", Comparator::AtLeast, 85.0, 2025);
        assert_eq!(
            more_demanding(Better::Higher, &strict, &loose),
            Some((Ordering::Greater, Basis::Strictness))
        );
        let below = cap("a", "x", "primary-class-size-cap", Comparator::LessThan, 45.0, 2025);
        let at_most = cap("b", "x", "primary-class-size-cap", Comparator::AtMost, 45.0, 2025);
        assert_eq!(
            more_demanding(Better::Lower, &below, &at_most),
            Some((Ordering::Greater, Basis::Strictness))
        );
    }

    #[test]
    fn smaller_cap_is_more_demanding_when_lower_is_better() {
        let tight = cap("a", "x", "primary-class-size-cap", Comparator::AtMost, 40.0, 2025);
        let loose = cap("b", "x", "primary-class-size-cap", Comparator::AtMost, 45.0, 2020);
        assert_eq!(
            more_demanding(Better::Lower, &tight, &loose),
            Some((Ordering::Greater, Basis::Value))
        );
    }

    #[test]
    fn earlier_year_breaks_a_tie_in_value() {
        let early = share("a", "x", Comparator::AtLeast, 80.0, 2020);
        let late = share("b", "x", Comparator::AtLeast, 80.0, 2025);
        assert_eq!(
            more_demanding(Better::Higher, &early, &late),
            Some((Ordering::Greater, Basis::Year))
        );
        let same = share("c", "x", Comparator::AtLeast, 80.0, 2020);
        assert_eq!(
            more_demanding(Better::Higher, &early, &same),
            Some((Ordering::Equal, Basis::Equal))
        );
    }

    #[test]
    fn unrankable_pairs_give_none() {
        let level = share("a", "x", Comparator::AtLeast, 80.0, 2020);
        let change = share("b", "x", Comparator::IncreaseBy, 5.0, 2020);
        assert_eq!(more_demanding(Better::Higher, &level, &change), None);
        assert_eq!(more_demanding(Better::None, &level, &level.clone()), None);
        let no_value = Target {
            value: None,
            ..level.clone()
        };
        assert_eq!(more_demanding(Better::Higher, &level, &no_value), None);
    }

    // --- matrix ---

    #[test]
    fn matrix_orders_shared_rows_first() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan", "panjin"]));
        let order: Vec<&str> = matrix.rows.iter().map(|r| r.indicator.as_str()).collect();
        assert_eq!(
            order,
            vec![
                "inclusive-kindergarten-share",
                "primary-class-size-cap",
                "new-schools-built",
                "senior-post-ratio-primary",
                "junior-class-size-cap",
                "vocational-coverage",
            ]
        );
        assert_eq!(matrix.rows[0].sharing_count(), 3);
        assert!(matrix.rows[3].verdict.is_some());
        assert!(matrix.rows[4].verdict.is_none());
        assert_eq!(matrix.doc_ids, ids(&["sihui", "dongguan", "panjin"]));
        assert_eq!(matrix.labels[1], bi("东莞", "Dongguan"));
    }

    #[test]
    fn cells_keep_every_target_and_empty_cells() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["sihui", "dongguan", "panjin"]));
        let inclusive = row(&matrix, "inclusive-kindergarten-share");
        assert_eq!(inclusive.cells[1].len(), 2);
        let junior = row(&matrix, "junior-class-size-cap");
        assert_eq!(junior.cells.iter().map(Vec::len).collect::<Vec<_>>(), vec![0, 1, 0]);
    }

    #[test]
    fn matrix_skips_unknown_and_repeated_documents() {
        let dataset = fixture();
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["panjin", "nowhere", "panjin", "sihui"]));
        assert_eq!(matrix.doc_ids, ids(&["panjin", "sihui"]));
        assert!(ComparisonMatrix::build(&dataset, &[]).rows.is_empty());
    }

    #[test]
    fn the_same_locality_twice_gets_years_in_its_labels() {
        let mut dataset = fixture();
        let mut later = dataset.documents[1].clone();
        later.document.id = "dongguan-2021".into();
        later.document.issued = Some("2021-08-01".into());
        later.targets.clear();
        dataset.documents.push(later);
        let matrix = ComparisonMatrix::build(&dataset, &ids(&["dongguan", "dongguan-2021"]));
        assert_eq!(matrix.labels[0], bi("东莞(2019)", "Dongguan (2019)"));
        assert_eq!(matrix.labels[1].en, "Dongguan (2021)");
    }

    #[test]
    fn headline_is_the_latest_target_with_a_value() {
        let targets = vec![
            share("d", "a", Comparator::AtLeast, 70.0, 2019),
            share("d", "b", Comparator::AtLeast, 80.0, 2020),
            Target {
                value: None,
                ..share("d", "c", Comparator::AtLeast, 0.0, 2030)
            },
        ];
        assert_eq!(headline_target(&targets).unwrap().id, "d-b");
        assert_eq!(headline_target(&[]), None);
    }

    // --- verdicts ---

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
        traditional.scope = Some("公辦小學".into());
        let mut simplified = a.clone();
        simplified.scope = Some("公办小学".into());
        assert!(rough_reasons(None, &[&traditional, &simplified]).is_empty());
        let mut other_scope = a.clone();
        other_scope.scope = Some("民办小学".into());
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

    // --- coverage ---

    #[test]
    fn coverage_keeps_zeros() {
        let dataset = fixture();
        let coverage = CoverageMatrix::build(&dataset, &ids(&["sihui", "panjin"]));
        assert_eq!(
            coverage.themes,
            ids(&["preschool", "compulsory", "teachers", "vocational"])
        );
        assert_eq!(coverage.counts, vec![vec![1, 1], vec![2, 0], vec![1, 0], vec![0, 1]]);
        assert_eq!(coverage.count("compulsory", "panjin"), 0);
        assert_eq!(coverage.count("compulsory", "sihui"), 2);
        assert_eq!(coverage.count("unknown", "sihui"), 0);
    }

    // --- key differences ---

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
    }

    #[test]
    fn requirement_formatting() {
        let t = share("a", "x", Comparator::AtLeast, 85.5, 2025);
        assert_eq!(format_requirement(&t, true), "≥85.5%");
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
        assert_eq!(format_requirement(&places, true), "+90000个");
        assert_eq!(format_requirement(&places, false), "+90000 个");
        assert_eq!(format_year(None, true), "未定年份");
        let eliminate = cap("a", "e", "large-classes", Comparator::Eliminate, 56.0, 2020);
        assert_eq!(format_requirement(&eliminate, true), "消除56人/班");
    }
}
