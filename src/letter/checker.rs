//! Walking a letter's YAML tree: the [`Checker`] that collects every
//! problem, and its checks of one value (a text, a date, a count, a
//! mapping's field names). What the letter as a whole must hold is in
//! `validate`.

use super::date::{Date, parse_iso};
use super::defaults::Files;
use super::node::{At, FileId, Key, Node, Value};
use super::*;
use crate::diagnostic::{Diagnostic, nearest};
use crate::tr;

/// Collects diagnostics while the tree is walked.
pub(super) struct Checker<'a> {
    pub(super) files: Files<'a>,
    pub(super) problems: Vec<Diagnostic>,
    /// Things that print, but probably not as the clerk meant.
    pub(super) warnings: Vec<Diagnostic>,
    /// Which of the two the last report went to ([`Checker::mark_field`]).
    pub(super) last_was_warning: bool,
    /// Fields that are not there: said after the problems at their places,
    /// since they point at the start of their mapping, not at a mistake.
    pub(super) absent: Vec<Diagnostic>,
}

/// The fields of one mapping, checked against the names it may have.
pub(super) struct Fields<'n> {
    entries: Vec<(&'n Key, &'n Node)>,
    at: At,
    /// Dotted path of the mapping, for messages ("signature.name").
    path: String,
    /// Names an unknown field was taken for ("did you mean"): their
    /// absence is that field's misspelling, said once, not twice.
    suggested: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    pub(super) fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| *v)
            .filter(|v| v.value != Value::Null)
    }

    /// A text field: like [`Fields::get`], but a `~` or `null` written as
    /// the value is kept, to print as typed (an empty value is still none).
    pub(super) fn get_text(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| *v)
            .filter(|v| v.value != Value::Null || v.raw.is_some_and(|(a, b)| b > a))
    }

    fn field_path(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }
}

impl<'a> Checker<'a> {
    pub(super) fn error(&mut self, at: At, message: impl Into<String>, help: impl Into<String>) {
        self.problems
            .push(self.files.diagnostic(at, message).with_help(help));
        self.last_was_warning = false;
    }

    /// Names the field the problem (or warning) just reported is about,
    /// for structured reports (`check --format json`, the batch report):
    /// the message itself is in the user's language.
    pub(super) fn mark_field(&mut self, field: &str) {
        if field.is_empty() {
            return;
        }
        let last = if self.last_was_warning {
            self.warnings.last_mut()
        } else {
            self.problems.last_mut()
        };
        if let Some(d) = last {
            d.field = Some(field.to_owned());
        }
    }

    pub(super) fn warn(&mut self, at: At, message: impl Into<String>, help: impl Into<String>) {
        self.warnings
            .push(self.files.diagnostic(at, message).with_help(help).warning());
        self.last_was_warning = true;
    }

    /// The characters of a scalar as written in its file, where the reader
    /// kept its span: `0012` stays `0012`, `1e3` stays `1e3`.
    pub(super) fn written(&self, node: &Node) -> Option<String> {
        node.raw
            .and_then(|(a, b)| self.files.source(node.file).text.get(a..b))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// A plain scalar followed by ` #…` on its line: YAML took the rest of
    /// the line as a comment, so the printed text lost its end.
    fn comment_after_plain(&mut self, node: &Node, path: &str) {
        let Some((a, b)) = node.raw else { return };
        let text = &self.files.source(node.file).text;
        // A one-line plain scalar: a block scalar's span runs over its
        // lines (and the comment lines after it), a quoted one starts with
        // its quote.
        let plain = text.get(a..b).is_some_and(|written| {
            !written.contains('\n') && !written.starts_with(['"', '\'', '|', '>'])
        });
        let Some(after) = text.get(b..) else { return };
        // Only blanks may stand between the value and its comment: look no
        // further than them. Scanning to the line's end for each value was
        // quadratic on a letter written in flow style, all on one line
        // (49,000 values took 20 s).
        let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
        if !plain || !after[blanks..].starts_with('#') {
            return;
        }
        let rest = &after[blanks..];
        let comment = rest[..rest.find('\n').unwrap_or(rest.len())].trim_end();
        self.warn(
            node.at(),
            tr!("letter-comment-cut", path = path, comment = comment),
            tr!("letter-comment-cut-help"),
        );
        self.mark_field(path);
    }

    /// A line of a plain scalar that starts with a dash: written one
    /// column too deep under an item, YAML joins it to the item above, and
    /// the clerk's item is printed inside another one without a word.
    fn dash_line_joined(&mut self, node: &Node, path: &str) {
        let Some((a, b)) = node.raw else { return };
        let text = &self.files.source(node.file).text;
        let Some(written) = text.get(a..b) else {
            return;
        };
        // Quoted texts start with their quote; a block text's span starts
        // after its `|` or `>` header.
        let header = text[..a]
            .trim_end()
            .rsplit([' ', '\n'])
            .next()
            .unwrap_or("");
        if written.starts_with(['"', '\'', '|', '>']) || header.starts_with(['|', '>']) {
            return;
        }
        let mut start = a;
        let mut first = true;
        for line in written.split_inclusive('\n') {
            let here = start;
            start += line.len();
            if std::mem::take(&mut first) {
                continue;
            }
            let body = line.trim_start_matches([' ', '\t']);
            let content = body.trim_end();
            if !(content == "-" || content.starts_with("- ") || content.starts_with("-\t")) {
                continue;
            }
            let dash = here + (line.len() - body.len());
            let pos = position_at(text, dash);
            // The dash of the item this text belongs to, if its first line
            // starts one: `- Текст` or `- text: Текст`.
            let line_start = text[..a].rfind('\n').map_or(0, |i| i + 1);
            let prefix = &text[line_start..a];
            let indent = prefix.len() - prefix.trim_start_matches(' ').len();
            let help = if prefix[indent..].starts_with("- ") {
                tr!("letter-dash-joined-help", column = indent + 1)
            } else {
                tr!("letter-dash-joined-help-free")
            };
            self.warn(
                At {
                    file: node.file,
                    pos,
                },
                tr!("letter-dash-joined", path = path, line = content),
                help,
            );
            self.mark_field(path);
            return;
        }
    }

    /// Opens a mapping, reporting unknown field names with the nearest valid one.
    pub(super) fn mapping<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        allowed: &'static [&'static str],
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            let what = if path.is_empty() {
                tr!("letter-the-letter")
            } else {
                tr!("letter-quoted-path", path = path)
            };
            self.error(
                node.at(),
                tr!("letter-not-mapping", what = what, kind = node.value.kind()),
                tr!("letter-not-mapping-help", fields = allowed.join(", ")),
            );
            self.mark_field(path);
            return None;
        };
        let mut suggested = Vec::new();
        for (key, _) in entries {
            if allowed.contains(&key.name.as_str()) {
                continue;
            }
            suggested.extend(nearest(&key.name, allowed));
            let full = if path.is_empty() {
                key.name.clone()
            } else {
                format!("{path}.{}", key.name)
            };
            let help = match nearest(&key.name, allowed) {
                Some(s) => tr!("letter-rename-field", suggestion = s),
                None => tr!("letter-allowed-fields", fields = allowed.join(", ")),
            };
            let message = match nearest(&key.name, allowed) {
                Some(s) => tr!("letter-unknown-field-near", field = &full, suggestion = s),
                None => tr!("letter-unknown-field", field = &full),
            };
            self.error(key.at(), message, help);
            self.mark_field(&full);
        }
        Some(Fields {
            entries: entries.iter().map(|(k, v)| (k, v)).collect(),
            at: node.at(),
            path: path.to_owned(),
            suggested,
        })
    }

    pub(super) fn missing(&mut self, fields: &Fields, name: &str, example: &str) {
        if fields.suggested.contains(&name) {
            return;
        }
        let field = fields.field_path(name);
        let message = if fields.path.is_empty() {
            tr!("letter-missing-in-letter", field = &field)
        } else {
            tr!("letter-missing-in", field = &field, parent = &fields.path)
        };
        self.error(
            fields.at,
            message,
            tr!("letter-missing-help", example = example),
        );
        self.mark_field(&field);
        self.absent.extend(self.problems.pop());
    }

    /// A text value. Numbers and yes/no are taken as written (a phone
    /// number `0745674` without quotes keeps its leading zero).
    pub(super) fn text(&mut self, node: &Node, path: &str, fold: bool) -> Option<Text> {
        let raw = match &node.value {
            Value::Text(s) => {
                self.comment_after_plain(node, path);
                if fold {
                    self.dash_line_joined(node, path);
                }
                s.clone()
            }
            Value::Number(s) => self.written(node).unwrap_or_else(|| s.clone()),
            Value::Bool(b) => self.written(node).unwrap_or_else(|| b.to_string()),
            // `~` or `null` written where a text is expected: a text stays
            // as typed, like `yes` or `0012`.
            Value::Null if self.written(node).is_some() => self.written(node).unwrap_or_default(),
            other @ (Value::Null | Value::Seq(_) | Value::Map(_)) => {
                self.error(
                    node.at(),
                    tr!("letter-not-text", path = path, kind = other.kind()),
                    tr!("letter-not-text-help"),
                );
                self.mark_field(path);
                return None;
            }
        };
        if let Some(c) = first_forbidden_control(&raw) {
            let pos = match node.file {
                FileId::DATA => node.pos,
                file => position_of_char(&self.files.source(file).text, node.pos, c),
            };
            self.error(
                At {
                    file: node.file,
                    pos,
                },
                tr!(
                    "letter-control-char",
                    path = path,
                    code = format!("{:04X}", c as u32)
                ),
                tr!("letter-invisible-help"),
            );
            self.mark_field(path);
            return None;
        }
        let value = if fold {
            fold_text(&raw)
        } else {
            raw.trim().to_owned()
        };
        Some(Text {
            value,
            pos: node.pos,
            file: node.file,
        })
    }

    /// A required text that must not be blank.
    pub(super) fn nonblank(&mut self, node: &Node, path: &str) -> Option<Text> {
        let t = self.text(node, path, true)?;
        if t.value.is_empty() {
            self.error(
                node.at(),
                tr!("letter-empty", path = path),
                tr!("letter-empty-help"),
            );
            self.mark_field(path);
            return None;
        }
        Some(t)
    }

    pub(super) fn optional_text(&mut self, fields: &Fields, name: &str) -> Option<Text> {
        let node = fields.get_text(name)?;
        self.text(node, &fields.field_path(name), true)
            .filter(|t| !t.value.is_empty())
    }

    /// Printed lines: a text whose line breaks are kept, or a list of lines.
    pub(super) fn lines(&mut self, node: &Node, path: &str) -> Option<Vec<Text>> {
        let lines: Vec<Text> = match &node.value {
            Value::Seq(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    out.push(self.text(item, &format!("{path}[{}]", i + 1), true)?);
                }
                out
            }
            _ => {
                let t = self.text(node, path, false)?;
                t.value
                    .lines()
                    .map(|l| Text {
                        value: l.trim().to_owned(),
                        pos: node.pos,
                        file: node.file,
                    })
                    .collect()
            }
        };
        // Blank lines at the ends are an artefact of YAML block scalars.
        let first = lines.iter().position(|l| !l.value.is_empty());
        let last = lines.iter().rposition(|l| !l.value.is_empty());
        match (first, last) {
            (Some(a), Some(b)) => Some(lines[a..=b].to_vec()),
            _ => Some(Vec::new()),
        }
    }

    pub(super) fn date(&mut self, node: &Node, path: &str) -> Option<Date> {
        let raw = match &node.value {
            Value::Text(s) | Value::Number(s) => s.clone(),
            other => {
                self.error(
                    node.at(),
                    tr!("letter-not-date", path = path, kind = other.kind()),
                    tr!("letter-date-help"),
                );
                self.mark_field(path);
                return None;
            }
        };
        match parse_iso(&raw) {
            Ok(date) if !super::plausible::YEARS.contains(&chrono::Datelike::year(&date)) => {
                self.error(
                    node.at(),
                    tr!(
                        "letter-year-range",
                        path = path,
                        year = chrono::Datelike::year(&date),
                        first = *super::plausible::YEARS.start(),
                        last = *super::plausible::YEARS.end()
                    ),
                    tr!("letter-year-help"),
                );
                self.mark_field(path);
                None
            }
            Ok(date) => Some(Date {
                date,
                pos: node.pos,
            }),
            Err(why) => {
                // A date written the other way round gets its exact fix.
                let help = match super::date::day_first(&raw) {
                    Some(iso) => tr!("letter-date-help-exact", date = iso),
                    None => tr!("letter-date-help"),
                };
                self.error(
                    node.at(),
                    tr!("letter-date-why", path = path, why = why),
                    help,
                );
                self.mark_field(path);
                None
            }
        }
    }

    pub(super) fn count(&mut self, node: &Node, path: &str) -> Option<u32> {
        let parsed = match &node.value {
            Value::Number(s) | Value::Text(s) => s.trim().parse::<u32>().ok().filter(|&n| n > 0),
            _ => None,
        };
        let most = if path.ends_with(".copies") {
            super::plausible::MAX_COPIES
        } else {
            super::plausible::MAX_SHEETS
        };
        if let Some(n) = parsed.filter(|&n| n > most) {
            self.error(
                node.at(),
                tr!("letter-count-large", path = path, n = n, most = most),
                tr!("letter-count-large-help"),
            );
            self.mark_field(path);
            return None;
        }
        if parsed.is_none() {
            self.error(
                node.at(),
                tr!(
                    "letter-count-bad",
                    path = path,
                    found = describe(&node.value)
                ),
                tr!("letter-count-bad-help"),
            );
            self.mark_field(path);
        }
        parsed
    }
}

pub(super) fn describe(v: &Value) -> String {
    match v {
        Value::Text(s) | Value::Number(s) => tr!("letter-quoted-value", value = s),
        other => other.kind(),
    }
}

/// Control characters other than line breaks and tabs have no printed form.
/// (The definition [`first_forbidden_control`] is tested against.)
#[cfg(test)]
pub(super) fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || c == '\u{feff}'
}

/// The first [`is_forbidden_control`] character of `text`, found by its
/// UTF-8 bytes rather than by decoding every character (a text check
/// looks at each character of a letter): the C0 controls and DEL are one
/// byte, the C1 controls (U+0080..U+009F) `C2 80..C2 9F`, U+FEFF
/// `EF BB BF`. Lead bytes are never continuation bytes, so no match is
/// found inside another character.
pub(super) fn first_forbidden_control(text: &str) -> Option<char> {
    let bytes = text.as_bytes();
    // Blocks of bytes none of which can start one are passed over whole:
    // a test without branches that the compiler does for a block at once.
    let skipped = bytes
        .chunks_exact(CONTROL_SCAN_BLOCK)
        .take_while(|block| {
            !block.iter().fold(false, |any, &b| {
                any | ((b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xef))
            })
        })
        .count()
        * CONTROL_SCAN_BLOCK;
    let at = (skipped..bytes.len()).find(|&i| match bytes[i] {
        b'\n' | b'\r' | b'\t' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|&n| n < 0xa0),
        0xef => bytes[i + 1..].starts_with(&[0xbb, 0xbf]),
        _ => false,
    })?;
    text[at..].chars().next()
}

/// Bytes [`first_forbidden_control`] tests at once.
pub(super) const CONTROL_SCAN_BLOCK: usize = 16;

/// Paragraph text is folded: line breaks and tabs inside one value are spaces.
pub(super) fn fold_text(raw: &str) -> String {
    let text = raw.trim();
    let mut out = String::with_capacity(text.len());
    // Trimmed, the text starts and ends with a non-space: runs of breaks
    // and spaces inside it become one space. Copied a word at a time, found
    // by bytes (the four separators are ASCII, never inside a character).
    let mut word = 0;
    for (i, b) in text.bytes().enumerate() {
        if matches!(b, b'\n' | b'\r' | b'\t' | b' ') {
            if word < i {
                out.push_str(&text[word..i]);
                out.push(' ');
            }
            word = i + 1;
        }
    }
    out.push_str(&text[word..]);
    out
}

/// The line and column (counted in characters, from 1) of byte `offset`.
fn position_at(text: &str, offset: usize) -> Pos {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}
