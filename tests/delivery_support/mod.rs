//! Test doubles for the delivery tests: an in-memory Journal, a small but
//! real SMTP sink on loopback (plain or STARTTLS, with scripted refusals,
//! stalls and endless replies) and a driver for Python's aiosmtpd.
#![allow(dead_code)]

use sluis::delivery::{Journal, QueueItem, QueuedRcpt};
use sluis::types::{Envelope, MessageId, RcptStatus, Recipient, TransportRequirement};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

// ---------------------------------------------------------------- journal

#[derive(Clone, Debug, PartialEq)]
pub struct Rec {
    pub id: String,
    pub index: u32,
    pub status: RcptStatus,
    pub attempts: u32,
    pub next_attempt_ms: i64,
}

/// (mail from, recipients, message) of a message the queue injected.
pub type Injected = (String, Vec<String>, Vec<u8>);

#[derive(Default)]
pub struct MemJournal {
    pub bodies: Mutex<HashMap<String, Vec<u8>>>,
    pub records: Mutex<Vec<Rec>>,
    pub injected: Mutex<Vec<Injected>>,
    pub loads: AtomicUsize,
    /// (message, recipient index, step, why) of every fallback the queue ran.
    pub fallbacks: Mutex<Vec<(String, u32, u32, String)>>,
}

impl MemJournal {
    pub fn records(&self) -> Vec<Rec> {
        self.records.lock().unwrap().clone()
    }
    pub fn injected(&self) -> Vec<Injected> {
        self.injected.lock().unwrap().clone()
    }
    /// Final or latest status per (message, recipient index).
    pub fn latest(&self, id: &str, index: u32) -> Option<Rec> {
        self.records()
            .into_iter()
            .rfind(|r| r.id == id && r.index == index)
    }
}

impl Journal for MemJournal {
    async fn load_body(&self, id: &MessageId) -> std::io::Result<Vec<u8>> {
        self.loads.fetch_add(1, Ordering::SeqCst);
        self.bodies
            .lock()
            .unwrap()
            .get(&id.0)
            .cloned()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such message"))
    }

    async fn record(
        &self,
        id: &MessageId,
        rcpt_index: u32,
        status: &RcptStatus,
        attempts: u32,
        next_attempt_ms: i64,
    ) -> std::io::Result<()> {
        self.records.lock().unwrap().push(Rec {
            id: id.0.clone(),
            index: rcpt_index,
            status: status.clone(),
            attempts,
            next_attempt_ms,
        });
        Ok(())
    }

    async fn run_fallback(&self, id: &MessageId, rcpt_index: u32, step: u32, why: &str) -> bool {
        self.fallbacks
            .lock()
            .unwrap()
            .push((id.0.clone(), rcpt_index, step, why.to_string()));
        true
    }

    async fn inject(
        &self,
        mail_from: String,
        recipients: Vec<String>,
        body: Vec<u8>,
    ) -> std::io::Result<MessageId> {
        self.injected
            .lock()
            .unwrap()
            .push((mail_from, recipients, body));
        Ok(MessageId("dsn".into()))
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A queue item for `from` to `rcpts` (all with transport `None` unless
/// given), body kept in memory and also "spooled" in the journal.
pub fn item(
    journal: &MemJournal,
    from: &str,
    rcpts: &[(&str, TransportRequirement)],
    body: &[u8],
) -> QueueItem {
    let id = format!("{:016x}", NEXT_ID.fetch_add(1, Ordering::SeqCst));
    journal
        .bodies
        .lock()
        .unwrap()
        .insert(id.clone(), body.to_vec());
    let envelope = Envelope {
        id: MessageId(id),
        tenant: "default".into(),
        mail_from: from.into(),
        recipients: rcpts.iter().map(|(a, _)| Recipient::new(*a)).collect(),
        received_at_ms: sluis::now_ms(),
        client_ip: "127.0.0.1".parse().unwrap(),
        helo: "test".into(),
        authenticated_as: Some("test".into()),
        smtputf8: false,
        body_8bit: !body.is_ascii(),
        size: body.len() as u64,
    };
    QueueItem {
        envelope: Arc::new(envelope),
        recipients: rcpts
            .iter()
            .enumerate()
            .map(|(i, (a, t))| QueuedRcpt {
                index: i as u32,
                address: a.to_string(),
                transport: *t,
                fallback_step: None,
            })
            .collect(),
        attempts: 0,
        next_attempt_ms: 0,
        body: Some(Arc::new(body.to_vec())),
        tag: None,
    }
}

/// Poll until `f` holds or the time runs out.
pub async fn wait_until(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let end = tokio::time::Instant::now() + limit;
    loop {
        if f() {
            return true;
        }
        if tokio::time::Instant::now() > end {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

// ---------------------------------------------------------------- sink

#[derive(Clone, Debug)]
pub struct Received {
    pub mail_from: String,
    pub rcpts: Vec<String>,
    pub data: Vec<u8>,
    pub tls: bool,
}

#[derive(Clone, Default)]
pub struct Behaviour {
    pub pipelining: bool,
    pub starttls: Option<Arc<rustls::ServerConfig>>,
    /// (substring of the address, full reply line without CRLF)
    pub rcpt_replies: Vec<(String, String)>,
    /// Greet, then never answer anything.
    pub stall: bool,
    /// Answer EHLO with an endless multi-line reply.
    pub endless_ehlo: bool,
    /// Offer STARTTLS, say 220, then hang up instead of a handshake.
    pub broken_starttls: bool,
    /// Most recipients per transaction (0: no limit); more get 452 4.5.3.
    pub max_rcpts: usize,
    /// Hang up silently after each accepted message.
    pub hang_up_after_message: bool,
}

pub struct Sink {
    pub addr: SocketAddr,
    pub received: Arc<Mutex<Vec<Received>>>,
    pub connections: Arc<AtomicUsize>,
    /// Lines written by the endless-reply mode before the client hung up.
    pub endless_lines: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Sink {
    pub async fn start(behaviour: Behaviour) -> Sink {
        Self::start_on("127.0.0.1:0".parse().unwrap(), behaviour).await
    }

    pub async fn start_on(addr: SocketAddr, behaviour: Behaviour) -> Sink {
        let listener = TcpListener::bind(addr).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let endless_lines = Arc::new(AtomicUsize::new(0));
        let b = Arc::new(behaviour);
        let (r, c, e) = (received.clone(), connections.clone(), endless_lines.clone());
        let task = tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let _ = tcp.set_nodelay(true);
                c.fetch_add(1, Ordering::SeqCst);
                let (b, r, e) = (b.clone(), r.clone(), e.clone());
                tokio::spawn(async move {
                    let _ = session(Box::new(tcp), b, r, e).await;
                });
            }
        });
        Sink {
            addr,
            received,
            connections,
            endless_lines,
            task,
        }
    }

    pub fn messages(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

async fn session(
    io: Box<dyn Io>,
    b: Arc<Behaviour>,
    store: Arc<Mutex<Vec<Received>>>,
    endless: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    let mut s = BufReader::new(io);
    s.write_all(b"220 sink.test ESMTP\r\n").await?;
    let mut tls = false;
    let mut from = String::new();
    let mut rcpts: Vec<String> = vec![];
    let mut line = Vec::new();
    loop {
        line.clear();
        if s.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_string();
        let verb = text
            .split([' ', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        if b.stall {
            tokio::time::sleep(Duration::from_secs(30)).await;
            return Ok(());
        }
        match verb.as_str() {
            "EHLO" | "HELO" => {
                if b.endless_ehlo {
                    for _ in 0..2_000_000 {
                        if s.write_all(b"250-X\r\n").await.is_err() {
                            return Ok(());
                        }
                        endless.fetch_add(1, Ordering::SeqCst);
                    }
                    return Ok(());
                }
                let mut r = String::from("250-sink.test\r\n");
                if b.pipelining {
                    r.push_str("250-PIPELINING\r\n");
                }
                if (b.starttls.is_some() || b.broken_starttls) && !tls {
                    r.push_str("250-STARTTLS\r\n");
                }
                r.push_str("250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 100000000\r\n");
                s.write_all(r.as_bytes()).await?;
            }
            "STARTTLS" => {
                if b.broken_starttls {
                    s.write_all(b"220 go ahead\r\n").await?;
                    return Ok(());
                }
                let Some(cfg) = b.starttls.clone() else {
                    s.write_all(b"502 no\r\n").await?;
                    continue;
                };
                s.write_all(b"220 go ahead\r\n").await?;
                let inner = s.into_inner();
                let t = tokio_rustls::TlsAcceptor::from(cfg).accept(inner).await?;
                s = BufReader::new(Box::new(t));
                tls = true;
            }
            "MAIL" => {
                from = between(&text);
                rcpts.clear();
                s.write_all(b"250 2.1.0 ok\r\n").await?;
            }
            "RCPT" => {
                let a = between(&text);
                match b.rcpt_replies.iter().find(|(k, _)| a.contains(k.as_str())) {
                    Some((_, reply)) => s.write_all(format!("{reply}\r\n").as_bytes()).await?,
                    None if b.max_rcpts > 0 && rcpts.len() >= b.max_rcpts => {
                        s.write_all(b"452 4.5.3 Too many recipients\r\n").await?;
                    }
                    None => {
                        rcpts.push(a);
                        s.write_all(b"250 2.1.5 ok\r\n").await?;
                    }
                }
            }
            "DATA" => {
                if rcpts.is_empty() {
                    s.write_all(b"554 5.5.1 no valid recipients\r\n").await?;
                    continue;
                }
                s.write_all(b"354 go\r\n").await?;
                let mut data = Vec::new();
                loop {
                    line.clear();
                    if s.read_until(b'\n', &mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == b".\r\n" {
                        break;
                    }
                    let l = if line.starts_with(b"..") {
                        &line[1..]
                    } else {
                        &line[..]
                    };
                    data.extend_from_slice(l);
                }
                store.lock().unwrap().push(Received {
                    mail_from: std::mem::take(&mut from),
                    rcpts: std::mem::take(&mut rcpts),
                    data,
                    tls,
                });
                s.write_all(b"250 2.0.0 queued\r\n").await?;
                if b.hang_up_after_message {
                    return Ok(());
                }
            }
            "RSET" => {
                from.clear();
                rcpts.clear();
                s.write_all(b"250 2.0.0 ok\r\n").await?;
            }
            "NOOP" => s.write_all(b"250 2.0.0 ok\r\n").await?,
            "QUIT" => {
                s.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            _ => s.write_all(b"500 5.5.2 what\r\n").await?,
        }
    }
}

fn between(cmd: &str) -> String {
    match (cmd.find('<'), cmd.find('>')) {
        (Some(a), Some(b)) if b > a => cmd[a + 1..b].to_string(),
        _ => String::new(),
    }
}

/// A self-signed certificate for `localhost`: (server config, PEM of the cert).
pub fn self_signed() -> (Arc<rustls::ServerConfig>, String) {
    let (cfg, cert, _) = self_signed_with_key();
    (cfg, cert)
}

/// Same, also with the private key as PEM.
pub fn self_signed_with_key() -> (Arc<rustls::ServerConfig>, String, String) {
    let ck = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let cert = ck.cert.der().clone();
    let key = rustls::pki_types::PrivatePkcs8KeyDer::from(ck.key_pair.serialize_der());
    let cfg = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert], key.into())
    .unwrap();
    (Arc::new(cfg), ck.cert.pem(), ck.key_pair.serialize_pem())
}

/// A free loopback port (bound, then released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

// ---------------------------------------------------------------- aiosmtpd

/// Python's aiosmtpd (an independent SMTP server) writing every message it
/// receives to `dir` as `<n>.eml`: line 1 MAIL FROM, line 2 the recipients
/// (comma separated), then the raw message exactly as received.
pub struct AioSmtpd {
    child: std::process::Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

impl Drop for AioSmtpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const AIOSMTPD: &str = r#"
import os, sys, time
from aiosmtpd.controller import Controller
out, port = sys.argv[1], int(sys.argv[2])
class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if 'reject' in address:
            return '550 5.1.1 no such user'
        envelope.rcpt_tos.append(address)
        return '250 OK'
    async def handle_DATA(self, server, session, envelope):
        n = len([f for f in os.listdir(out) if f.endswith('.eml')])
        tmp = os.path.join(out, 'tmp')
        with open(tmp, 'wb') as f:
            f.write(envelope.mail_from.encode() + b'\n')
            f.write(','.join(envelope.rcpt_tos).encode() + b'\n')
            f.write(envelope.original_content)
        os.rename(tmp, os.path.join(out, '%d.eml' % n))
        return '250 2.0.0 stored'
utf8 = sys.argv[3] == 'utf8'
kw = {}
if len(sys.argv) > 5:
    import ssl
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(sys.argv[4], sys.argv[5])
    kw = dict(tls_context=ctx, require_starttls=True)
c = Controller(Handler(), hostname='127.0.0.1', port=port, enable_SMTPUTF8=utf8, **kw)
c.start()
print('ready', flush=True)
sys.stdin.read()
"#;

impl AioSmtpd {
    /// Panics when /usr/bin/python3 with aiosmtpd is missing (apt:
    /// python3-aiosmtpd): the test fails, it never skips silently.
    pub fn start() -> AioSmtpd {
        Self::start_with(true)
    }

    /// `smtputf8`: whether the server offers SMTPUTF8.
    pub fn start_with(smtputf8: bool) -> AioSmtpd {
        Self::spawn(smtputf8, None)
    }

    /// With STARTTLS required, using this certificate and key (PEM).
    pub fn start_tls(cert_pem: &str, key_pem: &str) -> AioSmtpd {
        Self::spawn(true, Some((cert_pem, key_pem)))
    }

    fn spawn(smtputf8: bool, tls: Option<(&str, &str)>) -> AioSmtpd {
        use std::io::BufRead;
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut cmd = std::process::Command::new("/usr/bin/python3");
        cmd.arg("-c")
            .arg(AIOSMTPD)
            .arg(dir.path())
            .arg(port.to_string())
            .arg(if smtputf8 { "utf8" } else { "ascii" });
        if let Some((cert, key)) = tls {
            let c = dir.path().join("cert.pem");
            let k = dir.path().join("key.pem");
            std::fs::write(&c, cert).unwrap();
            std::fs::write(&k, key).unwrap();
            cmd.arg(&c).arg(&k);
        }
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("/usr/bin/python3 (apt: python3-aiosmtpd)");
        let stdout = child.stdout.take().unwrap();
        let mut first = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut first)
            .unwrap();
        assert_eq!(
            first.trim(),
            "ready",
            "aiosmtpd did not start (apt: python3-aiosmtpd)"
        );
        AioSmtpd { child, port, dir }
    }

    /// (mail from, recipients, raw message) of every stored message.
    pub fn messages(&self) -> Vec<(String, Vec<String>, Vec<u8>)> {
        let mut out = vec![];
        for n in 0.. {
            let p = self.dir.path().join(format!("{n}.eml"));
            let Ok(bytes) = std::fs::read(&p) else { break };
            let mut parts = bytes.splitn(3, |b| *b == b'\n');
            let from = String::from_utf8_lossy(parts.next().unwrap_or_default()).to_string();
            let rcpts = String::from_utf8_lossy(parts.next().unwrap_or_default())
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            out.push((from, rcpts, parts.next().unwrap_or_default().to_vec()));
        }
        out
    }
}
