//! `sluis scan [--json] FILE...`: scan message files and report per file.
//!
//! With `--json`: one JSON object per file per line, in the order given:
//! `{"file", "categories", "unscannable", "findings", "reasons", "elapsed_ms"}`.
//! Without: a short human report. Output never holds message text or a full
//! BSN (evidence is masked). Exit code: 0 when every file was read (whatever
//! was found), 2 when a file could not be read.

use super::scan;
use crate::config::InspectConfig;
use crate::types::ScanReport;
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

fn scan_file(path: &Path, config: &InspectConfig) -> Result<ScanReport, String> {
    let raw = std::fs::read(path).map_err(|e| format!("cannot read file: {}", e.kind()))?;
    Ok(scan(&raw, config))
}

fn render(file: &Path, result: &Result<ScanReport, String>, as_json: bool) -> String {
    let name = file.display().to_string();
    match (result, as_json) {
        (Ok(r), true) => json!({
            "file": name,
            "categories": r.categories().iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            "unscannable": r.is_unscannable(),
            "findings": r.findings,
            "reasons": r.unscannable,
            "elapsed_ms": r.elapsed_us / 1000,
        })
        .to_string(),
        (Err(e), true) => json!({
            "file": name, "categories": [], "unscannable": true, "findings": [], "reasons": [e], "error": e,
        })
        .to_string(),
        (Ok(r), false) => {
            let cats: Vec<&str> = r.categories().iter().map(|c| c.as_str()).collect();
            let mut s = format!(
                "{name}: {}{}",
                if cats.is_empty() { "schoon / clean".to_string() } else { cats.join(", ") },
                if r.is_unscannable() { " [onleesbaar / unscannable]" } else { "" }
            );
            for f in &r.findings {
                s.push_str(&format!(
                    "\n  {} {} part {}{}{} ({:.2})",
                    f.category,
                    f.evidence,
                    f.location.part,
                    f.location.filename.as_deref().map(|n| format!(" {n}")).unwrap_or_default(),
                    f.location.page.map(|p| format!(" p.{p}")).unwrap_or_default(),
                    f.confidence
                ));
            }
            for u in &r.unscannable {
                s.push_str(&format!("\n  onleesbaar / unscannable: {u}"));
            }
            s
        }
        (Err(e), false) => format!("{name}: fout / error: {e}"),
    }
}

/// Scan `files` (two at a time) and print one report per file, in order.
pub fn run_scan(files: &[PathBuf], json: bool, config: &InspectConfig) -> i32 {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 2);
    let mut results: Vec<Option<Result<ScanReport, String>>> = files.iter().map(|_| None).collect();
    let chunks: Vec<_> = results.chunks_mut(1).zip(files.iter()).collect();
    let queue = std::sync::Mutex::new(chunks.into_iter());
    let queue = &queue;
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(move || loop {
                let next = queue.lock().ok().and_then(|mut q| q.next());
                let Some((slot, file)) = next else { break };
                if let Some(cell) = slot.first_mut() {
                    *cell = Some(scan_file(file, config));
                }
            });
        }
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut code = 0;
    for (file, result) in files.iter().zip(results) {
        let result = result.unwrap_or_else(|| Err("not scanned".into()));
        if result.is_err() {
            code = 2;
        }
        let _ = writeln!(out, "{}", render(file, &result, json));
    }
    code
}
