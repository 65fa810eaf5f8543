//! Stage 3, what a reading is: its kind (`classify`: a target, or a fact, baseline or actual
//! value), the indicator and theme it most likely measures (`indicators`, from the catalogue, unless a
//! qualifier sets the name apart: `qualifiers`), and
//! how sure the extractor is (`confidence`, from the signals).

pub mod classify;
pub mod confidence;
pub mod indicators;
pub mod qualifiers;
