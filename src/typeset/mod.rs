//! Typesetting: the document tree becomes pages of positioned glyph runs.
//!
//! [`typeset`] is a pure function of the resolved document and the rules: it
//! reads no file and no clock. Its phases, each in its own module, in typst's
//! names where they fit:
//! - [`fonts`](mod@fonts) and [`shape`] turn text into glyphs; [`hyphenate`]
//!   finds break points; [`linebreak`] chooses the lines of a paragraph as a
//!   whole; [`paragraph`] builds the set lines;
//! - [`rules`] holds every length of `docs/layout.md`;
//! - `flow` collects the blocks into vertical items with their keep rules,
//!   each block kind set by its file in `blocks/`;
//! - `paginate` chooses the page breaks, and `tighten` sets a few
//!   paragraphs a line shorter where that saves a page; `finalize` places
//!   the items, the page numbers and the executor mark;
//! - [`stats`] measures the result.

mod blocks;
pub mod draft;
mod finalize;
mod flow;
pub mod fonts;
pub mod hyphenate;
pub mod image;
pub mod linebreak;
pub mod page;
mod paginate;
pub mod paragraph;
pub mod qr;
mod recent;
pub mod rules;
pub mod shape;
pub mod stats;
#[cfg(test)]
mod tests;
mod tighten;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::document::{BlockKind, Document};
use page::{PAGE_HEIGHT, PAGE_WIDTH, Pages};
pub use rules::Rules;

/// Limits that keep a hostile letter from costing unbounded time or memory.
pub const MAX_PAGES: usize = 500;

/// The files a document refers to, loaded (see [`crate::resolve`]): what
/// the typesetter draws besides text, keyed by the path as the markup
/// writes it.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    pub images: BTreeMap<String, Arc<image::Emblem>>,
}

impl Resources {
    pub fn emblem(&self, written: &str) -> Option<Arc<image::Emblem>> {
        self.images.get(written).cloned()
    }
}

/// Why a document could not be set.
#[derive(Debug, Clone, PartialEq)]
pub enum TypesetError {
    /// A character no shipped face has.
    Uncovered {
        c: char,
        block: usize,
    },
    /// An image the document names was not resolved: a fault of the caller,
    /// which must resolve the document first.
    Unresolved(String),
    TooManyPages(usize),
    /// A block that cannot be broken across pages (the letterhead, the
    /// head, the signature, the executor mark) is taller than a page; the
    /// block's index in the document.
    TooTall(BlockKind, usize),
    /// The `[document qr]` text is more than the QR requisite holds.
    QrTooLong(qr::TooLong),
}

/// Sets a resolved document on pages by the rules.
pub fn typeset(
    doc: &Document,
    resources: &Resources,
    rules: &Rules,
) -> Result<Pages, TypesetError> {
    let r = rules;
    let ctx = blocks::Ctx {
        fonts: fonts::fonts(),
        rules: r,
        lang: doc.info.lang,
        resources,
    };
    let flow::Flow {
        items: mut flow,
        executor,
    } = flow::collect(doc, &ctx)?;
    // The executor mark is drawn at the foot of the last page; the page that
    // holds the signature must have room for it: its own height, not a body
    // line more (issue 15: that line pushed the reference letter's end onto
    // a third page).
    let executor_height = executor
        .as_ref()
        .map(|lines| lines.iter().map(|(_, lead)| lead).sum::<f32>())
        .unwrap_or(0.0);
    paginate::keep_the_end_together(&mut flow, executor_height);

    let page_height = PAGE_HEIGHT - r.margin_top - r.margin_bottom;
    // An unbreakable group taller than a page would be drawn past the page's
    // foot and its end lost without a word: refuse it instead.
    if executor_height > page_height {
        let index = doc
            .blocks
            .iter()
            .rposition(|b| b.kind() == BlockKind::Executor)
            .unwrap_or(0);
        return Err(TypesetError::TooTall(BlockKind::Executor, index));
    }
    if let Some(tall) = flow.iter().find(|v| v.height > page_height + 0.01) {
        let (kind, index) = paginate::tallest_block(tall);
        return Err(TypesetError::TooTall(kind, index));
    }
    // The QR requisite takes the lower right corner of page 1: the page's
    // text stops above it (and above the gap a reader needs).
    let code = match doc.info.qr.as_str() {
        "" => None,
        text => Some(qr::requisite(text).map_err(TypesetError::QrTooLong)?),
    };
    let first_less = if code.is_some() {
        qr::REQUISITE_SIDE + qr::REQUISITE_GAP
    } else {
        0.0
    };
    let frame = tighten::Frame {
        page_height,
        first_less,
        executor_height,
    };
    let mut breaks = frame.paginate(&flow);
    if let Some((tight, tight_breaks)) = tighten::fewer_pages(&ctx, doc, &flow, &breaks, frame)? {
        flow = tight;
        breaks = tight_breaks;
    }
    if breaks.len() > MAX_PAGES {
        return Err(TypesetError::TooManyPages(breaks.len()));
    }
    let mut pages = finalize::pages(&ctx, &mut flow, &breaks)?;
    if let Some(lines) = executor {
        let lift = if pages.len() == 1 { first_less } else { 0.0 };
        let last = pages.last_mut().expect("at least one page");
        finalize::executor_at_foot(&ctx, last, lines, lift);
    }
    if let Some(symbol) = code {
        let side = qr::REQUISITE_SIDE;
        pages[0].codes.push(symbol.place(
            PAGE_WIDTH - r.margin_right - side,
            PAGE_HEIGHT - r.margin_bottom - side,
            side,
        ));
    }
    let draft = draft::mark(ctx.fonts, &doc.info.draft).map_err(|c| TypesetError::Uncovered {
        c,
        block: usize::MAX,
    })?;
    Ok(Pages {
        info: doc.info.clone(),
        pages,
        draft,
    })
}
