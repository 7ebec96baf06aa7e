//! Through `scripts/bench-relay` (the benchmark contract: plain SMTP in, a
//! plain sink out, the shipped policies), every labelled message of
//! `../shared/corpus/dev` is submitted. No sensitive message may reach the
//! sink with its content; the clean ones should get through.
//!
//! Skips (with a note) only when the corpus is not beside the repository.

mod support;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;
use support::*;

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var("SLUIS_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| repo_root().join("../shared/corpus/dev"));
    dir.join("labels.tsv").exists().then_some(dir)
}

/// Sensitive when any label is 1 (the corpus README's definition).
fn labels(dir: &std::path::Path) -> HashMap<String, bool> {
    let text = std::fs::read_to_string(dir.join("labels.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let sensitive = f.get(1..5)?.contains(&"1");
            Some((f.first()?.to_string(), sensitive))
        })
        .collect()
}

fn message_id(raw: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(raw);
    text.lines()
        .take_while(|l| !l.is_empty())
        .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
        .map(|l| l[11..].trim().to_string())
}

/// What a mail client sends: CRLF line ends (the corpus has some LF-only files).
fn as_smtp_data(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 20);
    let mut start_of_line = true;
    let mut prev = 0u8;
    for &b in raw {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        if start_of_line && b == b'.' {
            out.push(b'.');
        }
        out.push(b);
        start_of_line = b == b'\n';
        prev = b;
    }
    if !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[test]
fn no_sensitive_corpus_message_reaches_a_plain_sink() {
    let Some(dir) = corpus_dir() else {
        eprintln!("note: ../shared/corpus/dev not found; corpus end-to-end test skipped");
        return;
    };
    let labels = labels(&dir);
    let work = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let sink = Sink::start(sink_port, &work.path().join("sink"), &[]);
    let _relay = start_bench_relay(work.path(), port, sink_port);

    let mut sensitive_ids = HashSet::new();
    let mut clean_ids = HashSet::new();
    let mut accepted_clean = 0;
    let mut names: Vec<&String> = labels.keys().collect();
    names.sort();
    for name in names {
        let raw = std::fs::read(dir.join(name)).unwrap();
        let id = message_id(&raw).unwrap_or_else(|| panic!("{name} has no Message-ID"));
        let sensitive = labels[name];
        let reply = Smtp::connect(port).send(
            "assistent@praktijk.test",
            &["ontvanger@example.test"],
            &as_smtp_data(&raw),
        );
        assert!(
            reply.starts_with("250") || reply.starts_with("550"),
            "{name}: unexpected reply {reply}"
        );
        if reply.starts_with("550") {
            // The reason is shown to the sender, Dutch first, then English.
            assert!(
                reply.contains(" / "),
                "{name}: reply not bilingual: {reply}"
            );
        }
        if sensitive {
            sensitive_ids.insert(id);
        } else {
            accepted_clean += usize::from(reply.starts_with("250"));
            clean_ids.insert(id);
        }
    }
    let delivered = sink.wait_for(accepted_clean, Duration::from_secs(60));
    std::thread::sleep(Duration::from_secs(2));
    let delivered_ids: Vec<String> = sink
        .messages()
        .iter()
        .filter_map(|(_, raw)| message_id(raw))
        .collect();
    for id in &delivered_ids {
        assert!(
            !sensitive_ids.contains(id),
            "a sensitive message reached the plain sink with its content: {id}"
        );
    }
    let clean_delivered = delivered_ids
        .iter()
        .filter(|id| clean_ids.contains(*id))
        .count();
    eprintln!(
        "corpus through bench-relay: {} clean of {} delivered, {} sensitive held back, {} messages at the sink",
        clean_delivered,
        clean_ids.len(),
        sensitive_ids.len(),
        delivered.len()
    );
    // The detectors' false-positive target is 3 %; allow that, not more.
    assert!(
        clean_delivered * 100 >= clean_ids.len() * 97,
        "too many clean messages held back: {clean_delivered}/{}",
        clean_ids.len()
    );
}

fn start_bench_relay(work: &std::path::Path, port: u16, sink_port: u16) -> Proc {
    let relay = Command::new(repo_root().join("scripts/bench-relay"))
        .env("BENCH_LISTEN", format!("127.0.0.1:{port}"))
        .env("BENCH_SINK", format!("127.0.0.1:{sink_port}"))
        .env("BENCH_WORKDIR", work.join("relay"))
        .env("SLUIS_BIN", env!("CARGO_BIN_EXE_sluis"))
        .stdout(Stdio::null())
        .spawn()
        .expect("scripts/bench-relay");
    let proc = Proc(relay);
    assert!(
        wait_for_greeting(port, Duration::from_secs(60)),
        "bench-relay did not start"
    );
    proc
}

#[test]
fn a_sensitive_message_reaches_the_sink_only_as_a_working_pickup_link() {
    let work = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let sink = Sink::start(sink_port, &work.path().join("sink"), &[]);
    let _relay = start_bench_relay(work.path(), port, sink_port);
    let secret_text = "HbA1c 64 mmol/mol, metformine 500 mg 2dd1";
    let body = format!(
        "From: dokter@praktijk.test\r\nTo: patient@example.test\r\nSubject: Uw uitslag\r\n\
         Message-ID: <uitslag-1@praktijk.test>\r\n\r\nBeste mevrouw Jansen (geboren 12-03-1961),\r\n\
         BSN 111222333. Uw {secret_text}.\r\nMet vriendelijke groet, de huisarts\r\n"
    );
    let reply = Smtp::connect(port).send(
        "dokter@praktijk.test",
        &["patient@example.test"],
        body.as_bytes(),
    );
    assert!(reply.starts_with("250"), "{reply}");
    // The notification to the patient (and a confirmation to the sender).
    let got = sink.wait_for(2, Duration::from_secs(30));
    let to_patient: Vec<String> = got
        .iter()
        .filter(|(m, _)| m["rcpt_tos"][0] == "patient@example.test")
        .map(|(_, raw)| String::from_utf8_lossy(raw).to_string())
        .collect();
    assert_eq!(
        to_patient.len(),
        1,
        "expected one notification, got {}",
        got.len()
    );
    let notification = &to_patient[0];
    for (_, raw) in &got {
        let text = String::from_utf8_lossy(raw);
        assert!(
            !text.contains("111222333") && !text.contains("HbA1c") && !text.contains("metformine"),
            "content of the sensitive message reached the sink"
        );
        // The sender's confirmation may refer to the original (In-Reply-To,
        // References, for threading); no mail in the sink may *be* it.
        let is_the_original = text.lines().any(|l| {
            l.to_ascii_lowercase().starts_with("message-id:")
                && l.contains("uitslag-1@praktijk.test")
        });
        assert!(!is_the_original, "the original reached the sink");
    }
    // The link works: the portal answers it (the code page), over HTTPS.
    let start = notification
        .find("https://127.0.0.1:")
        .expect("a link in the notification");
    let link: String = notification[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<' && *c != '>')
        .collect();
    let out = Command::new("curl")
        .args(["-k", "-s", "-o", "/dev/null", "-w", "%{http_code}", &link])
        .output()
        .expect("curl");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "200",
        "the pickup link does not work"
    );
}
