//! Finding: a subject trigger was missed when lower-casing changed the
//! byte length ("İ" lower-cases to two characters), so "[SECURE] Uitslag
//! İbrahim" left with transport `none`.

use super::*;

#[test]
fn a_trigger_beside_a_dotted_capital_i_still_forces_secure_handling() {
    let rig = Rig::start("", "", "");
    let steps = rig.send_trusted(
        &["patient@example.nl"],
        &[
            "From: <dokter@praktijk.example>",
            "To: <patient@example.nl>",
            "Subject: =?utf-8?B?W1NFQ1VSRV0gVWl0c2xhZyDEsGJyYWhpbQ==?=",
        ],
        "Groeten.",
    );
    assert_eq!(last_code(&steps), 250, "{steps:?}");
    let got = rig.messages_for("patient@example.nl", 1);
    assert!(!got.is_empty(), "nothing reached the patient");
    for m in &got {
        assert!(
            !m.contains("Groeten"),
            "the message itself went out instead of a pickup link:\n{m}"
        );
    }
    assert!(
        got[0].contains("Beveiligd bericht"),
        "no pickup notification:\n{}",
        got[0]
    );
}
