//! Answer items: consecutive `[item]` blocks grouped into a numbered list.
//!
//! The markup is flat (see `templates/README.md`, «Answer items»): each
//! `[item level="N" number="…"]` starts an item of level N, and an `[item
//! level="N"]` without a number is a further paragraph of the last item of
//! that level. Here the flat blocks become a tree, so that the typesetter
//! indents by level and the PDF tags nest `L`/`LI`/`LBody` as the reader
//! expects; bad nesting is refused at the template line that wrote it.

use std::fmt;

use super::Inline;
use super::markup::RawBlock;
use crate::span::Pos;
use crate::tr;

/// The deepest level: «2.1.1.».
pub const MAX_LEVEL: u8 = 3;

/// A numbered list of answer items.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    pub items: Vec<Item>,
}

/// One answer item: its printed number and its content in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The label as the template wrote it («2.1.»): numbers are the
    /// template's, never counted here.
    pub number: String,
    pub level: u8,
    pub parts: Vec<Part>,
    /// Where the item's header stands in the markup.
    pub pos: Pos,
}

/// A piece of an item: a paragraph of its text, or its sub-items.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Paragraph(Inline),
    List(List),
}

/// Why a run of `[item]` blocks is not a list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListError {
    pub pos: Pos,
    pub problem: ListProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ListProblem {
    /// `level` is missing or not 1, 2 or 3.
    BadLevel(Option<String>),
    /// A level-N item with no open item of level N-1 above it.
    SkippedLevel { level: u8 },
    /// A further paragraph (no `number`) with no item of its level to
    /// continue.
    NothingToContinue { level: u8 },
    /// An item with no text.
    Empty,
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match &self.problem {
            ListProblem::BadLevel(None) => tr!("document-item-no-level"),
            ListProblem::BadLevel(Some(v)) => tr!("document-item-bad-level", value = v),
            ListProblem::SkippedLevel { level } => tr!(
                "document-item-skipped-level",
                level = *level,
                above = level - 1
            ),
            ListProblem::NothingToContinue { level } => {
                tr!("document-item-nothing-to-continue", level = *level)
            }
            ListProblem::Empty => tr!("document-item-empty"),
        })
    }
}

impl ListError {
    /// What the template should do about it.
    pub fn help(&self) -> String {
        match self.problem {
            ListProblem::BadLevel(_) => tr!("document-item-bad-level-help"),
            ListProblem::SkippedLevel { .. } => tr!("document-item-skipped-level-help"),
            ListProblem::NothingToContinue { .. } => {
                tr!("document-item-nothing-to-continue-help")
            }
            ListProblem::Empty => tr!("document-item-empty-help"),
        }
    }
}

/// One item header read from the markup, flat.
struct Flat {
    level: u8,
    number: Option<String>,
    text: Inline,
    pos: Pos,
}

/// Builds the list from consecutive `[item]` blocks (the caller has found
/// the run: "any other block ends it").
pub(super) fn build(blocks: &[RawBlock]) -> Result<List, ListError> {
    let mut flat = Vec::with_capacity(blocks.len());
    for b in blocks {
        let level = match b.attrs.get("level").map(String::as_str) {
            Some(v) => match v.trim().parse::<u8>() {
                Ok(n @ 1..=MAX_LEVEL) => n,
                _ => {
                    return Err(ListError {
                        pos: b.pos,
                        problem: ListProblem::BadLevel(Some(v.to_owned())),
                    });
                }
            },
            None => {
                return Err(ListError {
                    pos: b.pos,
                    problem: ListProblem::BadLevel(None),
                });
            }
        };
        let text = b.folded();
        if text.iter().all(|r| r.text.trim().is_empty()) {
            return Err(ListError {
                pos: b.pos,
                problem: ListProblem::Empty,
            });
        }
        flat.push(Flat {
            level,
            number: b.attrs.get("number").cloned(),
            text,
            pos: b.pos,
        });
    }
    // A stack of open items, one per level: item k is the open item of
    // level k + 1; finishing an item moves it into its parent's last list.
    let mut root = List { items: Vec::new() };
    let mut open: Vec<Item> = Vec::new();
    for f in flat {
        let level = usize::from(f.level);
        match f.number {
            Some(number) => {
                if level > open.len() + 1 {
                    return Err(ListError {
                        pos: f.pos,
                        problem: ListProblem::SkippedLevel { level: f.level },
                    });
                }
                close_to(&mut open, &mut root, level - 1);
                open.push(Item {
                    number,
                    level: f.level,
                    parts: vec![Part::Paragraph(f.text)],
                    pos: f.pos,
                });
            }
            None => {
                if level > open.len() {
                    return Err(ListError {
                        pos: f.pos,
                        problem: ListProblem::NothingToContinue { level: f.level },
                    });
                }
                close_to(&mut open, &mut root, level);
                if let Some(item) = open.last_mut() {
                    item.parts.push(Part::Paragraph(f.text));
                }
            }
        }
    }
    close_to(&mut open, &mut root, 0);
    Ok(root)
}

/// Finishes open items until `depth` remain, each into its parent's list
/// of sub-items (a new one when its last part is a paragraph).
fn close_to(open: &mut Vec<Item>, root: &mut List, depth: usize) {
    while open.len() > depth {
        let Some(item) = open.pop() else { return };
        match open.last_mut() {
            Some(parent) => match parent.parts.last_mut() {
                Some(Part::List(list)) => list.items.push(item),
                Some(Part::Paragraph(_)) | None => {
                    parent.parts.push(Part::List(List { items: vec![item] }))
                }
            },
            None => root.items.push(item),
        }
    }
}

impl List {
    /// Every paragraph of every item, in reading order.
    pub fn texts(&self) -> Vec<&Inline> {
        let mut out = Vec::new();
        for item in &self.items {
            for part in &item.parts {
                match part {
                    Part::Paragraph(t) => out.push(t),
                    Part::List(sub) => out.extend(sub.texts()),
                }
            }
        }
        out
    }

    pub fn texts_mut(&mut self) -> Vec<&mut Inline> {
        let mut out = Vec::new();
        for item in &mut self.items {
            for part in &mut item.parts {
                match part {
                    Part::Paragraph(t) => out.push(t),
                    Part::List(sub) => out.extend(sub.texts_mut()),
                }
            }
        }
        out
    }

    /// Every item in reading order, depth first.
    pub fn walk(&self) -> Vec<&Item> {
        let mut out = Vec::new();
        for item in &self.items {
            out.push(item);
            for part in &item.parts {
                match part {
                    Part::List(list) => out.extend(list.walk()),
                    Part::Paragraph(_) => {}
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markup::{RawBlock, scan};

    fn raw(markup: &str) -> Vec<RawBlock> {
        scan(markup).0
    }

    fn text(i: &Inline) -> String {
        i.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn flat_items_nest_by_level() {
        let blocks = raw("[item number=\"1.\" level=\"1\"]\nпервый\n\
             [item number=\"2.\" level=\"1\"]\nвторой\n\
             [item number=\"2.1.\" level=\"2\"]\nподпункт\n\
             [item number=\"2.1.1.\" level=\"3\"]\nглубже\n\
             [item number=\"2.2.\" level=\"2\"]\nещё\n\
             [item level=\"1\"]\nабзац пункта 2\n\
             [item number=\"3.\" level=\"1\"]\nтретий\n");
        let list = build(&blocks).unwrap();
        let numbers: Vec<&str> = list.walk().iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["1.", "2.", "2.1.", "2.1.1.", "2.2.", "3."]);
        assert_eq!(list.items.len(), 3);
        let two = &list.items[1];
        // Text, the sub-list, then the further paragraph after it.
        assert_eq!(two.parts.len(), 3);
        assert!(matches!(&two.parts[0], Part::Paragraph(t) if text(t) == "второй"));
        match &two.parts[1] {
            Part::List(sub) => {
                assert_eq!(sub.items.len(), 2);
                assert_eq!(sub.items[0].parts.len(), 2, "2.1. holds 2.1.1.");
            }
            Part::Paragraph(_) => panic!("sub-items expected"),
        }
        assert!(matches!(&two.parts[2], Part::Paragraph(t) if text(t) == "абзац пункта 2"));
    }

    #[test]
    fn a_further_paragraph_right_after_its_item() {
        let list = build(&raw(
            "[item number=\"1.\" level=\"1\"]\nа\nб\n[item level=\"1\"]\nв\n",
        ))
        .unwrap();
        assert_eq!(list.items.len(), 1);
        let parts: Vec<String> = list.items[0]
            .parts
            .iter()
            .map(|p| match p {
                Part::Paragraph(t) => text(t),
                Part::List(_) => "list".into(),
            })
            .collect();
        assert_eq!(parts, ["а б", "в"]);
    }

    #[test]
    fn bad_items_are_refused_at_their_line() {
        let cases = [
            ("[item number=\"1.\"]\nx\n", 1, "level"),
            ("[item number=\"1.\" level=\"4\"]\nx\n", 1, "not 1, 2 or 3"),
            (
                "[item number=\"1.\" level=\"one\"]\nx\n",
                1,
                "not 1, 2 or 3",
            ),
            (
                "[item number=\"1.\" level=\"1\"]\nx\n[item number=\"1.1.1.\" level=\"3\"]\ny\n",
                3,
                "level 2 above",
            ),
            (
                "[item number=\"1.1.\" level=\"2\"]\nx\n",
                1,
                "level 1 above",
            ),
            ("[item level=\"1\"]\nx\n", 1, "none of that level"),
            (
                "[item number=\"1.\" level=\"1\"]\nx\n[item level=\"2\"]\ny\n",
                3,
                "none of that level",
            ),
            ("[item number=\"1.\" level=\"1\"]\n\n", 1, "no text"),
        ];
        for (markup, line, says) in cases {
            let e = build(&raw(markup)).unwrap_err();
            assert_eq!(e.pos.line, line, "{markup}");
            assert!(e.to_string().contains(says), "{markup}: {e}");
            assert!(!e.help().is_empty());
        }
    }
}
