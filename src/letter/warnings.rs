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

/// The first [`foreign_quote`] of `text`. All three are `E2 80 9C..9E` in
/// UTF-8: their lead byte is looked for (SIMD, in memchr) rather than
/// every char of a letter decoded; only dashes and the like share it.
fn first_foreign_quote(text: &str) -> Option<char> {
    memchr::memchr_iter(0xe2, text.as_bytes())
        .filter_map(|at| text[at..].chars().next())
        .find(|&ch| foreign_quote(ch))
}

/// The first [`kazakh_only`] letter of `text`. Each is two bytes in UTF-8:
/// a lead byte D2 or D3, which no Russian letter has, or І and і (D0 86,
/// D1 96), whose second bytes only ц and Ж share among Russian letters.
/// Looked for by those bytes (SIMD, in memchr) rather than by decoding
/// every char of a letter.
fn first_kazakh_only(text: &str) -> Option<char> {
    let bytes = text.as_bytes();
    // The start of the two-byte char whose first or second byte is at `at`.
    let found = |at: usize| {
        let start = if matches!(bytes[at], 0xd2 | 0xd3) {
            at
        } else {
            at.checked_sub(1)?
        };
        let ch = text.get(start..)?.chars().next()?;
        kazakh_only(ch).then_some((start, ch))
    };
    let wide = memchr::memchr3_iter(0xd2, 0xd3, 0x86, bytes).find_map(found);
    let i = memchr::memchr_iter(0x96, bytes).find_map(found);
    match (wide, i) {
        (Some(a), Some(b)) => Some(a.min(b).1),
        (a, b) => a.or(b).map(|(_, ch)| ch),
    }
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
        if let Some(q) = first_foreign_quote(&text.value) {
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
            // A text without a Kazakh-only letter cannot read Kazakh: the
            // letter is looked for first, the words counted only then.
            let found = own.clone().find_map(|(name, t)| {
                first_kazakh_only(&t.value)
                    .filter(|_| reads_kazakh(&t.value))
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
            let kazakh = own
                .clone()
                .any(|(_, t)| first_kazakh_only(&t.value).is_some());
            // Counted only when it decides something.
            let cyrillic = || -> usize {
                own.map(|(_, t)| t.value.chars().filter(|ch| is_cyrillic(*ch)).count())
                    .sum()
            };
            if !kazakh
                && cyrillic() >= CLEARLY_RUSSIAN
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
