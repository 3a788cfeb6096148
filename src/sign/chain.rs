//! The signer's certificate chain to trusted certificates (`verify --ca`):
//! each certificate's signature under its issuer's key, each valid at the
//! signing time, intermediates marked as CAs, and the signer's key usage
//! allowing signatures. Revocation (OCSP/CRL) is not checked.

use std::path::Path;

use base64ct::{Base64, Encoding};
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use rsa::signature::hazmat::PrehashVerifier;
use x509_cert::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage};

use super::cms::{digest_algorithm, utc};
use super::error::SignError;
use super::verify::{digest, ecdsa_value, rsa_value};
use super::{DigestAlgorithm, Outcome};

/// Longest chain followed: NCA RK's is three certificates.
const MAX_DEPTH: usize = 8;

/// Certificates trusted as roots or intermediates (`--ca FILE.pem`).
#[derive(Debug, Clone, Default)]
pub struct Trusted {
    pub certificates: Vec<Certificate>,
}

impl Trusted {
    /// Reads one file of certificates: PEM (one or more `CERTIFICATE`
    /// blocks) or one DER certificate.
    pub fn read(&mut self, path: &Path) -> Result<(), SignError> {
        let bytes = std::fs::read(path).map_err(|e| SignError::Read {
            file: path.to_path_buf(),
            why: e.to_string(),
        })?;
        let bad = |why: String| SignError::NotCertificate {
            file: path.to_path_buf(),
            why,
        };
        let ders = if bytes.first() == Some(&0x30) {
            vec![bytes]
        } else {
            pem_blocks(&String::from_utf8_lossy(&bytes)).map_err(bad)?
        };
        if ders.is_empty() {
            return Err(bad("no -----BEGIN CERTIFICATE----- block".to_owned()));
        }
        for der in ders {
            let cert = Certificate::from_der(&der).map_err(|e| bad(e.to_string()))?;
            self.certificates.push(cert);
        }
        Ok(())
    }
}

/// The DER of each `CERTIFICATE` block of a PEM text.
fn pem_blocks(text: &str) -> Result<Vec<Vec<u8>>, String> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(begin) = rest.find(BEGIN) {
        let body = &rest[begin + BEGIN.len()..];
        let end = body
            .find(END)
            .ok_or("a certificate block has no END line")?;
        let compact: String = body[..end].chars().filter(|c| !c.is_whitespace()).collect();
        out.push(Base64::decode_vec(&compact).map_err(|e| e.to_string())?);
        rest = &body[end + END.len()..];
    }
    Ok(out)
}

/// The chain of `signer` (from the CMS's `certificates` and the trusted
/// ones) at `signing_time`.
pub fn check(
    signer: &Certificate,
    carried: &[Certificate],
    trusted: &Trusted,
    signing_time: Option<chrono::NaiveDateTime>,
) -> Outcome {
    let Some(at) = signing_time else {
        return Outcome::NotVerified(crate::tr!("sign-chain-no-time"));
    };
    if let Ok(Some((_, usage))) = signer.tbs_certificate().get_extension::<KeyUsage>()
        && !usage.digital_signature()
        && !usage.non_repudiation()
    {
        return Outcome::Invalid(crate::tr!("sign-chain-key-usage"));
    }
    let mut current = signer;
    for depth in 0..MAX_DEPTH {
        let tbs = current.tbs_certificate();
        let name = super::common_name(tbs.subject());
        let (from, to) = (
            utc(tbs.validity().not_before),
            utc(tbs.validity().not_after),
        );
        if at < from || at > to {
            return Outcome::Invalid(crate::tr!(
                "sign-chain-expired",
                name = name,
                from = from.to_string(),
                to = to.to_string()
            ));
        }
        if depth > 0 && !is_ca(current) && !trusted.certificates.contains(current) {
            return Outcome::Invalid(crate::tr!("sign-chain-not-ca", name = name));
        }
        if trusted.certificates.contains(current) {
            return Outcome::Valid;
        }
        let candidates = trusted
            .certificates
            .iter()
            .chain(carried)
            .filter(|c| c.tbs_certificate().subject() == tbs.issuer() && *c != current);
        let mut unsupported = None;
        let mut issuer = None;
        for candidate in candidates {
            match signed_by(current, candidate) {
                Signed::Yes => {
                    issuer = Some(candidate);
                    break;
                }
                Signed::No => {}
                Signed::Unsupported(why) => unsupported = Some(why),
            }
        }
        match (issuer, unsupported) {
            (Some(next), _) => current = next,
            (None, Some(why)) => return Outcome::NotVerified(why),
            (None, None) => {
                return Outcome::Invalid(crate::tr!(
                    "sign-chain-untrusted",
                    name = name,
                    issuer = super::common_name(tbs.issuer())
                ));
            }
        }
    }
    Outcome::Invalid(crate::tr!("sign-chain-too-long", most = MAX_DEPTH))
}

fn is_ca(cert: &Certificate) -> bool {
    matches!(
        cert.tbs_certificate().get_extension::<BasicConstraints>(),
        Ok(Some((_, c))) if c.ca
    )
}

enum Signed {
    Yes,
    No,
    Unsupported(String),
}

/// Whether `issuer`'s key signed `cert`.
fn signed_by(cert: &Certificate, issuer: &Certificate) -> Signed {
    let oid = cert.signature_algorithm().oid;
    let (hash, ecdsa) = match oid.to_string().as_str() {
        "1.2.840.113549.1.1.11" => ("2.16.840.1.101.3.4.2.1", false),
        "1.2.840.113549.1.1.12" => ("2.16.840.1.101.3.4.2.2", false),
        "1.2.840.113549.1.1.13" => ("2.16.840.1.101.3.4.2.3", false),
        "1.2.840.10045.4.3.2" => ("2.16.840.1.101.3.4.2.1", true),
        "1.2.840.10045.4.3.3" => ("2.16.840.1.101.3.4.2.2", true),
        "1.2.840.10045.4.3.4" => ("2.16.840.1.101.3.4.2.3", true),
        other => {
            return Signed::Unsupported(crate::tr!("sign-chain-algorithm", algorithm = other));
        }
    };
    let hash: DigestAlgorithm = digest_algorithm(&ObjectIdentifier::new_unwrap(hash));
    let Ok(tbs) = cert.tbs_certificate().to_der() else {
        return Signed::No;
    };
    let Some(hashed) = digest(&hash, &tbs) else {
        return Signed::No;
    };
    let value = cert.signature().raw_bytes();
    let spki = issuer.tbs_certificate().subject_public_key_info();
    let checked = if ecdsa {
        let curve = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
            .map(|c| c.to_string());
        let point = spki.subject_public_key.raw_bytes();
        match curve.as_deref() {
            Some("1.2.840.10045.3.1.7") => ecdsa_value!(p256, point, &hashed, value),
            Some("1.3.132.0.34") => ecdsa_value!(p384, point, &hashed, value),
            _ => {
                return Signed::Unsupported(crate::tr!(
                    "sign-chain-algorithm",
                    algorithm = oid.to_string()
                ));
            }
        }
    } else {
        rsa_value(spki, &hash, &hashed, value)
    };
    match checked {
        Ok(()) => Signed::Yes,
        Err(_) => Signed::No,
    }
}
