//! The practice overview: a page on the portal's listener (`/beheer`) for
//! accounts with the `operator` role, behind a password and a TOTP code.
//! It shows the last `overview.days` days as charts drawn on the server as
//! SVG (no JavaScript): recipients per day by route, transport security
//! per recipient domain, what became of pickup links, blocked recipients
//! by rule; a table of pickup links not yet opened, each with a revoke
//! button (CSRF-protected); and a search of the audit trail by message id
//! or recipient address.
//!
//! Files: `http.rs` (routes, login, sessions), `audit.rs` (the audit
//! search), `pages.rs` (templates),
//! `charts.rs` (SVG, pure), `stats.rs` (counting the audit trail, pure,
//! and the query), `totp.rs` (RFC 6238, pure), `db.rs` (the `operator`
//! store component), `cli.rs` (`sluis operator`).
//!
//! A stage on top of `pickup`: it reads pickup rows and revokes through
//! `Pickup::revoke` (so a revoke here is the same as `sluis pickup revoke`:
//! ciphertext deleted, queued mails cancelled, audited); nothing below
//! imports it. `serve` puts its routes next to the portal's on one
//! listener.
//!
//! Fails closed: a store error shows an error page and logs it; a session
//! that cannot be read is no session.

mod audit;
pub mod charts;
pub mod cli;
pub mod db;
mod http;
pub mod pages;
pub mod stats;
pub mod totp;

pub use http::CSP;

use crate::audit::Audit;
use crate::config::Config;
use crate::pickup::db::{ListFilter, PickupRow};
use crate::pickup::Pickup;
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// At most this many clients and names are tracked for failed logins; the
/// oldest windows are dropped first when it is full.
const MAX_TRACKED: usize = 10_000;

/// Failed logins per key (client, account name) in a fixed window.
#[derive(Debug, Default)]
pub struct Limiter {
    max: u32,
    window_ms: i64,
    seen: Mutex<HashMap<String, (i64, u32)>>,
}

impl Limiter {
    pub fn new(max: u32, window_secs: u64) -> Limiter {
        Limiter {
            max,
            window_ms: (window_secs as i64).saturating_mul(1000),
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Is any of `keys` over the limit right now?
    pub fn blocked(&self, keys: &[String], now_ms: i64) -> bool {
        let Ok(seen) = self.seen.lock() else {
            return true;
        };
        keys.iter().any(|k| {
            seen.get(k)
                .is_some_and(|(start, n)| now_ms - start < self.window_ms && *n >= self.max)
        })
    }

    pub fn fail(&self, keys: &[String], now_ms: i64) {
        let Ok(mut seen) = self.seen.lock() else {
            return;
        };
        if seen.len() >= MAX_TRACKED {
            let window = self.window_ms;
            seen.retain(|_, (start, _)| now_ms - *start < window);
            if seen.len() >= MAX_TRACKED {
                if let Some(oldest) = seen
                    .iter()
                    .min_by_key(|(_, (start, _))| *start)
                    .map(|(k, _)| k.clone())
                {
                    seen.remove(&oldest);
                }
            }
        }
        for k in keys {
            let e = seen.entry(k.clone()).or_insert((now_ms, 0));
            if now_ms - e.0 >= self.window_ms {
                *e = (now_ms, 0);
            }
            e.1 = e.1.saturating_add(1);
        }
    }

    pub fn clear(&self, keys: &[String]) {
        if let Ok(mut seen) = self.seen.lock() {
            for k in keys {
                seen.remove(k);
            }
        }
    }
}

/// The overview's state: the pickup service (revoke), the store, audit and
/// the configuration snapshot.
pub struct Overview {
    pickup: Arc<Pickup>,
    store: Store,
    audit: Audit,
    config: Arc<Config>,
    limiter: Limiter,
}

impl Overview {
    pub fn new(pickup: Arc<Pickup>) -> Overview {
        let config = pickup.config.clone();
        let c = &config.overview;
        Overview {
            store: pickup.store.clone(),
            audit: pickup.audit.clone(),
            limiter: Limiter::new(c.max_login_failures, c.login_window_secs),
            config,
            pickup,
        }
    }

    /// The counts, the unopened pickups of `tenant` (expiring first) and
    /// whether that list was cut.
    async fn page_data(
        &self,
        tenant: &str,
    ) -> Result<(stats::Stats, Vec<PickupRow>, bool), StoreError> {
        let c = &self.config.overview;
        let now = crate::now_ms();
        let counts = stats::load(
            &self.store,
            tenant,
            now,
            c.days,
            c.max_events,
            c.max_domains as usize,
        )
        .await?;
        let mut open: Vec<PickupRow> =
            crate::pickup::db::list_pickups(&self.store, ListFilter::Open, now)
                .await?
                .into_iter()
                .filter(|p| p.tenant == tenant && p.opened_ms.is_none() && p.is_open(now))
                .collect();
        open.sort_by_key(|p| p.expires_ms);
        let cut = open.len() > c.max_pickups_listed as usize;
        open.truncate(c.max_pickups_listed as usize);
        Ok((counts, open, cut))
    }
}

/// The overview's routes (for a test harness or `serve`).
pub fn router(overview: Arc<Overview>) -> axum::Router {
    http::router(overview.clone()).merge(audit::router(overview))
}

/// Serve the portal, and the overview beside it when `overview.enabled`,
/// over TLS on one listener until `shutdown` resolves.
pub async fn serve(
    pickup: Arc<Pickup>,
    listener: tokio::net::TcpListener,
    tls: Arc<rustls::ServerConfig>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let cfg = pickup.config.clone();
    let mut app = crate::pickup::portal::router(pickup.clone());
    if cfg.overview.enabled {
        let overview = Arc::new(Overview::new(pickup));
        sweep_sessions(overview.store.clone(), cfg.overview.session_idle_secs);
        app = app.merge(router(overview));
    }
    let limits = crate::pickup::tls::Limits {
        max_connections: cfg.pickup.max_connections,
        handshake_timeout: Duration::from_secs(cfg.pickup.handshake_timeout_secs),
        header_read_timeout: Duration::from_secs(cfg.pickup.header_read_timeout_secs),
    };
    crate::pickup::tls::serve(app, listener, &tls, limits, shutdown).await
}

/// Delete idle operator sessions every few minutes.
fn sweep_sessions(store: Store, idle_secs: u64) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(300));
        loop {
            tick.tick().await;
            let before = crate::now_ms() - (idle_secs as i64).saturating_mul(1000);
            if let Err(e) = db::drop_stale(&store, before).await {
                tracing::warn!(error = %e, "overview: cannot drop stale sessions");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::Limiter;

    #[test]
    fn limiter_blocks_after_max_failures_within_the_window_only() {
        let l = Limiter::new(3, 60);
        let keys = vec!["ip:192.0.2.1".to_string(), "user:beheer".to_string()];
        for _ in 0..3 {
            assert!(!l.blocked(&keys, 1_000));
            l.fail(&keys, 1_000);
        }
        assert!(l.blocked(&keys, 2_000));
        // The same client under another name: still blocked by its address.
        assert!(l.blocked(&["ip:192.0.2.1".to_string()], 2_000));
        assert!(!l.blocked(&["ip:192.0.2.9".to_string()], 2_000));
        // After the window.
        assert!(!l.blocked(&keys, 62_000));
        l.fail(&keys, 62_000);
        assert!(!l.blocked(&keys, 62_000));
    }
}
