//! Extraction in slices: `Extraction::step` reads pieces of the text until it has covered a given
//! number of bytes and returns how far it has got, so a page can read a 2 MB text a slice per frame
//! (or per message in a worker) with a progress bar. The result is the same however the text is
//! sliced: the state between slices (position, open headings, the table being read) is kept here.

use crate::assemble::context::Context;
use crate::assemble::{row, sentence};
use crate::candidate::{Candidate, Progress};
use crate::judge::indicators::Catalogue;
use crate::read::deadlines::{heading_year, plan_period, written_issue_date};
use crate::read::table::Header;
use crate::signal::Signal;
use crate::text::sections::Sections;
use crate::text::sentences::{starts_with_section_number, SegmentKind, Splitter};

/// An extraction under way.
#[derive(Clone, Debug)]
pub struct Extraction {
    text: String,
    issued: Option<(u16, u8)>,
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
    /// Without one, the date a notice writes on a line of its own near the top is used, if any.
    pub fn new(text: impl Into<String>, issued: Option<(u16, u8)>) -> Extraction {
        let text = text.into();
        let done = text.is_empty();
        let issued = issued.or_else(|| written_issue_date(&text).map(|(year, month, _)| (year, month)));
        let plan_year = plan_period(&text);
        Extraction {
            text,
            issued,
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

    /// The issue date the extraction counts from: the one given, or the one the text writes.
    pub fn issued(&self) -> Option<(u16, u8)> {
        self.issued
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
        if !matches!(kind, SegmentKind::TableRow { .. }) {
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
