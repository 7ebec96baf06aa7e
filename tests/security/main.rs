//! The findings of the security review (issue 16), each against the real
//! `sluis` binary and a real SMTP client (Python smtplib, tests/security/client.py)
//! with an independent SMTP sink (aiosmtpd) behind it.
//!
//! `SLUIS_TEST_BIN=/path/to/sluis` runs these tests against another build
//! (for example the one before a fix, to see a test fail).

#[path = "../support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;
use support::{add_account, free_port, repo_root, start_sluis_bin, Proc, Sink, TestConfig};

pub const ACCOUNT: &str = "assistent@praktijk.example";
pub const PASSWORD: &str = "Geheim-wachtwoord-16";
/// Clients from this address are a trusted network (relay without AUTH);
/// 127.0.0.1 is not.
pub const TRUSTED_IP: &str = "127.0.0.2";

pub fn sluis_bin() -> PathBuf {
    std::env::var_os("SLUIS_TEST_BIN")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_sluis")))
}

/// A running Sluis with a plain listener (for the trusted network), a
/// STARTTLS and an implicit-TLS listener, an account, and a sink as relay.
pub struct Rig {
    pub dir: tempfile::TempDir,
    pub plain: u16,
    pub starttls: u16,
    pub implicit: u16,
    pub sink: Sink,
    pub config: PathBuf,
    _sluis: Proc,
}

impl Rig {
    /// `limits`, `server` and `pickup` are extra lines for those sections.
    pub fn start(limits: &str, server: &str, pickup: &str) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let sink_dir = dir.path().join("sink");
        std::fs::create_dir_all(&sink_dir).unwrap();
        let sink = Sink::start(free_port(), &sink_dir, &[]);
        let (plain, starttls, implicit) = (free_port(), free_port(), free_port());
        let config = TestConfig {
            hostname: "localhost".into(),
            listeners: vec![
                (plain, "none"),
                (starttls, "starttls"),
                (implicit, "implicit"),
            ],
            trusted_network: format!("{TRUSTED_IP}/32"),
            server: server.into(),
            limits: format!("auth_failure_delay_millis = 10\n{limits}"),
            pickup: format!("notify_from = \"no-reply@praktijk.example\"\n{pickup}"),
            ..TestConfig::relay(plain, sink.port)
        }
        .write(dir.path());
        add_account(&sluis_bin(), &config, ACCOUNT, PASSWORD);
        let sluis = start_sluis_bin(&sluis_bin(), &config, plain);
        Rig {
            dir,
            plain,
            starttls,
            implicit,
            sink,
            config,
            _sluis: sluis,
        }
    }

    /// Write `message` to a file and send it with smtplib; returns the steps.
    pub fn send(&self, auth: bool, from: &str, rcpts: &[&str], message: &[u8]) -> Vec<Step> {
        let file = self
            .dir
            .path()
            .join(format!("m{}.eml", rand::random::<u32>()));
        std::fs::write(&file, message).unwrap();
        let mut cfg = serde_json::json!({
            "mode": "send",
            "mail_from": from,
            "rcpts": rcpts,
            "message_file": file,
        });
        if auth {
            cfg["port"] = self.starttls.into();
            cfg["tls"] = "starttls".into();
            cfg["user"] = ACCOUNT.into();
            cfg["password"] = PASSWORD.into();
        } else {
            cfg["port"] = self.plain.into();
            cfg["tls"] = "none".into();
            cfg["source"] = TRUSTED_IP.into();
        }
        serde_json::from_str(&python(&cfg)).unwrap()
    }

    /// A message with these header lines and body (see [`message`]) from
    /// the doctor over the trusted network (no AUTH); returns the steps.
    pub fn send_trusted(&self, rcpts: &[&str], headers: &[&str], body: &str) -> Vec<Step> {
        self.send(
            false,
            "dokter@praktijk.example",
            rcpts,
            &message(headers, body),
        )
    }

    /// Messages in the sink for `rcpt` (see [`readable`]), waiting until
    /// there are `n`.
    pub fn messages_for(&self, rcpt: &str, n: usize) -> Vec<String> {
        let start = std::time::Instant::now();
        loop {
            let got: Vec<String> = self
                .sink
                .messages()
                .into_iter()
                .filter(|(meta, _)| meta.to_string().contains(rcpt))
                .map(|(_, raw)| readable(&raw))
                .collect();
            if got.len() >= n || start.elapsed() > Duration::from_secs(60) {
                return got;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A message as it went out (raw bytes), followed by its decoded subject
/// and the decoded text of every part, so tests can look for words that
/// travel base64 or quoted-printable encoded.
pub fn readable(raw: &[u8]) -> String {
    let mut out = String::from_utf8_lossy(raw).into_owned();
    if let Some(m) = mail_parser::MessageParser::default().parse(raw) {
        out.push_str("\n--- decoded ---\n");
        out.push_str(m.subject().unwrap_or_default());
        for part in &m.parts {
            if let Some(text) = part.text_contents() {
                out.push('\n');
                out.push_str(text);
            }
        }
    }
    out
}

/// (stage, code, text) of one client step.
pub type Step = (String, u16, String);

pub fn last_code(steps: &[Step]) -> u16 {
    steps.last().map(|s| s.1).unwrap_or(0)
}

pub fn python(cfg: &serde_json::Value) -> String {
    let out = Command::new("/usr/bin/python3")
        .arg(repo_root().join("tests/security/client.py"))
        .arg(cfg.to_string())
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "client.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A message with these header lines (CRLF-joined) and a clean body.
pub fn message(headers: &[&str], body: &str) -> Vec<u8> {
    let mut m = headers.join("\r\n");
    m.push_str(
        "\r\nDate: Mon, 7 Dec 2026 10:00:00 +0100\r\nMessage-ID: <t@praktijk.example>\r\n\r\n",
    );
    m.push_str(body);
    m.push_str("\r\n");
    m.into_bytes()
}

mod auth_limit;
mod crlf_headers;
mod from_header;
mod implicit_tls_limit;
mod line_endings;
mod sms_tags;
mod subject_trigger;
