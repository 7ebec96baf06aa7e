//! OpenPGP (RFC 4880/9580) with Sequoia: certificate checks and PGP/MIME
//! (RFC 3156 multipart/encrypted) encryption of a MIME entity.
//!
//! A certificate is usable only when it is valid under Sequoia's standard
//! policy now, not revoked, not expired, has a valid (not revoked) user
//! ID carrying the recipient's address, and has at least one live,
//! unrevoked subkey for transport encryption. The message is encrypted
//! to every such subkey (as gpg does); the cipher follows the
//! certificate's preferences (SEIPD v1 with MDC unless it announces v2).

use super::{mime, CryptoError};
use openpgp::cert::amalgamation::ValidAmalgamation;
use openpgp::cert::CertParser;
use openpgp::parse::Parse;
use openpgp::policy::StandardPolicy;
use openpgp::serialize::stream::{Armorer, Encryptor, LiteralWriter, Message};
use openpgp::types::RevocationStatus;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use std::io::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Largest certificate accepted from any source.
pub const MAX_CERT_BYTES: usize = 1024 * 1024;

/// A parsed recipient certificate.
#[derive(Clone, Debug)]
pub struct PgpCert {
    pub cert: Cert,
    /// Primary key fingerprint, upper-case hex.
    pub fingerprint: String,
    /// Lower-cased addresses of all user IDs (validity checked separately).
    pub emails: Vec<String>,
}

fn key_err(e: impl std::fmt::Display) -> CryptoError {
    CryptoError::Key(e.to_string())
}

fn time(ms: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(ms.max(0) as u64)
}

/// Parse one or more certificates (armored or binary).
pub fn parse_certs(data: &[u8]) -> Result<Vec<PgpCert>, CryptoError> {
    if data.len() > MAX_CERT_BYTES {
        return Err(CryptoError::Key("OpenPGP certificate too large".into()));
    }
    let parser = CertParser::from_bytes(data).map_err(key_err)?;
    let mut out = Vec::new();
    for cert in parser {
        let cert = cert.map_err(key_err)?;
        out.push(from_cert(cert));
    }
    if out.is_empty() {
        return Err(CryptoError::Key("no OpenPGP certificate found".into()));
    }
    Ok(out)
}

fn from_cert(cert: Cert) -> PgpCert {
    let mut emails: Vec<String> = cert
        .userids()
        .filter_map(|ua| {
            ua.userid()
                .email()
                .ok()
                .flatten()
                .map(|e| e.to_ascii_lowercase())
        })
        .collect();
    emails.sort();
    emails.dedup();
    PgpCert {
        fingerprint: cert.fingerprint().to_hex(),
        emails,
        cert,
    }
}

/// Merge two copies of one certificate (new signatures, revocations).
pub fn merge(old: PgpCert, new: PgpCert) -> Result<PgpCert, CryptoError> {
    old.cert
        .merge_public(new.cert)
        .map(from_cert)
        .map_err(key_err)
}

impl PgpCert {
    /// Why this certificate may not be used for `address` at `now_ms`
    /// (`None`: usable).
    pub fn unusable(&self, address: &str, now_ms: i64) -> Option<String> {
        let policy = StandardPolicy::new();
        let vc = match self.cert.with_policy(&policy, time(now_ms)) {
            Ok(vc) => vc,
            Err(e) => return Some(format!("certificate not valid: {e}")),
        };
        if let RevocationStatus::Revoked(_) = vc.revocation_status() {
            return Some("certificate revoked".into());
        }
        if vc.alive().is_err() {
            return Some("certificate expired".into());
        }
        let address = address.to_ascii_lowercase();
        let bound = vc.userids().any(|ua| {
            !matches!(ua.revocation_status(), RevocationStatus::Revoked(_))
                && ua
                    .userid()
                    .email()
                    .ok()
                    .flatten()
                    .is_some_and(|e| e.eq_ignore_ascii_case(&address))
        });
        if !bound {
            return Some("no valid user ID with the recipient's address".into());
        }
        let keys = vc
            .keys()
            .supported()
            .alive()
            .revoked(false)
            .for_transport_encryption()
            .count();
        if keys == 0 {
            return Some("no valid encryption key".into());
        }
        None
    }

    /// Upper-case hex fingerprint.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Binary (unarmored) serialisation, for the key store.
    pub fn to_bytes(&self) -> Result<Vec<u8>, CryptoError> {
        use openpgp::serialize::SerializeInto;
        self.cert.to_vec().map_err(key_err)
    }
}

/// ASCII-armored OpenPGP message of `content` for `cert`.
pub fn encrypt_armored(
    cert: &PgpCert,
    content: &[u8],
    now_ms: i64,
) -> Result<Vec<u8>, CryptoError> {
    let any = |e: anyhow::Error| CryptoError::Encrypt(e.to_string());
    let policy = StandardPolicy::new();
    let vc = cert.cert.with_policy(&policy, time(now_ms)).map_err(any)?;
    let recipients = vc
        .keys()
        .supported()
        .alive()
        .revoked(false)
        .for_transport_encryption();
    let mut sink = Vec::with_capacity(content.len() * 4 / 3 + 1024);
    {
        let message = Message::new(&mut sink);
        let message = Armorer::new(message).build().map_err(any)?;
        let message = Encryptor::for_recipients(message, recipients)
            .build()
            .map_err(any)?;
        let mut literal = LiteralWriter::new(message).build().map_err(any)?;
        literal
            .write_all(content)
            .map_err(|e| CryptoError::Encrypt(e.to_string()))?;
        literal.finalize().map_err(any)?;
    }
    Ok(sink)
}

/// The complete PGP/MIME message.
pub fn encrypt_message(
    cert: &PgpCert,
    outer_fields: &[u8],
    inner: &[u8],
    now_ms: i64,
) -> Result<Vec<u8>, CryptoError> {
    let armored = encrypt_armored(cert, inner, now_ms)?;
    let b = mime::boundary(&armored);
    let mut out = Vec::with_capacity(armored.len() + 2048);
    out.extend_from_slice(outer_fields);
    out.extend_from_slice(
        format!(
            "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";\r\n \
             boundary=\"{b}\"\r\n\r\n\
             Dit is een met OpenPGP versleuteld bericht / This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\r\n\
             --{b}\r\n\
             Content-Type: application/pgp-encrypted\r\n\
             Content-Description: PGP/MIME version identification\r\n\r\n\
             Version: 1\r\n\r\n\
             --{b}\r\n\
             Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\
             Content-Description: OpenPGP encrypted message\r\n\
             Content-Disposition: inline; filename=\"encrypted.asc\"\r\n\r\n"
        )
        .as_bytes(),
    );
    // The armor uses LF; the message uses CRLF.
    let armored = armored.strip_suffix(b"\n").unwrap_or(&armored);
    for line in armored.split(|c| *c == b'\n') {
        out.extend_from_slice(line.strip_suffix(b"\r").unwrap_or(line));
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    Ok(out)
}
