//! `sluis pickup list` and the audit commands as an operator meets them:
//! the real binary on a SQLite store filled with `sqlite3`; a table with
//! Amsterdam times, `--open` / `--expired`, `--json` one object per line,
//! never a pickup's derived id or phone number; an unknown message id is
//! said so (exit 1); and `sluis audit ... | head -1` / `sluis pickup list |
//! head -1` through a real pipe end without a panic. `sluis user list --json`
//! gives accounts without their password hash.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use support::*;

struct Store {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Store {
    /// A config and a migrated, empty store (the first command migrates it).
    fn new() -> Store {
        let dir = tempfile::tempdir().unwrap();
        let config = write_relay_config(dir.path(), free_port(), free_port(), "");
        let store = Store { dir, config };
        let out = store.sluis(&["pickup", "list"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("Geen ophaallinks / no pickup links"),
            "{}",
            text(&out.stderr)
        );
        store
    }

    fn sluis(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("sluis")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_sluis"));
        c.arg("--config")
            .arg(&self.config)
            .args(args)
            .current_dir(self.dir.path());
        c
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("sluis.db")
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn insert_pickup(db: &Path, id: &str, message: &str, state: &str, expires_ms: i64) {
    sqlite(
        db,
        &format!(
            "INSERT INTO pickups (id, tenant, message_id, sender, recipient, phone, created_ms, \
             expires_ms, state, opened_ms, blob_in_db) VALUES ('{id}', 'default', '{message}', \
             'dokter@praktijk.test', 'patient@example.test', '+31612345678', \
             1795000000000, {expires_ms}, '{state}', NULL, 0)"
        ),
    );
}

#[test]
fn pickup_list_shows_states_in_local_time_and_no_secrets() {
    let store = Store::new();
    let far = 4_000_000_000_000i64; // 2096
    insert_pickup(&store.db(), "derivedaaa", "m-open@p", "active", far);
    insert_pickup(
        &store.db(),
        "derivedbbb",
        "m-late@p",
        "active",
        1_795_000_100_000,
    );
    insert_pickup(
        &store.db(),
        "derivedccc",
        "m-exp@p",
        "expired",
        1_795_000_100_000,
    );
    insert_pickup(&store.db(), "derivedddd", "m-rev@p", "revoked", far);

    let all = store.sluis(&["pickup", "list"]);
    assert!(all.status.success(), "{}", text(&all.stderr));
    let table = text(&all.stdout);
    assert!(table.starts_with("aangemaakt/created"), "{table}");
    // 2026-11-18 11:06:40 UTC, shown in Amsterdam (winter) time.
    assert!(table.contains("2026-11-18 12:06:40"), "{table}");
    assert!(!table.contains("1795000000000"), "{table}");
    for m in ["m-open@p", "m-late@p", "m-exp@p", "m-rev@p"] {
        assert!(table.contains(m), "{m} missing: {table}");
    }
    assert!(table.contains("ingetrokken / revoked"), "{table}");

    let open = text(&store.sluis(&["pickup", "list", "--open"]).stdout);
    assert!(open.contains("m-open@p"), "{open}");
    for m in ["m-late@p", "m-exp@p", "m-rev@p"] {
        assert!(!open.contains(m), "{m} listed as open: {open}");
    }
    let expired = text(&store.sluis(&["pickup", "list", "--expired"]).stdout);
    assert!(
        expired.contains("m-late@p") && expired.contains("m-exp@p"),
        "{expired}"
    );
    assert!(
        !expired.contains("m-open@p") && !expired.contains("m-rev@p"),
        "{expired}"
    );

    let json = store.sluis(&["pickup", "list", "--json"]);
    let json = text(&json.stdout);
    let lines: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    assert_eq!(lines.len(), 4, "{json}");
    assert_eq!(lines[0]["state"], "open");
    assert_eq!(lines[1]["state"], "expired");
    assert_eq!(lines[3]["state"], "revoked");
    assert_eq!(lines[0]["created_ms"], 1_795_000_000_000i64);
    assert_eq!(lines[0]["created_local"], "2026-11-18 12:06:40");
    for out in [&table, &json, &open, &expired] {
        assert!(!out.contains("derived"), "a pickup id printed: {out}");
        assert!(!out.contains("612345678"), "a phone number printed: {out}");
    }

    // --open and --expired together is a usage error, not a silent choice.
    let both = store.sluis(&["pickup", "list", "--open", "--expired"]);
    assert_eq!(both.status.code(), Some(2), "{}", text(&both.stderr));
}

#[test]
fn unknown_ids_are_named_in_dutch_and_english() {
    let store = Store::new();
    let out = store.sluis(&["audit", "message", "no-such-id@praktijk.test"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("Geen gebeurtenissen voor bericht-id no-such-id@praktijk.test")
            && err.contains("no events for message id"),
        "{err}"
    );
    let out = store.sluis(&["audit", "recipient", "nobody@example.test"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("Geen gebeurtenissen voor ontvanger nobody@example.test"),
        "{}",
        text(&out.stderr)
    );
    let out = store.sluis(&["pickup", "revoke", "no-such-id@praktijk.test"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("Geen ophaallinks voor dit bericht-id"),
        "{}",
        text(&out.stdout)
    );
}

/// `sluis ARGS | head -1` through a real pipe; the output is far larger than
/// the pipe's buffer, so Sluis writes after `head` has gone.
fn piped_to_head(store: &Store, args: &[&str]) {
    let mut sluis = store
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sluis");
    let head = Command::new("head")
        .arg("-1")
        .stdin(Stdio::from(sluis.stdout.take().expect("stdout")))
        .output()
        .expect("head");
    let out = sluis.wait_with_output().expect("wait");
    let err = text(&out.stderr);
    assert!(!text(&head.stdout).is_empty(), "nothing reached head");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(err.is_empty(), "{args:?} wrote to stderr: {err}");
    use std::os::unix::process::ExitStatusExt;
    assert!(
        out.status.code() == Some(0) || out.status.signal() == Some(libc::SIGPIPE),
        "{args:?} ended with {:?}",
        out.status
    );
}

#[test]
fn a_pipe_closed_by_head_ends_audit_and_pickup_list_quietly() {
    let store = Store::new();
    // 20 000 events of one message, 20 000 pickups: megabytes of output.
    sqlite(
        &store.db(),
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) \
         INSERT INTO audit_events (id, time_ms, tenant, kind, actor, ip, message_id, recipient, detail) \
         SELECT 'e' || i, 1795000000000 + i, 'default', 'deferred', 'queue', NULL, 'm-pipe@p', \
         'patient@example.test', '{\"attempt\":1}' FROM n",
    );
    sqlite(
        &store.db(),
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) \
         INSERT INTO pickups (id, tenant, message_id, sender, recipient, phone, created_ms, \
         expires_ms, state, opened_ms, blob_in_db) SELECT 'p' || i, 'default', 'm' || i, \
         'dokter@praktijk.test', 'patient@example.test', NULL, 1795000000000 + i, \
         4000000000000, 'active', NULL, 0 FROM n",
    );
    piped_to_head(&store, &["audit", "message", "m-pipe@p"]);
    piped_to_head(&store, &["audit", "message", "m-pipe@p", "--json"]);
    piped_to_head(&store, &["audit", "recipient", "patient@example.test"]);
    piped_to_head(&store, &["pickup", "list"]);
    piped_to_head(&store, &["pickup", "list", "--json"]);
}

#[test]
fn user_list_json_is_one_object_per_account_without_the_hash() {
    use std::io::Write;
    let store = Store::new();
    let mut add = store
        .command(&["user", "add", "assistent@praktijk.test", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(b"een-lang-wachtwoord-voor-de-test\n")
        .unwrap();
    let out = add.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = store.sluis(&["user", "list", "--json"]);
    let json = text(&out.stdout);
    let lines: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    assert_eq!(lines.len(), 1, "{json}");
    assert_eq!(lines[0]["username"], "assistent@praktijk.test");
    assert_eq!(lines[0]["senders"][0], "assistent@praktijk.test");
    assert_eq!(lines[0]["disabled"], false);
    assert!(!json.contains("argon2"), "{json}");
}
