//! Source = print: what a reviewer reads in the letter file is what is
//! printed and signed. Characters that hide or reorder text (bidi controls,
//! zero-width characters), field names that only look right (a Cyrillic «а»
//! in `аddressee`) and YAML tags that turn a value into something else
//! (`!!binary` decodes base64) are refused, each at its place.

use super::node::{Key, Node, Pos, Value};
use crate::diagnostic::Diagnostic;
use crate::letter::Source;
use crate::tr;

/// Characters that reorder the text around them: an editor shows
/// `Е. \u{202e}вонавИ` as «Е. Иванов», the PDF prints it reversed.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Characters with no visible form that change what a value is: a
/// zero-width space inside a name or a number makes two values that look
/// the same differ.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200d}'
            | '\u{2060}'..='\u{2064}'
            | '\u{034f}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180e}'
            | '\u{3164}'
            | '\u{ffa0}'
    )
}

/// Every problem of the letter's tree, in file order.
pub(super) fn check(root: &Node, source: &Source) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(root, source, &mut out);
    out.extend(tags(source));
    out.sort_by_key(|d| d.pos.map(|p| (p.line, p.column)));
    out
}

/// Fields of running text, where an invisible character may be meant (a
/// zero-width space marks where a long word may break): only direction
/// controls are refused there. Names, numbers and dates are held to both.
const RUNNING_TEXT: &[&str] = &["body", "closing", "salutation"];

fn walk(node: &Node, source: &Source, out: &mut Vec<Diagnostic>) {
    let Value::Map(entries) = &node.value else {
        return visit(node, true, source, out);
    };
    for (key, value) in entries {
        field_name(key, source, out);
        visit(
            value,
            !RUNNING_TEXT.contains(&key.name.as_str()),
            source,
            out,
        );
    }
}

/// A field name: no hidden character, no look-alike of a Latin letter.
fn field_name(key: &Key, source: &Source, out: &mut Vec<Diagnostic>) {
    hidden(
        &key.name,
        key.pos,
        || tr!("letter-this-field-name"),
        true,
        source,
        out,
    );
    homoglyph(&key.name, key.pos, source, out);
}

fn visit(node: &Node, strict: bool, source: &Source, out: &mut Vec<Diagnostic>) {
    match &node.value {
        Value::Text(s) | Value::Number(s) => hidden(
            s,
            node.pos,
            || tr!("letter-this-value"),
            strict,
            source,
            out,
        ),
        Value::Seq(items) => items.iter().for_each(|n| visit(n, strict, source, out)),
        Value::Map(entries) => {
            for (key, value) in entries {
                field_name(key, source, out);
                visit(value, strict, source, out);
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

/// Years a reply letter's dates may have: a year 0000 printed
/// «от 01.01.0 года».
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Most sheets and copies an attachment may have: `sheets: 1e9` is a slip.
pub(super) const MAX_SHEETS: u32 = 10_000;
pub(super) const MAX_COPIES: u32 = 1_000;

/// The first bidi control or invisible character of `text`, at its place.
fn hidden(
    text: &str,
    pos: Pos,
    // Named only when something is found: this runs on every value.
    what: fn() -> String,
    strict: bool,
    source: &Source,
    out: &mut Vec<Diagnostic>,
) {
    let Some((index, c)) =
        first_char_where(text, |c| is_bidi_control(c) || (strict && is_invisible(c)))
    else {
        return;
    };
    let at = super::position_of_char(&source.text, pos, c);
    let (kind, help) = if is_bidi_control(c) {
        (tr!("letter-bidi-kind"), tr!("letter-bidi-help"))
    } else {
        (
            tr!("letter-invisible-kind"),
            tr!("letter-invisible-kind-help"),
        )
    };
    out.push(
        Diagnostic::at(
            &source.path,
            &source.text,
            at,
            tr!(
                "letter-hidden-char",
                what = what(),
                code = format!("{:04X}", c as u32),
                index = index + 1,
                kind = kind
            ),
        )
        .with_help(help),
    );
}

/// Bytes [`first_char_where`] tests at once.
const SCAN_BLOCK: usize = 16;

/// Whether a UTF-8 lead byte may start a [`is_bidi_control`] or
/// [`is_invisible`] character: U+034F (CD), U+061C (D8), U+115F..U+180E
/// (E1), U+200B..U+2069 (E2), U+3164 (E3), U+FFA0 (EF).
fn may_start_hidden(b: u8) -> bool {
    (b == 0xcd) | (b == 0xd8) | (b == 0xe1) | (b == 0xe2) | (b == 0xe3) | (b == 0xef)
}

/// The first character of `text` that `hit` holds for (one of the
/// [`may_start_hidden`] ones), with its index among the characters. Only
/// the blocks of bytes with such a lead byte are decoded: every value of
/// a letter is looked through, and nearly all its blocks have none.
fn first_char_where(text: &str, hit: impl Fn(char) -> bool) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    // A char boundary: no char before it is a hit.
    let mut at = 0;
    while at < bytes.len() {
        let end = at + SCAN_BLOCK;
        if let Some(block) = bytes.get(at..end)
            && !block
                .iter()
                .fold(false, |any, &b| any | may_start_hidden(b))
        {
            // Chars starting in the block are not hits; the last may
            // continue past it.
            at = end;
            while !text.is_char_boundary(at) {
                at += 1;
            }
            continue;
        }
        for c in text[at..].chars() {
            if hit(c) {
                return Some((text[..at].chars().count(), c));
            }
            at += c.len_utf8();
            if at >= end {
                break;
            }
        }
    }
    None
}

/// The Latin letter a Cyrillic (or Greek) letter is mistaken for.
fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'в' => 'b',
        'е' => 'e',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'к' => 'k',
        'м' => 'm',
        'т' => 't',
        'н' => 'h',
        _ => return None,
    })
}

/// A field name that mixes Latin letters with look-alike Cyrillic ones:
/// «did you mean 'addressee'» alone leaves the clerk staring at a name
/// that looks right.
fn homoglyph(name: &str, pos: Pos, source: &Source, out: &mut Vec<Diagnostic>) {
    if !name.chars().any(|c| c.is_ascii_alphabetic()) {
        return;
    }
    let Some((index, c)) = name
        .chars()
        .enumerate()
        .find(|&(_, c)| latin_twin(c).is_some())
    else {
        return;
    };
    let twin = latin_twin(c).unwrap_or(c);
    out.push(
        Diagnostic::at(
            &source.path,
            &source.text,
            pos,
            tr!(
                "letter-homoglyph",
                name = name,
                letter = c,
                code = format!("{:04X}", c as u32),
                index = index + 1,
                twin = twin
            ),
        )
        .with_help(tr!("letter-homoglyph-help")),
    );
}

/// YAML tags (`!!binary`, `!custom`) on values. A plain value cannot start
/// with `!`, so a `!` where a value starts is always a tag; the letter's
/// values are text, written as they print, and `!!str` is the only tag
/// that keeps them so.
fn tags(source: &Source) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    for (i, line) in source.text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = line.trim_start_matches(' ');
        if let Some(parent) = block {
            if body.is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        let mut quote: Option<char> = None;
        let mut escaped = false;
        let mut at_value_start = true;
        let mut prev = ' ';
        // The walk below reports only a `!` and keeps nothing from line to
        // line: a line without one (nearly every line) is not walked.
        let walked = if body.contains('!') { body } else { "" };
        for (col, (byte, c)) in walked.char_indices().enumerate() {
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if q == '"' && c == '\\' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => {
                    if c == '#' && prev.is_whitespace() {
                        break;
                    }
                    if at_value_start && c == '!' {
                        let tag: String = body[byte..]
                            .chars()
                            .take_while(|c| !c.is_whitespace())
                            .collect();
                        if tag != "!!str" {
                            let pos = Pos {
                                line: i + 1,
                                column: indent + col + 1,
                            };
                            out.push(
                                Diagnostic::at(
                                    &source.path,
                                    &source.text,
                                    pos,
                                    tr!("letter-tag", tag = &tag),
                                )
                                .with_help(tr!("letter-tag-help")),
                            );
                        }
                    }
                    if c == '"' || c == '\'' {
                        quote = at_value_start.then_some(c);
                    }
                    at_value_start = matches!(c, '[' | '{' | ',')
                        || (c.is_whitespace() && matches!(prev, ':' | '-' | ',' | '[' | '{'))
                        || (at_value_start && c.is_whitespace());
                }
            }
            prev = c;
        }
        let value = body.split(" #").next().unwrap_or("").trim_end();
        let opens_block = value
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .is_some_and(|last| {
                last.starts_with(['|', '>'])
                    && last[1..]
                        .chars()
                        .all(|c| matches!(c, '+' | '-' | '0'..='9'))
            });
        if opens_block {
            block = Some(indent);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn problems(text: &str) -> Vec<String> {
        let source = Source::from_bytes(Path::new("a.yaml"), text.as_bytes().to_vec()).unwrap();
        let node = super::super::syntax::parse_yaml(&source).unwrap();
        check(&node, &source)
            .iter()
            .map(|d| d.render(false))
            .collect()
    }

    #[test]
    fn hidden_characters_are_found_after_long_plain_stretches_at_every_offset() {
        let hidden = |c: char| is_bidi_control(c) || is_invisible(c);
        // Every hidden character and the neighbours sharing its lead byte,
        // in and across the blocks passed over, after 1-, 2- and 3-byte
        // chars (— shares E2 with most of them), twice.
        let chars = (0x300..=0x700)
            .chain(0x1100..=0x1200)
            .chain(0x17b0..=0x1810)
            .chain(0x2000..=0x2070)
            .chain([0x3164, 0x3165, 0xffa0, 0xffa1])
            .filter_map(char::from_u32);
        for c in chars {
            for len in 0..3 * SCAN_BLOCK {
                let plain: String = "жx—".chars().cycle().take(len).collect();
                let text = format!("{plain}{c}{plain}{c}");
                let expected = text.chars().enumerate().find(|&(_, c)| hidden(c));
                assert_eq!(
                    first_char_where(&text, hidden),
                    expected,
                    "{:04X} after {len}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn bidi_and_invisible_characters_are_named_with_their_place() {
        let p = problems("name: \"Е. \\u202eвонавИ\"\nnumber: 12\u{200b}3\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with(
                "a.yaml:1:7: error: this value contains U+202E at character 4: a direction control"
            ),
            "{}",
            p[0]
        );
        assert!(
            p[1].starts_with(
                "a.yaml:2:11: error: this value contains U+200B at character 3: an invisible"
            ),
            "{}",
            p[1]
        );
    }

    #[test]
    fn a_zero_width_space_may_stand_in_running_text_but_not_a_direction_control() {
        assert!(problems("body:\n  - \"a\\u200bb\"\n").is_empty());
        assert_eq!(problems("body:\n  - \"a\\u202eb\"\n").len(), 1);
        assert!(problems("addressee: \"Н\\\" !x\"\n").is_empty());
    }

    #[test]
    fn look_alike_field_names_are_explained() {
        let p = problems("аddressee: x\n");
        assert!(
            p[0].contains("has the letter «а» (U+0430, not Latin) at character 1"),
            "{p:?}"
        );
        assert!(p[0].contains("help: retype the field name"), "{p:?}");
        assert!(problems("адресат: x\naddressee: y\n").is_empty());
    }

    #[test]
    fn tags_are_refused_but_text_that_looks_like_one_is_not() {
        let p = problems("body:\n  - !!binary 0JjQstCw0L3QvtCy\n  - [a, !x b]\nnote: !!str ok\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with(
                "a.yaml:2:5: error: this value is marked with the YAML tag '!!binary'"
            ),
            "{}",
            p[0]
        );
        assert!(p[1].starts_with("a.yaml:3:9:"), "{}", p[1]);
        let fine =
            "body:\n  - \"!!binary\"\n  - Внимание!! !x\n  - |\n    !!binary text\n  - 'a !b'\n";
        assert!(problems(fine).is_empty(), "{:?}", problems(fine));
    }
}
