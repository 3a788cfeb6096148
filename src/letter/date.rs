//! Calendar dates of a letter, and how each language writes them.
//!
//! The month tables live here so that templates only choose a form
//! (`numeric`, `words`, `locative`) and never spell a month themselves.

use crate::tr;
use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use super::Lang;
use super::node::Pos;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub date: NaiveDate,
    pub pos: Pos,
}

impl Serialize for Date {
    /// Templates receive the ISO form and format it with the `date` filter.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.date.format("%Y-%m-%d").to_string())
    }
}

/// Why a date value was refused.
pub fn parse_iso(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let shape_ok = t.len() == 10
        && t.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(tr!("letter-date-form", text = t));
    }
    let year: i32 = t[0..4].parse().map_err(|_| "bad year".to_string())?;
    let month: u32 = t[5..7].parse().map_err(|_| "bad month".to_string())?;
    let day: u32 = t[8..10].parse().map_err(|_| "bad day".to_string())?;
    if !(1..=12).contains(&month) {
        return Err(tr!(
            "letter-date-month",
            text = t,
            month = format!("{month:02}")
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = days_in_month(year, month);
        tr!(
            "letter-date-day",
            text = t,
            month = month,
            year = year,
            days = days
        )
    })
}

/// A date written day first, as clerks write it on paper (`22.04.2020`,
/// `2.4.2020`, `22/04/2020`, `22-04-2020`), in the form a letter takes
/// (`2020-04-22`): the exact fix to offer. `None` when it is not such a
/// date (or no real day).
pub fn day_first(text: &str) -> Option<String> {
    let t = text.trim();
    let sep = t.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
    let parts: Vec<&str> = t.split(sep).collect();
    let [d, m, y] = parts[..] else { return None };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4)) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

/// Russian months in the genitive, as dates are written: «22 апреля 2020».
pub const MONTHS_RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Kazakh months in the nominative.
pub const MONTHS_KK: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

/// The Kazakh locative-attributive suffix (-дағы/-дегі/-тағы/-тегі) chosen by
/// vowel harmony (the last vowel: back or front) and by the last sound (voiceless
/// consonants take т-).
pub fn kazakh_locative(word: &str) -> String {
    let last_vowel = word.chars().rev().find(|c| "аәеиоөұүыіэюяу".contains(*c));
    let front = matches!(last_vowel, Some('ә' | 'е' | 'і' | 'ө' | 'ү' | 'и' | 'э'));
    let last = word.chars().last().unwrap_or('а');
    let voiceless = "кқпстфхцчшщ".contains(last);
    let suffix = match (voiceless, front) {
        (false, false) => "дағы",
        (false, true) => "дегі",
        (true, false) => "тағы",
        (true, true) => "тегі",
    };
    format!("{word}{suffix}")
}

/// The forms a template may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `22.04.2020`
    Numeric,
    /// ru `22 апреля 2020`, kk `2020 жылғы 22 сәуір`
    Words,
    /// kk `2020 жылғы 22 сәуірдегі` (ru: as `Words`)
    Locative,
}

impl Form {
    pub fn parse(s: &str) -> Option<Form> {
        match s {
            "numeric" => Some(Form::Numeric),
            "words" => Some(Form::Words),
            "locative" => Some(Form::Locative),
            _ => None,
        }
    }
}

pub fn format(date: NaiveDate, lang: Lang, form: Form) -> String {
    let (d, m, y) = (date.day(), date.month0() as usize, date.year());
    match (form, lang) {
        (Form::Numeric, _) => format!("{d:02}.{:02}.{y}", m + 1),
        (Form::Words | Form::Locative, Lang::Ru) => {
            format!("{d} {} {y}", MONTHS_RU_GENITIVE[m])
        }
        (Form::Words, Lang::Kk) => format!("{y} жылғы {d} {}", MONTHS_KK[m]),
        (Form::Locative, Lang::Kk) => {
            format!("{y} жылғы {d} {}", kazakh_locative(MONTHS_KK[m]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_first_date_gets_its_exact_fix() {
        assert_eq!(day_first("22.04.2020").as_deref(), Some("2020-04-22"));
        assert_eq!(day_first("2.4.2020").as_deref(), Some("2020-04-02"));
        assert_eq!(day_first("22/04/2020").as_deref(), Some("2020-04-22"));
        assert_eq!(day_first("30.02.2020"), None);
        assert_eq!(day_first("2020-04-22"), None);
        assert_eq!(day_first("22.04.20"), None);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn russian_forms() {
        assert_eq!(
            format(d(2020, 4, 22), Lang::Ru, Form::Numeric),
            "22.04.2020"
        );
        assert_eq!(
            format(d(2020, 4, 22), Lang::Ru, Form::Words),
            "22 апреля 2020"
        );
        let all: Vec<String> = (1..=12)
            .map(|m| format(d(2021, m, 1), Lang::Ru, Form::Words))
            .collect();
        assert_eq!(all[0], "1 января 2021");
        assert_eq!(all[4], "1 мая 2021");
        assert_eq!(all[11], "1 декабря 2021");
    }

    #[test]
    fn kazakh_locative_for_all_twelve_months() {
        let expected = [
            "қаңтардағы",
            "ақпандағы",
            "наурыздағы",
            "сәуірдегі",
            "мамырдағы",
            "маусымдағы",
            "шілдедегі",
            "тамыздағы",
            "қыркүйектегі",
            "қазандағы",
            "қарашадағы",
            "желтоқсандағы",
        ];
        for (m, want) in expected.iter().enumerate() {
            let got = format(d(2020, m as u32 + 1, 22), Lang::Kk, Form::Locative);
            assert_eq!(got, format!("2020 жылғы 22 {want}"), "month {}", m + 1);
        }
    }

    #[test]
    fn kazakh_numeric_and_words() {
        assert_eq!(
            format(d(2020, 4, 22), Lang::Kk, Form::Numeric),
            "22.04.2020"
        );
        assert_eq!(
            format(d(2020, 4, 22), Lang::Kk, Form::Words),
            "2020 жылғы 22 сәуір"
        );
    }

    #[test]
    fn impossible_dates_are_explained() {
        let e = parse_iso("2020-02-30").unwrap_err();
        assert!(e.contains("February 2020 has 29 days"), "{e}");
        assert!(parse_iso("2021-02-29").unwrap_err().contains("28 days"));
        assert!(parse_iso("2020-13-01").unwrap_err().contains("month 13"));
        assert!(parse_iso("22.04.2020").unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(parse_iso("2020-04-22").unwrap(), d(2020, 4, 22));
    }
}
