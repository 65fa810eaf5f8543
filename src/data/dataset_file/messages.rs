//! The wording of reading errors: where a syntax error is (line, column, an excerpt of the line),
//! and serde's messages in words a data maintainer knows.

/// Whether the syntax error at `offset` is a comma right before a closing bracket.
pub(super) fn trailing_comma(text: &str, offset: usize) -> bool {
    let bytes = text.as_bytes();
    let (before, after) = bytes.split_at(offset.min(bytes.len()));
    before.trim_ascii_end().ends_with(b",") && matches!(after.first(), Some(b'}' | b']'))
}

/// The line holding byte `offset`, shortened around it, to show where a syntax error is:
/// `: «…text…»` (empty when the line is blank).
pub(super) fn excerpt(text: &str, offset: usize) -> String {
    const WIDTH: usize = 40;
    let offset = (0..=offset.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let before: Vec<char> = text[start..offset].chars().collect();
    let after: Vec<char> = text[offset..end].chars().collect();
    let head = before.len().saturating_sub(WIDTH);
    let mut line: String = before[head..].iter().collect();
    line.push_str(&after[..after.len().min(WIDTH)].iter().collect::<String>());
    let line = line.trim();
    if line.is_empty() {
        return String::new();
    }
    let (open, close) = (
        if head > 0 { "…" } else { "" },
        if after.len() > WIDTH { "…" } else { "" },
    );
    format!(": «{open}{line}{close}»")
}

/// serde's type names in words a data maintainer knows.
pub(super) fn plain_types(message: &str) -> String {
    [
        ("expected f64", "expected a number"),
        ("expected u16", "expected a whole number from 0 to 65535"),
        ("expected a boolean", "expected true or false"),
        ("expected a sequence", "expected a list"),
        ("expected a string", "expected text in quotes"),
    ]
    .iter()
    .fold(message.to_string(), |m, (from, to)| m.replace(from, to))
    .replace("expected struct ", "expected an object ")
}

/// One-based line and column (in characters) just after `prefix`.
pub(super) fn line_column(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
