//! A target's place in the dataset: the row type shared by the catalogue and the search index, so
//! neither has to import the other.

/// One target with the position of its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub document: usize,
    pub target: usize,
}
