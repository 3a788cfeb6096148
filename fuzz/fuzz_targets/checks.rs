//! What each fuzz target asserts about one input. Shared by the cargo-fuzz
//! targets and by `tests/suite/fuzz_corpus.rs`, which replays the kept corpus on
//! stable Rust.

// Each target uses one of these.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;
use zhauap::letter::{self, Source};
use zhauap::{Engine, Options};

/// The letter parser on arbitrary bytes: a letter, or a refusal that says
/// something and renders without panicking.
pub fn letter_parse(data: &[u8]) {
    let Ok(source) = Source::from_bytes(Path::new("fuzz.yaml"), data.to_vec()) else {
        return;
    };
    if let Err(e) = letter::parse(&source) {
        assert!(!e.diagnostics.is_empty());
        let _ = e.render(false);
    }
}

/// The letter-markup parser (what a template produces) on arbitrary text.
pub fn markup_parse(data: &[u8]) {
    let Ok(markup) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = zhauap::document::parse(markup, Path::new("fuzz.tera"), zhauap::lang::Lang::Ru)
    {
        assert!(!e.diagnostics.is_empty());
        let _ = e.render(false);
    }
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(None).expect("built-in templates load"))
}

/// The whole pipeline on arbitrary bytes: parse → compose → typeset → PDF,
/// and the HTML preview of the same pages.
pub fn render(data: &[u8]) {
    let Ok(source) = Source::from_bytes(Path::new("fuzz.yaml"), data.to_vec()) else {
        return;
    };
    match engine().render_source(source, &Options::default()) {
        Ok(rendered) => {
            assert!(rendered.bytes.starts_with(b"%PDF-"));
            assert!(!rendered.pages.pages.is_empty());
            assert_inside_text_area(&rendered.pages);
            let _ = zhauap::output::html::write(&rendered.pages);
        }
        Err(e) => {
            assert!(!e.diagnostics.is_empty());
            // A letter may be refused, but the writer failing on a letter
            // that passed every check is a fault of ours.
            let text = e.render(false);
            assert!(!text.contains("fault of zhauap"), "{text}");
        }
    }
}

/// Layout never loses text (issue 19): every drawn glyph of the letter's
/// own text starts and ends between the left and right margins, and stands
/// between the top and bottom margins. Page numbers are furniture above the
/// top margin by design. Half a point of slack covers rounding, as
/// tests/suite/text_area.rs allows when it reads the PDF back.
fn assert_inside_text_area(pages: &zhauap::typeset::page::Pages) {
    use zhauap::typeset::page::PAGE_HEIGHT;
    use zhauap::typeset::page::PAGE_WIDTH;
    let rules = zhauap::typeset::rules::Rules::default();
    let (left, right) = (
        rules.margin_left - 0.5,
        PAGE_WIDTH - rules.margin_right + 0.5,
    );
    let (top, bottom) = (
        rules.margin_top - 0.5,
        PAGE_HEIGHT - rules.margin_bottom + 0.5,
    );
    for (number, page) in pages.pages.iter().enumerate() {
        for run in page.runs.iter().filter(|r| !r.block.is_page_number()) {
            for (pen, glyph) in run.pens() {
                let drawn = run.text.get(glyph.text.clone()).unwrap_or("");
                let start = pen + glyph.drawn_x_offset(run.scale);
                let advance = glyph.drawn_advance(run.scale);
                if drawn.trim().is_empty() || advance <= 0.0 {
                    continue;
                }
                assert!(
                    start >= left && start + advance <= right,
                    "page {}: «{drawn}» at x {start:.1}..{:.1} leaves the text area",
                    number + 1,
                    start + advance
                );
                assert!(
                    run.baseline >= top && run.baseline <= bottom,
                    "page {}: «{drawn}» on baseline {:.1} leaves the text area",
                    number + 1,
                    run.baseline
                );
            }
        }
    }
}

/// The emblem path on arbitrary bytes, as a PNG or an SVG file would reach
/// it: refused with a message, or decoded within the limits. An accepted
/// emblem is then drawn into a PDF, where krilla decodes every picture and
/// resvg draws every filter: that must neither fail nor blow up (the
/// fuzzer's -rss_limit_mb and -timeout catch the latter).
pub fn emblem(data: &[u8]) {
    match zhauap::typeset::image::decode(data.to_vec()) {
        Ok(emblem) => {
            assert!(emblem.width > 0.0 && emblem.height > 0.0);
            let letter = "lang: ru\nletterhead:\n  ru: РЕСПУБЛИКА КАЗАХСТАН\n  emblem: emblem.bin\n\
                          inquiry:\n  number: ДЗ-1\n  date: 2020-04-22\naddressee: А\n\
                          salutation: Б\nbody: [В]\nsignature:\n  name: Г\n";
            let dir =
                std::env::temp_dir().join(format!("zhauap-fuzz-emblem-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("emblem.bin"), data).unwrap();
            let source =
                Source::from_bytes(&dir.join("letter.yaml"), letter.as_bytes().to_vec()).unwrap();
            if let Err(e) = engine().render_source(source, &Options::default()) {
                let text = e.render(false);
                assert!(!text.contains("fault of zhauap"), "{text}");
            }
        }
        Err(why) => assert!(!why.is_empty()),
    }
}

/// A template on arbitrary text, rendered for a fixed letter: loads or is
/// refused with a message, and composes within the template budget.
pub fn template(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let letter = "lang: ru\ninquiry:\n  number: ДЗ-1\n  date: 2020-04-22\naddressee: А\n\
                  salutation: Б\nbody: [В, Г]\nsignature:\n  name: Д\n";
    let files = vec![("deputy-reply/ru.tera".to_owned(), text.to_owned())];
    let Ok(templates) = zhauap::compose::Templates::from_sources(files) else {
        return;
    };
    let source = Source::from_bytes(Path::new("fuzz.yaml"), letter.as_bytes().to_vec()).unwrap();
    let parsed = letter::parse(&source).unwrap();
    if let Err(e) = templates.compose(&parsed, &source) {
        assert!(!e.diagnostics.is_empty());
        let _ = e.render(false);
    }
}
