//! Why a signature file could not be read, with the file and what to do.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Error};

/// A signature file that is not a usable CMS signature. Each names the
/// file; [`SignError::help`] says what to do.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("the signature file cannot be read: {why}")]
    Read { file: PathBuf, why: String },
    #[error("the signature file is {size} bytes; a signature is at most {limit} bytes")]
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("the file is not a CMS signature (neither DER, PEM nor base64 text): {why}")]
    NotCms { file: PathBuf, why: String },
    #[error("the CMS signature is damaged or cut short: {why}")]
    Malformed { file: PathBuf, why: String },
    #[error("the CMS holds {content_type}, not signed data (1.2.840.113549.1.7.2)")]
    NotSignedData { file: PathBuf, content_type: String },
    #[error("the CMS signature has no signer")]
    NoSigners { file: PathBuf },
    #[error("the certificate of signer {signer} is not in the CMS signature")]
    CertificateMissing { file: PathBuf, signer: usize },
}

impl SignError {
    /// The signature file the error is about.
    pub fn file(&self) -> &Path {
        match self {
            SignError::Read { file, .. }
            | SignError::TooLarge { file, .. }
            | SignError::NotCms { file, .. }
            | SignError::Malformed { file, .. }
            | SignError::NotSignedData { file, .. }
            | SignError::NoSigners { file }
            | SignError::CertificateMissing { file, .. } => file,
        }
    }

    /// What the user can do about it.
    pub fn help(&self) -> &'static str {
        match self {
            SignError::Read { .. } => "check the path and that the file can be read",
            SignError::TooLarge { .. } => {
                "give the detached CMS signature (.cms, .p7s, .sig), not the signed document"
            }
            SignError::NotCms { .. } | SignError::NotSignedData { .. } => {
                "give the CMS signature as NCALayer saves it: a .cms/.p7s file (DER), PEM, or the base64 text"
            }
            SignError::Malformed { .. } => {
                "the file was probably cut short or changed in transit; ask the signer for the signature file again"
            }
            SignError::NoSigners { .. } => "this CMS carries no signature; sign the letter again",
            SignError::CertificateMissing { .. } => {
                "sign again with the certificate included in the signature (NCALayer includes it by default)"
            }
        }
    }

    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::new(self.file(), self.to_string()).with_help(self.help())
    }
}

impl From<SignError> for Error {
    fn from(e: SignError) -> Error {
        Error::one(e.diagnostic())
    }
}
