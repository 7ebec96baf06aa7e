//! Shared helpers for the end-to-end tests: start the real `sluis` binary
//! with a config of the test's own, an independent SMTP sink (aiosmtpd), and
//! talk plain SMTP to them.
#![allow(dead_code)]

pub mod lab;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A free port, never the same one twice in this test process (the kernel
/// may hand a just-released port out again).
pub fn free_port() -> u16 {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static GIVEN: Mutex<Option<HashSet<u16>>> = Mutex::new(None);
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let mut given = GIVEN.lock().unwrap();
        if given.get_or_insert_with(HashSet::new).insert(port) {
            return port;
        }
    }
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Wait until something on `port` answers with a 220 greeting.
pub fn wait_for_greeting(port: u16, timeout: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
            let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
            let mut buf = [0u8; 3];
            if s.read_exact(&mut buf).is_ok() && &buf == b"220" {
                let _ = s.write_all(b"QUIT\r\n");
                return true;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A process that is killed when dropped.
pub struct Proc(pub Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Proc {
    /// SIGKILL, like a crash or `kill -9`.
    pub fn kill9(mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }

    pub fn terminate(mut self) {
        unsafe_sigterm(self.0.id());
        let _ = self.0.wait();
    }
}

fn unsafe_sigterm(pid: u32) {
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(pid.to_string())
        .status();
}

/// The aiosmtpd sink from tests/support/sink.py.
pub struct Sink {
    pub port: u16,
    pub dir: PathBuf,
    _proc: Proc,
}

impl Sink {
    pub fn start(port: u16, dir: &Path, reject: &[&str]) -> Sink {
        Sink::start_with(port, dir, reject, &[])
    }

    pub fn start_with(port: u16, dir: &Path, reject: &[&str], tempfail: &[&str]) -> Sink {
        let mut cmd = Command::new("/usr/bin/python3");
        cmd.arg(repo_root().join("tests/support/sink.py"))
            .arg(port.to_string())
            .arg(dir);
        for r in reject {
            cmd.arg("--reject-rcpt").arg(r);
        }
        for t in tempfail {
            cmd.arg("--tempfail-rcpt").arg(t);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 with aiosmtpd (apt python3-aiosmtpd)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("sink output");
        assert_eq!(line.trim(), "ready", "sink did not start");
        Sink {
            port,
            dir: dir.to_path_buf(),
            _proc: Proc(child),
        }
    }

    /// Messages stored so far: (sidecar JSON, raw bytes), in arrival order.
    pub fn messages(&self) -> Vec<(serde_json::Value, Vec<u8>)> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        names.retain(|p| p.extension().is_some_and(|e| e == "json"));
        names.sort();
        names
            .into_iter()
            .map(|p| {
                let meta = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
                let raw = std::fs::read(p.with_extension("eml")).unwrap();
                (meta, raw)
            })
            .collect()
    }

    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<(serde_json::Value, Vec<u8>)> {
        let start = Instant::now();
        loop {
            let m = self.messages();
            if m.len() >= n || start.elapsed() > timeout {
                return m;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Run one query with the `sqlite3` tool on a Sluis database (waiting up
/// to 5 s for a lock) and return its output, trimmed.
pub fn sqlite(db: &Path, query: &str) -> String {
    let out = Command::new("sqlite3")
        .arg("-cmd")
        .arg(".timeout 5000")
        .arg(db)
        .arg(query)
        .output()
        .expect("sqlite3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The config of a Sluis under test: the sections every test needs (its
/// TLS files, spool and SQLite store in the test's folder, the shipped
/// policies, the pickup portal off the network, no DNS or WKD server
/// outside this machine, no MX delivery, quick retries, the sink as relay
/// host in clear), with the listeners, trusted networks and extra lines
/// the test gives.
#[derive(Clone, Debug)]
pub struct TestConfig {
    pub hostname: String,
    /// `(port, tls)` on 127.0.0.1; `tls` is `none`, `starttls` or `implicit`.
    pub listeners: Vec<(u16, &'static str)>,
    /// One CIDR.
    pub trusted_network: String,
    /// The relay host's port (the sink), on 127.0.0.1.
    pub relay_port: u16,
    /// Extra lines of `[server]`.
    pub server: String,
    /// Lines of `[limits]` (the section is written only when there are).
    pub limits: String,
    /// Extra lines of `[pickup]`.
    pub pickup: String,
    /// Extra lines of `[delivery]`, and any sections of their own after it.
    pub extra: String,
}

impl TestConfig {
    /// A Sluis that listens in plain text on `listen_port` for loopback
    /// clients (a trusted network) and relays to `sink_port` in clear.
    pub fn relay(listen_port: u16, sink_port: u16) -> TestConfig {
        TestConfig {
            hostname: "sluis.test".into(),
            listeners: vec![(listen_port, "none")],
            trusted_network: "127.0.0.0/8".into(),
            relay_port: sink_port,
            server: String::new(),
            limits: String::new(),
            pickup: String::new(),
            extra: String::new(),
        }
    }

    pub fn text(&self) -> String {
        let listeners: Vec<String> = self
            .listeners
            .iter()
            .map(|(port, tls)| format!("  {{ address = \"127.0.0.1:{port}\", tls = \"{tls}\" }},"))
            .collect();
        let limits = if self.limits.is_empty() {
            String::new()
        } else {
            format!("\n[limits]\n{}\n", self.limits)
        };
        format!(
            r#"
[server]
hostname = "{hostname}"
listeners = [
{listeners}
]
trusted_networks = ["{trusted}"]
{server}
{limits}
[tls]
certificate = "tls/sluis.crt"
private_key = "tls/sluis.key"

[spool]
dir = "spool"

[store]
url = "sqlite://sluis.db"

[policy]
dir = "{policies}"

[pickup]
listen = "127.0.0.1:0"
base_url = ""
notification_transport = "none"
{pickup}

# Tests and benchmarks never ask DNS or WKD servers outside this machine.
[crypto]
dane = false
wkd = {{ enabled = false }}

[mx]
resolver = "127.0.0.1:53"

[delivery]
relay = {{ host = "127.0.0.1", port = {relay_port}, tls = "none" }}
retry_initial_secs = 1
retry_max_secs = 2
mx_enabled = false
{extra}
"#,
            hostname = self.hostname,
            listeners = listeners.join("\n"),
            trusted = self.trusted_network,
            server = self.server,
            pickup = self.pickup,
            policies = repo_root().join("policies").display(),
            relay_port = self.relay_port,
            extra = self.extra,
        )
    }

    /// Write it as `sluis.toml` in `dir`.
    pub fn write(&self, dir: &Path) -> PathBuf {
        let path = dir.join("sluis.toml");
        std::fs::write(&path, self.text()).unwrap();
        path
    }
}

/// Write a config for a Sluis that listens in plain text for loopback
/// clients (trusted network) and relays to `sink_port` in clear.
pub fn write_relay_config(dir: &Path, listen_port: u16, sink_port: u16, extra: &str) -> PathBuf {
    TestConfig {
        extra: extra.into(),
        ..TestConfig::relay(listen_port, sink_port)
    }
    .write(dir)
}

pub fn start_sluis(config: &Path, port: u16) -> Proc {
    start_sluis_bin(Path::new(env!("CARGO_BIN_EXE_sluis")), config, port)
}

/// Start `bin` (a `sluis` binary) with `config` and wait for its greeting
/// on `port`.
pub fn start_sluis_bin(bin: &Path, config: &Path, port: u16) -> Proc {
    let child = Command::new(bin)
        .arg("--config")
        .arg(config)
        .arg("run")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start sluis");
    let mut proc = Proc(child);
    let start = Instant::now();
    while !wait_for_greeting(port, Duration::from_millis(500)) {
        if let Ok(Some(status)) = proc.0.try_wait() {
            panic!("sluis exited at start-up with {status} (see its stderr above)");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "sluis did not greet on port {port}"
        );
    }
    proc
}

/// `sluis user add USER --password-stdin` with `bin` on `config`.
pub fn add_account(bin: &Path, config: &Path, user: &str, password: &str) {
    let mut child = Command::new(bin)
        .arg("--config")
        .arg(config)
        .args(["user", "add", user, "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("sluis user add");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success(), "sluis user add failed");
}

/// A minimal blocking SMTP client for tests (plain text). Returns the
/// final reply line of each step.
pub struct Smtp {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Smtp {
    pub fn connect(port: u16) -> Smtp {
        let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut c = Smtp {
            reader: BufReader::new(s.try_clone().unwrap()),
            writer: s,
        };
        let greeting = c.reply();
        assert!(greeting.starts_with("220"), "{greeting}");
        c
    }

    pub fn reply(&mut self) -> String {
        let mut last = String::new();
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).unwrap_or(0) == 0 {
                return last;
            }
            let done = line.as_bytes().get(3) != Some(&b'-');
            last = line.trim_end().to_string();
            if done {
                return last;
            }
        }
    }

    pub fn cmd(&mut self, line: &str) -> String {
        self.writer.write_all(line.as_bytes()).unwrap();
        self.writer.write_all(b"\r\n").unwrap();
        self.reply()
    }

    /// EHLO, MAIL, RCPT..., DATA, body, dot. Returns the reply to the dot.
    pub fn send(&mut self, from: &str, to: &[&str], body: &[u8]) -> String {
        let ehlo = self.cmd("EHLO client.test");
        assert!(ehlo.starts_with("250"), "{ehlo}");
        let r = self.cmd(&format!("MAIL FROM:<{from}>"));
        assert!(r.starts_with("250"), "{r}");
        for t in to {
            let r = self.cmd(&format!("RCPT TO:<{t}>"));
            assert!(r.starts_with("250"), "{r}");
        }
        let r = self.cmd("DATA");
        assert!(r.starts_with("354"), "{r}");
        self.writer.write_all(body).unwrap();
        self.writer.write_all(b".\r\n").unwrap();
        self.reply()
    }
}
