//! BER to DER, for the CMS files signing tools write.
//!
//! Java CMS libraries (BouncyCastle, and so Kalkan behind NCALayer) may
//! write a SignedData with indefinite lengths and the content as a
//! constructed OCTET STRING in chunks; the `der` crate reads only DER. This
//! re-encodes the tree with definite, minimal lengths and joins chunked
//! OCTET STRINGs. Signed attributes are DER already (the signature is over
//! their DER), so their bytes come out unchanged.

/// Nesting deeper than this is not a CMS signature: refused, so that a
/// crafted file cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Universal OCTET STRING, constructed form.
const OCTET_STRING_CONSTRUCTED: u8 = 0x24;
const OCTET_STRING: u8 = 0x04;

/// Re-encodes one BER value (the whole of `input`) as DER; the error says
/// where the encoding breaks.
pub fn to_der(input: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(input.len());
    let used = value(input, 0, 0, &mut out)?;
    if used != input.len() {
        return Err(format!(
            "{} bytes follow the end of the signature at byte {used}",
            input.len() - used
        ));
    }
    Ok(out)
}

/// A parsed header: the identifier octets, where the content starts, and
/// its length (`None`: indefinite, ended by two zero bytes).
struct Header {
    identifier: std::ops::Range<usize>,
    constructed: bool,
    content: usize,
    length: Option<usize>,
}

fn header(input: &[u8], at: usize) -> Result<Header, String> {
    let cut = |what: &str| format!("cut short in {what} at byte {at}");
    let first = *input.get(at).ok_or_else(|| cut("a tag"))?;
    let mut p = at + 1;
    if first & 0x1f == 0x1f {
        // High tag number: base-128 digits, the last without bit 8.
        loop {
            let b = *input.get(p).ok_or_else(|| cut("a tag"))?;
            p += 1;
            if b & 0x80 == 0 {
                break;
            }
            if p - at > 6 {
                return Err(format!("a tag number too large at byte {at}"));
            }
        }
    }
    let identifier = at..p;
    let l = *input.get(p).ok_or_else(|| cut("a length"))?;
    p += 1;
    let length = match l {
        0x80 => None,
        0..=0x7f => Some(usize::from(l)),
        0xff => return Err(format!("a reserved length byte at byte {}", p - 1)),
        _ => {
            let n = usize::from(l & 0x7f);
            if n > 8 {
                return Err(format!("a length of {n} bytes at byte {}", p - 1));
            }
            let bytes = input.get(p..p + n).ok_or_else(|| cut("a length"))?;
            p += n;
            let mut v: u64 = 0;
            for &b in bytes {
                v = (v << 8) | u64::from(b);
            }
            Some(usize::try_from(v).map_err(|_| format!("a length too large at byte {at}"))?)
        }
    };
    Ok(Header {
        identifier,
        constructed: first & 0x20 != 0,
        content: p,
        length,
    })
}

/// Appends the DER of the value at `at` to `out`; returns where it ends.
fn value(input: &[u8], at: usize, depth: usize, out: &mut Vec<u8>) -> Result<usize, String> {
    if depth > MAX_DEPTH {
        return Err(format!("nested more than {MAX_DEPTH} deep at byte {at}"));
    }
    let h = header(input, at)?;
    if !h.constructed {
        let len = h
            .length
            .ok_or_else(|| format!("a primitive value with an indefinite length at byte {at}"))?;
        let end = h
            .content
            .checked_add(len)
            .filter(|&e| e <= input.len())
            .ok_or_else(|| {
                format!(
                    "cut short: a value at byte {at} needs {len} bytes, {} remain",
                    input.len().saturating_sub(h.content)
                )
            })?;
        out.extend_from_slice(&input[h.identifier.clone()]);
        push_length(out, len);
        out.extend_from_slice(&input[h.content..end]);
        return Ok(end);
    }
    // Constructed: re-encode the children, then write the header before them.
    let mut children = Vec::new();
    let mut p = h.content;
    let end = match h.length {
        Some(len) => {
            let end = h
                .content
                .checked_add(len)
                .filter(|&e| e <= input.len())
                .ok_or_else(|| {
                    format!(
                        "cut short: a value at byte {at} needs {len} bytes, {} remain",
                        input.len().saturating_sub(h.content)
                    )
                })?;
            while p < end {
                p = value(&input[..end], p, depth + 1, &mut children)?;
            }
            end
        }
        None => loop {
            match input.get(p..p + 2) {
                Some([0, 0]) => break p + 2,
                Some(_) => p = value(input, p, depth + 1, &mut children)?,
                None => return Err(format!("cut short: the value at byte {at} has no end")),
            }
        },
    };
    if input[h.identifier.start] == OCTET_STRING_CONSTRUCTED {
        // DER has no constructed strings: join the chunks' contents.
        let joined = chunk_contents(&children)?;
        out.push(OCTET_STRING);
        push_length(out, joined.len());
        out.extend_from_slice(&joined);
    } else {
        out.extend_from_slice(&input[h.identifier.clone()]);
        push_length(out, children.len());
        out.extend_from_slice(&children);
    }
    Ok(end)
}

/// The contents of the (already DER) OCTET STRING chunks, joined.
fn chunk_contents(der: &[u8]) -> Result<Vec<u8>, String> {
    let mut joined = Vec::new();
    let mut p = 0;
    while p < der.len() {
        let h = header(der, p)?;
        if der[p] != OCTET_STRING {
            return Err(format!(
                "a chunked OCTET STRING holds a value of tag 0x{:02x}",
                der[p]
            ));
        }
        let len = h.length.unwrap_or(0);
        let end = h.content + len;
        joined.extend_from_slice(&der[h.content..end]);
        p = end;
    }
    Ok(joined)
}

fn push_length(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
        return;
    }
    let bytes = len.to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    out.push(0x80 | (bytes.len() - skip) as u8);
    out.extend_from_slice(&bytes[skip..]);
}

#[cfg(test)]
mod tests {
    use super::to_der;

    #[test]
    fn indefinite_lengths_become_definite() {
        // SEQUENCE (indefinite) { INTEGER 5, [0] (indefinite) { OCTET STRING chunks "ab" "c" } }
        let ber = [
            0x30, 0x80, 0x02, 0x01, 0x05, 0xa0, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04,
            0x01, b'c', 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];
        let der = to_der(&ber).unwrap();
        assert_eq!(
            der,
            [
                0x30, 0x0a, 0x02, 0x01, 0x05, 0xa0, 0x05, 0x04, 0x03, b'a', b'b', b'c'
            ]
        );
    }

    #[test]
    fn der_is_unchanged_and_damage_is_named() {
        let der = [0x30, 0x03, 0x02, 0x01, 0x05];
        assert_eq!(to_der(&der).unwrap(), der);
        let cut = to_der(&der[..4]).unwrap_err();
        assert!(cut.contains("cut short"), "{cut}");
        let extra = to_der(&[0x30, 0x03, 0x02, 0x01, 0x05, 0x00]).unwrap_err();
        assert!(extra.contains("follow the end"), "{extra}");
        // A long-form length must not overflow.
        assert!(to_der(&[0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).is_err());
        // Deep nesting is refused, not a stack overflow.
        let deep: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 10_000)
            .flatten()
            .collect();
        assert!(to_der(&deep).is_err());
    }
}
