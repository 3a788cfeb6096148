//! The tenge sign ₸, which Liberation Serif lacks, is borrowed from DejaVu
//! Serif, whose capitals stand about 11% taller: it must be drawn at the
//! height of the text's capitals, on the text's baseline, and still copy
//! out as ₸ (issue 15).

use crate::common::{crate_path, engine, render};

/// The height of `c`'s outline above the baseline in `font` (a file of
/// fonts/), in em: read from the font file itself, not from the library.
fn height_em(font: &str, c: char) -> f32 {
    let path = crate_path(&format!("fonts/{font}.ttf"));
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let face = ttf_parser::Face::parse(&data, 0).expect("a font file");
    let glyph = face
        .glyph_index(c)
        .unwrap_or_else(|| panic!("{font} lacks {c}"));
    let bbox = face.glyph_bounding_box(glyph).expect("an outline");
    f32::from(bbox.y_max) / f32::from(face.units_per_em())
}

#[test]
fn tenge_stands_as_tall_as_the_text_capitals_and_copies_as_tenge() {
    let printed = render(&engine(), "tests/letters/kk-long.yaml");
    let cap = height_em("LiberationSerif-Regular", 'H');
    let tenge = height_em("DejaVuSerif", '₸');
    let mut seen = 0;
    for line in printed.pdf.pages.iter().flat_map(|p| &p.lines) {
        for (i, g) in line.glyphs.iter().enumerate() {
            if g.drawn != "₸" {
                continue;
            }
            seen += 1;
            assert!(g.font.contains("DejaVuSerif"), "₸ set in {}", g.font);
            assert_eq!(g.copy, "₸", "₸ copies as {:?}", g.copy);
            // The text's size: the Liberation glyphs of the same line.
            let text = line
                .glyphs
                .iter()
                .find(|o| o.font.contains("LiberationSerif"))
                .map(|o| o.size)
                .expect("text beside ₸");
            let drawn = tenge * g.size;
            let capitals = cap * text;
            assert!(
                (drawn / capitals - 1.0).abs() <= 0.02,
                "₸ #{i} is {drawn:.2} pt tall, the capitals {capitals:.2} pt"
            );
            // On the text's baseline (scaled at the baseline, not raised).
            assert!((g.baseline - line.glyphs[0].baseline).abs() < 0.01);
        }
    }
    assert!(seen >= 4, "{seen} ₸ drawn");
    // The copied text keeps every ₸ of the letter.
    let copied = printed.pdf.copied_text();
    assert!(copied.contains("12 500 000 000 ₸") || copied.contains("12 500 000 000\u{a0}₸"));
    assert_eq!(copied.matches('₸').count(), seen);
}
