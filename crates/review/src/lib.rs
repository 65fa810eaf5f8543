//! A visitor's review of the extractor's candidates, the model behind the page "分析一份新文件 /
//! Analyse a document": each proposed target with a decision (open, accepted, rejected) and the
//! fields the visitor may edit (value, comparator, year, indicator, scope), the sentences the
//! visitor added by selecting them, and the document's metadata. `build` turns an accepted review
//! into a dataset file in the published per-document form, which the app opens like any other
//! (`dataset_file::open` checks it with the dataset rules). The extractor proposes, the visitor
//! decides: only accepted items become targets.
//!
//! Pure and native-tested: no web dependency. Fields are kept as typed (text), so a half-typed
//! number is not lost; they are read when the file is built, and what cannot be read is a
//! [`ReviewProblem`] worded in both languages (`problems`). The text comes from `input`, the
//! reader of the file the visitor opens (.txt, .html, .docx), with errors of its own
//! (`input::InputError`) that the page shows as a `ReviewProblem::Input`. Accepting many items at
//! once (by confidence or by section) and undoing it is `bulk`'s. An accepted item whose indicator
//! the extractor read as a new one (a qualifier apart from the catalogue's) is declared in the file
//! as its own indicator, once per name, with the English name the visitor gives (`new_indicator`).
// Unit tests may sort freely; the app sorts through `policy_analysis::ordering` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

mod build;
mod bulk;
mod guessed;
pub mod input;
mod new_indicator;
mod problems;
pub mod romanise;
mod scope_words;

use std::ops::Range;
use std::rc::Rc;

pub use build::build;
pub use bulk::{section_name, BulkAccepted, Level, Picked, Selection};
pub use guessed::Guessed;
pub use problems::ReviewProblem;

use policy_data::format::{format_number, NumberForm};
use policy_data::model::{Comparator, Kind};
use policy_extract::guess;
use policy_extract::{Candidate, Catalogue};

/// What the visitor decided about one item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decision {
    /// Not decided yet: left out of the file.
    #[default]
    Open,
    Accepted,
    Rejected,
}

/// The fields of an item the visitor may change, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Fields {
    pub kind: Option<Kind>,
    /// The value as typed (`92`, `4.5`); empty for none.
    pub value: String,
    pub comparator: Comparator,
    /// The target year as typed; empty for none.
    pub year: String,
    /// An indicator id of the catalogue; empty for none chosen.
    pub indicator: String,
    pub scope_zh: String,
    pub scope_en: String,
    /// A new indicator's Chinese name, while no catalogue indicator is chosen: the one the
    /// extractor read from the sentence, as the visitor may edit it; empty for none.
    pub new_zh: String,
    /// The new indicator's English name, as the visitor types it (the extractor cannot invent it).
    pub new_en: String,
}

impl Fields {
    /// The candidate's reading, as the form shows it; the scope in English too where it is one of
    /// the scope words the extractor reads (`scope_words`).
    fn of(candidate: &Candidate) -> Fields {
        Fields {
            kind: candidate.kind.target(),
            value: candidate
                .value
                .map(|v| format_number(v, NumberForm::Exact))
                .unwrap_or_default(),
            comparator: candidate.comparator,
            year: candidate.target_year.map(|y| y.to_string()).unwrap_or_default(),
            indicator: candidate.indicator.clone().unwrap_or_default(),
            scope_zh: candidate.scope.clone().unwrap_or_default(),
            scope_en: candidate
                .scope
                .as_deref()
                .and_then(scope_words::english)
                .unwrap_or_default()
                .to_string(),
            new_zh: candidate
                .new_indicator
                .clone()
                .filter(|_| candidate.indicator.is_none())
                .unwrap_or_default(),
            new_en: String::new(),
        }
    }
}

/// One proposed target, or a sentence the visitor added.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The quote's byte range in the text.
    pub range: Range<usize>,
    /// The extractor's candidate; `None` for a sentence the visitor added.
    pub candidate: Option<Candidate>,
    pub decision: Decision,
    pub fields: Fields,
}

impl Item {
    /// True when the visitor changed what the extractor read (or added the sentence).
    pub fn edited(&self) -> bool {
        match &self.candidate {
            Some(c) => self.fields != Fields::of(c),
            None => true,
        }
    }

    /// True when the item proposes a new indicator (`new_indicator`'s rule): no catalogue
    /// indicator chosen, and a new one named by the extractor or the visitor.
    pub fn proposes_new(&self) -> bool {
        new_indicator::proposes(self)
    }
}

/// One change to an item's fields.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Value(String),
    Comparator(Comparator),
    Year(String),
    Indicator(String),
    ScopeZh(String),
    ScopeEn(String),
    /// The new indicator's Chinese name.
    NewZh(String),
    /// The new indicator's English name.
    NewEn(String),
}

/// The document's metadata, as typed in the form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub locality_zh: String,
    pub locality_en: String,
    pub title: String,
    /// 文号.
    pub doc_number: String,
    pub issuer: String,
    /// `YYYY-MM-DD`, or empty.
    pub issued: String,
    /// `YYYY-MM-DD`, or empty.
    pub published: String,
    pub period_start: String,
    pub period_end: String,
    /// The fields filled from the text and not changed since, with where each was read.
    pub guessed: Vec<(MetaField, Guessed)>,
}

/// One field of the metadata form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaField {
    LocalityZh,
    LocalityEn,
    Title,
    DocNumber,
    Issuer,
    Issued,
    Published,
    PeriodStart,
    PeriodEnd,
}

impl Metadata {
    /// What the text says about itself: the issuer (top line, title line or signature), the
    /// locality it names and its romanisation, the title, the 文号, the issue date (date line, else
    /// the month the extraction counted from, else the 文号's year, else the title's first year) and
    /// the period (the title's or the text's, else the issue year to the latest proposed year, never
    /// one that ends where it starts): a first guess for the visitor to check, each field marked
    /// with its source in `guessed`.
    pub fn guess(text: &str, issued: Option<(u16, u8)>, candidates: &[Candidate]) -> Metadata {
        let mut meta = Metadata::default();
        let mut put = |field: MetaField, value: String, source: Guessed| {
            if !value.is_empty() {
                *meta.slot(field) = value;
                meta.guessed.push((field, source));
            }
        };
        if let Some((issuer, from)) = guess::issuer_and_source(text) {
            let locality = guess::locality_of(&issuer);
            if let Some(english) = romanise::romanise(&locality) {
                put(MetaField::LocalityEn, english, Guessed::Romanised);
            }
            put(MetaField::LocalityZh, locality, Guessed::IssuerName);
            let source = match from {
                guess::IssuerFrom::Head => Guessed::IssuerLine,
                guess::IssuerFrom::Title => Guessed::TitleWords,
                guess::IssuerFrom::Signature => Guessed::Signature,
            };
            put(MetaField::Issuer, issuer, source);
        }
        let title = guess::title(text);
        if let Some(number) = guess::doc_number(text) {
            put(MetaField::DocNumber, number, Guessed::NumberLine);
        }
        let date = match guess::issue_date_and_source(text, title.as_deref()) {
            Some((date, guess::DateFrom::DateLine)) => Some((date, Guessed::DateLine)),
            found => issued
                .map(|(y, m)| (format!("{y:04}-{m:02}-01"), Guessed::ExtractorMonth))
                .or(found.map(|(date, from)| match from {
                    guess::DateFrom::DocNumberYear => (date, Guessed::NumberYear),
                    _ => (date, Guessed::TitlePeriodStart),
                })),
        };
        let issue_year = date.as_ref().and_then(|(d, _)| d.get(..4)?.parse::<u16>().ok());
        if let Some((date, source)) = date {
            put(MetaField::Issued, date, source);
        }
        let period = match guess::plan_period(text, title.as_deref()) {
            Some((years, guess::PeriodFrom::Title)) => Some((years, Guessed::TitlePeriod)),
            Some((years, guess::PeriodFrom::Text)) => Some((years, Guessed::TextPeriod)),
            None => {
                let last = candidates
                    .iter()
                    .filter(|c| c.kind.is_target())
                    .filter_map(|c| c.target_year)
                    .max();
                match (issue_year, last) {
                    (Some(first), Some(last)) if last > first => Some(((first, last), Guessed::TargetYears)),
                    _ => None,
                }
            }
        };
        if let Some(((first, last), source)) = period {
            put(MetaField::PeriodStart, first.to_string(), source);
            put(MetaField::PeriodEnd, last.to_string(), source);
        }
        if let Some(title) = title {
            put(MetaField::Title, title, Guessed::TitleLine);
        }
        meta
    }

    /// Where the field's value was read, while it is the guess.
    pub fn guessed(&self, field: MetaField) -> Option<Guessed> {
        self.guessed.iter().find(|(f, _)| *f == field).map(|(_, g)| *g)
    }

    /// The field's text.
    pub fn get(&self, field: MetaField) -> &str {
        match field {
            MetaField::LocalityZh => &self.locality_zh,
            MetaField::LocalityEn => &self.locality_en,
            MetaField::Title => &self.title,
            MetaField::DocNumber => &self.doc_number,
            MetaField::Issuer => &self.issuer,
            MetaField::Issued => &self.issued,
            MetaField::Published => &self.published,
            MetaField::PeriodStart => &self.period_start,
            MetaField::PeriodEnd => &self.period_end,
        }
    }

    fn slot(&mut self, field: MetaField) -> &mut String {
        match field {
            MetaField::LocalityZh => &mut self.locality_zh,
            MetaField::LocalityEn => &mut self.locality_en,
            MetaField::Title => &mut self.title,
            MetaField::DocNumber => &mut self.doc_number,
            MetaField::Issuer => &mut self.issuer,
            MetaField::Issued => &mut self.issued,
            MetaField::Published => &mut self.published,
            MetaField::PeriodStart => &mut self.period_start,
            MetaField::PeriodEnd => &mut self.period_end,
        }
    }
}

/// A text under review: its items, the facts the extractor recognised (shown, never proposed),
/// and the metadata.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The text, shared: a review changes with every decision, the text never.
    pub text: Rc<str>,
    /// The issue date the extraction counted from.
    pub issued: Option<(u16, u8)>,
    /// Proposed targets and added sentences, in the text's order.
    pub items: Vec<Item>,
    /// Facts, baselines and actual values the extractor recognised.
    pub others: Vec<Candidate>,
    pub meta: Metadata,
}

impl Review {
    /// A review of `candidates` (an extraction of `text`), every proposed target open.
    pub fn new(text: impl Into<Rc<str>>, issued: Option<(u16, u8)>, candidates: Vec<Candidate>) -> Review {
        let text = text.into();
        let meta = Metadata::guess(&text, issued, &candidates);
        let (proposed, others): (Vec<Candidate>, Vec<Candidate>) =
            candidates.into_iter().partition(|c| c.kind.is_target());
        let items = proposed
            .into_iter()
            .map(|c| Item {
                range: c.range.clone(),
                fields: Fields::of(&c),
                candidate: Some(c),
                decision: Decision::Open,
            })
            .collect();
        Review {
            text,
            issued,
            items,
            others,
            meta,
        }
    }

    /// The same review with item `index` decided.
    pub fn decide(&mut self, index: usize, decision: Decision) {
        if let Some(item) = self.items.get_mut(index) {
            item.decision = decision;
        }
    }

    /// Changes one field of item `index`; an edited item counts as accepted.
    pub fn edit(&mut self, index: usize, edit: Edit) {
        let Some(item) = self.items.get_mut(index) else {
            return;
        };
        let f = &mut item.fields;
        match edit {
            Edit::Value(v) => f.value = v,
            Edit::Comparator(c) => f.comparator = c,
            Edit::Year(y) => f.year = y,
            Edit::Indicator(i) => f.indicator = i,
            Edit::ScopeZh(s) => f.scope_zh = s,
            Edit::ScopeEn(s) => f.scope_en = s,
            Edit::NewZh(s) => f.new_zh = s,
            Edit::NewEn(s) => f.new_en = s,
        }
        item.decision = Decision::Accepted;
    }

    /// Changes one metadata field: a value the visitor typed is no longer a guess.
    pub fn set_meta(&mut self, field: MetaField, value: String) {
        if self.meta.get(field) != value {
            self.meta.guessed.retain(|(f, _)| *f != field);
        }
        *self.meta.slot(field) = value;
    }

    /// Adds the sentence the visitor selected (`range`, bytes of the text; trimmed of white space),
    /// accepted, with what the extractor reads in it alone as its first fields. Returns the new
    /// item's index.
    pub fn add(&mut self, range: Range<usize>, catalogue: &Catalogue) -> Result<usize, ReviewProblem> {
        let text = &*self.text;
        if range.start >= range.end
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return Err(ReviewProblem::SelectionEmpty);
        }
        let selected = &text[range.clone()];
        let start = range.start + (selected.len() - selected.trim_start().len());
        let end = range.start + selected.trim_end().len();
        if start >= end {
            return Err(ReviewProblem::SelectionEmpty);
        }
        if self.items.iter().any(|i| i.range == (start..end)) {
            return Err(ReviewProblem::SelectionListed);
        }
        let quote = &text[start..end];
        let read = policy_extract::extract(quote, self.issued, catalogue)
            .into_iter()
            .find(|c| c.kind.is_target());
        let fields = match &read {
            Some(c) => Fields::of(c),
            None => Fields {
                kind: Some(Kind::Milestone),
                value: String::new(),
                comparator: Comparator::None,
                year: String::new(),
                indicator: String::new(),
                scope_zh: String::new(),
                scope_en: String::new(),
                new_zh: String::new(),
                new_en: String::new(),
            },
        };
        let item = Item {
            range: start..end,
            candidate: None,
            decision: Decision::Accepted,
            fields,
        };
        let at = self.items.partition_point(|i| i.range.start <= start);
        self.items.insert(at, item);
        Ok(at)
    }

    /// How many items the visitor decided, edited or added: the work a new review would replace.
    pub fn work(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.decision != Decision::Open || i.edited())
            .count()
    }

    /// For item `index`, accepted with a new indicator and no English name of its own: the other
    /// item (index) whose English name the shared indicator takes, and that name.
    pub fn english_from(&self, index: usize) -> Option<(usize, &str)> {
        new_indicator::english_from(&self.items, index)
    }

    /// Accepted items, in order.
    pub fn accepted(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.decision == Decision::Accepted)
    }
}

#[cfg(test)]
mod tests;
