//! Prepares a document's cleaned text for the reader: paragraphs, the outline of headings, and the
//! spans where targets' quotes sit, so each quote is highlighted in place and linked to its targets.

use std::ops::Range;

use super::ordering;

/// A run of a paragraph: plain text, or part of one or more targets' quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Byte range in the whole text.
    pub range: Range<usize>,
    /// Indices (into the `quotes` given to [`annotate`]) of the targets quoting this run.
    pub targets: Vec<usize>,
}

/// One paragraph (line) of the text, split into spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub spans: Vec<Span>,
    /// Heading level (1 for 第一章 / 一、, 2 for (一), 3 for 1.) when the paragraph is a heading.
    pub heading: Option<u8>,
}

/// Splits `text` into paragraphs and marks where each of `quotes` occurs (first occurrence).
pub fn annotate(text: &str, quotes: &[&str]) -> Vec<Paragraph> {
    let mut located: Vec<(Range<usize>, usize)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.is_empty())
        .filter_map(|(i, q)| text.find(q).map(|start| (start..start + q.len(), i)))
        .collect();
    ordering::sort_by_key(&mut located, |(r, _)| r.start);
    // Boundaries where the set of covering quotes changes.
    let mut cuts: Vec<usize> = located.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let range = start..start + line.len();
        cuts.push(range.start);
        cuts.push(range.end);
        start = range.end + 1;
        paragraphs.push(range);
    }
    ordering::sort_positions(&mut cuts, &mut |a, b| a.cmp(&b));
    cuts.dedup();
    paragraphs
        .into_iter()
        .map(|range| {
            let inner: Vec<usize> = cuts
                .iter()
                .copied()
                .filter(|c| *c >= range.start && *c <= range.end)
                .collect();
            let spans = inner
                .windows(2)
                .filter(|w| w[0] < w[1])
                .map(|w| Span {
                    range: w[0]..w[1],
                    targets: covering(&located, w[0]..w[1]),
                })
                .collect();
            let heading = heading_level(&text[range.clone()]);
            Paragraph { range, spans, heading }
        })
        .collect()
}

fn covering(located: &[(Range<usize>, usize)], run: Range<usize>) -> Vec<usize> {
    let mut targets: Vec<usize> = located
        .iter()
        .filter(|(r, _)| r.start <= run.start && run.end <= r.end)
        .map(|(_, i)| *i)
        .collect();
    ordering::sort_positions(&mut targets, &mut |a, b| a.cmp(&b));
    targets
}

/// Heading level of a line, judged by its numbering and length.
pub fn heading_level(line: &str) -> Option<u8> {
    const NUMERALS: &str = "一二三四五六七八九十";
    let short = line.chars().count() <= 40 && !line.ends_with(['。', ';', ',']);
    let after = |prefix: &str| line.strip_prefix(prefix);
    if !short {
        return None;
    }
    if let Some(rest) = after("第") {
        let rest = rest.trim_start_matches(|c: char| NUMERALS.contains(c));
        if rest.starts_with(['章', '节', '節']) {
            return Some(if rest.starts_with('章') { 1 } else { 2 });
        }
    }
    let rest = line.trim_start_matches(|c: char| NUMERALS.contains(c));
    if rest.len() < line.len() && rest.starts_with('、') {
        return Some(1);
    }
    if line.starts_with(['(', '（']) {
        let inner =
            line[line.chars().next().map_or(0, char::len_utf8)..].trim_start_matches(|c: char| NUMERALS.contains(c));
        if inner.starts_with([')', '）']) {
            return Some(2);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_become_spans_with_their_targets() {
        let text = "一、目标\n到2020年,占比达80%。班额不超过45人。";
        let paragraphs = annotate(text, &["占比达80%。", "到2020年,占比达80%。班额不超过45人。"]);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[0].heading, Some(1));
        let spans: Vec<(&str, Vec<usize>)> = paragraphs[1]
            .spans
            .iter()
            .map(|s| (&text[s.range.clone()], s.targets.clone()))
            .collect();
        assert_eq!(
            spans,
            vec![
                ("到2020年,", vec![1]),
                ("占比达80%。", vec![0, 1]),
                ("班额不超过45人。", vec![1])
            ]
        );
    }

    #[test]
    fn a_quote_across_lines_marks_both_paragraphs() {
        let text = "公办园占比(%)\n86.49\n>85";
        let paragraphs = annotate(text, &["占比(%)\n86.49"]);
        assert_eq!(paragraphs[0].spans.last().unwrap().targets, vec![0]);
        assert_eq!(paragraphs[1].spans[0].targets, vec![0]);
        assert!(paragraphs[2].spans[0].targets.is_empty());
    }

    #[test]
    fn headings_are_recognised() {
        assert_eq!(heading_level("第三章   发展任务与行动计划"), Some(1));
        assert_eq!(heading_level("第一节 构建学前教育公共服务体系"), Some(2));
        assert_eq!(heading_level("(二)工作目标。"), None);
        assert_eq!(heading_level("(二)工作目标"), Some(2));
        assert_eq!(heading_level("到2020年,实现全覆盖。"), None);
    }
}
