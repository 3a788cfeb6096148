//! The messages of output, emblem, batch and CLI in the three languages of
//! `--ui-lang`: the same places, the clerk's language, and English kept as
//! it was.

use std::path::Path;

use super::batch::{letter, with_emblem, write, zhauap};

/// Runs zhauap in `dir` with `--ui-lang lang`; exit code and stderr.
fn run(dir: &Path, lang: &str, args: &[&str]) -> (i32, String) {
    let out = zhauap(dir)
        .args(["--ui-lang", lang])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_missing_emblem_is_said_in_each_language_at_the_same_place() {
    let t = tempfile::tempdir().unwrap();
    let at = letter_with_emblem(t.path(), "missing.svg");
    for (lang, message, help) in [
        (
            "en",
            "letterhead.emblem: the emblem file does not exist",
            "give the path of a PNG or SVG file, relative to the letter",
        ),
        (
            "ru",
            "letterhead.emblem: файла эмблемы нет",
            "укажите путь к файлу PNG или SVG относительно письма",
        ),
        (
            "kk",
            "letterhead.emblem: елтаңба файлы жоқ",
            "хатқа қатысты PNG немесе SVG файлының жолын көрсетіңіз",
        ),
    ] {
        let err = refused(t.path(), lang, &at);
        assert!(
            err.lines().next().unwrap().contains(message),
            "{lang}: {err}"
        );
        assert!(err.contains(help), "{lang}: {err}");
    }
}

/// Writes `a.yaml` in `dir` with `emblem` as its emblem; returns the
/// emblem field's place (`a.yaml:LINE:`).
fn letter_with_emblem(dir: &Path, emblem: &str) -> String {
    let text = with_emblem(&letter(1), emblem);
    write(&dir.join("a.yaml"), &text);
    let line = text.lines().position(|l| l.contains(emblem)).unwrap() + 1;
    format!("a.yaml:{line}:")
}

/// Renders `a.yaml` in `dir` with `--ui-lang lang`: refused, nothing
/// written, the first line at `at`; returns the messages.
fn refused(dir: &Path, lang: &str, at: &str) -> String {
    let (code, err) = run(dir, lang, &["render", "a.yaml"]);
    assert_eq!(code, 1, "{err}");
    let first = err.lines().next().unwrap();
    assert!(first.starts_with(at), "{lang}: {first}");
    assert!(!dir.join("a.pdf").exists());
    err
}

#[test]
fn render_check_and_batch_report_in_the_clerks_language() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("in/a.yaml"), &letter(1));
    let cases = [
        (
            "en",
            "wrote a.pdf (2 pages)",
            "in/a.yaml: ok",
            "1 letter: 1 rendered",
        ),
        (
            "ru",
            "записано: a.pdf (2 страницы)",
            "in/a.yaml: в порядке",
            "1 письмо: сверстано 1",
        ),
        (
            "kk",
            "жазылды: a.pdf (2 бет)",
            "in/a.yaml: дұрыс",
            "1 хат: беттелгені 1",
        ),
    ];
    for (lang, wrote, ok, summary) in cases {
        let (code, err) = run(t.path(), lang, &["render", "in/a.yaml", "-o", "a.pdf"]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains(wrote), "{lang}: {err}");
        let (code, err) = run(t.path(), lang, &["check", "in"]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains(ok), "{lang}: {err}");
        let out = format!("out-{lang}");
        let (code, err) = run(t.path(), lang, &["batch", "in", "-o", &out]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains(summary), "{lang}: {err}");
    }
}

#[test]
fn batch_input_problems_are_in_the_clerks_language() {
    let t = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(t.path().join("empty")).unwrap();
    for (lang, message) in [
        ("en", "no letters (*.yaml or *.yml files) here"),
        ("ru", "здесь нет писем (файлов *.yaml или *.yml)"),
        ("kk", "мұнда хат жоқ (*.yaml немесе *.yml файлдары)"),
    ] {
        let (code, err) = run(t.path(), lang, &["batch", "empty", "-o", "out"]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(message), "{lang}: {err}");
    }
}

/// Text in an emblem SVG would vanish from the letter (usvg lays out no
/// text here): refused at the emblem field, saying how to fix the drawing.
#[test]
fn text_in_an_emblem_svg_is_refused_in_each_language_at_the_emblem_field() {
    let t = tempfile::tempdir().unwrap();
    write(
        &t.path().join("arms.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="9" cy="9" r="8"/><text x="2" y="12">ГЕРБ</text></svg>"#,
    );
    let at = letter_with_emblem(t.path(), "arms.svg");
    for (lang, message) in [
        ("en", "convert the text to outlines (paths)"),
        (
            "ru",
            "в SVG эмблемы есть текст, а он не будет нарисован; в графическом редакторе преобразуйте текст в кривые (контуры)",
        ),
        (
            "kk",
            "елтаңбаның SVG файлында мәтін бар, ол салынбайды; графикалық редакторда мәтінді қисықтарға (контурларға) түрлендіріп",
        ),
    ] {
        let err = refused(t.path(), lang, &at);
        assert!(
            err.lines().next().unwrap().contains(message),
            "{lang}: {err}"
        );
    }
}
