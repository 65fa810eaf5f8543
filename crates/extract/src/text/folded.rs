//! A sentence as the extractor reads it: Traditional folded to Simplified and full-width forms to
//! ASCII (one character to one character, `data::script`), as a vector of characters that remembers
//! the byte offset of each character in the original text. Every rule matches Simplified patterns
//! on the folded characters and reports positions in the original, so a Traditional document's
//! quotes and ranges stay verbatim.

use std::ops::Range;

use policy_data::fold::fold_width_char;

/// The folded characters of `text[base..]`'s slice and their byte offsets in the whole text.
#[derive(Clone, Debug)]
pub struct Folded {
    chars: Vec<char>,
    /// `bytes[i]` is the byte offset (in the whole text) of character `i`; one more entry for the end.
    bytes: Vec<usize>,
}

impl Folded {
    /// Folds `slice`, which starts at byte `base` of the whole text.
    pub fn new(slice: &str, base: usize) -> Folded {
        let simplified = fast2s::convert(slice);
        let mut bytes: Vec<usize> = slice.char_indices().map(|(i, _)| base + i).collect();
        bytes.push(base + slice.len());
        let mut chars: Vec<char> = simplified.chars().map(fold_width_char).collect();
        // fast2s maps one character to one character; should a future version not, fall back to
        // the width-folded original so positions stay right.
        if chars.len() + 1 != bytes.len() {
            chars = slice.chars().map(fold_width_char).collect();
        }
        Folded { chars, bytes }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The folded character at `i` (`'\0'` past the end, so look-ahead needs no bounds checks).
    pub fn at(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    /// The character before `i` (`'\0'` at the start).
    pub fn before(&self, i: usize) -> char {
        i.checked_sub(1).map_or('\0', |j| self.at(j))
    }

    /// Byte offset in the whole text of character `i` (`len()` gives the end).
    pub fn byte(&self, i: usize) -> usize {
        self.bytes[i.min(self.chars.len())]
    }

    /// Byte range in the whole text of the characters `chars`.
    pub fn bytes(&self, chars: Range<usize>) -> Range<usize> {
        self.byte(chars.start)..self.byte(chars.end)
    }

    /// True when the folded characters at `i` spell `pattern` (a Simplified pattern).
    pub fn has(&self, i: usize, pattern: &str) -> bool {
        (i..)
            .zip(pattern.chars())
            .all(|(k, p)| k < self.chars.len() && self.chars[k] == p)
    }

    /// The first of `patterns` spelled at `i`, longest first when several match.
    pub fn any_at<'p>(&self, i: usize, patterns: &[&'p str]) -> Option<&'p str> {
        let mut buffer = [0u8; 4];
        let first = self.at(i).encode_utf8(&mut buffer).as_bytes();
        patterns
            .iter()
            .filter(|p| p.as_bytes().starts_with(first) && self.has(i, p))
            .max_by_key(|p| p.chars().count())
            .copied()
    }

    /// Position of the first `pattern` starting in `from..to`.
    pub fn find(&self, pattern: &str, from: usize, to: usize) -> Option<usize> {
        (from..to.min(self.chars.len())).find(|&i| self.has(i, pattern))
    }

    /// True when `pattern` occurs starting anywhere in `from..to`.
    pub fn contains(&self, pattern: &str, from: usize, to: usize) -> bool {
        self.find(pattern, from, to).is_some()
    }

    /// True when character `k` ends a clause: a comma, semicolon, colon or sentence end, but not
    /// the colon of a ratio (1:800).
    pub fn breaks(&self, k: usize) -> bool {
        let c = self.at(k);
        is_clause_break(c) && !(c == ':' && self.before(k).is_ascii_digit() && self.at(k + 1).is_ascii_digit())
    }

    /// The folded characters `range` as a string.
    pub fn string(&self, range: Range<usize>) -> String {
        let end = range.end.min(self.chars.len());
        self.chars[range.start.min(end)..end].iter().collect()
    }

    /// The folded characters `range`.
    pub fn slice(&self, range: Range<usize>) -> &[char] {
        let end = range.end.min(self.chars.len());
        &self.chars[range.start.min(end)..end]
    }
}

/// True for a CJK ideograph (the basic block and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A clause boundary inside a sentence: commas, semicolons and colons (folded to ASCII) and the
/// ideographic comma's stronger cousins. The enumeration comma 、 is not one: it joins the items
/// of one clause.
pub fn is_clause_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '。' | '!' | '?' | '\n' | '，' | '；')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_folds_and_positions_stay_in_the_original() {
        let text = "前言。到2020年,學位9萬個";
        let start = text.find('到').unwrap();
        let folded = Folded::new(&text[start..], start);
        assert_eq!(folded.string(0..folded.len()), "到2020年,学位9万个");
        assert!(folded.has(7, "学位"));
        let range = folded.bytes(7..9);
        assert_eq!(&text[range], "學位");
        assert_eq!(folded.byte(folded.len()), text.len());
    }

    #[test]
    fn full_width_digits_fold_to_ascii() {
        let folded = Folded::new("达到８５％", 0);
        assert_eq!(folded.string(0..folded.len()), "达到85%");
        assert_eq!(folded.byte(2), "达到".len());
    }

    #[test]
    fn finds_patterns_forwards_and_backwards() {
        let folded = Folded::new("不低于50%,不低于60%", 0);
        assert_eq!(folded.find("不低于", 0, folded.len()), Some(0));
        assert_eq!(folded.any_at(0, &["不低", "不低于"]), Some("不低于"));
        assert_eq!(folded.at(100), '\0');
    }
}
