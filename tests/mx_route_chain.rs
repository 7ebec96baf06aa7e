//! The route chain end to end (issue 19): the real binary, the shipped
//! policy (`policies/default.toml`: encrypt when a key is known, else
//! deliver with `nta7516`, else pickup; clean mail with opportunistic TLS)
//! plus one partner rule (`deliver dane, fallback pickup`), MX delivery
//! into the dane-lab. No key is known (key discovery off), so:
//! - sensitive mail to `nta.test` arrives with its content at
//!   `ntamx.nta.test` over DANE, SNI `ntamx.nta.test`;
//! - to `nta-expired.test`, `nta-insecure.test` and `unsigned.test` it is
//!   parked at once: each MX gets a notification, never the content;
//! - to `tlsa-mismatch.test` and `bogus.test` (partner rule `deliver dane,
//!   fallback pickup`) it is deferred, then parked once
//!   `delivery.fallback_grace_secs` (4 s here) have passed;
//! - to `no-starttls.test` (`deliver dane, fallback block`) it is deferred,
//!   then blocked after the grace: the sender gets a DSN with the reason;
//! - to `dane-ee.test` (encrypt, nta7516, dane, pickup): no NTA 7516
//!   record, so the next `deliver` of the chain delivers it over DANE;
//! - to `k@plain.test`, whose S/MIME certificate was imported with
//!   `sluis keys import`: encrypted, the copy delivered to `mx.plain.test`;
//! - the sender gets a confirmation per parked recipient (revoke link), and
//!   once every recipient is served one confirmation saying per recipient
//!   how (issue 19, item 5): NTA 7516/DANE at host `ntamx.nta.test`, DANE
//!   at `mx.dane-ee.test`, S/MIME, a link with a code by SMS or e-mail,
//!   blocked with the reason; with the subject, no content, BSN or link;
//! - clean mail to `plain.test` flows in clear text, with no confirmation.
//!
//! What the lab's receivers stored is the evidence. Needs root (binds
//! 127.0.19.x). `SLUIS_SKIP_LAB=1` skips explicitly.

mod crypto_common;
mod support;

use std::path::Path;
use std::time::{Duration, Instant};
use support::lab::{skip, up, Lab, Stored};
use support::*;

const PARTNER: &str = r#"tenant = "default"

[[rule]]
name = "partner-dane"
recipient_domain = ["tlsa-mismatch.test", "bogus.test"]
sensitive = true
action = "deliver"
transport = "dane"
fallback = "pickup"

# The chain of the care-partner example: encrypt; else NTA 7516; else
# DANE; else pickup.
[[rule]]
name = "zorgpartner-keten"
recipient_domain = ["dane-ee.test"]
sensitive = true
action = "encrypt"
fallback = { action = "deliver", transport = "nta7516", fallback = { action = "deliver", transport = "dane", fallback = "pickup" } }

[[rule]]
name = "partner-dane-of-niets"
recipient_domain = ["no-starttls.test"]
sensitive = true
action = "deliver"
transport = "dane"
fallback = "block"
reason_nl = "Geen beveiligde route naar deze zorgpartner"
reason_en = "No secure route to this care partner"
"#;

const GRACE_SECS: u64 = 4;

fn config(lab: &Lab, dir: &Path, port: u16) -> String {
    let d = dir.display();
    format!(
        r#"
[server]
hostname = "sluis.test"
listeners = [{{ address = "127.0.0.1:{port}", tls = "none" }}]
trusted_networks = ["127.0.0.0/8"]

[tls]
certificate = "{d}/tls/sluis.crt"
private_key = "{d}/tls/sluis.key"
generate_self_signed = true

[spool]
dir = "{d}/spool"

[store]
url = "sqlite://{d}/sluis.db"

[policy]
dir = "{d}/policies"

[pickup]
listen = "127.0.0.1:0"
base_url = ""
blob_dir = "{d}/pickup"
server_key_file = "{d}/pickup-server.key"
sms_file_dir = "{d}/sms"
dkim_dir = "{d}/dkim"

[crypto]
dane = false
wkd = {{ enabled = false }}

[delivery]
# One retry at the end of the grace (the queue wakes then), none before.
retry_initial_secs = 3600
fallback_grace_secs = {GRACE_SECS}
connect_timeout_secs = 5
command_timeout_secs = 10

{mx}"#,
        mx = lab.mx_toml(),
    )
}

/// Everything `host` stored for `rcpt`.
fn stored_for(lab: &Lab, host: &str, rcpt: &str) -> Vec<Stored> {
    lab.stored(host, "")
        .into_iter()
        .filter(|s| s.sidecar["rcpt_tos"] == serde_json::json!([rcpt]))
        .collect()
}

fn wait(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn the_shipped_chain_delivers_by_nta7516_and_parks_the_rest() {
    if skip() {
        return;
    }
    let lab = up("127.0.19", 19253, 19225, 19643);
    let dir = tempfile::tempdir().expect("tempdir");
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(&policies).expect("mkdir");
    std::fs::copy(
        repo_root().join("policies/default.toml"),
        policies.join("default.toml"),
    )
    .expect("shipped policy");
    // Sorts before default.toml, so its rule comes first.
    std::fs::write(policies.join("00-partner.toml"), PARTNER).expect("policy");
    let port = free_port();
    let cfg_path = dir.path().join("sluis.toml");
    std::fs::write(&cfg_path, config(&lab, dir.path(), port)).expect("config");
    // A certificate for k@plain.test: the shipped policy encrypts for it.
    let (_, key_pem) = crypto_common::rsa_key(dir.path(), "k");
    let ca = crypto_common::ca();
    let cert = dir.path().join("k.crt");
    std::fs::write(
        &cert,
        crypto_common::smime_cert(
            &key_pem,
            &crypto_common::CertSpec::valid("k@plain.test"),
            &ca,
        ),
    )
    .expect("cert");
    let import = std::process::Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("--config")
        .arg(&cfg_path)
        .args(["keys", "import"])
        .arg(&cert)
        .output()
        .expect("sluis keys import");
    assert!(import.status.success(), "{import:?}");
    let _sluis = start_sluis(&cfg_path, port);

    let tag = format!("chain-{}", std::process::id());
    let content = format!("HbA1c-{tag}");
    let sender = "balie@dane-ee.test";
    let sensitive = format!(
        "From: {sender}\r\nTo: x@nta.test\r\n\
         Subject: Uitslag [sms:x@unsigned.test=+31612345678]\r\n\
         Message-ID: <{tag}@dane-ee.test>\r\n\r\n\
         BSN 111222333. Uw HbA1c is 64 mmol/mol ({content}).\r\n"
    );
    let parked_now = [
        "x@nta-expired.test",
        "x@nta-insecure.test",
        "x@unsigned.test",
    ];
    let after_grace = ["y@tlsa-mismatch.test", "w@bogus.test"];
    let mut rcpts = vec![
        "x@nta.test",
        "v@no-starttls.test",
        "p@dane-ee.test",
        "k@plain.test",
    ];
    rcpts.extend(after_grace);
    rcpts.extend(parked_now);
    // Before the submission: the grace counts from the message's arrival.
    let sent = Instant::now();
    let reply = Smtp::connect(port).send(sender, &rcpts, sensitive.as_bytes());
    assert!(reply.starts_with("250"), "{reply}");
    let clean = format!(
        "From: {sender}\r\nTo: carol@plain.test\r\nSubject: afspraak\r\n\
         Message-ID: <clean-{tag}@dane-ee.test>\r\n\r\nTot morgen, {tag}.\r\n"
    );
    let reply = Smtp::connect(port).send(sender, &["carol@plain.test"], clean.as_bytes());
    assert!(reply.starts_with("250"), "{reply}");

    // NTA 7516 direct: the content at the ntamx host, over DANE.
    wait(Duration::from_secs(30), "ntamx.nta.test", || {
        !lab.stored("ntamx.nta.test", &content).is_empty()
    });
    let nta = lab.stored("ntamx.nta.test", &content);
    assert_eq!(nta.len(), 1);
    let side = &nta[0].sidecar;
    assert_eq!(side["starttls"], true, "{side}");
    assert_eq!(side["sni"], "ntamx.nta.test", "{side}");
    assert_eq!(side["rcpt_tos"], serde_json::json!(["x@nta.test"]));
    assert!(lab.stored("mx.nta.test", &content).is_empty());
    // The chain's second `deliver` (dane) after its first (nta7516).
    wait(Duration::from_secs(30), "mx.dane-ee.test", || {
        !stored_for(&lab, "mx.dane-ee.test", "p@dane-ee.test").is_empty()
    });
    let partner = stored_for(&lab, "mx.dane-ee.test", "p@dane-ee.test");
    assert_eq!(partner.len(), 1);
    assert!(String::from_utf8_lossy(&partner[0].eml).contains(&content));
    assert_eq!(partner[0].sidecar["starttls"], true);
    assert_eq!(partner[0].sidecar["sni"], "mx.dane-ee.test");

    // Parked at once: a notification at each MX, the content nowhere else.
    for rcpt in parked_now {
        let mx = format!("mx.{}", rcpt.trim_start_matches("x@"));
        wait(Duration::from_secs(30), &mx, || {
            !stored_for(&lab, &mx, rcpt).is_empty()
        });
        let note = stored_for(&lab, &mx, rcpt);
        assert_eq!(note.len(), 1, "{mx}");
        let text = String::from_utf8_lossy(&note[0].eml);
        assert!(!text.contains(&content), "{mx} got the content");
        assert!(!text.contains("111222333"), "{mx} got the BSN");
        assert!(text.contains("https://"), "{mx}: no pickup link:\n{text}");
    }
    // Clean mail flows (plain.test has no STARTTLS: opportunistic).
    let clean_tag = format!("Tot morgen, {tag}.");
    wait(Duration::from_secs(30), "mx.plain.test", || {
        !lab.stored("mx.plain.test", &clean_tag).is_empty()
    });
    assert_eq!(
        lab.stored("mx.plain.test", &clean_tag)[0].sidecar["rcpt_tos"],
        serde_json::json!(["carol@plain.test"])
    );

    // `deliver dane, fallback pickup` with a TLSA mismatch: deferred
    // first, parked after the grace; the content never reaches that host.
    let db = dir.path().join("sluis.db");
    let count = |kind: &str, rcpt: &str| {
        sqlite(
            &db,
            &format!(
                "SELECT count(*) FROM audit_events WHERE kind = '{kind}' AND recipient = '{rcpt}'"
            ),
        )
    };
    wait(Duration::from_secs(40), "the grace fallbacks", || {
        after_grace.iter().all(|r| count("parked", r) == "1")
            && count("route-fallback", "v@no-starttls.test") == "1"
    });
    assert!(
        sent.elapsed() >= Duration::from_secs(GRACE_SECS),
        "fell back before the grace ended"
    );
    for rcpt in after_grace.iter().chain(&["v@no-starttls.test"]) {
        assert_ne!(count("deferred", rcpt), "0", "{rcpt}");
        assert_eq!(count("route-fallback", rcpt), "1", "{rcpt}");
    }
    assert_eq!(count("bounced", "y@tlsa-mismatch.test"), "0");
    assert_eq!(count("parked", "v@no-starttls.test"), "0");
    for rcpt in parked_now {
        assert_eq!(count("route-fallback", rcpt), "1", "{rcpt}");
        assert_eq!(count("parked", rcpt), "1", "{rcpt}");
    }
    assert_eq!(count("route-fallback", "x@nta.test"), "0");
    assert_eq!(count("route-fallback", "p@dane-ee.test"), "1");
    assert_eq!(count("parked", "p@dane-ee.test"), "0");
    let why = sqlite(
        &db,
        "SELECT detail FROM audit_events WHERE kind = 'route-fallback' \
         AND recipient = 'y@tlsa-mismatch.test'",
    );
    let why: serde_json::Value = serde_json::from_str(&why).expect("detail");
    assert_eq!(why["to"], "pickup", "{why}");
    // The block fallback: a DSN with the policy's reason, Dutch first.
    let reason_nl = "Geen beveiligde route naar deze zorgpartner";
    wait(
        Duration::from_secs(30),
        "the DSN for the block fallback",
        || !lab.stored("mx.dane-ee.test", reason_nl).is_empty(),
    );
    let dsn = &lab.stored("mx.dane-ee.test", reason_nl)[0];
    let dsn_text = String::from_utf8_lossy(&dsn.eml);
    assert!(dsn_text.contains("v@no-starttls.test"), "{dsn_text}");
    assert!(
        dsn_text.contains("No secure route to this care partner"),
        "{dsn_text}"
    );
    assert!(!dsn_text.contains(&content), "the DSN quotes the content");
    assert!(lab.stored("mx.no-starttls.test", &content).is_empty());

    // The sender is told: a confirmation per parked recipient (5), the
    // DSN, and one confirmation of how each recipient was served, at the
    // sender's own MX, none with the content.
    let served_mail = || {
        stored_for(&lab, "mx.dane-ee.test", sender)
            .into_iter()
            .filter(|s| String::from_utf8_lossy(&s.eml).contains("Bezorgd / Delivered"))
            .collect::<Vec<_>>()
    };
    wait(
        Duration::from_secs(30),
        "the sender's confirmations",
        || stored_for(&lab, "mx.dane-ee.test", sender).len() >= 7 && !served_mail().is_empty(),
    );
    for c in stored_for(&lab, "mx.dane-ee.test", sender) {
        assert!(!String::from_utf8_lossy(&c.eml).contains(&content));
    }
    let served = served_mail();
    assert_eq!(served.len(), 1, "one confirmation for the message");
    let parsed = mail_parser::MessageParser::default()
        .parse(&served[0].eml)
        .expect("confirmation parses");
    assert_eq!(parsed.subject(), Some("Bezorgd / Delivered: Uitslag"));
    let text = parsed.body_text(0).expect("text").to_string();
    let expect = [
        (
            "x@nta.test",
            "direct afgeleverd, geverifieerd met NTA 7516/DANE bij host ntamx.nta.test",
            "delivered directly, verified by NTA 7516/DANE at host ntamx.nta.test",
        ),
        (
            "p@dane-ee.test",
            "direct afgeleverd, geverifieerd met DANE bij host mx.dane-ee.test",
            "delivered directly, verified by DANE at host mx.dane-ee.test",
        ),
        ("k@plain.test", "versleuteld (S/MIME)", "encrypted (S/MIME)"),
        (
            "x@unsigned.test",
            "beveiligde link, code per sms",
            "secure link, code by SMS",
        ),
        (
            "x@nta-expired.test",
            "beveiligde link, code per e-mail",
            "secure link, code by e-mail",
        ),
        (
            "y@tlsa-mismatch.test",
            "beveiligde link, code per e-mail",
            "secure link, code by e-mail",
        ),
        (
            "v@no-starttls.test",
            "geblokkeerd: Geen beveiligde route naar deze zorgpartner",
            "blocked: No secure route to this care partner",
        ),
    ];
    let lines: Vec<&str> = text.lines().collect();
    let english = lines
        .iter()
        .position(|l| *l == "--- English ---")
        .expect("English part");
    for (rcpt, nl, en) in expect {
        let nl_at = lines.iter().position(|l| *l == format!("- {rcpt}: {nl}"));
        let en_at = lines.iter().position(|l| *l == format!("- {rcpt}: {en}"));
        assert!(nl_at.is_some_and(|i| i < english), "{rcpt} (nl):\n{text}");
        assert!(en_at.is_some_and(|i| i > english), "{rcpt} (en):\n{text}");
    }
    let listed = lines.iter().filter(|l| l.starts_with("- ")).count();
    assert_eq!(listed, 2 * rcpts.len(), "{text}");
    for secret in ["111222333", "https://", "+31612345678", "HbA1c"] {
        assert!(
            !text.contains(secret),
            "{secret} in the confirmation:\n{text}"
        );
    }
    assert!(
        !text.contains("carol@plain.test"),
        "clean mail is confirmed"
    );
    // The encrypted copy reached plain.test; not the clear text.
    assert!(!stored_for(&lab, "mx.plain.test", "k@plain.test").is_empty());
    // The content went to exactly the two places the chain allowed.
    let mut everywhere: Vec<String> = lab
        .stored_anywhere(&content)
        .into_iter()
        .map(|(h, _)| h)
        .collect();
    everywhere.sort();
    assert_eq!(everywhere, vec!["mx.dane-ee.test", "ntamx.nta.test"]);
}
