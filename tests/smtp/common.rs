//! Shared by the SMTP integration tests: a fake backend that records what
//! it is given, a real server on 127.0.0.1 port 0 (one listener per TLS
//! mode), and a tiny raw SMTP client for byte-exact dialogues.
#![allow(dead_code)]

use sluis::audit::{Audit, AuditEvent};
use sluis::config::{Config, ListenerTls, TlsConfig};
use sluis::smtp::{AuthenticatedUser, Backend, Reply, Submission};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};

pub const USER: &str = "jansen@praktijk.test";
pub const PASSWORD: &str = "Geheim-123!";

#[derive(Default)]
pub struct FakeBackend {
    pub got: Mutex<Vec<(Submission, Vec<u8>)>>,
}

impl FakeBackend {
    pub fn taken(&self) -> Vec<(Submission, Vec<u8>)> {
        self.got.lock().unwrap().clone()
    }
}

impl Backend for FakeBackend {
    async fn authenticate(&self, u: &str, p: &str) -> Result<Option<AuthenticatedUser>, Reply> {
        Ok((u == USER && p == PASSWORD).then(|| AuthenticatedUser {
            account: USER.into(),
            tenant: "praktijk".into(),
        }))
    }
    async fn may_send_as(&self, user: &AuthenticatedUser, from: &str) -> bool {
        from.eq_ignore_ascii_case(&user.account)
    }
    async fn submit(&self, s: Submission, message: Vec<u8>) -> Result<Reply, Reply> {
        self.got.lock().unwrap().push((s, message));
        Ok(Reply::new(
            250,
            (2, 0, 0),
            "Bericht aangenomen",
            "Message accepted",
        ))
    }
}

pub struct Server {
    pub starttls: SocketAddr,
    pub implicit: SocketAddr,
    pub plain: SocketAddr,
    pub cafile: PathBuf,
    pub backend: Arc<FakeBackend>,
    pub audit: mpsc::UnboundedReceiver<AuditEvent>,
    pub shutdown: watch::Sender<bool>,
    pub task: tokio::task::JoinHandle<anyhow::Result<()>>,
    pub dir: tempfile::TempDir,
}

pub fn config(trusted_loopback: bool) -> Config {
    let mut c = Config::default();
    c.server.hostname = "localhost".into();
    if trusted_loopback {
        c.server.trusted_networks = vec!["127.0.0.0/8".parse().unwrap()];
    }
    c.limits.max_message_size = 100_000;
    c.limits.max_recipients = 5;
    c.limits.auth_failure_delay_millis = 50;
    c.limits.max_auth_failures_per_ip = 100;
    c
}

pub async fn start(config: Config) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let tls_cfg = TlsConfig {
        certificate: dir.path().join("sluis.crt"),
        private_key: dir.path().join("sluis.key"),
        generate_self_signed: true,
    };
    let tls = sluis::smtp::load_or_generate_tls(&tls_cfg, "localhost").unwrap();
    let mut listeners = Vec::new();
    let mut addrs = Vec::new();
    for mode in [
        ListenerTls::Starttls,
        ListenerTls::Implicit,
        ListenerTls::None,
    ] {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        addrs.push(l.local_addr().unwrap());
        listeners.push((l, mode));
    }
    let backend = Arc::new(FakeBackend::default());
    let (audit, audit_rx) = Audit::channel();
    let (shutdown, shutdown_rx) = watch::channel(false);
    let task = tokio::spawn(sluis::smtp::serve_listeners(
        listeners,
        Arc::new(config),
        Some(tls),
        backend.clone(),
        audit,
        shutdown_rx,
    ));
    Server {
        starttls: addrs[0],
        implicit: addrs[1],
        plain: addrs[2],
        cafile: tls_cfg.certificate,
        backend,
        audit: audit_rx,
        shutdown,
        task,
        dir,
    }
}

/// Drop the Received header Sluis prepends.
pub fn strip_received(message: &[u8]) -> &[u8] {
    assert!(message.starts_with(b"Received: "));
    let mut pos = 0;
    loop {
        pos += message[pos..].iter().position(|&b| b == b'\n').unwrap() + 1;
        if !matches!(message.get(pos), Some(b' ' | b'\t')) {
            return &message[pos..];
        }
    }
}

/// A raw SMTP client over plain TCP, for exact bytes on the wire.
pub struct Raw {
    pub stream: TcpStream,
    buf: Vec<u8>,
}

impl Raw {
    pub async fn connect(addr: SocketAddr) -> Raw {
        Raw {
            stream: TcpStream::connect(addr).await.unwrap(),
            buf: Vec::new(),
        }
    }

    pub async fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).await.unwrap();
    }

    /// Next complete reply; `None` when the server closed the connection.
    pub async fn reply(&mut self) -> Option<(u16, String)> {
        loop {
            let mut start = 0;
            while let Some(p) = self.buf[start..].iter().position(|&b| b == b'\n') {
                let line = &self.buf[start..start + p + 1];
                start += p + 1;
                if line.len() < 4 || line[3] == b' ' {
                    let text = String::from_utf8(self.buf.drain(..start).collect()).unwrap();
                    return Some((text[..3].parse().unwrap(), text));
                }
            }
            let mut chunk = [0u8; 8192];
            let n = tokio::time::timeout(Duration::from_secs(20), self.stream.read(&mut chunk))
                .await
                .expect("reply timed out")
                .unwrap_or(0);
            if n == 0 {
                return None;
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    pub async fn expect(&mut self, code: u16) -> String {
        let (got, text) = self.reply().await.expect("connection closed");
        assert_eq!(got, code, "{text}");
        text
    }

    pub async fn cmd(&mut self, line: &str, code: u16) -> String {
        self.send(format!("{line}\r\n").as_bytes()).await;
        self.expect(code).await
    }
}
