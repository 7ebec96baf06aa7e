//! The delivery queue: ready messages go out at once, deferred ones wait
//! with exponential backoff (`retry_initial_secs` doubling up to
//! `retry_max_secs`) until `max_lifetime_secs` after arrival, then bounce.
//!
//! Promises: every outcome is written through the [`Journal`] before the
//! queue forgets it (so a restart resumes exactly); a DSN goes to the sender
//! for every permanent failure, except for a null-sender message (no bounce
//! loops); at most `max_parallel_deliveries` messages are in flight, and a
//! deferred message's body is dropped from memory until its next attempt.
//! Audit: `delivered` (remote, TLS version, cipher, authentication),
//! `deferred` (reason), `bounced` (reason, status), and for a tagged mail
//! of a closed pickup link `notification-cancelled` / `code-cancelled`
//! (see `cancel`).
//!
//! Failure: a journal write error is logged and the recipient stays as the
//! journal last knew it (a restart retries it); nothing here panics.

use super::cancel::{cancel_item, is_for, Cancelled};
use super::dsn::{build_dsn, DsnRecipient};
use super::handle::{Msg, QueueHandle};
use super::route_select::SelectingRoute;
use crate::audit::{Audit, AuditEvent};
use crate::config::Config;
use crate::delivery::message::header_block;
use crate::delivery::mx::deliver::MxRoute;
use crate::delivery::relay::RelayRoute;
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tlsrpt::result::TlsRptSink;
use crate::delivery::{Journal, QueueItem, QueuedRcpt, Route};
use crate::metrics::METRICS;
use crate::types::{DeliveryReport, Envelope, MailTag, RcptStatus, Unmet};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// Delay before attempt number `attempts + 1`, after `attempts` failed ones.
pub fn backoff_secs(initial_secs: u64, max_secs: u64, attempts: u32) -> u64 {
    let shift = attempts.saturating_sub(1).min(62);
    initial_secs
        .max(1)
        .saturating_mul(1u64 << shift)
        .min(max_secs.max(1))
}

pub struct Queue;

impl Queue {
    /// Start the queue on the current tokio runtime with the routes the
    /// configuration gives: per recipient, the relay host when it can meet
    /// the transport requirement, MX delivery otherwise (when
    /// `delivery.mx_enabled`), else deferred (see `route_select`).
    pub fn start<J: Journal>(config: Arc<Config>, journal: Arc<J>, audit: Audit) -> QueueHandle {
        Self::start_with_tlsrpt(config, journal, audit, None, None)
    }

    /// [`Queue::start`], with MX delivery's TLS-RPT results also sent to
    /// `tlsrpt` (the store writer, `tlsrpt::store::run_tlsrpt_writer`).
    pub fn start_with_tlsrpt<J: Journal>(
        config: Arc<Config>,
        journal: Arc<J>,
        audit: Audit,
        tlsrpt: Option<TlsRptSink>,
        sts_cache: Option<Arc<PolicyCache>>,
    ) -> QueueHandle {
        let relay = config.delivery.relay.as_ref().map(|relay| {
            RelayRoute::new(&config, relay).inspect_err(|e| {
                tracing::error!("relay host unusable, mail is deferred: {e}");
            })
        });
        let mx = config
            .delivery
            .mx_enabled
            .then(|| MxRoute::new(&config, audit.clone()))
            .map(|mx| match sts_cache {
                Some(c) => mx.with_sts_cache(c),
                None => mx,
            });
        if let (Some(mx), Some(sink)) = (&mx, tlsrpt) {
            mx.tlsrpt().set_sink(sink);
        }
        let route = SelectingRoute {
            relay_host: config.delivery.relay.clone(),
            relay,
            mx,
            unrouted: "geen route: MX-aflevering uitgeschakeld en geen geschikte relay / no route: MX delivery disabled and no suitable relay host".into(),
        };
        Self::start_with_route(config, journal, audit, Arc::new(route))
    }

    /// Start the queue with any route (MX delivery, a test double).
    pub fn start_with_route<J: Journal, R: Route>(
        config: Arc<Config>,
        journal: Arc<J>,
        audit: Audit,
        route: Arc<R>,
    ) -> QueueHandle {
        let (tx, rx) = mpsc::unbounded_channel();
        let (done_tx, done_rx) = mpsc::unbounded_channel();
        let ctx = Arc::new(Ctx {
            config,
            journal,
            audit,
            route,
            done_tx,
        });
        tokio::spawn(schedule(ctx, rx, done_rx));
        QueueHandle::new(tx)
    }
}

struct Ctx<J, R> {
    config: Arc<Config>,
    journal: Arc<J>,
    audit: Audit,
    route: Arc<R>,
    /// An attempt ends with the message back (deferred recipients) or None.
    done_tx: mpsc::UnboundedSender<Option<QueueItem>>,
}

struct Waiting {
    at_ms: i64,
    seq: u64,
    item: QueueItem,
}
impl PartialEq for Waiting {
    fn eq(&self, o: &Self) -> bool {
        (self.at_ms, self.seq) == (o.at_ms, o.seq)
    }
}
impl Eq for Waiting {}
impl PartialOrd for Waiting {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Waiting {
    // Reversed: BinaryHeap is a max-heap, we want the earliest first.
    fn cmp(&self, o: &Self) -> Ordering {
        (o.at_ms, o.seq).cmp(&(self.at_ms, self.seq))
    }
}

async fn schedule<J: Journal, R: Route>(
    ctx: Arc<Ctx<J, R>>,
    mut rx: mpsc::UnboundedReceiver<Msg>,
    mut done_rx: mpsc::UnboundedReceiver<Option<QueueItem>>,
) {
    let max_in_flight = ctx.config.delivery.max_parallel_deliveries.max(1);
    let mut ready: VecDeque<QueueItem> = VecDeque::new();
    let mut waiting: BinaryHeap<Waiting> = BinaryHeap::new();
    let mut seq: u64 = 0;
    let mut in_flight = 0usize;
    let mut cancelled = Cancelled::default();
    let keep_ms = (ctx.config.delivery.max_lifetime_secs as i64).saturating_mul(1000);
    let mut place =
        |item: QueueItem, ready: &mut VecDeque<QueueItem>, waiting: &mut BinaryHeap<Waiting>| {
            if item.next_attempt_ms <= crate::now_ms() {
                ready.push_back(item);
            } else {
                seq += 1;
                waiting.push(Waiting {
                    at_ms: item.next_attempt_ms,
                    seq,
                    item,
                });
            }
        };
    loop {
        while in_flight < max_in_flight {
            let Some(item) = ready.pop_front() else { break };
            in_flight += 1;
            let ctx = ctx.clone();
            tokio::spawn(async move {
                let back = attempt(&ctx, item).await;
                let _ = ctx.done_tx.send(back);
            });
        }
        let wake = waiting.peek().map(|w| w.at_ms);
        let sleep_for = wake
            .map(|at| Duration::from_millis(at.saturating_sub(crate::now_ms()).max(0) as u64))
            .unwrap_or(Duration::from_secs(3600));
        tokio::select! {
            done = done_rx.recv() => {
                in_flight = in_flight.saturating_sub(1);
                if let Some(Some(item)) = done {
                    match cancelled.reason(&item) {
                        Some(reason) => spawn_cancel(&ctx, vec![item], reason, None),
                        None => place(item, &mut ready, &mut waiting),
                    }
                }
            }
            msg = rx.recv() => match msg {
                Some(Msg::Item(item)) => match cancelled.reason(&item) {
                    Some(reason) => spawn_cancel(&ctx, vec![item], reason, None),
                    None => place(item, &mut ready, &mut waiting),
                },
                Some(Msg::Cancel { pickup, reason, done }) => {
                    let mut gone = vec![];
                    let (out, keep): (Vec<QueueItem>, _) =
                        std::mem::take(&mut ready).into_iter().partition(|i| is_for(i, &pickup));
                    ready = keep.into();
                    gone.extend(out);
                    let (out, keep): (Vec<Waiting>, Vec<Waiting>) = std::mem::take(&mut waiting)
                        .into_vec()
                        .into_iter()
                        .partition(|w| is_for(&w.item, &pickup));
                    waiting = keep.into();
                    gone.extend(out.into_iter().map(|w| w.item));
                    cancelled.insert(pickup, reason.clone(), crate::now_ms(), keep_ms);
                    spawn_cancel(&ctx, gone, reason, Some(done));
                }
                Some(Msg::Held(tx)) => {
                    let held = ready
                        .iter()
                        .chain(waiting.iter().map(|w| &w.item))
                        .map(|i| (i.envelope.id.clone(), i.tag.clone()))
                        .collect();
                    let _ = tx.send(held);
                }
                None => return, // every handle dropped: shutting down
            },
            _ = tokio::time::sleep(sleep_for) => {
                let now = crate::now_ms();
                while waiting.peek().is_some_and(|w| w.at_ms <= now) {
                    if let Some(w) = waiting.pop() {
                        ready.push_back(w.item);
                    }
                }
            }
        }
    }
}

/// Record `items` as cancelled off the scheduler's loop; then answer `done`.
fn spawn_cancel<J: Journal, R: Route>(
    ctx: &Arc<Ctx<J, R>>,
    items: Vec<QueueItem>,
    reason: String,
    done: Option<oneshot::Sender<usize>>,
) {
    let ctx = ctx.clone();
    tokio::spawn(async move {
        for item in &items {
            cancel_item(&*ctx.journal, &ctx.audit, item, &reason).await;
        }
        if let Some(done) = done {
            let _ = done.send(items.len());
        }
    });
}

/// One delivery attempt; returns the message when recipients remain.
async fn attempt<J: Journal, R: Route>(ctx: &Ctx<J, R>, mut item: QueueItem) -> Option<QueueItem> {
    // A pickup mail whose link was closed (here or by another process,
    // before or after a restart) never goes out.
    if let Some(tag) = &item.tag {
        if let Some(reason) = ctx.journal.cancelled(tag).await {
            cancel_item(&*ctx.journal, &ctx.audit, &item, &reason).await;
            return None;
        }
    }
    let env = item.envelope.clone();
    let body = match item.body.take() {
        Some(b) => Ok(b),
        None => ctx.journal.load_body(&env.id).await.map(Arc::new),
    };
    let reports = match &body {
        Ok(b) => ctx.route.deliver(&env, &item.recipients, b).await,
        Err(e) => {
            tracing::error!(id = %env.id, "cannot read spooled body: {e}");
            item.recipients
                .iter()
                .map(|r| DeliveryReport {
                    recipient: r.address.clone(),
                    status: RcptStatus::TemporaryFailure {
                        reason: "spool onleesbaar / spool unreadable".into(),
                    },
                    remote: String::new(),
                    tls: Default::default(),
                    answer: None,
                    unmet: None,
                })
                .collect()
        }
    };

    let d = &ctx.config.delivery;
    let now = crate::now_ms();
    let expires = env
        .received_at_ms
        .saturating_add((d.max_lifetime_secs as i64).saturating_mul(1000));
    let attempts = item.attempts.saturating_add(1);
    let mut failed: Vec<(QueuedRcpt, DeliveryReport, DsnRecipient)> = vec![];
    let mut deferred: Vec<(QueuedRcpt, DeliveryReport, String)> = vec![];
    // A route that reports fewer recipients than it was given must not make
    // the missing ones vanish: they stay deferred.
    let mut reports = reports.into_iter();
    for rcpt in item.recipients.iter() {
        let rep = reports.next().unwrap_or_else(|| DeliveryReport {
            recipient: rcpt.address.clone(),
            status: RcptStatus::TemporaryFailure {
                reason: "geen resultaat van route / no result from route".into(),
            },
            remote: String::new(),
            tls: Default::default(),
            answer: None,
            unmet: None,
        });
        if let Some(step) = fallback_due(rcpt, &rep, now, env.received_at_ms, d) {
            let why = match &rep.status {
                RcptStatus::TemporaryFailure { reason } => reason.as_str(),
                _ => "",
            };
            // The journal parks, blocks or queues the next `deliver`, and
            // records the outcome; this attempt forgets the recipient.
            if ctx
                .journal
                .run_fallback(&env.id, rcpt.index, step, why)
                .await
            {
                continue;
            }
        }
        match rep.status.clone() {
            RcptStatus::Delivered => {
                ctx.journal
                    .delivered(&env.id, rcpt.index, rcpt.transport, &rep.remote, &rep.tls);
                record(ctx, &env, rcpt, &RcptStatus::Delivered, attempts, 0).await;
                METRICS.delivered(&rep.tls.version, &rep.tls.authentication);
                ctx.audit.record(outcome(
                    &env,
                    item.tag.as_ref(),
                    "delivered",
                    rcpt,
                    serde_json::json!({
                        "remote": rep.remote,
                        "tls_version": rep.tls.version,
                        "cipher": rep.tls.cipher,
                        "authentication": rep.tls.authentication,
                        "reply": rep.reply_line(),
                        "attempts": attempts,
                    }),
                ));
            }
            RcptStatus::PermanentFailure { reason } => {
                let dsn = DsnRecipient::bounced(&rep, &reason);
                failed.push((rcpt.clone(), rep, dsn));
            }
            RcptStatus::TemporaryFailure { reason } if now >= expires => {
                let days = d.max_lifetime_secs as f64 / 86_400.0;
                let dsn = DsnRecipient::expired(&rep, &reason, days);
                let rep = DeliveryReport {
                    status: RcptStatus::PermanentFailure {
                        reason: format!("levensduur verstreken / lifetime expired: {reason}"),
                    },
                    ..rep
                };
                failed.push((rcpt.clone(), rep, dsn));
            }
            RcptStatus::TemporaryFailure { reason } => deferred.push((rcpt.clone(), rep, reason)),
            RcptStatus::Scheduled => deferred.push((rcpt.clone(), rep, "not attempted".into())),
            // Not a route's answer; kept as it is, like a deferral.
            RcptStatus::Cancelled { reason } => deferred.push((rcpt.clone(), rep, reason)),
        }
    }

    if !failed.is_empty() {
        let mut sent_dsn = false;
        if !env.mail_from.is_empty() {
            let headers = match &body {
                Ok(b) => header_block(b, d.dsn_max_header_bytes),
                Err(_) => &[],
            };
            let rcpts: Vec<DsnRecipient> = failed.iter().map(|f| f.2.clone()).collect();
            let pm = &ctx.config.tenant.postmaster;
            let dsn = build_dsn(&ctx.config.server.hostname, pm, &env, headers, &rcpts);
            // Inject before recording: a crash in between gives a duplicate
            // DSN after restart, never a lost one.
            match ctx
                .journal
                .inject(String::new(), vec![env.mail_from.clone()], dsn)
                .await
            {
                Ok(_) => sent_dsn = true,
                Err(e) => tracing::error!(id = %env.id, "cannot spool DSN: {e}"),
            }
        }
        for (rcpt, rep, dsn) in &failed {
            record(ctx, &env, rcpt, &rep.status, attempts, 0).await;
            METRICS.bounced.inc();
            let reason = match &rep.status {
                RcptStatus::PermanentFailure { reason } => reason.as_str(),
                _ => "",
            };
            ctx.audit.record(outcome(
                &env,
                item.tag.as_ref(),
                "bounced",
                rcpt,
                serde_json::json!({
                    "reason": reason,
                    "status": dsn.status.to_string(),
                    "remote": rep.remote,
                    "dsn": sent_dsn,
                    "attempts": attempts,
                }),
            ));
        }
    }

    if deferred.is_empty() {
        return None;
    }
    let delay = backoff_secs(d.retry_initial_secs, d.retry_max_secs, attempts) as i64 * 1000;
    // One last attempt at the end of the lifetime, then a bounce.
    let mut next = now.saturating_add(delay).min(expires.max(now + 1));
    // A recipient whose fallback waits for the grace is tried again when
    // the grace ends, not a backoff step later.
    let grace_end = env
        .received_at_ms
        .saturating_add((d.fallback_grace_secs as i64).saturating_mul(1000));
    if grace_end > now
        && deferred
            .iter()
            .any(|(r, rep, _)| r.fallback_step.is_some() && rep.unmet == Some(Unmet::Failing))
    {
        next = next.min(grace_end);
    }
    let mut remaining = Vec::with_capacity(deferred.len());
    for (rcpt, rep, reason) in deferred {
        let status = RcptStatus::TemporaryFailure {
            reason: reason.clone(),
        };
        record(ctx, &env, &rcpt, &status, attempts, next).await;
        METRICS.deferred.inc();
        ctx.audit.record(outcome(
            &env,
            item.tag.as_ref(),
            "deferred",
            &rcpt,
            serde_json::json!({
                "reason": reason,
                "remote": rep.remote,
                "attempts": attempts,
                "next_attempt_ms": next,
            }),
        ));
        remaining.push(rcpt);
    }
    item.recipients = remaining;
    item.attempts = attempts;
    item.next_attempt_ms = next;
    item.body = None; // reloaded from the spool at the next attempt
    Some(item)
}

/// The `deliver` step whose fallback is due for this recipient: its
/// requirement is definitely unmet, or has kept failing and the message is
/// older than `fallback_grace_secs`. A temporary failure of another kind
/// (connection refused, a 4xx reply, DNS timeout without an answer) never
/// counts: it is retried as before.
fn fallback_due(
    rcpt: &QueuedRcpt,
    rep: &DeliveryReport,
    now: i64,
    received_at_ms: i64,
    d: &crate::config::DeliveryConfig,
) -> Option<u32> {
    let step = rcpt.fallback_step?;
    if !matches!(rep.status, RcptStatus::TemporaryFailure { .. }) {
        return None;
    }
    let grace_ms = (d.fallback_grace_secs as i64).saturating_mul(1000);
    match rep.unmet? {
        Unmet::Definite => Some(step),
        Unmet::Failing if now.saturating_sub(received_at_ms) >= grace_ms => Some(step),
        Unmet::Failing => None,
    }
}

async fn record<J: Journal, R: Route>(
    ctx: &Ctx<J, R>,
    env: &Envelope,
    rcpt: &QueuedRcpt,
    status: &RcptStatus,
    attempts: u32,
    next: i64,
) {
    if let Err(e) = ctx
        .journal
        .record(&env.id, rcpt.index, status, attempts, next)
        .await
    {
        tracing::error!(id = %env.id, rcpt = rcpt.index, "journal write failed: {e}");
    }
}

/// The audit event of one recipient's outcome. A mail Sluis made for a
/// pickup (notification, code) says so in its detail (`"mail"`, `"pickup"`),
/// so its message id in `sluis audit` is not an unexplained one.
fn outcome(
    env: &Envelope,
    tag: Option<&MailTag>,
    kind: &str,
    rcpt: &QueuedRcpt,
    mut detail: serde_json::Value,
) -> AuditEvent {
    if let (Some(tag), Some(map)) = (tag, detail.as_object_mut()) {
        map.insert("mail".into(), tag.label().into());
        map.insert("pickup".into(), tag.pickup_id().into());
    }
    event(env, kind, rcpt).detail(detail)
}

fn event(env: &Envelope, kind: &str, rcpt: &QueuedRcpt) -> AuditEvent {
    AuditEvent::new(&env.tenant, kind, "system")
        .message(&env.id)
        .recipient(rcpt.address.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fallback_is_due_when_definite_or_past_the_grace_never_otherwise() {
        let d = crate::config::DeliveryConfig {
            fallback_grace_secs: 60,
            ..Default::default()
        };
        let rcpt = |step| QueuedRcpt {
            index: 0,
            address: "a@b.nl".into(),
            transport: crate::types::TransportRequirement::Dane,
            fallback_step: step,
        };
        let rep = |unmet, temporary: bool| DeliveryReport {
            recipient: "a@b.nl".into(),
            status: if temporary {
                RcptStatus::TemporaryFailure { reason: "x".into() }
            } else {
                RcptStatus::Delivered
            },
            remote: String::new(),
            tls: Default::default(),
            answer: None,
            unmet,
        };
        let due = |step, unmet, temporary, age_ms: i64| {
            fallback_due(
                &rcpt(step),
                &rep(unmet, temporary),
                1_000_000,
                1_000_000 - age_ms,
                &d,
            )
        };
        assert_eq!(due(Some(2), Some(Unmet::Definite), true, 0), Some(2));
        assert_eq!(due(None, Some(Unmet::Definite), true, 0), None);
        assert_eq!(due(Some(0), Some(Unmet::Failing), true, 59_999), None);
        assert_eq!(due(Some(0), Some(Unmet::Failing), true, 60_000), Some(0));
        // A connection problem or DNS timeout never runs the fallback.
        assert_eq!(due(Some(0), None, true, 10_000_000), None);
        assert_eq!(due(Some(0), Some(Unmet::Definite), false, 0), None);
    }

    #[test]
    fn backoff_doubles_from_initial_up_to_max() {
        let s: Vec<u64> = (1..=8).map(|a| backoff_secs(300, 4 * 3600, a)).collect();
        assert_eq!(s, vec![300, 600, 1200, 2400, 4800, 9600, 14400, 14400]);
        assert_eq!(backoff_secs(300, 4 * 3600, 0), 300);
        assert_eq!(backoff_secs(300, 4 * 3600, u32::MAX), 14400);
    }
}
