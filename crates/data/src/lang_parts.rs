//! The language of the parts of a text (WCAG 3.1.2, Language of Parts): an English sentence may
//! carry Chinese (the gloss in "binding (约束性) targets", a unit as in "+90000 个", a document's
//! number or name, a quotation), which a page marks with `lang="zh"`, or `lang="zh-Hant"` where it
//! is written in Traditional characters. [`runs`] cuts a text into its Chinese runs and the rest;
//! joined back, the runs are the text byte for byte.

use crate::script::is_traditional_specific;

/// A piece of a text, as [`runs`] cuts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run<'a> {
    /// Not Chinese: the language of the text around it.
    Other(&'a str),
    /// Chinese, from its first to its last Chinese character; `traditional` when one of its
    /// characters exists only in Traditional script (東, 學).
    Chinese { text: &'a str, traditional: bool },
}

impl<'a> Run<'a> {
    pub fn text(self) -> &'a str {
        match self {
            Run::Other(text) | Run::Chinese { text, .. } => text,
        }
    }

    /// The `lang` attribute of the run: `zh`, `zh-Hant`, or none for the rest.
    pub fn lang(self) -> Option<&'static str> {
        match self {
            Run::Other(_) => None,
            Run::Chinese { traditional: false, .. } => Some("zh"),
            Run::Chinese { traditional: true, .. } => Some("zh-Hant"),
        }
    }
}

/// A Han character (the unified ideographs, their extensions and the compatibility block).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// Chinese writing: a Han character, CJK punctuation (、。「」〔〕) or a full-width form (,:()).
fn is_chinese_writing(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// Letters of another script (Latin, mainly): where a Chinese run ends.
fn is_other_letter(c: char) -> bool {
    c.is_alphabetic() && !is_chinese_writing(c)
}

/// `text` cut into Chinese runs and the rest. A Chinese run holds at least one Han character; it
/// starts at Chinese writing and ends at the last Chinese writing before the next letter of another
/// script, so the digits, spaces and signs inside it (`東府〔2019〕76號`, `人/班`) stay in it and those
/// at its edges (`+90000 ` of `+90000 个`) do not. No run is empty; a text without Han characters is
/// one [`Run::Other`] (none when it is empty).
pub fn runs(text: &str) -> Vec<Run<'_>> {
    let mut runs = Vec::new();
    let mut rest_from = 0; // the start of what is not yet a run
    let mut chinese: Option<(usize, usize, bool)> = None; // start, end, holds a Han character
    for (i, c) in text.char_indices() {
        if is_chinese_writing(c) {
            let end = i + c.len_utf8();
            chinese = Some(match chinese {
                Some((start, _, han)) => (start, end, han || is_han(c)),
                None => (i, end, is_han(c)),
            });
        } else if is_other_letter(c) {
            if let Some(span) = chinese.take() {
                rest_from = push_chinese(text, &mut runs, rest_from, span);
            }
        }
    }
    if let Some(span) = chinese {
        rest_from = push_chinese(text, &mut runs, rest_from, span);
    }
    if rest_from < text.len() {
        runs.push(Run::Other(&text[rest_from..]));
    }
    runs
}

/// Pushes the Chinese writing `start..end` of `text` as a run, after the rest since `from`, when it
/// holds a Han character (`han`); returns where the rest now starts.
fn push_chinese<'a>(
    text: &'a str,
    runs: &mut Vec<Run<'a>>,
    from: usize,
    (start, end, han): (usize, usize, bool),
) -> usize {
    if !han {
        return from;
    }
    if from < start {
        runs.push(Run::Other(&text[from..start]));
    }
    let run = &text[start..end];
    runs.push(Run::Chinese {
        text: run,
        traditional: run.chars().any(is_traditional_specific),
    });
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(text: &str) -> Run<'_> {
        Run::Chinese {
            text,
            traditional: false,
        }
    }

    fn hant(text: &str) -> Run<'_> {
        Run::Chinese {
            text,
            traditional: true,
        }
    }

    #[test]
    fn a_gloss_in_an_english_sentence_is_its_own_run() {
        assert_eq!(
            runs("Only Sihui (1) sets binding (约束性) targets."),
            [
                Run::Other("Only Sihui (1) sets binding ("),
                zh("约束性"),
                Run::Other(") targets."),
            ]
        );
    }

    #[test]
    fn digits_and_signs_inside_chinese_stay_in_it_and_those_at_its_edges_do_not() {
        assert_eq!(runs("+90000 个"), [Run::Other("+90000 "), zh("个")]);
        assert_eq!(
            runs("≤45 人/班 by 2022"),
            [Run::Other("≤45 "), zh("人/班"), Run::Other(" by 2022")]
        );
        assert_eq!(
            runs("東府〔2019〕76號 and 四府〔2022〕4号"),
            [hant("東府〔2019〕76號"), Run::Other(" and "), zh("四府〔2022〕4号")]
        );
    }

    #[test]
    fn traditional_characters_make_a_traditional_run() {
        assert_eq!(runs("東莞"), [hant("東莞")]);
        assert_eq!(runs("东莞"), [zh("东莞")]);
        assert_eq!(runs("东莞").first().and_then(|r| r.lang()), Some("zh"));
        assert_eq!(runs("學位").first().and_then(|r| r.lang()), Some("zh-Hant"));
    }

    #[test]
    fn text_without_han_is_one_other_run_and_empty_text_none() {
        assert_eq!(runs("Binding, 2020"), [Run::Other("Binding, 2020")]);
        assert_eq!(runs("(1)、(2)"), [Run::Other("(1)、(2)")]);
        assert_eq!(runs(""), []);
        assert_eq!(runs("Dongguan 东莞"), [Run::Other("Dongguan "), zh("东莞")]);
    }

    proptest::proptest! {
        #[test]
        fn the_runs_join_back_into_the_text(text in "[a-z 0-9(),东學、〔〕]{0,24}") {
            let cut = runs(&text);
            proptest::prop_assert_eq!(cut.iter().map(|r| r.text()).collect::<String>(), text.clone());
            proptest::prop_assert!(cut.iter().all(|r| !r.text().is_empty()));
            proptest::prop_assert!(cut.windows(2).all(|w| !matches!(w, [Run::Other(_), Run::Other(_)])));
        }
    }
}
