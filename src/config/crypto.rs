//! `[crypto]`: end-to-end encryption (see `crypto`). The plain settings
//! and the small enums they name live here so that the config names no
//! stage; `crypto` re-exports them under its own paths.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;

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

/// The outer Subject of a protected message (Dutch first).
pub const DEFAULT_PROTECTED_SUBJECT: &str = "Beveiligd bericht / Secure message";

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
    pub wkd: WkdConfig,
    pub dane: bool,
    /// Sign S/MIME messages with the practice's certificate before
    /// encrypting them (off when absent).
    pub signing: Option<SigningConfig>,
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
            wkd: WkdConfig::default(),
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

/// `[crypto.wkd]`: Web Key Directory lookups (see `crypto::wkd`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WkdConfig {
    pub enabled: bool,
    /// HTTPS port (443; tests use another).
    pub port: u16,
    /// Whole request (connect, TLS, response) must finish within this.
    pub timeout_secs: u64,
    /// Largest response body accepted.
    pub max_bytes: usize,
    /// PEM file with extra trusted CA certificates.
    pub extra_ca_file: Option<PathBuf>,
    /// When set, the complete host table for WKD (host -> address); no
    /// other name is resolved. For split-horizon setups and tests.
    pub hosts: Option<BTreeMap<String, SocketAddr>>,
}

impl Default for WkdConfig {
    fn default() -> Self {
        WkdConfig {
            enabled: true,
            port: 443,
            timeout_secs: 10,
            max_bytes: 256 * 1024,
            extra_ca_file: None,
            hosts: None,
        }
    }
}

/// Where the practice's signing certificate and key are (PEM).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigningConfig {
    pub certificate: PathBuf,
    pub private_key: PathBuf,
}
