//! The pipeline as the SMTP stage's [`Backend`]: authentication, the
//! sender check, and `submit` (audit backlog, inspect, policy, route,
//! spool, then the reply to DATA; a message whose every recipient is
//! blocked gets a 550).

use super::served::Served;
use super::Pipeline;
use crate::accounts;
use crate::audit::AuditEvent;
use crate::metrics::{Refusal, METRICS};
use crate::pickup;
use crate::policy::{self, MessageContext};
use crate::route::Work;
use crate::smtp::{AuthenticatedUser, Backend, Reply, Submission};
use crate::types::{Bilingual, EnhancedCode, Envelope, Recipient};
use std::sync::Arc;

/// The 550 for a message whose every recipient is blocked: the reasons,
/// Dutch then English, on one line (the policy stage's format).
fn all_blocked_reply(blocked: &[(String, Bilingual)]) -> Reply {
    let decisions: Vec<crate::types::Decision> = blocked
        .iter()
        .map(|(rcpt, reason)| crate::types::Decision {
            recipient: rcpt.clone(),
            action: crate::types::Action::Block {
                reason: reason.clone(),
            },
            rule: String::new(),
            categories: vec![],
            unscannable: false,
        })
        .collect();
    policy::all_blocked_reply(&decisions)
        .unwrap_or_else(|| Reply::new(550, (5, 7, 1), "Bericht geblokkeerd", "Message blocked"))
}

impl Backend for Pipeline {
    fn auth_store(&self) -> Option<crate::store::Store> {
        (self.store.backend() == crate::store::Backend::Postgres).then(|| self.store.clone())
    }

    async fn authenticate(
        &self,
        username: &str,
        password: &str,
    ) -> Result<Option<AuthenticatedUser>, Reply> {
        let account = self.store.account(username).await.map_err(|e| {
            tracing::error!(error = %e, "account lookup failed");
            Reply::new(
                454,
                (4, 7, 0),
                "Tijdelijke fout bij aanmelden, probeer het later opnieuw",
                "Temporary authentication failure, try again later",
            )
        })?;
        let (hash, found) = match &account {
            Some(a) if !a.disabled => (a.password_hash.clone(), true),
            _ => (accounts::dummy_hash().to_string(), false),
        };
        let password = password.to_string();
        let ok = tokio::task::spawn_blocking(move || accounts::verify_password(&password, &hash))
            .await
            .unwrap_or(false);
        Ok(match (ok && found, account) {
            (true, Some(a)) => Some(AuthenticatedUser {
                account: a.username,
                tenant: a.tenant,
            }),
            _ => None,
        })
    }

    async fn may_send_as(&self, user: &AuthenticatedUser, mail_from: &str) -> bool {
        match self.store.account(&user.account).await {
            Ok(Some(a)) => accounts::sender_allowed(&a.senders, mail_from),
            _ => false,
        }
    }

    async fn submit(&self, submission: Submission, message: Vec<u8>) -> Result<Reply, Reply> {
        // Never accept mail that cannot be audited: with the store behind
        // by more than the limit, the client keeps the message and retries.
        let backlog = self.audit.backlog();
        if backlog >= self.config.audit.max_backlog_events {
            tracing::warn!(backlog, "audit store behind; message refused with 451");
            METRICS.refused(Refusal::AuditBacklog);
            return Err(Reply::new(
                451,
                (4, 3, 0),
                "Tijdelijke fout bij het vastleggen van de audit, probeer het later opnieuw",
                "Temporary audit trail failure, try again later",
            ));
        }
        let message = Arc::new(message);
        let tenant = submission.tenant.clone();
        let ctx = MessageContext {
            tenant: tenant.clone(),
            mail_from: submission.mail_from.clone(),
            sender_account: submission.auth.as_ref().map(|a| a.account.clone()),
            recipients: submission.recipients.clone(),
            subject: policy::subject_of(&message),
            size: message.len() as u64,
            always_sensitive: false,
            min_transport: None,
        };
        // `[sms:...]` tags in the subject (or an X-Sluis-SMS header) give
        // the numbers for pickup codes; neither ever leaves Sluis: every
        // copy (delivered, encrypted, parked, DSN) is made from the
        // message without them.
        let (subject_tags, _) = ctx
            .subject
            .as_deref()
            .map(pickup::take_sms_tags)
            .unwrap_or_default();
        let tagged_subject = !subject_tags.is_empty();
        let sms = subject_tags.or(pickup::sms_header(&message));
        let message = super::without_sms_header(message);
        let (report, evaluation, work) = self.inspect_and_decide(&ctx, &message, &sms).await;
        let message = if evaluation.subject_rewrite.is_some() || tagged_subject {
            let subject = evaluation
                .subject_rewrite
                .clone()
                .or_else(|| ctx.subject.clone())
                .unwrap_or_default();
            let (_, subject) = pickup::take_sms_tags(&subject);
            Arc::new(policy::rewrite_subject(&message, &subject))
        } else {
            message
        };
        let envelope = Envelope {
            id: self.spool.new_id(),
            tenant: tenant.clone(),
            mail_from: submission.mail_from.clone(),
            recipients: submission.recipients.iter().map(Recipient::new).collect(),
            received_at_ms: crate::now_ms(),
            client_ip: submission.client_ip,
            helo: submission.helo.clone(),
            authenticated_as: submission.auth.as_ref().map(|a| a.account.clone()),
            smtputf8: submission.smtputf8,
            body_8bit: submission.body_8bit,
            size: message.len() as u64,
        };
        let actor = envelope
            .authenticated_as
            .clone()
            .unwrap_or_else(|| "trusted-network".into());
        // `decided` (and below `accepted`) travel in the spool record.
        let mut events = policy::evaluation_events(&envelope.id.0, &evaluation);
        // Before "250": a requirement DNS rules out takes its fallback now.
        let work = self.route_check(&envelope, work, &mut events).await;

        let blocked: Vec<(String, Bilingual)> = envelope
            .recipients
            .iter()
            .zip(&work)
            .filter_map(|(r, w)| match w {
                Work::Blocked { reason } => Some((r.address.clone(), reason.clone())),
                _ => None,
            })
            .collect();
        METRICS.blocked.add(blocked.len() as u64);
        if blocked.len() == work.len() {
            METRICS.refused(Refusal::AllBlocked);
            for event in events {
                self.audit.record(event);
            }
            self.audit.record(
                AuditEvent::new(&tenant, "rejected", &actor)
                    .ip(envelope.client_ip)
                    .message(&envelope.id)
                    .detail(serde_json::json!({ "reason": "all recipients blocked", "categories": report.categories() })),
            );
            return Err(all_blocked_reply(&blocked));
        }

        events.push(
            AuditEvent::new(&tenant, "accepted", &actor)
                .ip(envelope.client_ip)
                .message(&envelope.id)
                .detail(serde_json::json!({
                    "size": envelope.size,
                    "recipients": envelope.recipients.len(),
                    "blocked": blocked.len(),
                    "categories": report.categories(),
                    "unscannable": report.is_unscannable(),
                    "tls": submission.tls_version,
                })),
        );
        // Fixed ids: replayed from the spool after a crash, the store keeps
        // the first copy.
        for (n, event) in events.iter_mut().enumerate() {
            event.id = Some(format!("{}-{n:04}", envelope.id));
        }
        // Before the hand-off starts: a stage may finish a recipient at once.
        if super::served::wanted(self.config.delivery.served_confirmation, &work) {
            let known = work
                .iter()
                .map(|w| match w {
                    Work::Blocked { reason } => Some(Served::Blocked(reason.clone())),
                    _ => None,
                })
                .collect();
            let headers = mail_parser::MessageParser::default().parse_headers(message.as_slice());
            let subject = headers
                .as_ref()
                .and_then(|m| m.subject())
                .unwrap_or_default();
            let message_id = headers.as_ref().and_then(|m| m.message_id());
            self.served.register(&envelope, subject, message_id, known);
        }
        if let Err(e) = self
            .accept(envelope.clone(), work, message.clone(), events.clone())
            .await
        {
            tracing::error!(error = %e, "spool append failed; message refused with 451");
            self.served.forget(&envelope.id);
            METRICS.refused(Refusal::Spool);
            // Not accepted: the decisions are still on record.
            for event in events.into_iter().filter(|e| e.kind != "accepted") {
                self.audit.record(event);
            }
            return Err(Reply::new(
                451,
                (4, 3, 0),
                "Tijdelijke fout bij opslaan, probeer het later opnieuw",
                "Temporary storage failure, try again later",
            ));
        }
        METRICS.accepted.inc();
        if !blocked.is_empty() {
            self.send_blocked_dsn(&envelope, &message, &blocked).await;
        }
        Ok(Reply {
            code: 250,
            enhanced: Some(EnhancedCode::new(2, 0, 0)),
            text: Bilingual::new(
                format!("Bericht geaccepteerd, id {}", envelope.id),
                format!("Message accepted, id {}", envelope.id),
            ),
        })
    }
}
