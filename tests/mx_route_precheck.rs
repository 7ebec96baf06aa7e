//! The route check before "250" (issue 19, items 2 and 4), end to end:
//! the real binary, the shipped policy plus one partner rule, MX delivery
//! into the dane-lab.
//!
//! First run (`route_check_unknown = "pickup"`):
//! - sensitive mail (a labelled BSN) to `nta.test` is delivered at
//!   `ntamx.nta.test`; to `nta-expired.test` the DNS answers rule NTA 7516
//!   out, so its fallback (pickup) is taken before "250": the
//!   `route-fallback` event says `"at": "submit"` and is one of the events
//!   spooled with the message;
//! - to `bogus.test` (partner rule: dane, else dane-or-mta-sts, else pickup)
//!   DNS gives no answer (bogus): never "cannot", and with `pickup` for
//!   unknown the chain's pickup is taken, never the weaker `deliver`;
//! - mail in the uncertain detection band (shipped rule
//!   `gevoelig-onzeker`: `dane-or-mta-sts`, else pickup) to `unsigned.test`
//!   (no DANE, no MTA-STS) is parked before "250"; to `mta-sts.test` it is
//!   delivered over MTA-STS;
//! - the verdicts are cached in the store, for no longer than the zone's
//!   TTL (300 s in the lab) although the cap is two hours; a bogus domain's
//!   is not cached.
//!
//! Second run, after a restart with a resolver that does not answer
//! (`route_check_unknown = "defer"`): the cached verdict still parks mail
//! to `nta-expired.test` before "250"; mail to a domain never looked up is
//! accepted within the timeout and stays queued (deferred), no fallback.
//!
//! Needs root (binds 127.0.47.x). `SLUIS_SKIP_LAB=1` skips explicitly.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};
use support::lab::{skip, up, Lab};
use support::*;

const PARTNER: &str = r#"tenant = "default"

[[rule]]
name = "partner-dane-dan-sts"
recipient_domain = ["bogus.test"]
sensitive = true
action = "deliver"
transport = "dane"
fallback = { action = "deliver", transport = "dane-or-mta-sts", fallback = "pickup" }
"#;

const TIMEOUT_MS: u64 = 1500;

fn config(lab: &Lab, dir: &Path, port: u16, resolver: &str, unknown: &str) -> String {
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
retry_initial_secs = 3600
connect_timeout_secs = 5
command_timeout_secs = 10
route_check_timeout_ms = {TIMEOUT_MS}
route_check_unknown = "{unknown}"
route_cache_max_secs = 7200

[mx]
resolver = "{resolver}"
trust_anchor = "{ta}"
ca_file = "{ca}"
smtp_port = {smtp}
mta_sts_https_port = {https}
dns_timeout_secs = 1
"#,
        ta = lab.var("LAB_TRUST_ANCHOR_DS"),
        ca = lab.var("LAB_CA"),
        smtp = lab.smtp_port,
        https = lab.https_port,
    )
}

fn wait(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The details of the `kind` events about `rcpt`, with their ids.
fn events(db: &Path, kind: &str, rcpt: &str) -> Vec<(String, serde_json::Value)> {
    let out = sqlite(
        db,
        &format!(
            "SELECT id || char(9) || detail FROM audit_events \
             WHERE kind = '{kind}' AND recipient = '{rcpt}' ORDER BY time_ms"
        ),
    );
    out.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(id, d)| (id.to_string(), serde_json::from_str(d).expect("detail")))
        .collect()
}

/// The message id in a "250 ... id X" reply.
fn queued_id(reply: &str) -> String {
    reply
        .split_whitespace()
        .skip_while(|w| *w != "id")
        .nth(1)
        .expect("id in reply")
        .trim_end_matches(',')
        .to_string()
}

#[test]
fn the_route_is_decided_before_250_from_cached_dns() {
    if skip() {
        return;
    }
    let lab = up("127.0.47", 47253, 47225, 47643);
    let dir = tempfile::tempdir().expect("tempdir");
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(&policies).expect("mkdir");
    std::fs::copy(
        repo_root().join("policies/default.toml"),
        policies.join("default.toml"),
    )
    .expect("shipped policy");
    std::fs::write(policies.join("00-partner.toml"), PARTNER).expect("policy");
    let port = free_port();
    let cfg_path = dir.path().join("sluis.toml");
    let resolver = lab.var("LAB_AUTH_DNS");
    std::fs::write(
        &cfg_path,
        config(&lab, dir.path(), port, &resolver, "pickup"),
    )
    .expect("config");
    let sluis = start_sluis(&cfg_path, port);
    let db = dir.path().join("sluis.db");

    let tag = format!("precheck-{}", std::process::id());
    let content = format!("HbA1c-{tag}");
    let sender = "balie@dane-ee.test";
    let sure = format!(
        "From: {sender}\r\nTo: x@nta.test\r\nSubject: Uitslag\r\n\
         Message-ID: <{tag}@dane-ee.test>\r\n\r\n\
         BSN 111222333. Uw HbA1c is 64 mmol/mol ({content}).\r\n"
    );
    let started = Instant::now();
    let reply = Smtp::connect(port).send(
        sender,
        &["x@nta.test", "x@nta-expired.test", "w@bogus.test"],
        sure.as_bytes(),
    );
    let first_250 = started.elapsed();
    assert!(reply.starts_with("250"), "{reply}");
    let id = queued_id(&reply);
    eprintln!("figure: 250 after {first_250:?} (three domains looked up)");

    // Only in the body: a confirmation to the sender names the message id.
    let band_tag = format!("terugbel-{tag}");
    let band = format!(
        "From: {sender}\r\nTo: u@unsigned.test\r\nSubject: Terugbellen\r\n\
         Message-ID: <b-{tag}@dane-ee.test>\r\n\r\n\
         Beste collega, wil je meneer terugbellen over 111222333? ({band_tag})\r\n"
    );
    let started = Instant::now();
    let reply = Smtp::connect(port).send(
        sender,
        &["u@unsigned.test", "m@mta-sts.test"],
        band.as_bytes(),
    );
    assert!(reply.starts_with("250"), "{reply}");
    eprintln!(
        "figure: 250 after {:?} (two domains looked up, one MTA-STS policy fetched; scanner warm)",
        started.elapsed()
    );

    // NTA 7516 direct where the record is current.
    wait(Duration::from_secs(30), "ntamx.nta.test", || {
        !lab.stored("ntamx.nta.test", &content).is_empty()
    });
    // Ruled out by DNS: the fallback before "250", spooled with the
    // message (its event id is the message id with a sequence number).
    wait(Duration::from_secs(30), "the parked recipients", || {
        ["x@nta-expired.test", "w@bogus.test", "u@unsigned.test"]
            .iter()
            .all(|r| events(&db, "parked", r).len() == 1)
    });
    let expired = events(&db, "route-fallback", "x@nta-expired.test");
    assert_eq!(expired.len(), 1, "{expired:?}");
    let (event_id, detail) = &expired[0];
    assert!(event_id.starts_with(&format!("{id}-")), "{event_id} {id}");
    assert_eq!(detail["at"], "submit", "{detail}");
    assert_eq!(detail["requirement"], "nta7516", "{detail}");
    assert_eq!(detail["to"], "pickup", "{detail}");
    assert_eq!(detail["dns"], "dns", "{detail}");
    assert!(
        detail["why"].as_str().unwrap_or("").contains("NTA 7516"),
        "{detail}"
    );
    // No answer (bogus): the chain's pickup, not its weaker `deliver`.
    let bogus = events(&db, "route-fallback", "w@bogus.test");
    assert_eq!(bogus.len(), 1, "{bogus:?}");
    assert_eq!(bogus[0].1["at"], "submit");
    assert_eq!(bogus[0].1["dns"], "unknown");
    assert_eq!(bogus[0].1["to"], "pickup");
    assert!(events(&db, "delivery-attempt", "w@bogus.test").is_empty());
    assert!(events(&db, "route-fallback", "x@nta.test").is_empty());
    // The uncertain band: parked where neither DANE nor MTA-STS exists,
    // delivered over MTA-STS where it does.
    let unsigned = events(&db, "route-fallback", "u@unsigned.test");
    assert_eq!(unsigned.len(), 1, "{unsigned:?}");
    assert_eq!(unsigned[0].1["requirement"], "dane-or-mta-sts");
    assert_eq!(unsigned[0].1["at"], "submit");
    wait(Duration::from_secs(30), "mx.mta-sts.test", || {
        !lab.stored("mx.mta-sts.test", &band_tag).is_empty()
    });
    let sts = &lab.stored("mx.mta-sts.test", &band_tag)[0].sidecar;
    assert_eq!(sts["starttls"], true, "{sts}");
    // The content only where the route allowed it.
    let mut at: Vec<String> = lab
        .stored_anywhere(&content)
        .into_iter()
        .map(|(h, _)| h)
        .collect();
    at.extend(lab.stored_anywhere(&band_tag).into_iter().map(|(h, _)| h));
    at.sort();
    assert_eq!(at, vec!["mx.mta-sts.test", "ntamx.nta.test"]);

    // The verdicts in the store: for the zone TTL (300 s), not the cap.
    let now = sluis::now_ms();
    let rows = sqlite(
        &db,
        "SELECT domain || char(9) || expires_ms FROM route_verdicts ORDER BY domain",
    );
    let cached: Vec<(String, i64)> = rows
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(d, e)| (d.to_string(), e.parse().expect("expires_ms")))
        .collect();
    let names: Vec<&str> = cached.iter().map(|(d, _)| d.as_str()).collect();
    for d in [
        "mta-sts.test",
        "nta-expired.test",
        "nta.test",
        "unsigned.test",
    ] {
        assert!(names.contains(&d), "{d} not cached: {cached:?}");
    }
    assert!(!names.contains(&"bogus.test"), "{cached:?}");
    for (d, expires) in &cached {
        assert!(*expires > now, "{d} expired already");
        assert!(*expires <= now + 300_000, "{d} cached past its TTL");
    }

    // Restart with a resolver that does not answer.
    drop(sluis);
    std::fs::write(
        &cfg_path,
        config(&lab, dir.path(), port, "127.0.47.250:53", "defer"),
    )
    .expect("config");
    let _sluis = start_sluis(&cfg_path, port);
    let again = format!(
        "From: {sender}\r\nTo: z@nta-expired.test\r\nSubject: Uitslag 2\r\n\
         Message-ID: <again-{tag}@dane-ee.test>\r\n\r\n\
         BSN 111222333. Uw HbA1c is 60 mmol/mol (again-{content}).\r\n"
    );
    let started = Instant::now();
    let reply = Smtp::connect(port).send(
        sender,
        &["z@nta-expired.test", "z@dane-ee.test"],
        again.as_bytes(),
    );
    let second_250 = started.elapsed();
    assert!(reply.starts_with("250"), "{reply}");
    eprintln!("figure: 250 after {second_250:?} with a silent resolver");
    assert!(
        second_250 < Duration::from_millis(TIMEOUT_MS + 3000),
        "the route check waited {second_250:?}"
    );
    // The scanner is warm now: the route check alone is bounded.
    let third = format!(
        "From: {sender}\r\nTo: q@dane-ta.test\r\nSubject: Uitslag 3\r\n\
         Message-ID: <third-{tag}@dane-ee.test>\r\n\r\n\
         BSN 111222333. Uw HbA1c is 58 mmol/mol.\r\n"
    );
    let started = Instant::now();
    let reply = Smtp::connect(port).send(sender, &["q@dane-ta.test"], third.as_bytes());
    let third_250 = started.elapsed();
    assert!(reply.starts_with("250"), "{reply}");
    eprintln!("figure: 250 after {third_250:?} with a silent resolver, scanner warm");
    assert!(
        third_250 < Duration::from_millis(TIMEOUT_MS + 1000),
        "the route check waited {third_250:?}"
    );
    wait(Duration::from_secs(30), "the cached fallback", || {
        events(&db, "parked", "z@nta-expired.test").len() == 1
    });
    let cached = events(&db, "route-fallback", "z@nta-expired.test");
    assert_eq!(cached.len(), 1, "{cached:?}");
    assert_eq!(cached[0].1["dns"], "cache", "{:?}", cached[0].1);
    assert_eq!(cached[0].1["at"], "submit");
    // Never looked up, no answer now: deferred by the queue, no fallback.
    wait(Duration::from_secs(30), "the deferral", || {
        !events(&db, "deferred", "z@dane-ee.test").is_empty()
    });
    assert!(events(&db, "route-fallback", "z@dane-ee.test").is_empty());
    assert!(events(&db, "parked", "z@dane-ee.test").is_empty());
}
