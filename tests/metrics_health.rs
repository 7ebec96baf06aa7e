//! `/metrics`, `/healthz` and `/readyz` of the real binary, on the local
//! PostgreSQL: mail sent with Python's smtplib shows up in the counts
//! scraped with curl, and `/readyz` answers 503 while the store refuses
//! connections (and 200 again once it takes them back).
//!
//! The store is "stopped" for this one scratch database only (the server is
//! shared): `ALLOW_CONNECTIONS false` plus terminating its sessions is what
//! Sluis sees of a stopped server: open connections die, new ones are
//! refused. `SLUIS_TEST_POSTGRES` (default
//! `postgres://postgres@127.0.0.1:5432/test`) names the admin database;
//! `skip` skips the test.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};
use support::*;

const POLICY: &str = r#"tenant = "default"

[[rule]]
name = "geen-webmail"
recipient_domain = ["webmail.test"]
action = "block"
reason_nl = "Geen patiëntpost naar webmail"
reason_en = "No patient mail to webmail"

[default]
action = "deliver"
transport = "none"
"#;

fn psql(url: &str, sql: &str) {
    let out = Command::new("psql")
        .arg(url)
        .args(["-v", "ON_ERROR_STOP=1", "-qtAc", sql])
        .output()
        .expect("psql");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Drops the scratch database however the test ends.
struct ScratchDb {
    admin: String,
    name: String,
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .arg(&self.admin)
            .arg("-qtAc")
            .arg(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .output();
    }
}

/// GET with curl: (status code, body).
fn get(port: u16, path: &str) -> (u16, String) {
    let out = Command::new("curl")
        .args(["-s", "--max-time", "10", "-w", "\n%{http_code}"])
        .arg(format!("http://127.0.0.1:{port}{path}"))
        .output()
        .expect("curl");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let (body, code) = text.rsplit_once('\n').unwrap_or(("", "0"));
    (code.trim().parse().unwrap_or(0), body.to_string())
}

/// The value of one sample line (`name{labels}` exactly) in a scrape.
fn sample(scrape: &str, name: &str) -> f64 {
    scrape
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no sample {name} in\n{scrape}"))
}

fn wait_until(what: &str, timeout: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Sends with smtplib; prints the reply code of each message.
fn send_all(port: u16, mails: &[(&str, &[&str])]) -> Vec<String> {
    let mut script = format!(
        "import smtplib\ns = smtplib.SMTP('127.0.0.1', {port}, timeout=30)\n\
         body = b'Subject: metrics\\r\\n\\r\\nhallo\\r\\n'\n"
    );
    for (from, to) in mails {
        script += &format!(
            "try:\n    s.sendmail('{from}', {to:?}, body)\n    print(250)\n\
             except smtplib.SMTPDataError as e:\n    print(e.smtp_code)\n"
        );
    }
    script += "s.quit()\n";
    let out = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn metrics_count_what_was_sent_and_readyz_follows_the_store() {
    let admin = std::env::var("SLUIS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    if admin == "skip" {
        eprintln!("skipped by SLUIS_TEST_POSTGRES=skip");
        return;
    }
    let name = format!("sluis_metrics_{:x}", rand::random::<u32>());
    psql(&admin, &format!("CREATE DATABASE {name}"));
    let _db = ScratchDb {
        admin: admin.clone(),
        name: name.clone(),
    };
    let (base, _) = admin.rsplit_once('/').expect("URL with a database");
    let store_url = format!("{base}/{name}");

    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port, metrics_port) = (free_port(), free_port(), free_port());
    let sink = Sink::start_with(
        sink_port,
        &dir.path().join("sink"),
        &["weg@example.test"],
        &["bezet@example.test"],
    );
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(&policies).unwrap();
    std::fs::write(policies.join("praktijk.toml"), POLICY).unwrap();
    let cfg = write_relay_config(dir.path(), port, sink_port, "");
    let text = std::fs::read_to_string(&cfg).unwrap();
    let policy_line = text
        .lines()
        .find(|l| l.starts_with("dir = ") && l.contains("policies"))
        .unwrap()
        .to_string();
    let text = text
        .replace(&policy_line, &format!("dir = \"{}\"", policies.display()))
        .replace(
            "url = \"sqlite://sluis.db\"",
            &format!("url = \"{store_url}\""),
        )
        + &format!("\n[metrics]\nlisten = \"127.0.0.1:{metrics_port}\"\n");
    std::fs::write(&cfg, text).unwrap();
    let _sluis = start_sluis(&cfg, port);

    assert_eq!(get(metrics_port, "/healthz"), (200, "ok\n".into()));
    let (code, body) = get(metrics_port, "/readyz");
    assert_eq!(code, 200, "{body}");

    let replies = send_all(
        port,
        &[
            ("balie@praktijk.test", &["a@example.test"]),
            ("balie@praktijk.test", &["b@example.test"]),
            (
                "balie@praktijk.test",
                &["c@example.test", "weg@example.test"],
            ),
            ("balie@praktijk.test", &["iemand@webmail.test"]),
            ("balie@praktijk.test", &["bezet@example.test"]),
        ],
    );
    assert_eq!(replies, ["250", "250", "250", "550", "250"]);
    // a@, b@, c@ and the DSN for weg@ (to balie@) reach the sink.
    assert_eq!(sink.wait_for(4, Duration::from_secs(30)).len(), 4);

    let delivered = "sluis_delivered_total{tls=\"no\",authentication=\"none\"}";
    let mut scrape = String::new();
    wait_until("the counts", Duration::from_secs(30), || {
        scrape = get(metrics_port, "/metrics").1;
        scrape.contains(delivered)
            && sample(&scrape, delivered) >= 4.0
            && sample(&scrape, "sluis_deferred_total") >= 1.0
    });
    assert_eq!(sample(&scrape, "sluis_accepted_total"), 4.0);
    assert_eq!(
        sample(&scrape, "sluis_refused_total{reason=\"all_blocked\"}"),
        1.0
    );
    assert_eq!(sample(&scrape, "sluis_blocked_total"), 1.0);
    assert_eq!(sample(&scrape, delivered), 4.0);
    assert_eq!(sample(&scrape, "sluis_bounced_total"), 1.0);
    // bezet@ keeps being deferred: its message is the queue.
    assert_eq!(sample(&scrape, "sluis_queue_messages"), 1.0);
    assert!(sample(&scrape, "sluis_queue_oldest_age_seconds") >= 0.0);
    // Five submitted, plus the DSN: injected mail is inspected too.
    assert_eq!(sample(&scrape, "sluis_scan_duration_seconds_count"), 6.0);
    assert_eq!(sample(&scrape, "sluis_ready"), 1.0);
    for secret in ["example.test", "webmail", "balie", "hallo"] {
        assert!(!scrape.contains(secret), "{secret} in /metrics");
    }

    // Stop the store (for this database): /readyz goes 503 and says why.
    psql(
        &admin,
        &format!(
            "ALTER DATABASE {name} ALLOW_CONNECTIONS false; \
             SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        ),
    );
    let mut body = String::new();
    wait_until("/readyz 503", Duration::from_secs(20), || {
        let (code, b) = get(metrics_port, "/readyz");
        body = b;
        code == 503
    });
    assert!(body.contains("store: "), "{body}");
    assert!(!body.contains("store: ok"), "{body}");
    assert!(body.contains("spool: ok"), "{body}");
    assert_eq!(get(metrics_port, "/healthz").0, 200, "alive while unready");

    // And back.
    psql(
        &admin,
        &format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"),
    );
    wait_until("/readyz 200 again", Duration::from_secs(30), || {
        get(metrics_port, "/readyz").0 == 200
    });
}
