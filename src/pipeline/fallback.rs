//! A `deliver` fallback, run when the queue finds that a recipient cannot
//! be served under its transport requirement (no NTA 7516 record, no DANE,
//! or still failing after `delivery.fallback_grace_secs`).
//!
//! The queue knows only the step number of the `deliver` in the
//! recipient's chain (delivery sits below route); the work itself is read
//! back from the spooled record, so the chain the policy decided before
//! "250" is the one that runs. The fallback is a hand-off like any other:
//! parked with a notification, blocked with a DSN, or queued again under
//! the next `deliver`. Audited as `route-fallback` (step, what it became,
//! the delivery reason; never content).

use super::Pipeline;
use crate::audit::AuditEvent;
use crate::route::Work;
use crate::spool::StatusRecord;
use crate::types::{MessageId, RcptStatus};
use std::sync::Arc;

impl Pipeline {
    /// The queue found that `deliver` step `step` of recipient `index`
    /// cannot be met (`why`, no content): run that step's fallback, as a
    /// hand-off of its own. `false` when the message or the fallback is
    /// not there (the queue then keeps the recipient).
    pub(super) async fn start_fallback(
        &self,
        id: &MessageId,
        index: u32,
        step: u32,
        why: &str,
    ) -> bool {
        let Some(me) = self.me.upgrade() else {
            return false;
        };
        let Some(rec) = self.spool.get(id) else {
            return false;
        };
        let Some(next) = rec
            .meta
            .work
            .get(index as usize)
            .and_then(|w| crate::route::fallback_after(w, step))
        else {
            return false;
        };
        let envelope = Arc::new(rec.meta.envelope.clone());
        let (spool, bid) = (self.spool.clone(), id.clone());
        let body = match tokio::task::spawn_blocking(move || spool.load_body(&bid)).await {
            Ok(Ok(b)) => Arc::new(b),
            Ok(Err(e)) => {
                tracing::error!(%id, error = %e, "cannot read spooled message for a fallback");
                return false;
            }
            Err(e) => {
                tracing::error!(%id, error = %e, "cannot read spooled message for a fallback");
                return false;
            }
        };
        let next = super::hold_to_block(next);
        self.audit.record(
            AuditEvent::new(&envelope.tenant, "route-fallback", "system")
                .message(&envelope.id)
                .recipient(self.rcpt(&envelope, index))
                .detail(serde_json::json!({
                    "step": step,
                    "to": work_name(&next),
                    "why": why,
                })),
        );
        if matches!(next, Work::Deliver { .. }) {
            // Durable before it is queued: a restart resumes at this step.
            let moved = StatusRecord {
                id: envelope.id.clone(),
                rcpt: index,
                status: RcptStatus::Scheduled,
                attempts: 0,
                next_attempt_ms: 0,
                step: Some(step + 1),
            };
            if let Err(e) = self.spool.record_status(moved).await {
                // Not fatal: after a restart the chain starts over.
                tracing::error!(%id, error = %e, "cannot record the chain step");
            }
        }
        tokio::spawn(async move { me.hand_off(envelope, index, next, step + 1, body).await });
        true
    }
}

/// A work's name for audit (`deliver:dane`, `pickup`, `blocked`).
pub(super) fn work_name(w: &Work) -> String {
    match w {
        Work::Deliver { transport, .. } => format!("deliver:{}", transport.as_str()),
        Work::Encrypt { .. } => "encrypt".into(),
        Work::Pickup { .. } => "pickup".into(),
        Work::Hold { .. } => "hold".into(),
        Work::Blocked { .. } => "blocked".into(),
    }
}
