//! DANE against Postfix (issue 19 item 6), on Sluis's own lab scenarios
//! (`tests/support/dane_lab_extra.py`: built and run by the shared
//! dane-lab's own code, see docs/dane-postfix.md):
//! - an MX name in a signed zone that is a CNAME into an unsigned zone:
//!   TLSA at the MX name (RFC 7672 §2.2.2), SNI the MX name;
//! - an MX name that is a CNAME to a signed host with TLSA: SNI the CNAME
//!   target, the TLSA base domain (§8.1);
//! - a host in a signed zone named by an unsigned MX RRset: DANE on by
//!   default (Postfix `smtp_tls_dane_insecure_mx_policy = dane`), but never
//!   `dane` for a transport requirement; `may` turns it off.
//!
//! The oracle is Postfix itself: `posttls-finger -l dane` (Postfix 3.7) on
//! the same DNS, run in a private mount namespace whose /etc/resolv.conf
//! names the lab's validating resolver. Its verdict (Verified, Trusted, or
//! a failed verification), host, TLSA base and SNI must be what the table
//! says, and `sluis delivery check` (the real binary, in both DNS modes)
//! and real delivery through `sluis run` must match it.
//!
//! Needs root (the lab binds 127.0.41.x on ports 53, 25 and 443, which
//! posttls-finger needs: resolv.conf has no port). `SLUIS_SKIP_LAB=1`
//! skips explicitly.

mod support;

use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use support::lab::{skip, up_extra, Lab, LabNet};
use support::*;

const NET: LabNet = LabNet::new("127.0.41", 53, 25, 443);

/// What Postfix says about a TLS session with `posttls-finger -l dane`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// DANE-authenticated, secure MX.
    Verified,
    /// DANE-authenticated, insecure MX ("log verified as trusted").
    Trusted,
    /// "server certificate verification failed": Postfix at level `dane`
    /// would defer.
    Failed,
}

struct Case {
    domain: &'static str,
    postfix: Verdict,
    /// The MX name the session is made with.
    host: &'static str,
    /// Where the TLSA records are (the TLSA base domain); the SNI sent.
    base: Option<&'static str>,
    /// The lab receiver (inbox) behind it.
    inbox: &'static str,
}

const CASES: &[Case] = &[
    Case {
        domain: "dane-ee.test",
        postfix: Verdict::Verified,
        host: "mx.dane-ee.test",
        base: Some("mx.dane-ee.test"),
        inbox: "mx.dane-ee.test",
    },
    Case {
        domain: "cname-mx.test",
        postfix: Verdict::Verified,
        host: "mx.cname-mx.test",
        base: Some("mx.cname-mx.test"),
        inbox: "host.cname-target.test",
    },
    Case {
        domain: "cname-mx-bad.test",
        postfix: Verdict::Failed,
        host: "mx.cname-mx-bad.test",
        base: Some("mx.cname-mx-bad.test"),
        inbox: "host2.cname-target.test",
    },
    Case {
        domain: "cname-sni.test",
        postfix: Verdict::Verified,
        host: "mx.cname-sni.test",
        base: Some("host.sni-target.test"),
        inbox: "host.sni-target.test",
    },
    Case {
        domain: "insecure-mx.test",
        postfix: Verdict::Trusted,
        host: "mx.dane-host.test",
        base: Some("mx.dane-host.test"),
        inbox: "mx.dane-host.test",
    },
    Case {
        domain: "insecure-mx-bad.test",
        postfix: Verdict::Failed,
        host: "bad.dane-host.test",
        base: Some("bad.dane-host.test"),
        inbox: "bad.dane-host.test",
    },
];

/// Postfix's verdict in `sluis delivery check`'s words.
fn sluis_outcome(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "dane",
        Verdict::Trusted => "dane-insecure-mx",
        Verdict::Failed => "refuse",
    }
}

struct Finger {
    verdict: Option<Verdict>,
    host: Option<String>,
    base: Option<String>,
    sni: Option<String>,
    out: String,
}

/// `posttls-finger -l dane DOMAIN` against the lab's resolver.
fn posttls_finger(lab: &Lab, domain: &str) -> Finger {
    let w = lab.workdir.path();
    let conf = w.join("postfix");
    std::fs::create_dir_all(&conf).expect("mkdir postfix");
    std::fs::write(
        conf.join("main.cf"),
        "compatibility_level = 3.6\nsmtp_dns_support_level = dnssec\nmyhostname = posttls-finger.invalid\n",
    )
    .expect("main.cf");
    let resolver = lab.var("LAB_RESOLVER");
    let ip = resolver.trim_end_matches(":53");
    let rc = w.join("resolv.conf");
    std::fs::write(&rc, format!("nameserver {ip}\noptions trust-ad edns0\n")).expect("resolv");
    let script = format!(
        "mount --bind {} /etc/resolv.conf && exec posttls-finger -c -t 5 -l dane -L summary,certmatch,debug -v {domain}",
        rc.display()
    );
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .env("MAIL_CONFIG", &conf)
        .output()
        .expect("unshare + posttls-finger (apt postfix, util-linux)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let after = |key: &str| {
        text.lines()
            .find_map(|l| l.split_once(key).map(|(_, r)| r.trim().to_string()))
    };
    let failed = text.contains("server certificate verification failed");
    let verdict = if failed {
        Some(Verdict::Failed)
    } else if text.contains("Verified TLS connection established") {
        Some(Verdict::Verified)
    } else if text.contains("Trusted TLS connection established") {
        Some(Verdict::Trusted)
    } else {
        None
    };
    Finger {
        verdict,
        host: after("TLS connection established to ")
            .and_then(|r| r.split('[').next().map(String::from)),
        base: after("DNSSEC-signed TLSA record: _25._tcp.")
            .and_then(|r| r.split(':').next().map(String::from)),
        sni: after("SNI hostname: "),
        out: text,
    }
}

fn sluis() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_sluis"))
}

/// `sluis delivery check --json` with the real binary.
fn check(lab: &Lab, config: &Path, domain: &str, trust_ad: bool) -> Value {
    let mut cmd = Command::new(sluis());
    cmd.arg("--config")
        .arg(config)
        .args(["delivery", "check", domain, "--json"])
        .args(["--ca", &lab.var("LAB_CA")]);
    if trust_ad {
        cmd.args(["--trust-ad", "--resolver", &lab.var("LAB_RESOLVER")]);
    } else {
        cmd.args(["--resolver", &lab.var("LAB_AUTH_DNS")])
            .args(["--trust-anchor", &lab.var("LAB_TRUST_ANCHOR_DS")]);
    }
    let out = cmd.output().expect("run sluis delivery check");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{domain}: no JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn write_config(dir: &Path, extra: &str) -> std::path::PathBuf {
    let p = dir.join("check.toml");
    std::fs::write(&p, extra).expect("config");
    p
}

#[test]
fn dane_like_postfix_in_check_and_delivery() {
    if skip() {
        return;
    }
    let lab = up_extra(NET);
    let dir = tempfile::tempdir().expect("tempdir");

    // 1. The oracle: Postfix on the same DNS says what the table says.
    for c in CASES {
        let f = posttls_finger(&lab, c.domain);
        assert_eq!(f.verdict, Some(c.postfix), "{}: {}", c.domain, f.out);
        assert_eq!(f.host.as_deref(), Some(c.host), "{}: {}", c.domain, f.out);
        assert_eq!(f.base.as_deref(), c.base, "{}: {}", c.domain, f.out);
        if c.postfix != Verdict::Failed {
            assert_eq!(f.sni.as_deref(), c.base, "{}: {}", c.domain, f.out);
        }
    }

    // 2. `sluis delivery check` reports the same, in both DNS modes.
    let default = write_config(dir.path(), "");
    for trust_ad in [false, true] {
        for c in CASES {
            let r = check(&lab, &default, c.domain, trust_ad);
            let ctx = format!("{} (trust_ad {trust_ad}): {r:#}", c.domain);
            assert_eq!(r["outcome"], sluis_outcome(c.postfix), "{ctx}");
            let mx = r["mx"]
                .as_array()
                .and_then(|a| a.iter().find(|m| m["host"] == c.host))
                .unwrap_or_else(|| panic!("no host {} in {ctx}", c.host));
            assert_eq!(mx["tlsa_base"].as_str(), c.base, "{ctx}");
            assert_eq!(mx["sni"].as_str(), c.base, "{ctx}");
            if c.postfix == Verdict::Failed {
                assert_eq!(mx["result"], "refuse", "{ctx}");
            } else {
                assert_eq!(r["via"], c.host, "{ctx}");
            }
            let dane_met = c.postfix == Verdict::Verified;
            assert_eq!(r["satisfies"]["dane"], dane_met, "{ctx}");
        }
    }
    // `dane_insecure_mx_policy = "may"` (Postfix's `may`): TLSA behind an
    // unsigned MX is ignored, so the wrong one no longer stops delivery.
    let may = write_config(dir.path(), "[mx]\ndane_insecure_mx_policy = \"may\"\n");
    for domain in ["insecure-mx.test", "insecure-mx-bad.test"] {
        let r = check(&lab, &may, domain, false);
        assert_eq!(r["outcome"], "tls", "{domain}: {r:#}");
        assert!(r["mx"][0].get("tlsa_base").is_none(), "{domain}: {r:#}");
    }

    // 3. Real delivery through `sluis run` does the same.
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(&policies).expect("mkdir");
    std::fs::write(
        policies.join("beleid.toml"),
        r#"tenant = "default"

[[rule]]
name = "dane-vereist"
recipient_domain = ["cname-mx.test", "cname-sni.test"]
action = "deliver"
transport = "dane"

[[rule]]
name = "dane-vereist-onveilige-mx"
recipient = ["strikt@insecure-mx.test"]
action = "deliver"
transport = "dane"

[default]
action = "deliver"
transport = "none"
"#,
    )
    .expect("policy");
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
    let marker = format!("dane-postfix-{}", std::process::id());
    let body = format!(
        "From: balie@praktijk.test\r\nTo: x@cname-mx.test\r\nSubject: afspraak\r\n\
         Message-ID: <{marker}@praktijk.test>\r\n\r\nTot morgen om tien uur.\r\n"
    );
    let reply = Smtp::connect(port).send(
        "balie@praktijk.test",
        &[
            "a@cname-mx.test",
            "b@cname-sni.test",
            "c@insecure-mx.test",
            "strikt@insecure-mx.test",
            "d@insecure-mx-bad.test",
            "e@cname-mx-bad.test",
        ],
        body.as_bytes(),
    );
    assert!(reply.starts_with("250"), "{reply}");
    // Delivered: rcpt -> (inbox, SNI).
    let want = [
        (
            "a@cname-mx.test",
            "host.cname-target.test",
            "mx.cname-mx.test",
        ),
        (
            "b@cname-sni.test",
            "host.sni-target.test",
            "host.sni-target.test",
        ),
        (
            "c@insecure-mx.test",
            "mx.dane-host.test",
            "mx.dane-host.test",
        ),
    ];
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30)
        && lab.stored_anywhere(&marker).len() < want.len()
    {
        std::thread::sleep(Duration::from_millis(100));
    }
    for (rcpt, inbox, sni) in want {
        let case = CASES.iter().find(|c| c.inbox == inbox).expect("a case");
        assert_eq!(case.base, Some(sni), "{rcpt}: the table");
        let got = lab.stored(inbox, &marker);
        assert_eq!(got.len(), 1, "{rcpt}: nothing at {inbox}");
        let side = &got[0].sidecar;
        assert_eq!(side["rcpt_tos"], serde_json::json!([rcpt]), "{side}");
        assert_eq!(side["starttls"], true, "{side}");
        assert_eq!(side["sni"], sni, "{rcpt}: {side}");
    }
    // The failing hosts were tried in the same round: nothing there, and
    // `strikt@` (requirement `dane`) was not sent behind the unsigned MX.
    std::thread::sleep(Duration::from_millis(1000));
    for c in CASES.iter().filter(|c| c.postfix == Verdict::Failed) {
        assert!(
            lab.stored(c.inbox, &marker).is_empty(),
            "{} got mail",
            c.inbox
        );
    }
    assert_eq!(lab.stored_anywhere(&marker).len(), want.len());
}
