//! Plain-text decoding: BOM, UTF-8, UTF-16 (with or without BOM), else
//! windows-1252 (a superset of iso-8859-1 for printable text).
//!
//! Pure; never fails (undecodable bytes become U+FFFD).

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// True when the bytes look like text in some common encoding.
pub fn looks_like_text(data: &[u8]) -> bool {
    let sample = data.get(..data.len().min(8192)).unwrap_or(data);
    if sample.is_empty() {
        return true;
    }
    if utf16_order(sample).is_some() {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 100 <= sample.len()
}

/// Some(true) for little-endian UTF-16, Some(false) for big-endian.
fn utf16_order(sample: &[u8]) -> Option<bool> {
    if sample.starts_with(&[0xFF, 0xFE]) {
        return Some(true);
    }
    if sample.starts_with(&[0xFE, 0xFF]) {
        return Some(false);
    }
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 10 >= pairs * 7 && zero_even * 10 < pairs {
        Some(true)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

/// Decode bytes of unknown charset to text.
pub fn decode(data: &[u8]) -> String {
    if let Some(rest) = data.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(le) = utf16_order(data.get(..data.len().min(8192)).unwrap_or(data)) {
        let enc = if le { UTF_16LE } else { UTF_16BE };
        let (text, _, _) = enc.decode(data);
        return text.trim_start_matches('\u{feff}').to_string();
    }
    match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => WINDOWS_1252.decode(data).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_are_recognised() {
        assert_eq!(decode("Patiënt".as_bytes()), "Patiënt");
        assert_eq!(decode(b"Pati\xebnt"), "Patiënt");
        let utf16: Vec<u8> = "BSN 123"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&utf16), "BSN 123");
        let mut bom = vec![0xFE, 0xFF];
        bom.extend("Zoë".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&bom), "Zoë");
    }
}

/// iCalendar / vCard: unfold continuation lines and unescape `\n`, `\,`, `\;`
/// so values split by folding read whole. Other text is returned as is.
pub fn unfold_calendar(text: String) -> String {
    let head = text.get(..text.len().min(4096)).unwrap_or("");
    if !head.contains("BEGIN:VCALENDAR") && !head.contains("BEGIN:VCARD") {
        return text;
    }
    let unfolded = text
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "");
    unfolded
        .replace("\\n", "\n")
        .replace("\\N", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
}

#[cfg(test)]
mod calendar_tests {
    use super::*;

    #[test]
    fn folded_ics_values_join() {
        let ics = "BEGIN:VCALENDAR\r\nDESCRIPTION:Patiënt: dhr. B. de Wit\\, Sofinummer: 2895.12\r\n .694\\nReden\r\nEND:VCALENDAR\r\n";
        let t = unfold_calendar(ics.to_string());
        assert!(t.contains("Sofinummer: 2895.12.694\nReden"), "{t}");
        assert_eq!(unfold_calendar("a\n b".into()), "a\n b");
    }
}
