//! The cost of each stage on the reference letter, in a warm process (fonts
//! parsed, shaping cache filled): what every letter after the first costs in
//! a batch. The cold process is timed by `benches/bench.sh`.
//!
//! Times are the thread's CPU time, not the wall clock: the project's
//! machines are shared, and another process's load must not count as ours.
//! On an idle machine the two agree (each stage is single-threaded).
//!
//! cargo bench --bench stages

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use zhauap::letter::{self, Source};
use zhauap::output::{html, pdf};
use zhauap::{Engine, Options, document, typeset, typography};

fn reference() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/dz-83-reply.yaml")
}

fn stages(c: &mut Criterion<ThreadCpu>) {
    // As a batch worker does: it renders letter after letter.
    zhauap::process::keep_freed_memory();
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
    let mut doc = document::parse(&markup, origin, letter.lang).expect("markup parses");
    typography::apply_to_document(&mut doc, letter.lang);
    let files = zhauap::resolve::read(&doc, path.parent().expect("has a folder"))
        .expect("the emblem reads");
    let resources = zhauap::resolve::decode(&files).expect("the emblem decodes");
    let rules = typeset::Rules::default();
    let pages = typeset::typeset(&doc, &resources, &rules).expect("typesets");

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
            let mut doc = document::parse(&markup, origin, letter.lang).unwrap();
            typography::apply_to_document(&mut doc, letter.lang);
            doc
        })
    });
    g.bench_function("typeset (shape, hyphenate, break, pages)", |b| {
        b.iter(|| typeset::typeset(black_box(&doc), &resources, &rules).unwrap())
    });
    g.bench_function("PDF write (krilla, subset, compress)", |b| {
        b.iter(|| pdf::write(black_box(&pages)).unwrap())
    });
    g.bench_function("HTML write", |b| b.iter(|| html::write(black_box(&pages))));
    g.throughput(Throughput::Elements(1));
    g.bench_function("whole letter (Engine::render, PDF)", |b| {
        b.iter(|| {
            engine
                .render(black_box(&path), &Options::default())
                .unwrap()
        })
    });
    g.finish();
}

/// CPU time of the calling thread.
struct ThreadCpu;

fn thread_cpu_now() -> Duration {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: clock_gettime writes one timespec through a valid pointer.
        let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
        assert!(ok, "the thread CPU clock is readable");
        Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        // Elsewhere, the wall clock since the first call.
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed()
    }
}

impl Measurement for ThreadCpu {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        thread_cpu_now()
    }
    fn end(&self, start: Duration) -> Duration {
        thread_cpu_now().saturating_sub(start)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, v: &Duration) -> f64 {
        v.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Nanoseconds shown as ns, µs or ms of CPU time.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns cpu")
        } else if typical < 1e6 {
            (1e-3, "µs cpu")
        } else {
            (1e-6, "ms cpu")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let per = match t {
            Throughput::Elements(n) | Throughput::Bytes(n) | Throughput::BytesDecimal(n) => {
                *n as f64
            }
            _ => 1.0,
        };
        values.iter_mut().for_each(|v| *v = per * 1e9 / *v);
        "letters/cpu-s"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = stages
}
criterion_main!(benches);
