//! Cancelling queued mails by their tag: when a pickup link is revoked,
//! expires or is locked, the notification and code mails for it that are
//! still waiting must never go out later.
//!
//! Two ways in, both by the typed [`MailTag`] (never by reading a body):
//! - push: [`super::QueueHandle::cancel`] takes every waiting message of
//!   the pickup out at once, and the pickup stays in a short-lived list
//!   ([`Cancelled`]) so a message that is in an attempt at that moment is
//!   cancelled when the attempt returns it deferred, and one queued just
//!   after (a code mail racing the revoke) is cancelled on arrival;
//! - pull: before every attempt of a tagged message the queue asks
//!   [`Journal::cancelled`] (the pickup's state in the store), which also
//!   covers a revoke by another process and a restart.
//!
//! A cancelled recipient is recorded final (`RcptStatus::Cancelled`, so the
//! spool shreds the message), audited as `notification-cancelled` or
//! `code-cancelled` with the pickup id, and no DSN goes to anyone. A mail
//! the next hop already accepted cannot be called back: an attempt that
//! was under way when the cancel came ends as it ends.

use crate::audit::{Audit, AuditEvent};
use crate::delivery::{Journal, QueueItem};
use crate::types::RcptStatus;
use std::collections::HashMap;

/// Pickups cancelled recently, with the reason and when.
#[derive(Default)]
pub(super) struct Cancelled {
    by_pickup: HashMap<String, (String, i64)>,
}

impl Cancelled {
    /// Remember a cancelled pickup; forget those older than `keep_ms` (no
    /// message of theirs can still be in the queue after its lifetime).
    pub(super) fn insert(&mut self, pickup: String, reason: String, now_ms: i64, keep_ms: i64) {
        self.by_pickup
            .retain(|_, (_, at)| now_ms.saturating_sub(*at) <= keep_ms);
        self.by_pickup.insert(pickup, (reason, now_ms));
    }

    /// The reason when `item` belongs to a cancelled pickup.
    pub(super) fn reason(&self, item: &QueueItem) -> Option<String> {
        let tag = item.tag.as_ref()?;
        self.by_pickup
            .get(tag.pickup_id())
            .map(|(reason, _)| reason.clone())
    }
}

/// True when `item` is a mail for `pickup`.
pub(super) fn is_for(item: &QueueItem, pickup: &str) -> bool {
    item.tag.as_ref().is_some_and(|t| t.pickup_id() == pickup)
}

/// Record every recipient of `item` as cancelled (final, no DSN) and audit
/// it. Journal errors are logged; the recipient then stays as the journal
/// last knew it and the pull check cancels it after a restart.
pub(super) async fn cancel_item<J: Journal>(
    journal: &J,
    audit: &Audit,
    item: &QueueItem,
    reason: &str,
) {
    let Some(tag) = &item.tag else {
        return;
    };
    let env = &item.envelope;
    let status = RcptStatus::Cancelled {
        reason: reason.to_string(),
    };
    for rcpt in &item.recipients {
        if let Err(e) = journal
            .record(&env.id, rcpt.index, &status, item.attempts, 0)
            .await
        {
            tracing::error!(id = %env.id, rcpt = rcpt.index, "journal write failed: {e}");
        }
        audit.record(
            AuditEvent::new(&env.tenant, tag.cancelled_event(), "system")
                .message(&env.id)
                .recipient(rcpt.address.clone())
                .detail(serde_json::json!({
                    "pickup": tag.pickup_id(),
                    "reason": reason,
                    "attempts": item.attempts,
                })),
        );
    }
    tracing::info!(
        id = %env.id,
        pickup = %tag.pickup_id(),
        kind = tag.cancelled_event(),
        reason,
        "queued pickup mail cancelled"
    );
}
