//! Policy stage: (ScanReport, sender, recipient) -> `Decision` per recipient.
//!
//! Practice managers write TOML files in `policies/` (see docs/policy.md);
//! `load` checks and compiles them, `eval` decides, `live` swaps a new
//! policy in when files change (an invalid edit keeps the old one), `cli`
//! is `sluis policy check/test`.
//!
//! Promises: one decision per recipient, in envelope order; one recipient's
//! outcome never depends on another's. Sensitive or unscannable mail is
//! never delivered below `dane-or-mta-sts` (the floor). A tenant without a
//! policy gets the built-in safe policy, never "deliver everything".
//! Decisions and audit events carry rule names and categories, never content.

mod action;
pub mod cli;
pub mod diag;
pub mod eval;
pub mod live;
pub mod load;
pub mod model;
mod parse;
mod reach;
pub mod subject;
mod walk;

pub use diag::{Diagnostic, Severity};
pub use eval::SENSITIVE_FLOOR;
pub use live::LivePolicy;
pub use load::check_path;
pub use subject::{rewrite_subject, subject_of};

use crate::audit::{Audit, AuditEvent};
use crate::types::{
    domain_of, Action, Bilingual, Decision, EnhancedCode, ScanReport, SmtpStatus,
    TransportRequirement,
};
use model::{Facts, TenantPolicy};
use std::collections::BTreeMap;
use std::path::Path;

/// What the policy may look at besides the scan report.
#[derive(Clone, Debug, Default)]
pub struct MessageContext {
    pub tenant: String,
    pub mail_from: String,
    /// Account name when authenticated.
    pub sender_account: Option<String>,
    pub recipients: Vec<String>,
    pub subject: Option<String>,
    pub size: u64,
    /// Sensitive whatever the scan finds (a patient's reply from the
    /// pickup portal): rules with `sensitive = true` match and the floor
    /// applies.
    pub always_sensitive: bool,
    /// For sensitive mail, a floor stricter than `SENSITIVE_FLOOR` (the
    /// `pickup.reply_transport` of a portal reply); never lowers it.
    pub min_transport: Option<TransportRequirement>,
}

/// The loaded policy of all tenants. `PolicySet::default()` has no files:
/// every tenant gets the built-in safe policy (clean mail delivered,
/// anything else encrypted with a pickup fallback).
#[derive(Clone, Debug, Default)]
pub struct PolicySet {
    pub(crate) tenants: BTreeMap<String, TenantPolicy>,
    /// Used for tenants without files: `None` means the built-in safe policy.
    pub(crate) fallback: Option<TenantPolicy>,
}

/// The decision for one recipient plus how it was reached (for `policy test`).
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub decision: Decision,
    /// A `deliver` was raised to the floor because the mail is sensitive.
    pub floor_raised: bool,
    /// `(rule, justification)` of a `treat_as_clean` exception that applied.
    pub exception: Option<(String, String)>,
}

/// Everything `decide` works out for one message.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub tenant: String,
    pub outcomes: Vec<Outcome>,
    /// The subject with trigger tags removed, when a trigger was present.
    /// The caller rewrites the Subject header before sending.
    pub subject_rewrite: Option<String>,
}

impl Evaluation {
    pub fn decisions(&self) -> Vec<Decision> {
        self.outcomes.iter().map(|o| o.decision.clone()).collect()
    }
}

fn builtin(id: &str, default: Action, rules: Vec<model::Rule>) -> TenantPolicy {
    TenantPolicy {
        tenant: String::new(),
        rules,
        default_id: id.to_string(),
        default,
        subject_triggers: vec!["[beveiligd]".into(), "[secure]".into()],
    }
}

/// Clean mail is delivered (STARTTLS when offered), anything else is
/// encrypted, falling back to a pickup link.
fn builtin_safe() -> TenantPolicy {
    let sensitive = model::Rule {
        id: "builtin:sensitive".into(),
        conditions: model::Conditions {
            sensitive: Some(true),
            ..model::Conditions::default()
        },
        kind: model::RuleKind::Decide(Action::Encrypt {
            fallback: Box::new(Action::Pickup),
        }),
    };
    builtin(
        "builtin:clean",
        Action::Deliver {
            transport: TransportRequirement::None,
            fallback: None,
        },
        vec![sensitive],
    )
}

impl PolicySet {
    /// Deliver everything (the floor still applies to sensitive mail).
    /// For tests and benchmarks only; production loads `policies/`.
    pub fn deliver_all() -> PolicySet {
        PolicySet {
            tenants: BTreeMap::new(),
            fallback: Some(builtin(
                "builtin:deliver-all",
                Action::Deliver {
                    transport: TransportRequirement::None,
                    fallback: None,
                },
                vec![],
            )),
        }
    }

    /// Load and check a policy file or folder. `Err` holds every diagnostic
    /// when there is at least one error; warnings alone are logged.
    pub fn load(path: &Path) -> Result<PolicySet, Vec<Diagnostic>> {
        let (set, diags) = load::load_path(path);
        match set {
            Some(set) => {
                for d in &diags {
                    tracing::warn!(target: "sluis::policy", "{}", d);
                }
                Ok(set)
            }
            None => Err(diags),
        }
    }

    /// Tenants with a policy of their own, sorted.
    pub fn tenants(&self) -> Vec<String> {
        self.tenants.keys().cloned().collect()
    }

    fn policy_for(&self, tenant: &str) -> (String, std::borrow::Cow<'_, TenantPolicy>) {
        match self.tenants.get(tenant).or(self.fallback.as_ref()) {
            Some(p) => (tenant.to_string(), std::borrow::Cow::Borrowed(p)),
            None => (tenant.to_string(), std::borrow::Cow::Owned(builtin_safe())),
        }
    }

    /// One decision per recipient, in the order of `ctx.recipients`.
    pub fn decide(&self, ctx: &MessageContext, report: &ScanReport) -> Vec<Decision> {
        self.evaluate(ctx, report).decisions()
    }

    /// Like `decide`, with the subject rewrite and per-recipient detail.
    pub fn evaluate(&self, ctx: &MessageContext, report: &ScanReport) -> Evaluation {
        let (tenant, policy) = self.policy_for(&ctx.tenant);
        let subject_rewrite = ctx
            .subject
            .as_deref()
            .and_then(|s| eval::strip_triggers(&policy.subject_triggers, s));
        let categories: Vec<_> = report.categories().into_iter().collect();
        let mut senders = vec![ctx.mail_from.to_lowercase()];
        senders.extend(ctx.sender_account.iter().map(|a| a.to_lowercase()));
        let base = Facts {
            senders,
            confidence: categories
                .iter()
                .map(|c| (*c, report.confidence(*c)))
                .collect(),
            unscannable: report.is_unscannable(),
            subject_trigger: subject_rewrite.is_some(),
            always_sensitive: ctx.always_sensitive,
            min_transport: ctx.min_transport,
            size: ctx.size.max(report.size),
            ..Facts::default()
        };
        let outcomes = ctx
            .recipients
            .iter()
            .map(|rcpt| {
                let facts = Facts {
                    recipient: rcpt.to_lowercase(),
                    recipient_domain: domain_of(rcpt),
                    ..base.clone()
                };
                let v = eval::evaluate(&policy, &facts);
                Outcome {
                    decision: Decision {
                        recipient: rcpt.clone(),
                        action: v.action,
                        rule: v.rule,
                        categories: categories.clone(),
                        unscannable: base.unscannable,
                    },
                    floor_raised: v.floor_raised,
                    exception: v.exception,
                }
            })
            .collect();
        Evaluation {
            tenant,
            outcomes,
            subject_rewrite,
        }
    }
}

/// Longest text of the all-blocked reply (both languages together).
pub const MAX_BLOCK_REPLY_CHARS: usize = 400;

/// When every recipient is blocked: `550 5.7.1` with the reason(s), Dutch
/// then English, on one line of at most `MAX_BLOCK_REPLY_CHARS`. `None` when
/// at least one recipient is not blocked (or there are none).
pub fn all_blocked_reply(decisions: &[Decision]) -> Option<SmtpStatus> {
    let mut nl: Vec<&str> = Vec::new();
    let mut en: Vec<&str> = Vec::new();
    for d in decisions {
        let Action::Block { reason } = &d.action else {
            return None;
        };
        if !nl.contains(&reason.nl.as_str()) {
            nl.push(&reason.nl);
        }
        if !en.contains(&reason.en.as_str()) {
            en.push(&reason.en);
        }
    }
    if nl.is_empty() {
        return None;
    }
    let half = (MAX_BLOCK_REPLY_CHARS - 3) / 2;
    let text = Bilingual::new(
        one_line(&nl.join("; "), half),
        one_line(&en.join("; "), half),
    );
    Some(SmtpStatus {
        code: 550,
        enhanced: Some(EnhancedCode::new(5, 7, 1)),
        text,
    })
}

/// Control characters become spaces; cut to `max` characters with `...`.
fn one_line(text: &str, max: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= max {
        return clean;
    }
    let mut cut: String = clean.chars().take(max.saturating_sub(3)).collect();
    cut.push_str("...");
    cut
}

/// The `decided` event for one recipient: rule, action, transport,
/// categories, unscannable. Never content or subject.
fn decided_event(tenant: &str, message_id: &str, d: &Decision) -> AuditEvent {
    let mut detail = serde_json::json!({
        "rule": d.rule,
        "action": d.action.name(),
        "categories": d.categories,
        "unscannable": d.unscannable,
    });
    match &d.action {
        Action::Deliver {
            transport,
            fallback,
        } => {
            detail["transport"] = transport.as_str().into();
            if let Some(f) = fallback {
                detail["fallback"] = f.name().into();
                detail["chain"] = chain(&d.action).into();
            }
        }
        Action::Encrypt { fallback } => {
            detail["fallback"] = fallback.name().into();
            if let Action::Deliver {
                transport,
                fallback: next,
            } = fallback.as_ref()
            {
                detail["transport"] = transport.as_str().into();
                if next.is_some() {
                    detail["chain"] = chain(&d.action).into();
                }
            }
        }
        Action::Pickup | Action::Block { .. } => {}
    }
    AuditEvent::new(tenant, "decided", "system")
        .message(message_id)
        .recipient(d.recipient.clone())
        .detail(detail)
}

/// The chain as action names and transports, for audit:
/// `encrypt > deliver:nta7516 > pickup`. Never a reason text.
fn chain(action: &Action) -> String {
    match action {
        Action::Deliver {
            transport,
            fallback,
        } => {
            let here = format!("deliver:{}", transport.as_str());
            match fallback {
                Some(f) => format!("{here} > {}", chain(f)),
                None => here,
            }
        }
        Action::Encrypt { fallback } => format!("encrypt > {}", chain(fallback)),
        other => other.name().to_string(),
    }
}

/// One `decided` audit event per recipient.
pub fn audit_decisions(audit: &Audit, tenant: &str, message_id: &str, decisions: &[Decision]) {
    for d in decisions {
        audit.record(decided_event(tenant, message_id, d));
    }
}

/// Like `audit_decisions`, adding whether the floor was applied and any
/// `treat_as_clean` exception (rule and justification) to each event.
pub fn audit_evaluation(audit: &Audit, message_id: &str, evaluation: &Evaluation) {
    for event in evaluation_events(message_id, evaluation) {
        audit.record(event);
    }
}

/// The `decided` events of an evaluation, one per recipient (for a caller
/// that makes them durable itself, in the spool record).
pub fn evaluation_events(message_id: &str, evaluation: &Evaluation) -> Vec<AuditEvent> {
    let mut events = Vec::with_capacity(evaluation.outcomes.len());
    for o in &evaluation.outcomes {
        let mut event = decided_event(&evaluation.tenant, message_id, &o.decision);
        event.detail["floor_raised"] = o.floor_raised.into();
        if let Some((rule, justification)) = &o.exception {
            event.detail["exception"] = serde_json::json!({
                "rule": rule,
                "justification": justification,
            });
        }
        events.push(event);
    }
    events
}

#[cfg(test)]
mod tests;
