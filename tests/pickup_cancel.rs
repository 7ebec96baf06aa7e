//! A closed pickup link gets no mail later: its notification and code
//! mails still waiting in the delivery queue (deferred because the next
//! hop answers 4xx) are cancelled on revoke and on expiry, recorded final
//! without a DSN and audited with the pickup id; other mails stay queued.
//!
//! The pickup service (real SQLite store, real blob folder) and the real
//! queue are joined the way the pipeline joins them: an outbox that queues
//! tagged mails and forwards cancels to the queue, and a journal that asks
//! the pickup service about a tagged mail's link before each attempt.

mod delivery_support;

use delivery_support::{item, wait_until, MemJournal};
use sluis::audit::{Audit, AuditEvent};
use sluis::config::Config;
use sluis::delivery::queue::{Queue, QueueHandle};
use sluis::delivery::{Journal, QueuedRcpt, Route};
use sluis::pickup::{BoxFuture, Outbox, Pickup, ReplySink};
use sluis::types::{
    Answer, DeliveryReport, EnhancedCode, Envelope, MailTag, MessageId, RcptStatus, SmtpStatus,
    TransportRequirement as T,
};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// The next hop: "451 try later" for everything, remembering who was tried.
#[derive(Default)]
struct Refusing {
    tried: Mutex<Vec<String>>,
}

impl Route for Refusing {
    async fn deliver(&self, e: &Envelope, rcpts: &[QueuedRcpt], _: &[u8]) -> Vec<DeliveryReport> {
        self.tried.lock().unwrap().push(e.id.0.clone());
        rcpts
            .iter()
            .map(|r| DeliveryReport {
                recipient: r.address.clone(),
                status: RcptStatus::TemporaryFailure {
                    reason: "451 4.3.0 try later".into(),
                },
                remote: "relay.test".into(),
                tls: Default::default(),
                answer: Some(Answer::NextHop(SmtpStatus::from_peer(
                    451,
                    Some(EnhancedCode::new(4, 3, 0)),
                    "try later",
                ))),
                unmet: None,
            })
            .collect()
    }
}

impl Refusing {
    fn tries(&self, id: &MessageId) -> usize {
        self.tried
            .lock()
            .unwrap()
            .iter()
            .filter(|t| **t == id.0)
            .count()
    }
}

/// Journal (in memory) plus outbox, as the pipeline is both.
#[derive(Default)]
struct Glue {
    mem: MemJournal,
    queue: OnceLock<QueueHandle>,
    pickup: OnceLock<Arc<Pickup>>,
    /// Ids of the mails queued through the outbox.
    queued: Mutex<Vec<MessageId>>,
}

impl Journal for Glue {
    async fn load_body(&self, id: &MessageId) -> std::io::Result<Vec<u8>> {
        self.mem.load_body(id).await
    }
    async fn record(
        &self,
        id: &MessageId,
        rcpt: u32,
        status: &RcptStatus,
        attempts: u32,
        next: i64,
    ) -> std::io::Result<()> {
        self.mem.record(id, rcpt, status, attempts, next).await
    }
    async fn cancelled(&self, tag: &MailTag) -> Option<String> {
        self.pickup.get()?.closed_reason(tag.pickup_id()).await
    }
    async fn inject(&self, f: String, r: Vec<String>, b: Vec<u8>) -> std::io::Result<MessageId> {
        self.mem.inject(f, r, b).await
    }
}

struct Out(Arc<Glue>);

impl Out {
    fn queue(&self, to: &str, raw: Vec<u8>, tag: Option<MailTag>) {
        let mut it = item(&self.0.mem, "no-reply@praktijk.test", &[(to, T::Tls)], &raw);
        it.tag = tag;
        self.0.queued.lock().unwrap().push(it.envelope.id.clone());
        self.0.queue.get().unwrap().enqueue(it);
    }
}

impl Outbox for Out {
    fn send<'a>(
        &'a self,
        _: &'a str,
        to: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<(), String>> {
        self.queue(to, raw, None);
        Box::pin(async { Ok(()) })
    }
    fn send_tagged<'a>(
        &'a self,
        _: &'a str,
        to: &'a str,
        raw: Vec<u8>,
        tag: MailTag,
    ) -> BoxFuture<'a, Result<(), String>> {
        self.queue(to, raw, Some(tag));
        Box::pin(async { Ok(()) })
    }
    fn cancel<'a>(&'a self, pickup: &'a str, reason: &'a str) -> BoxFuture<'a, usize> {
        Box::pin(async move { self.0.queue.get().unwrap().cancel(pickup, reason).await })
    }
}

impl ReplySink for Out {
    fn reply<'a>(
        &'a self,
        _: &'a str,
        _: &'a str,
        _: &'a str,
        _: Vec<u8>,
    ) -> BoxFuture<'a, Result<String, String>> {
        Box::pin(async { Err("no replies here".to_string()) })
    }
}

struct Rig {
    _dir: tempfile::TempDir,
    config: Arc<Config>,
    glue: Arc<Glue>,
    out: Arc<Out>,
    pickup: Arc<Pickup>,
    queue: QueueHandle,
    route: Arc<Refusing>,
    events: Arc<Mutex<Vec<AuditEvent>>>,
}

async fn rig() -> Rig {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::default();
    config.delivery.retry_initial_secs = 1;
    config.delivery.retry_max_secs = 1;
    config.store.url = format!("sqlite://{}", dir.path().join("sluis.db").display());
    let p = &mut config.pickup;
    p.base_url = "https://pickup.test".into();
    p.blob_dir = dir.path().join("blobs");
    p.server_key_file = dir.path().join("pickup.key");
    p.dkim_dir = dir.path().join("dkim");
    p.notify_from = "no-reply@praktijk.test".into();
    let config = Arc::new(config);
    let store = sluis::server::open_store(&config.store.url, 2)
        .await
        .unwrap();
    let (audit, mut rx) = Audit::channel();
    let events = Arc::new(Mutex::new(vec![]));
    let sink = events.clone();
    tokio::spawn(async move {
        while let Some(e) = rx.recv().await {
            sink.lock().unwrap().push(e);
        }
    });
    let glue = Arc::new(Glue::default());
    let out = Arc::new(Out(glue.clone()));
    let sms = sluis::pickup::sms::from_config(&config.pickup);
    let pickup = Arc::new(
        Pickup::new(
            config.clone(),
            store,
            audit.clone(),
            sms,
            out.clone(),
            out.clone(),
        )
        .unwrap(),
    );
    let _ = glue.pickup.set(pickup.clone());
    let route = Arc::new(Refusing::default());
    let queue = Queue::start_with_route(config.clone(), glue.clone(), audit, route.clone());
    let _ = glue.queue.set(queue.clone());
    Rig {
        _dir: dir,
        config,
        glue,
        out,
        pickup,
        queue,
        route,
        events,
    }
}

impl Rig {
    /// Park a message for `to` (no phone: codes go by mail) and queue its
    /// notification tagged, as the pipeline's hand-off does.
    async fn park(&self, msg: &str, to: &str) -> (String, MessageId) {
        let raw = b"From: dokter@praktijk.test\r\nSubject: Uitslag\r\n\r\nBSN 111222333\r\n";
        let parked = self
            .pickup
            .park(
                "default",
                &MessageId(msg.into()),
                "dokter@praktijk.test",
                to,
                raw,
                None,
            )
            .await
            .unwrap();
        let tag = MailTag::PickupNotification {
            pickup: parked.pickup_id.clone(),
        };
        self.out.queue(to, parked.notification, Some(tag));
        let id = self.glue.queued.lock().unwrap().last().cloned().unwrap();
        (parked.pickup_id, id)
    }

    /// An unrelated mail (no tag), queued the same way.
    fn unrelated(&self) -> MessageId {
        self.out.queue(
            "leverancier@example.test",
            b"Subject: bestelling\r\n\r\nx\r\n".to_vec(),
            None,
        );
        self.glue.queued.lock().unwrap().last().cloned().unwrap()
    }

    fn latest(&self, id: &MessageId) -> Option<RcptStatus> {
        self.glue.mem.latest(&id.0, 0).map(|r| r.status)
    }

    async fn deferred(&self, id: &MessageId) -> bool {
        wait_until(Duration::from_secs(5), || {
            matches!(self.latest(id), Some(RcptStatus::TemporaryFailure { .. }))
        })
        .await
    }

    async fn held(&self, id: &MessageId) -> bool {
        self.queue.held().await.iter().any(|(h, _)| h == id)
    }

    fn events(&self, kind: &str) -> Vec<AuditEvent> {
        let all = self.events.lock().unwrap();
        all.iter().filter(|e| e.kind == kind).cloned().collect()
    }
}

/// The cancelled mail is final, gone from the queue, audited once with
/// the pickup id (and nothing of the link), and never tried again; no DSN.
async fn assert_cancelled(rig: &Rig, pickup: &str, id: &MessageId, reason: &str, link: &str) {
    assert_eq!(
        rig.latest(id),
        Some(RcptStatus::Cancelled {
            reason: reason.into()
        })
    );
    assert!(!rig.held(id).await, "the queue still holds {id:?}");
    let ev = rig.events("notification-cancelled");
    let ev: Vec<_> = ev
        .iter()
        .filter(|e| e.message_id.as_deref() == Some(&id.0))
        .collect();
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].detail["pickup"], pickup);
    assert_eq!(ev[0].detail["reason"], reason);
    let secret = link.rsplit('/').next().unwrap();
    assert!(!serde_json::to_string(ev[0]).unwrap().contains(secret));
    let tries = rig.route.tries(id);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(rig.route.tries(id), tries, "tried again after the cancel");
    assert!(rig.glue.mem.injected().is_empty(), "a DSN went out");
}

#[tokio::test]
async fn revoke_cancels_the_deferred_notification_and_code_mail_but_not_other_mail() {
    let rig = rig().await;
    let (pickup, note) = rig.park("m-revoke", "patient@example.test").await;
    let other = rig.unrelated();
    // A second link, for someone else: its notification stays too.
    let (_, note2) = rig.park("m-keep", "ander@example.test").await;
    // The recipient asks for a code by mail; that mail is deferred too.
    let link = link_of(&rig, &note);
    let secret = sluis::pickup::crypto::Secret::parse(link.rsplit('/').next().unwrap()).unwrap();
    let client = sluis::pickup::Client {
        ip: "127.0.0.1".parse().unwrap(),
        user_agent: "test".into(),
    };
    rig.pickup.request_code(&secret, &client).await.unwrap();
    let code_mail = rig.glue.queued.lock().unwrap().last().cloned().unwrap();
    for id in [&note, &other, &note2, &code_mail] {
        assert!(rig.deferred(id).await, "{id:?} not deferred");
    }

    assert!(rig.pickup.revoke(&pickup, "sender").await.unwrap());

    assert_cancelled(&rig, &pickup, &note, "revoked", &link).await;
    assert_eq!(
        rig.latest(&code_mail),
        Some(RcptStatus::Cancelled {
            reason: "revoked".into()
        })
    );
    assert!(!rig.held(&code_mail).await);
    let code_ev = rig.events("code-cancelled");
    assert_eq!(code_ev.len(), 1, "{code_ev:?}");
    assert_eq!(code_ev[0].detail["pickup"], pickup.as_str());
    // The revoke itself is audited before the cancels, with the same id.
    assert_eq!(rig.events("revoked")[0].detail["pickup"], pickup.as_str());
    // Unrelated mail and the other link's notification are still queued
    // and still tried.
    for id in [&other, &note2] {
        assert!(rig.held(id).await || rig.route.tries(id) > 1);
        assert!(matches!(
            rig.latest(id),
            Some(RcptStatus::TemporaryFailure { .. })
        ));
        assert!(rig.route.tries(id) >= 2, "{id:?} no longer tried");
    }
}

#[tokio::test]
async fn expiry_cancels_the_deferred_notification() {
    let rig = rig().await;
    let (pickup, note) = rig.park("m-expire", "patient@example.test").await;
    let other = rig.unrelated();
    let link = link_of(&rig, &note);
    assert!(rig.deferred(&note).await && rig.deferred(&other).await);

    let later = sluis::now_ms() + 31 * 86_400_000;
    assert_eq!(rig.pickup.sweep(later).await.unwrap(), 1);

    assert_cancelled(&rig, &pickup, &note, "expired", &link).await;
    assert!(matches!(
        rig.latest(&other),
        Some(RcptStatus::TemporaryFailure { .. })
    ));
}

#[tokio::test]
async fn a_revoke_by_another_process_cancels_at_the_next_attempt() {
    let rig = rig().await;
    let (pickup, note) = rig.park("m-cli", "patient@example.test").await;
    let link = link_of(&rig, &note);
    assert!(rig.deferred(&note).await);
    // `sluis pickup revoke` runs in its own process: no queue to push to.
    let admin = sluis::pickup::cli::admin(
        rig.config.clone(),
        rig.pickup.store().clone(),
        Audit::disabled(),
    )
    .unwrap();
    let r = sluis::pickup::cli::revoke(&admin, "m-cli", "operator").await;
    assert_eq!(r.unwrap().now, 1);
    assert!(
        wait_until(Duration::from_secs(5), || matches!(
            rig.latest(&note),
            Some(RcptStatus::Cancelled { .. })
        ))
        .await
    );
    assert_cancelled(&rig, &pickup, &note, "revoked", &link).await;
}

#[tokio::test]
async fn a_mail_queued_just_after_the_cancel_is_cancelled_on_arrival() {
    let rig = rig().await;
    assert_eq!(rig.queue.cancel("p-late", "revoked").await, 0);
    let tag = MailTag::PickupCode {
        pickup: "p-late".into(),
    };
    rig.out.queue(
        "patient@example.test",
        b"Subject: code\r\n\r\n1\r\n".to_vec(),
        Some(tag),
    );
    let id = rig.glue.queued.lock().unwrap().last().cloned().unwrap();
    assert!(
        wait_until(Duration::from_secs(5), || matches!(
            rig.latest(&id),
            Some(RcptStatus::Cancelled { .. })
        ))
        .await
    );
    assert_eq!(rig.route.tries(&id), 0);
    assert_eq!(rig.events("code-cancelled").len(), 1);
}

/// The link in a queued notification (read back only to check that the
/// audit never holds its secret).
fn link_of(rig: &Rig, note: &MessageId) -> String {
    let body = rig.glue.mem.bodies.lock().unwrap()[&note.0].clone();
    let m = mail_parser::MessageParser::default().parse(&body).unwrap();
    let text = m.body_text(0).unwrap().into_owned();
    text.split_whitespace()
        .find(|w| w.starts_with("https://pickup.test/p/"))
        .unwrap()
        .to_string()
}
