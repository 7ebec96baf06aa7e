//! Performance checks (ignored by default; run them on an optimised build):
//!
//! ```text
//! cargo test --release --test pickup_perf -- --ignored --nocapture
//! ```
//!
//! - parking a 10 MB message (encrypt, fsync the blob, insert the row)
//!   must take < 100 ms;
//! - the message page with a valid session, under `wrk` (apt `wrk`) with
//!   keep-alive connections, must answer p99 < 50 ms while serving at
//!   least 200 requests/s.

mod pickup_support;

use pickup_support::rig;
use std::time::{Duration, Instant};

fn big_message(size: usize) -> Vec<u8> {
    use base64::Engine;
    let data: Vec<u8> = (0..size * 3 / 4).map(|i| (i * 7 % 251) as u8).collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&data);
    let mut body = String::new();
    for chunk in b64.as_bytes().chunks(76) {
        body.push_str(&String::from_utf8_lossy(chunk));
        body.push_str("\r\n");
    }
    format!(
        "From: dokter@praktijk.nl\r\nTo: p@example.nl\r\nSubject: groot\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n\
--q\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=scan.bin\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{body}--q--\r\n"
    )
    .into_bytes()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "performance: run with --release --ignored"]
async fn parking_10_mb_takes_under_100_ms() {
    let rig = rig(|_| {}).await;
    let raw = big_message(10 * 1024 * 1024);
    let mut times = Vec::new();
    for i in 0..5 {
        let t = Instant::now();
        rig.park(
            &format!("big-{i}"),
            "p@example.nl",
            &raw,
            Some("+31612345678"),
        )
        .await;
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "park {} bytes: median {:?}, all {:?}",
        raw.len(),
        median,
        times
    );
    assert!(median < Duration::from_millis(100), "median {median:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "performance: run with --release --ignored"]
async fn message_page_p99_under_50_ms_at_200_rps() {
    let rig = rig(|_| {}).await;
    let raw = big_message(200 * 1024);
    let parked = rig
        .park("perf-1", "p@example.nl", &raw, Some("+31612345678"))
        .await;
    let (cookie, _) = rig.log_in(&rig.path(&parked.link_url)).await;
    let url = format!("{}/m/{}", rig.base, parked.pickup_id);
    assert_eq!(rig.get(&rig.path(&url), Some(&cookie)).await.status, 200);
    let args = vec![
        "-t2".to_string(),
        "-c8".into(),
        "-d10s".into(),
        "--latency".into(),
        "-H".into(),
        format!("Cookie: {cookie}"),
        url.clone(),
    ];
    // wrk runs on a blocking thread; the portal keeps serving on the runtime.
    let out =
        tokio::task::spawn_blocking(move || std::process::Command::new("wrk").args(args).output())
            .await
            .unwrap()
            .expect("wrk (apt package wrk) must be installed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    println!("{text}");
    let p99 = text
        .lines()
        .find(|l| l.trim_start().starts_with("99%"))
        .and_then(|l| l.split_whitespace().nth(1))
        .map(parse_latency)
        .expect("wrk prints a 99% line");
    let rps: f64 = text
        .lines()
        .find(|l| l.starts_with("Requests/sec:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .expect("wrk prints Requests/sec");
    assert!(!text.contains("Non-2xx"), "errors under load: {text}");
    println!("p99 {p99:?} at {rps:.0} requests/s");
    assert!(rps >= 200.0, "only {rps} requests/s");
    assert!(p99 < Duration::from_millis(50), "p99 {p99:?}");
}

fn parse_latency(v: &str) -> Duration {
    let (num, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len()));
    let n: f64 = num.parse().unwrap_or(f64::MAX);
    match unit {
        "us" => Duration::from_secs_f64(n / 1e6),
        "ms" => Duration::from_secs_f64(n / 1e3),
        "s" => Duration::from_secs_f64(n),
        _ => Duration::from_secs(3600),
    }
}
