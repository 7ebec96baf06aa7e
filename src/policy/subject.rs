//! The Subject header: read it for the policy, and replace it once the
//! policy has stripped a trigger tag (`[beveiligd]`) from it.
//!
//! Pure functions. Promises: only the header section is touched; every
//! Subject field (with its folded continuation lines) is replaced by one
//! new field at the place of the first; the line ending style of the
//! message (CRLF or LF) is kept; non-ASCII text is RFC 2047 encoded (UTF-8,
//! base64) in encoded words short enough for the 78-character line limit.
//! A message without a header/body separator is treated as all header.

/// The decoded Subject, if the message has one.
pub fn subject_of(raw: &[u8]) -> Option<String> {
    mail_parser::MessageParser::default()
        .parse_headers(raw)
        .and_then(|m| m.subject().map(str::to_string))
}

/// `raw` with its Subject replaced by `subject` (see [`crate::header::replace_field`]).
pub fn rewrite_subject(raw: &[u8], subject: &str) -> Vec<u8> {
    let eol: &[u8] = if crate::header::uses_crlf(raw) {
        b"\r\n"
    } else {
        b"\n"
    };
    crate::header::replace_field(raw, "Subject", Some(&encode_field(subject, eol)))
}

/// `Subject: ...` with line ending, folded and RFC 2047 encoded by
/// mail-builder when needed.
fn encode_field(subject: &str, eol: &[u8]) -> Vec<u8> {
    use mail_builder::headers::{text::Text, Header};
    // Control characters (CR, LF) never reach the header.
    let clean = crate::header::header_value(subject);
    let mut value = Vec::new();
    let mut out = b"Subject: ".to_vec();
    // Writing into a Vec cannot fail; fall back to an empty subject anyway.
    if Text::new(clean)
        .write_header(&mut value, out.len())
        .is_err()
    {
        value = b"\r\n".to_vec();
    }
    if eol == b"\n" {
        value.retain(|b| *b != b'\r');
    }
    out.extend_from_slice(&value);
    if !out.ends_with(b"\n") {
        out.extend_from_slice(eol);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_subject_is_replaced_in_place_and_body_untouched() {
        let raw = b"From: a@b.nl\r\nSubject: [beveiligd]\r\n Uitslag\r\nTo: c@d.nl\r\n\r\nSubject: in body\r\n";
        let out = rewrite_subject(raw, "Uitslag");
        assert_eq!(
            out,
            b"From: a@b.nl\r\nSubject: Uitslag\r\nTo: c@d.nl\r\n\r\nSubject: in body\r\n".to_vec()
        );
    }

    #[test]
    fn an_empty_header_section_gets_the_subject_and_the_body_is_not_read_as_header() {
        let out = rewrite_subject(b"\r\nSubject: body\r\n\r\nx\r\n", "Hallo");
        assert_eq!(
            out,
            b"Subject: Hallo\r\n\r\nSubject: body\r\n\r\nx\r\n".to_vec()
        );
    }

    #[test]
    fn lf_messages_stay_lf_and_a_missing_subject_is_added() {
        let out = rewrite_subject(b"From: a@b.nl\n\nhoi\n", "Hallo");
        assert_eq!(out, b"From: a@b.nl\nSubject: Hallo\n\nhoi\n".to_vec());
    }

    #[test]
    fn non_ascii_subjects_round_trip_through_rfc2047() {
        let subject =
            "Uitslag ✓ één lange onderwerpregel met accenten: café, naïef, coöperatie, reünie";
        let raw = b"Subject: =?UTF-8?Q?[secure]_x?=\r\nFrom: a@b.nl\r\n\r\nbody\r\n";
        let out = rewrite_subject(raw, subject);
        assert_eq!(subject_of(&out).as_deref(), Some(subject));
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.len() <= 78), "{text}");
        assert!(text.ends_with("From: a@b.nl\r\n\r\nbody\r\n"));
    }
}
