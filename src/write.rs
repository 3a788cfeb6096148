//! Writing output files safely: to a temporary file in the target folder,
//! then renamed into place, so a failure never leaves a half-written file and
//! never touches an existing one.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Error, Result};

pub fn atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |what: &str, e: std::io::Error| -> Error {
        Error::one(
            Diagnostic::new(
                path,
                format!(
                    "cannot write the output: {what}: {}",
                    crate::letter::io_reason(&e)
                ),
            )
            .with_help("check that the output folder exists and is writable"),
        )
    };
    if !dir.is_dir() {
        return Err(Error::one(
            Diagnostic::new(path, "cannot write the output: the folder does not exist")
                .with_help("create the folder first, or choose another with -o"),
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f =
            std::fs::File::create(&tmp).map_err(|e| fail("creating a temporary file", e))?;
        f.write_all(bytes).map_err(|e| fail("writing", e))?;
        f.sync_all().map_err(|e| fail("flushing", e))?;
        std::fs::rename(&tmp, path).map_err(|e| fail("renaming into place", e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Refuses an output path that is the input file itself (`-o letter.yaml`,
/// or a letter named `x.pdf`): rendering must never destroy the letter.
pub fn not_the_input(input: &Path, output: &Path) -> Result<()> {
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Error::one(
            Diagnostic::new(output, "the output would overwrite the letter itself")
                .with_help("choose another output file with -o"),
        ));
    }
    Ok(())
}
