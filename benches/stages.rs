//! The cost of each stage on the reference letter, in a warm process (fonts
//! parsed, shaping cache filled): what every letter after the first costs in
//! a batch. The cold process is timed by `benches/bench.sh`.
//!
//! cargo bench --bench stages

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};

use zhauap::letter::{self, Source};
use zhauap::output::{html, pdf};
use zhauap::{Engine, Options, document, typeset, typography};

fn reference() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/dz-83-reply.yaml")
}

fn stages(c: &mut Criterion) {
    let engine = Engine::new(None).expect("built-in templates load");
    let path = reference();
    let bytes = std::fs::read(&path).expect("reference letter");
    let source = Source::from_bytes(&path, bytes.clone()).expect("reference letter is UTF-8");
    let letter = letter::parse(&source).expect("reference letter is valid");
    let origin = Path::new("<built-in>/deputy-reply/ru.tera");
    let markup = engine
        .templates()
        .compose(&letter, &source)
        .expect("composes");
    let mut doc = document::parse(&markup, origin).expect("markup parses");
    typography::apply_to_document(&mut doc, letter.lang);
    let options = typeset::Options {
        base_dir: path.parent().expect("has a folder").to_path_buf(),
        rules: typeset::Rules::default(),
    };
    let pages = typeset::typeset(&doc, &options).expect("typesets");

    let mut g = c.benchmark_group("reference letter");
    g.bench_function("parse (read YAML, check)", |b| {
        b.iter(|| {
            let s = Source::from_bytes(&path, black_box(bytes.clone())).unwrap();
            letter::parse(&s).unwrap()
        })
    });
    g.bench_function("compose (template, markup, typography)", |b| {
        b.iter(|| {
            let markup = engine
                .templates()
                .compose(black_box(&letter), &source)
                .unwrap();
            let mut doc = document::parse(&markup, origin).unwrap();
            typography::apply_to_document(&mut doc, letter.lang);
            doc
        })
    });
    g.bench_function("typeset (shape, hyphenate, break, pages)", |b| {
        b.iter(|| typeset::typeset(black_box(&doc), &options).unwrap())
    });
    g.bench_function("PDF write (krilla, subset, compress)", |b| {
        b.iter(|| pdf::write(black_box(&pages)).unwrap())
    });
    g.bench_function("HTML write", |b| b.iter(|| html::write(black_box(&pages))));
    g.bench_function("whole letter (Engine::render, PDF)", |b| {
        b.iter(|| {
            engine
                .render(black_box(&path), &Options::default())
                .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
