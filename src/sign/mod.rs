//! Detached CMS signatures of a letter: reading them and checking them.
//!
//! A letter is signed outside zhauap (NCALayer, NCANode): zhauap never holds
//! a key. It reads the CMS (RFC 5652) the signer made over the PDF, names
//! each signer from their certificate, and checks that the signature is of
//! this letter: the signed message digest against the letter's digest, the
//! signature value under the certificate's key where zhauap can (RSA
//! PKCS#1 v1.5 and PSS, ECDSA P-256/P-384; not GOST 34.10, see [`Outcome::NotVerified`]), and
//! the signing time against the certificate's validity. It does not check
//! the certificate's chain unless trusted certificates are given
//! ([`Trusted`], `verify --ca`), nor its revocation:
//! docs/signatures.md says what that means.
//!
//! [`read_signature`] reads a file ([`cms`]); [`verify`] checks it against
//! the letter's bytes ([`verify`](mod@verify)).

mod ber;
mod chain;
mod cms;
mod error;
mod pss;
mod subject;
mod verify;

use std::path::PathBuf;

pub use chain::Trusted;
pub use cms::{MAX_SIGNATURE_BYTES, parse_signature, read_signature};
pub use error::SignError;
pub use subject::{Subject, common_name, subject};
pub use verify::{digest, verify, verify_with};

/// A CMS signature file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The file it was read from (named in every message).
    pub file: PathBuf,
    /// The file exactly as read: what a card embeds.
    pub bytes: Vec<u8>,
    /// The CMS as DER (decoded from PEM or base64 text, BER made DER).
    pub der: Vec<u8>,
    /// The signers, in the order of the CMS's SignerInfos.
    pub signers: Vec<Signer>,
}

/// One signer of a CMS, as their certificate and signed attributes say.
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    /// Subject CN (NCA: «ФАМИЛИЯ ИМЯ»), and GIVENNAME (NCA: the patronymic) after it.
    pub name: String,
    /// The 12 digits of the subject's `SERIALNUMBER=IIN…`.
    pub iin: Option<String>,
    /// The 12 digits of the subject's `OU=BIN…` (legal entities' certificates).
    pub bin: Option<String>,
    /// Subject O.
    pub organization: Option<String>,
    /// Certificate serial number, lowercase hex without leading zeros.
    pub serial: String,
    /// Issuer CN.
    pub issuer: String,
    /// Certificate validity, UTC.
    pub not_before: chrono::NaiveDateTime,
    pub not_after: chrono::NaiveDateTime,
    /// The signingTime signed attribute, UTC.
    pub signing_time: Option<chrono::NaiveDateTime>,
    pub digest: DigestAlgorithm,
    pub algorithm: SignatureAlgorithm,
}

/// The digest algorithm a signer used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DigestAlgorithm {
    Sha256,
    Sha384,
    Sha512,
    /// GOST R 34.11-2012 (ST RK GOST R 34.11-2015), 256 bits.
    Streebog256,
    /// GOST R 34.11-2012 (ST RK GOST R 34.11-2015), 512 bits.
    Streebog512,
    /// Any other, by its OID (e.g. SHA-1, GOST 34.311-95): zhauap does not compute it.
    Other(String),
}

/// The signature algorithm of a signer (from the SignerInfo and the key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureAlgorithm {
    /// RSASSA-PKCS1-v1_5.
    Rsa,
    /// RSASSA-PSS (RFC 4056): hash, mask and salt length in the algorithm's parameters.
    RsaPss,
    EcdsaP256,
    EcdsaP384,
    /// GOST R 34.10-2012 / ST RK GOST R 34.10-2015, 256-bit key.
    Gost2015_256,
    /// GOST R 34.10-2012 / ST RK GOST R 34.10-2015, 512-bit key.
    Gost2015_512,
    /// Any other (ECDSA on another curve…), by its OID.
    Other(String),
}

impl DigestAlgorithm {
    /// The name printed for it.
    pub fn name(&self) -> &str {
        match self {
            DigestAlgorithm::Sha256 => "SHA-256",
            DigestAlgorithm::Sha384 => "SHA-384",
            DigestAlgorithm::Sha512 => "SHA-512",
            DigestAlgorithm::Streebog256 => "GOST 34.11-2015 (256)",
            DigestAlgorithm::Streebog512 => "GOST 34.11-2015 (512)",
            DigestAlgorithm::Other(oid) => oid,
        }
    }
}

impl SignatureAlgorithm {
    /// The name printed for it.
    pub fn name(&self) -> &str {
        match self {
            SignatureAlgorithm::Rsa => "RSA",
            SignatureAlgorithm::RsaPss => "RSA-PSS",
            SignatureAlgorithm::EcdsaP256 => "ECDSA P-256",
            SignatureAlgorithm::EcdsaP384 => "ECDSA P-384",
            SignatureAlgorithm::Gost2015_256 => "GOST 34.10-2015 (256)",
            SignatureAlgorithm::Gost2015_512 => "GOST 34.10-2015 (512)",
            SignatureAlgorithm::Other(oid) => oid,
        }
    }
}

/// The result of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Valid,
    /// Checked and wrong: the reason names what differs.
    Invalid(String),
    /// Not checked: the reason says why (e.g. a GOST 34.10 signature value,
    /// which zhauap cannot verify). Never to be taken for valid.
    NotVerified(String),
}

impl Outcome {
    pub fn is_valid(&self) -> bool {
        matches!(self, Outcome::Valid)
    }
}

/// The checks of one signer against the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerCheck {
    /// Index into [`Signature::signers`].
    pub signer: usize,
    /// The letter's digest against the signed messageDigest (and the
    /// contentType attribute against the content's type).
    pub digest: Outcome,
    /// The signature value under the certificate's public key.
    pub signature: Outcome,
    /// The signing time within the certificate's validity.
    pub validity: Outcome,
    /// An attached CMS's content against the letter (None: detached).
    pub content: Option<Outcome>,
    /// The certificate's chain to the trusted certificates (None: no
    /// `--ca` given, not checked).
    pub chain: Option<Outcome>,
}

impl SignerCheck {
    /// Every check, named, in the order they are printed.
    pub fn checks(&self) -> Vec<(Check, &Outcome)> {
        let mut all = vec![
            (Check::Digest, &self.digest),
            (Check::Signature, &self.signature),
            (Check::Validity, &self.validity),
        ];
        if let Some(content) = &self.content {
            all.insert(0, (Check::Content, content));
        }
        if let Some(chain) = &self.chain {
            all.push((Check::Chain, chain));
        }
        all
    }

    /// True when every check was made and is valid.
    pub fn is_valid(&self) -> bool {
        self.checks().iter().all(|(_, o)| o.is_valid())
    }
}

/// The kinds of check, for printing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Content,
    Digest,
    Signature,
    Validity,
    Chain,
}

impl Check {
    /// The check's name, in the user's language.
    pub fn name(self) -> String {
        match self {
            Check::Content => crate::tr!("sign-check-content"),
            Check::Digest => crate::tr!("sign-check-digest"),
            Check::Signature => crate::tr!("sign-check-signature"),
            Check::Validity => crate::tr!("sign-check-validity"),
            Check::Chain => crate::tr!("sign-check-chain"),
        }
    }
}
