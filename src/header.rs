//! Header fields Sluis writes or changes in a message: the one place that
//! makes a value safe and that replaces or removes fields.
//!
//! Pure functions. Promises: a value Sluis writes never holds CR, LF or
//! another control character (so text taken from a message — a decoded
//! Subject, a Message-ID, a file name — cannot end the field and start one
//! of its own); only the header section is touched; a field's folded
//! continuation lines go with it; the line ending style of the message
//! (CRLF or LF) is kept. A message without a header/body separator is
//! treated as all header.

/// A header field value made safe: every CR, LF and other control
/// character becomes a space.
pub fn header_value(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Does the message use CRLF line endings (else LF)?
pub fn uses_crlf(raw: &[u8]) -> bool {
    raw.windows(2).any(|w| w == b"\r\n")
}

/// `raw` with every `name` field (and its continuation lines) removed and,
/// when `field` is given, that complete field (name, value, line ending)
/// put at the place of the first — or at the end of the header section
/// when there was none.
pub fn replace_field(raw: &[u8], name: &str, field: Option<&[u8]>) -> Vec<u8> {
    let header_end = if raw.starts_with(b"\r\n") || raw.starts_with(b"\n") {
        0 // no header fields at all
    } else {
        find(raw, b"\r\n\r\n")
            .map(|i| i + 2)
            .or_else(|| find(raw, b"\n\n").map(|i| i + 1))
            .unwrap_or(raw.len())
    };
    let (header, body) = raw.split_at(header_end);
    let mut out = Vec::with_capacity(raw.len() + field.map_or(0, <[u8]>::len));
    let mut in_field = false;
    let mut written = field.is_none();
    for line in header.split_inclusive(|b| *b == b'\n') {
        let continuation = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        if continuation && in_field {
            continue;
        }
        in_field = !continuation && is_field(line, name);
        if in_field {
            if let (false, Some(f)) = (written, field) {
                out.extend_from_slice(f);
                written = true;
            }
            continue;
        }
        out.extend_from_slice(line);
    }
    if let (false, Some(f)) = (written, field) {
        out.extend_from_slice(f);
    }
    out.extend_from_slice(body);
    out
}

/// `raw` without any `name` field.
pub fn remove_field(raw: &[u8], name: &str) -> Vec<u8> {
    replace_field(raw, name, None)
}

/// Does the header section hold a `name` field?
pub fn has_field(raw: &[u8], name: &str) -> bool {
    let header_end = find(raw, b"\r\n\r\n")
        .or_else(|| find(raw, b"\n\n"))
        .unwrap_or(raw.len());
    raw.get(..header_end)
        .unwrap_or(raw)
        .split(|b| *b == b'\n')
        .any(|line| is_field(line, name))
}

/// The addresses of every `From:` field of the message: `None` without a
/// From field; an empty list when a From field holds no address Sluis can
/// read (the caller must treat that as "not allowed").
pub fn from_addresses(raw: &[u8]) -> Option<Vec<String>> {
    if !has_field(raw, "From") {
        return None;
    }
    let Some(msg) = mail_parser::MessageParser::default().parse_headers(raw) else {
        return Some(vec![]);
    };
    let mut out = vec![];
    for value in msg.header_values(mail_parser::HeaderName::From) {
        match value.as_address() {
            Some(list) => {
                for addr in list.iter() {
                    match addr.address() {
                        Some(a) if !a.trim().is_empty() => out.push(a.trim().to_string()),
                        _ => return Some(vec![]),
                    }
                }
            }
            None => return Some(vec![]),
        }
    }
    Some(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn is_field(line: &[u8], name: &str) -> bool {
    let n = name.len();
    line.get(..n)
        .is_some_and(|head| head.eq_ignore_ascii_case(name.as_bytes()))
        && line
            .get(n..)
            .and_then(|rest| rest.iter().find(|b| **b != b' ' && **b != b'\t'))
            == Some(&b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_never_carry_line_breaks_or_control_characters() {
        assert_eq!(header_value("a\r\nX-Injected: yes"), "a  X-Injected: yes");
        assert_eq!(header_value("tab\there\u{0}"), "tab here ");
        assert_eq!(header_value("Één ✓"), "Één ✓");
    }

    #[test]
    fn fields_are_removed_with_their_continuations_and_the_body_is_untouched() {
        let raw = b"X-Sluis-SMS: +316\r\n 12345678\r\nSubject: x\r\nx-sluis-sms : 1\r\n\r\nX-Sluis-SMS: body\r\n";
        assert_eq!(
            remove_field(raw, "X-Sluis-SMS"),
            b"Subject: x\r\n\r\nX-Sluis-SMS: body\r\n".to_vec()
        );
        // A field whose name only starts the same stays.
        let raw = b"X-Sluis-SMSX: 1\nSubject: y\n\nb\n";
        assert_eq!(remove_field(raw, "X-Sluis-SMS"), raw.to_vec());
    }

    #[test]
    fn a_field_is_replaced_at_the_place_of_the_first() {
        let raw = b"Received: x\r\nFrom: A <a@b.nl>\r\nTo: c@d.nl\r\nFrom: e@f.nl\r\n\r\nbody\r\n";
        assert_eq!(
            replace_field(raw, "From", Some(b"From: <s@p.nl>\r\n")),
            b"Received: x\r\nFrom: <s@p.nl>\r\nTo: c@d.nl\r\n\r\nbody\r\n".to_vec()
        );
    }

    #[test]
    fn from_addresses_reads_every_from_field() {
        assert_eq!(from_addresses(b"To: a@b.nl\r\n\r\nx"), None);
        assert_eq!(
            from_addresses(b"From: Dokter <Dokter@Praktijk.nl>, b@c.nl\r\n\r\nx"),
            Some(vec!["Dokter@Praktijk.nl".to_string(), "b@c.nl".to_string()])
        );
        let two = from_addresses(b"From: a@b.nl\r\nFrom: x@y.nl\r\n\r\n").unwrap();
        assert!(two.contains(&"x@y.nl".to_string()), "{two:?}");
        assert_eq!(
            from_addresses(b"From: Dokter Jansen\r\n\r\nx"),
            Some(vec![])
        );
    }
}
