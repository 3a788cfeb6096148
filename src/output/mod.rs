//! Writers: the same typeset pages, written as a PDF or as an HTML preview.

pub mod html;
pub mod meta;
pub mod pdf;
