//! The one DANE-lab harness of the tests: bring up /work/shared/dane-lab
//! (or Sluis's own scenarios built with its tooling,
//! `tests/support/dane_lab_extra.py`) on a loopback net and ports of the
//! test's own, always torn down by Drop; read `lab.env`, `scenarios.json`,
//! the inboxes and their sidecars; build MX settings pointing at it.
//!
//! Needs root (the lab binds 127.x addresses). `SLUIS_SKIP_LAB=1` skips
//! explicitly; otherwise a lab that cannot start fails the test.

use serde_json::Value;
use sluis::config::Config;
use sluis::delivery::mx::plan::MxSecurityConfig;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where a lab listens: its own /24 under 127/8 and its ports.
#[derive(Clone, Copy, Debug)]
pub struct LabNet {
    pub net: &'static str,
    pub dns_port: u16,
    pub smtp_port: u16,
    pub https_port: u16,
}

impl LabNet {
    pub const fn new(net: &'static str, dns_port: u16, smtp_port: u16, https_port: u16) -> Self {
        LabNet {
            net,
            dns_port,
            smtp_port,
            https_port,
        }
    }
}

pub struct Lab {
    dir: PathBuf,
    pub workdir: tempfile::TempDir,
    pub env: HashMap<String, String>,
    pub smtp_port: u16,
    pub https_port: u16,
}

impl Drop for Lab {
    fn drop(&mut self) {
        let _ = Command::new(self.dir.join("down.sh"))
            .arg("--workdir")
            .arg(self.workdir.path())
            .status();
    }
}

/// The shared lab's folder: `$SLUIS_SHARED/dane-lab`, default
/// `<repo>/../shared/dane-lab`.
pub fn lab_dir() -> PathBuf {
    let shared = std::env::var_os("SLUIS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    shared.join("dane-lab")
}

/// `SLUIS_SKIP_LAB=1` skips explicitly; otherwise a lab that cannot start
/// fails the test.
pub fn skip() -> bool {
    if std::env::var_os("SLUIS_SKIP_LAB").is_some() {
        eprintln!("SLUIS_SKIP_LAB set: dane-lab test skipped");
        return true;
    }
    false
}

/// The shared lab's scenarios (its README's table).
pub fn up(net: &str, dns_port: u16, smtp_port: u16, https_port: u16) -> Lab {
    let dir = lab_dir();
    start(
        Command::new(dir.join("up.sh")),
        dir,
        net,
        dns_port,
        smtp_port,
        https_port,
    )
}

/// The shared lab's scenarios at `n`.
pub fn up_at(n: LabNet) -> Lab {
    up(n.net, n.dns_port, n.smtp_port, n.https_port)
}

/// Sluis's own scenarios (`tests/support/dane_lab_extra.py`: CNAME MX
/// names, SNI, insecure MX), run by the shared lab's own code.
pub fn up_extra(n: LabNet) -> Lab {
    let dir = lab_dir();
    let mut cmd = Command::new("/usr/bin/python3");
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/dane_lab_extra.py"))
        .arg("up")
        .env("DANE_LAB_DIR", &dir);
    start(cmd, dir, n.net, n.dns_port, n.smtp_port, n.https_port)
}

fn start(
    mut cmd: Command,
    dir: PathBuf,
    net: &str,
    dns_port: u16,
    smtp_port: u16,
    https_port: u16,
) -> Lab {
    assert!(
        dir.join("up.sh").exists(),
        "dane-lab not found at {} (set SLUIS_SHARED)",
        dir.display()
    );
    let workdir = tempfile::tempdir().expect("tempdir");
    let out = cmd
        .arg("--workdir")
        .arg(workdir.path())
        .args(["--net", net, "--port", &dns_port.to_string()])
        .args(["--smtp-port", &smtp_port.to_string()])
        .args(["--https-port", &https_port.to_string()])
        .output()
        .expect("run the lab's up");
    let mut lab = Lab {
        dir,
        workdir,
        env: HashMap::new(),
        smtp_port,
        https_port,
    };
    assert!(
        out.status.success(),
        "dane-lab up failed (needs root):\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let env = std::fs::read_to_string(lab.workdir.path().join("lab.env")).expect("lab.env");
    for line in env.lines() {
        if let Some((k, v)) = line.split_once('=') {
            if !k.starts_with('#') {
                lab.env
                    .insert(k.to_string(), v.trim_matches('"').to_string());
            }
        }
    }
    lab
}

/// One stored message: the raw .eml and its sidecar.
#[derive(Debug, Clone)]
pub struct Stored {
    pub eml: Vec<u8>,
    pub sidecar: Value,
}

impl Lab {
    pub fn var(&self, k: &str) -> String {
        self.env
            .get(k)
            .cloned()
            .unwrap_or_else(|| panic!("{k} missing in lab.env"))
    }

    pub fn scenarios(&self) -> Vec<Value> {
        let v: Value = serde_json::from_str(
            &std::fs::read_to_string(self.var("LAB_SCENARIOS_JSON")).expect("scenarios.json"),
        )
        .expect("scenarios.json parses");
        v["scenarios"].as_array().cloned().expect("scenarios array")
    }

    /// MX settings validating from the lab's DS trust anchor, trusting the
    /// lab CA, with the lab's ports.
    pub fn mx_config(&self) -> MxSecurityConfig {
        MxSecurityConfig {
            resolver: Some(self.var("LAB_AUTH_DNS").parse().expect("LAB_AUTH_DNS")),
            trust_anchor: Some(self.var("LAB_TRUST_ANCHOR_DS").into()),
            ca_file: Some(self.var("LAB_CA").into()),
            smtp_port: self.smtp_port,
            mta_sts_https_port: self.https_port,
            dns_timeout_secs: 3,
            mta_sts_timeout_secs: 5,
            ..MxSecurityConfig::default()
        }
    }

    /// A config for queue tests: MX delivery to the lab, no retry during
    /// the test, short timeouts.
    pub fn config(&self) -> Config {
        let mut c = Config {
            mx: self.mx_config(),
            ..Config::default()
        };
        c.delivery.retry_initial_secs = 3600;
        c.delivery.retry_max_secs = 3600;
        c.delivery.connect_timeout_secs = 5;
        c.delivery.command_timeout_secs = 10;
        c.delivery.data_timeout_secs = 10;
        c.server.hostname = "sluis.mx-test.invalid".into();
        c
    }

    /// The `[mx]` section of a `sluis.toml` pointing at the lab
    /// (validating from its trust anchor, its CA, its ports).
    pub fn mx_toml(&self) -> String {
        format!(
            "[mx]\nresolver = \"{}\"\ntrust_anchor = \"{}\"\nca_file = \"{}\"\nsmtp_port = {}\nmta_sts_https_port = {}\ndns_timeout_secs = 3\n",
            self.var("LAB_AUTH_DNS"),
            self.var("LAB_TRUST_ANCHOR_DS"),
            self.var("LAB_CA"),
            self.smtp_port,
            self.https_port,
        )
    }

    /// Every message stored for `mx_host` that contains `marker`.
    pub fn stored(&self, mx_host: &str, marker: &str) -> Vec<Stored> {
        let dir = PathBuf::from(self.var("LAB_INBOX")).join(mx_host);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            return vec![];
        };
        let mut out = vec![];
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let Ok(side) = std::fs::read_to_string(&p) else {
                continue;
            };
            let Ok(eml) = std::fs::read(p.with_extension("eml")) else {
                continue;
            };
            if !String::from_utf8_lossy(&eml).contains(marker) {
                continue;
            }
            out.push(Stored {
                eml,
                sidecar: serde_json::from_str(&side).expect("sidecar json"),
            });
        }
        out
    }

    /// Every message in any inbox that contains `marker`.
    pub fn stored_anywhere(&self, marker: &str) -> Vec<(String, Stored)> {
        let inbox = PathBuf::from(self.var("LAB_INBOX"));
        let mut out = vec![];
        for e in std::fs::read_dir(&inbox).into_iter().flatten().flatten() {
            let host = e.file_name().to_string_lossy().to_string();
            for s in self.stored(&host, marker) {
                out.push((host.clone(), s));
            }
        }
        out
    }
}
