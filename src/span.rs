//! Where something stands in a text file (a letter, a template, a data file).
//!
//! This is the base layer: diagnostics, the letter reader, the markup parser
//! and the writers all use it, and it uses nothing of theirs.

/// A line and a column, counted from 1.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}
