//! Seeded generator of larger, valid datasets for benchmarks: each real document is copied into
//! synthetic localities (invented two-character names), so a dataset `scale` times larger keeps
//! the real documents' shape, texts and quotes.
//!
//! Copy 0 of every document is the real one, unchanged, so links and defaults keep working. In
//! every other copy the locality's name is replaced by the invented one, consistently in the text,
//! the quotes, the metadata and the summaries, and ids are rewritten to the new document id. Only
//! name characters that are never numerals are used, so every value stays written in its quote.
//! A copy whose renamed text would break a quote (a name cut by a quote's edge) keeps the
//! original text and quotes; the generated dataset is meant to pass `validation::validate`, and
//! the tests check that it does.

use std::collections::{BTreeMap, HashSet};

use policy_data::model::{Bilingual, Dataset, DocumentEntry, Script, Target};

/// Characters of invented place names with their pinyin; none of them is a numeral.
const NAME_PARTS: [(&str, &str); 40] = [
    ("安", "an"),
    ("宁", "ning"),
    ("平", "ping"),
    ("和", "he"),
    ("江", "jiang"),
    ("山", "shan"),
    ("湖", "hu"),
    ("阳", "yang"),
    ("城", "cheng"),
    ("新", "xin"),
    ("清", "qing"),
    ("丰", "feng"),
    ("泰", "tai"),
    ("华", "hua"),
    ("兴", "xing"),
    ("长", "chang"),
    ("永", "yong"),
    ("福", "fu"),
    ("康", "kang"),
    ("临", "lin"),
    ("桂", "gui"),
    ("松", "song"),
    ("柳", "liu"),
    ("梅", "mei"),
    ("云", "yun"),
    ("林", "lin"),
    ("海", "hai"),
    ("溪", "xi"),
    ("源", "yuan"),
    ("昌", "chang"),
    ("乐", "le"),
    ("庆", "qing"),
    ("德", "de"),
    ("武", "wu"),
    ("文", "wen"),
    ("嘉", "jia"),
    ("宜", "yi"),
    ("广", "guang"),
    ("瑞", "rui"),
    ("峰", "feng"),
];

/// A generated dataset and the texts of its documents, keyed by document id.
pub struct Generated {
    pub dataset: Dataset,
    pub texts: BTreeMap<String, String>,
}

/// SplitMix64: a tiny, fixed pseudo-random sequence, so a seed gives the same dataset on every
/// machine and with every crate version.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// An invented locality: Chinese name, English name and the lowercase id stem.
struct Name {
    zh: String,
    en: String,
    stem: String,
}

fn invent_name(rng: &mut SplitMix64, taken: &mut HashSet<String>) -> Name {
    loop {
        let (a, b) = (
            NAME_PARTS[rng.below(NAME_PARTS.len())],
            NAME_PARTS[rng.below(NAME_PARTS.len())],
        );
        if a.0 == b.0 {
            continue;
        }
        let stem = format!("{}{}", a.1, b.1);
        let zh = format!("{}{}", a.0, b.0);
        if taken.insert(zh.clone()) {
            let mut en = stem.clone();
            en[..1].make_ascii_uppercase();
            // Pinyin can repeat ("chang" for 长 and 昌): the number keeps ids unique.
            let stem = format!("{stem}{}", taken.len());
            return Name { zh, en, stem };
        }
    }
}

/// The year part of a document id (`panjin-2019` → `2019`), or the plan's first year.
fn id_year(entry: &DocumentEntry) -> String {
    entry
        .document
        .id
        .rsplit_once('-')
        .map(|(_, year)| year)
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .unwrap_or_else(|| entry.document.period.start.to_string())
}

/// Renames one document: `zh`/`en` replace the locality's names, ids move to `new_id`.
struct Renamer<'a> {
    old_zh: &'a str,
    old_en: &'a str,
    old_id: &'a str,
    name: &'a Name,
    new_id: &'a str,
    /// Whether the text (and so the quotes and sections) are renamed too.
    in_text: bool,
}

impl Renamer<'_> {
    fn zh(&self, s: &str) -> String {
        if self.old_zh.is_empty() {
            s.to_string()
        } else {
            s.replace(self.old_zh, &self.name.zh)
        }
    }

    fn text(&self, s: &str) -> String {
        if self.in_text {
            self.zh(s)
        } else {
            s.to_string()
        }
    }

    fn bilingual(&self, b: &Bilingual) -> Bilingual {
        Bilingual {
            zh: self.zh(&b.zh),
            en: b.en.replace(self.old_en, &self.name.en),
        }
    }

    fn target(&self, t: &Target) -> Target {
        let id = match t.id.strip_prefix(self.old_id) {
            Some(rest) => format!("{}{rest}", self.new_id),
            None => format!("{}-{}", self.new_id, t.id),
        };
        Target {
            id,
            quote: self.text(&t.quote),
            section: self.text(&t.section),
            summary: self.bilingual(&t.summary),
            responsible: t.responsible.iter().map(|r| self.zh(r)).collect(),
            scope: t.scope.as_ref().map(|s| self.bilingual(s)),
            ..t.clone()
        }
    }

    fn entry(&self, entry: &DocumentEntry) -> DocumentEntry {
        let doc = &entry.document;
        let mut document = doc.clone();
        document.id = self.new_id.to_string();
        document.locality = Bilingual {
            zh: self.name.zh.clone(),
            en: self.name.en.clone(),
        };
        document.title = self.zh(&doc.title);
        document.issuer = self.zh(&doc.issuer);
        document.source = format!("data/sources/{}.txt", self.new_id);
        DocumentEntry {
            document,
            targets: entry.targets.iter().map(|t| self.target(t)).collect(),
        }
    }
}

/// True when renaming keeps every quote a verbatim part of the renamed text.
fn renaming_keeps_quotes(renamer: &Renamer, entry: &DocumentEntry, text: &str) -> bool {
    let renamed = renamer.zh(text);
    entry.targets.iter().all(|t| renamed.contains(&renamer.zh(&t.quote)))
}

/// A dataset `scale` times larger than `base` (at least 1×), deterministic for a given `seed`.
/// Documents without a text in `texts` are copied without one.
pub fn generate(base: &Dataset, texts: &BTreeMap<String, String>, scale: usize, seed: u64) -> Generated {
    let mut rng = SplitMix64(seed);
    let mut taken: HashSet<String> = base.documents.iter().map(|e| e.document.locality.zh.clone()).collect();
    let mut documents = base.documents.clone();
    let mut out_texts = texts.clone();
    for _copy in 1..scale.max(1) {
        for entry in &base.documents {
            let name = invent_name(&mut rng, &mut taken);
            let new_id = format!("{}-{}", name.stem, id_year(entry));
            let doc = &entry.document;
            let text = texts.get(&doc.id);
            // Traditional texts write the name in Traditional characters: rename only the metadata.
            let mut renamer = Renamer {
                old_zh: &doc.locality.zh,
                old_en: &doc.locality.en,
                old_id: &doc.id,
                name: &name,
                new_id: &new_id,
                in_text: doc.script == Script::Simplified,
            };
            if let Some(text) = text {
                renamer.in_text = renamer.in_text && renaming_keeps_quotes(&renamer, entry, text);
                out_texts.insert(new_id.clone(), renamer.text(text));
            }
            documents.push(renamer.entry(entry));
        }
    }
    Generated {
        dataset: Dataset {
            version: format!("{}+synthetic-x{}-seed{seed}", base.version, scale.max(1)),
            themes: base.themes.clone(),
            indicators: base.indicators.clone(),
            documents,
        },
        texts: out_texts,
    }
}

/// The generated dataset as the published files: `targets.json` and `texts.json`.
pub fn published_files(generated: &Generated) -> Vec<(&'static str, String)> {
    vec![
        ("targets.json", policy_data::export::dataset_json(&generated.dataset)),
        (
            "texts.json",
            serde_json::to_string(&generated.texts).expect("a map of strings serialises"),
        ),
    ]
}
