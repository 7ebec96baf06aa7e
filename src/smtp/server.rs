//! The submission server runtime: bind the configured listeners, accept
//! connections, enforce the connection limits, run one [`Session`] task
//! per connection, and stop cleanly on shutdown.
//!
//! Promises: at most `max_connections` sessions in total and
//! `max_connections_per_ip` per client IP (others get `421 4.7.0` at the
//! greeting, or on the implicit-TLS port are closed before any TLS
//! handshake); a TLS listener without a certificate is a startup error, not
//! a silent clear-text port; on shutdown no new connection is accepted,
//! idle sessions get `421 4.3.2`, and sessions in the middle of a message
//! finish before `serve` returns. Logs never contain message text or
//! passwords.

use super::conn::Conn;
use super::session::{Session, SessionContext};
use super::{reply, Backend};
use crate::audit::Audit;
use crate::config::{Config, ListenerTls};
use anyhow::{bail, Context};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

/// Bind every `config.server.listeners` entry.
pub async fn bind_listeners(config: &Config) -> anyhow::Result<Vec<(TcpListener, ListenerTls)>> {
    let mut out = Vec::new();
    for l in &config.server.listeners {
        let listener = TcpListener::bind(l.address)
            .await
            .with_context(|| format!("cannot listen on {}", l.address))?;
        out.push((listener, l.tls));
    }
    Ok(out)
}

/// Bind the configured listeners and serve until `shutdown` turns `true`.
/// `tls` is required when any listener uses STARTTLS or implicit TLS.
pub async fn serve<B: Backend>(
    config: Arc<Config>,
    tls: Option<Arc<rustls::ServerConfig>>,
    backend: Arc<B>,
    audit: Audit,
    shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let listeners = bind_listeners(&config).await?;
    serve_listeners(listeners, config, tls, backend, audit, shutdown).await
}

/// Serve on already bound listeners (tests bind port 0 and read
/// `local_addr()` first). Returns after shutdown, once every session ended.
pub async fn serve_listeners<B: Backend>(
    listeners: Vec<(TcpListener, ListenerTls)>,
    config: Arc<Config>,
    tls: Option<Arc<rustls::ServerConfig>>,
    backend: Arc<B>,
    audit: Audit,
    shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    if tls.is_none() && listeners.iter().any(|(_, m)| *m != ListenerTls::None) {
        bail!("a STARTTLS or implicit-TLS listener needs a TLS certificate");
    }
    let limiter = Arc::new(ConnLimiter {
        max_total: config.limits.max_connections,
        max_per_ip: config.limits.max_connections_per_ip,
        counts: Mutex::new((0, HashMap::new())),
    });
    let ctx = Arc::new(SessionContext::new(config, backend, audit, tls));
    let mut loops = JoinSet::new();
    for (listener, mode) in listeners {
        if let Ok(addr) = listener.local_addr() {
            tracing::info!(%addr, ?mode, "smtp listener ready");
        }
        loops.spawn(accept_loop(
            listener,
            mode,
            ctx.clone(),
            limiter.clone(),
            shutdown.clone(),
        ));
    }
    while let Some(done) = loops.join_next().await {
        if let Err(e) = done {
            tracing::error!(error = %e, "smtp accept loop failed");
        }
    }
    Ok(())
}

async fn accept_loop<B: Backend>(
    listener: TcpListener,
    mode: ListenerTls,
    ctx: Arc<SessionContext<B>>,
    limiter: Arc<ConnLimiter>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut sessions = JoinSet::new();
    loop {
        if *shutdown.borrow_and_update() {
            break;
        }
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let guard = limiter.acquire(peer.ip().to_canonical());
                    sessions.spawn(connection(stream, peer, mode, ctx.clone(), guard, shutdown.clone()));
                }
                Err(e) => {
                    // Out of file descriptors and the like: do not spin.
                    tracing::warn!(error = %e, "smtp accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
            },
            changed = shutdown.changed() => {
                if changed.is_err() {
                    break;
                }
            }
            Some(_) = sessions.join_next(), if !sessions.is_empty() => {}
        }
    }
    drop(listener);
    tracing::info!(
        ?mode,
        active = sessions.len(),
        "smtp listener closed; waiting for sessions"
    );
    while sessions.join_next().await.is_some() {}
}

async fn connection<B: Backend>(
    stream: TcpStream,
    peer: SocketAddr,
    mode: ListenerTls,
    ctx: Arc<SessionContext<B>>,
    guard: Option<ConnGuard>,
    shutdown: watch::Receiver<bool>,
) {
    let ip = peer.ip().to_canonical();
    let _ = stream.set_nodelay(true);
    tracing::debug!(peer = %ip, ?mode, "smtp connection");
    if guard.is_none() && mode == ListenerTls::Implicit {
        // A 421 would need a TLS handshake first (up to the command
        // timeout, for a client that never sends its hello): refused
        // connections on the implicit-TLS port are closed at once.
        tracing::info!(peer = %ip, "connection refused before TLS: too many connections");
        drop(stream);
        return;
    }
    let conn = match (mode, &ctx.tls) {
        (ListenerTls::Implicit, Some(acceptor)) => {
            let timeout = ctx.config.limits.command_timeout();
            match tokio::time::timeout(timeout, acceptor.accept(stream)).await {
                Ok(Ok(tls)) => Conn::Tls(Box::new(tls)),
                Ok(Err(e)) => {
                    tracing::info!(peer = %ip, error = %e, "TLS handshake failed");
                    return;
                }
                Err(_) => {
                    tracing::info!(peer = %ip, "TLS handshake timed out");
                    return;
                }
            }
        }
        _ => Conn::Plain(stream),
    };
    let Some(guard) = guard else {
        tracing::info!(peer = %ip, "connection refused: too many connections");
        let mut conn = conn;
        let mut out = Vec::new();
        reply::write_reply(&mut out, &reply::too_many_connections());
        let timeout = ctx.config.limits.command_timeout();
        let _ = tokio::time::timeout(timeout, async {
            let _ = conn.write_all(&out).await;
            let _ = conn.shutdown().await;
        })
        .await;
        return;
    };
    Session::new(ctx, conn, ip, mode, Some(shutdown))
        .run()
        .await;
    drop(guard);
}

/// Open connections, in total and per client IP.
struct ConnLimiter {
    max_total: usize,
    max_per_ip: usize,
    counts: Mutex<(usize, HashMap<IpAddr, usize>)>,
}

/// One counted connection; uncounted when dropped.
struct ConnGuard {
    limiter: Arc<ConnLimiter>,
    ip: IpAddr,
}

impl ConnLimiter {
    fn acquire(self: &Arc<Self>, ip: IpAddr) -> Option<ConnGuard> {
        let mut counts = self.counts.lock().ok()?;
        let (total, per_ip) = &mut *counts;
        let mine = per_ip.get(&ip).copied().unwrap_or(0);
        if *total >= self.max_total || mine >= self.max_per_ip {
            return None;
        }
        *total += 1;
        per_ip.insert(ip, mine + 1);
        Some(ConnGuard {
            limiter: self.clone(),
            ip,
        })
    }
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        if let Ok(mut counts) = self.limiter.counts.lock() {
            let (total, per_ip) = &mut *counts;
            *total = total.saturating_sub(1);
            if let Some(n) = per_ip.get_mut(&self.ip) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    per_ip.remove(&self.ip);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limiter_counts_total_and_per_ip_and_releases() {
        let l = Arc::new(ConnLimiter {
            max_total: 3,
            max_per_ip: 2,
            counts: Mutex::new((0, HashMap::new())),
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let g1 = l.acquire(a).unwrap();
        let _g2 = l.acquire(a).unwrap();
        assert!(l.acquire(a).is_none(), "per-IP limit");
        let _g3 = l.acquire(b).unwrap();
        assert!(l.acquire(b).is_none(), "total limit");
        drop(g1);
        assert!(l.acquire(a).is_some());
    }
}
