//! The document: letter markup parsed into blocks of inline runs.
//!
//! This tree is the contract between composing and typesetting, as usvg's
//! tree is between parsing and rendering: templates produce markup, this
//! module reads it, and the typesetter never sees a template or a YAML value.
//!
//! The markup (see `templates/README.md`):
//! - a block starts with a header line `[kind key="value" …]` at column 1;
//! - the lines after it, up to the next header, are its content;
//! - `\` escapes the next character; `**bold**` and `*italic*` mark emphasis.

pub mod list;
pub mod raw;
pub mod table;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::letter::node::Pos;

/// The blocks a letter can have. Their look is set by the typesetter from
/// the page rules; their words come from the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Letterhead,
    Outgoing,
    Reference,
    Addressee,
    Salutation,
    Paragraph,
    Attachments,
    Signature,
    Executor,
}

impl BlockKind {
    pub const ALL: [(&'static str, BlockKind); 9] = [
        ("letterhead", BlockKind::Letterhead),
        ("outgoing", BlockKind::Outgoing),
        ("reference", BlockKind::Reference),
        ("addressee", BlockKind::Addressee),
        ("salutation", BlockKind::Salutation),
        ("paragraph", BlockKind::Paragraph),
        ("attachments", BlockKind::Attachments),
        ("signature", BlockKind::Signature),
        ("executor", BlockKind::Executor),
    ];

    pub fn name(self) -> &'static str {
        BlockKind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .unwrap_or("paragraph")
    }

    /// Paragraph-like blocks fold their lines into one text; the others keep
    /// each line as a printed line.
    pub fn folds_lines(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::Salutation)
    }

    fn attributes(self) -> &'static [&'static str] {
        match self {
            BlockKind::Letterhead => {
                &["left", "right", "emblem", "contacts-left", "contacts-right"]
            }
            BlockKind::Signature => &["name", "bold"],
            _ => &["bold", "align"],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
}

/// A piece of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

/// One line of text as runs. In a paragraph it is the whole paragraph.
pub type Inline = Vec<Run>;

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub attrs: BTreeMap<String, String>,
    /// Paragraph and salutation: one element, the folded text. Others: one
    /// element per printed line.
    pub lines: Vec<Inline>,
    /// Where the header stands in the markup.
    pub pos: Pos,
}

impl Block {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).map(String::as_str)
    }

    pub fn flag(&self, key: &str) -> bool {
        matches!(self.attr(key), Some("true" | "yes" | "1"))
    }

    /// The block's text without styles, lines joined by `\n`.
    pub fn plain_text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Metadata of the output file, from the `[document]` header.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub lang: String,
    pub title: String,
    pub author: String,
    pub subject: String,
    /// ISO date; the PDF's creation date (never the clock).
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

/// Parses letter markup. `origin` names the template for messages.
pub fn parse(markup: &str, origin: &Path) -> Result<Document> {
    let mut doc = Document::default();
    let mut problems = Vec::new();
    let lines: Vec<&str> = markup.lines().collect();
    let mut i = 0;
    let mut current: Option<(Block, Vec<String>)> = None;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with('[') {
            // A header may continue over several lines until its closing `]`.
            let start = i;
            let mut header = line.to_owned();
            while !header_closed(&header) && i + 1 < lines.len() {
                i += 1;
                header.push('\n');
                header.push_str(lines[i]);
            }
            let pos = Pos {
                line: start + 1,
                column: 1,
            };
            if let Some((block, content)) = current.take() {
                doc.blocks.push(finish_block(block, content));
            }
            match parse_header(&header) {
                Ok((name, attrs)) if name == "document" => {
                    doc.meta = Meta {
                        lang: attrs.get("lang").cloned().unwrap_or_else(|| "ru".into()),
                        title: attrs.get("title").cloned().unwrap_or_default(),
                        author: attrs.get("author").cloned().unwrap_or_default(),
                        subject: attrs.get("subject").cloned().unwrap_or_default(),
                        date: attrs.get("date").cloned().unwrap_or_default(),
                    };
                }
                Ok((name, attrs)) => {
                    match BlockKind::ALL.iter().find(|(n, _)| *n == name) {
                        Some((_, kind)) => {
                            for key in attrs.keys() {
                                if !kind.attributes().contains(&key.as_str()) {
                                    problems.push(
                                        Diagnostic::at(
                                            origin,
                                            markup,
                                            pos,
                                            format!("unknown attribute '{key}' on [{name}]"),
                                        )
                                        .with_help(format!(
                                            "[{name}] takes: {}",
                                            kind.attributes().join(", ")
                                        )),
                                    );
                                }
                            }
                            current = Some((
                                Block {
                                    kind: *kind,
                                    attrs,
                                    lines: Vec::new(),
                                    pos,
                                },
                                Vec::new(),
                            ));
                        }
                        None => {
                            let names: Vec<&str> =
                                BlockKind::ALL.iter().map(|(n, _)| *n).collect();
                            problems.push(
                                Diagnostic::at(
                                    origin,
                                    markup,
                                    pos,
                                    format!("unknown block [{name}]"),
                                )
                                .with_help(format!("blocks are: document, {}", names.join(", "))),
                            );
                        }
                    }
                }
                Err(why) => problems.push(
                    Diagnostic::at(origin, markup, pos, format!("bad block header: {why}"))
                        .with_help("write headers as [kind key=\"value\"], escaping \" and ] inside values with \\"),
                ),
            }
        } else if let Some((_, content)) = current.as_mut() {
            content.push(line.to_owned());
        } else if !line.trim().is_empty() {
            problems.push(
                Diagnostic::at(
                    origin,
                    markup,
                    Pos {
                        line: i + 1,
                        column: 1,
                    },
                    "text before the first block",
                )
                .with_help("start the markup with a block header such as [paragraph]"),
            );
        }
        i += 1;
    }
    if let Some((block, content)) = current.take() {
        doc.blocks.push(finish_block(block, content));
    }
    if problems.is_empty() {
        Ok(doc)
    } else {
        Err(Error {
            diagnostics: problems,
        })
    }
}

/// Whether a header's text has reached its unescaped closing `]`.
fn header_closed(header: &str) -> bool {
    let mut escaped = false;
    let mut quoted = false;
    for c in header.chars().skip(1) {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => quoted = !quoted,
            (false, ']') if !quoted => return true,
            _ => {}
        }
    }
    false
}

fn parse_header(header: &str) -> std::result::Result<(String, BTreeMap<String, String>), String> {
    let chars: Vec<char> = header.chars().collect();
    let mut i = 1; // after '['
    let skip_ws = |i: &mut usize| {
        while *i < chars.len() && chars[*i].is_whitespace() {
            *i += 1;
        }
    };
    let word = |i: &mut usize| {
        let start = *i;
        while *i < chars.len()
            && (chars[*i].is_alphanumeric() || chars[*i] == '-' || chars[*i] == '_')
        {
            *i += 1;
        }
        chars[start..*i].iter().collect::<String>()
    };
    skip_ws(&mut i);
    let name = word(&mut i);
    if name.is_empty() {
        return Err("a block name must follow '['".into());
    }
    let mut attrs = BTreeMap::new();
    loop {
        skip_ws(&mut i);
        match chars.get(i) {
            None => return Err("missing closing ']'".into()),
            Some(']') => {
                let rest: String = chars[i + 1..].iter().collect();
                if !rest.trim().is_empty() {
                    return Err(format!("unexpected text after ']': '{}'", rest.trim()));
                }
                return Ok((name, attrs));
            }
            Some(_) => {}
        }
        let key = word(&mut i);
        if key.is_empty() {
            return Err(format!("unexpected '{}'", chars[i]));
        }
        if chars.get(i) != Some(&'=') || chars.get(i + 1) != Some(&'"') {
            return Err(format!("attribute '{key}' must be written {key}=\"value\""));
        }
        i += 2;
        let mut value = String::new();
        loop {
            match chars.get(i) {
                None => return Err(format!("unclosed quote in attribute '{key}'")),
                Some('\\') => {
                    if let Some(&c) = chars.get(i + 1) {
                        value.push(c);
                    }
                    i += 2;
                }
                Some('"') => {
                    i += 1;
                    break;
                }
                Some(&c) => {
                    value.push(if c == '\n' { ' ' } else { c });
                    i += 1;
                }
            }
        }
        attrs.insert(key, value);
    }
}

fn finish_block(mut block: Block, content: Vec<String>) -> Block {
    if block.kind.folds_lines() {
        let joined = content
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        block.lines = if joined.is_empty() {
            Vec::new()
        } else {
            vec![parse_inline(&joined)]
        };
    } else {
        block.lines = content
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(parse_inline)
            .collect();
    }
    block
}

/// One character of inline text after unescaping: escaped characters are
/// never emphasis markers.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    escaped: bool,
}

/// Parses `**bold**` and `*italic*`. A marker counts only when it has a
/// partner; an unmatched `*` prints as itself.
pub fn parse_inline(text: &str) -> Inline {
    let mut chars: Vec<Ch> = Vec::with_capacity(text.len());
    let mut it = text.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some(n) => chars.push(Ch {
                    c: n,
                    escaped: true,
                }),
                None => chars.push(Ch { c, escaped: true }),
            }
        } else {
            chars.push(Ch { c, escaped: false });
        }
    }
    let is_star = |i: usize, chars: &[Ch]| chars.get(i).is_some_and(|c| c.c == '*' && !c.escaped);
    // Find matched marker pairs: (open index, close index, marker length).
    let mut markers: Vec<Option<usize>> = vec![None; chars.len()]; // marker length at index
    for len in [2usize, 1] {
        let mut i = 0;
        while i < chars.len() {
            let here = (0..len).all(|k| is_star(i + k, &chars) && markers[i + k].is_none());
            let opens = here
                && !(i > 0 && is_star(i - 1, &chars) && markers[i - 1].is_none())
                && !is_star(i + len, &chars)
                && chars.get(i + len).is_some_and(|c| !c.c.is_whitespace());
            if opens {
                // Look for the partner.
                let mut j = i + len + 1;
                let mut found = None;
                while j + len <= chars.len() {
                    let close = (0..len)
                        .all(|k| is_star(j + k, &chars) && markers[j + k].is_none())
                        && !chars[j - 1].c.is_whitespace()
                        && !is_star(j + len, &chars);
                    if close {
                        found = Some(j);
                        break;
                    }
                    j += 1;
                }
                if let Some(j) = found {
                    for k in 0..len {
                        markers[i + k] = Some(len);
                        markers[j + k] = Some(len);
                    }
                    i = j + len;
                    continue;
                }
            }
            i += 1;
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut style = Style::default();
    let mut i = 0;
    while i < chars.len() {
        if let Some(len) = markers[i] {
            if len == 2 {
                style.bold = !style.bold;
            } else {
                style.italic = !style.italic;
            }
            i += len;
            continue;
        }
        match runs.last_mut() {
            Some(r) if r.style == style => r.text.push(chars[i].c),
            _ => runs.push(Run {
                text: chars[i].c.to_string(),
                style,
            }),
        }
        i += 1;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(inline: &Inline) -> Vec<(String, bool, bool)> {
        inline
            .iter()
            .map(|r| (r.text.clone(), r.style.bold, r.style.italic))
            .collect()
    }

    #[test]
    fn emphasis() {
        let i = parse_inline("a **b** *c* d");
        assert_eq!(
            plain(&i),
            vec![
                ("a ".into(), false, false),
                ("b".into(), true, false),
                (" ".into(), false, false),
                ("c".into(), false, true),
                (" d".into(), false, false)
            ]
        );
    }

    #[test]
    fn unmatched_and_escaped_stars_print() {
        assert_eq!(
            plain(&parse_inline("5 * 3 = 15")),
            vec![("5 * 3 = 15".into(), false, false)]
        );
        assert_eq!(
            plain(&parse_inline("\\*x\\*")),
            vec![("*x*".into(), false, false)]
        );
        assert_eq!(
            plain(&parse_inline("a*")),
            vec![("a*".into(), false, false)]
        );
    }

    #[test]
    fn blocks_and_attributes() {
        let m = "[document lang=\"ru\" title=\"T \\\"q\\\"\"]\n[addressee]\nA\nB\n[paragraph]\nx\ny\n[signature name=\"Е. Т\"]\nПост\n";
        let d = parse(m, Path::new("t")).unwrap();
        assert_eq!(d.meta.title, "T \"q\"");
        assert_eq!(d.blocks.len(), 3);
        assert_eq!(d.blocks[0].lines.len(), 2);
        assert_eq!(d.blocks[1].plain_text(), "x y");
        assert_eq!(d.blocks[2].attr("name"), Some("Е. Т"));
    }

    #[test]
    fn escaped_bracket_is_text_not_a_header() {
        let d = parse("[paragraph]\n\\[paragraph\\] {{ x }}\n", Path::new("t")).unwrap();
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.blocks[0].plain_text(), "[paragraph] {{ x }}");
    }

    #[test]
    fn unknown_block_is_an_error_with_line() {
        let e = parse("[paragraph]\nx\n[foo]\n", Path::new("t.tera")).unwrap_err();
        assert_eq!(e.diagnostics[0].pos.unwrap().line, 3);
    }
}
