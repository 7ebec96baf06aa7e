//! End to end through the real binary: SMTP in (trusted network, plain),
//! spool, pipeline, delivery to a relay host that is an independent SMTP
//! server (aiosmtpd). Covers the durability promise with kill -9.

mod support;

use std::collections::HashSet;
use std::time::Duration;
use support::*;

fn message(n: usize) -> Vec<u8> {
    format!(
        "From: balie@praktijk.test\r\nTo: leverancier@example.test\r\nSubject: Bestelling {n}\r\n\
         Message-ID: <order-{n}@praktijk.test>\r\n\r\nGraag 3 dozen handschoenen maat M.\r\nGroet, de balie\r\n"
    )
    .into_bytes()
}

fn message_ids(msgs: &[(serde_json::Value, Vec<u8>)]) -> Vec<String> {
    msgs.iter()
        .filter_map(|(_, raw)| {
            String::from_utf8_lossy(raw)
                .lines()
                .find(|l| l.starts_with("Message-ID: <order-"))
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn a_clean_message_reaches_the_relay_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let sink = Sink::start(sink_port, &dir.path().join("sink"), &[]);
    let cfg = write_relay_config(dir.path(), port, sink_port, "");
    let _sluis = start_sluis(&cfg, port);
    let body = message(1);
    let reply =
        Smtp::connect(port).send("balie@praktijk.test", &["leverancier@example.test"], &body);
    assert!(reply.starts_with("250 2.0.0"), "{reply}");
    assert!(
        reply.contains("geaccepteerd") && reply.contains("accepted"),
        "{reply}"
    );
    let got = sink.wait_for(1, Duration::from_secs(20));
    assert_eq!(got.len(), 1);
    let (meta, raw) = &got[0];
    assert_eq!(meta["mail_from"], "balie@praktijk.test");
    assert_eq!(meta["rcpt_tos"][0], "leverancier@example.test");
    // Sluis adds its Received header on top; the rest is untouched.
    assert!(raw.starts_with(b"Received: "), "no Received header");
    assert!(raw.ends_with(&body), "body changed on the way");
}

#[test]
fn kill9_after_250_loses_nothing_and_delivers_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let cfg = write_relay_config(dir.path(), port, sink_port, "");
    // The relay host is down, so nothing can be delivered before the crash.
    let sluis = start_sluis(&cfg, port);
    for n in 0..5 {
        let reply =
            Smtp::connect(port).send("balie@praktijk.test", &["a@example.test"], &message(n));
        assert!(reply.starts_with("250"), "{reply}");
    }
    sluis.kill9();
    let sink = Sink::start(sink_port, &dir.path().join("sink"), &[]);
    let _sluis = start_sluis(&cfg, port);
    let got = sink.wait_for(5, Duration::from_secs(30));
    std::thread::sleep(Duration::from_secs(2)); // room for duplicates to show up
    let got_later = sink.messages();
    assert_eq!(got.len(), 5, "lost messages");
    assert_eq!(got_later.len(), 5, "duplicated messages");
    let ids: HashSet<String> = message_ids(&got_later).into_iter().collect();
    assert_eq!(ids.len(), 5);
}

#[test]
fn two_hundred_concurrent_sessions_survive_kill9() {
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let cfg = write_relay_config(
        dir.path(),
        port,
        sink_port,
        "[limits]\nmax_connections = 400\nmax_connections_per_ip = 300\n",
    );
    let sluis = start_sluis(&cfg, port);
    let threads: Vec<_> = (0..200)
        .map(|n| {
            std::thread::spawn(move || {
                Smtp::connect(port).send("balie@praktijk.test", &["a@example.test"], &message(n))
            })
        })
        .collect();
    for t in threads {
        let reply = t.join().unwrap();
        assert!(reply.starts_with("250"), "{reply}");
    }
    sluis.kill9();
    let sink = Sink::start(sink_port, &dir.path().join("sink"), &[]);
    let _sluis = start_sluis(&cfg, port);
    let got = sink.wait_for(200, Duration::from_secs(60));
    std::thread::sleep(Duration::from_secs(2));
    let ids: HashSet<String> = message_ids(&sink.messages()).into_iter().collect();
    assert_eq!(got.len(), 200, "lost messages");
    assert_eq!(sink.messages().len(), 200, "duplicated messages");
    assert_eq!(ids.len(), 200);
}

#[test]
fn relay_down_defers_and_retries_until_it_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let cfg = write_relay_config(dir.path(), port, sink_port, "");
    let _sluis = start_sluis(&cfg, port);
    let reply = Smtp::connect(port).send("balie@praktijk.test", &["a@example.test"], &message(7));
    assert!(reply.starts_with("250"), "{reply}");
    std::thread::sleep(Duration::from_millis(1500)); // at least one failed attempt
    let sink = Sink::start(sink_port, &dir.path().join("sink"), &[]);
    let got = sink.wait_for(1, Duration::from_secs(30));
    assert_eq!(got.len(), 1, "not delivered after the relay came back");
}

#[test]
fn rejected_and_expired_recipients_produce_a_bilingual_dsn() {
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let sink = Sink::start_with(
        sink_port,
        &dir.path().join("sink"),
        &["weg@example.test"],
        &["bezet@example.test"],
    );
    let cfg = write_relay_config(dir.path(), port, sink_port, "max_lifetime_secs = 3\n");
    let _sluis = start_sluis(&cfg, port);
    let reply = Smtp::connect(port).send(
        "balie@praktijk.test",
        &["ok@example.test", "weg@example.test", "bezet@example.test"],
        &message(9),
    );
    assert!(reply.starts_with("250"), "{reply}");
    // The message to ok@, a DSN for weg@ (550) and one for bezet@ (expired).
    let got = sink.wait_for(3, Duration::from_secs(40));
    let dsns: Vec<String> = got
        .iter()
        .filter(|(meta, _)| meta["mail_from"] == "" || meta["mail_from"] == "<>")
        .map(|(_, raw)| String::from_utf8_lossy(raw).to_string())
        .collect();
    assert!(
        dsns.len() >= 2,
        "expected two DSNs, got {} of {} messages",
        dsns.len(),
        got.len()
    );
    for dsn in &dsns {
        assert!(dsn.contains("multipart/report"), "not a multipart/report");
        assert!(
            dsn.contains("report-type=delivery-status")
                || dsn.contains("report-type=\"delivery-status\"")
        );
        assert!(!dsn.contains("handschoenen"), "DSN quotes the body");
    }
    let all = dsns.join("\n");
    assert!(all.contains("weg@example.test") && all.contains("bezet@example.test"));
    let to_sender = got
        .iter()
        .filter(|(m, _)| m["rcpt_tos"][0] == "balie@praktijk.test")
        .count();
    assert!(to_sender >= 2);
}

/// A practice blocks mail to a domain; Python's smtplib (a real client)
/// sees the reason, Dutch first, as a 550 — and nothing is queued.
#[test]
fn a_policy_block_reaches_a_real_client_as_a_dutch_550() {
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let sink = Sink::start(sink_port, &dir.path().join("sink"), &[]);
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(&policies).unwrap();
    std::fs::write(
        policies.join("praktijk.toml"),
        r#"tenant = "default"

[[rule]]
name = "geen-webmail"
recipient_domain = ["webmail.test"]
action = "block"
reason_nl = "Geen patiëntpost naar webmail; gebruik het beveiligde portaal"
reason_en = "No patient mail to webmail; use the secure portal"

[default]
action = "deliver"
transport = "none"
"#,
    )
    .unwrap();
    let cfg = write_relay_config(dir.path(), port, sink_port, "");
    let text = std::fs::read_to_string(&cfg).unwrap();
    let policy_line = text
        .lines()
        .find(|l| l.starts_with("dir = ") && l.contains("policies"))
        .unwrap()
        .to_string();
    std::fs::write(
        &cfg,
        text.replace(&policy_line, &format!("dir = \"{}\"", policies.display())),
    )
    .unwrap();
    let _sluis = start_sluis(&cfg, port);
    let script = format!(
        r#"
import smtplib
s = smtplib.SMTP("127.0.0.1", {port}, timeout=30)
try:
    s.sendmail("balie@praktijk.test", ["iemand@webmail.test"], b"Subject: test\r\n\r\nhallo\r\n")
    print("ACCEPTED")
except smtplib.SMTPDataError as e:
    print(e.smtp_code, e.smtp_error.decode())
s.quit()
"#
    );
    let out = std::process::Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .output()
        .expect("python3");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("550"), "expected a 550, got: {stdout}");
    assert!(stdout.contains("5.7.1"), "{stdout}");
    let nl = stdout.find("Geen patiëntpost").expect("Dutch reason");
    let en = stdout.find("No patient mail").expect("English reason");
    assert!(nl < en, "Dutch must come first: {stdout}");
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        sink.messages().is_empty(),
        "a blocked message was delivered"
    );
}
