//! Integration test: real MX delivery through the queue
//! (`Queue::start_with_route(.., MxRoute)`) to /work/shared/dane-lab (Knot,
//! unbound, aiosmtpd receivers, an MTA-STS HTTPS server) for every
//! scenario in scenarios.json with transport requirement `dane`, plus the
//! cases where a weaker requirement must (or must still not) deliver.
//! Asserts the message is in the right receiver inbox with the right TLS
//! (sidecar: starttls, tls_version, sni), or deferred with a clear reason
//! and stored nowhere; and what the audit trail and TLS-RPT recorded.
//!
//! Needs root (binds 127.0.8.x; its own ports so it runs beside
//! dane_lab.rs). `SLUIS_SKIP_LAB=1` skips explicitly.

mod delivery_support;
mod support;

use delivery_support::{item, wait_until, Behaviour, MemJournal, Sink};
use serde_json::Value;
use sluis::audit::{Audit, AuditEvent};
use sluis::config::{RelayHost, RelayTls};
use sluis::delivery::mx::MxRoute;
use sluis::delivery::queue::Queue;
use sluis::delivery::tlsrpt::{day as tlsrpt_day, store as tlsrpt_store};
use sluis::types::{RcptStatus, TransportRequirement as T};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::lab::{skip, up};

#[derive(Debug, Clone)]
enum Want {
    /// Stored at this MX host; TLS used; authentication in the report.
    Delivered {
        host: String,
        starttls: bool,
        auth: &'static str,
    },
    /// Deferred with a reason containing this text; stored nowhere.
    Deferred(&'static str),
}

#[derive(Debug, Clone)]
struct Case {
    domain: String,
    req: T,
    opt_out: bool,
    want: Want,
}

fn case(domain: &str, req: T, opt_out: bool, want: Want) -> Case {
    Case {
        domain: domain.into(),
        req,
        opt_out,
        want,
    }
}

fn delivered(host: &str, starttls: bool, auth: &'static str) -> Want {
    Want::Delivered {
        host: host.into(),
        starttls,
        auth,
    }
}

/// The lab's expectation for a DANE-enforcing sender → what `dane` gives.
fn dane_case(sc: &Value) -> Case {
    let domain = sc["domain"].as_str().expect("domain");
    let first = sc["mx"][0]["host"].as_str().expect("mx host");
    let expect = sc["expect"].as_str().expect("expect");
    let want = match expect {
        "deliver:dane" => delivered(first, true, "dane-"),
        "defer" => Want::Deferred("4."),
        // Not DANE: the `dane` requirement must defer them.
        "deliver:opportunistic-tls" | "deliver:mta-sts" | "deliver-if-cleartext-allowed" => {
            Want::Deferred("'dane'")
        }
        other => match other.strip_prefix("deliver:dane:") {
            Some(host) => delivered(host, true, "dane-"),
            None => panic!("unknown lab expectation {other}"),
        },
    };
    case(domain, T::Dane, false, want)
}

#[tokio::test(flavor = "multi_thread")]
async fn mx_delivery_for_every_lab_scenario() {
    if skip() {
        return;
    }
    let lab = up("127.0.8", 10153, 10125, 10543);
    let config = Arc::new(lab.config());
    let (audit, mut rx) = Audit::channel();
    let events: Arc<Mutex<Vec<AuditEvent>>> = Arc::default();
    let sink = events.clone();
    tokio::spawn(async move {
        while let Some(e) = rx.recv().await {
            sink.lock().unwrap().push(e);
        }
    });
    let route = Arc::new(MxRoute::new(&config, audit.clone()));
    // TLS-RPT counts also go to a real store (SQLite).
    let db = tempfile::tempdir().expect("tempdir");
    let store =
        sluis::server::open_store(&format!("sqlite://{}", db.path().join("s.db").display()), 2)
            .await
            .expect("store");
    let (rpt_tx, rpt_rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(tlsrpt_store::run_tlsrpt_writer(store.clone(), rpt_rx));
    route.tlsrpt().set_sink(rpt_tx);
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start_with_route(config.clone(), journal.clone(), audit, route.clone());

    let scenarios = lab.scenarios();
    assert!(scenarios.len() >= 11, "expected at least 11 scenarios");
    let mut cases: Vec<Case> = scenarios.iter().map(dane_case).collect();
    cases.extend([
        // Opportunistic TLS for an unsigned domain: `tls` yes, DANE/STS no.
        case(
            "unsigned.test",
            T::Tls,
            false,
            delivered("mx.unsigned.test", true, "none"),
        ),
        case(
            "unsigned.test",
            T::DaneOrMtaSts,
            false,
            Want::Deferred("'dane-or-mta-sts'"),
        ),
        // MTA-STS enforce satisfies dane-or-mta-sts (and tls), not dane.
        case(
            "mta-sts.test",
            T::DaneOrMtaSts,
            false,
            delivered("mx.mta-sts.test", true, "mta-sts"),
        ),
        case(
            "mta-sts.test",
            T::Tls,
            false,
            delivered("mx.mta-sts.test", true, "mta-sts"),
        ),
        // Clear text only when the requirement allows it.
        case(
            "plain.test",
            T::None,
            false,
            delivered("mx.plain.test", false, "none"),
        ),
        case("plain.test", T::Tls, false, Want::Deferred("'tls'")),
        // A DANE MX is never downgraded, even for clean mail...
        case("tlsa-mismatch.test", T::None, false, Want::Deferred("DANE")),
        case(
            "no-starttls.test",
            T::None,
            false,
            Want::Deferred("STARTTLS"),
        ),
        case("mta-sts-bad.test", T::None, false, Want::Deferred("4.")),
        // ...unless the sender opted out with TLS-Required: no (RFC 8689),
        // which counts only for requirement `none`.
        case(
            "tlsa-mismatch.test",
            T::None,
            true,
            delivered("mx.tlsa-mismatch.test", true, "none"),
        ),
        case(
            "no-starttls.test",
            T::None,
            true,
            delivered("mx.no-starttls.test", false, "none"),
        ),
        case("tlsa-mismatch.test", T::Tls, true, Want::Deferred("DANE")),
        case("tlsa-mismatch.test", T::Dane, true, Want::Deferred("DANE")),
        // Bogus DNS stays deferred whatever the header says.
        case("bogus.test", T::None, true, Want::Deferred("4.")),
    ]);

    let started = std::time::Instant::now();
    let mut ids = Vec::new();
    for (n, c) in cases.iter().enumerate() {
        let marker = format!("mx-lab-case-{n}-{}", sluis::now_ms());
        let rcpt = format!("user{n}@{}", c.domain);
        let mut body = format!(
            "From: <sender@practice.test>\r\nTo: <{rcpt}>\r\nSubject: case {n}\r\nX-Mx-Test: {marker}\r\n"
        );
        if c.opt_out {
            body.push_str("TLS-Required: No\r\n");
        }
        body.push_str("\r\nHello.\r\n");
        let it = item(
            &journal,
            "sender@practice.test",
            &[(&rcpt, c.req)],
            body.as_bytes(),
        );
        ids.push((it.envelope.id.0.clone(), marker, rcpt));
        q.enqueue(it);
    }
    let all_done = wait_until(Duration::from_secs(90), || {
        ids.iter().all(|(id, _, _)| journal.latest(id, 0).is_some())
    })
    .await;
    let elapsed = started.elapsed();
    assert!(all_done, "not every case finished: {:?}", journal.records());
    eprintln!("{} MX deliveries/deferrals in {elapsed:?}", cases.len());
    // Audit events are written after the journal record: let them arrive.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let events = events.lock().unwrap().clone();

    let mut failures = Vec::new();
    for (c, (id, marker, rcpt)) in cases.iter().zip(&ids) {
        let rec = journal.latest(id, 0).expect("record");
        let label = format!("{} req={} opt_out={}", c.domain, c.req.as_str(), c.opt_out);
        let anywhere = lab.stored_anywhere(marker);
        match &c.want {
            Want::Delivered {
                host,
                starttls,
                auth,
            } => {
                if rec.status != RcptStatus::Delivered {
                    failures.push(format!("{label}: want delivered, got {:?}", rec.status));
                    continue;
                }
                let here = lab.stored(host, marker);
                if here.len() != 1 || anywhere.len() != 1 {
                    failures.push(format!(
                        "{label}: want exactly one copy at {host}, got {} there, {} in all ({:?})",
                        here.len(),
                        anywhere.len(),
                        anywhere.iter().map(|(h, _)| h).collect::<Vec<_>>()
                    ));
                    continue;
                }
                let side = &here[0].sidecar;
                if side["starttls"] != *starttls {
                    failures.push(format!("{label}: sidecar starttls: {side}"));
                }
                if *starttls {
                    if side["sni"] != host.as_str() {
                        failures.push(format!("{label}: SNI must be the MX name: {side}"));
                    }
                    if !side["tls_version"]
                        .as_str()
                        .is_some_and(|v| v.starts_with("TLSv1."))
                    {
                        failures.push(format!("{label}: tls_version: {side}"));
                    }
                }
                if side["rcpt_tos"][0] != rcpt.as_str() {
                    failures.push(format!("{label}: rcpt_tos: {side}"));
                }
                if !String::from_utf8_lossy(&here[0].eml).contains("Hello.") {
                    failures.push(format!("{label}: body missing"));
                }
                let ev = events
                    .iter()
                    .find(|e| e.kind == "delivered" && e.message_id.as_deref() == Some(id));
                match ev {
                    Some(e) => {
                        let a = e.detail["authentication"].as_str().unwrap_or("");
                        if !a.starts_with(auth) {
                            failures.push(format!("{label}: authentication {a}, want {auth}"));
                        }
                        if !e.detail["remote"]
                            .as_str()
                            .is_some_and(|r| r.starts_with(host.as_str()))
                        {
                            failures.push(format!("{label}: remote: {}", e.detail));
                        }
                        let tv = e.detail["tls_version"].as_str().unwrap_or("");
                        if *starttls != tv.starts_with("TLSv1.") {
                            failures.push(format!("{label}: tls_version in audit: {tv}"));
                        }
                    }
                    None => failures.push(format!("{label}: no delivered audit event")),
                }
            }
            Want::Deferred(text) => {
                match &rec.status {
                    RcptStatus::TemporaryFailure { reason }
                        if reason.starts_with("4.") && reason.contains(text) => {}
                    other => failures.push(format!(
                        "{label}: want deferred with {text:?}, got {other:?}"
                    )),
                }
                if !anywhere.is_empty() {
                    failures.push(format!(
                        "{label}: deferred but stored at {:?}",
                        anywhere.iter().map(|(h, _)| h).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The multi-MX case: mx1 was tried (and failed DANE) before mx2.
    let multi = ids
        .iter()
        .zip(&cases)
        .find(|(_, c)| c.domain == "dane-multi-mx.test" && c.req == T::Dane)
        .map(|((id, _, _), _)| id.clone())
        .expect("multi-mx case");
    let attempts: Vec<&AuditEvent> = events
        .iter()
        .filter(|e| e.kind == "delivery-attempt" && e.message_id.as_deref() == Some(&multi))
        .collect();
    let mx1 = attempts
        .iter()
        .find(|e| e.detail["mx"] == "mx1.dane-multi-mx.test")
        .unwrap_or_else(|| panic!("no attempt on mx1: {attempts:?}"));
    assert_eq!(mx1.detail["result"], "failed", "{:?}", mx1.detail);
    assert_eq!(mx1.detail["level"], "dane");
    assert_eq!(mx1.detail["dnssec"], "secure");
    assert_eq!(mx1.detail["mx_dnssec"], "secure");
    let mx2 = attempts
        .iter()
        .find(|e| e.detail["mx"] == "mx2.dane-multi-mx.test")
        .unwrap_or_else(|| panic!("no attempt on mx2: {attempts:?}"));
    assert_eq!(mx2.detail["result"], "sent", "{:?}", mx2.detail);
    assert_eq!(mx2.detail["authentication"], "dane-ee", "{:?}", mx2.detail);
    assert!(mx2.detail["ip"]
        .as_str()
        .is_some_and(|ip| ip.starts_with("127.0.8.")));
    assert!(mx2.detail["cipher"].as_str().is_some_and(|c| !c.is_empty()));

    // TLS-RPT: each MX host has its own TLSA policy (RFC 8460 §4.3): mx1's
    // has a validation failure, mx2's a success.
    let r = route
        .tlsrpt()
        .report_today("dane-multi-mx.test", "Sluis test", "mailto:t@t");
    let policies = r["policies"].as_array().cloned().unwrap_or_default();
    assert!(
        policies
            .iter()
            .all(|p| p["policy"]["policy-type"] == "tlsa"),
        "{r}"
    );
    let failed = policies
        .iter()
        .find(|p| p["summary"]["total-failure-session-count"].as_u64() >= Some(1))
        .unwrap_or_else(|| panic!("no failure recorded: {r}"));
    assert_eq!(
        failed["failure-details"][0]["receiving-mx-hostname"], "mx1.dane-multi-mx.test",
        "{r}"
    );
    assert_eq!(
        failed["failure-details"][0]["result-type"], "validation-failure",
        "{r}"
    );
    assert!(
        failed["failure-details"][0]["sending-mta-ip"]
            .as_str()
            .is_some_and(|ip| ip.starts_with("127.")),
        "{r}"
    );
    assert!(
        policies
            .iter()
            .any(|p| p["summary"]["total-successful-session-count"].as_u64() >= Some(1)),
        "{r}"
    );
    let r = route
        .tlsrpt()
        .report_today("mta-sts.test", "Sluis test", "mailto:t@t");
    assert_eq!(r["policies"][0]["policy"]["policy-type"], "sts", "{r}");
    // The same counts in the store's daily report.
    let today = tlsrpt_day::day_of(sluis::now_ms());
    // (The writer is asynchronous: poll briefly.)
    let mut stored = Value::Null;
    let mut failures = 0u64;
    for _ in 0..50 {
        stored = tlsrpt_store::daily_report(&store, "dane-multi-mx.test", today, "Sluis", "c")
            .await
            .expect("report");
        failures = stored["policies"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["summary"]["total-failure-session-count"].as_u64())
            .sum();
        if failures >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(failures >= 1, "{stored}");
    assert!(tlsrpt_store::domains(&store, today)
        .await
        .expect("domains")
        .contains(&"mta-sts.test".to_string()));

    // Route selection in Queue::start: a plain relay host carries what it
    // can (clean mail, requirement `none`); the rest goes to the MX hosts.
    let relay_sink = Sink::start(Behaviour::default()).await;
    let mut cfg = lab.config();
    cfg.delivery.relay = Some(RelayHost {
        host: "127.0.0.1".into(),
        port: relay_sink.addr.port(),
        tls: RelayTls::None,
        ca_file: None,
    });
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start(Arc::new(cfg), journal.clone(), Audit::disabled());
    let marker = format!("mx-lab-select-{}", sluis::now_ms());
    let body = format!("Subject: select\r\nX-Mx-Test: {marker}\r\n\r\nHello.\r\n");
    let it = item(
        &journal,
        "sender@practice.test",
        &[
            ("clean@plain.test", T::None),
            ("secure@dane-ee.test", T::Dane),
            ("tls@unsigned.test", T::Tls),
        ],
        body.as_bytes(),
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(
        wait_until(Duration::from_secs(30), || (0..3)
            .all(|i| journal.latest(&id, i).is_some()))
        .await,
        "{:?}",
        journal.records()
    );
    for i in 0..3 {
        assert_eq!(
            journal.latest(&id, i).map(|r| r.status),
            Some(RcptStatus::Delivered),
            "{:?}",
            journal.records()
        );
    }
    let at_relay = relay_sink.messages();
    assert_eq!(at_relay.len(), 1, "{at_relay:?}");
    assert_eq!(at_relay[0].rcpts, vec!["clean@plain.test"]);
    assert_eq!(lab.stored("mx.plain.test", &marker).len(), 0);
    assert_eq!(lab.stored("mx.dane-ee.test", &marker).len(), 1);
    assert_eq!(lab.stored("mx.unsigned.test", &marker).len(), 1);
}
