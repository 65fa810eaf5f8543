//! Full-text search over targets and document passages, insensitive to Traditional vs Simplified
//! script, width and case. Texts are folded once when the index is built; a query is folded and
//! split into terms, and a hit must contain every term.
//!
//! The folded texts are indexed by character and by pair of adjacent characters (CJK text has no
//! word boundaries to index by), so a query reads a few posting lists instead of every text; terms
//! longer than two characters are then confirmed with `str::contains` on the candidates only.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::rc::Rc;

use policy_data::export::format_number;
use policy_data::model::Dataset;

use super::ordering;
use super::row::Row;
use policy_data::script::fold;

/// A paragraph of a document's cleaned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub document: usize,
    /// Zero-based paragraph number in the cleaned text (paragraphs are lines).
    pub paragraph: usize,
}

/// Folded haystacks for every target and every paragraph, each set with its gram index.
pub struct SearchIndex {
    /// Shared by the indexes that differ only in their texts (the texts arrive after the start).
    targets: Rc<Haystacks>,
    passages: Vec<Passage>,
    /// Per document, its first passage's position in `passages` (and the end, last).
    first: Vec<usize>,
    /// Per passage, its paragraph's byte range in the document's text.
    lines: Vec<Range<usize>>,
    paragraphs: Haystacks,
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

/// A catalogue's search index, built on its first use ([`LazySearch::get`]): the folding of every
/// target and paragraph (and the number formatting of the targets' values) is not done, and its
/// code not loaded, where nothing is searched (home, a first visit, a document's page).
#[derive(Default)]
pub struct LazySearch {
    /// The targets' folded haystacks, kept when only the texts change.
    targets: OnceCell<Rc<Haystacks>>,
    index: OnceCell<SearchIndex>,
}

impl LazySearch {
    /// Nothing built yet.
    pub fn new() -> Self {
        LazySearch::default()
    }

    /// The same targets' haystacks (when already folded) for other texts of the same dataset: the
    /// paragraphs are folded again on the next use, the targets are not.
    pub fn with_new_texts(&self) -> Self {
        LazySearch {
            targets: self.targets.clone(),
            index: OnceCell::new(),
        }
    }

    /// The index of `dataset`'s `rows` and `texts`, built now if it is not yet: always called with
    /// the same arguments (the catalogue's).
    pub fn get(&self, dataset: &Dataset, texts: &BTreeMap<String, String>, rows: &[Row]) -> &SearchIndex {
        self.index.get_or_init(|| {
            let targets = self.targets.get_or_init(|| {
                Rc::new(Haystacks::new(
                    rows.iter().map(|row| target_haystack(dataset, *row)).collect(),
                ))
            });
            SearchIndex::with_targets(targets.clone(), dataset, texts)
        })
    }
}

impl SearchIndex {
    fn with_targets(targets: Rc<Haystacks>, dataset: &Dataset, texts: &BTreeMap<String, String>) -> Self {
        let (mut passages, mut lines, mut folded) = (Vec::new(), Vec::new(), Vec::new());
        let mut first = Vec::with_capacity(dataset.documents.len() + 1);
        for (d, entry) in dataset.documents.iter().enumerate() {
            first.push(passages.len());
            let text = texts.get(&entry.document.id).map(String::as_str).unwrap_or("");
            for (p, line) in text.lines().enumerate() {
                passages.push(Passage {
                    document: d,
                    paragraph: p,
                });
                let start = line.as_ptr() as usize - text.as_ptr() as usize;
                lines.push(start..start + line.len());
                folded.push(fold(line));
            }
        }
        first.push(passages.len());
        SearchIndex {
            targets,
            passages,
            first,
            lines,
            paragraphs: Haystacks::new(folded),
        }
    }

    /// Where the paragraph of passage `p` is in its document's text (bytes, as `str::lines` cuts
    /// it), found without reading the text from its start.
    pub fn paragraph_range(&self, p: &Passage) -> Option<Range<usize>> {
        let (start, end) = (*self.first.get(p.document)?, *self.first.get(p.document + 1)?);
        let at = start + p.paragraph;
        (at < end).then(|| self.lines[at].clone())
    }

    /// Rows (ascending) and passages that contain every term of `query`. An empty query finds
    /// nothing. Candidates come from the gram index; terms longer than two characters are then
    /// checked in the text, so the result is exactly [`SearchIndex::scan`]'s.
    pub fn search(&self, query: &str) -> SearchHits {
        self.hits(query, Haystacks::find)
    }

    /// The same result as [`SearchIndex::search`], by checking every folded text: the reference
    /// the index is tested against, and the "before" of the benchmarks.
    pub fn scan(&self, query: &str) -> SearchHits {
        self.hits(query, Haystacks::scan)
    }

    /// The rows and passages whose texts `matching` finds for the terms of `query`.
    fn hits(&self, query: &str, matching: fn(&Haystacks, &[String]) -> Vec<u32>) -> SearchHits {
        let terms = terms(query);
        if terms.is_empty() {
            return SearchHits::default();
        }
        SearchHits {
            rows: matching(&self.targets, &terms)
                .into_iter()
                .map(|i| i as usize)
                .collect(),
            passages: matching(&self.paragraphs, &terms)
                .into_iter()
                .map(|i| self.passages[i as usize].clone())
                .collect(),
        }
    }
}

/// The folded text a target is found by: its summaries, quote, section, locality, responsible
/// units, scope, deadline, value, year, id, indicator and theme names.
pub fn target_haystack(dataset: &Dataset, row: Row) -> String {
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
        t.scope.as_ref().map(|s| s.zh.clone()).unwrap_or_default(),
        t.scope.as_ref().map(|s| s.en.clone()).unwrap_or_default(),
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
}

/// Folded texts with, for every character and every pair of adjacent characters in them, the
/// ascending numbers of the texts holding it (posting lists, all in one vector).
///
/// A text containing a term contains each of its characters and each of its adjacent pairs, so
/// the intersection of the term's lists holds every match; for a term of one or two characters
/// it holds exactly the matches, longer terms are checked with `str::contains`.
///
/// The lists are made on the first search, not when the catalogue is built: start-up does not wait
/// for them, and a visitor who never searches never pays for them.
struct Haystacks {
    texts: Vec<String>,
    index: OnceCell<GramIndex>,
}

/// The posting lists of [`Haystacks`].
struct GramIndex {
    /// Gram key → gram number.
    grams: HashMap<u64, u32, BuildGramHasher>,
    /// The list of gram `g` is `postings[starts[g]..starts[g + 1]]`.
    starts: Vec<u32>,
    postings: Vec<u32>,
}

/// The key of a single character.
fn unigram(c: char) -> u64 {
    u64::from(u32::from(c)) << 32 | u64::from(u32::MAX)
}

/// The key of two adjacent characters.
fn bigram(a: char, b: char) -> u64 {
    u64::from(u32::from(a)) << 32 | u64::from(u32::from(b))
}

/// No gram number yet.
const NONE: u32 = u32::MAX;

/// Numbers the grams as they are met and notes, text after text, the distinct grams of each.
struct Builder {
    grams: HashMap<u64, u32, BuildGramHasher>,
    /// Gram numbers of the characters of the Basic Multilingual Plane, found without hashing.
    bmp: Vec<u32>,
    /// Per gram: how many texts hold it, and the last text (plus one) that did.
    counts: Vec<u32>,
    last: Vec<u32>,
    /// The distinct grams of every text, one text after the other.
    noted: Vec<u32>,
}

impl Builder {
    fn number(&mut self, key: u64) -> u32 {
        let next = self.counts.len() as u32;
        let number = *self.grams.entry(key).or_insert(next);
        if number == next {
            self.counts.push(0);
            self.last.push(0);
        }
        number
    }

    fn character(&mut self, c: char) -> u32 {
        match self.bmp.get(c as usize) {
            Some(&NONE) => {
                let number = self.number(unigram(c));
                self.bmp[c as usize] = number;
                number
            }
            Some(&number) => number,
            None => self.number(unigram(c)),
        }
    }

    /// Notes that text number `mark - 1` holds gram `number`.
    fn note(&mut self, number: u32, mark: u32) {
        let g = number as usize;
        if self.last[g] != mark {
            self.last[g] = mark;
            self.counts[g] += 1;
            self.noted.push(number);
        }
    }
}

impl Haystacks {
    fn new(texts: Vec<String>) -> Self {
        Haystacks {
            texts,
            index: OnceCell::new(),
        }
    }

    fn list(&self, key: u64) -> &[u32] {
        self.index.get_or_init(|| GramIndex::new(&self.texts)).list(key)
    }

    /// Numbers (ascending) of the texts containing every term.
    fn find(&self, terms: &[String]) -> Vec<u32> {
        let mut lists: Vec<&[u32]> = Vec::new();
        for term in terms {
            let mut chars = term.chars();
            let Some(first) = chars.next() else { continue };
            let mut previous = first;
            let mut single = true;
            for c in chars {
                lists.push(self.list(bigram(previous, c)));
                previous = c;
                single = false;
            }
            if single {
                lists.push(self.list(unigram(first)));
            }
        }
        ordering::sort_by_key(&mut lists, |list| list.len());
        let Some((shortest, others)) = lists.split_first() else {
            return Vec::new();
        };
        let mut found = shortest.to_vec();
        for list in others {
            if found.is_empty() {
                break;
            }
            intersect(&mut found, list);
        }
        let long: Vec<&str> = terms
            .iter()
            .filter(|term| term.chars().nth(2).is_some())
            .map(String::as_str)
            .collect();
        if !long.is_empty() {
            found.retain(|&id| long.iter().all(|term| self.texts[id as usize].contains(term)));
        }
        found
    }

    /// Numbers (ascending) of the texts containing every term, by checking each text.
    fn scan(&self, terms: &[String]) -> Vec<u32> {
        (0..self.texts.len() as u32)
            .filter(|&id| terms.iter().all(|term| self.texts[id as usize].contains(term.as_str())))
            .collect()
    }
}

impl GramIndex {
    /// Indexes `texts`: one hash lookup per pair of characters, none per character of the Basic
    /// Multilingual Plane after its first, and no list grown piece by piece (the lists are counted
    /// first, then filled in one vector).
    fn new(texts: &[String]) -> Self {
        let mut builder = Builder {
            grams: HashMap::default(),
            bmp: vec![NONE; 0x1_0000],
            counts: Vec::new(),
            last: Vec::new(),
            noted: Vec::new(),
        };
        let mut ends = Vec::with_capacity(texts.len());
        for (id, text) in texts.iter().enumerate() {
            let mark = u32::try_from(id + 1).expect("fewer than 2^32 texts");
            let mut previous = None;
            for c in text.chars() {
                let number = builder.character(c);
                builder.note(number, mark);
                if let Some(p) = previous {
                    let number = builder.number(bigram(p, c));
                    builder.note(number, mark);
                }
                previous = Some(c);
            }
            ends.push(builder.noted.len());
        }
        let mut starts = Vec::with_capacity(builder.counts.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for count in &builder.counts {
            total += count;
            starts.push(total);
        }
        let mut next = starts.clone();
        let mut postings = vec![0u32; total as usize];
        let mut begin = 0;
        for (id, &end) in ends.iter().enumerate() {
            for &number in &builder.noted[begin..end] {
                let at = &mut next[number as usize];
                postings[*at as usize] = id as u32;
                *at += 1;
            }
            begin = end;
        }
        GramIndex {
            grams: builder.grams,
            starts,
            postings,
        }
    }

    fn list(&self, key: u64) -> &[u32] {
        match self.grams.get(&key) {
            Some(&g) => &self.postings[self.starts[g as usize] as usize..self.starts[g as usize + 1] as usize],
            None => &[],
        }
    }
}

/// Keeps the elements of `found` (ascending) that are also in `list` (ascending).
fn intersect(found: &mut Vec<u32>, list: &[u32]) {
    let mut rest = list;
    found.retain(|id| {
        let at = rest.partition_point(|x| x < id);
        rest = &rest[at..];
        rest.first() == Some(id)
    });
}

/// Hashes gram keys with one multiplication (Fibonacci hashing): the keys are two code points,
/// never chosen by an attacker to collide, and the default SipHash costs several times more for
/// the one lookup per pair of characters that indexing does.
#[derive(Default, Clone, Copy)]
struct GramHasher(u64);

impl Hasher for GramHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = (self.0 ^ key ^ (key >> 29))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(26);
    }
}

type BuildGramHasher = BuildHasherDefault<GramHasher>;

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

/// The index against the plain scan on random texts and queries over a small alphabet (so that
/// terms of every length do occur), with Traditional and full-width forms, spaces and the field
/// separator.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod index_matches_scan {
    use proptest::prelude::*;

    use super::*;

    const ALPHABET: [char; 12] = ['学', '學', '位', '班', '额', 'a', 'B', 'Ａ', '2', ' ', '\u{1f}', '额'];

    fn text(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(&ALPHABET[..]), 0..max)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn same_texts_found(texts in proptest::collection::vec(text(24), 0..40), query in text(8)) {
            let haystacks = Haystacks::new(texts.iter().map(|t| fold(t)).collect());
            let terms = terms(&query);
            prop_assume!(!terms.is_empty());
            prop_assert_eq!(haystacks.find(&terms), haystacks.scan(&terms));
        }
    }

    #[test]
    fn terms_of_one_two_and_more_characters() {
        let haystacks = Haystacks::new(
            ["小学班额", "班", "额班", "學位 班额45", ""]
                .iter()
                .map(|t| fold(t))
                .collect(),
        );
        let find = |query: &str| haystacks.find(&terms(query));
        assert_eq!(find("班"), vec![0, 1, 2, 3]);
        assert_eq!(find("班额"), vec![0, 3]);
        assert_eq!(find("额班"), vec![2]);
        assert_eq!(find("班额4"), vec![3]);
        assert_eq!(find("学位 45"), vec![3]);
        assert_eq!(find("学 额"), vec![0, 3]);
        assert_eq!(find("班额班"), Vec::<u32>::new());
        assert_eq!(find("无"), Vec::<u32>::new());
    }
}
