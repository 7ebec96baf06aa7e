//! End to end through the real binary and the dane-lab: `sluis run` with
//! no relay host and an `[mx]` section pointing at the lab (trust anchor,
//! resolver, CA, ports), and a policy file that requires `dane` for two
//! lab domains. A plain trusted client submits one clean message to three
//! recipients: the DANE domain gets it over DANE-authenticated TLS, the
//! TLSA-mismatch domain never gets it (deferred), and clean mail to
//! plain.test (`none`) goes out in clear text.
//!
//! Needs root (binds 127.0.10.x). `SLUIS_SKIP_LAB=1` skips explicitly.

mod support;

use std::time::{Duration, Instant};
use support::lab::{skip, up};
use support::*;

const POLICY: &str = r#"tenant = "default"

[[rule]]
name = "alleen-dane"
recipient_domain = ["dane-ee.test", "tlsa-mismatch.test"]
action = "deliver"
transport = "dane"

[default]
action = "deliver"
transport = "none"
"#;

#[test]
fn sluis_delivers_by_mx_with_dane_enforced() {
    if skip() {
        return;
    }
    let lab = up("127.0.10", 10253, 10225, 10643);
    let dir = tempfile::tempdir().expect("tempdir");
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(&policies).expect("mkdir");
    std::fs::write(policies.join("beleid.toml"), POLICY).expect("policy");
    let port = free_port();
    let cfg = format!(
        r#"
[server]
hostname = "sluis.test"
listeners = [{{ address = "127.0.0.1:{port}", tls = "none" }}]
trusted_networks = ["127.0.0.0/8"]

[tls]
certificate = "tls/sluis.crt"
private_key = "tls/sluis.key"

[spool]
dir = "spool"

[store]
url = "sqlite://sluis.db"

[policy]
dir = "{policies}"

[delivery]
retry_initial_secs = 3600
connect_timeout_secs = 5
command_timeout_secs = 10

{mx}"#,
        policies = policies.display(),
        mx = lab.mx_toml(),
    );
    let cfg_path = dir.path().join("sluis.toml");
    std::fs::write(&cfg_path, cfg).expect("config");
    let _sluis = start_sluis(&cfg_path, port);

    let marker = format!("mx-e2e-{}", std::process::id());
    let body = format!(
        "From: balie@praktijk.test\r\nTo: x@dane-ee.test\r\nSubject: afspraak\r\n\
         Message-ID: <{marker}@praktijk.test>\r\n\r\nTot morgen om tien uur.\r\n"
    );
    let reply = Smtp::connect(port).send(
        "balie@praktijk.test",
        &[
            "alice@dane-ee.test",
            "bob@tlsa-mismatch.test",
            "carol@plain.test",
        ],
        body.as_bytes(),
    );
    assert!(reply.starts_with("250"), "{reply}");

    let start = Instant::now();
    let (mut dane, mut plain) = (vec![], vec![]);
    while start.elapsed() < Duration::from_secs(30) {
        dane = lab.stored("mx.dane-ee.test", &marker);
        plain = lab.stored("mx.plain.test", &marker);
        if !dane.is_empty() && !plain.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(dane.len(), 1, "dane-ee.test did not get the message");
    let side = &dane[0].sidecar;
    assert_eq!(side["starttls"], true, "{side}");
    assert_eq!(side["sni"], "mx.dane-ee.test", "{side}");
    assert_eq!(side["rcpt_tos"], serde_json::json!(["alice@dane-ee.test"]));
    assert_eq!(plain.len(), 1, "plain.test did not get the message");
    assert_eq!(plain[0].sidecar["starttls"], false);
    assert_eq!(
        plain[0].sidecar["rcpt_tos"],
        serde_json::json!(["carol@plain.test"])
    );
    // The TLSA mismatch was tried in the same round: it got nothing.
    std::thread::sleep(Duration::from_millis(500));
    assert!(lab.stored("mx.tlsa-mismatch.test", &marker).is_empty());
    assert_eq!(lab.stored_anywhere(&marker).len(), 2);
}
