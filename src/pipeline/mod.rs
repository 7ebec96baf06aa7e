//! The pipeline: the straight line of one message, wired together.
//!
//! ```text
//! smtp session --submit--> inspect -> policy -> route -> spool (fsync) -> 250 -> delivery queue
//! ```
//!
//! It implements the SMTP stage's [`Backend`] (authentication, sender
//! check, submit) and the delivery stage's [`Journal`] (durable outcomes,
//! body reads, injected DSNs). Inspection and the policy run *before* the
//! reply to DATA, so a block reaches the sender's mail client as a 5xx.
//!
//! Fail closed: a spool error is a 451 (the client keeps the message); a
//! recipient whose route needs a stage that does not exist yet is not sent.

use crate::accounts;
use crate::audit::{Audit, AuditEvent};
use crate::config::Config;
use crate::crypto::Encryptor;
use crate::delivery::{Journal, QueueItem, QueuedRcpt};
use crate::inspect;
use crate::pickup::{self, Pickup, SmsTags};
use crate::policy::{self, Evaluation, LivePolicy, MessageContext};
use crate::route::{self, Stages, Work};
use crate::smtp::{AuthenticatedUser, Backend, Reply, Submission};
use crate::spool::{MessageMeta, Recovered, Spool, StatusRecord};
use crate::store::Store;
use crate::types::{Bilingual, Envelope, MessageId, RcptStatus, Recipient, ScanReport};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, OnceLock, Weak};

mod handoff;

/// Hands a message to the delivery queue.
pub type Enqueue = Arc<dyn Fn(QueueItem) + Send + Sync>;

pub struct Pipeline {
    config: Arc<Config>,
    store: Store,
    spool: Arc<Spool>,
    policy: Arc<LivePolicy>,
    queue: OnceLock<Enqueue>,
    encryptor: Option<Arc<Encryptor>>,
    pickup: OnceLock<Arc<Pickup>>,
    audit: Audit,
    /// Slots for scans on the blocking pool (`inspect.max_parallel_scans`).
    scans: Arc<tokio::sync::Semaphore>,
    /// For the tasks that hand recipients to the encryption and pickup stages.
    me: Weak<Pipeline>,
}

impl Pipeline {
    pub fn new(
        config: Arc<Config>,
        store: Store,
        spool: Arc<Spool>,
        policy: Arc<LivePolicy>,
        encryptor: Option<Arc<Encryptor>>,
        audit: Audit,
    ) -> Arc<Pipeline> {
        let scans = Arc::new(tokio::sync::Semaphore::new(
            config.inspect.max_parallel_scans.max(1),
        ));
        Arc::new_cyclic(|me| Pipeline {
            scans,
            config,
            store,
            spool,
            policy,
            queue: OnceLock::new(),
            encryptor,
            pickup: OnceLock::new(),
            audit,
            me: me.clone(),
        })
    }

    /// Connect the delivery queue (once, at start-up).
    pub fn set_queue(&self, enqueue: Enqueue) {
        let _ = self.queue.set(enqueue);
    }

    /// Connect the pickup stage (once, at start-up; it sends its mails
    /// through this pipeline, hence after construction).
    pub fn set_pickup(&self, pickup: Arc<Pickup>) {
        let _ = self.pickup.set(pickup);
    }

    fn stages(&self) -> Stages {
        Stages {
            encrypt: self.encryptor.is_some(),
            pickup: self.pickup.get().is_some(),
        }
    }

    pub fn spool(&self) -> &Arc<Spool> {
        &self.spool
    }

    fn enqueue(&self, item: QueueItem) {
        match self.queue.get() {
            Some(q) => q(item),
            None => {
                tracing::warn!(id = %item.envelope.id, "no delivery queue; message stays spooled")
            }
        }
    }

    /// Scan one message on the blocking pool, at most `max_parallel_scans`
    /// at once. Never inline: extraction and OCR can take seconds, and a
    /// runtime worker blocked that long stalls every other session's
    /// greeting and replies.
    async fn scan(&self, message: &Arc<Vec<u8>>) -> ScanReport {
        let failed = |why: &str| ScanReport {
            size: message.len() as u64,
            unscannable: vec![why.into()],
            ..ScanReport::default()
        };
        let Ok(_slot) = self.scans.clone().acquire_owned().await else {
            return failed("scanner stopped");
        };
        let (m, cfg) = (message.clone(), self.config.inspect.clone());
        match tokio::task::spawn_blocking(move || inspect::scan(&m, &cfg)).await {
            Ok(r) => r,
            Err(_) => failed("scanner failed"),
        }
    }

    /// Scan, decide and route. Returns the work per recipient, with the
    /// phone numbers `sms` gives for pickup codes.
    async fn inspect_and_decide(
        &self,
        ctx: &MessageContext,
        message: &Arc<Vec<u8>>,
        sms: &SmsTags,
    ) -> (ScanReport, Evaluation, Vec<Work>) {
        let report = self.scan(message).await;
        let evaluation = self.policy.current().evaluate(ctx, &report);
        let stages = self.stages();
        let work: Vec<Work> = evaluation
            .outcomes
            .iter()
            .map(|o| hold_to_block(route::degrade(route::route(&o.decision), stages)))
            .collect();
        (report, evaluation, with_phones(ctx, work, sms))
    }

    /// Spool a message with its routed work and queue what is deliverable.
    /// Spool the message (with `audit`, its `accepted` and `decided`
    /// events) and start its work. The events are durable once this returns.
    async fn accept(
        &self,
        envelope: Envelope,
        work: Vec<Work>,
        message: Arc<Vec<u8>>,
        audit: Vec<AuditEvent>,
    ) -> std::io::Result<()> {
        let meta = MessageMeta {
            envelope: envelope.clone(),
            work: work.clone(),
            audit: audit.clone(),
        };
        self.spool.append(meta, message.clone()).await?;
        self.durable_audit(envelope.id.clone(), audit);
        let envelope = Arc::new(envelope);
        self.queue_deliverable(
            envelope.clone(),
            &work,
            &vec![None; work.len()],
            Some(message.clone()),
        );
        self.hand_off_all(&envelope, &work, &vec![None; work.len()], message);
        Ok(())
    }

    fn queue_deliverable(
        &self,
        envelope: Arc<Envelope>,
        work: &[Work],
        status: &[Option<StatusRecord>],
        body: Option<Arc<Vec<u8>>>,
    ) {
        let mut attempts = 0;
        let mut next_attempt_ms = 0;
        let mut recipients = vec![];
        for (i, (w, s)) in work.iter().zip(status).enumerate() {
            let Work::Deliver { transport } = w else {
                continue;
            };
            if let Some(s) = s {
                if !matches!(
                    s.status,
                    RcptStatus::TemporaryFailure { .. } | RcptStatus::Scheduled
                ) {
                    continue;
                }
                attempts = attempts.max(s.attempts);
                next_attempt_ms = next_attempt_ms.max(s.next_attempt_ms);
            }
            let Some(rcpt) = envelope.recipients.get(i) else {
                continue;
            };
            recipients.push(QueuedRcpt {
                index: i as u32,
                address: rcpt.address.clone(),
                transport: *transport,
            });
        }
        if recipients.is_empty() {
            return;
        }
        self.audit.record(
            AuditEvent::new(&envelope.tenant, "queued", "system")
                .message(&envelope.id)
                .detail(serde_json::json!({ "recipients": recipients.len() })),
        );
        self.enqueue(QueueItem {
            envelope,
            recipients,
            attempts,
            next_attempt_ms,
            body,
        });
    }

    /// Write events that are already durable in a spool record to the
    /// store, retrying until it takes them, then tell the spool (which keeps
    /// the record, and its key, until then).
    fn durable_audit(&self, id: MessageId, events: Vec<AuditEvent>) {
        if events.is_empty() {
            return;
        }
        let backlog = self.audit.backlog_counter();
        backlog.add(events.len());
        let (store, spool, retry) = (
            self.store.clone(),
            self.spool.clone(),
            self.config.audit.clone(),
        );
        tokio::spawn(async move {
            crate::store::write_audit_until_stored(&store, &events, &retry).await;
            backlog.done(events.len());
            if let Err(e) = spool.audit_stored(&id).await {
                // Harmless: replayed after a restart, the store keeps the first.
                tracing::warn!(%id, error = %e, "cannot note stored audit events in the spool");
            }
        });
    }

    /// Queue every unfinished message found in the spool at start-up.
    pub fn resume(&self, recovered: Vec<Recovered>) -> usize {
        let n = recovered.len();
        for r in recovered {
            if r.audit_pending {
                self.durable_audit(r.meta.envelope.id.clone(), r.meta.audit.clone());
            }
            let envelope = Arc::new(r.meta.envelope.clone());
            self.queue_deliverable(envelope.clone(), &r.meta.work, &r.status, None);
            let needs_hand_off = r
                .meta
                .work
                .iter()
                .any(|w| matches!(w, Work::Encrypt { .. } | Work::Pickup { .. }));
            if needs_hand_off {
                match self.spool.load_body(&envelope.id) {
                    Ok(body) => {
                        self.hand_off_all(&envelope, &r.meta.work, &r.status, Arc::new(body))
                    }
                    Err(e) => {
                        tracing::error!(id = %envelope.id, error = %e, "cannot read spooled message")
                    }
                }
            }
        }
        n
    }
}

/// Give each pickup recipient its phone number: its own `[sms:addr=...]`
/// tag, or the untagged number when it is the mail's only pickup
/// recipient. An untagged number on a mail with several pickup recipients
/// is ignored (their codes go to their known phones or by e-mail) and
/// logged, masked.
fn with_phones(ctx: &MessageContext, work: Vec<Work>, sms: &SmsTags) -> Vec<Work> {
    if sms.is_empty() {
        return work;
    }
    let pickups = work.iter().filter(|w| route::may_pickup(w)).count();
    if let (Some(phone), true) = (&sms.untagged, pickups > 1) {
        tracing::info!(
            phone = %pickup::crypto::mask_phone(phone),
            pickup_recipients = pickups,
            "untagged [sms:] number ignored: the mail has several pickup recipients"
        );
    }
    for (address, phone) in &sms.per_recipient {
        if !ctx
            .recipients
            .iter()
            .any(|r| r.eq_ignore_ascii_case(address))
        {
            tracing::info!(
                phone = %pickup::crypto::mask_phone(phone),
                "[sms:] number for an address that is not a recipient ignored"
            );
        }
    }
    work.into_iter()
        .zip(&ctx.recipients)
        .map(|(w, rcpt)| {
            let phone = sms.for_recipient(rcpt, pickups == 1);
            route::with_phone(w, phone)
        })
        .collect()
}

/// Until the pickup stage exists, a recipient that needs it is not sent:
/// the sender is told, instead of the message waiting forever.
pub(super) fn hold_to_block(work: Work) -> Work {
    match work {
        Work::Hold { .. } => Work::Blocked {
            reason: Bilingual::new(
                "Dit bericht bevat gevoelige gegevens en kan nog niet beveiligd aan deze ontvanger worden bezorgd; stuur het via een beveiligde weg",
                "This message contains sensitive data and cannot yet be delivered securely to this recipient; send it by a secure channel",
            ),
        },
        other => other,
    }
}

/// The message without its `X-Sluis-SMS` header (a phone number for
/// Sluis, never for the recipient).
fn without_sms_header(message: Arc<Vec<u8>>) -> Arc<Vec<u8>> {
    if crate::header::has_field(&message, pickup::SMS_HEADER) {
        Arc::new(crate::header::remove_field(&message, pickup::SMS_HEADER))
    } else {
        message
    }
}

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
        let message = without_sms_header(message);
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

        let blocked: Vec<(String, Bilingual)> = envelope
            .recipients
            .iter()
            .zip(&work)
            .filter_map(|(r, w)| match w {
                Work::Blocked { reason } => Some((r.address.clone(), reason.clone())),
                _ => None,
            })
            .collect();
        if blocked.len() == work.len() {
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
        if let Err(e) = self
            .accept(envelope.clone(), work, message.clone(), events.clone())
            .await
        {
            tracing::error!(error = %e, "spool append failed; message refused with 451");
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
        if !blocked.is_empty() {
            self.send_blocked_dsn(&envelope, &message, &blocked).await;
        }
        Ok(Reply {
            code: 250,
            enhanced: (2, 0, 0),
            text: Bilingual::new(
                format!("Bericht geaccepteerd, id {}", envelope.id),
                format!("Message accepted, id {}", envelope.id),
            ),
        })
    }
}

impl Pipeline {
    async fn send_blocked_dsn(
        &self,
        envelope: &Envelope,
        message: &[u8],
        blocked: &[(String, Bilingual)],
    ) {
        if envelope.mail_from.is_empty() {
            return;
        }
        let headers_end = message
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|p| p + 2)
            .unwrap_or(message.len());
        let dsn = crate::delivery::queue::dsn::blocked_dsn(
            &self.config.server.hostname,
            &self.config.tenant.postmaster,
            envelope,
            message.get(..headers_end).unwrap_or_default(),
            blocked,
        );
        if let Err(e) = self
            .inject(String::new(), vec![envelope.mail_from.clone()], dsn)
            .await
        {
            tracing::error!(error = %e, id = %envelope.id, "cannot spool DSN for blocked recipients");
        }
    }
}

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
        self.spool
            .record_status(StatusRecord {
                id: id.clone(),
                rcpt: rcpt_index,
                status: status.clone(),
                attempts,
                next_attempt_ms,
            })
            .await
    }

    async fn inject(
        &self,
        mail_from: String,
        recipients: Vec<String>,
        body: Vec<u8>,
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
        };
        // Sluis's own messages go through inspection and policy too: a
        // DSN quotes headers, and a Subject may hold a BSN.
        let message = without_sms_header(message);
        let (_, evaluation, work) = self
            .inspect_and_decide(&ctx, &message, &SmsTags::default())
            .await;
        let envelope = Envelope {
            id: self.spool.new_id(),
            tenant,
            mail_from,
            recipients: recipients.into_iter().map(Recipient::new).collect(),
            received_at_ms: crate::now_ms(),
            client_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            helo: self.config.server.hostname.clone(),
            authenticated_as: None,
            smtputf8: false,
            body_8bit: false,
            size: message.len() as u64,
        };
        policy::audit_evaluation(&self.audit, &envelope.id.0, &evaluation);
        let id = envelope.id.clone();
        self.accept(envelope, work, message, vec![]).await?;
        Ok(id)
    }
}
