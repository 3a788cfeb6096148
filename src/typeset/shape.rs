//! Shaping: text to positioned glyphs with harfrust (kerning and the font's
//! own substitutions), with a glyph-by-glyph fallback face.

use std::cell::{OnceCell, RefCell};
use std::hash::BuildHasherDefault;
use std::rc::Rc;

use harfrust::{Buffer, Script, ShapeOptions, ShaperFont};

use super::fonts::{FACES, FaceId, FontSet, is_invisible};
use super::recent::Recent;
use crate::document::Style;

/// One glyph, with its metrics in em (multiply by the font size).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    pub face: FaceId,
    pub id: u16,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset, in the shaped text, of the cluster this glyph draws.
    pub cluster: usize,
}

/// A word's hash (for the shaping and word caches): FxHash (the multiply-rotate hash rustc uses for its own
/// tables). The keys are short words of our own letters, not attacker-chosen
/// table sizes, and SipHash on every lookup cost more than the lookup.
#[derive(Default, Clone, Copy)]
pub(super) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap = Recent<Box<str>, Rc<[ShapedGlyph]>, BuildHasherDefault<WordHasher>>;

thread_local! {
    /// Words repeat within a letter and across a batch: shaping each distinct
    /// text once per face and thread saves most of the shaping time. One map
    /// per face, so that a lookup borrows the text instead of building a key.
    static CACHE: RefCell<Vec<WordMap>> = const { RefCell::new(Vec::new()) };
    /// The shaping buffer, cleared for each text rather than made anew.
    static SCRATCH: RefCell<Buffer> = RefCell::new(Buffer::new());
    /// The shipped faces ready for shaping, made once per thread rather than
    /// for every text (which also read each face's metrics table anew), and
    /// only for the faces the thread's letters use.
    static SHAPERS: [OnceCell<ShaperFont<'static, 'static>>; FACES] =
        const { [const { OnceCell::new() }; FACES] };
}

/// `shape` with `face` of `fonts` prepared for shaping.
fn with_shaper<R>(fonts: &FontSet, face: FaceId, shape: impl FnOnce(&ShaperFont) -> R) -> R {
    if std::ptr::eq(fonts, super::fonts::fonts()) {
        SHAPERS.with(|s| {
            shape(
                s[usize::from(face.0)]
                    .get_or_init(|| ShaperFont::new(&super::fonts::fonts().face(face).font)),
            )
        })
    } else {
        shape(&ShaperFont::new(&fonts.face(face).font))
    }
}

/// Texts remembered per face and generation ([`Recent`]): more than the
/// distinct words of a long letter, so a batch's common words stay.
pub(super) const CACHE_LIMIT: usize = 1024;

/// Shapes `text` in one face. Clusters are byte offsets into `text`.
pub fn shape_in_face(fonts: &FontSet, face: FaceId, text: &str) -> Rc<[ShapedGlyph]> {
    let slot = usize::from(face.0);
    let hit = CACHE.with(|c| {
        c.borrow_mut()
            .get_mut(slot)
            .and_then(|m| m.find(text, Rc::clone))
    });
    if let Some(hit) = hit {
        return hit;
    }
    let f = fonts.face(face);
    let script = if text
        .chars()
        .any(|c| crate::typography::is_letter(c) && !c.is_ascii())
    {
        Script::CYRILLIC
    } else {
        Script::LATIN
    };
    let plan = f.plan(script);
    let glyphs: Rc<[ShapedGlyph]> = with_shaper(fonts, face, |shaper| {
        SCRATCH.with_borrow_mut(|buffer| {
            buffer.clear();
            buffer.push_str(text);
            buffer.set_direction(harfrust::Direction::LeftToRight);
            buffer.set_script(Some(script));
            match harfrust::shape(shaper, buffer, ShapeOptions::new().plan(Some(plan))) {
                Ok(()) => {
                    let scale = 1.0 / f.units_per_em;
                    buffer
                        .glyph_infos()
                        .iter()
                        .zip(buffer.glyph_positions())
                        .map(|(info, pos)| ShapedGlyph {
                            face,
                            id: info.glyph_id as u16,
                            advance: pos.x_advance as f32 * scale,
                            x_offset: pos.x_offset as f32 * scale,
                            y_offset: pos.y_offset as f32 * scale,
                            cluster: info.cluster as usize,
                        })
                        .collect()
                }
                // A plan mismatch cannot happen with plans made for these faces; if it
                // did, drawing nothing would lose text, so fall back to nominal glyphs.
                Err(_) => nominal_glyphs(shaper, f.units_per_em, face, text).into(),
            }
        })
    });
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() <= slot {
            c.resize_with(slot + 1, || WordMap::new(CACHE_LIMIT));
        }
        c[slot].entry(text.into(), || glyphs.clone());
    });
    glyphs
}

fn nominal_glyphs(
    shaper: &ShaperFont,
    units_per_em: f32,
    face: FaceId,
    text: &str,
) -> Vec<ShapedGlyph> {
    text.char_indices()
        .map(|(i, c)| {
            let gid = shaper.nominal_glyph(c as u32).unwrap_or_default();
            ShapedGlyph {
                face,
                id: gid.to_u32() as u16,
                advance: shaper.glyph_h_advance(gid) as f32 / units_per_em,
                x_offset: 0.0,
                y_offset: 0.0,
                cluster: i,
            }
        })
        .collect()
}

/// Shapes text in a style, switching to the fallback face for characters
/// the primary face lacks (its metrics scaled by the face's `scale`, in the
/// text's em, unlike [`shape_in_face`]'s, which are the face's own). Returns the first character no face has.
pub fn shape_styled(fonts: &FontSet, text: &str, style: Style) -> Result<Vec<ShapedGlyph>, char> {
    let mut out = Vec::new();
    let mut seg_start = 0;
    let mut seg_face: Option<FaceId> = None;
    for (i, c) in text.char_indices() {
        let face = fonts.face_for(c, style).ok_or(c)?;
        match seg_face {
            Some(f) if f == face || is_invisible(c) => {}
            Some(f) => {
                push_segment(fonts, f, text, seg_start, i, &mut out);
                seg_start = i;
                seg_face = Some(face);
            }
            None => seg_face = Some(face),
        }
    }
    if let Some(f) = seg_face {
        push_segment(fonts, f, text, seg_start, text.len(), &mut out);
    }
    Ok(out)
}

fn push_segment(
    fonts: &FontSet,
    face: FaceId,
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<ShapedGlyph>,
) {
    let glyphs = shape_in_face(fonts, face, &text[start..end]);
    // A fallback face is drawn smaller (`Face::scale`): its metrics, in the
    // text's em, shrink with it.
    let scale = fonts.face(face).scale;
    out.extend(glyphs.iter().map(|g| ShapedGlyph {
        cluster: g.cluster + start,
        advance: g.advance * scale,
        x_offset: g.x_offset * scale,
        y_offset: g.y_offset * scale,
        ..*g
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::fonts::fonts;

    #[test]
    fn shapes_cyrillic_with_times_metrics() {
        let g = shape_styled(fonts(), "Казахстан", Style::default()).unwrap();
        assert_eq!(g.len(), 9);
        let width: f32 = g.iter().map(|g| g.advance).sum();
        // Times-metric Cyrillic: about 0.45 em a letter.
        assert!(width > 3.5 && width < 5.0, "{width}");
        assert!(g.windows(2).all(|w| w[0].cluster < w[1].cluster));
    }

    #[test]
    fn tenge_uses_fallback_face_in_the_middle_of_text() {
        let g = shape_styled(fonts(), "100 ₸ сомасы", Style::default()).unwrap();
        let tenge = g.iter().find(|g| g.cluster == 4).unwrap();
        assert_eq!(tenge.face, FaceId(4));
        assert!(g.iter().filter(|g| g.face == FaceId(0)).count() > 5);
    }

    #[test]
    fn the_reused_buffer_keeps_nothing_of_the_text_before() {
        let long = shape_in_face(fonts(), FaceId(0), "обращение гражданина");
        let short = shape_in_face(fonts(), FaceId(0), "да");
        assert_eq!(long.len(), 20);
        assert_eq!(short.len(), 2);
        assert_eq!(short[1].cluster, 2);
    }

    #[test]
    fn uncovered_character_is_reported() {
        assert_eq!(shape_styled(fonts(), "a中b", Style::default()), Err('中'));
    }
}
