//! Replays the fuzzers' kept corpus and past findings (`fuzz/corpus`,
//! `fuzz/regressions`) through the same checks as the fuzz targets, on stable
//! Rust and without libFuzzer: a regression shows in `cargo test`.

#[path = "../../fuzz/fuzz_targets/checks.rs"]
mod checks;

use std::path::Path;

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz");

/// The files of a corpus folder (none if the folder is absent).
fn inputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

fn replay(target: &str, check: fn(&[u8])) {
    let mut files = inputs(&Path::new(FUZZ).join("corpus").join(target));
    files.extend(
        inputs(&Path::new(FUZZ).join("regressions"))
            .into_iter()
            .filter(|(name, _)| name.contains(&format!("/{target}-"))),
    );
    assert!(!files.is_empty(), "no corpus for {target}");
    for (name, data) in &files {
        if std::panic::catch_unwind(|| check(data)).is_err() {
            panic!("{target}: {name} fails");
        }
    }
}

#[test]
fn letter_parse_corpus() {
    replay("letter_parse", checks::letter_parse);
}

#[test]
fn markup_parse_corpus() {
    replay("markup_parse", checks::markup_parse);
}

#[test]
fn render_corpus() {
    replay("render", checks::render);
}

#[test]
fn emblem_corpus() {
    replay("emblem", checks::emblem);
}

#[test]
fn template_corpus() {
    replay("template", checks::template);
}
