//! Checking a signature against the letter: digests and signature values.

use cms::signed_data::SignerInfo;
use der::Encode;
use der::asn1::{ObjectIdentifier, OctetString};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::hazmat::PrehashVerifier;
use sha2::Digest;
use x509_cert::Certificate;

use super::cms::{CONTENT_TYPE, MESSAGE_DIGEST, Parsed, parse, signed_attribute};
use super::{DigestAlgorithm, Outcome, Signature, SignatureAlgorithm, Signer, SignerCheck};

/// The digest of `data` with `algorithm`; `None` for one zhauap does not
/// compute.
pub fn digest(algorithm: &DigestAlgorithm, data: &[u8]) -> Option<Vec<u8>> {
    Some(match algorithm {
        DigestAlgorithm::Sha256 => sha2::Sha256::digest(data).to_vec(),
        DigestAlgorithm::Sha384 => sha2::Sha384::digest(data).to_vec(),
        DigestAlgorithm::Sha512 => sha2::Sha512::digest(data).to_vec(),
        DigestAlgorithm::Streebog256 => streebog::Streebog256::digest(data).to_vec(),
        DigestAlgorithm::Streebog512 => streebog::Streebog512::digest(data).to_vec(),
        DigestAlgorithm::Other(_) => return None,
    })
}

/// Checks each signer of `signature` against the letter's bytes. One entry
/// per signer, in order; a signature with no signer gives none, which is
/// not a valid signature.
pub fn verify(letter: &[u8], signature: &Signature) -> Vec<SignerCheck> {
    verify_with(letter, signature, None)
}

/// [`verify`], and with `trusted` the chain of each signer's certificate
/// to those certificates ([`super::chain`]).
pub fn verify_with(
    letter: &[u8],
    signature: &Signature,
    trusted: Option<&super::Trusted>,
) -> Vec<SignerCheck> {
    let parsed = match parse(&signature.der) {
        Ok(p) => p,
        Err(_) => {
            // Only a Signature built by hand gets here: read_signature parsed it.
            let why = crate::tr!("sign-cms-unreadable");
            return (0..signature.signers.len())
                .map(|i| SignerCheck {
                    signer: i,
                    digest: Outcome::Invalid(why.clone()),
                    signature: Outcome::Invalid(why.clone()),
                    validity: Outcome::Invalid(why.clone()),
                    content: None,
                    chain: trusted.map(|_| Outcome::Invalid(why.clone())),
                })
                .collect();
        }
    };
    let content = attached_content(&parsed);
    let carried: Vec<Certificate> = parsed
        .data
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            cms::cert::CertificateChoices::Certificate(c) => Some(c.clone()),
            cms::cert::CertificateChoices::Other(_) => None,
        })
        .collect();
    signature
        .signers
        .iter()
        .zip(parsed.data.signer_infos.0.iter())
        .enumerate()
        .map(|(i, (signer, info))| {
            let cert = parsed.certificate(info);
            let mut check = check_signer(i, letter, signer, info, cert, &parsed, &content);
            check.chain = trusted.map(|t| match cert {
                Some(cert) => super::chain::check(cert, &carried, t, signer.signing_time),
                None => Outcome::Invalid(crate::tr!("sign-certificate-absent")),
            });
            check
        })
        .collect()
}

/// The encapsulated content of an attached CMS: `None` when detached,
/// `Some(Err)` when it is there but not an OCTET STRING.
fn attached_content(parsed: &Parsed) -> Option<Result<Vec<u8>, String>> {
    let econtent = parsed.data.encap_content_info.econtent.as_ref()?;
    Some(
        econtent
            .decode_as::<OctetString>()
            .map(|o| o.as_bytes().to_vec())
            .map_err(|e| crate::tr!("sign-content-unreadable", reason = e.to_string())),
    )
}

fn check_signer(
    index: usize,
    letter: &[u8],
    signer: &Signer,
    info: &SignerInfo,
    cert: Option<&Certificate>,
    parsed: &Parsed,
    content: &Option<Result<Vec<u8>, String>>,
) -> SignerCheck {
    let content_check = content.as_ref().map(|c| match c {
        Ok(bytes) if bytes == letter => Outcome::Valid,
        Ok(bytes) => Outcome::Invalid(crate::tr!(
            "sign-other-content",
            content = bytes.len(),
            letter = letter.len()
        )),
        Err(why) => Outcome::Invalid(why.clone()),
    });
    let letter_digest = digest(&signer.digest, letter);
    let signature = match cert {
        Some(cert) => signature_value(signer, info, cert, letter),
        None => Outcome::Invalid(crate::tr!("sign-certificate-absent")),
    };
    let digest = match (&info.signed_attrs, &letter_digest) {
        (_, None) => Outcome::NotVerified(crate::tr!(
            "sign-digest-unknown",
            algorithm = signer.digest.name()
        )),
        (Some(_), Some(ours)) => signed_digest(signer, info, parsed, ours),
        // Without signed attributes the signature value is over the
        // letter's digest itself: it decides.
        (None, Some(_)) => match &signature {
            Outcome::Valid => Outcome::Valid,
            Outcome::Invalid(_) => Outcome::Invalid(crate::tr!("sign-no-attributes-mismatch")),
            Outcome::NotVerified(_) => {
                Outcome::NotVerified(crate::tr!("sign-no-attributes-unverified"))
            }
        },
    };
    SignerCheck {
        signer: index,
        digest,
        signature,
        validity: validity(signer),
        content: content_check,
        chain: None,
    }
}

/// The messageDigest attribute against the letter's digest, and the
/// contentType attribute against the content's type (RFC 5652, 5.3).
fn signed_digest(signer: &Signer, info: &SignerInfo, parsed: &Parsed, ours: &[u8]) -> Outcome {
    let econtent_type = parsed.data.encap_content_info.econtent_type;
    let types: Vec<Option<ObjectIdentifier>> = signed_attribute(info, CONTENT_TYPE)
        .into_iter()
        .map(|v| v.decode_as::<ObjectIdentifier>().ok())
        .collect();
    if types != [Some(econtent_type)] {
        return Outcome::Invalid(crate::tr!(
            "sign-content-type",
            oid = econtent_type.to_string()
        ));
    }
    let digests: Vec<Vec<u8>> = signed_attribute(info, MESSAGE_DIGEST)
        .into_iter()
        .filter_map(|v| v.decode_as::<OctetString>().ok())
        .map(|o| o.as_bytes().to_vec())
        .collect();
    let [signed] = digests.as_slice() else {
        return Outcome::Invalid(crate::tr!("sign-digest-count", count = digests.len()));
    };
    if signed == ours || streebog_reversed(&signer.digest, signed, ours) {
        Outcome::Valid
    } else {
        Outcome::Invalid(crate::tr!(
            "sign-digest-differs",
            algorithm = signer.digest.name()
        ))
    }
}

/// GOST 34.11 digests are written in either byte order by different
/// tools (the standard prints them as numbers); a reversed match is as
/// hard to forge as a direct one.
fn streebog_reversed(algorithm: &DigestAlgorithm, signed: &[u8], ours: &[u8]) -> bool {
    match algorithm {
        DigestAlgorithm::Streebog256 | DigestAlgorithm::Streebog512 => {
            signed.len() == ours.len() && signed.iter().eq(ours.iter().rev())
        }
        DigestAlgorithm::Sha256
        | DigestAlgorithm::Sha384
        | DigestAlgorithm::Sha512
        | DigestAlgorithm::Other(_) => false,
    }
}

/// The signature value, over the DER of the signed attributes (as a SET
/// OF) or, without them, over the content.
fn signature_value(
    signer: &Signer,
    info: &SignerInfo,
    cert: &Certificate,
    letter: &[u8],
) -> Outcome {
    let message = match &info.signed_attrs {
        Some(attrs) => match attrs.to_der() {
            Ok(der) => der,
            Err(e) => {
                return Outcome::Invalid(crate::tr!(
                    "sign-attributes-unencodable",
                    reason = e.to_string()
                ));
            }
        },
        None => letter.to_vec(),
    };
    let Some(hashed) = digest(&signer.digest, &message) else {
        return Outcome::NotVerified(crate::tr!(
            "sign-digest-unknown",
            algorithm = signer.digest.name()
        ));
    };
    let value = info.signature.as_bytes();
    let spki = cert.tbs_certificate().subject_public_key_info();
    let checked = match &signer.algorithm {
        SignatureAlgorithm::Rsa => rsa_value(spki, &signer.digest, &hashed, value),
        SignatureAlgorithm::RsaPss => {
            match super::pss::verify(info, spki, &signer.digest, &hashed, value) {
                super::pss::Checked::Done(result) => result,
                super::pss::Checked::Unsupported(why) => return Outcome::NotVerified(why),
            }
        }
        SignatureAlgorithm::EcdsaP256 => {
            ecdsa_value!(p256, spki.subject_public_key.raw_bytes(), &hashed, value)
        }
        SignatureAlgorithm::EcdsaP384 => {
            ecdsa_value!(p384, spki.subject_public_key.raw_bytes(), &hashed, value)
        }
        SignatureAlgorithm::Gost2015_256 | SignatureAlgorithm::Gost2015_512 => {
            return Outcome::NotVerified(crate::tr!(
                "sign-gost-unverified",
                algorithm = signer.algorithm.name()
            ));
        }
        SignatureAlgorithm::Other(oid) => {
            return Outcome::NotVerified(crate::tr!("sign-algorithm-unknown", algorithm = oid));
        }
    };
    match checked {
        Ok(()) => Outcome::Valid,
        Err(why) => Outcome::Invalid(why),
    }
}

pub(super) fn rsa_value(
    spki: &x509_cert::spki::SubjectPublicKeyInfoOwned,
    digest: &DigestAlgorithm,
    hashed: &[u8],
    value: &[u8],
) -> Result<(), String> {
    let der = spki
        .to_der()
        .map_err(|e| crate::tr!("sign-key-unreadable", reason = e.to_string()))?;
    let key = rsa::PublicKey::from_public_key_der(&der)
        .map_err(|e| crate::tr!("sign-key-unreadable", reason = e.to_string()))?;
    let scheme = match digest {
        DigestAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
        DigestAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
        DigestAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
        DigestAlgorithm::Streebog256 | DigestAlgorithm::Streebog512 | DigestAlgorithm::Other(_) => {
            return Err(crate::tr!("sign-rsa-digest", digest = digest.name()));
        }
    };
    key.verify(scheme, hashed, value)
        .map_err(|_| crate::tr!("sign-value-mismatch", algorithm = "RSA"))
}

/// ECDSA over a prehashed message, the key a SEC1 point, the value DER.
macro_rules! ecdsa_value {
    ($curve:ident, $point:expr, $hashed:expr, $value:expr) => {
        $curve::ecdsa::VerifyingKey::from_sec1_bytes($point)
            .map_err(|e| crate::tr!("sign-key-unreadable", reason = e.to_string()))
            .and_then(|key| {
                let sig = $curve::ecdsa::Signature::from_der($value)
                    .map_err(|_| crate::tr!("sign-ecdsa-not-der"))?;
                key.verify_prehash($hashed, &sig)
                    .map_err(|_| crate::tr!("sign-value-mismatch", algorithm = "ECDSA"))
            })
    };
}
pub(super) use ecdsa_value;

/// The signing time within the certificate's validity.
fn validity(signer: &Signer) -> Outcome {
    match signer.signing_time {
        None => Outcome::NotVerified(crate::tr!("sign-no-signing-time")),
        Some(t) if t < signer.not_before || t > signer.not_after => Outcome::Invalid(crate::tr!(
            "sign-outside-validity",
            time = t.to_string(),
            from = signer.not_before.to_string(),
            to = signer.not_after.to_string()
        )),
        Some(_) => Outcome::Valid,
    }
}
