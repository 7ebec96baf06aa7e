//! One delivery attempt of one message: a pickup mail whose link was
//! closed is cancelled instead; otherwise the body (reloaded from the spool
//! when it was dropped), the route, and per recipient what its report
//! means: delivered, the `deliver` fallback due, bounced (permanent, or
//! the lifetime is over) or deferred. What each outcome writes is
//! `outcome.rs`.
//!
//! Promises: a route that reports fewer recipients than it was given never
//! makes the missing ones vanish (they stay deferred); an unreadable spool
//! body defers, never bounces; nothing here panics.

use super::cancel::cancel_item;
use super::dsn::DsnRecipient;
use super::outcome::{bounce, defer, delivered, next_attempt};
use super::Ctx;
use crate::delivery::{Journal, QueueItem, QueuedRcpt, Route};
use crate::types::{DeliveryReport, RcptStatus, Unmet};
use std::sync::Arc;

/// One delivery attempt; returns the message when recipients remain.
pub(super) async fn attempt<J: Journal, R: Route>(
    ctx: &Ctx<J, R>,
    mut item: QueueItem,
) -> Option<QueueItem> {
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
                .map(|r| temporary(r, "spool onleesbaar / spool unreadable"))
                .collect()
        }
    };

    let d = &ctx.config.delivery;
    let now = crate::now_ms();
    let expires = env
        .received_at_ms
        .saturating_add((d.max_lifetime_secs as i64).saturating_mul(1000));
    let attempts = item.attempts.saturating_add(1);
    let tag = item.tag.as_ref();
    let mut failed: Vec<(QueuedRcpt, DeliveryReport, DsnRecipient)> = vec![];
    let mut deferred: Vec<(QueuedRcpt, DeliveryReport, String)> = vec![];
    // A route that reports fewer recipients than it was given must not make
    // the missing ones vanish: they stay deferred.
    let mut reports = reports.into_iter();
    for rcpt in item.recipients.iter() {
        let rep = reports
            .next()
            .unwrap_or_else(|| temporary(rcpt, "geen resultaat van route / no result from route"));
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
            RcptStatus::Delivered => delivered(ctx, &env, tag, rcpt, &rep, attempts).await,
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
        let body = body.as_ref().ok().map(|b| b.as_slice());
        bounce(ctx, &env, tag, body, &failed, attempts).await;
    }
    if deferred.is_empty() {
        return None;
    }
    let next = next_attempt(&env, d, now, expires, attempts, &deferred);
    item.recipients = defer(ctx, &env, tag, deferred, attempts, next).await;
    item.attempts = attempts;
    item.next_attempt_ms = next;
    item.body = None; // reloaded from the spool at the next attempt
    Some(item)
}

/// A temporary failure the queue reports for `rcpt` itself.
fn temporary(rcpt: &QueuedRcpt, reason: &str) -> DeliveryReport {
    DeliveryReport {
        recipient: rcpt.address.clone(),
        status: RcptStatus::TemporaryFailure {
            reason: reason.into(),
        },
        remote: String::new(),
        tls: Default::default(),
        answer: None,
        unmet: None,
    }
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
}
