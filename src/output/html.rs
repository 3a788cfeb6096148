//! The HTML preview: the typesetter's pages written as absolutely placed
//! words on A4 sheets. It is not a second layout: every word stands where
//! the PDF has it, so the preview shows the printed letter line for line.
//!
//! The file is self-contained (fonts and the emblem as `data:` URLs) and
//! reaches nothing on the network.

use std::fmt::Write as _;

use crate::typeset::fonts::fonts;
use crate::typeset::image::EmblemData;
use crate::typeset::page::{PAGE_HEIGHT, PAGE_WIDTH, Pages, TextRun};

pub fn write(pages: &Pages) -> String {
    let fonts = fonts();
    let mut used: Vec<u8> = pages
        .pages
        .iter()
        .flat_map(|p| p.runs.iter().map(|r| r.face.0))
        .collect();
    used.sort_unstable();
    used.dedup();

    let mut out = String::with_capacity(64 * 1024);
    let title = escape(&pages.meta.title);
    let lang = escape(&pages.meta.lang);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; font-src data:; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'\">\n\
<title>{title}</title>\n<style>\n"
    );
    for id in &used {
        let face = fonts.face(crate::typeset::fonts::FaceId(*id));
        let _ = writeln!(
            out,
            "@font-face{{font-family:f{id};src:url(data:font/ttf;base64,{}) format(\"truetype\");}}",
            base64(face.data)
        );
    }
    let _ = write!(
        out,
        "@page{{size:A4;margin:0}}\n\
html,body{{margin:0;padding:0}}\n\
body{{background:#e8e8e8}}\n\
.page{{position:relative;width:{w}pt;height:{h}pt;margin:12pt auto;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);overflow:hidden;page-break-after:always;break-after:page}}\n\
.page:last-child{{page-break-after:auto;break-after:auto}}\n\
.w{{position:absolute;white-space:pre;line-height:1;color:#000;font-kerning:normal;font-variant-ligatures:common-ligatures}}\n\
.hy::after{{content:\"-\"}}\n\
.rule{{position:absolute;background:#000}}\n\
.emblem{{position:absolute}}\n\
@media print{{body{{background:none}}.page{{margin:0;box-shadow:none}}}}\n\
</style>\n</head>\n<body>\n",
        w = PAGE_WIDTH,
        h = PAGE_HEIGHT
    );
    for (pi, page) in pages.pages.iter().enumerate() {
        let _ = writeln!(out, "<div class=\"page\" id=\"page-{}\">", pi + 1);
        for rule in &page.rules {
            let _ = writeln!(
                out,
                "<div class=\"rule\" style=\"left:{:.3}pt;top:{:.3}pt;width:{:.3}pt;height:{:.3}pt\"></div>",
                rule.x0,
                rule.y - rule.thickness / 2.0,
                rule.x1 - rule.x0,
                rule.thickness
            );
        }
        for img in &page.images {
            let (mime, bytes) = match &img.image.data {
                EmblemData::Png { bytes } => ("image/png", bytes.as_slice()),
                EmblemData::Svg { bytes, .. } => ("image/svg+xml", bytes.as_slice()),
            };
            let _ = writeln!(
                out,
                "<img class=\"emblem\" alt=\"\" style=\"left:{:.3}pt;top:{:.3}pt;width:{:.3}pt;height:{:.3}pt\" src=\"data:{mime};base64,{}\">",
                img.x,
                img.y,
                img.width,
                img.height,
                base64(bytes)
            );
        }
        for line in &page.lines {
            let _ = write!(out, "<div class=\"line\">");
            for run in &page.runs[line.runs.clone()] {
                write_run(&mut out, run);
            }
            let _ = writeln!(out, "</div>");
        }
        let _ = writeln!(out, "</div>");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Writes a run as one span per word, each at the x the typesetter chose;
/// the spaces between are the gaps, so justification is exact.
fn write_run(out: &mut String, run: &TextRun) {
    let face = fonts().face(run.face);
    // With line-height 1 the browser puts the baseline at the ascender less
    // half the excess of the font's line box over 1 em.
    let baseline_from_top =
        (face.ascender - (face.ascender + face.descender - 1.0) / 2.0) * run.size;
    let top = run.baseline - baseline_from_top;
    let mut x = run.x;
    let mut word = String::new();
    let mut word_x = x;
    let mut hyphen = false;
    let flush = |out: &mut String, word: &mut String, wx: f32, hyphen: bool| {
        if word.is_empty() && !hyphen {
            return;
        }
        let class = if hyphen { "w hy" } else { "w" };
        let _ = write!(
            out,
            "<span class=\"{class}\" style=\"left:{wx:.3}pt;top:{top:.3}pt;font:{size}pt f{face}\">{}</span>",
            escape(word),
            size = run.size,
            face = run.face.0
        );
        word.clear();
    };
    for (gi, g) in run.glyphs.iter().enumerate() {
        let text = &run.text[g.text.clone()];
        let is_last = gi + 1 == run.glyphs.len();
        if run.carrier && is_last {
            // The carrier draws nothing; the words are all in the spans.
            continue;
        }
        let is_last_hyphen = run.hyphen && is_last;
        if text == " " {
            flush(out, &mut word, word_x, false);
            // A space between words: the next word starts after the set gap.
            out.push(' ');
            x += g.advance;
            word_x = x;
            continue;
        }
        if is_last_hyphen {
            hyphen = true;
        } else {
            word.push_str(text);
        }
        x += g.advance;
    }
    flush(out, &mut word, word_x, hyphen);
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

    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
