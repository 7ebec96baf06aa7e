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
//!   `expired`) with message id and recipient, never content.
//!
//! Fails with [`PickupError`]; the portal turns each into a bilingual page.
//!
//! Wiring (done by the caller):
//! - start: `Pickup::from_config(config, store, audit, outbox, replies)`,
//!   then `serve_portal(pickup, TcpListener::bind(config.pickup.listen),
//!   load_or_generate_tls(..), shutdown)` and `pickup.run_sweeper()`;
//! - pipeline: for a recipient routed to pickup, after the original is
//!   spooled, `park(tenant, id, sender, rcpt, raw, phone)` where `phone`
//!   comes from [`take_sms_tag`] on the Subject or [`sms_header`]; inject
//!   `Parked::notification` to the recipient and
//!   `Parked::sender_confirmation` to the sender as new messages;
//! - [`Outbox`] injects code mails and "opened" notices; [`ReplySink`]
//!   submits a reply through inspect and policy;
//! - CLI: [`cli::import_contacts`], [`cli::revoke`] (with [`cli::admin`]).

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
mod service;
pub mod sms;
pub mod tls;
pub mod view;

pub use portal::serve_portal;
pub use service::{CodeChannel, Opened, Parked, Pickup};

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
    #[error("wrong code")]
    WrongCode,
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
}

/// Takes a recipient's reply (it may hold health data: the lead's
/// implementation sends it through inspect and policy like any mail).
pub trait ReplySink: Send + Sync {
    fn reply<'a>(
        &'a self,
        tenant: &'a str,
        from: &'a str,
        to: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<(), String>>;
}

/// Take a `[sms:+316...]` tag out of a subject: (phone, subject without it).
/// Only `+` and digits (7..=15 of them) count as a number.
pub fn take_sms_tag(subject: &str) -> (Option<String>, String) {
    let unchanged = || (None, subject.to_string());
    // ASCII lower-casing keeps byte offsets, so they index `subject` too.
    let lower = subject.to_ascii_lowercase();
    let Some(start) = lower.find("[sms:") else {
        return unchanged();
    };
    let Some(len) = subject.get(start..).and_then(|rest| rest.find(']')) else {
        return unchanged();
    };
    let (Some(inner), Some(before), Some(after)) = (
        subject.get(start + 5..start + len),
        subject.get(..start),
        subject.get(start + len + 1..),
    ) else {
        return unchanged();
    };
    let inner: String = inner.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = inner.strip_prefix('+').unwrap_or(&inner);
    if digits.len() < 7 || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return unchanged();
    }
    let rest = format!("{before}{after}");
    (
        Some(inner),
        rest.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

/// The `X-Sluis-SMS:` header's number, if present and well formed.
pub fn sms_header(raw: &[u8]) -> Option<String> {
    let msg = mail_parser::MessageParser::default().parse_headers(raw)?;
    let value = msg.header_raw("X-Sluis-SMS")?;
    let (phone, _) = take_sms_tag(&format!("[sms:{}]", value.trim()));
    phone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sms_tags_are_taken_from_the_subject() {
        let (p, s) = take_sms_tag("Uitslag [sms:+31 6-12345678] bloed");
        assert_eq!(p.as_deref(), Some("+31612345678"));
        assert_eq!(s, "Uitslag bloed");
        let (p, s) = take_sms_tag("[SMS:0612345678]");
        assert_eq!(p.as_deref(), Some("0612345678"));
        assert_eq!(s, "");
        let (p, s) = take_sms_tag("Prijs [sms:abc]");
        assert!(p.is_none());
        assert_eq!(s, "Prijs [sms:abc]");
    }

    #[test]
    fn sms_header_is_read_and_checked() {
        let raw = b"X-Sluis-SMS: +31612345678\r\nSubject: x\r\n\r\nbody";
        assert_eq!(sms_header(raw).as_deref(), Some("+31612345678"));
        assert_eq!(sms_header(b"X-Sluis-SMS: nope\r\n\r\n"), None);
    }
}
