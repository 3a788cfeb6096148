//! Inline text: `**bold**`, `*italic*` and `\` escapes inside a block's text.

use super::{Inline, Run, Style};

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
    if !text.contains('*') {
        return plain(text);
    }
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

/// [`parse_inline`] of a text without a `*` (most lines): one run in the
/// plain style, unescaped, built by pieces rather than character by
/// character (which was most of the time of building a document).
fn plain(text: &str) -> Inline {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.chars().next() {
            Some(n) => {
                out.push(n);
                rest = &after[n.len_utf8()..];
            }
            // A `\` at the end escapes nothing and prints as itself.
            None => {
                out.push('\\');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    if out.is_empty() {
        Vec::new()
    } else {
        vec![Run {
            text: out,
            style: Style::default(),
        }]
    }
}
