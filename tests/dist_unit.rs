//! `dist/sluis.service`: the sandboxing docs/install.md promises is in the
//! unit, and `systemd-analyze verify` accepts it (with ExecStart pointed at
//! the binary under test; skipped, saying so, where systemd-analyze is
//! missing).

use std::process::Command;

fn unit() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/sluis.service"),
    )
    .unwrap()
}

#[test]
fn the_unit_is_sandboxed() {
    let unit = unit();
    let lines: Vec<&str> = unit.lines().map(str::trim).collect();
    for want in [
        "User=sluis",
        "StateDirectory=sluis",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "NoNewPrivileges=yes",
        "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
        "AmbientCapabilities=CAP_NET_BIND_SERVICE",
        "UMask=0077",
        "Environment=SLUIS_CONFIG=/etc/sluis/sluis.toml",
        "ExecStart=/usr/local/bin/sluis run",
    ] {
        assert!(
            lines.contains(&want),
            "{want} missing from dist/sluis.service"
        );
    }
    // Nothing else may write outside the state folder.
    assert!(!lines.iter().any(|l| l.starts_with("ReadWritePaths=")));
}

#[test]
fn systemd_analyze_verify_accepts_the_unit() {
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("systemd-analyze not installed: verify skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sluis.service");
    std::fs::write(
        &path,
        unit().replace("/usr/local/bin/sluis", env!("CARGO_BIN_EXE_sluis")),
    )
    .unwrap();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        !err.contains("sluis.service"),
        "warnings about the unit: {err}"
    );
}
