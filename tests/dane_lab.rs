//! Integration test: bring up /work/shared/dane-lab (real Knot, unbound,
//! aiosmtpd and an HTTPS server on loopback), run `delivery check` for
//! every scenario in scenarios.json, in three DNS setups (validating from
//! the lab's DS trust anchor against Knot directly and through unbound,
//! and trusting unbound's AD bit), and
//! assert the lab's expected outcome. The lab is always torn down (Drop).
//!
//! Needs root (binds 127.0.7.x). The lab lives in `$SLUIS_SHARED/dane-lab`
//! (default `<repo>/../shared`). Set `SLUIS_SKIP_LAB=1` to skip explicitly;
//! otherwise a lab that cannot start fails the test.

mod support;

use serde_json::Value;
use sluis::delivery::check::{check, run_check, CheckOptions};
use std::path::{Path, PathBuf};
use support::lab::{skip, up, Lab};

const NET: &str = "127.0.7";
// Non-standard ports: exercises the port overrides and avoids clashes with
// a system resolver or MTA bound to 0.0.0.0.
const DNS_PORT: u16 = 10053;
const SMTP_PORT: u16 = 10025;
const HTTPS_PORT: u16 = 10443;

/// The check's options for the three DNS setups.
trait Setups {
    fn self_validating(&self) -> CheckOptions;
    /// Validate locally, with unbound as the (untrusted) upstream.
    fn self_validating_via_resolver(&self) -> CheckOptions;
    fn trust_ad(&self) -> CheckOptions;
}

impl Setups for Lab {
    fn self_validating(&self) -> CheckOptions {
        CheckOptions {
            resolver: Some(self.var("LAB_AUTH_DNS").parse().expect("LAB_AUTH_DNS")),
            trust_anchor: Some(self.var("LAB_TRUST_ANCHOR_DS").into()),
            ca: Some(self.var("LAB_CA").into()),
            smtp_port: Some(SMTP_PORT),
            https_port: Some(HTTPS_PORT),
            ..CheckOptions::default()
        }
    }
    fn self_validating_via_resolver(&self) -> CheckOptions {
        CheckOptions {
            resolver: Some(self.var("LAB_RESOLVER").parse().expect("LAB_RESOLVER")),
            ..self.self_validating()
        }
    }
    fn trust_ad(&self) -> CheckOptions {
        CheckOptions {
            resolver: Some(self.var("LAB_RESOLVER").parse().expect("LAB_RESOLVER")),
            trust_ad: true,
            ca: Some(self.var("LAB_CA").into()),
            smtp_port: Some(SMTP_PORT),
            https_port: Some(HTTPS_PORT),
            ..CheckOptions::default()
        }
    }
}

/// The lab's expectation → (outcome word, required `via` host).
fn expected(expect: &str) -> (&'static str, Option<String>) {
    match expect {
        "deliver:dane" => ("dane", None),
        "defer" => ("refuse", None),
        "deliver:opportunistic-tls" => ("tls", None),
        "deliver:mta-sts" => ("mta-sts", None),
        "deliver-if-cleartext-allowed" => ("plain", None),
        other => match other.strip_prefix("deliver:dane:") {
            Some(host) => ("dane", Some(host.to_string())),
            None => panic!("unknown lab expectation {other}"),
        },
    }
}

fn mx<'a>(report: &'a Value, host: &str) -> &'a Value {
    report["mx"]
        .as_array()
        .and_then(|a| a.iter().find(|m| m["host"] == host))
        .unwrap_or_else(|| panic!("no MX {host} in {report}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_lab_scenario_gives_the_expected_outcome() {
    if skip() {
        return;
    }
    let lab = up(NET, DNS_PORT, SMTP_PORT, HTTPS_PORT);
    let scenarios: Value = serde_json::from_str(
        &std::fs::read_to_string(lab.var("LAB_SCENARIOS_JSON")).expect("scenarios.json"),
    )
    .expect("scenarios.json parses");
    let list = scenarios["scenarios"].as_array().expect("scenarios array");
    assert!(list.len() >= 11, "expected at least 11 scenarios");

    let mut failures = Vec::new();
    for (mode, opts) in [
        ("self-validating", lab.self_validating()),
        (
            "self-validating-via-unbound",
            lab.self_validating_via_resolver(),
        ),
        ("trust-ad", lab.trust_ad()),
    ] {
        for sc in list {
            let domain = sc["domain"].as_str().expect("domain");
            let (want, via) = expected(sc["expect"].as_str().expect("expect"));
            let report = check(domain, &opts).await;
            let got = report["outcome"].as_str().unwrap_or("?");
            if got != want {
                failures.push(format!(
                    "[{mode}] {domain}: want {want}, got {got}: {report}"
                ));
            }
            if let Some(h) = via {
                if report["via"] != h.as_str() {
                    failures.push(format!("[{mode}] {domain}: want via {h}: {report}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // Details that the outcome alone does not show.
    let opts = lab.self_validating();
    let r = check("dane-ee.test", &opts).await;
    let m = mx(&r, "mx.dane-ee.test");
    assert_eq!(m["authentication"], "dane-ee", "{r}");
    assert_eq!(m["tlsa"][0]["matched"], true, "{r}");
    assert!(
        m["tls_version"]
            .as_str()
            .is_some_and(|v| v.starts_with("TLSv1.")),
        "{r}"
    );

    assert_eq!(r["satisfies"]["dane"], true, "{r}");
    let r = check("mta-sts.test", &opts).await;
    assert_eq!(r["satisfies"]["dane-or-mta-sts"], true, "{r}");
    assert_eq!(r["satisfies"]["dane"], false, "{r}");
    assert_eq!(r["before_250"]["dane-or-mta-sts"], "may", "{r}");
    assert!(
        r["before_250"]["dane"]
            .as_str()
            .is_some_and(|v| v.starts_with("cannot: ")),
        "{r}"
    );
    let r = check("plain.test", &opts).await;
    assert_eq!(r["satisfies"]["none"], true, "{r}");
    assert_eq!(r["satisfies"]["tls"], false, "{r}");
    // What the route check before "250" decides from the same answers.
    for req in ["nta7516", "dane", "dane-or-mta-sts"] {
        assert!(
            r["before_250"][req]
                .as_str()
                .is_some_and(|v| v.starts_with("cannot: ")),
            "{req}: {r}"
        );
    }
    let r = check("nta.test", &opts).await;
    assert_eq!(r["before_250"]["nta7516"], "may", "{r}");
    let r = check("nta-expired.test", &opts).await;
    assert!(
        r["before_250"]["nta7516"]
            .as_str()
            .is_some_and(|v| v.contains("NTA 7516")),
        "{r}"
    );
    assert_eq!(r["before_250"]["dane"], "may", "{r}");
    let r = check("bogus.test", &opts).await;
    assert!(
        r.get("before_250").is_none(),
        "a bogus domain has no plan: {r}"
    );

    let r = check("dane-ta.test", &opts).await;
    assert_eq!(
        mx(&r, "mx.dane-ta.test")["authentication"],
        "dane-ta",
        "{r}"
    );

    // One MX failing DANE does not stop the next.
    let r = check("dane-multi-mx.test", &opts).await;
    assert_eq!(mx(&r, "mx1.dane-multi-mx.test")["result"], "refuse", "{r}");
    assert_eq!(
        mx(&r, "mx1.dane-multi-mx.test")["tlsrpt_result"],
        "validation-failure",
        "{r}"
    );
    assert_eq!(mx(&r, "mx2.dane-multi-mx.test")["result"], "dane", "{r}");

    // An insecure TLSA is never used, even when present.
    let r = check("unsigned.test", &opts).await;
    let m = mx(&r, "mx.unsigned.test");
    assert_eq!(m["level"], "opportunistic", "{r}");
    assert_eq!(m["tlsa"], Value::Array(vec![]), "{r}");

    // MTA-STS: NSEC3-authenticated "no TLSA", then an enforce policy.
    let r = check("mta-sts.test", &opts).await;
    assert_eq!(r["mta_sts"]["mode"], "enforce", "{r}");
    assert!(
        r["tlsrpt"]["rua"][0].is_string(),
        "_smtp._tls published: {r}"
    );
    let r = check("mta-sts-bad.test", &opts).await;
    let m = mx(&r, "mx.mta-sts-bad.test");
    assert_eq!(m["tlsrpt_result"], "certificate-host-mismatch", "{r}");
    let r = check("no-starttls.test", &opts).await;
    let m = mx(&r, "mx.no-starttls.test");
    assert_eq!(m["tlsrpt_result"], "starttls-not-supported", "{r}");
    let r = check("mta-sts.test", &opts).await;
    assert_eq!(
        mx(&r, "mx.mta-sts.test")["tlsa_status"],
        "none (authenticated denial)"
    );

    // Without the lab CA, the MTA-STS policy cannot be fetched: no policy,
    // so the MX is only opportunistic.
    let no_ca = CheckOptions {
        ca: None,
        ..lab.self_validating()
    };
    let r = check("mta-sts.test", &no_ca).await;
    assert_eq!(r["outcome"], "tls", "{r}");
    assert!(r["mta_sts"]["error"].is_string(), "{r}");

    // A wrong trust anchor makes nothing secure: no DANE anywhere.
    let bad_ta = lab.workdir.path().join("wrong.ds");
    std::fs::write(
        &bad_ta,
        ". 3600 IN DS 1 13 2 0000000000000000000000000000000000000000000000000000000000000000\n",
    )
    .expect("write");
    let r = check(
        "dane-ee.test",
        &CheckOptions {
            trust_anchor: Some(bad_ta),
            ..lab.self_validating()
        },
    )
    .await;
    assert_eq!(r["outcome"], "error", "{r}");

    // Exit codes of the CLI entry point.
    assert_eq!(run_check("dane-ee.test", lab.self_validating()).await, 0);
    assert_eq!(run_check("bogus.test", lab.self_validating()).await, 1);

    // The check sends no mail: no MX inbox got a message.
    let inbox = PathBuf::from(lab.var("LAB_INBOX"));
    let stored = walk_count(&inbox);
    assert_eq!(stored, 0, "delivery check must not send mail");
}

fn walk_count(p: &Path) -> usize {
    let Ok(rd) = std::fs::read_dir(p) else {
        return 0;
    };
    rd.flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                walk_count(&path)
            } else {
                usize::from(path.extension().is_some_and(|x| x == "eml"))
            }
        })
        .sum()
}
