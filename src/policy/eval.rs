//! Evaluation: one tenant policy, one message, one recipient -> an action.
//! Pure; no I/O.
//!
//! Promises: rules are tried in order and the first deciding rule wins,
//! else the tenant's default. Whatever a file says, mail with findings,
//! unscannable content or a subject trigger is never delivered below the
//! floor (`dane-or-mta-sts`): a weaker `deliver` is raised, also inside an
//! `encrypt` fallback. A `treat_as_clean` exception hides the findings from
//! the rules after it, but never lowers that floor.

use super::model::{Facts, RuleKind, TenantPolicy};
use crate::types::{Action, TransportRequirement};

/// The weakest transport allowed for sensitive or unscannable mail.
pub const SENSITIVE_FLOOR: TransportRequirement = TransportRequirement::DaneOrMtaSts;

/// The verdict for one recipient, with how it came about.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub action: Action,
    /// `file.toml:rule`, `file.toml:default` or `builtin:...`; followed by
    /// ` [treat_as_clean: file.toml:rule]` when an exception applied.
    pub rule: String,
    /// A `deliver` was raised to the floor.
    pub floor_raised: bool,
    /// The `treat_as_clean` rule (and its justification) that applied.
    pub exception: Option<(String, String)>,
}

/// Decide for one recipient.
pub fn evaluate(policy: &TenantPolicy, facts: &Facts) -> Verdict {
    let mut seen = facts.clone();
    let mut exception = None;
    let mut decided = None;
    for rule in &policy.rules {
        if !rule.conditions.matches(&seen) {
            continue;
        }
        match &rule.kind {
            RuleKind::Decide(action) => {
                decided = Some((action.clone(), rule.id.clone()));
                break;
            }
            RuleKind::TreatAsClean { justification } => {
                // Unscannable content is never released, whatever the file says.
                if !seen.unscannable && exception.is_none() {
                    seen.confidence.clear();
                    exception = Some((rule.id.clone(), justification.clone()));
                }
            }
        }
    }
    let (action, mut rule) =
        decided.unwrap_or_else(|| (policy.default.clone(), policy.default_id.clone()));
    if let Some((exception_rule, _)) = &exception {
        // Visible wherever the rule is shown or audited.
        rule = format!("{rule} [treat_as_clean: {exception_rule}]");
    }
    let (action, floor_raised) = if facts.sensitive() {
        apply_floor(action)
    } else {
        (action, false)
    };
    Verdict {
        action,
        rule,
        floor_raised,
        exception,
    }
}

/// Raise every `deliver` below the floor to the floor.
pub fn apply_floor(action: Action) -> (Action, bool) {
    match action {
        Action::Deliver { transport } if transport < SENSITIVE_FLOOR => (
            Action::Deliver {
                transport: SENSITIVE_FLOOR,
            },
            true,
        ),
        Action::Encrypt { fallback } => {
            let (fallback, raised) = apply_floor(*fallback);
            (
                Action::Encrypt {
                    fallback: Box::new(fallback),
                },
                raised,
            )
        }
        other => (other, false),
    }
}

/// Remove every trigger tag from `subject` (case-insensitive), tidy the
/// spaces left behind. `None` when no trigger was present.
pub fn strip_triggers(triggers: &[String], subject: &str) -> Option<String> {
    let mut out = subject.to_string();
    let mut hit = false;
    for trigger in triggers {
        if trigger.is_empty() {
            continue;
        }
        while let Some(at) = find_ci(&out, trigger) {
            let end = at + trigger.len();
            let (Some(head), Some(tail)) = (out.get(..at), out.get(end..)) else {
                break;
            };
            out = format!("{head} {tail}");
            hit = true;
        }
    }
    hit.then(|| out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Byte offset of `needle` (lower-cased) in `hay`, ignoring case; only
/// reports offsets where lower-casing kept byte lengths equal.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let lower = hay.to_lowercase();
    if lower.len() != hay.len() {
        // Case folding changed lengths: fall back to an exact match.
        return hay.find(needle);
    }
    lower.find(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_raises_deliver_also_inside_a_fallback() {
        let (a, raised) = apply_floor(Action::Deliver {
            transport: TransportRequirement::None,
        });
        assert!(raised);
        assert_eq!(
            a,
            Action::Deliver {
                transport: TransportRequirement::DaneOrMtaSts
            }
        );
        let (a, raised) = apply_floor(Action::Encrypt {
            fallback: Box::new(Action::Deliver {
                transport: TransportRequirement::Tls,
            }),
        });
        assert!(raised);
        assert_eq!(
            a,
            Action::Encrypt {
                fallback: Box::new(Action::Deliver {
                    transport: TransportRequirement::DaneOrMtaSts
                })
            }
        );
        let (_, raised) = apply_floor(Action::Deliver {
            transport: TransportRequirement::Dane,
        });
        assert!(!raised);
    }

    #[test]
    fn triggers_are_stripped_case_insensitively_and_spaces_tidied() {
        let t = vec!["[beveiligd]".to_string(), "[secure]".to_string()];
        assert_eq!(
            strip_triggers(&t, "[Beveiligd] Uitslag  lab"),
            Some("Uitslag lab".into())
        );
        assert_eq!(
            strip_triggers(&t, "Lab result [SECURE]"),
            Some("Lab result".into())
        );
        assert_eq!(strip_triggers(&t, "Gewone mail"), None);
        assert_eq!(
            strip_triggers(&t, "Één [beveiligd] twee"),
            Some("Één twee".into())
        );
    }
}
