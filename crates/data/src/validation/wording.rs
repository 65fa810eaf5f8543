//! The rules of validation ([`Rule`]) in words, in Chinese and English, for the bundled data and
//! opened files alike. A rule is a kind with its facts; this module is the one place that words it.

use super::{Rule, MAX_ID_LEN, YEAR_RANGE};
use crate::lang::Lang;
use crate::message::{words, Message};
use crate::model::THEME_COLOUR_SLOTS;

impl Rule {
    /// The rule broken, as a message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.words(lang).to_string()
    }

    /// The rule broken, in `lang`, with its code parts marked.
    pub fn words(&self, lang: Lang) -> Message {
        let zh = lang == Lang::Zh;
        let (first_year, last_year) = (YEAR_RANGE.start(), YEAR_RANGE.end());
        match self {
            Rule::VersionEmpty => match zh {
                true => words().t("数据集版本号为空"),
                false => words().t("the dataset version is empty"),
            },
            Rule::UnitWithoutEnglish { unit } => match zh {
                true => words()
                    .t("单位 ")
                    .c(unit)
                    .t(" 是中文,请在 ")
                    .c("unit_en")
                    .t(" 中给出英文写法"),
                false => words()
                    .t("the unit '")
                    .c(unit)
                    .t("' is Chinese: give its English form in ")
                    .c("unit_en"),
            },
            Rule::UnknownTheme { theme } => match zh {
                true => words().t("没有这个主题:").c(theme),
                false => words().t("unknown theme '").c(theme).t("'"),
            },
            Rule::UnknownIndicator { indicator } => match zh {
                true => words().t("没有这个指标:").c(indicator),
                false => words().t("unknown indicator '").c(indicator).t("'"),
            },
            Rule::NotADate { date } => match zh {
                true => words().c(date).t(" 不是 ").c("YYYY-MM-DD").t(" 格式的日期"),
                false => words().t("'").c(date).t("' is not a ").c("YYYY-MM-DD").t(" date"),
            },
            Rule::InvalidPeriod { start, end } => match zh {
                true => words().t("规划期 ").c(format!("{start}–{end}")).t(format!(
                    " 无效:开始年份不能晚于结束年份,且都须在 {first_year}–{last_year} 之间"
                )),
                false => words().c(format!("{start}–{end}")).t(" is not a valid plan period"),
            },
            Rule::NoText { source } => match zh {
                true => words().t("找不到 ").c(source).t(" 整理后的原文"),
                false => words().t("no cleaned text for '").c(source).t("'"),
            },
            Rule::DuplicateTargetId => match zh {
                true => words().t("目标编号重复"),
                false => words().t("duplicate target id"),
            },
            Rule::InvalidId => match zh {
                true => words()
                    .t("编号只能用小写字母 ")
                    .c("a-z")
                    .t("、数字和 ")
                    .c("-")
                    .t(format!(",最多 {MAX_ID_LEN} 个字符")),
                false => words()
                    .t("an id may only use lowercase letters ")
                    .c("a-z")
                    .t(", digits and '")
                    .c("-")
                    .t(format!("', at most {MAX_ID_LEN} characters")),
            },
            Rule::EmptyId => match zh {
                true => words().t("编号为空"),
                false => words().t("an id is empty"),
            },
            Rule::DuplicateId => match zh {
                true => words().t("编号重复"),
                false => words().t("duplicate id"),
            },
            Rule::UnitDiffers { unit, expected } => match (zh, unit.is_empty()) {
                (true, true) => words().t("没有填写单位,指标的单位是 ").c(expected),
                (true, false) => words().t("单位 ").c(unit).t(" 与指标的单位 ").c(expected).t(" 不同"),
                (false, _) => words()
                    .t("unit ")
                    .c(format!("{unit:?}"))
                    .t(" differs from the indicator's unit '")
                    .c(expected)
                    .t("'"),
            },
            Rule::QuoteEmpty => match zh {
                true => words().t("引文为空"),
                false => words().t("the quote is empty"),
            },
            Rule::QuoteNotVerbatim => match zh {
                true => words().t("引文不是文件原文中一字不差的一段"),
                false => words().t("the quote is not a verbatim part of the document's text"),
            },
            Rule::MilestoneWithValue => match zh {
                true => words().t("里程碑类目标不填数值"),
                false => words().t("a milestone has no value"),
            },
            Rule::ValueMissing => match zh {
                true => words().t("数值类目标需要填写数值"),
                false => words().t("a numeric target needs a value"),
            },
            Rule::ValueNotFinite => match zh {
                true => words().t("数值不是有限的数"),
                false => words().t("the value is not a finite number"),
            },
            Rule::ValueNotInQuote { value } => match zh {
                true => words().t("引文中没有写出数值 ").c(value),
                false => words().c(value).t(" is not written in the quote"),
            },
            Rule::ChineseMissing => match zh {
                true => words().t("缺少中文(").c("zh").t(")"),
                false => words().t("the Chinese text (").c("zh").t(") is missing"),
            },
            Rule::EnglishMissing => match zh {
                true => words().t("缺少英文(").c("en").t(")"),
                false => words().t("the English text (").c("en").t(") is missing"),
            },
            Rule::GarbledWithoutNote => match zh {
                true => words().t("标为原文有误的目标须在说明(").c("note").t(")中写明如何解读"),
                false => words().t("a garbled target must explain its interpretation in the note"),
            },
            Rule::YearOutOfRange { year } => match zh {
                true => words()
                    .t("年份 ")
                    .c(year)
                    .t(format!(" 不在 {first_year}–{last_year} 之间")),
                false => words()
                    .t("year ")
                    .c(year)
                    .t(format!(" is outside {first_year}–{last_year}")),
            },
            Rule::BaselineAfterTarget { baseline, target } => match zh {
                true => words().t("基线年份 ").c(baseline).t(" 晚于目标年份 ").c(target),
                false => words()
                    .t("baseline year ")
                    .c(baseline)
                    .t(" is after the target year ")
                    .c(target),
            },
            Rule::SummaryMissing => match zh {
                true => words().t("中文和英文摘要都必须填写"),
                false => words().t("both the Chinese and the English summary are required"),
            },
            Rule::NoTraditionalCharacter => match zh {
                true => words().t("引文出自繁体文件,却没有一个繁体字"),
                false => words().t("a quote from a Traditional-script document has no Traditional character"),
            },
            Rule::ColourNotASlot { slot } => {
                let last = THEME_COLOUR_SLOTS - 1;
                match zh {
                    true => words()
                        .t("颜色 ")
                        .c(slot)
                        .t(format!(" 不是调色板中的位置(0 到 {last})")),
                    false => words()
                        .t("colour ")
                        .c(slot)
                        .t(format!(" is not a palette slot (0 to {last})")),
                }
            }
            Rule::ColourShared { slot, owner, free } => match zh {
                true => words()
                    .t("颜色 ")
                    .c(slot)
                    .t(" 已由主题 ")
                    .c(owner)
                    .t(format!(" 使用,而位置 {free} 还空着")),
                false => words()
                    .t("colour ")
                    .c(slot)
                    .t(" is already used by theme '")
                    .c(owner)
                    .t(format!("' while slot {free} is free")),
            },
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::message::Part;
    use crate::validation::has_han;

    /// A sample of every rule, each variant once (checked by `rule_index`); the file problems'
    /// sample holds each as a `FileProblem::Rule`, and their tests use the checks of the language below.
    pub(crate) fn rules() -> Vec<Rule> {
        vec![
            Rule::VersionEmpty,
            Rule::UnitWithoutEnglish { unit: "所".into() },
            Rule::UnknownTheme {
                theme: "no-such-theme".into(),
            },
            Rule::UnknownIndicator {
                indicator: "no-such-indicator".into(),
            },
            Rule::NotADate {
                date: "2024-13-01".into(),
            },
            Rule::InvalidPeriod { start: 2030, end: 2020 },
            Rule::NoText {
                source: "data/sources/x.txt".into(),
            },
            Rule::DuplicateTargetId,
            Rule::InvalidId,
            Rule::EmptyId,
            Rule::DuplicateId,
            Rule::UnitDiffers {
                unit: "人".into(),
                expected: "%".into(),
            },
            Rule::QuoteEmpty,
            Rule::QuoteNotVerbatim,
            Rule::MilestoneWithValue,
            Rule::ValueMissing,
            Rule::ValueNotFinite,
            Rule::ValueNotInQuote { value: 40.0 },
            Rule::ChineseMissing,
            Rule::EnglishMissing,
            Rule::GarbledWithoutNote,
            Rule::YearOutOfRange { year: 2040 },
            Rule::BaselineAfterTarget {
                baseline: 2026,
                target: 2025,
            },
            Rule::SummaryMissing,
            Rule::NoTraditionalCharacter,
            Rule::ColourNotASlot { slot: 16 },
            Rule::ColourShared {
                slot: 1,
                owner: "preschool".into(),
                free: 0,
            },
        ]
    }

    /// The variant's place in the enum; a new variant fails to compile here until it is sampled.
    fn rule_index(rule: &Rule) -> usize {
        match rule {
            Rule::VersionEmpty => 0,
            Rule::UnitWithoutEnglish { .. } => 1,
            Rule::UnknownTheme { .. } => 2,
            Rule::UnknownIndicator { .. } => 3,
            Rule::NotADate { .. } => 4,
            Rule::InvalidPeriod { .. } => 5,
            Rule::NoText { .. } => 6,
            Rule::DuplicateTargetId => 7,
            Rule::InvalidId => 8,
            Rule::EmptyId => 9,
            Rule::DuplicateId => 10,
            Rule::UnitDiffers { .. } => 11,
            Rule::QuoteEmpty => 12,
            Rule::QuoteNotVerbatim => 13,
            Rule::MilestoneWithValue => 14,
            Rule::ValueMissing => 15,
            Rule::ValueNotFinite => 16,
            Rule::ValueNotInQuote { .. } => 17,
            Rule::ChineseMissing => 18,
            Rule::EnglishMissing => 19,
            Rule::GarbledWithoutNote => 20,
            Rule::YearOutOfRange { .. } => 21,
            Rule::BaselineAfterTarget { .. } => 22,
            Rule::SummaryMissing => 23,
            Rule::NoTraditionalCharacter => 24,
            Rule::ColourNotASlot { .. } => 25,
            Rule::ColourShared { .. } => 26,
        }
    }

    /// Chinese words only, apart from the code parts and the unit "MB".
    pub(crate) fn assert_chinese(message: &Message) {
        let text = message.text_only().replace("MB", "");
        assert!(has_han(&text), "{message}");
        assert!(
            !text.chars().any(|c| c.is_ascii_alphabetic()),
            "English in the Chinese: {message:?}"
        );
    }

    /// English words only, apart from the code parts.
    pub(crate) fn assert_english(message: &Message) {
        let text = message.text_only();
        assert!(text.chars().any(|c| c.is_ascii_alphabetic()), "{message}");
        assert!(!has_han(&text), "Chinese in the English: {message:?}");
        assert!(
            !text.contains(['。', '、', '“', '”']),
            "Chinese punctuation: {message:?}"
        );
    }

    #[test]
    fn every_rule_is_worded_in_both_languages() {
        let rules = rules();
        let mut covered: Vec<usize> = rules.iter().map(rule_index).collect();
        covered.dedup();
        assert_eq!(covered, (0..27).collect::<Vec<_>>(), "each rule sampled once, in order");
        for rule in &rules {
            assert_chinese(&rule.words(Lang::Zh));
            assert_english(&rule.words(Lang::En));
            assert_eq!(rule.to_string(), rule.message(Lang::En));
        }
    }

    #[test]
    fn the_english_is_the_wording_the_page_has_always_shown() {
        let differs = Rule::UnitDiffers {
            unit: String::new(),
            expected: "%".into(),
        };
        assert_eq!(
            differs.message(Lang::En),
            "unit \"\" differs from the indicator's unit '%'"
        );
        assert_eq!(
            Rule::ColourShared {
                slot: 1,
                owner: "preschool".into(),
                free: 0
            }
            .message(Lang::En),
            "colour 1 is already used by theme 'preschool' while slot 0 is free"
        );
    }

    #[test]
    fn code_parts_hold_what_is_quoted_from_the_file() {
        let words = Rule::UnknownTheme {
            theme: "no-such-theme".into(),
        }
        .words(Lang::Zh);
        assert_eq!(
            words.parts(),
            [Part::Text("没有这个主题:".into()), Part::Code("no-such-theme".into())]
        );
        assert_eq!(words.to_string(), "没有这个主题:no-such-theme");
        assert_eq!(words.text_only(), "没有这个主题:");
    }
}
