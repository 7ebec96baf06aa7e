//! The pipeline: the straight line of one message, wired together.
//!
//! ```text
//! smtp session --submit--> inspect -> policy -> route -> spool (fsync) -> 250 -> delivery queue
//! ```
//!
//! It implements the SMTP stage's [`Backend`] (authentication, sender
//! check, submit: `submit.rs`) and the delivery stage's [`Journal`]
//! (durable outcomes, body reads, injected DSNs: `journal.rs`). Inspection and the policy run *before* the
//! reply to DATA, so a block reaches the sender's mail client as a 5xx.
//!
//! Fail closed: a spool error is a 451 (the client keeps the message); a
//! recipient whose route needs a stage that does not exist yet is not sent.

use crate::audit::{Audit, AuditEvent};
use crate::config::Config;
use crate::crypto::Encryptor;
use crate::delivery::queue::QueueHandle;
use crate::delivery::{Journal, QueueItem, QueuedRcpt};
use crate::inspect;
use crate::pickup::{self, Pickup, SmsTags};
use crate::policy::{Evaluation, LivePolicy, MessageContext};
use crate::route::{self, Stages, Work};
use crate::spool::{MessageMeta, Recovered, Spool, StatusRecord};
use crate::store::Store;
use crate::types::{Bilingual, Envelope, MailTag, MessageId, RcptStatus, ScanReport};
use std::sync::{Arc, OnceLock, Weak};

mod fallback;
mod handoff;
mod journal;
mod precheck;
mod served;
mod submit;

/// Hands a message to the delivery queue.
pub type Enqueue = Arc<dyn Fn(QueueItem) + Send + Sync>;

pub struct Pipeline {
    config: Arc<Config>,
    store: Store,
    spool: Arc<Spool>,
    policy: Arc<LivePolicy>,
    queue: OnceLock<Enqueue>,
    /// The running queue, to cancel a closed pickup link's mails.
    queue_handle: OnceLock<QueueHandle>,
    encryptor: Option<Arc<Encryptor>>,
    pickup: OnceLock<Arc<Pickup>>,
    audit: Audit,
    /// Slots for scans on the blocking pool (`inspect.max_parallel_scans`).
    scans: Arc<tokio::sync::Semaphore>,
    /// Messages whose sender waits for a confirmation (`served.rs`).
    served: served::Tracker,
    /// Resolver and MTA-STS cache of the route check before "250".
    route_dns: precheck::RouteCheck,
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
            queue_handle: OnceLock::new(),
            encryptor,
            pickup: OnceLock::new(),
            audit,
            served: served::Tracker::default(),
            route_dns: precheck::RouteCheck::default(),
            me: me.clone(),
        })
    }

    /// Connect the delivery queue (once, at start-up).
    pub fn set_queue(&self, enqueue: Enqueue) {
        let _ = self.queue.set(enqueue);
    }

    /// Connect the running delivery queue (once, at start-up): messages go
    /// to it, and a closed pickup link's mails are cancelled in it.
    pub fn set_queue_handle(&self, queue: QueueHandle) {
        let handle = queue.clone();
        self.set_queue(Arc::new(move |item| handle.enqueue(item)));
        let _ = self.queue_handle.set(queue);
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
        // Timed from the slot on: the wait for a slot is load, not scan time.
        let started = std::time::Instant::now();
        let report = match tokio::task::spawn_blocking(move || inspect::scan(&m, &cfg)).await {
            Ok(r) => r,
            Err(_) => failed("scanner failed"),
        };
        crate::metrics::METRICS.scan.observe(started.elapsed());
        report
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
            tag: None,
        };
        self.spool.append(meta, message.clone()).await?;
        self.durable_audit(envelope.id.clone(), audit);
        let envelope = Arc::new(envelope);
        self.queue_deliverable(
            envelope.clone(),
            &work,
            &vec![None; work.len()],
            Some(message.clone()),
            None,
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
        tag: Option<MailTag>,
    ) {
        let mut attempts = 0;
        let mut next_attempt_ms = 0;
        let mut recipients = vec![];
        for (i, (w, s)) in work.iter().zip(status).enumerate() {
            // Where the recipient's chain is: the first `deliver`, or the
            // later one a fallback moved it to (kept in its status).
            let step = s.as_ref().and_then(|s| s.step);
            let current = match step {
                Some(k) => route::deliver_at(w, k),
                None => Some(w.clone()),
            };
            let Some(Work::Deliver {
                transport,
                fallback,
            }) = current
            else {
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
                transport,
                fallback_step: fallback.as_ref().map(|_| step.unwrap_or(0)),
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
            tag,
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
            let tag = r.meta.tag.clone();
            self.queue_deliverable(envelope.clone(), &r.meta.work, &r.status, None, tag);
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

/// The message without its `X-Sluis-SMS` header (a phone number for
/// Sluis, never for the recipient).
pub(super) fn without_sms_header(message: Arc<Vec<u8>>) -> Arc<Vec<u8>> {
    if crate::header::has_field(&message, pickup::SMS_HEADER) {
        Arc::new(crate::header::remove_field(&message, pickup::SMS_HEADER))
    } else {
        message
    }
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
