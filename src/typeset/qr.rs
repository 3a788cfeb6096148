//! QR codes as the typesetter places them: the letter's QR requisite at
//! the lower right of page 1 (ГОСТ Р 7.0.97-2025) and the signature
//! card's codes. A code is a set of dark squares, drawn by both writers as
//! filled rectangles: never text, so it does not copy out, and the PDF
//! marks it as an artifact.

use std::sync::OnceLock;

use qrcode::{Color, EcLevel, QrCode, Version};

use super::page::MM;

/// The requisite's side, the symbol without its quiet zone: large enough
/// for a phone to read a link at arm's length, small enough to take only
/// the corner of the page.
pub const REQUISITE_SIDE: f32 = 20.0 * MM;
/// Free space above the requisite, between it and the text: more than the
/// four modules of quiet zone a reader needs.
pub const REQUISITE_GAP: f32 = 5.0 * MM;
/// The largest version the requisite may have: 57 modules over 20 mm are
/// 0.35 mm each, the smallest an office printer and a phone camera handle
/// reliably.
const REQUISITE_MAX_VERSION: i16 = 10;

/// A QR code placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct QrMark {
    /// The symbol's top-left corner (its quiet zone lies outside), from
    /// the page's top-left corner, in points.
    pub x: f32,
    pub y: f32,
    /// The side of one module.
    pub module: f32,
    /// Modules per side.
    pub width: usize,
    /// The dark modules, as runs along a row: `(row, first column, count)`.
    pub runs: Vec<(u16, u16, u16)>,
}

impl QrMark {
    /// The side of the symbol.
    pub fn side(&self) -> f32 {
        self.module * self.width as f32
    }

    /// The dark rectangles: `(x, y, width, height)` on the page.
    pub fn rects(&self) -> impl Iterator<Item = (f32, f32, f32, f32)> + '_ {
        self.runs.iter().map(|&(row, col, n)| {
            (
                self.x + f32::from(col) * self.module,
                self.y + f32::from(row) * self.module,
                f32::from(n) * self.module,
                self.module,
            )
        })
    }
}

/// A code's modules, before it is placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    pub width: usize,
    pub runs: Vec<(u16, u16, u16)>,
}

impl Symbol {
    /// The symbol with side `side`, its top-left corner at `(x, y)`.
    pub fn place(&self, x: f32, y: f32, side: f32) -> QrMark {
        QrMark {
            x,
            y,
            module: side / self.width as f32,
            width: self.width,
            runs: self.runs.clone(),
        }
    }
}

/// `data` does not fit a code of the version allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    pub bytes: usize,
    pub most: usize,
}

/// The smallest code of at most version `max_version`, error correction
/// level M (15 %), that holds `data`.
pub fn encode(data: &[u8], max_version: i16) -> Result<Symbol, TooLong> {
    let too_long = || TooLong {
        bytes: data.len(),
        most: capacity(max_version),
    };
    // The crate's mixed-mode segmentation usually gives the smallest code,
    // but is not optimal on every text: where it overshoots, byte mode,
    // which [`capacity`] counts in, still fits anything within capacity.
    let code = QrCode::with_error_correction_level(data, EcLevel::M)
        .ok()
        .filter(|c| matches!(c.version(), Version::Normal(v) if v <= max_version))
        .or_else(|| (1..=max_version).find_map(|v| in_byte_mode(data, v)))
        .ok_or_else(too_long)?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for (row, line) in colors.chunks(width).enumerate() {
        let mut col = 0;
        while col < width {
            if line[col] == Color::Dark {
                let start = col;
                while col < width && line[col] == Color::Dark {
                    col += 1;
                }
                // At most 177 modules a side: the numbers fit u16.
                runs.push((row as u16, start as u16, (col - start) as u16));
            } else {
                col += 1;
            }
        }
    }
    Ok(Symbol { width, runs })
}

/// `data` as one byte-mode segment in a code of `version`, if it fits.
fn in_byte_mode(data: &[u8], version: i16) -> Option<QrCode> {
    let mut bits = qrcode::bits::Bits::new(Version::Normal(version));
    bits.push_byte_data(data).ok()?;
    bits.push_terminator(EcLevel::M).ok()?;
    QrCode::with_bits(bits, EcLevel::M).ok()
}

/// The most bytes a code of version `version`, level M, holds (in byte
/// mode, which any text may need).
pub fn capacity(version: i16) -> usize {
    // The largest n for which n bytes of byte-mode data (lower-case letters
    // are never packed tighter) fit the version.
    let fits = |n: usize| {
        QrCode::with_version(vec![b'a'; n], Version::Normal(version), EcLevel::M).is_ok()
    };
    let (mut lo, mut hi) = (0usize, 4096usize);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// The most bytes the letter's QR requisite holds.
pub fn requisite_capacity() -> usize {
    static CAPACITY: OnceLock<usize> = OnceLock::new();
    *CAPACITY.get_or_init(|| capacity(REQUISITE_MAX_VERSION))
}

/// The requisite's code for `text`.
pub fn requisite(text: &str) -> Result<Symbol, TooLong> {
    encode(text.as_bytes(), REQUISITE_MAX_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_requisite_holds_the_bytes_the_schema_promises() {
        // letter/schema.rs says "At most 213 bytes".
        assert_eq!(requisite_capacity(), 213);
        assert!(requisite(&"a".repeat(213)).is_ok());
        assert_eq!(
            requisite(&"a".repeat(214)),
            Err(TooLong {
                bytes: 214,
                most: 213
            })
        );
    }

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let code =
            QrCode::with_error_correction_level(b"https://example.kz/d/1", EcLevel::M).unwrap();
        let s = requisite("https://example.kz/d/1").unwrap();
        assert_eq!(s.width, code.width());
        let mut dark = vec![false; s.width * s.width];
        for &(row, col, n) in &s.runs {
            for c in col..col + n {
                let cell = &mut dark[usize::from(row) * s.width + usize::from(c)];
                assert!(!*cell, "runs do not overlap");
                *cell = true;
            }
        }
        let expected: Vec<bool> = code.to_colors().iter().map(|c| *c == Color::Dark).collect();
        assert_eq!(dark, expected);
    }

    #[test]
    fn a_placed_code_spans_its_side() {
        let m = requisite("x").unwrap().place(10.0, 20.0, REQUISITE_SIDE);
        assert!((m.side() - REQUISITE_SIDE).abs() < 1e-3);
        for (x, y, w, h) in m.rects() {
            assert!(x >= 10.0 && y >= 20.0, "{x} {y}");
            assert!(x + w <= 10.0 + REQUISITE_SIDE + 1e-3 && y + h <= 20.0 + REQUISITE_SIDE + 1e-3);
        }
    }
}
