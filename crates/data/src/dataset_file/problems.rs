//! What is wrong with an opened file: the kinds of problem. A problem is a kind with its facts
//! (position, what was found, what was expected), never a sentence: `wording.rs` words each in
//! Chinese and English, and `error.rs` places it in the file (file › document › target › field).

use crate::json_outline::Kind;
use crate::lang::Lang;
use crate::validation::Rule;

/// What is wrong, one kind per message; `wording.rs` words them.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// Larger than [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES).
    TooLarge { mb: usize, limit_mb: usize },
    /// The bytes are not UTF-8 from this position on.
    NotUtf8 { line: usize, column: usize },
    /// Nothing but white space.
    Empty,
    /// Not valid JSON at this position.
    Syntax {
        line: usize,
        column: usize,
        what: SyntaxKind,
        /// The line around the position (`None` when the line is blank).
        excerpt: Option<Excerpt>,
    },
    /// Lists and objects nest deeper than `limit` at this position.
    TooDeep { line: usize, column: usize, limit: usize },
    /// The file is one JSON value, but not an object.
    NotAnObject { found: Kind },
    /// `version` is missing.
    MissingVersion,
    /// `version` is an empty string.
    VersionEmpty,
    /// `version` is not a string.
    VersionNotText { found: Kind },
    /// `documents` is an empty list.
    NoDocuments,
    /// An entry of `documents` is not an object.
    EntryNotObject { found: Kind },
    /// A required field is missing.
    MissingField,
    /// A field that must be a list is not.
    NotAList { found: Kind },
    /// The file has no `texts`.
    MissingTexts,
    /// `texts` is not an object.
    TextsNotObject { found: Kind },
    /// A text under `texts` is not a string.
    TextNotString { found: Kind },
    /// A value of the wrong type (serde's "invalid type").
    WrongType { found: Found, expected: Expected },
    /// A value of the right type that is not allowed, such as a year out of range (serde's "invalid value").
    WrongValue { found: Found, expected: Expected },
    /// An object written as a list with the wrong number of elements (serde's "invalid length").
    WrongLength { len: usize, expected: Expected },
    /// A value that is not one of the allowed words (serde's "unknown variant").
    UnknownValue { found: String, allowed: Vec<String> },
    /// A field written twice in one object.
    DuplicateField { name: String },
    /// JSON the item's reader does not accept here (the file as a whole is valid JSON).
    ItemSyntax(SyntaxKind),
    /// A reading error no other kind describes.
    DoesNotFit,
    /// The site has an indicator with this id and another unit, theme or direction.
    IndicatorDiffers { id: String, unit: String, theme: String },
    /// `texts` has no text under the document's id.
    NoTextForDocument,
    /// One of the dataset's rules.
    Rule(Rule),
    /// A document with this id is already shown (the locality's Chinese name).
    DocumentIdTaken { locality: String },
    /// A target with this id is already shown.
    TargetIdTaken,
    /// A text under `texts` for a document the file does not hold.
    TextWithoutDocument,
    /// A file with this name is already open.
    AlreadyOpen,
    /// The browser could not read the file.
    ReadFailed(ReadFailure),
}

impl std::fmt::Display for FileProblem {
    /// In English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// What makes a text not valid JSON: serde_json's syntax errors, one kind each, and a trailing comma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// A comma right before a closing bracket.
    TrailingComma,
    EofInList,
    EofInObject,
    EofInString,
    EofInValue,
    ExpectedColon,
    ExpectedCommaOrListEnd,
    ExpectedCommaOrObjectEnd,
    /// A bare word that is not `true`, `false` or `null`.
    ExpectedIdent,
    ExpectedValue,
    ExpectedDoubleQuote,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    InvalidCodePoint,
    ControlCharacter,
    KeyMustBeText,
    LoneSurrogate,
    TrailingCharacters,
    UnfinishedHexEscape,
    RecursionLimit,
    /// A syntax error no other kind describes.
    Other,
}

/// The line around a syntax error, cut to a width around the position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    /// The line goes on before / after the excerpt.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// What a value in the file was, as serde_json reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool(bool),
    /// A whole number, as written by serde_json.
    Integer(String),
    /// A number with a fraction or exponent, as written by serde_json.
    Float(String),
    Text(String),
    List,
    Object,
}

/// What the dataset's form expects where a value was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Any number (f64).
    Number,
    /// A whole number from 0 to 65535 (u16: years, periods).
    WholeNumber,
    /// A whole number from 0 to 255 (u8: theme colour slots).
    SmallWholeNumber,
    TrueOrFalse,
    List,
    Text,
    /// An object of this shape.
    Object(Shape),
    /// An object of this shape written as a list of this many elements.
    ObjectElements(Shape, usize),
    /// A word of a list of allowed values, without content.
    BareWord,
}

/// The objects of the dataset's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Theme,
    Indicator,
    Document,
    Target,
    /// `{ zh, en }`.
    Bilingual,
    /// `{ start, end }`.
    Period,
    /// `{ value, year }`.
    Baseline,
}

impl Shape {
    /// The type's name, as serde names the struct.
    pub fn type_name(self) -> &'static str {
        match self {
            Shape::Theme => "Theme",
            Shape::Indicator => "Indicator",
            Shape::Document => "Document",
            Shape::Target => "Target",
            Shape::Bilingual => "Bilingual",
            Shape::Period => "Period",
            Shape::Baseline => "Baseline",
        }
    }

    /// Every shape.
    pub const ALL: [Shape; 7] = [
        Shape::Theme,
        Shape::Indicator,
        Shape::Document,
        Shape::Target,
        Shape::Bilingual,
        Shape::Period,
        Shape::Baseline,
    ];

    pub(crate) fn from_type_name(name: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.type_name() == name)
    }
}

/// Why the browser could not read a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    /// The reading stopped before the end.
    Aborted,
    /// The file is no longer there.
    NotFound,
    /// The file cannot be read (permissions, or it changed while being read).
    NotReadable,
    /// The browser refused for security reasons.
    Security,
}
