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
