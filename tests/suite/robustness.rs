//! Robustness (issue 7): a letter file either renders or is refused cleanly.
//!
//! Refused cleanly means: exit code 1; a first line `FILE:LINE:COL: error: …`
//! (`FILE: error: …` where the problem has no place in a file); a `help:`
//! saying what to do; no panic; no hang; nothing written and no existing file
//! touched.
//!
//! The committed corpus is `tests/corpus/letters/` with its expectations in
//! `tests/corpus/cases.yaml`; every case runs through the real binary. Letters
//! too big to commit (10 MB, 10,000 paragraphs, pathological words) are made
//! here. The property test at the end feeds random Unicode into every field.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Deserialize;
use zhauap::letter::Source;
use zhauap::typeset::page::LineEnd;
use zhauap::{Engine, Format, Options};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
const TEMPLATES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");

/// No letter may take longer than this, refused or rendered. Generous for a
/// loaded machine: the slowest letter measured takes about 3 s.
const HANG: Duration = Duration::from_secs(60);

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(super) enum Outcome {
    Refused,
    Renders,
    Passes,
}

#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(super) enum Names {
    #[default]
    Letter,
    Output,
    Template,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct TemplateSetup {
    overlay: Option<String>,
    #[serde(default)]
    remove: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Case {
    pub(super) letter: String,
    expect: Outcome,
    message: Option<String>,
    at: Option<String>,
    help: Option<String>,
    #[serde(default)]
    pub(super) names: Names,
    pub(super) output: Option<String>,
    pub(super) templates: Option<TemplateSetup>,
    check: Option<Outcome>,
    never_prints: Option<String>,
    #[serde(default)]
    prints: Vec<String>,
}

pub(super) fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(format!("{CORPUS}/cases.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// What one run of the binary did.
struct Run {
    code: Option<i32>,
    stderr: String,
    stdout: String,
    took: Duration,
}

fn zhauap<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let started = Instant::now();
    let out = crate::common::zhauap()
        .args(args)
        .timeout(HANG)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        took: started.elapsed(),
    }
}

/// Every file and folder below `dir` with its bytes: compared before and
/// after a refused run, it shows that nothing was written or touched.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.insert(path.clone(), None);
                stack.push(path);
            } else {
                out.insert(path.clone(), Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    out
}

/// A folder that cannot be written to, even by root (the tests may run as
/// root, for whom permission bits mean nothing). Tried in order: a folder
/// with mode 0555 (stops everyone but root), the same folder made immutable
/// with `chattr +i` (stops root on ext4 and similar), and `/sys`, a read-only
/// kernel file system. Each is probed by trying to create a file in it.
struct ReadOnly {
    path: PathBuf,
    immutable: bool,
}

impl ReadOnly {
    fn new(parent: &Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        let path = parent.join("read-only");
        std::fs::create_dir(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o555)).unwrap();
        if !writable(&path) {
            return ReadOnly {
                path,
                immutable: false,
            };
        }
        let chattr = std::process::Command::new("chattr")
            .arg("+i")
            .arg(&path)
            .status();
        if chattr.is_ok_and(|s| s.success()) && !writable(&path) {
            return ReadOnly {
                path,
                immutable: true,
            };
        }
        let sys = PathBuf::from("/sys");
        assert!(
            !writable(&sys),
            "found no folder that cannot be written to: neither mode 0555, chattr +i nor /sys"
        );
        ReadOnly {
            path: sys,
            immutable: false,
        }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.path)
                .status();
        }
    }
}

fn writable(dir: &Path) -> bool {
    let probe = dir.join(".zhauap-probe");
    let ok = std::fs::write(&probe, b"x").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

/// A letter set up in a fresh folder, with what a run needs around it.
pub(super) struct Setup {
    pub(super) dir: tempfile::TempDir,
    pub(super) letter: PathBuf,
    pub(super) args: Vec<String>,
    /// The file the run writes, or would write.
    output: PathBuf,
    _read_only: Option<ReadOnly>,
}

pub(super) fn setup(case: &Case) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(format!("{CORPUS}/assets")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let letter = dir.path().join(&case.letter);
    std::fs::copy(format!("{CORPUS}/letters/{}", case.letter), &letter).unwrap();
    let mut args = vec!["render".to_owned(), letter.display().to_string()];
    let mut read_only = None;
    let output = match &case.output {
        Some(o) => {
            let mut o = o
                .replace("{dir}", &dir.path().display().to_string())
                .replace("{letter}", &letter.display().to_string());
            if o.contains("{readonly}") {
                let ro = ReadOnly::new(dir.path());
                o = o.replace("{readonly}", &ro.path.display().to_string());
                read_only = Some(ro);
            }
            args.push("-o".into());
            args.push(o.clone());
            PathBuf::from(o)
        }
        None => letter.with_extension("pdf"),
    };
    if let Some(t) = &case.templates {
        let root = dir.path().join("templates");
        copy_tree(Path::new(TEMPLATES), &root);
        if let Some(overlay) = &t.overlay {
            copy_tree(&Path::new(CORPUS).join("templates").join(overlay), &root);
        }
        for file in &t.remove {
            std::fs::remove_file(root.join(file)).unwrap();
        }
        args.push("--templates".into());
        args.push(root.display().to_string());
    }
    Setup {
        dir,
        letter,
        args,
        output,
        _read_only: read_only,
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// What a refusal must look like.
struct Refusal<'a> {
    /// The file the first line names.
    file: &'a Path,
    message: &'a str,
    at: Option<&'a str>,
    help: Option<&'a str>,
}

fn assert_refused(what: &str, run: &Run, r: &Refusal) {
    let all = format!("{}{}", run.stderr, run.stdout);
    assert!(
        run.took < HANG,
        "{what}: no answer within {HANG:?} (a hang)"
    );
    assert_eq!(
        run.code,
        Some(1),
        "{what}: exit code; stderr:\n{}",
        run.stderr
    );
    assert!(!all.contains("panicked"), "{what}: panicked:\n{all}");
    assert!(
        !all.contains("fault of zhauap"),
        "{what}: refused as an internal fault:\n{all}"
    );
    let first = run.stderr.lines().next().unwrap_or_default();
    let place = match r.at {
        Some(at) => format!("{}:{at}: error: ", r.file.display()),
        None => format!("{}: error: ", r.file.display()),
    };
    assert!(
        first.starts_with(&place),
        "{what}: the first line must start with {place:?}:\n{}",
        run.stderr
    );
    assert!(
        first.contains(r.message),
        "{what}: the first line must say {:?}:\n{}",
        r.message,
        run.stderr
    );
    assert!(
        run.stderr.contains("help: "),
        "{what}: no help saying what to do:\n{}",
        run.stderr
    );
    if let Some(help) = r.help {
        let help_text = run.stderr.split("help: ").nth(1).unwrap_or_default();
        assert!(
            help_text.contains(help),
            "{what}: the help must say {help:?}:\n{}",
            run.stderr
        );
    }
}

/// Runs a refused case twice: into a folder without the output file, and
/// with an output file already there. Neither run may change the folder.
fn refuse_twice(what: &str, s: &Setup, r: &Refusal) {
    for existing in [false, true] {
        let what = format!("{what} (output file existed before: {existing})");
        if existing && s.output.parent().is_some_and(|p| p.is_dir()) && !s.output.exists() {
            let _ = std::fs::write(&s.output, b"an earlier output, to be left alone");
        }
        let before = snapshot(s.dir.path());
        let run = zhauap(&s.args);
        assert_refused(&what, &run, r);
        let after = snapshot(s.dir.path());
        assert!(
            before == after,
            "{what}: the folder changed: before {:?}, after {:?}",
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>()
        );
    }
}

/// Text the rendered pages hold, spaces of every kind made plain.
fn rendered_text(letter: &Path, typography: bool) -> String {
    let engine = Engine::new(None).unwrap();
    let options = Options {
        typography,
        format: Format::Pdf,
    };
    let pages = engine
        .render(letter, &options)
        .unwrap_or_else(|e| panic!("{} does not render:\n{e}", letter.display()))
        .pages;
    printed(&pages).replace(['\u{a0}', '\u{202f}'], " ")
}

/// The pages' text line by line, as `Pages::text` copies it out, but without
/// the hyphens line breaking added: the words as the letter wrote them.
fn printed(pages: &zhauap::typeset::page::Pages) -> String {
    let mut out = String::new();
    for page in &pages.pages {
        for line in &page.lines {
            for run in page.runs[line.runs.clone()]
                .iter()
                .filter(|r| !r.continues_word)
            {
                out.push_str(&run.text);
            }
            let last = page.runs[line.runs.clone()].last();
            if line.end == LineEnd::Hyphenated && !last.is_some_and(|r| r.continues_word) {
                out.pop();
            }
            out.push_str(page.carried_rest(line).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

#[test]
fn corpus_has_at_least_forty_cases_and_covers_every_letter() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut listed: Vec<&str> = cases.iter().map(|c| c.letter.as_str()).collect();
    listed.sort_unstable();
    let mut files: Vec<String> = std::fs::read_dir(format!("{CORPUS}/letters"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort_unstable();
    assert_eq!(
        listed, files,
        "cases.yaml and letters/ must list the same letters"
    );
}

#[test]
fn every_corpus_letter_renders_or_is_refused_cleanly() {
    // Every case runs; the failures are reported together.
    let failures: Vec<String> = cases()
        .into_iter()
        .filter_map(|case| {
            std::panic::catch_unwind(|| run_case(&case)).err().map(|e| {
                match e.downcast::<String>() {
                    Ok(m) => *m,
                    Err(_) => "panicked".to_owned(),
                }
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn run_case(case: &Case) {
    let what = case.letter.as_str();
    let s = setup(case);
    match case.expect {
        Outcome::Refused => {
            let file = match case.names {
                Names::Letter => s.letter.clone(),
                Names::Output => s.output.clone(),
                Names::Template => s
                    .dir
                    .path()
                    .join("templates/deputy-reply")
                    .join(format!("{}.tera", "ru")),
            };
            let refusal = Refusal {
                file: &file,
                message: case
                    .message
                    .as_deref()
                    .expect("a refused case says its message"),
                at: case.at.as_deref(),
                help: case.help.as_deref(),
            };
            refuse_twice(what, &s, &refusal);
            if let Some(path) = &case.never_prints {
                let secret = std::fs::read_to_string(s.dir.path().join(path))
                    .or_else(|_| std::fs::read_to_string(path))
                    .unwrap();
                let run = zhauap(&s.args);
                for line in secret.lines().filter(|l| l.trim().len() >= 6) {
                    assert!(
                        !run.stderr.contains(line) && !run.stdout.contains(line),
                        "{what}: the message shows content of {path}"
                    );
                }
            }
        }
        Outcome::Renders => {
            let before = snapshot(s.dir.path());
            let run = zhauap(&s.args);
            assert_eq!(
                run.code,
                Some(0),
                "{what}: exit code; stderr:\n{}",
                run.stderr
            );
            let pdf = std::fs::read(&s.output).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "{what}: not a PDF");
            let mut after = snapshot(s.dir.path());
            after.remove(&s.output);
            // `-o` into a folder not there yet creates it, as `batch` does.
            after.retain(|p, _| before.contains_key(p) || !s.output.starts_with(p));
            assert!(before == after, "{what}: wrote more than the output");
            let text = rendered_text(&s.letter, false);
            for p in &case.prints {
                assert!(
                    text.contains(p.as_str()),
                    "{what}: {p:?} is not printed:\n{text}"
                );
            }
        }
        Outcome::Passes => panic!("{what}: `expect` is refused or renders"),
    }
    // `zhauap check` agrees, unless the problem is found only when
    // typesetting or writing (emblems, the output path).
    let check = case.check.unwrap_or(case.expect);
    let mut args = vec!["check".to_owned(), s.letter.display().to_string()];
    if let Some(i) = s.args.iter().position(|a| a == "--templates") {
        args.extend_from_slice(&s.args[i..i + 2]);
    }
    let run = zhauap(&args);
    let expected = if check == Outcome::Refused { 1 } else { 0 };
    assert_eq!(
        run.code,
        Some(expected),
        "{what}: zhauap check:\n{}",
        run.stderr
    );
}

// --- letters made here, too big or too many to commit ------------------------

/// A valid letter whose body is `body` (YAML lines under `body:`).
fn letter_with_body(body: &str) -> String {
    format!(
        "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 2020-04-22\naddressee: |\n  Депутатам Мажилиса\n\
         salutation: Уважаемые депутаты!\nbody:\n{body}signature:\n  name: Е. Тугжанов\n"
    )
}

fn write_letter(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn render_args(letter: &Path) -> Vec<String> {
    vec!["render".into(), letter.display().to_string()]
}

/// Renders and returns the page count from "wrote … (N pages)".
fn renders(what: &str, letter: &Path) -> usize {
    let run = zhauap(render_args(letter));
    assert_eq!(
        run.code,
        Some(0),
        "{what}: exit code; stderr:\n{}",
        run.stderr
    );
    assert!(
        std::fs::read(letter.with_extension("pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let pages = run
        .stderr
        .split('(')
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{what}: no page count in {:?}", run.stderr));
    eprintln!("{what}: {pages} pages in {:.2} s", run.took.as_secs_f64());
    pages
}

/// Refuses `letter` (in `dir`) twice, without and with an existing output.
fn refuses(what: &str, dir: &Path, letter: &Path, message: &str, at: Option<&str>) {
    let r = Refusal {
        file: letter,
        message,
        at,
        help: None,
    };
    for existing in [false, true] {
        if existing {
            std::fs::write(letter.with_extension("pdf"), b"an earlier output").unwrap();
        }
        let before = snapshot(dir);
        let run = zhauap(render_args(letter));
        assert_refused(what, &run, &r);
        eprintln!("{what}: refused in {:.2} s", run.took.as_secs_f64());
        assert!(before == snapshot(dir), "{what}: the folder changed");
    }
}

#[test]
fn ten_thousand_paragraphs_render() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (1..=10_000)
        .map(|i| format!("  - Абзац {i}, ответ продолжается.\n"))
        .collect();
    let letter = write_letter(dir.path(), "long.yaml", &letter_with_body(&body));
    let pages = renders("10,000 paragraphs", &letter);
    assert!(
        (100..=zhauap::typeset::MAX_PAGES).contains(&pages),
        "{pages} pages"
    );
}

#[test]
fn ten_megabyte_paragraph_is_refused_by_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    // "слово " is 11 bytes.
    let paragraph = "слово ".repeat(10_000_000 / 11 + 1);
    let letter = write_letter(
        dir.path(),
        "huge.yaml",
        &letter_with_body(&format!("  - {paragraph}\n")),
    );
    let kib = std::fs::metadata(&letter).unwrap().len().div_ceil(1024);
    assert!(kib > 9_700, "{kib} KiB");
    refuses(
        "a 10 MB paragraph",
        dir.path(),
        &letter,
        &format!("the letter file may be at most 2048 KiB; this one is {kib} KiB"),
        None,
    );
}

#[test]
fn a_letter_just_under_the_size_limit_renders() {
    // 1.9 MB of words in 40 paragraphs: about 300 pages, set in seconds.
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "слово ".repeat(1_900_000 / 11 / 40);
    let body = format!("  - {paragraph}\n").repeat(40);
    let letter = write_letter(dir.path(), "big.yaml", &letter_with_body(&body));
    assert!(std::fs::metadata(&letter).unwrap().len() < 2 * 1024 * 1024);
    renders("1.9 MB in 40 paragraphs", &letter);
}

#[test]
fn a_value_too_long_to_set_in_one_piece_is_refused_at_its_place() {
    // One paragraph of 1.9 MB: within the file limit, past the value limit.
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "слово ".repeat(1_900_000 / 11);
    let letter = write_letter(
        dir.path(),
        "paragraph.yaml",
        &letter_with_body(&format!("  - Начало {paragraph}\n")),
    );
    let n = format!("Начало {paragraph}").trim_end().chars().count();
    refuses(
        "a 1.9 MB paragraph",
        dir.path(),
        &letter,
        &format!("this value has {n} characters; one value may have at most 100000"),
        Some("9:5"),
    );
}

/// Words that used to take quadratic time (minutes for a few hundred
/// kilobytes) must be set in seconds.
#[test]
fn pathological_words_are_set_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    for (name, word) in [
        ("one word of 99,000 letters", "a".repeat(99_000)),
        ("a URL of 49,000 slashes", "a/".repeat(49_000)),
        ("letters and digits alternating", "а1".repeat(49_000)),
        ("a compound of 33,000 hyphens", "аа-".repeat(33_000)),
        (
            "a letter under 99,000 accents",
            format!("а{}", "\u{301}".repeat(99_000)),
        ),
        ("20,000 zero-width spaces", "\u{200b}".repeat(20_000)),
    ] {
        let letter = write_letter(
            dir.path(),
            "word.yaml",
            &letter_with_body(&format!("  - \"{word}\"\n")),
        );
        let started = Instant::now();
        renders(name, &letter);
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{name}: {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn aliases_cannot_make_a_letter_bigger_than_the_file_limit() {
    let dir = tempfile::tempdir().unwrap();
    // A 60,060-byte paragraph (line 9) and 40 aliases of it: the 34th alias
    // (line 43) takes the text past 2 MiB.
    let paragraph = "слово ".repeat(5_460);
    let mut body = format!("  - &p \"{paragraph}\"\n");
    body.push_str(&"  - *p\n".repeat(40));
    let letter = write_letter(dir.path(), "aliases.yaml", &letter_with_body(&body));
    refuses(
        "40 aliases of a 60 KB paragraph",
        dir.path(),
        &letter,
        "the letter's text, aliases expanded, is more than 2048 KiB",
        Some("43:5"),
    );
}

#[test]
fn a_block_taller_than_a_page_is_refused_not_cut() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (1..=200).map(|i| format!("  строка {i}\n")).collect();
    let text = letter_with_body("  - Текст.\n").replace(
        "addressee: |\n  Депутатам Мажилиса\n",
        &format!("addressee: |\n{lines}"),
    );
    let letter = write_letter(dir.path(), "tall.yaml", &text);
    refuses(
        "an addressee of 200 lines",
        dir.path(),
        &letter,
        "'addressee' is taller than a page",
        Some("6:3"),
    );
}

#[test]
fn an_enormous_emblem_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(9 * 1024 * 1024, 0);
    std::fs::write(dir.path().join("big.png"), &png).unwrap();
    let text = letter_with_body("  - Текст.\n").replace(
        "lang: ru\n",
        "lang: ru\nletterhead:\n  ru: ОРГАН\n  emblem: big.png\n",
    );
    let letter = write_letter(dir.path(), "emblem.yaml", &text);
    refuses(
        "a 9 MiB emblem",
        dir.path(),
        &letter,
        "the emblem file is 9216 KiB; the limit is 8192 KiB",
        Some("4:11"),
    );
}

#[test]
fn a_mistake_repeated_ten_thousand_times_is_shown_fifty_times() {
    // "Абзац 1: текст" is a mapping, not text: 10,000 problems, one mistake.
    let dir = tempfile::tempdir().unwrap();
    let body: String = (1..=10_000)
        .map(|i| format!("  - Абзац {i}: текст.\n"))
        .collect();
    let letter = write_letter(dir.path(), "colons.yaml", &letter_with_body(&body));
    let run = zhauap(render_args(&letter));
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr.matches(": error: ").count(),
        50,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("… and 9950 more problems of the same file"),
        "{}",
        run.stderr
    );
}

#[test]
fn files_that_are_not_letters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (what, path, message) in [
        (
            "an endless device",
            PathBuf::from("/dev/zero"),
            "is larger than that",
        ),
        (
            "a folder",
            dir.path().to_path_buf(),
            "this is a folder, not a letter file",
        ),
        (
            "a missing file",
            dir.path().join("missing.yaml"),
            "no such file",
        ),
    ] {
        let run = zhauap(render_args(&path));
        assert_refused(
            what,
            &run,
            &Refusal {
                file: &path,
                message,
                at: None,
                help: None,
            },
        );
    }
}

// --- values are data ---------------------------------------------------------

#[test]
fn template_and_markup_syntax_in_values_prints_literally() {
    let dir = tempfile::tempdir().unwrap();
    let values = [
        "{{ x }}",
        "{% if true %}да{% endif %}",
        "{# комментарий #}",
        "{{ signature.name }}",
        "[paragraph]",
        "[signature name=\"X\"]",
        "\\[escaped\\]",
        "back\\slash",
        "\"quoted\"",
        "*not emphasis*",
        "**not bold**",
        "<script>alert(1)</script>",
        "&amp; &lt;",
    ];
    let body: String = values
        .iter()
        .map(|v| format!("  - {}\n", serde_json::to_string(v).unwrap()))
        .collect();
    let text = letter_with_body(&body)
        .replace("Депутатам Мажилиса", "[addressee] {{ lang }} \\\\ \"q\"")
        .replace("name: Е. Тугжанов", "name: '{% raw %} [x] \\'");
    let letter = write_letter(dir.path(), "data.yaml", &text);
    let printed = rendered_text(&letter, false);
    for v in values {
        // Emphasis markers in paragraphs are the one markup values keep.
        let expected = v.replace('*', "");
        let expected = if v.starts_with('*') {
            expected.as_str()
        } else {
            v
        };
        assert!(
            printed.contains(expected),
            "{v:?} is not printed literally:\n{printed}"
        );
    }
    assert!(
        printed.contains("[addressee] {{ lang }} \\\\ \"q\""),
        "{printed}"
    );
    assert!(printed.contains("{% raw %} [x] \\"), "{printed}");
    // The HTML preview holds the same text, escaped for HTML.
    let engine = Engine::new(None).unwrap();
    let html = engine
        .render(
            &letter,
            &Options {
                typography: false,
                format: Format::Html,
            },
        )
        .unwrap()
        .bytes;
    let html = String::from_utf8(html).unwrap();
    assert!(!html.contains("<script>alert"), "a value became HTML");
    assert!(
        html.contains("&lt;script&gt;"),
        "the value is missing from the preview"
    );
}

#[test]
fn an_emblem_that_is_not_an_image_never_leaks_into_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "secret-line-7f3a9c:x:0:0:do not print me:/root:/bin/sh";
    std::fs::write(dir.path().join("secret.png"), format!("{secret}\n")).unwrap();
    let text = letter_with_body("  - Текст.\n").replace(
        "lang: ru\n",
        "lang: ru\nletterhead:\n  ru: ОРГАН\n  emblem: secret.png\n",
    );
    let letter = write_letter(dir.path(), "leak.yaml", &text);
    for format in ["pdf", "html"] {
        let run = zhauap(["render", &letter.display().to_string(), "--format", format]);
        assert_eq!(run.code, Some(1));
        assert!(!run.stderr.contains("secret-line") && !run.stdout.contains("secret-line"));
        assert!(!run.stderr.contains("do not print me"));
        assert!(!letter.with_extension(format).exists());
    }
}

// --- random letters ------------------------------------------------------------

mod random {
    use super::*;
    use proptest::prelude::*;

    /// A YAML value holding `text`: quoted (any text at all), as a literal
    /// block, or bare (often not valid YAML, which must be refused cleanly).
    fn yaml_value(text: &str, style: u8) -> String {
        match style % 3 {
            0 => serde_json::to_string(text).unwrap(),
            1 => {
                let lines: String = text.split('\n').map(|l| format!("    {l}\n")).collect();
                format!("|\n{}", lines.trim_end_matches('\n'))
            }
            _ => text.to_owned(),
        }
    }

    fn engine() -> &'static Engine {
        static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
        ENGINE.get_or_init(|| Engine::new(None).unwrap())
    }

    /// Field text: any Unicode at all, or text of the letter's alphabets
    /// mixed with every character that means something to YAML, Tera or the
    /// markup.
    fn field_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[а-яёА-ЯЁәғқңөұүһіa-zA-Z0-9 .,;:!?()\\[\\]{}%#*\"'\\\\/<>&|_=+~`@$^-]{0,80}",
        ]
    }

    /// Text that must print exactly as written (no `*`, which marks emphasis).
    fn printable_text() -> impl Strategy<Value = String> {
        "[а-яёА-ЯЁa-zA-Z0-9.,;:!?()\\[\\]{}%#\"'\\\\/<>&|_=+~`@$^-]{1,12}( [а-яёА-ЯЁa-zA-Z0-9.,;:!?()\\[\\]{}%#\"'\\\\/<>&|_=+~`@$^-]{1,12}){0,8}"
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 500,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Random Unicode in every text field: the letter renders, or is
        /// refused with at least one diagnostic naming the letter.
        #[test]
        fn random_unicode_letters_render_or_are_refused_cleanly(
            fields in proptest::collection::vec((field_text(), any::<u8>()), 7),
            lang in prop_oneof![Just("ru"), Just("kk")],
        ) {
            let v = |i: usize| yaml_value(&fields[i].0, fields[i].1);
            let text = format!(
                "lang: {lang}\ninquiry:\n  number: {}\n  date: 2020-04-22\n  subject: {}\n\
                 addressee: {}\nsalutation: {}\nbody:\n  - {}\nclosing: {}\n\
                 signature:\n  name: {}\n",
                v(0), v(1), v(2), v(3), v(4), v(5), v(6)
            );
            let path = Path::new("random.yaml");
            let result = Source::from_bytes(path, text.into_bytes())
                .and_then(|source| engine().render_source(source, &Options::default()));
            match result {
                Ok(rendered) => {
                    prop_assert!(rendered.bytes.starts_with(b"%PDF-"));
                    prop_assert!(!rendered.pages.pages.is_empty());
                }
                Err(e) => {
                    prop_assert!(!e.diagnostics.is_empty());
                    let shown = e.render(false);
                    prop_assert!(shown.starts_with("random.yaml"), "{}", shown);
                    prop_assert!(!shown.contains("fault of zhauap"), "{}", shown);
                }
            }
        }

        /// Text with template, markup and YAML syntax renders, and prints
        /// exactly as written.
        #[test]
        fn syntax_in_values_renders_and_prints_as_written(
            addressee in printable_text(),
            salutation in printable_text(),
            paragraph in printable_text(),
        ) {
            let q = |t: &str| serde_json::to_string(t).unwrap();
            let text = format!(
                "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 2020-04-22\n\
                 addressee: {}\nsalutation: {}\nbody:\n  - {}\nsignature:\n  name: Е. Тугжанов\n",
                q(&addressee), q(&salutation), q(&paragraph)
            );
            let source = Source::from_bytes(Path::new("data.yaml"), text.into_bytes()).unwrap();
            let options = Options { typography: false, format: Format::Pdf };
            let rendered = engine().render_source(source, &options);
            prop_assert!(rendered.is_ok(), "{}", rendered.err().unwrap());
            // Compared without spaces: lines break and spaces fold.
            let bare = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let shown = bare(&printed(&rendered.unwrap().pages));
            for value in [&addressee, &salutation, &paragraph] {
                prop_assert!(shown.contains(&bare(value)), "{:?} not in {:?}", value, shown);
            }
        }
    }
}

// --- issue 19: outputs that must never be replaced ----------------------------

/// The derived output (`letter.pdf` beside the letter) is a symbolic link
/// someone planted: the file it points to is never written.
#[test]
fn a_planted_link_at_the_output_is_refused_and_its_target_kept() {
    let dir = tempfile::tempdir().unwrap();
    let letter = write_letter(dir.path(), "letter.yaml", &letter_with_body("  - Текст.\n"));
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, b"keep").unwrap();
    std::os::unix::fs::symlink(&victim, letter.with_extension("pdf")).unwrap();
    let run = zhauap(render_args(&letter));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("the output is a symbolic link"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("help:"), "{}", run.stderr);
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
}

/// `-o` on a FIFO: refused at once, the FIFO stays (and nothing blocks on it).
#[test]
fn a_fifo_named_as_output_is_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let letter = write_letter(dir.path(), "letter.yaml", &letter_with_body("  - Текст.\n"));
    let fifo = dir.path().join("out.pdf");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut args = render_args(&letter);
    args.extend(["-o".into(), fifo.display().to_string()]);
    let run = zhauap(args);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("special file"), "{}", run.stderr);
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

/// Issue 19, item 8: a 2 MiB letter with 49,000 problems was refused after
/// 160-245 s (every position and snippet rescanned the file). Block and
/// flow style (all on one line).
#[test]
fn a_letter_with_49000_problems_is_refused_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let head = "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 2020-04-22\naddressee: Депутатам\n\
                salutation: Уважаемые депутаты!\nsignature:\n  name: Е. Тугжанов\n";
    let block = format!(
        "{head}body:\n{}",
        "  - \"Abzac otveta s oshibkoj\\u0007 vnut.\"\n".repeat(49_000)
    );
    let flow = format!(
        "{head}body: [{}]\n",
        "\"Abzac otveta s oshibkoj\\u0007 vnu.\", ".repeat(49_000)
    );
    for (name, text) in [("block.yaml", block), ("flow.yaml", flow)] {
        assert!(
            text.len() <= zhauap::letter::MAX_LETTER_BYTES,
            "{}",
            text.len()
        );
        let letter = write_letter(dir.path(), name, &text);
        let run = zhauap(["check".to_owned(), letter.display().to_string()]);
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert!(
            run.stderr.contains("and 48950 more problems"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("control character U+0007"),
            "{}",
            run.stderr
        );
        // 0.4-0.5 s measured on the loaded 2-core machine; minutes before.
        assert!(run.took < Duration::from_secs(15), "{name}: {:?}", run.took);
    }
}
