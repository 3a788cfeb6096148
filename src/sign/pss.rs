//! RSASSA-PSS signature values (RFC 4056 in CMS, RFC 8017 9.1): the hash,
//! the mask generation function and the salt length are the algorithm's
//! parameters, not fixed by its OID as for PKCS#1 v1.5.

use cms::signed_data::SignerInfo;
use der::asn1::ObjectIdentifier;
use rsa::pkcs1::{DecodeRsaPublicKey, RsaPssParamsOwned, TrailerField};
use x509_cert::spki::SubjectPublicKeyInfoOwned;

use super::DigestAlgorithm;
use super::cms::digest_algorithm;

const MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");

/// A PSS value checked (valid or why not), or parameters zhauap does not
/// verify (SHA-1, a mask with another hash…), said why.
pub(super) enum Checked {
    Done(Result<(), String>),
    Unsupported(String),
}

/// The PSS signature `value` over the prehashed `hashed` (the signer's
/// digest of the signed data) under the certificate's RSA key.
pub(super) fn verify(
    info: &SignerInfo,
    spki: &SubjectPublicKeyInfoOwned,
    digest: &DigestAlgorithm,
    hashed: &[u8],
    value: &[u8],
) -> Checked {
    let params = match &info.signature_algorithm.parameters {
        // RFC 4055: absent parameters mean the defaults (SHA-1, MGF1-SHA-1, salt 20).
        None => RsaPssParamsOwned::default(),
        Some(any) => match any.decode_as::<RsaPssParamsOwned>() {
            Ok(p) => p,
            Err(e) => {
                return Checked::Done(Err(crate::tr!(
                    "sign-pss-parameters",
                    reason = e.to_string()
                )));
            }
        },
    };
    let hash = digest_algorithm(&params.hash.oid);
    // RFC 4056, 3.1: the PSS hash is the SignerInfo's digest algorithm.
    if &hash != digest {
        return Checked::Done(Err(crate::tr!(
            "sign-pss-hash",
            hash = hash.name(),
            digest = digest.name()
        )));
    }
    let mask_hash = params
        .mask_gen
        .parameters
        .as_ref()
        .map(|p| digest_algorithm(&p.oid));
    if params.mask_gen.oid != MGF1 || mask_hash.as_ref() != Some(&hash) {
        return Checked::Unsupported(crate::tr!("sign-pss-mask", hash = hash.name()));
    }
    if params.trailer_field != TrailerField::BC {
        return Checked::Unsupported(crate::tr!("sign-pss-trailer"));
    }
    // A PSS key may be published as rsaEncryption or as id-RSASSA-PSS:
    // either way the bit string is a PKCS#1 RSAPublicKey.
    let key = match rsa::PublicKey::from_pkcs1_der(spki.subject_public_key.raw_bytes()) {
        Ok(k) => k,
        Err(e) => {
            return Checked::Done(Err(crate::tr!(
                "sign-key-unreadable",
                reason = e.to_string()
            )));
        }
    };
    let salt = Some(usize::from(params.salt_len));
    let result = match hash {
        DigestAlgorithm::Sha256 => key.verify(pss::<sha2::Sha256>(salt), hashed, value),
        DigestAlgorithm::Sha384 => key.verify(pss::<sha2::Sha384>(salt), hashed, value),
        DigestAlgorithm::Sha512 => key.verify(pss::<sha2::Sha512>(salt), hashed, value),
        DigestAlgorithm::Streebog256 | DigestAlgorithm::Streebog512 | DigestAlgorithm::Other(_) => {
            return Checked::Unsupported(crate::tr!(
                "sign-pss-unsupported-hash",
                hash = hash.name()
            ));
        }
    };
    Checked::Done(result.map_err(|_| crate::tr!("sign-value-mismatch", algorithm = "RSA-PSS")))
}

fn pss<D: sha2::Digest>(salt_len: Option<usize>) -> rsa::Pss<D> {
    rsa::Pss {
        salt_len,
        ..rsa::Pss::new()
    }
}
