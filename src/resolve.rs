//! Resolving the document: every file it refers to (today the letterhead's
//! emblem) is read once, here, relative to the letter, and decoded, so that
//! the typesetter reads no file and every caller knows what was read.
//!
//! Two steps, because `batch` decides from the files' hashes alone whether
//! a letter is up to date: [`read`] reads the files and hashes them;
//! [`decode`] turns them into the [`Resources`] the typesetter draws.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::document::{Content, Document};
use crate::input::InputFile;
use crate::typeset::{Resources, image};

/// A file the document refers to, read.
#[derive(Debug, Clone)]
pub struct Referenced {
    /// The path as the markup writes it (relative to the letter).
    pub written: String,
    pub file: InputFile,
    bytes: Arc<Vec<u8>>,
}

/// The files a document refers to, read and hashed, not yet decoded.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub referenced: Vec<Referenced>,
}

impl Files {
    /// What was read, for manifests and watchers.
    pub fn inputs(&self) -> impl Iterator<Item = &InputFile> {
        self.referenced.iter().map(|r| &r.file)
    }
}

/// A referenced file that cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolveError {
    /// The path as the markup writes it.
    pub written: String,
    pub path: PathBuf,
    pub why: String,
}

/// The path a written reference names: relative to the letter's folder.
pub fn path_of(base_dir: &Path, written: &str) -> PathBuf {
    let path = Path::new(written);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base_dir.join(path)
    }
}

/// Reads every file `doc` refers to, once each, relative to `base_dir`.
pub fn read(doc: &Document, base_dir: &Path) -> Result<Files, ResolveError> {
    let mut files = Files::default();
    for block in &doc.blocks {
        let written = match &block.content {
            Content::Letterhead(head) => head.emblem.as_deref(),
            Content::Outgoing(_)
            | Content::Reference(_)
            | Content::Addressee(_)
            | Content::Salutation(_)
            | Content::Paragraph(_)
            | Content::Attachments(_)
            | Content::Signature(_)
            | Content::Executor(_)
            | Content::Heading(_)
            | Content::Copies(_)
            | Content::List(_)
            | Content::Table(_) => None,
        };
        let Some(written) = written else { continue };
        if files.referenced.iter().any(|r| r.written == written) {
            continue;
        }
        let path = path_of(base_dir, written);
        let bytes = image::read(&path).map_err(|why| ResolveError {
            written: written.to_owned(),
            path: path.clone(),
            why,
        })?;
        // Kept absolute, so that a run from another folder names the same file.
        let absolute = std::path::absolute(&path).unwrap_or(path);
        files.referenced.push(Referenced {
            written: written.to_owned(),
            file: InputFile::new(&absolute, &bytes),
            bytes: Arc::new(bytes),
        });
    }
    Ok(files)
}

/// Decodes the files read into what the typesetter draws.
pub fn decode(files: &Files) -> Result<Resources, ResolveError> {
    let mut resources = Resources::default();
    for r in &files.referenced {
        let emblem = image::decode(r.bytes.as_ref().clone()).map_err(|why| ResolveError {
            written: r.written.clone(),
            path: r.file.path.clone(),
            why,
        })?;
        resources.images.insert(r.written.clone(), Arc::new(emblem));
    }
    Ok(resources)
}
