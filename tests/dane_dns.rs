//! DANE conformance cases the dane-lab does not cover, run against an
//! in-test DNS server (real UDP, answers with or without AD, SERVFAIL,
//! silence) and an in-test STARTTLS SMTP server, through the same
//! `delivery check` path as the lab test, in trust-AD mode:
//! - a CNAME'd MX host: TLSA at the CNAME target (RFC 7672 §2.2.2);
//! - TLSA SERVFAIL and timeout are temporary failures, not "no TLSA";
//! - a secure TLSA RRset with only unusable records: TLS, never DANE;
//! - insecure address records: the (wrong) TLSA is not used;
//! - DANE-EE accepts an expired certificate for another name;
//! - null MX refuses; an implicit MX uses the domain as host (with DANE);
//! - TLSA is looked up for the MX host, never for the mail domain;
//! - broken TLS after STARTTLS: opportunistic falls back, DANE refuses.

mod dane_common;

use dane_common::*;
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::rdata::tlsa::CertUsage;
use hickory_proto::rr::rdata::{A, CNAME, MX};
use hickory_proto::rr::{RData, RecordType};
use serde_json::Value;
use sluis::delivery::check::{check, CheckOptions};
use sluis::net::dns::{Dns, DnsError, DnsOptions, Validation};
use std::time::Duration;

fn report_mx(r: &Value) -> &Value {
    &r["mx"][0]
}

#[tokio::test(flavor = "multi_thread")]
async fn dane_conformance_against_a_scripted_dns() {
    let (port, cert) = smtp_server(false).await;
    let (broken_port, _) = smtp_server(true).await;
    // An expired self-signed certificate for another name.
    let old_key = rcgen::KeyPair::generate().expect("key");
    let mut old = rcgen::CertificateParams::new(vec!["old.invalid".to_string()]).expect("params");
    old.not_before = rcgen::date_time_ymd(2015, 1, 1);
    old.not_after = rcgen::date_time_ymd(2016, 1, 1);
    let old = old.self_signed(&old_key).expect("cert");
    let expired_port =
        smtp_server_with(vec![old.der().clone()], old_key.serialize_der(), false).await;
    let good = spki_sha256(&cert);
    let mut z = Zone::new();

    // 1. CNAME'd MX host; TLSA only at the target.
    z.insert(
        ("cname.test.".into(), RecordType::MX),
        secure(vec![rec(
            "cname.test.",
            RData::MX(MX::new(10, n("mx.cname.test."))),
        )]),
    );
    let chain = vec![
        rec(
            "mx.cname.test.",
            RData::CNAME(CNAME(n("real.hosting.test."))),
        ),
        rec("real.hosting.test.", RData::A(A::new(127, 0, 0, 1))),
    ];
    z.insert(("mx.cname.test.".into(), RecordType::A), secure(chain));
    z.insert(
        ("mx.cname.test.".into(), RecordType::AAAA),
        secure(vec![rec(
            "mx.cname.test.",
            RData::CNAME(CNAME(n("real.hosting.test."))),
        )]),
    );
    z.insert(
        ("real.hosting.test.".into(), RecordType::AAAA),
        secure(vec![]),
    );
    let owner = format!("_{port}._tcp.real.hosting.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, good.clone()))]),
    );

    // 2. TLSA SERVFAIL on a secure host.
    simple_domain(&mut z, "servfail.test", "mx.servfail.test", true);
    z.insert(
        (format!("_{port}._tcp.mx.servfail.test."), RecordType::TLSA),
        Resp::Code(ResponseCode::ServFail),
    );

    // 3. Only unusable TLSA records (PKIX-EE with the right digest).
    simple_domain(&mut z, "unusable.test", "mx.unusable.test", true);
    let owner = format!("_{port}._tcp.mx.unusable.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::PkixEe, good.clone()))]),
    );

    // 4. Insecure address records with a wrong TLSA: TLSA ignored.
    simple_domain(&mut z, "insecure-a.test", "mx.insecure-a.test", false);
    let owner = format!("_{port}._tcp.mx.insecure-a.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, vec![0u8; 32]))]),
    );

    // 5. Same secure host, TLSA with a wrong digest: refuse (control).
    simple_domain(&mut z, "wrong.test", "mx.wrong.test", true);
    let owner = format!("_{port}._tcp.mx.wrong.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, vec![0u8; 32]))]),
    );

    // 6. A server whose TLS is broken: opportunistic falls back to plain,
    //    DANE refuses.
    simple_domain(&mut z, "broken.test", "mx.broken.test", false);
    simple_domain(&mut z, "broken-dane.test", "mx.broken-dane.test", true);
    let owner = format!("_{broken_port}._tcp.mx.broken-dane.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, good.clone()))]),
    );

    // 7. TLSA published for the mail domain, not for its MX host: no DANE.
    simple_domain(&mut z, "domain-tlsa.test", "mx.domain-tlsa.test", true);
    let owner = format!("_{port}._tcp.domain-tlsa.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, good.clone()))]),
    );

    // 8. DANE-EE with an expired certificate for another name: verifies.
    simple_domain(&mut z, "expired.test", "mx.expired.test", true);
    let owner = format!("_{expired_port}._tcp.mx.expired.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(
            &owner,
            tlsa(CertUsage::DaneEe, spki_sha256(old.der())),
        )]),
    );

    // 9. Null MX (RFC 7505) and implicit MX (RFC 5321 §5.1, with DANE for
    //    the domain as its own host).
    z.insert(
        ("nullmx.test.".into(), RecordType::MX),
        secure(vec![rec(
            "nullmx.test.",
            RData::MX(MX::new(0, hickory_proto::rr::Name::root())),
        )]),
    );
    z.insert(("implicit.test.".into(), RecordType::MX), secure(vec![]));
    z.insert(
        ("implicit.test.".into(), RecordType::A),
        secure(vec![rec("implicit.test.", RData::A(A::new(127, 0, 0, 1)))]),
    );
    z.insert(("implicit.test.".into(), RecordType::AAAA), secure(vec![]));
    let owner = format!("_{port}._tcp.implicit.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, good.clone()))]),
    );

    // 10. A TLSA query that is never answered.
    z.insert(
        ("_25._tcp.silent.test.".into(), RecordType::TLSA),
        Resp::Silent,
    );

    let server = dns_server(z).await;
    let opts = CheckOptions {
        resolver: Some(server),
        trust_ad: true,
        smtp_port: Some(port),
        ..CheckOptions::default()
    };

    let r = check("cname.test", &opts).await;
    assert_eq!(r["outcome"], "dane", "{r}");
    assert_eq!(report_mx(&r)["cname"], "real.hosting.test", "{r}");
    assert_eq!(report_mx(&r)["authentication"], "dane-ee", "{r}");

    let r = check("servfail.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");
    let status = report_mx(&r)["tlsa_status"].as_str().unwrap_or("");
    assert!(status.starts_with("lookup failed"), "{r}");

    let r = check("unusable.test", &opts).await;
    assert_eq!(r["outcome"], "tls", "{r}");
    assert_eq!(report_mx(&r)["level"], "encrypt", "{r}");
    assert_eq!(report_mx(&r)["tlsa"][0]["usable"], false, "{r}");

    let r = check("insecure-a.test", &opts).await;
    assert_eq!(r["outcome"], "tls", "{r}");
    assert_eq!(report_mx(&r)["level"], "opportunistic", "{r}");

    let r = check("wrong.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");

    let r = check("nullmx.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");
    assert!(
        r["error"].as_str().is_some_and(|e| e.contains("null MX")),
        "{r}"
    );

    let r = check("implicit.test", &opts).await;
    assert_eq!(r["outcome"], "dane", "{r}");
    assert_eq!(report_mx(&r)["host"], "implicit.test", "{r}");

    let r = check("domain-tlsa.test", &opts).await;
    assert_eq!(r["outcome"], "tls", "{r}");
    assert_eq!(report_mx(&r)["level"], "opportunistic", "{r}");

    let expired = CheckOptions {
        smtp_port: Some(expired_port),
        ..opts.clone()
    };
    let r = check("expired.test", &expired).await;
    assert_eq!(r["outcome"], "dane", "{r}");
    assert_eq!(report_mx(&r)["authentication"], "dane-ee", "{r}");

    let broken = CheckOptions {
        smtp_port: Some(broken_port),
        ..opts.clone()
    };
    let r = check("broken.test", &broken).await;
    assert_eq!(r["outcome"], "plain", "{r}");
    let r = check("broken-dane.test", &broken).await;
    assert_eq!(r["outcome"], "refuse", "{r}");
    assert_eq!(report_mx(&r)["level"], "dane", "{r}");

    // Timeout: a temporary failure, promptly.
    let dns = Dns::new(DnsOptions {
        upstream: Some(server),
        validation: Validation::TrustAd,
        timeout: Duration::from_millis(300),
        attempts: 1,
        ..DnsOptions::default()
    })
    .await
    .expect("dns");
    let started = std::time::Instant::now();
    let got = dns.tlsa(25, "silent.test").await;
    assert!(matches!(got, Err(DnsError::Temporary { .. })), "{got:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    // And a real "no": NXDOMAIN with AD is a secure negative, not an error.
    let got = dns.tlsa(25, "nothing.test").await.expect("negative answer");
    assert!(got.records.is_empty() && got.negative.is_some());
}

/// An MX host named `mx` in domain `domain` (MX answer with `mx_ad`) that is
/// a CNAME to `target`, whose A answer (the whole chain) carries
/// `chain_ad`; the CNAME query at `mx` is answered with `cname`.
fn alias_domain(
    z: &mut Zone,
    domain: &str,
    mx: &str,
    target: &str,
    mx_ad: bool,
    chain_ad: bool,
    cname: Resp,
) {
    z.insert(
        (format!("{domain}."), RecordType::MX),
        Resp::Answer {
            records: vec![rec(
                &format!("{domain}."),
                RData::MX(MX::new(10, n(&format!("{mx}.")))),
            )],
            ad: mx_ad,
        },
    );
    let alias = rec(
        &format!("{mx}."),
        RData::CNAME(CNAME(n(&format!("{target}.")))),
    );
    z.insert(
        (format!("{mx}."), RecordType::A),
        Resp::Answer {
            records: vec![
                alias.clone(),
                rec(&format!("{target}."), RData::A(A::new(127, 0, 0, 1))),
            ],
            ad: chain_ad,
        },
    );
    z.insert(
        (format!("{mx}."), RecordType::AAAA),
        Resp::Answer {
            records: vec![alias],
            ad: chain_ad,
        },
    );
    z.insert(
        (format!("{target}."), RecordType::AAAA),
        Resp::Answer {
            records: vec![],
            ad: chain_ad,
        },
    );
    z.insert((format!("{mx}."), RecordType::CNAME), cname);
}

/// Issue 19 item 6 through an AD-bit resolver (the dane-lab test
/// `dane_postfix` has the same cases on real DNS with Postfix as oracle):
/// an MX name that is a secure CNAME into an unsigned zone gets TLSA at
/// the MX name and sends it as SNI; an insecure first link, or a CNAME
/// lookup that fails, never reads as "no TLSA"-then-DANE; a host in a
/// signed zone behind an unsigned MX RRset is DANE-authenticated but not
/// `dane` for a transport requirement.
#[tokio::test(flavor = "multi_thread")]
async fn cname_into_unsigned_zone_and_insecure_mx_through_the_ad_bit() {
    let (port, cert) = smtp_server(false).await;
    let good = spki_sha256(&cert);
    let wrong = vec![0u8; 32];
    let mut z = Zone::new();
    let tlsa_at = |z: &mut Zone, host: &str, data: Vec<u8>| {
        let owner = format!("_{port}._tcp.{host}.");
        z.insert(
            (owner.clone(), RecordType::TLSA),
            secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, data))]),
        );
    };
    let secure_alias = |mx: &str, target: &str| {
        secure(vec![rec(
            &format!("{mx}."),
            RData::CNAME(CNAME(n(&format!("{target}.")))),
        )])
    };

    // Secure first link: TLSA at the MX name (wrong TLSA at the target,
    // which is insecure, must not matter).
    alias_domain(
        &mut z,
        "first.test",
        "mx.first.test",
        "host.unsigned.test",
        true,
        false,
        secure_alias("mx.first.test", "host.unsigned.test"),
    );
    tlsa_at(&mut z, "mx.first.test", good.clone());
    tlsa_at(&mut z, "host.unsigned.test", wrong.clone());
    // The same with a TLSA at the MX name that does not match: never used.
    alias_domain(
        &mut z,
        "first-bad.test",
        "mx.first-bad.test",
        "host2.unsigned.test",
        true,
        false,
        secure_alias("mx.first-bad.test", "host2.unsigned.test"),
    );
    tlsa_at(&mut z, "mx.first-bad.test", wrong.clone());
    // An insecure first link: no TLSA counts (the wrong one is ignored).
    alias_domain(
        &mut z,
        "loose.test",
        "mx.loose.test",
        "host3.unsigned.test",
        true,
        false,
        Resp::Answer {
            records: vec![rec(
                "mx.loose.test.",
                RData::CNAME(CNAME(n("host3.unsigned.test."))),
            )],
            ad: false,
        },
    );
    tlsa_at(&mut z, "mx.loose.test", wrong.clone());
    // The CNAME query fails: unknown, so the host is deferred.
    alias_domain(
        &mut z,
        "cname-servfail.test",
        "mx.cname-servfail.test",
        "host4.unsigned.test",
        true,
        false,
        Resp::Code(ResponseCode::ServFail),
    );
    // Unsigned MX RRset, host in a signed zone with TLSA.
    z.insert(
        ("unsigned-mx.test.".into(), RecordType::MX),
        Resp::Answer {
            records: vec![rec(
                "unsigned-mx.test.",
                RData::MX(MX::new(10, n("mx.signed-host.test."))),
            )],
            ad: false,
        },
    );
    z.insert(
        ("mx.signed-host.test.".into(), RecordType::A),
        secure(vec![rec(
            "mx.signed-host.test.",
            RData::A(A::new(127, 0, 0, 1)),
        )]),
    );
    z.insert(
        ("mx.signed-host.test.".into(), RecordType::AAAA),
        secure(vec![]),
    );
    tlsa_at(&mut z, "mx.signed-host.test", good.clone());

    let server = dns_server(z).await;
    let opts = CheckOptions {
        resolver: Some(server),
        trust_ad: true,
        smtp_port: Some(port),
        ..CheckOptions::default()
    };

    let r = check("first.test", &opts).await;
    assert_eq!(r["outcome"], "dane", "{r}");
    assert_eq!(report_mx(&r)["tlsa_base"], "mx.first.test", "{r}");
    assert_eq!(report_mx(&r)["sni"], "mx.first.test", "{r}");
    assert_eq!(report_mx(&r)["cname"], "host.unsigned.test", "{r}");

    let r = check("first-bad.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");
    assert_eq!(report_mx(&r)["level"], "dane", "{r}");

    let r = check("loose.test", &opts).await;
    assert_eq!(r["outcome"], "tls", "{r}");
    assert_eq!(report_mx(&r)["level"], "opportunistic", "{r}");
    assert!(report_mx(&r).get("tlsa_base").is_none(), "{r}");

    let r = check("cname-servfail.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");
    let status = report_mx(&r)["tlsa_status"].as_str().unwrap_or("");
    assert!(status.starts_with("lookup failed"), "{r}");

    let r = check("unsigned-mx.test", &opts).await;
    assert_eq!(r["outcome"], "dane-insecure-mx", "{r}");
    assert_eq!(report_mx(&r)["level"], "dane-insecure-mx", "{r}");
    assert_eq!(r["satisfies"]["dane"], false, "{r}");
    assert_eq!(r["satisfies"]["tls"], true, "{r}");
    let may = CheckOptions {
        insecure_mx_policy: sluis::config::InsecureMxPolicy::May,
        ..opts.clone()
    };
    let r = check("unsigned-mx.test", &may).await;
    assert_eq!(r["outcome"], "tls", "{r}");
}
