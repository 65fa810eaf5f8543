//! The "report an error" message for a target: a `mailto:` link pre-filled with the target id, the
//! dataset version, the quote and the link to the view, so a correction can be traced and checked.

use policy_data::model::{Document, Target};

/// Percent-encodes everything but RFC 3986 unreserved characters (spaces become %20, as mail
/// clients expect, never '+').
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The pre-filled `mailto:` link reporting an error in `target`.
pub fn report_link(address: &str, version: &str, document: &Document, target: &Target, page: &str) -> String {
    let subject = format!("数据纠错 / Correction: {}", target.id);
    let body = format!(
        "目标编号 / Target id: {}\n数据版本 / Dataset version: {}\n文件 / Document: {}\n章节 / Section: {}\n原文 / Quote: {}\n页面 / Page: {}\n\n问题说明 / What is wrong:\n",
        target.id, version, document.title, target.section, target.quote, page
    );
    format!(
        "mailto:{address}?subject={}&body={}",
        percent_encode(&subject),
        percent_encode(&body)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_spaces_newlines_and_chinese() {
        assert_eq!(percent_encode("a b\n学"), "a%20b%0A%E5%AD%A6");
        assert_eq!(percent_encode("x-y_z.~"), "x-y_z.~");
    }
}
