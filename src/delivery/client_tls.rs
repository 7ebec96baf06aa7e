//! TLS client configurations for the next hop, shared by every route:
//! PKIX verification (webpki roots plus extra CAs from a PEM file) and
//! "encrypt without authenticating" for hops where that is all policy asks.
//!
//! Promises: the unauthenticated verifier still checks the handshake
//! signature against the presented certificate's key (so the session is
//! bound to that key), it just does not ask who vouches for the key. The
//! ring provider is set explicitly, never taken from process state.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct CaFileError {
    pub path: String,
    pub message: String,
}

/// Accepts any server certificate but still checks that the handshake was
/// signed by the key in it. Only for `RelayTls::Required`/`Opportunistic`:
/// it gives encryption against passive eavesdropping, not authentication.
#[derive(Debug)]
pub struct UnauthenticatedTlsVerifier {
    provider: Arc<CryptoProvider>,
}

impl UnauthenticatedTlsVerifier {
    pub fn new(provider: Arc<CryptoProvider>) -> Self {
        UnauthenticatedTlsVerifier { provider }
    }
}

impl ServerCertVerifier for UnauthenticatedTlsVerifier {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
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

/// The crypto provider used for every outgoing TLS connection.
pub fn crypto_provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// TLS client config that encrypts without authenticating the server.
pub fn unauthenticated_tls_config() -> Result<Arc<ClientConfig>, rustls::Error> {
    let provider = crypto_provider();
    Ok(Arc::new(
        ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(UnauthenticatedTlsVerifier::new(provider)))
            .with_no_client_auth(),
    ))
}

/// TLS client config with PKIX verification: webpki roots plus the PEM
/// certificates in `ca_file`.
pub fn pkix_tls_config(
    ca_file: Option<&std::path::Path>,
) -> Result<Arc<ClientConfig>, CaFileError> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
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
    Ok(Arc::new(
        ClientConfig::builder_with_provider(crypto_provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| CaFileError {
                path: String::new(),
                message: e.to_string(),
            })?
            .with_root_certificates(roots)
            .with_no_client_auth(),
    ))
}
