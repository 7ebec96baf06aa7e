//! Finding: a decoded Subject with CR LF reached a Sluis-built reply as a
//! real header (`X-Injected: yes`).

use super::*;

/// The header lines of a raw message (up to the first empty line).
fn header_lines(raw: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(raw)
        .lines()
        .take_while(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The decoded part of a [`readable`] message.
fn decoded(m: &str) -> &str {
    m.split("--- decoded ---").nth(1).unwrap_or(m)
}

fn portal(action: serde_json::Value) -> serde_json::Value {
    let mut cfg = action;
    cfg["mode"] = "portal".into();
    serde_json::from_str(&python(&cfg)).unwrap()
}

#[test]
fn a_subject_with_encoded_cr_lf_never_becomes_a_header_of_the_portal_reply() {
    let rig = Rig::start("", "", "");
    let steps = rig.send_trusted(
        &["patient@example.nl"],
        &[
            "From: <dokter@praktijk.example>",
            "To: <patient@example.nl>",
            // "Afspraak\r\nX-Injected: yes"
            "Subject: =?utf-8?Q?Afspraak=0D=0AX-Injected:_yes?=",
        ],
        "Uitslag van de heer Jansen, BSN 111222333: HbA1c 53 mmol/mol, diabetes type 2.",
    );
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    // The patient opens the link, gets a code by mail and replies.
    let notification = rig.messages_for("patient@example.nl", 1).remove(0);
    let text = decoded(&notification);
    let link = text
        .split_whitespace()
        .find(|w| w.starts_with("https://") && w.contains("/p/"))
        .unwrap_or_else(|| panic!("no link:\n{notification}"))
        .to_string();
    let r = portal(serde_json::json!({ "action": "code", "link": link }));
    assert_eq!(r["status"], 303, "{r}");
    let code_mail = rig.messages_for("patient@example.nl", 2).remove(1);
    let code: String = decoded(&code_mail)
        .split("code is: ")
        .nth(1)
        .unwrap_or_else(|| panic!("no code:\n{code_mail}"))
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let r = portal(serde_json::json!({
        "action": "reply", "link": link, "code": code, "text": "Dank u, tot morgen.",
    }));
    assert_eq!(r["stage"], "reply", "{r}");
    assert!(r["status"] == 200 || r["status"] == 303, "{r}");
    // The reply is sensitive mail (issue 16, item 1): with the shipped
    // policy and a relay without TLS it reaches the practice as a pickup
    // link, never in clear text. (That the reply itself carries no
    // injected header, delivered, is checked in tests/pickup_reply_e2e.rs.)
    // The practice also gets the parking confirmation: wait for the link.
    let start = std::time::Instant::now();
    loop {
        let got = rig.messages_for("dokter@praktijk.example", 1);
        if got.iter().any(|m| decoded(m).contains("/p/")) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the reply's pickup link never reached the practice: {got:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    for (_, raw) in rig.sink.messages() {
        assert!(
            !readable(&raw).contains("Dank u, tot morgen"),
            "the reply travelled in clear text"
        );
    }
    // No header was injected into any mail Sluis sent.
    for (_, raw) in rig.sink.messages() {
        let headers = header_lines(&raw);
        assert!(
            !headers
                .iter()
                .any(|l| l.to_ascii_lowercase().starts_with("x-injected")),
            "header injected:\n{}",
            headers.join("\n")
        );
    }
}
