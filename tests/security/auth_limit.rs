//! Finding: the AUTH failure limit was check-then-record: 20 parallel
//! connections from one IP got 20 password checks against a limit of 5.

use super::*;

#[test]
fn parallel_auth_attempts_from_one_ip_get_no_more_password_checks_than_the_limit() {
    let rig = Rig::start("max_auth_failures_per_ip = 5", "", "");
    let out = python(&serde_json::json!({
        "mode": "auth-storm",
        "port": rig.starttls,
        "n": 20,
        "user": ACCOUNT,
        "password": "fout-wachtwoord",
    }));
    let codes: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let checked = codes.iter().filter(|c| c.as_u64() == Some(535)).count();
    let refused = codes.iter().filter(|c| c.as_u64() == Some(454)).count();
    assert!(
        checked <= 5,
        "{checked} passwords checked against a limit of 5: {codes:?}"
    );
    assert_eq!(checked + refused, 20, "{codes:?}");
    // The right password is refused too now: the IP is blocked.
    let steps = rig.send(
        true,
        ACCOUNT,
        &["collega@example.org"],
        b"Subject: x\r\n\r\nx\r\n",
    );
    assert_eq!(steps[0].1, 454, "{steps:?}");
}
