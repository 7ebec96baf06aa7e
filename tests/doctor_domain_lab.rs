//! `sluis doctor --domain` against the dane-lab (real Knot, DNSSEC signed
//! zones), run as the real binary. The lab's `nta.test` is made into a
//! practice domain that has everything right: records added to the running
//! Knot with `knotc` (SPF for the sending address, DKIM for the
//! notification selector, DMARC, MTA-STS, TLS-RPT, TLSA for the submission
//! and portal hosts; Knot signs them), next to the lab's own current NTA
//! 7516 record with DANE on its host. `dane-ee.test`, which has none of
//! those, must get a failure per missing record with the exact records to
//! add, and the offer of an NTA 7516 record (signed zone, DANE on its MX);
//! `plain.test` (unsigned) must be told it cannot have one. The expected
//! DKIM and TLSA values are computed with `openssl`, not with Sluis's code.
//!
//! Needs root (binds 127.0.43.x). Set `SLUIS_SKIP_LAB=1` to skip
//! explicitly; otherwise a lab that cannot start fails the test.

use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const NET: &str = "127.0.43";
const DNS_PORT: &str = "10053";
const SENDING_IP: &str = "192.0.2.25";

struct Lab {
    dir: PathBuf,
    workdir: tempfile::TempDir,
    env: HashMap<String, String>,
}

impl Drop for Lab {
    fn drop(&mut self) {
        let _ = Command::new(self.dir.join("down.sh"))
            .arg("--workdir")
            .arg(self.workdir.path())
            .status();
    }
}

impl Lab {
    fn up() -> Lab {
        let shared = std::env::var_os("SLUIS_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        let dir = shared.join("dane-lab");
        assert!(
            dir.join("up.sh").exists(),
            "dane-lab not found at {}",
            dir.display()
        );
        let workdir = tempfile::tempdir().unwrap();
        let out = Command::new(dir.join("up.sh"))
            .arg("--workdir")
            .arg(workdir.path())
            .args([
                "--net",
                NET,
                "--port",
                DNS_PORT,
                "--smtp-port",
                "10025",
                "--https-port",
                "10443",
            ])
            .output()
            .expect("run up.sh");
        let mut lab = Lab {
            dir,
            workdir,
            env: HashMap::new(),
        };
        assert!(
            out.status.success(),
            "dane-lab up.sh failed (needs root):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let env = std::fs::read_to_string(lab.workdir.path().join("lab.env")).unwrap();
        for line in env.lines() {
            if let Some((k, v)) = line.split_once('=') {
                if !k.starts_with('#') {
                    lab.env.insert(k.into(), v.trim_matches('"').into());
                }
            }
        }
        lab
    }

    fn var(&self, k: &str) -> &str {
        self.env
            .get(k)
            .unwrap_or_else(|| panic!("{k} missing in lab.env"))
    }

    fn knotc(&self, args: &[&str]) {
        let conf = self.workdir.path().join("dns/knot.conf");
        let out = Command::new("knotc")
            .arg("-c")
            .arg(&conf)
            .args(args)
            .output()
            .expect("run knotc");
        assert!(
            out.status.success(),
            "knotc {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Wait until Knot serves `name` `rtype` signed.
    fn wait_signed(&self, name: &str, rtype: &str) {
        let auth = self.var("LAB_AUTH_DNS");
        let (ip, port) = auth.rsplit_once(':').unwrap();
        for _ in 0..100 {
            let out = Command::new("kdig")
                .args([
                    &format!("@{ip}"),
                    "-p",
                    port,
                    "+dnssec",
                    "+norecurse",
                    name,
                    rtype,
                ])
                .output()
                .expect("kdig");
            let text = String::from_utf8_lossy(&out.stdout);
            // Answer lines: name, ttl, class, type, data.
            let signed = text.lines().any(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                f.get(3) == Some(&"RRSIG") && f.get(4) == Some(&rtype)
            });
            if signed {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("{name} {rtype} never served signed");
    }
}

fn openssl(args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    use std::io::Write;
    let mut child = Command::new("openssl")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("openssl");
    if let Some(data) = stdin {
        child.stdin.take().unwrap().write_all(data).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "openssl {args:?}");
    out.stdout
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(data))
}

/// The findings of `sluis doctor --domain <domain> --json` and its exit code.
fn doctor(config: &Path, lab: &Lab, domain: &str, json: bool) -> (i32, Vec<Value>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sluis"));
    cmd.arg("--config")
        .arg(config)
        .args(["doctor", "--domain", domain, "--sending-ip", SENDING_IP])
        .args(["--resolver", lab.var("LAB_AUTH_DNS")])
        .args(["--trust-anchor", lab.var("LAB_TRUST_ANCHOR_DS")]);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("run sluis doctor");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let findings = if json {
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    } else {
        vec![]
    };
    (out.status.code().unwrap_or(-1), findings, text)
}

fn find<'a>(findings: &'a [Value], check: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["check"] == check).collect()
}

#[test]
fn doctor_domain_right_and_missing_records_in_the_dane_lab() {
    if std::env::var_os("SLUIS_SKIP_LAB").is_some() {
        eprintln!("SLUIS_SKIP_LAB set: skipped");
        return;
    }
    let lab = Lab::up();
    let work = tempfile::tempdir().unwrap();
    let w = work.path();

    // The practice's keys, made with openssl; the values DNS must carry
    // computed with openssl too.
    let dkim_key = w.join("dkim.pem");
    std::fs::write(
        &dkim_key,
        openssl(&["genpkey", "-algorithm", "ed25519"], None),
    )
    .unwrap();
    let dkim_pub_der = openssl(
        &["pkey", "-pubout", "-outform", "DER"],
        Some(&std::fs::read(&dkim_key).unwrap()),
    );
    use base64::Engine;
    let dkim_p =
        base64::engine::general_purpose::STANDARD.encode(&dkim_pub_der[dkim_pub_der.len() - 32..]);
    let dkim_record = format!("v=DKIM1; k=ed25519; p={dkim_p}");
    let key = w.join("tls.key");
    let cert = w.join("tls.crt");
    let status = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-days",
            "30",
        ])
        .args(["-subj", "/CN=smtp.nta.test", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let spki = openssl(
        &["x509", "-pubkey", "-noout"],
        Some(&std::fs::read(&cert).unwrap()),
    );
    let spki_der = openssl(&["pkey", "-pubin", "-outform", "DER"], Some(&spki));
    let tlsa = sha256_hex(&spki_der);

    // nta.test gets every record a practice domain should have.
    lab.knotc(&["zone-begin", "nta.test"]);
    for (owner, rtype, data) in [
        ("@", "TXT", format!("\"v=spf1 ip4:{SENDING_IP} -all\"")),
        ("sluis._domainkey", "TXT", format!("\"{dkim_record}\"")),
        (
            "_dmarc",
            "TXT",
            "\"v=DMARC1; p=reject; rua=mailto:dmarc@nta.test\"".to_string(),
        ),
        ("_mta-sts", "TXT", "\"v=STSv1; id=2026120701\"".to_string()),
        (
            "_smtp._tls",
            "TXT",
            "\"v=TLSRPTv1; rua=mailto:tlsrpt@nta.test\"".to_string(),
        ),
        ("_5870._tcp.smtp", "TLSA", format!("3 1 1 {tlsa}")),
        ("_4650._tcp.smtp", "TLSA", format!("3 1 1 {tlsa}")),
        ("_443._tcp.portal", "TLSA", format!("3 1 1 {tlsa}")),
    ] {
        lab.knotc(&["zone-set", "nta.test", owner, "300", rtype, &data]);
    }
    lab.knotc(&["zone-commit", "nta.test"]);
    lab.wait_signed("_dmarc.nta.test", "TXT");
    lab.wait_signed("_443._tcp.portal.nta.test", "TLSA");

    let config = w.join("sluis.toml");
    std::fs::write(
        &config,
        format!(
            r#"
[server]
hostname = "smtp.nta.test"

[tls]
certificate = "{cert}"
private_key = "{key}"

[store]
url = "sqlite://{db}"

[pickup]
base_url = "https://portal.nta.test"
notify_from = "no-reply@nta.test"
practice_name = "Huisartsenpraktijk Lab"

[[pickup.dkim]]
tenant = "default"
domain = "nta.test"
selector = "sluis"
key_file = "{dkim}"
algorithm = "ed25519"

[[pickup.dkim]]
tenant = "tweede"
domain = "dane-ee.test"
selector = "sluis"
key_file = "{dkim}"
algorithm = "ed25519"
"#,
            cert = cert.display(),
            key = key.display(),
            db = w.join("sluis.db").display(),
            dkim = dkim_key.display(),
        ),
    )
    .unwrap();

    // Right: every check passes.
    let (code, findings, _) = doctor(&config, &lab, "nta.test", true);
    for f in &findings {
        assert_eq!(f["status"], "ok", "nta.test: {f}");
        assert!(f["add"].as_array().unwrap().is_empty(), "{f}");
    }
    for check in [
        "dnssec", "spf", "dkim", "dmarc", "mta-sts", "tls-rpt", "nta7516",
    ] {
        assert_eq!(find(&findings, check).len(), 1, "{check}: {findings:#?}");
    }
    assert_eq!(find(&findings, "tlsa").len(), 3, "submission x2 and portal");
    assert_eq!(code, 0);

    // Missing: a failure or warning per record, with the exact record.
    let (code, findings, _) = doctor(&config, &lab, "dane-ee.test", true);
    assert_eq!(code, 1);
    let one = |check: &str| -> &Value {
        let v = find(&findings, check);
        assert_eq!(v.len(), 1, "{check}: {findings:#?}");
        v[0]
    };
    let adds = |check: &str| -> Vec<String> {
        one(check)["add"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(one("dnssec")["status"], "ok");
    assert_eq!(one("spf")["status"], "fail");
    assert_eq!(
        adds("spf"),
        [format!(
            "dane-ee.test. 3600 IN TXT \"v=spf1 ip4:{SENDING_IP} -all\""
        )]
    );
    assert_eq!(one("dkim")["status"], "fail");
    assert_eq!(
        adds("dkim"),
        [format!(
            "sluis._domainkey.dane-ee.test. 3600 IN TXT \"{dkim_record}\""
        )]
    );
    assert_eq!(one("dmarc")["status"], "fail");
    assert!(
        adds("dmarc")[0].starts_with("_dmarc.dane-ee.test. 3600 IN TXT \"v=DMARC1; p=quarantine;")
    );
    assert_eq!(one("mta-sts")["status"], "warn");
    assert!(adds("mta-sts")[0].starts_with("_mta-sts.dane-ee.test. 3600 IN TXT \"v=STSv1; id="));
    assert!(adds("mta-sts")
        .iter()
        .any(|a| a.contains("mx: mx.dane-ee.test")));
    assert_eq!(one("tls-rpt")["status"], "warn");
    assert_eq!(
        adds("tls-rpt"),
        ["_smtp._tls.dane-ee.test. 3600 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@dane-ee.test\""]
    );
    // dane-ee.test is signed and its MX has DANE: an NTA 7516 record can
    // be published, and the offered one is what delivery would accept.
    assert_eq!(one("nta7516")["status"], "warn");
    let nta = adds("nta7516");
    assert_eq!(nta.len(), 1);
    assert!(
        nta[0].starts_with("dane-ee.test. 3600 IN TXT \"v=NTA7516-1;startdate="),
        "{nta:?}"
    );
    assert!(
        nta[0].ends_with(";provider=Huisartsenpraktijk Lab;ntamx=10 mx.dane-ee.test\""),
        "{nta:?}"
    );

    // For people: Dutch and English, the records indented below.
    let (_, _, text) = doctor(&config, &lab, "dane-ee.test", false);
    assert!(
        text.contains("geen DMARC-record") && text.contains("no DMARC record"),
        "{text}"
    );
    assert!(text.contains(&format!(
        "      sluis._domainkey.dane-ee.test. 3600 IN TXT \"{dkim_record}\""
    )));

    // Unsigned: no NTA 7516 record can be published.
    let (_, findings, _) = doctor(&config, &lab, "plain.test", true);
    let dnssec = find(&findings, "dnssec");
    assert_eq!(dnssec[0]["status"], "warn");
    let nta = find(&findings, "nta7516");
    assert!(
        nta[0]["en"].as_str().unwrap().contains("not signed"),
        "{nta:?}"
    );
    assert!(nta[0]["add"].as_array().unwrap().is_empty());
}
