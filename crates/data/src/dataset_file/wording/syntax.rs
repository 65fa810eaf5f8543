//! What makes a text not valid JSON ([`SyntaxKind`]), in words, in Chinese and English.

use crate::dataset_file::classify::serde_syntax_text;
use crate::dataset_file::SyntaxKind;
use crate::lang::Lang;
use crate::message::{words, Message};

/// What makes the text not valid JSON. The English is serde_json's own wording (what the page has
/// always shown), the trailing comma and the unknown case ours.
pub(super) fn syntax(kind: SyntaxKind, lang: Lang) -> Message {
    if lang == Lang::En {
        return match kind {
            SyntaxKind::TrailingComma => {
                words().t("trailing comma: the last item of a list or object is followed by a comma")
            }
            other => match serde_syntax_text(other) {
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
