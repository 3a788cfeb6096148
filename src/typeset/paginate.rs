//! Distributing the flow over pages: the keep rules that tie the signature
//! to the text and keep the executor mark's room, then the page breaks.

use std::ops::Range;

use super::flow::{Drawn, VItem};
use super::page::BlockRef;
use crate::document::BlockKind;

/// Applies the keep rules to the flow: no page ends with a hyphenated line
/// (a word broken across pages, TeX's `\brokenpenalty` made absolute), the
/// signature keeps at least two lines of text with it, and the page that
/// holds the last item keeps `executor_height` free at its foot.
pub(super) fn keep_the_end_together(flow: &mut [VItem], executor_height: f32) {
    for j in 1..flow.len() {
        if ends_inside_a_word(&flow[j - 1]) {
            flow[j].break_before = false;
        }
    }
    // No break before the last text line that precedes the signature.
    if let Some(last_text) = flow
        .iter()
        .rposition(is_signature)
        .and_then(|sig| flow[..sig].iter().rposition(|v| v.text_line))
    {
        flow[last_text].break_before = false;
    }
    if let Some(last) = flow.iter_mut().rev().find(|v| !v.discardable) {
        last.reserve_below = executor_height;
    }
}

/// Whether the item's last line ends inside a word (a hyphen added, or a
/// compound's own hyphen or a long token broken with nothing added).
fn ends_inside_a_word(v: &VItem) -> bool {
    v.draw
        .iter()
        .rev()
        .find_map(|d| match d {
            Drawn::Line { line, .. } => Some(line.hyphenated()),
            Drawn::Rule(_) | Drawn::VRule(_) | Drawn::Image(_) => None,
        })
        .unwrap_or(false)
}

fn is_signature(v: &VItem) -> bool {
    v.draw
        .iter()
        .any(|d| matches!(d, Drawn::Line { block, .. } if block.kind == BlockKind::Signature))
}

/// The block with the most lines in a group, to name in a message: its
/// kind and its index in the document.
pub(super) fn tallest_block(item: &VItem) -> (BlockKind, usize) {
    let mut counts: Vec<(BlockRef, usize)> = Vec::new();
    for d in &item.draw {
        if let Drawn::Line { block, .. } = d {
            match counts.iter_mut().find(|(b, _)| b == block) {
                Some((_, n)) => *n += 1,
                None => counts.push((*block, 1)),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or((BlockKind::Letterhead, 0), |(b, _)| (b.kind, b.index))
}

/// Chooses page breaks: fill each page, and when an item does not fit, break
/// before the last item on the page where a break is allowed. Page 1 is
/// `first_less` shorter: the room its foot keeps for the QR requisite.
pub(super) fn paginate(flow: &[VItem], page_height: f32, first_less: f32) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let mut i = 0;
    while i < flow.len() {
        while i < flow.len() && flow[i].discardable && !pages.is_empty() {
            i += 1;
        }
        if i >= flow.len() {
            break;
        }
        let start = i;
        let page_height = if pages.is_empty() {
            page_height - first_less
        } else {
            page_height
        };
        // A table continued from the page before starts under its header.
        let mut y = flow[start].repeat.as_ref().map_or(0.0, |h| h.height);
        let mut last_ok: Option<usize> = None;
        let mut j = start;
        let mut overflow = false;
        while j < flow.len() {
            let item = &flow[j];
            if j > start && item.break_before {
                last_ok = Some(j);
            }
            let needed = y + item.height + item.reserve_below;
            if needed > page_height + 0.01 && j > start && !item.discardable {
                overflow = true;
                break;
            }
            y += item.height;
            j += 1;
        }
        if !overflow {
            pages.push(start..flow.len());
            break;
        }
        let brk = match last_ok {
            Some(b) if b > start => b,
            // No allowed break on this page (a block taller than a page):
            // break where it overflows rather than lose the text.
            _ => j,
        };
        pages.push(start..brk);
        i = brk;
    }
    if pages.is_empty() {
        pages.push(0..flow.len());
    }
    pages
}
