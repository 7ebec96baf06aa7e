use super::*;
use crate::delivery::message::header_block;
use crate::types::{MessageId, Recipient};
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
        status: "5.1.1".into(),
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

#[test]
fn status_code_comes_from_reply_then_reason_then_default() {
    assert_eq!(status_code("550 5.1.1 no such user", "", true), "5.1.1");
    assert_eq!(status_code("", "5.6.7 SMTPUTF8 nodig", true), "5.6.7");
    assert_eq!(status_code("554 rejected", "x", true), "5.0.0");
    assert_eq!(status_code("", "timeout", false), "4.0.0");
    assert_eq!(status_code("550 1.2.3.4", "", true), "5.0.0");
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
fn bilingual_reasons_are_split_and_hosts_extracted() {
    let b = split_bilingual("5.3.4 Bericht te groot / Message too large (9 > 8)");
    assert_eq!(b.nl, "5.3.4 Bericht te groot");
    assert_eq!(b.en, "Message too large (9 > 8)");
    assert_eq!(
        remote_host("relay.example.nl[127.0.0.1]:25").as_deref(),
        Some("relay.example.nl")
    );
    assert_eq!(remote_host(""), None);
}
