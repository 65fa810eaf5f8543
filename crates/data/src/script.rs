//! Script folding for search: Traditional and Simplified Chinese, full- and half-width forms, and
//! letter case all compare equal once folded.
//!
//! Conversion is done by the `fast2s` crate (MIT), one character to one character, so a position in
//! a folded text is the same character position in the original: highlights map back exactly.

use crate::fold::fold_width_char;

/// Folds `text` for matching: Traditional → Simplified, full-width ASCII → ASCII, lowercase.
/// The result has exactly as many `char`s as `text`.
pub fn fold(text: &str) -> String {
    fast2s::convert(text).chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    fold_width_char(c).to_ascii_lowercase()
}

/// True when `c` is a Traditional form that differs from its Simplified form (e.g. 學, 東).
pub fn is_traditional_specific(c: char) -> bool {
    let mut buffer = [0u8; 4];
    let single = c.encode_utf8(&mut buffer);
    !fast2s::convert(single).starts_with(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_simplified_fold_together() {
        assert_eq!(fold("東莞"), fold("东莞"));
        assert_eq!(fold("學位"), fold("学位"));
        assert_eq!(fold("幼兒園"), "幼儿园");
        assert_eq!(fold("ＡＢＣ１２"), "abc12");
    }

    #[test]
    fn folding_keeps_character_positions() {
        let text = "東莞市關於打造教育現代化強市,學位9萬個";
        assert_eq!(fold(text).chars().count(), text.chars().count());
    }

    #[test]
    fn detects_traditional_characters() {
        assert!(is_traditional_specific('學'));
        assert!(!is_traditional_specific('学'));
        assert!(!is_traditional_specific('a'));
    }
}
