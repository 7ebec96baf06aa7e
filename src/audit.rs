//! Audit: append-only events for every step a message takes (accepted,
//! decided, queued, delivered with TLS details, deferred, bounced, ...),
//! with time, actor and IP. Never content, never passwords; full addresses
//! only where the event is about that recipient.
//!
//! Recording never blocks the mail path: events go through a channel to a
//! writer task that inserts them in batches (see `store`).

use serde::Serialize;
use std::net::IpAddr;
use tokio::sync::mpsc;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AuditEvent {
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
}

impl Audit {
    /// A handle whose events go to `rx` (the store's writer task, or a test).
    pub fn channel() -> (Audit, mpsc::UnboundedReceiver<AuditEvent>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (Audit { tx: Some(tx) }, rx)
    }

    /// Drops every event (unit tests and one-shot CLI commands).
    pub fn disabled() -> Audit {
        Audit { tx: None }
    }

    pub fn record(&self, event: AuditEvent) {
        if let Some(tx) = &self.tx {
            // A closed channel means shutdown; the event is dropped with a log line.
            if tx.send(event).is_err() {
                tracing::warn!("audit writer gone; event dropped");
            }
        }
    }
}
