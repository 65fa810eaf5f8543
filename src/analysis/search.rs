//! Full-text search over targets and document passages, insensitive to Traditional vs Simplified
//! script, width and case. Texts are folded once when the index is built; a query is folded and
//! split into terms, and a hit must contain every term.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::data::export::format_number;
use crate::data::model::Dataset;

use super::catalog::Row;
use super::ordering;
use super::script::fold;

/// A paragraph of a document's cleaned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub document: usize,
    /// Zero-based paragraph number in the cleaned text (paragraphs are lines).
    pub paragraph: usize,
}

/// Folded haystacks for every target and every paragraph.
pub struct SearchIndex {
    targets: Vec<String>,
    passages: Vec<(Passage, String)>,
}

/// Everything a query found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchHits {
    /// Indices into the catalogue's rows.
    pub rows: Vec<usize>,
    pub passages: Vec<Passage>,
}

/// The folded, non-empty terms of a query.
pub fn terms(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_string).collect()
}

impl SearchIndex {
    /// Folds every target's searchable fields and every paragraph of the texts.
    pub fn build(dataset: &Dataset, texts: &BTreeMap<String, String>, rows: &[Row]) -> Self {
        let targets = rows
            .iter()
            .map(|row| {
                let entry = &dataset.documents[row.document];
                let (doc, t) = (&entry.document, &entry.targets[row.target]);
                let indicator = dataset.indicators.iter().find(|i| i.id == t.indicator);
                let theme = dataset.themes.iter().find(|th| th.id == t.theme);
                let mut fields = vec![
                    t.summary.zh.clone(),
                    t.summary.en.clone(),
                    t.quote.clone(),
                    t.section.clone(),
                    doc.locality.zh.clone(),
                    doc.locality.en.clone(),
                    t.responsible.join(" "),
                    t.scope.clone().unwrap_or_default(),
                    t.deadline_text.clone().unwrap_or_default(),
                    t.value.map(format_number).unwrap_or_default(),
                    t.target_year.map(|y| y.to_string()).unwrap_or_default(),
                    t.id.clone(),
                ];
                if let Some(i) = indicator {
                    fields.extend([i.name.zh.clone(), i.name.en.clone()]);
                }
                if let Some(th) = theme {
                    fields.extend([th.name.zh.clone(), th.name.en.clone()]);
                }
                fold(&fields.join("\u{1f}"))
            })
            .collect();
        let passages = dataset
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, entry)| {
                let text = texts.get(&entry.document.id).map(String::as_str).unwrap_or("");
                text.lines().enumerate().map(move |(p, line)| {
                    (
                        Passage {
                            document: d,
                            paragraph: p,
                        },
                        fold(line),
                    )
                })
            })
            .collect();
        SearchIndex { targets, passages }
    }

    /// Rows (ascending) and passages that contain every term of `query`. An empty query finds nothing.
    pub fn search(&self, query: &str) -> SearchHits {
        let terms = terms(query);
        if terms.is_empty() {
            return SearchHits::default();
        }
        let matches = |hay: &str| terms.iter().all(|term| hay.contains(term.as_str()));
        SearchHits {
            rows: (0..self.targets.len()).filter(|i| matches(&self.targets[*i])).collect(),
            passages: self
                .passages
                .iter()
                .filter(|(_, hay)| matches(hay))
                .map(|(p, _)| p.clone())
                .collect(),
        }
    }
}

/// A piece of text to display, marked when it matches a search term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub hit: bool,
}

/// Byte ranges of `text` that match any term (script-, width- and case-insensitively), merged.
pub fn match_ranges(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    let folded: Vec<char> = fold(text).chars().collect();
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - needle.len() {
            if folded[start..start + needle.len()] == needle[..] {
                ranges.push(offsets[start]..offsets[start + needle.len()]);
            }
        }
    }
    ordering::sort_by_key(&mut ranges, |r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Splits `text` into plain and matching segments for highlighting.
pub fn highlight<'a>(text: &'a str, terms: &[String]) -> Vec<Segment<'a>> {
    let mut segments = Vec::new();
    let mut cursor = 0;
    for range in match_ranges(text, terms) {
        if range.start > cursor {
            segments.push(Segment {
                text: &text[cursor..range.start],
                hit: false,
            });
        }
        segments.push(Segment {
            text: &text[range.clone()],
            hit: true,
        });
        cursor = range.end;
    }
    if cursor < text.len() || segments.is_empty() {
        segments.push(Segment {
            text: &text[cursor..],
            hit: false,
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_across_scripts() {
        let terms = terms("学位");
        let segments = highlight("新增學位9萬個", &terms);
        assert_eq!(
            segments,
            vec![
                Segment {
                    text: "新增",
                    hit: false
                },
                Segment {
                    text: "學位",
                    hit: true
                },
                Segment {
                    text: "9萬個",
                    hit: false
                },
            ]
        );
    }

    #[test]
    fn overlapping_terms_merge() {
        let ranges = match_ranges("小学班额不超过45人", &terms("班额 额不 45"));
        assert_eq!(ranges.len(), 2);
        assert_eq!(&"小学班额不超过45人"[ranges[0].clone()], "班额不");
    }

    #[test]
    fn no_terms_no_highlight() {
        assert_eq!(
            highlight("abc", &[]),
            vec![Segment {
                text: "abc",
                hit: false
            }]
        );
    }
}
