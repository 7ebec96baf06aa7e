//! Mutated real fixtures (bit flips, truncations, spliced bytes) through
//! the whole scan: it always returns, within the time limit, and no
//! parser panics (they would show up as "parser failure").

mod inspect_support;
use inspect_support::*;
use sluis::config::InspectConfig;
use std::time::{Duration, Instant};

fn mutations(seed: u64, data: &[u8]) -> Vec<Vec<u8>> {
    let mut s = seed | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let mut out = Vec::new();
    for round in 0..40 {
        let mut d = data.to_vec();
        if d.is_empty() {
            break;
        }
        match round % 4 {
            0 => {
                for _ in 0..8 {
                    let i = (next() as usize) % d.len();
                    d[i] ^= 1 << (next() % 8);
                }
            }
            1 => d.truncate((next() as usize) % d.len()),
            2 => {
                let i = (next() as usize) % d.len();
                let j = (next() as usize) % d.len();
                let (a, b) = (i.min(j), i.max(j));
                d.drain(a..b);
            }
            _ => {
                let i = (next() as usize) % d.len();
                let n = (next() as usize) % 64;
                d.splice(i..i, std::iter::repeat(b'0').take(n));
            }
        }
        out.push(d);
    }
    out
}

#[test]
fn mutated_fixtures_never_panic_or_hang() {
    let cfg = InspectConfig {
        max_scan_millis: 3_000,
        ..InspectConfig::default()
    };
    let files = [
        (
            "split-runs.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "padded-bsn.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("reversed.pdf", "application/pdf"),
        ("cyclic.pdf", "application/pdf"),
        ("spans.odt", "application/vnd.oasis.opendocument.text"),
        ("split.rtf", "application/rtf"),
        ("nested.zip", "application/zip"),
    ];
    for (seed, (name, ctype)) in files.iter().enumerate() {
        for (k, m) in mutations(seed as u64 + 7, &fixture(name))
            .into_iter()
            .enumerate()
        {
            let started = Instant::now();
            let r = sluis::inspect::scan_attachment(&m, ctype, Some(name), &cfg);
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{name} #{k} took {:?}",
                started.elapsed()
            );
            assert!(
                !r.unscannable
                    .iter()
                    .any(|u| u.contains("parser failure") || u.contains("internal error")),
                "{name} mutation #{k}: {:?}",
                r.unscannable
            );
        }
    }
}

#[test]
fn mutated_messages_never_panic() {
    let cfg = InspectConfig {
        max_scan_millis: 3_000,
        ..InspectConfig::default()
    };
    let msg = with_attachment(
        &fixture("split-runs.docx"),
        "application/octet-stream",
        "brief.docx",
    );
    for m in mutations(99, &msg) {
        let r = sluis::inspect::scan(&m, &cfg);
        assert!(
            !r.unscannable.iter().any(|u| u.contains("internal error")),
            "{:?}",
            r.unscannable
        );
    }
}
