//! Dialogue tests of the session state machine, played in memory with the
//! fake backend. Each rule of the submission server has a test here, with
//! the exact reply code and enhanced status code asserted.

use super::testkit::*;
use crate::config::ListenerTls;
use std::time::Duration;

const MSG: &[u8] = b"From: jansen@praktijk.test\r\nTo: a@b.test\r\nSubject: test\r\n\r\nHallo,\r\n..met punt\r\n\r\nGroet\r\n";

/// The message above, dot-stuffed, plus the end-of-data line.
fn wire(msg: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in msg.split_inclusive(|&b| b == b'\n') {
        if line.first() == Some(&b'.') {
            out.push(b'.');
        }
        out.extend_from_slice(line);
    }
    out.extend_from_slice(b".\r\n");
    out
}

#[tokio::test]
async fn ehlo_offers_starttls_then_auth_only_under_tls() {
    let mut h = start(test_config(), UNTRUSTED);
    let c = &mut h.client;
    let greeting = c.expect(220, "").await;
    assert!(greeting.contains("sluis.test"));
    let ehlo = c.cmd("EHLO pc1", 250, "").await;
    for cap in [
        "PIPELINING",
        "SIZE 10000",
        "8BITMIME",
        "SMTPUTF8",
        "ENHANCEDSTATUSCODES",
        "STARTTLS",
    ] {
        assert!(ehlo.contains(cap), "{cap} missing: {ehlo}");
    }
    assert!(!ehlo.contains("AUTH"), "AUTH offered before TLS: {ehlo}");
    assert!(!ehlo.contains("CHUNKING"));
    let text = c.cmd("AUTH PLAIN AGEAYg==", 538, "5.7.11").await;
    assert!(text.contains("versleutelde") && text.contains("Encryption required"));
    c.starttls().await;
    let ehlo = c.cmd("EHLO pc1", 250, "").await;
    assert!(ehlo.contains("AUTH PLAIN LOGIN"), "{ehlo}");
    assert!(!ehlo.contains("STARTTLS"));
    c.cmd("STARTTLS", 503, "5.5.1").await;
    c.cmd("QUIT", 221, "2.0.0").await;
    c.expect_closed().await;
}

#[tokio::test]
async fn untrusted_client_without_auth_gets_530() {
    let mut h = start(test_config(), UNTRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc1", 250, "").await;
    c.cmd("MAIL FROM:<jansen@praktijk.test>", 530, "5.7.0")
        .await;
}

#[tokio::test]
async fn trusted_network_sends_without_auth_body_exact_and_received_header() {
    let mut h = start(test_config(), TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO scanner", 250, "").await;
    c.cmd("MAIL FROM:<> BODY=8BITMIME SMTPUTF8", 250, "2.1.0")
        .await;
    c.cmd("RCPT TO:<a@b.test>", 250, "2.1.5").await;
    c.cmd("DATA", 354, "").await;
    c.send(&wire(MSG)).await;
    c.expect(250, "2.0.0").await;
    let taken = h.backend.taken();
    assert_eq!(taken.len(), 1);
    let (sub, message) = &taken[0];
    assert_eq!(strip_received(message), MSG);
    assert_eq!(sub.tenant, "scanners");
    assert_eq!(sub.mail_from, "");
    assert!(sub.auth.is_none() && sub.body_8bit && sub.smtputf8);
    assert_eq!(sub.client_ip.to_string(), TRUSTED);
    let head = String::from_utf8_lossy(&message[..message.len() - MSG.len()]).to_string();
    assert!(
        head.starts_with("Received: from scanner ([10.9.1.2])"),
        "{head}"
    );
    assert!(head.contains("by sluis.test (Sluis) with ESMTP;"), "{head}");
    assert!(
        !head.contains("a@b.test"),
        "recipient leaked into Received: {head}"
    );
}

#[tokio::test]
async fn auth_plain_then_allowed_spoofed_and_null_senders() {
    let mut h = start(test_config(), UNTRUSTED);
    let c = &mut h.client;
    c.login().await;
    c.cmd("AUTH PLAIN AGEAYg==", 503, "5.5.1").await;
    c.cmd("MAIL FROM:<directeur@elders.test>", 553, "5.7.1")
        .await;
    c.cmd("MAIL FROM:<>", 553, "5.7.1").await;
    c.cmd("MAIL FROM:<balie@praktijk.test>", 250, "2.1.0").await;
    c.cmd("RCPT TO:<patient@mail.test>", 250, "2.1.5").await;
    c.cmd("DATA", 354, "").await;
    c.send(&wire(MSG)).await;
    c.expect(250, "2.0.0").await;
    let taken = h.backend.taken();
    let (sub, message) = &taken[0];
    assert_eq!(sub.tenant, "praktijk");
    assert_eq!(sub.auth.as_ref().unwrap().account, USER);
    assert_eq!(sub.tls_version.as_deref(), Some("TLSv1.3"));
    let head = String::from_utf8_lossy(&message[..message.len() - MSG.len()]).to_string();
    assert!(
        head.contains("with ESMTPSA") && head.contains("version=TLSv1.3"),
        "{head}"
    );
    assert!(!head.contains(USER), "account leaked into Received: {head}");
}

#[tokio::test]
async fn auth_login_with_and_without_initial_response_and_plain_continuation() {
    for style in 0..3 {
        let mut h = start(test_config(), UNTRUSTED);
        let c = &mut h.client;
        c.expect(220, "").await;
        c.cmd("EHLO pc", 250, "").await;
        c.starttls().await;
        c.cmd("EHLO pc", 250, "").await;
        match style {
            0 => {
                let t = c.cmd("AUTH LOGIN", 334, "").await;
                assert_eq!(t, "334 VXNlcm5hbWU6\r\n");
                let t = c.cmd(&b64(USER), 334, "").await;
                assert_eq!(t, "334 UGFzc3dvcmQ6\r\n");
                c.cmd(&b64(PASSWORD), 235, "2.7.0").await;
            }
            1 => {
                c.cmd(&format!("AUTH LOGIN {}", b64(USER)), 334, "").await;
                c.cmd(&b64(PASSWORD), 235, "2.7.0").await;
            }
            _ => {
                c.cmd("AUTH PLAIN", 334, "").await;
                c.cmd(&plain_token(USER, PASSWORD), 235, "2.7.0").await;
            }
        }
        c.cmd("MAIL FROM:<jansen@praktijk.test>", 250, "2.1.0")
            .await;
    }
}

#[tokio::test]
async fn auth_cancel_bad_base64_unknown_mechanism_and_backend_failure() {
    let mut h = start(test_config(), UNTRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    c.starttls().await;
    c.cmd("EHLO pc", 250, "").await;
    c.cmd("AUTH LOGIN", 334, "").await;
    c.cmd("*", 501, "5.7.0").await;
    c.cmd("AUTH PLAIN !!!", 501, "5.5.2").await;
    c.cmd("AUTH CRAM-MD5", 504, "5.5.4").await;
    c.cmd(
        &format!("AUTH PLAIN {}", plain_token("storing", "x")),
        454,
        "4.7.0",
    )
    .await;
    c.cmd("MAIL FROM:<jansen@praktijk.test>", 530, "5.7.0")
        .await;
}

#[tokio::test]
async fn wrong_password_535_then_ip_blocked_454_and_audited() {
    let mut h = start(test_config(), UNTRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    c.starttls().await;
    c.cmd("EHLO pc", 250, "").await;
    let bad = format!("AUTH PLAIN {}", plain_token(USER, "fout"));
    let started = std::time::Instant::now();
    c.cmd(&bad, 535, "5.7.8").await;
    assert!(
        started.elapsed() >= Duration::from_millis(10),
        "failure not delayed"
    );
    c.cmd(&bad, 535, "5.7.8").await;
    c.cmd(&bad, 535, "5.7.8").await;
    // Blocked now, even with the right password.
    let good = format!("AUTH PLAIN {}", plain_token(USER, PASSWORD));
    c.cmd(&good, 454, "4.7.0").await;
    let event = h.audit.try_recv().unwrap();
    assert_eq!(event.kind, "auth-failed");
    assert_eq!(event.ip.unwrap().to_string(), UNTRUSTED);
    let detail = event.detail.to_string();
    assert!(
        detail.contains("j***@praktijk.test") && !detail.contains("jansen"),
        "{detail}"
    );
    assert!(!detail.contains("fout"));
}

#[tokio::test]
async fn input_pipelined_after_starttls_is_discarded() {
    let mut h = start(test_config(), TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    c.send(b"STARTTLS\r\nMAIL FROM:<evil@x.test>\r\nRCPT TO:<a@b.test>\r\n")
        .await;
    c.expect(220, "2.0.0").await;
    c.tls_handshake().await;
    // Had the injected commands run, this would answer MAIL (503 / 250).
    c.cmd("NOOP", 250, "2.0.0").await;
    c.cmd("MAIL FROM:<x@y.test>", 503, "5.5.1").await; // EHLO needed again
}

#[tokio::test]
async fn pipelined_envelope_is_answered_in_order() {
    let mut h = start(test_config(), TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    c.send(b"MAIL FROM:<s@praktijk.test>\r\nRCPT TO:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\n")
        .await;
    c.expect(250, "2.1.0").await;
    c.expect(250, "2.1.5").await;
    c.expect(250, "2.1.5").await;
    c.expect(354, "").await;
    let mut rest = wire(MSG);
    rest.extend_from_slice(b"QUIT\r\n");
    c.send(&rest).await;
    c.expect(250, "2.0.0").await;
    c.expect(221, "2.0.0").await;
    assert_eq!(
        h.backend.taken()[0].0.recipients,
        vec!["a@b.test", "c@d.test"]
    );
}

#[tokio::test]
async fn size_declared_too_big_552_and_oversize_data_552_then_session_goes_on() {
    let mut h = start(test_config(), TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    c.cmd("MAIL FROM:<s@praktijk.test> SIZE=10001", 552, "5.3.4")
        .await;
    c.cmd("MAIL FROM:<s@praktijk.test> SIZE=9000", 250, "2.1.0")
        .await;
    c.cmd("RCPT TO:<a@b.test>", 250, "2.1.5").await;
    c.cmd("DATA", 354, "").await;
    let mut big = Vec::new();
    for _ in 0..200 {
        big.extend_from_slice(&[b'x'; 98]);
        big.extend_from_slice(b"\r\n");
    }
    c.send(&wire(&big)).await;
    c.expect(552, "5.3.4").await;
    assert!(h.backend.taken().is_empty());
    c.cmd("NOOP", 250, "2.0.0").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 250, "2.1.0").await;
}

#[tokio::test]
async fn too_many_recipients_452() {
    let mut h = start(test_config(), TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 250, "2.1.0").await;
    for i in 0..3 {
        c.cmd(&format!("RCPT TO:<r{i}@b.test>"), 250, "2.1.5").await;
    }
    c.cmd("RCPT TO:<r4@b.test>", 452, "4.5.3").await;
    c.cmd("RCPT TO:<zonder-domein>", 501, "5.1.3").await;
    c.cmd("DATA", 354, "").await;
    c.send(&wire(MSG)).await;
    c.expect(250, "2.0.0").await;
    assert_eq!(h.backend.taken()[0].0.recipients.len(), 3);
}

#[tokio::test]
async fn bare_lf_and_smuggling_sequences_rejected_550_session_stays_in_sync() {
    let sneaky: [&[u8]; 6] = [
        b"Subject: x\r\n\r\nbare\nlf\r\n",
        b"Subject: x\r\n\r\nhi\n.\nMAIL FROM:<evil@x.test>\r\nRCPT TO:<v@x.test>\r\nDATA\r\nevil\r\n",
        b"Subject: x\r\n\r\nhi\n.\r\nMAIL FROM:<evil@x.test>\r\nRCPT TO:<v@x.test>\r\nDATA\r\nevil\r\n",
        b"Subject: x\r\n\r\nhi\r.\rMAIL FROM:<evil@x.test>\r\n",
        b"Subject: x\r\n\r\nhi\r\n.\nMAIL FROM:<evil@x.test>\r\n",
        b"Subject: x\r\n\r\nhi\r.\r\nMAIL FROM:<evil@x.test>\r\n",
    ];
    // In strict mode a plain bare LF line is refused too; normalising
    // (the default) stores it with CRLF but refuses every look-alike.
    for (mode, cases) in [
        (crate::config::BareNewline::Strict, &sneaky[..]),
        (crate::config::BareNewline::Normalize, &sneaky[1..]),
    ] {
        refused_in_step(mode, cases).await;
    }
}

async fn refused_in_step(mode: crate::config::BareNewline, sneaky: &[&[u8]]) {
    let mut config = test_config();
    config.limits.max_errors_per_session = 100;
    config.limits.bare_newline = mode;
    let mut h = start(config, TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    for body in sneaky {
        c.cmd("MAIL FROM:<s@praktijk.test>", 250, "2.1.0").await;
        c.cmd("RCPT TO:<a@b.test>", 250, "2.1.5").await;
        c.cmd("DATA", 354, "").await;
        let mut input = body.to_vec();
        input.extend_from_slice(b".\r\n");
        c.send(&input).await;
        let text = c.expect(550, "5.6.0").await;
        assert!(text.contains("CR") && text.contains("LF") && text.contains("niet toegestaan"));
        // Exactly one reply: the next command is answered in step.
        c.cmd("NOOP", 250, "2.0.0").await;
        c.cmd("RSET", 250, "2.0.0").await;
    }
    assert!(
        h.backend.taken().is_empty(),
        "a smuggled message got through"
    );
}

#[tokio::test]
async fn long_command_and_long_data_line_500() {
    let mut h = start(test_config(), TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    let long = format!("NOOP {}", "x".repeat(3000));
    c.cmd(&long, 500, "5.5.2").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 250, "2.1.0").await;
    c.cmd("RCPT TO:<a@b.test>", 250, "2.1.5").await;
    c.cmd("DATA", 354, "").await;
    let mut body = b"Subject: x\r\n\r\n".to_vec();
    body.extend_from_slice(&[b'y'; 2500]);
    body.extend_from_slice(b"\r\n.\r\n");
    c.send(&body).await;
    c.expect(500, "5.5.2").await;
    c.cmd("NOOP", 250, "2.0.0").await;
    assert!(h.backend.taken().is_empty());
}

#[tokio::test]
async fn sequence_errors_and_simple_commands() {
    let mut config = test_config();
    config.limits.max_errors_per_session = 100;
    let mut h = start(config, TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 503, "5.5.1").await;
    c.cmd("HELO pc", 250, "").await;
    c.cmd("RCPT TO:<a@b.test>", 503, "5.5.1").await;
    c.cmd("DATA", 503, "5.5.1").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 250, "2.1.0").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 503, "5.5.1").await;
    c.cmd("DATA", 554, "5.5.1").await;
    c.cmd("VRFY jansen", 252, "2.5.0").await;
    c.cmd("HELP", 214, "2.0.0").await;
    c.cmd("BDAT 10 LAST", 502, "5.5.1").await;
    c.cmd("EXPN lijst", 502, "5.5.1").await;
    c.cmd("FOO bar", 500, "5.5.1").await;
    c.cmd("MAIL FROM:<s@praktijk.test> BODY=BINARYMIME", 503, "5.5.1")
        .await;
    c.cmd("RSET", 250, "2.0.0").await;
    c.cmd("MAIL FROM:<s@praktijk.test> BODY=BINARYMIME", 555, "5.5.4")
        .await;
    c.cmd("MAIL FROM:<s@praktijk.test> FOO=1", 555, "5.5.4")
        .await;
    c.cmd("STARTTLS", 220, "2.0.0").await;
}

#[tokio::test]
async fn too_many_errors_421_and_close() {
    let mut h = start(test_config(), TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    for _ in 0..4 {
        c.cmd("XYZZY", 500, "5.5.1").await;
    }
    c.cmd("XYZZY", 500, "5.5.1").await;
    c.expect(421, "4.7.0").await;
    c.expect_closed().await;
}

#[tokio::test]
async fn max_messages_per_session_421() {
    let mut config = test_config();
    config.limits.max_messages_per_session = 1;
    let mut h = start(config, TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 250, "2.1.0").await;
    c.cmd("RCPT TO:<a@b.test>", 250, "2.1.5").await;
    c.cmd("DATA", 354, "").await;
    c.send(&wire(MSG)).await;
    c.expect(250, "2.0.0").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 421, "4.7.0").await;
    c.expect_closed().await;
}

#[tokio::test]
async fn command_timeout_421() {
    let mut config = test_config();
    config.limits.command_timeout_secs = 1;
    let mut h = start(config, TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.expect(421, "4.4.2").await;
    c.expect_closed().await;
}

#[tokio::test]
async fn data_timeout_421() {
    let mut config = test_config();
    config.limits.data_timeout_secs = 1;
    let mut h = start(config, TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("EHLO pc", 250, "").await;
    c.cmd("MAIL FROM:<s@praktijk.test>", 250, "2.1.0").await;
    c.cmd("RCPT TO:<a@b.test>", 250, "2.1.5").await;
    c.cmd("DATA", 354, "").await;
    c.send(b"Subject: half\r\n").await;
    c.expect(421, "4.4.2").await;
    c.expect_closed().await;
    assert!(h.backend.taken().is_empty());
}

#[tokio::test]
async fn shutdown_tells_idle_session_421() {
    let mut h = start(test_config(), TRUSTED);
    h.client.expect(220, "").await;
    h.client.cmd("EHLO pc", 250, "").await;
    h.shutdown.send(true).unwrap();
    h.client.expect(421, "4.3.2").await;
    h.client.expect_closed().await;
    h.task.await.unwrap();
}

#[tokio::test]
async fn plain_listener_offers_no_starttls_and_no_auth() {
    let mut h = start_with(test_config(), TRUSTED, ListenerTls::None);
    let c = &mut h.client;
    c.expect(220, "").await;
    let ehlo = c.cmd("EHLO pc", 250, "").await;
    assert!(!ehlo.contains("STARTTLS") && !ehlo.contains("AUTH"));
    c.cmd("STARTTLS", 502, "5.5.1").await;
    c.cmd("AUTH PLAIN AGEAYg==", 538, "5.7.11").await;
}

#[tokio::test]
async fn smtputf8_address_and_helo_protocol() {
    let mut h = start(test_config(), TRUSTED);
    let c = &mut h.client;
    c.expect(220, "").await;
    c.cmd("HELO oud", 250, "").await;
    c.cmd("MAIL FROM:<jöran@praktijk.test> SMTPUTF8", 250, "2.1.0")
        .await;
    c.cmd("RCPT TO:<zoë@mail.test>", 250, "2.1.5").await;
    c.cmd("DATA", 354, "").await;
    c.send(&wire(MSG)).await;
    c.expect(250, "2.0.0").await;
    let (sub, message) = &h.backend.taken()[0];
    assert!(sub.smtputf8);
    assert_eq!(sub.mail_from, "jöran@praktijk.test");
    assert_eq!(sub.recipients, vec!["zoë@mail.test"]);
    assert!(String::from_utf8_lossy(message).contains("with SMTP;"));
}
