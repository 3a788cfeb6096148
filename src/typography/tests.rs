use super::*;

#[test]
fn char_shortcuts_agree_with_std() {
    let extra = [
        'ә', 'ң', 'ү', 'і', '₸', '中', '\u{a0}', '\u{2003}', '\u{3000}', '٣', '\u{1e9e}',
    ];
    for c in ('\0'..='\u{0600}').chain(extra) {
        assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
    }
}

fn ru(s: &str) -> String {
    apply(s, Lang::Ru)
}

/// Shows NBSP visibly in assertion failures.
fn vis(s: &str) -> String {
    s.replace(NBSP, "⍽")
}

macro_rules! check {
    ($input:expr, $expected:expr) => {
        assert_eq!(vis(&ru($input)), vis($expected), "input: {:?}", $input)
    };
}

/// The per-char contract the caller relies on.
fn assert_one_for_one(input: &str, output: &str) {
    let a: Vec<char> = input.chars().collect();
    let b: Vec<char> = output.chars().collect();
    assert_eq!(a.len(), b.len(), "char count changed for {input:?}");
    for (i, (&x, &y)) in a.iter().zip(&b).enumerate() {
        let allowed = x == y
            || (x == '"' && matches!(y, '«' | '»' | '„' | '“'))
            || (x == ' ' && y == NBSP)
            || (x == '-' && y == EM_DASH);
        assert!(allowed, "char {i}: {x:?} -> {y:?} in {input:?}");
    }
}

#[test]
fn straight_quotes_become_guillemets() {
    check!(r#"челлендж "Мы ради вас""#, "челлендж «Мы\u{a0}ради вас»");
    check!(r#""Начало" текста"#, "«Начало» текста");
    check!(r#"(см. "Устав")"#, "(см. «Устав»)");
}

#[test]
fn nested_quotes_use_lapki() {
    check!(
        r#"ТОО "Компания "Рога и копыта"""#,
        "ТОО «Компания „Рога и\u{a0}копыта“»"
    );
    check!(
        r#""Он сказал: "да" и ушёл""#,
        "«Он\u{a0}сказал: „да“ и\u{a0}ушёл»"
    );
}

#[test]
fn existing_quotes_are_kept_and_count_for_nesting() {
    check!(r#"«Мы "ради" вас»"#, "«Мы\u{a0}„ради“ вас»");
    check!("«Мы „ради“ вас»", "«Мы\u{a0}„ради“ вас»");
    // A closing guillemet returns to depth 0.
    check!(r#"«Да» и "нет""#, "«Да» и\u{a0}«нет»");
}

#[test]
fn unbalanced_quotes_do_not_panic() {
    check!(r#"""#, "«");
    check!(r#"текст""#, "текст»");
    check!("\"\"\"\"", "«„„“");
    check!("»»» текст «", "»»» текст «");
    check!(r#"слово,"текст" конец"#, "слово,«текст» конец");
    check!(r#""текст ""#, "«текст »");
}

#[test]
fn single_quotes_untouched() {
    check!("Qazaqstan'nyń 'tili'", "Qazaqstan'nyń 'tili'");
}

#[test]
fn spaced_hyphen_becomes_em_dash() {
    check!("Вы - герои", "Вы\u{a0}— герои");
    check!("Москва - столица", "Москва\u{a0}— столица");
}

#[test]
fn hyphen_inside_word_untouched() {
    check!("интернет-ресурсов", "интернет-ресурсов");
    check!("COVID-19 распространяется", "COVID-19 распространяется");
    check!("кое-где", "кое-где");
    // List marker at the start of a line is not between words.
    check!("- пункт\n- другой", "- пункт\n- другой");
}

#[test]
fn existing_dashes_kept() {
    check!("Вы – герои", "Вы\u{a0}– герои");
    check!("Вы — герои", "Вы\u{a0}— герои");
    check!("1941–1945 годы", "1941–1945 годы");
}

#[test]
fn dash_binding_keeps_space_after_breakable() {
    let out = ru("Вы – герои");
    assert_eq!(out, "Вы\u{a0}– герои");
    assert_eq!(out.chars().nth(4), Some(' '));
}

#[test]
fn initials_before_surname() {
    check!("Е. Тугжанов", "Е.\u{a0}Тугжанов");
    check!("А. Е. Турганбаев", "А.\u{a0}Е.\u{a0}Турганбаев");
    check!("А.Е. Турганбаев", "А.Е.\u{a0}Турганбаев");
    check!("письмо И. Ескендира", "письмо И.\u{a0}Ескендира");
    check!("(Е. Тугжанов)", "(Е.\u{a0}Тугжанов)");
}

#[test]
fn surname_before_initials() {
    check!("Турганбаев А.Е.", "Турганбаев\u{a0}А.Е.");
    check!("Турганбаев А. Е.", "Турганбаев\u{a0}А.\u{a0}Е.");
    check!(
        "депутату Турганбаеву А.Е., который",
        "депутату Турганбаеву\u{a0}А.Е., который"
    );
}

#[test]
fn numero_and_number() {
    check!("№ ДЗ-83", "№\u{a0}ДЗ-83");
    check!("№№ 5-7", "№№\u{a0}5-7");
    check!("письмо № 12-15/2417", "письмо №\u{a0}12-15/2417");
}

#[test]
fn number_and_following_word() {
    check!("30 челленджей", "30\u{a0}челленджей");
    check!("20 тысяч", "20\u{a0}тысяч");
    check!("2 видеоролика", "2\u{a0}видеоролика");
    check!("10 мая", "10\u{a0}мая");
    check!("от 22.04.2020 года", "от\u{a0}22.04.2020\u{a0}года");
    check!("№ 12-15/2417 от", "№\u{a0}12-15/2417\u{a0}от");
    // A number ending a clause does not bind across the comma.
    check!("их 30, всего", "их\u{a0}30, всего");
    // Nor to a following number or symbol.
    check!("30 40", "30 40");
}

#[test]
fn amounts_keep_their_groups_and_sign() {
    check!(
        "әзірлеуге 1 250 000 ₸ бөлінді",
        "әзірлеуге 1\u{a0}250\u{a0}000\u{a0}₸ бөлінді"
    );
    check!("480 000 ₸.", "480\u{a0}000\u{a0}₸.");
    check!("всего 12 500 тенге", "всего 12\u{a0}500\u{a0}тенге");
    check!("рост на 15 %", "рост на\u{a0}15\u{a0}%");
    // A group of four digits is a year or a separate number, not thousands.
    check!("в 2020 2021 годах", "в\u{a0}2020 2021\u{a0}годах");
    check!("1 2020", "1 2020");
    // A sign before the amount is not bound backwards.
    check!("₸ 500", "₸ 500");
}

#[test]
fn short_words_bind_forward() {
    check!("в поддержку", "в\u{a0}поддержку");
    check!("о титаническом", "о\u{a0}титаническом");
    check!("и другие", "и\u{a0}другие");
    check!("по заказу", "по\u{a0}заказу");
    check!("на работе", "на\u{a0}работе");
    check!("in the office", "in\u{a0}the office");
    check!("и в Интернете", "и\u{a0}в\u{a0}Интернете");
    check!("и #сидидома", "и\u{a0}#сидидома");
    check!("(в поддержку)", "(в\u{a0}поддержку)");
    // Three letters do not bind.
    check!("под заказ", "под заказ");
    // Punctuation after the short word ends the binding.
    check!("да, конечно", "да, конечно");
}

#[test]
fn abbreviations() {
    check!("10 мая т.г.", "10\u{a0}мая т.г.");
    check!("10 мая т. г.", "10\u{a0}мая т.\u{a0}г.");
    check!("т.е. так", "т.е. так");
    check!("т. е. так", "т.\u{a0}е.\u{a0}так");
    check!("и т. д.", "и\u{a0}т.\u{a0}д.");
    check!("и т. п., а", "и\u{a0}т.\u{a0}п., а");
    check!("в г. Алматы", "в\u{a0}г.\u{a0}Алматы");
    check!("г. Алматы", "г.\u{a0}Алматы");
    // Suffix abbreviations before a capitalised word end a sentence.
    check!("и т. д. Далее", "и\u{a0}т.\u{a0}д. Далее");
    check!("2020 г. В рамках", "2020\u{a0}г. В\u{a0}рамках");
}

#[test]
fn no_binding_across_line_breaks_or_multiple_spaces() {
    check!("в\nподдержку", "в\nподдержку");
    check!("в  поддержку", "в  поддержку");
    check!("Е.\nТугжанов", "Е.\nТугжанов");
    check!("Вы\n– герои", "Вы\n– герои");
    check!("Вы -\nгерои", "Вы -\nгерои");
}

#[test]
fn urls_and_emails_untouched() {
    // Straight quotes inside the address stay straight (and the space
    // next to it stays breakable).
    check!(
        r#"см. https://example.kz/a?q="x"&y=1 и"#,
        r#"см. https://example.kz/a?q="x"&y=1 и"#
    );
    check!(r#"на www.gov.kz/"a"b сайте"#, r#"на www.gov.kz/"a"b сайте"#);
    check!("по адресу a.b@gov.kz и", "по\u{a0}адресу a.b@gov.kz и");
    // Quotes that merely wrap the address are still converted.
    check!(r#"сайт "https://akorda.kz""#, "сайт «https://akorda.kz»");
    check!(
        r#""см. https://akorda.kz", - он"#,
        "«см. https://akorda.kz»,\u{a0}— он"
    );
}

const PARAGRAPH: &str = "За время ЧП на телеканалах и в Интернете организовано более 30 челленджей, флэшмобов, акций, в том числе челлендж \"Мы ради вас остались на работе, вы ради нас останьтесь дома!\", флэшмоб Олимпийских чемпионов \"Вы - герои сегодняшнего дня\", а также видеоролик под хэштегами #Бізбіргеміз и #мыВместе в поддержку детей.";

#[test]
fn real_paragraph() {
    let expected = "За\u{a0}время ЧП\u{a0}на\u{a0}телеканалах и\u{a0}в\u{a0}Интернете \
организовано более 30\u{a0}челленджей, флэшмобов, акций, в\u{a0}том числе челлендж \
«Мы\u{a0}ради вас остались на\u{a0}работе, вы\u{a0}ради нас останьтесь дома!», \
флэшмоб Олимпийских чемпионов «Вы\u{a0}— герои сегодняшнего дня», а\u{a0}также \
видеоролик под хэштегами #Бізбіргеміз и\u{a0}#мыВместе в\u{a0}поддержку детей.";
    let out = apply(PARAGRAPH, Lang::Ru);
    assert_eq!(vis(&out), vis(expected));
    assert_one_for_one(PARAGRAPH, &out);
    assert_eq!(apply(PARAGRAPH, Lang::Kk), out);
}

#[test]
fn idempotent() {
    let samples = [
        PARAGRAPH,
        r#"ТОО "Компания "Рога и копыта"" - в г. Алматы"#,
        "Турганбаев А. Е., № ДЗ-83 от 22.04.2020 г. и т. д. Далее",
        "«Мы \"ради\" вас» – и т.г.",
    ];
    for s in samples {
        let once = ru(s);
        assert_eq!(ru(&once), once, "not idempotent on {s:?}");
    }
}

#[test]
fn same_char_count_on_samples() {
    for s in [
        PARAGRAPH,
        "",
        " ",
        "\"",
        " - ",
        "№",
        "а б в г д",
        "\n\"\n-\n",
    ] {
        assert_one_for_one(s, &ru(s));
    }
}

/// Deterministic xorshift so the property test needs no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("below n")
    }
}

// Fragments chosen to hit every rule and its edge cases when glued
// together in random order with random separators.
const PIECES: &[&str] = &[
    "в",
    "на",
    "ЧП",
    "и",
    "т.",
    "г.",
    "т.г.",
    "Е.",
    "А.Е.",
    "Турганбаев",
    "№",
    "№№",
    "30",
    "250",
    "000",
    "₸",
    "%",
    "12-15/2417",
    "22.04.2020",
    "челленджей",
    "Алматы",
    "\"",
    "\"\"",
    "«",
    "»",
    "„",
    "“",
    "”",
    "-",
    "–",
    "—",
    "(",
    ")",
    ",",
    ".",
    "!",
    "#мыВместе",
    "COVID-19",
    "https://a.kz/\"q\"",
    "www.x.kz",
    "a@b.kz",
    "'",
    "Ә",
    "ü",
    "x",
];
const SEPS: &[&str] = &[" ", " ", " ", "", "\n", "  ", "\u{a0}", "\t"];
#[test]
fn property_one_for_one_and_idempotent() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..5000 {
        let mut s = String::new();
        for _ in 0..rng.below(14) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
            s.push_str(SEPS[rng.below(SEPS.len())]);
        }
        let once = ru(&s);
        assert_one_for_one(&s, &once);
        assert_eq!(vis(&ru(&once)), vis(&once), "not idempotent on {s:?}");
        assert_eq!(apply(&s, Lang::Kk), once);
    }
}

#[test]
fn a_document_gets_the_pass_run_by_run_with_its_styles() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut doc = crate::document::parse("[paragraph]\nx\n", std::path::Path::new("t"), Lang::Ru)
        .expect("a paragraph");
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..rng.below(14) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
            s.push_str(SEPS[rng.below(SEPS.len())]);
        }
        // Cut into runs at random chars, empty runs included.
        let chars: Vec<char> = s.chars().collect();
        let mut cuts: Vec<usize> = (0..rng.below(5))
            .map(|_| rng.below(chars.len() + 1))
            .collect();
        cuts.push(chars.len());
        cuts.sort_unstable();
        let mut runs = Vec::new();
        let mut at = 0;
        for (k, &cut) in cuts.iter().enumerate() {
            let style = crate::document::Style {
                bold: k % 2 == 1,
                italic: k % 3 == 1,
            };
            let text = chars[at..cut].iter().collect();
            runs.push(crate::document::Run { text, style });
            at = cut;
        }
        doc.for_each_line_mut(|line| line.clone_from(&runs));
        apply_to_document(&mut doc, Lang::Ru);
        let whole: Vec<char> = ru(&s).chars().collect();
        let mut at = 0;
        doc.for_each_line_mut(|line| {
            assert_eq!(line.len(), runs.len(), "{s:?}");
            for (got, was) in line.iter().zip(&runs) {
                let n = was.text.chars().count();
                let expected: String = whole[at..at + n].iter().collect();
                assert_eq!(vis(&got.text), vis(&expected), "{s:?} cut at {cuts:?}");
                assert_eq!(got.style, was.style);
                at += n;
            }
        });
    }
}
