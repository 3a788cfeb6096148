//! Every text value of a letter with its field path, as messages name it.

use super::{Letter, Text};

/// Each text value of the letter with its field path (`addressee`,
/// `signature.name`, `body[2]`), in the order of the contract. Later stages
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
    one("salutation", Some(&letter.salutation));
    one("opening", letter.opening.as_ref());
    for (i, t) in letter.body.iter().enumerate() {
        one(&format!("body[{}]", i + 1), Some(t));
    }
    one("closing", letter.closing.as_ref());
    for (i, a) in letter.attachments.iter().enumerate() {
        one(&format!("attachments[{}].name", i + 1), Some(&a.name));
    }
    for t in &letter.signature.position {
        one("signature.position", Some(t));
    }
    one("signature.name", Some(&letter.signature.name));
    if let Some(e) = &letter.executor {
        one("executor.name", e.name.as_ref());
        one("executor.phone", e.phone.as_ref());
    }
    out
}
