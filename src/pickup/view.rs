//! What the portal shows of a decrypted message: sender, date, subject,
//! body as plain text, and the list of attachments. Pure; works on bytes
//! already decrypted in memory.
//!
//! Safety: HTML is never passed through. The text/plain part is shown;
//! an HTML part without a plain alternative is rebuilt by the allow-list
//! re-serialiser [`super::safe_html`] (tables stay tables; scripts, styles,
//! forms, links, images and every attribute but a cell's span are gone)
//! and written by the page's `maud` template, which escapes every text. Attachment
//! names are cleaned of path separators and control characters.

use mail_parser::{MessageParser, MimeHeaders};

/// One attachment as listed (no content).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AttachmentInfo {
    pub index: usize,
    pub name: String,
    pub content_type: String,
    pub size: usize,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MessageView {
    pub from: String,
    pub date: String,
    pub subject: String,
    pub body: String,
    pub message_id: Option<String>,
    pub attachments: Vec<AttachmentInfo>,
    /// (address, lower-cased; display name) of every `To:`/`Cc:` entry
    /// the sender gave a name: how the recipient is called in mails
    /// written for them (their portal reply).
    #[serde(default)]
    pub named: Vec<(String, String)>,
    /// The `Date:` header as Unix milliseconds, when it parses (shown in
    /// Amsterdam time; `date` is the header as written).
    #[serde(default)]
    pub date_ms: Option<i64>,
    /// Every text part in order, an HTML one as a cleaned tree; the page
    /// shows these (and `body`, the same as text, when this is empty).
    #[serde(default)]
    pub parts: Vec<BodyPart>,
}

/// One text part of the body as the page shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum BodyPart {
    Text(String),
    Html(Vec<super::safe_html::Node>),
}

impl MessageView {
    /// The display name the sender gave `address`, if any.
    pub fn name_of(&self, address: &str) -> Option<&str> {
        let address = address.to_lowercase();
        self.named
            .iter()
            .find(|(a, _)| *a == address)
            .map(|(_, n)| n.as_str())
    }
}

/// A downloadable attachment.
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// Make a file name safe to show and to offer for download.
pub fn clean_name(name: &str, index: usize) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if matches!(c, '/' | '\\') { '_' } else { c })
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        format!("bijlage-{}", index + 1)
    } else {
        cleaned.chars().take(200).collect()
    }
}

fn content_type(part: &mail_parser::MessagePart<'_>) -> String {
    part.content_type()
        .map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_string(),
        })
        .unwrap_or_else(|| "application/octet-stream".into())
        .to_ascii_lowercase()
}

/// Parse a message for display. `None` when it cannot be parsed at all.
pub fn view(raw: &[u8]) -> Option<MessageView> {
    let msg = MessageParser::default().parse(raw)?;
    let from = msg
        .from()
        .and_then(|a| a.first())
        .map(|a| match (a.name(), a.address()) {
            (Some(n), Some(addr)) => format!("{n} <{addr}>"),
            (None, Some(addr)) => addr.to_string(),
            (Some(n), None) => n.to_string(),
            (None, None) => String::new(),
        })
        .unwrap_or_default();
    let (body, parts) = body_text(&msg);
    let named = msg
        .to()
        .into_iter()
        .chain(msg.cc())
        .flat_map(|a| a.iter())
        .filter_map(|a| match (a.name(), a.address()) {
            (Some(n), Some(addr)) if !n.trim().is_empty() => {
                Some((addr.to_lowercase(), n.trim().to_string()))
            }
            _ => None,
        })
        .collect();
    let attachments = msg
        .attachments()
        .enumerate()
        .map(|(index, part)| AttachmentInfo {
            index,
            name: clean_name(part.attachment_name().unwrap_or(""), index),
            content_type: content_type(part),
            size: part.contents().len(),
        })
        .collect();
    Some(MessageView {
        from,
        date: msg.date().map(|d| d.to_rfc822()).unwrap_or_default(),
        subject: msg.subject().unwrap_or("").to_string(),
        body,
        message_id: msg.message_id().map(str::to_string),
        attachments,
        named,
        date_ms: msg.date().map(|d| d.to_timestamp().saturating_mul(1000)),
        parts,
    })
}

/// Every text part of the body, in order, HTML converted to text. A
/// multipart/mixed of text, an inline picture and more text (what Apple
/// Mail makes when a picture is pasted mid-message) shows both texts: the
/// scanner read them all, so the recipient must be able to read them all.
/// Inline pictures are listed with the attachments. Returns the text and
/// the parts as the page shows them (HTML cleaned, not flattened).
fn body_text(msg: &mail_parser::Message<'_>) -> (String, Vec<BodyPart>) {
    let mut texts: Vec<String> = Vec::new();
    let mut parts: Vec<BodyPart> = Vec::new();
    for id in &msg.text_body {
        let Some(part) = msg.part(*id) else {
            continue;
        };
        match &part.body {
            // UTF-16 sent without a charset: decoded as the scanner does.
            mail_parser::PartType::Text(t) => {
                let t = if t.contains('\0') {
                    // UTF-16 sent without a charset: decoded as the scanner does.
                    crate::inspect::mime::utf16_without_charset(msg, part)
                        .unwrap_or_else(|| t.to_string())
                } else {
                    t.to_string()
                };
                parts.push(BodyPart::Text(t.clone()));
                texts.push(t);
            }
            mail_parser::PartType::Html(h) => {
                texts.push(crate::inspect::extract::html::html_to_text(h));
                parts.push(BodyPart::Html(super::safe_html::clean(h)));
            }
            _ => {}
        }
    }
    if texts.is_empty() {
        // No text/plain alternative: the HTML body.
        if let Some(h) = msg.body_html(0) {
            texts.push(crate::inspect::extract::html::html_to_text(&h));
            parts.push(BodyPart::Html(super::safe_html::clean(&h)));
        }
    }
    (texts.join("\n\n"), parts)
}

/// The attachment at `index` (as numbered by [`view`]).
pub fn attachment(raw: &[u8], index: usize) -> Option<Attachment> {
    let msg = MessageParser::default().parse(raw)?;
    let part = msg.attachments().nth(index)?;
    Some(Attachment {
        name: clean_name(part.attachment_name().unwrap_or(""), index),
        content_type: content_type(part),
        data: part.contents().to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &[u8] = b"From: Dokter <dokter@praktijk.nl>\r\nTo: p@example.nl\r\nSubject: Uitslag\r\n\
Message-ID: <m1@praktijk.nl>\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nBeste patient\r\n\
--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"../uitslag.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n";

    #[test]
    fn lists_text_and_attachments_with_clean_names() {
        let v = view(MIXED).unwrap();
        assert_eq!(v.subject, "Uitslag");
        assert!(v.body.contains("Beste patient"));
        assert_eq!(v.from, "Dokter <dokter@praktijk.nl>");
        assert_eq!(v.attachments.len(), 1);
        assert_eq!(v.attachments[0].name, "_uitslag.pdf");
        assert_eq!(v.attachments[0].content_type, "application/pdf");
        let a = attachment(MIXED, 0).unwrap();
        assert_eq!(a.data, b"%PDF-1.4\n");
        assert!(attachment(MIXED, 1).is_none());
    }

    #[test]
    fn every_text_part_of_a_mixed_message_is_shown() {
        let raw = b"From: a@b.nl\r\nSubject: x\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nEerste deel\r\n\
--b\r\nContent-Type: image/png\r\nContent-Disposition: inline; filename=a.png\r\n\
Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nTweede deel\r\n--b--\r\n";
        let v = view(raw).unwrap();
        assert!(v.body.contains("Eerste deel"), "{}", v.body);
        assert!(v.body.contains("Tweede deel"), "{}", v.body);
        assert!(v.body.find("Eerste") < v.body.find("Tweede"));
        assert_eq!(v.attachments.len(), 1, "the picture is offered");
    }

    #[test]
    fn utf16_text_without_charset_reads_as_the_scanner_reads_it() {
        let body: Vec<u8> = "Beste patient"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut raw = b"From: a@b.nl\r\nSubject: x\r\nContent-Type: text/plain\r\n\r\n".to_vec();
        raw.extend_from_slice(&body);
        let v = view(&raw).unwrap();
        assert!(v.body.contains("Beste patient"), "{:?}", v.body);
    }

    #[test]
    fn alternative_shows_the_plain_text_once() {
        let raw = b"From: a@b.nl\r\nSubject: x\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHallo tekst\r\n\
--b\r\nContent-Type: text/html\r\n\r\n<p>Hallo html</p>\r\n--b--\r\n";
        let v = view(raw).unwrap();
        assert!(v.body.contains("Hallo tekst"), "{}", v.body);
        assert!(!v.body.contains("Hallo html"), "{}", v.body);
    }

    #[test]
    fn html_only_mail_keeps_its_table_as_a_cleaned_tree() {
        let raw = b"From: a@b.nl\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n\
<table onclick=\"x()\"><tr><td>HbA1c</td><td>53</td></tr></table><script>alert(1)</script>";
        let v = view(raw).unwrap();
        assert_eq!(v.parts.len(), 1, "{:?}", v.parts);
        let BodyPart::Html(nodes) = &v.parts[0] else {
            panic!("an HTML part: {:?}", v.parts);
        };
        let html = super::super::safe_html::render(nodes).into_string();
        assert_eq!(html, "<table><tr><td>HbA1c</td><td>53</td></tr></table>");
        // Text and HTML parts of a mixed message, in order.
        let raw = b"From: a@b.nl\r\nSubject: x\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nEerste\r\n\
--b\r\nContent-Type: text/html\r\n\r\n<p>Tweede</p>\r\n--b--\r\n";
        let v = view(raw).unwrap();
        assert!(
            matches!(&v.parts[0], BodyPart::Text(t) if t.contains("Eerste")),
            "{:?}",
            v.parts
        );
        assert!(matches!(&v.parts[1], BodyPart::Html(_)), "{:?}", v.parts);
    }

    #[test]
    fn html_only_mail_becomes_text_without_script() {
        let raw = b"From: a@b.nl\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n\
<p onclick=\"evil()\">Hallo <b>daar</b></p><script>alert(1)</script><img src=\"http://x/t.png\">";
        let v = view(raw).unwrap();
        assert!(v.body.contains("Hallo"), "{}", v.body);
        assert!(!v.body.contains("alert"));
        assert!(!v.body.contains("onclick"));
        assert!(!v.body.contains("<"));
    }
}
