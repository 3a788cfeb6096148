//! Origins: which letter fields each block of the document prints.
//!
//! Values reach the markup verbatim (escaped, never rewritten), so a block
//! prints a field when the field's value stands in one of the block's
//! texts. Matching, here, replaces guessing a field from the block's
//! kind, which was wrong for any template but ours.

use crate::document::{Block, Field};
use crate::letter::{self, Letter};

/// The letter fields whose values `block` prints, best match first: whole
/// texts first (an addressee line «Абенову Н.К.» is the field `addressee`,
/// even if another field's value happens to be inside it), then values
/// inside a text. Searched only when a message needs it: it compares every
/// field with every text of the block.
pub fn fields(block: &Block, letter: &Letter) -> Vec<Field> {
    let printed = block.content.printed_texts();
    let mut exact = Vec::new();
    let mut inside = Vec::new();
    for (name, text) in letter::fields(letter) {
        let value = text.value.trim();
        if value.is_empty() {
            continue;
        }
        let field = Field {
            name,
            pos: text.pos,
        };
        if printed.iter().any(|p| p.trim() == value) {
            exact.push(field);
        } else if printed.iter().any(|p| p.contains(value)) {
            inside.push(field);
        }
    }
    exact.append(&mut inside);
    exact
}
