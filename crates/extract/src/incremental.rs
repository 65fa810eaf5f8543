//! Extraction in slices: `Extraction::step` reads pieces of the text until it has covered a given
//! number of bytes and returns how far it has got, so a page can read a 2 MB text a slice per frame
//! (or per message in a worker) with a progress bar. The result is the same however the text is
//! sliced: the state between slices (position, open headings, the table being read) is kept here.

use crate::assemble::context::Context;
use crate::assemble::{row, sentence};
use crate::candidate::{Candidate, Progress};
use crate::guess;
use crate::judge::indicators::Catalogue;
use crate::read::deadlines::{heading_year, plan_period};
use crate::read::table::Header;
use crate::signal::Signal;
use crate::text::sections::Sections;
use crate::text::sentences::{starts_with_section_number, SegmentKind, Splitter};
use serde::Serialize;

/// Where the issue date an extraction counts from was read, in this order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuedFrom {
    /// Given by the caller (the document's metadata).
    Given,
    /// The date a notice writes on a line of its own (2019年5月30日), near its top or its end.
    DateLine,
    /// The year of the document number (〔2019〕76号); the month is taken as January.
    DocumentNumber,
    /// The first year of the plan period the title names (“十一五”规划 → 2006, （2024—2026年） →
    /// 2024); the month is taken as January.
    PlanPeriod,
}

/// An extraction under way.
#[derive(Clone, Debug)]
pub struct Extraction {
    text: String,
    issued: Option<(u16, u8)>,
    issued_from: Option<IssuedFrom>,
    splitter: Splitter,
    sections: Sections,
    table: Option<Header>,
    /// The deadline heading the current paragraph, list or table (到2025年，…) and the section path
    /// it was written under: it dates the targets after it until another or a new section.
    heading: Option<(u16, String)>,
    /// The last year of the plan period the title names (十四五 → 2025).
    plan_year: Option<u16>,
    candidates: Vec<Candidate>,
    done: bool,
}

impl Extraction {
    /// Starts an extraction of `text`; `issued` is the document's issue date (year, month), from
    /// which relative deadlines (三年内) are counted and before which a year reports the past.
    /// Without one, it is read from the text (`IssuedFrom`): the date a notice writes on a line of
    /// its own, else the year of its document number, else the first year of its title's plan
    /// period.
    pub fn new(text: impl Into<String>, issued: Option<(u16, u8)>) -> Extraction {
        let text = text.into();
        let done = text.is_empty();
        let (issued, issued_from) = match issued {
            Some(date) => (Some(date), Some(IssuedFrom::Given)),
            None => issue_date(&text),
        };
        let plan_year = plan_period(&text);
        Extraction {
            text,
            issued,
            issued_from,
            splitter: Splitter::new(),
            sections: Sections::default(),
            table: None,
            heading: None,
            plan_year,
            candidates: Vec::new(),
            done,
        }
    }

    /// Reads on for at least `max_bytes` of text (whole pieces: a sentence is never cut), or to
    /// the end.
    pub fn step(&mut self, catalogue: &Catalogue, max_bytes: usize) -> Progress {
        let start = self.splitter.position();
        while !self.done {
            let Some(segment) = self.splitter.next(&self.text) else {
                self.done = true;
                break;
            };
            self.read(catalogue, segment.range, segment.kind, segment.first_in_line);
            if self.splitter.position().saturating_sub(start) >= max_bytes {
                break;
            }
        }
        self.progress()
    }

    /// How far the extraction has got.
    pub fn progress(&self) -> Progress {
        let total = self.text.len();
        Progress {
            done_bytes: if self.done {
                total
            } else {
                self.splitter.position().min(total)
            },
            total_bytes: total,
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The candidates found so far, in the text's order.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    pub fn into_candidates(self) -> Vec<Candidate> {
        self.candidates
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The issue date the extraction counts from: the one given, or the one the text writes (its
    /// date line, its document number's year, its title's plan period: `issued_from` says which).
    pub fn issued(&self) -> Option<(u16, u8)> {
        self.issued
    }

    /// Where `issued` was read from.
    pub fn issued_from(&self) -> Option<IssuedFrom> {
        self.issued_from
    }

    fn read(&mut self, catalogue: &Catalogue, range: std::ops::Range<usize>, kind: SegmentKind, first_in_line: bool) {
        let in_table = self.table.is_some();
        match &kind {
            SegmentKind::Caption => {
                self.sections.heading(&self.text[range.clone()], true, true);
                self.table = Some(Header::default());
                return;
            }
            SegmentKind::TableHeader { cells } => {
                let header = self.table.get_or_insert_with(Header::default);
                for cell in cells {
                    header.add(&self.text, cell.clone());
                }
                return;
            }
            SegmentKind::TableRow { .. } => {
                self.table.get_or_insert_with(Header::default);
            }
            SegmentKind::Heading => {
                let heading = &self.text[range.clone()];
                self.sections.heading(heading, false, in_table);
                // A numbered heading names a section; an unnumbered short line may be a target.
                if starts_with_section_number(heading) {
                    return;
                }
            }
            SegmentKind::Sentence => {
                if in_table {
                    self.sections.leave_table();
                    self.table = None;
                }
                let sentence = &self.text[range.clone()];
                if first_in_line && starts_with_section_number(sentence) {
                    self.sections.heading(sentence, false, false);
                }
            }
        }
        let section = self.sections.path();
        // A deadline heading a paragraph governs until a heading at its level or above.
        if let Some((_, path)) = &self.heading {
            let inside = section == *path || section.starts_with(&format!("{path} / ")) || path.is_empty();
            if !inside {
                self.heading = None;
            }
        }
        // Under achievements a year at a paragraph's head dates a report, not the targets after it.
        if !matches!(kind, SegmentKind::TableRow { .. }) && !self.sections.achievements() {
            if let Some(year) = heading_year(&self.text[range.clone()], self.issued) {
                self.heading = Some((year, section.clone()));
            }
        }
        let context_year = match (&self.heading, self.plan_year) {
            (Some((year, _)), _) => Some((*year, Signal::HeadingDeadline)),
            (None, Some(year)) if self.issued.is_none_or(|(issued, _)| year >= issued) => {
                Some((year, Signal::PlanPeriod))
            }
            _ => None,
        };
        let context = Context {
            text: &self.text,
            issued: self.issued,
            catalogue,
            section: &section,
            report_section: self.sections.reports(),
            achievement_section: self.sections.achievements(),
            context_year,
        };
        match kind {
            SegmentKind::TableRow { label, cells } => {
                let header = self.table.clone().unwrap_or_default();
                row::table_row(&context, &header, range, label, &cells, &mut self.candidates);
            }
            _ => sentence::sentence(&context, range, &mut self.candidates),
        }
    }
}

/// The issue date a text writes about itself, and where it was read: the one rule of
/// [`guess::issue_date_and_source`], which the page's metadata shows too.
fn issue_date(text: &str) -> (Option<(u16, u8)>, Option<IssuedFrom>) {
    let title = guess::title(text);
    let Some((date, from)) = guess::issue_date_and_source(text, title.as_deref()) else {
        return (None, None);
    };
    let year = date.get(..4).and_then(|y| y.parse().ok());
    let month = date.get(5..7).and_then(|m| m.parse().ok());
    let from = match from {
        guess::DateFrom::DateLine => IssuedFrom::DateLine,
        guess::DateFrom::DocNumberYear => IssuedFrom::DocumentNumber,
        guess::DateFrom::TitlePeriod => IssuedFrom::PlanPeriod,
    };
    match (year, month) {
        (Some(year), Some(month)) => (Some((year, month)), Some(from)),
        _ => (None, None),
    }
}
