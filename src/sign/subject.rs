//! The signer as a certificate names them: name, IIN, BIN, organisation.
//!
//! NCA RK (the National Certification Authority of Kazakhstan) writes a
//! person's certificate subject as
//! `CN=ФАМИЛИЯ ИМЯ, SURNAME=ФАМИЛИЯ, SERIALNUMBER=IIN123456789012, C=KZ,
//! G=ОТЧЕСТВО` (GIVENNAME holds the patronymic), and a legal entity's
//! employee's with `O=ТОО «…», OU=BIN123456789012` added.

use der::asn1::{Any, ObjectIdentifier};
use der::{Tag, Tagged};
use x509_cert::name::Name;

const CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const SERIAL_NUMBER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.5");
const O: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const OU: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.11");
const GIVEN_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.42");

/// What the subject of a certificate says about its owner.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Subject {
    /// CN, and GIVENNAME after it when there is one (NCA: the patronymic).
    pub name: String,
    /// The 12 digits of `SERIALNUMBER=IIN…`.
    pub iin: Option<String>,
    /// The 12 digits of `OU=BIN…`.
    pub bin: Option<String>,
    pub organization: Option<String>,
}

/// Reads the subject; attributes of other kinds, or whose strings cannot
/// be read, are left out rather than refusing the signature.
pub fn subject(name: &Name) -> Subject {
    let first = |oid: ObjectIdentifier| {
        name.iter()
            .filter(|atv| atv.oid == oid)
            .find_map(|atv| text(&atv.value))
    };
    let all = |oid: ObjectIdentifier| -> Vec<String> {
        name.iter()
            .filter(|atv| atv.oid == oid)
            .filter_map(|atv| text(&atv.value))
            .collect()
    };
    let cn = first(CN).unwrap_or_default();
    let full = match first(GIVEN_NAME) {
        Some(given) if !cn.is_empty() && !cn.contains(given.as_str()) => format!("{cn} {given}"),
        Some(given) if cn.is_empty() => given,
        _ => cn,
    };
    Subject {
        name: full,
        iin: all(SERIAL_NUMBER)
            .iter()
            .find_map(|s| twelve_digits(s, "IIN")),
        bin: all(OU).iter().find_map(|s| twelve_digits(s, "BIN")),
        organization: first(O),
    }
}

/// The common name of an issuer (NCA: «ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST)»),
/// or the whole name written out when it has none.
pub fn common_name(name: &Name) -> String {
    name.iter()
        .filter(|atv| atv.oid == CN)
        .find_map(|atv| text(&atv.value))
        .unwrap_or_else(|| name.to_string())
}

/// `IIN123456789012` → `123456789012`; anything else (another prefix, not
/// twelve digits) is not taken for an IIN/BIN.
fn twelve_digits(value: &str, prefix: &str) -> Option<String> {
    let digits = value.trim().strip_prefix(prefix)?;
    (digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_owned())
}

/// A DirectoryString (or IA5String) as text.
fn text(value: &Any) -> Option<String> {
    let bytes = value.value();
    let s = match value.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            String::from_utf8(bytes.to_vec()).ok()?
        }
        // BMPString: UTF-16 big-endian (older certificates).
        Tag::BmpString => {
            if !bytes.len().is_multiple_of(2) {
                return None;
            }
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()?
        }
        // TeletexString: in practice Latin-1.
        Tag::TeletexString => bytes.iter().map(|&b| char::from(b)).collect(),
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn name(rfc4514: &str) -> Name {
        Name::from_str(rfc4514).unwrap()
    }

    #[test]
    fn a_person_s_nca_certificate() {
        let s = subject(&name(
            "CN=ТЕСТОВ ТЕСТ,SURNAME=ТЕСТОВ,SERIALNUMBER=IIN123456789011,C=KZ,GIVENNAME=ТЕСТОВИЧ",
        ));
        assert_eq!(s.name, "ТЕСТОВ ТЕСТ ТЕСТОВИЧ");
        assert_eq!(s.iin.as_deref(), Some("123456789011"));
        assert_eq!(s.bin, None);
        assert_eq!(s.organization, None);
    }

    #[test]
    fn a_legal_entity_s_employee() {
        let s = subject(&name(
            "CN=ИВАНОВА АЙГУЛЬ,SERIALNUMBER=IIN870101400123,C=KZ,O=ТОО «Жауап»,OU=BIN123456789021",
        ));
        assert_eq!(s.name, "ИВАНОВА АЙГУЛЬ");
        assert_eq!(s.iin.as_deref(), Some("870101400123"));
        assert_eq!(s.bin.as_deref(), Some("123456789021"));
        assert_eq!(s.organization.as_deref(), Some("ТОО «Жауап»"));
    }

    #[test]
    fn serial_numbers_that_are_not_an_iin_are_not_taken_for_one() {
        for not_iin in [
            "SERIALNUMBER=12345",
            "SERIALNUMBER=IIN12345678901",
            "SERIALNUMBER=IIN1234567890123",
            "SERIALNUMBER=BIN123456789012",
            "SERIALNUMBER=IINabcdefghijkl",
        ] {
            let s = subject(&name(&format!("CN=X,{not_iin}")));
            assert_eq!(s.iin, None, "{not_iin}");
        }
        let s = subject(&name("CN=X,OU=Отдел кадров"));
        assert_eq!(s.bin, None);
    }

    #[test]
    fn the_issuer_by_its_common_name() {
        assert_eq!(
            common_name(&name("CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST),C=KZ")),
            "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST)"
        );
        assert!(common_name(&name("O=Some CA,C=KZ")).contains("Some CA"));
    }

    #[test]
    fn bmp_strings_are_read() {
        let units: Vec<u8> = "ӘЛІ".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let any = Any::new(Tag::BmpString, units).unwrap();
        assert_eq!(text(&any).as_deref(), Some("ӘЛІ"));
        let odd = Any::new(Tag::BmpString, vec![0x04]).unwrap();
        assert_eq!(text(&odd), None);
    }
}
