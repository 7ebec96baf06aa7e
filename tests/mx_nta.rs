//! NTA 7516 in MX delivery, against an in-test DNS server (trust-AD mode)
//! and two real SMTP sinks on 127.0.0.1 and 127.0.0.2:
//! - a domain with a current, DNSSEC-secure NTA 7516 record gets its mail
//!   at the `ntamx` host, over DANE-authenticated TLS, which satisfies
//!   `dane-or-mta-sts` although its MX is only opportunistic;
//! - without the record, or with an insecure one, `dane-or-mta-sts` is
//!   deferred and the MX gets nothing; clean mail (`none`) still goes to
//!   the MX;
//! - `nta7516` is met only at the `ntamx` host; a recipient with a fallback
//!   whose domain has no current, secure record gets the fallback at once;
//!   a TXT lookup that SERVFAILs or times out defers it, never the fallback.

mod dane_common;
mod delivery_support;

use dane_common::*;
use delivery_support::{item, self_signed, wait_until, Behaviour, MemJournal, Sink};
use hickory_proto::rr::rdata::tlsa::CertUsage;
use hickory_proto::rr::rdata::{A, MX, TXT};
use hickory_proto::rr::{RData, RecordType};
use sluis::audit::{Audit, AuditEvent};
use sluis::config::Config;
use sluis::delivery::mx::plan::{DnssecMode, MxSecurityConfig};
use sluis::delivery::mx::MxRoute;
use sluis::delivery::queue::Queue;
use sluis::types::{RcptStatus, TransportRequirement as T};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const NTA_HOST: &str = "zorg-mx.provider.test";

fn add_host(z: &mut Zone, host: &str, ip: [u8; 4], ad: bool) {
    z.insert(
        (format!("{host}."), RecordType::A),
        Resp::Answer {
            records: vec![rec(
                &format!("{host}."),
                RData::A(A::new(ip[0], ip[1], ip[2], ip[3])),
            )],
            ad,
        },
    );
    z.insert(
        (format!("{host}."), RecordType::AAAA),
        Resp::Answer {
            records: vec![],
            ad,
        },
    );
}

/// `domain` with MX `mx.<domain>` at 127.0.0.2 and the given TXT records.
fn add_domain(z: &mut Zone, domain: &str, txt: Option<&str>, txt_ad: bool) {
    let mx = format!("mx.{domain}");
    z.insert(
        (format!("{domain}."), RecordType::MX),
        secure(vec![rec(
            &format!("{domain}."),
            RData::MX(MX::new(10, n(&format!("{mx}.")))),
        )]),
    );
    add_host(z, &mx, [127, 0, 0, 2], true);
    let records = txt
        .map(|t| {
            vec![rec(
                &format!("{domain}."),
                RData::TXT(TXT::new(vec![t.to_string()])),
            )]
        })
        .unwrap_or_default();
    z.insert(
        (format!("{domain}."), RecordType::TXT),
        Resp::Answer {
            records,
            ad: txt_ad,
        },
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn nta7516_host_gets_mail_over_authenticated_tls() {
    // The NTA host: a self-signed key, authenticated by DANE-EE only.
    let ck =
        rcgen::generate_simple_self_signed(vec!["nta-key-only.invalid".to_string()]).expect("cert");
    let der = ck.cert.der().clone();
    let key = rustls::pki_types::PrivatePkcs8KeyDer::from(ck.key_pair.serialize_der());
    let nta_tls = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_no_client_auth()
    .with_single_cert(vec![der.clone()], key.into())
    .expect("server config");
    let nta_sink = Sink::start_on(
        "127.0.0.1:0".parse().expect("addr"),
        Behaviour {
            pipelining: true,
            starttls: Some(Arc::new(nta_tls)),
            ..Default::default()
        },
    )
    .await;
    let port = nta_sink.addr.port();
    let (mx_tls, _) = self_signed();
    let mx_sink = Sink::start_on(
        format!("127.0.0.2:{port}").parse().expect("addr"),
        Behaviour {
            pipelining: true,
            starttls: Some(mx_tls),
            ..Default::default()
        },
    )
    .await;

    let mut z = Zone::new();
    let record =
        format!("v=NTA7516-1;startdate=2020-01;enddate=2099-12;provider=Test;ntamx=10 {NTA_HOST}");
    add_domain(&mut z, "nta.test", Some(&record), true);
    add_domain(&mut z, "plainmx.test", None, true);
    add_domain(&mut z, "insecure-nta.test", Some(&record), false);
    let expired = "v=NTA7516-1;startdate=2019-01;enddate=2019-12;ntamx=10 zorg-mx.provider.test";
    add_domain(&mut z, "expired-nta.test", Some(expired), true);
    // A TXT lookup that fails (SERVFAIL) or times out is not "no record".
    add_domain(&mut z, "servfail-nta.test", None, true);
    z.insert(
        ("servfail-nta.test.".to_string(), RecordType::TXT),
        Resp::Code(hickory_proto::op::ResponseCode::ServFail),
    );
    add_domain(&mut z, "silent-nta.test", None, true);
    z.insert(
        ("silent-nta.test.".to_string(), RecordType::TXT),
        Resp::Silent,
    );
    add_host(&mut z, NTA_HOST, [127, 0, 0, 1], true);
    z.insert(
        (format!("_{port}._tcp.{NTA_HOST}."), RecordType::TLSA),
        secure(vec![rec(
            &format!("_{port}._tcp.{NTA_HOST}."),
            tlsa(CertUsage::DaneEe, spki_sha256(&der)),
        )]),
    );
    let dns = dns_server(z).await;

    let config = Arc::new(Config {
        mx: MxSecurityConfig {
            resolver: Some(dns),
            dnssec: DnssecMode::TrustAd,
            smtp_port: port,
            dns_timeout_secs: 2,
            ..MxSecurityConfig::default()
        },
        ..Config::default()
    });
    let (audit, mut rx) = Audit::channel();
    let events: Arc<Mutex<Vec<AuditEvent>>> = Arc::default();
    let sink = events.clone();
    tokio::spawn(async move {
        while let Some(e) = rx.recv().await {
            sink.lock().unwrap().push(e);
        }
    });
    let route = Arc::new(MxRoute::new(&config, audit.clone()));
    let journal = Arc::new(MemJournal::default());
    let q = Queue::start_with_route(config, journal.clone(), audit, route);

    // `nta7516` with a fallback: the NTA host for a current, secure
    // record; the fallback at once for no record, an insecure or an
    // expired one; without a fallback the recipient waits.
    let mut ids = vec![];
    for rcpt in [
        "n@nta.test",
        "o@plainmx.test",
        "p@insecure-nta.test",
        "q@expired-nta.test",
        "r@plainmx.test",
        "s@servfail-nta.test",
        "t@silent-nta.test",
    ] {
        let mut it = item(
            &journal,
            "sender@practice.test",
            &[(rcpt, T::Nta7516)],
            b"Subject: nta\r\n\r\nHello.\r\n",
        );
        if rcpt != "r@plainmx.test" {
            it.recipients[0].fallback_step = Some(0);
        }
        ids.push(it.envelope.id.0.clone());
        q.enqueue(it);
    }
    let fell_back = |id: &str| {
        journal
            .fallbacks
            .lock()
            .unwrap()
            .iter()
            .any(|f| f.0 == id && f.2 == 0 && f.3.contains("NTA 7516"))
    };
    assert!(
        wait_until(Duration::from_secs(30), || {
            journal.latest(&ids[0], 0).is_some()
                && ids[1..4].iter().all(|id| fell_back(id))
                && ids[4..].iter().all(|id| journal.latest(id, 0).is_some())
        })
        .await,
        "{:?} {:?}",
        journal.records(),
        journal.fallbacks.lock().unwrap()
    );
    assert_eq!(
        journal.latest(&ids[0], 0).map(|r| r.status),
        Some(RcptStatus::Delivered)
    );
    for id in &ids[1..4] {
        // The fallback took them over: the queue recorded nothing.
        assert!(journal.latest(id, 0).is_none(), "{id}");
    }
    assert!(
        matches!(journal.latest(&ids[4], 0).map(|r| r.status),
            Some(RcptStatus::TemporaryFailure { reason }) if reason.contains("NTA 7516")),
        "{:?}",
        journal.latest(&ids[4], 0)
    );
    // SERVFAIL and timeout: deferred, never the fallback.
    for id in &ids[5..] {
        assert!(
            matches!(
                journal.latest(id, 0).map(|r| r.status),
                Some(RcptStatus::TemporaryFailure { .. })
            ),
            "{:?}",
            journal.latest(id, 0)
        );
    }
    assert_eq!(journal.fallbacks.lock().unwrap().len(), 3);
    let n: Vec<String> = nta_sink
        .messages()
        .iter()
        .flat_map(|m| m.rcpts.clone())
        .collect();
    assert_eq!(n, vec!["n@nta.test"]);
    assert!(mx_sink.messages().is_empty());

    let cases = [
        ("a@nta.test", T::DaneOrMtaSts, true),
        ("b@nta.test", T::Dane, true),
        ("c@plainmx.test", T::DaneOrMtaSts, false),
        ("d@insecure-nta.test", T::DaneOrMtaSts, false),
        ("e@expired-nta.test", T::DaneOrMtaSts, false),
        ("f@plainmx.test", T::None, true),
    ];
    let before = nta_sink.messages().len();
    let mut ids = vec![];
    for (rcpt, req, _) in &cases {
        let it = item(
            &journal,
            "sender@practice.test",
            &[(rcpt, *req)],
            b"Subject: nta\r\n\r\nHello.\r\n",
        );
        ids.push(it.envelope.id.0.clone());
        q.enqueue(it);
    }
    assert!(
        wait_until(Duration::from_secs(30), || ids
            .iter()
            .all(|id| journal.latest(id, 0).is_some()))
        .await,
        "{:?}",
        journal.records()
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    for ((rcpt, req, ok), id) in cases.iter().zip(&ids) {
        let st = journal.latest(id, 0).map(|r| r.status);
        if *ok {
            assert_eq!(st, Some(RcptStatus::Delivered), "{rcpt} {req:?}");
        } else {
            assert!(
                matches!(&st, Some(RcptStatus::TemporaryFailure { reason }) if reason.contains("dane-or-mta-sts")),
                "{rcpt}: {st:?}"
            );
        }
    }
    let at_nta: Vec<String> = nta_sink
        .messages()
        .iter()
        .skip(before)
        .flat_map(|m| {
            assert!(m.tls, "NTA host must get mail over TLS");
            m.rcpts.clone()
        })
        .collect();
    let mut at_nta_sorted = at_nta.clone();
    at_nta_sorted.sort();
    assert_eq!(at_nta_sorted, vec!["a@nta.test", "b@nta.test"]);
    let at_mx: Vec<String> = mx_sink
        .messages()
        .iter()
        .flat_map(|m| m.rcpts.clone())
        .collect();
    assert_eq!(at_mx, vec!["f@plainmx.test"]);
    let events = events.lock().unwrap().clone();
    let d = events
        .iter()
        .find(|e| e.kind == "delivered" && e.recipient.as_deref() == Some("a@nta.test"))
        .expect("delivered event");
    assert_eq!(d.detail["authentication"], "dane-ee", "{}", d.detail);
    assert!(
        d.detail["remote"]
            .as_str()
            .is_some_and(|r| r.starts_with(NTA_HOST)),
        "{}",
        d.detail
    );
}
