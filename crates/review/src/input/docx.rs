//! A Word document (`.docx`): a zip archive, read with `zip`, whose `word/document.xml` holds the
//! text, read with `quick-xml`, one paragraph a line. An archive that is not a zip, one without
//! the document, and a document that is not well-formed XML are each an `InputError`.

use super::{tidy, InputError, MAX_FILE_BYTES};

/// The text of a Word document: `word/document.xml` from the zip archive, one paragraph a line.
pub fn docx_text(bytes: &[u8]) -> Result<String, InputError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(InputError::NotAZip);
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| InputError::NotAZip)?;
    let mut file = archive
        .by_name("word/document.xml")
        .map_err(|_| InputError::NoDocument)?;
    if file.size() > (4 * MAX_FILE_BYTES) as u64 {
        return Err(InputError::TooLarge {
            mb: (file.size() / (1024 * 1024)) as usize,
            limit_mb: 4 * MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut file, &mut xml).map_err(|_| InputError::NoDocument)?;
    document_xml_text(&xml)
}

/// The namespace of WordprocessingML's elements (`w:`).
const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text of WordprocessingML, read with `quick-xml` (MIT) by namespace, whatever the prefix: the
/// content of `<w:t>` runs, `<w:tab/>` as a tab, `<w:br/>`, `<w:cr/>` and the end of each paragraph
/// `</w:p>` as a line break; everything else (properties, fields' instructions `<w:instrText>`,
/// deleted runs `<w:delText>`) is left out. XML that is not well formed is `NotWellFormed`.
pub fn document_xml_text(xml: &str) -> Result<String, InputError> {
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;
    use quick_xml::name::{Namespace, ResolveResult};

    let mut reader = quick_xml::reader::NsReader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    loop {
        let (namespace, event) = reader.read_resolved_event().map_err(|_| InputError::NotWellFormed)?;
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
    use crate::input::read_file;

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
            Err(InputError::NotWellFormed)
        );
    }

    #[test]
    fn a_real_zip_is_unpacked() {
        let xml =
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>到2025年，入园率达到90%以上。</w:t></w:r></w:p></w:body></w:document>";
        let docx = zip_of(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", xml)]);
        assert_eq!(read_file("plan.DOCX", &docx).unwrap(), "到2025年，入园率达到90%以上。");
        let other = zip_of(&[("content.xml", "<x/>")]);
        assert_eq!(read_file("plan.docx", &other), Err(InputError::NoDocument));
    }

    #[test]
    fn the_fixture_word_document_reads_as_its_text() {
        let docx = include_bytes!("../../../../tests/fixtures/qinghe-county-2024.docx");
        let text = include_str!("../../../../tests/fixtures/qinghe-county-2024.txt");
        let expected = text.trim().replace("\r\n", "\n");
        assert_eq!(read_file("qinghe-county-2024.docx", docx).unwrap(), expected);
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
