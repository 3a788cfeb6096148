//! Templates that try to run on, grow without end or read outside their
//! folder (issue 19, item 7).

use std::path::Path;
use std::time::Duration;

use super::*;
use crate::letter::Source;

fn letter() -> (Source, Letter) {
    let text = "lang: ru\ninquiry:\n  number: ДЗ-1\n  date: 2020-04-22\naddressee: А\n\
                salutation: Б\nbody: [В, Г]\nsignature:\n  name: Д\n";
    let source = Source::from_bytes(Path::new("a.yaml"), text.as_bytes().to_vec()).unwrap();
    let letter = crate::letter::parse(&source).unwrap();
    (source, letter)
}

fn compose(template: &str) -> Result<String> {
    let templates =
        Templates::from_sources(vec![("deputy-reply/ru.tera".into(), template.into())])?;
    let (source, letter) = letter();
    templates.compose(&letter, &source)
}

#[test]
fn nested_loops_stop_at_the_output_budget() {
    let started = std::time::Instant::now();
    let e = compose(
        "{% for a in range(end=100000) %}{% for b in range(end=100000) %}[paragraph] {{ body[0] }}\n{% endfor %}{% endfor %}",
    )
    .unwrap_err()
    .render(false);
    assert!(e.contains("the template wrote more than 20 MiB"), "{e}");
    assert!(e.contains("help: look for a loop"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_spent_time_budget_stops_the_template_with_the_letter_named() {
    let _budget = crate::budget::Budget::start(Duration::ZERO);
    let e = compose("{% for a in range(end=10) %}{{ body[0] }}{% endfor %}")
        .unwrap_err()
        .render(false);
    assert!(
        e.starts_with(
            "<built-in>/deputy-reply/ru.tera:1:13: error: the template was still running for a.yaml"
        ),
        "{e}"
    );
}

#[test]
fn nested_loops_printing_nothing_stop_at_the_time_budget_at_their_range() {
    // 10^5 × 10^5 turns print nothing: only the budget, checked at each
    // call of the inner `range`, stops them.
    let _budget = crate::budget::Budget::start(Duration::from_millis(300));
    let started = std::time::Instant::now();
    let e = compose(
        "{{ body[0] }}\n\n{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% endfor %}{% endfor %}",
    )
    .unwrap_err()
    .render(false);
    assert!(started.elapsed() < Duration::from_secs(10), "{e}");
    assert!(e.starts_with("<built-in>/deputy-reply/ru.tera:3:"), "{e}");
    assert!(
        e.contains("the template was still running for a.yaml"),
        "{e}"
    );
    assert!(e.contains("help: look for a loop"), "{e}");
}

#[test]
fn range_counts_as_tera_does() {
    let out = compose(
        "{% for i in range(end=3) %}{{ i }}{% endfor %}|{% for i in range(start=5, end=0, step_by=-2) %}{{ i }}{% endfor %}|{% for i in range(start=1, end=1) %}x{% endfor %}",
    )
    .unwrap();
    assert_eq!(out, "012|531|");
    let e = compose("{% for i in range(end=100001) %}{% endfor %}")
        .unwrap_err()
        .render(false);
    assert!(e.contains("exceeds the limit of 100000"), "{e}");
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhauap-compose-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("deputy-reply")).unwrap();
    for (n, c) in BUILTIN {
        std::fs::write(dir.join(n), c).unwrap();
    }
    dir
}

#[test]
fn links_leaving_the_folder_and_link_cycles_are_refused() {
    let dir = scratch("links");
    std::os::unix::fs::symlink("/etc/passwd", dir.join("deputy-reply/passwd.tera")).unwrap();
    let e = Templates::from_dir(&dir).err().unwrap().render(false);
    assert!(
        e.contains(
            "passwd.tera: error: this symbolic link in the templates folder points outside it"
        ),
        "{e}"
    );
    assert!(!e.contains("root:"), "{e}");
    std::fs::remove_file(dir.join("deputy-reply/passwd.tera")).unwrap();
    // Two links to each other's folders: refused, not walked for ever.
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::os::unix::fs::symlink(dir.join("b"), dir.join("a/to-b")).unwrap();
    std::os::unix::fs::symlink(dir.join("a"), dir.join("b/to-a")).unwrap();
    let e = Templates::from_dir(&dir).err().unwrap().render(false);
    assert!(e.contains("this folder is inside itself"), "{e}");
    std::fs::remove_dir_all(dir.join("a")).unwrap();
    std::fs::remove_dir_all(dir.join("b")).unwrap();
    // A link that stays inside is followed.
    std::fs::create_dir_all(dir.join("shared")).unwrap();
    std::fs::write(dir.join("shared/sign.tera"), "Д").unwrap();
    std::os::unix::fs::symlink(dir.join("shared"), dir.join("z-alias")).unwrap();
    if let Err(e) = Templates::from_dir(&dir) {
        panic!("{}", e.render(false));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
