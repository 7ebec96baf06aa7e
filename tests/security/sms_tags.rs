//! Finding: `[sms:+316…]` gave one phone number to every pickup recipient,
//! and `X-Sluis-SMS` was never removed.

use super::*;

/// Does the notification in `raw` announce the code by SMS?
fn by_sms(raw: &str) -> bool {
    assert!(
        raw.contains("Beveiligd bericht"),
        "not a notification:\n{raw}"
    );
    raw.contains("per sms")
}

#[test]
fn an_untagged_number_is_ignored_when_the_mail_has_several_pickup_recipients() {
    let rig = Rig::start("", "", "");
    let rcpts = ["patient@example.nl", "specialist@example.org"];
    let steps = rig.send_trusted(
        &rcpts,
        &[
            "From: <dokter@praktijk.example>",
            "To: <patient@example.nl>, <specialist@example.org>",
            "Subject: [secure] Uitslag [sms:+31612345678]",
        ],
        "Zie bijlage.",
    );
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    for rcpt in rcpts {
        let got = rig.messages_for(rcpt, 1);
        assert_eq!(got.len(), 1, "{rcpt}");
        assert!(
            !by_sms(&got[0]),
            "{rcpt} would get its code on someone else's phone"
        );
    }
}

#[test]
fn per_recipient_tags_reach_only_their_recipient_and_never_leave() {
    let rig = Rig::start("", "", "");
    let rcpts = ["patient@example.nl", "specialist@example.org"];
    let steps = rig.send_trusted(
        &rcpts,
        &[
            "From: <dokter@praktijk.example>",
            "To: <patient@example.nl>, <specialist@example.org>",
            "Subject: [secure] Uitslag [sms:patient@example.nl=+31612345678]",
        ],
        "Zie bijlage.",
    );
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    let patient = rig.messages_for("patient@example.nl", 1);
    let specialist = rig.messages_for("specialist@example.org", 1);
    assert!(by_sms(&patient[0]), "{}", patient[0]);
    assert!(!by_sms(&specialist[0]), "{}", specialist[0]);
    for (_, raw) in rig.sink.messages() {
        let text = readable(&raw);
        assert!(!text.contains("12345678"), "the number left Sluis:\n{text}");
        assert!(!text.contains("[sms:"), "a tag left Sluis:\n{text}");
    }
}

#[test]
fn an_untagged_number_still_serves_a_single_pickup_recipient() {
    let rig = Rig::start("", "", "");
    let steps = rig.send_trusted(
        &["patient@example.nl"],
        &[
            "From: <dokter@praktijk.example>",
            "To: <patient@example.nl>",
            "Subject: [secure] Uitslag [sms:+31612345678]",
        ],
        "Zie bijlage.",
    );
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    let got = rig.messages_for("patient@example.nl", 1);
    assert!(by_sms(&got[0]), "{}", got[0]);
}

#[test]
fn the_x_sluis_sms_header_never_leaves_sluis() {
    let rig = Rig::start("", "", "");
    let steps = rig.send_trusted(
        &["collega@example.org"],
        &[
            "From: <dokter@praktijk.example>",
            "To: <collega@example.org>",
            "X-Sluis-SMS: +31612345678",
            "Subject: Vergadering",
        ],
        "Tot donderdag.",
    );
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    let got = rig.messages_for("collega@example.org", 1);
    assert!(got[0].contains("Tot donderdag"), "{}", got[0]);
    assert!(
        !got[0].to_ascii_lowercase().contains("x-sluis-sms"),
        "{}",
        got[0]
    );
    assert!(!got[0].contains("12345678"), "{}", got[0]);
}
