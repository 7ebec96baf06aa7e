//! A minimal SMTP STARTTLS probe for `sluis delivery check`: connect, read
//! the 220 greeting, EHLO, STARTTLS, TLS handshake with the verifier the
//! MX's [`SecurityLevel`] calls for, EHLO again, QUIT. It sends no mail.
//! (To be unified with the delivery client later.)
//!
//! Promises: every read and the whole probe are bounded in time and size;
//! the MX host name is sent as SNI; handshake signatures are always
//! verified. Fails with [`ProbeError`] naming the step that failed.

use crate::delivery::tls_policy::dane::DaneAuth;
use crate::delivery::tls_policy::level_tls::tls_client_config;
use crate::delivery::tls_policy::levels::{Achieved, SecurityLevel};
use crate::delivery::tlsrpt::{handshake_failure_type, ResultType};
use crate::net::dns::Tlsa;
use rustls::pki_types::ServerName;
use rustls::RootCertStore;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(Clone, Debug)]
pub struct ProbeLimits {
    pub connect_timeout: Duration,
    pub reply_timeout: Duration,
    /// Longest reply line accepted.
    pub max_line: usize,
    /// Most lines in one (multi-line) reply.
    pub max_reply_lines: usize,
    pub helo_name: String,
}

impl Default for ProbeLimits {
    fn default() -> Self {
        ProbeLimits {
            connect_timeout: Duration::from_secs(10),
            reply_timeout: Duration::from_secs(60),
            max_line: 2048,
            max_reply_lines: 100,
            helo_name: "localhost".into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("connect: {0}")]
    Connect(String),
    #[error("SMTP {step}: {reply}")]
    Smtp { step: &'static str, reply: String },
    #[error("STARTTLS not offered")]
    NoStartTls,
    #[error("TLS handshake: {0}")]
    Tls(String),
    #[error("timeout during {0}")]
    Timeout(&'static str),
}

/// What the probe saw.
#[derive(Clone, Debug, Default)]
pub struct ProbeResult {
    pub starttls_offered: bool,
    pub tls_version: Option<String>,
    pub cipher: Option<String>,
    pub dane: Option<DaneAuth>,
    /// For TLS-RPT, when the session failed.
    pub failure: Option<ResultType>,
}

/// Probe one MX address. `level` decides the verifier: DANE records for
/// `Dane`, PKIX (`roots`) with the host name for `Verify`, any certificate
/// (signatures still checked) otherwise. `Plain` skips STARTTLS.
pub async fn probe(
    addr: SocketAddr,
    host: &str,
    level: &SecurityLevel,
    tlsa: &[Tlsa],
    names: &[String],
    roots: &RootCertStore,
    limits: &ProbeLimits,
) -> (Result<Achieved, ProbeError>, ProbeResult) {
    let mut seen = ProbeResult::default();
    let bound = limits.connect_timeout + limits.reply_timeout * 6;
    let fut = run(addr, host, level, tlsa, names, roots, limits, &mut seen);
    let res = match tokio::time::timeout(bound, fut).await {
        Ok(r) => r,
        Err(_) => Err(ProbeError::Timeout("probe")),
    };
    (res, seen)
}

#[allow(clippy::too_many_arguments)]
async fn run(
    addr: SocketAddr,
    host: &str,
    level: &SecurityLevel,
    tlsa: &[Tlsa],
    names: &[String],
    roots: &RootCertStore,
    limits: &ProbeLimits,
    seen: &mut ProbeResult,
) -> Result<Achieved, ProbeError> {
    let tcp = tokio::time::timeout(limits.connect_timeout, TcpStream::connect(addr))
        .await
        .map_err(|_| ProbeError::Timeout("connect"))?
        .map_err(|e| ProbeError::Connect(e.to_string()))?;
    let mut s = BufReader::new(tcp);
    expect(&mut s, "220", "greeting", limits).await?;
    let ehlo = format!("EHLO {}\r\n", limits.helo_name);
    send(&mut s, &ehlo).await?;
    let lines = expect(&mut s, "250", "EHLO", limits).await?;
    seen.starttls_offered = lines.iter().any(|l| {
        l.get(4..)
            .is_some_and(|ext| ext.trim().eq_ignore_ascii_case("STARTTLS"))
    });
    if *level == SecurityLevel::Plain || !seen.starttls_offered {
        let _ = quit(&mut s, limits).await;
        return if seen.starttls_offered
            || matches!(level, SecurityLevel::Plain | SecurityLevel::Opportunistic)
        {
            Ok(Achieved::Plain)
        } else {
            seen.failure = Some(ResultType::StarttlsNotSupported);
            Err(ProbeError::NoStartTls)
        };
    }
    send(&mut s, "STARTTLS\r\n").await?;
    expect(&mut s, "220", "STARTTLS", limits).await?;

    let (config, achieved, dane_outcome) =
        tls_client_config(level, tlsa, names, roots).map_err(|e| ProbeError::Tls(e.to_string()))?;
    let sni = ServerName::try_from(host.trim_end_matches('.').to_string())
        .map_err(|e| ProbeError::Tls(format!("bad host name: {e}")))?;
    let tcp = s.into_inner();
    let hs = tokio_rustls::TlsConnector::from(config).connect(sni, tcp);
    let tls = tokio::time::timeout(limits.reply_timeout, hs)
        .await
        .map_err(|_| ProbeError::Timeout("TLS handshake"))?
        .map_err(|e| {
            seen.failure = Some(handshake_failure_type(&e, dane_outcome.is_some()));
            ProbeError::Tls(e.to_string())
        });
    if let Some(o) = dane_outcome {
        if let Ok(g) = o.lock() {
            seen.dane = g.as_ref().and_then(|r| r.as_ref().ok()).cloned();
        }
    }
    let tls = tls?;
    {
        let (_, conn) = tls.get_ref();
        seen.tls_version = conn
            .protocol_version()
            .map(|v| v.as_str().unwrap_or("unknown").replace("TLSv1_", "TLSv1."));
        seen.cipher = conn
            .negotiated_cipher_suite()
            .map(|c| c.suite().as_str().unwrap_or("unknown").to_string());
    }
    let mut s = BufReader::new(tls);
    send(&mut s, &ehlo).await?;
    expect(&mut s, "250", "EHLO after STARTTLS", limits).await?;
    let _ = quit(&mut s, limits).await;
    Ok(achieved)
}

async fn send<S: AsyncRead + AsyncWrite + Unpin>(
    s: &mut BufReader<S>,
    line: &str,
) -> Result<(), ProbeError> {
    s.get_mut()
        .write_all(line.as_bytes())
        .await
        .map_err(|e| ProbeError::Connect(e.to_string()))?;
    s.get_mut()
        .flush()
        .await
        .map_err(|e| ProbeError::Connect(e.to_string()))
}

async fn quit<S: AsyncRead + AsyncWrite + Unpin>(
    s: &mut BufReader<S>,
    limits: &ProbeLimits,
) -> Result<(), ProbeError> {
    send(s, "QUIT\r\n").await?;
    expect(s, "221", "QUIT", limits).await.map(|_| ())
}

/// Read one (multi-line) reply; it must start with `code`.
async fn expect<S: AsyncRead + Unpin>(
    s: &mut BufReader<S>,
    code: &str,
    step: &'static str,
    limits: &ProbeLimits,
) -> Result<Vec<String>, ProbeError> {
    let mut lines = Vec::new();
    loop {
        if lines.len() >= limits.max_reply_lines {
            return Err(ProbeError::Smtp {
                step,
                reply: "too many reply lines".into(),
            });
        }
        let mut buf = Vec::new();
        let read = async {
            let mut limited = tokio::io::AsyncReadExt::take(&mut *s, limits.max_line as u64);
            limited.read_until(b'\n', &mut buf).await
        };
        let n = tokio::time::timeout(limits.reply_timeout, read)
            .await
            .map_err(|_| ProbeError::Timeout(step))?
            .map_err(|e| ProbeError::Connect(e.to_string()))?;
        if n == 0 || !buf.ends_with(b"\n") {
            return Err(ProbeError::Smtp {
                step,
                reply: "connection closed or line too long".into(),
            });
        }
        let line = String::from_utf8_lossy(&buf).trim_end().to_string();
        let last = line.as_bytes().get(3) != Some(&b'-');
        let ok = line.starts_with(code);
        lines.push(line);
        if last {
            if !ok {
                return Err(ProbeError::Smtp {
                    step,
                    reply: lines
                        .last()
                        .cloned()
                        .unwrap_or_default()
                        .chars()
                        .take(200)
                        .collect(),
                });
            }
            return Ok(lines);
        }
    }
}
