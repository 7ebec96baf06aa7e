//! Development entry point: `cargo run --release --example scan -- [--json] FILE...`.
use sluis::config::InspectConfig;
use std::path::PathBuf;

fn main() {
    let mut json = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--json" {
            json = true;
        } else {
            files.push(PathBuf::from(a));
        }
    }
    std::process::exit(sluis::inspect::cli::run_scan(
        &files,
        json,
        &InspectConfig::default(),
    ));
}
