//! What is wrong with an opened file: the error type shown to the visitor (file › document ›
//! target › field: message) and the collector that gathers every error of one run.

/// One thing wrong with an opened file.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        for part in [&self.document, &self.target].into_iter().flatten() {
            write!(f, " › {part}")?;
        }
        if !self.field.is_empty() {
            write!(f, " › {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every error found so far in the file named `file`.
pub(super) struct Errors {
    pub(super) file: String,
    pub(super) list: Vec<FileError>,
}

impl Errors {
    pub(super) fn push(
        &mut self,
        document: Option<&str>,
        target: Option<&str>,
        field: &str,
        message: impl Into<String>,
    ) {
        self.list.push(FileError {
            file: self.file.clone(),
            document: document.map(str::to_string),
            target: target.map(str::to_string),
            field: field.to_string(),
            message: message.into(),
        });
    }

    pub(super) fn whole_file(&mut self, message: impl Into<String>) {
        self.push(None, None, "", message);
    }
}
