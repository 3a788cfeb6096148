//! Why a signature file could not be read, with the file and what to do.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Error};

/// A signature file that is not a usable CMS signature. Each names the
/// file; [`SignError::help`] says what to do. The words are in
/// `locales/*/sign.ftl`.
#[derive(Debug)]
pub enum SignError {
    Read {
        file: PathBuf,
        why: String,
    },
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    NotCms {
        file: PathBuf,
        why: String,
    },
    Malformed {
        file: PathBuf,
        why: String,
    },
    NotSignedData {
        file: PathBuf,
        content_type: String,
    },
    NoSigners {
        file: PathBuf,
    },
    CertificateMissing {
        file: PathBuf,
        signer: usize,
    },
    /// A `--ca` file that holds no readable certificate.
    NotCertificate {
        file: PathBuf,
        why: String,
    },
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SignError::Read { why, .. } => crate::tr!("sign-file-unreadable", reason = why),
            SignError::TooLarge { size, limit, .. } => {
                crate::tr!("sign-file-too-large", size = *size, limit = *limit)
            }
            SignError::NotCms { why, .. } => crate::tr!("sign-file-not-cms", reason = why),
            SignError::Malformed { why, .. } => crate::tr!("sign-file-malformed", reason = why),
            SignError::NotSignedData { content_type, .. } => {
                crate::tr!("sign-file-not-signed-data", oid = content_type)
            }
            SignError::NoSigners { .. } => crate::tr!("sign-file-no-signers"),
            SignError::CertificateMissing { signer, .. } => {
                crate::tr!("sign-file-certificate-missing", number = *signer)
            }
            SignError::NotCertificate { why, .. } => {
                crate::tr!("sign-file-not-certificate", reason = why)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SignError {}

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
            | SignError::CertificateMissing { file, .. }
            | SignError::NotCertificate { file, .. } => file,
        }
    }

    /// What the user can do about it.
    pub fn help(&self) -> String {
        match self {
            SignError::Read { .. } => crate::tr!("sign-file-unreadable-help"),
            SignError::TooLarge { .. } => crate::tr!("sign-file-too-large-help"),
            SignError::NotCms { .. } | SignError::NotSignedData { .. } => {
                crate::tr!("sign-file-not-cms-help")
            }
            SignError::Malformed { .. } => crate::tr!("sign-file-malformed-help"),
            SignError::NoSigners { .. } => crate::tr!("sign-file-no-signers-help"),
            SignError::CertificateMissing { .. } => {
                crate::tr!("sign-file-certificate-missing-help")
            }
            SignError::NotCertificate { .. } => crate::tr!("sign-file-not-certificate-help"),
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
