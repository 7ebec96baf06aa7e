//! PDF bytes read before or beside the parser: stream filters decoded with
//! an output cap, the nesting depth that decides whether a PDF may be
//! parsed at all, filter names from a raw dictionary, and the structure
//! streams inflated with a cap before lopdf inflates them. Used by `pdf`
//! (pages) and `pdf_objects` (what lies outside the pages).

use std::io::Read;

/// Decode a stream's filters, with an output cap. Returns `Err` for an
/// unsupported filter or when the cap is hit; `Ok((bytes, last_filter))`
/// stops before image filters (DCT/JPX/CCITT), returned as `last_filter`.
pub fn decode_stream(
    stream: &lopdf::Stream,
    cap: u64,
) -> Result<(Vec<u8>, Option<String>), String> {
    let filters = stream.filters().unwrap_or_default();
    let mut data = stream.content.clone();
    for f in filters {
        data = match f.as_str() {
            "FlateDecode" | "Fl" => {
                let mut out = Vec::new();
                let mut dec = flate2::read::ZlibDecoder::new(data.as_slice());
                match dec
                    .by_ref()
                    .take(cap.saturating_add(1))
                    .read_to_end(&mut out)
                {
                    Ok(_) => {}
                    // Truncated streams: keep what was decoded.
                    Err(_) if !out.is_empty() => {}
                    Err(_) => return Err("corrupt compressed stream".into()),
                }
                if out.len() as u64 > cap {
                    return Err("stream decompression limit".into());
                }
                out
            }
            "ASCII85Decode" | "A85" => ascii85(&data),
            "ASCIIHexDecode" | "AHx" => ascii_hex(&data),
            "DCTDecode" | "DCT" | "JPXDecode" | "CCITTFaxDecode" | "CCF" | "JBIG2Decode" => {
                return Ok((data, Some(f)));
            }
            other => return Err(format!("unsupported stream filter {other}")),
        };
    }
    Ok((data, None))
}

fn ascii_hex(input: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = input
        .iter()
        .take_while(|&&b| b != b'>')
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|c| (c.first().copied().unwrap_or(0) << 4) | c.get(1).copied().unwrap_or(0))
        .collect()
}

fn ascii85(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() * 4 / 5);
    let mut group = [0u32; 5];
    let mut n = 0usize;
    let body = input.strip_prefix(b"<~").unwrap_or(input);
    for &b in body {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                if let Some(slot) = group.get_mut(n) {
                    *slot = u32::from(b - b'!');
                }
                n += 1;
                if n == 5 {
                    let v = group
                        .iter()
                        .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let v = group
            .iter()
            .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
        out.extend_from_slice(v.to_be_bytes().get(..n - 1).unwrap_or(&[]));
    }
    out
}

/// Deepest nesting of arrays and dictionaries outside stream data. The
/// PDF parser recurses on nesting, so very deep input is refused before it
/// is parsed (a stack overflow cannot be caught).
pub fn max_nesting(data: &[u8]) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0usize;
    while let Some(&b) = data.get(i) {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'<' if data.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b's' if data.get(i..i + 6) == Some(b"stream".as_slice())
                && matches!(data.get(i + 6), Some(b'\r') | Some(b'\n')) =>
            {
                match data.get(i..).and_then(|d| find(d, b"endstream")) {
                    Some(end) => i += end + 9,
                    None => break,
                }
                continue;
            }
            _ => {}
        }
        max = max.max(depth);
        i += 1;
    }
    max
}

pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Filter names of a stream from the raw dictionary text before `stream`.
pub(super) fn raw_filters(dict: &str) -> Vec<String> {
    let Some(f) = dict.rfind("/Filter") else {
        return Vec::new();
    };
    let rest = dict.get(f + 7..).unwrap_or("").trim_start();
    let list = if let Some(r) = rest.strip_prefix('[') {
        r.split(']').next().unwrap_or("")
    } else {
        rest.split(|c: char| c.is_whitespace() || c == '>')
            .find(|t| !t.is_empty())
            .unwrap_or("")
    };
    list.split('/')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// Object streams (`/ObjStm`) and cross-reference streams (`/XRef`) are the
/// streams lopdf decompresses on its own during `load_mem`. Inflate each one
/// here first with a cap: `cap(compressed_len)` per stream, and
/// `cap(file_len)` for all of them together, so a deflate bomb hidden in the
/// file's structure cannot exhaust memory. Streams that do not inflate are
/// left for lopdf to reject.
pub(super) fn structure_streams_within(
    data: &[u8],
    cap: impl Fn(u64) -> u64,
) -> Result<(), &'static str> {
    const DICT_WINDOW: usize = 4096;
    let total_cap = cap(data.len() as u64);
    let mut total = 0u64;
    let mut from = 0usize;
    while let Some(at) = find_either(data, from, b"/ObjStm", b"/XRef") {
        from = at + 5;
        let window_end = data.len().min(at + DICT_WINDOW);
        let Some(window) = data.get(at..window_end) else {
            break;
        };
        let Some(kw) = find(window, b"stream") else {
            continue;
        };
        let mut start = at + kw + b"stream".len();
        if data.get(start) == Some(&b'\r') {
            start += 1;
        }
        if data.get(start) == Some(&b'\n') {
            start += 1;
        }
        let Some(rest) = data.get(start..) else {
            break;
        };
        let end = find(rest, b"endstream").map_or(data.len(), |e| start + e);
        let Some(compressed) = data.get(start..end) else {
            continue;
        };
        let stream_cap = cap(compressed.len() as u64).min(total_cap.saturating_sub(total));
        let mut sink = std::io::sink();
        let mut dec = flate2::read::ZlibDecoder::new(compressed).take(stream_cap.saturating_add(1));
        let inflated = std::io::copy(&mut dec, &mut sink).unwrap_or(0);
        if inflated > stream_cap {
            return Err("PDF object stream above the decompression limit");
        }
        total += inflated;
        from = end.max(from);
    }
    Ok(())
}

fn find_either(hay: &[u8], from: usize, a: &[u8], b: &[u8]) -> Option<usize> {
    let rest = hay.get(from..)?;
    rest.windows(a.len().max(b.len()))
        .position(|w| w.starts_with(a) || w.starts_with(b))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_read_from_raw_dictionaries() {
        assert_eq!(
            raw_filters("<< /Filter [ /ASCII85Decode /FlateDecode ] /Length 4 >>"),
            vec!["ASCII85Decode", "FlateDecode"]
        );
        assert_eq!(
            raw_filters("<< /Length 4 /Filter /FlateDecode>>"),
            vec!["FlateDecode"]
        );
        assert!(raw_filters("<< /Length 4 >>").is_empty());
    }

    #[test]
    fn nesting_is_measured_outside_streams() {
        assert_eq!(max_nesting(b"<< /A [ [ 1 ] ] >>"), 3);
        assert_eq!(
            max_nesting(b"1 0 obj << >> stream\n[[[[[[\nendstream [ ]"),
            1
        );
        assert_eq!(max_nesting(&vec![b'['; 100_000]), 100_000);
    }

    #[test]
    fn ascii85_and_hex_decode() {
        assert_eq!(
            ascii85(br"<~6<#'U87?=ND]j78Eb0&t+>GW-.3MT)+@T6Q~>"),
            b"BT (Hallo wereld 123) Tj ET!"
        );
        assert_eq!(ascii_hex(b"48 61 6C6C6F>"), b"Hallo");
    }
}
