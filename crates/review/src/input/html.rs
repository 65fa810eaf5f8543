//! A web page (`.html`, `.htm`, or text that starts like one): the content of scripts, styles and
//! comments dropped, tags removed, block elements and table cells breaking the text, character
//! references decoded.

use super::tidy;

/// True when `text` starts as a web page does (`<!doctype html`, `<html`), whatever its name.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start().get(..text.trim_start().len().min(200)).unwrap_or("");
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Elements whose end (or start) ends a line.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "title",
];

/// The text of a web page: the content of `script`, `style`, `noscript`, `template` and comments
/// dropped, tags removed, block elements and table cells breaking the text, references decoded,
/// runs of blank lines folded to one line break.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode(&rest[..open]));
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !tag.starts_with('/') && matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
            let end = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&end) {
                Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                None => "",
            };
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        } else if matches!(name.as_str(), "td" | "th") && tag.starts_with('/') {
            out.push(' ');
        }
    }
    out.push_str(&decode(rest));
    tidy(&out)
}

/// Decodes the character references of HTML and XML text (`&amp;`, `&#21019;`, `&#x4e00;`,
/// `&nbsp;`, …); an unknown one is kept as written.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 10);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "mdash" => Some('—'),
                "hellip" => Some('…'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "middot" => Some('·'),
                "ndash" => Some('–'),
                "bull" => Some('•'),
                "times" => Some('×'),
                "ensp" | "emsp" | "thinsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::read_file;

    #[test]
    fn web_pages_lose_scripts_styles_and_tags() {
        let html = "<!DOCTYPE html><html><head><title>通知</title><style>p{color:red}</style>\
                    <script>var a = '<p>不要</p>';</script></head><body><!-- 注释 -->\
                    <p>到2025年，入园率达到&nbsp;90%以上。</p><div>A&amp;B&#x4e00;&#19968;</div>\
                    <table><tr><td>指标</td><td>95%</td></tr></table><SCRIPT>x()</SCRIPT></body></html>";
        assert_eq!(
            html_text(html),
            "通知\n到2025年，入园率达到 90%以上。\nA&B一一\n指标 95%"
        );
        assert_eq!(read_file("a.html", html.as_bytes()).unwrap(), html_text(html));
        assert_eq!(
            read_file("pasted.txt", html.as_bytes()).unwrap(),
            html_text(html),
            "a page named .txt"
        );
        assert_eq!(decode("&bogus; &amp &#xzz;"), "&bogus; &amp &#xzz;");
    }
}
