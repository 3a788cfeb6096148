//! Web fonts for the preview: each shipped TrueType face cut down to the
//! outlines one letter draws, with every glyph keeping its id.
//!
//! The `subsetter` crate (which krilla uses for the PDF) renumbers glyphs and
//! drops `cmap`, `OS/2`, `GSUB` and `GPOS`, since a PDF addresses glyphs
//! directly. A browser shapes the text itself, and must shape it exactly as
//! the typesetter did (same kerning, same ligatures, same vertical metrics)
//! for every word to sit where the PDF has it. So this keeps every table the
//! shaper reads and only empties the `glyf` entries no text of the letter
//! reaches (HarfBuzz's "retain glyph ids" subsetting). The glyph names in
//! `post` go too. A face of ~380 KB becomes ~60 KB, and ~25 KB as WOFF.

use std::collections::BTreeSet;

/// Tables dropped outright: a signature the changes would break, and math
/// layout. (The legacy `kern` table goes too where `GPOS` exists, since
/// shapers then ignore it.)
const DROPPED: &[&[u8; 4]] = &[b"DSIG", b"MATH"];

/// Why a font could not be cut down; the caller then embeds it whole.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed(&'static str);

struct Table<'a> {
    tag: [u8; 4],
    data: &'a [u8],
}

/// `font` with only the outlines of `glyphs` (and the components they are
/// built from) left in `glyf`. Glyph ids, metrics and layout tables stay.
pub fn retain_glyphs(font: &[u8], glyphs: &BTreeSet<u16>) -> Result<Vec<u8>, Malformed> {
    let tables = parse_directory(font)?;
    let find = |tag: &[u8; 4]| tables.iter().find(|t| &t.tag == tag).map(|t| t.data);
    let head = find(b"head").ok_or(Malformed("no head table"))?;
    let maxp = find(b"maxp").ok_or(Malformed("no maxp table"))?;
    let loca = find(b"loca").ok_or(Malformed("no loca table"))?;
    let glyf = find(b"glyf").ok_or(Malformed("no glyf table"))?;
    let has_gpos = find(b"GPOS").is_some();
    let long_loca = read_u16(head, 50)? != 0;
    let num_glyphs = usize::from(read_u16(maxp, 4)?);

    let offsets = (0..=num_glyphs)
        .map(|i| {
            if long_loca {
                read_u32(loca, i * 4).map(|o| o as usize)
            } else {
                read_u16(loca, i * 2).map(|o| usize::from(o) * 2)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let outline = |gid: usize| -> Result<&[u8], Malformed> {
        let (start, end) = (offsets[gid], offsets[gid + 1]);
        if start > end {
            return Err(Malformed("loca offsets go backwards"));
        }
        glyf.get(start..end)
            .ok_or(Malformed("loca points outside glyf"))
    };

    // The closure: composite glyphs draw other glyphs.
    let mut keep = vec![false; num_glyphs];
    let mut todo: Vec<usize> = std::iter::once(0)
        .chain(glyphs.iter().map(|&g| usize::from(g)))
        .filter(|&g| g < num_glyphs)
        .collect();
    while let Some(gid) = todo.pop() {
        if std::mem::replace(&mut keep[gid], true) {
            continue;
        }
        for component in components(outline(gid)?)? {
            if usize::from(component) < num_glyphs {
                todo.push(usize::from(component));
            }
        }
    }

    let mut new_glyf = Vec::new();
    let mut new_offsets = Vec::with_capacity(num_glyphs + 1);
    for (gid, kept) in keep.iter().enumerate() {
        new_offsets.push(new_glyf.len());
        if *kept {
            new_glyf.extend_from_slice(outline(gid)?);
            // Short loca stores offsets halved; 4-byte alignment serves both.
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_offsets.push(new_glyf.len());
    let short = new_glyf.len() <= 2 * usize::from(u16::MAX);
    let mut new_loca = Vec::with_capacity(new_offsets.len() * 4);
    for o in &new_offsets {
        if short {
            new_loca.extend_from_slice(&((o / 2) as u16).to_be_bytes());
        } else {
            new_loca.extend_from_slice(&(*o as u32).to_be_bytes());
        }
    }

    let mut new_head = head.to_vec();
    new_head[50..52].copy_from_slice(&u16::from(!short).to_be_bytes());
    // The whole-font checksum is set once the font is assembled.
    new_head[8..12].fill(0);

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(tables.len());
    for t in &tables {
        if DROPPED.contains(&&t.tag) || (&t.tag == b"kern" && has_gpos) {
            continue;
        }
        let data = match &t.tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"head" => std::mem::take(&mut new_head),
            b"post" => post_without_names(t.data)?,
            _ => t.data.to_vec(),
        };
        out_tables.push((t.tag, data));
    }
    Ok(assemble(read_u32(font, 0)?, out_tables))
}

fn parse_directory(font: &[u8]) -> Result<Vec<Table<'_>>, Malformed> {
    let count = usize::from(read_u16(font, 4)?);
    (0..count)
        .map(|i| {
            let record = 12 + i * 16;
            let tag: [u8; 4] = font
                .get(record..record + 4)
                .and_then(|t| t.try_into().ok())
                .ok_or(Malformed("truncated table directory"))?;
            let offset = read_u32(font, record + 8)? as usize;
            let length = read_u32(font, record + 12)? as usize;
            let data = font
                .get(offset..offset.saturating_add(length))
                .ok_or(Malformed("a table lies outside the file"))?;
            Ok(Table { tag, data })
        })
        .collect()
}

/// The glyph ids a composite glyph is built from (none for a simple one).
fn components(outline: &[u8]) -> Result<Vec<u16>, Malformed> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const HAVE_XY_SCALE: u16 = 0x0040;
    const HAVE_2X2: u16 = 0x0080;
    if outline.len() < 10 || i16::from_be_bytes([outline[0], outline[1]]) >= 0 {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let mut at = 10;
    loop {
        let flags = read_u16(outline, at)?;
        out.push(read_u16(outline, at + 2)?);
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAVE_SCALE != 0 {
            2
        } else if flags & HAVE_XY_SCALE != 0 {
            4
        } else if flags & HAVE_2X2 != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            return Ok(out);
        }
    }
}

/// `post` as version 3: the same header, no glyph names (browsers never
/// read them, and they are a tenth of the file).
fn post_without_names(post: &[u8]) -> Result<Vec<u8>, Malformed> {
    let mut out = post
        .get(..32)
        .ok_or(Malformed("truncated post table"))?
        .to_vec();
    out[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    Ok(out)
}

/// `sfnt` as WOFF 1.0: the same tables, each compressed with zlib where
/// that makes it smaller. Browsers read it natively; it is under half the
/// size of the sfnt.
pub fn woff(sfnt: &[u8]) -> Result<Vec<u8>, Malformed> {
    use std::io::Write as _;
    let flavor = read_u32(sfnt, 0)?;
    let count = read_u16(sfnt, 4)?;
    let mut tables = Vec::with_capacity(usize::from(count));
    for (i, table) in parse_directory(sfnt)?.into_iter().enumerate() {
        let checksum = read_u32(sfnt, 12 + i * 16 + 4)?;
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let packed = zlib
            .write_all(table.data)
            .and_then(|()| zlib.finish())
            .map_err(|_| Malformed("compression failed"))?;
        let stored = if packed.len() < table.data.len() {
            packed
        } else {
            table.data.to_vec()
        };
        tables.push((table.tag, checksum, table.data.len(), stored));
    }
    tables.sort_by_key(|t| t.0);
    let sfnt_size = 12
        + 16 * tables.len()
        + tables
            .iter()
            .map(|t| t.2.next_multiple_of(4))
            .sum::<usize>();
    let mut offset = 44 + 20 * tables.len();
    let mut directory = Vec::with_capacity(20 * tables.len());
    for (tag, checksum, original, stored) in &tables {
        directory.extend_from_slice(tag);
        for v in [offset, stored.len(), *original] {
            directory.extend_from_slice(&(v as u32).to_be_bytes());
        }
        directory.extend_from_slice(&checksum.to_be_bytes());
        offset += stored.len().next_multiple_of(4);
    }
    let mut out = Vec::with_capacity(offset);
    out.extend_from_slice(b"wOFF");
    out.extend_from_slice(&flavor.to_be_bytes());
    out.extend_from_slice(&(offset as u32).to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&(sfnt_size as u32).to_be_bytes());
    // Version 1.0 of the font data; no metadata, no private block.
    out.extend_from_slice(&[0, 1, 0, 0]);
    out.extend_from_slice(&[0; 20]);
    out.extend_from_slice(&directory);
    for (_, _, _, stored) in &tables {
        out.extend_from_slice(stored);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    Ok(out)
}

/// Writes the tables as an sfnt with a fresh directory and checksums.
fn assemble(version: u32, mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|(tag, _)| *tag);
    let count = tables.len() as u16;
    let entry_selector = 15 - count.max(1).leading_zeros() as u16;
    let search_range = (1u16 << entry_selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    for v in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + tables.len() * 16;
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn read_u16(data: &[u8], at: usize) -> Result<u16, Malformed> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or(Malformed("truncated table"))
}

fn read_u32(data: &[u8], at: usize) -> Result<u32, Malformed> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or(Malformed("truncated table"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::fonts::{FaceId, fonts};

    fn glyph_of(font: &harfrust::Font, c: char) -> u16 {
        harfrust::ShaperFont::new(font)
            .nominal_glyph(c as u32)
            .map(|g| g.to_u32() as u16)
            .expect("the face has the character")
    }

    #[test]
    fn cut_font_keeps_ids_metrics_and_the_kept_outlines_only() {
        let face = fonts().face(FaceId(0));
        let kept: BTreeSet<u16> = "Казахстан"
            .chars()
            .map(|c| glyph_of(&face.font, c))
            .collect();
        let cut = retain_glyphs(face.data, &kept).unwrap();
        assert!(
            cut.len() * 4 < face.data.len(),
            "{} of {} bytes",
            cut.len(),
            face.data.len()
        );

        // The cut font parses, maps characters to the same glyphs and gives
        // the same advances, so a browser shapes it as the typesetter did.
        let small = harfrust::Font::new(cut.clone(), 0).expect("the cut font parses");
        let (big, small_shaper) = (
            harfrust::ShaperFont::new(&face.font),
            harfrust::ShaperFont::new(&small),
        );
        for c in "КазахстанЖ".chars() {
            let g = glyph_of(&small, c);
            assert_eq!(g, glyph_of(&face.font, c));
            let id = harfrust::GlyphId::new(u32::from(g));
            assert_eq!(big.glyph_h_advance(id), small_shaper.glyph_h_advance(id));
        }

        // Outlines: kept glyphs are there, the others are empty.
        let tables = parse_directory(&cut).unwrap();
        let data = |tag: &[u8; 4]| tables.iter().find(|t| &t.tag == tag).unwrap().data;
        let short = read_u16(data(b"head"), 50).unwrap() == 0;
        assert!(short, "a small glyf fits short offsets");
        let loca = data(b"loca");
        let len = |g: u16| {
            let at = usize::from(g) * 2;
            (read_u16(loca, at + 2).unwrap() - read_u16(loca, at).unwrap()) as usize * 2
        };
        assert!(len(glyph_of(&face.font, 'К')) > 0);
        assert_eq!(len(glyph_of(&face.font, 'Ж')), 0);
        assert!(tables.iter().any(|t| &t.tag == b"GPOS"));
        assert!(tables.iter().any(|t| &t.tag == b"cmap"));
        assert_eq!(&data(b"post")[..4], &[0, 3, 0, 0]);
    }

    #[test]
    fn whole_font_checksum_is_the_magic_number() {
        let face = fonts().face(FaceId(4));
        let cut = retain_glyphs(face.data, &BTreeSet::from([3u16, 4, 5])).unwrap();
        assert_eq!(checksum(&cut), 0xB1B0_AFBA);
    }

    #[test]
    fn woff_holds_the_same_tables_compressed() {
        use std::io::Read as _;
        let face = fonts().face(FaceId(0));
        let sfnt = retain_glyphs(face.data, &BTreeSet::from([3u16, 4, 5])).unwrap();
        let woff = woff(&sfnt).unwrap();
        assert!(
            woff.len() * 2 < sfnt.len(),
            "{} of {}",
            woff.len(),
            sfnt.len()
        );
        assert_eq!(&woff[..4], b"wOFF");
        assert_eq!(read_u32(&woff, 8).unwrap() as usize, woff.len());
        let count = usize::from(read_u16(&woff, 12).unwrap());
        let tables = parse_directory(&sfnt).unwrap();
        assert_eq!(count, tables.len());
        // Every table unpacks to the sfnt's own bytes.
        for i in 0..count {
            let entry = 44 + 20 * i;
            let tag = &woff[entry..entry + 4];
            let at = read_u32(&woff, entry + 4).unwrap() as usize;
            let stored = read_u32(&woff, entry + 8).unwrap() as usize;
            let original = read_u32(&woff, entry + 12).unwrap() as usize;
            let data = &woff[at..at + stored];
            let unpacked = if stored < original {
                let mut out = Vec::new();
                flate2::read::ZlibDecoder::new(data)
                    .read_to_end(&mut out)
                    .unwrap();
                out
            } else {
                data.to_vec()
            };
            let table = tables.iter().find(|t| t.tag == tag).unwrap();
            assert_eq!(unpacked, table.data, "{}", String::from_utf8_lossy(tag));
        }
    }

    #[test]
    fn garbage_is_refused_not_a_panic() {
        for bad in [&b""[..], b"\0\x01\0\0\0\x05", &[0xff; 64]] {
            assert!(retain_glyphs(bad, &BTreeSet::from([1])).is_err());
        }
    }
}
