//! Rule-order analysis for `policy check`: rules that can never be reached
//! (an earlier rule matches everything they match), a `[default]` that is
//! never used, and weak deliveries that sensitive mail could reach (the
//! runtime floor raises those; the manager is told).
//!
//! Conservative: "unreachable" is only reported when provable field by
//! field (`Conditions::covers`), so a report is never a false alarm.

use super::diag::{at, bi, origin, Diagnostic, Pos, Severity};
use super::eval::SENSITIVE_FLOOR;
use super::model::{Conditions, Rule, RuleKind};
use crate::types::Action;
use std::path::{Path, PathBuf};

pub(crate) type Located = (PathBuf, Pos, String, Rule);

/// A rule is never reached when an earlier deciding rule matches at least
/// everything it matches (no `treat_as_clean` rule in between, which would
/// change what the later rule sees).
pub(crate) fn unreachable_rules(rules: &[Located], diags: &mut Vec<Diagnostic>) {
    for (j, (path, pos, name, rule)) in rules.iter().enumerate() {
        let earlier = rules.get(..j).unwrap_or(&[]);
        let barrier = earlier
            .iter()
            .rposition(|(_, _, _, r)| matches!(r.kind, RuleKind::TreatAsClean { .. }))
            .map_or(0, |i| i + 1);
        let shadow = earlier.iter().skip(barrier).find(|(_, _, _, r)| {
            matches!(r.kind, RuleKind::Decide(_)) && r.conditions.covers(&rule.conditions)
        });
        let Some((p, first, other, r)) = shadow else {
            continue;
        };
        let o = origin(p, *first);
        let (nl, en) = if r.conditions.is_catch_all() {
            (
                format!("regel `{name}` wordt nooit bereikt: regel `{other}` ({o}) past al op alle mail"),
                format!("rule `{name}` is never reached: rule `{other}` ({o}) already matches all mail"),
            )
        } else {
            (
                format!("regel `{name}` wordt nooit bereikt: regel `{other}` ({o}) past op alle mail waarop deze regel past"),
                format!("rule `{name}` is never reached: rule `{other}` ({o}) matches all mail this rule matches"),
            )
        };
        diags.push(at(
            path,
            *pos,
            Severity::Error,
            bi(nl, en),
            bi(
                format!("zet regel `{name}` vóór `{other}`, of maak `{other}` specifieker"),
                format!("move rule `{name}` before `{other}`, or make `{other}` narrower"),
            ),
        ));
    }
}

/// Would this action, for sensitive mail, be raised by the floor?
fn below_floor(action: &Action) -> Option<&'static str> {
    match action {
        Action::Deliver { transport, .. } if *transport < SENSITIVE_FLOOR => {
            Some(transport.as_str())
        }
        Action::Deliver {
            fallback: Some(f), ..
        } => below_floor(f),
        Action::Encrypt { fallback } => below_floor(fallback),
        _ => None,
    }
}

/// Warnings: the default is never used after a catch-all rule; a weak
/// delivery that sensitive mail can reach (no earlier rule catches all
/// sensitive mail) is raised to the floor at runtime.
pub(crate) fn floor_warnings(
    rules: &[Located],
    default: (&Path, Pos, &Action),
    diags: &mut Vec<Diagnostic>,
) {
    let all_sensitive = Conditions {
        sensitive: Some(true),
        ..Conditions::default()
    };
    let mut sensitive_caught = false;
    let weak = |path: &Path, pos: Pos, t: &str, diags: &mut Vec<Diagnostic>| {
        diags.push(at(
            path,
            pos,
            Severity::Warning,
            bi(
                format!("gevoelige mail kan hier komen; het vangnet verhoogt transport `{t}` dan tot `dane-or-mta-sts`"),
                format!("sensitive mail can get here; the safety floor then raises transport `{t}` to `dane-or-mta-sts`"),
            ),
            bi(
                "zet eerder een regel met sensitive = true en action = \"encrypt\"",
                "put a rule with sensitive = true and action = \"encrypt\" before it",
            ),
        ));
    };
    for (path, pos, name, rule) in rules {
        let RuleKind::Decide(action) = &rule.kind else {
            continue;
        };
        if let (false, false, Some(t)) = (
            sensitive_caught,
            rule.conditions.implies_sensitive(),
            below_floor(action),
        ) {
            weak(path, *pos, t, diags);
        }
        if rule.conditions.covers(&all_sensitive) {
            sensitive_caught = true;
        }
        if rule.conditions.is_catch_all() {
            let o = origin(path, *pos);
            diags.push(at(
                default.0,
                default.1,
                Severity::Warning,
                bi(
                    format!(
                        "[default] wordt nooit gebruikt: regel `{name}` ({o}) past al op alle mail"
                    ),
                    format!(
                        "[default] is never used: rule `{name}` ({o}) already matches all mail"
                    ),
                ),
                bi(
                    "verwijder die regel of de [default]",
                    "remove that rule or the [default]",
                ),
            ));
            return;
        }
    }
    if let (false, Some(t)) = (sensitive_caught, below_floor(default.2)) {
        weak(default.0, default.1, t, diags);
    }
}
