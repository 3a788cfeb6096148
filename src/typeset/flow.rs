//! Collecting the flow: each block of the document becomes vertical items
//! (lines, spaces and unbreakable groups) by the page rules, with the keep
//! rules that say where a page may break.

use super::TypesetError;
use super::blocks::Ctx;
use std::rc::Rc;

use super::page::{BlockRef, PlacedImage, Role, Rule, VRule};
use super::paragraph::{Align as SetAlign, SetLine, Setting};
use crate::document::{Align, BlockKind, Content, Document, Text};

/// Something drawn, relative to the top of its vertical item.
#[derive(Debug, Clone)]
pub(super) enum Drawn {
    Line {
        line: SetLine,
        x: f32,
        baseline: f32,
        block: BlockRef,
    },
    Rule(Rule),
    VRule(VRule),
    Image(PlacedImage),
}

impl Drawn {
    /// Moves the drawing down by `dy`.
    pub fn shift(&mut self, dy: f32) {
        match self {
            Drawn::Line { baseline, .. } => *baseline += dy,
            Drawn::Rule(rule) => rule.y += dy,
            Drawn::VRule(rule) => {
                rule.y0 += dy;
                rule.y1 += dy;
            }
            Drawn::Image(img) => img.y += dy,
        }
    }
}

/// A piece of the vertical flow: a line, a space, or an unbreakable group.
#[derive(Debug, Clone)]
pub(super) struct VItem {
    pub height: f32,
    pub draw: Vec<Drawn>,
    /// A page may break right before this item.
    pub break_before: bool,
    /// Blank space: dropped when it would start a page.
    pub discardable: bool,
    /// Whether this is a line of running text (for the signature's keep rule).
    pub text_line: bool,
    /// Space that must stay free below this item on its page (the executor
    /// mark under the signature).
    pub reserve_below: f32,
    /// Drawn first when a page starts with this item: a table's header
    /// over the rows it continues with.
    pub repeat: Option<Rc<VItem>>,
}

impl VItem {
    pub fn space(height: f32) -> VItem {
        VItem {
            height,
            draw: Vec::new(),
            break_before: false,
            discardable: true,
            text_line: false,
            reserve_below: 0.0,
            repeat: None,
        }
    }

    /// An unbreakable group of drawings.
    pub fn group(height: f32, draw: Vec<Drawn>) -> VItem {
        VItem {
            height,
            draw,
            break_before: false,
            discardable: false,
            text_line: false,
            reserve_below: 0.0,
            repeat: None,
        }
    }
}

/// The paragraph setter's alignment for a document's.
pub(super) fn set_align(align: Align) -> SetAlign {
    match align {
        Align::Left => SetAlign::Left,
        Align::Center => SetAlign::Center,
        Align::Right => SetAlign::Right,
        Align::Justify => SetAlign::Justify,
    }
}

/// The flow of the document's blocks, and the executor mark's lines (drawn
/// at the foot of the last page, outside the flow) with their leads.
pub(super) struct Flow {
    pub items: Vec<VItem>,
    pub executor: Option<Vec<(SetLine, f32)>>,
}

/// How a body paragraph is set: justified (or as the markup aligns it)
/// across the text width, with the first-line indent.
pub(super) fn paragraph_setting(ctx: &Ctx, t: &Text) -> Setting {
    let r = ctx.rules;
    ctx.setting(
        r.body_size,
        r.text_width(),
        r.indent,
        set_align(t.align),
        t.bold,
    )
}

/// A body paragraph's lines as the flow's items, with its keep rules: no
/// widow, no orphan (two lines at least on each side of a break), and
/// after the salutation two lines at least with it.
pub(super) fn paragraph_lines(
    ctx: &Ctx,
    doc: &Document,
    lines: Vec<SetLine>,
    at: BlockRef,
) -> impl Iterator<Item = VItem> {
    let n = lines.len();
    let after_salutation = at.index > 0
        && doc.blocks.get(at.index - 1).map(|b| b.kind()) == Some(BlockKind::Salutation);
    lines.into_iter().enumerate().map(move |(k, line)| {
        let ok = if k == 0 {
            !after_salutation
        } else {
            k >= 2 && n - k >= 2
        };
        ctx.body_line(line, ok, at)
    })
}

pub(super) fn collect(doc: &Document, ctx: &Ctx) -> Result<Flow, TypesetError> {
    let r = ctx.rules;
    let width = r.text_width();
    let body_lead = r.body_lead();
    let mut flow: Vec<VItem> = Vec::new();
    let mut executor = None;
    let blocks = &doc.blocks;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let at = BlockRef {
            kind: b.kind(),
            index: i,
            role: Role::Text,
        };
        match &b.content {
            Content::Letterhead(head) => flow.push(ctx.letterhead(head, at)?),
            Content::Outgoing(_) | Content::Reference(_) | Content::Addressee(_) => {
                // The head of the letter: outgoing and reference at the left,
                // the addressee at the right, level with the reference.
                let j = i + blocks[i..]
                    .iter()
                    .take_while(|b| {
                        matches!(
                            b.kind(),
                            BlockKind::Outgoing | BlockKind::Reference | BlockKind::Addressee
                        )
                    })
                    .count();
                flow.push(ctx.head(&blocks[i..j], i)?);
                flow.push(VItem::space(body_lead));
                i = j;
                continue;
            }
            Content::Salutation(t) => {
                // A blank line before and after; never split from what follows.
                flow.push(VItem::space(body_lead));
                let setting = ctx.setting(r.body_size, width, 0.0, set_align(t.align), t.bold);
                let lines = ctx.set(t.lines(), &setting, at)?;
                flow.extend(lines.into_iter().map(|l| ctx.body_line(l, false, at)));
                flow.push(VItem::space(body_lead));
            }
            Content::Paragraph(t) => {
                let lines = ctx.set(t.lines(), &paragraph_setting(ctx, t), at)?;
                flow.extend(paragraph_lines(ctx, doc, lines, at));
            }
            Content::Attachments(l) | Content::Copies(l) => {
                // After a blank line; the attachment mark and the copies
                // list stay with the signature.
                flow.push(VItem::space(body_lead));
                let setting = ctx.setting(r.body_size, width, 0.0, SetAlign::Left, l.bold);
                let lines = ctx.set(&l.lines, &setting, at)?;
                flow.extend(lines.into_iter().map(|line| ctx.body_line(line, false, at)));
            }
            Content::Signature(s) => {
                // Consecutive signatures are a joint letter's: one group,
                // all on one page.
                let mut group = ctx.signature(s, at)?;
                while let Some(Content::Signature(next)) = blocks.get(i + 1).map(|b| &b.content) {
                    i += 1;
                    let at = BlockRef { index: i, ..at };
                    let next = ctx.signature(next, at)?;
                    for mut d in next.draw {
                        d.shift(group.height);
                        group.draw.push(d);
                    }
                    group.height += next.height;
                }
                flow.push(group);
            }
            Content::Heading(t) => {
                let w = width.min(r.heading_width);
                let setting = ctx.setting(r.body_size, w, 0.0, set_align(t.align), t.bold);
                let lines = ctx.set(t.lines(), &setting, at)?;
                flow.extend(lines.into_iter().map(|l| ctx.body_line(l, false, at)));
            }
            Content::List(list) => {
                let after_salutation = i > 0 && blocks[i - 1].kind() == BlockKind::Salutation;
                ctx.list(list, at, after_salutation, &mut flow)?;
            }
            Content::Table(table) => ctx.table(table, at, &mut flow)?,
            Content::Executor(l) => {
                let lead = r.executor_size * r.leading;
                let setting = ctx.setting(r.executor_size, width, 0.0, SetAlign::Left, l.bold);
                let lines = ctx.set(&l.lines, &setting, at)?;
                executor = Some(lines.into_iter().map(|l| (l, lead)).collect());
            }
        }
        i += 1;
    }
    Ok(Flow {
        items: flow,
        executor,
    })
}
