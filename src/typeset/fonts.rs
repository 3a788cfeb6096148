//! The fonts: Liberation Serif (metric-compatible with Times New Roman, as
//! the rules ask) in four faces, and DejaVu Serif as a glyph-by-glyph
//! fallback for what Liberation lacks, such as the tenge sign ₸.
//!
//! Both families are compiled into the binary and parsed once per process;
//! the PDF writer's handles to them are made once per thread
//! ([`krilla_fonts`]).

use std::rc::Rc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};

use harfrust::{Direction, Script, ShapePlan};

use crate::document::Style;

/// A face of the font set: an index into [`FontSet::faces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u8);

struct FaceSource {
    name: &'static str,
    data: &'static [u8],
}

/// Primary faces first (regular, bold, italic, bold italic), then the
/// fallback faces in the same order.
static SOURCES: [FaceSource; 8] = [
    FaceSource {
        name: "LiberationSerif-Regular",
        data: include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    },
    FaceSource {
        name: "LiberationSerif-Bold",
        data: include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    },
    FaceSource {
        name: "LiberationSerif-Italic",
        data: include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    },
    FaceSource {
        name: "LiberationSerif-BoldItalic",
        data: include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
    },
    FaceSource {
        name: "DejaVuSerif",
        data: include_bytes!("../../fonts/DejaVuSerif.ttf"),
    },
    FaceSource {
        name: "DejaVuSerif-Bold",
        data: include_bytes!("../../fonts/DejaVuSerif-Bold.ttf"),
    },
    FaceSource {
        name: "DejaVuSerif-Italic",
        data: include_bytes!("../../fonts/DejaVuSerif-Italic.ttf"),
    },
    FaceSource {
        name: "DejaVuSerif-BoldItalic",
        data: include_bytes!("../../fonts/DejaVuSerif-BoldItalic.ttf"),
    },
];

/// Characters whose coverage a face remembers: Latin and Cyrillic, with
/// the Kazakh letters (U+0000..U+052F).
const REMEMBERED: usize = 0x0530;

/// One parsed face with the metrics layout needs.
pub struct Face {
    pub name: &'static str,
    pub data: &'static [u8],
    pub font: harfrust::Font,
    pub units_per_em: f32,
    /// Ascender and descender (positive down) in em.
    pub ascender: f32,
    pub descender: f32,
    /// Made on first use: a letter shapes in two or three of the sixteen
    /// face and script pairs, and a plan costs a twentieth of a millisecond.
    plan_cyrillic: OnceLock<ShapePlan>,
    plan_latin: OnceLock<ShapePlan>,
    /// Whether the face has each character below [`REMEMBERED`], once
    /// looked up: 0 not yet, 1 no, 2 yes. Every character of a letter is
    /// looked up at least twice (the check, the shaping); the cmap search
    /// was a twentieth of a letter's time.
    coverage: [AtomicU8; REMEMBERED],
    /// A zero-width glyph that nothing else draws (the font's U+200B): it
    /// carries the copy text of a word broken without an added hyphen.
    pub carrier: Option<u16>,
    /// The size this face is drawn at, relative to the text's: 1 for the
    /// primary faces; for a fallback face, what brings its capitals to the
    /// height of the primary face's (DejaVu Serif's stand 11% taller than
    /// Liberation Serif's, and a ₸ drawn at the text's size looked bold and
    /// large). Scaled at the baseline, the glyph stays aligned with the text.
    pub scale: f32,
}

impl Face {
    fn load(src: &FaceSource) -> Face {
        // The fonts are our own files compiled in: failing to parse them is a
        // build defect, caught by every test.
        let font = harfrust::Font::new(src.data, 0).expect("shipped font parses");
        let upem = f32::from(font.units_per_em());
        let line = font.metrics().hhea_line.unwrap_or_default();
        Face {
            name: src.name,
            data: src.data,
            ascender: line.ascender.to_f32() / upem,
            descender: -line.descender.to_f32() / upem,
            units_per_em: upem,
            carrier: font
                .charmap()
                .map_unicode(0x200B_u32)
                .map(|g| g.to_u32() as u16),
            font,
            plan_cyrillic: OnceLock::new(),
            plan_latin: OnceLock::new(),
            coverage: std::array::from_fn(|_| AtomicU8::new(0)),
            scale: 1.0,
        }
    }

    /// The height of the capital H in em: the face's cap height as drawn.
    pub fn cap_height(&self) -> f32 {
        ttf_parser::Face::parse(self.data, 0)
            .ok()
            .and_then(|f| {
                f.glyph_index('H')
                    .and_then(|g| f.glyph_bounding_box(g))
                    .map(|b| f32::from(b.y_max) / f32::from(f.units_per_em()))
            })
            .unwrap_or(0.0)
    }

    pub fn has_char(&self, c: char) -> bool {
        let Some(known) = self.coverage.get(c as usize) else {
            return self.font.charmap().map_unicode(c as u32).is_some();
        };
        // Relaxed is enough: every thread would store the same answer.
        match known.load(Ordering::Relaxed) {
            1 => false,
            2 => true,
            _ => {
                let has = self.font.charmap().map_unicode(c as u32).is_some();
                known.store(if has { 2 } else { 1 }, Ordering::Relaxed);
                has
            }
        }
    }

    pub fn plan(&self, script: Script) -> &ShapePlan {
        let (plan, script) = if script == Script::LATIN {
            (&self.plan_latin, Script::LATIN)
        } else {
            (&self.plan_cyrillic, Script::CYRILLIC)
        };
        plan.get_or_init(|| {
            ShapePlan::new(&self.font, Direction::LeftToRight, Some(script), None, &[])
        })
    }
}

pub struct FontSet {
    pub faces: Vec<Face>,
}

/// The shipped font files (name, bytes), in face order. The batch cache key
/// hashes them, so that a changed font re-renders every letter.
pub fn font_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    SOURCES.iter().map(|s| (s.name, s.data))
}

/// The process-wide font set: parsed on first use, shared by every letter.
pub fn fonts() -> &'static FontSet {
    static FONTS: std::sync::OnceLock<FontSet> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| {
        let mut faces: Vec<Face> = SOURCES.iter().map(Face::load).collect();
        // Each fallback face (the second half) is scaled to the cap height of
        // the primary face of its style.
        let primaries = faces.len() / 2;
        for i in primaries..faces.len() {
            let (cap, own) = (faces[i - primaries].cap_height(), faces[i].cap_height());
            if cap > 0.0 && own > 0.0 {
                faces[i].scale = cap / own;
            }
        }
        FontSet { faces }
    })
}

impl FontSet {
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0 as usize]
    }

    pub fn primary(style: Style) -> FaceId {
        FaceId(u8::from(style.bold) + 2 * u8::from(style.italic))
    }

    pub fn fallback(style: Style) -> FaceId {
        FaceId(4 + FontSet::primary(style).0)
    }

    /// The face that draws `c` in `style`: the primary face if it has the
    /// glyph, else the fallback, else `None` (the letter is refused).
    pub fn face_for(&self, c: char, style: Style) -> Option<FaceId> {
        let primary = FontSet::primary(style);
        if self.face(primary).has_char(c) || is_invisible(c) {
            return Some(primary);
        }
        let fallback = FontSet::fallback(style);
        self.face(fallback).has_char(c).then_some(fallback)
    }

    /// Whether some shipped face can draw `c`.
    pub fn covers(&self, c: char) -> bool {
        self.face_for(c, Style::default()).is_some()
    }
}

/// Characters that are layout, not glyphs: they never need a font.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
    )
}

/// Handles to the krilla fonts of the set, created once per thread.
///
/// Not once per process: krilla clones its font handle (an `Arc`) several
/// times for every glyph it writes, and when two threads count references on
/// one `Arc` its cache line bounces between the cores. perf put about a
/// quarter of a two-core batch's time in krilla's glyph functions, and 1,000
/// letters took 3.7 ms of CPU a letter on two threads against 2.8 ms on one.
/// With a handle of its own, each thread counts on its own cache line; the
/// font bytes stay shared.
pub fn krilla_fonts() -> Rc<[krilla::text::Font]> {
    thread_local! {
        static KRILLA: Rc<[krilla::text::Font]> = SOURCES
            .iter()
            .map(|s| {
                let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(s.data);
                krilla::text::Font::new(data.into(), 0).expect("shipped font loads in krilla")
            })
            .collect();
    }
    KRILLA.with(Rc::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn krilla_fonts_load_once_per_thread_and_each_thread_has_its_own() {
        let here = krilla_fonts();
        assert_eq!(here.len(), SOURCES.len());
        // A second letter on this thread reuses the handles...
        assert!(Rc::ptr_eq(&here, &krilla_fonts()));
        // ...and another thread makes its own, so that the two never count
        // references on one `Arc` (see `krilla_fonts`).
        let address = |fonts: &Rc<[krilla::text::Font]>| fonts.as_ptr() as usize;
        let there = std::thread::spawn(move || address(&krilla_fonts()))
            .join()
            .unwrap();
        assert_ne!(address(&here), there);
        // The handles are the same fonts (krilla compares fonts by content,
        // so the PDFs they write are the same).
        let other = std::thread::spawn(|| krilla_fonts().to_vec())
            .join()
            .unwrap();
        assert_eq!(&*here, &other[..]);
    }

    #[test]
    fn tenge_falls_back_to_dejavu_and_cjk_is_not_covered() {
        let f = fonts();
        assert_eq!(f.face_for('а', Style::default()), Some(FaceId(0)));
        assert_eq!(f.face_for('ә', Style::default()), Some(FaceId(0)));
        assert_eq!(f.face_for('₸', Style::default()), Some(FaceId(4)));
        assert_eq!(
            f.face_for(
                '₸',
                Style {
                    bold: true,
                    italic: false
                }
            ),
            Some(FaceId(5))
        );
        assert!(!f.covers('中'));
        assert!(!f.covers('😀'));
    }

    #[test]
    fn fallback_faces_are_scaled_to_the_primary_cap_height() {
        let f = fonts();
        for style in 0..4 {
            let (primary, fallback) = (f.face(FaceId(style)), f.face(FaceId(style + 4)));
            assert_eq!(primary.scale, 1.0);
            // DejaVu's capitals are about 11% taller than Liberation's.
            assert!((0.85..0.95).contains(&fallback.scale), "{}", fallback.scale);
            let drawn = fallback.cap_height() * fallback.scale;
            assert!((drawn - primary.cap_height()).abs() < 1e-4, "{drawn}");
        }
    }

    #[test]
    fn metrics_are_times_like() {
        let f = fonts().face(FaceId(0));
        assert!((f.ascender - 0.891).abs() < 0.01, "{}", f.ascender);
        assert!((f.descender - 0.216).abs() < 0.01, "{}", f.descender);
    }
}
