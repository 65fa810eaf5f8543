//! Seeded generator of larger, valid datasets for benchmarks, whose files compress like the real
//! ones: `scale` times as many documents, each modelled on one of the real documents but with its
//! own locality, years, values and wording, so that brotli's window finds no long copies across
//! documents (copies of the real documents compressed 180:1 at 100×, the real files 5.75:1).
//!
//! The real documents come first, unchanged, so links and defaults keep working; then, for every
//! further copy, one new document per real one, in the same order. A new document keeps its
//! model's structure (lines, headings' numbering, targets with their id suffix, kind, theme,
//! indicator, comparator, unit, scope and responsible units), and gets:
//! - a new locality (`places.rs`): a prefecture-level city, or a county or district under a city
//!   (as its model is), in one of the provinces, with an invented name used nowhere else. A city
//!   has at most one document of its own and may have counties with theirs. The data model has no
//!   field for a county's city: the city is named where the real documents name theirs (the title
//!   and issuer of a district, 成都市青白江区人民政府; the text), and the document's note starts
//!   by saying which city and province the county belongs to. The copies of the unnamed city's
//!   report are named cities (`prefecture-level-city`), since every synthetic locality is named;
//! - new wording: every stretch of text not kept below is written anew by a walk through the real
//!   texts of its script (`walk.rs`); the notes (Chinese and English) and the summaries likewise,
//!   through the real notes and summaries;
//! - kept from the model, within each quote: the words before a target's value (the indicator:
//!   毛入园率达到), the value's unit after it, the deadline (到2022年) and the indicator's names;
//!   within each summary: the value with its words and unit, the deadline, the indicator's names;
//! - new numbers: each value is drawn again within ±25 % of the model's (a percentage stays at
//!   most 100), written in its quote in place of the old one, and in the summaries and notes; all
//!   of a document's years (period, dates, deadlines, target and baseline years) move by the same
//!   few years; other numbers in the new wording are drawn at random;
//! - each quote is the new text between the new positions of the model's quote's ends, so it is
//!   verbatim in the new text and states the new value; sections are the new headings.
//!
//! A new document is checked with `validation::validate` alone; one that breaks a rule is drawn
//! again, and after `ATTEMPTS` failures copied from its model with new names only (counted in
//! [`Generated::copied`]; none on the real data). The whole dataset passes `validation::validate`,
//! and the tests check it.
//!
//! [`measure`] says how the published files compress; `dataset generate --report` prints the
//! real and the synthetic ratios.

pub mod measure;
mod places;
mod walk;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use policy_data::format::{format_number, NumberForm};
use policy_data::model::{
    Baseline, Bilingual, Dataset, Document, DocumentEntry, Indicator, Level, Period, Script, Target,
};
use policy_data::numerals::{chinese_digit, chinese_unit, numbers_in};
use policy_data::validation;

use places::{Geography, Locality, PROVINCES};
use walk::{randomise_digits, to_traditional, zh_symbols, Cursor, Walker, CITY, PROVINCE, SELF};

/// How often a walk copies its corpus's next symbol rather than jumping (`walk::Walker`): in the
/// texts and Chinese summaries, in the Chinese notes, in the English notes and summaries. With
/// [`WANDER`], chosen so that the generated files compress like the real ones from 10× to 1,000×
/// (`dataset generate --report` measures it; tests/synthetic.rs checks 10×).
const TEXT_CONTINUATION: f64 = 0.4;
const NOTE_CONTINUATION: f64 = 0.4;
const ENGLISH_CONTINUATION: f64 = 0.4;
/// How often a jump goes anywhere in the corpus rather than after the same symbol.
const WANDER: f64 = 0.25;

/// Characters kept before a target's value in its quote (the indicator: 毛入园率达到), and at most
/// after it (its unit: 万个, %以上).
const BEFORE_VALUE: usize = 6;
const AFTER_VALUE: usize = 4;

/// Years a document's dates may move by, either way (within `validation::YEAR_RANGE`).
const YEAR_SHIFT: i32 = 4;

/// Draws of a document before it is copied with new names only.
const ATTEMPTS: usize = 8;

/// The cities of the real counties and districts (the data model names none): Chinese, English.
const PARENT_CITIES: [(&str, &str, &str); 2] = [("四会", "肇庆", "Zhaoqing"), ("青白江", "成都", "Chengdu")];

/// A generated dataset and the texts of its documents, keyed by document id.
pub struct Generated {
    pub dataset: Dataset,
    pub texts: BTreeMap<String, String>,
    /// Synthetic documents copied from their model with new names only, because every version
    /// drawn broke a validation rule.
    pub copied: usize,
}

/// SplitMix64: a tiny, fixed pseudo-random sequence, so a seed gives the same dataset on every
/// machine and with every crate version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn is_stand_in(c: char) -> bool {
    matches!(c, SELF | CITY | PROVINCE)
}

/// Punctuation that ends a clause.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{ff0c}' | ';' | '\u{ff1b}' | '。' | ':' | '\u{ff1a}' | '!' | '\u{ff01}' | '?' | '\u{ff1f}' | '\n'
    )
}

/// Where the numbers written in ASCII digits are in `chars`, as `numerals::numbers_in` reads
/// them (digits with `.` or `,` between digits): start → end.
fn number_runs(chars: &[char]) -> BTreeMap<usize, usize> {
    let mut runs = BTreeMap::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',') && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())))
            {
                i += 1;
            }
            runs.insert(start, i);
        } else {
            i += 1;
        }
    }
    runs
}

fn parse_number(literal: &str) -> Option<f64> {
    literal.replace(',', "").parse().ok()
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// `literal` scaled by `factor`, with as many decimals; a percentage stays at most 100 and a
/// positive number positive.
fn vary_literal(literal: &str, factor: f64, percent: bool) -> String {
    let Some(old) = parse_number(literal) else {
        return literal.to_string();
    };
    if old == 0.0 {
        return literal.to_string();
    }
    let decimals = literal.split_once('.').map_or(0, |(_, d)| d.len());
    let mut new = old * factor;
    if percent && old <= 100.0 {
        new = new.min(100.0);
    }
    // Rounded by formatting (exact decimal rounding, the same on every machine).
    let text = format!("{new:.decimals$}");
    if parse_number(&text).is_some_and(|n| n > 0.0) {
        text
    } else {
        // The smallest positive number with as many decimals: 1, 0.1, 0.01…
        match decimals {
            0 => "1".to_string(),
            d => format!("0.{}1", "0".repeat(d - 1)),
        }
    }
}

/// A 4-digit year moved by `delta` (a number that is not a year between 2000 and 2040 as it is).
fn shift_year(literal: &str, delta: i32) -> String {
    match literal.parse::<i32>() {
        Ok(year) if literal.len() == 4 && (2000..=2040).contains(&year) => (year + delta).to_string(),
        _ => literal.to_string(),
    }
}

/// Length of a heading's numbering at the start of `chars` (一、 (二) 第三章 4. …), 0 if none.
fn numbering_len(chars: &[char]) -> usize {
    let numeral = |c: &char| chinese_digit(*c).is_some() || *c == '十' || c.is_ascii_digit();
    let count = |from: usize| chars[from.min(chars.len())..].iter().take_while(|c| numeral(c)).count();
    match chars.first() {
        Some('第') => {
            let n = count(1);
            match chars.get(1 + n) {
                Some('章' | '节' | '節' | '条' | '條' | '篇' | '部') if n > 0 => n + 2,
                _ => 0,
            }
        }
        Some('(' | '\u{ff08}') => {
            let n = count(1);
            match chars.get(1 + n) {
                Some(')' | '\u{ff09}') if n > 0 => n + 2,
                _ => 0,
            }
        }
        Some(c) if numeral(c) => {
            let n = count(0);
            match chars.get(n) {
                Some('、' | '.' | '\u{ff0e}') => n + 1,
                _ => 0,
            }
        }
        _ => 0,
    }
}

/// The year part of a document id (`panjin-2019` → `2019`), or the plan's first year.
fn id_year(document: &Document) -> String {
    document
        .id
        .rsplit_once('-')
        .map(|(_, year)| year)
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .unwrap_or_else(|| document.period.start.to_string())
}

/// Names written in the real documents, each with the stand-in that replaces it everywhere in the
/// material: localities (both scripts, English), their cities and provinces; longest first.
fn real_names(base: &Dataset, traditional: &HashMap<char, char>) -> Vec<(String, char)> {
    let mut names: Vec<(String, char)> = Vec::new();
    for entry in &base.documents {
        let doc = &entry.document;
        if doc.level == Level::Unnamed {
            continue;
        }
        let mut add = |zh: &str, en: &str, stand_in: char| {
            for name in [zh.to_string(), to_traditional(zh, traditional), en.to_string()] {
                if !name.trim().is_empty() && !names.iter().any(|(n, _)| *n == name) {
                    names.push((name, stand_in));
                }
            }
        };
        add(&doc.locality.zh, &doc.locality.en, SELF);
        add(&doc.province.zh, &doc.province.en, PROVINCE);
        for (county, city, city_en) in PARENT_CITIES {
            if doc.locality.zh == county {
                add(city, city_en, CITY);
            }
        }
    }
    // Longest first, so that a name inside a longer one is not replaced first.
    let mut ordered = Vec::with_capacity(names.len());
    while let Some(i) = (0..names.len()).max_by_key(|i| (names[*i].0.chars().count(), usize::MAX - i)) {
        ordered.push(names.remove(i));
    }
    ordered
}

fn stand_ins(text: &str, names: &[(String, char)]) -> String {
    let mut out = text.to_string();
    for (name, stand_in) in names {
        if out.contains(name.as_str()) {
            out = out.replace(name.as_str(), &stand_in.to_string());
        }
    }
    out
}

/// The new document's names, and how it writes them.
struct Names {
    place: [String; 3],
    place_en: [String; 3],
    /// The province in Traditional script, for a Traditional text.
    province_traditional: String,
    traditional: bool,
}

impl Names {
    fn new(locality: &Locality, traditional: bool, map: &HashMap<char, char>) -> Self {
        let (province, province_en) = PROVINCES[locality.province];
        Names {
            place: [
                locality.place.zh.clone(),
                locality.city.zh.clone(),
                province.to_string(),
            ],
            place_en: [
                locality.place.en.clone(),
                locality.city.en.clone(),
                province_en.to_string(),
            ],
            province_traditional: to_traditional(province, map),
            traditional,
        }
    }

    fn zh(&self, stand_in: char) -> &str {
        match stand_in {
            SELF => &self.place[0],
            CITY => &self.place[1],
            _ if self.traditional => &self.province_traditional,
            _ => &self.place[2],
        }
    }

    fn en(&self, stand_in: char) -> &str {
        match stand_in {
            SELF => &self.place_en[0],
            CITY => &self.place_en[1],
            _ => &self.place_en[2],
        }
    }

    fn push_zh(&self, c: char, out: &mut String) {
        if is_stand_in(c) {
            out.push_str(self.zh(c));
        } else {
            out.push(c);
        }
    }

    fn push_en(&self, word: &str, out: &mut String) {
        for c in word.chars() {
            if is_stand_in(c) {
                out.push_str(self.en(c));
            } else {
                out.push(c);
            }
        }
    }
}

/// How a document's numbers change: years move by `delta`; values' literals are replaced.
struct Numbers {
    delta: i32,
    literals: HashMap<String, String>,
}

impl Numbers {
    /// A number of a kept passage, as the new document writes it.
    fn literal(&self, old: &str) -> String {
        match self.literals.get(old) {
            Some(new) => new.clone(),
            None => shift_year(old, self.delta),
        }
    }

    /// `text` with its names and numbers as the new document writes them, otherwise unchanged.
    fn fixed(&self, text: &str, names: &Names, english: bool) -> String {
        let chars: Vec<char> = text.chars().collect();
        let runs = number_runs(&chars);
        let mut out = String::with_capacity(text.len() + 8);
        let mut i = 0;
        while i < chars.len() {
            if let Some(&end) = runs.get(&i) {
                out.push_str(&self.literal(&chars[i..end].iter().collect::<String>()));
                i = end;
                continue;
            }
            if is_stand_in(chars[i]) {
                out.push_str(if english {
                    names.en(chars[i])
                } else {
                    names.zh(chars[i])
                });
            } else {
                out.push(chars[i]);
            }
            i += 1;
        }
        out
    }
}

/// Where a section heading of a target is: a passage of the text, or a heading written otherwise
/// (whose new form is drawn once per document).
enum SectionPart {
    Found(usize, usize),
    Elsewhere(String),
}

/// A value or baseline written in ASCII digits in the quote: the number's start in the text, and
/// what the value is that number times (1, or 10⁴ after 万, 10⁸ after 亿).
#[derive(Clone, Copy)]
struct Written {
    run: usize,
    multiplier: f64,
}

struct TargetPlan {
    quote: (usize, usize),
    sections: Vec<SectionPart>,
    value: Option<Written>,
    baseline: Option<Written>,
}

/// What a real document's copies share: its text with stand-ins for the names, which characters
/// are kept (newlines, names, numbering, and around values and deadlines in quotes), the pieces
/// the text is cut into (every quote and heading starts and ends on a cut), and where each
/// target's quote, headings and value are.
struct Template<'a> {
    entry: &'a DocumentEntry,
    chars: Vec<char>,
    keep: Vec<bool>,
    pieces: Vec<(usize, usize)>,
    runs: BTreeMap<usize, usize>,
    /// `None` when a quote is not found in the text with stand-ins (the copies are then copies).
    targets: Option<Vec<TargetPlan>>,
    years: (i32, i32),
    /// The model's own text (for a copy with new names only).
    text: Option<&'a String>,
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

impl<'a> Template<'a> {
    fn new(
        entry: &'a DocumentEntry,
        text: Option<&'a String>,
        names: &[(String, char)],
        base: &Dataset,
        traditional: &HashMap<char, char>,
    ) -> Self {
        let doc = &entry.document;
        let script = doc.script;
        let prepared = text.map(|t| stand_ins(t, names)).unwrap_or_default();
        let chars: Vec<char> = prepared.chars().collect();
        let runs = number_runs(&chars);
        let mut keep: Vec<bool> = chars.iter().map(|c| *c == '\n' || is_stand_in(*c)).collect();
        let mut cuts = BTreeSet::from([0, chars.len()]);
        let mut line_start = 0;
        for (i, c) in chars.iter().enumerate() {
            if i == line_start {
                let n = numbering_len(&chars[i..]);
                keep[i..i + n].iter_mut().for_each(|k| *k = true);
            }
            if *c == '\n' {
                line_start = i + 1;
            }
        }
        let mut targets = Some(Vec::new());
        for target in &entry.targets {
            let quote = stand_ins(&target.quote, names);
            let Some(at) = text.and_then(|_| prepared.find(&quote)) else {
                targets = None;
                break;
            };
            let (qs, qe) = (char_index(&prepared, at), char_index(&prepared, at + quote.len()));
            cuts.extend([qs, qe]);
            let mut keep_span = |from: usize, to: usize| {
                let (from, to) = (from.max(qs), to.min(qe));
                if from < to {
                    keep[from..to].iter_mut().for_each(|k| *k = true);
                }
            };
            // The unit after a number, up to the end of its clause.
            let after = |end: usize| {
                chars[end..qe]
                    .iter()
                    .take(AFTER_VALUE)
                    .take_while(|c| !ends_clause(**c) && !c.is_ascii_digit() && **c != '、')
                    .count()
            };
            let written = |value: f64, not: Option<usize>| {
                runs.range(qs..qe).find_map(|(&start, &end)| {
                    let number = parse_number(&chars[start..end].iter().collect::<String>())?;
                    let multiplier = match chars.get(end) {
                        _ if same_number(number, value) => 1.0,
                        Some('万' | '萬') if same_number(number * 1e4, value) => 1e4,
                        Some('亿' | '億') if same_number(number * 1e8, value) => 1e8,
                        _ => return None,
                    };
                    (end <= qe && Some(start) != not).then_some(Written { run: start, multiplier })
                })
            };
            let value = target.value.and_then(|v| written(v, None));
            let baseline = target.baseline.and_then(|b| written(b.value, value.map(|w| w.run)));
            for w in value.iter().chain(baseline.iter()) {
                let end = runs[&w.run];
                let before = if Some(w.run) == value.map(|v| v.run) {
                    BEFORE_VALUE
                } else {
                    0
                };
                keep_span(w.run.saturating_sub(before), end + after(end));
            }
            if let (Some(v), None) = (target.value, value) {
                // A value in Chinese numerals: its run of numerals, kept as it is.
                let mut kept = false;
                let mut i = qs;
                while i < qe {
                    let numeral = |c: char| chinese_digit(c).is_some() || chinese_unit(c).is_some();
                    if numeral(chars[i]) {
                        let start = i;
                        while i < qe && numeral(chars[i]) {
                            i += 1;
                        }
                        let run: String = chars[start..i].iter().collect();
                        if numbers_in(&run).iter().any(|n| same_number(*n, v)) {
                            keep_span(start.saturating_sub(BEFORE_VALUE), i + after(i));
                            kept = true;
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                if !kept && !target.garbled {
                    keep_span(qs, qe);
                }
            }
            let mut phrases: Vec<String> = target.deadline_text.iter().map(|d| stand_ins(d, names)).collect();
            if let Some(indicator) = base.indicators.iter().find(|i| i.id == target.indicator) {
                for phrase in std::iter::once(&indicator.name.zh).chain(&indicator.aliases) {
                    phrases.push(match script {
                        Script::Traditional => to_traditional(phrase, traditional),
                        Script::Simplified => phrase.clone(),
                    });
                }
            }
            for phrase in phrases.iter().filter(|p| !p.is_empty()) {
                for (at, _) in quote.match_indices(phrase.as_str()) {
                    let start = qs + char_index(&quote, at);
                    keep_span(start, start + phrase.chars().count());
                }
            }
            let sections = target
                .section
                .split(" / ")
                .map(|part| {
                    let part = stand_ins(part, names);
                    let found: Vec<usize> = prepared.match_indices(&part).map(|(i, _)| i).collect();
                    match found.iter().rev().find(|i| **i <= at).or(found.first()) {
                        Some(&i) if !part.is_empty() => {
                            let (s, e) = (char_index(&prepared, i), char_index(&prepared, i + part.len()));
                            cuts.extend([s, e]);
                            SectionPart::Found(s, e)
                        }
                        _ => SectionPart::Elsewhere(part),
                    }
                })
                .collect();
            if let Some(plans) = &mut targets {
                plans.push(TargetPlan {
                    quote: (qs, qe),
                    sections,
                    value,
                    baseline,
                });
            }
        }
        // A number is kept whole or written anew whole.
        for (&start, &end) in &runs {
            if keep[start..end].iter().any(|k| *k) {
                keep[start..end].iter_mut().for_each(|k| *k = true);
            }
        }
        for i in 1..chars.len() {
            if keep[i] != keep[i - 1] || chars[i - 1] == '\n' || chars[i] == '\n' {
                cuts.insert(i);
            }
        }
        let cuts: Vec<usize> = cuts.into_iter().collect();
        let pieces = cuts.windows(2).map(|w| (w[0], w[1])).filter(|(s, e)| s < e).collect();
        Template {
            entry,
            chars,
            keep,
            pieces,
            runs,
            targets,
            years: year_shifts(entry),
            text,
        }
    }
}

/// The shifts of the years of `entry` that keep them all within `validation::YEAR_RANGE`.
fn year_shifts(entry: &DocumentEntry) -> (i32, i32) {
    let doc = &entry.document;
    let date_year = |d: &Option<String>| d.as_ref().and_then(|d| d.get(..4)?.parse::<u16>().ok());
    let years = [
        Some(doc.period.start),
        Some(doc.period.end),
        date_year(&doc.issued),
        date_year(&doc.published),
    ]
    .into_iter()
    .chain(
        entry
            .targets
            .iter()
            .flat_map(|t| [t.target_year, t.baseline.and_then(|b| b.year)]),
    )
    .flatten();
    let (low, high) = (
        *validation::YEAR_RANGE.start() as i32,
        *validation::YEAR_RANGE.end() as i32,
    );
    let (mut from, mut to) = (-YEAR_SHIFT, YEAR_SHIFT);
    for year in years {
        from = from.max(low - i32::from(year));
        to = to.min(high - i32::from(year));
    }
    if from > to {
        (0, 0)
    } else {
        (from, to)
    }
}

/// One new document.
struct Made {
    entry: DocumentEntry,
    text: Option<String>,
    copied: bool,
}

/// The real documents as material: the templates, the walks' corpora and what validation needs.
struct Material<'a> {
    templates: Vec<Template<'a>>,
    names: Vec<(String, char)>,
    traditional: HashMap<char, char>,
    text: Walker<String>,
    traditional_text: Walker<String>,
    notes: Walker<String>,
    english: Walker<String>,
    indicators: HashMap<&'a str, &'a Indicator>,
}

impl<'a> Material<'a> {
    fn new(base: &'a Dataset, texts: &'a BTreeMap<String, String>) -> Self {
        let traditional_texts: String = base
            .documents
            .iter()
            .filter(|e| e.document.script == Script::Traditional)
            .filter_map(|e| texts.get(&e.document.id).map(String::as_str))
            .collect();
        let traditional = walk::traditional_forms(&traditional_texts);
        let names = real_names(base, &traditional);
        let lines = |script: Script| -> Vec<String> {
            base.documents
                .iter()
                .filter(|e| e.document.script == script)
                .filter_map(|e| texts.get(&e.document.id))
                .flat_map(|t| stand_ins(t, &names).lines().map(str::to_string).collect::<Vec<_>>())
                .collect()
        };
        let simplified_lines = lines(Script::Simplified);
        // The Traditional texts walk through the real Traditional text alone: a conversion of the
        // Simplified ones would need a dictionary (一简多繁) that this crate does not have.
        let traditional_lines = lines(Script::Traditional);
        let notes_zh: Vec<String> = base
            .documents
            .iter()
            .flat_map(|e| {
                e.document
                    .note
                    .iter()
                    .chain(e.targets.iter().filter_map(|t| t.note.as_ref()))
            })
            .map(|n| stand_ins(&n.zh, &names))
            .collect();
        let english: Vec<String> = base
            .documents
            .iter()
            .flat_map(|e| {
                e.document
                    .note
                    .iter()
                    .chain(e.targets.iter().flat_map(|t| t.note.iter().chain([&t.summary])))
            })
            .map(|b| stand_ins(&b.en, &names))
            // The catalogue's English too: more words to walk through.
            .chain(
                base.indicators
                    .iter()
                    .flat_map(|i| [i.name.en.clone(), i.definition.clone()]),
            )
            .collect();
        let templates = base
            .documents
            .iter()
            .map(|e| Template::new(e, texts.get(&e.document.id), &names, base, &traditional))
            .collect();
        Material {
            templates,
            text: Walker::new(
                simplified_lines.iter().map(|l| zh_symbols(l)),
                TEXT_CONTINUATION,
                WANDER,
            ),
            traditional_text: Walker::new(
                traditional_lines.iter().map(|l| zh_symbols(l)),
                TEXT_CONTINUATION,
                WANDER,
            ),
            notes: Walker::new(notes_zh.iter().map(|n| zh_symbols(n)), NOTE_CONTINUATION, WANDER),
            english: Walker::new(
                english
                    .iter()
                    .map(|e| e.split(' ').map(str::to_string).collect::<Vec<_>>()),
                ENGLISH_CONTINUATION,
                WANDER,
            ),
            names,
            traditional,
            indicators: base.indicators.iter().map(|i| (i.id.as_str(), i)).collect(),
        }
    }

    /// `pp` (with stand-ins) written anew by `walker`, keeping names, numbers (as `numbers` writes
    /// them), spaces, a heading's numbering and `phrases`.
    fn rewrite_zh(
        &self,
        pp: &str,
        walker: &Walker<String>,
        names: &Names,
        numbers: &Numbers,
        phrases: &[&str],
        rng: &mut Rng,
    ) -> String {
        let chars: Vec<char> = pp.chars().collect();
        let runs = number_runs(&chars);
        let mut keep: Vec<bool> = chars.iter().map(|c| is_stand_in(*c) || c.is_whitespace()).collect();
        keep[..numbering_len(&chars)].iter_mut().for_each(|k| *k = true);
        for phrase in phrases.iter().filter(|p| !p.is_empty()) {
            for (at, _) in pp.match_indices(phrase) {
                let start = char_index(pp, at);
                keep[start..start + phrase.chars().count()]
                    .iter_mut()
                    .for_each(|k| *k = true);
            }
        }
        // A value's words and unit, as in the quotes (掌握至少2项).
        for (&start, &end) in &runs {
            if numbers
                .literals
                .contains_key(&chars[start..end].iter().collect::<String>())
            {
                let unit = chars[end..]
                    .iter()
                    .take(AFTER_VALUE)
                    .take_while(|c| !ends_clause(**c) && !c.is_ascii_digit() && **c != '、')
                    .count();
                let before = chars[..start]
                    .iter()
                    .rev()
                    .take(BEFORE_VALUE)
                    .take_while(|c| !ends_clause(**c))
                    .count();
                keep[start - before..end + unit].iter_mut().for_each(|k| *k = true);
            }
        }
        let mut out = String::with_capacity(pp.len() + 8);
        let mut cursor = Cursor::new();
        let mut i = 0;
        while i < chars.len() {
            if let Some(&end) = runs.get(&i) {
                out.push_str(&numbers.literal(&chars[i..end].iter().collect::<String>()));
                i = end;
                walker.resume(&mut cursor, Some(&chars[i - 1].to_string()));
            } else if keep[i] {
                names.push_zh(chars[i], &mut out);
                i += 1;
                walker.resume(&mut cursor, Some(&chars[i - 1].to_string()));
            } else {
                let start = out.len();
                while i < chars.len() && !keep[i] && !runs.contains_key(&i) {
                    match walker.step(&mut cursor, rng) {
                        Some(new) => new.chars().for_each(|c| names.push_zh(c, &mut out)),
                        None => out.push(chars[i]),
                    }
                    i += 1;
                }
                if out[start..].bytes().any(|b| b.is_ascii_digit()) {
                    let fresh = randomise_digits(&out[start..], rng);
                    out.truncate(start);
                    out.push_str(&fresh);
                }
            }
        }
        out
    }

    /// English `pp` written anew word by word, keeping words with names or numbers.
    fn rewrite_en(&self, pp: &str, names: &Names, numbers: &Numbers, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(pp.len() + 8);
        let mut cursor = Cursor::new();
        for (i, word) in pp.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if word.is_empty() || word.chars().any(|c| is_stand_in(c) || c.is_ascii_digit()) {
                out.push_str(&numbers.fixed(word, names, true));
                self.english.resume(&mut cursor, Some(&word.to_string()));
                continue;
            }
            match self.english.step(&mut cursor, rng) {
                Some(new) if new.bytes().any(|b| b.is_ascii_digit()) => {
                    let mut fresh = String::new();
                    names.push_en(new, &mut fresh);
                    out.push_str(&randomise_digits(&fresh, rng));
                }
                Some(new) => names.push_en(new, &mut out),
                None => out.push_str(word),
            }
        }
        out
    }

    /// A new document modelled on the `at`th real one; `scratch` holds the catalogue alone, to
    /// validate one document at a time.
    fn document(&self, at: usize, geography: &mut Geography, rng: &mut Rng, scratch: &mut Dataset) -> Made {
        let template = &self.templates[at];
        let doc = &template.entry.document;
        let locality = match doc.level {
            Level::District | Level::CountyLevelCity => geography.new_county(rng),
            Level::PrefectureLevelCity | Level::Unnamed => geography.new_city(rng),
        };
        let names = Names::new(&locality, doc.script == Script::Traditional, &self.traditional);
        let (from, to) = template.years;
        let delta = from + rng.below((to - from + 1) as usize) as i32;
        let id = geography.document_id(&locality.place.stem, &shift_year(&id_year(doc), delta));
        if let (Some(plans), Some(_)) = (&template.targets, template.text) {
            for _ in 0..ATTEMPTS {
                let (entry, text) = self.draw(template, plans, &locality, &names, &id, delta, rng);
                if let Some((entry, text)) = validated(scratch, entry, text) {
                    return Made {
                        entry,
                        text: Some(text),
                        copied: false,
                    };
                }
            }
        }
        // Every draw broke a rule (or the model's quotes could not be placed): the model with new
        // names and ids, its text and targets otherwise unchanged.
        let numbers = Numbers {
            delta: 0,
            literals: HashMap::new(),
        };
        let document = self.metadata(template, &locality, &names, &numbers, &id, None);
        let targets = template
            .entry
            .targets
            .iter()
            .map(|t| Target {
                id: target_id(t, doc, &id),
                ..t.clone()
            })
            .collect();
        Made {
            entry: DocumentEntry { document, targets },
            text: template.text.cloned(),
            copied: true,
        }
    }

    /// One draw of a new document: its text and its targets, with its metadata.
    #[allow(clippy::too_many_arguments)]
    fn draw(
        &self,
        template: &Template,
        plans: &[TargetPlan],
        locality: &Locality,
        names: &Names,
        id: &str,
        delta: i32,
        rng: &mut Rng,
    ) -> (DocumentEntry, String) {
        let model = template.entry;
        let indicators = &self.indicators;
        let literal = |run: usize| -> String { template.chars[run..template.runs[&run]].iter().collect() };
        // The new values, one per number however many targets read it.
        let mut literals: HashMap<usize, String> = HashMap::new();
        for (target, plan) in model.targets.iter().zip(plans) {
            let factor = 0.75 + 0.5 * rng.unit();
            let percent = target.unit.as_deref() == Some("%");
            for w in plan.value.iter().chain(plan.baseline.iter()) {
                literals
                    .entry(w.run)
                    .or_insert_with(|| vary_literal(&literal(w.run), factor, percent));
            }
        }
        let walker = if names.traditional {
            &self.traditional_text
        } else {
            &self.text
        };
        let chars = &template.chars;
        let mut out = String::with_capacity(chars.len() * 3 + 64);
        let mut at = vec![usize::MAX; chars.len() + 1];
        let mut cursor = Cursor::new();
        let mut skip_to = 0;
        for &(s, e) in &template.pieces {
            at[s] = out.len();
            if template.keep[s] {
                for (i, c) in chars.iter().enumerate().take(e).skip(s) {
                    if i < skip_to {
                        continue;
                    }
                    match template.runs.get(&i) {
                        Some(&end) => {
                            let new = literals
                                .get(&i)
                                .cloned()
                                .unwrap_or_else(|| shift_year(&literal(i), delta));
                            out.push_str(&new);
                            skip_to = end;
                        }
                        None => names.push_zh(*c, &mut out),
                    }
                }
                walker.resume(
                    &mut cursor,
                    Some(chars[e - 1].to_string()).filter(|c| c != "\n").as_ref(),
                );
            } else {
                let start = out.len();
                for c in &chars[s..e] {
                    match walker.step(&mut cursor, rng) {
                        Some(new) => new.chars().for_each(|c| names.push_zh(c, &mut out)),
                        None => out.push(*c),
                    }
                }
                if out[start..].bytes().any(|b| b.is_ascii_digit()) {
                    let fresh = randomise_digits(&out[start..], rng);
                    out.truncate(start);
                    out.push_str(&fresh);
                }
            }
        }
        at[chars.len()] = out.len();
        let slice = |s: usize, e: usize| out[at[s]..at[e]].to_string();

        let shift = |year: u16| (i32::from(year) + delta) as u16;
        let mut headings: HashMap<&str, String> = HashMap::new();
        let mut targets = Vec::with_capacity(model.targets.len());
        for (t, plan) in model.targets.iter().zip(plans) {
            let quote = slice(plan.quote.0, plan.quote.1);
            let mut section = Vec::with_capacity(plan.sections.len());
            for part in &plan.sections {
                section.push(match part {
                    SectionPart::Found(s, e) => slice(*s, *e),
                    SectionPart::Elsewhere(pp) => {
                        if !headings.contains_key(pp.as_str()) {
                            let numbers = Numbers {
                                delta,
                                literals: HashMap::new(),
                            };
                            let new = self.rewrite_zh(pp, walker, names, &numbers, &[], rng);
                            headings.insert(pp, new);
                        }
                        headings[pp.as_str()].clone()
                    }
                });
            }
            let new_number = |w: Option<Written>| {
                w.and_then(|w| {
                    Some((
                        literals.get(&w.run)?,
                        parse_number(literals.get(&w.run)?)? * w.multiplier,
                    ))
                })
            };
            let value = new_number(plan.value);
            let baseline = new_number(plan.baseline);
            // The old numbers as the notes and summaries write them, and the new ones.
            let mut numbers = Numbers {
                delta,
                literals: HashMap::new(),
            };
            for (w, old) in [(plan.value, t.value), (plan.baseline, t.baseline.map(|b| b.value))] {
                if let (Some(w), Some(old), Some((new_literal, new))) = (w, old, new_number(w)) {
                    numbers.literals.insert(literal(w.run), new_literal.clone());
                    for form in [NumberForm::Exact, NumberForm::Grouped] {
                        numbers
                            .literals
                            .entry(format_number(old, form))
                            .or_insert_with(|| format_number(new, form));
                    }
                }
            }
            let deadline_text = t
                .deadline_text
                .as_ref()
                .map(|d| numbers.fixed(&stand_ins(d, &self.names), names, false));
            // The model's summary written anew around its facts: names, numbers (the new value),
            // the deadline and the indicator's names.
            let mut facts: Vec<&str> = t.deadline_text.iter().map(String::as_str).collect();
            if let Some(indicator) = indicators.get(t.indicator.as_str()) {
                facts.push(&indicator.name.zh);
                facts.extend(indicator.aliases.iter().map(String::as_str));
            }
            let summary_zh = self.rewrite_zh(
                &stand_ins(&t.summary.zh, &self.names),
                &self.text,
                names,
                &numbers,
                &facts,
                rng,
            );
            let summary = Bilingual {
                zh: summary_zh,
                en: self.rewrite_en(&stand_ins(&t.summary.en, &self.names), names, &numbers, rng),
            };
            let note = t.note.as_ref().map(|n| Bilingual {
                zh: self.rewrite_zh(&stand_ins(&n.zh, &self.names), &self.notes, names, &numbers, &[], rng),
                en: self.rewrite_en(&stand_ins(&n.en, &self.names), names, &numbers, rng),
            });
            let fixed = |s: &str, english: bool| numbers.fixed(&stand_ins(s, &self.names), names, english);
            targets.push(Target {
                id: target_id(t, &model.document, id),
                value: value.map(|(_, v)| v).or(t.value),
                baseline: t.baseline.map(|b| Baseline {
                    value: baseline.map_or(b.value, |(_, v)| v),
                    year: b.year.map(shift),
                }),
                target_year: t.target_year.map(shift),
                deadline_text,
                scope: t.scope.as_ref().map(|s| Bilingual {
                    zh: fixed(&s.zh, false),
                    en: fixed(&s.en, true),
                }),
                responsible: t.responsible.iter().map(|r| fixed(r, false)).collect(),
                section: section.join(" / "),
                quote,
                summary,
                note,
                ..t.clone()
            });
        }
        let numbers = Numbers {
            delta,
            literals: HashMap::new(),
        };
        let document = self.metadata(template, locality, names, &numbers, id, Some(rng));
        (DocumentEntry { document, targets }, out)
    }

    /// The new document's metadata; its note is written anew when `rng` is given, else only renamed.
    fn metadata(
        &self,
        template: &Template,
        locality: &Locality,
        names: &Names,
        numbers: &Numbers,
        id: &str,
        rng: Option<&mut Rng>,
    ) -> Document {
        let doc = &template.entry.document;
        let fixed = |s: &str, english: bool| numbers.fixed(&stand_ins(s, &self.names), names, english);
        let delta = numbers.delta;
        let date = |d: &Option<String>| {
            d.as_ref().map(|d| match (d.get(..4), d.get(4..)) {
                (Some(year), Some(rest)) => format!("{}{rest}", shift_year(year, delta)),
                _ => d.clone(),
            })
        };
        let shift = |year: u16| (i32::from(year) + delta) as u16;
        let (province, province_en) = PROVINCES[locality.province];
        let mut rng = rng;
        let serial = rng.as_deref_mut().map(|rng| 1 + rng.below(199));
        let note = doc.note.as_ref().map(|n| match rng {
            Some(rng) => Bilingual {
                zh: self.rewrite_zh(&stand_ins(&n.zh, &self.names), &self.notes, names, numbers, &[], rng),
                en: self.rewrite_en(&stand_ins(&n.en, &self.names), names, numbers, rng),
            },
            None => Bilingual {
                zh: fixed(&n.zh, false),
                en: fixed(&n.en, true),
            },
        });
        let doc_number = doc.doc_number.as_ref().map(|number| {
            // 盘政办发〔2019〕24号: the locality's first character, the year, a serial number.
            let mut chars: Vec<char> = fixed(number, false).chars().collect();
            let old_first = |name: &str| name.chars().next();
            let traditional_name = to_traditional(&doc.locality.zh, &self.traditional);
            if chars.first().copied() == old_first(&doc.locality.zh)
                || chars.first().copied() == old_first(&traditional_name)
            {
                if let Some(first) = old_first(&names.place[0]) {
                    chars[0] = first;
                }
            }
            let text: String = chars.iter().collect();
            match serial {
                Some(serial) => {
                    let runs = number_runs(&chars);
                    match runs.iter().next_back() {
                        Some((&s, &e)) if e - s < 4 => {
                            format!(
                                "{}{serial}{}",
                                chars[..s].iter().collect::<String>(),
                                chars[e..].iter().collect::<String>()
                            )
                        }
                        _ => text,
                    }
                }
                None => text,
            }
        });
        let (level, title) = match doc.level {
            Level::Unnamed => (
                Level::PrefectureLevelCity,
                format!("{}市{}", names.place[0], fixed(&doc.title, false)),
            ),
            level => (level, fixed(&doc.title, false)),
        };
        // The model has no field for a county's city: the note names it first.
        let [place, city, _] = &names.place;
        let [place_en, city_en, _] = &names.place_en;
        let placement = match doc.level {
            Level::District => Some(Bilingual {
                zh: format!("{place}区是{province}省{city}市的市辖区。"),
                en: format!("{place_en} is a district of {city_en}, {province_en}."),
            }),
            Level::CountyLevelCity => Some(Bilingual {
                zh: format!("{place}市是{province}省{city}市代管的县级市。"),
                en: format!("{place_en} is a county-level city administered by {city_en}, {province_en}."),
            }),
            Level::PrefectureLevelCity | Level::Unnamed => None,
        };
        let note = match (placement, note) {
            (Some(p), Some(n)) => Some(Bilingual {
                zh: p.zh + &n.zh,
                en: format!("{} {}", p.en, n.en),
            }),
            (p, n) => p.or(n),
        };
        Document {
            id: id.to_string(),
            locality: Bilingual {
                zh: locality.place.zh.clone(),
                en: locality.place.en.clone(),
            },
            province: Bilingual {
                zh: province.to_string(),
                en: province_en.to_string(),
            },
            level,
            title,
            doc_number,
            issuer: fixed(&doc.issuer, false),
            issued: date(&doc.issued),
            published: date(&doc.published),
            period: Period {
                start: shift(doc.period.start),
                end: shift(doc.period.end),
            },
            genre: doc.genre.clone(),
            script: doc.script,
            source: format!("data/sources/{id}.txt"),
            note,
        }
    }
}

/// A target's id moved to the new document's id.
fn target_id(target: &Target, model: &Document, id: &str) -> String {
    match target.id.strip_prefix(model.id.as_str()) {
        Some(rest) => format!("{id}{rest}"),
        None => format!("{id}-{}", target.id),
    }
}

/// `entry` and `text` back when they pass validation alone (with the catalogue of `scratch`).
fn validated(scratch: &mut Dataset, entry: DocumentEntry, text: String) -> Option<(DocumentEntry, String)> {
    let id = entry.document.id.clone();
    let mut texts = BTreeMap::from([(id.clone(), text)]);
    scratch.documents.push(entry);
    let valid = validation::validate(scratch, &texts).is_empty();
    let entry = scratch.documents.pop().expect("pushed above");
    let text = texts.remove(&id).expect("inserted above");
    valid.then_some((entry, text))
}

/// A dataset `scale` times larger than `base` (at least 1×), deterministic for a given `seed`:
/// the real documents, then `scale - 1` new documents modelled on each, in the same order.
/// Documents without a text in `texts` are copied, with new names, without one.
pub fn generate(base: &Dataset, texts: &BTreeMap<String, String>, scale: usize, seed: u64) -> Generated {
    let scale = scale.max(1);
    let mut documents = base.documents.clone();
    let mut out_texts = texts.clone();
    let mut copied = 0;
    if scale > 1 {
        let material = Material::new(base, texts);
        let mut scratch = Dataset {
            version: base.version.clone(),
            themes: base.themes.clone(),
            indicators: base.indicators.clone(),
            documents: Vec::new(),
        };
        let mut rng = Rng(seed);
        let taken = base
            .documents
            .iter()
            .map(|e| e.document.locality.zh.clone())
            .chain(PARENT_CITIES.iter().map(|(_, city, _)| city.to_string()));
        let ids = base.documents.iter().map(|e| e.document.id.clone());
        let mut geography = Geography::new(&mut rng, taken, ids);
        documents.reserve(base.documents.len() * (scale - 1));
        for _copy in 1..scale {
            for at in 0..material.templates.len() {
                let made = material.document(at, &mut geography, &mut rng, &mut scratch);
                copied += usize::from(made.copied);
                if let Some(text) = made.text {
                    out_texts.insert(made.entry.document.id.clone(), text);
                }
                documents.push(made.entry);
            }
        }
    }
    Generated {
        dataset: Dataset {
            version: format!("{}+synthetic-x{scale}-seed{seed}", base.version),
            themes: base.themes.clone(),
            indicators: base.indicators.clone(),
            documents,
        },
        texts: out_texts,
        copied,
    }
}

/// The generated dataset as the published files that grow with it: `document-list.json`,
/// `targets.json` and `texts.json` (home's `index.json` has a bounded size, see [`write_published`]).
pub fn published_files(generated: &Generated) -> Vec<(&'static str, String)> {
    vec![
        (
            "document-list.json",
            policy_data::summary::index_json(&policy_analysis::summary::index_of(&generated.dataset)),
        ),
        ("targets.json", policy_data::export::dataset_json(&generated.dataset)),
        (
            "texts.json",
            serde_json::to_string(&generated.texts).expect("a map of strings serialises"),
        ),
    ]
}

/// Writes [`published_files`] into `dir` (the same bytes), streamed: at 1,000× they are hundreds
/// of megabytes; then home's index (`index.json`) and the split by document (`indicators.json`,
/// `targets/<id>.json`, `texts/<id>.json`).
pub fn write_published(generated: &Generated, dir: &std::path::Path) -> std::io::Result<()> {
    use std::io::Write;
    let create = |name: &str| std::fs::File::create(dir.join(name)).map(std::io::BufWriter::new);
    let mut out = create("document-list.json")?;
    serde_json::to_writer(&mut out, &policy_analysis::summary::index_of(&generated.dataset))?;
    out.flush()?;
    let home = policy_analysis::summary::home_index_of(&generated.dataset);
    std::fs::write(dir.join("index.json"), policy_data::summary::index_json(&home))?;
    let mut out = create("targets.json")?;
    serde_json::to_writer_pretty(&mut out, &generated.dataset)?;
    out.flush()?;
    let mut out = create("texts.json")?;
    serde_json::to_writer(&mut out, &generated.texts)?;
    out.flush()?;
    // The split by document carries the fingerprint of targets.json as written.
    let targets = std::fs::read_to_string(dir.join("targets.json"))?;
    let split =
        policy_data::by_document::published_files(&generated.dataset, &targets).map_err(std::io::Error::other)?;
    let _ = std::fs::remove_dir_all(dir.join("targets"));
    std::fs::create_dir_all(dir.join("targets"))?;
    for (name, content) in split {
        std::fs::write(dir.join(name), content)?;
    }
    let texts = std::fs::read_to_string(dir.join("texts.json"))?;
    let split = policy_data::by_document::text_files(&generated.texts, &texts).map_err(std::io::Error::other)?;
    let _ = std::fs::remove_dir_all(dir.join("texts"));
    std::fs::create_dir_all(dir.join("texts"))?;
    for (name, content) in split {
        std::fs::write(dir.join(name), content)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_values_keep_their_form() {
        assert_eq!(vary_literal("85", 1.1, true), "94");
        assert_eq!(vary_literal("95", 1.2, true), "100", "a percentage stays at most 100");
        assert_eq!(vary_literal("86.49", 0.9, true), "77.84");
        assert_eq!(vary_literal("1,200", 1.0, false), "1200");
        assert_eq!(
            vary_literal("0.2", 0.2, false),
            "0.1",
            "a positive value stays positive"
        );
        assert_eq!(vary_literal("1", 0.8, false), "1");
        assert_eq!(vary_literal("0", 1.2, false), "0");
        assert_eq!(shift_year("2022", 3), "2025");
        assert_eq!(shift_year("300", 3), "300");
    }

    #[test]
    fn headings_numbering() {
        let len = |s: &str| numbering_len(&s.chars().collect::<Vec<_>>());
        assert_eq!(len("一、总体要求"), 2);
        assert_eq!(len("(二)工作目标"), 3);
        assert_eq!(len("\u{ff08}十二\u{ff09}工作"), 4);
        assert_eq!(len("第三章   发展任务"), 3);
        assert_eq!(len("4.发展特色"), 2);
        assert_eq!(len("到2022年"), 0);
        assert_eq!(len("三年行动"), 0);
    }
}
