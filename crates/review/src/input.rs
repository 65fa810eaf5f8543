//! The text of a file a visitor gives the page "Analyse a document": plain text (`.txt`, UTF-8,
//! a byte-order mark dropped), a web page (`.html`, `.htm`: scripts, styles and tags stripped,
//! block elements ending lines, character references decoded) or a Word document (`.docx`: a zip
//! archive, read with `zip`, whose `word/document.xml` holds the text, read with `quick-xml`, one
//! paragraph a line). Anything else is read as text if it is text. Bad input is a [`ReviewProblem`], never a panic: too large, not text, a
//! `.docx` that is not a zip, an archive without a document, nothing but white space.

use crate::ReviewProblem;

/// Largest file the page reads (bytes).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The problem with a file of `bytes` bytes, if it is larger than the page reads: the page asks
/// before reading it, so a 20 MB file is never copied into memory.
pub fn size_problem(bytes: u64) -> Option<ReviewProblem> {
    (bytes > MAX_FILE_BYTES as u64).then(|| ReviewProblem::TooLarge {
        mb: bytes.div_ceil(1024 * 1024) as usize,
        limit_mb: MAX_FILE_BYTES / (1024 * 1024),
    })
}

/// The text of the file `name` with content `bytes`.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<String, ReviewProblem> {
    if let Some(problem) = size_problem(bytes.len() as u64) {
        return Err(problem);
    }
    let lower = name.to_ascii_lowercase();
    let text = if lower.ends_with(".docx") {
        docx_text(bytes)?
    } else {
        let text = plain(bytes)?;
        if lower.ends_with(".html") || lower.ends_with(".htm") || looks_like_html(&text) {
            html_text(&text)
        } else {
            text
        }
    };
    checked_text(text)
}

/// Pasted text, refused when it is only white space.
pub fn checked_text(text: String) -> Result<String, ReviewProblem> {
    if text.trim().is_empty() {
        Err(ReviewProblem::EmptyText)
    } else {
        Ok(text)
    }
}

/// UTF-8 text without control bytes other than line breaks and tabs.
fn plain(bytes: &[u8]) -> Result<String, ReviewProblem> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ReviewProblem::NotText)?;
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err(ReviewProblem::NotText);
    }
    Ok(text.replace("\r\n", "\n"))
}

fn looks_like_html(text: &str) -> bool {
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

/// Lines trimmed, blank lines dropped, non-breaking and full-width runs of spaces kept as written.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() && c != '\u{3000}'))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
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

/// The text of a Word document: `word/document.xml` from the zip archive, one paragraph a line.
fn docx_text(bytes: &[u8]) -> Result<String, ReviewProblem> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(ReviewProblem::NotAZip);
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| ReviewProblem::NotAZip)?;
    let mut file = archive
        .by_name("word/document.xml")
        .map_err(|_| ReviewProblem::NotADocx)?;
    if file.size() > (4 * MAX_FILE_BYTES) as u64 {
        return Err(ReviewProblem::TooLarge {
            mb: (file.size() / (1024 * 1024)) as usize,
            limit_mb: 4 * MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut file, &mut xml).map_err(|_| ReviewProblem::NotADocx)?;
    document_xml_text(&xml)
}

/// The namespace of WordprocessingML's elements (`w:`).
const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text of WordprocessingML, read with `quick-xml` (MIT) by namespace, whatever the prefix: the
/// content of `<w:t>` runs, `<w:tab/>` as a tab, `<w:br/>`, `<w:cr/>` and the end of each paragraph
/// `</w:p>` as a line break; everything else (properties, fields' instructions `<w:instrText>`,
/// deleted runs `<w:delText>`) is left out. XML that is not well formed is not a Word document.
pub fn document_xml_text(xml: &str) -> Result<String, ReviewProblem> {
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;
    use quick_xml::name::{Namespace, ResolveResult};

    let mut reader = quick_xml::reader::NsReader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    loop {
        let (namespace, event) = reader.read_resolved_event().map_err(|_| ReviewProblem::NotADocx)?;
        let word = matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == WORD_NS);
        match event {
            Event::Start(e) if word && e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) if word && e.local_name().as_ref() == "t" => in_text = false,
            Event::End(e) if word && e.local_name().as_ref() == "p" => out.push('\n'),
            Event::Empty(e) if word => match e.local_name().as_ref() {
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => out.push_str(&t),
            Event::GeneralRef(r) if in_text => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => resolve_predefined_entity(&r).map(str::to_string),
                };
                out.push_str(&resolved.unwrap_or_else(|| format!("&{};", &*r)));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(tidy(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn word_documents_are_read_paragraph_by_paragraph() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
            <w:r><w:t>一、主要目标</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">到2026年，</w:t></w:r>
            <w:r><w:instrText>PAGE</w:instrText><w:t>达到92%以上&lt;</w:t><w:tab/><w:t>。</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            document_xml_text(xml).unwrap(),
            "一、主要目标\n到2026年，达到92%以上<\t。"
        );
        // Another prefix for the same namespace; a foreign element's text is left out.
        let other = r#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:v">
            <x:body><x:p><x:r><x:t>第一段&#x4e00;&amp;</x:t><x:br/><x:t><![CDATA[<第二行>]]></x:t></x:r><v:t>不读</v:t></x:p></x:body></x:document>"#;
        assert_eq!(document_xml_text(other).unwrap(), "第一段一&\n<第二行>");
        assert_eq!(
            document_xml_text("<w:document xmlns:w=\"urn:x\"><w:t>未闭合</w:document>"),
            Err(ReviewProblem::NotADocx)
        );
    }

    #[test]
    fn a_real_zip_is_unpacked() {
        let xml =
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>到2025年，入园率达到90%以上。</w:t></w:r></w:p></w:body></w:document>";
        let docx = zip_of(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", xml)]);
        assert_eq!(read_file("plan.DOCX", &docx).unwrap(), "到2025年，入园率达到90%以上。");
        let other = zip_of(&[("content.xml", "<x/>")]);
        assert_eq!(read_file("plan.docx", &other), Err(ReviewProblem::NotADocx));
    }

    #[test]
    fn the_fixture_word_document_reads_as_its_text() {
        let docx = include_bytes!("../../../tests/fixtures/qinghe-county-2024.docx");
        let text = include_str!("../../../tests/fixtures/qinghe-county-2024.txt");
        let expected = text.trim().replace("\r\n", "\n");
        assert_eq!(read_file("qinghe-county-2024.docx", docx).unwrap(), expected);
    }

    #[test]
    fn bad_input_is_a_problem() {
        assert_eq!(read_file("a.docx", b"just text"), Err(ReviewProblem::NotAZip));
        assert_eq!(read_file("a.docx", b"PK\x03\x04broken"), Err(ReviewProblem::NotAZip));
        assert_eq!(
            read_file("a.txt", &[0xff, 0xfe, 0x00, 0x41]),
            Err(ReviewProblem::NotText)
        );
        assert_eq!(read_file("a.bin", b"ELF\x00\x01\x02"), Err(ReviewProblem::NotText));
        assert_eq!(read_file("a.txt", " \n\t ".as_bytes()), Err(ReviewProblem::EmptyText));
        assert_eq!(
            read_file("a.html", b"<p> </p><script>x</script>"),
            Err(ReviewProblem::EmptyText)
        );
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(
            read_file("a.txt", &big),
            Err(ReviewProblem::TooLarge { mb: 17, limit_mb: 16 })
        );
        assert_eq!(
            read_file("a.txt", "\u{feff}第一行\r\n第二行".as_bytes()).unwrap(),
            "第一行\n第二行"
        );
        assert_eq!(checked_text(String::new()), Err(ReviewProblem::EmptyText));
        assert_eq!(
            size_problem(20 * 1024 * 1024),
            Some(ReviewProblem::TooLarge { mb: 20, limit_mb: 16 })
        );
        assert_eq!(size_problem(MAX_FILE_BYTES as u64), None);
    }

    /// A stored (uncompressed) zip archive of `files`, as a test fixture.
    fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        let mut buffer = std::io::Cursor::new(Vec::new());
        {
            let mut writer = zip::ZipWriter::new(&mut buffer);
            let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            for (name, content) in files {
                writer.start_file(*name, options).unwrap();
                std::io::Write::write_all(&mut writer, content.as_bytes()).unwrap();
            }
            writer.finish().unwrap();
        }
        buffer.into_inner()
    }
}
