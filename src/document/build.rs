//! Raw blocks become typed blocks: each kind's attributes are checked here,
//! once, so that no later stage reads an attribute string.

use std::path::{Path, PathBuf};

use super::markup::{RawBlock, scan};
use super::{
    Align, Block, BlockKind, Content, Document, Info, Inline, Letterhead, Lines, Origin, Signature,
    Text, list, parse_inline, table,
};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::lang::Lang;
use crate::span::Pos;
use crate::tr;

/// A problem found in the markup, at a markup position.
struct Problem {
    pos: Pos,
    message: String,
    help: String,
    /// Text that stands in the template where the mistake is written (an
    /// attribute `key="value"`, a header `[name`), to point there rather
    /// than at the composed markup.
    needle: Option<String>,
}

pub(super) fn document(
    markup: &str,
    origin: &Path,
    lang: Lang,
    templates: &[(PathBuf, &str)],
) -> Result<Document> {
    let (raw, syntax) = scan(markup);
    let mut problems: Vec<Problem> = syntax
        .into_iter()
        .map(|p| Problem {
            pos: p.pos,
            message: p.message,
            help: p.help,
            needle: None,
        })
        .collect();
    let mut doc = Document {
        info: Info::new(lang),
        blocks: Vec::with_capacity(raw.len()),
    };
    let mut at = 0;
    while at < raw.len() {
        let block = &raw[at];
        at += 1;
        let mut attrs = Attrs::new(block);
        if block.name == "document" {
            doc.info = info(&mut attrs, lang);
            attrs.finish(&["lang", "title", "author", "subject", "date", "draft", "qr"]);
            problems.append(&mut attrs.problems);
            continue;
        }
        if let Some(len) = grouped(&raw[at - 1..]) {
            let run = &raw[at - 1..at - 1 + len];
            at += len - 1;
            match group(run, &mut problems) {
                Some(content) => doc.blocks.push(Block {
                    content,
                    origin: Origin { markup: block.pos },
                }),
                None => continue,
            }
            continue;
        }
        let Some(&(_, kind)) = BlockKind::ALL.iter().find(|(n, _)| *n == block.name) else {
            let names: Vec<&str> = BlockKind::ALL.iter().map(|(n, _)| *n).collect();
            problems.push(Problem {
                pos: block.pos,
                message: tr!("document-unknown-block", name = &block.name),
                help: tr!("document-unknown-block-help", names = names.join(", ")),
                needle: Some(format!("[{}", block.name)),
            });
            continue;
        };
        let content = content(kind, block, &mut attrs);
        problems.append(&mut attrs.problems);
        doc.blocks.push(Block {
            content,
            origin: Origin { markup: block.pos },
        });
    }
    if problems.is_empty() {
        return Ok(doc);
    }
    problems.sort_by_key(|p| p.pos);
    Err(Error {
        diagnostics: problems
            .into_iter()
            .map(|p| {
                let found = p.needle.as_deref().and_then(|n| locate(templates, n));
                match found {
                    Some((file, text, pos)) => Diagnostic::at(file, text, pos, p.message),
                    None => Diagnostic::at(origin, markup, p.pos, p.message),
                }
                .with_help(p.help)
            })
            .collect(),
    })
}

fn info(attrs: &mut Attrs, lang: Lang) -> Info {
    let mut info = Info::new(lang);
    if let Some(code) = attrs.take("lang") {
        match crate::lang::Lang::parse(code) {
            Some(l) if l == lang => {}
            Some(l) => attrs.problem_at(
                "lang",
                tr!(
                    "document-lang-mismatch",
                    code = l.code(),
                    lang = lang.code()
                ),
                tr!(
                    "document-lang-mismatch-help",
                    example = "lang=\"{{ lang }}\""
                ),
            ),
            None => attrs.problem_at(
                "lang",
                tr!("document-lang-unknown", code = code),
                tr!(
                    "document-lang-unknown-help",
                    example = "lang=\"{{ lang }}\""
                ),
            ),
        }
    }
    info.title = attrs.take("title").unwrap_or_default().to_owned();
    info.author = attrs.take("author").unwrap_or_default().to_owned();
    info.subject = attrs.take("subject").unwrap_or_default().to_owned();
    info.draft = attrs.take("draft").unwrap_or_default().trim().to_owned();
    info.qr = attrs.take("qr").unwrap_or_default().trim().to_owned();
    if let Some(date) = attrs.take("date").filter(|d| !d.is_empty()) {
        match chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(d) if date.len() == 10 => info.date = Some(d),
            Ok(_) | Err(_) => attrs.problem_at(
                "date",
                tr!("document-bad-date", date = date),
                tr!(
                    "document-bad-date-help",
                    example = "date=\"{{ outgoing.date }}\""
                ),
            ),
        }
    }
    info
}

fn content(kind: BlockKind, block: &RawBlock, attrs: &mut Attrs) -> Content {
    let lines = || block.lines.iter().map(|l| parse_inline(l)).collect();
    let folded = || {
        let joined = block.lines.join(" ");
        (!joined.is_empty()).then(|| parse_inline(&joined))
    };
    match kind {
        BlockKind::Letterhead => {
            let head = Letterhead {
                left: attrs.take("left").map(plain),
                right: attrs.take("right").map(plain),
                emblem: attrs
                    .take("emblem")
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned),
                contacts_left: attrs.take("contacts-left").map(plain),
                contacts_right: attrs.take("contacts-right").map(plain),
            };
            attrs.finish(&["left", "right", "emblem", "contacts-left", "contacts-right"]);
            Content::Letterhead(head)
        }
        BlockKind::Signature => {
            let signature = Signature {
                name: plain(attrs.take("name").unwrap_or_default()),
                bold: attrs.flag("bold"),
                position: lines(),
            };
            attrs.finish(&["name", "bold"]);
            Content::Signature(signature)
        }
        BlockKind::Paragraph => {
            let text = Text {
                align: attrs.align(),
                bold: attrs.flag("bold"),
                text: folded(),
            };
            attrs.finish(&["align", "bold"]);
            Content::Paragraph(text)
        }
        BlockKind::Salutation | BlockKind::Heading => {
            // Their place is fixed (layout.md): the salutation centred, the
            // heading ragged right at the left; an `align` would be ignored.
            let salutation = kind == BlockKind::Salutation;
            let text = Text {
                align: if salutation {
                    Align::Center
                } else {
                    Align::Left
                },
                bold: attrs.flag("bold"),
                text: folded(),
            };
            attrs.finish(&["bold"]);
            if salutation {
                Content::Salutation(text)
            } else {
                Content::Heading(text)
            }
        }
        BlockKind::List | BlockKind::Table => {
            unreachable!("[item] and [table] runs are grouped before")
        }
        BlockKind::Outgoing
        | BlockKind::Reference
        | BlockKind::Addressee
        | BlockKind::Attachments
        | BlockKind::Copies
        | BlockKind::Executor => {
            let l = Lines {
                bold: attrs.flag("bold"),
                lines: lines(),
            };
            attrs.finish(&["bold"]);
            match kind {
                BlockKind::Outgoing => Content::Outgoing(l),
                BlockKind::Reference => Content::Reference(l),
                BlockKind::Addressee => Content::Addressee(l),
                BlockKind::Attachments => Content::Attachments(l),
                BlockKind::Executor => Content::Executor(l),
                BlockKind::Copies => Content::Copies(l),
                BlockKind::Letterhead
                | BlockKind::Signature
                | BlockKind::Paragraph
                | BlockKind::Salutation
                | BlockKind::Heading
                | BlockKind::List
                | BlockKind::Table => unreachable!("handled above"),
            }
        }
    }
}

/// Where `needle` is first written in the template files: a mistake is
/// shown where the template author can fix it.
fn locate<'a>(
    templates: &'a [(PathBuf, &'a str)],
    needle: &str,
) -> Option<(&'a Path, &'a str, Pos)> {
    templates.iter().find_map(|(path, text)| {
        text.lines().enumerate().find_map(|(i, line)| {
            let at = line.find(needle)?;
            Some((
                path.as_path(),
                *text,
                Pos {
                    line: i + 1,
                    column: line[..at].chars().count() + 1,
                },
            ))
        })
    })
}

/// How many blocks from `raw[0]` make one grouped block: a run of
/// `[item]`s, or a `[table]` with its `[caption]`, `[row]` and `[cell]`s
/// (and a stray one of those, refused alone). `None` for other blocks.
fn grouped(raw: &[RawBlock]) -> Option<usize> {
    match raw.first()?.name.as_str() {
        "item" => Some(raw.iter().take_while(|b| b.name == "item").count()),
        "table" => Some(table::run_len(raw)),
        "caption" | "row" | "cell" => Some(1),
        _ => None,
    }
}

/// A list or a table from its run of raw blocks, their attributes checked;
/// `None` (with the problems recorded) when the markup is bad.
fn group(run: &[RawBlock], problems: &mut Vec<Problem>) -> Option<Content> {
    let before = problems.len();
    for b in run {
        let mut attrs = Attrs::new(b);
        let allowed: &[&str] = match b.name.as_str() {
            "item" => &["level", "number"],
            "table" => &["widths", "align"],
            "row" => {
                attrs.flag("header");
                attrs.flag("total");
                &["header", "total"]
            }
            _ => &[],
        };
        for key in allowed {
            attrs.take(key);
        }
        attrs.finish(allowed);
        problems.append(&mut attrs.problems);
    }
    let first = &run[0];
    let content = match first.name.as_str() {
        "item" => list::build(run).map(Content::List).map_err(|e| Problem {
            pos: e.pos,
            message: e.to_string(),
            help: e.help(),
            needle: None,
        }),
        "table" => table::build(run).map(Content::Table).map_err(|e| Problem {
            pos: e.pos,
            message: e.to_string(),
            help: e.help(),
            needle: None,
        }),
        name => Err(Problem {
            pos: first.pos,
            message: tr!("document-outside-table", name = name),
            help: tr!("document-outside-table-help"),
            needle: None,
        }),
    };
    match content {
        Ok(c) if problems.len() == before => Some(c),
        Ok(_) => None,
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

/// An attribute's text as one unstyled run: names are printed as written.
fn plain(text: &str) -> Inline {
    vec![super::Run {
        text: text.to_owned(),
        style: Default::default(),
    }]
}

/// A block's attributes, taken one by one; what is left unknown is refused.
struct Attrs<'a> {
    block: &'a RawBlock,
    taken: Vec<&'a str>,
    problems: Vec<Problem>,
}

impl<'a> Attrs<'a> {
    fn new(block: &'a RawBlock) -> Self {
        Attrs {
            block,
            taken: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn take(&mut self, key: &'static str) -> Option<&'a str> {
        let (k, v) = self.block.attrs.get_key_value(key)?;
        self.taken.push(k);
        Some(v.as_str())
    }

    /// A problem with attribute `key` of this block.
    fn problem_at(&mut self, key: &str, message: String, help: String) {
        let needle = match self.block.attrs.get(key) {
            Some(value) => format!("{key}=\"{value}\""),
            None => format!("{key}="),
        };
        self.problems.push(Problem {
            pos: self.block.pos,
            message,
            help,
            needle: Some(needle),
        });
    }

    fn flag(&mut self, key: &'static str) -> bool {
        match self.take(key) {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                let name = &self.block.name;
                self.problem_at(
                    key,
                    tr!("document-bad-flag", name = name, key = key, value = other),
                    tr!("document-bad-flag-help", key = key),
                );
                false
            }
        }
    }

    fn align(&mut self) -> Align {
        match self.take("align") {
            None | Some("justify") => Align::Justify,
            Some("left") => Align::Left,
            Some("center") => Align::Center,
            Some("right") => Align::Right,
            Some(other) => {
                let name = &self.block.name;
                self.problem_at(
                    "align",
                    tr!("document-bad-align", name = name, value = other),
                    tr!("document-bad-align-help"),
                );
                Align::Justify
            }
        }
    }

    /// Refuses every attribute not taken: a typo must not print silently.
    fn finish(&mut self, allowed: &[&str]) {
        let unknown: Vec<String> = self
            .block
            .attrs
            .keys()
            .filter(|k| !self.taken.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            let name = &self.block.name;
            self.problem_at(
                &key,
                tr!("document-unknown-attribute", key = &key, name = name),
                tr!(
                    "document-unknown-attribute-help",
                    name = name,
                    allowed = allowed.join(", ")
                ),
            );
        }
    }
}
