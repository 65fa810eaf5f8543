//! Turns a raw web scrape into the cleaned body text that the app shows and quotes are checked against.
//!
//! Each document has one small rule (`data/sources/cleaning.toml`): where the body starts and ends, and
//! whether page-number markers must be stripped. The cleaned texts are committed; tests re-run the rules
//! and fail if a committed text is stale, so cleaning stays reproducible.

use serde::Deserialize;

/// How to cut one document's body out of its raw scrape.
#[derive(Clone, Debug, Deserialize)]
pub struct CleaningRule {
    pub id: String,
    /// Path of the raw scrape, relative to the repository root.
    pub raw: String,
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub page_markers: bool,
    #[serde(default)]
    pub break_before: Vec<String>,
}

/// The rules file: `[[rules]]` tables.
#[derive(Clone, Debug, Deserialize)]
pub struct CleaningRules {
    pub rules: Vec<CleaningRule>,
}

/// Why a rule could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CleaningError {
    StartNotFound(String),
    EndNotFound(String),
}

impl std::fmt::Display for CleaningError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CleaningError::StartNotFound(id) => {
                write!(f, "{id}: start marker not found in the raw text")
            }
            CleaningError::EndNotFound(id) => {
                write!(f, "{id}: end marker not found after the start marker")
            }
        }
    }
}

impl std::error::Error for CleaningError {}

/// Applies `rule` to `raw`, returning the cleaned text (paragraphs separated by one `\n`, no trailing newline).
pub fn clean(raw: &str, rule: &CleaningRule) -> Result<String, CleaningError> {
    let start = raw
        .find(&rule.start)
        .ok_or_else(|| CleaningError::StartNotFound(rule.id.clone()))?;
    let from_start = &raw[start..];
    let end = from_start
        .find(&rule.end)
        .ok_or_else(|| CleaningError::EndNotFound(rule.id.clone()))?;
    let body = &from_start[..end + rule.end.len()];
    if rule.page_markers {
        Ok(rejoin_pages(body, &rule.break_before))
    } else {
        Ok(trimmed_lines(body))
    }
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

fn trimmed_lines(body: &str) -> String {
    body.lines()
        .map(|line| line.trim_matches(is_blank))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Removes a leading page number such as "12、" from a line.
fn strip_page_marker(line: &str) -> &str {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && line[digits..].starts_with('、') {
        &line[digits + '、'.len_utf8()..]
    } else {
        line
    }
}

fn rejoin_pages(body: &str, break_before: &[String]) -> String {
    let joined: String = body
        .lines()
        .map(|line| strip_page_marker(line.trim_matches(is_blank)))
        .collect();
    let mut out = String::with_capacity(joined.len() + 256);
    for (index, ch) in joined.char_indices() {
        let rest = &joined[index..];
        let after_stop = out.ends_with(['。', ':', '：']);
        let heading = after_stop && starts_with_heading(rest);
        let listed = break_before.iter().any(|b| rest.starts_with(b.as_str()));
        if (heading || listed) && !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push(ch);
    }
    out
}

/// True for "一、", "(一)", "（一）", "1 ." and "1." at the start of `text`.
fn starts_with_heading(text: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let mut chars = text.chars();
    match chars.next() {
        Some('(') | Some('（') => {
            let numeral: String = chars.by_ref().take_while(|c| NUMERALS.contains(*c)).collect();
            !numeral.is_empty() && text[1..].contains([')', '）'])
        }
        Some(c) if NUMERALS.contains(c) => {
            let rest = text.trim_start_matches(|c: char| NUMERALS.contains(c));
            rest.starts_with('、')
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(" .") || rest.starts_with('.')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(start: &str, end: &str, page_markers: bool) -> CleaningRule {
        CleaningRule {
            id: "t".into(),
            raw: String::new(),
            start: start.into(),
            end: end.into(),
            page_markers,
            break_before: vec![],
        }
    }

    #[test]
    fn cuts_chrome_and_spam_and_trims_lines() {
        let raw = "首页 > 政策\n\n  正文开始。\u{3000}\n\n第二段结束。\n相关稿件\n推广链接";
        let cleaned = clean(raw, &rule("正文开始", "第二段结束。", false)).unwrap();
        assert_eq!(cleaned, "正文开始。\n第二段结束。");
    }

    #[test]
    fn strips_page_markers_and_rejoins_sentences() {
        let raw = "1、报告。一、进展优\n2、良率达到60%。(一)师资\n3、、产学研。2 .优化";
        let cleaned = clean(raw, &rule("报告", "优化", true)).unwrap();
        assert_eq!(cleaned, "报告。\n一、进展优良率达到60%。\n(一)师资、产学研。\n2 .优化");
    }

    #[test]
    fn missing_markers_are_reported() {
        assert_eq!(
            clean("abc", &rule("x", "c", false)),
            Err(CleaningError::StartNotFound("t".into()))
        );
        assert_eq!(
            clean("abc", &rule("a", "x", false)),
            Err(CleaningError::EndNotFound("t".into()))
        );
    }
}
