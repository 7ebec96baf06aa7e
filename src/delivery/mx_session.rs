//! One SMTP session to one MX address for [`super::mx_route::MxRoute`]:
//! connect, EHLO, STARTTLS with the rustls configuration the MX's
//! [`SecurityLevel`] calls for (DANE verifier, PKIX with the MX name, or
//! encryption without authentication), then report what was achieved.
//!
//! Promises: certificate verification is never switched off: a DANE or
//! PKIX failure is an error for this address, never a fallback to an
//! unauthenticated or clear-text session. The only clear-text fallback is
//! for an `Opportunistic` MX (no DNSSEC-secure TLSA, no MTA-STS enforce),
//! and only when the caller allows it (some recipient accepts clear text).
//! The MX host name is sent as SNI. Failures carry the RFC 8460 result type
//! for TLS reporting.

use super::client::{ClientError, ClientLimits, SmtpClient};
use super::dane::Tlsa;
use super::security::{Achieved, SecurityLevel};
use super::starttls_probe::tls_client_config;
use super::tlsrpt::{handshake_failure_type, ResultType};
use crate::types::TlsInfo;
use rustls::pki_types::ServerName;
use rustls::RootCertStore;
use std::net::SocketAddr;

/// What the pool keeps beside each MX connection.
#[derive(Clone, Debug)]
pub struct MxConn {
    /// `host[ip]:port`.
    pub remote: String,
    pub tls: TlsInfo,
    pub achieved: Achieved,
}

/// Why a session could not be set up.
#[derive(Clone, Debug)]
pub struct SessionError {
    /// `nl / en` text with the technical detail.
    pub reason: String,
    /// RFC 8460 result type when the failure is a TLS policy failure.
    pub tlsrpt: Option<ResultType>,
}

impl SessionError {
    fn from_client(e: ClientError) -> Self {
        SessionError {
            reason: e.to_string(),
            tlsrpt: None,
        }
    }
}

/// How to reach one MX address.
pub struct Target<'a> {
    pub host: &'a str,
    pub addr: SocketAddr,
    pub level: &'a SecurityLevel,
    pub tlsa: &'a [Tlsa],
    /// Reference identifiers for DANE-TA name checks.
    pub names: &'a [String],
    /// Label for PKIX authentication (`mta-sts`, or `pkix` for NTA 7516).
    pub pkix_label: &'static str,
    /// An opportunistic MX whose TLS handshake fails may be retried in
    /// clear text (only when some recipient accepts that).
    pub plain_fallback: bool,
}

pub fn remote_of(host: &str, addr: SocketAddr) -> String {
    format!("{host}[{}]:{}", addr.ip(), addr.port())
}

fn plain_conn(remote: String) -> MxConn {
    MxConn {
        remote,
        tls: TlsInfo {
            version: "none".into(),
            cipher: String::new(),
            authentication: "none".into(),
        },
        achieved: Achieved::Plain,
    }
}

/// Open a session to `t` at its level. `roots` are the PKIX roots (for
/// `Verify`), `None` when they could not be loaded.
pub async fn connect(
    t: &Target<'_>,
    roots: Option<&RootCertStore>,
    helo: &str,
    limits: ClientLimits,
) -> Result<(SmtpClient, MxConn), SessionError> {
    let remote = remote_of(t.host, t.addr);
    let mut client = SmtpClient::connect(t.addr, limits)
        .await
        .map_err(SessionError::from_client)?;
    client.ehlo(helo).await.map_err(SessionError::from_client)?;
    if *t.level == SecurityLevel::Plain {
        return Ok((client, plain_conn(remote)));
    }
    if !client.caps.starttls {
        if *t.level == SecurityLevel::Opportunistic {
            return Ok((client, plain_conn(remote)));
        }
        tokio::spawn(client.quit());
        return Err(SessionError {
            reason: format!(
                "server biedt geen STARTTLS aan, maar niveau '{}' vereist TLS / server does not offer STARTTLS, level '{}' requires TLS",
                t.level.as_str(),
                t.level.as_str()
            ),
            tlsrpt: Some(ResultType::StarttlsNotSupported),
        });
    }
    let empty = RootCertStore::empty();
    let roots =
        match (roots, t.level) {
            (Some(r), _) => r,
            (None, SecurityLevel::Verify) => return Err(SessionError {
                reason:
                    "PKIX-rootcertificaten niet beschikbaar / PKIX root certificates unavailable"
                        .into(),
                tlsrpt: None,
            }),
            (None, _) => &empty,
        };
    let (config, achieved, outcome) =
        tls_client_config(t.level, t.tlsa, t.names, roots).map_err(|e| SessionError {
            reason: format!("TLS-configuratie / TLS configuration: {e}"),
            tlsrpt: None,
        })?;
    let sni = ServerName::try_from(t.host.trim_end_matches('.').to_string()).map_err(|_| {
        SessionError {
            reason: format!("ongeldige MX-naam / invalid MX host name {:?}", t.host),
            tlsrpt: None,
        }
    })?;
    match client.starttls(config, sni, helo).await {
        Ok(c) => {
            let dane = outcome.as_ref().and_then(|o| {
                o.lock()
                    .ok()
                    .and_then(|g| g.as_ref().and_then(|r| r.as_ref().ok().cloned()))
            });
            let authentication = match (achieved, &dane) {
                (Achieved::Dane, Some(d)) => d.as_str().to_string(),
                // The verifier accepted, so a result is there; fail closed
                // should it ever be missing.
                (Achieved::Dane, None) => {
                    return Err(SessionError {
                        reason: "DANE-resultaat ontbreekt / DANE result missing".into(),
                        tlsrpt: Some(ResultType::ValidationFailure),
                    })
                }
                (Achieved::MtaSts, _) => t.pkix_label.to_string(),
                _ => "none".to_string(),
            };
            let (version, cipher) = c
                .tls
                .as_ref()
                .map(|s| (s.version.clone(), s.cipher.clone()))
                .unwrap_or_default();
            Ok((
                c,
                MxConn {
                    remote,
                    tls: TlsInfo {
                        version,
                        cipher,
                        authentication,
                    },
                    achieved,
                },
            ))
        }
        Err(e) => {
            let dane_err = outcome.as_ref().and_then(|o| {
                o.lock().ok().and_then(|g| {
                    g.as_ref()
                        .and_then(|r| r.as_ref().err().map(|e| e.to_string()))
                })
            });
            let tlsrpt = match &e {
                ClientError::Tls(io) => Some(handshake_failure_type(io, outcome.is_some())),
                ClientError::Refused { .. } => Some(ResultType::StarttlsNotSupported),
                _ => None,
            };
            if *t.level == SecurityLevel::Opportunistic && t.plain_fallback {
                tracing::info!(mx = %remote, "STARTTLS failed, retrying in clear text: {e}");
                let mut plain = SmtpClient::connect(t.addr, limits)
                    .await
                    .map_err(SessionError::from_client)?;
                plain.ehlo(helo).await.map_err(SessionError::from_client)?;
                return Ok((plain, plain_conn(remote)));
            }
            let reason = match dane_err {
                Some(d) => {
                    format!("DANE-verificatie mislukt / DANE verification failed: {d} ({e})")
                }
                None => e.to_string(),
            };
            Err(SessionError { reason, tlsrpt })
        }
    }
}
