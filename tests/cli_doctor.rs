//! `sluis doctor` against real files, a real SQLite store and a real SMTP
//! sink: a sound installation passes every check (exit 0); an expiring
//! certificate is a warning, a spool path that is a file, a relay that does
//! not answer and an unreadable configuration are failures (exit 1). Every
//! line Dutch first, then English.

mod support;

use std::path::Path;
use std::process::Command;
use support::*;

fn make_cert(dir: &Path, days: u32) {
    std::fs::create_dir_all(dir.join("tls")).unwrap();
    let out = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args([
            "-nodes",
            "-subj",
            "/CN=sluis.test",
            "-days",
            &days.to_string(),
        ])
        .arg("-keyout")
        .arg(dir.join("tls/sluis.key"))
        .arg("-out")
        .arg(dir.join("tls/sluis.crt"))
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn doctor(config: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("--config")
        .arg(config)
        .arg("doctor")
        .output()
        .expect("sluis doctor");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), stdout)
}

fn line<'a>(report: &'a str, word: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.contains(word))
        .unwrap_or_else(|| panic!("no line about {word}: {report}"))
}

#[test]
fn a_sound_installation_passes() {
    let dir = tempfile::tempdir().unwrap();
    let sink_port = free_port();
    let _sink = Sink::start(sink_port, &dir.path().join("sink"), &[]);
    let config = write_relay_config(dir.path(), free_port(), sink_port, "");
    make_cert(dir.path(), 365);
    std::fs::create_dir_all(dir.path().join("spool")).unwrap();
    // Creates and migrates the store.
    let out = Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("--config")
        .arg(&config)
        .args(["user", "list"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (code, report) = doctor(&config);
    assert_eq!(code, Some(0), "{report}");
    for word in [
        "configuratie",
        "beleid",
        "certificaat",
        "sleutel",
        "database",
        "spoolmap",
        "relay",
    ] {
        let l = line(&report, word);
        assert!(l.starts_with("OK"), "{l}");
        assert!(l.contains(" / "), "not Dutch then English: {l}");
    }
    assert!(line(&report, "relay").contains("220"), "{report}");
    assert!(
        line(&report, "certificaat").contains("CN=sluis.test"),
        "{report}"
    );
    // Only a probe file was written, and it is gone.
    assert_eq!(
        std::fs::read_dir(dir.path().join("spool")).unwrap().count(),
        0
    );
}

#[test]
fn problems_are_named_and_fail() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens on the relay port; the spool path is a file.
    let config = write_relay_config(dir.path(), free_port(), free_port(), "");
    make_cert(dir.path(), 5);
    std::fs::write(dir.path().join("spool"), b"not a folder").unwrap();

    let (code, report) = doctor(&config);
    assert_eq!(code, Some(1), "{report}");
    let cert = line(&report, "certificaat");
    assert!(
        cert.starts_with("LET OP/WARN")
            && (cert.contains("verloopt over 4 dag") || cert.contains("verloopt over 5 dag")),
        "{cert}"
    );
    assert!(
        line(&report, "spoolmap").starts_with("FOUT/FAIL"),
        "{report}"
    );
    let relay = line(&report, "relay");
    assert!(
        relay.starts_with("FOUT/FAIL") && relay.contains("onbereikbaar"),
        "{relay}"
    );
    let store = line(&report, "database");
    assert!(
        store.starts_with("LET OP/WARN") && store.contains("bestaat nog niet"),
        "{store}"
    );
    assert!(
        !dir.path().join("sluis.db").exists(),
        "doctor created the store"
    );

    std::fs::write(&config, "[server\nhostname = ").unwrap();
    let (code, report) = doctor(&config);
    assert_eq!(code, Some(1), "{report}");
    assert!(
        line(&report, "configuratie").starts_with("FOUT/FAIL"),
        "{report}"
    );
}
