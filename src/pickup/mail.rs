//! The mails pickup writes, built with `mail-builder`: the notification to
//! the recipient (link), the code mail (when no phone number is known), the
//! confirmation to the sender (signed revoke link), the "opened" notice, and
//! a recipient's reply from the portal.
//!
//! Promises: Dutch first, then English (the notification: Dutch, with a
//! "Read in English" link to the same text on the portal); plain text plus HTML
//! (multipart/alternative); no message content — not even the original
//! subject unless `notify_show_subject` allows it. Only the reply carries
//! content, because the recipient wrote it; it is sent in the practice's
//! name (`From:` the notification address, `Reply-To:` the patient) and
//! goes back through inspect and policy as sensitive mail, whatever the
//! scan finds.

use crate::config::PickupConfig;
use mail_builder::headers::address::Address;
use mail_builder::MessageBuilder;
use maud::{html, DOCTYPE};

fn message_id(cfg: &PickupConfig) -> String {
    let host = crate::types::domain_of(&cfg.notify_from);
    let host = if host.is_empty() {
        "sluis.localdomain".to_string()
    } else {
        host
    };
    format!("{}@{host}", hex::encode(rand::random::<[u8; 12]>()))
}

/// Paragraphs in Dutch and, unless `en` is empty, in English, as text and
/// as HTML.
struct Body {
    nl: Vec<String>,
    /// Empty: a Dutch-only mail (the notification, which links to the
    /// English page instead).
    en: Vec<String>,
    /// A link shown as a button in HTML (url, Dutch label, English label).
    link: Option<(String, String, String)>,
    /// "Read in English": the URL of the same text in English (the portal
    /// page in English), shown last, marked `lang="en"`.
    english: Option<String>,
}

impl Body {
    fn text(&self) -> String {
        let mut out = String::new();
        for (i, lang) in [&self.nl, &self.en].iter().enumerate() {
            if i == 1 && lang.is_empty() {
                break;
            }
            if i == 1 {
                out.push_str("\r\n--- English ---\r\n\r\n");
            }
            for p in lang.iter() {
                out.push_str(p);
                out.push_str("\r\n\r\n");
            }
            if let Some((url, _, _)) = &self.link {
                out.push_str(url);
                out.push_str("\r\n\r\n");
            }
        }
        if let Some(url) = &self.english {
            out.push_str("Read in English: ");
            out.push_str(url);
            out.push_str("\r\n");
        }
        out
    }

    /// The HTML alternative, a `maud` template: every paragraph, the link
    /// and the title (which can hold the original subject) are escaped.
    fn html(&self, title: &str) -> String {
        let langs = [("nl", &self.nl), ("en", &self.en)];
        html! {
            (DOCTYPE)
            html lang="nl" {
                head {
                    meta charset="utf-8";
                    title { (title) }
                }
                body style="font-family:sans-serif;color:#1a1a1a;max-width:40em" {
                    @for (i, (code, paragraphs)) in langs.iter().enumerate() {
                        @if !paragraphs.is_empty() {
                        div lang=(code) {
                            @if i == 1 {
                                hr;
                            }
                            @for para in paragraphs.iter() {
                                p { (para) }
                            }
                            @if let Some((url, nl, en)) = &self.link {
                                p {
                                    a href=(url)
                                        style="background:#00466e;color:#fff;padding:.6em 1em;text-decoration:none" {
                                        (if i == 0 { nl } else { en })
                                    }
                                }
                                p style="word-break:break-all" {
                                    (if i == 0 { "Of open deze link: " } else { "Or open this link: " })
                                    a href=(url) { (url) }
                                }
                            }
                        }
                        }
                    }
                    @if let Some(url) = &self.english {
                        p lang="en" { a href=(url) { "Read in English" } }
                    }
                }
            }
        }
        .into_string()
    }
}

fn build(
    cfg: &PickupConfig,
    to: &str,
    subject: &str,
    body: &Body,
    in_reply_to: Option<&str>,
) -> std::io::Result<Vec<u8>> {
    let mut b = MessageBuilder::new()
        .from(Address::new_address(
            Some(h(&cfg.practice_name)),
            h(&cfg.notify_from),
        ))
        .to(h(to))
        .subject(h(subject))
        .date(crate::now_ms() / 1000)
        .message_id(h(&message_id(cfg)))
        .header(
            "Auto-Submitted",
            mail_builder::headers::raw::Raw::new("auto-generated"),
        )
        .text_body(body.text())
        .html_body(body.html(subject));
    if let Some(id) = in_reply_to {
        b = b.in_reply_to(h(id));
    }
    b.write_to_vec()
}

/// Every header value below comes from message data or the configuration:
/// never with CR, LF or other control characters.
fn h(text: &str) -> String {
    crate::header::header_value(text)
}

/// How a patient checks that the notification is genuine: not by a link
/// in the mail, but by calling the practice; and what it never asks.
pub(super) fn genuine_lines(cfg: &PickupConfig) -> (String, String) {
    let phone = cfg.practice_phone.trim();
    let (call_nl, call_en) = if phone.is_empty() {
        (
            format!(
                "bel {} op het nummer dat u al van hen kent",
                cfg.practice_name
            ),
            format!("call {} on the number you already know", cfg.practice_name),
        )
    } else {
        (
            format!("bel {} op {phone}", cfg.practice_name),
            format!("call {} on {phone}", cfg.practice_name),
        )
    };
    (
        format!("Twijfelt u of deze e-mail echt is? Klik dan niet, maar {call_nl}. Wij vragen nooit om een wachtwoord, uw DigiD of een betaling."),
        format!("Not sure this e-mail is genuine? Do not click; {call_en}. We never ask for a password, your DigiD or a payment."),
    )
}

/// Who sent it and how to reach them: name, phone number, website.
pub(super) fn contact_lines(cfg: &PickupConfig) -> (String, String) {
    let mut parts = vec![cfg.practice_name.trim().to_string()];
    let (phone, web) = (cfg.practice_phone.trim(), cfg.practice_website.trim());
    let (mut nl, mut en) = (parts.clone(), std::mem::take(&mut parts));
    if !phone.is_empty() {
        nl.push(format!("telefoon {phone}"));
        en.push(format!("phone {phone}"));
    }
    if !web.is_empty() {
        nl.push(format!("website {web}"));
        en.push(format!("website {web}"));
    }
    (
        format!("Vragen? Neem contact op met {}.", nl.join(", ")),
        format!("Questions? Please contact {}.", en.join(", ")),
    )
}

/// The notification to the recipient: who sent a secure message, the link,
/// how the code comes, until when, how to reach the practice and check the
/// mail is genuine. No content. In Dutch, with a "Read in English" link to
/// the link page in English, which says the same.
pub fn notification(
    cfg: &PickupConfig,
    recipient: &str,
    recipient_name: Option<&str>,
    link_url: &str,
    expires_ms: i64,
    by_sms: bool,
    original_subject: Option<&str>,
) -> std::io::Result<Vec<u8>> {
    let practice = &cfg.practice_name;
    let mut subject = format!("Beveiligd bericht van {practice}");
    if let Some(s) = original_subject.filter(|_| cfg.notify_show_subject) {
        subject = format!("{subject}: {s}");
    }
    let until_nl = crate::local_time::long_date_nl(expires_ms);
    let dear_nl = match recipient_name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("Beste {n},"),
        None => "Beste ontvanger,".to_string(),
    };
    let how_nl = if by_sms {
        "Bij het openen vraagt u een eenmalige code aan; die ontvangt u per sms."
    } else {
        "Bij het openen vraagt u een eenmalige code aan; die ontvangt u in een aparte e-mail."
    };
    let (contact_nl, _) = contact_lines(cfg);
    let (genuine_nl, _) = genuine_lines(cfg);
    // Dutch only (the recipient's language is not known): the same text in
    // English is the portal's link page in English, one link away.
    let body = Body {
        nl: vec![
            dear_nl,
            format!("{practice} heeft u een beveiligd bericht gestuurd. U leest het via de beveiligde link hieronder."),
            how_nl.into(),
            format!("Het bericht is beschikbaar tot {until_nl}."),
            contact_nl,
            genuine_nl,
        ],
        en: vec![],
        link: Some((
            link_url.to_string(),
            "Bericht openen".into(),
            "Open message".into(),
        )),
        english: Some(english_url(link_url)),
    };
    build(cfg, recipient, &subject, &body, None)
}

/// The link page in English (`?lang=en`, remembered by the portal).
fn english_url(link_url: &str) -> String {
    if link_url.contains('?') {
        format!("{link_url}&lang=en")
    } else {
        format!("{link_url}?lang=en")
    }
}

/// The code by e-mail (no phone number known). Only the code.
pub fn code_mail(
    cfg: &PickupConfig,
    recipient: &str,
    code: &str,
    ttl_minutes: u64,
) -> std::io::Result<Vec<u8>> {
    let body = Body {
        nl: vec![
            format!("Uw eenmalige code is: {code}"),
            format!("De code is {ttl_minutes} minuten geldig. Deel deze code met niemand."),
        ],
        en: vec![
            format!("Your one-time code is: {code}"),
            format!("The code is valid for {ttl_minutes} minutes. Do not share it with anyone."),
        ],
        link: None,
        english: None,
    };
    build(
        cfg,
        recipient,
        "Uw eenmalige code / Your one-time code",
        &body,
        None,
    )
}

/// The SMS text with the code.
pub fn code_sms(cfg: &PickupConfig, code: &str, ttl_minutes: u64) -> String {
    format!(
        "{code} is uw code voor het bericht van {} ({ttl_minutes} min). / {code} is your code ({ttl_minutes} min).",
        cfg.practice_name
    )
}

/// Confirmation to the sender: parked for whom, until when, and a signed
/// revoke link.
pub fn sender_confirmation(
    cfg: &PickupConfig,
    sender: &str,
    recipient: &str,
    message_id: &str,
    revoke_url: &str,
    expires_ms: i64,
) -> std::io::Result<Vec<u8>> {
    let (until_nl, until_en) = (
        crate::local_time::long_date_nl(expires_ms),
        crate::local_time::long_date_en(expires_ms),
    );
    let body = Body {
        nl: vec![
            format!("Uw bericht {message_id} aan {recipient} is beveiligd klaargezet. De ontvanger kreeg een e-mail met een link en opent het bericht met een eenmalige code."),
            format!("Het bericht is beschikbaar tot {until_nl}. Wilt u het intrekken? Gebruik de link hieronder."),
        ],
        en: vec![
            format!("Your message {message_id} to {recipient} has been parked securely. The recipient got an e-mail with a link and opens the message with a one-time code."),
            format!("The message is available until {until_en} (Amsterdam time). To revoke it, use the link below."),
        ],
        link: Some((revoke_url.to_string(), "Bericht intrekken".into(), "Revoke message".into())),
        english: None,
    };
    build(
        cfg,
        sender,
        "Bericht beveiligd klaargezet / Message parked securely",
        &body,
        None,
    )
}

/// Notice to the sender that a link was locked after its lifetime cap of
/// codes (someone may be guessing codes). No link, no content.
pub fn link_locked(
    cfg: &PickupConfig,
    sender: &str,
    recipient: &str,
    message_id: &str,
    cap: u32,
) -> std::io::Result<Vec<u8>> {
    let body = Body {
        nl: vec![
            format!("De beveiligde link voor uw bericht {message_id} aan {recipient} is geblokkeerd: er zijn {cap} codes voor aangevraagd, het maximum. Misschien probeert iemand de code te raden."),
            "Het bericht is niet meer via de link te lezen en is verwijderd. Neem contact op met de ontvanger en stuur het bericht zo nodig opnieuw.".into(),
        ],
        en: vec![
            format!("The secure link for your message {message_id} to {recipient} has been locked: {cap} codes were requested for it, the maximum. Someone may be trying to guess the code."),
            "The message can no longer be read through the link and has been deleted. Please contact the recipient and send the message again if needed.".into(),
        ],
        link: None,
        english: None,
    };
    build(cfg, sender, "Link geblokkeerd / Link locked", &body, None)
}

/// Notice to the sender that the recipient opened the message.
pub fn opened_notice(
    cfg: &PickupConfig,
    sender: &str,
    recipient: &str,
    message_id: &str,
    opened_ms: i64,
) -> std::io::Result<Vec<u8>> {
    let body = Body {
        nl: vec![format!(
            "{recipient} heeft uw bericht {message_id} geopend op {}.",
            crate::local_time::long_date_nl(opened_ms)
        )],
        en: vec![format!(
            "{recipient} opened your message {message_id} on {} (Amsterdam time).",
            crate::local_time::long_date_en(opened_ms)
        )],
        link: None,
        english: None,
    };
    build(cfg, sender, "Bericht geopend / Message opened", &body, None)
}

/// A file the recipient attached to a reply.
pub struct ReplyFile {
    pub name: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// Text typed in a browser with every line break made one LF (a bare CR
/// or CRLF as well): the body mail-builder writes then has only CRLF line
/// ends, so no bare CR ("\r.\r", an end-of-data look-alike) can reach the
/// next hop.
fn plain_lines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Who wrote a reply in the portal: the patient's address and, when the
/// original mail named them, their display name.
pub struct ReplyAuthor<'a> {
    pub address: &'a str,
    pub name: Option<&'a str>,
}

/// The recipient's reply to the original sender. It is sent in the
/// practice's name, never the patient's: `From:` is the practice's
/// notification address ("<patient> via <practice>"), so the mail can be
/// DKIM-signed for the practice domain and passes DMARC at the practice's
/// mailbox; `Reply-To:` is the patient, so "reply" reaches them. The
/// caller signs it and sends it with a practice-owned envelope sender.
pub fn reply(
    cfg: &PickupConfig,
    author: &ReplyAuthor<'_>,
    to: &str,
    subject: &str,
    text: &str,
    in_reply_to: Option<&str>,
    files: Vec<ReplyFile>,
) -> std::io::Result<Vec<u8>> {
    let who = author
        .name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(author.address);
    let display = if cfg.practice_name.trim().is_empty() {
        format!("{who} via Sluis")
    } else {
        format!("{who} via {}", cfg.practice_name.trim())
    };
    let reply_to = match author.name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Address::new_address(Some(h(n)), h(author.address)),
        None => Address::new_address(None::<String>, h(author.address)),
    };
    let mut b = MessageBuilder::new()
        .from(Address::new_address(Some(h(&display)), h(&cfg.notify_from)))
        .reply_to(reply_to)
        .to(h(to))
        .subject(h(subject))
        .date(crate::now_ms() / 1000)
        .message_id(h(&message_id(cfg)))
        .text_body(plain_lines(text));
    if let Some(id) = in_reply_to {
        b = b.in_reply_to(h(id));
    }
    for f in files {
        b = b.attachment(media_type(&f.content_type), h(&f.name), f.data);
    }
    b.write_to_vec()
}

/// A browser-given content type reduced to `type/subtype` (letters,
/// digits, `.+-`), else `application/octet-stream`: no parameters, no
/// control characters, nothing that can become another header.
fn media_type(given: &str) -> String {
    let t = given
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let ok = |s: &str| {
        !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
    };
    match t.split_once('/') {
        Some((a, b)) if ok(a) && ok(b) => t,
        _ => "application/octet-stream".to_string(),
    }
}

#[cfg(test)]
#[path = "mail_tests.rs"]
mod tests;
