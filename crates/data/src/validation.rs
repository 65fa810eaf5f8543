//! The rules every dataset must pass, bundled or opened by a visitor: references resolve, ids are
//! unique, every quote is verbatim in its document's text and every value is written in its quote.
//!
//! Problems are collected, not thrown, so that one run reports everything wrong with a file, each
//! naming the document, the target and the field. Each [`Rule`] is worded in Chinese and English
//! beside the rules, in `wording`.

/// The rules in words (the file problems' tests share its samples, hence `pub(crate)`).
pub(crate) mod wording;

use std::collections::{BTreeMap, HashMap, HashSet};

use super::lang::Lang;
use super::model::{Bilingual, Comparator, Dataset, Kind, Script, Theme, THEME_COLOUR_SLOTS};
use super::numerals::states_number;
use super::script::is_traditional_specific;

/// Longest id accepted (ids travel in links).
pub const MAX_ID_LEN: usize = 80;

/// Earliest and latest year any plan in scope may name.
pub const YEAR_RANGE: std::ops::RangeInclusive<u16> = 2010..=2035;

/// One thing wrong with a dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Document id, or the catalogue ("themes", "indicators", "dataset") the problem sits in.
    pub document: String,
    /// Target id (or theme / indicator id), when the problem belongs to one.
    pub item: Option<String>,
    pub field: &'static str,
    pub rule: Rule,
}

impl std::fmt::Display for Problem {
    /// In English (the maintainer's tool and the tests).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = self.rule.message(Lang::En);
        match &self.item {
            Some(item) => write!(f, "{} › {} › {}: {message}", self.document, item, self.field),
            None => write!(f, "{} › {}: {message}", self.document, self.field),
        }
    }
}

/// The rule a dataset breaks, one kind per message, with the facts the message names; `wording`
/// words each in Chinese and English.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// The dataset's `version` is empty.
    VersionEmpty,
    /// A Chinese unit without its English form in `unit_en`.
    UnitWithoutEnglish {
        unit: String,
    },
    UnknownTheme {
        theme: String,
    },
    UnknownIndicator {
        indicator: String,
    },
    /// A date that is not `YYYY-MM-DD`.
    NotADate {
        date: String,
    },
    /// A plan period that runs backwards or leaves [`YEAR_RANGE`].
    InvalidPeriod {
        start: u16,
        end: u16,
    },
    /// No cleaned text for the document's `source`.
    NoText {
        source: String,
    },
    DuplicateTargetId,
    /// An id breaks [`is_valid_id`].
    InvalidId,
    EmptyId,
    DuplicateId,
    /// The target's unit (empty when it has none) is not its indicator's.
    UnitDiffers {
        unit: String,
        expected: String,
    },
    QuoteEmpty,
    /// The quote is not a verbatim part of the document's text.
    QuoteNotVerbatim,
    MilestoneWithValue,
    /// A numeric target without a value.
    ValueMissing,
    ValueNotFinite,
    /// The value is not written in the quote.
    ValueNotInQuote {
        value: f64,
    },
    /// A bilingual text without its Chinese half.
    ChineseMissing,
    /// A bilingual text without its English half.
    EnglishMissing,
    /// A garbled target without a note explaining how it was read.
    GarbledWithoutNote,
    /// A year outside [`YEAR_RANGE`].
    YearOutOfRange {
        year: u16,
    },
    BaselineAfterTarget {
        baseline: u16,
        target: u16,
    },
    /// The summary lacks its Chinese or its English half.
    SummaryMissing,
    /// A quote from a Traditional-script document with no Traditional character.
    NoTraditionalCharacter,
    /// A theme colour outside the palette.
    ColourNotASlot {
        slot: u8,
    },
    /// A theme colour another theme uses while a slot is free.
    ColourShared {
        slot: u8,
        owner: String,
        free: usize,
    },
}

impl std::fmt::Display for Rule {
    /// In English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

struct Collector(Vec<Problem>);

impl Collector {
    fn push(&mut self, document: &str, item: Option<&str>, field: &'static str, rule: Rule) {
        self.0.push(Problem {
            document: document.to_string(),
            item: item.map(str::to_string),
            field,
            rule,
        });
    }
}

/// Checks `dataset` against the texts of its documents (keyed by document id).
pub fn validate(dataset: &Dataset, texts: &BTreeMap<String, String>) -> Vec<Problem> {
    let mut out = Collector(Vec::new());
    if dataset.version.trim().is_empty() {
        out.push("dataset", None, "version", Rule::VersionEmpty);
    }
    let themes = unique_ids(&mut out, "themes", dataset.themes.iter().map(|t| t.id.as_str()));
    theme_colours(&mut out, &dataset.themes);
    let indicators: HashMap<&str, &str> = dataset
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i.unit.as_str()))
        .collect();
    unique_ids(&mut out, "indicators", dataset.indicators.iter().map(|i| i.id.as_str()));
    for indicator in &dataset.indicators {
        if has_han(&indicator.unit) && indicator.unit_en.as_deref().is_none_or(|u| u.trim().is_empty()) {
            out.push(
                "indicators",
                Some(&indicator.id),
                "unit_en",
                Rule::UnitWithoutEnglish {
                    unit: indicator.unit.clone(),
                },
            );
        }
        if !themes.contains(indicator.theme.as_str()) {
            out.push(
                "indicators",
                Some(&indicator.id),
                "theme",
                Rule::UnknownTheme {
                    theme: indicator.theme.clone(),
                },
            );
        }
    }
    unique_ids(
        &mut out,
        "documents",
        dataset.documents.iter().map(|d| d.document.id.as_str()),
    );
    let mut target_ids = HashSet::new();
    for entry in &dataset.documents {
        let doc = &entry.document;
        let doc_id = doc.id.as_str();
        for (field, date) in [("issued", &doc.issued), ("published", &doc.published)] {
            if let Some(date) = date {
                if !is_iso_date(date) {
                    out.push(doc_id, None, field, Rule::NotADate { date: date.clone() });
                }
            }
        }
        if let Some(note) = &doc.note {
            both_languages(&mut out, doc_id, None, "note", note);
        }
        if doc.period.start > doc.period.end
            || !YEAR_RANGE.contains(&doc.period.start)
            || !YEAR_RANGE.contains(&doc.period.end)
        {
            out.push(
                doc_id,
                None,
                "period",
                Rule::InvalidPeriod {
                    start: doc.period.start,
                    end: doc.period.end,
                },
            );
        }
        let Some(text) = texts.get(doc_id) else {
            out.push(
                doc_id,
                None,
                "source",
                Rule::NoText {
                    source: doc.source.clone(),
                },
            );
            continue;
        };
        for target in &entry.targets {
            let id = Some(target.id.as_str());
            if !target_ids.insert(target.id.as_str()) {
                out.push(doc_id, id, "id", Rule::DuplicateTargetId);
            }
            if !is_valid_id(&target.id) {
                out.push(doc_id, id, "id", Rule::InvalidId);
            }
            if !themes.contains(target.theme.as_str()) {
                out.push(
                    doc_id,
                    id,
                    "theme",
                    Rule::UnknownTheme {
                        theme: target.theme.clone(),
                    },
                );
            }
            match indicators.get(target.indicator.as_str()) {
                None => out.push(
                    doc_id,
                    id,
                    "indicator",
                    Rule::UnknownIndicator {
                        indicator: target.indicator.clone(),
                    },
                ),
                Some(unit) if target.value.is_some() && target.unit.as_deref() != Some(*unit) => out.push(
                    doc_id,
                    id,
                    "unit",
                    Rule::UnitDiffers {
                        unit: target.unit.clone().unwrap_or_default(),
                        expected: unit.to_string(),
                    },
                ),
                Some(_) => {}
            }
            if target.quote.trim().is_empty() {
                out.push(doc_id, id, "quote", Rule::QuoteEmpty);
            } else if !text.contains(&target.quote) {
                out.push(doc_id, id, "quote", Rule::QuoteNotVerbatim);
            }
            match (target.kind, target.value) {
                (Kind::Milestone, Some(_)) => out.push(doc_id, id, "value", Rule::MilestoneWithValue),
                (Kind::Milestone, None) => {}
                (_, None) if !matches!(target.comparator, Comparator::None | Comparator::Eliminate) => {
                    out.push(doc_id, id, "value", Rule::ValueMissing)
                }
                (_, Some(value)) => {
                    if !value.is_finite() {
                        out.push(doc_id, id, "value", Rule::ValueNotFinite);
                    } else if !target.garbled && !states_number(&target.quote, value) {
                        out.push(doc_id, id, "value", Rule::ValueNotInQuote { value });
                    }
                }
                _ => {}
            }
            for (field, text) in [("note", &target.note), ("scope", &target.scope)] {
                if let Some(text) = text {
                    both_languages(&mut out, doc_id, id, field, text);
                }
            }
            if target.garbled && target.note.as_ref().is_none_or(|n| n.zh.trim().is_empty()) {
                out.push(doc_id, id, "note", Rule::GarbledWithoutNote);
            }
            let years = [
                ("target_year", target.target_year),
                ("baseline", target.baseline.and_then(|b| b.year)),
            ];
            for (field, year) in years {
                if let Some(year) = year {
                    if !YEAR_RANGE.contains(&year) {
                        out.push(doc_id, id, field, Rule::YearOutOfRange { year });
                    }
                }
            }
            if let (Some(base), Some(due)) = (target.baseline.and_then(|b| b.year), target.target_year) {
                if base > due {
                    out.push(
                        doc_id,
                        id,
                        "baseline",
                        Rule::BaselineAfterTarget {
                            baseline: base,
                            target: due,
                        },
                    );
                }
            }
            if target.summary.zh.trim().is_empty() || target.summary.en.trim().is_empty() {
                out.push(doc_id, id, "summary", Rule::SummaryMissing);
            }
            if doc.script == Script::Traditional
                && target.quote.chars().count() >= 8
                && !target.quote.chars().any(is_traditional_specific)
            {
                out.push(doc_id, id, "quote", Rule::NoTraditionalCharacter);
            }
        }
    }
    out.0
}

/// A bilingual note or scope: the Chinese text is required (the site is Chinese first), and so is
/// the English.
fn both_languages(out: &mut Collector, doc_id: &str, item: Option<&str>, field: &'static str, text: &Bilingual) {
    if text.zh.trim().is_empty() {
        out.push(doc_id, item, field, Rule::ChineseMissing);
    }
    if text.en.trim().is_empty() {
        out.push(doc_id, item, field, Rule::EnglishMissing);
    }
}

/// True when `text` has a Chinese character (CJK unified ideographs, extension A, compatibility).
pub fn has_han(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
}

fn unique_ids<'a>(out: &mut Collector, catalogue: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        if id.trim().is_empty() {
            out.push(catalogue, None, "id", Rule::EmptyId);
        } else if !is_valid_id(id) {
            out.push(catalogue, Some(id), "id", Rule::InvalidId);
        } else if !seen.insert(id) {
            out.push(catalogue, Some(id), "id", Rule::DuplicateId);
        }
    }
    seen
}

/// Theme colour slots: each one of the palette's, and no two themes sharing one while a slot is
/// still free (with more themes than slots, sharing is allowed).
fn theme_colours(out: &mut Collector, themes: &[Theme]) {
    let mut used = [false; THEME_COLOUR_SLOTS as usize];
    for slot in themes.iter().filter_map(|t| t.colour) {
        if let Some(u) = used.get_mut(usize::from(slot)) {
            *u = true;
        }
    }
    let free = used.iter().position(|u| !u);
    let mut owners: HashMap<u8, &str> = HashMap::new();
    for theme in themes {
        let Some(slot) = theme.colour else { continue };
        let item = Some(theme.id.as_str());
        if slot >= THEME_COLOUR_SLOTS {
            out.push("themes", item, "colour", Rule::ColourNotASlot { slot });
        } else if let Some(owner) = owners.get(&slot) {
            if let Some(free) = free {
                let owner = owner.to_string();
                out.push("themes", item, "colour", Rule::ColourShared { slot, owner, free });
            }
        } else {
            owners.insert(slot, theme.id.as_str());
        }
    }
}

/// Ids end up in links and element ids: lowercase ASCII letters, digits and '-', at most
/// [`MAX_ID_LEN`] characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True when `text` is a date written `YYYY-MM-DD` (a month from 01 to 12, a day from 01 to 31):
/// the form of a document's `issued` and `published` dates.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(y, 4), number(m, 2), number(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iso_date_is_four_two_and_two_digits_with_a_real_month_and_day() {
        for date in ["2024-01-31", "2010-12-01", "0001-06-15"] {
            assert!(is_iso_date(date), "{date}");
        }
        for date in [
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-01-32",
            "2024-1-01",
            "2024-01-1",
            "24-01-01",
            "2024-01",
            "2024/01/01",
            "2024-01-01 ",
            "2024-01-01-01",
            "２０２４-01-01",
            "+024-01-01",
            "",
        ] {
            assert!(!is_iso_date(date), "{date}");
        }
    }
}
