//! Errors that point at the place that caused them.
//!
//! Every refusal is a list of [`Diagnostic`]s. Each names the file, the line
//! and the column where there is one, says what is wrong and what to do. They
//! are rendered as source snippets (annotate-snippets), in colour only when
//! the caller asks for it.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::span::Pos;
use crate::tr;

/// Whether a diagnostic refuses the letter or only warns about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The letter is refused.
    #[default]
    Error,
    /// The letter renders, but probably not as meant; `--deny-warnings`
    /// refuses it.
    Warning,
}

// Serializable so that a batch's worker process can hand a refusal back
// whole (see `batch::worker`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file the problem is in (the letter, a template, an image).
    pub file: PathBuf,
    /// Line and column, counted from 1, where the file has text positions.
    pub pos: Option<Pos>,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The source line the position points into, for the snippet: at most
    /// [`SNIPPET_CHARS`] characters either side of the column.
    pub source_line: Option<String>,
    /// The column within `source_line` (1-based), which differs from
    /// `pos.column` when a long line was cut for the snippet.
    snippet_column: usize,
}

/// Characters of a long line shown either side of the problem: a letter
/// written as one 2 MiB line would otherwise be copied into every message.
pub const SNIPPET_CHARS: usize = 120;

impl Diagnostic {
    pub fn new(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            pos: None,
            message: message.into(),
            help: None,
            source_line: None,
            snippet_column: 0,
        }
    }

    /// A diagnostic at a position of a text file whose content we have.
    pub fn at(file: &Path, source: &str, pos: Pos, message: impl Into<String>) -> Self {
        let (source_line, snippet_column) =
            match lines::window(source, pos.line, pos.column, SNIPPET_CHARS) {
                Some((cut, column)) => (Some(cut.to_owned()), column),
                None => (None, 0),
            };
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            pos: Some(pos),
            message: message.into(),
            help: None,
            source_line,
            snippet_column,
        }
    }

    /// The same diagnostic as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col` (or just the file), the form editors and terminals link.
    pub fn location(&self) -> String {
        match self.pos {
            Some(p) => format!("{}:{}:{}", self.file.display(), p.line, p.column),
            None => self.file.display().to_string(),
        }
    }

    /// Renders the diagnostic with a source snippet.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let path = self.file.display().to_string();
        // The level names in the user's language: a Russian clerk reads
        // «ошибка», a Kazakh one «қате».
        let (level, word) = match self.severity {
            Severity::Error => (Level::ERROR, tr!("common-error")),
            Severity::Warning => (Level::WARNING, tr!("common-warning")),
        };
        let help_word = tr!("common-help");
        let title = level
            .with_name(word.as_str())
            .primary_title(self.message.as_str());
        let mut groups: Vec<Group> = Vec::new();
        match (self.pos, &self.source_line) {
            (Some(pos), Some(line)) => {
                let span = mark_span(line, self.snippet_column);
                groups.push(
                    title.element(
                        Snippet::source(line.as_str())
                            .line_start(pos.line)
                            .path(path.as_str())
                            .annotation(AnnotationKind::Primary.span(span)),
                    ),
                );
            }
            _ => {
                // Without a position there is no snippet to show: a plain
                // two-line message reads better than an empty gutter.
                let mut out = format!("{}: {word}: {}", self.location(), self.message);
                if let Some(help) = &self.help {
                    out.push_str(&format!("\n  {help_word}: {help}"));
                }
                return out;
            }
        }
        if let Some(help) = &self.help {
            groups.push(Group::with_title(
                Level::HELP
                    .with_name(help_word.as_str())
                    .secondary_title(help.as_str()),
            ));
        }
        let body = renderer.render(&groups).to_string();
        // The snippet shows the position; the first line must carry it too, so that
        // a log line alone (batch reports, CI) still names file:line:col.
        format!("{}: {}", self.location(), body)
    }
}

/// Lines of a source text, found through an index of line starts built once
/// per text: a refusal with 49,000 problems must not rescan a 2 MiB letter
/// for each of them.
pub mod lines {
    use std::cell::RefCell;
    use std::rc::Rc;

    use crate::letter::node::Pos;

    /// Byte offsets where the lines of one text start.
    struct Index {
        /// Identity of the text indexed: address, length and its first and
        /// last bytes (checked, with the line's own boundaries, before use).
        key: (usize, usize),
        edges: Vec<u8>,
        starts: Vec<usize>,
        /// For the last long line asked about: the byte offset of every
        /// [`STEP`]th character, so that many problems on one long line
        /// (a letter written in flow style) do not each count from its start.
        steps: RefCell<Option<(usize, Vec<usize>)>>,
    }

    const STEP: usize = 64;

    thread_local! {
        static LAST: RefCell<Option<Rc<Index>>> = const { RefCell::new(None) };
    }

    fn edges(text: &str) -> Vec<u8> {
        let b = text.as_bytes();
        let n = b.len().min(32);
        [&b[..n], &b[b.len() - n..]].concat()
    }

    /// The index of `text`, built on first use and kept for the next call
    /// about the same text.
    fn index(text: &str) -> Rc<Index> {
        let key = (text.as_ptr() as usize, text.len());
        LAST.with(|last| {
            let mut last = last.borrow_mut();
            if let Some(i) = last.as_ref()
                && i.key == key
                && i.edges == edges(text)
            {
                return i.clone();
            }
            let mut starts = vec![0];
            starts.extend(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            let fresh = Rc::new(Index {
                key,
                edges: edges(text),
                starts,
                steps: RefCell::new(None),
            });
            *last = Some(fresh.clone());
            fresh
        })
    }

    /// Byte range of line `n` (1-based), without its line break.
    fn range(text: &str, n: usize) -> Option<std::ops::Range<usize>> {
        let index = index(text);
        let start = *index.starts.get(n.checked_sub(1)?)?;
        let end = index.starts.get(n).map_or(text.len(), |&next| next - 1);
        // The index is of this very text: the line lies between breaks.
        let bytes = text.as_bytes();
        let sound = start <= end
            && end <= text.len()
            && (start == 0 || bytes[start - 1] == b'\n')
            && (end == text.len() || bytes[end] == b'\n')
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if sound {
            Some(start..end)
        } else {
            LAST.with(|last| last.borrow_mut().take());
            text.lines().nth(n - 1).map(|l| {
                let s = l.as_ptr() as usize - text.as_ptr() as usize;
                s..s + l.len()
            })
        }
    }

    /// Byte offset in `text` of 1-based `column` of line `n` (the line's end
    /// if the line is shorter).
    fn offset(text: &str, n: usize, column: usize) -> Option<usize> {
        let r = range(text, n)?;
        let line = &text[r.clone()];
        let skip = column.saturating_sub(1);
        if line.len() < 4 * STEP {
            let within = line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i);
            return Some(r.start + within);
        }
        let index = index(text);
        let mut steps = index.steps.borrow_mut();
        if steps.as_ref().is_none_or(|(l, _)| *l != n) {
            let table = line.char_indices().step_by(STEP).map(|(i, _)| i).collect();
            *steps = Some((n, table));
        }
        let table = &steps.as_ref()?.1;
        let from = table.get(skip / STEP).copied().unwrap_or(line.len());
        let within = line[from..]
            .char_indices()
            .nth(skip % STEP)
            .map_or(line.len(), |(i, _)| from + i);
        Some(r.start + within)
    }

    /// At most `chars` characters either side of 1-based `column` of line
    /// `n`, without its line break, and the column within the cut.
    pub fn window(text: &str, n: usize, column: usize, chars: usize) -> Option<(&str, usize)> {
        let r = range(text, n)?;
        let column = column.max(1);
        let skip = column.saturating_sub(chars + 1);
        let start = offset(text, n, skip + 1)?;
        let rest = text[start..r.end].trim_end_matches('\r');
        let end = rest
            .char_indices()
            .nth(2 * chars + 1)
            .map_or(rest.len(), |(i, _)| i);
        Some((&rest[..end], column - skip))
    }

    /// The position of the first `c` at or after `from`: where a character
    /// of a value physically stands. Scans from `from`, not from the start,
    /// and a double-quoted value only to its closing quote: a character
    /// written as an escape (`"\u0007"`) is nowhere in the file, and looking
    /// for it to the end of the file, once per problem, was quadratic.
    pub fn position_of_char(text: &str, from: Pos, c: char) -> Pos {
        let Some(start) = offset(text, from.line, from.column) else {
            return from;
        };
        let mut line = from.line;
        let mut column = from.column;
        let mut quoted = false;
        let mut escaped = false;
        for ch in text[start..].chars() {
            let inside = (line, column) >= (from.line, from.column);
            if inside && ch == c {
                return Pos { line, column };
            }
            if (line, column) == (from.line, from.column) {
                quoted = ch == '"';
            } else if inside && quoted {
                match ch {
                    '"' if !escaped => return from,
                    '\\' => escaped = !escaped,
                    _ => escaped = false,
                }
            }
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        from
    }
}

/// The byte range to underline: the token starting at a 1-based char column.
fn mark_span(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let rest = &line[start..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || c == ':' || c == ',')
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let end = if len == 0 {
        (start + rest.chars().next().map_or(0, char::len_utf8)).min(line.len())
    } else {
        start + len
    };
    start..end
}

/// Diagnostics shown for one refusal; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// A refused letter (or template, or output): one or more diagnostics.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Error {
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    pub fn one(d: Diagnostic) -> Self {
        Error {
            diagnostics: vec![d],
        }
    }

    /// Renders the first [`MAX_SHOWN`] diagnostics and counts the rest: a
    /// letter with one mistake repeated 10,000 times is fixed from the first
    /// few, not from 10,000 snippets.
    pub fn render(&self, color: bool) -> String {
        let mut out = self
            .diagnostics
            .iter()
            .take(MAX_SHOWN)
            .map(|d| d.render(color))
            .collect::<Vec<_>>()
            .join("\n");
        if self.diagnostics.len() > MAX_SHOWN {
            out.push('\n');
            out.push_str(&tr!(
                "common-more-problems",
                count = self.diagnostics.len() - MAX_SHOWN
            ));
        }
        out
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::one(d)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// Edit distance, for "did you mean" suggestions.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate nearest to `name`, if it is near enough to be a likely typo.
pub fn nearest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    candidates
        .iter()
        .map(|c| (levenshtein(&lower, c), *c))
        .filter(|&(d, c)| d <= (c.chars().count() / 3).max(2))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_nearest_field() {
        let fields = ["signature", "salutation", "subject"];
        assert_eq!(nearest("sigature", &fields), Some("signature"));
        assert_eq!(nearest("Salutaton", &fields), Some("salutation"));
        assert_eq!(nearest("zzzzzz", &fields), None);
    }

    /// 49,000 problems in a 2 MiB letter were refused after minutes: each
    /// position and snippet rescanned the file. Here 20,000 problems on
    /// one long line and on 20,000 lines take well under a second.
    #[test]
    fn many_problems_are_placed_without_rescanning_the_file() {
        let item = "\"Abzac\\u0007 otveta\", ";
        let one_line = format!("body: [{}]", item.repeat(20_000));
        let many_lines = "  - \"Abzac\\u0007 otveta\"\n".repeat(20_000);
        for (text, at) in [
            (
                &one_line,
                (1..=20_000)
                    .map(|i| Pos {
                        line: 1,
                        column: 8 + (i - 1) * item.len(),
                    })
                    .collect::<Vec<_>>(),
            ),
            (
                &many_lines,
                (1..=20_000).map(|i| Pos { line: i, column: 5 }).collect(),
            ),
        ] {
            let started = std::time::Instant::now();
            for &pos in &at {
                let found = lines::position_of_char(text, pos, '\u{7}');
                assert_eq!(
                    found, pos,
                    "an escape is not in the file: the value's own place"
                );
                let d = Diagnostic::at(Path::new("a.yaml"), text, pos, "x");
                let line = d.source_line.unwrap();
                assert!(line.chars().count() <= 2 * SNIPPET_CHARS + 1);
                assert!(
                    line[..].chars().nth(d.snippet_column - 1) == Some('"'),
                    "{line}"
                );
            }
            assert!(
                started.elapsed().as_secs_f64() < 5.0,
                "{:?}",
                started.elapsed()
            );
        }
    }

    #[test]
    fn a_raw_character_is_found_where_it_stands() {
        let text = "a: 1\nbody:\n  - \"x\ty\"\n  - z\n";
        let pos = lines::position_of_char(text, Pos { line: 3, column: 5 }, '\t');
        assert_eq!(pos, Pos { line: 3, column: 7 });
        // Past the closing quote nothing is searched.
        let pos = lines::position_of_char(text, Pos { line: 3, column: 5 }, 'z');
        assert_eq!(pos, Pos { line: 3, column: 5 });
    }

    #[test]
    fn rendered_diagnostic_names_file_line_column_and_help() {
        let src = "lang: ru\nsigature:\n  name: X\n";
        let d = Diagnostic::at(
            Path::new("a.yaml"),
            src,
            Pos { line: 2, column: 1 },
            "unknown field 'sigature'",
        )
        .with_help("did you mean 'signature'?");
        let text = d.render(false);
        assert!(text.starts_with("a.yaml:2:1: "), "{text}");
        assert!(text.contains("sigature:"), "{text}");
        assert!(text.contains("did you mean 'signature'?"), "{text}");
        let plain = Diagnostic::new(Path::new("b.yaml"), "cannot read")
            .with_help("check it")
            .render(false);
        assert_eq!(plain, "b.yaml: error: cannot read\n  help: check it");
    }
}
