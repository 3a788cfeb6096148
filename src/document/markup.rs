//! The markup's outer syntax: header lines `[kind key="value" …]` and the
//! content lines after each, read into raw blocks. What the kinds and their
//! attributes mean is `build`'s business.

use std::collections::BTreeMap;

use crate::span::Pos;
use crate::tr;

/// A header and its content lines, before their meaning is checked.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RawBlock {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
    /// Content lines, trimmed, empty ones dropped.
    pub lines: Vec<String>,
    /// Where the header stands in the markup.
    pub pos: Pos,
}

impl RawBlock {
    /// The lines folded into one text, as a paragraph's are.
    pub fn folded(&self) -> super::Inline {
        super::parse_inline(&self.lines.join(" "))
    }
}

/// A problem of the outer syntax, at a markup position.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SyntaxProblem {
    pub pos: Pos,
    pub message: String,
    pub help: String,
}

/// Splits markup into raw blocks, collecting every syntax problem.
pub(super) fn scan(markup: &str) -> (Vec<RawBlock>, Vec<SyntaxProblem>) {
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut problems = Vec::new();
    let lines: Vec<&str> = markup.lines().collect();
    let mut i = 0;
    // Whether content lines belong to the last block (false after a bad header).
    let mut open = false;
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
            match parse_header(&header) {
                Ok((name, attrs)) => {
                    blocks.push(RawBlock {
                        name,
                        attrs,
                        lines: Vec::new(),
                        pos,
                    });
                    open = true;
                }
                Err(why) => {
                    problems.push(SyntaxProblem {
                        pos,
                        message: tr!("document-bad-header", why = why),
                        help: tr!("document-bad-header-help"),
                    });
                    open = false;
                }
            }
        } else if open {
            let text = line.trim();
            if !text.is_empty() {
                blocks
                    .last_mut()
                    .expect("open only after a block")
                    .lines
                    .push(text.to_owned());
            }
        } else if blocks.is_empty() && !line.trim().is_empty() {
            problems.push(SyntaxProblem {
                pos: Pos {
                    line: i + 1,
                    column: 1,
                },
                message: tr!("document-text-before-block"),
                help: tr!("document-text-before-block-help"),
            });
        }
        i += 1;
    }
    (blocks, problems)
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
        return Err(tr!("document-header-no-name"));
    }
    let mut attrs = BTreeMap::new();
    loop {
        skip_ws(&mut i);
        match chars.get(i) {
            None => return Err(tr!("document-header-unclosed")),
            Some(']') => {
                let rest: String = chars[i + 1..].iter().collect();
                if !rest.trim().is_empty() {
                    return Err(tr!("document-header-trailing", rest = rest.trim()));
                }
                return Ok((name, attrs));
            }
            Some(_) => {}
        }
        let key = word(&mut i);
        if key.is_empty() {
            return Err(tr!("document-header-unexpected", char = chars[i]));
        }
        if chars.get(i) != Some(&'=') || chars.get(i + 1) != Some(&'"') {
            return Err(tr!("document-header-attribute-form", key = &key));
        }
        i += 2;
        let mut value = String::new();
        loop {
            match chars.get(i) {
                None => return Err(tr!("document-header-unclosed-quote", key = &key)),
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
