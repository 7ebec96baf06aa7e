//! Optional PKIX check for S/MIME certificates from the local key store.
//!
//! By default a stored certificate is trusted because the operator
//! imported it. With `[crypto] smime_trust_anchors = "FILE.pem"` a stored
//! certificate is used only when it chains (rustls-webpki: signatures,
//! validity of every certificate, CA constraints) to one of the
//! certificates in that file, with the e-mail protection purpose — the
//! UZI/PKIoverheid set-up, where a wrongly imported certificate must not
//! be used. The file may hold roots and intermediates; each is an anchor.
//! Certificates found through DANE (SMIMEA usage 3) are trusted through
//! DNSSEC instead and are not checked here.

use super::CryptoError;
use rustls::pki_types::{CertificateDer, UnixTime};
use std::path::Path;
use std::time::Duration;

/// id-kp-emailProtection (1.3.6.1.5.5.7.3.4), DER value bytes.
const EMAIL_PROTECTION: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x04];

pub struct SmimeTrust {
    anchors: Vec<CertificateDer<'static>>,
}

impl SmimeTrust {
    /// Read the anchors; an unreadable or empty file is an error at start-up
    /// (failing closed later would silently fall back to pickup for all).
    pub fn load(path: &Path) -> Result<SmimeTrust, CryptoError> {
        let bad = |why: String| {
            CryptoError::Key(format!("smime_trust_anchors {}: {why}", path.display()))
        };
        let pem = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
        let anchors = rustls_pemfile::certs(&mut pem.as_slice())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| bad(e.to_string()))?;
        if anchors.is_empty() {
            return Err(bad("no certificates in the file".into()));
        }
        for anchor in &anchors {
            webpki::anchor_from_trusted_cert(anchor).map_err(|e| bad(format!("{e:?}")))?;
        }
        Ok(SmimeTrust { anchors })
    }

    /// `Ok` when `der` chains to an anchor for e-mail protection at `now_ms`;
    /// otherwise why not (safe to log: no content).
    pub fn check(&self, der: &[u8], now_ms: i64) -> Result<(), String> {
        let anchors = self
            .anchors
            .iter()
            .filter_map(|a| webpki::anchor_from_trusted_cert(a).ok())
            .collect::<Vec<_>>();
        let cert = CertificateDer::from(der);
        let ee = webpki::EndEntityCert::try_from(&cert)
            .map_err(|e| format!("certificate not readable for a chain check ({e:?})"))?;
        let now = UnixTime::since_unix_epoch(Duration::from_millis(now_ms.max(0) as u64));
        ee.verify_for_usage(
            webpki::ALL_VERIFICATION_ALGS,
            &anchors,
            &[],
            now,
            webpki::KeyUsage::required(EMAIL_PROTECTION),
            None,
            None,
        )
        .map(|_| ())
        .map_err(|e| format!("certificate does not chain to a trusted S/MIME anchor ({e:?})"))
    }
}
