//! Why a file (or a pasted text) gives the page no text to analyse, as kinds with their facts,
//! worded here in Chinese and English for the page to show: what is wrong, then what to do. No
//! message is made from a dependency's text.

use policy_data::lang::Lang;

/// Why the reader gives no text.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// Nothing but white space (pasted, or left after a page's tags).
    Empty,
    /// Not text: control bytes, or not UTF-8 (a picture, a program, a legacy encoding).
    Binary,
    /// Larger than the page reads: the file (`MAX_FILE_BYTES`), or a `.docx`'s document unpacked
    /// (four times that).
    TooLarge { mb: usize, limit_mb: usize },
    /// A `.docx` that is not a zip archive.
    NotAZip,
    /// A zip archive without `word/document.xml`, or whose document cannot be unpacked.
    NoDocument,
    /// `word/document.xml` is not well-formed XML.
    NotWellFormed,
}

impl InputError {
    /// The error and what to do, in `lang`. An archive without a document and one whose document
    /// is not XML are the same to the visitor: no readable Word text.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            InputError::Empty => match zh {
                true => "没有文字可分析:请粘贴文件的正文,或打开 .txt、.html、.docx 文件。".into(),
                false => "There is no text to analyse: paste the document's text, or open a .txt, .html or .docx file.".into(),
            },
            InputError::Binary => match zh {
                true => "这个文件不是文字(或不是 UTF-8 编码),无法分析。请另存为 UTF-8 文本、网页或 .docx 后再打开。".into(),
                false => "This file is not text (or not UTF-8), so it cannot be analysed. Save it as UTF-8 text, a web page or .docx and open it again.".into(),
            },
            InputError::TooLarge { mb, limit_mb } => match zh {
                true => format!("文件约 {mb} MB,超过了可分析的 {limit_mb} MB。请只粘贴或保存需要分析的部分。"),
                false => format!("The file is about {mb} MB, more than the {limit_mb} MB the page analyses. Paste or save only the part to analyse."),
            },
            InputError::NotAZip => match zh {
                true => "这个 .docx 文件不是 Word 文档(不是 zip 压缩包),可能已损坏或只是改了扩展名。请用 Word 或 WPS 另存为 .docx,或复制正文粘贴。".into(),
                false => "This .docx file is not a Word document (not a zip archive): it may be damaged or merely renamed. Save it as .docx from Word or WPS, or copy and paste the text.".into(),
            },
            InputError::NoDocument | InputError::NotWellFormed => match zh {
                true => "这个压缩包里没有可读的 Word 正文(word/document.xml)。请用 Word 或 WPS 另存为 .docx,或复制正文粘贴。".into(),
                false => "This archive has no readable Word text (word/document.xml). Save it as .docx from Word or WPS, or copy and paste the text.".into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::validation::has_han;

    #[test]
    fn every_input_error_is_worded_in_both_languages() {
        let all = [
            InputError::Empty,
            InputError::Binary,
            InputError::TooLarge { mb: 20, limit_mb: 16 },
            InputError::NotAZip,
            InputError::NoDocument,
            InputError::NotWellFormed,
        ];
        for e in all {
            let (zh, en) = (e.message(Lang::Zh), e.message(Lang::En));
            assert!(has_han(&zh), "{e:?}: {zh}");
            assert!(!has_han(&en), "{e:?}: {en}");
        }
        assert_eq!(
            InputError::NotWellFormed.message(Lang::En),
            InputError::NoDocument.message(Lang::En)
        );
    }
}
