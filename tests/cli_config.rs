//! Every command finds the same configuration: the one named with
//! `--config` or `$SLUIS_CONFIG`, else `./sluis.toml`, else
//! `./data/sluis.toml` (where `scripts/demo` writes it), else built-in
//! defaults; `sluis config --path` says which, and `sluis config` prints
//! the settings of that file.

use std::path::Path;
use std::process::Command;

/// Run `sluis ARGS` in `dir` with `$SLUIS_CONFIG` set to `env` (or unset).
fn sluis(dir: &Path, env: Option<&str>, args: &[&str]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sluis"));
    cmd.args(args).current_dir(dir).env_remove("SLUIS_CONFIG");
    if let Some(value) = env {
        cmd.env("SLUIS_CONFIG", value);
    }
    let out = cmd.output().expect("sluis runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write_config(path: &Path, practice: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, format!("[tenant]\nname = \"{practice}\"\n")).expect("write config");
}

#[test]
fn the_demo_config_under_data_is_found_without_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        sluis(dir.path(), None, &["config", "--path"]).trim(),
        "(ingebouwde standaardwaarden / built-in defaults)"
    );
    write_config(&dir.path().join("data/sluis.toml"), "Praktijk Data");
    assert_eq!(
        sluis(dir.path(), None, &["config", "--path"]).trim(),
        "data/sluis.toml"
    );
    let printed = sluis(dir.path(), None, &["config"]);
    assert!(printed.starts_with("# Sluis-configuratie uit / configuration from: data/sluis.toml\n"));
    assert!(printed.contains("Praktijk Data"), "{printed}");
    // The printed configuration is itself a valid configuration.
    let copy = dir.path().join("copy.toml");
    std::fs::write(&copy, &printed).expect("write copy");
    assert!(
        sluis(dir.path(), None, &["--config", "copy.toml", "config"]).contains("Praktijk Data")
    );
}

#[test]
fn a_named_config_wins_then_the_one_beside_the_operator() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_config(&dir.path().join("data/sluis.toml"), "Praktijk Data");
    write_config(&dir.path().join("sluis.toml"), "Praktijk Hier");
    write_config(&dir.path().join("elders/sluis.toml"), "Praktijk Elders");
    assert_eq!(
        sluis(dir.path(), None, &["config", "--path"]).trim(),
        "sluis.toml"
    );
    assert!(sluis(dir.path(), None, &["config"]).contains("Praktijk Hier"));
    assert!(sluis(dir.path(), Some("elders/sluis.toml"), &["config"]).contains("Praktijk Elders"));
    assert_eq!(
        sluis(
            dir.path(),
            Some("elders/sluis.toml"),
            &["--config", "data/sluis.toml", "config", "--path"]
        )
        .trim(),
        "data/sluis.toml"
    );
}

/// Every TOML block of docs/install.md is a configuration `sluis` accepts
/// (unknown keys are refused), so the guide cannot drift from the code.
#[test]
fn the_install_guide_configs_are_accepted() {
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/install.md"),
    )
    .unwrap();
    let blocks: Vec<&str> = guide
        .split("```toml\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    assert!(blocks.len() >= 2, "no TOML blocks in docs/install.md");
    let dir = tempfile::tempdir().unwrap();
    for (i, block) in blocks.iter().enumerate() {
        let path = dir.path().join(format!("install-{i}.toml"));
        std::fs::write(&path, block).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sluis"))
            .arg("--config")
            .arg(&path)
            .arg("config")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "block {i} refused: {}\n{block}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The practice's phone number and website are required: `sluis config`
/// names each one that is missing, in Dutch and English, on stderr (the
/// printed configuration stays valid), and is silent once both are set.
#[test]
fn sluis_config_names_a_missing_practice_phone_and_website() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |dir: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_sluis"))
            .args(["--config", "sluis.toml", "config"])
            .current_dir(dir)
            .env_remove("SLUIS_CONFIG")
            .output()
            .expect("sluis runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    write_config(&dir.path().join("sluis.toml"), "Praktijk");
    let err = run(dir.path());
    assert!(err.contains("pickup.practice_phone ontbreekt"), "{err}");
    assert!(err.contains("pickup.practice_phone is missing"), "{err}");
    assert!(err.contains("pickup.practice_website ontbreekt"), "{err}");
    std::fs::write(
        dir.path().join("sluis.toml"),
        "[pickup]\npractice_phone = \"020-1234567\"\npractice_website = \"https://www.praktijk.nl\"\n",
    )
    .expect("write config");
    let err = run(dir.path());
    assert!(!err.contains("ontbreekt"), "{err}");
}
