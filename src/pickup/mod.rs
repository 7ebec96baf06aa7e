//! Secure pickup: a message the recipient cannot safely receive by mail is
//! parked encrypted, the recipient gets a notification with a link, asks
//! for a one-time code (SMS, or e-mail without a phone number), and reads,
//! downloads and replies in the portal.
//!
//! Promises:
//! - Keys the server cannot use alone: the message is age-encrypted to an
//!   identity derived from a random secret that exists only in the link;
//!   the store keeps an id derived from it. Database plus blobs reveal no
//!   content, subject or file name. Revoke and expiry delete the ciphertext.
//! - Codes are a second factor: short-lived, few attempts, rate-limited per
//!   link, address and IP, stored as HMACs, compared in constant time,
//!   never logged. Sessions are random cookies stored hashed, bound to one
//!   pickup, idle-limited; every request is authorised for its message.
//! - Every step is audited (`pickup-parked`, `link-sent`, `code-sent`,
//!   `code-failed`, `opened`, `downloaded`, `replied`, `revoked`,
//!   `pickup-locked`, `expired`) with message id and recipient, never content.
//! - A closed link (revoked, expired, locked) gets no mail later: its
//!   notification and code mails still in the delivery queue are cancelled
//!   ([`Outbox::cancel`], and the queue asks [`Pickup::closed_reason`]
//!   before each attempt), audited by the queue as `notification-cancelled`
//!   / `code-cancelled` with the pickup id.
//! - A link gets at most `max_codes_per_link_lifetime` codes over its whole
//!   life; then it is locked (closed like a revoke) and the sender told.
//!
//! Fails with [`PickupError`]; the portal turns each into a bilingual page.
//!
//! Wiring (done by the caller):
//! - start: `Pickup::from_config(config, store, audit, outbox, replies)`,
//!   then `serve_portal(pickup, TcpListener::bind(config.pickup.listen),
//!   load_or_generate_tls(..), shutdown)` and `pickup.run_sweeper()`;
//! - pipeline: for a recipient routed to pickup, after the original is
//!   spooled, `park(tenant, id, sender, rcpt, raw, phone)` where `phone`
//!   comes from [`take_sms_tags`] on the Subject or [`sms_header`] (see
//!   [`SmsTags::for_recipient`]); inject
//!   `Parked::notification` to the recipient and
//!   `Parked::sender_confirmation` to the sender as new messages;
//! - [`Outbox`] injects code mails and "opened" notices; [`ReplySink`]
//!   submits a reply through inspect and policy;
//! - CLI: [`cli::import_contacts`], [`cli::revoke`] (with [`cli::admin`]).

mod access;
pub mod blobs;
pub mod cli;
pub mod crypto;
pub mod db;
pub mod dkim;
mod lifecycle;
pub mod mail;
mod pages;
pub mod portal;
mod portal_http;
mod portal_msg;
mod reading;
pub mod safe_html;
mod service;
pub mod sms;
pub mod tls;
pub mod view;

pub use portal::serve_portal;
pub use service::{Client, CodeChannel, Opened, Parked, Pickup};

use std::future::Future;
use std::pin::Pin;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

#[derive(Debug, thiserror::Error)]
pub enum PickupError {
    #[error("store: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("blob store: {0}")]
    Blob(#[from] blobs::BlobError),
    #[error("crypto: {0}")]
    Crypto(#[from] crypto::CryptoError),
    #[error("building mail: {0}")]
    Mail(std::io::Error),
    #[error("server key {path}: {message}")]
    ServerKey { path: String, message: String },
    #[error("message too large for pickup ({size} > {limit} bytes)")]
    TooLarge { size: u64, limit: u64 },
    /// Unknown link, or a pickup that is revoked or expired.
    #[error("link unknown, revoked or expired")]
    Gone,
    #[error("too many requests")]
    RateLimited,
    /// The link had its lifetime cap of codes and is locked for good.
    #[error("link locked after too many codes")]
    Locked,
    /// A wrong code; `left` tries remain for this code.
    #[error("wrong code")]
    WrongCode { left: u32 },
    /// No usable code: never requested, expired, used, or out of attempts.
    #[error("no valid code")]
    NoCode,
    #[error("no session or session expired")]
    NoSession,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("sending the code failed: {0}")]
    Send(String),
    #[error(transparent)]
    Dkim(#[from] dkim::DkimError),
    #[error("reply refused: {0}")]
    Reply(String),
}

/// Sends a mail Sluis made (code mail, notices to the sender) through the
/// pipeline: the lead's implementation spools and queues it.
pub trait Outbox: Send + Sync {
    fn send<'a>(
        &'a self,
        tenant: &'a str,
        recipient: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<(), String>>;

    /// Like [`Outbox::send`], for a mail about one pickup link (a code
    /// mail): the tag travels with it through the spool and the queue, so
    /// [`Outbox::cancel`] can find it.
    fn send_tagged<'a>(
        &'a self,
        tenant: &'a str,
        recipient: &'a str,
        raw: Vec<u8>,
        tag: crate::types::MailTag,
    ) -> BoxFuture<'a, Result<(), String>>;

    /// The pickup's link was closed (`reason`: revoked, expired, locked):
    /// cancel its notification and code mails still waiting for delivery.
    /// Returns how many waiting messages were cancelled.
    fn cancel<'a>(&'a self, pickup_id: &'a str, reason: &'a str) -> BoxFuture<'a, usize>;
}

/// Takes a recipient's reply. It is a patient writing to their care
/// provider, so the pipeline's implementation sends it through inspect and
/// policy as sensitive mail whatever the scan finds (never below the
/// floor, never with transport `none`). `from` is the envelope sender (the
/// practice's notification address). Returns the id of the queued message.
pub trait ReplySink: Send + Sync {
    fn reply<'a>(
        &'a self,
        tenant: &'a str,
        from: &'a str,
        to: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<String, String>>;
}

/// Phone numbers a sender gave for pickup codes: `[sms:a@b.nl=+316...]`
/// for one recipient, `[sms:+316...]` without an address for "the"
/// recipient. `Debug` never shows a whole number.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SmsTags {
    /// A number without an address (the first one given).
    pub untagged: Option<String>,
    /// (recipient address, lower-cased; number), in the order given.
    pub per_recipient: Vec<(String, String)>,
}

impl std::fmt::Debug for SmsTags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let per: Vec<(&str, String)> = self
            .per_recipient
            .iter()
            .map(|(a, p)| (a.as_str(), crypto::mask_phone(p)))
            .collect();
        f.debug_struct("SmsTags")
            .field(
                "untagged",
                &self.untagged.as_deref().map(crypto::mask_phone),
            )
            .field("per_recipient", &per)
            .finish()
    }
}

impl SmsTags {
    pub fn is_empty(&self) -> bool {
        self.untagged.is_none() && self.per_recipient.is_empty()
    }

    /// These tags, then `other`'s where these give none.
    pub fn or(mut self, other: SmsTags) -> SmsTags {
        if self.untagged.is_none() {
            self.untagged = other.untagged;
        }
        for (a, p) in other.per_recipient {
            if !self.per_recipient.iter().any(|(b, _)| *b == a) {
                self.per_recipient.push((a, p));
            }
        }
        self
    }

    /// The number for `recipient`: its own tag; else the untagged number,
    /// but only when `recipient` is the mail's only pickup recipient (one
    /// number never goes to several people: a code for the specialist
    /// must not reach the patient's phone).
    pub fn for_recipient(&self, recipient: &str, only_pickup_recipient: bool) -> Option<&str> {
        let own = self
            .per_recipient
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(recipient.trim()))
            .map(|(_, p)| p.as_str());
        own.or(self.untagged.as_deref().filter(|_| only_pickup_recipient))
    }

    fn add(&mut self, tag: Tag) {
        match tag {
            Tag::Untagged(p) => {
                self.untagged.get_or_insert(p);
            }
            Tag::For(a, p) => {
                if !self.per_recipient.iter().any(|(b, _)| *b == a) {
                    self.per_recipient.push((a, p));
                }
            }
        }
    }
}

enum Tag {
    Untagged(String),
    For(String, String),
}

/// `+31 6-1234 5678` -> `+31612345678`; only `+` and 7..=15 digits count.
fn phone_number(text: &str) -> Option<String> {
    let inner: String = text.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = inner.strip_prefix('+').unwrap_or(&inner);
    (digits.len() >= 7 && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(inner)
}

/// The inside of one tag: `NUMBER` or `ADDRESS=NUMBER`.
fn parse_tag(inner: &str) -> Option<Tag> {
    match inner.split_once('=') {
        Some((address, number)) => {
            let address = address.trim();
            let ok = address.contains('@')
                && !address.starts_with('@')
                && !address.ends_with('@')
                && !address.chars().any(|c| c.is_whitespace() || c.is_control());
            ok.then_some(())?;
            Some(Tag::For(address.to_lowercase(), phone_number(number)?))
        }
        None => Some(Tag::Untagged(phone_number(inner)?)),
    }
}

/// Take every `[sms:...]` tag out of a subject: (numbers, subject without
/// the tags). A tag that is not a valid number stays in the subject.
pub fn take_sms_tags(subject: &str) -> (SmsTags, String) {
    let mut tags = SmsTags::default();
    let mut out = String::with_capacity(subject.len());
    let mut rest = subject;
    let mut taken = false;
    loop {
        // ASCII lower-casing keeps byte offsets, so they index `rest` too.
        let lower = rest.to_ascii_lowercase();
        let found = lower.find("[sms:").and_then(|start| {
            let len = rest.get(start..)?.find(']')?;
            Some((start, len))
        });
        let Some((start, len)) = found else {
            out.push_str(rest);
            break;
        };
        let (Some(before), Some(tag), Some(inner), Some(after)) = (
            rest.get(..start),
            rest.get(start..=start + len),
            rest.get(start + 5..start + len),
            rest.get(start + len + 1..),
        ) else {
            out.push_str(rest);
            break;
        };
        out.push_str(before);
        match parse_tag(inner) {
            Some(t) => {
                tags.add(t);
                taken = true;
                out.push(' ');
            }
            None => out.push_str(tag),
        }
        rest = after;
    }
    if !taken {
        return (tags, subject.to_string());
    }
    (tags, out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The numbers in the `X-Sluis-SMS:` header: `NUMBER` and/or
/// `ADDRESS=NUMBER` items separated by commas or semicolons. The header
/// itself never leaves Sluis (the pipeline removes it).
pub fn sms_header(raw: &[u8]) -> SmsTags {
    let mut tags = SmsTags::default();
    let Some(msg) = mail_parser::MessageParser::default().parse_headers(raw) else {
        return tags;
    };
    let Some(value) = msg.header_raw("X-Sluis-SMS") else {
        return tags;
    };
    for item in value.split([',', ';']) {
        if let Some(t) = parse_tag(item.trim()) {
            tags.add(t);
        }
    }
    tags
}

/// The name of the header a sender may give numbers in.
pub const SMS_HEADER: &str = "X-Sluis-SMS";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sms_tags_are_taken_from_the_subject() {
        let (t, s) = take_sms_tags("Uitslag [sms:+31 6-12345678] bloed");
        assert_eq!(t.untagged.as_deref(), Some("+31612345678"));
        assert_eq!(s, "Uitslag bloed");
        let (t, s) = take_sms_tags("[SMS:0612345678]");
        assert_eq!(t.untagged.as_deref(), Some("0612345678"));
        assert_eq!(s, "");
        let (t, s) = take_sms_tags("Prijs [sms:abc]");
        assert!(t.untagged.is_none());
        assert_eq!(s, "Prijs [sms:abc]");
    }

    #[test]
    fn per_recipient_tags_are_taken_and_applied_only_to_their_recipient() {
        let (t, s) = take_sms_tags(
            "[sms:P@Example.nl=+31612345678] Uitslag [sms:s@zkh.nl=06-87654321] [sms:x=1]",
        );
        assert_eq!(s, "Uitslag [sms:x=1]");
        assert_eq!(t.for_recipient("p@example.nl", false), Some("+31612345678"));
        assert_eq!(t.for_recipient("S@zkh.nl", false), Some("0687654321"));
        assert_eq!(t.for_recipient("other@x.nl", true), None);
        assert!(!format!("{t:?}").contains("12345678"), "{t:?}");
    }

    #[test]
    fn an_untagged_number_serves_only_a_single_pickup_recipient() {
        let (t, _) = take_sms_tags("Uitslag [sms:+31612345678]");
        assert_eq!(t.for_recipient("p@example.nl", true), Some("+31612345678"));
        assert_eq!(t.for_recipient("p@example.nl", false), None);
    }

    #[test]
    fn sms_header_is_read_and_checked() {
        let raw = b"X-Sluis-SMS: +31612345678\r\nSubject: x\r\n\r\nbody";
        assert_eq!(sms_header(raw).untagged.as_deref(), Some("+31612345678"));
        assert!(sms_header(b"X-Sluis-SMS: nope\r\n\r\n").is_empty());
        let raw = b"X-Sluis-SMS: a@b.nl=+31612345678; c@d.nl=0687654321\r\n\r\n";
        let t = sms_header(raw);
        assert_eq!(t.for_recipient("c@d.nl", false), Some("0687654321"));
        assert_eq!(t.untagged, None);
    }
}
