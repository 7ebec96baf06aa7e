//! Finding: `From:` was not tied to the account: `assistent@` sent
//! `From: Dokter Jansen <dokter@praktijk.example>` and got 250.

use super::*;

fn forged() -> Vec<u8> {
    message(
        &[
            "From: Dokter Jansen <dokter@praktijk.example>",
            "To: <collega@example.org>",
            "Subject: Vergadering",
        ],
        "Tot donderdag.",
    )
}

#[test]
fn a_from_header_the_account_may_not_use_gets_553_in_dutch_and_english() {
    let rig = Rig::start("", "", "");
    let steps = rig.send(true, ACCOUNT, &["collega@example.org"], &forged());
    let last = steps.last().unwrap();
    assert_eq!(last.0, "data", "{steps:?}");
    assert_eq!(last.1, 553, "{steps:?}");
    assert!(last.2.contains("5.7.1"), "{}", last.2);
    assert!(last.2.contains("niet toegestaan"), "{}", last.2);
    assert!(last.2.contains("not allowed"), "{}", last.2);
    // The account's own From: passes.
    let own = message(
        &[
            "From: Assistent <assistent@praktijk.example>",
            "To: <collega@example.org>",
            "Subject: Vergadering",
        ],
        "Tot donderdag.",
    );
    let steps = rig.send(true, ACCOUNT, &["collega@example.org"], &own);
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    // A trusted network relays without AUTH: not affected.
    let steps = rig.send(
        false,
        "scanner@praktijk.example",
        &["collega@example.org"],
        &forged(),
    );
    assert_eq!(last_code(&steps), 250, "{steps:?}");
}

#[test]
fn rewrite_mode_sends_from_the_envelope_sender() {
    let rig = Rig::start("", "from_header_check = \"rewrite\"", "");
    let steps = rig.send(true, ACCOUNT, &["collega@example.org"], &forged());
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    let got = rig.messages_for("collega@example.org", 1);
    let from: Vec<&str> = got[0]
        .lines()
        .filter(|l| l.to_ascii_lowercase().starts_with("from:"))
        .collect();
    assert_eq!(
        from,
        vec!["From: <assistent@praktijk.example>"],
        "{}",
        got[0]
    );
    assert!(!got[0].contains("dokter@praktijk.example"), "{}", got[0]);
}

#[test]
fn off_mode_leaves_the_from_header_alone() {
    let rig = Rig::start("", "from_header_check = \"off\"", "");
    let steps = rig.send(true, ACCOUNT, &["collega@example.org"], &forged());
    assert_eq!(last_code(&steps), 250, "{steps:?}");
}
