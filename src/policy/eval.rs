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
        let floor = facts
            .min_transport
            .map_or(SENSITIVE_FLOOR, |t| t.max(SENSITIVE_FLOOR));
        apply_floor_at(action, floor)
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
    apply_floor_at(action, SENSITIVE_FLOOR)
}

/// Raise every `deliver` below `floor` to `floor`, also inside fallbacks.
pub fn apply_floor_at(action: Action, floor: TransportRequirement) -> (Action, bool) {
    match action {
        Action::Deliver {
            transport,
            fallback,
        } => {
            let (fallback, raised_below) = match fallback {
                Some(f) => {
                    let (f, r) = apply_floor_at(*f, floor);
                    (Some(Box::new(f)), r)
                }
                None => (None, false),
            };
            (
                Action::Deliver {
                    transport: transport.max(floor),
                    fallback,
                },
                transport < floor || raised_below,
            )
        }
        Action::Encrypt { fallback } => {
            let (fallback, raised) = apply_floor_at(*fallback, floor);
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
        let needle: Vec<char> = trigger.chars().flat_map(char::to_lowercase).collect();
        if needle.is_empty() {
            continue;
        }
        while let Some((at, end)) = find_ci(&out, &needle) {
            let (Some(head), Some(tail)) = (out.get(..at), out.get(end..)) else {
                break;
            };
            out = format!("{head} {tail}");
            hit = true;
        }
    }
    hit.then(|| out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Byte range in `hay` of the first text that lower-cases to `needle`
/// (already lower-cased), comparing character by character with Unicode's
/// full lower-case mapping. Never uses offsets of a lower-cased copy: "İ"
/// lower-cases to two characters, so those offsets do not index `hay`.
fn find_ci(hay: &str, needle: &[char]) -> Option<(usize, usize)> {
    for (start, _) in hay.char_indices() {
        let mut want = needle.iter();
        let mut rest = hay.get(start..)?.char_indices();
        let end = loop {
            let Some((offset, c)) = rest.next() else {
                break None;
            };
            if !c.to_lowercase().all(|l| want.next() == Some(&l)) {
                break None;
            }
            if want.as_slice().is_empty() {
                break Some(start + offset + c.len_utf8());
            }
        };
        if let Some(end) = end {
            return Some((start, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_raises_deliver_also_inside_a_fallback() {
        let (a, raised) = apply_floor(Action::Deliver {
            transport: TransportRequirement::None,
            fallback: None,
        });
        assert!(raised);
        assert_eq!(
            a,
            Action::Deliver {
                transport: TransportRequirement::DaneOrMtaSts,
                fallback: None,
            }
        );
        let (a, raised) = apply_floor(Action::Encrypt {
            fallback: Box::new(Action::Deliver {
                transport: TransportRequirement::Tls,
                fallback: None,
            }),
        });
        assert!(raised);
        assert_eq!(
            a,
            Action::Encrypt {
                fallback: Box::new(Action::Deliver {
                    transport: TransportRequirement::DaneOrMtaSts,
                    fallback: None,
                })
            }
        );
        let (_, raised) = apply_floor(Action::Deliver {
            transport: TransportRequirement::Dane,
            fallback: None,
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

    #[test]
    fn triggers_are_found_when_lower_casing_changes_byte_lengths() {
        let t = vec!["[beveiligd]".to_string(), "[secure]".to_string()];
        // "İ" lower-cases to "i̇" (3 bytes instead of 2).
        assert_eq!(
            strip_triggers(&t, "[SECURE] Uitslag İbrahim"),
            Some("Uitslag İbrahim".into())
        );
        assert_eq!(
            strip_triggers(&t, "İbrahim [Beveiligd] uitslag"),
            Some("İbrahim uitslag".into())
        );
        // The Kelvin sign lower-cases to an ASCII k.
        let t2 = vec!["[spoed-ok]".to_string()];
        assert_eq!(strip_triggers(&t2, "[SPOED-O\u{212A}] x"), Some("x".into()));
        assert_eq!(strip_triggers(&t, "Geen trigger İ"), None);
    }
}
