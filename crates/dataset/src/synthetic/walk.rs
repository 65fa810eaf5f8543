//! New sentences from the real documents' own material: a walk through a corpus (the real texts,
//! notes or English summaries) that copies a few symbols (characters, or English words) from one
//! place, then jumps to another place that follows the same symbol, and so on. The result keeps
//! the vocabulary, the set phrases and the punctuation of the real documents, but no two walks
//! repeat each other for long, so a compressor finds no long copies across documents, as it finds
//! none across real documents.
//!
//! How long a walk stays on one place ([`Walker::new`]'s `continuation`) sets how compressible the
//! output is; the constants in `synthetic.rs` are chosen so that the generated files compress like
//! the real ones (`dataset generate --report` measures it).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use super::Rng;

/// Stand-ins in a corpus for the names of the document's own locality, its city and its
/// province (characters of the private use area, never in a real text).
pub(super) const SELF: char = '\u{E000}';
pub(super) const CITY: char = '\u{E001}';
pub(super) const PROVINCE: char = '\u{E002}';

/// Where a walk stands: at the start of a record, after a symbol the corpus does not have, or after
/// one it has (its id).
const AT_START: u32 = u32::MAX;
const UNKNOWN: u32 = u32::MAX - 1;
/// The end of a record (a line, a note) in the corpus.
const END: u32 = u32::MAX;

/// A corpus of records (sequences of symbols) and, for each symbol, the places that follow it.
pub(super) struct Walker<T> {
    vocabulary: Vec<T>,
    ids: HashMap<T, u32>,
    corpus: Vec<u32>,
    follows: Vec<Vec<u32>>,
    starts: Vec<u32>,
    any: Vec<u32>,
    /// A step continues where the walk stands when a draw is below this.
    keep_going: u64,
    /// A jump goes anywhere (not only to a place after the same symbol) when a draw is below this.
    wander: u64,
}

/// The state of one walk.
pub(super) struct Cursor {
    pos: usize,
    context: u32,
}

impl Cursor {
    pub fn new() -> Self {
        Cursor {
            pos: usize::MAX,
            context: AT_START,
        }
    }
}

impl<T: Clone + Eq + Hash> Walker<T> {
    /// A walker over `records`; each step stays on its place with probability `continuation`, and
    /// a jump goes anywhere with probability `wander` (else to a place after the same symbol).
    pub fn new<R: IntoIterator<Item = T>>(
        records: impl IntoIterator<Item = R>,
        continuation: f64,
        wander: f64,
    ) -> Self {
        let mut walker = Walker {
            vocabulary: Vec::new(),
            ids: HashMap::new(),
            corpus: Vec::new(),
            follows: Vec::new(),
            starts: Vec::new(),
            any: Vec::new(),
            keep_going: (continuation.clamp(0.0, 1.0) * u64::MAX as f64) as u64,
            wander: (wander.clamp(0.0, 1.0) * u64::MAX as f64) as u64,
        };
        for record in records {
            let mut previous: Option<u32> = None;
            for symbol in record {
                let id = match walker.ids.get(&symbol) {
                    Some(id) => *id,
                    None => {
                        let id = walker.vocabulary.len() as u32;
                        walker.vocabulary.push(symbol.clone());
                        walker.ids.insert(symbol, id);
                        walker.follows.push(Vec::new());
                        id
                    }
                };
                let pos = walker.corpus.len() as u32;
                match previous {
                    None => walker.starts.push(pos),
                    Some(p) => walker.follows[p as usize].push(pos),
                }
                walker.any.push(pos);
                walker.corpus.push(id);
                previous = Some(id);
            }
            if previous.is_some() {
                walker.corpus.push(END);
            }
        }
        walker
    }

    /// The next symbol of the walk; `None` only when the corpus is empty.
    pub fn step(&self, cursor: &mut Cursor, rng: &mut Rng) -> Option<&T> {
        let continues = self.corpus.get(cursor.pos).is_some_and(|s| *s != END) && rng.next() < self.keep_going;
        if !continues {
            let pool = match cursor.context {
                AT_START => &self.starts,
                _ if rng.next() < self.wander => &self.any,
                UNKNOWN => &self.any,
                id => &self.follows[id as usize],
            };
            let pool = if pool.is_empty() { &self.any } else { pool };
            if pool.is_empty() {
                return None;
            }
            cursor.pos = pool[rng.below(pool.len())] as usize;
        }
        let id = self.corpus[cursor.pos];
        cursor.pos += 1;
        cursor.context = id;
        Some(&self.vocabulary[id as usize])
    }

    /// Continues a walk after `last`, a symbol written by something else (`None`: a record starts).
    pub fn resume(&self, cursor: &mut Cursor, last: Option<&T>) {
        cursor.pos = usize::MAX;
        cursor.context = match last {
            None => AT_START,
            Some(symbol) => self.ids.get(symbol).copied().unwrap_or(UNKNOWN),
        };
    }
}

/// Each Traditional character that `fast2s` (Traditional → Simplified) turns into another one,
/// by the Simplified character it becomes (发: 發, 髮).
fn traditional_candidates() -> BTreeMap<char, Vec<char>> {
    let mut candidates: BTreeMap<char, Vec<char>> = BTreeMap::new();
    let blocks = [0x4e00..=0x9fff, 0x3400..=0x4dbf, 0xf900..=0xfaff];
    let mut buffer = [0u8; 4];
    for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
        let simplified = fast2s::convert(c.encode_utf8(&mut buffer));
        let mut chars = simplified.chars();
        if let (Some(s), None) = (chars.next(), chars.next()) {
            if s != c {
                candidates.entry(s).or_default().push(c);
            }
        }
    }
    candidates
}

/// Simplified → Traditional for the characters a real Traditional text (`evidence`) shows: a
/// Simplified character becomes the Traditional form that `evidence` uses most, if it uses that
/// form more than the character itself (many characters are written alike in both scripts: 合 is
/// not 閤, although `fast2s` folds 閤 into 合). Characters `evidence` does not show stay as they are.
pub(super) fn traditional_forms(evidence: &str) -> HashMap<char, char> {
    let mut uses: HashMap<char, usize> = HashMap::new();
    for c in evidence.chars() {
        *uses.entry(c).or_default() += 1;
    }
    let count = |c: &char| uses.get(c).copied().unwrap_or(0);
    traditional_candidates()
        .into_iter()
        .filter_map(|(s, forms)| {
            let best = forms.into_iter().max_by_key(|t| (count(t), std::cmp::Reverse(*t)))?;
            (count(&best) > count(&s)).then_some((s, best))
        })
        .collect()
}

/// Every Simplified character that some Traditional character becomes.
#[cfg(test)]
pub(super) fn simplified_forms() -> BTreeMap<char, Vec<char>> {
    traditional_candidates()
}

/// The symbols of a Chinese text: each number (digits, with `.` or `,` between digits) as one,
/// every other character on its own, so that a walk never glues two numbers together.
pub(super) fn zh_symbols(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut symbols = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        if chars[i].is_ascii_digit() {
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',') && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())))
            {
                i += 1;
            }
        } else {
            i += 1;
        }
        symbols.push(chars[start..i].iter().collect());
    }
    symbols
}

/// `text` in Traditional script, character by character.
pub(super) fn to_traditional(text: &str, map: &HashMap<char, char>) -> String {
    text.chars().map(|c| map.get(&c).copied().unwrap_or(c)).collect()
}

/// `text` with the digits of each number drawn anew: a year 20xx stays a year between 2010 and
/// 2039, a month (before 月) between 1 and 12, a day (before 日) between 1 and 28, and other
/// numbers keep their number of digits.
pub(super) fn randomise_digits(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let len = i - start;
        let digit = |rng: &mut Rng, low: u8| char::from(b'0' + low + rng.below(usize::from(10 - low)) as u8);
        match chars.get(i) {
            Some('月') => out.push_str(&(1 + rng.below(12)).to_string()),
            Some('日') => out.push_str(&(1 + rng.below(28)).to_string()),
            _ if len == 4 && chars[start] == '2' && chars[start + 1] == '0' => {
                out.push_str("20");
                out.push(char::from(b'1' + rng.below(3) as u8));
                out.push(digit(rng, 0));
            }
            _ => {
                for k in 0..len {
                    out.push(digit(rng, u8::from(k == 0 && len > 1)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_uses_the_corpus_symbols_and_is_seeded() {
        let records = ["推进教育现代化", "教育优先发展", "发展素质教育"];
        let walker = Walker::new(records.iter().map(|r| r.chars()), 0.5, 0.1);
        let walk = |seed| {
            let mut rng = Rng(seed);
            let mut cursor = Cursor::new();
            (0..40)
                .map(|_| *walker.step(&mut cursor, &mut rng).unwrap())
                .collect::<String>()
        };
        assert_eq!(walk(1), walk(1));
        assert_ne!(walk(1), walk(2));
        assert!(walk(1).chars().all(|c| records.iter().any(|r| r.contains(c))));
        let empty: Walker<char> = Walker::new(Vec::<Vec<char>>::new(), 0.5, 0.1);
        assert!(empty.step(&mut Cursor::new(), &mut Rng(1)).is_none());
    }

    #[test]
    fn traditional_forms_follow_the_evidence() {
        let map = traditional_forms("發展學校,合作");
        assert_eq!(to_traditional("发展学校合作", &map), "發展學校合作");
        assert_eq!(to_traditional("运", &map), "运", "not in the evidence");
        assert_eq!(zh_symbols("到2022年达86.5%"), ["到", "2022", "年", "达", "86.5", "%"]);
    }

    #[test]
    fn random_digits_keep_the_shape_of_dates_and_numbers() {
        let mut rng = Rng(5);
        for _ in 0..200 {
            let out = randomise_digits("2019年5月30日,建设120所,占85.5%", &mut rng);
            let numbers: Vec<u32> = out
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let [year, month, day, count, whole, tenth] = numbers[..] else {
                panic!("{out}")
            };
            assert!((2010..=2039).contains(&year), "{out}");
            assert!((1..=12).contains(&month) && (1..=28).contains(&day), "{out}");
            assert!(
                (100..=999).contains(&count) && (10..=99).contains(&whole) && tenth < 10,
                "{out}"
            );
        }
    }
}
