//! Splits a text into the pieces the extractor reads, with their byte ranges: sentences (ended by
//! 。！？ or the line's end, closing quotes and brackets kept with them), headings (a short line, or
//! a line's first short sentence after a section number: (二)工作目标。), table captions (表1 …),
//! table headers (2020年 / 2025年 / 属性 / (预测)) and table rows: a label followed by its cells,
//! either one cell per line (as scraped tables come out) or on one line separated by spaces, tabs
//! or `|` (学前三年毛入园率(%)  99.86  100  约束性); what a cell is, is `cells`.
//!
//! The splitter is resumable: `next` returns one piece at a time from where it stopped, so the
//! extraction can stop between pieces and report progress.

use std::ops::Range;

use crate::text::cells::{fields, is_binding, is_cell, is_header_cell, is_value_cell, is_year_cell};
use policy_data::fold::fold_width_char;

/// A piece of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Byte range in the text, without surrounding whitespace.
    pub range: Range<usize>,
    pub kind: SegmentKind,
    /// The first piece of its line (where a section number would be).
    pub first_in_line: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SegmentKind {
    Sentence,
    Heading,
    /// 表1 …: a table's caption (also a heading).
    Caption,
    /// A line of a table's header: years, 属性, (预测).
    TableHeader {
        cells: Vec<Range<usize>>,
    },
    /// A table row: its label and its cells (byte ranges in the text).
    TableRow {
        label: Range<usize>,
        cells: Vec<Range<usize>>,
    },
}

/// A sentence longer than this many bytes is cut after a comma or semicolon, so that text without
/// sentence ends still comes in pieces.
const MAX_SENTENCE: usize = 3000;

/// Lines at most this many characters long may be headings, table labels or cells.
const SHORT_LINE: usize = 40;

/// Where the splitter is.
#[derive(Clone, Debug, Default)]
pub struct Splitter {
    pos: usize,
    /// Inside a prose line: where the line ends.
    line_end: Option<usize>,
    /// Inside a table (after a caption or a header line, until prose returns).
    in_table: bool,
    /// The next sentence is the first of its line.
    at_line_start: bool,
}

impl Splitter {
    pub fn new() -> Splitter {
        Splitter::default()
    }

    /// The byte position the next piece starts from.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The next piece of `text`, or `None` at its end.
    pub fn next(&mut self, text: &str) -> Option<Segment> {
        loop {
            if let Some(line_end) = self.line_end {
                if let Some(segment) = self.sentence(text, line_end) {
                    return Some(segment);
                }
                self.line_end = None;
                continue;
            }
            if self.pos >= text.len() {
                return None;
            }
            let (line, next_line) = line_at(text, self.pos);
            if line.is_empty() {
                self.pos = next_line;
                continue;
            }
            if let Some(segment) = self.table_piece(text, line.clone()) {
                return Some(segment);
            }
            if is_caption(&text[line.clone()]) {
                self.in_table = true;
                self.pos = next_line;
                return Some(Segment {
                    range: line,
                    kind: SegmentKind::Caption,
                    first_in_line: true,
                });
            }
            let line_text = &text[line.clone()];
            let chars = line_text.chars().count();
            if chars <= SHORT_LINE && !line_text.contains(['。', '；', ';']) {
                self.pos = next_line;
                return Some(Segment {
                    range: line,
                    kind: SegmentKind::Heading,
                    first_in_line: true,
                });
            }
            self.in_table = false;
            self.pos = line.start;
            self.line_end = Some(line.end);
            self.at_line_start = true;
        }
    }

    /// The next sentence of the prose line ending at `line_end`.
    fn sentence(&mut self, text: &str, line_end: usize) -> Option<Segment> {
        let first_in_line = std::mem::take(&mut self.at_line_start);
        let start = skip_space(text, self.pos, line_end);
        if start >= line_end {
            self.pos = line_end;
            return None;
        }
        let end = sentence_end(text, start, line_end);
        self.pos = end;
        let range = start..trim_end(text, start, end);
        let kind = if first_in_line
            && starts_with_section_number(&text[range.clone()])
            && text[range.clone()].chars().count() <= SHORT_LINE
        {
            SegmentKind::Heading
        } else {
            SegmentKind::Sentence
        };
        Some(Segment {
            range,
            kind,
            first_in_line,
        })
    }

    /// A table header or row starting at `line`, if the line is one.
    fn table_piece(&mut self, text: &str, line: Range<usize>) -> Option<Segment> {
        let line_text = &text[line.clone()];
        // One line holding a whole row or header, its cells separated by wide spaces, tabs or |.
        let fields = fields(text, line.clone());
        if fields.len() >= 2 {
            let texts: Vec<&str> = fields.iter().map(|f| &text[f.clone()]).collect();
            if texts.iter().all(|t| is_header_cell(t)) {
                self.in_table = true;
                self.pos = line_after(text, line.end);
                return Some(Segment {
                    range: line,
                    kind: SegmentKind::TableHeader { cells: fields },
                    first_in_line: true,
                });
            }
            let rest = &texts[1..];
            let values = rest.iter().filter(|t| is_value_cell(t)).count();
            let bindings = rest.iter().filter(|t| is_binding(t)).count();
            if !is_value_cell(texts[0])
                && rest.iter().all(|t| is_cell(t))
                && (bindings > 0 || values >= 2 || (self.in_table && values >= 1))
            {
                self.in_table = true;
                self.pos = line_after(text, line.end);
                return Some(Segment {
                    range: line,
                    kind: SegmentKind::TableRow {
                        label: fields[0].clone(),
                        cells: fields[1..].to_vec(),
                    },
                    first_in_line: true,
                });
            }
        }
        if line_text.chars().count() > SHORT_LINE {
            return None;
        }
        if is_header_cell(line_text) && (self.in_table || is_year_cell(line_text)) {
            // A lone year line opens a table only when more header or row lines follow.
            if self.in_table || next_lines_are_table(text, line_after(text, line.end)) {
                self.in_table = true;
                self.pos = line_after(text, line.end);
                return Some(Segment {
                    range: line.clone(),
                    kind: SegmentKind::TableHeader { cells: vec![line] },
                    first_in_line: true,
                });
            }
        }
        if !self.in_table || is_cell(line_text) || line_text.contains(['。', '；', ';']) {
            return None;
        }
        // A label line followed by its cells, one per line.
        let mut cells = Vec::new();
        let mut next = line_after(text, line.end);
        while next < text.len() {
            let (cell, after) = line_at(text, next);
            if cell.is_empty() || !is_cell(&text[cell.clone()]) {
                break;
            }
            cells.push(cell);
            next = after;
        }
        let last = cells.last()?.end;
        self.pos = next;
        Some(Segment {
            range: line.start..last,
            kind: SegmentKind::TableRow { label: line, cells },
            first_in_line: true,
        })
    }
}

/// The line starting at `pos` (trimmed, as a byte range) and where the next line starts.
fn line_at(text: &str, pos: usize) -> (Range<usize>, usize) {
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let start = skip_space(text, pos, end);
    (start..trim_end(text, start, end), line_after(text, end))
}

fn line_after(text: &str, line_end: usize) -> usize {
    text[line_end..].find('\n').map_or(text.len(), |i| line_end + i + 1)
}

fn skip_space(text: &str, mut pos: usize, end: usize) -> usize {
    while pos < end {
        let c = text[pos..].chars().next().unwrap_or('\n');
        if !(c.is_whitespace()) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// Where the sentence starting at `start` ends: after its 。！？!? and any closing quotes or
/// brackets, at the line's end, or after a comma once it is too long (anywhere when it is twice
/// too long).
fn sentence_end(text: &str, start: usize, line_end: usize) -> usize {
    let mut chars = text[start..line_end].char_indices().peekable();
    let mut last_break = None;
    while let Some((i, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            let mut end = start + i + c.len_utf8();
            while let Some(&(j, next)) = chars.peek() {
                if matches!(next, '”' | '’' | '」' | '』' | ')' | '）' | '】' | '"') {
                    end = start + j + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            return end;
        }
        if matches!(c, ',' | '，' | ';' | '；') {
            last_break = Some(start + i + c.len_utf8());
        }
        if i > MAX_SENTENCE {
            if let Some(cut) = last_break {
                return cut;
            }
        }
        // No comma either: cut anyway, so no piece is read whole at any length.
        if i > 2 * MAX_SENTENCE {
            return start + i;
        }
    }
    line_end
}

/// True when `line` starts with a section number: 一、 (一) （一） 第三章 第一节 1. 1、 1 . 3 提升.
pub fn starts_with_section_number(line: &str) -> bool {
    let chars: Vec<char> = line.chars().take(8).map(fold_width_char).collect();
    let is_numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let run = chars.iter().take_while(|c| is_numeral(**c)).count();
    if chars.first() == Some(&'第') {
        let n = chars[1..].iter().take_while(|c| is_numeral(**c)).count();
        return n > 0 && matches!(chars.get(1 + n), Some('章' | '节' | '部' | '篇' | '条'));
    }
    if chars.first() == Some(&'(') {
        let n = chars[1..].iter().take_while(|c| is_numeral(**c)).count();
        return n > 0 && chars.get(1 + n) == Some(&')');
    }
    if run == 0 {
        return false;
    }
    let mut k = run;
    while chars.get(k) == Some(&' ') {
        k += 1;
    }
    matches!(chars.get(k), Some('、' | '.' | '．')) && !chars.get(k + 1).is_some_and(|c| c.is_ascii_digit())
}

/// 表1 …, 附表2 …: a table's caption.
fn is_caption(line: &str) -> bool {
    let chars: Vec<char> = line.chars().take(4).map(fold_width_char).collect();
    let start = if chars.first() == Some(&'附') { 1 } else { 0 };
    chars.get(start) == Some(&'表')
        && chars
            .get(start + 1)
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
}

/// True when the lines from `pos` hold more header cells or a label followed by a value cell.
fn next_lines_are_table(text: &str, pos: usize) -> bool {
    let mut lines = Vec::new();
    let mut at = pos;
    while lines.len() < 3 && at < text.len() {
        let (line, next) = line_at(text, at);
        if !line.is_empty() {
            lines.push(&text[line]);
        }
        at = next;
    }
    lines.first().is_some_and(|l| is_header_cell(l))
        || (lines.len() >= 2 && lines[0].chars().count() <= SHORT_LINE && is_value_cell(lines[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(String, &'static str)> {
        let mut splitter = Splitter::new();
        let mut out = Vec::new();
        while let Some(segment) = splitter.next(text) {
            let kind = match segment.kind {
                SegmentKind::Sentence => "sentence",
                SegmentKind::Heading => "heading",
                SegmentKind::Caption => "caption",
                SegmentKind::TableHeader { .. } => "header",
                SegmentKind::TableRow { .. } => "row",
            };
            out.push((text[segment.range].to_string(), kind));
        }
        out
    }

    #[test]
    fn sentences_end_at_chinese_punctuation_and_keep_closing_quotes() {
        let text = "(二)工作目标。到2022年,教育现代化取得重大进展。他说:“好。”最后一句";
        assert_eq!(
            pieces(text),
            vec![
                ("(二)工作目标。".into(), "heading"),
                ("到2022年,教育现代化取得重大进展。".into(), "sentence"),
                ("他说:“好。”".into(), "sentence"),
                ("最后一句".into(), "sentence"),
            ]
        );
    }

    #[test]
    fn ranges_are_exact_byte_ranges() {
        let text = "一、總體要求\n  到2020年，學位9萬個。  \n";
        let mut splitter = Splitter::new();
        while let Some(segment) = splitter.next(text) {
            let piece = &text[segment.range.clone()];
            assert_eq!(piece, piece.trim());
        }
        assert_eq!(pieces(text)[1].0, "到2020年，學位9萬個。");
    }

    #[test]
    fn tables_one_cell_per_line() {
        let text = "表1  四会市主要目标\n2020年\n2025年\n属性\n学前教育\n学前三年毛入园率(%)\n99.86\n100\n约束性\n规范化幼儿园(%)\n98.65\n>98\n预期性\n第三章 发展任务\n一、发展任务\n加快发展。";
        let found = pieces(text);
        assert_eq!(found[0].1, "caption");
        assert_eq!(found[1..4].iter().map(|p| p.1).collect::<Vec<_>>(), vec!["header"; 3]);
        assert_eq!(found[4], ("学前教育".into(), "heading"));
        assert_eq!(found[5], ("学前三年毛入园率(%)\n99.86\n100\n约束性".into(), "row"));
        assert_eq!(found[6], ("规范化幼儿园(%)\n98.65\n>98\n预期性".into(), "row"));
        assert_eq!(found[7].1, "heading");
        assert_eq!(found[9], ("加快发展。".into(), "sentence"));
    }

    #[test]
    fn tables_one_row_per_line() {
        let text =
            "指标\t2020年\t2025年\t属性\n学前三年毛入园率(%)  95  ≥98  约束性\n小学学龄人口 | 50478人 | 61178人\n";
        let found = pieces(text);
        assert_eq!(
            found.iter().map(|p| p.1).collect::<Vec<_>>(),
            vec!["header", "row", "row"]
        );
    }

    #[test]
    fn short_lines_are_headings_and_prose_stays_prose() {
        let text = "盘锦市人民政府办公室\n2019年5月30日\n为切实推进全市教育高质量发展,制定本计划。";
        let found = pieces(text);
        assert_eq!(found[0].1, "heading");
        assert_eq!(found[1].1, "heading");
        assert_eq!(found[2].1, "sentence");
    }

    #[test]
    fn section_numbers() {
        for line in [
            "一、总体要求",
            "(三)实施学前教育",
            "（三）实施",
            "第三章 发展",
            "第一节 指导思想",
            "1 .提升",
            "2.优化",
        ] {
            assert!(starts_with_section_number(line), "{line}");
        }
        for line in ["2025年", "1.5万人", "十四五期间", "一是"] {
            assert!(!starts_with_section_number(line), "{line}");
        }
    }

    #[test]
    fn very_long_text_without_sentence_ends_comes_in_pieces() {
        let text = "学校,".repeat(2000);
        let found = pieces(&text);
        assert!(found.len() > 1);
        assert!(found.iter().all(|p| p.0.len() <= MAX_SENTENCE + 10));
    }
}
