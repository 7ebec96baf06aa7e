//! `sluis migrate` and the start-up check, with the real binary on a
//! SQLite store (the same code runs on PostgreSQL; `cluster_portal` runs
//! three nodes there): a fresh database is behind, `sluis migrate`
//! applies every step once, and a database that a newer build migrated
//! past this build's floor makes `sluis migrate --status` exit 1 and
//! `sluis run` refuse to start, while one that is only additively ahead
//! runs.

mod support;

use std::process::{Command, Output};
use support::*;

fn sluis(config: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .expect("sluis")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn migrate_applies_once_and_a_newer_schema_past_the_floor_refuses_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let cfg = write_relay_config(dir.path(), port, sink_port, "");
    let db = dir.path().join("sluis.db");

    let out = sluis(&cfg, &["migrate", "--status"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("achter / behind"), "{}", text(&out));

    let out = sluis(&cfg, &["migrate"]);
    assert!(out.status.success(), "{}", text(&out));
    let first = text(&out);
    assert!(!first.contains("0 stap"), "{first}");
    let out = sluis(&cfg, &["migrate"]);
    assert!(
        text(&out).contains("0 stap(pen) uitgevoerd"),
        "{}",
        text(&out)
    );
    assert!(!text(&out).contains("behind"), "{}", text(&out));

    // A newer build added an additive step: this one runs on.
    sqlite(
        &db,
        "INSERT INTO sluis_schema (component, version) VALUES ('pickup', 99)",
    );
    let out = sluis(&cfg, &["migrate", "--status"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("additief / newer, additive"),
        "{}",
        text(&out)
    );
    let running = start_sluis(&cfg, port);
    running.terminate();

    // A newer build broke what this one knows (floor 99).
    sqlite(
        &db,
        "INSERT INTO sluis_schema_floor (component, floor) VALUES ('pickup', 99)",
    );
    let out = sluis(&cfg, &["migrate", "--status"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("newer, unusable"), "{}", text(&out));
    let out = sluis(&cfg, &["run"]);
    assert!(
        !out.status.success(),
        "sluis run started on a schema past its floor"
    );
    let said = text(&out);
    assert!(
        said.contains("werk deze node bij") && said.contains("upgrade this node"),
        "{said}"
    );
}
