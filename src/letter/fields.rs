//! Every text value of a letter with its field path, as messages name it.

use super::{Block, Item, Letter, Text};

/// Each text value of the letter with its field path (`addressee`,
/// `signature.name`, `body[2]`, `body[3].items[2].items[1]`,
/// `body[4].table.rows[1][2]`), in the order of the contract. Later stages
/// use it to name the field a printed block comes from.
pub fn fields<'a>(letter: &'a Letter) -> Vec<(String, &'a Text)> {
    let mut out: Vec<(String, &Text)> = Vec::new();
    let mut one = |name: &str, text: Option<&'a Text>| {
        if let Some(t) = text {
            out.push((name.to_owned(), t));
        }
    };
    if let Some(h) = &letter.letterhead {
        one("letterhead.kk", h.kk.as_ref());
        one("letterhead.ru", h.ru.as_ref());
        one("letterhead.contacts_kk", h.contacts_kk.as_ref());
        one("letterhead.contacts_ru", h.contacts_ru.as_ref());
    }
    one("outgoing.number", letter.outgoing.number.as_ref());
    one("inquiry.number", Some(&letter.inquiry.number));
    one("inquiry.subject", letter.inquiry.subject.as_ref());
    for t in &letter.addressee {
        one("addressee", Some(t));
    }
    one("heading", letter.heading.as_ref());
    one("salutation", Some(&letter.salutation));
    one("opening", letter.opening.as_ref());
    for (i, block) in letter.body.iter().enumerate() {
        let path = format!("body[{}]", i + 1);
        match block {
            Block::Paragraph { text } => one(&path, Some(text)),
            Block::Items { items } => item_fields(&format!("{path}.items"), items, &mut one),
            Block::Table(t) => {
                let path = format!("{path}.table");
                one(&format!("{path}.caption"), t.caption.as_ref());
                for (k, c) in t.columns.iter().enumerate() {
                    one(&format!("{path}.columns[{}]", k + 1), Some(c));
                }
                for (r, row) in t.rows.iter().enumerate() {
                    for (k, c) in row.iter().enumerate() {
                        one(&format!("{path}.rows[{}][{}]", r + 1, k + 1), Some(c));
                    }
                }
                for (k, c) in t.total.iter().flatten().enumerate() {
                    one(&format!("{path}.total[{}]", k + 1), Some(c));
                }
            }
        }
    }
    one("closing", letter.closing.as_ref());
    for (i, a) in letter.attachments.iter().enumerate() {
        one(&format!("attachments[{}].name", i + 1), Some(&a.name));
    }
    for t in &letter.copies {
        one("copies", Some(t));
    }
    let several = letter.signatures.len() > 1;
    for (i, s) in letter.signatures.iter().enumerate() {
        let path = if several {
            format!("signature[{}]", i + 1)
        } else {
            "signature".to_owned()
        };
        for t in &s.position {
            one(&format!("{path}.position"), Some(t));
        }
        one(&format!("{path}.name"), Some(&s.name));
    }
    if let Some(e) = &letter.executor {
        one("executor.name", e.name.as_ref());
        one("executor.phone", e.phone.as_ref());
    }
    out
}

fn item_fields<'a>(path: &str, items: &'a [Item], one: &mut impl FnMut(&str, Option<&'a Text>)) {
    for (i, item) in items.iter().enumerate() {
        let path = format!("{path}[{}]", i + 1);
        match item.paragraphs.as_slice() {
            [text] => one(&path, Some(text)),
            many => {
                for (k, p) in many.iter().enumerate() {
                    one(&format!("{path}.paragraphs[{}]", k + 1), Some(p));
                }
            }
        }
        item_fields(&format!("{path}.items"), &item.items, one);
    }
}
