//! Assembling pages: the flow's items placed at their heights, page numbers
//! from page 2, the executor mark at the foot of the last page, and every
//! page's lines in reading order.

use std::ops::Range;

use super::TypesetError;
use super::blocks::Ctx;
use super::flow::{Drawn, VItem};
use super::page::{BlockRef, Line, PAGE_HEIGHT, Page, PlacedImage, Role, Rule, TextRun, VRule};
use super::paragraph::{self, Align, SetLine};
use crate::document::{BlockKind, Run};

/// The pages of `flow` cut at `breaks`. What the items draw is moved onto
/// the pages (copying every glyph run was a tenth of typesetting a batch
/// letter): the items are left without drawings.
pub(super) fn pages(
    ctx: &Ctx,
    flow: &mut [VItem],
    breaks: &[Range<usize>],
) -> Result<Vec<Page>, TypesetError> {
    let mut pages = Vec::with_capacity(breaks.len().max(1));
    for (pi, range) in breaks.iter().enumerate() {
        let mut page = Page::default();
        let mut y = ctx.rules.margin_top;
        let mut first = true;
        for item in &mut flow[range.clone()] {
            if first && item.discardable {
                continue;
            }
            if first && let Some(header) = &item.repeat {
                for d in &header.draw {
                    place(&mut page, d.clone(), y);
                }
                y += header.height;
            }
            first = false;
            for d in std::mem::take(&mut item.draw) {
                place(&mut page, d, y);
            }
            y += item.height;
        }
        if pi > 0 {
            page_number(ctx, &mut page, pi + 1)?;
        }
        pages.push(page);
    }
    if pages.is_empty() {
        pages.push(Page::default());
    }
    Ok(pages)
}

/// Draws the executor mark's lines at the foot of `last`, upwards from the
/// bottom margin and `lift` above it (the QR requisite's room on page 1).
pub(super) fn executor_at_foot(ctx: &Ctx, last: &mut Page, lines: Vec<(SetLine, f32)>, lift: f32) {
    let r = ctx.rules;
    let mut baseline = PAGE_HEIGHT - r.margin_bottom - lift - r.executor_size * r.descender;
    for (line, lead) in lines.into_iter().rev() {
        let block = line.runs.first().map(|r| r.block).unwrap_or(BlockRef {
            kind: BlockKind::Executor,
            index: 0,
            role: Role::Text,
        });
        place(
            last,
            Drawn::Line {
                line,
                x: r.margin_left,
                baseline: 0.0,
                block,
            },
            baseline,
        );
        baseline -= lead;
    }
    // Keep the page's lines in reading order.
    sort_lines(last);
}

fn place(page: &mut Page, d: Drawn, top: f32) {
    match d {
        Drawn::Line {
            line,
            x,
            baseline,
            block,
        } => {
            let first = page.runs.len();
            for mut run in line.runs {
                run.x += x;
                run.baseline = top + baseline;
                run.block = block;
                page.runs.push(run);
            }
            page.lines.push(Line {
                block,
                baseline: top + baseline,
                x: x + line.x,
                width: line.width,
                natural_space: line.natural_space,
                gaps: line.gaps,
                justified: line.justified,
                hyphenated: line.hyphenated,
                runs: first..page.runs.len(),
            });
        }
        Drawn::Rule(rule) => page.rules.push(Rule {
            y: rule.y + top,
            ..rule
        }),
        Drawn::VRule(rule) => page.vrules.push(VRule {
            y0: rule.y0 + top,
            y1: rule.y1 + top,
            ..rule
        }),
        Drawn::Image(img) => page.images.push(PlacedImage {
            y: img.y + top,
            ..img
        }),
    }
}

/// Orders a page's lines top to bottom, left to right, renumbering runs so
/// that both writers emit text in reading order.
fn sort_lines(page: &mut Page) {
    let mut order: Vec<usize> = (0..page.lines.len()).collect();
    order.sort_by(|&a, &b| {
        let (la, lb) = (&page.lines[a], &page.lines[b]);
        la.baseline
            .total_cmp(&lb.baseline)
            .then(la.x.total_cmp(&lb.x))
    });
    // The runs are moved into their new order, not copied.
    let mut old: Vec<Option<TextRun>> = std::mem::take(&mut page.runs)
        .into_iter()
        .map(Some)
        .collect();
    let mut old_lines: Vec<Option<Line>> = std::mem::take(&mut page.lines)
        .into_iter()
        .map(Some)
        .collect();
    let mut runs = Vec::with_capacity(old.len());
    let mut lines = Vec::with_capacity(old_lines.len());
    for i in order {
        let Some(mut line) = old_lines[i].take() else {
            continue;
        };
        let start = runs.len();
        runs.extend(old[line.runs.clone()].iter_mut().filter_map(Option::take));
        line.runs = start..runs.len();
        lines.push(line);
    }
    page.runs = runs;
    page.lines = lines;
}

/// The page number, centred above the text, first in the page's reading
/// order.
fn page_number(ctx: &Ctx, page: &mut Page, number: usize) -> Result<(), TypesetError> {
    let r = ctx.rules;
    let size = r.page_number_size;
    let text = vec![Run {
        text: number.to_string(),
        style: Default::default(),
    }];
    let setting = ctx.setting(size, r.text_width(), 0.0, Align::Center, false);
    let block = BlockRef::PAGE_NUMBER;
    let lines = paragraph::set(ctx.fonts, &[text], &setting, block).map_err(|u| {
        TypesetError::Uncovered {
            c: u.c,
            block: usize::MAX,
        }
    })?;
    let mut numbered = Page::default();
    for line in lines {
        place(
            &mut numbered,
            Drawn::Line {
                line,
                x: r.margin_left,
                baseline: 0.0,
                block,
            },
            r.page_number_top + size * r.ascender,
        );
    }
    let offset = numbered.runs.len();
    for line in &mut page.lines {
        line.runs = line.runs.start + offset..line.runs.end + offset;
    }
    numbered.runs.append(&mut page.runs);
    numbered.lines.append(&mut page.lines);
    page.runs = numbered.runs;
    page.lines = numbered.lines;
    Ok(())
}
