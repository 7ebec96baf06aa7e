//! Delivery through the configured relay host (smarthost), with the TLS
//! level of `RelayTls`: Verify (PKIX + name), Required (STARTTLS, any
//! certificate), Opportunistic (STARTTLS when offered), None.
//!
//! Promises: a recipient whose transport requirement is stronger than what
//! this hop gives is never sent; it is deferred with a clear reason. A relay
//! host can never satisfy DANE or MTA-STS (it is not the recipient's MX), so
//! those recipients wait for MX delivery. Connections are pooled per relay.
//! Fails per recipient (`DeliveryReport`), never as a whole; connection
//! problems and 4xx are temporary, 5xx permanent.

use crate::config::{Config, RelayHost, RelayTls};
use crate::delivery::client::pool::Pool;
use crate::delivery::client::transaction::{too_many_recipients, transact};
use crate::delivery::client::{ClientError, ClientLimits, SmtpClient};
use crate::delivery::{QueuedRcpt, Route};
use crate::net::tls::{self, CaFileError};
use crate::types::{
    Answer, DeliveryReport, Envelope, RcptStatus, TlsInfo, TransportRequirement, Unmet,
};
use rustls::pki_types::ServerName;
use rustls::ClientConfig;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum RelayError {
    #[error("relay ca_file: {0}")]
    CaFile(#[from] CaFileError),
    #[error("relay TLS setup: {0}")]
    Tls(#[from] rustls::Error),
    #[error("relay host name {0:?} is not a valid TLS server name")]
    ServerName(String),
}

/// What the pool keeps beside each relay connection.
#[derive(Clone, Debug)]
pub struct HopInfo {
    pub remote: String,
    pub tls: TlsInfo,
}

/// The relay host as a [`Route`].
pub struct RelayRoute {
    relay: RelayHost,
    helo: String,
    limits: ClientLimits,
    tls_config: Option<Arc<ClientConfig>>,
    server_name: ServerName<'static>,
    pool: Arc<Pool<HopInfo>>,
}

impl RelayRoute {
    /// Must be called inside a tokio runtime (the pool starts its reaper).
    pub fn new(config: &Config, relay: &RelayHost) -> Result<Self, RelayError> {
        let d = &config.delivery;
        let tls_config = match relay.tls {
            RelayTls::None => None,
            RelayTls::Opportunistic | RelayTls::Required => Some(tls::unauthenticated()?),
            RelayTls::Verify => Some(tls::pkix_with_ca_file(relay.ca_file.as_deref())?),
        };
        let server_name = ServerName::try_from(relay.host.clone())
            .map_err(|_| RelayError::ServerName(relay.host.clone()))?;
        Ok(RelayRoute {
            relay: relay.clone(),
            helo: config.helo_name().to_string(),
            limits: ClientLimits::from_config(d),
            tls_config,
            server_name,
            pool: Pool::new(
                d.concurrency_per_destination,
                std::time::Duration::from_secs(d.idle_connection_secs),
                d.max_messages_per_connection,
            ),
        })
    }

    pub fn pool(&self) -> &Arc<Pool<HopInfo>> {
        &self.pool
    }

    async fn connect(&self) -> Result<(SmtpClient, HopInfo), ClientError> {
        let addrs = resolve(&self.relay, self.limits).await?;
        let mut last = ClientError::Closed;
        for addr in addrs {
            match self.connect_one(addr).await {
                Ok(c) => return Ok(c),
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    async fn connect_one(&self, addr: SocketAddr) -> Result<(SmtpClient, HopInfo), ClientError> {
        let mut client = SmtpClient::connect(addr, self.limits).await?;
        client.ehlo(&self.helo).await?;
        let want_tls = match self.relay.tls {
            RelayTls::None => false,
            RelayTls::Opportunistic => client.caps.starttls,
            RelayTls::Required | RelayTls::Verify => true,
        };
        if want_tls {
            if let Some(cfg) = &self.tls_config {
                client = match client
                    .starttls(cfg.clone(), self.server_name.clone(), &self.helo)
                    .await
                {
                    Ok(c) => c,
                    // Opportunistic: a failed handshake falls back to a new
                    // clear-text session (recipients that need TLS are then
                    // not sent, see `hop_meets`).
                    Err(e) if self.relay.tls == RelayTls::Opportunistic => {
                        tracing::info!(relay = %self.relay.host, "STARTTLS failed, clear text: {e}");
                        let mut plain = SmtpClient::connect(addr, self.limits).await?;
                        plain.ehlo(&self.helo).await?;
                        plain
                    }
                    Err(e) => return Err(e),
                };
            }
        }
        let tls = match &client.tls {
            Some(s) => TlsInfo {
                version: s.version.clone(),
                cipher: s.cipher.clone(),
                authentication: if self.relay.tls == RelayTls::Verify {
                    "pkix".into()
                } else {
                    "none".into()
                },
                insecure_mx: false,
            },
            None => TlsInfo {
                version: "none".into(),
                cipher: String::new(),
                authentication: "none".into(),
                insecure_mx: false,
            },
        };
        let remote = format!("{}[{}]:{}", self.relay.host, addr.ip(), addr.port());
        Ok((client, HopInfo { remote, tls }))
    }

    fn remote_name(&self) -> String {
        format!("{}:{}", self.relay.host, self.relay.port)
    }
}

async fn resolve(relay: &RelayHost, limits: ClientLimits) -> Result<Vec<SocketAddr>, ClientError> {
    let found = tokio::time::timeout(
        limits.connect_timeout,
        tokio::net::lookup_host((relay.host.as_str(), relay.port)),
    )
    .await
    .map_err(|_| ClientError::Timeout("DNS lookup"))??;
    Ok(found.collect())
}

/// Reason for a recipient whose requirement this hop cannot meet.
pub fn unmet_requirement(req: TransportRequirement) -> String {
    match req {
        TransportRequirement::Dane
        | TransportRequirement::DaneOrMtaSts
        | TransportRequirement::Nta7516 => format!(
            "geen geauthenticeerde route / no authenticated route: transport '{}' needs DANE, MTA-STS or NTA 7516 to the recipient's own server; a relay host cannot provide that",
            req.as_str()
        ),
        _ => "geen versleutelde route / no encrypted route: transport 'tls' needs STARTTLS, the relay hop has no TLS".into(),
    }
}

/// Whether a hop with (or without) TLS meets a requirement.
pub fn hop_meets(req: TransportRequirement, hop_has_tls: bool) -> bool {
    match req {
        TransportRequirement::None => true,
        TransportRequirement::Tls => hop_has_tls,
        TransportRequirement::DaneOrMtaSts
        | TransportRequirement::Dane
        | TransportRequirement::Nta7516 => false,
    }
}

fn report(
    rcpt: &QueuedRcpt,
    status: RcptStatus,
    remote: &str,
    tls: &TlsInfo,
    answer: Option<Answer>,
) -> DeliveryReport {
    DeliveryReport {
        recipient: rcpt.address.clone(),
        status,
        remote: remote.to_string(),
        tls: tls.clone(),
        answer,
        unmet: None,
    }
}

fn temp(reason: impl Into<String>) -> RcptStatus {
    RcptStatus::TemporaryFailure {
        reason: reason.into(),
    }
}

impl Route for RelayRoute {
    async fn deliver(
        &self,
        envelope: &Envelope,
        rcpts: &[QueuedRcpt],
        body: &[u8],
    ) -> Vec<DeliveryReport> {
        let none = TlsInfo::default();
        let mut out: Vec<Option<DeliveryReport>> = vec![None; rcpts.len()];
        // What can never pass this hop, decided before connecting.
        let relay_can_tls = self.relay.tls != RelayTls::None;
        let mut candidates = Vec::new();
        for (i, r) in rcpts.iter().enumerate() {
            if let Some(slot) = out.get_mut(i) {
                if hop_meets(r.transport, relay_can_tls) {
                    candidates.push(i);
                } else {
                    // The configuration says this hop can never meet it:
                    // a `deliver` fallback may run at once.
                    let mut rep = report(
                        r,
                        temp(unmet_requirement(r.transport)),
                        &self.remote_name(),
                        &none,
                        None,
                    );
                    rep.unmet = Some(Unmet::Definite);
                    *slot = Some(rep);
                }
            }
        }
        if !candidates.is_empty() {
            match self.pool.get(|| self.connect()).await {
                Err(e) => {
                    for &i in &candidates {
                        if let (Some(slot), Some(r)) = (out.get_mut(i), rcpts.get(i)) {
                            *slot = Some(report(
                                r,
                                temp(e.to_string()),
                                &self.remote_name(),
                                &none,
                                None,
                            ));
                        }
                    }
                }
                Ok(mut lease) => {
                    let mut hop = lease.extra.clone();
                    let has_tls = lease.client.tls.is_some();
                    let mut send_idx = Vec::new();
                    for &i in &candidates {
                        if let (Some(slot), Some(r)) = (out.get_mut(i), rcpts.get(i)) {
                            if hop_meets(r.transport, has_tls) {
                                send_idx.push(i);
                            } else {
                                // An opportunistic relay without TLS today.
                                let mut rep = report(
                                    r,
                                    temp(unmet_requirement(r.transport)),
                                    &hop.remote,
                                    &hop.tls,
                                    None,
                                );
                                rep.unmet = Some(Unmet::Failing);
                                *slot = Some(rep);
                            }
                        }
                    }
                    // RFC 5321 4.5.3.1.10: a server may take only some of
                    // the recipients per transaction (452 4.5.3); the rest
                    // go in the next one on the same connection. Each round
                    // delivers at least one, so this ends.
                    let mut pending = send_idx;
                    let mut healthy = true;
                    let mut fresh_retry = true;
                    while !pending.is_empty() {
                        let mut result =
                            transact(&mut lease.client, envelope, rcpts, &pending, body).await;
                        // A pooled connection that died while idle: once, on
                        // a new connection (nothing was accepted yet).
                        if fresh_retry && matches!(result, Err(ClientError::Stale(_))) {
                            fresh_retry = false;
                            result = match self.connect().await {
                                Ok((client, info)) if client.tls.is_some() == has_tls => {
                                    lease.client = client;
                                    hop = info.clone();
                                    lease.extra = info;
                                    transact(&mut lease.client, envelope, rcpts, &pending, body)
                                        .await
                                }
                                Ok(_) => result, // TLS level changed: not this round
                                Err(e) => Err(e),
                            };
                        }
                        match result {
                            Ok(list) => {
                                let progress =
                                    list.iter().any(|(_, s, _)| *s == RcptStatus::Delivered);
                                let mut again = Vec::new();
                                for (i, status, answer) in list {
                                    if progress && answer.as_ref().is_some_and(too_many_recipients)
                                    {
                                        again.push(i);
                                    } else if let (Some(slot), Some(r)) =
                                        (out.get_mut(i), rcpts.get(i))
                                    {
                                        *slot =
                                            Some(report(r, status, &hop.remote, &hop.tls, answer));
                                    }
                                }
                                pending = again;
                            }
                            Err(e) => {
                                for &i in &pending {
                                    if let (Some(slot), Some(r)) = (out.get_mut(i), rcpts.get(i)) {
                                        *slot = Some(report(
                                            r,
                                            temp(e.to_string()),
                                            &hop.remote,
                                            &hop.tls,
                                            None,
                                        ));
                                    }
                                }
                                healthy = false;
                                break;
                            }
                        }
                    }
                    if healthy {
                        self.pool.put(lease);
                    }
                }
            }
        }
        rcpts
            .iter()
            .zip(out)
            .map(|(r, o)| {
                o.unwrap_or_else(|| {
                    report(
                        r,
                        temp("interne fout / internal error"),
                        &self.remote_name(),
                        &none,
                        None,
                    )
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relay_never_meets_dane_and_tls_needs_tls() {
        assert!(hop_meets(TransportRequirement::None, false));
        assert!(!hop_meets(TransportRequirement::Tls, false));
        assert!(hop_meets(TransportRequirement::Tls, true));
        assert!(!hop_meets(TransportRequirement::Dane, true));
        assert!(!hop_meets(TransportRequirement::DaneOrMtaSts, true));
        assert!(unmet_requirement(TransportRequirement::Dane)
            .starts_with("geen geauthenticeerde route / no authenticated route"));
    }

    #[test]
    fn ca_file_without_certificates_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ca.pem");
        std::fs::write(&p, "not a pem").unwrap();
        let err = tls::pkix_with_ca_file(Some(&p)).unwrap_err();
        assert!(err.message.contains("no certificates"), "{err}");
        assert!(tls::pkix_with_ca_file(None).is_ok());
    }
}
