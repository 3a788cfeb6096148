//! Kazakh hyphenation by syllable structure.
//!
//! Kazakh has no published TeX hyphenation patterns, but its syllables are
//! regular enough to find the breaks by rule. A word is broken only between
//! syllables ("буын жігі бойынша"), and only where the rules below allow it.
//!
//! # Letters
//!
//! * Vowels: а ә е ё и о ө у ұ ү ы і э ю я.
//! * Consonants: б в г ғ д ж з й к қ л м н ң п р с т ф х һ ц ч ш щ.
//! * Signs: ъ ь. A sign belongs to the letter before it; together they act
//!   as one consonant, so no break ever falls right before ъ or ь
//!   (аль-бом, фильм-дер, ком-пью-тер, ба-та-льон, пье-са).
//!
//! Capitals are read as their lowercase letters (ҚАЗАҚСТАН breaks like
//! Қазақстан).
//!
//! ## у and и
//!
//! The letter у is both the vowel ұу/үу and the glide w:
//!
//! * right after a vowel it is the glide, so a consonant: it starts the next
//!   syllable between vowels and closes the syllable before a consonant
//!   (са-уал, жа-уап, да-уыс, қа-уіп-сіз-дік, ау-ру, сау-да, әлеу-мет-тік,
//!   ау-дит, ден-сау-лық, сақ-тау);
//! * at the start of a word before another vowel it is the glide as well
//!   (уа-қыт, уағ-да-лас-тық);
//! * anywhere else (after a consonant, or first before a consonant) it is a
//!   vowel (ту-ра-лы, тү-сін-ді-ру, уни-вер-си-тет).
//!
//! The letter и is always a vowel. When у or и written for ұу/үу/ый/ій is
//! followed by another vowel, the next syllable starts with that vowel, as
//! the Kazakh spelling rules prescribe (су-ық, қу-а-ныш, ту-ын-ды, ки-і-мі,
//! ти-іс-ті).
//!
//! The letter й is always a consonant, so between vowels it starts the next
//! syllable (да-йын-дық, құ-йын, бо-йын-ша, ке-йін).
//!
//! # Where the syllable boundary falls
//!
//! Between two neighbouring vowels, with the consonants between them (each
//! consonant counting together with a ъ/ь after it):
//!
//! * no consonant: the boundary is between the vowels (про-ект, по-э-ма,
//!   ра-дио, мил-ли-он, би-ыл-ғы, са-я-сат);
//! * one consonant: it starts the next syllable (ба-ла, ки-тап, ме-ке-ме);
//! * two consonants: the boundary is between them (мек-теп, бағ-дар-ла-ма,
//!   Рес-пуб-ли-ка, прог-рам-ма). Loan onsets are split too, as Kazakh
//!   does with two consonants (мет-ро, биз-нес, Түр-кіс-тан);
//! * three or more consonants: the last one starts the next syllable
//!   (айт-қан, тарт-ты, ант-тың, жұрт-тың, құ-мырс-қа, күң-гірт-теу,
//!   ми-нистр-лі-гі, кадр-лар, фильм-дер). Two exceptions keep a loan onset
//!   together on the new line:
//!   - an obstruent followed by р or л (бр вр гр др кр пр тр фр хр,
//!     бл гл кл пл фл) at the end of the cluster starts the next syllable
//!     whole: кон-тракт, цен-трі, ми-нис-трі, ком-плекс, ин-фра-құ-ры-лым,
//!     экс-тре-мизм, инс-трук-ция. Native Kazakh never forms these clusters
//!     across a syllable boundary (no suffix starts with р, and a suffix л
//!     turns into д or т after any consonant but р, й, у), so this does not
//!     misfire on native words;
//!   - the place-name element "стан" after a consonant-final ethnonym
//!     (Қазақ, Өзбек, Қырғыз, Тәжік, Ауған, Түрікмен, Татар, Башқұрт):
//!     Қа-зақ-стан, Өз-бек-стан, Ау-ған-стан, Баш-құрт-стан.
//!
//!   The s-clusters ст, ск, сп are *not* treated as onsets in general: after
//!   loan stems ending in рс/нс/кс they meet native suffixes (курс-тар,
//!   фи-нанс-тық, ко-декс-тің, ко-декс-пен, транс-порт, экс-порт), and
//!   moving them (кур-стар) is what the Kazakh rules forbid (құмырс-қа, not
//!   құмыр-сқа). That is why "стан" is handled by the short list of stems
//!   above rather than by a rule: the ablative -тан after such stems
//!   (курс-тан, ба-ланс-тан) must keep the native split. The three-letter
//!   onsets стр/ств are therefore split by the same rules (ад-ми-нис-тра-ция,
//!   де-монс-тра-ция);
//! * a consonant with ъ right before a vowel closes the syllable (the ъ
//!   marks a prefix boundary): объ-ект, субъ-ек-ті-ле-рі, съез-дің.
//!
//! # Where a break is allowed
//!
//! A syllable boundary is a break point only if
//!
//! * the word (or, in a compound, its part) has at least 5 letters
//!   (бала, ақыл, атом, ауыл are never broken);
//! * at least 2 letters stay on each side (so ә-кім-ді-гі gives only
//!   әкім-ді-гі, ар-ми-я gives only ар-мия, е-ле-уіш gives only еле-уіш).
//!
//! Letters are counted as characters; ъ and ь count as letters.
//!
//! # Words that are never broken
//!
//! * any word containing a character that is not a Kazakh Cyrillic letter
//!   or a hyphen: Latin letters (including look-alikes such as Latin "a"
//!   inside a Cyrillic word), digits, soft hyphens, apostrophes, combining
//!   accents;
//! * a part with a capital right after a lowercase letter, which marks an
//!   acronym such as ҚазҰУ or ҚазМұнайГаз.
//!
//! # Compounds
//!
//! A word with explicit hyphens (-, U+2010, U+2011), such as
//! "ақпараттық-түсіндіру", is broken inside each part by the rules above;
//! each part must itself have at least 5 letters to be broken. The break
//! right after the explicit hyphen is the caller's business and is never
//! returned here.

/// Words (or compound parts) shorter than this are never broken.
const MIN_WORD_LETTERS: usize = 5;
/// Letters that must stay on each side of a break.
const MIN_SIDE_LETTERS: usize = 2;

/// Consonant-final ethnonyms that form place names with "стан"; the break
/// goes before "стан" (Қазақ-стан).
const STAN_STEMS: [&str; 8] = [
    "қазақ",
    "өзбек",
    "қырғыз",
    "тәжік",
    "ауған",
    "түрікмен",
    "татар",
    "башқұрт",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Vowel,
    Consonant,
    Sign,
}

/// One letter of a word part: where it starts in the word, the letter as
/// written, and its lowercase form and kind.
struct Letter {
    offset: usize,
    written: char,
    lower: char,
    kind: Kind,
}

/// A vowel, or a consonant with the signs after it.
struct Unit {
    /// Index of the first letter of the unit in the part.
    start: usize,
    /// Number of letters in the unit.
    len: usize,
    vowel: bool,
    /// The unit ends with ъ.
    hard: bool,
}

/// Byte offsets inside `word` where a line break with an added hyphen is allowed,
/// ascending. Empty when the word must not be hyphenated.
pub fn break_points(word: &str) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut part: Vec<Letter> = Vec::new();
    for (offset, written) in word.char_indices() {
        if is_hyphen(written) {
            part_breaks(&part, &mut breaks);
            part.clear();
            continue;
        }
        let lower = to_lower(written);
        let Some(kind) = kind_of(lower) else {
            return Vec::new();
        };
        part.push(Letter {
            offset,
            written,
            lower,
            kind,
        });
    }
    part_breaks(&part, &mut breaks);
    breaks
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The single lowercase letter for `c`, or `c` itself.
fn to_lower(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn kind_of(c: char) -> Option<Kind> {
    match c {
        'а' | 'ә' | 'е' | 'ё' | 'и' | 'о' | 'ө' | 'у' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я' => {
            Some(Kind::Vowel)
        }
        'б' | 'в' | 'г' | 'ғ' | 'д' | 'ж' | 'з' | 'й' | 'к' | 'қ' | 'л' | 'м' | 'н' | 'ң' | 'п'
        | 'р' | 'с' | 'т' | 'ф' | 'х' | 'һ' | 'ц' | 'ч' | 'ш' | 'щ' => {
            Some(Kind::Consonant)
        }
        'ъ' | 'ь' => Some(Kind::Sign),
        _ => None,
    }
}

/// Adds the break points of one hyphen-free part of the word to `out`.
fn part_breaks(part: &[Letter], out: &mut Vec<usize>) {
    let count = part.len();
    if count < MIN_WORD_LETTERS || has_inner_capital(part) {
        return;
    }
    let units = units(part);
    let stan = stan_start(part);
    let vowels: Vec<usize> = units
        .iter()
        .enumerate()
        .filter(|(_, unit)| unit.vowel)
        .map(|(index, _)| index)
        .collect();
    for pair in vowels.windows(2) {
        let at = boundary(&units, part, pair[0], pair[1], stan);
        if at >= MIN_SIDE_LETTERS && count - at >= MIN_SIDE_LETTERS {
            out.push(part[at].offset);
        }
    }
}

/// A capital right after a lowercase letter: an acronym like ҚазҰУ.
fn has_inner_capital(part: &[Letter]) -> bool {
    part.windows(2)
        .any(|pair| pair[0].written.is_lowercase() && pair[1].written.is_uppercase())
}

/// Groups the letters into vowels and consonants (a consonant takes the
/// signs after it), deciding whether each у is a vowel or the glide w.
fn units(part: &[Letter]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::with_capacity(part.len());
    for (index, letter) in part.iter().enumerate() {
        let vowel = match letter.kind {
            Kind::Sign => {
                match units.last_mut() {
                    Some(last) => {
                        last.len += 1;
                        last.hard = letter.lower == 'ъ';
                    }
                    None => units.push(Unit {
                        start: index,
                        len: 1,
                        vowel: false,
                        hard: letter.lower == 'ъ',
                    }),
                }
                continue;
            }
            Kind::Consonant => false,
            Kind::Vowel if letter.lower == 'у' => {
                let after_vowel = units.last().is_some_and(|unit| unit.vowel);
                let initial_glide = index == 0
                    && part
                        .get(1)
                        .is_some_and(|next| next.kind == Kind::Vowel && next.lower != 'у');
                !(after_vowel || initial_glide)
            }
            Kind::Vowel => true,
        };
        units.push(Unit {
            start: index,
            len: 1,
            vowel,
            hard: false,
        });
    }
    units
}

/// Where "стан" starts when the part is a listed ethnonym + "стан…".
fn stan_start(part: &[Letter]) -> Option<usize> {
    STAN_STEMS.iter().find_map(|stem| {
        let matches = stem
            .chars()
            .chain("стан".chars())
            .enumerate()
            .all(|(index, c)| part.get(index).is_some_and(|letter| letter.lower == c));
        if matches {
            Some(stem.chars().count())
        } else {
            None
        }
    })
}

/// The letter index where the syllable after vowel unit `p` begins, `q`
/// being the next vowel unit.
fn boundary(units: &[Unit], part: &[Letter], p: usize, q: usize, stan: Option<usize>) -> usize {
    let cluster = &units[p + 1..q];
    let Some(last) = cluster.last() else {
        // Two vowels side by side.
        return units[q].start;
    };
    if last.hard {
        // объ-ект: the hard sign closes the syllable.
        return units[q].start;
    }
    if let Some(at) = stan.filter(|&at| cluster.iter().skip(1).any(|unit| unit.start == at)) {
        return at;
    }
    let size = cluster.len();
    if size >= 3 {
        let first = &cluster[size - 2];
        if first.len == 1
            && last.len == 1
            && is_loan_onset(part[first.start].lower, part[last.start].lower)
        {
            return first.start;
        }
    }
    last.start
}

/// Obstruent + liquid onsets of loan words (тр, пр, бл, …).
fn is_loan_onset(first: char, second: char) -> bool {
    match second {
        'р' => matches!(first, 'б' | 'в' | 'г' | 'д' | 'к' | 'п' | 'т' | 'ф' | 'х'),
        'л' => matches!(first, 'б' | 'г' | 'к' | 'п' | 'ф'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word with `mark` inserted at every break point.
    fn render_with(word: &str, mark: char) -> String {
        let mut out = String::new();
        let mut last = 0;
        for at in break_points(word) {
            out.push_str(&word[last..at]);
            out.push(mark);
            last = at;
        }
        out.push_str(&word[last..]);
        out
    }

    /// The word as "a-b-c".
    fn render(word: &str) -> String {
        render_with(word, '-')
    }

    /// Expected breaks, one word a line with '-' at each break point:
    /// `kazakh-words.txt`, kept as data so that a linguist can review it
    /// without reading Rust.
    const WORDS_FILE: &str = include_str!("kazakh-words.txt");

    /// The table as (word, expected) pairs.
    fn words() -> Vec<(String, &'static str)> {
        WORDS_FILE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|expected| (expected.replace('-', ""), expected))
            .collect()
    }

    /// Every word of the table and of the compounds.
    fn all_words() -> Vec<String> {
        words()
            .into_iter()
            .map(|(word, _)| word)
            .chain(COMPOUNDS.iter().map(|&(word, _)| word.to_owned()))
            .collect()
    }

    /// Hyphenated compounds: '=' marks a break point, '-' is the word's own
    /// hyphen.
    const COMPOUNDS: &[(&str, &str)] = &[
        ("ақпараттық-түсіндіру", "ақ=па=рат=тық-тү=сін=ді=ру"),
        ("әлеуметтік-экономикалық", "әлеу=мет=тік-эко=но=ми=ка=лық"),
        ("Солтүстік-Қазақстан", "Сол=түс=тік-Қа=зақ=стан"),
        ("Премьер-Министрі", "Пре=мьер-Ми=нис=трі"),
        ("вице-министрі", "вице-ми=нис=трі"),
        ("іс-шаралары", "іс-ша=ра=ла=ры"),
        ("сондай-ақ", "сон=дай-ақ"),
        ("Нұр-Сұлтан", "Нұр-Сұл=тан"),
        (
            "ақпараттық\u{2011}түсіндіру",
            "ақ=па=рат=тық\u{2011}тү=сін=ді=ру",
        ),
        ("-мектеп-", "-мек=теп-"),
        ("мектеп--балалар", "мек=теп--ба=ла=лар"),
    ];

    #[test]
    fn table_has_enough_words() {
        assert!(words().len() >= 220, "only {} words", words().len());
    }

    #[test]
    fn table_expectations_spell_their_words() {
        for line in WORDS_FILE.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(line, line.trim(), "stray white space in the table");
            assert!(!line.contains(['=', ' ', '"']), "malformed line {line:?}");
        }
        for &(word, expected) in COMPOUNDS {
            assert_eq!(expected.replace('=', ""), word, "typo in the table");
        }
    }

    #[test]
    fn words_break_by_syllables() {
        let wrong: Vec<String> = words()
            .iter()
            .filter_map(|(word, expected)| {
                let got = render(word);
                (got != *expected).then(|| format!("{word}: expected {expected}, got {got}"))
            })
            .collect();
        assert!(
            wrong.is_empty(),
            "{} wrong:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn compounds_break_only_inside_parts() {
        for &(word, expected) in COMPOUNDS {
            assert_eq!(render_with(word, '='), expected, "{word}");
            for at in break_points(word) {
                let before = word[..at].chars().next_back();
                let after = word[at..].chars().next();
                assert!(
                    !before.is_some_and(is_hyphen),
                    "{word}: break after a hyphen"
                );
                assert!(
                    !after.is_some_and(is_hyphen),
                    "{word}: break before a hyphen"
                );
            }
        }
    }

    #[test]
    fn short_words_never_break() {
        for word in [
            "бала", "ана", "ат", "а", "", "ақыл", "атом", "етіп", "заңы", "қиын", "суық", "буын",
            "тиіс", "оқу", "Азия", "ауыл", "есеп", "орта", "жылы", "күні", "даму", "беру", "ауру",
            "ұйым", "қоса", "хат", "үй", "АҚШ", "оқуы", "суат", "киім",
        ] {
            assert!(break_points(word).is_empty(), "{word}");
        }
        // Every word of the table with fewer than 5 letters.
        for (word, _) in words() {
            if word.chars().count() < 5 {
                assert!(break_points(&word).is_empty(), "{word}");
            }
        }
    }

    #[test]
    fn at_least_two_letters_on_each_side() {
        for word in all_words() {
            for at in break_points(&word) {
                assert!(word[..at].chars().count() >= 2, "{word} at {at}");
                assert!(word[at..].chars().count() >= 2, "{word} at {at}");
            }
        }
        // Words whose first or last syllable is a single vowel.
        assert_eq!(render("үкімет"), "үкі-мет");
        assert_eq!(render("орындаушы"), "орын-дау-шы");
        assert_eq!(render("пандемия"), "пан-де-мия");
        assert_eq!(render("ұйымдастыру"), "ұйым-дас-ты-ру");
    }

    #[test]
    fn latin_digits_and_other_characters_never_break() {
        for word in [
            "Qazaqstan",
            "hyphenation",
            "COVID-19",
            "коронавирус19",
            "2024жылғы",
            "Қaзақстан", // Latin "a"
            "мектепke",
            "ақпарат\u{AD}тық",
            "мек'теп",
            "ақпараттық-information",
            "министр\u{301}лігі",
        ] {
            assert!(break_points(word).is_empty(), "{word}");
        }
    }

    #[test]
    fn inner_capitals_mark_acronyms() {
        assert!(break_points("ҚазҰУ").is_empty());
        assert!(break_points("ҚазМұнайГаз").is_empty());
        // All capitals and a capital first letter are ordinary words.
        assert_eq!(render("МЕКТЕПТЕР"), "МЕК-ТЕП-ТЕР");
        assert_eq!(render("Мектептер"), "Мек-теп-тер");
    }

    #[test]
    fn uppercase_breaks_like_lowercase() {
        for (word, _) in words() {
            let upper = word.to_uppercase();
            let lower = word.to_lowercase();
            assert_eq!(upper.len(), word.len(), "{word}");
            assert_eq!(break_points(&upper), break_points(&word), "{word}");
            assert_eq!(break_points(&lower), break_points(&word), "{word}");
        }
    }

    #[test]
    fn offsets_are_ascending_char_boundaries() {
        for word in all_words() {
            let points = break_points(&word);
            assert!(points.windows(2).all(|w| w[0] < w[1]), "{word}");
            for at in points {
                assert!(at > 0 && at < word.len(), "{word} at {at}");
                assert!(word.is_char_boundary(at), "{word} at {at}");
            }
        }
    }

    #[test]
    fn signs_never_start_a_fragment() {
        let words = all_words().into_iter().chain(
            [
                "ансамбльдің",
                "павильондар",
                "медальдар",
                "подъезд",
                "конъюнктура",
            ]
            .map(String::from),
        );
        for word in words {
            for at in break_points(&word) {
                assert!(
                    !word[at..].starts_with(['ь', 'ъ', 'Ь', 'Ъ']),
                    "{word} at {at}"
                );
            }
        }
        assert_eq!(render("подъезд"), "подъ-езд");
        assert_eq!(render("конъюнктура"), "конъ-юнк-ту-ра");
        assert_eq!(render("медальдар"), "ме-даль-дар");
    }

    #[test]
    fn fuzz_never_panics_and_stays_inside_the_word() {
        const CHARS: [char; 32] = [
            'а', 'ә', 'у', 'У', 'и', 'ы', 'і', 'е', 'ю', 'я', 'й', 'ь', 'ъ', 'Ь', 'с', 'т', 'р',
            'л', 'қ', 'к', 'н', 'б', 'п', 'Қ', '-', '\u{2011}', 'a', 'z', '1', ' ', '\u{AD}', '😀',
        ];
        let mut words = all_words();
        // A fixed linear congruential generator: the same strings every run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for _ in 0..20_000 {
            let len = next() % 16;
            words.push((0..len).map(|_| CHARS[next() % CHARS.len()]).collect());
        }
        for word in &words {
            let points = break_points(word);
            assert!(points.windows(2).all(|w| w[0] < w[1]), "{word:?}");
            for &at in &points {
                assert!(at > 0 && at < word.len(), "{word:?} at {at}");
                assert!(word.is_char_boundary(at), "{word:?} at {at}");
                assert!(
                    !word[at..].starts_with(['ь', 'ъ', 'Ь', 'Ъ']),
                    "{word:?} at {at}"
                );
            }
            let foreign = word
                .chars()
                .any(|c| !is_hyphen(c) && kind_of(to_lower(c)).is_none());
            if foreign {
                assert!(points.is_empty(), "{word:?}");
            }
        }
    }
}
