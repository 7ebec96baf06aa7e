//! Route stage: turns per-recipient decisions into work for the stages
//! that carry it out (delivery, encryption, pickup) and the list of
//! blocked recipients for the sender.
//!
//! Fail safe: while a stage does not exist yet (encryption, pickup), a
//! decision that needs it becomes `Hold` (the message waits in the queue,
//! deferred) — never a clear-text delivery. Defence in depth: a decision
//! for sensitive or unscannable mail is never routed below the policy
//! floor (`dane-or-mta-sts`), even if it reached us weaker.

use crate::policy::SENSITIVE_FLOOR;
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
        Action::Deliver { transport } => {
            let sensitive = !decision.categories.is_empty() || decision.unscannable;
            Work::Deliver {
                transport: if sensitive {
                    (*transport).max(SENSITIVE_FLOOR)
                } else {
                    *transport
                },
            }
        }
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

/// Route every recipient of one message, in order. One recipient's work
/// never depends on another's.
pub fn route_all(decisions: &[Decision]) -> Vec<(String, Work)> {
    decisions
        .iter()
        .map(|d| (d.recipient.clone(), route(d)))
        .collect()
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

    #[test]
    fn sensitive_mail_is_never_routed_below_the_floor() {
        let mut d = decision(Action::Deliver {
            transport: TransportRequirement::None,
        });
        d.categories = vec![crate::types::Category::Bsn];
        assert_eq!(
            route(&d),
            Work::Deliver {
                transport: TransportRequirement::DaneOrMtaSts
            }
        );
        d.categories.clear();
        d.unscannable = true;
        assert_eq!(
            route(&d),
            Work::Deliver {
                transport: TransportRequirement::DaneOrMtaSts
            }
        );
        d.unscannable = false;
        assert_eq!(
            route(&d),
            Work::Deliver {
                transport: TransportRequirement::None
            }
        );
    }

    #[test]
    fn route_all_keeps_recipients_apart_and_in_order() {
        let mut blocked = decision(Action::Block {
            reason: Bilingual::new("nee", "no"),
        });
        blocked.recipient = "x@y.nl".into();
        let work = route_all(&[decision(Action::Pickup), blocked]);
        assert_eq!(work.len(), 2);
        assert_eq!(work[0].0, "a@b.nl");
        assert!(matches!(work[0].1, Work::Hold { .. }));
        assert_eq!(work[1].0, "x@y.nl");
        assert!(matches!(work[1].1, Work::Blocked { .. }));
    }
}
