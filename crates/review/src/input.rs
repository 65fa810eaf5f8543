//! The text of a file a visitor gives the page "Analyse a document", one format a file: plain text
//! (`txt`), a web page (`html`), a Word document (`docx`). Anything else is read as text if it is
//! text. Bad input is an [`InputError`] (`error`, worded in both languages), never a panic: too
//! large, not text, a `.docx` that is not a zip, an archive without a document, a document that is
//! not well-formed XML, nothing but white space.

mod docx;
mod error;
mod html;
mod txt;

pub use docx::document_xml_text;
pub use error::InputError;
pub use html::{decode, html_text};

/// Largest file the page reads (bytes).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The error of a file of `bytes` bytes, if it is larger than the page reads: the page asks
/// before reading it, so a 20 MB file is never copied into memory.
pub fn size_error(bytes: u64) -> Option<InputError> {
    (bytes > MAX_FILE_BYTES as u64).then(|| InputError::TooLarge {
        mb: bytes.div_ceil(1024 * 1024) as usize,
        limit_mb: MAX_FILE_BYTES / (1024 * 1024),
    })
}

/// The text of the file `name` with content `bytes`.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<String, InputError> {
    if let Some(error) = size_error(bytes.len() as u64) {
        return Err(error);
    }
    let lower = name.to_ascii_lowercase();
    let text = if lower.ends_with(".docx") {
        docx::docx_text(bytes)?
    } else {
        let text = txt::plain(bytes)?;
        if lower.ends_with(".html") || lower.ends_with(".htm") || html::looks_like_html(&text) {
            html_text(&text)
        } else {
            text
        }
    };
    checked_text(text)
}

/// Pasted text, refused when it is only white space.
pub fn checked_text(text: String) -> Result<String, InputError> {
    if text.trim().is_empty() {
        Err(InputError::Empty)
    } else {
        Ok(text)
    }
}

/// Lines trimmed, blank lines dropped, non-breaking and full-width runs of spaces kept as written.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() && c != '\u{3000}'))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_a_problem() {
        assert_eq!(read_file("a.docx", b"just text"), Err(InputError::NotAZip));
        assert_eq!(read_file("a.docx", b"PK\x03\x04broken"), Err(InputError::NotAZip));
        assert_eq!(read_file("a.txt", &[0xff, 0xfe, 0x00, 0x41]), Err(InputError::Binary));
        assert_eq!(read_file("a.bin", b"ELF\x00\x01\x02"), Err(InputError::Binary));
        assert_eq!(read_file("a.txt", " \n\t ".as_bytes()), Err(InputError::Empty));
        assert_eq!(
            read_file("a.html", b"<p> </p><script>x</script>"),
            Err(InputError::Empty)
        );
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(
            read_file("a.txt", &big),
            Err(InputError::TooLarge { mb: 17, limit_mb: 16 })
        );
        assert_eq!(
            read_file("a.txt", "\u{feff}第一行\r\n第二行".as_bytes()).unwrap(),
            "第一行\n第二行"
        );
        assert_eq!(checked_text(String::new()), Err(InputError::Empty));
        assert_eq!(
            size_error(20 * 1024 * 1024),
            Some(InputError::TooLarge { mb: 20, limit_mb: 16 })
        );
        assert_eq!(size_error(MAX_FILE_BYTES as u64), None);
    }
}
