//! Issue 20: the colour profiles a PDF/A letter embeds are krilla's own
//! sRGB and grey v4 profiles. The vendored krilla carries them already
//! compressed (`vendor/krilla/src/configure/icc_deflated.rs`), so that a
//! cold render does not set up a compressor for them; this checks that
//! those bytes still are the profiles, compressed exactly as krilla
//! compresses any other binary stream (level 1, zlib header), so the PDF is
//! the same as if they were compressed at run time.

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Document, Object};

use crate::common::{REFERENCE, crate_path, engine, render};

/// What krilla's `deflate_encode` makes of binary data (vendor/krilla/src/stream.rs).
fn compressed_as_krilla_does(data: &[u8]) -> Vec<u8> {
    let mut compress = Compress::new(Compression::new(1), true);
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let consumed = compress.total_in() as usize;
        match compress.compress_vec(&data[consumed..], &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => break,
            Ok(_) => out.reserve(out.capacity().max(64)),
            Err(e) => panic!("deflate failed: {e}"),
        }
    }
    out
}

#[test]
fn the_embedded_profiles_are_krillas_compressed_as_at_run_time() {
    let printed = render(&engine(), REFERENCE);
    let doc = Document::load_mem(&printed.rendered.bytes).expect("the PDF reads back");
    let mut found = Vec::new();
    for object in doc.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let Ok(n) = stream.dict.get(b"N").and_then(Object::as_i64) else {
            continue;
        };
        let file = match n {
            3 => "sRGB-v4.icc",
            1 => "sGrey-v4.icc",
            other => panic!("an ICC profile with {other} components"),
        };
        let profile = std::fs::read(crate_path("vendor/krilla/icc").join(file)).unwrap();
        assert_eq!(
            stream.dict.get(b"Filter").and_then(Object::as_name).ok(),
            Some(&b"FlateDecode"[..]),
            "{file} is compressed"
        );
        assert_eq!(
            stream.decompressed_content().expect("the profile inflates"),
            profile,
            "the embedded {file} inflates to the profile"
        );
        assert!(
            stream.content == compressed_as_krilla_does(&profile),
            "the embedded {file} is not what krilla's compressor makes of it \
             (regenerate vendor/krilla/src/configure/icc_deflated.rs)"
        );
        found.push(file);
    }
    found.sort();
    assert_eq!(found, ["sGrey-v4.icc", "sRGB-v4.icc"]);
}
