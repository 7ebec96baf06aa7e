//! Benchmark aid: scan each given message N times (`BENCH_ROUNDS`, default
//! 20) and print the median time per scan and the throughput over the
//! message's size, and the same for the detectors alone.
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn main() {
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let config = sluis::config::InspectConfig::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--patterns") {
        for f in args.iter().skip(1) {
            let raw = std::fs::read(f).unwrap_or_default();
            let text = String::from_utf8_lossy(&raw);
            println!("{f}: {} bytes of text", text.len());
            for (name, secs) in sluis::inspect::detect_pattern_costs(&text, rounds) {
                println!(
                    "  {:>8.1} ns/byte  {name}",
                    secs * 1e9 / text.len().max(1) as f64
                );
            }
        }
        return;
    }
    for f in args {
        let raw = std::fs::read(&f).unwrap_or_default();
        let mut whole = Vec::new();
        let mut detect = Vec::new();
        for _ in 0..rounds {
            let t = Instant::now();
            let report = sluis::inspect::scan(&raw, &config);
            whole.push(t.elapsed().as_secs_f64());
            std::hint::black_box(report);
            detect.push(sluis::inspect::detect_only_seconds(&raw, &config));
        }
        let mb = raw.len() as f64 / 1e6;
        let (w, d) = (median(whole), median(detect));
        println!(
            "{f}: {} bytes; scan {:.2} ms ({:.0} MB/s); detectors {:.2} ms ({:.0} MB/s, {:.1} ns/byte)",
            raw.len(),
            w * 1e3,
            mb / w,
            d * 1e3,
            mb / d,
            d * 1e9 / raw.len() as f64
        );
    }
}
