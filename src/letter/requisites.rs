//! The requisites letter format v2 adds around the text: several or acting
//! signers, the copies list, the draft mark, and emblem paths written in a
//! defaults file.

use crate::tr;
use std::path::Path;

use super::node::{Node, Value};
use super::validate::{Checker, fields};
use super::{Signature, Text};

/// `signature`: one signer's mapping, or a list of them (a joint letter).
pub(super) fn signatures(c: &mut Checker, node: &Node) -> Option<Vec<Signature>> {
    match &node.value {
        Value::Map(_) => Some(vec![signature(c, node, "signature")?]),
        Value::Seq(items) if !items.is_empty() => {
            let mut out = Vec::new();
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                match signature(c, item, &format!("signature[{}]", i + 1)) {
                    Some(s) => out.push(s),
                    None => ok = false,
                }
            }
            ok.then_some(out)
        }
        Value::Seq(_) => {
            c.error(
                node.at(),
                tr!("letter-signature-empty"),
                tr!("letter-signature-empty-help"),
            );
            None
        }
        other => {
            c.error(
                node.at(),
                format!(
                    "'signature' must be a mapping of fields or a list of signers, found {}",
                    other.kind()
                ),
                "write `signature:` and under it `name: Е. Тугжанов` (and `position: …`)",
            );
            None
        }
    }
}

fn signature(c: &mut Checker, node: &Node, path: &str) -> Option<Signature> {
    let s = c.mapping(node, path, fields::SIGNATURE)?;
    let position = match s.get_text("position") {
        Some(p) => c.lines(p, &format!("{path}.position")),
        None => Some(Vec::new()),
    };
    let name = match s.get_text("name") {
        Some(n) => c.nonblank(n, &format!("{path}.name")),
        None => {
            c.missing(&s, "name", "name: Е. Тугжанов");
            None
        }
    };
    let acting = flag(c, s.get("acting"), &format!("{path}.acting"));
    if let (Some(true), Some([])) = (acting, position.as_deref())
        && let Some(n) = s.get("acting")
    {
        c.error(
            n.at(),
            tr!("letter-acting-position", path = format!("{path}.acting")),
            tr!("letter-acting-position-help"),
        );
        return None;
    }
    Some(Signature {
        position: position?,
        name: name?,
        acting: acting?,
    })
}

/// `copies`: the distribution list, a list of recipients (or one text, a
/// recipient a line).
pub(super) fn copies(c: &mut Checker, node: Option<&Node>) -> Option<Vec<Text>> {
    match node {
        None => Some(Vec::new()),
        Some(n) => c.lines(n, "copies"),
    }
}

/// `qr`: the QR requisite's text, refused at its place when a QR code of
/// the requisite's size cannot hold it.
pub(super) fn qr(c: &mut Checker, node: Option<&Node>) -> Option<Option<Text>> {
    let Some(n) = node else {
        return Some(None);
    };
    let text = c.text(n, "qr", true)?;
    let bytes = text.value.len();
    let most = crate::typeset::qr::requisite_capacity();
    if text.value.trim().is_empty() {
        c.error(
            n.at(),
            "'qr' is empty",
            "write the text the QR code carries (usually a link to the document), or leave the field out",
        );
        return None;
    }
    if bytes > most {
        c.error(
            n.at(),
            format!(
                "'qr' is {bytes} bytes long; the QR code on page 1 holds at most {most} bytes (a Cyrillic letter takes 2)"
            ),
            "put a short link to the document in the QR code rather than its text",
        );
        return None;
    }
    Some(Some(text))
}

/// A yes/no field, `false` when absent.
pub(super) fn flag(c: &mut Checker, node: Option<&Node>, path: &str) -> Option<bool> {
    match node.map(|n| (n, &n.value)) {
        None => Some(false),
        Some((_, Value::Bool(b))) => Some(*b),
        Some((n, other)) => {
            c.error(
                n.at(),
                tr!("letter-flag-bad", path = path, kind = other.kind()),
                tr!("letter-flag-help", field = last(path)),
            );
            None
        }
    }
}

fn last(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// An emblem path written in a defaults file is relative to that file; the
/// typesetter resolves it against the letter's folder, so it is rewritten
/// relative to that.
pub(super) fn emblem_from_letter(c: &Checker, emblem: Text) -> Text {
    if emblem.file.defaults_index().is_none() {
        return emblem;
    }
    let written = c.files.source(emblem.file).path.parent();
    let letter = c.files.letter.path.parent().unwrap_or(Path::new(""));
    let full = written.unwrap_or(Path::new("")).join(&emblem.value);
    let value = full
        .strip_prefix(letter)
        .unwrap_or(&full)
        .to_string_lossy()
        .into_owned();
    Text { value, ..emblem }
}
