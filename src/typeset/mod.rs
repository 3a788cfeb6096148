//! Typesetting: the document tree becomes pages of positioned glyph runs.
//!
//! Stages, each in its own module: [`fonts`](mod@fonts) and [`shape`] turn text into
//! glyphs; [`hyphenate`] finds break points; [`linebreak`] chooses the lines
//! of a paragraph as a whole; [`paragraph`] builds the set lines; this module
//! stacks the blocks by the page rules of `layout.md` and paginates them with
//! the keep rules; [`stats`] measures the result.

pub mod blocks;
pub mod draft;
pub mod fonts;
pub mod hyphenate;
pub mod image;
pub mod linebreak;
pub mod page;
pub mod paragraph;
pub mod shape;
pub mod stats;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::document::{Block, BlockKind, Document, Inline};
use crate::letter::Lang;
use fonts::{FontSet, fonts};
use page::{BlockRef, Line, MM, PAGE_HEIGHT, PAGE_WIDTH, Page, Pages, PlacedImage, Rule};
use paragraph::{Align, SetLine, Setting};

/// The page rules, defaulting to `layout.md`.
#[derive(Debug, Clone)]
pub struct Rules {
    pub margin_left: f32,
    pub margin_right: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub body_size: f32,
    /// Line spacing as a multiple of the font size ("single" for Times is 1.15).
    pub leading: f32,
    pub indent: f32,
    pub letterhead_size: f32,
    pub contacts_size: f32,
    pub outgoing_size: f32,
    pub reference_size: f32,
    pub addressee_width: f32,
    pub executor_size: f32,
    pub page_number_size: f32,
    pub page_number_top: f32,
    pub emblem_size: f32,
    /// Blank lines between the text and the signature.
    pub signature_gap_lines: f32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            margin_left: 30.0 * MM,
            margin_right: 15.0 * MM,
            margin_top: 20.0 * MM,
            margin_bottom: 20.0 * MM,
            body_size: 14.0,
            leading: 1.15,
            indent: 12.5 * MM,
            letterhead_size: 11.5,
            contacts_size: 8.5,
            outgoing_size: 12.0,
            reference_size: 12.0,
            addressee_width: 75.0 * MM,
            executor_size: 10.0,
            page_number_size: 12.0,
            page_number_top: 10.0 * MM,
            emblem_size: 24.0 * MM,
            signature_gap_lines: 2.0,
        }
    }
}

impl Rules {
    pub fn text_width(&self) -> f32 {
        PAGE_WIDTH - self.margin_left - self.margin_right
    }
}

/// Limits that keep a hostile letter from costing unbounded time or memory.
pub const MAX_PAGES: usize = 500;

#[derive(Debug, Clone)]
pub struct Options {
    /// Folder that relative image paths are resolved against.
    pub base_dir: PathBuf,
    pub rules: Rules,
}

/// Why a document could not be set.
#[derive(Debug, Clone, PartialEq)]
pub enum TypesetError {
    /// A character no shipped face has.
    Uncovered {
        c: char,
        block: usize,
    },
    /// The emblem could not be used.
    Emblem {
        path: PathBuf,
        why: String,
    },
    TooManyPages(usize),
    /// A block that cannot be broken across pages (the letterhead, the
    /// head, the signature, the executor mark) is taller than a page.
    TooTall(BlockKind),
}

/// Something drawn, relative to the top of its vertical item.
#[derive(Debug, Clone)]
enum Drawn {
    Line {
        line: SetLine,
        x: f32,
        baseline: f32,
        block: BlockRef,
    },
    Rule(Rule),
    Image(PlacedImage),
}

/// A piece of the vertical flow: a line, a space, or an unbreakable group.
#[derive(Debug, Clone)]
struct VItem {
    height: f32,
    draw: Vec<Drawn>,
    /// A page may break right before this item.
    break_before: bool,
    /// Blank space: dropped when it would start a page.
    discardable: bool,
    /// Whether this is a line of running text (for the signature's keep rule).
    text_line: bool,
    /// Space that must stay free below this item on its page (the executor
    /// mark under the signature).
    reserve_below: f32,
}

impl VItem {
    fn space(height: f32) -> VItem {
        VItem {
            height,
            draw: Vec::new(),
            break_before: false,
            discardable: true,
            text_line: false,
            reserve_below: 0.0,
        }
    }
}

pub fn typeset(doc: &Document, options: &Options) -> Result<Pages, TypesetError> {
    let fonts = fonts();
    let r = &options.rules;
    let lang = if doc.meta.lang == "kk" {
        Lang::Kk
    } else {
        Lang::Ru
    };
    let width = r.text_width();
    let body_lead = r.body_size * r.leading;
    let ctx = Ctx {
        fonts,
        rules: r,
        lang,
        options,
    };

    let mut flow: Vec<VItem> = Vec::new();
    let mut executor: Option<Vec<(SetLine, f32)>> = None;
    let mut i = 0;
    let blocks = &doc.blocks;
    while i < blocks.len() {
        let b = &blocks[i];
        match b.kind {
            BlockKind::Letterhead => flow.push(ctx.letterhead(b, i)?),
            BlockKind::Outgoing | BlockKind::Reference | BlockKind::Addressee => {
                // The head of the letter: outgoing and reference at the left,
                // the addressee at the right, level with the reference.
                let mut j = i;
                while j < blocks.len()
                    && matches!(
                        blocks[j].kind,
                        BlockKind::Outgoing | BlockKind::Reference | BlockKind::Addressee
                    )
                {
                    j += 1;
                }
                flow.push(ctx.head(&blocks[i..j], i)?);
                flow.push(VItem::space(body_lead));
                i = j;
                continue;
            }
            BlockKind::Salutation => {
                // A blank line before and after; never split from what follows.
                flow.push(VItem::space(body_lead));
                let setting = ctx.setting(r.body_size, width, 0.0, Align::Center, b.flag("bold"));
                let lines = ctx.set(&b.lines, &setting, b, i)?;
                flow.extend(lines.into_iter().map(|l| ctx.body_line(l, false, b, i)));
                flow.push(VItem::space(body_lead));
            }
            BlockKind::Paragraph => {
                let align = match b.attr("align") {
                    Some("left") => Align::Left,
                    Some("center") => Align::Center,
                    Some("right") => Align::Right,
                    _ => Align::Justify,
                };
                let setting = ctx.setting(r.body_size, width, r.indent, align, b.flag("bold"));
                let lines = ctx.set(&b.lines, &setting, b, i)?;
                let n = lines.len();
                // A paragraph may follow the salutation only with two lines.
                let after_salutation = i > 0 && blocks[i - 1].kind == BlockKind::Salutation;
                for (k, line) in lines.into_iter().enumerate() {
                    // No widow, no orphan: two lines at least on each side.
                    let ok = if k == 0 {
                        !after_salutation
                    } else {
                        k >= 2 && n - k >= 2
                    };
                    flow.push(ctx.body_line(line, ok, b, i));
                }
            }
            BlockKind::Attachments => {
                // After a blank line; the attachment mark stays with the signature.
                flow.push(VItem::space(body_lead));
                let setting = ctx.setting(r.body_size, width, 0.0, Align::Left, b.flag("bold"));
                let lines = ctx.set(&b.lines, &setting, b, i)?;
                flow.extend(lines.into_iter().map(|l| ctx.body_line(l, false, b, i)));
            }
            BlockKind::Signature => flow.push(ctx.signature(b, i)?),
            BlockKind::Executor => {
                let lead = r.executor_size * r.leading;
                let setting = ctx.setting(r.executor_size, width, 0.0, Align::Left, b.flag("bold"));
                let lines = ctx.set(&b.lines, &setting, b, i)?;
                executor = Some(lines.into_iter().map(|l| (l, lead)).collect());
            }
        }
        i += 1;
    }

    // The signature keeps at least two lines of text with it: no break before
    // the last text line that precedes it.
    if let Some(last_text) = flow
        .iter()
        .rposition(is_signature)
        .and_then(|sig| flow[..sig].iter().rposition(|v| v.text_line))
    {
        flow[last_text].break_before = false;
    }
    // The executor mark is drawn at the foot of the last page; the page that
    // holds the signature must have room for it.
    let executor_height = executor
        .as_ref()
        .map(|lines| lines.iter().map(|(_, lead)| lead).sum::<f32>() + body_lead)
        .unwrap_or(0.0);
    if let Some(last) = flow.iter_mut().rev().find(|v| !v.discardable) {
        last.reserve_below = executor_height;
    }

    let page_height = PAGE_HEIGHT - r.margin_top - r.margin_bottom;
    // An unbreakable group taller than a page would be drawn past the page's
    // foot and its end lost without a word: refuse it instead.
    if executor_height > page_height {
        return Err(TypesetError::TooTall(BlockKind::Executor));
    }
    if let Some(tall) = flow.iter().find(|v| v.height > page_height + 0.01) {
        return Err(TypesetError::TooTall(tallest_block(tall)));
    }
    let breaks = paginate(&flow, page_height);
    if breaks.len() > MAX_PAGES {
        return Err(TypesetError::TooManyPages(breaks.len()));
    }

    let mut pages = Pages {
        meta: doc.meta.clone(),
        pages: Vec::with_capacity(breaks.len()),
    };
    for (pi, range) in breaks.iter().enumerate() {
        let mut page = Page::default();
        let mut y = r.margin_top;
        let mut first = true;
        for item in &flow[range.clone()] {
            if first && item.discardable {
                continue;
            }
            first = false;
            for d in &item.draw {
                place(&mut page, d, y);
            }
            y += item.height;
        }
        if pi > 0 {
            ctx.page_number(&mut page, pi + 1)?;
        }
        pages.pages.push(page);
    }
    if pages.pages.is_empty() {
        pages.pages.push(Page::default());
    }
    if let Some(lines) = executor {
        let last = pages.pages.last_mut().expect("at least one page");
        let descent = r.executor_size * 0.216;
        let mut baseline = PAGE_HEIGHT - r.margin_bottom - descent;
        for (line, lead) in lines.iter().rev() {
            let block = line.runs.first().map(|r| r.block).unwrap_or(BlockRef {
                kind: BlockKind::Executor,
                index: 0,
            });
            place(
                last,
                &Drawn::Line {
                    line: line.clone(),
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
    Ok(pages)
}

fn is_signature(v: &VItem) -> bool {
    v.draw
        .iter()
        .any(|d| matches!(d, Drawn::Line { block, .. } if block.kind == BlockKind::Signature))
}

/// Chooses page breaks: fill each page, and when an item does not fit, break
/// before the last item on the page where a break is allowed.
/// The block with the most lines in a group, to name in a message.
fn tallest_block(item: &VItem) -> BlockKind {
    let mut counts: Vec<(BlockKind, usize)> = Vec::new();
    for d in &item.draw {
        if let Drawn::Line { block, .. } = d {
            match counts.iter_mut().find(|(k, _)| *k == block.kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((block.kind, 1)),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(BlockKind::Letterhead, |(k, _)| k)
}

fn paginate(flow: &[VItem], page_height: f32) -> Vec<std::ops::Range<usize>> {
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
        let mut y = 0.0;
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

fn place(page: &mut Page, d: &Drawn, top: f32) {
    match d {
        Drawn::Line {
            line,
            x,
            baseline,
            block,
        } => {
            let first = page.runs.len();
            for run in &line.runs {
                let mut run = run.clone();
                run.x += x;
                run.baseline = top + baseline;
                run.block = *block;
                page.runs.push(run);
            }
            page.lines.push(Line {
                block: *block,
                baseline: top + baseline,
                x: x + line.x,
                width: line.width,
                natural_space: line.natural_space,
                gaps: line.gaps.clone(),
                justified: line.justified,
                hyphenated: line.hyphenated,
                runs: first..page.runs.len(),
            });
        }
        Drawn::Rule(rule) => page.rules.push(Rule {
            y: rule.y + top,
            ..rule.clone()
        }),
        Drawn::Image(img) => page.images.push(PlacedImage {
            y: img.y + top,
            ..img.clone()
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
    let mut runs = Vec::with_capacity(page.runs.len());
    let mut lines = Vec::with_capacity(page.lines.len());
    for i in order {
        let mut line = page.lines[i].clone();
        let start = runs.len();
        runs.extend(page.runs[line.runs.clone()].iter().cloned());
        line.runs = start..runs.len();
        lines.push(line);
    }
    page.runs = runs;
    page.lines = lines;
}

/// Where the baseline sits in a line box of height `lead` (Times metrics:
/// ascender 0.891, descender 0.216, the extra leading split evenly).
fn baseline_in(size: f32, lead: f32) -> f32 {
    let extra = (lead - size * (0.891 + 0.216)).max(0.0);
    extra / 2.0 + size * 0.891
}

/// Where and how a block's lines are set as a column.
#[derive(Debug, Clone, Copy)]
struct Column {
    size: f32,
    width: f32,
    align: Align,
    bold: bool,
    x: f32,
}

struct Ctx<'a> {
    fonts: &'a FontSet,
    rules: &'a Rules,
    lang: Lang,
    options: &'a Options,
}

impl Ctx<'_> {
    fn setting(&self, size: f32, width: f32, indent: f32, align: Align, bold: bool) -> Setting {
        Setting {
            size,
            width,
            first_indent: indent,
            align,
            lang: self.lang,
            hyphenate: align == Align::Justify,
            bold,
        }
    }

    /// A body-size line at the left margin as a piece of the flow.
    fn body_line(&self, line: SetLine, break_before: bool, b: &Block, index: usize) -> VItem {
        let size = self.rules.body_size;
        let lead = size * self.rules.leading;
        VItem {
            height: lead,
            draw: vec![Drawn::Line {
                line,
                x: self.rules.margin_left,
                baseline: baseline_in(size, lead),
                block: BlockRef {
                    kind: b.kind,
                    index,
                },
            }],
            break_before,
            discardable: false,
            text_line: matches!(b.kind, BlockKind::Paragraph),
            reserve_below: 0.0,
        }
    }

    fn set(
        &self,
        lines: &[Inline],
        s: &Setting,
        _b: &Block,
        index: usize,
    ) -> Result<Vec<SetLine>, TypesetError> {
        paragraph::set(
            self.fonts,
            lines,
            s,
            BlockRef {
                kind: _b.kind,
                index,
            },
        )
        .map_err(|u| TypesetError::Uncovered {
            c: u.c,
            block: index,
        })
    }

    /// Sets lines of a block into a column and returns them with their
    /// baselines, from the column's top.
    fn column(
        &self,
        b: &Block,
        index: usize,
        c: Column,
    ) -> Result<(Vec<Drawn>, f32), TypesetError> {
        let Column {
            size,
            width,
            align,
            bold,
            x,
        } = c;
        let lead = size * self.rules.leading;
        let setting = self.setting(size, width, 0.0, align, bold);
        let lines = self.set(&b.lines, &setting, b, index)?;
        let mut y = 0.0;
        let mut out = Vec::new();
        for line in lines {
            out.push(Drawn::Line {
                line,
                x,
                baseline: y + baseline_in(size, lead),
                block: BlockRef {
                    kind: b.kind,
                    index,
                },
            });
            y += lead;
        }
        Ok((out, y))
    }

    fn letterhead(&self, b: &Block, index: usize) -> Result<VItem, TypesetError> {
        let r = self.rules;
        let width = r.text_width();
        let emblem = match b.attr("emblem") {
            Some(p) if !p.is_empty() => {
                let path = resolve(&self.options.base_dir, p);
                let e = image::load(&path).map_err(|why| TypesetError::Emblem {
                    path: path.clone(),
                    why,
                })?;
                Some(Arc::new(e))
            }
            _ => None,
        };
        let gap = 5.0 * MM;
        let middle = if emblem.is_some() {
            r.emblem_size
        } else {
            10.0 * MM
        };
        let col = (width - middle - 2.0 * gap) / 2.0;
        let mut draw = Vec::new();
        let mut height: f32 = 0.0;
        let size = r.letterhead_size;
        let sides = [
            ("left", r.margin_left),
            ("right", r.margin_left + width - col),
        ];
        for (key, x) in sides {
            if let Some(text) = b.attr(key) {
                let sub = attr_block(b, text);
                let (lines, h) = self.column(
                    &sub,
                    index,
                    Column {
                        size,
                        width: col,
                        align: Align::Center,
                        bold: true,
                        x,
                    },
                )?;
                draw.extend(lines);
                height = height.max(h);
            }
        }
        if let Some(e) = emblem {
            let scale = (r.emblem_size / e.width).min(r.emblem_size / e.height);
            let (w, h) = (e.width * scale, e.height * scale);
            draw.push(Drawn::Image(PlacedImage {
                x: r.margin_left + (width - w) / 2.0,
                y: 0.0,
                width: w,
                height: h,
                image: e,
            }));
            height = height.max(h);
        }
        let rule_y = height + 3.0;
        draw.push(Drawn::Rule(Rule {
            x0: r.margin_left,
            x1: r.margin_left + width,
            y: rule_y,
            thickness: 0.75,
        }));
        let mut y = rule_y + 3.0;
        let contacts: Vec<&str> = ["contacts-left", "contacts-right"]
            .iter()
            .filter_map(|k| b.attr(k))
            .collect();
        if !contacts.is_empty() {
            let half = (width - gap) / 2.0;
            let mut h_max: f32 = 0.0;
            let sides: Vec<(&str, f32, Align, f32)> =
                match (b.attr("contacts-left"), b.attr("contacts-right")) {
                    (Some(l), Some(rt)) => vec![
                        (l, r.margin_left, Align::Left, half),
                        (rt, r.margin_left + width - half, Align::Right, half),
                    ],
                    (Some(one), None) | (None, Some(one)) => {
                        vec![(one, r.margin_left, Align::Center, width)]
                    }
                    (None, None) => Vec::new(),
                };
            for (text, x, align, w) in sides {
                let sub = attr_block(b, text);
                let (lines, h) = self.column(
                    &sub,
                    index,
                    Column {
                        size: r.contacts_size,
                        width: w,
                        align,
                        bold: false,
                        x,
                    },
                )?;
                for mut d in lines {
                    if let Drawn::Line { baseline, .. } = &mut d {
                        *baseline += y;
                    }
                    draw.push(d);
                }
                h_max = h_max.max(h);
            }
            y += h_max;
        }
        Ok(VItem {
            height: y + r.body_size * r.leading,
            draw,
            break_before: false,
            discardable: false,
            text_line: false,
            reserve_below: 0.0,
        })
    }

    fn head(&self, blocks: &[Block], first_index: usize) -> Result<VItem, TypesetError> {
        let r = self.rules;
        let width = r.text_width();
        let right_x = r.margin_left + width - r.addressee_width;
        let left_width = width - r.addressee_width - 5.0 * MM;
        let mut draw = Vec::new();
        let mut left_y: f32 = 0.0;
        let mut right_top: Option<f32> = None;
        let mut addressees = Vec::new();
        for (k, b) in blocks.iter().enumerate() {
            let index = first_index + k;
            match b.kind {
                BlockKind::Outgoing | BlockKind::Reference => {
                    if b.kind == BlockKind::Reference {
                        if left_y > 0.0 {
                            left_y += r.reference_size * r.leading * 0.5;
                        }
                        right_top.get_or_insert(left_y);
                    }
                    let size = if b.kind == BlockKind::Outgoing {
                        r.outgoing_size
                    } else {
                        r.reference_size
                    };
                    let (lines, h) = self.column(
                        b,
                        index,
                        Column {
                            size,
                            width: left_width,
                            align: Align::Left,
                            bold: b.flag("bold"),
                            x: r.margin_left,
                        },
                    )?;
                    for mut d in lines {
                        if let Drawn::Line { baseline, .. } = &mut d {
                            *baseline += left_y;
                        }
                        draw.push(d);
                    }
                    left_y += h;
                }
                _ => addressees.push((b, index)),
            }
        }
        let mut right_y = right_top.unwrap_or(0.0);
        for (b, index) in addressees {
            let (lines, h) = self.column(
                b,
                index,
                Column {
                    size: r.body_size,
                    width: r.addressee_width,
                    align: Align::Left,
                    bold: b.flag("bold"),
                    x: right_x,
                },
            )?;
            for mut d in lines {
                if let Drawn::Line { baseline, .. } = &mut d {
                    *baseline += right_y;
                }
                draw.push(d);
            }
            right_y += h;
        }
        Ok(VItem {
            height: left_y.max(right_y),
            draw,
            break_before: false,
            discardable: false,
            text_line: false,
            reserve_below: 0.0,
        })
    }

    fn signature(&self, b: &Block, index: usize) -> Result<VItem, TypesetError> {
        let r = self.rules;
        let width = r.text_width();
        let lead = r.body_size * r.leading;
        let name_block = attr_block(b, b.attr("name").unwrap_or(""));
        let name_setting = self.setting(r.body_size, width, 0.0, Align::Right, b.flag("bold"));
        let name_lines = self.set(&name_block.lines, &name_setting, b, index)?;
        let name_width = name_lines.iter().map(|l| l.width).fold(0.0, f32::max);
        let gap = r.signature_gap_lines * lead;
        let position_width = (width - name_width - 10.0 * MM).max(width * 0.4);
        let (mut draw, h) = self.column(
            b,
            index,
            Column {
                size: r.body_size,
                width: position_width,
                align: Align::Left,
                bold: b.flag("bold"),
                x: r.margin_left,
            },
        )?;
        for d in &mut draw {
            if let Drawn::Line { baseline, .. } = d {
                *baseline += gap;
            }
        }
        // The name sits flush right on the baseline of the position's last line.
        let last_baseline = gap + (h - lead).max(0.0) + baseline_in(r.body_size, lead);
        let block = BlockRef {
            kind: BlockKind::Signature,
            index,
        };
        let name_count = name_lines.len();
        for (k, line) in name_lines.into_iter().enumerate() {
            draw.push(Drawn::Line {
                line,
                x: r.margin_left,
                baseline: last_baseline + k as f32 * lead,
                block,
            });
        }
        // A name set on more than one line reaches below the position's last
        // line: the group is as tall as whichever ends lower.
        let height = (gap + h.max(lead)).max(gap + (h - lead).max(0.0) + name_count as f32 * lead);
        Ok(VItem {
            height,
            draw,
            break_before: false,
            discardable: false,
            text_line: false,
            reserve_below: 0.0,
        })
    }

    fn page_number(&self, page: &mut Page, number: usize) -> Result<(), TypesetError> {
        let r = self.rules;
        let size = r.page_number_size;
        let b = attr_block_kind(BlockKind::Paragraph, &number.to_string());
        let setting = self.setting(size, r.text_width(), 0.0, Align::Center, false);
        let block = BlockRef {
            kind: BlockKind::Paragraph,
            index: usize::MAX,
        };
        let lines = paragraph::set(self.fonts, &b.lines, &setting, block).map_err(|u| {
            TypesetError::Uncovered {
                c: u.c,
                block: usize::MAX,
            }
        })?;
        // Page numbers go first in the page's reading order.
        let mut numbered = Page::default();
        for line in lines {
            place(
                &mut numbered,
                &Drawn::Line {
                    line,
                    x: r.margin_left,
                    baseline: 0.0,
                    block,
                },
                r.page_number_top + size * 0.891,
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
}

fn resolve(base: &Path, p: &str) -> PathBuf {
    let path = Path::new(p);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

/// A one-line block made from an attribute's text, in the style of `b`.
fn attr_block(b: &Block, text: &str) -> Block {
    let mut sub = attr_block_kind(b.kind, text);
    sub.attrs = b.attrs.clone();
    sub
}

fn attr_block_kind(kind: BlockKind, text: &str) -> Block {
    Block {
        kind,
        attrs: Default::default(),
        lines: vec![vec![crate::document::Run {
            text: text.to_owned(),
            style: Default::default(),
        }]],
        pos: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Meta, Run};

    fn para(text: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            attrs: Default::default(),
            lines: vec![vec![Run {
                text: text.to_owned(),
                style: Default::default(),
            }]],
            pos: Default::default(),
        }
    }

    fn block(kind: BlockKind, lines: &[&str], attrs: &[(&str, &str)]) -> Block {
        Block {
            kind,
            attrs: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            lines: lines
                .iter()
                .map(|l| {
                    vec![Run {
                        text: l.to_string(),
                        style: Default::default(),
                    }]
                })
                .collect(),
            pos: Default::default(),
        }
    }

    fn words(n: usize, seed: usize) -> String {
        const W: [&str; 8] = [
            "государственных",
            "органов",
            "работа",
            "информационной",
            "поддержки",
            "граждан",
            "в",
            "регионах",
        ];
        (0..n)
            .map(|i| W[(i * 7 + seed) % W.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn set(blocks: Vec<Block>) -> Pages {
        let doc = Document {
            meta: Meta {
                lang: "ru".into(),
                ..Meta::default()
            },
            blocks,
        };
        let options = Options {
            base_dir: PathBuf::from("."),
            rules: Rules::default(),
        };
        typeset(&doc, &options).unwrap()
    }

    /// Lines of each block per page: (page, block index) → count.
    fn lines_per_page(pages: &Pages, index: usize) -> Vec<usize> {
        pages
            .pages
            .iter()
            .map(|p| p.lines.iter().filter(|l| l.block.index == index).count())
            .collect()
    }

    #[test]
    fn split_paragraphs_leave_two_lines_on_each_page() {
        // Vary the text before a long paragraph so that page breaks fall at
        // every possible line of it; no page may hold a single line of it.
        for lead in 0..30 {
            let mut blocks = vec![block(BlockKind::Salutation, &["Уважаемые депутаты!"], &[])];
            blocks.push(para(&words(20 + lead * 9, 1)));
            blocks.push(para(&words(900, 3)));
            blocks.push(block(BlockKind::Signature, &[], &[("name", "Е. Тугжанов")]));
            let pages = set(blocks);
            for index in [1, 2] {
                let counts = lines_per_page(&pages, index);
                let parts: Vec<usize> = counts.into_iter().filter(|&c| c > 0).collect();
                if parts.len() > 1 {
                    assert!(
                        parts.iter().all(|&c| c >= 2),
                        "lead {lead}, block {index}: {parts:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn signature_keeps_two_text_lines_and_the_executor_its_page() {
        for lead in 0..40 {
            let blocks = vec![
                para(&words(300 + lead * 11, 2)),
                para(&words(40, 5)),
                block(
                    BlockKind::Signature,
                    &["Заместитель Премьер-Министра"],
                    &[("name", "Е. Тугжанов")],
                ),
                block(
                    BlockKind::Executor,
                    &["Исп.: Турганбаев А.Е.", "Тел. 745674"],
                    &[],
                ),
            ];
            let pages = set(blocks);
            let last = pages.pages.last().unwrap();
            let sig_page = pages
                .pages
                .iter()
                .position(|p| p.lines.iter().any(|l| l.block.kind == BlockKind::Signature))
                .unwrap();
            assert_eq!(
                sig_page,
                pages.pages.len() - 1,
                "lead {lead}: the signature is on the last page"
            );
            let text_before = last
                .lines
                .iter()
                .filter(|l| l.block.kind == BlockKind::Paragraph && l.block.index != usize::MAX)
                .count();
            assert!(
                text_before >= 2,
                "lead {lead}: {text_before} text lines with the signature"
            );
            // The executor stands at the foot, below everything else.
            let exec: Vec<&Line> = last
                .lines
                .iter()
                .filter(|l| l.block.kind == BlockKind::Executor)
                .collect();
            assert_eq!(exec.len(), 2);
            let lowest_other = last
                .lines
                .iter()
                .filter(|l| l.block.kind != BlockKind::Executor)
                .map(|l| l.baseline)
                .fold(0.0, f32::max);
            assert!(exec[0].baseline > lowest_other, "lead {lead}");
            assert!(exec[1].baseline <= PAGE_HEIGHT - Rules::default().margin_bottom);
        }
    }

    #[test]
    fn page_numbers_from_page_two_top_centre() {
        let pages = set(vec![para(&words(1500, 4))]);
        assert!(pages.pages.len() >= 3);
        let number = |p: &Page| {
            p.lines
                .iter()
                .find(|l| l.block.index == usize::MAX)
                .map(|l| {
                    (
                        p.runs[l.runs.clone()]
                            .iter()
                            .map(|r| r.text.clone())
                            .collect::<String>(),
                        l.baseline,
                        l.x + l.width / 2.0,
                    )
                })
        };
        assert!(number(&pages.pages[0]).is_none());
        for (i, page) in pages.pages.iter().enumerate().skip(1) {
            let (text, baseline, centre) = number(page).unwrap();
            assert_eq!(text, (i + 1).to_string());
            let r = Rules::default();
            assert!(
                baseline < r.margin_top
                    && baseline - r.page_number_size > 10.0 * MM - 0.5 - r.page_number_size
            );
            let text_centre = r.margin_left + r.text_width() / 2.0;
            assert!((centre - text_centre).abs() < 1.0);
            // The number is the first line of the page in reading order.
            assert_eq!(page.lines[0].block.index, usize::MAX);
        }
    }

    #[test]
    fn addressee_top_is_level_with_the_reference() {
        let pages = set(vec![
            block(BlockKind::Outgoing, &["№ 1", "01.01.2020"], &[]),
            block(
                BlockKind::Reference,
                &["На № ДЗ-83", "от 22.04.2020 года"],
                &[],
            ),
            block(
                BlockKind::Addressee,
                &["Депутатам Мажилиса", "Парламента"],
                &[],
            ),
            para("Текст."),
        ]);
        let p = &pages.pages[0];
        let first = |kind| p.lines.iter().find(|l| l.block.kind == kind).unwrap();
        let (r, a) = (first(BlockKind::Reference), first(BlockKind::Addressee));
        // Tops level: the baselines differ only by the font sizes' ascent.
        let rules = Rules::default();
        let r_top =
            r.baseline - baseline_in(rules.reference_size, rules.reference_size * rules.leading);
        let a_top = a.baseline - baseline_in(rules.body_size, rules.body_size * rules.leading);
        assert!((r_top - a_top).abs() < 0.5, "{r_top} {a_top}");
        assert!(a.x >= rules.margin_left + rules.text_width() / 2.0);
    }

    #[test]
    fn an_unbreakable_token_never_overflows_the_margin() {
        let url = "https://www.gov.kz/memleket/entities/qogam/press/news/details/a-very-long-path-segment-that-goes-on?lang=ru&page=2&x=1";
        let hashtag = "#".to_string() + &"оченьдлинныйхэштег".repeat(6);
        let pages = set(vec![para(&format!(
            "Подробности на {url} и {hashtag} в сетях."
        ))]);
        let right = PAGE_WIDTH - Rules::default().margin_right;
        for l in &pages.pages[0].lines {
            assert!(
                l.x + l.width <= right + 0.5,
                "overfull line: {} > {right}",
                l.x + l.width
            );
        }
    }
}
