//! Issue 19, item 8: clients that end lines with a bare LF (Python's
//! smtplib sending bytes, scripts, scanners) are served like Postfix 3.9
//! serves them by default: the message is accepted and goes out with CRLF.
//! (Every end-of-data look-alike is still refused: tests/smtp_raw.rs sends
//! them byte for byte, which smtplib would dot-stuff.)

use super::*;

#[test]
fn smtplib_bytes_with_bare_lf_are_accepted_and_relayed_with_crlf() {
    let rig = Rig::start("", "", "");
    let m = b"From: <scanner@praktijk.example>\nTo: <leverancier@example.nl>\nSubject: Scan van de printer\n\nDe scan van vandaag staat klaar.\nTweede regel.\n";
    let steps = rig.send(
        false,
        "scanner@praktijk.example",
        &["leverancier@example.nl"],
        m,
    );
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    let raw = loop_for_raw(&rig, "leverancier@example.nl");
    assert!(
        raw.contains("De scan van vandaag staat klaar.\r\nTweede regel.\r\n"),
        "{raw}"
    );
    let bytes = raw.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert_eq!(
                bytes.get(i.wrapping_sub(1)),
                Some(&b'\r'),
                "bare LF at {i}:\n{raw}"
            );
        }
    }
}

/// The raw bytes of the first message the sink got for `rcpt`.
fn loop_for_raw(rig: &Rig, rcpt: &str) -> String {
    let got = rig.messages_for(rcpt, 1);
    let first = got.first().expect("a message reached the sink");
    first
        .split("\n--- decoded ---\n")
        .next()
        .unwrap_or_default()
        .to_string()
}
