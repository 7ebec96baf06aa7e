//! The mails pickup writes: languages, headers, line ends, dates.

use super::*;

#[test]
fn a_reply_carries_no_bare_cr_or_lf_whatever_was_typed() {
    let raw = reply(
        &PickupConfig::default(),
        &ReplyAuthor {
            address: "patient@example.nl",
            name: Some("Piet\r\nX-Injected: yes"),
        },
        "dokter@praktijk.example",
        "Re: uitslag",
        "regel een\r.\rregel twee\nregel drie\r\n.\r\nregel vier",
        None,
        vec![
            ReplyFile {
                name: "notities.txt".into(),
                content_type: "text/plain".into(),
                data: b"suiker 14\r.\rduizelig\nveel dorst\r\n".to_vec(),
            },
            ReplyFile {
                name: "waarden.csv".into(),
                content_type: "text/csv\r\nX-Injected: yes".into(),
                data: b"a;b\rc;d\n".to_vec(),
            },
        ],
    )
    .expect("reply builds");
    for (i, &b) in raw.iter().enumerate() {
        if b == b'\r' {
            assert_eq!(raw.get(i + 1), Some(&b'\n'), "bare CR at {i}");
        }
        if b == b'\n' {
            assert_eq!(raw.get(i.wrapping_sub(1)), Some(&b'\r'), "bare LF at {i}");
        }
    }
    // Neither the display name nor an attachment's type became a header.
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !text
            .lines()
            .any(|l| l.to_ascii_lowercase().starts_with("x-injected")),
        "{text}"
    );
}

#[test]
fn a_reply_is_from_the_practice_with_the_patient_as_reply_to() {
    let cfg = PickupConfig {
        notify_from: "no-reply@praktijk.example".into(),
        practice_name: "Huisartsenpraktijk De Sluis".into(),
        ..PickupConfig::default()
    };
    let raw = reply(
        &cfg,
        &ReplyAuthor {
            address: "patient@example.nl",
            name: Some("Piet Jansen"),
        },
        "dokter@praktijk.example",
        "Re: uitslag",
        "mijn suiker was 14",
        Some("orig@praktijk.example"),
        Vec::new(),
    )
    .unwrap();
    let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let from = m.from().and_then(|a| a.first()).unwrap();
    assert_eq!(from.address(), Some("no-reply@praktijk.example"));
    assert_eq!(
        from.name(),
        Some("Piet Jansen via Huisartsenpraktijk De Sluis")
    );
    let rt = m.reply_to().and_then(|a| a.first()).unwrap();
    assert_eq!(rt.address(), Some("patient@example.nl"));
    assert!(m.message_id().unwrap().ends_with("@praktijk.example"));
    // Without a display name the address stands in for it.
    let raw = reply(
        &cfg,
        &ReplyAuthor {
            address: "patient@example.nl",
            name: None,
        },
        "dokter@praktijk.example",
        "Re: uitslag",
        "tekst",
        None,
        Vec::new(),
    )
    .unwrap();
    let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let from = m.from().and_then(|a| a.first()).unwrap();
    assert_eq!(
        from.name(),
        Some("patient@example.nl via Huisartsenpraktijk De Sluis")
    );
}

#[test]
fn notification_is_dutch_with_a_read_in_english_link_and_holds_no_subject_by_default() {
    let cfg = PickupConfig::default();
    let raw = notification(
        &cfg,
        "p@example.nl",
        None,
        "https://x/p/SECRET",
        0,
        true,
        Some("Uitslag diabetes"),
    )
    .unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("multipart/alternative"), "{text}");
    assert!(!text.contains("diabetes"));
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        parsed.subject(),
        Some("Beveiligd bericht van Huisartsenpraktijk")
    );
    let body = parsed.body_text(0).unwrap();
    assert!(body.contains("Beste ontvanger"), "{body}");
    // Dutch only; the English text is one link away.
    assert!(!body.contains("Dear recipient"), "{body}");
    assert!(!body.contains("--- English ---"), "{body}");
    assert!(
        body.contains("Read in English: https://x/p/SECRET?lang=en"),
        "{body}"
    );
    assert!(body.contains("https://x/p/SECRET"));
    assert!(
        body.contains("beschikbaar tot 1 januari 1970, 01:00."),
        "{body}"
    );
    // The link is also visible as text in the HTML part.
    let html = parsed.body_html(0).unwrap();
    assert!(html.contains(">https://x/p/SECRET</a>"), "{html}");
    assert!(
        html.contains("<p lang=\"en\"><a href=\"https://x/p/SECRET?lang=en\">Read in English</a>"),
        "{html}"
    );
    assert!(!html.contains("Open message"), "{html}");
}

#[test]
fn the_notification_greets_by_the_name_the_sender_gave() {
    let cfg = PickupConfig::default();
    let raw = notification(&cfg, "p@x.nl", Some("Piet Jansen"), "u", 0, true, None).unwrap();
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let body = parsed.body_text(0).unwrap();
    assert!(body.contains("Beste Piet Jansen,"), "{body}");
    assert!(!body.contains("Beste ontvanger"));
    // How to check it is genuine: call, never a password or payment.
    assert!(
        body.contains("Twijfelt u of deze e-mail echt is?"),
        "{body}"
    );
    assert!(body.contains("nooit om een wachtwoord"));
}

#[test]
fn subject_is_shown_only_when_the_policy_allows() {
    let cfg = PickupConfig {
        notify_show_subject: true,
        ..PickupConfig::default()
    };
    let raw = notification(&cfg, "p@x.nl", None, "u", 0, false, Some("Afspraak")).unwrap();
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert!(parsed.subject().unwrap().ends_with(": Afspraak"));
}

#[test]
fn header_values_built_from_message_data_never_carry_cr_or_lf() {
    // Header lines only: up to the first empty line.
    let injected = |raw: &[u8]| {
        String::from_utf8_lossy(raw)
            .lines()
            .take_while(|l| !l.is_empty())
            .any(|l| l.to_ascii_lowercase().starts_with("x-injected"))
    };
    let raw = reply(
        &PickupConfig::default(),
        &ReplyAuthor {
            address: "p@example.nl\r\nX-Injected: yes",
            name: None,
        },
        "d@praktijk.nl",
        "Re: Uitslag\r\nX-Injected: yes",
        "tekst",
        Some("a@b\r\nX-Injected: yes"),
        vec![],
    )
    .unwrap();
    assert!(!injected(&raw), "{}", String::from_utf8_lossy(&raw));
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert_eq!(parsed.subject(), Some("Re: Uitslag  X-Injected: yes"));
    let cfg = PickupConfig {
        notify_show_subject: true,
        practice_name: "Praktijk\nX-Injected: yes".into(),
        ..PickupConfig::default()
    };
    let raw = notification(
        &cfg,
        "p@x.nl",
        None,
        "u",
        0,
        false,
        Some("A\r\nX-Injected: yes"),
    )
    .unwrap();
    assert!(!injected(&raw), "{}", String::from_utf8_lossy(&raw));
}

#[test]
fn times_format_as_amsterdam_dates() {
    // 2027-01-01 00:00 UTC.
    let raw = opened_notice(
        &PickupConfig::default(),
        "d@p.nl",
        "p@x.nl",
        "m1",
        1_798_761_600_000,
    )
    .unwrap();
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let body = parsed.body_text(0).unwrap();
    assert!(body.contains("geopend op 1 januari 2027, 01:00."), "{body}");
    assert!(body.contains("on 1 January 2027, 01:00 (Amsterdam time)."));
    // Escaping, checked here while a hand-written `esc` did it, is now
    // maud's: it leaves `'` alone, which is safe because every
    // attribute it writes is double-quoted (and `"` is escaped).
    let m = maud::html! { ("<a href='x'>&\"") }.into_string();
    assert_eq!(m, "&lt;a href='x'&gt;&amp;&quot;");
}

#[test]
fn the_notification_gives_the_practice_phone_and_website_and_how_to_check_it() {
    let cfg = PickupConfig {
        practice_name: "Huisartsenpraktijk De Sluis".into(),
        practice_phone: "020-1234567".into(),
        practice_website: "https://www.praktijkdesluis.nl".into(),
        ..PickupConfig::default()
    };
    let raw = notification(&cfg, "p@x.nl", None, "u", 0, true, None).unwrap();
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let body = parsed.body_text(0).unwrap();
    assert!(
        body.contains("Neem contact op met Huisartsenpraktijk De Sluis, telefoon 020-1234567, website https://www.praktijkdesluis.nl."),
        "{body}"
    );
    assert!(
        body.contains("Klik dan niet, maar bel Huisartsenpraktijk De Sluis op 020-1234567."),
        "{body}"
    );
    let html = parsed.body_html(0).unwrap();
    assert!(html.contains("020-1234567"), "{html}");
    assert!(html.contains("https://www.praktijkdesluis.nl"), "{html}");
}

#[test]
fn missing_practice_phone_and_website_are_named_in_both_languages() {
    let missing = PickupConfig::default().missing_practice_details();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing[0].contains("pickup.practice_phone ontbreekt"));
    assert!(missing[0].contains("pickup.practice_phone is missing"));
    assert!(missing[1].contains("pickup.practice_website ontbreekt"));
    assert!(missing[1].contains("pickup.practice_website is missing"));
    let set = PickupConfig {
        practice_phone: "020-1234567".into(),
        practice_website: "https://www.praktijk.nl".into(),
        ..PickupConfig::default()
    };
    assert!(set.missing_practice_details().is_empty());
    // The old key still reads as the phone number.
    let old: PickupConfig = toml::from_str("practice_contact = \"020-7654321\"\n").unwrap();
    assert_eq!(old.practice_phone, "020-7654321");
}
