//! Compressed RTF (MS-OXRTFCP, "LZFu"): how Outlook stores a rich-text
//! body in `PR_RTF_COMPRESSED`, e.g. inside `winmail.dat`. A 16-byte
//! header (compressed size, raw size, type, CRC), then runs of one control
//! byte and eight literal bytes or 2-byte references into a 4 KiB ring
//! dictionary that starts with a fixed RTF preamble.
//!
//! Why our own: no maintained crate reads it, and the format is a few
//! dozen lines. Fails closed: a wrong CRC, an unknown type or data that
//! ends early is an error; output is capped by the caller's budget.

/// The dictionary's initial contents (MS-OXRTFCP 2.1.2.1).
const PREBUF: &[u8] = b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \
\\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier\
{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

const DICT: usize = 4096;
const LZFU: u32 = 0x7546_5A4C; // "LZFu": compressed
const MELA: u32 = 0x414C_454D; // "MELA": stored as is

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum LzfuError {
    #[error("compressed RTF header is damaged")]
    Header,
    #[error("compressed RTF checksum does not match")]
    Crc,
    #[error("compressed RTF is truncated")]
    Truncated,
    #[error("compressed RTF is larger than the extraction limit")]
    TooLarge,
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(i..i + 4)?.try_into().ok()?))
}

/// The CRC of MS-OXRTFCP 2.1.3.2: the usual CRC-32 table, but starting at
/// zero and without the final inversion. crc32fast keeps its state
/// inverted, so start it at !0 and invert its result.
fn crc(data: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(0xFFFF_FFFF);
    h.update(data);
    !h.finalize()
}

/// Decompress `data` (the whole property value) to RTF bytes, at most `cap`.
pub fn decompress(data: &[u8], cap: usize) -> Result<Vec<u8>, LzfuError> {
    let comp_size = u32_at(data, 0).ok_or(LzfuError::Header)? as usize;
    let raw_size = u32_at(data, 4).ok_or(LzfuError::Header)? as usize;
    let kind = u32_at(data, 8).ok_or(LzfuError::Header)?;
    let want_crc = u32_at(data, 12).ok_or(LzfuError::Header)?;
    let body_len = comp_size.checked_sub(12).ok_or(LzfuError::Header)?;
    let body = data.get(16..).ok_or(LzfuError::Header)?;
    let body = body.get(..body_len).ok_or(LzfuError::Truncated)?;
    if raw_size > cap {
        return Err(LzfuError::TooLarge);
    }
    match kind {
        MELA => {
            return Ok(body
                .get(..raw_size.min(body.len()))
                .unwrap_or(body)
                .to_vec())
        }
        LZFU => {}
        _ => return Err(LzfuError::Header),
    }
    if crc(body) != want_crc {
        return Err(LzfuError::Crc);
    }
    let mut dict = [0u8; DICT];
    for (slot, &b) in dict.iter_mut().zip(PREBUF) {
        *slot = b;
    }
    let mut write = PREBUF.len();
    let mut out = Vec::with_capacity(raw_size);
    let mut input = body.iter().copied();
    fn put(b: u8, dict: &mut [u8; DICT], out: &mut Vec<u8>, write: &mut usize) {
        out.push(b);
        if let Some(slot) = dict.get_mut(*write) {
            *slot = b;
        }
        *write = (*write + 1) % DICT;
    }
    while let Some(control) = input.next() {
        for bit in 0..8 {
            if control & (1 << bit) == 0 {
                let Some(b) = input.next() else {
                    return Ok(out); // data may end inside the last run
                };
                put(b, &mut dict, &mut out, &mut write);
            } else {
                let (Some(hi), Some(lo)) = (input.next(), input.next()) else {
                    return Err(LzfuError::Truncated);
                };
                let word = (usize::from(hi) << 8) | usize::from(lo);
                let offset = word >> 4;
                let len = (word & 0xF) + 2;
                if offset == write {
                    return Ok(out); // the end marker
                }
                for i in 0..len {
                    let b = dict.get((offset + i) % DICT).copied().unwrap_or(0);
                    put(b, &mut dict, &mut out, &mut write);
                }
            }
            if out.len() > cap {
                return Err(LzfuError::TooLarge);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod build {
    //! A literal-only compressor: valid LZFu that Outlook reads too.
    pub fn compress(rtf: &[u8]) -> Vec<u8> {
        let mut body = Vec::new();
        let mut write = super::PREBUF.len();
        for chunk in rtf.chunks(8) {
            body.push(0);
            body.extend_from_slice(chunk);
            write = (write + chunk.len()) % super::DICT;
        }
        // The end marker: a reference to the current write position.
        let end = (write << 4) as u16;
        if rtf.len() % 8 == 0 {
            body.push(1);
        } else {
            let last = body.len() - (rtf.len() % 8) - 1;
            body[last] |= 1 << (rtf.len() % 8);
        }
        body.extend_from_slice(&end.to_be_bytes());
        let mut out = ((body.len() + 12) as u32).to_le_bytes().to_vec();
        out.extend_from_slice(&(rtf.len() as u32).to_le_bytes());
        out.extend_from_slice(&super::LZFU.to_le_bytes());
        out.extend_from_slice(&super::crc(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preamble_is_the_specified_length() {
        assert_eq!(PREBUF.len(), 207);
    }

    /// MS-OXRTFCP 3.1.1, "Compressing a simple string".
    #[test]
    fn specification_example_decompresses() {
        let data: [u8; 49] = [
            0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5,
            0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42,
            0x32, 0x0a, 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xb0,
            0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f, 0xa0,
        ];
        let out = decompress(&data, 1 << 20).unwrap();
        assert_eq!(out, b"{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
        let mut bad = data;
        bad[20] ^= 1;
        assert_eq!(decompress(&bad, 1 << 20), Err(LzfuError::Crc));
        assert_eq!(decompress(&data[..30], 1 << 20), Err(LzfuError::Truncated));
        assert_eq!(decompress(&data, 10), Err(LzfuError::TooLarge));
        assert_eq!(decompress(b"\x01\x00", 100), Err(LzfuError::Header));
    }

    #[test]
    fn literal_only_stream_round_trips() {
        for n in [0usize, 1, 7, 8, 9, 100] {
            let rtf: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            assert_eq!(
                decompress(&build::compress(&rtf), 1 << 20).unwrap(),
                rtf,
                "{n}"
            );
        }
    }
}
