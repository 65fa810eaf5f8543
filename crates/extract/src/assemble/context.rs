//! What every piece of the text is read with: the text and its issue date, the catalogue, the
//! headings it sits under (`Context`); and, for a sentence, its folded characters and words
//! (`Piece`).

use std::ops::Range;

use crate::judge::indicators::{Catalogue, Words};
use crate::text::folded::Folded;

/// What every piece is read with.
pub struct Context<'a> {
    pub text: &'a str,
    pub issued: Option<(u16, u8)>,
    pub catalogue: &'a Catalogue,
    pub section: &'a str,
    /// The section reports the present or the past (发展基础).
    pub report_section: bool,
}

/// The sentence being read: its folded characters, its byte range and its words.
pub struct Piece<'a> {
    pub f: &'a Folded,
    pub range: &'a Range<usize>,
    pub context: &'a Words,
}
