//! Issue 13: OCR never stalls the line. Two messages full of scanned
//! images are in DATA (scanned with real tesseract) while a new client
//! connects: its greeting must come within a second, because scans run on
//! the blocking pool (`inspect.max_parallel_scans`), never on the async
//! runtime that serves sessions.

mod inspect_support;
mod support;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use support::*;

/// A message under 256 KiB (the old inline-scan limit) with `n` scanned pictures.
fn ocr_heavy(n: usize) -> Vec<u8> {
    let png = inspect_support::base64(&inspect_support::fixture("scan.png"));
    let mut m = String::from(
        "From: balie@praktijk.test\r\nTo: leverancier@example.test\r\nSubject: scans\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n\
--XX\r\nContent-Type: text/plain\r\n\r\nZie de scans.\r\n",
    );
    for i in 0..n {
        m.push_str(&format!(
            "--XX\r\nContent-Type: image/png; name=\"scan{i}.png\"\r\nContent-Transfer-Encoding: base64\r\n\
Content-Disposition: attachment; filename=\"scan{i}.png\"\r\n\r\n{png}\r\n"
        ));
    }
    m.push_str("--XX--\r\n");
    m.into_bytes()
}

fn greeting_time(port: u16) -> Duration {
    let started = Instant::now();
    let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut line = String::new();
    BufReader::new(s).read_line(&mut line).unwrap();
    assert!(line.starts_with("220"), "{line}");
    started.elapsed()
}

#[test]
fn greeting_stays_fast_while_ocr_heavy_messages_are_scanned() {
    assert!(
        inspect_support::tesseract_available(),
        "tesseract must be installed"
    );
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let _sink = Sink::start(sink_port, &dir.path().join("sink"), &[]);
    let cfg = write_relay_config(dir.path(), port, sink_port, "");
    let _sluis = start_sluis(&cfg, port);
    let body = ocr_heavy(24);
    assert!(body.len() < 256 * 1024);
    let senders: Vec<_> = (0..2)
        .map(|_| {
            let body = body.clone();
            std::thread::spawn(move || {
                let started = Instant::now();
                let reply = Smtp::connect(port).send(
                    "balie@praktijk.test",
                    &["leverancier@example.test"],
                    &body,
                );
                (reply, started.elapsed())
            })
        })
        .collect();
    // Let both messages reach the scanner, then greet while they scan.
    std::thread::sleep(Duration::from_millis(700));
    let greetings: Vec<Duration> = (0..3)
        .map(|_| {
            let t = greeting_time(port);
            std::thread::sleep(Duration::from_millis(200));
            t
        })
        .collect();
    let sends: Vec<_> = senders.into_iter().map(|h| h.join().unwrap()).collect();
    for (reply, _) in &sends {
        assert!(reply.starts_with('2') || reply.starts_with('5'), "{reply}");
    }
    let slowest_send = sends.iter().map(|(_, t)| *t).max().unwrap_or_default();
    eprintln!("greetings {greetings:?} while the OCR-heavy sends took up to {slowest_send:?}");
    assert!(
        slowest_send > Duration::from_millis(1500),
        "the scans were too quick to show anything ({slowest_send:?})"
    );
    for g in greetings {
        assert!(g < Duration::from_secs(1), "greeting took {g:?}");
    }
}
