//! Unit tests of the pickup service on a real SQLite store in a temp dir.

use super::*;
use crate::pickup::access::ip_key;
use crate::pickup::db::CodeCheck;
use crate::pickup::sms::SmsError;
use crate::pickup::BoxFuture;
use crate::store::scratch::PgScratch;
use crate::types::MailTag;
use std::sync::Mutex;

#[derive(Default)]
struct Rec {
    sms: Mutex<Vec<(String, String)>>,
    mails: Mutex<Vec<(String, Vec<u8>)>>,
    /// Tags of tagged mails; (pickup, reason) of each cancel.
    tags: Mutex<Vec<MailTag>>,
    cancels: Mutex<Vec<(String, String)>>,
}

struct RecSms(Arc<Rec>);
impl SmsSender for RecSms {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> BoxFuture<'a, Result<(), SmsError>> {
        self.0.sms.lock().unwrap().push((to.into(), text.into()));
        Box::pin(async { Ok(()) })
    }
}
struct RecOut(Arc<Rec>);
impl Outbox for RecOut {
    fn send<'a>(
        &'a self,
        _: &'a str,
        to: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<(), String>> {
        self.0.mails.lock().unwrap().push((to.into(), raw));
        Box::pin(async { Ok(()) })
    }
    fn send_tagged<'a>(
        &'a self,
        t: &'a str,
        to: &'a str,
        raw: Vec<u8>,
        tag: MailTag,
    ) -> BoxFuture<'a, Result<(), String>> {
        self.0.tags.lock().unwrap().push(tag);
        self.send(t, to, raw)
    }
    fn cancel<'a>(&'a self, pickup: &'a str, reason: &'a str) -> BoxFuture<'a, usize> {
        let c = (pickup.to_string(), reason.to_string());
        self.0.cancels.lock().unwrap().push(c);
        Box::pin(async { 1 })
    }
}
impl ReplySink for RecOut {
    fn reply<'a>(
        &'a self,
        _: &'a str,
        _: &'a str,
        to: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<String, String>> {
        self.0.mails.lock().unwrap().push((to.into(), raw));
        Box::pin(async { Ok("reply-1".to_string()) })
    }
}

struct Rig {
    _dir: tempfile::TempDir,
    p: Pickup,
    rec: Arc<Rec>,
}

impl Rig {
    /// Request a code for `secret` (it must go out) and return it.
    async fn code(&self, secret: &Secret) -> String {
        self.p.request_code(secret, &client()).await.unwrap();
        last_code(&self.rec)
    }

    /// Request a code and enter it: the session token and the pickup id.
    async fn log_in(&self, secret: &Secret) -> (Secret, String) {
        let code = self.code(secret).await;
        self.p.verify_code(secret, &code, &client()).await.unwrap()
    }
}

async fn rig(tweak: impl FnOnce(&mut Config)) -> Rig {
    rig_on(None, tweak).await
}

/// A rig on SQLite (`url` None) or on the given database URL.
async fn rig_on(url: Option<String>, tweak: impl FnOnce(&mut Config)) -> Rig {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::default();
    config.pickup.blob_dir = dir.path().join("blobs");
    config.pickup.server_key_file = dir.path().join("server.key");
    config.pickup.dkim_dir = dir.path().join("dkim");
    tweak(&mut config);
    let url = url.unwrap_or_else(|| format!("sqlite://{}", dir.path().join("s.db").display()));
    let store = crate::server::open_store(&url, 2).await.unwrap();
    let rec = Arc::new(Rec::default());
    let p = Pickup::new(
        Arc::new(config),
        store,
        Audit::disabled(),
        Arc::new(RecSms(rec.clone())),
        Arc::new(RecOut(rec.clone())),
        Arc::new(RecOut(rec.clone())),
    )
    .unwrap();
    Rig { _dir: dir, p, rec }
}

const MSG: &[u8] = b"From: dokter@praktijk.nl\r\nTo: p@example.nl\r\nSubject: Uitslag\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\
Content-Type: text/plain\r\n\r\nUw HbA1c is 53\r\n--b\r\nContent-Type: application/pdf\r\n\
Content-Disposition: attachment; filename=a.pdf\r\n\r\nPDFDATA\r\n--b--\r\n";

fn client() -> Client {
    Client {
        ip: "127.0.0.1".parse().unwrap(),
        user_agent: "test".into(),
    }
}

fn secret_of(parked: &Parked) -> Secret {
    Secret::parse(parked.link_url.rsplit('/').next().unwrap()).unwrap()
}

fn last_code(rec: &Rec) -> String {
    let sms = rec.sms.lock().unwrap();
    sms.last()
        .unwrap()
        .1
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect()
}

async fn park(r: &Rig, id: &str) -> (Parked, Secret) {
    let parked =
        r.p.park(
            "default",
            &MessageId(id.into()),
            "dokter@praktijk.nl",
            "p@example.nl",
            MSG,
            Some("+31612345678".into()),
        )
        .await
        .unwrap();
    let s = secret_of(&parked);
    (parked, s)
}

#[tokio::test]
async fn park_open_round_trip_and_store_holds_no_secret_or_content() {
    let r = rig(|_| {}).await;
    let (parked, secret) = park(&r, "m1").await;
    assert_eq!(parked.pickup_id, secret.id());
    assert!(parked.sender_confirmation.is_some());
    let code = r.code(&secret).await;
    let (token, pid) = r.p.verify_code(&secret, &code, &client()).await.unwrap();
    let opened = r.p.session(&token, &pid).await.unwrap();
    assert_eq!(r.p.message(&opened).await.unwrap(), MSG);
    // The blob on disk is ciphertext, and the secret is nowhere in the db file.
    let blob = std::fs::read(r.p.cfg().blob_dir.join(format!("{pid}.age"))).unwrap();
    let view = std::fs::read(r.p.cfg().blob_dir.join(format!("{pid}.view.age"))).unwrap();
    assert!(!view.windows(5).any(|w| w == b"HbA1c"));
    assert_eq!(r.p.view(&opened).await.unwrap().attachments.len(), 1);
    assert!(!blob.windows(5).any(|w| w == b"HbA1c"));
    let db = std::fs::read(r._dir.path().join("s.db")).unwrap();
    let text = String::from_utf8_lossy(&db);
    assert!(!text.contains(&secret.encode()));
    assert!(!text.contains("HbA1c"));
}

#[tokio::test]
async fn five_wrong_codes_kill_the_code_and_a_used_code_cannot_be_replayed() {
    let r = rig(|_| {}).await;
    let (_, secret) = park(&r, "m2").await;
    let code = r.code(&secret).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    // Each wrong try says how many are left for this code: 4, 3, 2, 1, 0.
    for expect_left in (0..5u32).rev() {
        match r.p.verify_code(&secret, wrong, &client()).await {
            Err(PickupError::WrongCode { left }) => assert_eq!(left, expect_left),
            other => panic!("expected a wrong code, got {:?}", other.err()),
        }
    }
    assert!(matches!(
        r.p.verify_code(&secret, &code, &client()).await,
        Err(PickupError::NoCode)
    ));
    let code = r.code(&secret).await;
    r.p.verify_code(&secret, &code, &client()).await.unwrap();
    assert!(matches!(
        r.p.verify_code(&secret, &code, &client()).await,
        Err(PickupError::NoCode)
    ));
}

#[tokio::test]
async fn code_requests_are_rate_limited_per_link() {
    let r = rig(|c| c.pickup.max_codes_per_link = 2).await;
    let (_, secret) = park(&r, "m3").await;
    r.p.request_code(&secret, &client()).await.unwrap();
    r.p.request_code(&secret, &client()).await.unwrap();
    assert!(matches!(
        r.p.request_code(&secret, &client()).await,
        Err(PickupError::RateLimited)
    ));
    assert_eq!(r.rec.sms.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn expired_code_is_refused() {
    let r = rig(|c| c.pickup.code_ttl_secs = 1).await;
    let (_, secret) = park(&r, "m4").await;
    let code = r.code(&secret).await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(matches!(
        r.p.verify_code(&secret, &code, &client()).await,
        Err(PickupError::NoCode)
    ));
}

#[tokio::test]
async fn sessions_expire_when_idle_and_are_bound_to_one_pickup() {
    let r = rig(|c| c.pickup.session_idle_secs = 1).await;
    let (_, s1) = park(&r, "m5").await;
    let (p2, _) = park(&r, "m6").await;
    let (token, pid) = r.log_in(&s1).await;
    assert!(matches!(
        r.p.session(&token, &p2.pickup_id).await,
        Err(PickupError::Forbidden)
    ));
    assert!(r.p.session(&token, &pid).await.is_ok());
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(matches!(
        r.p.session(&token, &pid).await,
        Err(PickupError::NoSession)
    ));
}

#[tokio::test]
async fn revoke_and_expiry_shred_the_ciphertext() {
    let r = rig(|_| {}).await;
    let (p1, s1) = park(&r, "m7").await;
    let (p2, s2) = park(&r, "m8").await;
    let f1 = r.p.cfg().blob_dir.join(format!("{}.age", p1.pickup_id));
    let v1 =
        r.p.cfg()
            .blob_dir
            .join(format!("{}.view.age", p1.pickup_id));
    assert!(f1.exists() && v1.exists());
    assert_eq!(r.p.revoke_message("m7", "cli").await.unwrap(), 1);
    assert!(!f1.exists() && !v1.exists());
    assert!(matches!(r.p.by_secret(&s1).await, Err(PickupError::Gone)));
    assert_eq!(
        r.p.sweep(crate::now_ms() + 31 * 86_400_000).await.unwrap(),
        1
    );
    assert!(!r
        .p
        .cfg()
        .blob_dir
        .join(format!("{}.age", p2.pickup_id))
        .exists());
    assert!(matches!(
        r.p.request_code(&s2, &client()).await,
        Err(PickupError::Gone)
    ));
    // Each close cancelled the link's queued mails once, by pickup id.
    let cancels = r.rec.cancels.lock().unwrap().clone();
    let want = [(&p1.pickup_id, "revoked"), (&p2.pickup_id, "expired")];
    let want: Vec<_> = want.map(|(p, w)| (p.clone(), w.to_string())).into();
    assert_eq!(cancels, want);
    assert_eq!(
        r.p.closed_reason(&p1.pickup_id).await.as_deref(),
        Some("revoked")
    );
    assert_eq!(
        r.p.closed_reason("no-such").await.as_deref(),
        Some("unknown")
    );
}

#[tokio::test]
async fn database_blobs_work_and_codes_go_by_mail_without_phone() {
    let r = rig(|c| c.pickup.blob_storage = crate::config::BlobStorage::Database).await;
    let parked =
        r.p.park(
            "default",
            &MessageId("m9".into()),
            "d@p.nl",
            "nophone@example.nl",
            MSG,
            None,
        )
        .await
        .unwrap();
    let secret = secret_of(&parked);
    assert_eq!(
        r.p.request_code(&secret, &client()).await.unwrap(),
        CodeChannel::Email
    );
    let (to, raw) = r.rec.mails.lock().unwrap().last().cloned().unwrap();
    assert_eq!(to, "nophone@example.nl");
    let tag = MailTag::PickupCode {
        pickup: parked.pickup_id.clone(),
    };
    assert_eq!(r.rec.tags.lock().unwrap().clone(), vec![tag]);
    assert_eq!(r.p.closed_reason(&parked.pickup_id).await, None);
    let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let body = m.body_text(0).unwrap().into_owned();
    let code: String = body.split(": ").nth(1).unwrap().chars().take(6).collect();
    let (token, pid) = r.p.verify_code(&secret, &code, &client()).await.unwrap();
    let opened = r.p.session(&token, &pid).await.unwrap();
    assert_eq!(r.p.message(&opened).await.unwrap(), MSG);
    assert!(!r.p.cfg().blob_dir.exists());
}

#[test]
fn ipv6_clients_are_limited_per_64() {
    let a = ip_key("2001:db8:1:2:aaaa::1".parse().unwrap());
    let b = ip_key("2001:db8:1:2:bbbb::9".parse().unwrap());
    assert_eq!(a, b);
    assert_ne!(a, ip_key("2001:db8:1:3::1".parse().unwrap()));
    assert_eq!(ip_key("192.0.2.7".parse().unwrap()), "ip:192.0.2.7");
}

/// The same story on PostgreSQL (CI has it at 127.0.0.1:5432; set
/// `SLUIS_TEST_POSTGRES=skip` to skip), blobs in the database.
#[tokio::test]
async fn story_on_postgres_with_database_blobs() {
    let Some(pg) = PgScratch::new("sluis_pickup").await else {
        return;
    };
    let r = rig_on(Some(pg.url.clone()), |c| {
        assert!(
            c.store.url.starts_with("sqlite"),
            "default config untouched"
        );
        c.pickup.blob_storage = crate::config::BlobStorage::Database;
        c.pickup.max_codes_per_link = 3;
    })
    .await;
    let (_, secret) = park(&r, "pg1").await;
    r.p.request_code(&secret, &client()).await.unwrap();
    let wrong = if last_code(&r.rec) == "000000" {
        "111111"
    } else {
        "000000"
    };
    assert!(matches!(
        r.p.verify_code(&secret, wrong, &client()).await,
        Err(PickupError::WrongCode { .. })
    ));
    let (token, pid) = r.log_in(&secret).await;
    assert_eq!(r.p.store().backend(), crate::store::Backend::Postgres);
    let opened = r.p.session(&token, &pid).await.unwrap();
    assert_eq!(r.p.message(&opened).await.unwrap(), MSG);
    assert_eq!(r.p.view(&opened).await.unwrap().subject, "Uitslag");
    r.p.request_code(&secret, &client()).await.unwrap();
    assert!(matches!(
        r.p.request_code(&secret, &client()).await,
        Err(PickupError::RateLimited)
    ));
    assert_eq!(r.p.revoke_message("pg1", "test").await.unwrap(), 1);
    assert!(matches!(
        r.p.session(&token, &pid).await,
        Err(PickupError::NoSession)
    ));
    let left: i64 = sqlx::Row::try_get(
        &sqlx::query("SELECT COUNT(*) FROM pickup_blobs")
            .fetch_one(r.p.store().pool())
            .await
            .unwrap(),
        0,
    )
    .unwrap();
    assert_eq!(left, 0);
    pg.drop_schema().await;
}

#[tokio::test]
async fn code_requests_are_limited_per_address_across_links() {
    let r = rig(|c| c.pickup.max_codes_per_address = 2).await;
    let (_, s1) = park(&r, "a1").await;
    let (_, s2) = park(&r, "a2").await;
    r.p.request_code(&s1, &client()).await.unwrap();
    r.p.request_code(&s2, &client()).await.unwrap();
    assert!(matches!(
        r.p.request_code(&s1, &client()).await,
        Err(PickupError::RateLimited)
    ));
}

#[tokio::test]
async fn imported_contacts_give_the_phone_for_codes() {
    let r = rig(|_| {}).await;
    let csv = r._dir.path().join("contacts.csv");
    std::fs::write(&csv, "address,phone\nP@Example.nl, +31 6 9876 5432\n").unwrap();
    let n = crate::pickup::cli::import_contacts(r.p.store(), "default", &csv)
        .await
        .unwrap();
    assert_eq!(n, 1);
    let parked =
        r.p.park(
            "default",
            &MessageId("c1".into()),
            "d@p.nl",
            "p@example.nl",
            MSG,
            None,
        )
        .await
        .unwrap();
    let channel =
        r.p.request_code(&secret_of(&parked), &client())
            .await
            .unwrap();
    assert_eq!(channel, CodeChannel::Sms("*********432".into()));
    assert_eq!(r.rec.sms.lock().unwrap().last().unwrap().0, "+31698765432");
    std::fs::write(&csv, "p@example.nl,not-a-number\n").unwrap();
    let err = crate::pickup::cli::import_contacts(r.p.store(), "default", &csv)
        .await
        .unwrap_err();
    assert!(err.to_string().contains(":1:"), "{err}");
}

#[test]
fn the_pickup_section_parses_and_rejects_unknown_keys() {
    let c: Config = toml::from_str("[pickup]\nexpiry_days = 7\nsms_mode = \"http\"\n").unwrap();
    assert_eq!(c.pickup.expiry_days, 7);
    c.validate().unwrap();
    assert!(toml::from_str::<Config>("[pickup]\nexpiry_dayz = 7\n").is_err());
    let c: Config = toml::from_str("[pickup]\ncode_digits = 4\n").unwrap();
    assert!(c.validate().is_err());
}

/// Only the lifetime cap limits code requests in these tests.
fn only_the_lifetime_cap(c: &mut Config) {
    c.pickup.max_codes_per_link = 1000;
    c.pickup.max_codes_per_address = 1000;
    c.pickup.max_requests_per_ip = 1000;
}

async fn lifetime_cap_story(r: &Rig) {
    let (_, secret) = park(r, "cap1").await;
    for _ in 0..10 {
        r.p.request_code(&secret, &client()).await.unwrap();
    }
    // The 11th code over the link's lifetime: refused, the link is locked
    // and the sender is told (Dutch first, then English).
    assert!(r.p.request_code(&secret, &client()).await.is_err());
    assert_eq!(r.rec.sms.lock().unwrap().len(), 10);
    let state: String = sqlx::Row::try_get(
        &sqlx::query("SELECT state FROM pickups")
            .fetch_one(r.p.store().pool())
            .await
            .unwrap(),
        0,
    )
    .unwrap();
    assert_eq!(state, "locked");
    assert!(
        r.p.by_secret(&secret).await.is_err(),
        "a locked link stays shut"
    );
    let mails = r.rec.mails.lock().unwrap();
    let (to, raw) = mails.last().expect("a mail to the sender");
    assert_eq!(to, "dokter@praktijk.nl");
    let m = mail_parser::MessageParser::default().parse(raw).unwrap();
    let body = m.body_text(0).unwrap();
    let (nl, en) = (
        body.find("geblokkeerd").unwrap(),
        body.find("locked").unwrap(),
    );
    assert!(nl < en, "{body}");
    assert!(
        !body.contains(&secret.encode()),
        "no link secret in the notice"
    );
}

#[tokio::test]
async fn a_link_is_locked_after_its_lifetime_code_cap_and_the_sender_is_told() {
    let r = rig(only_the_lifetime_cap).await;
    lifetime_cap_story(&r).await;
}

#[tokio::test]
async fn the_lifetime_code_cap_holds_on_postgres() {
    let Some(pg) = PgScratch::new("sluis_pickup").await else {
        return;
    };
    let r = rig_on(Some(pg.url.clone()), only_the_lifetime_cap).await;
    lifetime_cap_story(&r).await;
    pg.drop_schema().await;
}

/// A code entry racing a new code: a check must be counted against the
/// very code it was compared with. Before the fix, the attempt was counted
/// on the old code and the comparison made with the new one, so the new
/// code could be consumed with 0 attempts counted on it.
async fn check_and_request_race(r: &Rig) {
    let (parked, _) = park(r, "race1").await;
    let id = parked.pickup_id.clone();
    let store = r.p.store().clone();
    let max = 5;
    let mut uncounted = 0;
    for round in 0..150 {
        let (old, new) = (format!("old{round}"), format!("new{round}"));
        let now = crate::now_ms();
        db::put_code(&store, &id, &old, now, now + 60_000)
            .await
            .unwrap();
        sqlx::query("UPDATE pickup_codes SET attempts = $1 WHERE pickup_id = $2")
            .bind(i64::from(max) - 1)
            .bind(&id)
            .execute(store.pool())
            .await
            .unwrap();
        let (s1, s2, id1, id2, guess) = (
            store.clone(),
            store.clone(),
            id.clone(),
            id.clone(),
            new.clone(),
        );
        let check = tokio::spawn(async move { db::check_code(&s1, &id1, &guess, max, now).await });
        let request =
            tokio::spawn(async move { db::put_code(&s2, &id2, &new, now, now + 60_000).await });
        let outcome = check.await.unwrap().unwrap();
        request.await.unwrap().unwrap();
        if outcome == CodeCheck::Ok {
            let row =
                sqlx::query("SELECT attempts, code_hash FROM pickup_codes WHERE pickup_id = $1")
                    .bind(&id)
                    .fetch_one(store.pool())
                    .await
                    .unwrap();
            let attempts: i64 = sqlx::Row::try_get(&row, 0).unwrap();
            if attempts < 1 {
                uncounted += 1;
            }
        }
    }
    assert_eq!(
        uncounted, 0,
        "guesses compared with a code they were not counted on"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn code_checks_and_requests_are_serialised_per_link() {
    let r = rig(|_| {}).await;
    check_and_request_race(&r).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn code_checks_and_requests_are_serialised_per_link_on_postgres() {
    let Some(pg) = PgScratch::new("sluis_pickup").await else {
        return;
    };
    let r = rig_on(Some(pg.url.clone()), |_| {}).await;
    check_and_request_race(&r).await;
    pg.drop_schema().await;
}
