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

pub use encryptor::Encryptor;

use serde::{Deserialize, Serialize};

/// Which end-to-end format was used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Smime,
    OpenPgp,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Smime => "smime",
            Method::OpenPgp => "openpgp",
        }
    }
}

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

/// The outer Subject of a protected message (Dutch first).
pub const DEFAULT_PROTECTED_SUBJECT: &str = "Beveiligd bericht / Secure message";

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

/// Tunables of the crypto stage; every limit explicit.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CryptoConfig {
    /// Header protection on by default.
    pub header_protection: bool,
    pub protected_subject: String,
    /// S/MIME content encryption when the certificate does not announce
    /// AES-256-GCM: `cbc` (compatible) or `gcm`.
    pub smime_default_cipher: SmimeCipher,
    /// Prefer S/MIME over OpenPGP when both keys are known.
    pub prefer: Method,
    /// How long a discovered key (or its absence) is remembered.
    pub cache_secs: u64,
    pub negative_cache_secs: u64,
    /// Largest message accepted for encryption.
    pub max_message_bytes: u64,
    pub wkd: wkd::WkdConfig,
    pub dane: bool,
    /// Sign S/MIME messages with the practice's certificate before
    /// encrypting them (off when absent).
    pub signing: Option<smime_sign::SigningConfig>,
    /// PEM file of CA certificates: when set, S/MIME certificates from the
    /// local store are used only if they chain to one of them (e-mail
    /// protection). Absent: the operator's import is the trust.
    pub smime_trust_anchors: Option<std::path::PathBuf>,
}

impl Default for CryptoConfig {
    fn default() -> Self {
        CryptoConfig {
            header_protection: true,
            protected_subject: DEFAULT_PROTECTED_SUBJECT.into(),
            smime_default_cipher: SmimeCipher::Cbc,
            prefer: Method::Smime,
            cache_secs: 3600,
            negative_cache_secs: 300,
            max_message_bytes: 64 * 1024 * 1024,
            wkd: wkd::WkdConfig::default(),
            dane: true,
            signing: None,
            smime_trust_anchors: None,
        }
    }
}

/// S/MIME content-encryption algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmimeCipher {
    /// AES-256-CBC in EnvelopedData.
    Cbc,
    /// AES-256-GCM in AuthEnvelopedData (RFC 5083/5084).
    Gcm,
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
