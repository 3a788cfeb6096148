//! The letter's language: one enum for the whole program (labels, date forms,
//! hyphenation, the PDF's `/Lang`, the HTML `lang`).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ru,
    Kk,
}

impl Lang {
    /// Every language, in the order messages list them.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::Kk];

    /// The ISO 639-1 code, as letters, templates, PDF and HTML write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// The language of an ISO 639-1 code; `None` for any other text.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_nothing_else_parses() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
        for bad in ["kz", "RU", "", "ru ", "en"] {
            assert_eq!(Lang::parse(bad), None, "{bad:?}");
        }
    }
}
