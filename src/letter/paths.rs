//! Dotted field paths (`signature.name`), as a mail merge's columns name the
//! fields a row sets.

use super::validate::fields;
use crate::diagnostic::nearest;

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
        Some(near) => format!("unknown field '{full}', did you mean '{near}'?"),
        None => format!(
            "unknown field '{full}'; the fields are: {}",
            allowed.join(", ")
        ),
    };
    let sub: &[&str] = match head {
        "letterhead" => fields::LETTERHEAD,
        "outgoing" => fields::OUTGOING,
        "inquiry" => fields::INQUIRY,
        "signature" => fields::SIGNATURE,
        "executor" => fields::EXECUTOR,
        "body" | "attachments" => {
            return Err(format!(
                "'{head}' is a list of blocks and cannot come from a cell; write it in the letter"
            ));
        }
        "defaults" => {
            return Err(
                "'defaults' cannot change per row; name the defaults file in the letter".into(),
            );
        }
        "draft" if rest.is_none() => return Ok(CellKind::Flag),
        _ if fields::ROOT.contains(&head) && rest.is_none() => return Ok(CellKind::Text),
        _ if fields::ROOT.contains(&head) => {
            return Err(format!("'{head}' has no fields; name the column '{head}'"));
        }
        _ => return Err(unknown(head, fields::ROOT, path)),
    };
    match rest {
        None => Err(format!(
            "'{head}' is a mapping; name one of its fields, such as '{head}.{}'",
            sub[0]
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
