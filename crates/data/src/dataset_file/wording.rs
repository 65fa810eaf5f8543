//! What is wrong with an opened file ([`FileProblem`]) in words, in Chinese and English: the one
//! place that words the kinds of `problems.rs`. A rule of validation is worded beside the rules
//! (`validation/wording.rs`); the JSON syntax errors (`syntax.rs`) and what was found where the form
//! expects something else (`values.rs`) are worded in this module's files.

mod syntax;
mod values;

use super::problems::{Excerpt, FileProblem, ReadFailure};
use crate::lang::Lang;
use crate::message::{words, Message};
use syntax::syntax;
use values::{allowed_words, expected_words, found_words, kind};

impl FileProblem {
    /// The problem as a message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.words(lang).to_string()
    }

    /// The problem in `lang`, with its code parts marked.
    pub fn words(&self, lang: Lang) -> Message {
        let zh = lang == Lang::Zh;
        match self {
            FileProblem::TooLarge { mb, limit_mb } => match zh {
                true => words().t(format!("文件大小为 {mb} MB,只能打开不超过 {limit_mb} MB 的文件")),
                false => words().t(format!("the file is {mb} MB; files up to {limit_mb} MB can be opened")),
            },
            FileProblem::NotUtf8 { line, column } => match zh {
                true => position(lang, *line, *column)
                    .t(":文件不是 ")
                    .c("UTF-8")
                    .t(" 编码的文字(请另存为 ")
                    .c("UTF-8")
                    .t(" 编码的 ")
                    .c("JSON")
                    .t(")"),
                false => position(lang, *line, *column)
                    .t(": the file is not ")
                    .c("UTF-8")
                    .t(" text (save it as ")
                    .c("UTF-8")
                    .t(" ")
                    .c("JSON")
                    .t(")"),
            },
            FileProblem::Empty => match zh {
                true => words().t("文件是空的"),
                false => words().t("the file is empty"),
            },
            FileProblem::Syntax {
                line,
                column,
                what,
                excerpt,
            } => {
                let at = position(lang, *line, *column);
                let at = match zh {
                    true => at.t("不是有效的 ").c("JSON").t("(").m(syntax(*what, lang)).t(")"),
                    false => at.t(": not valid ").c("JSON").t(" (").m(syntax(*what, lang)).t(")"),
                };
                match excerpt {
                    Some(excerpt) => at.m(quoted_line(excerpt, lang)),
                    None => at,
                }
            }
            FileProblem::TooDeep { line, column, limit } => match zh {
                true => position(lang, *line, *column)
                    .t("不是有效的 ")
                    .c("JSON")
                    .t(format!(":列表和对象嵌套超过 {limit} 层")),
                false => position(lang, *line, *column).t(": not valid ").c("JSON").t(format!(
                    " here (recursion limit exceeded: lists and objects nest more than {limit} deep)"
                )),
            },
            FileProblem::NotAnObject { found } => match zh {
                true => words()
                    .t("文件应为一个含 ")
                    .c("documents")
                    .t(" 和 ")
                    .c("texts")
                    .t(" 的 ")
                    .c("JSON")
                    .t(" 对象,而不是")
                    .m(kind(*found, lang)),
                false => words()
                    .t("the file must hold one ")
                    .c("JSON")
                    .t(" object with \"")
                    .c("documents")
                    .t("\" and \"")
                    .c("texts")
                    .t("\", not ")
                    .m(kind(*found, lang)),
            },
            FileProblem::MissingVersion => match zh {
                true => words().t("缺少字段:文件所依据的数据集版本号"),
                false => words().t("missing field: the dataset version the file was published from"),
            },
            FileProblem::VersionEmpty => match zh {
                true => words().t("应为非空的文字,这里是空文字"),
                false => words().t("expected a non-empty string, found an empty string"),
            },
            FileProblem::VersionNotText { found } => match zh {
                true => words().t("应为非空的文字,这里是").m(kind(*found, lang)),
                false => words().t("expected a non-empty string, found ").m(kind(*found, lang)),
            },
            FileProblem::NoDocuments => match zh {
                true => words().t("文件中没有任何文档"),
                false => words().t("the file holds no document"),
            },
            FileProblem::EntryNotObject { found } => match zh {
                true => words()
                    .t("应为含 ")
                    .c("document")
                    .t(" 和 ")
                    .c("targets")
                    .t(" 的对象,这里是")
                    .m(kind(*found, lang)),
                false => words()
                    .t("expected an object with \"")
                    .c("document")
                    .t("\" and \"")
                    .c("targets")
                    .t("\", found ")
                    .m(kind(*found, lang)),
            },
            FileProblem::MissingField => match zh {
                true => words().t("缺少这个字段"),
                false => words().t("missing field"),
            },
            FileProblem::NotAList { found } => match zh {
                true => words().t("应为列表,这里是").m(kind(*found, lang)),
                false => words().t("expected a list, found ").m(kind(*found, lang)),
            },
            FileProblem::MissingTexts => match zh {
                true => words()
                    .t("缺少原文:文件需要在 ")
                    .c("texts")
                    .t(" 下给出每份文档整理后的原文,才能核对引文"),
                false => words()
                    .t("missing: the file needs each document's cleaned text under \"")
                    .c("texts")
                    .t("\", so that the quotes can be checked"),
            },
            FileProblem::TextsNotObject { found } => match zh {
                true => words().t("应为“文档编号 → 原文”的对象,这里是").m(kind(*found, lang)),
                false => words()
                    .t("expected an object of document id → text, found ")
                    .m(kind(*found, lang)),
            },
            FileProblem::TextNotString { found } => match zh {
                true => words().t("整理后的原文应为文字,这里是").m(kind(*found, lang)),
                false => words()
                    .t("expected the cleaned text as a string, found ")
                    .m(kind(*found, lang)),
            },
            FileProblem::WrongType { found, expected } => match zh {
                true => words()
                    .t("类型不对:这里是")
                    .m(found_words(found, lang))
                    .t(",应为")
                    .m(expected_words(expected, lang)),
                false => words()
                    .t("invalid type: ")
                    .m(found_words(found, lang))
                    .t(", expected ")
                    .m(expected_words(expected, lang)),
            },
            FileProblem::WrongValue { found, expected } => match zh {
                true => words()
                    .t("取值不对:这里是")
                    .m(found_words(found, lang))
                    .t(",应为")
                    .m(expected_words(expected, lang)),
                false => words()
                    .t("invalid value: ")
                    .m(found_words(found, lang))
                    .t(", expected ")
                    .m(expected_words(expected, lang)),
            },
            FileProblem::WrongLength { len, expected } => match zh {
                true => words()
                    .t(format!("这里是有 {len} 项的列表,应为"))
                    .m(expected_words(expected, lang)),
                false => words()
                    .t(format!("invalid length {len}, expected "))
                    .m(expected_words(expected, lang)),
            },
            FileProblem::UnknownValue { found, allowed } => {
                let start = match zh {
                    true => words().t("不认识的取值 ").c(found),
                    false => words().t("unknown variant `").c(found).t("`"),
                };
                start.m(allowed_words(allowed, lang))
            }
            FileProblem::DuplicateField { name } => match zh {
                true => words().t("字段 ").c(name).t(" 写了两次"),
                false => words().t("duplicate field `").c(name).t("`"),
            },
            FileProblem::ItemSyntax(what) => syntax(*what, lang),
            FileProblem::DoesNotFit => match zh {
                true => words().t("这里的值不符合数据格式"),
                false => words().t("the value here does not fit the dataset format"),
            },
            FileProblem::IndicatorDiffers { id, unit, theme } => match zh {
                true => words()
                    .t("本站已有指标 ")
                    .c(id)
                    .t(",但单位、主题或方向不同(单位 ")
                    .c(unit)
                    .t(",主题 ")
                    .c(theme)
                    .t(");请沿用本站的定义,或换一个编号"),
                false => words()
                    .t("the site already has an indicator '")
                    .c(id)
                    .t("' with another unit, theme or direction (unit '")
                    .c(unit)
                    .t("', theme '")
                    .c(theme)
                    .t("'); use the site's definition or another id"),
            },
            FileProblem::NoTextForDocument => match zh {
                true => words().c("texts").t(" 中没有这个文档编号下的原文"),
                false => words().t("\"").c("texts").t("\" holds no text under this document id"),
            },
            FileProblem::Rule(rule) => rule.words(lang),
            FileProblem::DocumentIdTaken { locality } => match zh {
                true => words()
                    .t("页面上已有这个编号的文档(")
                    .c(locality)
                    .t(");请修改编号,或先移除另一个文件"),
                false => words()
                    .t("a document with this id is already shown (")
                    .c(locality)
                    .t("); change the id or remove the other file first"),
            },
            FileProblem::TargetIdTaken => match zh {
                true => words().t("页面上已有这个编号的目标"),
                false => words().t("a target with this id is already shown"),
            },
            FileProblem::TextWithoutDocument => match zh {
                true => words().t("文件给出了这份文档的原文,却没有这份文档"),
                false => words().t("a text for a document the file does not hold"),
            },
            FileProblem::AlreadyOpen => already_open_words(lang),
            FileProblem::ReadFailed(failure) => read_failed_words(*failure, lang),
        }
    }
}

/// [`FileProblem::AlreadyOpen`] in `lang`.
pub(super) fn already_open_words(lang: Lang) -> Message {
    match lang {
        Lang::Zh => words().t("已经打开了同名的文件;要重新打开,请先移除它"),
        Lang::En => words().t("a file with this name is already open; remove it first to open it again"),
    }
}

/// [`FileProblem::ReadFailed`] in `lang`.
pub(super) fn read_failed_words(failure: ReadFailure, lang: Lang) -> Message {
    match lang {
        Lang::Zh => words().t("无法读取这个文件:").t(read_failure(failure, lang)),
        Lang::En => words().t("the file could not be read: ").t(read_failure(failure, lang)),
    }
}

/// "line 3, column 17" / "第 3 行第 17 列".
fn position(lang: Lang, line: usize, column: usize) -> Message {
    match lang {
        Lang::Zh => words().t(format!("第 {line} 行第 {column} 列")),
        Lang::En => words().t(format!("line {line}, column {column}")),
    }
}

/// The excerpt of the line a syntax error is in: `: «…text…»`.
fn quoted_line(excerpt: &Excerpt, lang: Lang) -> Message {
    let text = format!(
        "{}{}{}",
        if excerpt.cut_before { "…" } else { "" },
        excerpt.text,
        if excerpt.cut_after { "…" } else { "" }
    );
    let start = match lang {
        Lang::Zh => "。这一行是:«",
        Lang::En => ": «",
    };
    words().t(start).c(text).t("»")
}

/// Why the browser could not read a file.
fn read_failure(failure: ReadFailure, lang: Lang) -> &'static str {
    match failure {
        ReadFailure::Aborted => lang.pick("读取中途停止了", "the reading stopped before the end"),
        ReadFailure::NotFound => lang.pick(
            "找不到文件(可能已被移动或删除)",
            "the file was not found (it may have been moved or deleted)",
        ),
        ReadFailure::NotReadable => lang.pick(
            "浏览器读不了它的内容(请检查文件的权限,或它是否正在被修改)",
            "the browser cannot read its content (check the file's permissions, or whether it is being changed)",
        ),
        ReadFailure::Security => lang.pick(
            "浏览器出于安全原因拒绝读取",
            "the browser refused to read it for security reasons",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset_file::{Expected, Found, Shape, SyntaxKind};
    use crate::json_outline::Kind;
    use crate::validation::wording::tests::{assert_chinese, assert_english, rules};

    const SYNTAX_KINDS: [SyntaxKind; 22] = [
        SyntaxKind::TrailingComma,
        SyntaxKind::EofInList,
        SyntaxKind::EofInObject,
        SyntaxKind::EofInString,
        SyntaxKind::EofInValue,
        SyntaxKind::ExpectedColon,
        SyntaxKind::ExpectedCommaOrListEnd,
        SyntaxKind::ExpectedCommaOrObjectEnd,
        SyntaxKind::ExpectedIdent,
        SyntaxKind::ExpectedValue,
        SyntaxKind::ExpectedDoubleQuote,
        SyntaxKind::InvalidEscape,
        SyntaxKind::InvalidNumber,
        SyntaxKind::NumberOutOfRange,
        SyntaxKind::InvalidCodePoint,
        SyntaxKind::ControlCharacter,
        SyntaxKind::KeyMustBeText,
        SyntaxKind::LoneSurrogate,
        SyntaxKind::TrailingCharacters,
        SyntaxKind::UnfinishedHexEscape,
        SyntaxKind::RecursionLimit,
        SyntaxKind::Other,
    ];

    const KINDS: [Kind; 6] = [
        Kind::Object,
        Kind::List,
        Kind::Text,
        Kind::Number,
        Kind::Boolean,
        Kind::Null,
    ];

    /// A sample of every file problem: each variant, and each syntax kind, JSON kind, found value,
    /// expected value, object shape and read failure they hold.
    fn file_problems() -> Vec<FileProblem> {
        let excerpt = Excerpt {
            text: "\"documents\": [,]".into(),
            cut_before: true,
            cut_after: false,
        };
        let mut out = vec![
            FileProblem::TooLarge { mb: 200, limit_mb: 128 },
            FileProblem::NotUtf8 { line: 1, column: 14 },
            FileProblem::Empty,
            FileProblem::TooDeep {
                line: 3,
                column: 129,
                limit: 128,
            },
            FileProblem::MissingVersion,
            FileProblem::VersionEmpty,
            FileProblem::NoDocuments,
            FileProblem::MissingField,
            FileProblem::MissingTexts,
            FileProblem::WrongLength {
                len: 1,
                expected: Expected::ObjectElements(Shape::Period, 2),
            },
            FileProblem::UnknownValue {
                found: "village".into(),
                allowed: vec!["province".into(), "prefecture-level-city".into(), "county".into()],
            },
            FileProblem::UnknownValue {
                found: "x".into(),
                allowed: vec!["约束性".into(), "预期性".into()],
            },
            FileProblem::UnknownValue {
                found: "x".into(),
                allowed: vec!["only".into()],
            },
            FileProblem::UnknownValue {
                found: "x".into(),
                allowed: Vec::new(),
            },
            FileProblem::DuplicateField { name: "id".into() },
            FileProblem::DoesNotFit,
            FileProblem::IndicatorDiffers {
                id: "primary-class-size-cap".into(),
                unit: "人".into(),
                theme: "compulsory".into(),
            },
            FileProblem::NoTextForDocument,
            FileProblem::DocumentIdTaken {
                locality: "盘锦市".into(),
            },
            FileProblem::TargetIdTaken,
            FileProblem::TextWithoutDocument,
            FileProblem::AlreadyOpen,
        ];
        for what in SYNTAX_KINDS {
            out.push(FileProblem::Syntax {
                line: 3,
                column: 17,
                what,
                excerpt: Some(excerpt.clone()),
            });
            out.push(FileProblem::ItemSyntax(what));
        }
        out.push(FileProblem::Syntax {
            line: 1,
            column: 1,
            what: SyntaxKind::ExpectedValue,
            excerpt: None,
        });
        for found in KINDS {
            out.push(FileProblem::NotAnObject { found });
            out.push(FileProblem::VersionNotText { found });
            out.push(FileProblem::EntryNotObject { found });
            out.push(FileProblem::NotAList { found });
            out.push(FileProblem::TextsNotObject { found });
            out.push(FileProblem::TextNotString { found });
        }
        let found = [
            Found::Null,
            Found::Bool(true),
            Found::Integer("70000".into()),
            Found::Float("1.5".into()),
            Found::Text("eighty-five".into()),
            Found::List,
            Found::Object,
        ];
        let shapes = Shape::ALL;
        let mut expected = vec![
            Expected::Number,
            Expected::WholeNumber,
            Expected::SmallWholeNumber,
            Expected::TrueOrFalse,
            Expected::List,
            Expected::Text,
            Expected::BareWord,
            Expected::ObjectElements(Shape::Baseline, 1),
        ];
        expected.extend(shapes.map(Expected::Object));
        for f in &found {
            for e in &expected {
                out.push(FileProblem::WrongType {
                    found: f.clone(),
                    expected: e.clone(),
                });
                out.push(FileProblem::WrongValue {
                    found: f.clone(),
                    expected: e.clone(),
                });
            }
        }
        for failure in [
            ReadFailure::Aborted,
            ReadFailure::NotFound,
            ReadFailure::NotReadable,
            ReadFailure::Security,
        ] {
            out.push(FileProblem::ReadFailed(failure));
        }
        out.extend(rules().into_iter().map(FileProblem::Rule));
        out
    }

    /// The variant's place in the enum; a new variant fails to compile here until it is sampled.
    fn problem_index(problem: &FileProblem) -> usize {
        match problem {
            FileProblem::TooLarge { .. } => 0,
            FileProblem::NotUtf8 { .. } => 1,
            FileProblem::Empty => 2,
            FileProblem::Syntax { .. } => 3,
            FileProblem::TooDeep { .. } => 4,
            FileProblem::NotAnObject { .. } => 5,
            FileProblem::MissingVersion => 6,
            FileProblem::VersionEmpty => 7,
            FileProblem::VersionNotText { .. } => 8,
            FileProblem::NoDocuments => 9,
            FileProblem::EntryNotObject { .. } => 10,
            FileProblem::MissingField => 11,
            FileProblem::NotAList { .. } => 12,
            FileProblem::MissingTexts => 13,
            FileProblem::TextsNotObject { .. } => 14,
            FileProblem::TextNotString { .. } => 15,
            FileProblem::WrongType { .. } => 16,
            FileProblem::WrongValue { .. } => 17,
            FileProblem::WrongLength { .. } => 18,
            FileProblem::UnknownValue { .. } => 19,
            FileProblem::DuplicateField { .. } => 20,
            FileProblem::ItemSyntax(_) => 21,
            FileProblem::DoesNotFit => 22,
            FileProblem::IndicatorDiffers { .. } => 23,
            FileProblem::NoTextForDocument => 24,
            FileProblem::Rule(_) => 25,
            FileProblem::DocumentIdTaken { .. } => 26,
            FileProblem::TargetIdTaken => 27,
            FileProblem::TextWithoutDocument => 28,
            FileProblem::AlreadyOpen => 29,
            FileProblem::ReadFailed(_) => 30,
        }
    }

    #[test]
    fn every_file_problem_is_worded_in_both_languages() {
        let problems = file_problems();
        let mut covered: Vec<usize> = problems.iter().map(problem_index).collect();
        covered.sort_unstable();
        covered.dedup();
        assert_eq!(covered, (0..31).collect::<Vec<_>>(), "every variant sampled");
        for problem in &problems {
            let (zh, en) = (problem.words(Lang::Zh), problem.words(Lang::En));
            assert_chinese(&zh);
            assert_english(&en);
            assert_ne!(zh, en);
            assert_eq!(problem.to_string(), en.to_string());
            for word in ["expected", "invalid", "EOF", "line", "found"] {
                assert!(!zh.to_string().contains(word), "{zh}");
            }
        }
    }

    #[test]
    fn the_english_is_the_wording_the_page_has_always_shown() {
        let syntax = FileProblem::Syntax {
            line: 4,
            column: 30,
            what: SyntaxKind::TrailingComma,
            excerpt: Some(Excerpt {
                text: "{\"document\": {\"id\": \"x\"},}".into(),
                cut_before: false,
                cut_after: false,
            }),
        };
        assert_eq!(
            syntax.message(Lang::En),
            "line 4, column 30: not valid JSON (trailing comma: the last item of a list or object is followed by a comma): «{\"document\": {\"id\": \"x\"},}»"
        );
        assert_eq!(
            syntax.message(Lang::Zh),
            "第 4 行第 30 列不是有效的 JSON(多余的逗号:列表或对象的最后一项后面跟了逗号)。这一行是:«{\"document\": {\"id\": \"x\"},}»"
        );
        let unknown = FileProblem::UnknownValue {
            found: "village".into(),
            allowed: vec!["province".into(), "county".into(), "district".into()],
        };
        assert_eq!(
            unknown.message(Lang::En),
            "unknown variant `village`, expected one of `province`, `county`, `district`"
        );
        assert_eq!(
            unknown.message(Lang::Zh),
            "不认识的取值 village,可用的取值:province、county、district"
        );
        assert_eq!(
            FileProblem::NotUtf8 { line: 1, column: 14 }.message(Lang::En),
            "line 1, column 14: the file is not UTF-8 text (save it as UTF-8 JSON)"
        );
    }
}
