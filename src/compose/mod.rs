//! Compose: a Tera template turns a checked letter into letter markup.
//!
//! Templates decide every printed word and the order of the blocks; the
//! markup they produce is described in `templates/README.md` and parsed by
//! [`crate::document`]. Values from the letter are escaped on the way in, so
//! a paragraph that contains `[`, `{{ x }}` or a backslash prints literally
//! and can never become markup or template code.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tera::{Context, Kwargs, State, Tera};

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::letter::date::{self, Form};
use crate::letter::{Lang, Letter, Source};
use crate::tr;

mod range;

/// The default templates, compiled into the binary. A user's `--templates
/// DIR` with the same layout replaces them.
const BUILTIN: &[(&str, &str)] = &[
    (
        "deputy-reply/base.tera",
        include_str!("../../templates/deputy-reply/base.tera"),
    ),
    (
        "deputy-reply/ru.tera",
        include_str!("../../templates/deputy-reply/ru.tera"),
    ),
    (
        "deputy-reply/kk.tera",
        include_str!("../../templates/deputy-reply/kk.tera"),
    ),
];

/// Where the templates came from, for messages and for the batch cache key.
#[derive(Debug, Clone)]
pub enum Origin {
    Builtin,
    Dir(PathBuf),
}

/// The template files parsed by Tera.
enum Parsed {
    /// Every file, parsed when loaded: a `--templates` folder (or a test's
    /// sources) with a broken file is refused before any letter.
    All(Box<Tera>),
    /// The shipped files, parsed per letter language on its first letter
    /// (the template's other files, without the other languages' own
    /// files), indexed as [`Lang::ALL`]. They are known to parse (the test
    /// `builtin_templates_load` parses each language's), and parsing all of
    /// them at start-up was a twentieth of a cold render's instructions.
    ByLang(Box<[OnceLock<Result<Tera>>; Lang::ALL.len()]>),
}

/// A Tera instance with our escaping, filters and functions, holding the
/// `files` that `wanted` (by name) accepts, added in their order.
fn parse(
    files: &[(String, String)],
    origin: &Origin,
    wanted: impl Fn(&str) -> bool,
) -> Result<Tera> {
    let mut tera = Tera::new();
    tera.set_escape_fn(escape_markup);
    tera.autoescape_on([".tera"]);
    register_filters(&mut tera);
    tera.register_function("range", range::range);
    for (name, content) in files.iter().filter(|(name, _)| wanted(name)) {
        if let Err(e) = tera.add_raw_template(name, content) {
            return Err(template_error(origin, name, files, &e));
        }
    }
    Ok(tera)
}

/// A loaded template set, built once per process and shared by every letter.
pub struct Templates {
    parsed: Parsed,
    origin: Origin,
    /// Name and content of every template, for the batch cache key.
    files: Vec<(String, String)>,
}

impl Templates {
    /// The shipped templates, each language's parsed on its first letter
    /// (see [`Parsed::ByLang`]).
    pub fn builtin() -> Result<Templates> {
        let files: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, c)| (n.to_string(), c.to_string()))
            .collect();
        Ok(Templates {
            parsed: Parsed::ByLang(Default::default()),
            origin: Origin::Builtin,
            files,
        })
    }

    /// Loads every `*.tera` file below `dir`, named by its path relative to it
    /// (`deputy-reply/ru.tera`).
    pub fn from_dir(dir: &Path) -> Result<Templates> {
        let mut files = Vec::new();
        collect_templates(dir, dir, &mut files)?;
        if files.is_empty() {
            return Err(Diagnostic::new(dir, tr!("compose-no-templates"))
                .with_help(tr!("compose-no-templates-help"))
                .into());
        }
        files.sort();
        Templates::from_files(files, Origin::Dir(dir.to_path_buf()))
    }

    /// Templates given as (name, content) pairs, over the built-in ones of
    /// the same name: for fuzzing and tests of a single template.
    pub fn from_sources(sources: Vec<(String, String)>) -> Result<Templates> {
        let mut files: Vec<(String, String)> = BUILTIN
            .iter()
            .filter(|(n, _)| !sources.iter().any(|(s, _)| s == n))
            .map(|(n, c)| (n.to_string(), c.to_string()))
            .collect();
        files.extend(sources);
        files.sort();
        Templates::from_files(files, Origin::Builtin)
    }

    fn from_files(files: Vec<(String, String)>, origin: Origin) -> Result<Templates> {
        let tera = parse(&files, &origin, |_| true)?;
        Ok(Templates {
            parsed: Parsed::All(Box::new(tera)),
            origin,
            files,
        })
    }

    /// The parsed templates a letter in `lang` renders with.
    fn tera(&self, lang: Lang) -> Result<&Tera> {
        match &self.parsed {
            Parsed::All(tera) => Ok(tera),
            Parsed::ByLang(by_lang) => {
                let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
                by_lang[index]
                    .get_or_init(|| {
                        parse(&self.files, &self.origin, |name| {
                            Lang::ALL.iter().all(|other| {
                                *other == lang
                                    || !name.ends_with(&format!("/{}.tera", other.code()))
                            })
                        })
                    })
                    .as_ref()
                    .map_err(Clone::clone)
            }
        }
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    pub fn files(&self) -> &[(String, String)] {
        &self.files
    }

    /// The template names (folders) available, for messages.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .files
            .iter()
            .filter_map(|(n, _)| n.split_once('/').map(|(d, _)| d.to_owned()))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Renders the letter's template to letter markup.
    pub fn compose(&self, letter: &Letter, source: &Source) -> Result<String> {
        let name = format!("{}/{}.tera", letter.template, letter.lang.code());
        let tera = self.tera(letter.lang)?;
        if !tera.contains_template(&name) {
            let known = self.names();
            let mut help = tr!("compose-templates-available", names = known.join(", "));
            let refs: Vec<&str> = known.iter().map(String::as_str).collect();
            let msg = if known.contains(&letter.template) {
                help = tr!("compose-template-no-lang-help", file = name.as_str());
                tr!(
                    "compose-template-no-lang",
                    template = letter.template.as_str(),
                    lang = letter.lang.code(),
                    file = name.as_str()
                )
            } else {
                if let Some(near) = crate::diagnostic::nearest(&letter.template, &refs) {
                    help = tr!("compose-did-you-mean", near = near, help = help);
                }
                tr!(
                    "compose-unknown-template",
                    template = letter.template.as_str()
                )
            };
            let pos = template_field_pos(&source.text);
            let d = match pos {
                Some(p) => Diagnostic::at(&source.path, &source.text, p, msg),
                None => Diagnostic::new(&source.path, msg),
            };
            return Err(d.with_help(help).into());
        }
        let context = Context::from_serialize(letter)
            .map_err(|e| Error::one(Diagnostic::new(&source.path, format!("internal: {e}"))))?;
        let mut out = Budgeted {
            bytes: Vec::new(),
            over: None,
        };
        let rendered = tera.render_to(&name, &context, &mut out);
        if rendered.is_err() && crate::budget::spent() {
            out.over = Some(Over::Time);
        }
        match (rendered, out.over) {
            (Err(e), Some(Over::Time)) => Err(self.over_time(&name, &source.path, &e)),
            (Ok(()), Some(Over::Time)) => Err(crate::budget::over(&source.path)),
            (_, Some(Over::Size)) => Err(Error::one(
                Diagnostic::new(
                    &self.path_of(&name),
                    tr!(
                        "compose-too-much-output",
                        mib = MAX_MARKUP_BYTES / (1024 * 1024)
                    ),
                )
                .with_help(tr!("compose-too-much-output-help")),
            )),
            (Err(e), None) => Err(template_error(&self.origin, &name, &self.files, &e)),
            (Ok(()), None) => String::from_utf8(out.bytes).map_err(|_| {
                Error::one(Diagnostic::new(
                    &self.path_of(&name),
                    tr!("compose-not-utf8"),
                ))
            }),
        }
    }

    /// The refusal of a letter whose template ran past the letter's time
    /// budget: at the place in the template Tera was at (a `range` call or
    /// an output), or the template file when Tera names none.
    fn over_time(&self, name: &str, letter: &Path, e: &tera::Error) -> Error {
        let mut error = template_error(&self.origin, name, &self.files, e);
        let message = tr!(
            "compose-over-time",
            letter = letter.display().to_string(),
            seconds = crate::budget::LETTER_SECONDS
        );
        let help = tr!("compose-over-time-help");
        match error.diagnostics.first_mut() {
            Some(d) if d.pos.is_some() => {
                d.message = message;
                d.help = Some(help);
                error
            }
            _ => Error::one(Diagnostic::new(&self.path_of(name), message).with_help(help)),
        }
    }

    fn path_of(&self, name: &str) -> PathBuf {
        match &self.origin {
            Origin::Builtin => PathBuf::from(format!("<built-in>/{name}")),
            Origin::Dir(d) => d.join(name),
        }
    }
}

/// Most markup one letter's template may write: ten times the largest
/// letter file. A loop or a component calling itself stops here, or at
/// the letter's time budget, instead of filling memory or running on.
pub const MAX_MARKUP_BYTES: usize = 20 * 1024 * 1024;

enum Over {
    Size,
    Time,
}

/// The template's output, refusing to grow past [`MAX_MARKUP_BYTES`] or
/// to go on once the letter's time budget is spent.
struct Budgeted {
    bytes: Vec<u8>,
    over: Option<Over>,
}

impl std::io::Write for Budgeted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_MARKUP_BYTES {
            self.over = Some(Over::Size);
        } else if crate::budget::spent() {
            self.over = Some(Over::Time);
        }
        if self.over.is_some() {
            return Err(std::io::Error::other("over the template budget"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn template_field_pos(text: &str) -> Option<crate::span::Pos> {
    text.lines().enumerate().find_map(|(i, l)| {
        l.starts_with("template:").then_some(crate::span::Pos {
            line: i + 1,
            column: 1,
        })
    })
}

/// Most template files read from a `--templates` folder, and their total
/// size: a template set is a few files of a few KiB.
const MAX_TEMPLATE_FILES: usize = 1000;
const MAX_TEMPLATE_BYTES: u64 = 16 * 1024 * 1024;

/// Collects the templates below `dir`. A symbolic link is followed only
/// while it stays inside the templates folder (a link to /etc/passwd would
/// print a system file into a letter), and never back into a folder being
/// read (two links to each other made the walk endless).
fn collect_templates(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> Result<()> {
    let real_root = std::fs::canonicalize(root).map_err(|e| unreadable(root, &e))?;
    let mut walk = Walk {
        real_root,
        open: Vec::new(),
        folders: 0,
        bytes: 0,
    };
    walk.folder(root, dir, out)
}

fn unreadable(dir: &Path, e: &std::io::Error) -> Error {
    Error::one(
        Diagnostic::new(
            dir,
            tr!(
                "compose-folder-unreadable",
                reason = crate::input::io_reason(e)
            ),
        )
        .with_help(tr!("compose-folder-unreadable-help")),
    )
}

struct Walk {
    real_root: PathBuf,
    /// The folders being read, outermost first: a link back to one of them
    /// is a cycle.
    open: Vec<PathBuf>,
    /// Folders read so far, links included: links may reach one folder by
    /// many paths.
    folders: usize,
    bytes: u64,
}

impl Walk {
    fn folder(&mut self, root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> Result<()> {
        let real = std::fs::canonicalize(dir).map_err(|e| unreadable(dir, &e))?;
        if self.open.contains(&real) {
            return Err(Diagnostic::new(dir, tr!("compose-folder-cycle"))
                .with_help(tr!("compose-folder-cycle-help"))
                .into());
        }
        self.folders += 1;
        if self.folders > MAX_TEMPLATE_FILES {
            return Err(Diagnostic::new(
                dir,
                tr!("compose-too-many-folders", most = MAX_TEMPLATE_FILES),
            )
            .with_help(tr!("compose-templates-only-help"))
            .into());
        }
        self.open.push(real);
        let result = self.entries(root, dir, out);
        self.open.pop();
        result
    }

    fn entries(&mut self, root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> Result<()> {
        let entries = std::fs::read_dir(dir).map_err(|e| unreadable(dir, &e))?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let meta = std::fs::symlink_metadata(&path).map_err(|e| unreadable(&path, &e))?;
            if meta.file_type().is_symlink() {
                let inside = std::fs::canonicalize(&path)
                    .is_ok_and(|target| target.starts_with(&self.real_root));
                if !inside {
                    return Err(Diagnostic::new(&path, tr!("compose-link-outside"))
                        .with_help(tr!("compose-link-outside-help"))
                        .into());
                }
            }
            if path.is_dir() {
                self.folder(root, &path, out)?;
            } else if path.extension().is_some_and(|e| e == "tera") {
                self.file(root, &path, out)?;
            }
        }
        Ok(())
    }

    fn file(&mut self, root: &Path, path: &Path, out: &mut Vec<(String, String)>) -> Result<()> {
        let meta = std::fs::metadata(path).map_err(|e| unreadable(path, &e))?;
        self.bytes += meta.len();
        if !meta.is_file() || out.len() >= MAX_TEMPLATE_FILES || self.bytes > MAX_TEMPLATE_BYTES {
            return Err(Diagnostic::new(
                path,
                tr!(
                    "compose-too-many-files",
                    most = MAX_TEMPLATE_FILES,
                    mib = MAX_TEMPLATE_BYTES / (1024 * 1024)
                ),
            )
            .with_help(tr!("compose-templates-only-help"))
            .into());
        }
        let content = std::fs::read_to_string(path).map_err(|e| {
            Error::one(Diagnostic::new(
                path,
                tr!(
                    "compose-template-unreadable",
                    reason = crate::input::io_reason(&e)
                ),
            ))
        })?;
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        out.push((rel, content));
        Ok(())
    }
}

fn template_error(
    origin: &Origin,
    name: &str,
    files: &[(String, String)],
    e: &tera::Error,
) -> Error {
    let path_of = |name: &str| match origin {
        Origin::Builtin => PathBuf::from(format!("<built-in>/{name}")),
        Origin::Dir(d) => d.join(name),
    };
    // Tera knows the template and place of a syntax or rendering error (which
    // may be a parent template): name them as the first line, file:line:col.
    if let tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) = e.kind()
    {
        let at = if report.filename().is_empty() {
            name
        } else {
            report.filename()
        };
        let file = path_of(at);
        let message = tr!(
            "compose-template-error",
            message = report.message().to_string()
        );
        let span = report.span();
        let source = files.iter().find(|(n, _)| n == at).map(|(_, c)| c);
        let d = match source {
            Some(text) if span.start_line > 0 => Diagnostic::at(
                &file,
                text,
                crate::span::Pos {
                    line: span.start_line,
                    column: span.start_col + 1,
                },
                message,
            ),
            _ => Diagnostic::new(&file, message),
        };
        return Error::one(d.with_help(tr!("compose-template-error-help")));
    }
    let file = path_of(name);
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(&format!("\n{s}"));
        source = s.source();
    }
    Error::one(
        Diagnostic::new(
            &file,
            tr!("compose-template-error", message = message.trim()),
        )
        .with_help(tr!("compose-template-error-help")),
    )
}

/// Values are data: everything that could start markup is escaped with a
/// backslash, which the markup parser removes again.
pub(crate) fn escape_markup(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_escaped(input, out, true)
}

fn write_escaped(input: &str, out: &mut dyn std::io::Write, stars: bool) -> std::io::Result<()> {
    // Values printed inside a captured block or a component are not written
    // to the budgeted output at once: the time budget is checked here too.
    if crate::budget::spent() {
        return Err(std::io::Error::other("over the letter's time budget"));
    }
    escaped_pieces(input, stars, |piece| out.write_all(piece.as_bytes()))
}

/// `input` escaped, handed to `emit` piece by piece: the text between the
/// characters that need escaping in one piece, each escape in its own.
/// (Written character by character, escaping was a third of composing a
/// letter.) Every character escaped is ASCII, so it is never a byte of
/// another character and every piece is a whole `str`.
fn escaped_pieces<E>(
    input: &str,
    stars: bool,
    mut emit: impl FnMut(&str) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut start = 0;
    for (i, b) in input.bytes().enumerate() {
        let escaped = match b {
            b'\\' => "\\\\",
            b'[' => "\\[",
            b']' => "\\]",
            b'"' => "\\\"",
            b'*' if stars => "\\*",
            // A line break inside a value would end a markup line early.
            b'\n' | b'\r' => " ",
            _ => continue,
        };
        if start < i {
            emit(&input[start..i])?;
        }
        emit(escaped)?;
        start = i + 1;
    }
    if start < input.len() {
        emit(&input[start..])?;
    }
    Ok(())
}

fn register_filters(tera: &mut Tera) {
    // `{{ inquiry.date | date(form="numeric") }}`: the month tables are in
    // Rust; the template picks the form. The language is the letter's unless
    // `lang=` says otherwise.
    tera.register_filter(
        "date",
        |value: &str, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let form_name: String = kwargs.get("form")?.unwrap_or_else(|| "numeric".into());
            let form = Form::parse(&form_name).ok_or_else(|| {
                tera::Error::message(format!(
                    "date: unknown form '{form_name}' (use numeric, words or locative)"
                ))
            })?;
            let lang_code: String = match kwargs.get::<String>("lang")? {
                Some(l) => l,
                None => state.get::<String>("lang")?.unwrap_or_else(|| "ru".into()),
            };
            let lang = match lang_code.as_str() {
                "ru" => Lang::Ru,
                "kk" => Lang::Kk,
                other => {
                    return Err(tera::Error::message(format!(
                        "date: unknown language '{other}' (use ru or kk)"
                    )));
                }
            };
            let parsed = date::parse_iso(value).map_err(tera::Error::message)?;
            Ok(date::format(parsed, lang, form))
        },
    );
    // Paragraph text keeps its `*emphasis*` and nothing else.
    tera.register_filter(
        "inline",
        |value: &str, _: Kwargs, _: &State| -> tera::Value {
            let mut out = String::with_capacity(value.len());
            let pushed: std::result::Result<(), std::convert::Infallible> =
                escaped_pieces(value, false, |piece| {
                    out.push_str(piece);
                    Ok(())
                });
            let Ok(()) = pushed;
            tera::Value::safe_string(&out)
        },
    );
}

#[cfg(test)]
mod v2_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_values_data() {
        let mut out = Vec::new();
        escape_markup("[paragraph] {{ x }} *a* \\ \"q\"", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\\[paragraph\\] {{ x }} \\*a\\* \\\\ \\\"q\\\""
        );
    }

    #[test]
    fn builtin_templates_load() {
        let t = Templates::builtin().unwrap();
        assert_eq!(t.names(), vec!["deputy-reply".to_string()]);
        // Parsed on first use: each language's set must parse and hold its
        // own file, not the other language's.
        for lang in Lang::ALL {
            let tera = t.tera(lang).unwrap();
            for other in Lang::ALL {
                let name = format!("deputy-reply/{}.tera", other.code());
                assert_eq!(tera.contains_template(&name), other == lang, "{name}");
            }
            assert!(tera.contains_template("deputy-reply/base.tera"));
        }
    }
}

#[cfg(test)]
mod hostile;
