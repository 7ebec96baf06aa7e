//! The real SMTP server on 127.0.0.1 port 0, driven over raw TCP where
//! exact bytes matter (SMTP smuggling, bare LF), plus timeouts, connection
//! limits, 200 concurrent sessions and shutdown.

#[path = "smtp/common.rs"]
mod common;

use common::*;
use std::time::{Duration, Instant};

const MSG: &[u8] = b"Subject: test\r\n\r\nHallo\r\n";

async fn envelope(c: &mut Raw) {
    c.cmd("MAIL FROM:<scanner@praktijk.test>", 250).await;
    c.cmd("RCPT TO:<a@mail.test>", 250).await;
    c.cmd("DATA", 354).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smuggling_and_bare_lf_rejected_550_session_stays_usable() {
    let server = start(config(true)).await;
    let mut c = Raw::connect(server.plain).await;
    c.expect(220).await;
    c.cmd("EHLO scanner", 250).await;
    // Every end-of-data look-alike and a bare CR; a plain bare LF line is
    // normalised by default (see the next two tests).
    let attacks: [&[u8]; 4] = [
        b"Subject: a\r\n\r\nx\n.\nMAIL FROM:<ceo@bank.test>\r\nRCPT TO:<v@mail.test>\r\nDATA\r\nSubject: smuggled\r\n\r\n.\r\n",
        b"Subject: a\r\n\r\nx\n.\r\nMAIL FROM:<ceo@bank.test>\r\nRCPT TO:<v@mail.test>\r\nDATA\r\nSubject: smuggled\r\n\r\n.\r\n",
        b"Subject: a\r\n\r\nx\r.\r\nMAIL FROM:<ceo@bank.test>\r\nRCPT TO:<v@mail.test>\r\nDATA\r\nSubject: smuggled\r\n\r\n.\r\n",
        b"Subject: a\r\n\r\nx\r\n.\nMAIL FROM:<ceo@bank.test>\r\n.\r\n",
    ];
    for attack in attacks {
        envelope(&mut c).await;
        c.send(attack).await;
        let text = c.expect(550).await;
        assert!(text.starts_with("550 5.6.0 "), "{text}");
        // One reply only: the next command is answered in step.
        c.cmd("NOOP", 250).await;
    }
    envelope(&mut c).await;
    c.send(b"Subject: good\r\n\r\nok\r\n.\r\n").await;
    c.expect(250).await;
    let got = server.backend.taken();
    assert_eq!(got.len(), 1, "a smuggled message was accepted");
    assert_eq!(strip_received(&got[0].1), b"Subject: good\r\n\r\nok\r\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bare_lf_lines_are_stored_with_crlf_by_default() {
    let server = start(config(true)).await;
    let mut c = Raw::connect(server.plain).await;
    c.expect(220).await;
    c.cmd("EHLO scanner", 250).await;
    envelope(&mut c).await;
    c.send(b"Subject: lf\n\nbare\nline\n..dot\r\n.\r\n").await;
    c.expect(250).await;
    let got = server.backend.taken();
    assert_eq!(got.len(), 1);
    assert_eq!(
        strip_received(&got[0].1),
        b"Subject: lf\r\n\r\nbare\r\nline\r\n.dot\r\n"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn strict_mode_refuses_bare_lf_550_session_stays_usable() {
    let mut cfg = config(true);
    cfg.limits.bare_newline = sluis::config::BareNewline::Strict;
    let server = start(cfg).await;
    let mut c = Raw::connect(server.plain).await;
    c.expect(220).await;
    c.cmd("EHLO scanner", 250).await;
    envelope(&mut c).await;
    c.send(b"Subject: a\r\n\r\nbare\nline\r\n.\r\n").await;
    let text = c.expect(550).await;
    assert!(text.starts_with("550 5.6.0 "), "{text}");
    c.cmd("NOOP", 250).await;
    assert!(server.backend.taken().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn untrusted_plain_client_needs_auth_530() {
    let server = start(config(false)).await;
    let mut c = Raw::connect(server.plain).await;
    c.expect(220).await;
    c.cmd("EHLO pc", 250).await;
    let text = c.cmd("MAIL FROM:<x@praktijk.test>", 530).await;
    assert!(text.starts_with("530 5.7.0 "), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_timeout_421_and_server_keeps_serving() {
    let mut cfg = config(true);
    cfg.limits.command_timeout_secs = 1;
    let server = start(cfg).await;
    let mut c = Raw::connect(server.plain).await;
    c.expect(220).await;
    let started = Instant::now();
    let text = c.expect(421).await;
    assert!(text.starts_with("421 4.4.2 "), "{text}");
    assert!(started.elapsed() >= Duration::from_millis(900));
    assert!(c.reply().await.is_none(), "connection must be closed");
    let mut c = Raw::connect(server.plain).await;
    c.expect(220).await;
    c.cmd("EHLO pc", 250).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_per_ip_limited_421_and_released() {
    let mut cfg = config(true);
    cfg.limits.max_connections_per_ip = 2;
    let server = start(cfg).await;
    let mut a = Raw::connect(server.plain).await;
    a.expect(220).await;
    let mut b = Raw::connect(server.plain).await;
    b.expect(220).await;
    let mut c = Raw::connect(server.plain).await;
    let text = c.expect(421).await;
    assert!(text.starts_with("421 4.7.0 "), "{text}");
    assert!(c.reply().await.is_none());
    a.cmd("QUIT", 221).await;
    assert!(a.reply().await.is_none());
    // The slot is free again (the guard drops when the session task ends).
    let mut ok = false;
    for _ in 0..50 {
        let mut d = Raw::connect(server.plain).await;
        if d.reply().await.map(|r| r.0) == Some(220) {
            ok = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(ok, "connection slot not released");
    b.cmd("NOOP", 250).await;
}

async fn one_session(addr: std::net::SocketAddr, n: usize) {
    let mut c = Raw::connect(addr).await;
    c.expect(220).await;
    c.cmd(&format!("EHLO client{n}"), 250).await;
    // Pipelined envelope, as a real client with PIPELINING would send it.
    c.send(
        format!("MAIL FROM:<s{n}@praktijk.test>\r\nRCPT TO:<r{n}@mail.test>\r\nDATA\r\n")
            .as_bytes(),
    )
    .await;
    c.expect(250).await;
    c.expect(250).await;
    c.expect(354).await;
    let mut body = MSG.to_vec();
    body.extend_from_slice(format!("nummer {n}\r\n.\r\nQUIT\r\n").as_bytes());
    c.send(&body).await;
    c.expect(250).await;
    c.expect(221).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_sessions_all_succeed() {
    let mut cfg = config(true);
    cfg.limits.max_connections = 300;
    cfg.limits.max_connections_per_ip = 300;
    let server = start(cfg).await;
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..200 {
        tasks.spawn(one_session(server.plain, n));
    }
    while let Some(r) = tasks.join_next().await {
        r.unwrap();
    }
    let elapsed = started.elapsed();
    let got = server.backend.taken();
    assert_eq!(got.len(), 200);
    let mut seen: Vec<_> = got.iter().map(|(s, _)| s.recipients[0].clone()).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 200);
    eprintln!("200 concurrent sessions in {elapsed:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_stops_accepting_and_lets_a_message_in_flight_finish() {
    let server = start(config(true)).await;
    let mut busy = Raw::connect(server.plain).await;
    busy.expect(220).await;
    busy.cmd("EHLO pc", 250).await;
    envelope(&mut busy).await;
    busy.send(b"Subject: half\r\n").await;
    let mut idle = Raw::connect(server.plain).await;
    idle.expect(220).await;
    server.shutdown.send(true).unwrap();
    let text = idle.expect(421).await;
    assert!(text.starts_with("421 4.3.2 "), "{text}");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        tokio::net::TcpStream::connect(server.plain).await.is_err(),
        "still accepting after shutdown"
    );
    assert!(
        !server.task.is_finished(),
        "serve returned with a session in DATA"
    );
    busy.send(b"\r\nrest\r\n.\r\n").await;
    busy.expect(250).await;
    // Back at a command boundary, the session is told the server stops.
    let text = busy.expect(421).await;
    assert!(text.starts_with("421 4.3.2 "), "{text}");
    tokio::time::timeout(Duration::from_secs(10), server.task)
        .await
        .expect("serve did not return")
        .unwrap()
        .unwrap();
    assert_eq!(server.backend.taken().len(), 1);
}

/// Throughput figure (not a pass/fail test): 20 connections, 100 messages
/// of ~10 KB each, pipelined envelope, fake in-memory backend.
/// `cargo test --release --test smtp_raw throughput -- --ignored --nocapture`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn throughput() {
    let mut cfg = config(true);
    cfg.limits.max_messages_per_session = 10_000;
    let server = start(cfg).await;
    let mut body = b"Subject: load\r\n\r\n".to_vec();
    while body.len() < 10_000 {
        body.extend_from_slice(
            b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\r\n",
        );
    }
    body.extend_from_slice(b".\r\n");
    let body = std::sync::Arc::new(body);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..20 {
        let body = body.clone();
        let addr = server.plain;
        tasks.spawn(async move {
            let mut c = Raw::connect(addr).await;
            c.expect(220).await;
            c.cmd(&format!("EHLO load{n}"), 250).await;
            for _ in 0..100 {
                c.send(b"MAIL FROM:<s@praktijk.test>\r\nRCPT TO:<r@mail.test>\r\nDATA\r\n")
                    .await;
                c.expect(250).await;
                c.expect(250).await;
                c.expect(354).await;
                c.send(&body).await;
                c.expect(250).await;
            }
        });
    }
    while let Some(r) = tasks.join_next().await {
        r.unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(server.backend.taken().len(), 2000);
    eprintln!(
        "2000 messages of {} bytes in {secs:.2}s = {:.0} msg/s",
        body.len(),
        2000.0 / secs
    );
}

#[tokio::test]
async fn tls_listener_without_certificate_is_a_startup_error() {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let (_tx, rx) = tokio::sync::watch::channel(false);
    let (audit, _) = sluis::audit::Audit::channel();
    let err = sluis::smtp::serve_listeners(
        vec![(l, sluis::config::ListenerTls::Starttls)],
        std::sync::Arc::new(config(false)),
        None,
        std::sync::Arc::new(FakeBackend::default()),
        audit,
        rx,
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("TLS certificate"), "{err}");
}
