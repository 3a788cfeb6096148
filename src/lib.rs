//! zhauap (жауап, "reply"): official reply letters from YAML to a typeset
//! PDF/A and an exact HTML preview, in Russian and Kazakh.
//!
//! The pipeline, one stage a module, data flowing one way:
//!
//! `letter` (YAML → checked letter) → `compose` (Tera → letter markup) →
//! `document` (markup → blocks of inline runs) → `typography` (the Russian
//! and Kazakh typographic pass) → `typeset` (pages of glyph runs) →
//! `output::pdf` / `output::html`.
//!
//! [`Engine`] holds what loads once per process (templates; fonts are a
//! process-wide static) and runs the stages for one letter.

pub mod batch;
pub mod budget;
pub mod card;
pub mod compose;
pub mod diagnostic;
pub mod document;
pub mod i18n;
pub mod input;
pub mod lang;
pub mod letter;
pub mod origin;
pub mod output;
pub mod preview;
pub mod process;
pub mod resolve;
pub mod sign;
pub mod span;
pub mod typeset;
pub mod typography;
pub mod write;

use std::path::{Path, PathBuf};

use compose::Templates;
use diagnostic::{Diagnostic, Error, Result};
use document::Document;

use letter::{Letter, Source};
use typeset::page::Pages;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Apply the typographic pass (quotes, dashes, non-breaking spaces).
    pub typography: bool,
    pub format: Format,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            typography: true,
            format: Format::Pdf,
        }
    }
}

/// A rendered letter: its pages and the output file's bytes.
pub struct Rendered {
    pub pages: Pages,
    pub bytes: Vec<u8>,
}

/// Loads templates once and renders any number of letters with them.
pub struct Engine {
    templates: Templates,
    /// `--draft`: every letter is composed as a draft.
    draft: bool,
}

impl Engine {
    /// The built-in templates, or those of `dir`.
    pub fn new(template_dir: Option<&Path>) -> Result<Engine> {
        let templates = match template_dir {
            Some(dir) => Templates::from_dir(dir)?,
            None => Templates::builtin()?,
        };
        Ok(Engine {
            templates,
            draft: false,
        })
    }

    /// Marks every letter as a draft (`--draft`), whatever its `draft` says.
    pub fn with_draft(mut self, draft: bool) -> Engine {
        self.draft = draft;
        self
    }

    pub fn draft(&self) -> bool {
        self.draft
    }

    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// Reads and checks a letter file.
    pub fn load(&self, path: &Path) -> Result<(Source, Letter)> {
        let source = Source::read(path)?;
        let letter = letter::parse(&source)?;
        Ok((source, letter))
    }

    /// Everything short of typesetting: parse, check characters, compose,
    /// resolve the files the document refers to.
    pub fn check(&self, path: &Path) -> Result<Checked> {
        self.check_source(Source::read(path)?)
    }

    /// [`Engine::check`] of a letter already read: `batch` keys its cache on
    /// the very text it renders, so it reads each letter once, and fuzzers
    /// hand in bytes via [`Source::from_bytes`].
    pub fn check_source(&self, source: Source) -> Result<Checked> {
        let _budget = budget::Budget::letter();
        let letter = letter::parse(&source)?;
        self.check_parsed(source, letter)
    }

    /// [`Engine::check_source`] with a mail merge's row laid over the letter
    /// (see [`letter::parse_with_row`]).
    pub fn check_source_with_row(
        &self,
        source: Source,
        data: &Path,
        row: letter::node::Node,
    ) -> Result<Checked> {
        let letter = letter::parse_with_row(&source, data, row)?;
        self.check_parsed(source, letter)
    }

    fn check_parsed(&self, source: Source, mut letter: Letter) -> Result<Checked> {
        letter.draft |= self.draft;
        check_lengths(&source, &letter)?;
        check_characters(&source, &letter)?;
        budget::check(&source.path)?;
        let markup = self.templates.compose(&letter, &source)?;
        budget::check(&source.path)?;
        let origin = self.template_path(&letter);
        let sources = self.template_sources(&letter);
        let document = document::parse_composed(&markup, &origin, letter.lang, &sources)?;
        let base = source.path.parent().unwrap_or(Path::new(""));
        let files =
            resolve::read(&document, base).map_err(|e| emblem_error(&source, &letter, &e))?;
        let resources = resolve::decode(&files).map_err(|e| emblem_error(&source, &letter, &e))?;
        Ok(Checked {
            source,
            letter,
            document,
            files,
            resources,
        })
    }

    /// The files of the letter's template, its language's file first, with
    /// the paths messages name.
    fn template_sources(&self, letter: &Letter) -> Vec<(PathBuf, &str)> {
        let own = format!("{}/{}.tera", letter.template, letter.lang.code());
        let prefix = format!("{}/", letter.template);
        let mut files: Vec<(PathBuf, &str)> = self
            .templates
            .files()
            .iter()
            .filter(|(name, _)| name.starts_with(&prefix))
            .map(|(name, text)| (self.template_file(name), text.as_str()))
            .collect();
        let own = self.template_file(&own);
        files.sort_by_key(|(path, _)| *path != own);
        files
    }

    fn template_file(&self, name: &str) -> PathBuf {
        match self.templates.origin() {
            compose::Origin::Builtin => PathBuf::from(format!("<built-in>/{name}")),
            compose::Origin::Dir(d) => d.join(name),
        }
    }

    fn template_path(&self, letter: &Letter) -> PathBuf {
        self.template_file(&format!("{}/{}.tera", letter.template, letter.lang.code()))
    }

    /// Renders a letter file to pages and output bytes.
    pub fn render(&self, path: &Path, options: &Options) -> Result<Rendered> {
        self.render_source(Source::read(path)?, options)
    }

    /// [`Engine::render`] of a letter already in memory.
    pub fn render_source(&self, source: Source, options: &Options) -> Result<Rendered> {
        // One budget for the whole letter (see [`budget`]).
        let _budget = budget::Budget::letter();
        let checked = self.check_source(source)?;
        self.render_checked(checked, options)
    }

    /// The rest of [`Engine::render`] after [`Engine::check`]: `batch` looks at
    /// the files read (its cache key) in between.
    pub fn render_checked(&self, checked: Checked, options: &Options) -> Result<Rendered> {
        let _budget = budget::Budget::letter();
        let Checked {
            source,
            letter,
            mut document,
            resources,
            ..
        } = checked;
        let _budget = budget::Budget::letter();
        if options.typography {
            typography::apply_to_document(&mut document, letter.lang);
        }
        budget::check(&source.path)?;
        let pages = typeset::typeset(&document, &resources, &typeset::Rules::default())
            .map_err(|e| self.typeset_error(&source, &letter, &document, e))?;
        budget::check(&source.path)?;
        let bytes = match options.format {
            Format::Pdf => output::pdf::write(&pages).map_err(|e| {
                Error::one(Diagnostic::new(&source.path, e).with_help(tr!("output-fault-help")))
            })?,
            Format::Html => output::html::write(&pages).into_bytes(),
        };
        Ok(Rendered { pages, bytes })
    }

    fn typeset_error(
        &self,
        source: &Source,
        letter: &Letter,
        document: &Document,
        e: typeset::TypesetError,
    ) -> Error {
        match e {
            typeset::TypesetError::Uncovered { c, .. } => Error::one(
                Diagnostic::new(
                    &self.template_path(letter),
                    tr!(
                        "output-template-uncovered",
                        c = c,
                        code = format!("{:04X}", c as u32)
                    ),
                )
                .with_help(tr!("output-template-uncovered-help")),
            ),
            typeset::TypesetError::Unresolved(written) => Error::one(
                Diagnostic::new(
                    &source.path,
                    tr!("output-image-unresolved", image = written),
                )
                .with_help(tr!("output-fault-help")),
            ),
            typeset::TypesetError::TooTall(kind, index) => {
                let field = document
                    .blocks
                    .get(index)
                    .and_then(|b| origin::fields(b, letter).into_iter().next());
                let message = match &field {
                    Some(f) => tr!("output-field-too-tall", field = f.name.to_string()),
                    None => tr!("output-block-too-tall", block = kind.name()),
                };
                // The field may be written in a defaults file: say it there.
                let fields = letter::fields(letter);
                let text = field.as_ref().and_then(|f| {
                    fields
                        .iter()
                        .find(|(name, t)| *name == f.name && t.pos == f.pos)
                        .map(|(_, t)| *t)
                });
                let d = match text {
                    Some(t) => letter.diagnostic_at(source, t, t.pos, message),
                    None => Diagnostic::new(&source.path, message),
                };
                Error::one(d.with_help(tr!("output-too-tall-help")))
            }
            typeset::TypesetError::QrTooLong(t) => Error::one(
                Diagnostic::new(
                    &self.template_path(letter),
                    tr!("typeset-qr-too-long", bytes = t.bytes, most = t.most),
                )
                .with_help(tr!("typeset-qr-too-long-help", example = "qr=\"{{ qr }}\"")),
            ),
            typeset::TypesetError::TooManyPages(n) => Error::one(
                Diagnostic::new(
                    &source.path,
                    tr!(
                        "output-too-many-pages",
                        pages = n,
                        limit = typeset::MAX_PAGES
                    ),
                )
                .with_help(tr!("output-too-many-pages-help")),
            ),
        }
    }
}

/// A letter read, checked, composed and resolved: everything short of
/// typesetting.
pub struct Checked {
    pub source: Source,
    pub letter: Letter,
    pub document: Document,
    /// The files the document refers to, read and hashed.
    pub files: resolve::Files,
    resources: typeset::Resources,
}

impl Checked {
    /// Every file the output depends on besides the program and its
    /// templates: the defaults files the letter was merged with and the
    /// files the document refers to (the letter itself is `source`). `batch` keys its manifest on them, `preview` watches them.
    pub fn inputs(&self) -> Vec<input::InputFile> {
        let mut inputs: Vec<input::InputFile> = self
            .files
            .inputs()
            .chain(&self.letter.defaults_read)
            .cloned()
            .collect();
        inputs.sort();
        inputs.dedup();
        inputs
    }

    /// The refusal of a letter with warnings under `--deny-warnings`: its
    /// warnings, then the refusal; none when it has no warnings.
    pub fn denied(&self) -> Option<Error> {
        denied(&self.source.path, &self.letter.warnings)
    }
}

/// A file the document refers to could not be used: said at the letter's
/// `letterhead.emblem`, where the path is written.
fn emblem_error(source: &Source, letter: &Letter, e: &resolve::ResolveError) -> Error {
    let emblem = letter.letterhead.as_ref().and_then(|h| h.emblem.as_ref());
    let message = format!("letterhead.emblem: {}", e.why);
    let d = match emblem {
        Some(t) => letter.diagnostic_at(source, t, t.pos, message),
        None => Diagnostic::new(&source.path, message),
    };
    Error::one(d.with_help(tr!("output-emblem-help")))
}

/// The most characters one value (a paragraph, a line) may have: about 30
/// pages of unbroken text. A paragraph is typeset in one piece, and its cost
/// grows with its length: a 1.9 MB word took 5 s and 1.2 GB; at this limit
/// the worst value takes 0.4 s and 80 MB.
pub const MAX_VALUE_CHARS: usize = 100_000;

/// Refuses a value too long to be typeset in one piece, at its place.
fn check_lengths(source: &Source, letter: &Letter) -> Result<()> {
    let problems: Vec<Diagnostic> = letter::texts(letter)
        .into_iter()
        // A value has at most as many chars as bytes: only a long one is
        // counted.
        .filter(|text| text.value.len() > MAX_VALUE_CHARS)
        .filter_map(|text| {
            let n = text.value.chars().count();
            (n > MAX_VALUE_CHARS).then(|| {
                letter
                    .diagnostic_at(
                        source,
                        text,
                        text.pos,
                        tr!("letter-value-too-long", n = n, most = MAX_VALUE_CHARS),
                    )
                    .with_help(tr!("letter-value-too-long-help"))
            })
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error {
            diagnostics: problems,
        })
    }
}

/// Refuses characters that no shipped font can draw, naming each with its
/// code point and its place in the letter, rather than printing a blank box.
fn check_characters(source: &Source, letter: &Letter) -> Result<()> {
    let fonts = typeset::fonts::fonts();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Latin and Cyrillic characters found covered, not looked up again: a
    // letter is a few thousand characters of a few dozen.
    let mut covered = [false; 0x530];
    for text in letter::texts(letter) {
        for c in text.value.chars() {
            let known = covered.get_mut(c as usize);
            if known.as_deref() == Some(&true) {
                continue;
            }
            if c.is_control() {
                continue;
            }
            if fonts.covers(c) {
                if let Some(known) = known {
                    *known = true;
                }
                continue;
            }
            if !seen.insert(c) {
                continue;
            }
            let pos = letter.position_of_char(source, text, c);
            problems.push(
                letter
                    .diagnostic_at(
                        source,
                        text,
                        pos,
                        tr!(
                            "letter-uncovered-char",
                            character = c,
                            code = format!("{:04X}", c as u32)
                        ),
                    )
                    .with_help(tr!("letter-uncovered-char-help")),
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error {
            diagnostics: problems,
        })
    }
}

/// The refusal of the letter `file` with `warnings` under `--deny-warnings`:
/// its warnings, then the refusal; none when it has no warnings. Shared by
/// `render`, `check` and `batch` (whose letters are checked in workers).
pub fn denied(file: &Path, warnings: &[Diagnostic]) -> Option<Error> {
    if warnings.is_empty() {
        return None;
    }
    let mut diagnostics = warnings.to_vec();
    diagnostics.push(
        Diagnostic::new(file, tr!("output-denied-warnings", count = warnings.len()))
            .with_help(tr!("output-denied-warnings-help")),
    );
    Some(Error { diagnostics })
}
