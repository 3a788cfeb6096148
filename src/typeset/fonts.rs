//! The fonts: Liberation Serif (metric-compatible with Times New Roman, as
//! the rules ask) in four faces, and DejaVu Serif as a glyph-by-glyph
//! fallback for what Liberation lacks, such as the tenge sign ₸.
//!
//! Both families are compiled into the binary and each face is parsed on
//! its first use in the process; the PDF writer's handles to them are made
//! once per thread, also on first use ([`krilla_fonts`]). The fallback faces
//! are compiled in deflated and inflated on first use: most letters never
//! need them, and deflated they take 0.8 MB of the binary instead of 1.43 MB
//! (issue 20: a binary under 16 MB).

use std::cell::OnceCell;
use std::io::Read;
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
    bytes: Bytes,
}

/// How a face's file is compiled in.
enum Bytes {
    /// As it is: the primary faces, which nearly every letter draws with.
    Plain(&'static [u8]),
    /// Deflated (a zlib stream, `fonts/*.ttf.zz`, made by `fonts/pack.py`
    /// and checked against the `.ttf` by a test): the fallback faces.
    Deflated(&'static [u8]),
}

/// The number of faces: four primary, four fallback.
pub const FACES: usize = 8;

/// Primary faces first (regular, bold, italic, bold italic), then the
/// fallback faces in the same order.
static SOURCES: [FaceSource; FACES] = [
    FaceSource {
        name: "LiberationSerif-Regular",
        bytes: Bytes::Plain(include_bytes!("../../fonts/LiberationSerif-Regular.ttf")),
    },
    FaceSource {
        name: "LiberationSerif-Bold",
        bytes: Bytes::Plain(include_bytes!("../../fonts/LiberationSerif-Bold.ttf")),
    },
    FaceSource {
        name: "LiberationSerif-Italic",
        bytes: Bytes::Plain(include_bytes!("../../fonts/LiberationSerif-Italic.ttf")),
    },
    FaceSource {
        name: "LiberationSerif-BoldItalic",
        bytes: Bytes::Plain(include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf")),
    },
    FaceSource {
        name: "DejaVuSerif",
        bytes: Bytes::Deflated(include_bytes!("../../fonts/DejaVuSerif.ttf.zz")),
    },
    FaceSource {
        name: "DejaVuSerif-Bold",
        bytes: Bytes::Deflated(include_bytes!("../../fonts/DejaVuSerif-Bold.ttf.zz")),
    },
    FaceSource {
        name: "DejaVuSerif-Italic",
        bytes: Bytes::Deflated(include_bytes!("../../fonts/DejaVuSerif-Italic.ttf.zz")),
    },
    FaceSource {
        name: "DejaVuSerif-BoldItalic",
        bytes: Bytes::Deflated(include_bytes!("../../fonts/DejaVuSerif-BoldItalic.ttf.zz")),
    },
];

/// The font file of face `index`, inflated on first use if it is deflated.
fn face_bytes(index: usize) -> &'static [u8] {
    static INFLATED: [OnceLock<Box<[u8]>>; FACES] = [const { OnceLock::new() }; FACES];
    match SOURCES[index].bytes {
        Bytes::Plain(data) => data,
        Bytes::Deflated(packed) => INFLATED[index].get_or_init(|| {
            let mut data = Vec::new();
            // Our own file compiled in: failing to inflate it is a build
            // defect, caught by every test that draws a fallback glyph.
            flate2::read::ZlibDecoder::new(packed)
                .read_to_end(&mut data)
                .expect("shipped font inflates");
            data.into_boxed_slice()
        }),
    }
}

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
    fn load(index: usize) -> Face {
        let data = face_bytes(index);
        // The fonts are our own files compiled in: failing to parse them is a
        // build defect, caught by every test.
        let font = harfrust::Font::new(data, 0).expect("shipped font parses");
        let upem = f32::from(font.units_per_em());
        let line = font.metrics().hhea_line.unwrap_or_default();
        Face {
            name: SOURCES[index].name,
            data,
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

    /// The glyph the face's character map gives `c`: what a browser draws
    /// for it before shaping.
    pub fn nominal_glyph(&self, c: char) -> Option<u16> {
        self.font
            .charmap()
            .map_unicode(c as u32)
            .map(|g| g.to_u32() as u16)
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

/// The faces, each parsed on first use: a letter in one style with no
/// fallback glyph parses one face of the eight.
pub struct FontSet {
    faces: [OnceLock<Face>; FACES],
}

/// The shipped font files (name, bytes as compiled in: the fallback faces
/// deflated), in face order. The batch cache key hashes them, so that a
/// changed font re-renders every letter.
pub fn font_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    SOURCES.iter().map(|s| match s.bytes {
        Bytes::Plain(data) | Bytes::Deflated(data) => (s.name, data),
    })
}

/// The process-wide font set, shared by every letter.
pub fn fonts() -> &'static FontSet {
    static FONTS: FontSet = FontSet {
        faces: [const { OnceLock::new() }; FACES],
    };
    &FONTS
}

impl FontSet {
    pub fn face(&self, id: FaceId) -> &Face {
        let index = usize::from(id.0);
        self.faces[index].get_or_init(|| {
            let mut face = Face::load(index);
            // A fallback face (the second half) is scaled to the cap height
            // of the primary face of its style.
            if let Some(primary) = index.checked_sub(FACES / 2) {
                let (cap, own) = (
                    self.face(FaceId(primary as u8)).cap_height(),
                    face.cap_height(),
                );
                if cap > 0.0 && own > 0.0 {
                    face.scale = cap / own;
                }
            }
            face
        })
    }

    pub fn primary(style: Style) -> FaceId {
        FaceId(u8::from(style.bold) + 2 * u8::from(style.italic))
    }

    pub fn fallback(style: Style) -> FaceId {
        FaceId(4 + FontSet::primary(style).0)
    }

    /// The face that draws `c` in `style`: the primary face if it has the
    /// glyph, else the fallback; else, for a bold or italic style, the face
    /// that draws it upright and regular; else `None` (the letter is
    /// refused). DejaVu Serif's mathematical letters (𝔸) have no bold or
    /// italic: printed in the one shape there is, they print as written,
    /// where `check` (which asks [`FontSet::covers`]) found them printable.
    pub fn face_for(&self, c: char, style: Style) -> Option<FaceId> {
        let primary = FontSet::primary(style);
        if self.face(primary).has_char(c) || is_invisible(c) {
            return Some(primary);
        }
        let fallback = FontSet::fallback(style);
        if self.face(fallback).has_char(c) {
            return Some(fallback);
        }
        if style == Style::default() {
            return None;
        }
        self.face_for(c, Style::default())
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
pub fn krilla_fonts() -> Rc<KrillaFonts> {
    thread_local! {
        static KRILLA: Rc<KrillaFonts> = Rc::new(KrillaFonts {
            fonts: [const { OnceCell::new() }; FACES],
        });
    }
    KRILLA.with(Rc::clone)
}

/// One thread's krilla handles, each made when a letter first draws with
/// its face (making one parses the font's tables).
pub struct KrillaFonts {
    fonts: [OnceCell<krilla::text::Font>; FACES],
}

impl KrillaFonts {
    pub fn get(&self, id: FaceId) -> &krilla::text::Font {
        let index = usize::from(id.0);
        self.fonts[index].get_or_init(|| {
            let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(face_bytes(index));
            krilla::text::Font::new(data.into(), 0).expect("shipped font loads in krilla")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn krilla_fonts_load_once_per_thread_and_each_thread_has_its_own() {
        let here = krilla_fonts();
        // A second letter on this thread reuses the handles...
        assert!(Rc::ptr_eq(&here, &krilla_fonts()));
        assert!(std::ptr::eq(
            here.get(FaceId(0)),
            krilla_fonts().get(FaceId(0))
        ));
        // ...and another thread makes its own, so that the two never count
        // references on one `Arc` (see `krilla_fonts`).
        let address = |fonts: &KrillaFonts| fonts.get(FaceId(0)) as *const _ as usize;
        let there = std::thread::spawn(move || address(&krilla_fonts()))
            .join()
            .unwrap();
        assert_ne!(address(&here), there);
        // The handles are the same fonts (krilla compares fonts by content,
        // so the PDFs they write are the same).
        let all = |fonts: &KrillaFonts| {
            (0..FACES as u8)
                .map(|i| fonts.get(FaceId(i)).clone())
                .collect::<Vec<_>>()
        };
        let other = std::thread::spawn(move || all(&krilla_fonts()))
            .join()
            .unwrap();
        assert_eq!(all(&here), other);
    }

    #[test]
    fn deflated_faces_inflate_to_the_font_files() {
        let files: [&[u8]; FACES] = [
            include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
            include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
            include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
            include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
            include_bytes!("../../fonts/DejaVuSerif.ttf"),
            include_bytes!("../../fonts/DejaVuSerif-Bold.ttf"),
            include_bytes!("../../fonts/DejaVuSerif-Italic.ttf"),
            include_bytes!("../../fonts/DejaVuSerif-BoldItalic.ttf"),
        ];
        for (index, file) in files.iter().enumerate() {
            assert!(
                face_bytes(index) == *file,
                "{} differs from its file",
                SOURCES[index].name
            );
            assert!(fonts().face(FaceId(index as u8)).data == *file);
        }
        // Compiled in deflated, the fallback faces are much smaller.
        let compiled: usize = font_files().skip(4).map(|(_, data)| data.len()).sum();
        let inflated: usize = files[4..].iter().map(|f| f.len()).sum();
        assert!(compiled * 10 < inflated * 6, "{compiled} of {inflated}");
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
