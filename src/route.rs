//! Route stage: turns per-recipient decisions into work for the stages
//! that carry it out (delivery, encryption, pickup) and the list of
//! blocked recipients for the sender.
//!
//! Fail safe: while a stage does not exist yet (encryption, pickup), a
//! decision that needs it becomes `Hold` (the message waits in the queue,
//! deferred) — never a clear-text delivery.

use crate::types::{Action, Bilingual, Decision, TransportRequirement};
use serde::{Deserialize, Serialize};

/// The work for one recipient after routing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "work", rename_all = "lowercase")]
pub enum Work {
    /// Deliver as is, under this transport requirement.
    Deliver { transport: TransportRequirement },
    /// Stage not available yet: keep the message, retry later, never send.
    Hold { reason: String },
    /// Not sent; the sender is told why.
    Blocked { reason: Bilingual },
}

/// Map one decision to work.
pub fn route(decision: &Decision) -> Work {
    match &decision.action {
        Action::Deliver { transport } => Work::Deliver {
            transport: *transport,
        },
        // The encryption stage is not built yet: fall back as the policy says.
        Action::Encrypt { fallback } => route(&Decision {
            action: (**fallback).clone(),
            ..decision.clone()
        }),
        Action::Pickup => Work::Hold {
            reason: "pickup stage not available".into(),
        },
        Action::Block { reason } => Work::Blocked {
            reason: reason.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(action: Action) -> Decision {
        Decision {
            recipient: "a@b.nl".into(),
            action,
            rule: "t".into(),
            categories: vec![],
            unscannable: false,
        }
    }

    #[test]
    fn pickup_without_a_pickup_stage_is_held_not_delivered() {
        assert!(matches!(
            route(&decision(Action::Pickup)),
            Work::Hold { .. }
        ));
    }

    #[test]
    fn encrypt_without_an_encryption_stage_runs_its_fallback() {
        let d = decision(Action::Encrypt {
            fallback: Box::new(Action::Pickup),
        });
        assert!(matches!(route(&d), Work::Hold { .. }));
    }
}
