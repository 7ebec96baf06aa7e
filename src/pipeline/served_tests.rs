//! Unit tests of the sender's confirmation (`served.rs`).

use super::*;

#[test]
fn subjects_are_one_line_capped_and_mask_long_digit_runs() {
    assert_eq!(quoted_subject("Uitslag\r\nBcc: x@y"), "Uitslag Bcc: x@y");
    assert_eq!(quoted_subject("BSN 111222333 lab"), "BSN ••••••••• lab");
    assert_eq!(
        quoted_subject("afspraak 12-03 om 0900"),
        "afspraak 12-03 om 0900"
    );
    let long = quoted_subject(&"a".repeat(500));
    assert_eq!(long.chars().count(), SUBJECT_MAX_CHARS);
    assert!(long.ends_with('…'));
}

#[test]
fn lines_say_how_each_recipient_was_served() {
    let tls = |auth: &str| TlsInfo {
        version: "TLSv1.3".into(),
        cipher: String::new(),
        authentication: auth.into(),
        insecure_mx: false,
    };
    let nta = Served::delivered(
        "ntamx.nta.test[127.0.19.5]:25",
        TransportRequirement::Nta7516,
        &tls("dane-ee"),
    );
    assert_eq!(
        nta.line().nl,
        "direct afgeleverd, geverifieerd met NTA 7516/DANE bij host ntamx.nta.test"
    );
    assert_eq!(
        nta.line().en,
        "delivered directly, verified by NTA 7516/DANE at host ntamx.nta.test"
    );
    let dane = Served::delivered(
        "mx.a.test[::1]:25",
        TransportRequirement::Dane,
        &tls("dane-ta"),
    );
    assert!(dane
        .line()
        .en
        .contains("verified by DANE at host mx.a.test"));
    // DANE behind an unsigned MX RRset (`dane-insecure-mx`): the host
    // proved itself, but not that it is the domain's; never "verified".
    let insecure = Served::delivered(
        "mx.dane-host.test[127.0.41.7]:25",
        TransportRequirement::Tls,
        &TlsInfo {
            insecure_mx: true,
            ..tls("dane-ee")
        },
    );
    let line = insecure.line();
    assert_eq!(
        line.nl,
        "direct afgeleverd bij host mx.dane-host.test, die zich met DANE heeft \
         geïdentificeerd; de MX-gegevens van het domein zijn niet ondertekend (geen \
         DNSSEC), dus niet geverifieerd dat dit de host van het domein is"
    );
    assert_eq!(
        line.en,
        "delivered directly to host mx.dane-host.test, which identified itself with \
         DANE; the domain's MX records are not signed (no DNSSEC), so it is not \
         verified that this is the domain's host"
    );
    // Even under a requirement it cannot meet, it never claims NTA 7516.
    let insecure_nta = Served::delivered(
        "mx.dane-host.test[127.0.41.7]:25",
        TransportRequirement::Nta7516,
        &TlsInfo {
            insecure_mx: true,
            ..tls("dane-ta")
        },
    );
    assert_eq!(insecure_nta.line(), line);
    let relay = Served::delivered("relay.local:587", TransportRequirement::Tls, &tls("pkix"));
    assert!(
        relay.line().en.contains("(TLS) at host relay.local"),
        "{:?}",
        relay.line()
    );
    assert_eq!(
        Served::Encrypted(Method::Smime).line().en,
        "encrypted (S/MIME)"
    );
    assert_eq!(
        Served::Parked { sms: true }.line().nl,
        "beveiligde link, code per sms"
    );
    let blocked = Served::Blocked(Bilingual::new("geen route", "no route"));
    assert_eq!(blocked.line().en, "blocked: no route");
}

#[test]
fn only_protected_routing_asks_for_a_confirmation_by_default() {
    let plain = Work::Deliver {
        transport: TransportRequirement::Tls,
        fallback: None,
    };
    let blocked = Work::Blocked {
        reason: Bilingual::new("nee", "no"),
    };
    let nta = Work::Deliver {
        transport: TransportRequirement::Nta7516,
        fallback: None,
    };
    let p = ServedConfirmation::Protected;
    assert!(!wanted(p, &[plain.clone(), blocked.clone()]));
    assert!(wanted(p, &[plain.clone(), nta]));
    assert!(wanted(
        ServedConfirmation::All,
        std::slice::from_ref(&plain)
    ));
    assert!(!wanted(ServedConfirmation::Off, &[blocked]));
}

#[test]
fn the_confirmation_comes_when_the_last_recipient_is_served() {
    let t = Tracker::default();
    let env = Envelope {
        id: MessageId("m1".into()),
        tenant: "default".into(),
        mail_from: "a@b.test".into(),
        recipients: vec![
            crate::types::Recipient::new("x@c.test"),
            crate::types::Recipient::new("y@d.test"),
        ],
        received_at_ms: 0,
        client_ip: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        helo: String::new(),
        authenticated_as: None,
        smtputf8: false,
        body_8bit: false,
        size: 0,
    };
    t.register(
        &env,
        "Uitslag",
        Some("abc@b.test"),
        vec![None, Some(Served::Parked { sms: false })],
    );
    assert!(t
        .note(&MessageId("other".into()), 0, Served::Failed)
        .is_none());
    let ready = t
        .note(&env.id, 0, Served::Encrypted(Method::OpenPgp))
        .expect("complete");
    assert_eq!(ready.recipients.len(), 2);
    assert!(t.note(&env.id, 1, Served::Failed).is_none(), "sent once");
    let mail = confirmation(
        "pm@b.test",
        "a@b.test",
        &ready.subject,
        &ready.recipients,
        ready.in_reply_to.as_deref(),
    )
    .expect("mail");
    let text = String::from_utf8_lossy(&mail);
    let nl = text
        .find("x@c.test: versleuteld (OpenPGP)")
        .expect("nl line");
    let en = text.find("x@c.test: encrypted (OpenPGP)").expect("en line");
    assert!(nl < en, "Dutch first");
    assert!(
        text.contains("Subject: Bezorgd / Delivered: Uitslag"),
        "{text}"
    );
    assert!(text.contains("In-Reply-To: <abc@b.test>"), "{text}");
}
