//! Fewer pages by tightening paragraphs (TeX's `\looseness=-1`): where the
//! letter's last page would hold little (its closing and signature, with
//! the two lines of text they keep), a few paragraphs set one line shorter
//! within the tolerance may pull it onto the page before. The paragraphs
//! are taken cheapest first, by the badness of their tightened setting's
//! worst line, and the layout is kept only if it has fewer pages; every
//! keep rule is applied to it again as to any flow. A letter that cannot
//! be shortened so is set exactly as before.

use std::ops::Range;

use super::TypesetError;
use super::blocks::Ctx;
use super::flow::{self, Drawn, VItem};
use super::page::{BlockRef, Role};
use super::paginate;
use super::paragraph::{self, SetLine};
use crate::document::{BlockKind, Content, Document};

/// The most paragraphs set shorter in one letter: «a little» tightening,
/// and a bound on the paginations tried (one for each count up to this).
pub(super) const MAX_TIGHTENED: usize = 8;

/// The page the flow is set on: the text's height, page 1's foot kept for
/// the QR requisite, and the executor mark's room under the signature.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    pub page_height: f32,
    pub first_less: f32,
    pub executor_height: f32,
}

impl Frame {
    pub(super) fn paginate(&self, flow: &[VItem]) -> Vec<Range<usize>> {
        paginate::paginate(flow, self.page_height, self.first_less)
    }
}

/// A flow and the page breaks chosen for it.
pub(super) type Layout = (Vec<VItem>, Vec<Range<usize>>);

/// A paragraph that can be set shorter: its block and its lines so set.
struct Candidate {
    at: BlockRef,
    tight: paragraph::Tighter,
}

/// The flow and page breaks of a layout with fewer pages than `breaks`,
/// if tightening at most [`MAX_TIGHTENED`] paragraphs gives one.
pub(super) fn fewer_pages(
    ctx: &Ctx,
    doc: &Document,
    flow: &[VItem],
    breaks: &[Range<usize>],
    frame: Frame,
) -> Result<Option<Layout>, TypesetError> {
    if breaks.len() < 2 {
        return Ok(None);
    }
    let needed = lines_to_save(ctx, flow, breaks, frame);
    if needed > MAX_TIGHTENED {
        return Ok(None);
    }
    let mut candidates = candidates(ctx, doc)?;
    let possible: usize = candidates.iter().map(|c| c.tight.saved).sum();
    if possible < needed {
        return Ok(None);
    }
    candidates.sort_by(|a, b| {
        a.tight
            .worst
            .total_cmp(&b.tight.worst)
            .then(a.tight.total.total_cmp(&b.tight.total))
            .then(a.at.index.cmp(&b.at.index))
    });
    candidates.truncate(MAX_TIGHTENED);
    let mut saved = 0;
    for k in 1..=candidates.len() {
        saved += candidates[k - 1].tight.saved;
        if saved < needed {
            continue;
        }
        let mut tried = with_lines(ctx, doc, flow, &candidates[..k]);
        paginate::keep_the_end_together(&mut tried, frame.executor_height);
        let tried_breaks = frame.paginate(&tried);
        if tried_breaks.len() < breaks.len() {
            return Ok(Some((tried, tried_breaks)));
        }
    }
    Ok(None)
}

/// At least how many lines the flow must lose for its last page's
/// content to fit on the pages before: what the pages hold beyond their
/// room, in body lines. Keep rules may waste more room than this counts,
/// never less: no fewer lines can do.
fn lines_to_save(ctx: &Ctx, flow: &[VItem], breaks: &[Range<usize>], frame: Frame) -> usize {
    let used: f32 = breaks
        .iter()
        .map(|page| {
            let header = flow[page.start].repeat.as_ref().map_or(0.0, |h| h.height);
            header + flow[page.clone()].iter().map(|v| v.height).sum::<f32>()
        })
        .sum();
    let room = (breaks.len() - 1) as f32 * frame.page_height - frame.first_less;
    let excess = used + frame.executor_height - room;
    let lead = ctx.rules.body_lead();
    ((excess / lead - 0.01).ceil().max(1.0)) as usize
}

/// The body paragraphs that can be set at least a line shorter.
fn candidates(ctx: &Ctx, doc: &Document) -> Result<Vec<Candidate>, TypesetError> {
    let mut out = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        let Content::Paragraph(t) = &block.content else {
            continue;
        };
        let at = BlockRef {
            kind: BlockKind::Paragraph,
            index,
            role: Role::Text,
        };
        let setting = flow::paragraph_setting(ctx, t);
        let tight = paragraph::set_tighter(ctx.fonts, t.lines(), &setting, at).map_err(|u| {
            TypesetError::Uncovered {
                c: u.c,
                block: index,
            }
        })?;
        if let Some(tight) = tight {
            out.push(Candidate { at, tight });
        }
    }
    Ok(out)
}

/// The flow with the chosen paragraphs' lines in place of their best
/// setting's, each with the keep rules of a paragraph.
fn with_lines(ctx: &Ctx, doc: &Document, flow: &[VItem], chosen: &[Candidate]) -> Vec<VItem> {
    let mut out = Vec::with_capacity(flow.len());
    let mut i = 0;
    while i < flow.len() {
        let Some(c) = paragraph_of(&flow[i]).and_then(|at| chosen.iter().find(|c| c.at == at))
        else {
            out.push(flow[i].clone());
            i += 1;
            continue;
        };
        while i < flow.len() && paragraph_of(&flow[i]) == Some(c.at) {
            i += 1;
        }
        let lines: Vec<SetLine> = c.tight.lines.clone();
        out.extend(flow::paragraph_lines(ctx, doc, lines, c.at));
    }
    out
}

/// The body paragraph a flow item is a line of, if it is one.
fn paragraph_of(item: &VItem) -> Option<BlockRef> {
    match item.draw.as_slice() {
        [Drawn::Line { block, .. }] if block.kind == BlockKind::Paragraph => Some(*block),
        _ => None,
    }
}
