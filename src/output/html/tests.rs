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
use crate::typeset::shape::shape_in_face;

/// A run as the typesetter sets it: `words` shaped in face 0 at 12 pt,
/// each glyph but a word's last followed by `tracking`, spaces `gap` wide.
fn set_run(words: &[&str], tracking: f32, gap: f32) -> TextRun {
    let size = 12.0;
    let mut run = TextRun {
        face: FaceId(0),
        size,
        scale: 1.0,
        x: 100.0,
        baseline: 200.0,
        glyphs: Vec::new(),
        text: String::new(),
        block: BlockRef {
            kind: BlockKind::Paragraph,
            index: 0,
            role: Role::Text,
        },
        continues_word: false,
    };
    for (wi, word) in words.iter().enumerate() {
        if wi > 0 {
            let space = shape_in_face(fonts(), FaceId(0), " ")[0];
            let at = run.text.len();
            run.text.push(' ');
            run.glyphs.push(Glyph {
                id: space.id,
                advance: space.advance * size,
                tracking: gap - space.advance * size,
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
                advance: g.advance * size,
                tracking: if last { 0.0 } else { tracking },
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
    let p = pieces(&run, false, 1.0);
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(p[0].text, "Казахстан");
    assert!(p[0].space_after && !p[1].space_after);
    assert!((p[0].spacing - 0.12).abs() < 1e-4);
    assert_eq!(p[0].x, 100.0);
    // The second word starts after the first's glyphs and the set gap.
    let first: f32 = run.glyphs[..9].iter().map(|g| g.drawn_advance(1.0)).sum();
    assert!((p[1].x - (100.0 + first + 4.5)).abs() < 1e-3, "{}", p[1].x);
}

#[test]
fn an_expanded_word_is_one_piece_spaced_in_the_flows_units() {
    // A line expanded by 2%: every glyph 2% wider, 0.12 pt letter-spacing
    // inside the word.
    let mut run = set_run(&["Казахстан", "Республикасы"], 0.0, 4.5);
    run.scale = 1.02;
    for g in &mut run.glyphs[..8] {
        g.tracking = 0.12;
    }
    let p = pieces(&run, false, 1.02);
    assert_eq!(p[0].text, "Казахстан");
    // The browser adds the spacing inside the scaled line: 0.12 / 1.02.
    assert!(
        (p[0].spacing - 0.12 / 1.02).abs() < 1e-4,
        "{}",
        p[0].spacing
    );
    // Its glyphs' flow width, scaled, is what the typesetter drew, plus
    // the spacing the browser also adds after the word's last glyph.
    let drawn: f32 = run.glyphs[..9].iter().map(|g| g.drawn_advance(1.02)).sum();
    let space = shape_in_face(fonts(), FaceId(0), " ")[0].advance * 12.0;
    let flow = p[0].width - space - p[0].spacing;
    assert!(
        (flow * 1.02 - (drawn + 0.12)).abs() < 1e-3,
        "{flow} {drawn}"
    );
}

#[test]
fn a_space_that_starts_a_run_is_kept() {
    let mut run = set_run(&["", "сомасы"], 0.0, 3.0);
    run.x = 50.0;
    let p = pieces(&run, false, 1.0);
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
        g.tracking += 0.3;
    }
    let p = pieces(&run, false, 1.0);
    let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Парла", "мента"]);
    assert_eq!(p[0].spacing, 0.0);
    assert!((p[1].spacing - 0.3).abs() < 1e-4);
    let x5 = 100.0
        + run.glyphs[..5]
            .iter()
            .map(|g| g.drawn_advance(1.0))
            .sum::<f32>();
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
        tracking: 0.0,
        x_offset: 0.0,
        y_offset: 0.0,
        text: at..at + 1,
    });
    let mut out = String::new();
    write_run(
        &mut out,
        &run,
        0,
        true,
        &mut LineAt {
            x: run.x,
            baseline: run.baseline,
            scale: 1.0,
        },
    );
    assert!(out.contains(">информа</span>"), "{out}");
    assert!(out.contains(" hy\" style=\"margin-left:"), "{out}");
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
        end: LineEnd::WordEnd,
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

/// Letter-spacing is the model's tracking, read as it is: glyphs whose
/// natural advances are not the shaper's (a shaper's re-run would see other
/// spacing in every gap) still give one piece with the model's spacing.
#[test]
fn letter_spacing_is_the_models_tracking() {
    let mut run = set_run(&["Казахстан", "Республикасы"], 0.0, 4.5);
    for (i, g) in run.glyphs.iter_mut().enumerate() {
        g.advance *= 1.0 + i as f32 / 40.0;
    }
    for g in &mut run.glyphs[..8] {
        g.tracking = 0.25;
    }
    let mut out = String::new();
    let mut at = LineAt {
        x: run.x,
        baseline: run.baseline,
        scale: 1.0,
    };
    write_run(&mut out, &run, 0, false, &mut at);
    assert!(
        out.contains(";letter-spacing:0.2500pt\">Казахстан </span>"),
        "{out}"
    );
    // The second word starts at the model's position: the first word's
    // natural advances and tracking, then the space's.
    let second: f32 = run.pens().nth(10).map(|(x, _)| x).unwrap();
    let p = pieces(&run, false, 1.0);
    assert_eq!(p[1].x, second);
    assert_eq!(p[1].text, "Республикасы");
}

/// The preview draws what the page model says and nothing else: it shapes
/// no text (the browser does), so it needs no shaper.
#[test]
fn the_writer_does_not_shape() {
    for source in [include_str!("../html.rs"), include_str!("webfont.rs")] {
        for shaper in [
            "typeset::shape",
            "shape_in_face",
            "shape_styled",
            "ShapePlan",
        ] {
            assert!(!source.contains(shaper), "the HTML writer uses {shaper}");
        }
    }
    assert!(!include_str!("../html.rs").contains("harfrust"));
}

#[test]
fn escapes_markup() {
    assert_eq!(
        escape("<a href=\"x\">&</a>"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    );
}
