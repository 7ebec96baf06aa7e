//! The real SMTP server on 127.0.0.1 port 0, driven by real clients:
//! Python smtplib (tests/smtp/client.py) and swaks. Needs `python3` and
//! the apt packages `swaks` and `libnet-ssleay-perl`.

#[path = "smtp/common.rs"]
mod common;

use common::*;
use serde_json::json;
use std::process::Command;

const BODY: &[u8] = b"From: Jansen <jansen@praktijk.test>\r\nTo: patient@mail.test\r\nSubject: Uitslag\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBeste meneer,\r\n.punt aan het begin\r\n..twee punten\r\n\r\nMet vriendelijke groet,\r\nDokter Jansen\r\n";

fn script() -> String {
    format!("{}/tests/smtp/client.py", env!("CARGO_MANIFEST_DIR"))
}

/// Run the smtplib client; returns its steps as (stage, code, text).
async fn python(cfg: serde_json::Value) -> Vec<(String, u16, String)> {
    let out = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(script())
            .arg(cfg.to_string())
            .output()
            .expect("python3 must be installed")
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "client.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let steps: Vec<(String, u16, String)> = serde_json::from_slice(&out.stdout).unwrap();
    steps
}

fn codes(steps: &[(String, u16, String)]) -> Vec<(&str, u16)> {
    steps.iter().map(|(s, c, _)| (s.as_str(), *c)).collect()
}

fn body_file(server: &Server, name: &str, body: &[u8]) -> String {
    let path = server.dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    path.display().to_string()
}

async fn swaks(args: Vec<String>) -> (i32, String) {
    let out = tokio::task::spawn_blocking(move || {
        Command::new("swaks")
            .args(&args)
            .output()
            .expect("swaks must be installed (apt: swaks libnet-ssleay-perl)")
    })
    .await
    .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtplib_starttls_auth_plain_and_login_body_arrives_byte_identical() {
    let server = start(config(false)).await;
    let file = body_file(&server, "message.eml", BODY);
    for (i, mech) in ["PLAIN", "LOGIN"].iter().enumerate() {
        let steps = python(json!({
            "port": server.starttls.port(), "tls": "starttls",
            "cafile": server.cafile, "user": USER, "password": PASSWORD, "mech": mech,
            "mail_from": USER, "rcpts": ["patient@mail.test", "huisarts@elders.test"],
            "message_file": file,
        }))
        .await;
        assert_eq!(
            codes(&steps),
            vec![
                ("ehlo", 250),
                ("starttls", 220),
                ("ehlo", 250),
                ("auth", 235),
                ("mail", 250),
                ("rcpt", 250),
                ("rcpt", 250),
                ("data", 250)
            ],
            "{steps:?}"
        );
        let got = server.backend.taken();
        let (sub, message) = &got[i];
        assert_eq!(strip_received(message), BODY, "body changed in transit");
        assert_eq!(
            sub.recipients,
            vec!["patient@mail.test", "huisarts@elders.test"]
        );
        assert_eq!(sub.tenant, "praktijk");
        let received = String::from_utf8_lossy(&message[..message.len() - BODY.len()]).to_string();
        assert!(
            received.contains("with ESMTPSA") && received.contains("version=TLSv1.3"),
            "{received}"
        );
        assert!(!received.contains("patient@mail.test"), "{received}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtplib_implicit_tls() {
    let server = start(config(false)).await;
    let steps = python(json!({
        "port": server.implicit.port(), "tls": "implicit", "cafile": server.cafile,
        "user": USER, "password": PASSWORD, "mech": "PLAIN",
        "mail_from": USER, "rcpts": ["patient@mail.test"], "message_file": body_file(&server, "message.eml", BODY),
    }))
    .await;
    assert_eq!(codes(&steps).last(), Some(&("data", 250)), "{steps:?}");
    assert_eq!(strip_received(&server.backend.taken()[0].1), BODY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtplib_rejections_and_the_server_keeps_serving() {
    let server = start(config(false)).await;
    let file = body_file(&server, "message.eml", BODY);
    let base = json!({
        "port": server.starttls.port(), "tls": "starttls", "cafile": server.cafile,
        "user": USER, "password": PASSWORD, "mech": "PLAIN",
        "mail_from": USER, "rcpts": ["patient@mail.test"], "message_file": file,
    });
    let with = |patch: serde_json::Value| {
        let mut v = base.clone();
        for (k, val) in patch.as_object().unwrap() {
            v[k] = val.clone();
        }
        v
    };

    // Wrong password: 535 5.7.8.
    let steps = python(with(json!({"password": "fout"}))).await;
    let (stage, code, text) = steps.last().unwrap();
    assert_eq!((stage.as_str(), *code), ("auth", 535), "{steps:?}");
    assert!(text.starts_with("5.7.8"), "{text}");

    // AUTH before TLS: 538 5.7.11.
    let steps = python(with(json!({"tls": "none", "raw_auth": true}))).await;
    let (_, code, text) = steps.last().unwrap();
    assert_eq!(*code, 538, "{steps:?}");
    assert!(text.starts_with("5.7.11"), "{text}");

    // Spoofed sender: 553 5.7.1.
    let steps = python(with(json!({"mail_from": "directeur@elders.test"}))).await;
    let (stage, code, text) = steps.last().unwrap();
    assert_eq!((stage.as_str(), *code), ("mail", 553), "{steps:?}");
    assert!(
        text.contains("Afzender niet toegestaan voor dit account"),
        "{text}"
    );

    // Declared size too big: 552 5.3.4.
    let steps = python(with(json!({"mail_options": ["SIZE=200000"]}))).await;
    assert_eq!(codes(&steps).last(), Some(&("mail", 552)), "{steps:?}");

    // Oversize message without SIZE: 552 after the final dot.
    let mut big = BODY.to_vec();
    for _ in 0..2000 {
        big.extend_from_slice(b"Een regel tekst om het bericht groot te maken.......\r\n");
    }
    let steps = python(with(
        json!({"message_file": body_file(&server, "big.eml", &big)}),
    ))
    .await;
    assert_eq!(codes(&steps).last(), Some(&("data", 552)), "{steps:?}");

    // Too many recipients: the sixth gets 452 4.5.3, five are delivered.
    let rcpts: Vec<String> = (0..6).map(|i| format!("r{i}@mail.test")).collect();
    let steps = python(with(json!({"rcpts": rcpts, "message_file": file}))).await;
    let c = codes(&steps);
    assert_eq!(
        c.iter().filter(|s| **s == ("rcpt", 250)).count(),
        5,
        "{steps:?}"
    );
    assert!(c.contains(&("rcpt", 452)), "{steps:?}");
    assert_eq!(c.last(), Some(&("data", 250)));

    // Still serving after all of that.
    let steps = python(base.clone()).await;
    assert_eq!(codes(&steps).last(), Some(&("data", 250)), "{steps:?}");
    let got = server.backend.taken();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0.recipients.len(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn swaks_starttls_and_implicit_tls_with_plain_and_login() {
    let mut server = start(config(false)).await;
    // swaks ends DATA with "\r\n.\r\n" itself, so it gets the body
    // without its last line ending.
    let trimmed = BODY.strip_suffix(b"\r\n").unwrap();
    let file = format!("@{}", body_file(&server, "swaks.eml", trimmed));
    let common = |port: u16, tls: &str, mech: &str, password: &str| -> Vec<String> {
        [
            "--server",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            tls,
            "--tls-verify",
            "--tls-ca-path",
            &server.cafile.display().to_string(),
            "--tls-sni",
            "localhost",
            "--auth",
            mech,
            "--auth-user",
            USER,
            "--auth-password",
            password,
            "--from",
            USER,
            "--to",
            "patient@mail.test",
            "--ehlo",
            "pc1.praktijk.test",
            "--data",
            &file,
            "--timeout",
            "20",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let (rc, out) = swaks(common(server.starttls.port(), "--tls", "PLAIN", PASSWORD)).await;
    assert_eq!(rc, 0, "{out}");
    assert!(out.contains("<~  235 2.7.0"), "{out}");
    let (rc, out) = swaks(common(
        server.implicit.port(),
        "--tls-on-connect",
        "LOGIN",
        PASSWORD,
    ))
    .await;
    assert_eq!(rc, 0, "{out}");
    assert!(out.contains("<~  250 2.0.0"), "{out}");
    let got = server.backend.taken();
    assert_eq!(got.len(), 2);
    for (_, message) in &got {
        assert_eq!(strip_received(message), BODY);
    }
    // With PIPELINING: swaks sends MAIL, RCPT and DATA in one go.
    let mut args = common(server.starttls.port(), "--tls", "PLAIN", PASSWORD);
    args.push("--pipeline".into());
    let (rc, out) = swaks(args).await;
    assert_eq!(rc, 0, "{out}");
    assert_eq!(server.backend.taken().len(), 3);
    let (rc, out) = swaks(common(server.starttls.port(), "--tls", "LOGIN", "fout")).await;
    assert_ne!(rc, 0, "{out}");
    assert!(out.contains("535 5.7.8"), "{out}");
    let event = server.audit.try_recv().unwrap();
    assert_eq!(event.kind, "auth-failed");
    assert!(!event.detail.to_string().contains("jansen"));
}
