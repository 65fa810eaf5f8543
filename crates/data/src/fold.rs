//! Width folding: full-width ASCII forms and the ideographic space folded to their ASCII
//! counterparts, one character to one character (shared by search folding and input parsing).

/// The ASCII counterpart of a full-width form (`８` → `8`, `％` → `%`, the ideographic space →
/// a space); any other character unchanged.
pub fn fold_width_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// `text` with every character folded by [`fold_width_char`]; as many `char`s as `text`.
pub fn fold_width(text: &str) -> String {
    text.chars().map(fold_width_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_become_ascii() {
        assert_eq!(fold_width("２０２３－０６－３０"), "2023-06-30");
        assert_eq!(fold_width("８５．５％"), "85.5%");
        assert_eq!(fold_width("\u{3000}学位ＡＢ"), " 学位AB");
        assert_eq!(fold_width_char('～'), '~');
        assert_eq!(fold_width_char('学'), '学');
    }
}
