//! Delivery stage: the queue, the SMTP client, retries with backoff, and
//! DSNs. The next hop is the configured relay host (smarthost) for what it
//! can carry, and the recipient's MX (DNSSEC, DANE, MTA-STS) otherwise
//! (`queue::route_select`, `mx`).
//!
//! Folders, bottom up (see docs/architecture.md): `client` (the one SMTP
//! client), `tls_policy` (security levels, DANE, MTA-STS, NTA 7516),
//! `tlsrpt` (TLS reporting), `relay` and `mx` (the two kinds of next hop),
//! `queue` (scheduling, next-hop selection, DSNs) and `check` (`sluis
//! delivery check`, on top of `mx`). DNS and TLS configurations come from
//! [`crate::net`].
//!
//! The queue never owns durability: every outcome goes through the
//! [`Journal`] (the spool), so a restart resumes exactly where it stopped.

pub mod check;
pub mod check_report;
mod check_text;
pub mod client;
pub mod message;
pub mod mx;
pub mod queue;
pub mod relay;
pub mod tls_policy;
pub mod tlsrpt;

use crate::types::{
    DeliveryReport, Envelope, MailTag, MessageId, RcptStatus, TlsInfo, TransportRequirement,
};
use std::future::Future;
use std::sync::Arc;

/// A way to the next hop (relay host today; MX with DANE/MTA-STS later).
/// Delivers one message to some of its recipients in one go.
pub trait Route: Send + Sync + 'static {
    /// One report per entry of `rcpts`, in the same order. Never fails as a
    /// whole: problems become per-recipient temporary or permanent failures.
    fn deliver(
        &self,
        envelope: &Envelope,
        rcpts: &[QueuedRcpt],
        body: &[u8],
    ) -> impl Future<Output = Vec<DeliveryReport>> + Send;
}

/// One recipient waiting in the queue.
#[derive(Clone, Debug, PartialEq)]
pub struct QueuedRcpt {
    /// Index into `Envelope::recipients`.
    pub index: u32,
    pub address: String,
    pub transport: TransportRequirement,
    /// `Some(step)` when this `deliver` has a fallback: the queue then asks
    /// [`Journal::run_fallback`] with this step (which `deliver` of the
    /// recipient's chain this is, from 0) instead of waiting out the
    /// lifetime, once the requirement is definitely unmet or has failed
    /// for longer than `delivery.fallback_grace_secs`.
    pub fallback_step: Option<u32>,
}

/// A message with the recipients still to deliver.
#[derive(Clone, Debug)]
pub struct QueueItem {
    pub envelope: Arc<Envelope>,
    pub recipients: Vec<QueuedRcpt>,
    /// Delivery attempts made so far (0 for a fresh message).
    pub attempts: u32,
    /// Unix ms of the next attempt (0 = now).
    pub next_attempt_ms: i64,
    /// The body when it is still in memory; otherwise the queue loads it
    /// through [`Journal::load_body`].
    pub body: Option<Arc<Vec<u8>>>,
    /// What the message is about, for a mail Sluis made (a pickup
    /// notification or code mail): [`queue::QueueHandle::cancel`] and
    /// [`Journal::cancelled`] find it by this, never by its text.
    pub tag: Option<MailTag>,
}

/// Durable bookkeeping the queue relies on (implemented by the spool).
pub trait Journal: Send + Sync + 'static {
    /// Read a spooled message body back (after a restart or a long deferral).
    fn load_body(&self, id: &MessageId) -> impl Future<Output = std::io::Result<Vec<u8>>> + Send;

    /// Record the outcome for one recipient. `Delivered` and
    /// `PermanentFailure` are final; `TemporaryFailure` carries the attempt
    /// count and the time of the next attempt so a restart honours backoff.
    fn record(
        &self,
        id: &MessageId,
        rcpt_index: u32,
        status: &RcptStatus,
        attempts: u32,
        next_attempt_ms: i64,
    ) -> impl Future<Output = std::io::Result<()>> + Send;

    /// Recipient `rcpt_index` was delivered under `transport` to `remote`
    /// over `tls` (called before `record`), for the sender's confirmation.
    /// The default forgets it.
    fn delivered(
        &self,
        id: &MessageId,
        rcpt_index: u32,
        transport: TransportRequirement,
        remote: &str,
        tls: &TlsInfo,
    ) {
        let _ = (id, rcpt_index, transport, remote, tls);
    }

    /// Asked before every attempt of a tagged message: `Some(reason)` when
    /// it must not go out any more (its pickup link was revoked, expired or
    /// locked, perhaps by another process such as `sluis pickup revoke`);
    /// the queue then cancels it. The default keeps every message.
    fn cancelled(&self, tag: &MailTag) -> impl Future<Output = Option<String>> + Send {
        let _ = tag;
        async { None }
    }

    /// Run the fallback of `deliver` step `step` for one recipient (parked
    /// for pickup with a notification, blocked with a DSN, or queued again
    /// under the next `deliver`). `true` when the fallback took the
    /// recipient over: the queue then forgets it, and the journal records
    /// its outcome. `false` (also the default) keeps it in the queue.
    fn run_fallback(
        &self,
        id: &MessageId,
        rcpt_index: u32,
        step: u32,
        why: &str,
    ) -> impl Future<Output = bool> + Send {
        let _ = (id, rcpt_index, step, why);
        async { false }
    }

    /// Spool a message generated by Sluis itself (a DSN) and queue it.
    fn inject(
        &self,
        mail_from: String,
        recipients: Vec<String>,
        body: Vec<u8>,
    ) -> impl Future<Output = std::io::Result<MessageId>> + Send;
}
