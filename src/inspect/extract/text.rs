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
    // Text in an 8-bit encoding never holds NUL, and Dutch or English text
    // in windows-1252 has only a few bytes above 0x7F (accents, quotes);
    // a file mostly made of them is a binary format nobody named.
    if sample.contains(&0) {
        return false;
    }
    // (A sample cut inside a UTF-8 sequence is still UTF-8.)
    let utf8 = match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    if !utf8 && high * 10 > sample.len() * 3 {
        return false;
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
        // Binary formats nobody named are not text: NUL bytes, or mostly
        // bytes above 0x7F that are not UTF-8 (a spirometry export).
        let mut spx = b"SPX\x02".to_vec();
        spx.extend(std::iter::repeat_n(0x84u8, 400));
        assert!(!looks_like_text(&spx));
        assert!(!looks_like_text(
            b"abc\0def ghi jkl mno pqr stu vwx yz abc def ghi jkl"
        ));
        assert!(looks_like_text("Zoë en André, café crème".as_bytes()));
        assert!(looks_like_text(b"Zo\xEB en Andr\xE9, caf\xE9 cr\xE8me"));
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
    let text = unfolded
        .replace("\\n", "\n")
        .replace("\\N", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";");
    if head.contains("BEGIN:VCARD") {
        label_vcard(&text)
    } else {
        text
    }
}

/// A vCard says who someone is in property names (`FN`, `BDAY`, `ADR`),
/// which no detector reads as labels: write them as the labels a letter
/// would use ("Naam:", "Geboortedatum:", "Adres:", "Telefoon:").
fn label_vcard(text: &str) -> String {
    // A business card (an organisation or job title, no birthday) gives a
    // work address and phone: contact details, not a person's home.
    let property = |line: &str| {
        line.split([':', ';'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_uppercase()
    };
    let business = text
        .lines()
        .any(|l| matches!(property(l).as_str(), "ORG" | "TITLE"))
        && !text.lines().any(|l| property(l) == "BDAY");
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        let Some((property, value)) = line.split_once(':') else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let name = property
            .split(';')
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let labelled = match name.as_str() {
            "FN" => format!("Naam: {value}"),
            "BDAY" => format!("Geboortedatum: {}", vcard_date(value)),
            "ADR" | "TEL" if business => value.replace(';', " "),
            "ADR" => {
                // PO box; extended; street; locality; region; postal code; country
                let f: Vec<&str> = value.split(';').map(str::trim).collect();
                let at = |i: usize| f.get(i).copied().unwrap_or("");
                format!("Adres: {}, {} {}", at(2), at(5), at(3))
            }
            "TEL" => format!("Telefoon: {value}"),
            "BEGIN" | "END" | "VERSION" | "PRODID" | "UID" | "REV" => continue,
            _ => value.to_string(),
        };
        out.push_str(&labelled);
        out.push('\n');
    }
    out
}

/// `19921103` as `1992-11-03`; other forms unchanged.
fn vcard_date(value: &str) -> String {
    let v = value.trim();
    match (v.len(), v.get(..4), v.get(4..6), v.get(6..8)) {
        (8, Some(y), Some(m), Some(d)) if v.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{y}-{m}-{d}")
        }
        _ => v.to_string(),
    }
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

    #[test]
    fn a_business_card_gives_no_home_address_or_phone() {
        let vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Karin de Leeuw\r\nORG:MedSupply B.V.\r\nTITLE:Accountmanager\r\nADR;TYPE=work:;;Industrieweg 4;Ede;;6711 AB;NL\r\nTEL;TYPE=work:0318-123456\r\nEND:VCARD\r\n";
        let text = unfold_calendar(vcf.to_string());
        assert!(text.contains("Naam: Karin de Leeuw"), "{text}");
        assert!(
            !text.contains("Adres:") && !text.contains("Telefoon:"),
            "{text}"
        );
    }

    #[test]
    fn vcard_properties_become_labels() {
        let vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Visser\r\nBDAY:19921103\r\nADR;TYPE=home:;;Dorpsstraat 1;Ede;;6711 AB;NL\r\nTEL;TYPE=cell:06-12345678\r\nNOTE:Allergie penicilline\r\nEND:VCARD\r\n";
        let t = unfold_calendar(vcf.to_string());
        for line in [
            "Naam: Anna Visser",
            "Geboortedatum: 1992-11-03",
            "Adres: Dorpsstraat 1, 6711 AB Ede",
            "Telefoon: 06-12345678",
            "Allergie penicilline",
        ] {
            assert!(t.lines().any(|l| l == line), "{line} in {t}");
        }
    }
}
