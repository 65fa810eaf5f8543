//! One error of an opened file as the visitor sees it (file › document › target › field: problem),
//! worded in both languages when it is found, and the collector that gathers every error of one
//! run.

use super::problems::{FileProblem, ReadFailure};
use super::wording::{already_open_words, read_failed_words};
use crate::lang::Lang;
use crate::message::Message;

/// One thing wrong with an opened file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileError {
    /// The file's name as the visitor's system gave it.
    pub file: String,
    /// Document id, or the part of the file ("themes", "indicators", "texts", "dataset") the problem sits in.
    pub document: Option<String>,
    /// Target id (or theme / indicator id) the problem belongs to.
    pub target: Option<String>,
    /// The field, as a path inside the item (`value`, `baseline.year`, `document.period`); empty
    /// when the problem concerns the whole file.
    pub field: String,
    pub problem: FileProblem,
    /// The problem in Chinese and English, worded when it was found. The checks run in an
    /// on-demand chunk, and so does the wording of their kinds: the page that lists the errors
    /// only shows these, and the first visit does not carry the words of every kind.
    pub worded: Box<[Message; 2]>,
}

impl FileError {
    /// An error at `document` › `target` › `field` of `file`, worded in both languages.
    pub fn new(file: &str, document: Option<&str>, target: Option<&str>, field: &str, problem: FileProblem) -> Self {
        let worded = Box::new([problem.words(Lang::Zh), problem.words(Lang::En)]);
        FileError {
            file: file.to_string(),
            document: document.map(str::to_string),
            target: target.map(str::to_string),
            field: field.to_string(),
            problem,
            worded,
        }
    }

    /// An error about the whole file `file`.
    pub fn whole_file(file: &str, problem: FileProblem) -> Self {
        Self::new(file, None, None, "", problem)
    }

    /// A file with this name is already open (worded without the other kinds' words: the first
    /// visit's library refuses it before any check runs).
    pub fn already_open(file: &str) -> Self {
        Self::worded(file, FileProblem::AlreadyOpen, already_open_words)
    }

    /// The browser could not read the file (worded on its own, as [`FileError::already_open`]).
    pub fn read_failed(file: &str, failure: ReadFailure) -> Self {
        Self::worded(file, FileProblem::ReadFailed(failure), |lang| {
            read_failed_words(failure, lang)
        })
    }

    fn worded(file: &str, problem: FileProblem, words: impl Fn(Lang) -> Message) -> Self {
        FileError {
            file: file.to_string(),
            document: None,
            target: None,
            field: String::new(),
            problem,
            worded: Box::new([words(Lang::Zh), words(Lang::En)]),
        }
    }

    /// The problem in `lang`, with its code parts marked.
    pub fn words(&self, lang: Lang) -> &Message {
        match lang {
            Lang::Zh => &self.worded[0],
            Lang::En => &self.worded[1],
        }
    }

    /// The problem in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.words(lang).to_string()
    }

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

impl std::fmt::Display for FileError {
    /// In English (the maintainer's tool and the tests): `file › document › target › field: message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Every error found so far in the file named `file`.
pub(super) struct Errors {
    pub(super) file: String,
    pub(super) list: Vec<FileError>,
}

impl Errors {
    pub(super) fn push(&mut self, document: Option<&str>, target: Option<&str>, field: &str, problem: FileProblem) {
        self.list
            .push(FileError::new(&self.file, document, target, field, problem));
    }

    pub(super) fn whole_file(&mut self, problem: FileProblem) {
        self.push(None, None, "", problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Rule;

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
}
