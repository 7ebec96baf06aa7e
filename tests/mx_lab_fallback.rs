//! When does MX delivery hand a recipient back for its `deliver` fallback
//! at once? For every dane-lab scenario, one `dane`, one `dane-or-mta-sts`
//! and one `nta7516` recipient whose `deliver` has a fallback go through
//! the real queue and
//! `MxRoute` (the journal takes every fallback and records it). Only an
//! answer that rules the requirement out counts: no DANE at any MX (an
//! unsigned zone, MTA-STS only, plain), no current DNSSEC-secure NTA 7516
//! record (none, expired, in an unsigned zone). Bogus DNSSEC, a TLSA
//! mismatch and a missing STARTTLS are deferred (they count only after the
//! grace, 30 minutes by default, not reached here); a requirement that can
//! be met is delivered. `dane-or-mta-sts` is ruled out only where there is
//! neither DANE nor an MTA-STS policy. What the lab's receivers stored is
//! checked too.
//!
//! Needs root (binds 127.0.20.x; its own ports). `SLUIS_SKIP_LAB=1` skips.

mod delivery_support;
mod support;

use delivery_support::{item, wait_until, MemJournal};
use sluis::audit::Audit;
use sluis::delivery::mx::MxRoute;
use sluis::delivery::queue::Queue;
use sluis::types::{RcptStatus, TransportRequirement as T};
use std::sync::Arc;
use std::time::Duration;
use support::lab::{skip, up};

#[derive(Debug, PartialEq)]
enum Want {
    /// Delivered, stored at this host.
    At(String),
    /// Deferred, no fallback, stored nowhere.
    Deferred,
    /// The fallback ran at once, stored nowhere.
    Fallback,
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fallback_runs_at_once_only_where_dns_rules_the_requirement_out() {
    if skip() {
        return;
    }
    let lab = up("127.0.20", 20153, 20125, 20543);
    let config = Arc::new(lab.config());
    assert_eq!(config.delivery.fallback_grace_secs, 1800);
    let (audit, mut rx) = Audit::channel();
    tokio::spawn(async move { while rx.recv().await.is_some() {} });
    let route = Arc::new(MxRoute::new(&config, audit.clone()));
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start_with_route(config.clone(), journal.clone(), audit, route);

    let mut cases = vec![];
    for sc in lab.scenarios() {
        let domain = sc["domain"].as_str().expect("domain").to_string();
        let expect = sc["expect"].as_str().expect("expect");
        let first = sc["mx"][0]["host"].as_str().expect("mx host").to_string();
        // An unsigned zone can never give DANE, whatever else fails there
        // (mta-sts-bad.test: the lab's "defer" is about its MTA-STS).
        let insecure = sc["dnssec"] == "insecure";
        let dane = match expect {
            _ if insecure => Want::Fallback,
            "deliver:dane" => Want::At(first),
            "defer" => Want::Deferred,
            "deliver:opportunistic-tls" | "deliver:mta-sts" | "deliver-if-cleartext-allowed" => {
                Want::Fallback
            }
            other => match other.strip_prefix("deliver:dane:") {
                Some(host) => Want::At(host.to_string()),
                None => panic!("unknown lab expectation {other}"),
            },
        };
        let nta = if domain == "nta.test" {
            Want::At("ntamx.nta.test".into())
        } else if domain.starts_with("bogus") {
            // The TXT answer is bogus: unknown, never "no record".
            Want::Deferred
        } else {
            Want::Fallback
        };
        // dane-or-mta-sts: ruled out only where there is neither DANE nor
        // an MTA-STS policy (mta-sts-bad.test has a policy: deferred).
        let dos = match expect {
            "deliver:dane" | "deliver:mta-sts" => {
                Want::At(sc["mx"][0]["host"].as_str().expect("host").to_string())
            }
            "defer" => Want::Deferred,
            "deliver:opportunistic-tls" | "deliver-if-cleartext-allowed" => Want::Fallback,
            other => match other.strip_prefix("deliver:dane:") {
                Some(host) => Want::At(host.to_string()),
                None => panic!("unknown lab expectation {other}"),
            },
        };
        cases.push((domain.clone(), T::Dane, dane));
        cases.push((domain.clone(), T::DaneOrMtaSts, dos));
        cases.push((domain, T::Nta7516, nta));
    }

    let mut ids = vec![];
    for (n, (domain, req, _)) in cases.iter().enumerate() {
        let marker = format!("fallback-case-{n}-{}", sluis::now_ms());
        let rcpt = format!("user{n}@{domain}");
        let body = format!("Subject: case {n}\r\nX-Mx-Test: {marker}\r\n\r\nHello.\r\n");
        let mut it = item(
            &journal,
            "sender@practice.test",
            &[(&rcpt, *req)],
            body.as_bytes(),
        );
        it.recipients[0].fallback_step = Some(0);
        ids.push((it.envelope.id.0.clone(), marker));
        q.enqueue(it);
    }
    let fell_back = |id: &str| {
        journal
            .fallbacks
            .lock()
            .unwrap()
            .iter()
            .any(|f| f.0 == id && f.1 == 0 && f.2 == 0)
    };
    let done = wait_until(Duration::from_secs(90), || {
        ids.iter()
            .all(|(id, _)| journal.latest(id, 0).is_some() || fell_back(id))
    })
    .await;
    assert!(done, "not every case finished: {:?}", journal.records());

    let mut failures = vec![];
    for ((domain, req, want), (id, marker)) in cases.iter().zip(&ids) {
        let label = format!("{domain} {}", req.as_str());
        let rec = journal.latest(id, 0).map(|r| r.status);
        let stored: Vec<String> = lab
            .stored_anywhere(marker)
            .into_iter()
            .map(|(h, _)| h)
            .collect();
        let got = match (&rec, fell_back(id)) {
            (None, true) => Want::Fallback,
            (Some(RcptStatus::Delivered), false) if stored.len() == 1 => {
                Want::At(stored[0].clone())
            }
            (Some(RcptStatus::TemporaryFailure { .. }), false) => Want::Deferred,
            other => {
                failures.push(format!(
                    "{label}: unexpected {other:?}, stored at {stored:?}"
                ));
                continue;
            }
        };
        if got != *want {
            failures.push(format!("{label}: want {want:?}, got {got:?} ({rec:?})"));
        }
        if matches!(got, Want::Fallback | Want::Deferred) && !stored.is_empty() {
            failures.push(format!("{label}: not delivered but stored at {stored:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every fallback says why, naming the requirement.
    for f in journal.fallbacks.lock().unwrap().iter() {
        assert!(
            f.3.contains("'dane'")
                || f.3.contains("'nta7516'")
                || f.3.contains("'dane-or-mta-sts'"),
            "{f:?}"
        );
    }
}
