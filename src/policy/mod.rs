//! Policy stage: (ScanReport, sender, recipient) -> `Decision` per recipient.
//!
//! FOUNDATION STUB: every recipient gets "deliver" with the transport
//! requirement `none`, whatever the scan found. The policy issue replaces
//! this with policy files, `sluis policy check/test` and live reload.

use crate::types::{Action, Decision, ScanReport, TransportRequirement};

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
}

/// The loaded policy of all tenants.
#[derive(Clone, Debug, Default)]
pub struct PolicySet {}

impl PolicySet {
    /// The built-in policy of the foundation: deliver everything.
    pub fn deliver_all() -> PolicySet {
        PolicySet {}
    }

    /// One decision per recipient, in the order of `ctx.recipients`.
    pub fn decide(&self, ctx: &MessageContext, report: &ScanReport) -> Vec<Decision> {
        ctx.recipients
            .iter()
            .map(|rcpt| Decision {
                recipient: rcpt.clone(),
                action: Action::Deliver {
                    transport: TransportRequirement::None,
                },
                rule: "builtin:deliver-all".into(),
                categories: report.categories().into_iter().collect(),
                unscannable: report.is_unscannable(),
            })
            .collect()
    }
}
