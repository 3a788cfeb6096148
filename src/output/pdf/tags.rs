//! The structure tree of one block from its tagged runs: a paragraph is a
//! `P`; a list is `L` / `LI` / `Lbl` / `LBody`, nested by level, with each
//! paragraph of an item a `P` in its `LBody`; a table is `Table` with its
//! `Caption` and `TR` rows of `TH` / `TD` cells. Screen readers and copied
//! text then go item by item and row by row.

use std::collections::BTreeMap;

use krilla::tagging::{ListNumbering, Node, TableHeaderScope, Tag, TagGroup};

use crate::document::BlockKind;
use crate::typeset::page::Role;

/// The block's node from its leaves in reading order, each with the role
/// of the line it was drawn for.
pub(super) fn block(kind: BlockKind, leaves: Vec<(Role, Node)>) -> Node {
    match kind {
        BlockKind::List => list(leaves),
        BlockKind::Table => table(leaves),
        BlockKind::Letterhead
        | BlockKind::Outgoing
        | BlockKind::Reference
        | BlockKind::Addressee
        | BlockKind::Salutation
        | BlockKind::Paragraph
        | BlockKind::Attachments
        | BlockKind::Signature
        | BlockKind::Executor
        | BlockKind::Heading
        | BlockKind::Copies => {
            TagGroup::with_children(Tag::P, leaves.into_iter().map(|(_, n)| n).collect()).into()
        }
    }
}

/// An item being collected: its number, its finished body parts, the
/// paragraph being filled and the sub-items waiting to close as an `L`.
struct Open {
    item: u32,
    level: u8,
    label: Vec<Node>,
    body: Vec<Node>,
    paragraph: Option<(u32, Vec<Node>)>,
    sub: Vec<Node>,
}

impl Open {
    fn flush_paragraph(&mut self) {
        if let Some((_, leaves)) = self.paragraph.take() {
            self.body
                .push(TagGroup::with_children(Tag::P, leaves).into());
        }
    }

    fn flush_sub(&mut self) {
        if !self.sub.is_empty() {
            let items = std::mem::take(&mut self.sub);
            self.body
                .push(TagGroup::with_children(Tag::L(ListNumbering::Decimal), items).into());
        }
    }

    fn finish(mut self) -> Node {
        self.flush_paragraph();
        self.flush_sub();
        TagGroup::with_children(
            Tag::LI,
            vec![
                TagGroup::with_children(Tag::Lbl, self.label).into(),
                TagGroup::with_children(Tag::LBody, self.body).into(),
            ],
        )
        .into()
    }
}

fn list(leaves: Vec<(Role, Node)>) -> Node {
    let mut root: Vec<Node> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let close = |stack: &mut Vec<Open>, root: &mut Vec<Node>| {
        if let Some(done) = stack.pop() {
            let node = done.finish();
            match stack.last_mut() {
                Some(parent) => {
                    parent.flush_paragraph();
                    parent.sub.push(node);
                }
                None => root.push(node),
            }
        }
    };
    for (role, node) in leaves {
        let (item, level) = match role {
            Role::Label { item, level } | Role::ItemText { item, level, .. } => (item, level),
            // Nothing else is drawn for a list; keep it rather than lose text.
            Role::Text
            | Role::Caption
            | Role::Cell { .. }
            | Role::RepeatedHeader
            | Role::PageNumber => {
                match stack.last_mut() {
                    Some(open) => open.body.push(node),
                    None => root.push(node),
                }
                continue;
            }
        };
        match stack.iter().position(|o| o.item == item) {
            Some(at) => {
                while stack.len() > at + 1 {
                    close(&mut stack, &mut root);
                }
            }
            None => {
                while stack.last().is_some_and(|o| o.level >= level) {
                    close(&mut stack, &mut root);
                }
                stack.push(Open {
                    item,
                    level,
                    label: Vec::new(),
                    body: Vec::new(),
                    paragraph: None,
                    sub: Vec::new(),
                });
            }
        }
        let Some(open) = stack.last_mut() else {
            continue;
        };
        match role {
            Role::Label { .. } => open.label.push(node),
            Role::ItemText { part, .. } => {
                open.flush_sub();
                if open.paragraph.as_ref().is_some_and(|(p, _)| *p != part) {
                    open.flush_paragraph();
                }
                open.paragraph
                    .get_or_insert_with(|| (part, Vec::new()))
                    .1
                    .push(node);
            }
            Role::Text
            | Role::Caption
            | Role::Cell { .. }
            | Role::RepeatedHeader
            | Role::PageNumber => {}
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut root);
    }
    TagGroup::with_children(Tag::L(ListNumbering::Decimal), root).into()
}

fn table(leaves: Vec<(Role, Node)>) -> Node {
    let mut caption = Vec::new();
    // Rows and cells in order, whatever order the lines were drawn in.
    type Cells = BTreeMap<u32, (bool, Vec<Node>)>;
    let mut rows: BTreeMap<u32, (u32, Cells)> = BTreeMap::new();
    let mut other = Vec::new();
    for (role, node) in leaves {
        match role {
            Role::Caption => caption.push(node),
            Role::Cell {
                row,
                col,
                cols,
                header,
            } => rows
                .entry(row)
                .or_insert_with(|| (cols, BTreeMap::new()))
                .1
                .entry(col)
                .or_insert_with(|| (header, Vec::new()))
                .1
                .push(node),
            Role::Text
            | Role::Label { .. }
            | Role::ItemText { .. }
            | Role::RepeatedHeader
            | Role::PageNumber => other.push(node),
        }
    }
    let mut children: Vec<Node> = Vec::new();
    if !caption.is_empty() {
        children.push(
            TagGroup::with_children(
                Tag::Caption,
                vec![TagGroup::with_children(Tag::P, caption).into()],
            )
            .into(),
        );
    }
    for (_, (cols, mut cells)) in rows {
        // An empty cell draws nothing but is a cell of its row all the same.
        let header = cells.values().any(|(h, _)| *h);
        for col in 0..cols {
            cells.entry(col).or_insert_with(|| (header, Vec::new()));
        }
        let cells = cells
            .into_values()
            .map(|(header, leaves)| {
                if header {
                    TagGroup::with_children(Tag::TH(TableHeaderScope::Column), leaves).into()
                } else {
                    TagGroup::with_children(Tag::TD, leaves).into()
                }
            })
            .collect();
        children.push(TagGroup::with_children(Tag::TR, cells).into());
    }
    children.extend(other);
    TagGroup::with_children(Tag::Table, children).into()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};

    use crate::document::parse;
    use crate::lang::Lang;
    use crate::typeset::{Resources, Rules, typeset};

    #[test]
    fn lists_and_tables_pass_the_pdf_ua_1_validator() {
        let mut m = String::from(
            "[document lang=\"ru\" title=\"Ответ\" date=\"2025-05-14\" draft=\"ПРОЕКТ\"]\n\
             [paragraph]\nТекст.\n\
             [item number=\"1.\" level=\"1\"]\nПервый пункт.\n\
             [item number=\"1.1.\" level=\"2\"]\nПодпункт.\n\
             [item level=\"1\"]\nЕщё абзац первого пункта.\n\
             [item number=\"2.\" level=\"1\"]\nВторой пункт.\n\
             [table widths=\"2 1\"]\n[caption]\nТаблица 1\n\
             [row header=\"true\"]\n[cell]\nОбласть\n[cell]\n2024\n",
        );
        // Long enough to go over pages: the repeated header is an artifact.
        for k in 0..60 {
            m.push_str(&format!("[row]\n[cell]\nРайон {k}\n[cell]\n\n"));
        }
        m.push_str("[row total=\"true\"]\n[cell]\nИтого\n[cell]\n1\n");
        let doc = parse(&m, Path::new("t"), Lang::Ru).unwrap();
        let pages = typeset(&doc, &Resources::default(), &Rules::default()).unwrap();
        assert!(pages.pages.len() > 1);
        let ua = ConfigurationBuilder::new()
            .with_archival_validator(Archival::A2_B)
            .with_accessibility_validator(Accessibility::UA1);
        // PDF/UA-1 also asks for a document outline (bookmarks), which is
        // the document's matter, not the tree's: that is the only cause
        // left, and nothing about the lists, tables or artifacts.
        match super::super::write_as(&pages, ua, None) {
            Ok(_) => {}
            Err(e) => assert!(
                e.ends_with(": MissingDocumentOutline"),
                "PDF/UA-1 refuses: {e}"
            ),
        }
    }
}
