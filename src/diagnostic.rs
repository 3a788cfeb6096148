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

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file the problem is in (the letter, a template, an image).
    pub file: PathBuf,
    /// Line and column, counted from 1, where the file has text positions.
    pub pos: Option<Pos>,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The source line the position points into, for the snippet.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn new(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            pos: None,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    /// A diagnostic at a position of a text file whose content we have.
    pub fn at(file: &Path, source: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            pos: Some(pos),
            message: message.into(),
            help: None,
            source_line: source
                .lines()
                .nth(pos.line.saturating_sub(1))
                .map(|l| l.trim_end_matches('\r').to_owned()),
        }
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
        let title = Level::ERROR.primary_title(self.message.as_str());
        let mut groups: Vec<Group> = Vec::new();
        match (self.pos, &self.source_line) {
            (Some(pos), Some(line)) => {
                let span = mark_span(line, pos.column);
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
                let mut out = format!("{}: error: {}", self.location(), self.message);
                if let Some(help) = &self.help {
                    out.push_str(&format!("\n  help: {help}"));
                }
                return out;
            }
        }
        if let Some(help) = &self.help {
            groups.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        let body = renderer.render(&groups).to_string();
        // The snippet shows the position; the first line must carry it too, so that
        // a log line alone (batch reports, CI) still names file:line:col.
        format!("{}: {}", self.location(), body)
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
#[derive(Debug, Clone, PartialEq)]
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
            out.push_str(&format!(
                "\n… and {} more problems of the same file",
                self.diagnostics.len() - MAX_SHOWN
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
