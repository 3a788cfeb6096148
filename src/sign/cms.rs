//! Reading a CMS signature file: DER, PEM or base64 text, to its signers.

use std::io::Read;
use std::path::Path;

use base64ct::{Base64, Base64Unpadded, Encoding};
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use x509_cert::Certificate;
use x509_cert::ext::pkix::SubjectKeyIdentifier;
use x509_cert::time::Time;

use super::error::SignError;
use super::subject::{common_name, subject};
use super::{DigestAlgorithm, Signature, SignatureAlgorithm, Signer};

/// The largest signature file read. A detached CMS is a few kilobytes; an
/// attached one carries the letter, which is at most a few megabytes.
pub const MAX_SIGNATURE_BYTES: u64 = 64 * 1024 * 1024;

const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
pub(super) const CONTENT_TYPE: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
pub(super) const MESSAGE_DIGEST: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");

/// Reads a CMS signature file: DER (`.cms`, `.p7s`), PEM (`-----BEGIN
/// CMS-----`, `PKCS7`…) or bare base64 text (what NCALayer returns).
pub fn read_signature(path: &Path) -> Result<Signature, SignError> {
    let read_error = |e: std::io::Error| SignError::Read {
        file: path.to_path_buf(),
        why: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    // One byte past the limit tells a too-large file without reading it all.
    file.take(MAX_SIGNATURE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_SIGNATURE_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(SignError::TooLarge {
            file: path.to_path_buf(),
            size,
            limit: MAX_SIGNATURE_BYTES,
        });
    }
    parse_signature(path, bytes)
}

/// [`read_signature`] of bytes already read (e.g. a card's embedded file);
/// `file` is the name messages give it.
pub fn parse_signature(file: &Path, bytes: Vec<u8>) -> Result<Signature, SignError> {
    let ber = unwrap_text(&bytes).map_err(|why| SignError::NotCms {
        file: file.to_path_buf(),
        why,
    })?;
    let der = super::ber::to_der(&ber).map_err(|why| SignError::Malformed {
        file: file.to_path_buf(),
        why,
    })?;
    let parsed = parse(&der).map_err(|e| match e {
        ParseError::Der(why) => SignError::Malformed {
            file: file.to_path_buf(),
            why,
        },
        ParseError::NotSignedData(oid) => SignError::NotSignedData {
            file: file.to_path_buf(),
            content_type: oid,
        },
    })?;
    if parsed.data.signer_infos.0.is_empty() {
        return Err(SignError::NoSigners {
            file: file.to_path_buf(),
        });
    }
    let signers = parsed
        .data
        .signer_infos
        .0
        .iter()
        .enumerate()
        .map(|(i, info)| {
            let cert = parsed
                .certificate(info)
                .ok_or(SignError::CertificateMissing {
                    file: file.to_path_buf(),
                    signer: i + 1,
                })?;
            Ok(signer(info, cert))
        })
        .collect::<Result<Vec<Signer>, SignError>>()?;
    Ok(Signature {
        file: file.to_path_buf(),
        bytes,
        der,
        signers,
    })
}

/// The binary CMS inside the file: as is when it is binary, else decoded
/// from PEM armour or bare base64.
fn unwrap_text(bytes: &[u8]) -> Result<Vec<u8>, String> {
    // A DER/BER CMS starts with a SEQUENCE tag.
    if bytes.first() == Some(&0x30) {
        return Ok(bytes.to_vec());
    }
    if bytes.is_empty() {
        return Err("the file is empty".to_owned());
    }
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
        .map_err(|_| "it is binary, but does not start as a CMS structure does".to_owned())?;
    let body: String = match text.find("-----BEGIN ") {
        Some(begin) => {
            let after = &text[begin..];
            let start = after.find('\n').ok_or("the PEM header line has no end")?;
            let end = after
                .find("-----END ")
                .ok_or("the PEM text has no -----END line")?;
            if end < start {
                return Err("the PEM text has no body".to_owned());
            }
            // RFC 1421 headers ("Proc-Type: …") are not base64.
            after[start..end]
                .lines()
                .filter(|l| !l.contains(':'))
                .collect()
        }
        None => text.to_owned(),
    };
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err("the file has no data".to_owned());
    }
    let decoded = Base64::decode_vec(&compact)
        .or_else(|_| Base64Unpadded::decode_vec(&compact))
        .map_err(|_| "the text is not base64".to_owned())?;
    if decoded.first() != Some(&0x30) {
        return Err("its base64 text does not decode to a CMS structure".to_owned());
    }
    Ok(decoded)
}

pub(super) enum ParseError {
    Der(String),
    NotSignedData(String),
}

/// A SignedData and the certificates it carries.
pub(super) struct Parsed {
    pub data: SignedData,
}

impl Parsed {
    /// The certificate a SignerInfo names (by issuer and serial, or by
    /// subject key identifier).
    pub fn certificate(&self, info: &SignerInfo) -> Option<&Certificate> {
        let certs = self.data.certificates.as_ref()?;
        certs.0.iter().find_map(|choice| match choice {
            cms::cert::CertificateChoices::Certificate(cert) => {
                let tbs = cert.tbs_certificate();
                let matches = match &info.sid {
                    SignerIdentifier::IssuerAndSerialNumber(isn) => {
                        tbs.issuer() == &isn.issuer && tbs.serial_number() == &isn.serial_number
                    }
                    SignerIdentifier::SubjectKeyIdentifier(ski) => matches!(
                        tbs.get_extension::<SubjectKeyIdentifier>(),
                        Ok(Some((_, own))) if &own == ski
                    ),
                };
                matches.then_some(cert)
            }
            cms::cert::CertificateChoices::Other(_) => None,
        })
    }
}

/// Parsed under BER rules, which keep the members of a SET OF in the order
/// written (DER rules sort them): the signature value is over the signed
/// attributes as the signer encoded them, and a signer that did not sort
/// them (OpenSSL's verifier accepts that too) must not be refused.
pub(super) fn parse(der: &[u8]) -> Result<Parsed, ParseError> {
    let info = ContentInfo::from_ber(der).map_err(|e| ParseError::Der(e.to_string()))?;
    if info.content_type != SIGNED_DATA {
        return Err(ParseError::NotSignedData(info.content_type.to_string()));
    }
    let data = info
        .content
        .decode_as_encoding::<SignedData>(der::EncodingRules::Ber)
        .map_err(|e| ParseError::Der(e.to_string()))?;
    Ok(Parsed { data })
}

fn signer(info: &SignerInfo, cert: &Certificate) -> Signer {
    let tbs = cert.tbs_certificate();
    let who = subject(tbs.subject());
    let validity = tbs.validity();
    Signer {
        name: who.name,
        iin: who.iin,
        bin: who.bin,
        organization: who.organization,
        serial: serial_hex(tbs.serial_number().as_bytes()),
        issuer: common_name(tbs.issuer()),
        not_before: utc(validity.not_before),
        not_after: utc(validity.not_after),
        signing_time: signing_time(info),
        digest: digest_algorithm(&info.digest_alg.oid),
        algorithm: signature_algorithm(info, cert),
    }
}

/// Lowercase hex without the sign byte DER may put first.
fn serial_hex(bytes: &[u8]) -> String {
    let skip = bytes
        .iter()
        .take_while(|&&b| b == 0)
        .count()
        .min(bytes.len().saturating_sub(1));
    bytes[skip..].iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn utc(time: Time) -> chrono::NaiveDateTime {
    let d = time.to_unix_duration();
    i64::try_from(d.as_secs())
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map_or(chrono::NaiveDateTime::MAX, |t| t.naive_utc())
}

/// The values of a signed attribute (empty when absent).
pub(super) fn signed_attribute(info: &SignerInfo, oid: ObjectIdentifier) -> Vec<&der::asn1::Any> {
    info.signed_attrs
        .iter()
        .flat_map(|attrs| attrs.iter())
        .filter(|a| a.oid == oid)
        .flat_map(|a| a.values.iter())
        .collect()
}

fn signing_time(info: &SignerInfo) -> Option<chrono::NaiveDateTime> {
    let value = signed_attribute(info, SIGNING_TIME).into_iter().next()?;
    let time = Time::from_der(&value.to_der().ok()?).ok()?;
    Some(utc(time))
}

pub(super) fn digest_algorithm(oid: &ObjectIdentifier) -> DigestAlgorithm {
    match oid.to_string().as_str() {
        "2.16.840.1.101.3.4.2.1" => DigestAlgorithm::Sha256,
        "2.16.840.1.101.3.4.2.2" => DigestAlgorithm::Sha384,
        "2.16.840.1.101.3.4.2.3" => DigestAlgorithm::Sha512,
        // TC26 (RFC 7836) and NCA RK (Kalkan) arcs for the same hash.
        "1.2.643.7.1.1.2.2" | "1.2.398.3.10.1.3.2" => DigestAlgorithm::Streebog256,
        "1.2.643.7.1.1.2.3" | "1.2.398.3.10.1.3.3" => DigestAlgorithm::Streebog512,
        other => DigestAlgorithm::Other(other.to_owned()),
    }
}

/// From the SignerInfo's signature algorithm and, for ECDSA, the curve of
/// the certificate's key.
fn signature_algorithm(info: &SignerInfo, cert: &Certificate) -> SignatureAlgorithm {
    let spki = cert.tbs_certificate().subject_public_key_info();
    match info.signature_algorithm.oid.to_string().as_str() {
        "1.2.840.113549.1.1.1"
        | "1.2.840.113549.1.1.11"
        | "1.2.840.113549.1.1.12"
        | "1.2.840.113549.1.1.13" => SignatureAlgorithm::Rsa,
        "1.2.840.113549.1.1.10" => SignatureAlgorithm::RsaPss,
        "1.2.840.10045.2.1"
        | "1.2.840.10045.4.3.2"
        | "1.2.840.10045.4.3.3"
        | "1.2.840.10045.4.3.4" => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
            match curve.map(|c| c.to_string()).as_deref() {
                Some("1.2.840.10045.3.1.7") => SignatureAlgorithm::EcdsaP256,
                Some("1.3.132.0.34") => SignatureAlgorithm::EcdsaP384,
                Some(other) => SignatureAlgorithm::Other(format!("ECDSA on curve {other}")),
                None => SignatureAlgorithm::Other("ECDSA on an unnamed curve".to_owned()),
            }
        }
        "1.2.643.7.1.1.1.1" | "1.2.643.7.1.1.3.2" | "1.2.398.3.10.1.1.2.3.1" => {
            SignatureAlgorithm::Gost2015_256
        }
        "1.2.643.7.1.1.1.2" | "1.2.643.7.1.1.3.3" | "1.2.398.3.10.1.1.2.3.2" => {
            SignatureAlgorithm::Gost2015_512
        }
        other => SignatureAlgorithm::Other(other.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_pem_and_base64_unwrap_to_the_same_bytes() {
        let der = vec![0x30, 0x03, 0x02, 0x01, 0x05];
        let b64 = Base64::encode_string(&der);
        assert_eq!(unwrap_text(&der).unwrap(), der);
        assert_eq!(unwrap_text(b64.as_bytes()).unwrap(), der);
        assert_eq!(
            unwrap_text(format!("\u{feff}{b64}\r\n").as_bytes()).unwrap(),
            der
        );
        let pem = format!("-----BEGIN CMS-----\n{b64}\n-----END CMS-----\n");
        assert_eq!(unwrap_text(pem.as_bytes()).unwrap(), der);
        let pem = format!("-----BEGIN PKCS7-----\r\n{b64}\r\n-----END PKCS7-----");
        assert_eq!(unwrap_text(pem.as_bytes()).unwrap(), der);
    }

    #[test]
    fn garbage_is_not_a_cms() {
        for bad in [
            &b""[..],
            b"hello, world",
            b"\x00\x01\x02",
            b"aGVsbG8=",
            b"-----BEGIN CMS-----\n",
            b"-----BEGIN CMS-----\n-----END CMS-----\n",
        ] {
            assert!(unwrap_text(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn serials_print_without_the_sign_byte() {
        assert_eq!(serial_hex(&[0x00, 0x8a, 0x01]), "8a01");
        assert_eq!(serial_hex(&[0x00]), "00");
        assert_eq!(serial_hex(&[0x7f]), "7f");
    }

    #[test]
    fn streebog_is_chosen_by_tc26_and_nca_oids() {
        for (oid, want) in [
            ("1.2.643.7.1.1.2.2", DigestAlgorithm::Streebog256),
            ("1.2.398.3.10.1.3.2", DigestAlgorithm::Streebog256),
            ("1.2.643.7.1.1.2.3", DigestAlgorithm::Streebog512),
            ("1.2.398.3.10.1.3.3", DigestAlgorithm::Streebog512),
            ("2.16.840.1.101.3.4.2.1", DigestAlgorithm::Sha256),
            (
                "1.3.14.3.2.26",
                DigestAlgorithm::Other("1.3.14.3.2.26".into()),
            ),
        ] {
            assert_eq!(
                digest_algorithm(&ObjectIdentifier::new_unwrap(oid)),
                want,
                "{oid}"
            );
        }
    }
}
