use super::*;
use crate::delivery::client::wire::ReplyParser;
use crate::delivery::message::header_block;
use crate::types::{MessageId, RcptStatus, Recipient, SmtpStatus};
use mail_parser::{MessageParser, MimeHeaders};

fn envelope() -> Envelope {
    Envelope {
        id: MessageId("0191a2b3c4d5e6f7".into()),
        tenant: "default".into(),
        mail_from: "assistent@praktijk.nl".into(),
        recipients: vec![Recipient::new("a@x.nl"), Recipient::new("b@y.nl")],
        received_at_ms: 1_790_000_000_000,
        client_ip: "127.0.0.1".parse().unwrap(),
        helo: "client".into(),
        authenticated_as: Some("assistent".into()),
        smtputf8: false,
        body_8bit: false,
        size: 100,
    }
}

const ORIGINAL: &[u8] = b"From: assistent@praktijk.nl\r\nTo: a@x.nl\r\nSubject: Uitslag\r\n\r\nGEHEIME INHOUD BSN 111222333\r\n";

fn parts(raw: &[u8]) -> Vec<(String, Vec<u8>)> {
    let msg = MessageParser::default().parse(raw).expect("DSN parses");
    msg.parts
        .iter()
        .map(|p| {
            let ct = p
                .content_type()
                .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")))
                .unwrap_or_default();
            let body = match p.text_contents() {
                Some(t) => t.as_bytes().to_vec(),
                None => p.contents().to_vec(),
            };
            (ct, body)
        })
        .collect()
}

#[test]
fn failure_dsn_is_a_multipart_report_dutch_first_and_without_the_body() {
    let rcpts = vec![DsnRecipient {
        address: "a@x.nl".into(),
        action: DsnAction::Failed,
        status: EnhancedCode::new(5, 1, 1),
        reason: Bilingual::new("ontvanger onbekend", "unknown recipient"),
        remote_mta: Some("relay.example.nl".into()),
        diagnostic: Some("550 5.1.1 <a@x.nl>: no such user\r\nX-Injected: yes".into()),
    }];
    let head = header_block(ORIGINAL, 64 * 1024);
    let raw = build_dsn(
        "sluis.example.nl",
        "MAILER-DAEMON@sluis.example.nl",
        &envelope(),
        head,
        &rcpts,
    );
    let text = String::from_utf8(raw.clone()).unwrap();
    assert!(!text.contains("GEHEIME"), "the body must never be returned");
    assert!(
        !text.contains("\r\nX-Injected"),
        "a reply cannot add fields"
    );

    let msg = MessageParser::default().parse(&raw).unwrap();
    let ct = msg.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("multipart", Some("report")));
    assert_eq!(ct.attribute("report-type"), Some("delivery-status"));
    assert_eq!(
        msg.header_raw("To").map(str::trim),
        Some("<assistent@praktijk.nl>")
    );

    let p = parts(&raw);
    assert_eq!(p.len(), 4, "{p:?}");
    assert_eq!(p[1].0, "text/plain");
    let human = String::from_utf8(p[1].1.clone()).unwrap();
    let nl = human
        .find("Uw bericht kon niet worden afgeleverd aan")
        .unwrap();
    let en = human
        .find("Your message could not be delivered to")
        .unwrap();
    assert!(nl < en, "Dutch first");
    assert!(human.contains("Reden: ontvanger onbekend"));
    assert!(human.contains("Reason: unknown recipient"));

    assert_eq!(p[2].0, "message/delivery-status");
    let status = String::from_utf8(p[2].1.clone()).unwrap();
    for field in [
        "Reporting-MTA: dns; sluis.example.nl",
        "Arrival-Date: ",
        "Final-Recipient: rfc822; a@x.nl",
        "Action: failed",
        "Status: 5.1.1",
        "Remote-MTA: dns; relay.example.nl",
        "Diagnostic-Code: smtp; 550 5.1.1 <a@x.nl>: no such user  X-Injected: yes",
    ] {
        assert!(status.contains(field), "missing {field:?} in {status}");
    }

    assert_eq!(p[3].0, "text/rfc822-headers");
    let h = String::from_utf8(p[3].1.clone()).unwrap();
    assert!(h.contains("Subject: Uitslag"));
    assert!(!h.contains("GEHEIME"));
}

#[test]
fn blocked_dsn_carries_5_7_1_and_both_reason_texts() {
    let raw = blocked_dsn(
        "sluis.example.nl",
        "postmaster@sluis.example.nl",
        &envelope(),
        header_block(ORIGINAL, 1024),
        &[(
            "b@y.nl".into(),
            Bilingual::new(
                "BSN naar extern adres geblokkeerd",
                "BSN to external address blocked",
            ),
        )],
    );
    let p = parts(&raw);
    let human = String::from_utf8(p[1].1.clone()).unwrap();
    assert!(human.contains("BSN naar extern adres geblokkeerd"));
    assert!(human.contains("BSN to external address blocked"));
    let status = String::from_utf8(p[2].1.clone()).unwrap();
    assert!(status.contains("Status: 5.7.1"));
    assert!(status.contains("Final-Recipient: rfc822; b@y.nl"));
    assert!(status.contains("Diagnostic-Code: X-Sluis; BSN to external address blocked"));
}

#[test]
fn header_block_stops_at_the_blank_line_and_the_limit() {
    assert_eq!(header_block(ORIGINAL, 10_000), &ORIGINAL[..59]);
    assert!(header_block(ORIGINAL, 10_000).ends_with(b"Uitslag\r\n"));
    // Cut at the limit: only complete lines.
    assert_eq!(
        header_block(ORIGINAL, 35),
        b"From: assistent@praktijk.nl\r\n"
    );
    assert_eq!(header_block(b"no newline at all", 5), b"");
}

fn report(status: RcptStatus, answer: Option<Answer>) -> DeliveryReport {
    DeliveryReport {
        recipient: "a@x.nl".into(),
        status,
        remote: "mx.x.nl[192.0.2.1]:25".into(),
        tls: Default::default(),
        answer,
        unmet: None,
    }
}

fn from_wire(line: &[u8]) -> Answer {
    let mut p = ReplyParser::new(10);
    let (_, reply) = p.feed(line).expect("a valid reply");
    Answer::NextHop(reply.expect("complete").to_status())
}

fn dsn_text(rcpt: DsnRecipient) -> String {
    let raw = build_dsn(
        "sluis.example.nl",
        "pm@sluis.example.nl",
        &envelope(),
        b"",
        &[rcpt],
    );
    String::from_utf8(raw).unwrap()
}

#[test]
fn status_comes_typed_from_the_reply_or_our_decision_else_the_class() {
    // What `status_code` once read back out of text, now from the types.
    let reply = report(
        RcptStatus::PermanentFailure {
            reason: String::new(),
        },
        Some(from_wire(b"550 5.1.1 no such user\r\n")),
    );
    assert_eq!(
        DsnRecipient::bounced(&reply, "").status,
        EnhancedCode::new(5, 1, 1)
    );
    let ours = Answer::Local(SmtpStatus::new(
        554,
        (5, 6, 7),
        "SMTPUTF8 nodig",
        "SMTPUTF8 needed",
    ));
    let local = report(ours.rcpt_status(), Some(ours));
    let d = DsnRecipient::bounced(&local, "");
    assert_eq!(d.status, EnhancedCode::new(5, 6, 7));
    assert_eq!(
        d.reason,
        Bilingual::new("SMTPUTF8 nodig", "SMTPUTF8 needed")
    );
    assert_eq!(d.diagnostic, None);
    let bare = report(
        RcptStatus::PermanentFailure {
            reason: String::new(),
        },
        Some(from_wire(b"554 rejected\r\n")),
    );
    assert_eq!(
        DsnRecipient::bounced(&bare, "").status,
        EnhancedCode::new(5, 0, 0)
    );
    let untyped = report(
        RcptStatus::PermanentFailure {
            reason: "weg / gone".into(),
        },
        None,
    );
    let d = DsnRecipient::bounced(&untyped, "weg / gone");
    assert_eq!(d.status, EnhancedCode::new(5, 0, 0));
    assert_eq!(d.reason, Bilingual::new("weg / gone", "weg / gone"));
}

#[test]
fn a_5xx_from_the_next_hop_bounces_with_its_own_code() {
    let answer = from_wire(b"550-5.1.1 <a@x.nl>: no\r\n550 5.1.1 such user\r\n");
    let status = answer.rcpt_status();
    assert_eq!(
        status,
        RcptStatus::PermanentFailure {
            reason: "550 5.1.1 <a@x.nl>: no such user".into()
        }
    );
    let RcptStatus::PermanentFailure { reason } = &status else {
        unreachable!()
    };
    let d = DsnRecipient::bounced(&report(status.clone(), Some(answer)), reason);
    assert_eq!(d.remote_mta.as_deref(), Some("mx.x.nl"));
    let text = dsn_text(d);
    assert!(
        text.contains("Action: failed\r\nStatus: 5.1.1\r\n"),
        "{text}"
    );
    assert!(text.contains("Diagnostic-Code: smtp; 550 5.1.1 <a@x.nl>: no such user\r\n"));
}

#[test]
fn a_4xx_from_the_next_hop_is_a_deferral_and_its_code_reaches_the_dsn() {
    let answer = from_wire(b"451 4.2.1 mailbox busy\r\n");
    let status = answer.rcpt_status();
    // Retried, with the reply as the journal's reason (as before).
    assert_eq!(
        status,
        RcptStatus::TemporaryFailure {
            reason: "451 4.2.1 mailbox busy".into()
        }
    );
    let rep = report(status, Some(answer));
    // Still deferred when the lifetime ends: 5.4.7, and the next hop's own
    // 4.2.1 reply as the diagnostic.
    let text = dsn_text(DsnRecipient::expired(&rep, "451 4.2.1 mailbox busy", 5.0));
    assert!(text.contains("Status: 5.4.7\r\n"), "{text}");
    assert!(text.contains("Diagnostic-Code: smtp; 451 4.2.1 mailbox busy\r\n"));
    // A delay notice for it says the reply's own code.
    let delayed = DsnRecipient {
        action: DsnAction::Delayed,
        status: rep
            .answer
            .as_ref()
            .map(|a| a.status().enhanced_or_generic())
            .unwrap(),
        ..DsnRecipient::expired(&rep, "", 5.0)
    };
    assert!(dsn_text(delayed).contains("Action: delayed\r\nStatus: 4.2.1\r\n"));
}

#[test]
fn quoted_printable_round_trips_through_mail_parser() {
    let text = "Reden: geëncrypt bestand = niet leesbaar \nnext\n".to_string() + &"x".repeat(200);
    let qp = quoted_printable(&text);
    assert!(qp.lines().all(|l| l.len() <= 76));
    let raw = format!("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}");
    let msg = MessageParser::default().parse(raw.as_bytes()).unwrap();
    assert_eq!(msg.body_text(0).unwrap().replace("\r\n", "\n"), text);
}

#[test]
fn dates_are_rfc5322() {
    assert_eq!(rfc5322_date(0), "Thu, 1 Jan 1970 00:00:00 +0000");
    assert_eq!(
        rfc5322_date(1_795_776_000_123),
        "Fri, 27 Nov 2026 10:40:00 +0000"
    );
}

#[test]
fn the_remote_host_is_taken_from_host_ip_and_port() {
    assert_eq!(
        remote_host("relay.example.nl[127.0.0.1]:25").as_deref(),
        Some("relay.example.nl")
    );
    assert_eq!(remote_host(""), None);
}
