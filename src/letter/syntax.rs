//! Reading a letter's YAML, and saying what went wrong where the clerk made
//! the mistake, in the clerk's words.
//!
//! The YAML reader reports where it gave up, which is often not where the
//! mistake is: a quote opened and never closed runs on to the next quote,
//! lines later; a field indented one space too far is a "mapping value"
//! to it. So a syntax error is looked at again against the source
//! ([`mistake`]): an unclosed quote or bracket is reported at its opening
//! character, a badly indented field at its first letter.

use super::node::{Node, Pos};
use super::{MAX_TEXT_BYTES, MAX_YAML_ALIASES, MAX_YAML_DEPTH, MAX_YAML_NODES, Source};
use crate::diagnostic::{Diagnostic, Result};
use crate::tr;

pub(super) fn parse_yaml(source: &Source) -> Result<Node> {
    if source.text.trim().is_empty() {
        return Err(Diagnostic::new(&source.path, tr!("letter-empty-file"))
            .with_help(tr!("letter-empty-file-help"))
            .into());
    }
    let options = serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        // A second `<<` was ignored silently; a letter writes its fields out.
        merge_keys: serde_saphyr::MergeKeyPolicy::Error,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: MAX_YAML_DEPTH,
            flow_nesting_limit: MAX_YAML_DEPTH,
            max_nodes: MAX_YAML_NODES,
            max_aliases: MAX_YAML_ALIASES,
            max_total_scalar_bytes: MAX_TEXT_BYTES,
        },
    };
    serde_saphyr::from_str_with_options::<Node>(&source.text, options).map_err(|e| {
        let parser = yaml_message(&e);
        let reported = e.location().filter(|loc| loc.line() > 0).map(|loc| Pos {
            line: loc.line() as usize,
            column: loc.column().max(1) as usize,
        });
        if budget_message(&e).is_none()
            && let Some(at) = reported
            && let Some((pos, message, help)) = mistake(&source.text, at, &parser)
        {
            return Diagnostic::at(&source.path, &source.text, pos, message)
                .with_help(help)
                .into();
        }
        let (message, help, tabs) =
            budget_message(&e).map_or_else(|| explain_yaml_error(&parser), |(m, h)| (m, h, false));
        let d = match reported {
            Some(mut pos) => {
                // The parser names the value it was reading when it met a
                // tab; the author needs the tab itself.
                if tabs {
                    pos = first_tab_from(&source.text, pos).unwrap_or(pos);
                }
                Diagnostic::at(&source.path, &source.text, pos, message)
            }
            None => Diagnostic::new(&source.path, message),
        };
        d.with_help(help).into()
    })
}

/// The first tab at or after `from`.
fn first_tab_from(text: &str, from: Pos) -> Option<Pos> {
    text.lines()
        .enumerate()
        .skip(from.line.saturating_sub(1))
        .find_map(|(i, line)| {
            let skip = if i + 1 == from.line {
                from.column.saturating_sub(1)
            } else {
                0
            };
            line.chars()
                .enumerate()
                .skip(skip)
                .find(|&(_, c)| c == '\t')
                .map(|(k, _)| Pos {
                    line: i + 1,
                    column: k + 1,
                })
        })
}

/// A limit of the YAML reader said in the letter's terms, with what to do.
fn budget_message(e: &serde_saphyr::Error) -> Option<(String, String)> {
    use serde_saphyr::budget::BudgetBreach as B;
    let mut e = e;
    while let serde_saphyr::Error::AliasError { error, .. }
    | serde_saphyr::Error::WithSnippet { error, .. } = e
    {
        e = error;
    }
    let serde_saphyr::Error::Budget { breach, .. } = e else {
        return None;
    };
    Some(match breach {
        B::Depth { .. } => (
            tr!("letter-yaml-too-deep", levels = MAX_YAML_DEPTH),
            tr!("letter-yaml-too-deep-help"),
        ),
        B::Nodes { .. } | B::Events { .. } => (
            tr!("letter-yaml-too-many-values", most = MAX_YAML_NODES),
            tr!("letter-yaml-too-many-values-help"),
        ),
        B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => (
            tr!("letter-yaml-too-many-aliases"),
            tr!("letter-yaml-aliases-help"),
        ),
        B::ScalarBytes { .. } => (
            tr!("letter-yaml-text-too-large", kib = MAX_TEXT_BYTES / 1024),
            tr!("letter-yaml-aliases-help"),
        ),
        other => (
            tr!("letter-yaml-limit", detail = format!("{other:?}")),
            tr!("letter-yaml-limit-help"),
        ),
    })
}

/// A clerk's wording of the parser's message, what to do about it, and
/// whether it is about a tab (placed at the tab).
fn explain_yaml_error(message: &str) -> (String, String, bool) {
    let lower = message.to_lowercase();
    if lower.contains("duplicate mapping key") {
        let key = message
            .split_once("key:")
            .map(|(_, rest)| rest.split(',').next().unwrap_or("").trim())
            .unwrap_or("");
        return (
            tr!("letter-yaml-duplicate", field = key),
            tr!("letter-yaml-duplicate-help"),
            false,
        );
    }
    // (Budget breaches are worded by `budget_message`.)
    if lower.contains("merge key") {
        return (
            tr!("letter-yaml-merge-key"),
            tr!("letter-yaml-merge-key-help"),
            false,
        );
    }
    if lower.contains("multiple yaml documents") {
        return (
            tr!("letter-yaml-two-documents"),
            tr!("letter-yaml-two-documents-help"),
            false,
        );
    }
    if lower.contains("recursion") || lower.contains("depth") || lower.contains("nesting") {
        return (
            tr!("letter-yaml-nested", detail = message),
            tr!("letter-yaml-nested-help"),
            false,
        );
    }
    if lower.contains("tabs") || lower.contains("found a tab") {
        return (
            tr!("letter-yaml-tab", detail = message),
            tr!("letter-yaml-tab-help"),
            true,
        );
    }
    let (what, help) = if lower.contains("unexpected character") {
        (
            tr!("letter-yaml-odd-character"),
            tr!("letter-invisible-help"),
        )
    } else if lower.contains("mapping values are not allowed") {
        (tr!("letter-yaml-colon"), tr!("letter-yaml-colon-help"))
    } else if lower.contains("anchor") || lower.contains("alias") {
        (tr!("letter-yaml-alias"), tr!("letter-yaml-aliases-help"))
    } else if lower.contains("escape") {
        (tr!("letter-yaml-escape"), tr!("letter-yaml-escape-help"))
    } else if lower.contains("trailing content") {
        (
            tr!("letter-yaml-after-quote"),
            tr!("letter-yaml-after-quote-help"),
        )
    } else if lower.contains("simple key expected") || lower.contains("could not find expected ':'")
    {
        (
            tr!("letter-yaml-no-colon"),
            tr!("letter-yaml-no-colon-help"),
        )
    } else if lower.contains("indicator") || lower.contains("flow") || lower.contains("quote") {
        (
            tr!("letter-yaml-unclosed"),
            tr!("letter-yaml-unclosed-help"),
        )
    } else if lower.contains("expected key") {
        (
            tr!("letter-yaml-expected-field"),
            tr!("letter-yaml-syntax-help"),
        )
    } else {
        (tr!("letter-yaml-syntax"), tr!("letter-yaml-syntax-help"))
    };
    (
        tr!("letter-yaml-worded", what = what, detail = message),
        help,
        false,
    )
}

/// serde-saphyr's message without its own location prefix and snippet: ours
/// carries both.
fn yaml_message(e: &serde_saphyr::Error) -> String {
    let text = e.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("invalid YAML").trim();
    // "… at line 3 column 5" is repeated by our location: drop it.
    let trimmed = match first.find(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    trimmed.trim_end_matches(':').to_owned()
}

/// One line of the letter, as far as finding a mistake needs it.
struct Line<'t> {
    text: &'t str,
    /// Spaces before the first character.
    indent: usize,
    /// 0-based char column where a field's name starts (after `- `).
    key: usize,
    /// 0-based char column of the first `: ` (or a final `:`) after the
    /// name, if the line is a field.
    colon: Option<usize>,
    /// 0-based char column where the value starts, if there is one.
    value: Option<usize>,
}

fn line(text: &str) -> Line<'_> {
    let chars: Vec<char> = text.chars().collect();
    let indent = chars.iter().take_while(|c| **c == ' ').count();
    let mut key = indent;
    while chars.get(key) == Some(&'-') && matches!(chars.get(key + 1), Some(' ') | None) {
        key += 1;
        while chars.get(key) == Some(&' ') {
            key += 1;
        }
    }
    // A field's name is plain: up to its first `: ` (not inside a value
    // that starts with a quote or a bracket).
    let colon = if matches!(chars.get(key), Some('"' | '\'' | '[' | '{')) {
        None
    } else {
        (key..chars.len())
            .find(|&i| {
                chars[i] == ':' && matches!(chars.get(i + 1), Some(' ') | None)
                    || chars[i] == '#' && i > 0 && chars[i - 1] == ' '
            })
            .filter(|&i| chars[i] == ':')
    };
    let after = colon.map_or(key, |c| c + 1);
    let value = (after..chars.len())
        .find(|&i| chars[i] != ' ')
        .filter(|&i| chars[i] != '#');
    Line {
        text,
        indent,
        key,
        colon,
        value,
    }
}

/// A line that says nothing to YAML's structure.
fn blank(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || t.starts_with('#')
}

/// The mistake behind a syntax error the parser reported at `at`, where
/// the clerk made it, in the clerk's words: (position, message, help).
fn mistake(text: &str, at: Pos, parser: &str) -> Option<(Pos, String, String)> {
    let lower = parser.to_lowercase();
    let about_quotes_or_brackets = ["quote", "quoted", "flow", "indicator", "expected"]
        .iter()
        .any(|w| lower.contains(w));
    if about_quotes_or_brackets && let Some(found) = unclosed(text, at) {
        return Some(found);
    }
    let indentation =
        lower.contains("mapping values are not allowed") || lower.contains("expected key");
    if indentation {
        return indented(text, at);
    }
    None
}

/// The first quote or bracket, at the start of a value on or before line
/// `at`, that its own line does not close. A letter's value is written on
/// one line (a longer one as a `|` or `>-` block), so a quote left open is
/// the mistake even where YAML read on, to the next quote lines later.
fn unclosed(text: &str, at: Pos) -> Option<(Pos, String, String)> {
    // Inside a block scalar (`|`, `>-`), lines deeper than its field are
    // text, not structure.
    let mut block: Option<usize> = None;
    for (i, raw) in text.lines().enumerate().take(at.line) {
        if blank(raw) {
            continue;
        }
        let l = line(raw);
        if let Some(field) = block {
            if l.indent > field {
                continue;
            }
            block = None;
        }
        let chars: Vec<char> = l.text.chars().collect();
        let Some(start) = l.value else { continue };
        match chars[start] {
            '|' | '>' => block = Some(l.indent),
            q @ ('"' | '\'') if !closes_quote(&chars[start + 1..], q) => {
                let pos = Pos {
                    line: i + 1,
                    column: start + 1,
                };
                return Some((
                    pos,
                    tr!("letter-yaml-unclosed-quote"),
                    tr!("letter-yaml-unclosed-quote-help", quote = q),
                ));
            }
            b @ ('[' | '{') if !closes_brackets(&chars[start..]) => {
                let pos = Pos {
                    line: i + 1,
                    column: start + 1,
                };
                let close = if b == '[' { ']' } else { '}' };
                return Some((
                    pos,
                    tr!("letter-yaml-unclosed-bracket", bracket = b),
                    tr!("letter-yaml-unclosed-bracket-help", bracket = close),
                ));
            }
            _ => {}
        }
    }
    None
}

/// Whether a quoted value closes on its line (`rest` follows the opening
/// quote): `\"` escapes in double quotes, `''` in single ones.
fn closes_quote(rest: &[char], q: char) -> bool {
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            '\\' if q == '"' => i += 1,
            c if c == q && q == '\'' && rest.get(i + 1) == Some(&'\'') => i += 1,
            c if c == q => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// Whether the brackets opened at the start of `value` close on its line.
fn closes_brackets(value: &[char]) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for (i, &c) in value.iter().enumerate() {
        match quote {
            Some(q) => {
                if c == q && !(q == '"' && i > 0 && value[i - 1] == '\\') {
                    quote = None;
                }
            }
            None => match c {
                '"' | '\'' if i > 0 && matches!(value[i - 1], '[' | '{' | ',' | ' ') => {
                    quote = Some(c)
                }
                '[' | '{' => depth += 1,
                ']' | '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return true;
                    }
                }
                '#' if i > 0 && value[i - 1] == ' ' => break,
                _ => {}
            },
        }
    }
    depth <= 0
}

/// A field indented otherwise than the fields it stands among: more than
/// the field above it, which has a value and so no fields under it, or to
/// a column between two levels.
fn indented(text: &str, at: Pos) -> Option<(Pos, String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let wrong = line(lines.get(at.line.checked_sub(1)?)?);
    if wrong.key > wrong.indent && at.column == wrong.indent + 1 {
        return item_out_of_line(&lines[..at.line - 1], &wrong, at.line);
    }
    let colon = wrong.colon?;
    // The parser points at the colon of an over-indented field; a second
    // `: ` further along the line is a colon inside a value instead.
    if at.column != colon + 1 && at.column != wrong.indent + 1 {
        return None;
    }
    let above: Vec<Line> = lines[..at.line - 1]
        .iter()
        .rev()
        .filter(|t| !blank(t))
        .map(|t| line(t))
        .collect();
    let previous = above.first()?;
    let pos = Pos {
        line: at.line,
        column: wrong.indent + 1,
    };
    let has_value = previous.value.is_some() && previous.colon.is_some();
    if has_value && wrong.indent > previous.key {
        return Some((
            pos,
            tr!("letter-yaml-over-indented"),
            tr!("letter-yaml-over-indented-help", column = previous.key + 1),
        ));
    }
    // Between the level of the field above and that of its parent.
    let parent = above.iter().find(|l| l.key < previous.key);
    if wrong.indent < previous.key && parent.is_none_or(|p| wrong.indent > p.key) {
        return Some((
            pos,
            tr!("letter-yaml-misindented"),
            tr!("letter-yaml-misindented-help", column = previous.key + 1),
        ));
    }
    None
}

/// A list item (`- …`) whose dash stands a column or two off the dash of
/// the item above it: YAML cannot place it, and the clerk meant the next
/// item of that list.
fn item_out_of_line(above: &[&str], wrong: &Line, number: usize) -> Option<(Pos, String, String)> {
    let item = above
        .iter()
        .rev()
        .filter(|t| !blank(t))
        .map(|t| line(t))
        .find(|l| l.key > l.indent)?;
    if item.indent == wrong.indent || item.indent.abs_diff(wrong.indent) > 2 {
        return None;
    }
    Some((
        Pos {
            line: number,
            column: wrong.indent + 1,
        },
        tr!("letter-yaml-item-out-of-line"),
        tr!(
            "letter-yaml-item-out-of-line-help",
            column = item.indent + 1
        ),
    ))
}

#[cfg(test)]
#[path = "syntax_tests.rs"]
mod tests;
