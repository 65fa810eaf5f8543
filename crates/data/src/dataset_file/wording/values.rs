//! What a value in an opened file was and what the dataset's form expects there, in words, in
//! Chinese and English: a JSON value's kind, a value serde_json found, an expected value, an object
//! of the form, and the values allowed where an unknown one was found.

use crate::dataset_file::{Expected, Found, Shape};
use crate::json_outline::Kind;
use crate::lang::Lang;
use crate::message::{words, Message};

/// A JSON value's kind, as the outline sees it.
pub(super) fn kind(kind: Kind, lang: Lang) -> Message {
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
pub(super) fn found_words(found: &Found, lang: Lang) -> Message {
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
pub(super) fn expected_words(expected: &Expected, lang: Lang) -> Message {
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
pub(super) fn allowed_words(allowed: &[String], lang: Lang) -> Message {
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
