//! A markup block as read, before it is grouped: the v2 blocks that come in
//! runs (`[item]`, `[table]` with its `[caption]`, `[row]` and `[cell]`)
//! are collected as these and then built into one typed block each.

use std::collections::BTreeMap;

use super::{Inline, parse_inline};
use crate::letter::node::Pos;

#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
    /// The content lines as written, escapes and emphasis still in them.
    pub lines: Vec<String>,
    /// Where the header stands in the markup.
    pub pos: Pos,
}

impl RawBlock {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).map(String::as_str)
    }

    /// `true`, `yes` or `1`, as the other flags of the markup.
    pub fn flag(&self, key: &str) -> bool {
        matches!(self.attr(key), Some("true" | "yes" | "1"))
    }

    /// The lines folded into one text, as a paragraph's are.
    pub fn folded(&self) -> Inline {
        let joined = self
            .lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        parse_inline(&joined)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Markup read into raw blocks with the parser's own header reader.
    pub(crate) fn raw(markup: &str) -> Vec<RawBlock> {
        let mut out: Vec<RawBlock> = Vec::new();
        for (i, line) in markup.lines().enumerate() {
            if line.starts_with('[') {
                let (name, attrs) = super::super::parse_header(line).expect("header");
                out.push(RawBlock {
                    name,
                    attrs,
                    lines: Vec::new(),
                    pos: Pos {
                        line: i + 1,
                        column: 1,
                    },
                });
            } else if let Some(b) = out.last_mut() {
                b.lines.push(line.to_owned());
            }
        }
        out
    }

    #[test]
    fn folding_joins_lines_and_reads_emphasis() {
        let b = &raw("[cell]\n  **Итого**\n\n за год \n")[0];
        let f = b.folded();
        assert_eq!(f.len(), 2);
        assert!(f[0].style.bold);
        assert_eq!(f[1].text, " за год");
    }
}
