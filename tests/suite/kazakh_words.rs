//! Our Kazakh hyphenator (src/typeset/hyphenate/kazakh.rs) against the
//! published patterns and a hand-checked list of loans, on the word list
//! tests/data/kazakh-words.txt (its header says how it was made).
//!
//! The patterns (tests/data/hyph-kk.tex, hyph-utf8's public-domain
//! `hyph-kk`, rule-generated, no accuracy claimed) are read here only, and
//! are not shipped: they are right on native words and wrong on loans and
//! consonant clusters («Қазақс-тан», «элек-т-рон»). So:
//! - on native words, our break points agree with the patterns' on at least
//!   98% of the break points either gives (the patterns read with our
//!   limits: words under 5 letters unbroken, 2 letters on each side), on
//!   the words the patterns model: not those with и, у or ю (see
//!   [`UNMODELLED`]) nor those where they leave a lone consonant;
//! - on loans, ours are exactly the hand-checked ones;
//! - on every word, no piece between two break points (or a break and an
//!   end) is a lone consonant or has no vowel.

use std::collections::{BTreeSet, HashMap};

use zhauap::typeset::hyphenate::kazakh::break_points;

use crate::common::crate_path;

/// Liang's patterns: letters with a digit before each letter and after the
/// last (0 where none is written).
struct Patterns(HashMap<String, Vec<u8>>);

impl Patterns {
    fn read() -> Patterns {
        let path = crate_path("tests/data/hyph-kk.tex");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let body = text
            .split_once("\\patterns{")
            .and_then(|(_, rest)| rest.split_once('}'))
            .map(|(body, _)| body)
            .expect("hyph-kk.tex has \\patterns{…}");
        let mut map = HashMap::new();
        for line in body.lines() {
            let line = line.split('%').next().unwrap_or("");
            for pattern in line.split_whitespace() {
                let mut letters = String::new();
                let mut digits = vec![0u8];
                for c in pattern.chars() {
                    match c.to_digit(10) {
                        Some(d) => *digits.last_mut().expect("one digit slot") = d as u8,
                        None => {
                            letters.push(c);
                            digits.push(0);
                        }
                    }
                }
                map.insert(letters, digits);
            }
        }
        assert!(map.len() > 4000, "{} patterns read", map.len());
        Patterns(map)
    }

    /// Break points (character indices) the patterns give in `word`, with
    /// our limits: 5 letters at least, 2 on each side.
    fn breaks(&self, word: &str) -> BTreeSet<usize> {
        let letters: Vec<char> = word.to_lowercase().chars().collect();
        let n = letters.len();
        if n < 5 {
            return BTreeSet::new();
        }
        let dotted: Vec<char> = std::iter::once('.')
            .chain(letters.iter().copied())
            .chain(std::iter::once('.'))
            .collect();
        // values[i]: the digit between dotted[i-1] and dotted[i].
        let mut values = vec![0u8; dotted.len() + 1];
        for start in 0..dotted.len() {
            let mut key = String::new();
            for &c in &dotted[start..] {
                key.push(c);
                if let Some(digits) = self.0.get(&key) {
                    for (k, &d) in digits.iter().enumerate() {
                        values[start + k] = values[start + k].max(d);
                    }
                }
            }
        }
        // A break before letter i (1-based in `dotted`) is values[i + 1]…
        // letter j of the word is dotted[j + 1]; a break between letters
        // j - 1 and j is the digit before dotted[j + 1].
        (2..=n - 2).filter(|&j| values[j + 1] % 2 == 1).collect()
    }
}

/// Our break points in `word`, as character indices.
fn ours(word: &str) -> BTreeSet<usize> {
    break_points(word)
        .into_iter()
        .map(|byte| word[..byte].chars().count())
        .collect()
}

const VOWELS: &str = "аәеёиоөуұүыіэюя";

/// Pieces of `word` between its break points that hold no vowel (a lone
/// consonant such as the т of «элек-т-рон»).
fn vowelless_pieces(word: &str, breaks: &BTreeSet<usize>) -> Vec<String> {
    let letters: Vec<char> = word.to_lowercase().chars().collect();
    let mut cuts: Vec<usize> = vec![0];
    cuts.extend(breaks.iter().copied());
    cuts.push(letters.len());
    cuts.windows(2)
        .map(|w| letters[w[0]..w[1]].iter().collect::<String>())
        .filter(|piece| !piece.chars().any(|c| VOWELS.contains(c)))
        .collect()
}

fn shown(word: &str, breaks: &BTreeSet<usize>) -> String {
    let mut out = String::new();
    for (i, c) in word.chars().enumerate() {
        if breaks.contains(&i) {
            out.push('-');
        }
        out.push(c);
    }
    out
}

struct Entries {
    native: Vec<String>,
    /// A loan and its hand-checked break points.
    loans: Vec<(String, BTreeSet<usize>)>,
}

fn entries() -> Entries {
    let path = crate_path("tests/data/kazakh-words.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut e = Entries {
        native: Vec::new(),
        loans: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(' ') {
            Some(("n", word)) => e.native.push(word.to_owned()),
            Some(("l", marked)) => {
                let mut word = String::new();
                let mut breaks = BTreeSet::new();
                for c in marked.chars() {
                    if c == '-' {
                        breaks.insert(word.chars().count());
                    } else {
                        word.push(c);
                    }
                }
                e.loans.push((word, breaks));
            }
            _ => panic!(
                "kazakh-words.txt:{}: not `n WORD` or `l WO-RD`: {line}",
                n + 1
            ),
        }
    }
    e
}

#[test]
fn the_word_list_is_large_enough() {
    let e = entries();
    let all = e.native.len() + e.loans.len();
    assert!(all >= 2000, "{all} words");
    assert!(e.loans.len() >= 100, "{} loans", e.loans.len());
    let distinct: BTreeSet<&str> = e
        .native
        .iter()
        .map(String::as_str)
        .chain(e.loans.iter().map(|(w, _)| w.as_str()))
        .collect();
    assert_eq!(distinct.len(), all, "a word is listed twice");
}

/// Letters the patterns do not model: they have no pattern with и at all
/// (so never break next to it: «нәтиже», «тарих»), and read у (and ю, йу)
/// as a vowel and a consonant at once, so they split its glide from its
/// syllable («оқ-у-шы», «ша-р-уа-шы-лық», «сақ-тан-ды-р-у-дың»). Our rules
/// for these letters (kazakh.rs, "у and и") are checked by kazakh-words.txt
/// in src/typeset/hyphenate and the loans here, not against the patterns.
const UNMODELLED: &[char] = &['и', 'у', 'ю'];

#[test]
fn native_words_agree_with_the_patterns() {
    let patterns = Patterns::read();
    let e = entries();
    let (mut agreed, mut given) = (0usize, 0usize);
    let (mut all_agreed, mut all_given) = (0usize, 0usize);
    let (mut unmodelled, mut lone) = (0usize, 0usize);
    let mut differ = Vec::new();
    for word in &e.native {
        let (a, b) = (ours(word), patterns.breaks(word));
        all_agreed += a.intersection(&b).count();
        all_given += a.union(&b).count();
        if word.to_lowercase().contains(UNMODELLED) {
            unmodelled += 1;
            continue;
        }
        // A consonant alone between two breaks is no syllable: the patterns
        // are wrong there by the first rule of Kazakh hyphenation (their
        // list of triple clusters is "not exhaustive": «шар-т-тар»).
        if !vowelless_pieces(word, &b).is_empty() {
            lone += 1;
            continue;
        }
        agreed += a.intersection(&b).count();
        given += a.union(&b).count();
        if a != b {
            differ.push(format!(
                "{} (patterns {})",
                shown(word, &a),
                shown(word, &b)
            ));
        }
    }
    let share = agreed as f64 / given.max(1) as f64;
    println!(
        "native words: {} words; on the {} the patterns model ({unmodelled} with и/у/ю and \
         {lone} where the patterns leave a lone consonant left out) {agreed} of {given} break \
         points agree ({:.2}%); on all of them {all_agreed} of {all_given} ({:.2}%)",
        e.native.len(),
        e.native.len() - unmodelled - lone,
        share * 100.0,
        all_agreed as f64 / all_given.max(1) as f64 * 100.0,
    );
    for d in &differ {
        println!("  ours {d}");
    }
    assert!(
        e.native.len() - unmodelled - lone >= 2000,
        "only {} words compared",
        e.native.len() - unmodelled - lone
    );
    assert!(given > 10_000, "only {given} break points");
    assert!(
        share >= 0.98,
        "{:.2}% agree; first differences:\n{}",
        share * 100.0,
        differ[..differ.len().min(40)].join("\n")
    );
}

#[test]
fn loans_break_where_checked_by_hand() {
    let e = entries();
    let wrong: Vec<String> = e
        .loans
        .iter()
        .filter(|(word, expected)| ours(word) != *expected)
        .map(|(word, expected)| {
            format!(
                "{}: ours {}",
                shown(word, expected),
                shown(word, &ours(word))
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_word_leaves_a_lone_consonant_between_breaks() {
    let e = entries();
    let mut bad = Vec::new();
    for word in e.native.iter().chain(e.loans.iter().map(|(w, _)| w)) {
        let b = ours(word);
        if !vowelless_pieces(word, &b).is_empty() {
            bad.push(shown(word, &b));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_checks_catch_the_patterns_errors_on_loans() {
    // The patterns themselves fail the loan checks: the test is not
    // vacuous.
    let patterns = Patterns::read();
    let e = entries();
    let missed = e
        .loans
        .iter()
        .filter(|(word, expected)| patterns.breaks(word) != *expected)
        .count();
    assert!(missed >= 10, "the patterns match all but {missed} loans");
    let lone: Vec<String> = e
        .loans
        .iter()
        .map(|(w, _)| (w, patterns.breaks(w)))
        .filter(|(w, b)| !vowelless_pieces(w, b).is_empty())
        .map(|(w, b)| shown(w, &b))
        .collect();
    assert!(
        lone.iter().any(|w| w == "элек-т-рон"),
        "the patterns' lone consonants: {lone:?}"
    );
}
