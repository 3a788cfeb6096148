//! Origins: which letter fields each block of the document prints.
//!
//! Values reach the markup verbatim (escaped, never rewritten), so a block
//! prints a field when the field's value stands in one of the block's
//! texts. Matching once, here, replaces guessing a field from the block's
//! kind, which was wrong for any template but ours.

use crate::document::{Document, Field};
use crate::letter::{self, Letter};

/// Fills in `origin.fields` of every block of `doc` composed from `letter`.
pub fn attach(doc: &mut Document, letter: &Letter) {
    let fields = letter::fields(letter);
    for block in &mut doc.blocks {
        let printed = block.content.printed_texts();
        // Whole texts first: an addressee line "Абенову Н.К." is the field
        // `addressee`, even if another field's value happens to be inside it.
        let mut exact = Vec::new();
        let mut inside = Vec::new();
        for (name, text) in &fields {
            let value = text.value.trim();
            if value.is_empty() {
                continue;
            }
            let field = Field {
                name: name.clone(),
                pos: text.pos,
            };
            if printed.iter().any(|p| p.trim() == value) {
                exact.push(field);
            } else if printed.iter().any(|p| p.contains(value)) {
                inside.push(field);
            }
        }
        exact.append(&mut inside);
        block.origin.fields = exact;
    }
}
