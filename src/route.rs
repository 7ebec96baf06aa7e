//! Route stage: turns per-recipient decisions into work for the stages
//! that carry it out (delivery, encryption, pickup) and the list of
//! blocked recipients for the sender.
//!
//! Fail safe: when a stage is not available (`Stages` says which are), a
//! decision that needs it is degraded by [`degrade`]: encryption runs its
//! fallback, pickup becomes `Hold` — never a clear-text delivery. Defence
//! in depth: a decision for sensitive or unscannable mail is never routed
//! below the policy floor (`dane-or-mta-sts`), even if it reached us weaker.

use crate::policy::SENSITIVE_FLOOR;
use crate::types::{Action, Bilingual, Decision, TransportRequirement};
use serde::{Deserialize, Serialize};

/// The work for one recipient after routing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "work", rename_all = "lowercase")]
pub enum Work {
    /// Deliver as is, under this transport requirement; `fallback` when
    /// the queue finds that the recipient cannot meet it (see
    /// [`fallback_after`]).
    Deliver {
        transport: TransportRequirement,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fallback: Option<Box<Work>>,
    },
    /// Encrypt end to end for the recipient; `fallback` when no usable key.
    Encrypt { fallback: Box<Work> },
    /// Park the message and send the recipient a pickup notification.
    /// `phone` is the number the sender gave for the one-time code.
    Pickup {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        phone: Option<String>,
    },
    /// Stage not available yet: keep the message, retry later, never send.
    Hold { reason: String },
    /// Not sent; the sender is told why.
    Blocked { reason: Bilingual },
}

/// Map one decision to work.
pub fn route(decision: &Decision) -> Work {
    match &decision.action {
        Action::Deliver {
            transport,
            fallback,
        } => {
            let sensitive = !decision.categories.is_empty() || decision.unscannable;
            Work::Deliver {
                transport: if sensitive {
                    (*transport).max(SENSITIVE_FLOOR)
                } else {
                    *transport
                },
                fallback: fallback.as_ref().map(|f| {
                    Box::new(route(&Decision {
                        action: (**f).clone(),
                        ..decision.clone()
                    }))
                }),
            }
        }
        Action::Encrypt { fallback } => Work::Encrypt {
            fallback: Box::new(route(&Decision {
                action: (**fallback).clone(),
                ..decision.clone()
            })),
        },
        Action::Pickup => Work::Pickup { phone: None },
        Action::Block { reason } => Work::Blocked {
            reason: reason.clone(),
        },
    }
}

/// Which of the stages behind the route are running.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stages {
    pub encrypt: bool,
    pub pickup: bool,
}

/// Replace work that needs a missing stage by what is safe without it:
/// encryption by its fallback, pickup by `Hold`.
pub fn degrade(work: Work, stages: Stages) -> Work {
    match work {
        Work::Encrypt { fallback } if !stages.encrypt => degrade(*fallback, stages),
        Work::Encrypt { fallback } => Work::Encrypt {
            fallback: Box::new(degrade(*fallback, stages)),
        },
        Work::Pickup { .. } if !stages.pickup => Work::Hold {
            reason: "pickup stage not available".into(),
        },
        Work::Deliver {
            transport,
            fallback,
        } => Work::Deliver {
            transport,
            fallback: fallback.map(|f| Box::new(degrade(*f, stages))),
        },
        other => other,
    }
}

/// Give every pickup in `work` (also inside an encrypt fallback) the
/// phone number for the one-time code.
pub fn with_phone(work: Work, phone: Option<&str>) -> Work {
    match work {
        Work::Pickup { .. } => Work::Pickup {
            phone: phone.map(str::to_string),
        },
        Work::Encrypt { fallback } => Work::Encrypt {
            fallback: Box::new(with_phone(*fallback, phone)),
        },
        Work::Deliver {
            transport,
            fallback,
        } => Work::Deliver {
            transport,
            fallback: fallback.map(|f| Box::new(with_phone(*f, phone))),
        },
        other => other,
    }
}

/// Can this work end in a pickup (directly or as an encrypt fallback)?
pub fn may_pickup(work: &Work) -> bool {
    match work {
        Work::Pickup { .. } => true,
        Work::Encrypt { fallback } => may_pickup(fallback),
        Work::Deliver {
            fallback: Some(f), ..
        } => may_pickup(f),
        _ => false,
    }
}

/// How a `deliver` fallback is found again by the queue: the `deliver`
/// steps of a recipient's work are numbered from 0 (the first `deliver`,
/// also when it is an `encrypt` fallback), each next one being the
/// previous one's fallback. The queue carries only that number, so it
/// never needs the route's types (delivery sits below route).
///
/// The work to run when `deliver` step `step` cannot be met, if it has a
/// fallback. The returned work, when it is a `deliver`, is step `step + 1`.
pub fn fallback_after(work: &Work, step: u32) -> Option<Work> {
    let mut at = first_deliver(work)?;
    for _ in 0..step {
        at = match at {
            Work::Deliver {
                fallback: Some(f), ..
            } => f,
            _ => return None,
        };
    }
    match at {
        Work::Deliver {
            fallback: Some(f), ..
        } => Some((**f).clone()),
        _ => None,
    }
}

/// The `deliver` at step `step` of a recipient's work, if there is one.
pub fn deliver_at(work: &Work, step: u32) -> Option<Work> {
    let at = match step.checked_sub(1) {
        None => first_deliver(work).cloned(),
        Some(before) => fallback_after(work, before),
    };
    at.filter(|w| matches!(w, Work::Deliver { .. }))
}

/// `work` with its first `deliver` (also inside an `encrypt` fallback)
/// replaced by that deliver's fallback: what the route check before "250"
/// makes of a requirement that DNS rules out. `None` when the first
/// `deliver` has no fallback (or there is none).
pub fn skip_first_deliver(work: &Work) -> Option<Work> {
    replace_first_deliver(work, &|fallback| Some(fallback.clone()))
}

/// `work` with its first `deliver` replaced by the first pickup of that
/// deliver's fallback chain, passing over every other `deliver` (none of
/// them is tried: a route whose DNS could not be read is never served by a
/// weaker transport). `None` when the chain has no pickup there.
pub fn skip_to_pickup(work: &Work) -> Option<Work> {
    fn pickup_in(w: &Work) -> Option<Work> {
        match w {
            Work::Pickup { .. } => Some(w.clone()),
            Work::Deliver {
                fallback: Some(f), ..
            } => pickup_in(f),
            _ => None,
        }
    }
    replace_first_deliver(work, &pickup_in)
}

fn replace_first_deliver(work: &Work, with: &dyn Fn(&Work) -> Option<Work>) -> Option<Work> {
    match work {
        Work::Deliver {
            fallback: Some(f), ..
        } => with(f),
        Work::Encrypt { fallback } => Some(Work::Encrypt {
            fallback: Box::new(replace_first_deliver(fallback, with)?),
        }),
        _ => None,
    }
}

fn first_deliver(work: &Work) -> Option<&Work> {
    match work {
        Work::Deliver { .. } => Some(work),
        Work::Encrypt { fallback } => first_deliver(fallback),
        _ => None,
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

    const NONE: Stages = Stages {
        encrypt: false,
        pickup: false,
    };
    const ALL: Stages = Stages {
        encrypt: true,
        pickup: true,
    };

    #[test]
    fn pickup_without_a_pickup_stage_is_held_not_delivered() {
        let work = route(&decision(Action::Pickup));
        assert_eq!(work, Work::Pickup { phone: None });
        assert!(matches!(degrade(work.clone(), NONE), Work::Hold { .. }));
        assert_eq!(degrade(work, ALL), Work::Pickup { phone: None });
    }

    #[test]
    fn encrypt_without_an_encryption_stage_runs_its_fallback() {
        let d = decision(Action::Encrypt {
            fallback: Box::new(Action::Pickup),
        });
        let work = route(&d);
        assert!(matches!(degrade(work.clone(), NONE), Work::Hold { .. }));
        let only_pickup = Stages {
            encrypt: false,
            pickup: true,
        };
        assert_eq!(
            degrade(work.clone(), only_pickup),
            Work::Pickup { phone: None }
        );
        assert_eq!(
            degrade(work, ALL),
            Work::Encrypt {
                fallback: Box::new(Work::Pickup { phone: None })
            }
        );
    }

    #[test]
    fn an_encrypt_fallback_to_deliver_keeps_the_floor() {
        let mut d = decision(Action::Encrypt {
            fallback: Box::new(Action::Deliver {
                transport: TransportRequirement::None,
                fallback: None,
            }),
        });
        d.categories = vec![crate::types::Category::Health];
        assert_eq!(
            degrade(route(&d), NONE),
            Work::Deliver {
                transport: TransportRequirement::DaneOrMtaSts,
                fallback: None,
            }
        );
    }

    #[test]
    fn the_phone_reaches_a_pickup_inside_an_encrypt_fallback() {
        let d = decision(Action::Encrypt {
            fallback: Box::new(Action::Pickup),
        });
        assert_eq!(
            with_phone(route(&d), Some("+31612345678")),
            Work::Encrypt {
                fallback: Box::new(Work::Pickup {
                    phone: Some("+31612345678".into())
                })
            }
        );
    }

    #[test]
    fn sensitive_mail_is_never_routed_below_the_floor() {
        let mut d = decision(Action::Deliver {
            transport: TransportRequirement::None,
            fallback: None,
        });
        d.categories = vec![crate::types::Category::Bsn];
        assert_eq!(
            route(&d),
            Work::Deliver {
                transport: TransportRequirement::DaneOrMtaSts,
                fallback: None,
            }
        );
        d.categories.clear();
        d.unscannable = true;
        assert_eq!(
            route(&d),
            Work::Deliver {
                transport: TransportRequirement::DaneOrMtaSts,
                fallback: None,
            }
        );
        d.unscannable = false;
        assert_eq!(
            route(&d),
            Work::Deliver {
                transport: TransportRequirement::None,
                fallback: None,
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
        assert!(matches!(work[0].1, Work::Pickup { .. }));
        assert_eq!(work[1].0, "x@y.nl");
        assert!(matches!(work[1].1, Work::Blocked { .. }));
    }

    #[test]
    fn fallback_after_walks_the_deliver_steps_of_a_chain() {
        let d = decision(Action::Encrypt {
            fallback: Box::new(Action::Deliver {
                transport: TransportRequirement::Nta7516,
                fallback: Some(Box::new(Action::Deliver {
                    transport: TransportRequirement::Dane,
                    fallback: Some(Box::new(Action::Pickup)),
                })),
            }),
        });
        let work = with_phone(route(&d), Some("+31612345678"));
        assert!(may_pickup(&work));
        let step1 = fallback_after(&work, 0);
        assert!(
            matches!(
                &step1,
                Some(Work::Deliver {
                    transport: TransportRequirement::Dane,
                    fallback: Some(_)
                })
            ),
            "{step1:?}"
        );
        assert_eq!(
            fallback_after(&work, 1),
            Some(Work::Pickup {
                phone: Some("+31612345678".into())
            })
        );
        assert_eq!(fallback_after(&work, 2), None);
        assert!(matches!(
            deliver_at(&work, 0),
            Some(Work::Deliver {
                transport: TransportRequirement::Nta7516,
                ..
            })
        ));
        assert_eq!(deliver_at(&work, 1), step1);
        // Step 2 is the pickup: not a `deliver`.
        assert_eq!(deliver_at(&work, 2), None);
        // Without a pickup stage the last step is held, never delivered.
        assert!(matches!(
            fallback_after(&degrade(work, NONE), 1),
            Some(Work::Hold { .. })
        ));
    }

    #[test]
    fn the_route_check_skips_a_deliver_or_jumps_to_the_pickup() {
        let d = decision(Action::Encrypt {
            fallback: Box::new(Action::Deliver {
                transport: TransportRequirement::Nta7516,
                fallback: Some(Box::new(Action::Deliver {
                    transport: TransportRequirement::Dane,
                    fallback: Some(Box::new(Action::Pickup)),
                })),
            }),
        });
        let work = route(&d);
        let skipped = skip_first_deliver(&work);
        assert_eq!(
            skipped.as_ref().and_then(|w| deliver_at(w, 0)),
            deliver_at(&work, 1)
        );
        assert!(matches!(skipped, Some(Work::Encrypt { .. })));
        assert_eq!(
            skip_to_pickup(&work),
            Some(Work::Encrypt {
                fallback: Box::new(Work::Pickup { phone: None })
            })
        );
        // No fallback, or none that is a pickup: nothing to skip to.
        let plain = route(&decision(Action::Deliver {
            transport: TransportRequirement::Dane,
            fallback: None,
        }));
        assert_eq!(skip_first_deliver(&plain), None);
        let to_block = route(&decision(Action::Deliver {
            transport: TransportRequirement::Dane,
            fallback: Some(Box::new(Action::Block {
                reason: Bilingual::new("nee", "no"),
            })),
        }));
        assert_eq!(skip_to_pickup(&to_block), None);
        assert!(matches!(
            skip_first_deliver(&to_block),
            Some(Work::Blocked { .. })
        ));
        assert_eq!(skip_first_deliver(&Work::Pickup { phone: None }), None);
    }

    #[test]
    fn a_deliver_fallback_keeps_the_floor_too() {
        let mut d = decision(Action::Deliver {
            transport: TransportRequirement::Dane,
            fallback: Some(Box::new(Action::Deliver {
                transport: TransportRequirement::None,
                fallback: None,
            })),
        });
        d.categories = vec![crate::types::Category::Health];
        assert_eq!(
            fallback_after(&route(&d), 0),
            Some(Work::Deliver {
                transport: TransportRequirement::DaneOrMtaSts,
                fallback: None
            })
        );
    }
}
