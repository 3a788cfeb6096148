//! The HTML preview: the typesetter's pages written as absolutely placed
//! words on A4 sheets. It is not a second layout: every word stands where
//! the PDF has it, so the preview shows the printed letter line for line,
//! and printing it from a browser gives the PDF's pages.
//!
//! The browser shapes each word itself with the same font, so a word needs
//! only its start and its letter-spacing (the page model's tracking, read,
//! never recomputed: this writer shapes nothing): the glyphs in between then
//! fall where the PDF has them. The text stays text, so it can be selected,
//! copied and searched.
//!
//! The file is self-contained (fonts cut down to the glyphs used, and the
//! emblem, as `data:` URLs) and its Content-Security-Policy forbids any
//! request to the network.

mod webfont;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::typeset::draft::{DraftMark, Segment};
use crate::typeset::fonts::{FaceId, fonts};
use crate::typeset::image::EmblemData;
use crate::typeset::page::{LineEnd, PAGE_HEIGHT, PAGE_WIDTH, Page, Pages, TextRun};
use crate::typeset::qr::QrMark;

/// What the live preview adds to the page: markup for the end of `<head>`
/// (its script) and for the start of `<body>` (its toolbar). Neither moves
/// the pages: the toolbar floats and is not printed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Overlay<'a> {
    pub head: &'a str,
    pub body: &'a str,
}

/// Positions closer than this (in points, a 1/3000 of a millimetre) are the
/// same: it absorbs float noise in the typesetter's sums.
const SAME: f32 = 0.01;

/// The preview of `pages` as a standalone HTML file.
pub fn write(pages: &Pages) -> String {
    write_with(pages, Overlay::default())
}

/// The preview with the live preview's additions.
pub fn write_with(pages: &Pages, overlay: Overlay) -> String {
    let styles = TextStyles::of(pages);
    let mut out = String::with_capacity(256 * 1024);
    let title = escape(&pages.info.title);
    let lang = pages.info.lang.code();
    // The file runs no script and reaches nothing; the live preview's page
    // runs its own inline script, which hears its server.
    let live = if overlay.head.is_empty() {
        ""
    } else {
        " script-src 'unsafe-inline'; connect-src 'self';"
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; font-src data:; img-src data:; style-src 'unsafe-inline';{live} base-uri 'none'; form-action 'none'\">\n\
<meta name=\"generator\" content=\"zhauap {version}\">\n\
<title>{title}</title>\n<style>\n",
        version = env!("CARGO_PKG_VERSION")
    );
    styles.write_css(&mut out);
    let _ = write!(
        out,
        "@page{{size:A4;margin:0}}\n\
html,body{{margin:0;padding:0}}\n\
body{{background:#e8e8e8}}\n\
.page{{position:relative;width:{w}pt;height:{h}pt;margin:12pt auto;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);overflow:hidden;break-after:page}}\n\
.page:last-of-type{{break-after:auto}}\n\
.l{{position:absolute;left:0;white-space:pre;line-height:1;color:#000;font-kerning:normal;text-rendering:geometricPrecision}}\n\
@supports (text-box-trim:trim-end){{.l{{top:auto;bottom:100%;text-box-trim:trim-end;text-box-edge:text alphabetic}}}}\n\
.hy::after{{content:\"-\"}}\n\
.rule{{position:absolute;left:0;top:0;background:#000}}\n\
.emblem{{position:absolute;left:0;top:0}}\n\
@media print{{body{{background:none}}.page{{margin:0;box-shadow:none}}.screen-only{{display:none}}}}\n\
</style>\n{head}</head>\n<body>\n{body}",
        w = PAGE_WIDTH,
        h = PAGE_HEIGHT,
        head = overlay.head,
        body = overlay.body,
    );
    let mark = pages.draft.as_ref().map(draft_svg);
    for (pi, page) in pages.pages.iter().enumerate() {
        write_page(&mut out, page, pi + 1, &styles, mark.as_deref());
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The fonts and sizes the text uses: one `@font-face` per face, cut down
/// to the glyphs of this letter, and one class per face and size.
struct TextStyles {
    faces: BTreeMap<u8, BTreeSet<u16>>,
    classes: Vec<(FaceId, f32)>,
}

impl TextStyles {
    fn of(pages: &Pages) -> TextStyles {
        let fonts = fonts();
        let mut faces: BTreeMap<u8, BTreeSet<u16>> = BTreeMap::new();
        let mut classes: Vec<(FaceId, f32)> = Vec::new();
        for run in pages.pages.iter().flat_map(|p| &p.runs) {
            let glyphs = faces.entry(run.face.0).or_default();
            glyphs.extend(run.glyphs.iter().map(|g| g.id));
            // The browser shapes the text anew: also keep the glyph each
            // character maps to, and the hyphen it draws after a broken word.
            let face = fonts.face(run.face);
            for c in run.text.chars().chain(['-', ' ']) {
                if let Some(g) = face.nominal_glyph(c) {
                    glyphs.insert(g);
                }
            }
            if !classes.contains(&(run.face, run.size)) {
                classes.push((run.face, run.size));
            }
        }
        TextStyles { faces, classes }
    }

    fn class(&self, face: FaceId, size: f32) -> usize {
        self.classes
            .iter()
            .position(|&c| c == (face, size))
            .unwrap_or_default()
    }

    fn write_css(&self, out: &mut String) {
        let fonts = fonts();
        for (id, glyphs) in &self.faces {
            let data = fonts.face(FaceId(*id)).data;
            // A face that cannot be cut down (never one we ship) goes whole.
            let (mime, format, bytes) =
                match webfont::retain_glyphs(data, glyphs).and_then(|cut| webfont::woff(&cut)) {
                    Ok(woff) => ("font/woff", "woff", woff),
                    Err(_) => ("font/ttf", "truetype", data.to_vec()),
                };
            let _ = writeln!(
                out,
                "@font-face{{font-family:f{id};src:url(data:{mime};base64,{}) format(\"{format}\");font-display:block}}",
                base64(&bytes)
            );
        }
        for (i, (face, size)) in self.classes.iter().enumerate() {
            let _ = writeln!(
                out,
                ".t{i}{{font-family:f{};font-size:{size}pt;top:{:.3}pt}}",
                face.0,
                -baseline_below_top(*face, *size)
            );
        }
    }
}

/// Where a browser without `text-box-trim` puts the baseline below the top
/// of a `line-height: 1` box: the ascender less half the excess of the
/// font's line box over 1 em. (Browsers round these metrics to pixels, so
/// this is within half a pixel; with `text-box-trim` the baseline is exact.)
fn baseline_below_top(face: FaceId, size: f32) -> f32 {
    let face = fonts().face(face);
    (face.ascender - (face.ascender + face.descender - 1.0) / 2.0) * size
}

/// The draft mark as an SVG over the whole page: a path, not text, so it
/// is never selected or copied, and hidden from screen readers.
fn draft_svg(mark: &DraftMark) -> String {
    let mut d = String::new();
    for segment in &mark.path {
        let _ = match *segment {
            Segment::Move(p) => write!(d, "M{:.2} {:.2}", p.x, p.y),
            Segment::Line(p) => write!(d, "L{:.2} {:.2}", p.x, p.y),
            Segment::Quad(a, p) => write!(d, "Q{:.2} {:.2} {:.2} {:.2}", a.x, a.y, p.x, p.y),
            Segment::Cubic(a, b, p) => write!(
                d,
                "C{:.2} {:.2} {:.2} {:.2} {:.2} {:.2}",
                a.x, a.y, b.x, b.y, p.x, p.y
            ),
            Segment::Close => write!(d, "Z"),
        };
    }
    let grey = (mark.grey.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!(
        "<svg class=\"draft\" aria-hidden=\"true\" viewBox=\"0 0 {w} {h}\" style=\"position:absolute;left:0;top:0;width:{w}pt;height:{h}pt;pointer-events:none;user-select:none\"><path fill=\"rgb({grey},{grey},{grey})\" d=\"{d}\"/></svg>\n",
        w = PAGE_WIDTH,
        h = PAGE_HEIGHT,
    )
}

/// A QR code as an SVG of its dark modules at its place: drawn, not text,
/// so it is never selected or copied, and hidden from screen readers.
fn code_svg(code: &QrMark) -> String {
    let mut d = String::new();
    for &(row, col, n) in &code.runs {
        let _ = write!(d, "M{col} {row}h{n}v1h-{n}z");
    }
    let side = code.side();
    format!(
        "<svg class=\"qr\" aria-hidden=\"true\" viewBox=\"0 0 {w} {w}\" shape-rendering=\"crispEdges\" style=\"position:absolute;left:0;top:0;transform:translate({x:.3}pt,{y:.3}pt);width:{side:.3}pt;height:{side:.3}pt;user-select:none\"><path d=\"{d}\"/></svg>\n",
        w = code.width,
        x = code.x,
        y = code.y,
    )
}

fn write_page(
    out: &mut String,
    page: &Page,
    number: usize,
    styles: &TextStyles,
    mark: Option<&str>,
) {
    let _ = writeln!(out, "<div class=\"page\" id=\"page-{number}\">");
    if let Some(svg) = mark {
        out.push_str(svg);
    }
    for rule in &page.rules {
        let _ = writeln!(
            out,
            "<div class=\"rule\" style=\"transform:translate({:.3}pt,{:.3}pt);width:{:.3}pt;height:{:.3}pt\"></div>",
            rule.x0,
            rule.y - rule.thickness / 2.0,
            rule.x1 - rule.x0,
            rule.thickness
        );
    }
    for rule in &page.vrules {
        let _ = writeln!(
            out,
            "<div class=\"rule\" style=\"transform:translate({:.3}pt,{:.3}pt);width:{:.3}pt;height:{:.3}pt\"></div>",
            rule.x - rule.thickness / 2.0,
            rule.y0,
            rule.thickness,
            rule.y1 - rule.y0
        );
    }
    for code in &page.codes {
        out.push_str(&code_svg(code));
    }
    for img in &page.images {
        let (mime, bytes) = match &img.image.data {
            EmblemData::Png { bytes } => ("image/png", bytes.as_slice()),
            EmblemData::Svg { bytes, .. } => ("image/svg+xml", bytes.as_slice()),
        };
        let _ = writeln!(
            out,
            "<img class=\"emblem\" alt=\"\" style=\"transform:translate({:.3}pt,{:.3}pt);width:{:.3}pt;height:{:.3}pt\" src=\"data:{mime};base64,{}\">",
            img.x,
            img.y,
            img.width,
            img.height,
            base64(bytes)
        );
    }
    // One block per line, so that copied text keeps the line breaks, and
    // its words in the flow of that block, so that the browser's find and
    // copy see the line's text as one string, spaces included.
    for line in &page.lines {
        let runs = &page.runs[line.runs.clone()];
        let Some(first) = runs.first() else {
            out.push_str("<div class=\"l\"></div>\n");
            continue;
        };
        // A line set with font expansion is scaled as a whole, from its
        // left end: inside it the flow is in unscaled units.
        let scale = if first.scale.is_finite() && first.scale > 0.0 {
            first.scale
        } else {
            1.0
        };
        let _ = write!(
            out,
            "<div class=\"l\" style=\"transform:translate({:.3}pt,{:.3}pt)",
            first.x, first.baseline
        );
        if (scale - 1.0).abs() >= 1e-5 {
            let _ = write!(out, " scaleX({scale:.5});transform-origin:0 0");
        }
        out.push_str("\">");
        let mut line_at = LineAt {
            x: first.x,
            baseline: first.baseline,
            scale,
        };
        for (k, run) in runs.iter().enumerate() {
            // An added hyphen is the last glyph of the line.
            let hyphen = k + 1 == runs.len() && line.end == LineEnd::Hyphenated;
            let class = styles.class(run.face, run.size);
            write_run(out, run, class, hyphen, &mut line_at);
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

/// A piece of a word the browser can set on its own: it starts at `x` and
/// its glyphs follow at their natural advances plus `spacing`.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    x: f32,
    text: String,
    spacing: f32,
    /// A space follows: written into the piece so that copied and searched
    /// text has it; it draws nothing.
    space_after: bool,
    /// How far the browser advances over the piece (its text, the space
    /// after it and CSS letter-spacing after every glyph): where the next
    /// piece would start in the flow.
    width: f32,
}

/// Where the flow of a line's block stands: the x the browser reached, and
/// the line's baseline.
struct LineAt {
    x: f32,
    baseline: f32,
    /// The line's horizontal scale: a point of the flow is `scale` points
    /// on the page.
    scale: f32,
}

/// Writes a run as spans of whole words (pieces of words where the spacing
/// inside a word changes), each at the x the typesetter chose.
///
/// The line's block puts its baseline on the top edge of the page (exactly
/// where `text-box-trim` is supported), and a translation moves it to the
/// line's first point: a translation, unlike `left` and `top`, is not
/// snapped to whole pixels when printing. Inside the line the spans follow
/// in the flow, each moved from where the flow put it (after the one
/// before, as wide as the browser sets it) to the typesetter's x by its
/// left margin: the gaps of a justified line, to a hundredth of a point,
/// and a margin also keeps the browser from shaping across words. Rules and
/// the emblem are placed by translation. In a scaled line (font
/// expansion) margins, letter-spacing and widths are in the flow's unscaled
/// points. A run that ends with the hyphen a line break added (`hyphen`)
/// draws it apart.
fn write_run(out: &mut String, run: &TextRun, class: usize, hyphen: bool, line: &mut LineAt) {
    let raise = line.baseline - run.baseline;
    let scale = line.scale;
    for piece in pieces(run, hyphen, scale) {
        let _ = write!(
            out,
            "<span class=\"t{class}\" style=\"margin-left:{:.3}pt",
            (piece.x - line.x) / scale
        );
        if raise.abs() >= SAME {
            let _ = write!(out, ";vertical-align:{raise:.3}pt");
        }
        if piece.spacing.abs() >= SAME / 10.0 {
            let _ = write!(out, ";letter-spacing:{:.4}pt", piece.spacing);
        }
        let _ = write!(
            out,
            "\">{}{}</span>",
            escape(&piece.text),
            if piece.space_after { " " } else { "" }
        );
        line.x = piece.x + piece.width * scale;
    }
    if hyphen {
        // The hyphen of a broken word is drawn but is not part of the text,
        // so that searching finds the word's halves as written.
        let advance = run
            .glyphs
            .last()
            .map_or(0.0, |g| g.drawn_advance(run.scale));
        let x = run.x + run.width() - advance;
        let _ = write!(
            out,
            "<span class=\"t{class} hy\" style=\"margin-left:{:.3}pt\"></span>",
            (x - line.x) / scale
        );
        line.x = x + advance;
    }
}

/// Splits a run into pieces: words (between spaces), each cut further where
/// the typesetter's spacing between its glyphs changes. Spacing and widths
/// are in the flow of a line scaled by `scale`. A run ending with an added
/// hyphen (drawn apart) leaves it out.
fn pieces(run: &TextRun, hyphen: bool, scale: f32) -> Vec<Piece> {
    let glyphs = &run.glyphs;
    let text_of = |i: usize| &run.text[glyphs[i].text.clone()];
    let body = glyphs.len() - usize::from(hyphen && !glyphs.is_empty());
    let xs: Vec<f32> = run.pens().map(|(x, _)| x).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < body {
        if text_of(i) == " " {
            // A space that follows no word of this run (it starts the run,
            // after a change of face) is a piece of its own, so that the
            // copied text keeps it.
            if i == 0 || text_of(i - 1) == " " {
                out.push(Piece {
                    x: xs[i],
                    text: " ".into(),
                    spacing: 0.0,
                    space_after: false,
                    width: glyphs[i].advance,
                });
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < body && text_of(j) != " " {
            j += 1;
        }
        let start = out.len();
        word_pieces(run, i..j, &xs, scale, &mut out);
        if j < body
            && let Some(last) = out.get_mut(start..).and_then(|p| p.last_mut())
        {
            // The browser sets the space at its natural width, and the
            // piece's letter-spacing after it.
            last.space_after = true;
            last.width += glyphs[j].advance + last.spacing;
        }
        i = j;
    }
    out
}

/// The pieces of the word drawn by `run.glyphs[range]` (their pens at
/// `xs`), in a line scaled by `scale`: glyphs follow at their natural
/// advances plus the model's tracking, which CSS letter-spacing adds after
/// every glyph of a piece.
fn word_pieces(
    run: &TextRun,
    range: std::ops::Range<usize>,
    xs: &[f32],
    scale: f32,
    out: &mut Vec<Piece>,
) {
    let glyphs = &run.glyphs[range.clone()];
    let texts: Vec<&str> = glyphs.iter().map(|g| &run.text[g.text.clone()]).collect();
    // In the flow's units: the line's transform scales it back.
    let extra: Vec<f32> = glyphs.iter().map(|g| g.tracking / scale).collect();
    // CSS letter-spacing turns optional ligatures off, so a spaced piece
    // must not hold one.
    let ligature = |i: usize| texts[i].chars().nth(1).is_some();
    let mut from = 0;
    while from < glyphs.len() {
        let spacing = extra[from];
        let spaced = spacing.abs() >= SAME / 10.0;
        let mut to = from + 1;
        while to < glyphs.len()
            && (texts[to].is_empty()
                || ((extra[to - 1] - spacing).abs() < SAME
                    && !(spaced && (ligature(to - 1) || ligature(to)))))
        {
            to += 1;
        }
        let spacing = if to - from > 1 { spacing } else { 0.0 };
        // The browser adds the spacing after every glyph, the last included.
        let width = glyphs[from..to].iter().map(|g| g.advance + spacing).sum();
        out.push(Piece {
            x: xs[range.start + from],
            text: texts[from..to].concat(),
            spacing,
            space_after: false,
            width,
        });
        from = to;
    }
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

#[cfg(test)]
mod tests;
