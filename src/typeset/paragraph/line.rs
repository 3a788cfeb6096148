//! Commit: each broken line's items turned into positioned glyph runs, with
//! what its end means (an added hyphen, a word continued on the next line).

use std::ops::Range;

use super::super::fonts::{FaceId, FontSet};
use super::super::linebreak::{self, Item};
use super::super::page::{BlockRef, Glyph, LineEnd, TextRun};
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
    // Words an earlier line ended inside of with nothing added: their later
    // fragments continue them (their text copies out with that line).
    let mut continued = vec![false; words.len()];
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
                    builder.fragment(&words[word], glyphs.0..glyphs.1, tracking, continued[word]);
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
        let mut end = LineEnd::WordEnd;
        if let (Some(Item::Penalty { width, .. }), Some(&Source::Break { word, kind, at })) =
            (items.get(b.end), sources.get(b.end))
        {
            let w = &words[word];
            let kern = w
                .breaks
                .iter()
                .position(|b| b.0 == at)
                .map_or(0.0, |k| w.kerns[k]);
            builder.unkern_last(kern * s.size);
            end = match (kind, w.hyphen) {
                (BreakKind::Hyphen, Some(h)) if *width > 0.0 => {
                    builder.hyphen(h, continued[word]);
                    LineEnd::Hyphenated
                }
                _ => {
                    // No hyphen is added here, so a reader would join the two
                    // lines with a space: the word goes on.
                    continued[word] = true;
                    LineEnd::WordContinues {
                        rest: w.text[at..].to_owned(),
                    }
                }
            };
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
            end,
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

    /// Appends glyph `g` (its natural advance `advance` points, `tracking`
    /// points of white after it), drawing `text`.
    fn push(
        &mut self,
        face: FaceId,
        g: &ShapedGlyph,
        text: &str,
        (advance, tracking): (f32, f32),
        continues_word: bool,
    ) {
        if self
            .runs
            .last()
            .is_none_or(|r| r.face != face || r.continues_word != continues_word)
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
                continues_word,
            });
        }
        let run = self.runs.last_mut().expect("a run was just ensured");
        let start = run.text.len();
        run.text.push_str(text);
        run.glyphs.push(Glyph {
            id: g.id,
            advance,
            tracking,
            x_offset: g.x_offset * self.size,
            y_offset: g.y_offset * self.size,
            text: start..run.text.len(),
        });
    }

    /// Glyphs `glyphs` of word `w`, each gap inside the word widened by
    /// `tracking` points.
    fn fragment(&mut self, w: &Word, glyphs: Range<usize>, tracking: f32, continues_word: bool) {
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
                (g.advance * self.size, extra),
                continues_word,
            );
        }
    }

    /// Gives the last glyph set the `kern` points of kerning (at scale 1)
    /// that a line end drops: it now ends the line, with its advance alone.
    fn unkern_last(&mut self, kern: f32) {
        if kern == 0.0 {
            return;
        }
        let scale = self.scale;
        if let Some(g) = self.runs.last_mut().and_then(|r| r.glyphs.last_mut()) {
            let drawn = g.drawn_advance(scale) + kern * scale;
            g.advance += kern;
            g.tracking = Glyph::tracking_to(g.advance, scale, drawn);
        }
    }

    /// A space set `width` points wide.
    fn space(&mut self, glyph: ShapedGlyph, width: f32) {
        let advance = glyph.advance * self.size;
        let tracking = Glyph::tracking_to(advance, self.scale, width);
        self.push(glyph.face, &glyph, " ", (advance, tracking), false);
    }

    fn hyphen(&mut self, h: ShapedGlyph, continues_word: bool) {
        self.push(
            h.face,
            &h,
            "-",
            (h.advance * self.size, 0.0),
            continues_word,
        );
    }

    fn finish(self) -> Vec<TextRun> {
        self.runs
            .into_iter()
            .filter(|r| !r.glyphs.is_empty())
            .collect()
    }
}
