//! What can stop a review, as kinds with their facts, worded here in Chinese and English in the
//! manner of `policy_data::dataset_file`'s wording: what is wrong, then what to do. A file or a pasted text that gives no
//! text (the reader's `input::InputError`, worded there), a text with no targets, a selection that
//! cannot be added, and fields that cannot be read when the dataset file is built. No message is
//! made from a dependency's text.

use crate::input::InputError;
use policy_data::lang::Lang;
use policy_data::validation::YEAR_RANGE;

/// One thing that stops a review or its file.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewProblem {
    /// The pasted or opened text gives no text to analyse.
    Input(InputError),
    /// The extractor found no target in the text.
    NoCandidates,
    /// The selection is empty or not in the text.
    SelectionEmpty,
    /// The selected sentence is already in the list.
    SelectionListed,
    /// No item is accepted.
    NothingAccepted,
    /// A metadata field that must be filled is empty (`field` names it in English).
    MetaMissing { field: &'static str },
    /// A date that is not `YYYY-MM-DD`.
    BadDate { field: &'static str, text: String },
    /// A period whose years are not years in range, or run backwards.
    BadPeriod,
    /// Item `n` (1-based) has no indicator chosen.
    NoIndicator { n: usize },
    /// Item `n`'s value is not a number.
    BadValue { n: usize, text: String },
    /// Item `n`'s value is not written in its sentence.
    ValueNotInQuote { n: usize, text: String },
    /// Item `n`'s year is not a year in range.
    BadYear { n: usize, text: String },
    /// Item `n`'s scope is written in one language only.
    ScopeHalf { n: usize },
    /// Item `n` proposes the new indicator `name` (Chinese) and has no English name for it (or one
    /// written in Chinese).
    NewIndicatorEnglish { n: usize, name: String },
    /// Item `n`'s new indicator `name` has no unit the file can declare (the sentence writes none,
    /// or a Chinese one no catalogue indicator reads in English).
    NewIndicatorUnit { n: usize, name: String },
    /// Item `n`'s new indicator `name` has no theme of the site.
    NewIndicatorTheme { n: usize, name: String },
}

impl From<InputError> for ReviewProblem {
    fn from(error: InputError) -> ReviewProblem {
        ReviewProblem::Input(error)
    }
}

impl ReviewProblem {
    /// The problem and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let (first, last) = (YEAR_RANGE.start(), YEAR_RANGE.end());
        match self {
            ReviewProblem::Input(error) => error.message(lang),
            ReviewProblem::NoCandidates => match zh {
                true => "没有找到可能的目标。您仍可在原文中选中句子,点“添加所选句子”手动加入。".into(),
                false => "No likely targets were found. You can still select a sentence in the text and press “Add the selected sentence”.".into(),
            },
            ReviewProblem::SelectionEmpty => match zh {
                true => "请先在左侧原文中用鼠标或手指选中一句话,再点“添加所选句子”。".into(),
                false => "First select a sentence in the text, then press “Add the selected sentence”.".into(),
            },
            ReviewProblem::SelectionListed => match zh {
                true => "这句话已在审阅列表中。".into(),
                false => "This sentence is already in the review list.".into(),
            },
            ReviewProblem::NothingAccepted => match zh {
                true => "还没有采纳任何目标:请至少采纳一项。".into(),
                false => "No target is accepted yet: accept at least one.".into(),
            },
            ReviewProblem::MetaMissing { field } => match zh {
                true => format!("请填写“{}”。", field_zh(field)),
                false => format!("Please fill in “{field}”."),
            },
            ReviewProblem::BadDate { field, text } => match zh {
                true => format!("“{}”的 {text} 不是 YYYY-MM-DD 格式的日期(如 2024-03-15)。", field_zh(field)),
                false => format!("“{field}”: {text} is not a date in the form YYYY-MM-DD (e.g. 2024-03-15)."),
            },
            ReviewProblem::BadPeriod => match zh {
                true => format!("规划期须是 {first} 至 {last} 年之间的两个年份,起始年不晚于结束年。"),
                false => format!("The period must be two years between {first} and {last}, the start not after the end."),
            },
            ReviewProblem::NoIndicator { n } => match zh {
                true => format!("第 {n} 项没有选择指标:请选择一个指标,或不采纳这一项。"),
                false => format!("Item {n} has no indicator: choose one, or do not accept the item."),
            },
            ReviewProblem::BadValue { n, text } => match zh {
                true => format!("第 {n} 项的数值 {text} 不是数字。"),
                false => format!("Item {n}: the value {text} is not a number."),
            },
            ReviewProblem::ValueNotInQuote { n, text } => match zh {
                true => format!("第 {n} 项的数值 {text} 没有写在原句中:数值须与原文一致。"),
                false => format!("Item {n}: the value {text} is not written in its sentence; values must be as the text writes them."),
            },
            ReviewProblem::BadYear { n, text } => match zh {
                true => format!("第 {n} 项的年份 {text} 不是 {first} 至 {last} 年之间的年份。"),
                false => format!("Item {n}: the year {text} is not a year between {first} and {last}."),
            },
            ReviewProblem::ScopeHalf { n } => match zh {
                true => format!("第 {n} 项的适用范围须同时填写中文和英文,或都留空。"),
                false => format!("Item {n}: write the scope in both Chinese and English, or leave both empty."),
            },
            ReviewProblem::NewIndicatorEnglish { n, name } => match zh {
                true => format!("第 {n} 项的新指标“{name}”还没有英文名:请在“新指标英文名”中用英文填写,或选择目录中的指标,或不采纳这一项。"),
                false => format!("Item {n} proposes a new indicator without an English name: fill in “New indicator's English name” in English, choose a catalogue indicator, or do not accept the item."),
            },
            ReviewProblem::NewIndicatorUnit { n, name } => match zh {
                true => format!("第 {n} 项的新指标“{name}”没有可用的单位(原句没有写,或写的单位本站无法译成英文):请选择目录中的指标,或不采纳这一项。"),
                false => format!("Item {n}'s new indicator has no unit the file can declare (its sentence writes none, or one the site cannot put in English): choose a catalogue indicator, or do not accept the item."),
            },
            ReviewProblem::NewIndicatorTheme { n, name } => match zh {
                true => format!("第 {n} 项的新指标“{name}”不属于本站的任何主题:请选择目录中的指标,或不采纳这一项。"),
                false => format!("Item {n}'s new indicator belongs to no theme of the site: choose a catalogue indicator, or do not accept the item."),
            },
        }
    }
}

/// The Chinese name of a metadata field named in English.
fn field_zh(field: &str) -> &'static str {
    match field {
        "locality (Chinese)" => "地区(中文)",
        "locality (English)" => "地区(英文)",
        "title" => "标题",
        "issuer" => "发文机关",
        "issued" => "发布日期",
        "published" => "公开日期",
        _ => "字段",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::validation::has_han;

    #[test]
    fn every_problem_is_worded_in_both_languages() {
        let all = [
            ReviewProblem::Input(InputError::Empty),
            ReviewProblem::Input(InputError::Binary),
            ReviewProblem::Input(InputError::TooLarge { mb: 20, limit_mb: 16 }),
            ReviewProblem::Input(InputError::NotAZip),
            ReviewProblem::Input(InputError::NoDocument),
            ReviewProblem::Input(InputError::NotWellFormed),
            ReviewProblem::NoCandidates,
            ReviewProblem::SelectionEmpty,
            ReviewProblem::SelectionListed,
            ReviewProblem::NothingAccepted,
            ReviewProblem::MetaMissing { field: "title" },
            ReviewProblem::BadDate {
                field: "issued",
                text: "2024/3/1".into(),
            },
            ReviewProblem::BadPeriod,
            ReviewProblem::NoIndicator { n: 2 },
            ReviewProblem::BadValue { n: 1, text: "x".into() },
            ReviewProblem::ValueNotInQuote { n: 1, text: "7".into() },
            ReviewProblem::BadYear {
                n: 1,
                text: "3000".into(),
            },
            ReviewProblem::ScopeHalf { n: 3 },
            ReviewProblem::NewIndicatorEnglish {
                n: 4,
                name: "学前第四年毛入园率".into(),
            },
            ReviewProblem::NewIndicatorUnit {
                n: 4,
                name: "学前第四年毛入园率".into(),
            },
            ReviewProblem::NewIndicatorTheme {
                n: 4,
                name: "学前第四年毛入园率".into(),
            },
        ];
        for p in all {
            let (zh, en) = (p.message(Lang::Zh), p.message(Lang::En));
            assert!(has_han(&zh), "{p:?}: {zh}");
            assert!(!has_han(&en), "{p:?}: {en}");
            assert!(!zh.contains("字段"), "{p:?}: every field has a Chinese name");
        }
    }
}
