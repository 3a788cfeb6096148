//! Shared by the integration tests: rendering letters through the library,
//! reading the PDF back ([`pdf`]) and pairing each line the typesetter set
//! with the line read back from the PDF, so that what the tests measure is
//! the printed page and what they know about blocks comes from the library.

// The reader describes each page in full (sizes, fonts, every text box);
// not every field is asserted on by some test today.
#[allow(dead_code)]
pub mod pdf;
// Signers and CMS signatures made in the test (issue 18); `card` tests use
// parts `verify` tests do not.
#[allow(dead_code)]
pub mod sign;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pdf::Pdf;
use zhauap::document::BlockKind;
use zhauap::typeset::page::{Line as SetLine, MM};
use zhauap::{Engine, Options, Rendered};

/// The zhauap binary, as a user runs it, without colours in its messages so
/// that tests can compare them, and speaking English whatever the
/// machine's locale ([`in_english`]).
pub fn zhauap() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_zhauap"));
    command.env("NO_COLOR", "1");
    for (name, value) in ENGLISH {
        match value {
            Some(v) => command.env(name, v),
            None => command.env_remove(name),
        };
    }
    command
}

/// The environment that makes zhauap speak English: the tests compare its
/// English messages, and a machine whose `LANG` is Russian (or unset:
/// Russian too) would otherwise get Russian ones. `tests/suite/messages.rs`
/// sets other languages on purpose.
pub const ENGLISH: [(&str, Option<&str>); 2] =
    [("LANGUAGE", None), ("LC_ALL", Some("en_US.UTF-8"))];

/// [`ENGLISH`] for a `std::process::Command` (tests that spawn zhauap
/// themselves, to read its output while it runs).
pub fn in_english(command: &mut std::process::Command) -> &mut std::process::Command {
    for (name, value) in ENGLISH {
        match value {
            Some(v) => command.env(name, v),
            None => command.env_remove(name),
        };
    }
    command
}

/// The page rules of `docs/layout.md`, in points.
pub const LEFT_MARGIN: f32 = 30.0 * MM;
pub const RIGHT_EDGE: f32 = 195.0 * MM;
pub const BOTTOM_EDGE: f32 = 277.0 * MM;
pub const INDENT: f32 = 12.5 * MM;

/// A path inside the crate.
pub fn crate_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub const REFERENCE: &str = "examples/dz-83-reply.yaml";

/// The stress corpus under `tests/letters/`.
pub const STRESS: &[&str] = &[
    "tests/letters/four-pages.yaml",
    "tests/letters/long-words.yaml",
    "tests/letters/urls-hashtags.yaml",
    "tests/letters/numbers.yaml",
    "tests/letters/emphasis-quotes.yaml",
];

pub fn engine() -> Engine {
    Engine::new(None).unwrap_or_else(|e| panic!("built-in templates: {}", e.render(false)))
}

/// A letter rendered to PDF and read back.
pub struct Printed {
    pub name: String,
    pub path: PathBuf,
    pub rendered: Rendered,
    pub pdf: Pdf,
}

/// Renders a letter to PDF with the built-in templates and reads it back.
pub fn render(engine: &Engine, rel: &str) -> Printed {
    let path = crate_path(rel);
    let rendered = engine
        .render(&path, &Options::default())
        .unwrap_or_else(|e| panic!("{rel} was refused:\n{}", e.render(false)));
    let pdf = Pdf::parse(&rendered.bytes)
        .unwrap_or_else(|e| panic!("{rel}: the PDF does not read back: {e}"));
    let name = Path::new(rel)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Printed {
        name,
        path,
        rendered,
        pdf,
    }
}

/// A line as set by the library, paired with the same line read back from
/// the PDF.
pub struct Matched<'a> {
    /// Page index, from 0.
    pub page: usize,
    pub set: &'a SetLine,
    pub pdf: &'a pdf::Line,
}

impl Matched<'_> {
    pub fn kind(&self) -> BlockKind {
        self.set.block.kind
    }

    /// A line of a paragraph of text (not a page number).
    pub fn is_paragraph(&self) -> bool {
        self.set.block.kind == BlockKind::Paragraph && !self.is_page_number()
    }

    pub fn is_page_number(&self) -> bool {
        self.set.block.is_page_number()
    }

    pub fn block(&self) -> usize {
        self.set.block.index
    }

    pub fn text(&self) -> String {
        self.pdf.text()
    }

    /// Where the line is and what it shows, for messages.
    pub fn at(&self) -> String {
        let shown: Vec<String> = self.pdf.words().into_iter().map(|w| w.text).collect();
        format!(
            "page {}, baseline {:.1}: «{}»",
            self.page + 1,
            self.pdf.baseline,
            shown.join(" ")
        )
    }
}

impl Printed {
    /// Every line the library set, in reading order, paired with the line
    /// read back from the PDF at the same place with the same copied text.
    /// Panics if the two disagree: a line missing from the PDF, a line in
    /// the PDF the library did not set, or a different text.
    pub fn lines(&self) -> Vec<Matched<'_>> {
        let pages = &self.rendered.pages.pages;
        assert_eq!(
            pages.len(),
            self.pdf.pages.len(),
            "{}: the library set {} pages, the PDF has {}",
            self.name,
            pages.len(),
            self.pdf.pages.len()
        );
        let mut out = Vec::new();
        for (pi, (page, printed)) in pages.iter().zip(&self.pdf.pages).enumerate() {
            let mut used = vec![false; printed.lines.len()];
            for set in &page.lines {
                let mut text: String = page.runs[set.runs.clone()]
                    .iter()
                    .filter(|r| !r.continues_word)
                    .map(|r| r.text.as_str())
                    .collect();
                text.push_str(page.carried_rest(set).unwrap_or_default());
                let found = printed.lines.iter().enumerate().find(|(i, l)| {
                    !used[*i]
                        && (l.baseline - set.baseline).abs() < 0.05
                        && (l.x0() - set.x).abs() < 0.05
                });
                let Some((i, line)) = found else {
                    panic!(
                        "{}: page {}: the line «{text}» set at x {:.2}, baseline {:.2} \
                         is not in the PDF",
                        self.name,
                        pi + 1,
                        set.x,
                        set.baseline
                    );
                };
                assert_eq!(
                    line.text(),
                    text,
                    "{}: page {}: the PDF's line at baseline {:.2} copies differently \
                     from what was set",
                    self.name,
                    pi + 1,
                    set.baseline
                );
                used[i] = true;
                out.push(Matched {
                    page: pi,
                    set,
                    pdf: line,
                });
            }
            if let Some(extra) = printed.lines.iter().zip(&used).find(|(_, u)| !**u) {
                panic!(
                    "{}: page {}: the PDF has a line the library did not set: «{}»",
                    self.name,
                    pi + 1,
                    extra.0.text()
                );
            }
        }
        out
    }

    /// Every word of the letter's text before line breaking: the composed
    /// document after the typographic pass, as [`words_of`] splits it.
    pub fn source_words(&self, engine: &Engine) -> BTreeSet<String> {
        let checked = engine
            .check(&self.path)
            .unwrap_or_else(|e| panic!("{}: {}", self.name, e.render(false)));
        let mut document = checked.document;
        zhauap::typography::apply_to_document(&mut document, checked.letter.lang);
        let mut words = BTreeSet::new();
        for block in &document.blocks {
            for text in block.content.printed_texts() {
                words.extend(words_of(&text));
            }
        }
        words
    }
}

/// The words of a text: split at whitespace (U+00A0 included), with the
/// punctuation around each word taken off (quotes, brackets, commas, a
/// trailing hyphen or dash), so that `«Qazaqstan»,` is `Qazaqstan` and a
/// line-end `ДЗ-` is `ДЗ`.
pub fn words_of(text: &str) -> Vec<String> {
    text.split(char::is_whitespace)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[f32], p: f32) -> f32 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (sorted.len() as f32 * p).ceil() as usize;
    sorted[rank.saturating_sub(1).min(sorted.len() - 1)]
}

/// The subcommands `zhauap --help` lists (without `help`).
pub fn subcommands() -> Vec<String> {
    let help = zhauap().arg("--help").output().unwrap();
    String::from_utf8_lossy(&help.stdout)
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A description wrapped onto the next line is indented further.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect()
}

/// The `severity` of each problem of a JSON record's `problems`.
pub fn severities(record: &serde_json::Value) -> Vec<String> {
    record["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["severity"].as_str().unwrap().to_owned())
        .collect()
}
