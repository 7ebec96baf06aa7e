//! The `[metrics] listen` listener: `/metrics` (Prometheus text format,
//! see `metrics`), `/healthz` (the process answers) and `/readyz` (it can
//! take mail: store reachable, spool writable, queue not stuck).
//!
//! Plain HTTP without authentication, so `[metrics]` is off by default and
//! loopback-only unless the operator says otherwise (see `MetricsConfig`).
//! Nothing served here names a message, an address or a code: the counts
//! are label-free or carry fixed labels, and a failed check says which
//! check failed, not the error text (that goes to the log).

use crate::metrics::{render, Gauges, METRICS};
use crate::spool::Spool;
use crate::store::Store;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// Longest a readiness check may take: an unreachable store must show as
/// unready, not as a scrape that hangs until the pool's own timeout.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// What the checks read.
pub struct Health {
    store: Store,
    spool: Arc<Spool>,
    /// The queue counts as stuck once its oldest message is older than this.
    stuck_after: Duration,
}

/// The outcome of the three readiness checks; `None` is fine, `Some` says
/// what is wrong (fixed text, safe to serve).
#[derive(Debug, Default)]
pub struct Readiness {
    pub store: Option<&'static str>,
    pub spool: Option<&'static str>,
    pub queue: Option<&'static str>,
}

impl Readiness {
    pub fn ready(&self) -> bool {
        self.store.is_none() && self.spool.is_none() && self.queue.is_none()
    }

    fn text(&self) -> String {
        let line = |name: &str, r: Option<&str>| format!("{name}: {}\n", r.unwrap_or("ok"));
        line("store", self.store) + &line("spool", self.spool) + &line("queue", self.queue)
    }
}

impl Health {
    /// `stuck_after`: `delivery.max_lifetime_secs` plus the grace of
    /// `[metrics] stuck_grace_secs`; by then the queue should have bounced.
    pub fn new(store: Store, spool: Arc<Spool>, stuck_after: Duration) -> Health {
        Health {
            store,
            spool,
            stuck_after,
        }
    }

    fn gauges(&self, ready: bool) -> Gauges {
        let (messages, oldest) = self.spool.backlog();
        Gauges {
            queue_messages: messages as u64,
            queue_oldest_age: age(oldest),
            ready,
        }
    }

    pub async fn check(&self) -> Readiness {
        let store = async {
            let ping = sqlx::query("SELECT 1").execute(self.store.pool());
            match tokio::time::timeout(PROBE_TIMEOUT, ping).await {
                Ok(Ok(_)) => None,
                Ok(Err(e)) => {
                    tracing::warn!(error = %e, "readiness: store unreachable");
                    Some("unreachable")
                }
                Err(_) => {
                    tracing::warn!("readiness: store did not answer in time");
                    Some("no answer in time")
                }
            }
        };
        let spool = async {
            let s = self.spool.clone();
            let probe = tokio::task::spawn_blocking(move || s.probe_writable());
            match tokio::time::timeout(PROBE_TIMEOUT, probe).await {
                Ok(Ok(Ok(()))) => None,
                Ok(Ok(Err(e))) => {
                    tracing::warn!(error = %e, "readiness: spool not writable");
                    Some("not writable")
                }
                _ => Some("no answer in time"),
            }
        };
        let (store, spool) = tokio::join!(store, spool);
        let (_, oldest) = self.spool.backlog();
        let queue =
            (age(oldest) > self.stuck_after).then_some("stuck: oldest message past its lifetime");
        Readiness {
            store,
            spool,
            queue,
        }
    }
}

/// Time since `received_ms` (0 when there is none, or the clock went back).
fn age(received_ms: Option<i64>) -> Duration {
    let ms = received_ms.map_or(0, |t| crate::now_ms().saturating_sub(t).max(0));
    Duration::from_millis(u64::try_from(ms).unwrap_or(0))
}

async fn metrics(State(h): State<Arc<Health>>) -> impl IntoResponse {
    let ready = h.check().await.ready();
    let body = render(&METRICS, &h.gauges(ready));
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn readyz(State(h): State<Arc<Health>>) -> (StatusCode, String) {
    let r = h.check().await;
    let code = if r.ready() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, r.text())
}

pub fn router(health: Arc<Health>) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(health)
}

/// Serve until `shutdown` completes. Errors of single connections are
/// axum's to handle; only the listener itself failing ends this.
pub async fn serve_health(
    listener: tokio::net::TcpListener,
    health: Arc<Health>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(health))
        .with_graceful_shutdown(shutdown)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::Work;
    use crate::spool::MessageMeta;
    use crate::types::{Envelope, Recipient, TransportRequirement};

    fn envelope(spool: &Spool, received_at_ms: i64) -> MessageMeta {
        MessageMeta {
            envelope: Envelope {
                id: spool.new_id(),
                tenant: "default".into(),
                mail_from: "arts@praktijk.nl".into(),
                recipients: vec![Recipient::new("r@example.nl")],
                received_at_ms,
                client_ip: "127.0.0.1".parse().unwrap(),
                helo: "client".into(),
                authenticated_as: None,
                smtputf8: false,
                body_8bit: false,
                size: 1,
            },
            work: vec![Work::Deliver {
                transport: TransportRequirement::None,
                fallback: None,
            }],
            tag: None,
            audit: vec![],
        }
    }

    /// The SQLite variant of "the store is stopped": its pool closed.
    #[tokio::test]
    async fn readiness_names_a_stuck_queue_and_a_closed_store() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("s.db").display());
        let store = crate::server::open_store(&url, 2).await.unwrap();
        let (spool, _) = Spool::open(&dir.path().join("spool"), 1 << 20, 8, false).unwrap();
        let spool = Arc::new(spool);
        let health = Health::new(store.clone(), spool.clone(), Duration::from_secs(3600));
        let r = health.check().await;
        assert!(r.ready(), "{r:?}");
        assert_eq!(health.gauges(true).queue_messages, 0);

        let two_hours_ago = crate::now_ms() - 2 * 3600 * 1000;
        spool
            .append(envelope(&spool, two_hours_ago), Arc::new(b"x".to_vec()))
            .await
            .unwrap();
        let r = health.check().await;
        assert!(
            r.queue.is_some() && r.store.is_none() && r.spool.is_none(),
            "{r:?}"
        );
        let g = health.gauges(false);
        assert_eq!(g.queue_messages, 1);
        assert!(g.queue_oldest_age >= Duration::from_secs(7199), "{g:?}");
        // No probe file is left behind for recovery to trip over.
        let left = std::fs::read_dir(dir.path().join("spool"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".ready-probe"))
            .count();
        assert_eq!(left, 0);

        store.pool().close().await;
        let r = health.check().await;
        assert_eq!(r.store, Some("unreachable"), "{r:?}");
        assert!(
            r.text().contains("store: unreachable\nspool: ok\n"),
            "{}",
            r.text()
        );
    }
}
