//! MTA-STS end to end against in-test servers (scripted DNS without
//! DNSSEC, an HTTPS policy server under a test CA, STARTTLS MX servers):
//! enforce with a PKIX-valid MX, a wrong MX name, an MX not in the policy,
//! testing mode, and policies that must be treated as absent (redirect,
//! too large, wrong content type, bad syntax).

mod dane_common;

use dane_common::*;
use hickory_proto::rr::rdata::{A, TXT};
use hickory_proto::rr::{RData, RecordType};
use serde_json::Value;
use sluis::delivery::check::{check, CheckOptions};
use std::collections::HashMap;

fn policy(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn enforce(mx: &str, mode: &str) -> Vec<u8> {
    policy(&format!(
        "version: STSv1\nmode: {mode}\nmx: {mx}\nmax_age: 86400\n"
    ))
}

/// MX `d` → `mx.d`, `_mta-sts.d` TXT, `mta-sts.d` A; nothing secure.
fn sts_domain(z: &mut Zone, d: &str) {
    simple_domain(z, d, &format!("mx.{d}"), false);
    z.insert(
        (format!("_mta-sts.{d}."), RecordType::TXT),
        Resp::Answer {
            records: vec![rec(
                &format!("_mta-sts.{d}."),
                RData::TXT(TXT::new(vec!["v=STSv1; id=20260101".into()])),
            )],
            ad: false,
        },
    );
    z.insert(
        (format!("mta-sts.{d}."), RecordType::A),
        Resp::Answer {
            records: vec![rec(
                &format!("mta-sts.{d}."),
                RData::A(A::new(127, 0, 0, 1)),
            )],
            ad: false,
        },
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn mta_sts_policies_end_to_end() {
    let ca = TestCa::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let ca_file = dir.path().join("ca.pem");
    std::fs::write(&ca_file, ca.pem()).expect("write ca");

    let domains = [
        "good.test",
        "wrongname.test",
        "notlisted.test",
        "testing.test",
        "redirect.test",
        "big.test",
        "html.test",
        "syntax.test",
    ];
    let mut responses = HashMap::new();
    responses.insert(
        "mta-sts.good.test".to_string(),
        enforce("mx.good.test", "enforce"),
    );
    responses.insert(
        "mta-sts.wrongname.test".to_string(),
        enforce("mx.wrongname.test", "enforce"),
    );
    responses.insert(
        "mta-sts.notlisted.test".to_string(),
        enforce("*.elsewhere.test", "enforce"),
    );
    responses.insert(
        "mta-sts.testing.test".to_string(),
        enforce("mx.testing.test", "testing"),
    );
    responses.insert(
        "mta-sts.redirect.test".to_string(),
        b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://mta-sts.good.test/.well-known/mta-sts.txt\r\nContent-Length: 0\r\n\r\n".to_vec(),
    );
    let huge = format!(
        "version: STSv1\nmode: enforce\nmx: mx.big.test\nmax_age: 86400\n{}",
        "x: y\n".repeat(15_000)
    );
    responses.insert("mta-sts.big.test".to_string(), policy(&huge));
    responses.insert(
        "mta-sts.html.test".to_string(),
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 4\r\n\r\n<p/>".to_vec(),
    );
    responses.insert(
        "mta-sts.syntax.test".to_string(),
        policy("version: STSv1\nmode: enforce\n"),
    );
    let sts_names: Vec<String> = domains.iter().map(|d| format!("mta-sts.{d}")).collect();
    let sts_refs: Vec<&str> = sts_names.iter().map(String::as_str).collect();
    let (chain, key) = ca.leaf(&sts_refs);
    let https_port = https_server(chain, key, responses).await;

    // MX server: PKIX-valid for mx.good.test only.
    let (chain, key) = ca.leaf(&["mx.good.test"]);
    let smtp_port = smtp_server_with(chain, key, false).await;

    let mut z = Zone::new();
    for d in domains {
        sts_domain(&mut z, d);
    }
    let dns = dns_server(z).await;
    let opts = CheckOptions {
        resolver: Some(dns),
        trust_ad: true,
        ca: Some(ca_file),
        smtp_port: Some(smtp_port),
        https_port: Some(https_port),
        ..CheckOptions::default()
    };

    let r = check("good.test", &opts).await;
    assert_eq!(r["outcome"], "mta-sts", "{r}");
    assert_eq!(r["mta_sts"]["mode"], "enforce", "{r}");
    assert_eq!(r["mx"][0]["level"], "verify", "{r}");

    let r = check("wrongname.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");
    assert!(
        r["mx"][0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("not valid for name")),
        "{r}"
    );

    let r = check("notlisted.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");

    // Testing mode never blocks delivery: the wrong name is only reported.
    let r = check("testing.test", &opts).await;
    assert_eq!(r["mta_sts"]["mode"], "testing", "{r}");
    assert_eq!(r["outcome"], "tls", "{r}");

    for d in ["redirect.test", "big.test", "html.test", "syntax.test"] {
        let r = check(d, &opts).await;
        assert_eq!(
            r["outcome"], "tls",
            "{d}: a bad policy counts as no policy: {r}"
        );
        assert!(r["mta_sts"]["error"].is_string(), "{d}: {r}");
    }
    let r: Value = check("redirect.test", &opts).await;
    assert!(
        r["mta_sts"]["error"]
            .as_str()
            .is_some_and(|e| e.contains("301")),
        "{r}"
    );
}
