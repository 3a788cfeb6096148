//! The draft mark: the `[document draft="…"]` word set large and light
//! along the page's diagonal. It is drawn as the glyphs' outlines, a path,
//! never as text: a draft's copied text is the letter's text and nothing
//! else, and the PDF marks the path as an artifact.

use crate::document::Style;
use crate::typeset::fonts::FontSet;
use crate::typeset::page::{PAGE_HEIGHT, PAGE_WIDTH};
use crate::typeset::shape::shape_styled;

/// A point on the page, from its top-left corner, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// One step of an outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    Move(Point),
    Line(Point),
    Quad(Point, Point),
    Cubic(Point, Point, Point),
    Close,
}

/// The mark on every page: a filled path in a light grey.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftMark {
    pub path: Vec<Segment>,
    /// The fill's grey level, 0 black to 1 white.
    pub grey: f32,
}

/// The mark's length along the diagonal, as a share of the diagonal.
const LENGTH: f32 = 0.6;
/// The largest size the word is set at, in points (a short word).
const MAX_SIZE: f32 = 160.0;
/// Light enough to read the text through, dark enough to see on a print.
const GREY: f32 = 0.82;

/// The mark for `word`, or `None` for an empty word. A character no face
/// has is returned as the error, as the text's are.
pub fn mark(fonts: &FontSet, word: &str) -> Result<Option<DraftMark>, char> {
    let word = word.trim();
    if word.is_empty() {
        return Ok(None);
    }
    let style = Style {
        bold: true,
        italic: false,
    };
    let glyphs = shape_styled(fonts, word, style)?;
    let advance: f32 = glyphs.iter().map(|g| g.advance).sum();
    if advance <= 0.0 {
        return Ok(None);
    }
    let diagonal = PAGE_WIDTH.hypot(PAGE_HEIGHT);
    let size = (LENGTH * diagonal / advance).min(MAX_SIZE);
    // Rising from the lower left to the upper right, centred on the page,
    // centred vertically on the capitals (cap height about 0.66 em).
    let angle = PAGE_HEIGHT.atan2(PAGE_WIDTH);
    let (sin, cos) = angle.sin_cos();
    let (cx, cy) = (PAGE_WIDTH / 2.0, PAGE_HEIGHT / 2.0);
    let start = -advance * size / 2.0;
    let rise = 0.33 * size;
    let mut builder = Outline {
        path: Vec::new(),
        map: Box::new(|_, _| Point { x: 0.0, y: 0.0 }),
    };
    let mut pen = 0.0;
    for g in &glyphs {
        let face = fonts.face(g.face);
        let Ok(parsed) = ttf_parser::Face::parse(face.data, 0) else {
            continue;
        };
        let em = size / face.units_per_em;
        let origin = start + (pen + g.x_offset) * size;
        let lift = g.y_offset * size;
        builder.map = Box::new(move |u, v| {
            // Glyph space (y up) to the mark's line, then rotated onto the page.
            let x = origin + u * em;
            let y = rise - lift - v * em;
            Point {
                x: cx + x * cos + y * sin,
                y: cy - x * sin + y * cos,
            }
        });
        parsed.outline_glyph(ttf_parser::GlyphId(g.id), &mut builder);
        pen += g.advance;
    }
    Ok(Some(DraftMark {
        path: builder.path,
        grey: GREY,
    }))
}

/// Collects a glyph's outline, mapped onto the page.
struct Outline {
    path: Vec<Segment>,
    map: Box<dyn Fn(f32, f32) -> Point>,
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.path.push(Segment::Move((self.map)(x, y)));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.path.push(Segment::Line((self.map)(x, y)));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.path
            .push(Segment::Quad((self.map)(x1, y1), (self.map)(x, y)));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.path.push(Segment::Cubic(
            (self.map)(x1, y1),
            (self.map)(x2, y2),
            (self.map)(x, y),
        ));
    }
    fn close(&mut self) {
        self.path.push(Segment::Close);
    }
}

impl DraftMark {
    /// The points of the path, for bounds.
    pub fn points(&self) -> impl Iterator<Item = Point> + '_ {
        self.path.iter().flat_map(|s| match *s {
            Segment::Move(p) | Segment::Line(p) => vec![p],
            Segment::Quad(a, p) => vec![a, p],
            Segment::Cubic(a, b, p) => vec![a, b, p],
            Segment::Close => Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::fonts::fonts;

    fn bounds(m: &DraftMark) -> (f32, f32, f32, f32) {
        m.points().fold(
            (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
            |(x0, y0, x1, y1), p| (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y)),
        )
    }

    #[test]
    fn the_mark_lies_across_the_page_centre_and_inside_it() {
        for word in ["ПРОЕКТ", "ЖОБА"] {
            let m = mark(fonts(), word).unwrap().unwrap();
            assert!(m.path.len() > 20, "{word}: outlines drawn");
            let closes = m.path.iter().filter(|s| **s == Segment::Close).count();
            assert!(
                closes >= word.chars().count(),
                "{word}: every letter closed"
            );
            let (x0, y0, x1, y1) = bounds(&m);
            assert!(
                x0 > 0.0 && y0 > 0.0 && x1 < PAGE_WIDTH && y1 < PAGE_HEIGHT,
                "{word}"
            );
            let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            assert!((mx - PAGE_WIDTH / 2.0).abs() < 20.0, "{word}: {mx}");
            assert!((my - PAGE_HEIGHT / 2.0).abs() < 20.0, "{word}: {my}");
            // Diagonal: as tall as wide, roughly, not a horizontal band.
            assert!((y1 - y0) > 0.8 * (x1 - x0), "{word}");
            // The first letter stands at the lower left.
            let first = m.points().next().unwrap();
            assert!(first.x < mx && first.y > my, "{word}: {first:?}");
            assert!(m.grey > 0.5 && m.grey < 1.0);
        }
    }

    #[test]
    fn an_empty_word_is_no_mark() {
        assert_eq!(mark(fonts(), "  ").unwrap(), None);
    }

    #[test]
    fn the_same_word_gives_the_same_path() {
        assert_eq!(mark(fonts(), "ПРОЕКТ"), mark(fonts(), "ПРОЕКТ"));
    }
}
