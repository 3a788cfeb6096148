//! Commit: each broken line's items turned into positioned glyph runs, with
//! the hyphen or the copy carrier at its end.

use std::ops::Range;

use super::super::fonts::{FaceId, FontSet};
use super::super::linebreak::{self, Item};
use super::super::page::{BlockRef, Glyph, TextRun};
use super::super::shape::ShapedGlyph;
use super::items::{Collected, Source};
use super::justify::glue_widths;
use super::words::{BreakKind, Word};
use super::{Align, SetLine, Setting};

/// Turns the breaker's `breaks` of paragraph `para` into set lines, line i
/// `widths[min(i, 1)]` wide.
pub(super) fn commit(
    fonts: &FontSet,
    para: &Collected,
    breaks: &[linebreak::Line],
    widths: &[f32],
    s: &Setting,
    block: BlockRef,
) -> Vec<SetLine> {
    let Collected {
        words,
        items,
        sources,
        natural_space,
    } = para;
    let natural_space = *natural_space;
    let mut lines = Vec::with_capacity(breaks.len());
    let last_line = breaks.len().saturating_sub(1);
    // Words whose rest was carried by a line end's carrier glyph: their
    // later fragments copy out as nothing.
    let mut carried = vec![false; words.len()];
    for (li, b) in breaks.iter().enumerate() {
        let indent = if li == 0 { s.first_indent } else { 0.0 };
        let line_width = widths[li.min(1)];
        let ratio = if s.align == Align::Justify {
            b.ratio
        } else {
            0.0
        };
        // Font expansion: the glyphs of a justified line may be a little
        // wider or narrower, so that its spaces stay near their natural width.
        let scale = if s.align == Align::Justify {
            1.0 + b.expansion
        } else {
            1.0
        };
        let mut builder = LineBuilder::new(fonts, s.size, scale, block);
        let mut gaps = Vec::new();
        let mut end = b.end.min(items.len());
        // Trailing glue before the break is never drawn.
        while end > b.start && matches!(items[end - 1], Item::Glue { .. }) {
            end -= 1;
        }
        // A justified line is filled to the margin whatever the breaker's
        // ratio could do: the hyphen it ends with, if any, is part of it.
        let fill = (s.align == Align::Justify && li != last_line).then(|| {
            let hyphen = match items.get(b.end) {
                Some(Item::Penalty { width, .. }) if b.hyphenated => *width,
                _ => 0.0,
            };
            line_width - hyphen * scale
        });
        let set_widths = glue_widths(
            &items[b.start..end],
            &sources[b.start..end],
            ratio,
            s.size,
            scale,
            fill,
        );
        // Letter-spacing owed to the next fragment, per glyph gap.
        let mut tracking = 0.0;
        for (k, &width) in (b.start..end).zip(&set_widths) {
            match sources[k] {
                Source::Fragment { word, glyphs } => {
                    builder.fragment(&words[word], glyphs.0..glyphs.1, tracking, carried[word]);
                    tracking = 0.0;
                }
                Source::Tracking { gaps } => tracking = width / gaps.max(1) as f32,
                Source::Space { glyph } => {
                    gaps.push(width);
                    builder.space(glyph, width);
                }
                _ => {}
            }
        }
        let mut hyphenated = false;
        if let (Some(Item::Penalty { width, .. }), Some(&Source::Break { word, kind, at })) =
            (items.get(b.end), sources.get(b.end))
        {
            hyphenated = true;
            let w = &words[word];
            let kern = w
                .breaks
                .iter()
                .position(|b| b.0 == at)
                .map_or(0.0, |k| w.kerns[k]);
            builder.widen_last(kern * s.size * scale);
            match (kind, w.hyphen) {
                (BreakKind::Hyphen, Some(h)) if *width > 0.0 => builder.hyphen(h, carried[word]),
                _ if !carried[word] => {
                    // No hyphen is added here, so a reader would join the two
                    // lines with a space: the carrier keeps the word whole.
                    if let Some(last) = w.glyphs.last() {
                        builder.carrier(last.face, &w.text[at..]);
                        carried[word] = true;
                    }
                }
                _ => {}
            }
        }
        let mut runs = builder.finish();
        let natural: f32 = runs.iter().map(TextRun::width).sum();
        let justified = s.align == Align::Justify && li != last_line;
        let x = indent
            + match s.align {
                Align::Justify | Align::Left => 0.0,
                Align::Right => (line_width - natural).max(0.0),
                Align::Center => ((line_width - natural) / 2.0).max(0.0),
            };
        let mut pen = x;
        for r in &mut runs {
            r.x = pen;
            pen += r.width();
        }
        lines.push(SetLine {
            runs,
            x,
            width: natural,
            natural_space,
            gaps,
            justified,
            hyphenated,
        });
    }
    lines
}

/// Collects a line's glyphs into runs of one face.
struct LineBuilder<'f> {
    fonts: &'f FontSet,
    size: f32,
    /// The glyphs' horizontal scale (see [`TextRun::scale`]).
    scale: f32,
    block: BlockRef,
    runs: Vec<TextRun>,
}

impl<'f> LineBuilder<'f> {
    fn new(fonts: &'f FontSet, size: f32, scale: f32, block: BlockRef) -> Self {
        LineBuilder {
            fonts,
            size,
            scale,
            block,
            runs: Vec::new(),
        }
    }

    fn push(
        &mut self,
        face: FaceId,
        g: &ShapedGlyph,
        text: &str,
        advance: f32,
        copy_nothing: bool,
    ) {
        if self
            .runs
            .last()
            .is_none_or(|r| r.face != face || r.copy_nothing != copy_nothing || r.carrier)
        {
            self.runs.push(TextRun {
                face,
                // A fallback face is drawn at its own scale; the glyphs'
                // advances (in points) already are.
                size: self.size * self.fonts.face(face).scale,
                scale: self.scale,
                x: 0.0,
                baseline: 0.0,
                // About half a justified line: one growth for most lines
                // instead of six, without holding much for a short run.
                glyphs: Vec::with_capacity(48),
                text: String::with_capacity(96),
                block: self.block,
                hyphen: false,
                carrier: false,
                copy_nothing,
            });
        }
        let run = self.runs.last_mut().expect("a run was just ensured");
        let start = run.text.len();
        run.text.push_str(text);
        run.glyphs.push(Glyph {
            id: g.id,
            advance,
            x_offset: g.x_offset * self.size * self.scale,
            y_offset: g.y_offset * self.size,
            text: start..run.text.len(),
        });
    }

    /// Glyphs `glyphs` of word `w`, each gap inside the word widened by
    /// `tracking` points.
    fn fragment(&mut self, w: &Word, glyphs: Range<usize>, tracking: f32, copy_nothing: bool) {
        let mut last_cluster = None;
        for gi in glyphs {
            let g = &w.glyphs[gi];
            // Glyphs of one cluster share its text; the first one carries it.
            let same_cluster = last_cluster == Some(w.ranges[gi].start);
            let text = if same_cluster {
                ""
            } else {
                &w.text[w.ranges[gi].clone()]
            };
            last_cluster = Some(w.ranges[gi].start);
            let extra = if gi + 1 < w.glyphs.len() {
                tracking
            } else {
                0.0
            };
            self.push(
                g.face,
                g,
                text,
                g.advance * self.size * self.scale + extra,
                copy_nothing,
            );
        }
    }

    /// Widens the last glyph set by `by` points (the kerning a line end
    /// drops).
    fn widen_last(&mut self, by: f32) {
        if let Some(g) = self.runs.last_mut().and_then(|r| r.glyphs.last_mut()) {
            g.advance += by;
        }
    }

    fn space(&mut self, glyph: ShapedGlyph, advance: f32) {
        self.push(glyph.face, &glyph, " ", advance, false);
    }

    fn hyphen(&mut self, h: ShapedGlyph, copy_nothing: bool) {
        self.push(
            h.face,
            &h,
            "-",
            h.advance * self.size * self.scale,
            copy_nothing,
        );
        if let Some(r) = self.runs.last_mut() {
            r.hyphen = true;
        }
    }

    /// Appends zero-width carrier glyphs holding `text` for copying. Long
    /// text is cut into pieces of a few dozen characters: the first carrier
    /// of a document becomes a ToUnicode entry, and readers such as poppler
    /// drop entries over 63 UTF-16 units.
    fn carrier(&mut self, face: FaceId, text: &str) {
        const PIECE: usize = 30;
        let Some(id) = self.fonts.face(face).carrier else {
            return;
        };
        let g = ShapedGlyph {
            face,
            id,
            advance: 0.0,
            x_offset: 0.0,
            y_offset: 0.0,
            cluster: 0,
        };
        let chars: Vec<char> = text.chars().collect();
        for piece in chars.chunks(PIECE) {
            let piece: String = piece.iter().collect();
            self.push(face, &g, &piece, 0.0, false);
            // Each carrier piece is a run of its own (`push` starts a new run
            // after a carrier), so the flag always marks its one glyph.
            if let Some(r) = self.runs.last_mut() {
                r.carrier = true;
            }
        }
    }

    fn finish(self) -> Vec<TextRun> {
        self.runs
            .into_iter()
            .filter(|r| !r.glyphs.is_empty())
            .collect()
    }
}
