//! Typographic pass over one paragraph of a reply letter.
//!
//! The letter format (`docs/letter-format.md`) asks for «ёлочки» (with „лапки“ inside them), a
//! spaced em dash instead of a spaced hyphen, and non-breaking spaces that
//! keep short words, numbers, initials, `№` and dashes attached to their
//! neighbours. The words of the letter and their order never change.
//!
//! Every change is a one-for-one character replacement (`"` → a quote mark,
//! `-` → `—`, U+0020 → U+00A0), so the output has exactly as many chars as the
//! input and char `i` of the output comes from char `i` of the input. The
//! caller relies on this: it runs the pass over a paragraph's concatenated
//! text and then re-applies emphasis runs by char index.

// Russian and Kazakh share every rule for now; the language parameter exists
// so that a future difference does not change the signature of [`apply`].
pub use crate::lang::Lang;

const NBSP: char = '\u{a0}';
const EM_DASH: char = '—';
const EN_DASH: char = '–';

/// Applies the typographic pass to one paragraph's text. Same char count in and out.
#[must_use]
pub fn apply(text: &str, lang: Lang) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    apply_chars(&mut chars, &mut Scratch::default(), lang);
    chars.into_iter().collect()
}

/// The pass's working lists, kept from one line of a document to the next
/// instead of allocated and grown again for each.
#[derive(Default)]
struct Scratch {
    toks: Vec<Token>,
    /// Per char: inside a URL or e-mail ([`protected_mask`]).
    protected: Vec<bool>,
    /// Per token: has a protected char.
    url: Vec<bool>,
    /// Spaces to turn into U+00A0.
    to_bind: Vec<usize>,
    /// Every char the pass replaced: its index and the char it was, in
    /// order once the pass is done.
    changed: Vec<(usize, char)>,
}

/// [`apply`] in place on a paragraph's chars.
fn apply_chars(chars: &mut [char], scratch: &mut Scratch, _lang: Lang) {
    // Tokens and protection are computed once: the passes below never turn
    // a non-whitespace char into whitespace or back, so token boundaries
    // (and therefore the protected spans) stay where they are.
    scratch.changed.clear();
    tokens(chars, &mut scratch.toks);
    protected_mask(chars, scratch);
    // Only a straight quote is ever replaced, and the nesting depth the
    // others count decides nothing without one.
    if chars.contains(&'"') {
        convert_quotes(chars, &scratch.protected, &mut scratch.changed);
    }
    convert_spaced_hyphens(chars, &mut scratch.changed);
    bind_with_nbsp(chars, scratch);
    // Each pass replaces chars of its own kind (", -, U+0020), so no index
    // is listed twice.
    scratch.changed.sort_unstable_by_key(|&(i, _)| i);
}

/// `c.is_alphabetic()`, answered without a table search for ASCII and the
/// Cyrillic letters, which are nearly every character a letter has. (The
/// table search was an eighth of the typesetting time.)
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        // U+0482..U+0489 (a sign and combining marks) are not letters.
        '\u{0400}'..='\u{0481}' | '\u{048a}'..='\u{052f}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_uppercase()`, with the same shortcut: U+0400..U+042F are the
/// capitals of the Russian alphabet and its neighbours, U+0430..U+045F
/// their small letters. (Asked of nearly every word, in [`binds`].)
#[inline]
fn is_upper(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_uppercase(),
        '\u{0400}'..='\u{042f}' => true,
        '\u{0430}'..='\u{045f}' => false,
        _ => c.is_uppercase(),
    }
}

/// `c.is_alphanumeric()`, with the same shortcut.
#[inline]
fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// `c.is_whitespace()`, with the same shortcut: no Cyrillic letter is a space.
#[inline]
fn is_space(c: char) -> bool {
    match c {
        '\t' | '\n' | '\x0b' | '\x0c' | '\r' | ' ' => true,
        '\0'..='\x7f' | '\u{0400}'..='\u{052f}' => false,
        _ => c.is_whitespace(),
    }
}

// ---------------------------------------------------------------------------
// Tokens and protection
// ---------------------------------------------------------------------------

/// A maximal run of non-whitespace chars, as a half-open char range.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
}

/// Splits on any whitespace (U+00A0 included, since `char::is_whitespace`
/// covers it). Treating NBSP as a separator is what makes the pass
/// idempotent: a second run sees exactly the same tokens as the first.
fn tokens(chars: &[char], out: &mut Vec<Token>) {
    out.clear();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (is_space(*c), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(Token { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: chars.len(),
        });
    }
}

/// Quote marks, straight or typographic. The same set is stripped from the
/// edges of a URL token whether or not the quotes were already converted, so
/// the protected span is identical on a second run.
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '„' | '“' | '”')
}

/// Punctuation that may open a token in front of a word: `(в`, `«Мы`.
fn is_leading_punct(c: char) -> bool {
    is_quote_mark(c) || matches!(c, '(' | '[')
}

/// Punctuation that may close a token after a word: `А.Е.,`, `дня»,`.
/// The period is deliberately absent: it belongs to initials and abbreviations.
fn is_trailing_punct(c: char) -> bool {
    is_quote_mark(c) || matches!(c, ',' | ';' | ':' | '!' | '?' | ')' | ']')
}

fn strip_leading(t: &[char]) -> &[char] {
    let n = t.iter().take_while(|&&c| is_leading_punct(c)).count();
    &t[n..]
}

fn strip_trailing(t: &[char]) -> &[char] {
    let n = t
        .iter()
        .rev()
        .take_while(|&&c| is_trailing_punct(c))
        .count();
    &t[..t.len() - n]
}

/// Whether `hay` contains the ASCII `needle`, ignoring ASCII case. No
/// non-ASCII char lowercases to an ASCII letter other than `k` (the Kelvin
/// sign), and neither needle below contains a `k`, so this agrees with a full
/// Unicode lowercase comparison without allocating: the pass runs over
/// every token of every letter.
fn contains_ascii_ci(hay: &[char], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| {
        w.iter()
            .zip(needle)
            .all(|(&c, &n)| c.is_ascii() && c.to_ascii_lowercase() as u32 == u32::from(n))
    })
}

/// URLs and e-mail addresses must reach the PDF exactly as written (they are
/// copied by readers), so no quote inside them is converted and no space next
/// to them is bound.
fn is_url_like(t: &[char]) -> bool {
    // Each form has a `:`, `.` or `@`: most words have none, and are
    // passed over in one look at each character.
    t.iter().any(|&c| matches!(c, ':' | '.' | '@'))
        && (contains_ascii_ci(t, b"://") || contains_ascii_ci(t, b"www.") || is_email(t))
}

/// `local@domain.tld`: something alphanumeric before `@`, and a dot after it
/// that is followed by something alphanumeric.
fn is_email(t: &[char]) -> bool {
    let Some(at) = t.iter().position(|&c| c == '@') else {
        return false;
    };
    let before_ok = at > 0 && is_letter_or_digit(t[at - 1]);
    let after = &t[at + 1..];
    let after_ok = after
        .windows(2)
        .any(|w| w[0] == '.' && is_letter_or_digit(w[1]));
    before_ok && after_ok
}

/// Per-char flag: inside a URL or e-mail; and per token, whether it has
/// such a char. The quote marks and brackets that merely wrap the address
/// stay outside, so `"https://x.kz"` still gets «ёлочки» around it.
fn protected_mask(chars: &[char], scratch: &mut Scratch) {
    let Scratch {
        toks,
        protected,
        url,
        ..
    } = scratch;
    protected.clear();
    protected.resize(chars.len(), false);
    url.clear();
    for &tok in toks.iter() {
        let t = &chars[tok.start..tok.end];
        if !is_url_like(t) {
            url.push(false);
            continue;
        }
        let lead = t.iter().take_while(|&&c| is_leading_punct(c)).count();
        let trail = t[lead..]
            .iter()
            .rev()
            .take_while(|&&c| is_trailing_punct(c))
            .count();
        let span = &mut protected[tok.start + lead..tok.end - trail];
        span.fill(true);
        url.push(!span.is_empty());
    }
}

// ---------------------------------------------------------------------------
// Quotes
// ---------------------------------------------------------------------------

fn is_dash(c: char) -> bool {
    matches!(c, '-' | EN_DASH | EM_DASH)
}

/// Whether a quote at this position would be an opening one by position
/// alone: at the start, or after whitespace, an opening bracket/quote or a dash.
fn in_opening_position(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '«' | '„') || is_dash(p),
    }
}

/// Converts straight double quotes, tracking nesting depth across the whole
/// paragraph (pre-existing « » „ “ count too). Depth arithmetic saturates, so
/// unbalanced input degrades to plain «» instead of panicking.
fn convert_quotes(chars: &mut [char], protected: &[bool], changed: &mut Vec<(usize, char)>) {
    let mut depth: usize = 0;
    for i in 0..chars.len() {
        if protected[i] {
            continue;
        }
        // The previous char is read after conversion, so `""` opens twice.
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        match chars[i] {
            '«' | '„' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            // “ closes „ in Russian typography but opens in English; the
            // position decides which one the author meant.
            '“' => {
                if in_opening_position(prev) {
                    depth += 1;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
            '"' => {
                let next_is_gap = next.is_none_or(char::is_whitespace);
                let opens = if in_opening_position(prev) {
                    // A quote followed by a gap opens nothing; if a quote is
                    // open, this is a sloppy `"текст "` closing it.
                    !(depth > 0 && next_is_gap)
                } else {
                    // Nothing is open, and a word follows: `слово,"текст"`
                    // starts a quotation rather than closing a phantom one.
                    depth == 0 && next.is_some_and(char::is_alphanumeric)
                };
                changed.push((i, '"'));
                if opens {
                    chars[i] = if depth == 0 { '«' } else { '„' };
                    depth += 1;
                } else {
                    chars[i] = if depth >= 2 { '“' } else { '»' };
                    depth = depth.saturating_sub(1);
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Dashes
// ---------------------------------------------------------------------------

fn is_inline_space(c: char) -> bool {
    c == ' ' || c == NBSP
}

/// ` - ` between words becomes ` — `. Hyphens inside words
/// (`интернет-ресурсов`, `COVID-19`) have no spaces around them and are left
/// alone, as are a list marker at the start of a line and existing – and —.
fn convert_spaced_hyphens(chars: &mut [char], changed: &mut Vec<(usize, char)>) {
    for i in 2..chars.len().saturating_sub(2) {
        if chars[i] == '-'
            && is_inline_space(chars[i - 1])
            && is_inline_space(chars[i + 1])
            && !chars[i - 2].is_whitespace()
            && !chars[i + 2].is_whitespace()
        {
            chars[i] = EM_DASH;
            changed.push((i, '-'));
        }
    }
}

// ---------------------------------------------------------------------------
// Non-breaking spaces
// ---------------------------------------------------------------------------

/// `Е.`, `А.Е.`: one or more uppercase letters each followed by a period.
fn is_initials(t: &[char]) -> bool {
    !t.is_empty() && t.len().is_multiple_of(2) && t.chunks(2).all(|p| p[1] == '.' && is_upper(p[0]))
}

/// `Турганбаев`, `Мухамеди-Улы`: a capitalised word that can precede initials.
fn is_capitalised_word(t: &[char]) -> bool {
    t.len() >= 2
        && is_upper(t[0])
        && t.last().is_some_and(|&c| is_letter(c))
        && t.iter().all(|&c| is_letter(c) || c == '-')
}

/// `г.`, `т.`: a single lowercase letter and a period.
fn is_lower_abbr(t: &[char]) -> bool {
    t.len() == 2 && t[0].is_lowercase() && t[1] == '.'
}

/// `30`, `12-15/2417`, `22.04.2020`, `1,5`: digits with separators inside
/// only, so `30,` (end of a clause) is not a number that binds forward.
fn is_number(t: &[char]) -> bool {
    t.first().is_some_and(char::is_ascii_digit)
        && t.last().is_some_and(char::is_ascii_digit)
        && t.iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-'))
}

/// `1`, `250`: the leading group of an amount written with spaced thousands.
fn is_digit_group_head(t: &[char]) -> bool {
    (1..=3).contains(&t.len()) && t.iter().all(char::is_ascii_digit)
}

/// `000`: a following group of exactly three digits.
fn is_thousands_group(t: &[char]) -> bool {
    t.len() == 3 && t.iter().all(char::is_ascii_digit)
}

/// Currency and percent signs written after an amount (`₸`, `₽`, `%`).
fn is_unit_sign(c: char) -> bool {
    matches!(c, '₸' | '₽' | '$' | '€' | '%' | '‰')
}

/// `в`, `на`, `ЧП`, `of`: one or two letters and nothing else.
fn is_short_word(t: &[char]) -> bool {
    (1..=2).contains(&t.len()) && t.iter().all(|&c| is_letter(c))
}

fn is_numero(t: &[char]) -> bool {
    !t.is_empty() && t.iter().all(|&c| c == '№')
}

fn is_spaced_dash(t: &[char]) -> bool {
    t.len() == 1 && matches!(t[0], EN_DASH | EM_DASH)
}

/// Something a short word can bind to: a word or number, possibly behind an
/// opening quote/bracket, a hashtag (`#мыВместе` is an ordinary word) or `№`.
fn is_word(t: &[char]) -> bool {
    let t = strip_leading(t);
    let t = t.strip_prefix(&['#']).unwrap_or(t);
    t.first()
        .is_some_and(|&c| is_letter_or_digit(c) || c == '№')
}

/// First letter of the token, ignoring opening punctuation: decides whether
/// the token starts a new sentence.
fn starts_uppercase(t: &[char]) -> bool {
    strip_leading(t).first().is_some_and(|&c| is_upper(c))
}

/// Whether the space between tokens `a` and `b` becomes U+00A0. `before_a`
/// is the token before `a` when only a single space separates them.
fn binds(a: &[char], b: &[char], before_a: Option<&[char]>, a_url: bool, b_url: bool) -> bool {
    // `Вы – герои`: the dash must not start a line. Only the space before it
    // is bound; the one after stays breakable.
    if is_spaced_dash(b) {
        return true;
    }
    // A long address glued to its neighbour would only make an overfull line.
    if a_url || b_url {
        return false;
    }
    let a = strip_leading(a);
    let b_core = strip_trailing(b);
    // `№ ДЗ-83`, `№№ 5-7`.
    if is_numero(a) {
        return true;
    }
    // `Е. Тугжанов`, `А. Е. Турганбаев`, `А.Е. Турганбаев`.
    if is_initials(a) && b.first().is_some_and(|&c| is_upper(c)) {
        return true;
    }
    // `Турганбаев А.Е.`
    if is_initials(b_core) && is_capitalised_word(a) {
        return true;
    }
    // `30 челленджей`, `10 мая`, `22.04.2020 года`, `480 000 ₸`, `15 %`.
    if is_number(a) && b.first().is_some_and(|&c| is_letter(c) || is_unit_sign(c)) {
        return true;
    }
    // `1 250 000`: an amount's digit groups never part at a line end.
    if is_digit_group_head(a) && is_thousands_group(b_core) {
        return true;
    }
    // `в поддержку`, `на работе`, `и #мыВместе`.
    if is_short_word(a) && is_word(b) {
        return true;
    }
    if is_lower_abbr(a) {
        // Inside `т. г.`, `т. е.`, `и т. д.`.
        if is_lower_abbr(b_core) {
            return true;
        }
        if is_word(b) {
            // `г.` after a number (`2020 г.`) or the tail of `т. д.` is a
            // suffix; before a capitalised word it most likely ends the
            // sentence, and the next sentence should be free to start a line.
            let is_suffix = before_a.is_some_and(|p| {
                let p = strip_leading(p);
                is_lower_abbr(p) || is_number(p)
            });
            // Otherwise it is a prefix: `г. Алматы`, `с. Ащысай`.
            return !(is_suffix && starts_uppercase(b));
        }
    }
    false
}

/// Turns the U+0020 between two tokens into U+00A0 where a rule says they
/// belong together. Only a single ordinary space is a candidate: line breaks
/// (`\n`) and runs of spaces are left to the author.
fn bind_with_nbsp(chars: &mut [char], scratch: &mut Scratch) {
    let Scratch {
        toks,
        url,
        to_bind,
        changed,
        ..
    } = scratch;
    // A single space or NBSP between two tokens: NBSP counts so that a second
    // run sees the same neighbourhood as the first.
    let single_gap = |left: &Token, right: &Token| {
        right.start == left.end + 1 && is_inline_space(chars[left.end])
    };
    to_bind.clear();
    for k in 0..toks.len().saturating_sub(1) {
        let (ta, tb) = (toks[k], toks[k + 1]);
        if tb.start != ta.end + 1 || chars[ta.end] != ' ' {
            continue;
        }
        let before_a = k
            .checked_sub(1)
            .filter(|&j| single_gap(&toks[j], &ta))
            .map(|j| &chars[toks[j].start..toks[j].end]);
        let a = &chars[ta.start..ta.end];
        let b = &chars[tb.start..tb.end];
        if binds(a, b, before_a, url[k], url[k + 1]) {
            to_bind.push(ta.end);
        }
    }
    // Decisions are taken on the unmodified text, then applied, so no rule
    // sees the result of another.
    for &i in to_bind.iter() {
        changed.push((i, chars[i]));
        chars[i] = NBSP;
    }
}

/// Applies the pass to every text line of a document's blocks, keeping
/// emphasis boundaries: the pass replaces characters one for one, so each run
/// keeps its length in characters.
pub fn apply_to_document(doc: &mut crate::document::Document, lang: Lang) {
    let mut scratch = Scratch::default();
    // The line's chars and where each run ends among them: kept from line
    // to line.
    let (mut fixed, mut ends) = (Vec::new(), Vec::new());
    doc.for_each_line_mut(|line| {
        fixed.clear();
        ends.clear();
        for run in line.iter() {
            fixed.extend(run.text.chars());
            ends.push(fixed.len());
        }
        apply_chars(&mut fixed, &mut scratch, lang);
        let mut changed = scratch.changed.as_slice();
        let mut at = 0;
        for (run, &end) in line.iter_mut().zip(&ends) {
            let here = changed.partition_point(|&(i, _)| i < end);
            // Most runs come out unchanged: keep their text.
            if here > 0 {
                run.text = patched(&run.text, &fixed[at..end], at, &changed[..here]);
            }
            changed = &changed[here..];
            at = end;
        }
    });
}

/// `text` with the pass's `changes` put in (indices of the line's chars,
/// the run's starting at `first`; `new` the run's chars after the pass).
/// Only the changed chars are encoded, the stretches between them are
/// copied whole, found by the UTF-8 lengths of the chars before them.
fn patched(text: &str, new: &[char], first: usize, changes: &[(usize, char)]) -> String {
    let mut out = String::with_capacity(text.len() + 2 * changes.len());
    // `copied` bytes of `text` are in `out`: the chars before `next`.
    let (mut copied, mut next) = (0, 0);
    for &(i, was) in changes {
        let k = i - first;
        let byte = copied + utf8_len(&new[next..k]);
        out.push_str(&text[copied..byte]);
        out.push(new[k]);
        copied = byte + was.len_utf8();
        next = k + 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// The UTF-8 length of `chars`, counted without branches so that the
/// compiler sums many chars at once.
fn utf8_len(chars: &[char]) -> usize {
    chars
        .iter()
        .map(|&c| {
            let c = u32::from(c);
            1 + usize::from(c >= 0x80) + usize::from(c >= 0x800) + usize::from(c >= 0x1_0000)
        })
        .sum()
}

#[cfg(test)]
mod tests;
