//! Through the real binary (`scripts/bench-relay`): a sensitive mail is
//! parked, the relay host answers 450 for the recipient so the pickup
//! notification waits deferred in the queue, then `sluis pickup revoke`
//! (another process) closes the link. At its next retry the server's
//! queue cancels the notification (tag from the spool record, link state
//! from the store): audited as `notification-cancelled` with the pickup
//! id, no DSN, never delivered, and nothing left in the spool.

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::*;

fn sql(db: &std::path::Path, query: &str) -> String {
    sqlite(db, query)
}

fn wait_sql(db: &std::path::Path, query: &str, want: &str, limit: Duration) {
    let start = Instant::now();
    loop {
        let got = sql(db, query);
        if got == want {
            return;
        }
        assert!(start.elapsed() < limit, "{query} gave {got}, never {want}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_deferred_notification_is_cancelled_after_a_revoke_from_the_cli() {
    let work = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let patient = "patient@example.test";
    let sink = Sink::start_with(sink_port, &work.path().join("sink"), &[], &[patient]);
    let data = work.path().join("relay");
    let relay = Command::new(repo_root().join("scripts/bench-relay"))
        .env("BENCH_LISTEN", format!("127.0.0.1:{port}"))
        .env("BENCH_SINK", format!("127.0.0.1:{sink_port}"))
        .env("BENCH_WORKDIR", &data)
        .env("SLUIS_BIN", env!("CARGO_BIN_EXE_sluis"))
        .stdout(Stdio::null())
        .spawn()
        .expect("scripts/bench-relay");
    let relay = Proc(relay);
    assert!(wait_for_greeting(port, Duration::from_secs(60)));
    let db = data.join("sluis.db");

    let mail = format!(
        "From: dokter@praktijk.test\r\nTo: {patient}\r\nSubject: Uitslag\r\n\
         Message-ID: <uitslag-9@praktijk.test>\r\n\r\nBSN 111222333. Uw HbA1c is 64 mmol/mol.\r\n"
    );
    let reply = Smtp::connect(port).send("dokter@praktijk.test", &[patient], mail.as_bytes());
    assert!(reply.starts_with("250"), "{reply}");
    // The notification to the patient is refused (450) and waits.
    let deferred = format!(
        "SELECT count(*) > 0 FROM audit_events WHERE kind = 'deferred' AND recipient = '{patient}'"
    );
    wait_sql(&db, &deferred, "1", Duration::from_secs(30));
    let pickup = sql(&db, "SELECT id FROM pickups");
    let message_id = sql(&db, "SELECT message_id FROM pickups");

    let out = Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("--config")
        .arg(data.join("sluis.toml"))
        .args(["pickup", "revoke", &message_id])
        .output()
        .expect("sluis pickup revoke");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let cancelled = "SELECT count(*) FROM audit_events WHERE kind = 'notification-cancelled'";
    wait_sql(&db, cancelled, "1", Duration::from_secs(40));
    let detail = sql(
        &db,
        "SELECT detail FROM audit_events WHERE kind = 'notification-cancelled'",
    );
    let detail: serde_json::Value = serde_json::from_str(&detail).unwrap();
    assert_eq!(detail["pickup"], pickup.as_str());
    assert_eq!(detail["reason"], "revoked");
    let recipient = sql(
        &db,
        "SELECT recipient FROM audit_events WHERE kind = 'notification-cancelled'",
    );
    assert_eq!(recipient, patient);

    // Never delivered, no DSN to anyone, and after a clean stop nothing
    // is left to resume.
    std::thread::sleep(Duration::from_secs(2));
    relay.terminate();
    let to_patient = sink
        .messages()
        .iter()
        .filter(|(m, _)| m["rcpt_tos"][0] == patient)
        .count();
    assert_eq!(to_patient, 0);
    let bounced = sql(
        &db,
        "SELECT count(*) FROM audit_events WHERE kind = 'bounced'",
    );
    assert_eq!(bounced, "0");
    let delivered_to_patient = format!(
        "SELECT count(*) FROM audit_events WHERE kind = 'delivered' AND recipient = '{patient}'"
    );
    assert_eq!(sql(&db, &delivered_to_patient), "0");
}
