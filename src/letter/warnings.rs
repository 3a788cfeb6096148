//! Checks of a letter that prints, but probably not as the clerk meant:
//! text in the other language than `lang`, English quotes, placeholders left
//! from the starter letter, an answer dated before the inquiry. They warn
//! (exit 0); `--deny-warnings` refuses.

use super::fields::fields;
use super::node::{At, FileId};
use super::validate::Checker;
use super::{Lang, Letter, Text, position_of_char};
use crate::tr;

/// Letters only Kazakh writes: one of them in a text is a strong signal
/// that the text is Kazakh. (A `match`, not a search of a list: it is
/// asked of every character of a letter.)
fn kazakh_only(ch: char) -> bool {
    matches!(
        ch,
        'ә' | 'ғ'
            | 'қ'
            | 'ң'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'һ'
            | 'і'
            | 'Ә'
            | 'Ғ'
            | 'Қ'
            | 'Ң'
            | 'Ө'
            | 'Ұ'
            | 'Ү'
            | 'Һ'
            | 'І'
    )
}

/// English and German typographic quotes; Russian and Kazakh write «…».
fn foreign_quote(ch: char) -> bool {
    matches!(ch, '“' | '”' | '„')
}

/// Cyrillic letters of a `lang: kk` letter's own text, none Kazakh-only,
/// above which the text is clearly Russian.
const CLEARLY_RUSSIAN: usize = 200;

/// Words with a Kazakh-only letter that make a text Kazakh (see
/// [`reads_kazakh`]).
const KAZAKH_WORDS: usize = 2;

/// Texts the starter letters (`init`) print as placeholders.
const PLACEHOLDERS: &[&str] = &[
    "01-01/0000",
    "И. О. Фамилия",
    "И. О. Тегі",
    "Фамилия И.О.",
    "Тегі И.О.",
    "8 (7172) 00-00-00",
];

/// Fields the other language belongs in: the letterhead's Kazakh half.
fn bilingual(name: &str) -> bool {
    matches!(
        name,
        "letterhead.kk" | "letterhead.ru" | "letterhead.contacts_kk" | "letterhead.contacts_ru"
    )
}

pub(super) fn check(c: &mut Checker, letter: &Letter) {
    let texts = fields(letter);
    language(c, letter.lang, &texts);
    for (name, text) in &texts {
        if let Some(q) = text.value.chars().find(|ch| foreign_quote(*ch)) {
            let at = char_at(c, text, q);
            c.warn(
                at,
                tr!("letter-warn-quote", name = name, quote = q),
                tr!("letter-warn-quote-help"),
            );
            c.mark_field(name);
        }
        if let Some(p) = PLACEHOLDERS.iter().find(|p| text.value.contains(**p)) {
            c.warn(
                text_at(text),
                tr!("letter-warn-placeholder", name = name, placeholder = *p),
                tr!("letter-warn-placeholder-help"),
            );
            c.mark_field(name);
        }
    }
    if let Some(out) = &letter.outgoing.date
        && out.date < letter.inquiry.date.date
    {
        c.warn(
            At {
                file: FileId::LETTER,
                pos: out.pos,
            },
            tr!(
                "letter-warn-date-order",
                answer = out.date.to_string(),
                inquiry = letter.inquiry.date.date.to_string()
            ),
            tr!("letter-warn-date-order-help"),
        );
        c.mark_field("outgoing.date");
    }
}

fn language(c: &mut Checker, lang: Lang, texts: &[(String, &Text)]) {
    let own = texts.iter().filter(|(name, _)| !bilingual(name));
    match lang {
        Lang::Ru => {
            let found = own
                .clone()
                .filter(|(_, t)| reads_kazakh(&t.value))
                .find_map(|(name, t)| {
                    t.value
                        .chars()
                        .find(|ch| kazakh_only(*ch))
                        .map(|ch| (name, *t, ch))
                });
            if let Some((name, text, ch)) = found {
                let at = char_at(c, text, ch);
                c.warn(
                    at,
                    tr!("letter-warn-kazakh-in-ru", name = name, letter = ch),
                    tr!("letter-warn-kazakh-in-ru-help"),
                );
                c.mark_field(name);
            }
        }
        Lang::Kk => {
            let kazakh = own.clone().any(|(_, t)| t.value.chars().any(kazakh_only));
            let cyrillic: usize = own
                .map(|(_, t)| t.value.chars().filter(|ch| is_cyrillic(*ch)).count())
                .sum();
            if !kazakh
                && cyrillic >= CLEARLY_RUSSIAN
                && let Some((_, first)) = texts.iter().find(|(name, _)| !bilingual(name))
            {
                c.warn(
                    text_at(first),
                    tr!("letter-warn-russian-in-kk"),
                    tr!("letter-warn-russian-in-kk-help"),
                );
            }
        }
    }
}

/// A text is Kazakh, not a Russian text naming a Kazakh programme or
/// hashtag, when at least [`KAZAKH_WORDS`] of its words and a fifth of its
/// Cyrillic words have a Kazakh-only letter.
fn reads_kazakh(text: &str) -> bool {
    // Words are runs of letters; one pass over the characters, counting
    // each word when it ends.
    let (mut words, mut kazakh) = (0usize, 0usize);
    let (mut cyrillic_word, mut kazakh_word) = (false, false);
    for ch in text.chars().chain(std::iter::once(' ')) {
        if crate::typography::is_letter(ch) {
            cyrillic_word |= is_cyrillic(ch);
            kazakh_word |= kazakh_only(ch);
        } else {
            words += usize::from(cyrillic_word);
            kazakh += usize::from(cyrillic_word && kazakh_word);
            (cyrillic_word, kazakh_word) = (false, false);
        }
    }
    kazakh >= KAZAKH_WORDS && kazakh * 5 >= words
}

fn is_cyrillic(ch: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&ch)
}

fn text_at(text: &Text) -> At {
    At {
        file: text.file,
        pos: text.pos,
    }
}

/// Where `ch` of `text` physically stands in its file.
fn char_at(c: &Checker, text: &Text, ch: char) -> At {
    let pos = match text.file {
        FileId::DATA => text.pos,
        file => position_of_char(&c.files.source(file).text, text.pos, ch),
    };
    At {
        file: text.file,
        pos,
    }
}

#[cfg(test)]
#[path = "warnings_tests.rs"]
mod tests;
