//! A signature as a set of QR codes, as the ddcard specification says: the
//! CMS packed as `signId.cms` in a ZIP (DEFLATE), the ZIP in Base64, the
//! Base64 cut into pieces, each piece in a JSON object
//! `{"signId":…,"total":…,"index":…,"data":"…"}` that one QR code of
//! version 25 (level M) holds. [`reassemble`] is the way back.

use std::io::{Read, Write};

use base64ct::{Base64, Encoding};
use serde::{Deserialize, Serialize};

/// The version the specification recommends.
pub const VERSION: i16 = 25;

/// One code's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Chunk {
    pub sign_id: u32,
    pub total: u32,
    /// From 1.
    pub index: u32,
    pub data: String,
}

impl Chunk {
    /// The text the QR code carries.
    pub fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Why codes do not give back a signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChunkError {
    #[error("a QR code does not hold a signature chunk: {0}")]
    NotAChunk(String),
    #[error("signature {sign_id}: {found} of its {total} QR codes found")]
    Incomplete {
        sign_id: u32,
        found: usize,
        total: u32,
    },
    #[error("signature {0}: its QR data is not Base64 of a ZIP holding the CMS")]
    Undecodable(u32),
}

/// The ZIP of one file `name`, DEFLATE, with a fixed date: the same bytes
/// give the same ZIP (no clock).
fn zip_one(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    // Writing into memory cannot fail but for a bug of the zip crate.
    let written = out
        .start_file(name, options)
        .and_then(|()| out.write_all(bytes).map_err(Into::into))
        .and_then(|()| out.finish());
    written.map(|c| c.into_inner()).unwrap_or_default()
}

/// The chunks of signature `sign_id` (from 1), each fitting a version-25
/// code.
pub fn split(sign_id: u32, cms: &[u8]) -> Vec<Chunk> {
    let zip = zip_one(&format!("{sign_id}.cms"), cms);
    let text = Base64::encode_string(&zip);
    let capacity = crate::typeset::qr::capacity(VERSION);
    let estimate = Chunk {
        sign_id,
        total: 0,
        index: 0,
        data: String::new(),
    }
    .json()
    .len();
    // The specification's formula: 10 characters for total and index.
    let piece = capacity.saturating_sub(estimate + 10).max(1);
    let pieces: Vec<&str> = text
        .as_bytes()
        .chunks(piece)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect();
    let total = pieces.len() as u32;
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, data)| Chunk {
            sign_id,
            total,
            index: i as u32 + 1,
            data: data.to_owned(),
        })
        .collect()
}

/// The CMS of every signature the codes' texts carry, by signId (sorted):
/// every chunk of a signature must be there.
pub fn reassemble(texts: &[String]) -> Result<Vec<(u32, Vec<u8>)>, ChunkError> {
    let mut chunks: Vec<Chunk> = Vec::new();
    for t in texts {
        let c: Chunk = serde_json::from_str(t)
            .map_err(|_| ChunkError::NotAChunk(t.chars().take(40).collect()))?;
        chunks.push(c);
    }
    chunks.sort_by_key(|c| (c.sign_id, c.index));
    chunks.dedup();
    let mut out = Vec::new();
    for group in chunks.chunk_by(|a, b| a.sign_id == b.sign_id) {
        let (sign_id, total) = (group[0].sign_id, group[0].total);
        let complete = group.len() == total as usize
            && group
                .iter()
                .enumerate()
                .all(|(i, c)| c.index == i as u32 + 1 && c.total == total);
        if !complete {
            return Err(ChunkError::Incomplete {
                sign_id,
                found: group.len(),
                total,
            });
        }
        let text: String = group.iter().map(|c| c.data.as_str()).collect();
        let zip = Base64::decode_vec(&text).map_err(|_| ChunkError::Undecodable(sign_id))?;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip))
            .map_err(|_| ChunkError::Undecodable(sign_id))?;
        let mut file = archive
            .by_name(&format!("{sign_id}.cms"))
            .map_err(|_| ChunkError::Undecodable(sign_id))?;
        let mut cms = Vec::new();
        file.read_to_end(&mut cms)
            .map_err(|_| ChunkError::Undecodable(sign_id))?;
        out.push((sign_id, cms));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_fit_a_version_25_code_and_reassemble_byte_for_byte() {
        // Incompressible bytes, as a CMS's signature and keys are.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let cms: Vec<u8> = (0..6000)
            .map(|_| {
                // xorshift64: bytes no compressor can shorten.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        let chunks = split(2, &cms);
        assert!(chunks.len() >= 5, "{}", chunks.len());
        for c in &chunks {
            assert_eq!((c.sign_id, c.total), (2, chunks.len() as u32));
            assert!(crate::typeset::qr::encode(c.json().as_bytes(), VERSION).is_ok());
        }
        let mut texts: Vec<String> = chunks.iter().map(Chunk::json).collect();
        texts.reverse();
        assert_eq!(reassemble(&texts), Ok(vec![(2, cms.clone())]));
        assert_eq!(split(2, &cms), chunks, "same bytes, same codes");
        texts.pop();
        assert!(matches!(
            reassemble(&texts),
            Err(ChunkError::Incomplete { .. })
        ));
    }
}
