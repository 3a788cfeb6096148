//! Dotted field paths (`signature.name`), as a mail merge's columns name the
//! fields a row sets.

use super::validate::fields;
use crate::diagnostic::nearest;
use crate::tr;

/// What a cell holds for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Text (a line break in the cell is a printed line where the field has
    /// lines).
    Text,
    /// `true` or `false`.
    Flag,
}

/// The kind of value a cell gives the field `path`, or why no cell can set
/// it (with the nearest valid name for a misspelling).
pub fn cell_field(path: &str) -> Result<CellKind, String> {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let unknown = |name: &str, allowed: &[&str], full: &str| match nearest(name, allowed) {
        Some(near) => tr!(
            "letter-column-unknown-near",
            field = full,
            suggestion = near
        ),
        None => tr!(
            "letter-column-unknown",
            field = full,
            fields = allowed.join(", ")
        ),
    };
    let sub: &[&str] = match head {
        "letterhead" => fields::LETTERHEAD,
        "outgoing" => fields::OUTGOING,
        "inquiry" => fields::INQUIRY,
        "signature" => fields::SIGNATURE,
        "executor" => fields::EXECUTOR,
        "body" | "attachments" => {
            return Err(tr!("letter-column-blocks", head = head));
        }
        "defaults" => {
            return Err(tr!("letter-column-defaults"));
        }
        "draft" if rest.is_none() => return Ok(CellKind::Flag),
        _ if fields::ROOT.contains(&head) && rest.is_none() => return Ok(CellKind::Text),
        _ if fields::ROOT.contains(&head) => {
            return Err(tr!("letter-column-no-fields", head = head));
        }
        _ => return Err(unknown(head, fields::ROOT, path)),
    };
    match rest {
        None => Err(tr!(
            "letter-column-mapping",
            head = head,
            example = format!("{head}.{}", sub[0])
        )),
        Some(name) if sub.contains(&name) => Ok(if path == "signature.acting" {
            CellKind::Flag
        } else {
            CellKind::Text
        }),
        Some(name) => Err(unknown(name, sub, path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_name_settable_fields() {
        assert_eq!(cell_field("addressee"), Ok(CellKind::Text));
        assert_eq!(cell_field("signature.name"), Ok(CellKind::Text));
        assert_eq!(cell_field("signature.acting"), Ok(CellKind::Flag));
        assert_eq!(cell_field("draft"), Ok(CellKind::Flag));
        assert!(
            cell_field("adressee")
                .unwrap_err()
                .contains("did you mean 'addressee'")
        );
        assert!(
            cell_field("outgoing.numbr")
                .unwrap_err()
                .contains("did you mean 'number'")
        );
        assert!(cell_field("body").is_err());
        assert!(cell_field("signature").is_err());
        assert!(cell_field("salutation.x").is_err());
    }
}
