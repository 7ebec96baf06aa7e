//! Hand-off: recipients whose work is `encrypt` or `pickup` go to those
//! stages once the original message is safely spooled.
//!
//! What a stage produces (an encrypted copy, a pickup notification, a
//! confirmation for the sender, a code mail) is spooled as a new message
//! with its work fixed — it does not go through the policy again, because
//! the stage already made it safe. Only then is the original recipient
//! marked final, so a crash in between repeats the hand-off (at worst a
//! second notification) instead of losing it.
//!
//! Fail safe: no usable key runs the policy's fallback; a stage error is
//! retried with backoff until the message's lifetime ends, then the sender
//! gets a DSN. Nothing here ever sends the original in clear text.

use super::served::Served;
use super::Pipeline;
use crate::audit::AuditEvent;
use crate::crypto::EncryptOutcome;
use crate::delivery::{QueueItem, QueuedRcpt};
use crate::pickup::{BoxFuture, Outbox, ReplySink};
use crate::route::Work;
use crate::spool::{MessageMeta, StatusRecord};
use crate::types::{
    Bilingual, Envelope, MailTag, MessageId, RcptStatus, Recipient, TransportRequirement,
};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::time::Duration;

/// Outcome of one hand-off try.
enum Handed {
    /// The recipient is taken care of (encrypted copy or notification
    /// spooled): the audit event's kind, and how, for the sender.
    Done(&'static str, Served),
    /// Go on with this work instead (an encrypt fallback).
    Fallback(Work),
}

impl Pipeline {
    /// Start a hand-off task for every recipient with encrypt or pickup
    /// work that is not final yet.
    pub(super) fn hand_off_all(
        &self,
        envelope: &Arc<Envelope>,
        work: &[Work],
        status: &[Option<StatusRecord>],
        body: Arc<Vec<u8>>,
    ) {
        let Some(me) = self.me.upgrade() else {
            return;
        };
        for (i, (w, s)) in work.iter().zip(status).enumerate() {
            let pending = s.as_ref().is_none_or(|s| {
                matches!(
                    s.status,
                    RcptStatus::TemporaryFailure { .. } | RcptStatus::Scheduled
                )
            });
            // A chain that moved on to a later `deliver` is the queue's
            // (`queue_deliverable` resumes it), not encryption's again.
            let moved = s.as_ref().is_some_and(|s| s.step.is_some());
            if matches!(w, Work::Encrypt { .. } | Work::Pickup { .. }) && pending && !moved {
                let (me, envelope, w, body) =
                    (me.clone(), envelope.clone(), w.clone(), body.clone());
                tokio::spawn(async move { me.hand_off(envelope, i as u32, w, 0, body).await });
            }
        }
    }

    /// Carry out `work` for recipient `index`, retrying stage errors.
    /// `step`: which `deliver` of the recipient's chain a `deliver` in
    /// `work` is (see `route::fallback_after`).
    pub(super) async fn hand_off(
        self: Arc<Self>,
        envelope: Arc<Envelope>,
        index: u32,
        work: Work,
        step: u32,
        body: Arc<Vec<u8>>,
    ) {
        let mut work = work;
        let mut attempts = 0u32;
        loop {
            let result = match &work {
                Work::Encrypt { fallback } => self.encrypt(&envelope, index, fallback, &body).await,
                Work::Pickup { phone } => self.park(&envelope, index, phone.clone(), &body).await,
                Work::Deliver {
                    transport,
                    fallback,
                } => {
                    let step = fallback.as_ref().map(|_| step);
                    self.enqueue_one(&envelope, index, *transport, step, body.clone());
                    return;
                }
                Work::Blocked { reason } => {
                    self.block_one(&envelope, index, reason.clone(), &body)
                        .await;
                    return;
                }
                Work::Hold { .. } => {
                    let reason = super::hold_to_block(work.clone());
                    if let Work::Blocked { reason } = reason {
                        self.block_one(&envelope, index, reason, &body).await;
                    }
                    return;
                }
            };
            match result {
                Ok(Handed::Done(kind, how)) => {
                    self.final_status(&envelope, index, RcptStatus::Delivered, attempts + 1)
                        .await;
                    self.served(&envelope.id, index, how);
                    self.audit.record(
                        AuditEvent::new(&envelope.tenant, kind, "system")
                            .message(&envelope.id)
                            .recipient(self.rcpt(&envelope, index)),
                    );
                    return;
                }
                Ok(Handed::Fallback(next)) => work = next,
                Err(reason) => {
                    attempts += 1;
                    let delay = self.retry_delay(attempts);
                    let expires = envelope.received_at_ms
                        + (self.config.delivery.max_lifetime_secs as i64) * 1000;
                    let next = crate::now_ms() + delay.as_millis() as i64;
                    if next > expires {
                        let text = Bilingual::new(
                            format!("Beveiligd versturen is niet gelukt: {reason}"),
                            format!("Secure sending failed: {reason}"),
                        );
                        self.block_one(&envelope, index, text, &body).await;
                        return;
                    }
                    tracing::warn!(id = %envelope.id, rcpt = index, %reason, "hand-off failed; will retry");
                    let status = RcptStatus::TemporaryFailure { reason };
                    let record = StatusRecord {
                        id: envelope.id.clone(),
                        rcpt: index,
                        status,
                        attempts,
                        next_attempt_ms: next,
                        step: None,
                    };
                    if let Err(e) = self.spool.record_status(record).await {
                        tracing::error!(error = %e, "cannot record hand-off state");
                    }
                    tokio::time::sleep(delay).await;
                }
            }
        }
    }

    fn retry_delay(&self, attempts: u32) -> Duration {
        let d = &self.config.delivery;
        let secs = d
            .retry_initial_secs
            .saturating_mul(1u64 << attempts.saturating_sub(1).min(20))
            .min(d.retry_max_secs.max(d.retry_initial_secs));
        Duration::from_secs(secs)
    }

    pub(super) fn rcpt(&self, envelope: &Envelope, index: u32) -> String {
        envelope
            .recipients
            .get(index as usize)
            .map(|r| r.address.clone())
            .unwrap_or_default()
    }

    async fn encrypt(
        &self,
        envelope: &Envelope,
        index: u32,
        fallback: &Work,
        body: &[u8],
    ) -> Result<Handed, String> {
        let Some(encryptor) = &self.encryptor else {
            return Ok(Handed::Fallback(fallback.clone()));
        };
        let rcpt = self.rcpt(envelope, index);
        let opts = encryptor.options(&envelope.tenant, Some(envelope.id.0.clone()));
        match encryptor.encrypt_for(&rcpt, body, &opts).await {
            Ok(EncryptOutcome::Encrypted {
                message, method, ..
            }) => {
                // Encrypted end to end: opportunistic STARTTLS is enough for the hop.
                self.inject_routed(
                    &envelope.tenant,
                    &envelope.mail_from,
                    &rcpt,
                    message,
                    TransportRequirement::None,
                    None,
                )
                .await
                .map_err(|e| format!("spool: {e}"))?;
                tracing::info!(id = %envelope.id, method = method.as_str(), "encrypted copy queued");
                crate::metrics::METRICS.encrypted.inc();
                Ok(Handed::Done("encrypted", Served::Encrypted(method)))
            }
            Ok(EncryptOutcome::NoKey { reason }) => {
                self.audit.record(
                    AuditEvent::new(&envelope.tenant, "encrypt-fallback", "system")
                        .message(&envelope.id)
                        .recipient(rcpt)
                        .detail(serde_json::json!({ "reason": reason })),
                );
                Ok(Handed::Fallback(fallback.clone()))
            }
            Err(e) => {
                // Key discovery or encryption failed: the fallback is safe
                // (pickup or an authenticated route), so use it now.
                self.audit.record(
                    AuditEvent::new(&envelope.tenant, "encrypt-fallback", "system")
                        .message(&envelope.id)
                        .recipient(rcpt)
                        .detail(serde_json::json!({ "error": e.to_string() })),
                );
                Ok(Handed::Fallback(fallback.clone()))
            }
        }
    }

    async fn park(
        &self,
        envelope: &Envelope,
        index: u32,
        phone: Option<String>,
        body: &[u8],
    ) -> Result<Handed, String> {
        let Some(pickup) = self.pickup.get() else {
            return Ok(Handed::Fallback(Work::Hold {
                reason: "pickup stage not available".into(),
            }));
        };
        let rcpt = self.rcpt(envelope, index);
        let parked = pickup
            .park(
                &envelope.tenant,
                &envelope.id,
                &envelope.mail_from,
                &rcpt,
                body,
                phone,
            )
            .await
            .map_err(|e| e.to_string())?;
        let by_sms = parked.by_sms;
        let transport = pickup.cfg().notification_transport;
        let from = pickup.cfg().notify_from.clone();
        // Tagged with its pickup: a revoke or expiry cancels it while queued.
        let tag = MailTag::PickupNotification {
            pickup: parked.pickup_id.clone(),
        };
        self.inject_routed(
            &envelope.tenant,
            &from,
            &rcpt,
            parked.notification,
            transport,
            Some(tag),
        )
        .await
        .map_err(|e| format!("spool: {e}"))?;
        if let Some(confirmation) = parked.sender_confirmation {
            if !envelope.mail_from.is_empty() {
                self.inject_routed(
                    &envelope.tenant,
                    &from,
                    &envelope.mail_from,
                    confirmation,
                    transport,
                    None,
                )
                .await
                .map_err(|e| format!("spool: {e}"))?;
            }
        }
        crate::metrics::METRICS.parked.inc();
        Ok(Handed::Done("parked", Served::Parked { sms: by_sms }))
    }

    fn enqueue_one(
        &self,
        envelope: &Arc<Envelope>,
        index: u32,
        transport: TransportRequirement,
        fallback_step: Option<u32>,
        body: Arc<Vec<u8>>,
    ) {
        let address = self.rcpt(envelope, index);
        self.enqueue(QueueItem {
            envelope: envelope.clone(),
            recipients: vec![QueuedRcpt {
                index,
                address,
                transport,
                fallback_step,
            }],
            attempts: 0,
            next_attempt_ms: 0,
            body: Some(body),
            tag: None,
        });
    }

    async fn block_one(&self, envelope: &Envelope, index: u32, reason: Bilingual, body: &[u8]) {
        let rcpt = self.rcpt(envelope, index);
        let status = RcptStatus::PermanentFailure {
            reason: reason.en.clone(),
        };
        self.send_blocked_dsn(envelope, body, &[(rcpt.clone(), reason.clone())])
            .await;
        self.final_status(envelope, index, status, 1).await;
        self.served(&envelope.id, index, Served::Blocked(reason));
        self.audit.record(
            AuditEvent::new(&envelope.tenant, "bounced", "system")
                .message(&envelope.id)
                .recipient(rcpt),
        );
    }

    async fn final_status(
        &self,
        envelope: &Envelope,
        index: u32,
        status: RcptStatus,
        attempts: u32,
    ) {
        let record = StatusRecord {
            id: envelope.id.clone(),
            rcpt: index,
            status,
            attempts,
            next_attempt_ms: 0,
            step: None,
        };
        if let Err(e) = self.spool.record_status(record).await {
            tracing::error!(id = %envelope.id, error = %e, "cannot record hand-off outcome");
        }
    }

    /// Spool and queue a message a stage made, for one recipient, with a
    /// fixed transport requirement (no second policy pass) and the tag
    /// that says what it is about.
    pub(super) async fn inject_routed(
        &self,
        tenant: &str,
        mail_from: &str,
        rcpt: &str,
        body: Vec<u8>,
        transport: TransportRequirement,
        tag: Option<MailTag>,
    ) -> std::io::Result<MessageId> {
        let envelope = Envelope {
            id: self.spool.new_id(),
            tenant: tenant.to_string(),
            mail_from: mail_from.to_string(),
            recipients: vec![Recipient::new(rcpt)],
            received_at_ms: crate::now_ms(),
            client_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            helo: self.config.server.hostname.clone(),
            authenticated_as: None,
            smtputf8: !rcpt.is_ascii() || !mail_from.is_ascii(),
            body_8bit: !body.is_ascii(),
            size: body.len() as u64,
        };
        let id = envelope.id.clone();
        let work = vec![Work::Deliver {
            transport,
            fallback: None,
        }];
        let body = Arc::new(body);
        self.spool
            .append(
                MessageMeta {
                    envelope: envelope.clone(),
                    work: work.clone(),
                    audit: vec![],
                    tag: tag.clone(),
                },
                body.clone(),
            )
            .await?;
        self.queue_deliverable(Arc::new(envelope), &work, &[None], Some(body), tag);
        Ok(id)
    }
}

/// Mails the pickup stage sends (code mails, notices to the sender).
impl Outbox for Pipeline {
    fn send<'a>(
        &'a self,
        tenant: &'a str,
        recipient: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            let Some(pickup) = self.pickup.get() else {
                return Err("pickup stage not running".into());
            };
            let from = pickup.cfg().notify_from.clone();
            let transport = pickup.cfg().notification_transport;
            self.inject_routed(tenant, &from, recipient, raw, transport, None)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }

    fn send_tagged<'a>(
        &'a self,
        tenant: &'a str,
        recipient: &'a str,
        raw: Vec<u8>,
        tag: MailTag,
    ) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            let Some(pickup) = self.pickup.get() else {
                return Err("pickup stage not running".into());
            };
            let from = pickup.cfg().notify_from.clone();
            let transport = pickup.cfg().notification_transport;
            self.inject_routed(tenant, &from, recipient, raw, transport, Some(tag))
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }

    fn cancel<'a>(&'a self, pickup_id: &'a str, reason: &'a str) -> BoxFuture<'a, usize> {
        Box::pin(async move {
            match self.queue_handle.get() {
                Some(q) => q.cancel(pickup_id, reason).await,
                None => 0,
            }
        })
    }
}

/// A recipient's reply from the portal: a patient writing to their care
/// provider, so it goes through inspection and the policy as sensitive
/// mail whatever the scan finds (the practice's rule for sensitive mail to
/// that address, never below the floor, never transport `none`).
impl ReplySink for Pipeline {
    fn reply<'a>(
        &'a self,
        _tenant: &'a str,
        from: &'a str,
        to: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<String, String>> {
        Box::pin(async move {
            self.inject_checked(from.to_string(), vec![to.to_string()], raw, true)
                .await
                .map(|id| id.0)
                .map_err(|e| e.to_string())
        })
    }
}
