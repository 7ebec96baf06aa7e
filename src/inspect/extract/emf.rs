//! Text of EMF pictures (MS-EMF, with EMF+ records in comments): Word
//! and Excel put pasted charts, Visio drawings and object previews in
//! `media/` as EMF, and their words are text records, not pixels.
//!
//! Read: EMR_EXTTEXTOUTW/A, EMR_SMALLTEXTOUT and EMF+ DrawString. A
//! picture that also holds bitmaps (BitBlt, StretchDIBits, AlphaBlend,
//! EMF+ images) may show text as pixels, which is not read here: `Err`,
//! and the caller makes the part unscannable. So does a damaged record.

/// What an EMF holds, as far as text goes.
pub type EmfText = Result<String, &'static str>;

fn u32_at(d: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(d.get(i..i.checked_add(4)?)?.try_into().ok()?) as usize)
}
fn u16_at(d: &[u8], i: usize) -> Option<usize> {
    Some(usize::from(u16::from_le_bytes(
        d.get(i..i.checked_add(2)?)?.try_into().ok()?,
    )))
}

fn utf16(d: &[u8]) -> String {
    let units: Vec<u16> = d
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// True when `data` starts with an EMF header record.
pub fn is_emf(data: &[u8]) -> bool {
    u32_at(data, 0) == Some(1) && data.get(40..44) == Some(b" EMF")
}

/// Record types that draw bitmaps (MS-EMF 2.1.1).
const BITMAP_RECORDS: [usize; 8] = [76, 77, 78, 79, 80, 81, 114, 116];

/// The text of an EMF picture, or why it cannot be read.
pub fn text(data: &[u8]) -> EmfText {
    if !is_emf(data) {
        return Err("not an EMF picture");
    }
    let mut out = String::new();
    let mut at = 0usize;
    let mut ended = false;
    while at < data.len() {
        let (Some(kind), Some(size)) = (u32_at(data, at), u32_at(data, at + 4)) else {
            return Err("damaged EMF picture");
        };
        if size < 8 || size % 4 != 0 {
            return Err("damaged EMF picture");
        }
        let rec = data
            .get(at..at.checked_add(size).ok_or("damaged EMF picture")?)
            .ok_or("damaged EMF picture")?;
        match kind {
            14 => {
                ended = true; // EMR_EOF
                break;
            }
            83 | 84 => {
                // EMR_EXTTEXTOUTA/W: EmrText at 36: chars at +8, offString at +12.
                let chars = u32_at(rec, 44).ok_or("damaged EMF picture")?;
                let off = u32_at(rec, 48).ok_or("damaged EMF picture")?;
                let width = if kind == 84 { 2 } else { 1 };
                let end = chars
                    .checked_mul(width)
                    .and_then(|n| n.checked_add(off))
                    .ok_or("damaged EMF picture")?;
                let s = rec.get(off..end).ok_or("damaged EMF picture")?;
                if kind == 84 {
                    out.push_str(&utf16(s));
                } else {
                    out.push_str(&encoding_rs::WINDOWS_1252.decode(s).0);
                }
                out.push('\n');
            }
            108 => {
                // EMR_SMALLTEXTOUT: x, y, cChars, fuOptions, mode, scales,
                // an optional bounds rectangle, then 8-bit or UTF-16 text.
                let chars = u32_at(rec, 16).ok_or("damaged EMF picture")?;
                let options = u32_at(rec, 20).ok_or("damaged EMF picture")?;
                let off: usize = if options & 0x100 != 0 { 36 } else { 52 };
                let small = options & 0x200 != 0;
                let len = if small {
                    chars
                } else {
                    chars.saturating_mul(2)
                };
                let s = rec
                    .get(off..off.saturating_add(len))
                    .ok_or("damaged EMF picture")?;
                if small {
                    out.push_str(&encoding_rs::WINDOWS_1252.decode(s).0);
                } else {
                    out.push_str(&utf16(s));
                }
                out.push('\n');
            }
            70 if rec.get(12..16) == Some(b"EMF+") => {
                emf_plus(rec.get(16..).unwrap_or(b""), &mut out)?
            }
            k if BITMAP_RECORDS.contains(&k) => {
                return Err("picture with a bitmap inside (EMF) is not read");
            }
            _ => {}
        }
        at += size;
    }
    if !ended {
        return Err("truncated EMF picture");
    }
    Ok(out)
}

/// EMF+ records inside one EMR_COMMENT: DrawString text; images refused.
fn emf_plus(d: &[u8], out: &mut String) -> Result<(), &'static str> {
    let mut at = 0usize;
    while at + 12 <= d.len() {
        let kind = u16_at(d, at).ok_or("damaged EMF+ record")?;
        let size = u32_at(d, at + 4).ok_or("damaged EMF+ record")?;
        if size < 12 {
            return Err("damaged EMF+ record");
        }
        let rec = d
            .get(at..at.saturating_add(size))
            .ok_or("damaged EMF+ record")?;
        match kind {
            // DrawString: brush, format, length, layout rectangle, text.
            0x401C => {
                let chars = u32_at(rec, 20).ok_or("damaged EMF+ record")?;
                let s = rec
                    .get(40..40usize.saturating_add(chars.saturating_mul(2)))
                    .ok_or("damaged EMF+ record")?;
                out.push_str(&utf16(s));
                out.push('\n');
            }
            // DrawImage, DrawImagePoints: pixels.
            0x401A | 0x401B => return Err("picture with a bitmap inside (EMF+) is not read"),
            _ => {}
        }
        at += size;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod build {
    /// An EMF with one EMR_EXTTEXTOUTW record per string.
    pub fn emf(texts: &[&str]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut header = vec![0u8; 88];
        header[0..4].copy_from_slice(&1u32.to_le_bytes());
        header[4..8].copy_from_slice(&88u32.to_le_bytes());
        header[40..44].copy_from_slice(b" EMF");
        out.extend_from_slice(&header);
        for t in texts {
            let units: Vec<u8> = t.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let off = 76usize;
            let size = (off + units.len()).div_ceil(4) * 4;
            let mut rec = vec![0u8; size];
            rec[0..4].copy_from_slice(&84u32.to_le_bytes());
            rec[4..8].copy_from_slice(&(size as u32).to_le_bytes());
            rec[44..48].copy_from_slice(&(t.encode_utf16().count() as u32).to_le_bytes());
            rec[48..52].copy_from_slice(&(off as u32).to_le_bytes());
            rec[off..off + units.len()].copy_from_slice(&units);
            out.extend_from_slice(&rec);
        }
        let mut eof = vec![0u8; 20];
        eof[0..4].copy_from_slice(&14u32.to_le_bytes());
        eof[4..8].copy_from_slice(&20u32.to_le_bytes());
        out.extend_from_slice(&eof);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_records_are_read_and_bitmaps_refused() {
        let e = build::emf(&["BSN", "111222333"]);
        assert_eq!(text(&e).unwrap(), "BSN\n111222333\n");
        let mut with_bitmap = e.clone();
        let eof = with_bitmap.split_off(with_bitmap.len() - 20);
        let mut rec = vec![0u8; 16];
        rec[0..4].copy_from_slice(&81u32.to_le_bytes());
        rec[4..8].copy_from_slice(&16u32.to_le_bytes());
        with_bitmap.extend_from_slice(&rec);
        with_bitmap.extend_from_slice(&eof);
        assert!(text(&with_bitmap).is_err());
        assert!(text(&e[..e.len() - 30]).is_err(), "truncated");
        assert!(text(b"not an emf").is_err());
    }
}
