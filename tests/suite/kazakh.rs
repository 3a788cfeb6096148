//! Kazakh letters end to end (issue 4): a Kazakh reply renders, its text
//! copies out of the PDF exactly, every label and date is Kazakh, words break
//! only at Kazakh syllable boundaries, the spacing stays within the figures,
//! the tenge sign is drawn by the fallback face, the emblem is in the PDF,
//! and characters no font has are refused with their place in the letter.
//!
//! The PDF is read back with the test reader (`common::pdf`): lopdf's own
//! `extract_text` ignores /ActualText and splits lines at every font change,
//! so it cannot tell what a reader copies.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::common;
use crate::common::pdf::Pdf;
use crate::common::{crate_path as repo, engine};
use zhauap::document::BlockKind;
use zhauap::letter::Letter;
use zhauap::typeset::hyphenate::kazakh;
use zhauap::typeset::page::{LineEnd, PAGE_WIDTH, Page, Pages};
use zhauap::typeset::{Rules, fonts, stats};
use zhauap::{Options, Rendered};

/// The widest inter-word gap a Kazakh letter may have, in natural spaces
/// (issue 4; a Russian letter's limit is stricter). It was 1.7 while
/// letter-spacing up to 0.07 em took the white the spaces could not; since
/// issue 15 caps letter-spacing at 0.018 em the spaces take it. Counted back
/// into the gaps (typo2.py's equivalent gap), the widest gap of kk-reply is
/// 2.84 before and after, of kk-long 2.39 before and 2.55 after.
const WIDEST_GAP: f32 = 2.7;
/// Hyphenated lines in a row, at most (`docs/layout.md`, breaking rules).
const HYPHEN_RUN: usize = 2;

fn render(path: &Path) -> (Letter, Rendered) {
    let engine = engine();
    let (_, letter) = engine
        .load(path)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let rendered = engine
        .render(path, &Options::default())
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    (letter, rendered)
}

/// The rendered PDF read back.
fn read_back(rendered: &Rendered) -> Pdf {
    Pdf::parse(&rendered.bytes).unwrap_or_else(|e| panic!("the PDF does not read back: {e}"))
}

/// Each page's rows of copied text, top to bottom ([`common::pdf::Page::rows`]).
fn rows(pdf: &Pdf) -> Vec<Vec<String>> {
    pdf.pages.iter().map(|p| p.rows()).collect()
}

// ---------------------------------------------------------------------------
// Text comparison
// ---------------------------------------------------------------------------

/// Stands where a line ended with a hyphen: the hyphen was either added by
/// the line breaker (the word continues) or the word's own.
const LINE_END_HYPHEN: char = '\u{1}';

/// Quotes, dashes and spaces as the typographic pass may have changed them,
/// folded to one form; runs of white space to one space.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '«' | '»' | '„' | '“' | '”' => '"',
            '—' | '–' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// The copied text of the letter as one string: page numbers left out,
/// lines joined with a space, or with [`LINE_END_HYPHEN`] where a line ends
/// with "-".
fn copied_text(lines: &[Vec<String>]) -> String {
    let mut out = String::new();
    let all = lines
        .iter()
        .flatten()
        .filter(|l| !l.trim().chars().all(|c| c.is_ascii_digit()));
    for line in all {
        let line = line.trim_end();
        if out.ends_with('-') {
            out.pop();
            out.push(LINE_END_HYPHEN);
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    normalise(&out)
}

/// Whether `needle` occurs in `hay`, where each [`LINE_END_HYPHEN`] of `hay`
/// matches either a "-" of `needle` or nothing.
fn contains_across_lines(hay: &str, needle: &str) -> bool {
    let hay: Vec<char> = hay.chars().collect();
    let needle: Vec<char> = needle.chars().collect();
    (0..hay.len()).any(|start| {
        let (mut h, mut n) = (start, 0);
        while n < needle.len() {
            match hay.get(h) {
                Some(&LINE_END_HYPHEN) => {
                    if needle[n] == '-' {
                        n += 1;
                    }
                    h += 1;
                }
                Some(&c) if c == needle[n] => {
                    h += 1;
                    n += 1;
                }
                _ => return false,
            }
        }
        true
    })
}

/// The paragraphs the letter's author wrote, as the letter should print
/// them; the opening is the template's when the letter has none.
fn paragraphs(letter: &Letter) -> Vec<String> {
    let opening = match (&letter.opening, &letter.inquiry.subject) {
        (Some(o), _) => o.value.clone(),
        (None, Some(s)) => format!(
            "Депутаттық сауалыңызда көтерілген {} мәселесін қарап, мынаны хабарлаймын.",
            s.value
        ),
        (None, None) => "Депутаттық сауалыңызды қарап, мынаны хабарлаймын.".to_owned(),
    };
    std::iter::once(opening)
        .chain(
            letter
                .body
                .iter()
                .filter_map(|b| b.paragraph())
                .map(|t| t.value.clone()),
        )
        .chain(letter.closing.iter().map(|t| t.value.clone()))
        .collect()
}

// ---------------------------------------------------------------------------
// Figures from the typeset pages
// ---------------------------------------------------------------------------

/// What a line shows.
fn visible_text(page: &Page, line: &zhauap::typeset::page::Line) -> String {
    page.runs[line.runs.clone()]
        .iter()
        .map(|r| r.text.as_str())
        .collect()
}

/// Every word broken with an added hyphen: (letters before, letters after).
fn hyphen_splits(pages: &Pages) -> Vec<(String, String)> {
    let lines: Vec<(String, bool)> = pages
        .pages
        .iter()
        .flat_map(|page| {
            page.lines
                .iter()
                .filter(|l| l.block.kind == BlockKind::Paragraph && !l.block.is_page_number())
                .map(move |l| {
                    let added = l.end == LineEnd::Hyphenated;
                    (visible_text(page, l), added)
                })
        })
        .collect();
    let mut splits = Vec::new();
    for pair in lines.windows(2) {
        let ((line, added), (next, _)) = (&pair[0], &pair[1]);
        if !added {
            continue;
        }
        let before: String = line
            .trim_end()
            .trim_end_matches('-')
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        splits.push((before, after));
    }
    splits
}

/// The justified paragraph lines whose widest gap is over `limit`, with it.
fn loose_lines(pages: &Pages, limit: f32) -> Vec<String> {
    let mut out = Vec::new();
    for page in &pages.pages {
        for line in &page.lines {
            if line.block.kind != BlockKind::Paragraph || !line.justified {
                continue;
            }
            let widest = line
                .gaps
                .iter()
                .map(|g| g / line.natural_space)
                .fold(0.0f32, f32::max);
            if widest > limit {
                out.push(format!("{widest:.2}: {}", visible_text(page, line)));
            }
        }
    }
    out
}

fn figures(pages: &Pages) -> stats::Stats {
    let rules = Rules::default();
    stats::measure(pages, PAGE_WIDTH - rules.margin_right)
}

/// Russian words that a Kazakh page must not print: the Russian template's
/// labels and opening, and common Russian function words.
const RUSSIAN_WORDS: &[&str] = &[
    "На",
    "на",
    "от",
    "года",
    "г.",
    "Исп.",
    "Приложение",
    "экз.",
    "л.",
    "Уважаемые",
    "Уважаемый",
    "Уважаемая",
    "Рассмотрев",
    "ваш",
    "депутатский",
    "запрос",
    "касательно",
    "сообщаю",
    "следующее",
    "и",
    "в",
    "по",
    "для",
    "Ответ",
];

/// Counts of the Russian words in `text`, split at white space.
fn russian_words(text: &str) -> HashMap<&'static str, usize> {
    let mut counts = HashMap::new();
    for token in text.split(|c: char| c.is_whitespace()) {
        // Punctuation around a word is not part of it; a final period may
        // be (`Исп.`, `г.`).
        let word = token
            .trim_start_matches(['(', '«', '"'])
            .trim_end_matches([':', ',', ';', '!', '?', ')', '»', '"']);
        let bare = word.trim_end_matches('.');
        if let Some(&w) = RUSSIAN_WORDS.iter().find(|&&w| w == word || w == bare) {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    counts
}

/// What a Kazakh letter must satisfy, whatever its shape. Returns the
/// figures for the report.
/// A Kazakh letter that passed [`assert_kazakh_letter`]: its figures, its
/// pages as copied out of the PDF (one string a page, lines joined with
/// "\n", pieces of one baseline with "\t", no-break spaces as spaces) and
/// what was rendered.
struct Checked {
    stats: stats::Stats,
    pages: Vec<String>,
    rendered: Rendered,
}

impl Checked {
    fn first_page(&self) -> &str {
        &self.pages[0]
    }

    fn last_page(&self) -> &str {
        self.pages.last().expect("a letter has pages")
    }

    /// The letter's length, and that hyphenation had work to do.
    fn assert_shape(&self, pages: std::ops::RangeInclusive<usize>, min_hyphenated: usize) {
        let s = &self.stats;
        assert!(pages.contains(&s.pages), "{} pages", s.pages);
        assert!(
            s.hyphenated_lines >= min_hyphenated,
            "{} hyphenated lines",
            s.hyphenated_lines
        );
    }

    /// Panics unless every label is on `page` (its text as copied).
    fn assert_labels(page: &str, labels: &[&str]) {
        for label in labels {
            assert!(page.contains(label), "lacks «{label}»:\n{page}");
        }
    }
}

fn assert_kazakh_letter(path: &Path) -> Checked {
    let (letter, rendered) = render(path);
    let name = path.display();
    assert_eq!(letter.lang, zhauap::letter::Lang::Kk, "{name}");
    let pages = &rendered.pages;

    // Spacing and hyphenation figures.
    let s = figures(pages);
    assert!(
        s.widest_gap <= WIDEST_GAP,
        "{name}: widest gap {:.2} > {WIDEST_GAP}:\n{}",
        s.widest_gap,
        loose_lines(pages, WIDEST_GAP).join("\n")
    );
    assert!(
        s.longest_hyphen_run <= HYPHEN_RUN,
        "{name}: {} hyphenated lines in a row",
        s.longest_hyphen_run
    );
    assert_eq!(s.overfull_lines, 0, "{name}: lines into the margin");

    // Every added hyphen stands at a Kazakh syllable boundary.
    let splits = hyphen_splits(pages);
    let added = pages
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.block.kind == BlockKind::Paragraph && l.end == LineEnd::Hyphenated)
        .count();
    assert_eq!(splits.len(), added, "{name}: every added hyphen is checked");
    for (before, after) in &splits {
        assert!(
            before.chars().count() >= 2 && after.chars().count() >= 2,
            "{name}: «{before}-{after}»"
        );
        let word = format!("{before}{after}");
        assert!(
            kazakh::break_points(&word).contains(&before.len()),
            "{name}: «{before}-{after}» is not a break of «{word}» ({:?})",
            kazakh::break_points(&word)
        );
    }

    // The text copies out of the PDF exactly.
    let pdf = read_back(&rendered);
    let lines = rows(&pdf);
    assert_eq!(lines.len(), pages.pages.len(), "{name}: page count");
    let copied = copied_text(&lines);
    for paragraph in paragraphs(&letter) {
        let expected = normalise(&paragraph);
        assert!(
            contains_across_lines(&copied, &expected),
            "{name}: this paragraph does not copy out verbatim:\n{expected}\n--- copied text:\n{copied}"
        );
    }

    // No Russian word outside the letterhead's Russian half.
    let page_text: String = lines
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let page_text = page_text.replace('\u{a0}', " ");
    let mut found = russian_words(&page_text);
    if let Some(head) = &letter.letterhead {
        for text in [&head.ru, &head.contacts_ru].into_iter().flatten() {
            for (w, n) in russian_words(&text.value.replace('\u{a0}', " ")) {
                if let Some(count) = found.get_mut(w) {
                    *count = count.saturating_sub(n);
                }
            }
        }
    }
    found.retain(|_, n| *n > 0);
    assert!(
        found.is_empty(),
        "{name}: Russian words on the page: {found:?}"
    );

    // Every tenge sign is drawn with the DejaVu fallback face.
    let tenge_runs: Vec<&str> = pages
        .pages
        .iter()
        .flat_map(|p| &p.runs)
        .filter(|r| r.text.contains('₸'))
        .map(|r| fonts::fonts().face(r.face).name)
        .collect();
    let tenge_in_letter = letter
        .body
        .iter()
        .filter_map(|b| b.paragraph())
        .any(|t| t.value.contains('₸'));
    assert_eq!(!tenge_runs.is_empty(), tenge_in_letter, "{name}");
    for face in tenge_runs {
        assert!(face.starts_with("DejaVuSerif"), "{name}: ₸ set in {face}");
    }
    let tenge_glyphs: Vec<&common::pdf::Glyph> = pdf
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.glyphs)
        .filter(|g| g.copy.contains('₸'))
        .collect();
    assert_eq!(
        !tenge_glyphs.is_empty(),
        tenge_in_letter,
        "{name}: ₸ copies out of the PDF"
    );
    for glyph in tenge_glyphs {
        assert!(
            glyph.font.contains("DejaVuSerif"),
            "{name}: ₸ in the PDF with font {}",
            glyph.font
        );
    }
    let pages = lines
        .iter()
        .map(|page| page.join("\n").replace('\u{a0}', " "))
        .collect();
    report(path, &s);
    Checked {
        stats: s,
        pages,
        rendered,
    }
}

fn report(path: &Path, s: &stats::Stats) {
    println!(
        "{}: {} pages, widest gap {:.2}, p95 gap {:.2}, median gap {:.2}, \
         hyphenated lines {}, longest hyphenated run {}",
        path.display(),
        s.pages,
        s.widest_gap,
        s.p95_gap,
        s.median_gap,
        s.hyphenated_lines,
        s.longest_hyphen_run
    );
}

// ---------------------------------------------------------------------------
// The checks check: they catch what they are meant to catch
// ---------------------------------------------------------------------------

#[test]
fn a_russian_letter_fails_the_russian_word_check() {
    let (_, rendered) = render(&repo("examples/dz-83-reply.yaml"));
    let lines = rows(&read_back(&rendered));
    let text = lines
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let found = russian_words(&text.replace('\u{a0}', " "));
    for word in ["На", "от", "года", "Исп.", "в", "и"] {
        assert!(found.contains_key(word), "{word} not found: {found:?}");
    }
}

#[test]
fn copied_text_rejoins_line_end_hyphens_only() {
    let lines = vec![
        vec!["Бұл жұмыс ақпа-".to_owned(), "раттық-".to_owned()],
        vec!["2".to_owned(), "түсіндіру «жұмысы»\u{a0}— деп".to_owned()],
    ];
    let copied = copied_text(&lines);
    assert!(contains_across_lines(
        &copied,
        "жұмыс ақпараттық-түсіндіру \"жұмысы\" - деп"
    ));
    // The page number between the pages is not text.
    assert!(!contains_across_lines(&copied, "2 түсіндіру"));
    // Lines without a hyphen are joined by a space, never glued.
    let copied = copied_text(&[vec!["бір".to_owned(), "екі".to_owned()]]);
    assert!(!contains_across_lines(&copied, "бірекі"));
    assert!(contains_across_lines(&copied, "бір екі"));
}

// ---------------------------------------------------------------------------
// The example reply
// ---------------------------------------------------------------------------

#[test]
fn kazakh_reply_meets_the_figures_and_copies_out() {
    let checked = assert_kazakh_letter(&repo("examples/kk-reply.yaml"));
    checked.assert_shape(2..=3, 1);

    // Labels and dates, all Kazakh.
    Checked::assert_labels(
        checked.first_page(),
        &[
            // Outgoing number and date, numeric with «ж.».
            "№ 12-15/2417\n14.05.2020 ж.",
            // The reference to the inquiry: the date in words, locative.
            "2020 жылғы 22 сәуірдегі",
            "№ ДЗ-83 сауалға",
            "депутаттарына",
            "(тізім бойынша)",
            "Құрметті депутаттар!",
            "Депутаттық сауалыңызда көтерілген коронавирус",
            // (The line may start inside «мәселесін», hyphenated.)
            "қарап, мынаны хабарлаймын.",
            // The amounts keep their groups and sign on one line.
            "1 250 000 ₸",
            "480 000 ₸",
        ],
    );
    Checked::assert_labels(
        checked.last_page(),
        &[
            "Қосымша: 1. Бейнероликтер мен телебағдарламалардың тізбесі, 3 парақта,",
            "1 данада;",
            "2. Республикалық телекөпірдің бағдарламасы, 2 парақта, 1 данада.",
            "Орынд.: Тұрғанбаев А.Е.\nТел.: 745674",
        ],
    );
    // The letterhead: Kazakh at the left, Russian at the right, and the
    // contacts line the same way.
    assert!(
        checked
            .first_page()
            .starts_with("ҚАЗАҚСТАН РЕСПУБЛИКАСЫ\tЗАМЕСТИТЕЛЬ"),
        "{}",
        checked.first_page()
    );
    Checked::assert_labels(
        checked.first_page(),
        &["Мәңгілік Ел даңғылы, 8\t010000, г. Нур-Султан"],
    );
    // The PDF's title is Kazakh too.
    assert_eq!(
        checked.rendered.pages.info.title,
        "№ ДЗ-83 депутаттық сауалға жауап"
    );

    // The SVG emblem: on page 1 only, drawn as vectors (its circles are
    // curves), not as a raster image.
    let pages = &checked.rendered.pages.pages;
    assert_eq!(pages[0].images.len(), 1, "one emblem on page 1");
    assert!(pages[1..].iter().all(|p| p.images.is_empty()));
    let pdf = read_back(&checked.rendered);
    let curves = pdf.pages[0].curves;
    assert!(curves >= 8, "{curves} curves");
    assert!(pdf.images.is_empty(), "the SVG became a raster image");
}

#[test]
fn liberation_has_no_tenge_so_the_fallback_draws_it() {
    let set = fonts::fonts();
    let regular = fonts::FontSet::primary(Default::default());
    assert!(!set.face(regular).has_char('₸'));
    let face = set.face_for('₸', Default::default()).expect("a face has ₸");
    assert_eq!(set.face(face).name, "DejaVuSerif");
}

// ---------------------------------------------------------------------------
// Other shapes of Kazakh letter
// ---------------------------------------------------------------------------

#[test]
fn one_page_kazakh_letter_without_letterhead() {
    let checked = assert_kazakh_letter(&repo("tests/letters/kk-short.yaml"));
    // Its paragraphs fit without a hyphen since spaces may shrink by 40%
    // (its first paragraph's loose line went with them); Kazakh
    // hyphenation is asserted on the longer letters.
    checked.assert_shape(1..=1, 0);
    Checked::assert_labels(
        checked.first_page(),
        &[
            // No outgoing number or date: blank lines for the registry.
            "№ ______________\n«____» ____________ 20___ ж.",
            "2021 жылғы 15 маусымдағы",
            "№ ДЗ-512 сауалға",
            "Құрметті Серік Бекболатұлы!",
            "Депутаттық сауалыңызды қарап, мынаны хабарлаймын.",
            "Қосымша: Құрылыс жұмыстарының кестесі, 1 парақта.",
            "Вице-министр\tТ. Сұлтанғазиев",
            "Орынд.: Жақыпова Г.Т.\nТел.: 8 (7172) 74-36-18",
        ],
    );
    let page = &checked.rendered.pages.pages[0];
    assert!(
        page.images.is_empty() && page.rules.is_empty(),
        "no letterhead"
    );
    // No emblem, no curves: text and rules have none.
    assert_eq!(read_back(&checked.rendered).pages[0].curves, 0);
}

#[test]
fn long_kazakh_letter_full_of_long_words() {
    let checked = assert_kazakh_letter(&repo("tests/letters/kk-long.yaml"));
    checked.assert_shape(3..=4, 10);
    Checked::assert_labels(
        checked.first_page(),
        &[
            "2020 жылғы 3 қарашадағы",
            "№ ДС-1147 сауалға",
            "№ 04-2-19/3318\n«____» ____________ 20___ ж.",
            "Құрметті Әлімжан Құрманбайұлы!",
        ],
    );
    Checked::assert_labels(
        checked.last_page(),
        &[
            "3. Рұқсат беру рәсімдерін",
            "9 парақта.",
            "Министр\tБ. Мусин",
        ],
    );
}

// ---------------------------------------------------------------------------
// The PNG emblem
// ---------------------------------------------------------------------------

/// A minimal PNG: 8-bit RGB, the pixels in a stored (uncompressed) zlib
/// stream. Enough for a test emblem without an image library.
fn png(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc32(&body).to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            raw.extend(pixel(x, y));
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend(*block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend(((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The example letter with another emblem file, in a temporary folder.
fn example_with_emblem(dir: &Path, emblem: &str) -> PathBuf {
    let text = std::fs::read_to_string(repo("examples/kk-reply.yaml")).expect("example");
    let text = text.replace("emblem: emblem.svg", &format!("emblem: {emblem}"));
    assert!(text.contains(emblem));
    let path = dir.join("letter.yaml");
    std::fs::write(&path, text).expect("write letter");
    path
}

#[test]
fn kazakh_reply_with_a_png_emblem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (w, h) = (48, 40);
    let image = png(w, h, |x, y| {
        let (dx, dy) = (x as i32 - 24, y as i32 - 20);
        if dx * dx + dy * dy < 18 * 18 {
            [0xF2, 0xC5, 0x00]
        } else {
            [0x00, 0xA3, 0xDD]
        }
    });
    std::fs::write(dir.path().join("emblem.png"), image).expect("write png");
    let path = example_with_emblem(dir.path(), "emblem.png");
    let checked = assert_kazakh_letter(&path);
    let page1 = &checked.rendered.pages.pages[0];
    assert_eq!(page1.images.len(), 1);
    // Scaled into the emblem box with its aspect ratio.
    let placed = &page1.images[0];
    assert!((placed.width / placed.height - w as f32 / h as f32).abs() < 0.01);
    assert_eq!(
        read_back(&checked.rendered).images,
        vec![(i64::from(w), i64::from(h))]
    );
    // The PNG changes no line: the same figures as with the SVG. (The pages
    // may differ: this emblem is lower than the square SVG, so the
    // letterhead is, and page 1 holds more.)
    let svg = assert_kazakh_letter(&repo("examples/kk-reply.yaml"));
    assert_eq!(checked.stats, svg.stats);
}

// ---------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------

/// Line and column (from 1, in characters) of the first `c` in `text`.
fn line_col(text: &str, c: char) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(c) {
            return (i + 1, line[..byte].chars().count() + 1);
        }
    }
    panic!("{c} not in the text");
}

fn refused(character: char, code: &str, place: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(repo("examples/kk-reply.yaml")).expect("example");
    let text = text.replacen(place, &format!("{place}{character}"), 1);
    let path = dir.path().join("letter.yaml");
    std::fs::write(&path, &text).expect("write letter");
    std::fs::copy(repo("examples/emblem.svg"), dir.path().join("emblem.svg")).expect("emblem");
    let out = dir.path().join("letter.pdf");
    let (line, col) = line_col(&text, character);
    let output = common::zhauap()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let first = stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("{}:{line}:{col}: error:", path.display())),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("'{character}'")), "{stderr}");
    assert!(stderr.contains(code), "{stderr}");
    assert!(!out.exists(), "a refused letter left an output file");
}

#[test]
fn a_chinese_character_is_refused_with_its_place() {
    refused('中', "U+4E2D", "ынтымақ сезімін");
}

#[test]
fn an_emoji_is_refused_with_its_place() {
    refused('😀', "U+1F600", "Құрметті депутаттар!");
}

#[test]
fn refused_characters_in_any_field_name_their_line() {
    // In the addressee (a literal block) and in the executor's name.
    refused('中', "U+4E2D", "(тізім бойынша)");
    refused('😀', "U+1F600", "name: Тұрғанбаев А.Е.");
}

// ---------------------------------------------------------------------------
// A tie after a long first line
// ---------------------------------------------------------------------------

/// A paragraph whose first line cannot be filled while every non-breaking
/// pair holds: the line «Ағымдағы жылғы 1 қазандағы жағдай бойынша
/// республикадағы» is 387 pt of a 432 pt measure (6 spaces), and the next
/// breakable unit, «6 293 ауыл-» (an amount tied to its word, the word
/// broken at its first syllable), adds 72 pt where the line can shrink by
/// about 17 pt. No hyphenation helps: the only break in «республикадағы»
/// makes the line shorter still. Stretched to the margin its spaces would be
/// 2.0 natural widths. The rule taken (README, Typesetting): the tie holds,
/// no space is set wider than 1.58 while letter-spacing (at most 0.018 em
/// since issue 15) can take the rest, and the spaces take what remains, so
/// the line still reaches the margin (its gaps 2.63).
#[test]
fn tie_after_a_full_first_line_keeps_the_gap_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(repo("tests/letters/kk-short.yaml")).expect("letter");
    let first = text.find("  - >-\n").expect("the first body paragraph");
    let end = text[first + 7..]
        .find("  - >-\n")
        .map(|e| first + 7 + e)
        .expect("the second body paragraph");
    let text = format!(
        "{}  - >-\n    Ағымдағы жылғы 1 қазандағы жағдай бойынша республикадағы 6 293 ауылдық\n    елді мекеннің 4 870-і кең жолақты интернетке қол жеткізе алады.\n{}",
        &text[..first],
        &text[end..]
    );
    let path = dir.path().join("letter.yaml");
    std::fs::write(&path, text).expect("write letter");
    assert_kazakh_letter(&path);
}
