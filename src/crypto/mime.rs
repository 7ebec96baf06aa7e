//! MIME framing for encryption: split a message into header fields and
//! body, build the inner entity that is encrypted (the original Content-*
//! fields and body, plus — with header protection — the original From,
//! To, Cc, Subject, Date and Reply-To), and the outer header block of the
//! encrypted message.
//!
//! Pure functions, no I/O. Header fields are kept byte for byte (folding
//! included, line ends normalised to CRLF); the body is never altered, so
//! the decrypted inner entity is exactly what was encrypted.

use super::CryptoError;

/// One header field, raw: `Name: value` with its folded continuation
/// lines, each line ending in CRLF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub raw: Vec<u8>,
}

impl Field {
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// Headers kept on the outside of an encrypted message (routing, threading).
const OUTER: &[&str] = &[
    "From",
    "To",
    "Cc",
    "Date",
    "Message-ID",
    "In-Reply-To",
    "References",
];

/// Headers copied inside with header protection.
const PROTECTED: &[&str] = &["From", "To", "Cc", "Subject", "Date", "Reply-To"];

/// Marks an inner entity that carries the protected headers.
const PROTECTED_PARAM: &[u8] = b";\r\n protected-headers=\"v1\"\r\n";

/// Split at the first empty line. Bare-LF input is accepted; fields come
/// back with CRLF. The body is returned untouched.
pub fn split(raw: &[u8]) -> Result<(Vec<Field>, &[u8]), CryptoError> {
    let mut fields: Vec<Field> = Vec::new();
    let mut pos = 0;
    loop {
        let Some(nl) = raw.get(pos..).and_then(|r| memchr::memchr(b'\n', r)) else {
            // Headers only, no body separator.
            if pos < raw.len() {
                push_line(&mut fields, raw.get(pos..).unwrap_or_default())?;
            }
            return Ok((fields, &[]));
        };
        let line = raw.get(pos..pos + nl).unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        pos += nl + 1;
        if line.is_empty() {
            return Ok((fields, raw.get(pos..).unwrap_or_default()));
        }
        push_line(&mut fields, line)?;
    }
}

fn push_line(fields: &mut Vec<Field>, line: &[u8]) -> Result<(), CryptoError> {
    if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
        let Some(last) = fields.last_mut() else {
            return Err(CryptoError::Message(
                "header begins with a continuation line".into(),
            ));
        };
        last.raw.extend_from_slice(line);
        last.raw.extend_from_slice(b"\r\n");
        return Ok(());
    }
    let Some(colon) = memchr::memchr(b':', line) else {
        return Err(CryptoError::Message("header line without a colon".into()));
    };
    let name = String::from_utf8_lossy(line.get(..colon).unwrap_or_default())
        .trim()
        .to_string();
    if name.is_empty() {
        return Err(CryptoError::Message("header line without a name".into()));
    }
    let mut raw = line.to_vec();
    raw.extend_from_slice(b"\r\n");
    fields.push(Field { name, raw });
    Ok(())
}

/// The entity that goes inside the ciphertext.
pub fn inner_entity(fields: &[Field], body: &[u8], protect: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 1024);
    let mut has_type = false;
    for f in fields {
        let content = f.name.len() > 8
            && f.name
                .get(..8)
                .is_some_and(|p| p.eq_ignore_ascii_case("content-"));
        if content {
            let is_type = f.is("Content-Type");
            has_type |= is_type;
            if is_type && protect {
                // Mail clients (Thunderbird, Enigmail-style) show the inner
                // headers when the entity says it carries them.
                let raw = f.raw.strip_suffix(b"\r\n").unwrap_or(&f.raw);
                out.extend_from_slice(raw);
                out.extend_from_slice(PROTECTED_PARAM);
            } else {
                out.extend_from_slice(&f.raw);
            }
        }
    }
    if !has_type {
        // RFC 2045's default, made explicit so the inner entity stands alone.
        out.extend_from_slice(b"Content-Type: text/plain; charset=us-ascii");
        out.extend_from_slice(if protect { PROTECTED_PARAM } else { b"\r\n" });
    }
    if protect {
        for name in PROTECTED {
            for f in fields.iter().filter(|f| f.is(name)) {
                out.extend_from_slice(&f.raw);
            }
        }
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// Outer header block (without the MIME fields of the encrypted body and
/// without the blank line).
pub fn outer_fields(fields: &[Field], protect: bool, protected_subject: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    for name in OUTER {
        for f in fields.iter().filter(|f| f.is(name)) {
            out.extend_from_slice(&f.raw);
        }
    }
    if protect {
        out.extend_from_slice(b"Subject: ");
        out.extend_from_slice(crate::header::header_value(protected_subject).as_bytes());
        out.extend_from_slice(b"\r\n");
    } else {
        for f in fields.iter().filter(|f| f.is("Subject")) {
            out.extend_from_slice(&f.raw);
        }
    }
    out.extend_from_slice(b"MIME-Version: 1.0\r\n");
    out
}

/// Base64 with 76-column CRLF lines.
pub fn base64_lines(data: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(data);
    let mut out = Vec::with_capacity(encoded.len() + encoded.len() / 76 * 2 + 2);
    for chunk in encoded.as_bytes().chunks(76) {
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// A boundary that does not occur in `data`.
pub fn boundary(data: &[u8]) -> String {
    loop {
        let b = format!("=_sluis_{:016x}", rand::random::<u64>());
        if memchr::memmem::find(data, b.as_bytes()).is_none() {
            return b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MSG: &[u8] = b"Received: from x\r\nFrom: Huisarts <a@praktijk.nl>\r\nTo: b@zorg.nl\r\nSubject: Uitslag\r\n  van het lab\r\nDate: Fri, 27 Nov 2026 10:00:00 +0100\r\nMessage-ID: <1@p>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nH\xc3\xa9 daar\r\n";

    #[test]
    fn protected_inner_has_original_headers_and_body() {
        let (fields, body) = split(MSG).unwrap();
        assert_eq!(body, b"H\xc3\xa9 daar\r\n");
        let inner = inner_entity(&fields, body, true);
        let text = String::from_utf8_lossy(&inner);
        assert!(text.starts_with("Content-Type: text/plain; charset=utf-8;\r\n protected-headers=\"v1\"\r\nContent-Transfer-Encoding: 8bit\r\nFrom: Huisarts"));
        assert!(text.contains("Subject: Uitslag\r\n  van het lab\r\n"));
        assert!(!text.contains("Received"));
        assert!(inner.ends_with(b"\r\n\r\nH\xc3\xa9 daar\r\n"));
        let outer = String::from_utf8(outer_fields(&fields, true, "Beveiligd")).unwrap();
        assert!(outer.contains("Subject: Beveiligd\r\n"));
        assert!(!outer.contains("Uitslag"));
        assert!(!outer.contains("Received"));
        assert!(outer.contains("Message-ID: <1@p>\r\n"));
    }

    #[test]
    fn unprotected_keeps_subject_outside_only() {
        let (fields, body) = split(MSG).unwrap();
        let inner = String::from_utf8_lossy(&inner_entity(&fields, body, false)).to_string();
        assert!(!inner.contains("Subject"));
        let outer = String::from_utf8(outer_fields(&fields, false, "x")).unwrap();
        assert!(outer.contains("Subject: Uitslag\r\n  van het lab\r\n"));
    }

    #[test]
    fn bare_lf_and_missing_content_type() {
        let (fields, body) = split(b"Subject: a\nX: b\n\nbody\n").unwrap();
        assert_eq!(fields.len(), 2);
        assert_eq!(body, b"body\n");
        let inner = inner_entity(&fields, body, false);
        assert!(inner.starts_with(b"Content-Type: text/plain; charset=us-ascii\r\n\r\nbody"));
    }

    #[test]
    fn garbage_headers_are_errors() {
        assert!(split(b" continuation first\r\n\r\n").is_err());
        assert!(split(b"no colon here\r\n\r\n").is_err());
    }
}
