//! Every problem a dataset can have, in words, in Chinese and English: the rules of validation
//! ([`Rule`], for the bundled data and opened files alike), what is wrong with an opened file
//! ([`FileProblem`], [`FileError`]) and why a published file was refused ([`published::Problem`]).
//! The kinds are facts (a field, a position, what was found); this module is the one place that
//! words them. No message is made from a dependency's text.
//!
//! A [`Message`] is text with code parts: what is quoted from the file or names a format literally
//! (ids, field names, values, the excerpt of a line, `JSON`), which pages set as `<code>`. Its plain
//! text is the message as a string; the English one is also what `Display` writes (the maintainer's
//! tool, the tests).

use super::dataset_file::{Excerpt, Expected, FileError, FileProblem, Found, ReadFailure, Shape, SyntaxKind};
use super::json_outline::Kind;
use super::lang::Lang;
use super::model::THEME_COLOUR_SLOTS;
use super::published;
use super::validation::{Rule, MAX_ID_LEN, YEAR_RANGE};

/// A message in one language: text, and the parts quoted from the file or naming a format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message(Vec<Part>);

/// A piece of a [`Message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// Quoted from the file or naming a format: set as code.
    Code(String),
}

impl Message {
    pub fn parts(&self) -> &[Part] {
        &self.0
    }

    /// The text parts only, without the code (what the tests check for the language's script).
    pub fn text_only(&self) -> String {
        self.0
            .iter()
            .filter_map(|p| match p {
                Part::Text(t) => Some(t.as_str()),
                Part::Code(_) => None,
            })
            .collect()
    }

    /// Appends words.
    fn t(mut self, text: impl AsRef<str>) -> Self {
        let text = text.as_ref();
        if text.is_empty() {
            return self;
        }
        match self.0.last_mut() {
            Some(Part::Text(last)) => last.push_str(text),
            _ => self.0.push(Part::Text(text.to_string())),
        }
        self
    }

    /// Appends a code part.
    fn c(mut self, code: impl std::fmt::Display) -> Self {
        self.0.push(Part::Code(code.to_string()));
        self
    }

    /// Appends another message.
    fn m(mut self, other: Message) -> Self {
        for part in other.0 {
            self = match part {
                Part::Text(t) => self.t(t),
                Part::Code(c) => self.c(c),
            };
        }
        self
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for part in &self.0 {
            match part {
                Part::Text(s) | Part::Code(s) => f.write_str(s)?,
            }
        }
        Ok(())
    }
}

fn words() -> Message {
    Message::default()
}

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
pub fn already_open_words(lang: Lang) -> Message {
    match lang {
        Lang::Zh => words().t("已经打开了同名的文件;要重新打开,请先移除它"),
        Lang::En => words().t("a file with this name is already open; remove it first to open it again"),
    }
}

/// [`FileProblem::ReadFailed`] in `lang`.
pub fn read_failed_words(failure: ReadFailure, lang: Lang) -> Message {
    match lang {
        Lang::Zh => words().t("无法读取这个文件:").t(read_failure(failure, lang)),
        Lang::En => words().t("the file could not be read: ").t(read_failure(failure, lang)),
    }
}

impl FileError {
    /// `file › document › target › field: message`, the message in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        for part in [&self.document, &self.target].into_iter().flatten() {
            out.push_str(" › ");
            out.push_str(part);
        }
        if !self.field.is_empty() {
            out.push_str(" › ");
            out.push_str(&self.field);
        }
        format!("{out}: {}", self.message(lang))
    }
}

impl published::Problem {
    /// Why the published file was refused, short, for a parenthesis after the message.
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            // The browser's own short reason ("HTTP 404", a network error).
            published::Problem::Fetch(reason) => reason.clone(),
            published::Problem::OtherVersion => lang.pick("版本不符", "another version").to_string(),
            published::Problem::Unreadable { line, column } => match lang {
                Lang::Zh => format!("文件第 {line} 行第 {column} 列无法读取"),
                Lang::En => format!("unreadable at line {line}, column {column}"),
            },
        }
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

/// A JSON value's kind, as the outline sees it.
fn kind(kind: Kind, lang: Lang) -> Message {
    let zh = lang == Lang::Zh;
    match kind {
        Kind::Object => words().t(if zh { "对象" } else { "an object" }),
        Kind::List => words().t(if zh { "列表" } else { "a list" }),
        Kind::Text => words().t(if zh { "文字" } else { "a string" }),
        Kind::Number => words().t(if zh { "数字" } else { "a number" }),
        Kind::Boolean => match zh {
            true => words().t("真假值 ").c("true").t(" 或 ").c("false"),
            false => words().t("a boolean"),
        },
        Kind::Null => words().t(if zh { "空值 " } else { "" }).c("null"),
    }
}

/// What serde_json found where the form expects something else.
fn found_words(found: &Found, lang: Lang) -> Message {
    let zh = lang == Lang::Zh;
    match found {
        Found::Null => words().t(if zh { "空值 " } else { "" }).c("null"),
        Found::Bool(b) => match zh {
            true => words().t("真假值 ").c(b),
            false => words().t("boolean `").c(b).t("`"),
        },
        Found::Integer(n) => match zh {
            true => words().t("整数 ").c(n),
            false => words().t("integer `").c(n).t("`"),
        },
        Found::Float(n) => match zh {
            true => words().t("小数 ").c(n),
            false => words().t("floating point `").c(n).t("`"),
        },
        Found::Text(s) => words().t(if zh { "文字 " } else { "string " }).c(format!("{s:?}")),
        Found::List => words().t(if zh { "列表" } else { "sequence" }),
        Found::Object => words().t(if zh { "对象" } else { "map" }),
    }
}

/// What the form expects.
fn expected_words(expected: &Expected, lang: Lang) -> Message {
    let zh = lang == Lang::Zh;
    match expected {
        Expected::Number => words().t(if zh { "数字" } else { "a number" }),
        Expected::WholeNumber => words().t(if zh {
            "0 到 65535 之间的整数"
        } else {
            "a whole number from 0 to 65535"
        }),
        Expected::SmallWholeNumber => words().t(if zh { "0 到 255 之间的整数" } else { "u8" }),
        Expected::TrueOrFalse => words().c("true").t(if zh { " 或 " } else { " or " }).c("false"),
        Expected::List => words().t(if zh { "列表" } else { "a list" }),
        Expected::Text => words().t(if zh { "带引号的文字" } else { "text in quotes" }),
        Expected::Object(shape) => match zh {
            true => shape_words(*shape),
            false => words().t(format!("an object {}", shape.type_name())),
        },
        Expected::ObjectElements(shape, count) => match zh {
            true => shape_words(*shape).t(format!("(写成列表时须有 {count} 项)")),
            false => words().t(format!(
                "an object {} with {count} element{}",
                shape.type_name(),
                if *count == 1 { "" } else { "s" }
            )),
        },
        Expected::BareWord => words().t(if zh { "一个不带内容的取值" } else { "unit" }),
    }
}

/// An object of the form, in Chinese: what it is, or the fields it holds.
fn shape_words(shape: Shape) -> Message {
    match shape {
        Shape::Theme => words().t("主题对象"),
        Shape::Indicator => words().t("指标对象"),
        Shape::Document => words().t("文档对象"),
        Shape::Target => words().t("目标对象"),
        Shape::Bilingual => words().t("含 ").c("zh").t(" 和 ").c("en").t(" 的对象"),
        Shape::Period => words().t("含 ").c("start").t(" 和 ").c("end").t(" 的对象"),
        Shape::Baseline => words().t("含 ").c("value").t(" 的对象(").c("year").t(" 可不填)"),
    }
}

/// The values allowed where an unknown one was found: serde's list in English.
fn allowed_words(allowed: &[String], lang: Lang) -> Message {
    let zh = lang == Lang::Zh;
    let mut out = match (zh, allowed.len()) {
        (true, 0) => return words().t(",这里没有可用的取值"),
        (false, 0) => return words().t(", there are no variants"),
        (true, _) => words().t(",可用的取值:"),
        (false, 1 | 2) => words().t(", expected "),
        (false, _) => words().t(", expected one of "),
    };
    for (i, value) in allowed.iter().enumerate() {
        let separator = match (zh, i, allowed.len()) {
            (_, 0, _) => "",
            (true, _, _) => "、",
            (false, 1, 2) => " or ",
            (false, _, _) => ", ",
        };
        out = match zh {
            true => out.t(separator).c(value),
            false => out.t(separator).t("`").c(value).t("`"),
        };
    }
    out
}

/// What makes the text not valid JSON. The English is serde_json's own wording (what the page has
/// always shown), the trailing comma and the unknown case ours.
fn syntax(kind: SyntaxKind, lang: Lang) -> Message {
    if lang == Lang::En {
        return match kind {
            SyntaxKind::TrailingComma => {
                words().t("trailing comma: the last item of a list or object is followed by a comma")
            }
            other => match super::dataset_file::serde_syntax_text(other) {
                Some(text) => words().t(text),
                None => words().t("the text here cannot be read"),
            },
        };
    }
    let json_words = || words().c("true").t("、").c("false").t(" 或 ").c("null");
    match kind {
        SyntaxKind::TrailingComma => words().t("多余的逗号:列表或对象的最后一项后面跟了逗号"),
        SyntaxKind::EofInList => words().t("列表还没有用 ").c("]").t(" 结束,文件就结束了"),
        SyntaxKind::EofInObject => words().t("对象还没有用 ").c("}").t(" 结束,文件就结束了"),
        SyntaxKind::EofInString => words().t("文字还没有用右引号 ").c("\"").t(" 结束,文件就结束了"),
        SyntaxKind::EofInValue => words().t("这里应有一个值,文件却结束了"),
        SyntaxKind::ExpectedColon => words().t("这里应为冒号 ").c(":"),
        SyntaxKind::ExpectedCommaOrListEnd => words().t("这里应为逗号 ").c(",").t(" 或 ").c("]"),
        SyntaxKind::ExpectedCommaOrObjectEnd => words().t("这里应为逗号 ").c(",").t(" 或 ").c("}"),
        SyntaxKind::ExpectedIdent => words().t("无法识别的词,只能是 ").m(json_words()),
        SyntaxKind::ExpectedValue => words().t("这里应为一个值:文字、数字、列表、对象、").m(json_words()),
        SyntaxKind::ExpectedDoubleQuote => words().t("这里应为双引号 ").c("\""),
        SyntaxKind::InvalidEscape => words().t("文字中反斜杠 ").c("\\").t(" 的转义写法不对"),
        SyntaxKind::InvalidNumber => words().t("数字的写法不对"),
        SyntaxKind::NumberOutOfRange => words().t("数字太大,超出能读取的范围"),
        SyntaxKind::InvalidCodePoint => words().t("转义 ").c("\\u").t(" 给出的字符编码无效"),
        SyntaxKind::ControlCharacter => words().t("文字中有控制字符,例如没有转义的换行或制表符"),
        SyntaxKind::KeyMustBeText => words().t("对象的键必须是带引号的文字"),
        SyntaxKind::LoneSurrogate => words().t("转义 ").c("\\u").t(" 中有不成对的代理字符"),
        SyntaxKind::TrailingCharacters => words().t("内容结束后还有多余的文字"),
        SyntaxKind::UnfinishedHexEscape => words().t("转义 ").c("\\u").t(" 不完整"),
        SyntaxKind::RecursionLimit => words().t("列表和对象嵌套太深"),
        SyntaxKind::Other => words().t("这里的写法无法识别"),
    }
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

    /// A sample of every rule, each variant once (checked by `rule_index`).
    fn rules() -> Vec<Rule> {
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

    fn has_han(text: &str) -> bool {
        crate::validation::has_han(text)
    }

    /// Chinese words only, apart from the code parts and the unit "MB".
    fn assert_chinese(message: &Message) {
        let text = message.text_only().replace("MB", "");
        assert!(has_han(&text), "{message}");
        assert!(
            !text.chars().any(|c| c.is_ascii_alphabetic()),
            "English in the Chinese: {message:?}"
        );
    }

    /// English words only, apart from the code parts.
    fn assert_english(message: &Message) {
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
        assert_eq!(
            FileProblem::NotUtf8 { line: 1, column: 14 }.message(Lang::En),
            "line 1, column 14: the file is not UTF-8 text (save it as UTF-8 JSON)"
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

    #[test]
    fn a_file_error_is_described_in_the_pages_language() {
        let error = FileError::new(
            "broken.json",
            Some("example-city-2024"),
            Some("t"),
            "quote",
            FileProblem::Rule(Rule::QuoteNotVerbatim),
        );
        assert_eq!(
            error.to_string(),
            "broken.json › example-city-2024 › t › quote: the quote is not a verbatim part of the document's text"
        );
        assert_eq!(
            error.describe(Lang::Zh),
            "broken.json › example-city-2024 › t › quote: 引文不是文件原文中一字不差的一段"
        );
    }

    #[test]
    fn a_refused_published_file_gives_its_reason_in_both_languages() {
        let unreadable = published::Problem::Unreadable { line: 3, column: 9 };
        assert_eq!(unreadable.reason(Lang::Zh), "文件第 3 行第 9 列无法读取");
        assert_eq!(unreadable.reason(Lang::En), "unreadable at line 3, column 9");
        let fetch = published::Problem::Fetch("HTTP 404".into());
        assert_eq!(fetch.reason(Lang::Zh), "HTTP 404");
    }
}
