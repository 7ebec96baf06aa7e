//! What an attacker with a copy of the disk finds: the real `sluis` binary
//! (through `scripts/bench-relay`, everything under one work folder) parks a
//! sensitive mail, the recipient asks for a code by e-mail, the pickup is
//! revoked (or expires, or a normal mail is simply delivered); Sluis is
//! stopped and every file under its data folder (spool segments, key
//! journal, SQLite database with -wal/-shm, parked blobs, keys) is searched
//! for the BSN, a body sentence, the subject, the link secret and the code.
//! None may be there. Every file and folder must also be private (0600/0700).
//! Sluis's log of the whole story (at debug level for Sluis's own code, in
//! text or JSON lines) is searched for the same needles: none may be there.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::*;

const BSN: &str = "111222333";
const SENTENCE: &str = "Uw HbA1c is 64 mmol/mol, wij verhogen de metformine";
const SUBJECT: &str = "Uitslag bloedonderzoek mevrouw Jansen";

struct Rig {
    work: tempfile::TempDir,
    port: u16,
    sink: Sink,
    relay: Option<Proc>,
    /// `text` or `json` (`SLUIS_LOG_FORMAT`, read by `sluis run`).
    log_format: &'static str,
}

impl Rig {
    fn start() -> Rig {
        Rig::start_logging("text")
    }

    fn start_logging(log_format: &'static str) -> Rig {
        let work = tempfile::tempdir().unwrap();
        let (port, sink_port) = (free_port(), free_port());
        let sink = Sink::start(sink_port, &work.path().join("sink"), &[]);
        let mut rig = Rig {
            work,
            port,
            sink,
            relay: None,
            log_format,
        };
        rig.relay = Some(rig.start_relay());
        rig
    }

    fn data(&self) -> PathBuf {
        self.work.path().join("relay")
    }

    /// Sluis's standard error, over every start (outside the data folder).
    fn log(&self) -> PathBuf {
        self.work.path().join("sluis.log")
    }

    fn start_relay(&self) -> Proc {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log())
            .unwrap();
        let relay = Command::new(repo_root().join("scripts/bench-relay"))
            .env("BENCH_LISTEN", format!("127.0.0.1:{}", self.port))
            .env("BENCH_SINK", format!("127.0.0.1:{}", self.sink.port))
            .env("BENCH_WORKDIR", self.data())
            .env("SLUIS_BIN", env!("CARGO_BIN_EXE_sluis"))
            .env("RUST_LOG", "info,sluis=debug")
            .env("SLUIS_LOG_FORMAT", self.log_format)
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .spawn()
            .expect("scripts/bench-relay");
        let proc = Proc(relay);
        assert!(
            wait_for_greeting(self.port, Duration::from_secs(60)),
            "bench-relay did not start"
        );
        proc
    }

    /// SIGTERM (bench-relay execs sluis, so this reaches Sluis itself).
    fn stop(&mut self) {
        if let Some(p) = self.relay.take() {
            p.terminate();
        }
    }

    fn sql(&self, query: &str) -> String {
        sqlite(&self.data().join("sluis.db"), query)
    }

    fn wait_sql(&self, query: &str, want: &str) {
        let start = Instant::now();
        while self.sql(query) != want {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "{query} never gave {want}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Text of the mails the sink got for `rcpt`, decoded.
    fn mails_to(&self, rcpt: &str) -> Vec<String> {
        self.sink
            .messages()
            .iter()
            .filter(|(m, _)| m["rcpt_tos"][0] == rcpt)
            .map(|(_, raw)| {
                let msg = mail_parser::MessageParser::default()
                    .parse(raw)
                    .expect("a mail");
                (0..msg.text_body_count())
                    .filter_map(|i| msg.body_text(i).map(|t| t.to_string()))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    }

    fn wait_mails_to(&self, rcpt: &str, n: usize) -> Vec<String> {
        let start = Instant::now();
        loop {
            let got = self.mails_to(rcpt);
            if got.len() >= n {
                return got;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "{rcpt} got {} mails, expected {n}",
                got.len()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn send(&self, to: &str, body: &str) {
        let reply = Smtp::connect(self.port).send("dokter@praktijk.test", &[to], body.as_bytes());
        assert!(reply.starts_with("250"), "{reply}");
    }
}

impl Drop for Rig {
    fn drop(&mut self) {
        self.stop();
    }
}

fn sensitive_mail(to: &str) -> String {
    format!(
        "From: dokter@praktijk.test\r\nTo: {to}\r\nSubject: {SUBJECT}\r\n\
         Message-ID: <uitslag-7@praktijk.test>\r\n\r\nBeste mevrouw Jansen (geboren 12-03-1961),\r\n\
         BSN {BSN}. {SENTENCE}.\r\nMet vriendelijke groet, de huisarts\r\n"
    )
}

/// Park a sensitive mail, fetch a code by e-mail; returns (link secret, code).
fn park_and_request_code(rig: &Rig) -> (String, String) {
    rig.send(
        "patient@example.test",
        &sensitive_mail("patient@example.test"),
    );
    let notification = rig.wait_mails_to("patient@example.test", 1).remove(0);
    let start = notification
        .find("https://127.0.0.1:")
        .expect("a link in the notification");
    let link: String = notification[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<' && *c != '>')
        .collect();
    let secret = link.rsplit('/').next().unwrap().to_string();
    assert!(secret.len() >= 20, "link secret looks wrong");
    // Ask for a code: no phone number is known, so it comes by e-mail.
    let out = Command::new("curl")
        .args(["-k", "-s", "-o", "/dev/null", "-w", "%{http_code}"])
        .args(["-X", "POST", "--data", "", &format!("{link}/code")])
        .output()
        .expect("curl");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "303");
    let mails = rig.wait_mails_to("patient@example.test", 2);
    let code_mail = mails
        .iter()
        .find(|m| m.contains("code is:"))
        .expect("a code mail");
    let at = code_mail.find("code is: ").unwrap() + 9;
    let code: String = code_mail[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    assert!(code.len() >= 6, "code not found");
    // The sender's confirmation of how the recipient was served leaves
    // out a subject the detectors find something in.
    let start = Instant::now();
    let served = loop {
        let found = rig
            .mails_to("dokter@praktijk.test")
            .into_iter()
            .find(|m| m.contains("patient@example.test: beveiligde link"));
        if let Some(m) = found {
            break m;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no confirmation");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        served.contains("onderwerp weggelaten, gevoelig / subject left out, sensitive"),
        "{served}"
    );
    assert!(
        !served.contains("Jansen") && !served.contains(BSN),
        "{served}"
    );
    (secret, code)
}

/// Every file under `dir`, recursively, with the folders.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, dirs: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            dirs.push(p.clone());
            walk(&p, files, dirs);
        } else {
            files.push(p);
        }
    }
}

/// No needle in any file under the data folder, and every file private.
fn assert_nothing_readable(rig: &Rig, needles: &[(&str, &str)]) {
    let (mut files, mut dirs) = (vec![], vec![]);
    walk(&rig.data(), &mut files, &mut dirs);
    assert!(files
        .iter()
        .any(|f| f.extension().is_some_and(|e| e == "seg")));
    assert!(files.iter().any(|f| f.ends_with("sluis.db")));
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for (what, needle) in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{what} found in {}",
                f.display()
            );
        }
        // sluis.toml is written by the bench script, not by Sluis.
        if !f.ends_with("sluis.toml") {
            let mode = std::fs::metadata(f).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{} is {:o}", f.display(), mode & 0o777);
        }
    }
    // Every mail of the story is finished, so every data key is destroyed:
    // the sealed records left in the segments are noise.
    let journal = std::fs::read(rig.data().join("spool/keys.kj")).unwrap();
    assert!(!journal.is_empty(), "no key journal");
    assert!(
        journal.iter().all(|&b| b == 0),
        "a data key is still in the key journal"
    );
    for d in &dirs {
        let mode = std::fs::metadata(d).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{} is {:o}", d.display(), mode & 0o777);
    }
    assert_log_clean(rig, needles);
}

/// Every line Sluis logged: no needle, no colour code; in JSON format each
/// line one object with a level and a message.
fn assert_log_clean(rig: &Rig, needles: &[(&str, &str)]) {
    let log = std::fs::read_to_string(rig.log()).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert!(lines.len() >= 3, "too little was logged: {log}");
    for line in &lines {
        for (what, needle) in needles {
            assert!(!line.contains(needle), "{what} in a log line: {line}");
        }
        assert!(
            !line.contains('\u{1b}'),
            "colour code in a log line: {line}"
        );
        if rig.log_format == "json" {
            let v: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
            assert!(v["level"].is_string() && v["message"].is_string(), "{line}");
        }
    }
    if rig.log_format == "json" {
        assert!(
            lines.iter().any(|l| l.contains("\"level\":\"DEBUG\"")),
            "{log}"
        );
    }
}

fn needles<'a>(secret: &'a str, code: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("the BSN", BSN),
        ("the body sentence", SENTENCE),
        ("the subject", SUBJECT),
        ("the link secret", secret),
        ("the code", code),
    ]
}

#[test]
fn after_revoke_nothing_of_the_parked_mail_is_on_disk() {
    let mut rig = Rig::start_logging("json");
    let (secret, code) = park_and_request_code(&rig);
    // The notification and the code mail are labelled in the audit trail
    // (their own message ids would say nothing to the practice).
    for label in ["pickup-notification", "pickup-code"] {
        rig.wait_sql(
            &format!(
                "SELECT COUNT(*) FROM audit_events WHERE kind = 'delivered' \
                 AND detail LIKE '%\"mail\":\"{label}\"%'"
            ),
            "1",
        );
    }
    let message_id = rig.sql("SELECT message_id FROM pickups");
    let out = Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("--config")
        .arg(rig.data().join("sluis.toml"))
        .args(["pickup", "revoke", &message_id])
        .output()
        .expect("sluis pickup revoke");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    rig.wait_sql("SELECT state FROM pickups", "revoked");
    // A second revoke, and one of an unknown id, say what they found.
    let revoke = |id: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_sluis"))
            .arg("--config")
            .arg(rig.data().join("sluis.toml"))
            .args(["pickup", "revoke", id])
            .output()
            .expect("sluis pickup revoke");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code_again, again) = revoke(&message_id);
    assert_eq!(code_again, Some(1), "{again}");
    assert!(again.contains("al ingetrokken of verlopen"), "{again}");
    let (code_unknown, unknown) = revoke("no-such-message");
    assert_eq!(code_unknown, Some(1), "{unknown}");
    assert!(unknown.contains("Geen ophaallinks"), "{unknown}");
    // Every mail of the story has left (original parked, notification, code).
    std::thread::sleep(Duration::from_secs(1));
    rig.stop();
    assert_nothing_readable(&rig, &needles(&secret, &code));
}

#[test]
fn after_expiry_nothing_of_the_parked_mail_is_on_disk() {
    let mut rig = Rig::start();
    let (secret, code) = park_and_request_code(&rig);
    rig.stop();
    // Due now: the sweeper runs first thing at start.
    rig.sql("UPDATE pickups SET expires_ms = 1");
    rig.relay = Some(rig.start_relay());
    rig.wait_sql("SELECT state FROM pickups", "expired");
    rig.stop();
    assert_nothing_readable(&rig, &needles(&secret, &code));
}

#[test]
fn after_normal_delivery_nothing_of_the_mail_is_on_disk() {
    let mut rig = Rig::start();
    let sentence = "Het overleg over de nieuwe wachtkamerstoelen is verplaatst naar dinsdag";
    let subject = "Inkoop stoelen wachtkamer";
    rig.send(
        "leverancier@example.test",
        &format!(
            "From: dokter@praktijk.test\r\nTo: leverancier@example.test\r\nSubject: {subject}\r\n\r\n{sentence}.\r\n"
        ),
    );
    let got = rig.wait_mails_to("leverancier@example.test", 1);
    assert!(
        got[0].contains(sentence),
        "the clean mail was not delivered"
    );
    std::thread::sleep(Duration::from_secs(1));
    rig.stop();
    assert_nothing_readable(
        &rig,
        &[("the body sentence", sentence), ("the subject", subject)],
    );
}
