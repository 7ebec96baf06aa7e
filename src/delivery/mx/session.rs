//! One SMTP session to one MX address for [`crate::delivery::mx::deliver::MxRoute`]:
//! connect, EHLO, STARTTLS with the rustls configuration the MX's
//! [`SecurityLevel`] calls for (DANE verifier, PKIX with the MX name, or
//! encryption without authentication), then report what was achieved.
//!
//! Promises: certificate verification is never switched off: a DANE or
//! PKIX failure is an error for this address, never a fallback to an
//! unauthenticated or clear-text session. The only clear-text fallback is
//! for an `Opportunistic` MX (no DNSSEC-secure TLSA, no MTA-STS enforce),
//! and only when the caller allows it (some recipient accepts clear text).
//! SNI is the TLSA base domain with DANE (RFC 7672 §8.1: the CNAME target
//! when the records were found there), the MX host name otherwise
//! ([`Target::sni`]). Failures carry the RFC 8460 result type
//! for TLS reporting. `delivery check` opens its sessions here too (and
//! quits before `MAIL FROM`), so it sees what delivery would.

use crate::delivery::client::{ClientError, ClientLimits, SmtpClient};
use crate::delivery::tls_policy::dane::DaneAuth;
use crate::delivery::tls_policy::level_tls::tls_client_config;
use crate::delivery::tls_policy::levels::{Achieved, SecurityLevel};
use crate::delivery::tlsrpt::{handshake_failure_type, ResultType};
use crate::net::dns::Tlsa;
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
    /// Our side's address (`sending-mta-ip` in TLS-RPT).
    pub local_ip: String,
    /// The TLSA record that authenticated the server (`Achieved::Dane` or
    /// `DaneInsecureMx`).
    pub dane: Option<DaneAuth>,
    /// The failed TLS attempt before an opportunistic clear-text fallback.
    pub tls_failed: Option<SessionError>,
}

/// Why a session could not be set up.
#[derive(Clone, Debug)]
pub struct SessionError {
    /// `nl / en` text with the technical detail.
    pub reason: String,
    /// RFC 8460 result type when the failure is a TLS policy failure.
    pub tlsrpt: Option<ResultType>,
    /// Our side's address, when the TCP connection was made.
    pub local_ip: String,
    /// The server offered STARTTLS (known once EHLO was answered).
    pub starttls_offered: bool,
}

impl SessionError {
    fn from_client(e: ClientError) -> Self {
        SessionError {
            reason: e.to_string(),
            tlsrpt: None,
            local_ip: String::new(),
            starttls_offered: false,
        }
    }
}

/// TCP connect within the limit, then the greeting; also our address.
async fn open(
    addr: SocketAddr,
    limits: ClientLimits,
) -> Result<(SmtpClient, String), SessionError> {
    let tcp = tokio::time::timeout(limits.connect_timeout, tokio::net::TcpStream::connect(addr))
        .await
        .map_err(|_| SessionError::from_client(ClientError::Timeout("connect")))?
        .map_err(|source| SessionError::from_client(ClientError::Connect { addr, source }))?;
    let _ = tcp.set_nodelay(true);
    let local = tcp
        .local_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    let client = SmtpClient::over(Box::new(tcp), limits)
        .await
        .map_err(SessionError::from_client)?;
    Ok((client, local))
}

/// How to reach one MX address.
pub struct Target<'a> {
    pub host: &'a str,
    /// The name sent as SNI (`MxTarget::sni`).
    pub sni: &'a str,
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

fn plain_conn(remote: String, local_ip: String) -> MxConn {
    MxConn {
        remote,
        local_ip,
        tls: TlsInfo {
            version: "none".into(),
            cipher: String::new(),
            authentication: "none".into(),
            insecure_mx: false,
        },
        achieved: Achieved::Plain,
        dane: None,
        tls_failed: None,
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
    let (mut client, local_ip) = open(t.addr, limits).await?;
    if let Err(e) = client.ehlo(helo).await {
        return Err(SessionError {
            local_ip,
            ..SessionError::from_client(e)
        });
    }
    let offered = client.caps.starttls;
    let fail = |reason: String, tlsrpt: Option<ResultType>| SessionError {
        reason,
        tlsrpt,
        local_ip: local_ip.clone(),
        starttls_offered: offered,
    };
    if *t.level == SecurityLevel::Plain {
        return Ok((client, plain_conn(remote, local_ip)));
    }
    if !client.caps.starttls {
        if *t.level == SecurityLevel::Opportunistic {
            return Ok((client, plain_conn(remote, local_ip)));
        }
        tokio::spawn(client.quit());
        return Err(fail(
            format!(
                "server biedt geen STARTTLS aan, maar niveau '{}' vereist TLS / server does not offer STARTTLS, level '{}' requires TLS",
                t.level.as_str(),
                t.level.as_str()
            ),
            Some(ResultType::StarttlsNotSupported),
        ));
    }
    let empty = RootCertStore::empty();
    let roots = match (roots, t.level) {
        (Some(r), _) => r,
        (None, SecurityLevel::Verify) => {
            return Err(fail(
                "PKIX-rootcertificaten niet beschikbaar / PKIX root certificates unavailable"
                    .into(),
                None,
            ))
        }
        (None, _) => &empty,
    };
    let (config, achieved, outcome) = tls_client_config(t.level, t.tlsa, t.names, roots)
        .map_err(|e| fail(format!("TLS-configuratie / TLS configuration: {e}"), None))?;
    let sni = ServerName::try_from(t.sni.trim_end_matches('.').to_string()).map_err(|_| {
        fail(
            format!("ongeldige MX-naam / invalid MX host name {:?}", t.sni),
            None,
        )
    })?;
    match client.starttls(config, sni, helo).await {
        Ok(c) => {
            let dane = outcome.as_ref().and_then(|o| {
                o.lock()
                    .ok()
                    .and_then(|g| g.as_ref().and_then(|r| r.as_ref().ok().cloned()))
            });
            let authentication = match (achieved, &dane) {
                (Achieved::Dane | Achieved::DaneInsecureMx, Some(d)) => d.as_str().to_string(),
                // The verifier accepted, so a result is there; fail closed
                // should it ever be missing.
                (Achieved::Dane | Achieved::DaneInsecureMx, None) => {
                    return Err(fail(
                        "DANE-resultaat ontbreekt / DANE result missing".into(),
                        Some(ResultType::ValidationFailure),
                    ))
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
                        insecure_mx: achieved == Achieved::DaneInsecureMx,
                    },
                    achieved,
                    local_ip: local_ip.clone(),
                    dane,
                    tls_failed: None,
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
            let reason = match dane_err {
                Some(d) => {
                    format!("DANE-verificatie mislukt / DANE verification failed: {d} ({e})")
                }
                None => e.to_string(),
            };
            if *t.level == SecurityLevel::Opportunistic && t.plain_fallback {
                tracing::info!(mx = %remote, "STARTTLS failed, retrying in clear text: {e}");
                let (mut plain, local) = open(t.addr, limits).await?;
                plain.ehlo(helo).await.map_err(SessionError::from_client)?;
                let mut conn = plain_conn(remote, local);
                conn.tls_failed = Some(fail(reason, tlsrpt));
                return Ok((plain, conn));
            }
            Err(fail(reason, tlsrpt))
        }
    }
}
