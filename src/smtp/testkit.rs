//! Test kit: a fake backend that records submissions, and a client that
//! plays a dialogue with a [`Session`] over an in-memory pipe
//! (`tokio::io::duplex`), including a real TLS upgrade.

use super::conn::Conn;
use super::session::{Session, SessionContext};
use super::{AuthenticatedUser, Backend, Reply, Submission};
use crate::audit::{Audit, AuditEvent};
use crate::config::{Config, ListenerTls};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, watch};

pub const USER: &str = "jansen@praktijk.test";
pub const PASSWORD: &str = "geheim-wachtwoord";

/// Knows one account (`USER`/`PASSWORD`, tenant `praktijk`) that may send
/// as itself and as `balie@praktijk.test`; records every submission.
#[derive(Default)]
pub struct FakeBackend {
    pub submissions: Mutex<Vec<(Submission, Vec<u8>)>>,
}

impl FakeBackend {
    pub fn taken(&self) -> Vec<(Submission, Vec<u8>)> {
        self.submissions
            .lock()
            .map(|v| v.clone())
            .unwrap_or_default()
    }
}

impl Backend for FakeBackend {
    async fn authenticate(
        &self,
        username: &str,
        password: &str,
    ) -> Result<Option<AuthenticatedUser>, Reply> {
        if username == "storing" {
            return Err(Reply::new(454, (4, 7, 0), "Storing", "Temporary failure"));
        }
        Ok(
            (username == USER && password == PASSWORD).then(|| AuthenticatedUser {
                account: USER.to_string(),
                tenant: "praktijk".to_string(),
            }),
        )
    }

    async fn may_send_as(&self, user: &AuthenticatedUser, mail_from: &str) -> bool {
        mail_from.eq_ignore_ascii_case(&user.account)
            || mail_from.eq_ignore_ascii_case("balie@praktijk.test")
    }

    async fn submit(&self, submission: Submission, message: Vec<u8>) -> Result<Reply, Reply> {
        if let Ok(mut v) = self.submissions.lock() {
            v.push((submission, message));
        }
        Ok(Reply::new(
            250,
            (2, 0, 0),
            "Bericht aangenomen",
            "Message accepted",
        ))
    }
}

/// Small limits so tests hit them quickly.
pub fn test_config() -> Config {
    let mut c = Config::default();
    c.server.hostname = "sluis.test".into();
    c.server.trusted_networks = vec!["10.9.0.0/16".parse().unwrap()];
    c.server.trusted_tenant = "scanners".into();
    c.limits.max_message_size = 10_000;
    c.limits.max_recipients = 3;
    c.limits.max_line_length = 1000;
    c.limits.max_auth_failures_per_ip = 3;
    c.limits.auth_failure_delay_millis = 10;
    c.limits.max_errors_per_session = 5;
    c
}

pub const UNTRUSTED: &str = "192.0.2.10";
pub const TRUSTED: &str = "10.9.1.2";

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

pub struct Client {
    stream: Box<dyn Stream>,
    buf: Vec<u8>,
    cert: rustls::pki_types::CertificateDer<'static>,
}

pub struct Harness {
    pub client: Client,
    pub backend: Arc<FakeBackend>,
    pub audit: mpsc::UnboundedReceiver<AuditEvent>,
    pub shutdown: watch::Sender<bool>,
    pub task: tokio::task::JoinHandle<()>,
}

/// Start a session on a STARTTLS-style listener for a client at `peer`.
pub fn start(config: Config, peer: &str) -> Harness {
    start_with(config, peer, ListenerTls::Starttls)
}

pub fn start_with(config: Config, peer: &str, mode: ListenerTls) -> Harness {
    let ck = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let cert = ck.cert.der().clone();
    let key = rustls::pki_types::PrivateKeyDer::try_from(ck.key_pair.serialize_der()).unwrap();
    let tls = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert.clone()], key)
    .unwrap();
    let backend = Arc::new(FakeBackend::default());
    let (audit, audit_rx) = Audit::channel();
    let ctx = Arc::new(SessionContext::new(
        Arc::new(config),
        backend.clone(),
        audit,
        Some(Arc::new(tls)),
    ));
    let (shutdown, shutdown_rx) = watch::channel(false);
    let (client_end, server_end) = tokio::io::duplex(256 * 1024);
    let session = Session::new(
        ctx,
        Conn::Plain(server_end),
        peer.parse().unwrap(),
        mode,
        Some(shutdown_rx),
    );
    let task = tokio::spawn(session.run());
    Harness {
        client: Client {
            stream: Box::new(client_end),
            buf: Vec::new(),
            cert,
        },
        backend,
        audit: audit_rx,
        shutdown,
        task,
    }
}

impl Client {
    pub async fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).await.unwrap();
        self.stream.flush().await.unwrap();
    }

    /// Read one (possibly multi-line) reply: code and all its text.
    pub async fn reply(&mut self) -> (u16, String) {
        loop {
            if let Some(end) = complete_reply(&self.buf) {
                let text = String::from_utf8(self.buf.drain(..end).collect()).unwrap();
                let code = text.get(..3).and_then(|c| c.parse().ok()).unwrap();
                return (code, text);
            }
            let mut chunk = [0u8; 4096];
            let n = tokio::time::timeout(Duration::from_secs(10), self.stream.read(&mut chunk))
                .await
                .expect("reply timed out")
                .unwrap();
            assert!(
                n > 0,
                "connection closed; had {:?}",
                String::from_utf8_lossy(&self.buf)
            );
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    /// Send a command and assert the reply code and enhanced code.
    pub async fn cmd(&mut self, line: &str, code: u16, enhanced: &str) -> String {
        self.send(format!("{line}\r\n").as_bytes()).await;
        self.expect(code, enhanced).await
    }

    /// Read a reply and check code, enhanced code and the bilingual form.
    pub async fn expect(&mut self, code: u16, enhanced: &str) -> String {
        let (got, text) = self.reply().await;
        assert_eq!(got, code, "unexpected reply: {text}");
        if !enhanced.is_empty() {
            assert!(
                text.starts_with(&format!("{code} {enhanced} ")),
                "want {code} {enhanced}: {text}"
            );
            assert!(
                text.contains(" / "),
                "Dutch / English text expected: {text}"
            );
        }
        text
    }

    /// The connection is closed by the server (after any pending bytes).
    pub async fn expect_closed(&mut self) {
        let mut chunk = [0u8; 1024];
        let n = tokio::time::timeout(Duration::from_secs(10), self.stream.read(&mut chunk))
            .await
            .expect("close timed out")
            .unwrap_or(0);
        assert_eq!(
            n,
            0,
            "expected close, got {:?}",
            String::from_utf8_lossy(&chunk[..n])
        );
    }

    /// STARTTLS, then a real TLS handshake trusting the test certificate.
    pub async fn starttls(&mut self) {
        self.cmd("STARTTLS", 220, "2.0.0").await;
        self.tls_handshake().await;
    }

    pub async fn tls_handshake(&mut self) {
        assert!(self.buf.is_empty());
        let mut roots = rustls::RootCertStore::empty();
        roots.add(self.cert.clone()).unwrap();
        let config = crate::net::tls::pkix(roots).unwrap();
        let connector = tokio_rustls::TlsConnector::from(config);
        let plain = std::mem::replace(&mut self.stream, Box::new(tokio::io::duplex(1).0));
        let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
        let tls = connector.connect(name, plain).await.unwrap();
        self.stream = Box::new(tls);
    }

    /// Greeting, EHLO, STARTTLS, EHLO, AUTH PLAIN as `USER`.
    pub async fn login(&mut self) {
        self.expect(220, "").await;
        self.cmd("EHLO pc1.praktijk.test", 250, "").await;
        self.starttls().await;
        self.cmd("EHLO pc1.praktijk.test", 250, "").await;
        let token = plain_token(USER, PASSWORD);
        self.cmd(&format!("AUTH PLAIN {token}"), 235, "2.7.0").await;
    }
}

pub fn plain_token(user: &str, pass: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{pass}"))
}

pub fn b64(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}

/// Length of the first complete reply in `buf`, if any.
fn complete_reply(buf: &[u8]) -> Option<usize> {
    let mut start = 0;
    while let Some(pos) = buf[start..].iter().position(|&b| b == b'\n') {
        let line = &buf[start..start + pos + 1];
        start += pos + 1;
        if line.len() < 4 || line[3] == b' ' || line[3] == b'\r' {
            return Some(start);
        }
    }
    None
}

/// The message as the backend got it, minus the `Received:` header Sluis
/// prepended (the header and its folded continuation lines).
pub fn strip_received(message: &[u8]) -> &[u8] {
    assert!(message.starts_with(b"Received: "), "Received header first");
    let mut pos = 0;
    loop {
        let nl = message[pos..].iter().position(|&b| b == b'\n').unwrap();
        pos += nl + 1;
        if !matches!(message.get(pos), Some(b' ' | b'\t')) {
            return &message[pos..];
        }
    }
}
