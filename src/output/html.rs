//! The HTML preview: the typesetter's pages written as absolutely placed
//! words on A4 sheets. It is not a second layout: every word stands where
//! the PDF has it, so the preview shows the printed letter line for line,
//! and printing it from a browser gives the PDF's pages.
//!
//! The browser shapes each word itself with the same font, so a word needs
//! only its start and its letter-spacing (the typesetter's tracking): the
//! glyphs in between then fall where the PDF has them. The text stays
//! text, so it can be selected, copied and searched.
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
use crate::typeset::page::{PAGE_HEIGHT, PAGE_WIDTH, Page, Pages, TextRun};
use crate::typeset::qr::QrMark;
use crate::typeset::shape::shape_in_face;

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
.w{{position:absolute;left:0;white-space:pre;line-height:1;color:#000;font-kerning:normal;text-rendering:geometricPrecision}}\n\
@supports (text-box-trim:trim-end){{.w{{top:auto;bottom:100%;text-box-trim:trim-end;text-box-edge:text alphabetic}}}}\n\
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
            let shaper = harfrust::ShaperFont::new(&face.font);
            for c in run.text.chars().chain(['-', ' ']) {
                if let Some(g) = shaper.nominal_glyph(c as u32) {
                    glyphs.insert(g.to_u32() as u16);
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
    // One block per line, so that copied text keeps the line breaks.
    for line in &page.lines {
        out.push_str("<div>");
        for run in &page.runs[line.runs.clone()] {
            write_run(out, run, styles.class(run.face, run.size));
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
}

/// Writes a run as spans of whole words (pieces of words where the spacing
/// inside a word changes), each at the x the typesetter chose.
///
/// Each span's CSS puts its baseline on the top edge of the page (exactly
/// where `text-box-trim` is supported), and a translation moves it to the
/// typesetter's point. A translation, unlike `left` and `top`, is not
/// snapped to whole pixels when printing, so printed lines keep their
/// places to a hundredth of a point. Rules and the emblem are placed the
/// same way.
fn write_run(out: &mut String, run: &TextRun, class: usize) {
    let baseline = run.baseline;
    for piece in pieces(run) {
        let _ = write!(
            out,
            "<span class=\"w t{class}\" style=\"transform:translate({:.3}pt,{baseline:.3}pt)",
            piece.x
        );
        if piece.spacing.abs() >= SAME / 10.0 {
            let _ = write!(out, ";letter-spacing:{:.4}pt", piece.spacing);
        }
        let _ = write!(
            out,
            "\">{}{}</span>",
            escape(&piece.text),
            if piece.space_after { " " } else { "" }
        );
    }
    if run.hyphen {
        // The hyphen of a broken word is drawn but is not part of the text,
        // so that searching finds the word's halves as written.
        let x = run.x + run.width() - run.glyphs.last().map_or(0.0, |g| g.advance);
        let _ = write!(
            out,
            "<span class=\"w t{class} hy\" style=\"transform:translate({x:.3}pt,{baseline:.3}pt)\"></span>"
        );
    }
}

/// Splits a run into pieces: words (between spaces), each cut further where
/// the typesetter's spacing between its glyphs changes.
fn pieces(run: &TextRun) -> Vec<Piece> {
    let glyphs = &run.glyphs;
    let text_of = |i: usize| &run.text[glyphs[i].text.clone()];
    // A run may end with a hyphen (drawn apart) or with the zero-width
    // carrier glyph that holds a broken word's rest for PDF copying; the
    // preview copies as a browser does and draws no carrier.
    let body = glyphs.len() - usize::from((run.hyphen || run.carrier) && !glyphs.is_empty());
    let mut xs = Vec::with_capacity(glyphs.len() + 1);
    let mut x = run.x;
    for g in glyphs {
        xs.push(x);
        x += g.advance;
    }
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
        word_pieces(run, i..j, &xs, &mut out);
        if j < body
            && let Some(last) = out.get_mut(start..).and_then(|p| p.last_mut())
        {
            last.space_after = true;
        }
        i = j;
    }
    out
}

/// The pieces of the word drawn by `run.glyphs[range]`.
fn word_pieces(run: &TextRun, range: std::ops::Range<usize>, xs: &[f32], out: &mut Vec<Piece>) {
    let glyphs = &run.glyphs[range.clone()];
    let texts: Vec<&str> = glyphs.iter().map(|g| &run.text[g.text.clone()]).collect();
    let word: String = texts.concat();
    let piece = |from: usize, to: usize, spacing: f32| Piece {
        x: xs[range.start + from],
        text: texts[from..to].concat(),
        spacing,
        space_after: false,
    };
    // The spacing the typesetter added after each glyph: its advance less
    // the advance the shaper (and so the browser) gives it.
    let natural = shape_in_face(fonts(), run.face, &word);
    let same_glyphs =
        natural.len() == glyphs.len() && natural.iter().zip(glyphs).all(|(n, g)| n.id == g.id);
    if !same_glyphs {
        // The word shapes differently on its own (it never has with the
        // shipped fonts): place every cluster by itself.
        let mut from = 0;
        while from < glyphs.len() {
            let mut to = from + 1;
            while to < glyphs.len() && texts[to].is_empty() {
                to += 1;
            }
            out.push(piece(from, to, 0.0));
            from = to;
        }
        return;
    }
    let extra: Vec<f32> = natural
        .iter()
        .zip(glyphs)
        .map(|(n, g)| g.advance - n.advance * run.size)
        .collect();
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
        out.push(piece(from, to, if to - from > 1 { spacing } else { 0.0 }));
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
mod tests {
    use super::*;
    use crate::typeset::page::Role;

    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    use crate::document::BlockKind;
    use crate::typeset::page::{BlockRef, Glyph};

    /// A run as the typesetter sets it: `words` shaped in face 0 at 12 pt,
    /// each glyph but a word's last widened by `tracking`, spaces `gap` wide.
    fn set_run(words: &[&str], tracking: f32, gap: f32) -> TextRun {
        let size = 12.0;
        let mut run = TextRun {
            face: FaceId(0),
            size,
            x: 100.0,
            baseline: 200.0,
            glyphs: Vec::new(),
            text: String::new(),
            block: BlockRef {
                kind: BlockKind::Paragraph,
                index: 0,
                role: Role::Text,
            },
            hyphen: false,
            carrier: false,
            copy_nothing: false,
        };
        for (wi, word) in words.iter().enumerate() {
            if wi > 0 {
                let space = shape_in_face(fonts(), FaceId(0), " ")[0];
                let at = run.text.len();
                run.text.push(' ');
                run.glyphs.push(Glyph {
                    id: space.id,
                    advance: gap,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    text: at..at + 1,
                });
            }
            let shaped = shape_in_face(fonts(), FaceId(0), word);
            let at = run.text.len();
            run.text.push_str(word);
            for (gi, g) in shaped.iter().enumerate() {
                let end = shaped.get(gi + 1).map_or(word.len(), |n| n.cluster);
                let last = gi + 1 == shaped.len();
                run.glyphs.push(Glyph {
                    id: g.id,
                    advance: g.advance * size + if last { 0.0 } else { tracking },
                    x_offset: 0.0,
                    y_offset: 0.0,
                    text: at + g.cluster..at + end,
                });
            }
        }
        run
    }

    #[test]
    fn a_tracked_word_is_one_piece_at_the_typesetters_x() {
        let run = set_run(&["Казахстан", "Республикасы"], 0.12, 4.5);
        let p = pieces(&run);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].text, "Казахстан");
        assert!(p[0].space_after && !p[1].space_after);
        assert!((p[0].spacing - 0.12).abs() < 1e-4);
        assert_eq!(p[0].x, 100.0);
        // The second word starts after the first's glyphs and the set gap.
        let first: f32 = run.glyphs[..9].iter().map(|g| g.advance).sum();
        assert!((p[1].x - (100.0 + first + 4.5)).abs() < 1e-3, "{}", p[1].x);
    }

    #[test]
    fn a_space_that_starts_a_run_is_kept() {
        let mut run = set_run(&["", "сомасы"], 0.0, 3.0);
        run.x = 50.0;
        let p = pieces(&run);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, [" ", "сомасы"]);
        assert_eq!((p[0].x, p[1].x), (50.0, 53.0));
    }

    #[test]
    fn spacing_that_changes_inside_a_word_splits_it() {
        let mut run = set_run(&["Парламента"], 0.0, 0.0);
        // Tracking on the second half only, as when a word is broken across
        // fragments that got different letter-spacing.
        for g in &mut run.glyphs[4..9] {
            g.advance += 0.3;
        }
        let p = pieces(&run);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Парла", "мента"]);
        assert_eq!(p[0].spacing, 0.0);
        assert!((p[1].spacing - 0.3).abs() < 1e-4);
        let x5 = 100.0 + run.glyphs[..5].iter().map(|g| g.advance).sum::<f32>();
        assert!((p[1].x - x5).abs() < 1e-3);
    }

    #[test]
    fn a_hyphen_is_drawn_but_not_text() {
        let mut run = set_run(&["информа"], 0.0, 0.0);
        let hyphen = shape_in_face(fonts(), FaceId(0), "-")[0];
        let at = run.text.len();
        run.text.push('-');
        run.glyphs.push(Glyph {
            id: hyphen.id,
            advance: hyphen.advance * 12.0,
            x_offset: 0.0,
            y_offset: 0.0,
            text: at..at + 1,
        });
        run.hyphen = true;
        let mut out = String::new();
        write_run(&mut out, &run, 0);
        assert!(out.contains(">информа</span>"), "{out}");
        assert!(out.contains(" hy\" style=\"transform:translate("), "{out}");
        assert!(!out.contains("-<"), "{out}");
    }

    #[test]
    fn the_file_stands_alone() {
        let mut info = crate::document::Info::new(crate::lang::Lang::Ru);
        info.title = "Ответ <на запрос>".into();
        let mut pages = Pages {
            info,
            pages: Vec::new(),
            draft: None,
        };
        let mut page = Page::default();
        page.runs
            .push(set_run(&["Уважаемые", "депутаты!"], 0.0, 3.0));
        page.lines.push(crate::typeset::page::Line {
            block: page.runs[0].block,
            baseline: 200.0,
            x: 100.0,
            width: 100.0,
            natural_space: 3.0,
            gaps: vec![3.0],
            justified: false,
            hyphenated: false,
            runs: 0..1,
        });
        pages.pages = vec![page.clone(), page];
        let html = write(&pages);
        assert!(html.contains("<title>Ответ &lt;на запрос&gt;</title>"));
        assert!(html.contains("default-src 'none'"));
        assert!(!html.contains("<script") && !html.contains("script-src"));
        let live = write_with(
            &pages,
            Overlay {
                head: "<script></script>",
                body: "",
            },
        );
        assert!(live.contains("script-src 'unsafe-inline'; connect-src 'self';"));
        assert!(html.contains("@page{size:A4;margin:0}"));
        assert_eq!(html.matches("class=\"page\"").count(), 2);
        assert_eq!(html.matches("@font-face").count(), 1);
        assert!(html.contains(">Уважаемые </span>"));
        // Nothing is fetched: the only URLs are data: URLs.
        for (i, _) in html.match_indices("url(") {
            assert!(html[i..].starts_with("url(data:"));
        }
        assert!(!html.contains("src=\"http") && !html.contains("href="));
        // The cut font is a small part of the full face.
        assert!(html.len() < 150_000, "{} bytes", html.len());
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
