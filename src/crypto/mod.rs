//! Crypto stage: end-to-end encryption of a message to one recipient,
//! with S/MIME (CMS EnvelopedData / AuthEnvelopedData) or OpenPGP
//! (PGP/MIME), using a key found for that recipient.
//!
//! Promises: the whole MIME entity (every attachment, and with header
//! protection the original From/To/Subject/Date) goes inside the
//! ciphertext; a key is only used when it is valid now (not expired, not
//! revoked, allowed to encrypt, and bound to the recipient's address);
//! every use of a key is audited (`key-used`, fingerprint and source).
//! How it fails: no usable key is not an error but
//! [`EncryptOutcome::NoKey`] (the policy's fallback runs); a malformed
//! message or a crypto failure is a [`CryptoError`]. Errors and logs never
//! carry message content.
//!
//! Layout: `mime` (inner/outer entities), `smime` (+ `smime_ecdh` for
//! P-256 key agreement, `smime_sign` for optional signing), `pgp`,
//! `keystore` (keys and CRL revocations in the database), `discover`
//! (DANE SMIMEA/OPENPGPKEY behind [`discover::KeyLookup`]), `dane_lookup`
//! (that trait over delivery's validating resolver), `wkd` (Web Key
//! Directory over HTTPS), `encryptor` (order of discovery, cache, audit),
//! `cli`.
//!
//! Wiring: one `Encryptor::new(config, Some(store), audit)` per process,
//! plus `.with_lookup(Arc::new(DnsKeyLookup::new(dns)))` for DANE; for each
//! recipient whose decision is `Encrypt`, after the original is spooled:
//! `encrypt_for(rcpt, raw, &encryptor.options(tenant, Some(id)))` →
//! `Encrypted { message, .. }` is injected as a new message for that one
//! recipient (delivered under the policy's transport floor), `NoKey` runs
//! the decision's fallback, `Err` defers (never a clear-text send).

pub mod cli;
pub mod dane_lookup;
pub mod discover;
pub mod encryptor;
pub mod keystore;
pub mod mime;
pub mod pgp;
pub mod smime;
pub mod smime_ecdh;
pub mod smime_sign;
pub mod smime_trust;
pub mod wkd;

pub use crate::config::{CryptoConfig, Method, SmimeCipher, DEFAULT_PROTECTED_SUBJECT};
pub use encryptor::Encryptor;

use serde::{Deserialize, Serialize};

/// Where the key came from (audited with every use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeySource {
    /// Imported with `sluis keys import`.
    Store,
    /// DANE SMIMEA record (RFC 8162), DNSSEC secure.
    Smimea,
    /// DANE OPENPGPKEY record (RFC 7929), DNSSEC secure.
    Openpgpkey,
    /// Web Key Directory over HTTPS.
    Wkd,
    /// Given explicitly on the command line (`sluis encrypt --cert/--pgp-key`).
    File,
}

impl KeySource {
    pub fn as_str(self) -> &'static str {
        match self {
            KeySource::Store => "store",
            KeySource::Smimea => "smimea",
            KeySource::Openpgpkey => "openpgpkey",
            KeySource::Wkd => "wkd",
            KeySource::File => "file",
        }
    }
}

/// Per-message options.
#[derive(Clone, Debug)]
pub struct EncryptOptions {
    /// Replace the outer Subject and move the original headers inside.
    pub header_protection: bool,
    /// Outer Subject when `header_protection` is on.
    pub protected_subject: String,
    /// For the audit event.
    pub tenant: String,
    pub message_id: Option<String>,
}

impl Default for EncryptOptions {
    fn default() -> Self {
        EncryptOptions {
            header_protection: true,
            protected_subject: DEFAULT_PROTECTED_SUBJECT.into(),
            tenant: "default".into(),
            message_id: None,
        }
    }
}

/// What `encrypt_for` did.
#[derive(Clone, Debug, PartialEq)]
pub enum EncryptOutcome {
    /// The complete encrypted message (headers and body, CRLF line ends).
    Encrypted {
        message: Vec<u8>,
        method: Method,
        fingerprint: String,
        source: KeySource,
    },
    /// No usable key; the policy's fallback applies. `reason` is safe to
    /// log and audit (no content).
    NoKey { reason: String },
}

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("bericht onleesbaar / message malformed: {0}")]
    Message(String),
    #[error("bericht te groot om te versleutelen / message too large to encrypt")]
    TooLarge,
    #[error("sleutel onbruikbaar / key unusable: {0}")]
    Key(String),
    #[error("versleutelen mislukt / encryption failed: {0}")]
    Encrypt(String),
    #[error("sleutelopslag / key store: {0}")]
    Store(#[from] crate::store::StoreError),
}
