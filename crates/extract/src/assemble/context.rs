//! What every piece of the text is read with: the text and its issue date, the catalogue, the
//! headings it sits under (`Context`); and, for a sentence, its folded characters and words
//! (`Piece`).

use std::ops::Range;

use crate::candidate::Candidate;
use crate::judge::indicators::{Catalogue, Words};
use crate::signal::Signal;
use crate::text::folded::Folded;

/// What every piece is read with.
pub struct Context<'a> {
    pub text: &'a str,
    pub issued: Option<(u16, u8)>,
    pub catalogue: &'a Catalogue,
    pub section: &'a str,
    /// The section reports the present or the past (发展基础).
    pub report_section: bool,
    /// The section reports achievements (发展成就, 取得的成绩).
    pub achievement_section: bool,
    /// The year a target without a deadline of its own is read with, and why: the deadline heading
    /// its paragraph (`Signal::HeadingDeadline`) or the plan's period (`Signal::PlanPeriod`).
    pub context_year: Option<(u16, Signal)>,
}

impl Context<'_> {
    /// Gives a target without a year the context's, with its signal (never over a written year).
    pub fn date(&self, candidate: &mut Candidate) {
        if let Some((year, signal)) = self.context_year {
            if candidate.target_year.is_none() && candidate.deadline_text.is_none() && candidate.kind.is_target() {
                candidate.target_year = Some(year);
                candidate.reasons.push(signal);
            }
        }
    }
}

/// The sentence being read: its folded characters, its byte range and its words.
pub struct Piece<'a> {
    pub f: &'a Folded,
    pub range: &'a Range<usize>,
    pub context: &'a Words,
}
