//! Delivery through a relay host, end to end: the real queue and SMTP
//! client against real SMTP servers on loopback — Python's aiosmtpd (an
//! independent implementation; apt: python3-aiosmtpd) and a small sink in
//! this test that can refuse, stall, flood and speak STARTTLS.

mod delivery_support;

use delivery_support::*;
use sluis::audit::{Audit, AuditEvent};
use sluis::config::{Config, DeliveryConfig, RelayHost, RelayTls};
use sluis::delivery::queue::Queue;
use sluis::types::{RcptStatus, TransportRequirement as T};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn config(
    host: &str,
    port: u16,
    tls: RelayTls,
    f: impl FnOnce(&mut DeliveryConfig),
) -> Arc<Config> {
    let mut c = Config::default();
    // The relay hop on its own: recipients it cannot carry stay deferred
    // (no MX delivery, which would need DNS).
    c.delivery.mx_enabled = false;
    c.server.hostname = "sluis.test".into();
    c.tenant.postmaster = "MAILER-DAEMON@sluis.test".into();
    c.delivery.relay = Some(RelayHost {
        host: host.into(),
        port,
        tls,
        ca_file: None,
    });
    c.delivery.connect_timeout_secs = 2;
    c.delivery.command_timeout_secs = 5;
    c.delivery.data_timeout_secs = 10;
    c.delivery.retry_initial_secs = 300;
    f(&mut c.delivery);
    Arc::new(c)
}

fn drain(rx: &mut tokio::sync::mpsc::UnboundedReceiver<AuditEvent>) -> Vec<AuditEvent> {
    let mut v = vec![];
    while let Ok(e) = rx.try_recv() {
        v.push(e);
    }
    v
}

fn is_delivered(j: &MemJournal, id: &str, idx: u32) -> bool {
    j.latest(id, idx)
        .is_some_and(|r| r.status == RcptStatus::Delivered)
}

fn temp_reason(j: &MemJournal, id: &str, idx: u32) -> Option<String> {
    match j.latest(id, idx)?.status {
        RcptStatus::TemporaryFailure { reason } => Some(reason),
        _ => None,
    }
}

/// A body that exercises dot-stuffing, 8-bit text, CRLF and chunking.
fn tricky_body() -> Vec<u8> {
    let mut b = b"From: assistent@praktijk.nl\r\nTo: patient@example.nl\r\nSubject: Uitslag\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".to_vec();
    b.extend_from_slice(
        ".begint met een punt\r\n..twee punten\r\n.\r\nmidden . punt\r\n".as_bytes(),
    );
    for i in 0..3000 {
        b.extend_from_slice(
            format!("regel {i}: café, één, ü — {}\r\n", "x".repeat(i % 70)).as_bytes(),
        );
        if i % 500 == 0 {
            b.extend_from_slice(b".\r\n");
        }
    }
    b.extend_from_slice(b"laatste regel zonder punt\r\n");
    b
}

#[tokio::test]
async fn aiosmtpd_gets_the_message_byte_identical_and_a_rejected_rcpt_bounces() {
    let server = AioSmtpd::start();
    let journal = Arc::new(MemJournal::default());
    let (audit, mut events) = Audit::channel();
    let cfg = config("127.0.0.1", server.port, RelayTls::None, |_| {});
    let q = Queue::start(cfg, journal.clone(), audit);
    let body = tricky_body();
    let it = item(
        &journal,
        "assistent@praktijk.nl",
        &[
            ("a@example.nl", T::None),
            ("reject@example.nl", T::None),
            ("b@example.nl", T::None),
        ],
        &body,
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(
        wait_until(Duration::from_secs(10), || journal.records().len() >= 3).await,
        "{:?}",
        journal.records()
    );
    assert!(is_delivered(&journal, &id, 0));
    assert!(is_delivered(&journal, &id, 2));
    match journal.latest(&id, 1).unwrap().status {
        RcptStatus::PermanentFailure { reason } => assert!(reason.contains("550"), "{reason}"),
        s => panic!("rejected recipient: {s:?}"),
    }
    let msgs = server.messages();
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0].0, "assistent@praktijk.nl");
    assert_eq!(msgs[0].1, vec!["a@example.nl", "b@example.nl"]);
    assert!(
        msgs[0].2 == body,
        "aiosmtpd received different bytes ({} vs {})",
        msgs[0].2.len(),
        body.len()
    );

    // The bounce for the rejected one: to the sender, from <>, Dutch first.
    let injected = journal.injected();
    assert_eq!(injected.len(), 1);
    let (from, to, dsn) = &injected[0];
    assert_eq!(from, "");
    assert_eq!(to, &vec!["assistent@praktijk.nl".to_string()]);
    let dsn = String::from_utf8_lossy(dsn);
    assert!(dsn.contains("Final-Recipient: rfc822; reject@example.nl"));
    assert!(dsn.contains("Diagnostic-Code: smtp; 550 5.1.1 no such user"));
    assert!(!dsn.contains("twee punten"), "DSN must not carry the body");

    let ev = drain(&mut events);
    let delivered: Vec<_> = ev.iter().filter(|e| e.kind == "delivered").collect();
    assert_eq!(delivered.len(), 2);
    assert_eq!(delivered[0].detail["tls_version"], "none");
    assert!(delivered[0].detail["remote"]
        .as_str()
        .unwrap()
        .contains("127.0.0.1"));
    assert_eq!(ev.iter().filter(|e| e.kind == "bounced").count(), 1);
}

#[tokio::test]
async fn smtputf8_message_to_a_server_without_smtputf8_fails_permanently() {
    let server = AioSmtpd::start_with(false);
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", server.port, RelayTls::None, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let mut it = item(
        &journal,
        "zorg@praktijk.nl",
        &[("jörg@example.nl", T::None)],
        b"Subject: x\r\n\r\nx\r\n",
    );
    Arc::make_mut(&mut it.envelope).smtputf8 = true;
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.latest(&id, 0).is_some()).await);
    match journal.latest(&id, 0).unwrap().status {
        RcptStatus::PermanentFailure { reason } => assert!(reason.contains("SMTPUTF8"), "{reason}"),
        s => panic!("{s:?}"),
    }
    assert!(server.messages().is_empty());
    let dsn = String::from_utf8_lossy(&journal.injected()[0].2).to_string();
    assert!(dsn.contains("Status: 5.6.7"), "{dsn}");
    assert!(
        dsn.contains("Final-Recipient: utf-8; j\\x{F6}rg@example.nl"),
        "{dsn}"
    );

    // The same message to a server that offers SMTPUTF8 goes through.
    let server = AioSmtpd::start_with(true);
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", server.port, RelayTls::None, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let mut it = item(
        &journal,
        "zorg@praktijk.nl",
        &[("jörg@example.nl", T::None)],
        b"Subject: x\r\n\r\nx\r\n",
    );
    Arc::make_mut(&mut it.envelope).smtputf8 = true;
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(
        wait_until(Duration::from_secs(10), || is_delivered(&journal, &id, 0)).await,
        "{:?}",
        journal.records()
    );
    assert_eq!(server.messages()[0].1, vec!["jörg@example.nl"]);
}

#[tokio::test]
async fn temporary_rcpt_refusal_defers_only_that_recipient() {
    let sink = Sink::start(Behaviour {
        pipelining: true,
        rcpt_replies: vec![("busy".into(), "451 4.2.1 mailbox busy, try later".into())],
        ..Default::default()
    })
    .await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("busy@x.nl", T::None), ("ok@x.nl", T::None)],
        b"Subject: t\r\n\r\nhoi\r\n",
    );
    let id = it.envelope.id.0.clone();
    let before = sluis::now_ms();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.records().len() >= 2).await);
    assert!(is_delivered(&journal, &id, 1));
    let r = journal.latest(&id, 0).unwrap();
    assert!(
        matches!(&r.status, RcptStatus::TemporaryFailure { reason } if reason.starts_with("451 4.2.1")),
        "{r:?}"
    );
    assert_eq!(r.attempts, 1);
    // Next attempt after retry_initial_secs (300 s).
    assert!(r.next_attempt_ms >= before + 299_000, "{r:?}");
    assert!(journal.injected().is_empty(), "no DSN for a deferral");
    assert_eq!(sink.messages()[0].rcpts, vec!["ok@x.nl"]);
}

#[tokio::test]
async fn relay_down_is_deferred_then_delivered_when_it_comes_back() {
    let port = free_port();
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", port, RelayTls::None, |d| {
            d.retry_initial_secs = 1
        }),
        journal.clone(),
        Audit::disabled(),
    );
    let body = b"Subject: later\r\n\r\n.dot\r\n".to_vec();
    let it = item(&journal, "a@praktijk.nl", &[("x@y.nl", T::None)], &body);
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(
        wait_until(Duration::from_secs(5), || temp_reason(&journal, &id, 0)
            .is_some())
        .await
    );
    let reason = temp_reason(&journal, &id, 0).unwrap();
    assert!(reason.contains("connecting to 127.0.0.1"), "{reason}");

    let sink = Sink::start_on(
        format!("127.0.0.1:{port}").parse().unwrap(),
        Behaviour::default(),
    )
    .await;
    assert!(
        wait_until(Duration::from_secs(10), || is_delivered(&journal, &id, 0)).await,
        "{:?}",
        journal.records()
    );
    assert!(journal.latest(&id, 0).unwrap().attempts >= 2);
    assert_eq!(sink.messages()[0].data, body);
    // The deferred body was dropped from memory and read back from the spool.
    assert!(journal.loads.load(std::sync::atomic::Ordering::SeqCst) >= 1);
}

#[tokio::test]
async fn lifetime_expiry_bounces_with_a_dutch_then_english_dsn() {
    let port = free_port(); // nothing listens
    let journal = Arc::new(MemJournal::default());
    let (audit, mut events) = Audit::channel();
    let q = Queue::start(
        config("127.0.0.1", port, RelayTls::None, |d| {
            d.retry_initial_secs = 1;
            d.max_lifetime_secs = 2;
        }),
        journal.clone(),
        audit,
    );
    let it = item(
        &journal,
        "assistent@praktijk.nl",
        &[("x@y.nl", T::None)],
        b"Subject: Verwijzing\r\n\r\ngeheim\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || !journal.injected().is_empty()).await);
    let r = journal.latest(&id, 0).unwrap();
    assert!(
        matches!(r.status, RcptStatus::PermanentFailure { .. }),
        "{r:?}"
    );
    let (from, to, raw) = journal.injected()[0].clone();
    assert_eq!(
        (from.as_str(), to),
        ("", vec!["assistent@praktijk.nl".to_string()])
    );
    let msg = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let text = msg.body_text(0).unwrap().to_string();
    let nl = text
        .find("Uw bericht kon niet worden afgeleverd aan")
        .expect("Dutch text");
    let en = text
        .find("Your message could not be delivered to")
        .expect("English text");
    assert!(nl < en);
    assert!(text.contains("niet afgeleverd binnen"));
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.contains("Status: 5.4.7") && raw.contains("Action: failed"));
    assert!(raw.contains("Subject: Verwijzing") && !raw.contains("geheim"));
    let ev = drain(&mut events);
    assert!(ev.iter().filter(|e| e.kind == "deferred").count() >= 1);
    assert_eq!(ev.iter().filter(|e| e.kind == "bounced").count(), 1);
}

#[tokio::test]
async fn null_sender_failures_send_no_dsn() {
    let sink = Sink::start(Behaviour {
        rcpt_replies: vec![("gone".into(), "550 5.1.1 gone".into())],
        ..Default::default()
    })
    .await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "",
        &[("gone@x.nl", T::None)],
        b"Subject: bounce\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.latest(&id, 0).is_some()).await);
    assert!(matches!(
        journal.latest(&id, 0).unwrap().status,
        RcptStatus::PermanentFailure { .. }
    ));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        journal.injected().is_empty(),
        "a bounce of a bounce is a loop"
    );
}

#[tokio::test]
async fn required_tls_works_with_a_self_signed_cert_and_dane_is_never_met() {
    let (tls, _) = self_signed();
    let sink = Sink::start(Behaviour {
        pipelining: true,
        starttls: Some(tls),
        ..Default::default()
    })
    .await;
    let journal = Arc::new(MemJournal::default());
    let (audit, mut events) = Audit::channel();
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::Required, |_| {}),
        journal.clone(),
        audit,
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[
            ("tls@x.nl", T::Tls),
            ("dane@x.nl", T::Dane),
            ("sts@x.nl", T::DaneOrMtaSts),
        ],
        b"Subject: t\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.records().len() >= 3).await);
    assert!(is_delivered(&journal, &id, 0));
    for idx in [1, 2] {
        let reason = temp_reason(&journal, &id, idx).expect("deferred, not bounced");
        assert!(
            reason.starts_with("geen geauthenticeerde route / no authenticated route"),
            "{reason}"
        );
    }
    let m = sink.messages();
    assert_eq!(m.len(), 1);
    assert!(m[0].tls, "must have gone over TLS");
    assert_eq!(m[0].rcpts, vec!["tls@x.nl"]);
    let ev = drain(&mut events);
    let d = ev.iter().find(|e| e.kind == "delivered").unwrap();
    assert!(
        d.detail["tls_version"]
            .as_str()
            .unwrap()
            .starts_with("TLSv1."),
        "{:?}",
        d.detail
    );
    assert!(
        d.detail["cipher"].as_str().unwrap().starts_with("TLS"),
        "{:?}",
        d.detail
    );
    assert_eq!(d.detail["authentication"], "none");
}

#[tokio::test]
async fn verify_refuses_an_unknown_cert_and_accepts_it_from_ca_file() {
    let (tls, pem) = self_signed();
    let sink = Sink::start(Behaviour {
        starttls: Some(tls),
        ..Default::default()
    })
    .await;
    // Without the CA: the handshake fails, the message is deferred.
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("localhost", sink.addr.port(), RelayTls::Verify, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("x@y.nl", T::Tls)],
        b"Subject: t\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.latest(&id, 0).is_some()).await);
    let reason = temp_reason(&journal, &id, 0).expect("deferred");
    assert!(reason.contains("TLS"), "{reason}");
    assert!(sink.messages().is_empty());

    // With the certificate as ca_file: verified and delivered.
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, pem).unwrap();
    let mut cfg = (*config("localhost", sink.addr.port(), RelayTls::Verify, |_| {})).clone();
    cfg.delivery.relay.as_mut().unwrap().ca_file = Some(ca);
    let journal = Arc::new(MemJournal::default());
    let (audit, mut events) = Audit::channel();
    let q = Queue::start(Arc::new(cfg), journal.clone(), audit);
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("x@y.nl", T::Tls)],
        b"Subject: t\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(
        wait_until(Duration::from_secs(10), || is_delivered(&journal, &id, 0)).await,
        "{:?}",
        journal.records()
    );
    let ev = drain(&mut events);
    assert_eq!(
        ev.iter().find(|e| e.kind == "delivered").unwrap().detail["authentication"],
        "pkix"
    );
}

#[tokio::test]
async fn tls_requirement_is_not_met_by_a_plain_relay_and_nothing_is_sent() {
    let sink = Sink::start(Behaviour::default()).await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("x@y.nl", T::Tls)],
        b"Subject: t\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(5), || journal.latest(&id, 0).is_some()).await);
    let reason = temp_reason(&journal, &id, 0).unwrap();
    assert!(
        reason.starts_with("geen versleutelde route / no encrypted route"),
        "{reason}"
    );
    assert_eq!(
        sink.connections.load(std::sync::atomic::Ordering::SeqCst),
        0
    );

    // Opportunistic against a server without STARTTLS: same verdict, after connecting.
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config(
            "127.0.0.1",
            sink.addr.port(),
            RelayTls::Opportunistic,
            |_| {},
        ),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("x@y.nl", T::Tls), ("plain@y.nl", T::None)],
        b"Subject: t\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(5), || journal.records().len() >= 2).await);
    assert!(temp_reason(&journal, &id, 0)
        .unwrap()
        .contains("no encrypted route"));
    assert!(is_delivered(&journal, &id, 1));
    assert_eq!(sink.messages()[0].rcpts, vec!["plain@y.nl"]);
}

#[tokio::test]
async fn a_stalling_peer_times_out_and_the_message_is_deferred() {
    let sink = Sink::start(Behaviour {
        stall: true,
        ..Default::default()
    })
    .await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |d| {
            d.command_timeout_secs = 1
        }),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("x@y.nl", T::None)],
        b"Subject: t\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    let start = Instant::now();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(6), || journal.latest(&id, 0).is_some()).await);
    let reason = temp_reason(&journal, &id, 0).unwrap();
    assert!(reason.contains("timed out during EHLO"), "{reason}");
    assert!(start.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn an_endless_reply_is_cut_off_and_the_message_is_deferred() {
    let sink = Sink::start(Behaviour {
        endless_ehlo: true,
        ..Default::default()
    })
    .await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("x@y.nl", T::None)],
        b"Subject: t\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.latest(&id, 0).is_some()).await);
    let reason = temp_reason(&journal, &id, 0).unwrap();
    assert!(reason.contains("too many lines"), "{reason}");
    // The client hung up long before the sink's 2 million lines.
    assert!(
        wait_until(Duration::from_secs(5), || {
            let n = sink.endless_lines.load(std::sync::atomic::Ordering::SeqCst);
            n > 256 && n < 2_000_000
        })
        .await
    );
}

#[tokio::test]
async fn many_messages_share_a_few_hot_connections() {
    let sink = Sink::start(Behaviour {
        pipelining: true,
        ..Default::default()
    })
    .await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |d| {
            d.concurrency_per_destination = 4
        }),
        journal.clone(),
        Audit::disabled(),
    );
    let body = {
        let mut b = b"Subject: load\r\n\r\n".to_vec();
        while b.len() < 4096 {
            b.extend_from_slice(
                b"0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n",
            );
        }
        b
    };
    let n = 2000;
    let items: Vec<_> = (0..n)
        .map(|i| {
            item(
                &journal,
                "a@praktijk.nl",
                &[(&format!("r{i}@x.nl"), T::None)],
                &body,
            )
        })
        .collect();
    let start = Instant::now();
    for it in items {
        q.enqueue(it);
    }
    assert!(wait_until(Duration::from_secs(60), || sink.messages().len() >= n).await);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "delivered {n} messages of {} bytes in {secs:.2}s: {:.0} msg/s",
        body.len(),
        n as f64 / secs
    );
    assert!(wait_until(Duration::from_secs(5), || journal.records().len() >= n).await);
    assert!(journal
        .records()
        .iter()
        .all(|r| r.status == RcptStatus::Delivered));
    let conns = sink.connections.load(std::sync::atomic::Ordering::SeqCst);
    assert!(conns <= 4, "{conns} connections for {n} messages");
}

#[tokio::test]
async fn opportunistic_falls_back_to_clear_text_when_the_handshake_fails_required_does_not() {
    let sink = Sink::start(Behaviour {
        broken_starttls: true,
        ..Default::default()
    })
    .await;
    let body = b"Subject: t\r\n\r\nx\r\n";
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config(
            "127.0.0.1",
            sink.addr.port(),
            RelayTls::Opportunistic,
            |_| {},
        ),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("plain@y.nl", T::None), ("tls@y.nl", T::Tls)],
        body,
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.records().len() >= 2).await);
    assert!(is_delivered(&journal, &id, 0));
    assert!(temp_reason(&journal, &id, 1)
        .unwrap()
        .contains("no encrypted route"));
    let m = sink.messages();
    assert_eq!((m.len(), m[0].tls), (1, false));

    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::Required, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(&journal, "a@praktijk.nl", &[("plain@y.nl", T::None)], body);
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.latest(&id, 0).is_some()).await);
    assert!(temp_reason(&journal, &id, 0).unwrap().contains("TLS"));
    assert_eq!(sink.messages().len(), 1, "nothing sent in clear text");
}

#[tokio::test]
async fn connections_are_reused_after_idle_rset_and_retired_after_max_messages() {
    let sink = Sink::start(Behaviour::default()).await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |d| {
            d.concurrency_per_destination = 1;
            d.max_messages_per_connection = 3;
            d.idle_connection_secs = 30;
        }),
        journal.clone(),
        Audit::disabled(),
    );
    let conns = || sink.connections.load(std::sync::atomic::Ordering::SeqCst);
    let send = |n: usize| {
        for _ in 0..n {
            q.enqueue(item(
                &journal,
                "a@praktijk.nl",
                &[("x@y.nl", T::None)],
                b"Subject: t\r\n\r\nx\r\n",
            ));
        }
    };
    send(1);
    assert!(wait_until(Duration::from_secs(5), || sink.messages().len() == 1).await);
    // Idle for more than a second: checked with RSET, then reused.
    tokio::time::sleep(Duration::from_millis(1300)).await;
    send(1);
    assert!(wait_until(Duration::from_secs(5), || sink.messages().len() == 2).await);
    assert_eq!(conns(), 1);
    // Three messages per connection: the fourth needs a new one.
    send(4);
    assert!(wait_until(Duration::from_secs(5), || sink.messages().len() == 6).await);
    assert_eq!(conns(), 2);
}

#[tokio::test]
async fn too_many_recipients_continue_in_the_next_transaction() {
    let sink = Sink::start(Behaviour {
        pipelining: true,
        max_rcpts: 2,
        ..Default::default()
    })
    .await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let rcpts: Vec<String> = (0..5).map(|i| format!("r{i}@x.nl")).collect();
    let list: Vec<(&str, T)> = rcpts.iter().map(|r| (r.as_str(), T::None)).collect();
    let it = item(&journal, "a@praktijk.nl", &list, b"Subject: t\r\n\r\nx\r\n");
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.records().len() >= 5).await);
    for i in 0..5 {
        assert!(is_delivered(&journal, &id, i), "{:?}", journal.records());
    }
    let m = sink.messages();
    assert_eq!(
        m.iter().map(|m| m.rcpts.len()).collect::<Vec<_>>(),
        vec![2, 2, 1]
    );
    assert_eq!(
        sink.connections.load(std::sync::atomic::Ordering::SeqCst),
        1
    );
}

#[tokio::test]
async fn verify_against_aiosmtpd_with_starttls_required() {
    let (_, cert, key) = self_signed_with_key();
    let server = AioSmtpd::start_tls(&cert, &key);
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &cert).unwrap();
    let mut cfg = (*config("localhost", server.port, RelayTls::Verify, |_| {})).clone();
    cfg.delivery.relay.as_mut().unwrap().ca_file = Some(ca);
    let journal = Arc::new(MemJournal::default());
    let (audit, mut events) = Audit::channel();
    let q = Queue::start(Arc::new(cfg), journal.clone(), audit);
    let body = tricky_body();
    let it = item(&journal, "a@praktijk.nl", &[("x@y.nl", T::Tls)], &body);
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(
        wait_until(Duration::from_secs(10), || is_delivered(&journal, &id, 0)).await,
        "{:?}",
        journal.records()
    );
    let m = server.messages();
    assert!(m.len() == 1 && m[0].2 == body);
    let ev = drain(&mut events);
    let d = ev.iter().find(|e| e.kind == "delivered").unwrap();
    assert_eq!(d.detail["authentication"], "pkix");
    assert!(d.detail["tls_version"]
        .as_str()
        .unwrap()
        .starts_with("TLSv1."));

    // RelayTls::None to a server that requires STARTTLS: 530 is a 5xx, so
    // the recipient fails permanently and the sender gets a DSN.
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", server.port, RelayTls::None, |_| {}),
        journal.clone(),
        Audit::disabled(),
    );
    let it = item(
        &journal,
        "a@praktijk.nl",
        &[("x@y.nl", T::None)],
        b"Subject: t\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(10), || journal.latest(&id, 0).is_some()).await);
    match journal.latest(&id, 0).unwrap().status {
        RcptStatus::PermanentFailure { reason } => assert!(reason.starts_with("530"), "{reason}"),
        s => panic!("{s:?}"),
    }
    assert_eq!(journal.injected().len(), 1);
}

#[tokio::test]
async fn a_pooled_connection_that_died_is_replaced_without_deferring() {
    let sink = Sink::start(Behaviour {
        pipelining: true,
        hang_up_after_message: true,
        ..Default::default()
    })
    .await;
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(
        config("127.0.0.1", sink.addr.port(), RelayTls::None, |d| {
            d.concurrency_per_destination = 1
        }),
        journal.clone(),
        Audit::disabled(),
    );
    for n in 1..=3 {
        q.enqueue(item(
            &journal,
            "a@praktijk.nl",
            &[("x@y.nl", T::None)],
            b"Subject: t\r\n\r\nx\r\n",
        ));
        assert!(wait_until(Duration::from_secs(5), || sink.messages().len() == n).await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(wait_until(Duration::from_secs(5), || journal.records().len() == 3).await);
    assert!(
        journal
            .records()
            .iter()
            .all(|r| r.status == RcptStatus::Delivered),
        "{:?}",
        journal.records()
    );
    assert_eq!(
        sink.connections.load(std::sync::atomic::Ordering::SeqCst),
        3
    );
}
