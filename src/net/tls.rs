//! The one factory for rustls client configurations. Every outgoing TLS
//! connection of Sluis (SMTP to a relay host or an MX, MTA-STS and WKD over
//! HTTPS, the SMS provider) takes its `ClientConfig` from here:
//!
//! - [`pkix`]: PKIX verification against a given root store; the root
//!   stores are [`webpki_roots()`], [`webpki_roots_with_ca_file`] (webpki
//!   plus a PEM file) or [`pkix_roots`] (a system bundle plus extra roots);
//! - [`with_cert_check`]: a custom check of the server's certificate (DANE,
//!   RFC 7672, lives with the TLS policies in delivery and is handed in
//!   here as a [`CertCheck`]);
//! - [`unauthenticated`]: encryption without authentication, for
//!   opportunistic TLS.
//!
//! A custom check decides only whether the certificate is acceptable; the
//! rustls verifier around it ([`Verifier`]) is written once, here, and
//! always verifies the handshake signatures with the provider's
//! algorithms.
//!
//! Promises: the ring provider is set explicitly, never taken from process
//! state; safe default protocol versions only; no client certificates. The
//! unauthenticated verifier still checks the handshake signature against
//! the presented certificate's key (so the session is bound to that key),
//! it just does not ask who vouches for the key.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct CaFileError {
    pub path: String,
    pub message: String,
}

/// The crypto provider used for every outgoing TLS connection.
pub fn crypto_provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// What a custom verifier decides: whether the server's certificate (end
/// entity first, then the intermediates as sent) is acceptable. `Err` ends
/// the handshake with that error. The handshake signatures are not its
/// business: [`Verifier`] checks them for every check alike.
pub trait CertCheck: std::fmt::Debug + Send + Sync {
    fn check_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        now: UnixTime,
    ) -> Result<(), rustls::Error>;
}

/// The one rustls `ServerCertVerifier` for custom checks: the certificate
/// goes to the [`CertCheck`], the handshake signatures are verified with
/// the provider's algorithms (so the session is bound to the key in the
/// certificate the check accepted).
#[derive(Debug)]
pub struct Verifier<C> {
    check: C,
    provider: Arc<CryptoProvider>,
}

impl<C: CertCheck> Verifier<C> {
    pub fn new(check: C, provider: Arc<CryptoProvider>) -> Self {
        Verifier { check, provider }
    }
}

impl<C: CertCheck> ServerCertVerifier for Verifier<C> {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.check
            .check_cert(end_entity, intermediates, server_name, now)
            .map(|()| ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// Accepts any server certificate ([`Verifier`] still checks that the
/// handshake was signed by the key in it). Only for opportunistic TLS and
/// relay hosts configured for encryption without authentication: it gives
/// encryption against passive eavesdropping, not authentication.
#[derive(Debug)]
pub struct AnyCertificate;

impl CertCheck for AnyCertificate {
    fn check_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _now: UnixTime,
    ) -> Result<(), rustls::Error> {
        Ok(())
    }
}

/// PKIX verification against `roots`, server name from SNI.
pub fn pkix(roots: RootCertStore) -> Result<Arc<ClientConfig>, rustls::Error> {
    Ok(Arc::new(
        ClientConfig::builder_with_provider(crypto_provider())
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth(),
    ))
}

/// Certificates checked by `check` alone (DANE); handshake signatures
/// verified by [`Verifier`].
pub fn with_cert_check<C: CertCheck + 'static>(
    check: C,
) -> Result<Arc<ClientConfig>, rustls::Error> {
    Ok(Arc::new(
        ClientConfig::builder_with_provider(crypto_provider())
            .with_safe_default_protocol_versions()?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Verifier::new(check, crypto_provider())))
            .with_no_client_auth(),
    ))
}

/// Encrypts without authenticating the server (handshake signatures are
/// still verified).
pub fn unauthenticated() -> Result<Arc<ClientConfig>, rustls::Error> {
    with_cert_check(AnyCertificate)
}

/// The public web roots (webpki-roots, Mozilla's list).
pub fn webpki_roots() -> RootCertStore {
    RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    }
}

/// The webpki roots plus every PEM certificate in `ca_file` (at least one
/// is required when a file is given).
pub fn webpki_roots_with_ca_file(ca_file: Option<&Path>) -> Result<RootCertStore, CaFileError> {
    let mut roots = webpki_roots();
    if let Some(path) = ca_file {
        let err = |message: String| CaFileError {
            path: path.display().to_string(),
            message,
        };
        let pem = std::fs::read(path).map_err(|e| err(e.to_string()))?;
        let mut added = 0;
        for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
            let cert = cert.map_err(|e| err(e.to_string()))?;
            roots.add(cert).map_err(|e| err(e.to_string()))?;
            added += 1;
        }
        if added == 0 {
            return Err(err("no certificates found".into()));
        }
    }
    Ok(roots)
}

/// PKIX over the webpki roots plus the PEM certificates in `ca_file`.
pub fn pkix_with_ca_file(ca_file: Option<&Path>) -> Result<Arc<ClientConfig>, CaFileError> {
    pkix(webpki_roots_with_ca_file(ca_file)?).map_err(|e| CaFileError {
        path: String::new(),
        message: e.to_string(),
    })
}

/// PKIX roots from files: the system bundle (when readable) plus `extra`
/// (required to load when given).
pub fn pkix_roots(system: Option<&Path>, extra: Option<&Path>) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    if let Some(p) = system {
        if let Ok(certs) = read_pem_certs(p) {
            store.add_parsable_certificates(certs);
        }
    }
    if let Some(p) = extra {
        let certs = read_pem_certs(p)?;
        let (added, _) = store.add_parsable_certificates(certs);
        if added == 0 {
            return Err(format!("no CA certificate in {}", p.display()));
        }
    }
    Ok(store)
}

fn read_pem_certs(p: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let data = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
    rustls_pemfile::certs(&mut data.as_slice())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", p.display()))
}
