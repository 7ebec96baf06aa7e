//! What one attempt writes per recipient outcome: the journal record, the
//! audit event and the metric; for bounces one DSN to the sender (never
//! for a null-sender message: no bounce loops), injected before the
//! bounces are recorded; for deferrals the next attempt, with exponential
//! backoff (`retry_initial_secs` doubling up to `retry_max_secs`), one last
//! try at the end of `max_lifetime_secs`, and a retry when a fallback's
//! grace ends.
//!
//! Failure: a journal write error is logged and the recipient stays as the
//! journal last knew it (a restart retries it); a DSN that cannot be
//! spooled is logged and the bounce recorded as sent without one.

use super::dsn::{build_dsn, DsnRecipient};
use super::Ctx;
use crate::audit::AuditEvent;
use crate::config::DeliveryConfig;
use crate::delivery::message::header_block;
use crate::delivery::{Journal, QueuedRcpt, Route};
use crate::metrics::METRICS;
use crate::types::{DeliveryReport, Envelope, MailTag, RcptStatus, Unmet};

/// Delay before attempt number `attempts + 1`, after `attempts` failed ones.
pub fn backoff_secs(initial_secs: u64, max_secs: u64, attempts: u32) -> u64 {
    let shift = attempts.saturating_sub(1).min(62);
    initial_secs
        .max(1)
        .saturating_mul(1u64 << shift)
        .min(max_secs.max(1))
}

/// A recipient delivered: journal, metric, audit.
pub(super) async fn delivered<J: Journal, R: Route>(
    ctx: &Ctx<J, R>,
    env: &Envelope,
    tag: Option<&MailTag>,
    rcpt: &QueuedRcpt,
    rep: &DeliveryReport,
    attempts: u32,
) {
    ctx.journal
        .delivered(&env.id, rcpt.index, rcpt.transport, &rep.remote, &rep.tls);
    record(ctx, env, rcpt, &RcptStatus::Delivered, attempts, 0).await;
    METRICS.delivered(&rep.tls.version, &rep.tls.authentication);
    ctx.audit.record(outcome(
        env,
        tag,
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

/// Recipients that failed for good: one DSN for all of them (`body`: the
/// message, for its header block), then each recorded and audited.
pub(super) async fn bounce<J: Journal, R: Route>(
    ctx: &Ctx<J, R>,
    env: &Envelope,
    tag: Option<&MailTag>,
    body: Option<&[u8]>,
    failed: &[(QueuedRcpt, DeliveryReport, DsnRecipient)],
    attempts: u32,
) {
    let d = &ctx.config.delivery;
    let mut sent_dsn = false;
    if !env.mail_from.is_empty() {
        let headers = body.map_or(&[][..], |b| header_block(b, d.dsn_max_header_bytes));
        let rcpts: Vec<DsnRecipient> = failed.iter().map(|f| f.2.clone()).collect();
        let pm = &ctx.config.tenant.postmaster;
        let dsn = build_dsn(&ctx.config.server.hostname, pm, env, headers, &rcpts);
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
    for (rcpt, rep, dsn) in failed {
        record(ctx, env, rcpt, &rep.status, attempts, 0).await;
        METRICS.bounced.inc();
        let reason = match &rep.status {
            RcptStatus::PermanentFailure { reason } => reason.as_str(),
            _ => "",
        };
        ctx.audit.record(outcome(
            env,
            tag,
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

/// When to try the deferred recipients again: a backoff step later, but
/// no later than the end of the lifetime (one last attempt, then a
/// bounce); a recipient whose fallback waits for the grace is tried again
/// when the grace ends, not a backoff step later.
pub(super) fn next_attempt(
    env: &Envelope,
    d: &DeliveryConfig,
    now: i64,
    expires: i64,
    attempts: u32,
    deferred: &[(QueuedRcpt, DeliveryReport, String)],
) -> i64 {
    let delay = backoff_secs(d.retry_initial_secs, d.retry_max_secs, attempts) as i64 * 1000;
    let mut next = now.saturating_add(delay).min(expires.max(now + 1));
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
    next
}

/// Deferred recipients: each recorded with its next attempt, counted and
/// audited; returns them, for the message to wait with.
pub(super) async fn defer<J: Journal, R: Route>(
    ctx: &Ctx<J, R>,
    env: &Envelope,
    tag: Option<&MailTag>,
    deferred: Vec<(QueuedRcpt, DeliveryReport, String)>,
    attempts: u32,
    next: i64,
) -> Vec<QueuedRcpt> {
    let mut remaining = Vec::with_capacity(deferred.len());
    for (rcpt, rep, reason) in deferred {
        let status = RcptStatus::TemporaryFailure {
            reason: reason.clone(),
        };
        record(ctx, env, &rcpt, &status, attempts, next).await;
        METRICS.deferred.inc();
        ctx.audit.record(outcome(
            env,
            tag,
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
    remaining
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
    fn backoff_doubles_from_initial_up_to_max() {
        let s: Vec<u64> = (1..=8).map(|a| backoff_secs(300, 4 * 3600, a)).collect();
        assert_eq!(s, vec![300, 600, 1200, 2400, 4800, 9600, 14400, 14400]);
        assert_eq!(backoff_secs(300, 4 * 3600, 0), 300);
        assert_eq!(backoff_secs(300, 4 * 3600, u32::MAX), 14400);
    }
}
