//! The typesetting rules of the v2 blocks that are more than a paragraph:
//! answer item lists and tables.

pub mod list;
pub mod table;
