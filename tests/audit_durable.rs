//! The audit trail cannot lose an event: with the real binary (through
//! `scripts/bench-relay`), the SQLite store is locked by another process
//! (python3's sqlite3, `BEGIN EXCLUSIVE`) while mail is accepted, and Sluis
//! is killed with SIGKILL right after "250". Afterwards every accepted
//! message has its `accepted` and `decided` events in the store.

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::*;

fn start_relay(data: &Path, port: u16, sink_port: u16) -> Proc {
    let relay = Command::new(repo_root().join("scripts/bench-relay"))
        .env("BENCH_LISTEN", format!("127.0.0.1:{port}"))
        .env("BENCH_SINK", format!("127.0.0.1:{sink_port}"))
        .env("BENCH_WORKDIR", data)
        .env("SLUIS_BIN", env!("CARGO_BIN_EXE_sluis"))
        .stdout(Stdio::null())
        .spawn()
        .expect("scripts/bench-relay");
    let proc = Proc(relay);
    assert!(
        wait_for_greeting(port, Duration::from_secs(60)),
        "bench-relay did not start"
    );
    proc
}

/// Another process holds SQLite's write lock for `secs` seconds.
fn lock_store(db: &Path, secs: u64) -> Child {
    let script = "import sqlite3, sys, time\n\
                  c = sqlite3.connect(sys.argv[1], isolation_level=None)\n\
                  c.execute('BEGIN EXCLUSIVE')\n\
                  print('locked', flush=True)\n\
                  time.sleep(float(sys.argv[2]))\n\
                  c.execute('ROLLBACK')\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .arg(db)
        .arg(secs.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "locked");
    child
}

fn sql(db: &Path, query: &str) -> String {
    sqlite(db, query)
}

/// The Sluis id in a "250 ... id X" reply.
fn id_of(reply: &str) -> String {
    assert!(reply.starts_with("250"), "{reply}");
    let at = reply.find("id ").expect("an id in the reply") + 3;
    reply[at..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

/// Wait until message `id` has its `accepted` and `decided` events.
fn wait_for_events(db: &Path, id: &str, timeout: Duration) {
    let query = format!(
        "SELECT group_concat(kind) FROM (SELECT DISTINCT kind FROM audit_events \
         WHERE message_id = '{id}' AND kind IN ('accepted', 'decided') ORDER BY kind)"
    );
    let start = Instant::now();
    loop {
        if sql(db, &query) == "accepted,decided" {
            return;
        }
        assert!(
            start.elapsed() < timeout,
            "message {id}: accepted/decided events missing"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn mail(n: usize) -> String {
    format!("From: dokter@praktijk.test\r\nTo: collega@example.test\r\nSubject: Overleg {n}\r\n\r\nTot dinsdag.\r\n")
}

struct Setup {
    _work: tempfile::TempDir,
    data: PathBuf,
    port: u16,
    sink: Sink,
}

fn setup() -> Setup {
    let work = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let sink = Sink::start(sink_port, &work.path().join("sink"), &[]);
    let data = work.path().join("relay");
    Setup {
        _work: work,
        data,
        port,
        sink,
    }
}

#[test]
fn events_reach_a_store_locked_for_30_seconds() {
    let s = setup();
    let relay = start_relay(&s.data, s.port, s.sink.port);
    let db = s.data.join("sluis.db");
    let mut lock = lock_store(&db, 30);
    let ids: Vec<String> = (0..3)
        .map(|n| {
            id_of(&Smtp::connect(s.port).send(
                "dokter@praktijk.test",
                &["collega@example.test"],
                mail(n).as_bytes(),
            ))
        })
        .collect();
    // Delivery does not wait for the audit store.
    s.sink.wait_for(3, Duration::from_secs(20));
    let _ = lock.wait();
    for id in &ids {
        wait_for_events(&db, id, Duration::from_secs(30));
    }
    relay.terminate();
}

#[test]
fn kill9_right_after_250_with_the_store_locked_keeps_the_events() {
    let s = setup();
    let relay = start_relay(&s.data, s.port, s.sink.port);
    let db = s.data.join("sluis.db");
    let mut lock = lock_store(&db, 8);
    let id = id_of(&Smtp::connect(s.port).send(
        "dokter@praktijk.test",
        &["collega@example.test"],
        mail(1).as_bytes(),
    ));
    relay.kill9();
    let _ = lock.wait();
    // Nothing of it reached the store before the crash.
    assert_eq!(
        sql(
            &db,
            &format!("SELECT count(*) FROM audit_events WHERE message_id = '{id}'")
        ),
        "0"
    );
    let relay = start_relay(&s.data, s.port, s.sink.port);
    wait_for_events(&db, &id, Duration::from_secs(30));
    relay.terminate();

    // The chain over all of it is intact...
    let verify = || {
        Command::new(env!("CARGO_BIN_EXE_sluis"))
            .arg("--config")
            .arg(s.data.join("sluis.toml"))
            .args(["audit", "verify"])
            .output()
            .expect("sluis audit verify")
    };
    let out = verify();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{text}");
    assert!(text.contains("chain intact"), "{text}");
    // ...until someone edits a row with sqlite3 (past the trigger).
    let victim = sql(
        &db,
        &format!("SELECT id FROM audit_events WHERE message_id = '{id}' AND kind = 'accepted'"),
    );
    sql(
        &db,
        &format!(
            "DROP TRIGGER audit_events_no_update; \
             UPDATE audit_events SET ip = '192.0.2.66' WHERE id = '{victim}'"
        ),
    );
    let out = verify();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(&victim) && text.contains("altered"), "{text}");
}

#[test]
fn a_store_too_far_behind_stops_intake_with_451_then_recovers() {
    let s = setup();
    std::fs::create_dir_all(&s.data).unwrap();
    let config = write_relay_config(
        &s.data,
        s.port,
        s.sink.port,
        "[audit]\nmax_backlog_events = 3\n",
    );
    let sluis = start_sluis(&config, s.port);
    let db = s.data.join("sluis.db");
    let mut lock = lock_store(&db, 10);
    let send = |n| {
        Smtp::connect(s.port).send(
            "dokter@praktijk.test",
            &["collega@example.test"],
            mail(n).as_bytes(),
        )
    };
    let first = send(1);
    assert!(first.starts_with("250"), "{first}");
    // accepted + decided + queued + delivered wait for the store now.
    s.sink.wait_for(1, Duration::from_secs(20));
    let refused = send(2);
    assert!(refused.starts_with("451"), "{refused}");
    let dutch = refused.find("Tijdelijke fout").expect("Dutch text");
    let english = refused.find("Temporary").expect("English text");
    assert!(dutch < english, "Dutch first: {refused}");
    let _ = lock.wait();
    wait_for_events(&db, &id_of(&first), Duration::from_secs(30));
    let start = Instant::now();
    loop {
        let again = send(3);
        if again.starts_with("250") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "{again}");
        std::thread::sleep(Duration::from_millis(300));
    }
    sluis.terminate();
}
