//! The labelled GP-practice corpus (`../shared/corpus/dev`, or
//! `SLUIS_CORPUS`): every sensitive message must be protected (a category
//! or unscannable), at most 3 % of clean messages flagged, and BSN/health
//! F1 above the project's targets minus what encrypted content hides.

use sluis::config::InspectConfig;
use sluis::types::Category;
use std::path::PathBuf;

fn corpus_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var("SLUIS_CORPUS").ok().map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev")),
        Some(PathBuf::from("/work/shared/corpus/dev")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.join("labels.tsv").exists())
}

fn f1(tp: u32, fp: u32, fal: u32) -> f64 {
    let tp = f64::from(tp);
    2.0 * tp / (2.0 * tp + f64::from(fp) + f64::from(fal))
}

#[test]
fn corpus_quality_targets() {
    let Some(dir) = corpus_dir() else {
        eprintln!("corpus not found; set SLUIS_CORPUS");
        return;
    };
    let labels = std::fs::read_to_string(dir.join("labels.tsv")).unwrap();
    let rows: Vec<Vec<String>> = labels
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    assert!(rows.len() >= 100);
    let cfg = InspectConfig::default();
    let run = |part: &[Vec<String>]| -> Vec<_> {
        part.iter()
            .map(|r| {
                let raw = std::fs::read(dir.join(&r[0])).unwrap();
                sluis::inspect::scan(&raw, &cfg)
            })
            .collect()
    };
    let run = &run;
    let (a, b) = rows.split_at(rows.len() / 2);
    let results: Vec<_> = std::thread::scope(|s| {
        let ha = s.spawn(move || run(a));
        let hb = s.spawn(move || run(b));
        let mut v = ha.join().unwrap();
        v.extend(hb.join().unwrap());
        v
    });
    let (mut leaks, mut sensitive, mut clean, mut clean_flagged) = (0, 0, 0, 0);
    let mut counts = [[0u32; 3]; 2]; // [bsn, health] x [tp, fp, fn]
    for (row, r) in rows.iter().zip(&results) {
        let label = |i: usize| row[i] == "1";
        let is_sensitive = (1..=4).any(label);
        let flagged = !r.categories().is_empty() || r.is_unscannable();
        if is_sensitive {
            sensitive += 1;
            if !flagged {
                leaks += 1;
                eprintln!("LEAK {}", row[0]);
            }
        } else {
            clean += 1;
            if flagged {
                clean_flagged += 1;
                eprintln!("FP {}", row[0]);
            }
        }
        for (k, (cat, col)) in [(Category::Bsn, 1), (Category::Health, 2)]
            .into_iter()
            .enumerate()
        {
            let got = r.categories().contains(&cat);
            match (got, label(col)) {
                (true, true) => counts[k][0] += 1,
                (true, false) => counts[k][1] += 1,
                (false, true) => counts[k][2] += 1,
                _ => {}
            }
        }
    }
    let fpr = f64::from(clean_flagged) / f64::from(clean.max(1));
    let bsn = f1(counts[0][0], counts[0][1], counts[0][2]);
    let health = f1(counts[1][0], counts[1][1], counts[1][2]);
    eprintln!("sensitive {sensitive} leaks {leaks} clean FPR {fpr:.3} bsn F1 {bsn:.3} health F1 {health:.3}");
    assert_eq!(leaks, 0, "sensitive messages would leak");
    assert!(fpr <= 0.03, "clean FPR {fpr}");
    // Four BSNs sit only inside encrypted attachments: F1 0.97 is the ceiling there.
    assert!(bsn >= 0.96, "bsn F1 {bsn}");
    assert!(health >= 0.90, "health F1 {health}");
}
