//! Where a word may be broken with a hyphen at the end of a line.
//!
//! Russian uses hypher's TeX patterns; Kazakh, which has no published
//! patterns, uses its syllable structure ([`kazakh`]). Both obey the same
//! bounds from the page rules: no break in a word under five letters, and at
//! least two letters on each side.

pub mod kazakh;

use crate::lang::Lang;

pub const MIN_WORD: usize = 5;
pub const MIN_SIDE: usize = 2;
pub const MAX_WORD: usize = 64;

type Known = super::recent::Recent<
    Box<str>,
    Box<[usize]>,
    std::hash::BuildHasherDefault<super::shape::WordHasher>,
>;

thread_local! {
    /// Break points of the words seen, per language. Words repeat within a
    /// letter and across a batch; the patterns run once per word and thread.
    static KNOWN: std::cell::RefCell<[Known; 2]> = std::cell::RefCell::new([
        Known::new(super::shape::CACHE_LIMIT),
        Known::new(super::shape::CACHE_LIMIT),
    ]);
}

/// Calls `each` with the byte offsets in `word` (letters only, no spaces or
/// punctuation) where a hyphen may be added, ascending.
pub fn break_points(word: &str, lang: Lang, mut each: impl FnMut(usize)) {
    let letters = word.chars().count();
    // A word under five letters never breaks, and one longer than any real
    // one (a pasted run of letters) is left to the line breaker's emergency
    // breaks rather than to the patterns: neither is worth remembering.
    if !(MIN_WORD..=MAX_WORD).contains(&letters) {
        return;
    }
    let slot = match lang {
        Lang::Ru => 0,
        Lang::Kk => 1,
    };
    let known = KNOWN.with(|k| {
        k.borrow_mut()[slot].find(word, |points| points.iter().copied().for_each(&mut each))
    });
    if known.is_some() {
        return;
    }
    let points = find_break_points(word, letters, lang);
    points.iter().copied().for_each(each);
    KNOWN.with(|k| {
        k.borrow_mut()[slot].entry(word.into(), || points);
    });
}

/// The break points of `word`, `letters` characters long.
fn find_break_points(word: &str, letters: usize, lang: Lang) -> Box<[usize]> {
    if !word.chars().all(is_letter) {
        return Box::default();
    }
    let points: Vec<usize> = match lang {
        Lang::Kk => kazakh::break_points(word),
        Lang::Ru => {
            // Russian patterns do nothing useful for Latin words; leave those whole.
            if !word.chars().any(is_cyrillic) {
                return Box::default();
            }
            // hypher lowercases each letter itself, and for Cyrillic and ASCII
            // letters that is what `to_lowercase` does, byte for byte: such a
            // word (nearly every one) goes in as written.
            let simple = word.chars().all(|c| c.is_ascii() || is_cyrillic(c));
            let lower = if simple {
                std::borrow::Cow::Borrowed(word)
            } else {
                std::borrow::Cow::Owned(word.to_lowercase())
            };
            // Lowercasing Cyrillic keeps byte lengths; if it ever did not, break nothing.
            if lower.len() != word.len() {
                return Box::default();
            }
            let mut offset = 0;
            let mut out = Vec::new();
            for syllable in hypher::hyphenate(&lower, hypher::Lang::Russian) {
                offset += syllable.len();
                out.push(offset);
            }
            out.pop(); // the end of the word is not a break
            out
        }
    };
    points
        .into_iter()
        .filter(|&p| {
            if !word.is_char_boundary(p) {
                return false;
            }
            let before = word[..p].chars().count();
            before >= MIN_SIDE
                && letters - before >= MIN_SIDE
                && !word[p..].starts_with(['ь', 'ъ', 'Ь', 'Ъ'])
                // Russian never starts a line with ы or й; Kazakh does (да-йын-дық).
                && !(lang == Lang::Ru && word[p..].starts_with(['ы', 'Ы', 'й', 'Й']))
        })
        .collect()
}

pub use crate::typography::is_letter;

pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(word: &str, lang: Lang) -> String {
        let mut out = String::new();
        let mut last = 0;
        let mut points = Vec::new();
        break_points(word, lang, |p| points.push(p));
        for p in points {
            out.push_str(&word[last..p]);
            out.push('-');
            last = p;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in ('\0'..='\u{0600}').chain(['ә', 'ң', 'ү', 'і', '₸', '中', '\u{1e9e}']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn russian_words_break_by_patterns_within_bounds() {
        assert_eq!(show("информирование", Lang::Ru), "ин-фор-ми-ро-ва-ние");
        assert_eq!(show("врачей", Lang::Ru), "вра-чей");
        // Under five letters: never.
        assert_eq!(show("врач", Lang::Ru), "врач");
        assert_eq!(show("мера", Lang::Ru), "мера");
        // Two letters at least on each side.
        for w in ["огонь", "армия", "эпоха", "Алматы", "Интернете"] {
            let s = show(w, Lang::Ru);
            for part in s.split('-') {
                assert!(part.chars().count() >= 2, "{s}");
            }
        }
    }

    #[test]
    fn latin_and_mixed_words_are_left_whole() {
        assert_eq!(show("Qazaqstan", Lang::Ru), "Qazaqstan");
        assert_eq!(show("COVID19", Lang::Ru), "COVID19");
    }

    #[test]
    fn capitalised_words_break_like_lowercase() {
        assert_eq!(
            show("Правительство", Lang::Ru),
            show("правительство", Lang::Ru).replacen('п', "П", 1)
        );
        // Capitals go to the patterns as written (hypher lowercases them).
        assert_eq!(
            show("ПРАВИТЕЛЬСТВО", Lang::Ru),
            show("правительство", Lang::Ru).to_uppercase()
        );
        // A letter outside Cyrillic and ASCII takes the lowercasing path.
        assert_eq!(
            show("КАФЕÉ", Lang::Ru),
            show("кафеé", Lang::Ru).to_uppercase()
        );
    }
}
