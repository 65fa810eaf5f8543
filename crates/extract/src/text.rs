//! Stage 1, the text: split into the pieces the extractor reads (sentences, headings, table
//! captions, headers and rows, `sentences` with `cells`), the headings each piece sits under
//! (`sections`), and a piece's characters folded to Simplified and ASCII with their byte offsets
//! kept (`folded`), which every later rule matches on.

pub mod cells;
pub mod folded;
pub mod sections;
pub mod sentences;
