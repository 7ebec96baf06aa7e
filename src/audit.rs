//! Audit: append-only events for every step a message takes (accepted,
//! decided, queued, delivered with TLS details, deferred, bounced, ...),
//! with time, actor and IP. Never content, never passwords; full addresses
//! only where the event is about that recipient.
//!
//! Recording never blocks the mail path: events go through a channel to a
//! writer task that inserts them in batches (see `store`). The writer never
//! drops an event: a failed batch is retried with backoff until the store
//! takes it. Every event waiting counts in [`Audit::backlog`]; above
//! `[audit] max_backlog_events` new mail is refused with a 451.
//!
//! The `accepted` and `decided` events of a submitted message travel in its
//! spool record (durable with the "250"); see `pipeline::durable_audit`.

use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::mpsc;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AuditEvent {
    /// A fixed id for events that may be written twice (replayed from the
    /// spool after a crash): the store keeps the first. `None`: the store
    /// makes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub time_ms: i64,
    pub tenant: String,
    /// `accepted`, `decided`, `queued`, `delivered`, `deferred`, `bounced`,
    /// `blocked`, `auth-failed`, `policy-reload-failed`, ...
    pub kind: String,
    /// Account, `trusted-network`, `system` or `recipient`.
    pub actor: String,
    pub ip: Option<IpAddr>,
    pub message_id: Option<String>,
    pub recipient: Option<String>,
    /// Event specific, content free (rule, categories, TLS version, reply code).
    pub detail: serde_json::Value,
}

impl AuditEvent {
    pub fn new(tenant: &str, kind: &str, actor: &str) -> AuditEvent {
        AuditEvent {
            id: None,
            time_ms: crate::now_ms(),
            tenant: tenant.to_string(),
            kind: kind.to_string(),
            actor: actor.to_string(),
            ip: None,
            message_id: None,
            recipient: None,
            detail: serde_json::Value::Null,
        }
    }

    pub fn ip(mut self, ip: IpAddr) -> Self {
        self.ip = Some(ip);
        self
    }

    pub fn message(mut self, id: impl ToString) -> Self {
        self.message_id = Some(id.to_string());
        self
    }

    pub fn recipient(mut self, rcpt: impl Into<String>) -> Self {
        self.recipient = Some(rcpt.into());
        self
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }
}

/// Cheap, cloneable handle to the audit trail.
#[derive(Clone, Debug)]
pub struct Audit {
    tx: Option<mpsc::UnboundedSender<AuditEvent>>,
    backlog: Backlog,
}

/// Events recorded but not yet in the store (shared by every handle, the
/// writer and the spool's durable events).
#[derive(Clone, Debug, Default)]
pub struct Backlog(Arc<AtomicUsize>);

impl Backlog {
    pub fn add(&self, n: usize) {
        self.0.fetch_add(n, Ordering::AcqRel);
    }

    pub fn done(&self, n: usize) {
        // Never below zero, whatever the order of add and done.
        let _ = self
            .0
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |v| {
                Some(v.saturating_sub(n))
            });
    }

    pub fn get(&self) -> usize {
        self.0.load(Ordering::Acquire)
    }
}

impl Audit {
    /// A handle whose events go to `rx` (the store's writer task, or a test).
    pub fn channel() -> (Audit, mpsc::UnboundedReceiver<AuditEvent>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (
            Audit {
                tx: Some(tx),
                backlog: Backlog::default(),
            },
            rx,
        )
    }

    /// Drops every event (unit tests and one-shot CLI commands).
    pub fn disabled() -> Audit {
        Audit {
            tx: None,
            backlog: Backlog::default(),
        }
    }

    pub fn record(&self, event: AuditEvent) {
        if let Some(tx) = &self.tx {
            self.backlog.add(1);
            // A closed channel means shutdown; the event is dropped with a log line.
            if tx.send(event).is_err() {
                self.backlog.done(1);
                tracing::warn!("audit writer gone; event dropped");
            }
        }
    }

    /// Events not yet in the store.
    pub fn backlog(&self) -> usize {
        self.backlog.get()
    }

    /// The shared counter (for the writer and the durable events).
    pub fn backlog_counter(&self) -> Backlog {
        self.backlog.clone()
    }
}
