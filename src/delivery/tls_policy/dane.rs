//! DANE for SMTP (RFC 7672, RFC 7671): TLSA record matching and a rustls
//! certificate verifier that authenticates the MX from its TLSA records.
//!
//! Promises:
//! - Only DANE-TA(2) and DANE-EE(3) are usable; PKIX-TA/EE(0/1), unknown
//!   selectors or matching types and digests of the wrong length are
//!   "unusable" and never authenticate anything (RFC 7672 §3.1.3).
//! - DANE-EE matches the leaf only and ignores names and validity dates
//!   (RFC 7672 §3.1.1).
//! - DANE-TA builds a chain from the leaf to the certificate (or SPKI) named
//!   by the record, checks dates below the anchor and checks the name
//!   against the reference identifiers (the MX host name, RFC 7672 §3.2.2).
//! - Handshake signatures are always verified with the normal provider
//!   (by [`crate::net::tls::Verifier`], into which [`DaneVerifier`] plugs
//!   as a [`CertCheck`]).
//!
//! Fails closed: anything that cannot be parsed does not match.

use crate::net::dns::Tlsa;
use crate::net::tls::CertCheck;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, Der, ServerName, TrustAnchor, UnixTime};
use sha2::{Digest, Sha256, Sha512};
use std::sync::{Arc, Mutex};

pub const USAGE_DANE_TA: u8 = 2;
pub const USAGE_DANE_EE: u8 = 3;

impl Tlsa {
    /// Usable for SMTP per RFC 7672 §3.1.3: DANE-TA or DANE-EE, a known
    /// selector and matching type, and data of the right length.
    pub fn is_usable(&self) -> bool {
        let usage_ok = self.usage == USAGE_DANE_TA || self.usage == USAGE_DANE_EE;
        let selector_ok = self.selector <= 1;
        let data_ok = match self.matching {
            0 => !self.data.is_empty(),
            1 => self.data.len() == 32,
            2 => self.data.len() == 64,
            _ => false,
        };
        usage_ok && selector_ok && data_ok
    }
}

/// The SubjectPublicKeyInfo (DER) of a certificate, or `None` if the
/// certificate does not parse.
pub fn spki_of(cert_der: &[u8]) -> Option<Vec<u8>> {
    let (_, cert) = x509_parser::parse_x509_certificate(cert_der).ok()?;
    Some(cert.tbs_certificate.subject_pki.raw.to_vec())
}

/// Does `record` match `cert_der` (selector + matching type only; usage is
/// the caller's business)? Unusable records never match.
pub fn record_matches_cert(record: &Tlsa, cert_der: &[u8]) -> bool {
    if !record.is_usable() {
        return false;
    }
    let selected = match record.selector {
        0 => cert_der.to_vec(),
        1 => match spki_of(cert_der) {
            Some(s) => s,
            None => return false,
        },
        _ => return false,
    };
    let digest: Vec<u8> = match record.matching {
        0 => selected,
        1 => Sha256::digest(&selected).to_vec(),
        2 => Sha512::digest(&selected).to_vec(),
        _ => return false,
    };
    // Not secret: plain comparison is fine.
    digest == record.data
}

/// How a peer was authenticated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DaneAuth {
    /// The leaf matched this DANE-EE record.
    EndEntity(Tlsa),
    /// The chain reached the anchor named by this DANE-TA record.
    TrustAnchor(Tlsa),
}

impl DaneAuth {
    pub fn record(&self) -> &Tlsa {
        match self {
            DaneAuth::EndEntity(t) | DaneAuth::TrustAnchor(t) => t,
        }
    }
    /// `dane-ee` or `dane-ta` (as in `TlsInfo::authentication`).
    pub fn as_str(&self) -> &'static str {
        match self {
            DaneAuth::EndEntity(_) => "dane-ee",
            DaneAuth::TrustAnchor(_) => "dane-ta",
        }
    }
}

/// Why DANE authentication failed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DaneError {
    #[error("no usable TLSA record (all are PKIX-TA/EE or malformed)")]
    NoUsableRecords,
    #[error("the server sent no certificate")]
    NoCertificate,
    #[error("no TLSA record matches the server's certificate chain")]
    NoMatch,
    #[error("DANE-TA: chain to the TLSA trust anchor does not verify: {0}")]
    ChainInvalid(String),
    #[error("DANE-TA: certificate is not valid for {0}")]
    NameMismatch(String),
}

/// Verify a presented chain (`chain[0]` is the leaf) against a TLSA RRset.
/// `names` are the reference identifiers for DANE-TA (RFC 7672 §3.2.2).
/// Pure apart from signature arithmetic.
pub fn verify_chain(
    records: &[Tlsa],
    chain: &[CertificateDer<'_>],
    names: &[String],
    now: UnixTime,
    provider: &CryptoProvider,
) -> Result<DaneAuth, DaneError> {
    let usable: Vec<&Tlsa> = records.iter().filter(|r| r.is_usable()).collect();
    if usable.is_empty() {
        return Err(DaneError::NoUsableRecords);
    }
    let leaf = chain.first().ok_or(DaneError::NoCertificate)?;
    // DANE-EE first: the cheapest and the most common.
    for r in usable.iter().filter(|r| r.usage == USAGE_DANE_EE) {
        if record_matches_cert(r, leaf.as_ref()) {
            return Ok(DaneAuth::EndEntity((*r).clone()));
        }
    }
    let intermediates = chain.get(1..).unwrap_or(&[]);
    let mut last_err = DaneError::NoMatch;
    for r in usable.iter().filter(|r| r.usage == USAGE_DANE_TA) {
        // Candidate anchors: certificates the server sent above the leaf
        // that match the record, plus the record itself when it is a full
        // certificate (`2 0 0`).
        let mut anchors: Vec<CertificateDer<'_>> = intermediates
            .iter()
            .filter(|c| record_matches_cert(r, c.as_ref()))
            .cloned()
            .collect();
        if r.selector == 0 && r.matching == 0 {
            anchors.push(CertificateDer::from(r.data.clone()));
        }
        for anchor_der in &anchors {
            let anchor = match webpki::anchor_from_trusted_cert(anchor_der) {
                Ok(a) => a,
                Err(e) => {
                    last_err = DaneError::ChainInvalid(format!("trust anchor: {e}"));
                    continue;
                }
            };
            match verify_ta(leaf, intermediates, anchor, names, now, provider) {
                Ok(()) => return Ok(DaneAuth::TrustAnchor((*r).clone())),
                Err(e) => last_err = e,
            }
        }
        // `2 1 0`: the record is the anchor's full public key, so the
        // server need not send the anchor: its name is the issuer name of
        // a certificate in the chain (RFC 7671 §5.2.2).
        if r.selector == 1 && r.matching == 0 {
            let Some(spki) = der_contents(&r.data) else {
                continue;
            };
            for cert in chain {
                let Some(issuer) = issuer_contents(cert.as_ref()) else {
                    continue;
                };
                let anchor = TrustAnchor {
                    subject: Der::from(issuer.as_slice()),
                    subject_public_key_info: Der::from(spki),
                    name_constraints: None,
                };
                match verify_ta(leaf, intermediates, anchor, names, now, provider) {
                    Ok(()) => return Ok(DaneAuth::TrustAnchor((*r).clone())),
                    Err(e) => last_err = e,
                }
            }
        }
    }
    Err(last_err)
}

/// The contents of a DER SEQUENCE (without tag and length), if `der` is
/// exactly one SEQUENCE.
fn der_contents(der: &[u8]) -> Option<&[u8]> {
    let (&tag, rest) = der.split_first()?;
    if tag != 0x30 {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = rest.get(..n)?;
        let len = bytes
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, rest.get(n..)?)
    };
    (rest.len() == len).then_some(rest)
}

/// The issuer Name of a certificate, as SEQUENCE contents.
fn issuer_contents(cert_der: &[u8]) -> Option<Vec<u8>> {
    let (_, cert) = x509_parser::parse_x509_certificate(cert_der).ok()?;
    der_contents(cert.tbs_certificate.issuer.as_raw()).map(<[u8]>::to_vec)
}

fn verify_ta(
    leaf: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    anchor: TrustAnchor<'_>,
    names: &[String],
    now: UnixTime,
    provider: &CryptoProvider,
) -> Result<(), DaneError> {
    let ee = webpki::EndEntityCert::try_from(leaf)
        .map_err(|e| DaneError::ChainInvalid(format!("leaf: {e}")))?;
    ee.verify_for_usage(
        provider.signature_verification_algorithms.all,
        &[anchor],
        intermediates,
        now,
        webpki::KeyUsage::server_auth(),
        None,
        None,
    )
    .map_err(|e| DaneError::ChainInvalid(e.to_string()))?;
    for name in names {
        let Ok(sn) = ServerName::try_from(name.trim_end_matches('.').to_string()) else {
            continue;
        };
        if ee.verify_is_valid_for_subject_name(&sn).is_ok() {
            return Ok(());
        }
    }
    Err(DaneError::NameMismatch(names.join(", ")))
}

/// The certificate check that authenticates the peer by DANE only (for
/// [`crate::net::tls::with_cert_check`]).
#[derive(Debug)]
pub struct DaneVerifier {
    records: Vec<Tlsa>,
    names: Vec<String>,
    provider: Arc<CryptoProvider>,
    outcome: Arc<Mutex<Option<Result<DaneAuth, DaneError>>>>,
}

impl DaneVerifier {
    /// `records`: the secure TLSA RRset; `names`: reference identifiers;
    /// `provider`: its signature algorithms check a DANE-TA chain.
    pub fn new(records: Vec<Tlsa>, names: Vec<String>, provider: Arc<CryptoProvider>) -> Self {
        DaneVerifier {
            records,
            names,
            provider,
            outcome: Arc::new(Mutex::new(None)),
        }
    }

    /// A handle to read the verification outcome after the handshake.
    pub fn outcome(&self) -> Arc<Mutex<Option<Result<DaneAuth, DaneError>>>> {
        Arc::clone(&self.outcome)
    }
}

impl CertCheck for DaneVerifier {
    fn check_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        now: UnixTime,
    ) -> Result<(), rustls::Error> {
        let mut chain = Vec::with_capacity(intermediates.len() + 1);
        chain.push(end_entity.clone());
        chain.extend(intermediates.iter().cloned());
        let res = verify_chain(&self.records, &chain, &self.names, now, &self.provider);
        let verdict = match &res {
            Ok(_) => Ok(()),
            Err(e) => Err(rustls::Error::General(format!("DANE: {e}"))),
        };
        if let Ok(mut g) = self.outcome.lock() {
            *g = Some(res);
        }
        verdict
    }
}

#[cfg(test)]
#[path = "dane_tests.rs"]
mod tests;
