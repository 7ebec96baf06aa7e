//! The rustls client configuration an MX's [`SecurityLevel`] calls for,
//! built through the one factory in [`crate::net::tls`]: the DANE verifier
//! for `Dane` and `DaneInsecureMx`, PKIX with the given roots (name from SNI) for `Verify`, any
//! certificate otherwise (the handshake signatures are verified in every
//! case). Used by MX delivery and by `delivery check`.

use super::dane::{DaneAuth, DaneError, DaneVerifier};
use super::levels::{Achieved, SecurityLevel};
use crate::net::dns::Tlsa;
use crate::net::tls;
use rustls::{ClientConfig, RootCertStore};
use std::sync::Arc;

/// Read after the handshake: the DANE verification result.
pub type DaneOutcome = Arc<std::sync::Mutex<Option<Result<DaneAuth, DaneError>>>>;

/// The client configuration for an MX at `level`, what a successful
/// handshake with it achieves, and (for DANE) where the verifier leaves its
/// result.
pub fn tls_client_config(
    level: &SecurityLevel,
    tlsa: &[Tlsa],
    names: &[String],
    roots: &RootCertStore,
) -> Result<(Arc<ClientConfig>, Achieved, Option<DaneOutcome>), rustls::Error> {
    Ok(match level {
        SecurityLevel::Dane | SecurityLevel::DaneInsecureMx => {
            let v = DaneVerifier::new(tlsa.to_vec(), names.to_vec(), tls::crypto_provider());
            let outcome = v.outcome();
            let achieved = if *level == SecurityLevel::Dane {
                Achieved::Dane
            } else {
                Achieved::DaneInsecureMx
            };
            (tls::with_cert_check(v)?, achieved, Some(outcome))
        }
        SecurityLevel::Verify => (tls::pkix(roots.clone())?, Achieved::MtaSts, None),
        _ => (tls::unauthenticated()?, Achieved::Tls, None),
    })
}
