//! Our Kazakh hyphenator (src/typeset/hyphenate/kazakh.rs) against the
//! published patterns and a hand-checked list of loans, on the word list
//! tests/data/kazakh-words.txt (its header says how it was made).
//!
//! The patterns (tests/data/hyph-kk.tex, hyph-utf8's public-domain
//! `hyph-kk`, rule-generated, no accuracy claimed) are read here only, and
//! are not shipped: they are right on the native words their generator
//! models, and wrong on loans and
//! consonant clusters («Қазақс-тан», «элек-т-рон»). So:
//! - on native words, over the break points of all of them, ours agree
//!   with the patterns as published on at least 93% (no hyphenator that
//!   never leaves a lone consonant can pass about 96% here: the patterns do
//!   leave one, «шар-т-тар», «бе-р-у-ші»), and on at least 98% with the
//!   patterns' generator defects ([`Defect`]) repaired where they break the
//!   issue's rules and set aside where the patterns cannot break at all
//!   (next to и, between two vowels). The patterns are read with our
//!   limits: words under 5 letters unbroken, 2 letters on each side;
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
        if word.chars().count() < 5 {
            return BTreeSet::new();
        }
        self.breaks_unlimited(word)
    }

    /// Break points the patterns give in `word` with their own limits only
    /// (2 letters on each side, as ours).
    fn breaks_unlimited(&self, word: &str) -> BTreeSet<usize> {
        let letters: Vec<char> = word.to_lowercase().chars().collect();
        let n = letters.len();
        if n < 4 {
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

/// Why the patterns and we may differ at a break point of a native word.
/// Each is a defect of the generator the patterns come from (hyph-utf8's
/// `generate_patterns_kk.rb`, adapted from its Turkmen one), as its source
/// reads: vowels `а о ұ ы у ю я е ә і ү ө ё`, consonants `б в … р у`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Defect {
    /// у is in both its lists, so it breaks between a consonant and the
    /// vowel у (or ю) after it: бе-р-у-ші, оқ-у-шы, ал-уы-ның. After a
    /// consonant у is the vowel ұу/үу and keeps its consonant: бе-ру-ші.
    VowelUAfterConsonant,
    /// Its list of triple consonants is commented out (only у2т1… is left),
    /// so it breaks between every two consonants: шар-т-тар, ай-т-қан, a
    /// lone consonant. Kazakh moves the last one only (VCC-CV): шарт-тар.
    ConsonantTriple,
    /// и and э are in neither list, so it never breaks next to them
    /// (би-дай, мә-де-ни-ет, тәр-би-е).
    NoLetterI,
    /// It has no vowel-vowel patterns, so it never parts two vowels, which
    /// in Kazakh spelling hide a glide (ша-ру-а, ку-ә-лік, ұл-ға-ю).
    Hiatus,
}

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// The patterns' break points with the two defects that break the issue's
/// own rules repaired: no break between a consonant and у/ю after it, and
/// in a run of three or more consonants only the break before the last.
/// The result never leaves a lone consonant (checked below).
fn repaired(letters: &[char], patterns: &BTreeSet<usize>) -> BTreeSet<usize> {
    patterns
        .iter()
        .copied()
        .filter(|&k| repair_of(letters, k).is_none())
        .collect()
}

/// The repair that drops the patterns' break before `letters[k]`, if any.
fn repair_of(letters: &[char], k: usize) -> Option<Defect> {
    if matches!(letters[k], 'у' | 'ю') && !is_vowel(letters[k - 1]) {
        return Some(Defect::VowelUAfterConsonant);
    }
    let consonant = |i: usize| letters.get(i).is_some_and(|&c| !is_vowel(c));
    // A consonant before the break and two after it: not the last one.
    (k >= 2 && consonant(k - 1) && consonant(k) && consonant(k + 1))
        .then_some(Defect::ConsonantTriple)
}

/// и and э: in neither of the generator's letter lists.
fn is_i(c: char) -> bool {
    matches!(c, 'и' | 'э')
}

/// Why the patterns cannot give our break before `letters[k]`, if they
/// cannot by construction.
fn unmodelled(letters: &[char], k: usize) -> Option<Defect> {
    if is_vowel(letters[k - 1]) && is_vowel(letters[k]) {
        Some(Defect::Hiatus)
    } else if [k - 1, k].iter().any(|&i| is_i(letters[i]))
        // V-CV with и or э as the second vowel: мә-де-ни-ет.
        || (is_vowel(letters[k - 1]) && letters.get(k + 1).is_some_and(|&c| is_i(c)))
    {
        Some(Defect::NoLetterI)
    } else {
        None
    }
}

/// Break points of the native words, counted over all of them: our break
/// points against the patterns as published, and against the patterns
/// with their defects repaired or set aside.
#[derive(Default)]
struct Agreement {
    /// Break points given by either, and by both (the patterns as published).
    literal: (usize, usize),
    /// The patterns' break points, and those beside a piece without a vowel:
    /// no hyphenator that keeps a vowel in every piece can give those.
    patterns: (usize, usize),
    /// The patterns' break points in 4-letter words, which ours never break
    /// (the page rules: 5 letters at least; the patterns' own minimums are
    /// 2 and 2, as ours).
    short: usize,
    /// Break points counted against the repaired patterns, and agreed.
    repaired: (usize, usize),
    /// Break points explained by each defect (repaired, or set aside).
    defects: std::collections::BTreeMap<Defect, usize>,
    differ: Vec<String>,
}

fn agreement(patterns: &Patterns, native: &[String]) -> Agreement {
    let mut m = Agreement::default();
    for word in native {
        let letters: Vec<char> = word.to_lowercase().chars().collect();
        let (ours, theirs) = (ours(word), patterns.breaks(word));
        if letters.len() < 5 {
            m.short += patterns.breaks_unlimited(word).len();
        }
        m.literal.0 += ours.union(&theirs).count();
        m.literal.1 += ours.intersection(&theirs).count();
        m.patterns.0 += theirs.len();
        m.patterns.1 += vowelless_pieces(word, &theirs).len();
        let fixed = repaired(&letters, &theirs);
        for &k in theirs.difference(&fixed) {
            let defect = repair_of(&letters, k).expect("a repaired break");
            *m.defects.entry(defect).or_default() += 1;
        }
        let mut wrong = false;
        for &k in ours.union(&fixed) {
            let agreed = ours.contains(&k) && fixed.contains(&k);
            if let (false, Some(defect)) = (fixed.contains(&k), unmodelled(&letters, k)) {
                *m.defects.entry(defect).or_default() += 1;
                continue;
            }
            m.repaired.0 += 1;
            m.repaired.1 += usize::from(agreed);
            wrong |= !agreed;
        }
        if wrong {
            m.differ.push(format!(
                "{} (patterns {}, repaired {})",
                shown(word, &ours),
                shown(word, &theirs),
                shown(word, &fixed)
            ));
        }
    }
    m
}

fn percent((all, some): (usize, usize)) -> f64 {
    some as f64 / all.max(1) as f64 * 100.0
}

/// Over the break points of all native words (none left out): the
/// patterns as published, then repaired where they break the issue's own
/// rules, with the break points they cannot give by construction set aside.
#[test]
fn native_words_agree_with_the_patterns() {
    let patterns = Patterns::read();
    let e = entries();
    let m = agreement(&patterns, &e.native);
    let ceiling = (m.patterns.0, m.patterns.0 - m.patterns.1);
    let set_aside = m.defects.get(&Defect::NoLetterI).copied().unwrap_or(0)
        + m.defects.get(&Defect::Hiatus).copied().unwrap_or(0);
    println!(
        "native words: {}; break points: as published {} of {} agree ({:.2}%; at most {:.2}% \
         without a lone consonant: the patterns leave {} among their {} break points); against the repaired \
         patterns {} of {} ({:.2}%), {set_aside} set aside; by defect {:?}; 4-letter words \
         unbroken: {} pattern breaks",
        e.native.len(),
        m.literal.1,
        m.literal.0,
        percent(m.literal),
        percent(ceiling),
        m.patterns.1,
        m.patterns.0,
        m.repaired.1,
        m.repaired.0,
        percent(m.repaired),
        m.defects,
        m.short,
    );
    for d in &m.differ {
        println!("  ours {d}");
    }
    assert!(e.native.len() >= 2000, "{} native words", e.native.len());
    assert!(m.repaired.0 > 20_000, "only {} break points", m.repaired.0);
    // The patterns as published: a floor, under the ceiling above.
    assert!(percent(m.literal) >= 93.0, "{:.2}%", percent(m.literal));
    // The issue asks 98%; this list gives 100%, and 99.5% still fails if
    // the rule for consonant triples (162 break points here, 0.7%) or for
    // у after a consonant goes wrong.
    assert!(
        percent(m.repaired) >= 99.5,
        "{:.2}% agree; first differences:\n{}",
        percent(m.repaired),
        m.differ[..m.differ.len().min(40)].join("\n")
    );
    // What is set aside stays a small share, so that it cannot hide a rule.
    assert!(
        set_aside * 20 <= m.repaired.0,
        "{set_aside} break points set aside"
    );
}

#[test]
fn the_repaired_patterns_leave_no_lone_consonant() {
    let patterns = Patterns::read();
    let e = entries();
    let lone: Vec<String> = e
        .native
        .iter()
        .map(|word| {
            let letters: Vec<char> = word.to_lowercase().chars().collect();
            (word, repaired(&letters, &patterns.breaks(word)))
        })
        .filter(|(word, fixed)| !vowelless_pieces(word, fixed).is_empty())
        .map(|(word, fixed)| shown(word, &fixed))
        .collect();
    assert!(lone.is_empty(), "{lone:?}");
    // The repairs and the set-aside classes on the words that show them.
    let letters = |w: &str| w.chars().collect::<Vec<char>>();
    let shown_repaired = |w: &str| shown(w, &repaired(&letters(w), &patterns.breaks(w)));
    assert_eq!(shown("беруші", &patterns.breaks("беруші")), "бе-р-у-ші");
    assert_eq!(shown_repaired("беруші"), "бе-ру-ші");
    assert_eq!(shown("шарттар", &patterns.breaks("шарттар")), "шар-т-тар");
    assert_eq!(shown_repaired("шарттар"), "шарт-тар");
    assert_eq!(unmodelled(&letters("бидай"), 2), Some(Defect::NoLetterI));
    assert_eq!(unmodelled(&letters("шаруа"), 4), Some(Defect::Hiatus));
    assert_eq!(unmodelled(&letters("бала"), 2), None);
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
