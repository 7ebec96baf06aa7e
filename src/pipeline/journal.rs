//! The pipeline as the delivery stage's [`Journal`]: durable outcomes in
//! the spool, body reads, and messages Sluis writes itself (DSNs), which
//! go through inspection and policy like any other.

use super::served::Served;
use super::Pipeline;
use crate::delivery::Journal;
use crate::pickup::SmsTags;
use crate::policy::{self, MessageContext};
use crate::spool::StatusRecord;
use crate::types::{
    Envelope, MailTag, MessageId, RcptStatus, Recipient, TlsInfo, TransportRequirement,
};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

impl Journal for Pipeline {
    async fn load_body(&self, id: &MessageId) -> std::io::Result<Vec<u8>> {
        let spool = self.spool.clone();
        let id = id.clone();
        tokio::task::spawn_blocking(move || spool.load_body(&id))
            .await
            .map_err(std::io::Error::other)?
    }

    async fn record(
        &self,
        id: &MessageId,
        rcpt_index: u32,
        status: &RcptStatus,
        attempts: u32,
        next_attempt_ms: i64,
    ) -> std::io::Result<()> {
        let result = self
            .spool
            .record_status(StatusRecord {
                id: id.clone(),
                rcpt: rcpt_index,
                status: status.clone(),
                attempts,
                next_attempt_ms,
                step: None,
            })
            .await;
        if let RcptStatus::PermanentFailure { .. } = status {
            self.served(id, rcpt_index, Served::Failed);
        }
        result
    }

    fn delivered(
        &self,
        id: &MessageId,
        rcpt_index: u32,
        transport: TransportRequirement,
        remote: &str,
        tls: &TlsInfo,
    ) {
        self.served(id, rcpt_index, Served::delivered(remote, transport, tls));
    }

    /// A pickup mail whose link is closed (revoked, expired, locked, in
    /// this process or another) is cancelled by the queue.
    async fn cancelled(&self, tag: &MailTag) -> Option<String> {
        let pickup = self.pickup.get()?;
        pickup.closed_reason(tag.pickup_id()).await
    }

    async fn run_fallback(&self, id: &MessageId, rcpt_index: u32, step: u32, why: &str) -> bool {
        self.start_fallback(id, rcpt_index, step, why).await
    }

    async fn inject(
        &self,
        mail_from: String,
        recipients: Vec<String>,
        body: Vec<u8>,
    ) -> std::io::Result<MessageId> {
        self.inject_checked(mail_from, recipients, body, false)
            .await
    }
}

impl Pipeline {
    /// Inspect, decide, spool and queue a message Sluis wrote itself.
    /// `always_sensitive` (a patient's portal reply) makes the policy treat
    /// it as sensitive whatever the scan finds.
    pub(super) async fn inject_checked(
        &self,
        mail_from: String,
        recipients: Vec<String>,
        body: Vec<u8>,
        always_sensitive: bool,
    ) -> std::io::Result<MessageId> {
        let message = Arc::new(body);
        let tenant = self.config.tenant.name.clone();
        let ctx = MessageContext {
            tenant: tenant.clone(),
            mail_from: mail_from.clone(),
            sender_account: None,
            recipients: recipients.clone(),
            subject: policy::subject_of(&message),
            size: message.len() as u64,
            always_sensitive,
            // A reply's own floor (`pickup.reply_transport`), if stricter.
            min_transport: always_sensitive.then_some(self.config.pickup.reply_transport),
        };
        // Sluis's own messages go through inspection and policy too: a
        // DSN quotes headers, and a Subject may hold a BSN.
        let message = super::without_sms_header(message);
        let (_, evaluation, work) = self
            .inspect_and_decide(&ctx, &message, &SmsTags::default())
            .await;
        let envelope = Envelope {
            id: self.spool.new_id(),
            tenant,
            smtputf8: !mail_from.is_ascii() || recipients.iter().any(|r| !r.is_ascii()),
            mail_from,
            recipients: recipients.into_iter().map(Recipient::new).collect(),
            received_at_ms: crate::now_ms(),
            client_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            helo: self.config.server.hostname.clone(),
            authenticated_as: None,
            body_8bit: !message.is_ascii(),
            size: message.len() as u64,
        };
        let mut events = Vec::new();
        if always_sensitive {
            // Durable with the message: what it is and how it was routed
            // (addresses and rules only, never its text).
            let mut e =
                crate::audit::AuditEvent::new(&envelope.tenant, "reply-accepted", "recipient");
            e.id = Some(format!("{}-reply", envelope.id));
            e.message_id = Some(envelope.id.0.clone());
            e.detail = serde_json::json!({
                "sensitive": true,
                "routes": evaluation.outcomes.iter().map(|o| serde_json::json!({
                    "recipient": o.decision.recipient,
                    "rule": o.decision.rule,
                    "floor_raised": o.floor_raised,
                })).collect::<Vec<_>>(),
            });
            events.push(e);
        }
        policy::audit_evaluation(&self.audit, &envelope.id.0, &evaluation);
        let id = envelope.id.clone();
        self.accept(envelope, work, message, events).await?;
        Ok(id)
    }
}
