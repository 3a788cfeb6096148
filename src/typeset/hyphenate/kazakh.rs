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

    /// Expected breaks, worked out by hand from the rules in the module docs.
    const WORDS: &[(&str, &str)] = &[
        // The examples of the issue and of the Kazakh spelling rules.
        ("министрлігі", "ми-нистр-лі-гі"),
        ("Қазақстан", "Қа-зақ-стан"),
        ("мектеп", "мек-теп"),
        ("бала", "бала"),
        ("балалар", "ба-ла-лар"),
        ("кітап", "кі-тап"),
        ("айтқан", "айт-қан"),
        ("тартты", "тарт-ты"),
        ("анттың", "ант-тың"),
        ("жұрттың", "жұрт-тың"),
        ("құмырсқа", "құ-мырс-қа"),
        ("күңгірттеу", "күң-гірт-теу"),
        ("жаңғыртты", "жаң-ғырт-ты"),
        ("алақан", "ала-қан"),
        ("елеуіш", "еле-уіш"),
        ("армия", "ар-мия"),
        ("оюлары", "ою-ла-ры"),
        ("ақылдастық", "ақыл-дас-тық"),
        ("хабарландыру", "ха-бар-лан-ды-ру"),
        ("орналастыру", "ор-на-лас-ты-ру"),
        ("дауыс", "да-уыс"),
        ("сауат", "са-уат"),
        ("дайындық", "да-йын-дық"),
        ("құйын", "құ-йын"),
        ("туынды", "ту-ын-ды"),
        ("буыны", "бу-ы-ны"),
        ("киімі", "ки-і-мі"),
        ("қуаныш", "қу-а-ныш"),
        ("проект", "про-ект"),
        ("рояль", "ро-яль"),
        ("поэма", "по-э-ма"),
        ("съездің", "съез-дің"),
        // Official letters: addressees and institutions.
        ("Республикасы", "Рес-пуб-ли-ка-сы"),
        ("Республикасының", "Рес-пуб-ли-ка-сы-ның"),
        ("республикалық", "рес-пуб-ли-ка-лық"),
        ("Парламенті", "Пар-ла-мен-ті"),
        ("Парламентінің", "Пар-ла-мен-ті-нің"),
        ("Мәжілісі", "Мә-жі-лі-сі"),
        ("Мәжілісінің", "Мә-жі-лі-сі-нің"),
        ("Сенатының", "Се-на-ты-ның"),
        ("депутаты", "де-пу-та-ты"),
        ("депутаттарына", "де-пу-тат-та-ры-на"),
        ("депутаттық", "де-пу-тат-тық"),
        ("Үкіметі", "Үкі-ме-ті"),
        ("Үкіметінің", "Үкі-ме-ті-нің"),
        ("Президенті", "Пре-зи-ден-ті"),
        ("Президентінің", "Пре-зи-ден-ті-нің"),
        ("Жарлығы", "Жар-лы-ғы"),
        ("Жолдауы", "Жол-да-уы"),
        ("министрі", "ми-нис-трі"),
        ("Министрлігінің", "Ми-нистр-лі-гі-нің"),
        ("министрліктің", "ми-нистр-лік-тің"),
        ("департаменті", "де-пар-та-мен-ті"),
        ("директоры", "ди-рек-то-ры"),
        ("комитеті", "ко-ми-те-ті"),
        ("төрағасы", "тө-ра-ға-сы"),
        ("орынбасары", "орын-ба-са-ры"),
        ("басшысы", "бас-шы-сы"),
        ("басшысының", "бас-шы-сы-ның"),
        ("бастығы", "бас-ты-ғы"),
        ("облысы", "об-лы-сы"),
        ("облыстық", "об-лыс-тық"),
        ("әкімдігі", "әкім-ді-гі"),
        ("әкімшілігі", "әкім-ші-лі-гі"),
        ("басқармасы", "бас-қар-ма-сы"),
        ("бөлімі", "бө-лі-мі"),
        ("аудандық", "ау-дан-дық"),
        ("ауылдық", "ауыл-дық"),
        ("қалалық", "қа-ла-лық"),
        ("аумағында", "ау-ма-ғын-да"),
        ("мемлекеттік", "мем-ле-кет-тік"),
        ("органдардың", "ор-ган-дар-дың"),
        ("қызметкерлері", "қыз-мет-кер-ле-рі"),
        ("мекеме", "ме-ке-ме"),
        ("мекемелері", "ме-ке-ме-ле-рі"),
        ("ұйымдары", "ұйым-да-ры"),
        ("кәсіпорындар", "кә-сі-по-рын-дар"),
        // Letter formulas.
        ("Құрметті", "Құр-мет-ті"),
        ("құрметті", "құр-мет-ті"),
        ("мырза", "мыр-за"),
        ("ханым", "ха-ным"),
        ("сауалға", "са-уал-ға"),
        ("сауалы", "са-уа-лы"),
        ("сауалыңызға", "са-уа-лы-ңыз-ға"),
        ("хатыңызға", "ха-ты-ңыз-ға"),
        ("хатқа", "хат-қа"),
        ("жауап", "жа-уап"),
        ("жауабы", "жа-уа-бы"),
        ("жауабын", "жа-уа-бын"),
        ("хабарлаймыз", "ха-бар-лай-мыз"),
        ("хабарлайды", "ха-бар-лай-ды"),
        ("түсіндіреміз", "тү-сін-ді-ре-міз"),
        ("мәлімдейміз", "мә-лім-дей-міз"),
        ("жолдаймыз", "жол-дай-мыз"),
        ("сұраймыз", "сұ-рай-мыз"),
        ("береміз", "бе-ре-міз"),
        ("отырмыз", "отыр-мыз"),
        ("қаралды", "қа-рал-ды"),
        ("қаралып", "қа-ра-лып"),
        ("қарастырып", "қа-рас-ты-рып"),
        ("мыналарды", "мы-на-лар-ды"),
        ("сонымен", "со-ны-мен"),
        ("қатарда", "қа-тар-да"),
        ("атап", "атап"),
        ("айтқанда", "айт-қан-да"),
        ("құрметпен", "құр-мет-пен"),
        ("ниетпен", "ни-ет-пен"),
        ("тілекпен", "ті-лек-пен"),
        ("қосымша", "қо-сым-ша"),
        ("парақта", "па-рақ-та"),
        ("парақ", "па-рақ"),
        ("орындаушы", "орын-дау-шы"),
        ("Ескерту", "Ес-кер-ту"),
        ("жіберілді", "жі-бе-ріл-ді"),
        ("жолданды", "жол-дан-ды"),
        ("келіп", "ке-ліп"),
        ("түскен", "түс-кен"),
        ("ретінде", "ре-тін-де"),
        ("етіп", "етіп"),
        ("бірге", "бір-ге"),
        ("туралы", "ту-ра-лы"),
        ("бойынша", "бо-йын-ша"),
        ("байланысты", "бай-ла-ныс-ты"),
        ("байланыс", "бай-ла-ныс"),
        ("қатысты", "қа-тыс-ты"),
        ("арқылы", "ар-қы-лы"),
        ("бастап", "бас-тап"),
        ("дейін", "де-йін"),
        ("кейін", "ке-йін"),
        ("бүгінгі", "бү-гін-гі"),
        ("күнге", "күн-ге"),
        ("тиісінше", "ти-і-сін-ше"),
        ("тиісті", "ти-іс-ті"),
        // Dates.
        ("жылғы", "жыл-ғы"),
        ("жылдың", "жыл-дың"),
        ("биылғы", "би-ыл-ғы"),
        ("ағымдағы", "ағым-да-ғы"),
        ("өткен", "өт-кен"),
        ("қаңтар", "қаң-тар"),
        ("қаңтардағы", "қаң-тар-да-ғы"),
        ("ақпан", "ақ-пан"),
        ("ақпандағы", "ақ-пан-да-ғы"),
        ("наурыз", "нау-рыз"),
        ("сәуір", "сә-уір"),
        ("сәуірдегі", "сә-уір-де-гі"),
        ("мамыр", "ма-мыр"),
        ("маусым", "мау-сым"),
        ("маусымда", "мау-сым-да"),
        ("шілде", "шіл-де"),
        ("шілдеде", "шіл-де-де"),
        ("тамыз", "та-мыз"),
        ("тамызда", "та-мыз-да"),
        ("қыркүйек", "қыр-кү-йек"),
        ("қыркүйекте", "қыр-кү-йек-те"),
        ("қазан", "қа-зан"),
        ("қазанда", "қа-зан-да"),
        ("қараша", "қа-ра-ша"),
        ("қарашада", "қа-ра-ша-да"),
        ("желтоқсан", "жел-тоқ-сан"),
        ("желтоқсанда", "жел-тоқ-сан-да"),
        ("мерзімде", "мер-зім-де"),
        ("мерзімі", "мер-зі-мі"),
        // Work done, decisions.
        ("ақпарат", "ақ-па-рат"),
        ("ақпараттық", "ақ-па-рат-тық"),
        ("ақпараттандыру", "ақ-па-рат-тан-ды-ру"),
        ("түсіндіру", "тү-сін-ді-ру"),
        ("жұмыстары", "жұ-мыс-та-ры"),
        ("жұмыстар", "жұ-мыс-тар"),
        ("жұмыстарын", "жұ-мыс-та-рын"),
        ("бағдарлама", "бағ-дар-ла-ма"),
        ("бағдарламасы", "бағ-дар-ла-ма-сы"),
        ("жоспарланған", "жос-пар-лан-ған"),
        ("жоспары", "жос-па-ры"),
        ("ұйымдастырылды", "ұйым-дас-ты-рыл-ды"),
        ("ұйымдастыру", "ұйым-дас-ты-ру"),
        ("ұйымдастырылған", "ұйым-дас-ты-рыл-ған"),
        ("қатысушылар", "қа-ты-су-шы-лар"),
        ("қатысуымен", "қа-ты-су-ы-мен"),
        ("шешім", "ше-шім"),
        ("шешімі", "ше-ші-мі"),
        ("қаулысы", "қау-лы-сы"),
        ("бұйрығы", "бұй-ры-ғы"),
        ("Заңының", "За-ңы-ның"),
        ("бабына", "ба-бы-на"),
        ("сәйкес", "сәй-кес"),
        ("негізінде", "не-гі-зін-де"),
        ("мақсатында", "мақ-са-тын-да"),
        ("шеңберінде", "шең-бе-рін-де"),
        ("барысында", "ба-ры-сын-да"),
        ("жүргізілді", "жүр-гі-зіл-ді"),
        ("жүргізілуде", "жүр-гі-зі-лу-де"),
        ("атқарылған", "ат-қа-рыл-ған"),
        ("нәтижесінде", "нә-ти-же-сін-де"),
        ("нәтижелері", "нә-ти-же-ле-рі"),
        ("беріліп", "бе-рі-ліп"),
        ("ұсыныс", "ұсы-ныс"),
        ("ұсыныстар", "ұсы-ныс-тар"),
        ("өтініш", "өті-ніш"),
        ("өтінішіне", "өті-ні-ші-не"),
        ("шағым", "ша-ғым"),
        ("шағымы", "ша-ғы-мы"),
        ("қарау", "қа-рау"),
        ("қараудың", "қа-рау-дың"),
        ("шаралар", "ша-ра-лар"),
        ("қабылданды", "қа-был-дан-ды"),
        ("қабылдау", "қа-был-дау"),
        ("қамтамасыз", "қам-та-ма-сыз"),
        ("етілді", "етіл-ді"),
        ("жүзеге", "жү-зе-ге"),
        ("асыру", "асы-ру"),
        ("асырылуда", "асы-ры-лу-да"),
        ("бағытталған", "ба-ғыт-тал-ған"),
        ("бағыттары", "ба-ғыт-та-ры"),
        ("өткізілді", "өт-кі-зіл-ді"),
        ("өткізу", "өт-кі-зу"),
        ("тапсырма", "тап-сыр-ма"),
        ("тапсырмасы", "тап-сыр-ма-сы"),
        ("тапсырмаларын", "тап-сыр-ма-ла-рын"),
        ("орындау", "орын-дау"),
        ("орындалуы", "орын-да-луы"),
        ("орындары", "орын-да-ры"),
        ("енгізу", "ен-гі-зу"),
        ("енгізілді", "ен-гі-зіл-ді"),
        ("өзгерістер", "өз-ге-ріс-тер"),
        ("толықтырулар", "то-лық-ты-ру-лар"),
        ("жобасы", "жо-ба-сы"),
        ("жобалар", "жо-ба-лар"),
        ("жарияланды", "жа-ри-я-лан-ды"),
        ("дайындалды", "да-йын-дал-ды"),
        ("келісім", "ке-лі-сім"),
        ("келісімшарт", "ке-лі-сім-шарт"),
        ("мүмкіндік", "мүм-кін-дік"),
        ("мүмкіндігі", "мүм-кін-ді-гі"),
        ("қажет", "қа-жет"),
        ("қажетті", "қа-жет-ті"),
        ("қажеттілік", "қа-жет-ті-лік"),
        ("талаптарына", "та-лап-та-ры-на"),
        ("дамыту", "да-мы-ту"),
        ("дамуы", "да-муы"),
        ("жетілдіру", "же-тіл-ді-ру"),
        ("арттыру", "арт-ты-ру"),
        ("қамту", "қам-ту"),
        ("қамтылған", "қам-тыл-ған"),
        ("қолдау", "қол-дау"),
        ("қолдауы", "қол-да-уы"),
        ("көрсету", "көр-се-ту"),
        ("көрсетілген", "көр-се-тіл-ген"),
        ("тиімді", "ти-ім-ді"),
        ("тиімділігі", "ти-ім-ді-лі-гі"),
        // Society, economy, health.
        ("азаматтардың", "аза-мат-тар-дың"),
        ("азаматтарға", "аза-мат-тар-ға"),
        ("азаматтық", "аза-мат-тық"),
        ("әлеуметтік", "әлеу-мет-тік"),
        ("желілерде", "же-лі-лер-де"),
        ("халыққа", "ха-лық-қа"),
        ("халықаралық", "ха-лы-қа-ра-лық"),
        ("ынтымақтастық", "ын-ты-мақ-тас-тық"),
        ("тұрғындар", "тұр-ғын-дар"),
        ("тұрғындарының", "тұр-ғын-да-ры-ның"),
        ("қызмет", "қыз-мет"),
        ("қызметтер", "қыз-мет-тер"),
        ("міндеттері", "мін-дет-те-рі"),
        ("міндетті", "мін-дет-ті"),
        ("құқықтары", "құ-қық-та-ры"),
        ("құқықтық", "құ-қық-тық"),
        ("заңнама", "заң-на-ма"),
        ("заңнамасына", "заң-на-ма-сы-на"),
        ("нормативтік", "нор-ма-тив-тік"),
        ("актілер", "ак-ті-лер"),
        ("жауапкершілік", "жа-уап-кер-ші-лік"),
        ("жауаптылық", "жа-уап-ты-лық"),
        ("денсаулық", "ден-сау-лық"),
        ("денсаулығын", "ден-сау-лы-ғын"),
        ("сақтау", "сақ-тау"),
        ("коронавирус", "ко-ро-на-ви-рус"),
        ("коронавирустық", "ко-ро-на-ви-рус-тық"),
        ("індет", "ін-дет"),
        ("індетпен", "ін-дет-пен"),
        ("медициналық", "ме-ди-ци-на-лық"),
        ("ауруханалар", "ау-ру-ха-на-лар"),
        ("аурудың", "ау-ру-дың"),
        ("емханалар", "ем-ха-на-лар"),
        ("дәрігерлер", "дә-рі-гер-лер"),
        ("вакцинация", "вак-ци-на-ция"),
        ("карантин", "ка-ран-тин"),
        ("пандемия", "пан-де-мия"),
        ("инфекциясы", "ин-фек-ци-я-сы"),
        ("жағдай", "жағ-дай"),
        ("жағдайы", "жағ-да-йы"),
        ("жағдайда", "жағ-дай-да"),
        ("жағдайлар", "жағ-дай-лар"),
        ("төтенше", "тө-тен-ше"),
        ("қауіпсіздік", "қа-уіп-сіз-дік"),
        ("қауіпсіздігі", "қа-уіп-сіз-ді-гі"),
        ("қаржыландыру", "қар-жы-лан-ды-ру"),
        ("қаржы", "қар-жы"),
        ("қаржылық", "қар-жы-лық"),
        ("бюджет", "бюд-жет"),
        ("бюджеттік", "бюд-жет-тік"),
        ("қаражат", "қа-ра-жат"),
        ("қаражаты", "қа-ра-жа-ты"),
        ("бөлінді", "бө-лін-ді"),
        ("тенге", "тен-ге"),
        ("теңге", "тең-ге"),
        ("миллион", "мил-ли-он"),
        ("миллиард", "мил-ли-ард"),
        ("сомасы", "со-ма-сы"),
        ("сомасында", "со-ма-сын-да"),
        ("көлемінде", "кө-ле-мін-де"),
        ("мөлшерінде", "мөл-ше-рін-де"),
        ("пайыз", "па-йыз"),
        ("пайызға", "па-йыз-ға"),
        ("есебі", "есе-бі"),
        ("есептілік", "есеп-ті-лік"),
        ("салық", "са-лық"),
        ("салықтық", "са-лық-тық"),
        ("төлеу", "тө-леу"),
        ("төлемдер", "тө-лем-дер"),
        ("зейнетақы", "зей-не-та-қы"),
        ("жәрдемақы", "жәр-де-ма-қы"),
        ("еңбекақы", "ең-бе-ка-қы"),
        ("жалақы", "жа-ла-қы"),
        ("жалпы", "жал-пы"),
        ("еңбек", "ең-бек"),
        ("жұмыссыздық", "жұ-мыс-сыз-дық"),
        ("жұмыспен", "жұ-мыс-пен"),
        ("көмек", "кө-мек"),
        ("көмегі", "кө-ме-гі"),
        ("мүгедектігі", "мү-ге-дек-ті-гі"),
        ("отбасы", "от-ба-сы"),
        ("отбасылар", "от-ба-сы-лар"),
        ("тұрғын", "тұр-ғын"),
        ("пәтер", "пә-тер"),
        ("пәтерлер", "пә-тер-лер"),
        ("құрылыс", "құ-ры-лыс"),
        ("құрылысы", "құ-ры-лы-сы"),
        ("жөндеу", "жөн-деу"),
        ("жолдар", "жол-дар"),
        ("көлік", "кө-лік"),
        ("тасымалдау", "та-сы-мал-дау"),
        ("сумен", "су-мен"),
        ("жабдықтау", "жаб-дық-тау"),
        ("жылумен", "жы-лу-мен"),
        ("газбен", "газ-бен"),
        ("табиғи", "та-би-ғи"),
        ("қоршаған", "қор-ша-ған"),
        ("ортаны", "ор-та-ны"),
        ("қорғау", "қор-ғау"),
        ("мәдениет", "мә-де-ни-ет"),
        ("жастар", "жас-тар"),
        ("саясат", "са-я-сат"),
        ("саясаты", "са-я-са-ты"),
        ("ауылшаруашылығы", "ауыл-ша-ру-а-шы-лы-ғы"),
        ("шаруашылығы", "ша-ру-а-шы-лы-ғы"),
        ("кәсіпкерлік", "кә-сіп-кер-лік"),
        ("кәсіпкерлер", "кә-сіп-кер-лер"),
        ("шағын", "ша-ғын"),
        ("несие", "не-сие"),
        ("несиелер", "не-си-е-лер"),
        ("мамандар", "ма-ман-дар"),
        ("біліктілігін", "бі-лік-ті-лі-гін"),
        ("оқыту", "оқы-ту"),
        ("білім", "бі-лім"),
        ("ғылым", "ғы-лым"),
        ("ғылыми", "ғы-лы-ми"),
        ("зерттеу", "зерт-теу"),
        ("зерттеулер", "зерт-теу-лер"),
        ("жоғары", "жо-ға-ры"),
        ("мектептер", "мек-теп-тер"),
        ("мектепке", "мек-теп-ке"),
        ("балабақша", "ба-ла-бақ-ша"),
        ("оқушылар", "оқу-шы-лар"),
        ("оқушыларға", "оқу-шы-лар-ға"),
        ("мұғалімдер", "мұ-ға-лім-дер"),
        ("телефон", "те-ле-фон"),
        ("мекенжайы", "ме-кен-жа-йы"),
        ("поштасы", "пош-та-сы"),
        ("жүйесі", "жү-йе-сі"),
        ("жүйелері", "жү-йе-ле-рі"),
        ("порталы", "пор-та-лы"),
        ("Ұлттық", "Ұлт-тық"),
        ("метро", "мет-ро"),
        ("программа", "прог-рам-ма"),
        // Glide у.
        ("уақыт", "уа-қыт"),
        ("уақытша", "уа-қыт-ша"),
        ("уағдаластық", "уағ-да-лас-тық"),
        ("әуежай", "әуе-жай"),
        ("еуропалық", "еу-ро-па-лық"),
        ("сауда", "сау-да"),
        ("аудит", "ау-дит"),
        ("аудиторлық", "ау-ди-тор-лық"),
        ("университет", "уни-вер-си-тет"),
        ("туризм", "ту-ризм"),
        // Places.
        ("Қазақстанның", "Қа-зақ-стан-ның"),
        ("Қазақстандағы", "Қа-зақ-стан-да-ғы"),
        ("ҚАЗАҚСТАН", "ҚА-ЗАҚ-СТАН"),
        ("Өзбекстан", "Өз-бек-стан"),
        ("Қырғызстан", "Қыр-ғыз-стан"),
        ("Тәжікстан", "Тә-жік-стан"),
        ("Ауғанстан", "Ау-ған-стан"),
        ("Түрікменстан", "Тү-рік-мен-стан"),
        ("Татарстан", "Та-тар-стан"),
        ("Башқұртстан", "Баш-құрт-стан"),
        ("Түркістан", "Түр-кіс-тан"),
        ("Астана", "Ас-та-на"),
        ("Алматы", "Ал-ма-ты"),
        ("Шымкент", "Шым-кент"),
        ("Қарағанды", "Қа-ра-ған-ды"),
        ("Павлодар", "Пав-ло-дар"),
        ("Атырау", "Аты-рау"),
        ("Ақтөбе", "Ақ-тө-бе"),
        ("Ақмола", "Ақ-мо-ла"),
        ("Солтүстік", "Сол-түс-тік"),
        ("Оңтүстік", "Оң-түс-тік"),
        // Loan words: clusters.
        ("курстар", "курс-тар"),
        ("курстан", "курс-тан"),
        ("курстарынан", "курс-та-ры-нан"),
        ("ресурстар", "ре-сурс-тар"),
        ("финанстық", "фи-нанс-тық"),
        ("баланстан", "ба-ланс-тан"),
        ("кодекстің", "ко-декс-тің"),
        ("кодекспен", "ко-декс-пен"),
        ("Кодексіне", "Ко-дек-сі-не"),
        ("спорттық", "спорт-тық"),
        ("институт", "инс-ти-тут"),
        ("институты", "инс-ти-ту-ты"),
        ("Конституциясы", "Конс-ти-ту-ци-я-сы"),
        ("инструкция", "инс-трук-ция"),
        ("демонстрация", "де-монс-тра-ция"),
        ("администрация", "ад-ми-нис-тра-ция"),
        ("регистрация", "ре-гис-тра-ция"),
        ("контракт", "кон-тракт"),
        ("центрі", "цен-трі"),
        ("комплекс", "ком-плекс"),
        ("экстремизм", "экс-тре-мизм"),
        ("экспорт", "экс-порт"),
        ("транспорт", "транс-порт"),
        ("электр", "электр"),
        ("электрлік", "электр-лік"),
        ("электрондық", "элек-трон-дық"),
        ("электронды", "элек-трон-ды"),
        ("инфрақұрылым", "ин-фра-құ-ры-лым"),
        ("цифрландыру", "цифр-лан-ды-ру"),
        ("цифрлық", "цифр-лық"),
        ("кадрлар", "кадр-лар"),
        ("кадрлық", "кадр-лық"),
        ("студенттер", "сту-дент-тер"),
        ("гранттар", "грант-тар"),
        ("стипендия", "сти-пен-дия"),
        ("колледж", "кол-ледж"),
        ("бизнес", "биз-нес"),
        ("бизнесті", "биз-нес-ті"),
        ("банкі", "бан-кі"),
        ("банктер", "банк-тер"),
        ("кредит", "кре-дит"),
        ("субсидия", "суб-си-дия"),
        ("субсидиялау", "суб-си-ди-я-лау"),
        ("инвестициялық", "ин-вес-ти-ци-я-лық"),
        ("экономикасы", "эко-но-ми-ка-сы"),
        ("экономикалық", "эко-но-ми-ка-лық"),
        ("энергия", "энер-гия"),
        ("экология", "эко-ло-гия"),
        ("экологиялық", "эко-ло-ги-я-лық"),
        // Loan words: vowel sequences.
        ("радио", "ра-дио"),
        ("поэзия", "по-э-зия"),
        ("материалдар", "ма-те-ри-ал-дар"),
        ("аэропорт", "аэ-ро-порт"),
        ("диагностика", "ди-аг-нос-ти-ка"),
        // Signs.
        ("объект", "объ-ект"),
        ("объектілер", "объ-ек-ті-лер"),
        ("субъект", "субъ-ект"),
        ("субъектілері", "субъ-ек-ті-ле-рі"),
        ("компьютер", "ком-пью-тер"),
        ("компьютерлік", "ком-пью-тер-лік"),
        ("пьеса", "пье-са"),
        ("фильм", "фильм"),
        ("фильмдер", "фильм-дер"),
        ("альбом", "аль-бом"),
        ("батальон", "ба-та-льон"),
        ("съезі", "съе-зі"),
        ("Премьер", "Пре-мьер"),
    ];

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
        assert!(WORDS.len() >= 220, "only {} words", WORDS.len());
    }

    #[test]
    fn table_expectations_spell_their_words() {
        for &(word, expected) in WORDS {
            assert_eq!(expected.replace('-', ""), word, "typo in the table");
        }
        for &(word, expected) in COMPOUNDS {
            assert_eq!(expected.replace('=', ""), word, "typo in the table");
        }
    }

    #[test]
    fn words_break_by_syllables() {
        let wrong: Vec<String> = WORDS
            .iter()
            .filter_map(|&(word, expected)| {
                let got = render(word);
                (got != expected).then(|| format!("{word}: expected {expected}, got {got}"))
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
        for &(word, _) in WORDS {
            if word.chars().count() < 5 {
                assert!(break_points(word).is_empty(), "{word}");
            }
        }
    }

    #[test]
    fn at_least_two_letters_on_each_side() {
        for &(word, _) in WORDS.iter().chain(COMPOUNDS) {
            for at in break_points(word) {
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
        for &(word, _) in WORDS {
            let upper = word.to_uppercase();
            let lower = word.to_lowercase();
            assert_eq!(upper.len(), word.len(), "{word}");
            assert_eq!(break_points(&upper), break_points(word), "{word}");
            assert_eq!(break_points(&lower), break_points(word), "{word}");
        }
    }

    #[test]
    fn offsets_are_ascending_char_boundaries() {
        for &(word, _) in WORDS.iter().chain(COMPOUNDS) {
            let points = break_points(word);
            assert!(points.windows(2).all(|w| w[0] < w[1]), "{word}");
            for at in points {
                assert!(at > 0 && at < word.len(), "{word} at {at}");
                assert!(word.is_char_boundary(at), "{word} at {at}");
            }
        }
    }

    #[test]
    fn signs_never_start_a_fragment() {
        let words = WORDS.iter().chain(COMPOUNDS).map(|&(word, _)| word).chain([
            "ансамбльдің",
            "павильондар",
            "медальдар",
            "подъезд",
            "конъюнктура",
        ]);
        for word in words {
            for at in break_points(word) {
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
        let mut words: Vec<String> = WORDS
            .iter()
            .chain(COMPOUNDS)
            .map(|&(word, _)| word.to_owned())
            .collect();
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
