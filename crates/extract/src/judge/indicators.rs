//! The best-guess indicator and theme of a candidate, from the catalogue (`data/indicators.toml`:
//! each indicator's Chinese name and aliases, its theme and unit).
//!
//! A name is read as its pairs of adjacent characters, each weighted by how rare it is in the
//! catalogue (班额 tells more than 比例). An indicator's score is the weighted share of its name's
//! pairs that the value's subject writes (pairs found only elsewhere in the sentence count half),
//! adjusted by whether the units agree. The best indicator over a threshold is the guess; the
//! theme is its theme, or the theme most of the nearly-fitting indicators share. A subject whose
//! name differs from the best indicator's by a qualifier (`qualifiers`: 第四年 for 三年, 建园 for
//! 入园, 初中 for 小学) is not that indicator: the guess is a new indicator named from the subject,
//! in the best one's theme.

use crate::judge::qualifiers::{self, Qualifier};
use crate::text::folded::is_han;
use policy_analysis::ordering;
use policy_data::model::{Indicator, Theme};
use policy_data::script::fold;

/// Scores from which an indicator is guessed, and from which the match counts as strong.
pub const GUESS_SCORE: f64 = 0.45;
pub const STRONG_SCORE: f64 = 0.65;
/// Score from which a nearly-fitting indicator votes for its theme.
const THEME_SCORE: f64 = 0.3;

type Pair = (char, char);

/// The catalogue as the extractor reads it, built once from the indicators and themes.
#[derive(Clone, Debug)]
pub struct Catalogue {
    entries: Vec<Entry>,
    themes: Vec<String>,
    /// Each name (or alias): its indicator and the summed weight of its pairs.
    names: Vec<(usize, f64)>,
    /// Every pair of the names, sorted, with its weight and the names holding it.
    index: Vec<(Pair, f64, Vec<usize>)>,
}

#[derive(Clone, Debug)]
struct Entry {
    id: String,
    theme: String,
    unit: String,
    /// The name and aliases, folded.
    names: Vec<String>,
}

/// The pairs of a text, ready to be scored against the catalogue (a sentence's, computed once for
/// all its values).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words(Vec<Pair>);

impl Words {
    /// The pairs of adjacent Chinese characters of `text` (folded).
    pub fn of(text: &str) -> Words {
        Words(sorted_pairs(text))
    }
}

/// A guess.
#[derive(Clone, Debug, PartialEq)]
pub struct Guess {
    pub indicator: Option<String>,
    pub theme: Option<String>,
    pub score: f64,
    /// The guessed indicator's unit differs from the value's.
    pub unit_mismatch: bool,
    /// The best-fitting indicator's name differs from the subject's by this qualifier: no
    /// indicator is guessed, and `new_name` is the subject's own.
    pub qualifier: Option<Qualifier>,
    /// The name of a new indicator, from the subject's words (with `qualifier`).
    pub new_name: Option<String>,
}

impl Catalogue {
    pub fn new(indicators: &[Indicator], themes: &[Theme]) -> Catalogue {
        let mut name_pairs: Vec<(usize, Vec<Pair>)> = Vec::new();
        for (i, indicator) in indicators.iter().enumerate() {
            for name in std::iter::once(&indicator.name.zh).chain(&indicator.aliases) {
                name_pairs.push((i, sorted_pairs(&fold(name))));
            }
        }
        // Each pair with the names holding it, and how many indicators do.
        let mut index: Vec<(Pair, f64, Vec<usize>)> = Vec::new();
        for (n, (_, pairs)) in name_pairs.iter().enumerate() {
            for pair in pairs {
                match index.binary_search_by(|(p, _, _)| p.cmp(pair)) {
                    Ok(at) => index[at].2.push(n),
                    Err(at) => index.insert(at, (*pair, 0.0, vec![n])),
                }
            }
        }
        let count = indicators.len().max(1) as f64;
        for (_, weight, holders) in &mut index {
            let mut owners: Vec<usize> = holders.iter().map(|&n| name_pairs[n].0).collect();
            owners.dedup();
            *weight = (1.0 + count / owners.len() as f64).ln();
        }
        let weight_of = |pair: &Pair| {
            index
                .binary_search_by(|(p, _, _)| p.cmp(pair))
                .map_or(1.0, |at| index[at].1)
        };
        let names = name_pairs
            .iter()
            .map(|(i, pairs)| (*i, pairs.iter().map(weight_of).sum()))
            .collect();
        Catalogue {
            entries: indicators
                .iter()
                .map(|indicator| Entry {
                    id: indicator.id.clone(),
                    theme: indicator.theme.clone(),
                    unit: indicator.unit.clone(),
                    names: std::iter::once(&indicator.name.zh)
                        .chain(&indicator.aliases)
                        .map(|n| fold(n))
                        .collect(),
                })
                .collect(),
            themes: themes.iter().map(|t| t.id.clone()).collect(),
            names,
            index,
        }
    }

    /// The unit of the indicator `id`, if the catalogue has it.
    pub fn unit(&self, id: &str) -> Option<&str> {
        self.entries.iter().find(|e| e.id == id).map(|e| e.unit.as_str())
    }

    /// The number of indicators.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best guess for a value whose subject is `subject` (folded), in a sentence whose words
    /// are `context`, written with `unit` (empty when none).
    pub fn guess(&self, subject: &str, context: &Words, unit: &str) -> Guess {
        let written = subject;
        let subject = pairs(subject);
        // Each name's found weight: whole for a pair of the subject, half for one only in the context.
        let mut found = vec![0.0; self.names.len()];
        let mut add = |pair: &Pair, share: f64| {
            if let Ok(at) = self.index.binary_search_by(|(p, _, _)| p.cmp(pair)) {
                let (_, weight, holders) = &self.index[at];
                for &n in holders {
                    found[n] += weight * share;
                }
            }
        };
        for pair in &subject {
            add(pair, 1.0);
        }
        for pair in context.0.iter().filter(|p| !subject.contains(p)) {
            add(pair, 0.5);
        }
        let mut coverage = vec![0.0f64; self.entries.len()];
        for (n, &(entry, total)) in self.names.iter().enumerate() {
            if total > 0.0 {
                coverage[entry] = coverage[entry].max(found[n] / total);
            }
        }
        let scores: Vec<(usize, f64, bool)> = coverage
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0.0)
            .map(|(i, c)| {
                let (adjust, mismatch) = unit_agreement(unit, &self.entries[i].unit);
                (i, c + adjust, mismatch)
            })
            .collect();
        let best = scores
            .iter()
            .copied()
            .fold(None, |best: Option<(usize, f64, bool)>, s| match best {
                Some(b) if b.1 >= s.1 => Some(b),
                _ => Some(s),
            });
        let Some((best, score, mismatch)) = best else {
            return Guess {
                indicator: None,
                theme: None,
                score: 0.0,
                unit_mismatch: false,
                qualifier: None,
                new_name: None,
            };
        };
        let names = |i: usize| self.entries[i].names.iter().map(String::as_str);
        let qualifier = (score >= GUESS_SCORE)
            .then(|| qualifiers::differs(written, names(best)))
            .flatten();
        let (best, score, mismatch) = match qualifier {
            None => (best, score, mismatch),
            // Another indicator over the threshold that writes the subject's own qualifier
            // (初中不超过50人 beside 小学班额: 初中班额) is the guess; without one, a new indicator.
            Some(qualifier) => match scores
                .iter()
                .copied()
                .filter(|s| {
                    s.1 >= GUESS_SCORE
                        && qualifiers::agrees(written, names(s.0), qualifier)
                        && qualifiers::differs(written, names(s.0)).is_none()
                })
                .fold(None, |best: Option<(usize, f64, bool)>, s| match best {
                    Some(b) if b.1 >= s.1 => Some(b),
                    _ => Some(s),
                }) {
                Some(agreeing) => agreeing,
                None => {
                    return Guess {
                        indicator: None,
                        theme: Some(self.entries[best].theme.clone()),
                        score,
                        unit_mismatch: false,
                        qualifier: Some(qualifier),
                        new_name: Some(qualifiers::name_from(written, names(best))),
                    }
                }
            },
        };
        let indicator = (score >= GUESS_SCORE).then(|| self.entries[best].id.clone());
        let theme = if indicator.is_some() {
            Some(self.entries[best].theme.clone())
        } else {
            self.theme_vote(&scores)
        };
        Guess {
            indicator,
            theme,
            score,
            unit_mismatch: mismatch && score >= GUESS_SCORE,
            qualifier: None,
            new_name: None,
        }
    }

    /// The theme with the largest summed score among indicators scoring at least `THEME_SCORE`.
    fn theme_vote(&self, scores: &[(usize, f64, bool)]) -> Option<String> {
        let mut votes: Vec<(usize, f64)> = Vec::new();
        for &(i, score, _) in scores.iter().filter(|s| s.1 >= THEME_SCORE) {
            let Some(theme) = self.themes.iter().position(|t| *t == self.entries[i].theme) else {
                continue;
            };
            match votes.iter_mut().find(|(t, _)| *t == theme) {
                Some(vote) => vote.1 += score,
                None => votes.push((theme, score)),
            }
        }
        votes
            .into_iter()
            .fold(None, |best: Option<(usize, f64)>, v| match best {
                Some(b) if b.1 >= v.1 => Some(b),
                _ => Some(v),
            })
            .map(|(theme, _)| self.themes[theme].clone())
    }
}

/// How the value's unit and the indicator's agree: a bonus for the same unit, a penalty for a
/// percentage against a count (and the other way), and whether they differ.
fn unit_agreement(unit: &str, indicator_unit: &str) -> (f64, bool) {
    if unit.is_empty() {
        return (0.0, false);
    }
    if unit == indicator_unit {
        return (0.15, false);
    }
    let percent = unit == "%";
    if percent != (indicator_unit == "%") {
        return (-0.25, true);
    }
    let base = |u: &str| u.split('/').next().unwrap_or_default().to_string();
    if base(unit) == base(indicator_unit) || indicator_unit.contains(unit) || unit.contains(indicator_unit) {
        (0.05, true)
    } else {
        (-0.1, true)
    }
}

/// The pairs of adjacent Chinese characters of `text` (folded), without repeats, in the text's
/// order (a value's subject: a few pairs, searched one by one).
fn pairs(text: &str) -> Vec<Pair> {
    let chars: Vec<char> = text.chars().collect();
    let mut pairs: Vec<Pair> = Vec::new();
    for w in chars.windows(2).filter(|w| is_han(w[0]) && is_han(w[1])) {
        if !pairs.contains(&(w[0], w[1])) {
            pairs.push((w[0], w[1]));
        }
    }
    pairs
}

/// The pairs of adjacent Chinese characters of `text` (folded), sorted, without repeats.
fn sorted_pairs(text: &str) -> Vec<Pair> {
    let chars: Vec<char> = text.chars().collect();
    let mut pairs: Vec<Pair> = chars
        .windows(2)
        .filter(|w| is_han(w[0]) && is_han(w[1]))
        .map(|w| (w[0], w[1]))
        .collect();
    ordering::sort(&mut pairs);
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;

    fn catalogue() -> Catalogue {
        let dataset = bundled::dataset();
        Catalogue::new(&dataset.indicators, &dataset.themes)
    }

    fn guess(subject: &str, unit: &str) -> Option<String> {
        catalogue()
            .guess(&fold(subject), &Words::of(&fold(subject)), unit)
            .indicator
    }

    #[test]
    fn names_and_units_pick_the_indicator() {
        assert_eq!(guess("小学班额不超过", "人").as_deref(), Some("primary-class-size-cap"));
        assert_eq!(
            guess("全市学前三年毛入园率达到", "%").as_deref(),
            Some("preschool-gross-enrolment")
        );
        assert_eq!(
            guess("幼兒園教師高級崗位結構比例", "%").as_deref(),
            Some("senior-post-ratio-kindergarten")
        );
        assert_eq!(
            guess("适龄残疾儿童少年入学率达", "%").as_deref(),
            Some("disabled-children-enrolment")
        );
    }

    #[test]
    fn a_qualifier_apart_is_a_new_indicator() {
        let found = catalogue().guess(&fold("全市学前第四年毛入园率达到"), &Words::default(), "%");
        assert_eq!(found.indicator, None);
        assert_eq!(found.qualifier, Some(Qualifier::Years));
        assert_eq!(found.new_name.as_deref(), Some("学前第四年毛入园率"));
        assert_eq!(found.theme.as_deref(), Some("preschool"));
        let exact = catalogue().guess(&fold("全市学前三年毛入园率达到"), &Words::default(), "%");
        assert_eq!(exact.indicator.as_deref(), Some("preschool-gross-enrolment"));
        assert_eq!((exact.qualifier, exact.new_name), (None, None));
    }

    #[test]
    fn unrelated_words_guess_nothing() {
        let found = catalogue().guess("召开培养良好习惯现场会", &Words::default(), "次");
        assert_eq!(found.indicator, None);
    }

    #[test]
    fn the_theme_follows_the_indicator() {
        let found = catalogue().guess(&fold("小学班额不超过"), &Words::default(), "人");
        assert_eq!(found.theme.as_deref(), Some("compulsory"));
    }
}
