//! Async SMTP client (RFC 5321) for the next hop: connect, greeting, EHLO,
//! STARTTLS, one or more transactions (pipelined when offered), RSET, QUIT.
//! Reused by every route (relay host today, MX with DANE/MTA-STS later).
//!
//! Promises: every read and write is bounded in time (the timeouts given)
//! and every reply in size and lines (see `wire`); per-recipient results, so
//! one rejected recipient does not stop the others. The body is dot-stuffed
//! on the fly through a fixed buffer, never copied whole.
//!
//! Fails with [`ClientError`]; after one, the connection must be dropped
//! (its state is unknown). Remote rejections are not errors: they come back
//! as [`Reply`]s in a [`SendOutcome`].

use super::limits::{ClientError, ClientLimits};
use super::wire::{
    mail_from_line, rcpt_to_line, Capabilities, DotStuffer, MailParams, Reply, ReplyParser,
};
use rustls::pki_types::{CertificateDer, ServerName};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

/// Any byte stream the client can talk over (TCP, TLS over TCP, a test pipe).
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// What a TLS handshake gave.
#[derive(Clone, Debug, Default)]
pub struct TlsSession {
    /// `TLSv1.3` or `TLSv1.2`.
    pub version: String,
    /// IANA name, e.g. `TLS13_AES_256_GCM_SHA384`.
    pub cipher: String,
    /// The server's chain as sent (end entity first), for DANE checks.
    pub peer_certificates: Vec<CertificateDer<'static>>,
}

/// Result for one recipient of a transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RcptResult {
    /// The final reply to DATA was positive for this recipient.
    Delivered(Reply),
    /// 4xx (or an unexpected reply): try again later.
    Temporary(Reply),
    /// 5xx: give up on this recipient.
    Permanent(Reply),
}

/// Results of one transaction, in the order the recipients were given.
#[derive(Clone, Debug)]
pub struct SendOutcome {
    pub rcpts: Vec<RcptResult>,
}

const READ_CHUNK: usize = 8192;
/// The body goes out in writes of at most this size.
const WRITE_CHUNK: usize = 64 * 1024;

/// One SMTP connection.
pub struct SmtpClient {
    io: Box<dyn Io>,
    buf: Vec<u8>,
    start: usize,
    parser: ReplyParser,
    limits: ClientLimits,
    /// From the latest EHLO (empty after a HELO fallback).
    pub caps: Capabilities,
    /// Set after a successful STARTTLS.
    pub tls: Option<TlsSession>,
    /// Transactions completed on this connection.
    pub transactions: u32,
    /// The session is in an unknown state (an RSET after a failed
    /// transaction was refused): do not reuse it.
    pub broken: bool,
}

impl SmtpClient {
    /// TCP connect within `connect_timeout`, then read the 220 greeting.
    pub async fn connect(addr: SocketAddr, limits: ClientLimits) -> Result<Self, ClientError> {
        let tcp = tokio::time::timeout(limits.connect_timeout, TcpStream::connect(addr))
            .await
            .map_err(|_| ClientError::Timeout("connect"))?
            .map_err(|source| ClientError::Connect { addr, source })?;
        let _ = tcp.set_nodelay(true);
        Self::over(Box::new(tcp), limits).await
    }

    /// Start a session over an already connected stream: read the greeting.
    pub async fn over(io: Box<dyn Io>, limits: ClientLimits) -> Result<Self, ClientError> {
        let mut c = SmtpClient {
            io,
            buf: Vec::with_capacity(READ_CHUNK),
            start: 0,
            parser: ReplyParser::new(limits.max_reply_lines),
            limits,
            caps: Capabilities::default(),
            tls: None,
            transactions: 0,
            broken: false,
        };
        let greeting = c.read_reply(limits.connect_timeout, "greeting").await?;
        if greeting.code != 220 {
            return Err(ClientError::Refused {
                stage: "greeting",
                reply: greeting.one_line(),
            });
        }
        Ok(c)
    }

    /// EHLO (falls back to HELO when EHLO is refused); updates `caps`.
    pub async fn ehlo(&mut self, name: &str) -> Result<&Capabilities, ClientError> {
        let name: String = name.chars().filter(|c| c.is_ascii_graphic()).collect();
        self.command(format!("EHLO {name}\r\n").as_bytes()).await?;
        let reply = self.read_reply(self.limits.command_timeout, "EHLO").await?;
        if reply.is_positive() {
            self.caps = Capabilities::parse(&reply.text);
            return Ok(&self.caps);
        }
        self.command(format!("HELO {name}\r\n").as_bytes()).await?;
        let reply = self.read_reply(self.limits.command_timeout, "HELO").await?;
        if !reply.is_positive() {
            return Err(ClientError::Refused {
                stage: "HELO",
                reply: reply.one_line(),
            });
        }
        self.caps = Capabilities::default();
        Ok(&self.caps)
    }

    /// STARTTLS, the handshake with `config` (its verifier decides what is
    /// accepted), then EHLO again as RFC 3207 requires.
    pub async fn starttls(
        mut self,
        config: Arc<rustls::ClientConfig>,
        server_name: ServerName<'static>,
        ehlo_name: &str,
    ) -> Result<Self, ClientError> {
        if !self.caps.starttls {
            return Err(ClientError::NoStartTls);
        }
        self.command(b"STARTTLS\r\n").await?;
        let reply = self
            .read_reply(self.limits.command_timeout, "STARTTLS")
            .await?;
        if reply.code != 220 {
            return Err(ClientError::Refused {
                stage: "STARTTLS",
                reply: reply.one_line(),
            });
        }
        // Anything already buffered was sent before the handshake and could
        // be an injected reply (CVE-2011-0411 style): refuse.
        if self.start < self.buf.len() {
            return Err(ClientError::StartTlsInjection);
        }
        let connector = tokio_rustls::TlsConnector::from(config);
        let SmtpClient {
            io,
            buf,
            parser,
            limits,
            transactions,
            ..
        } = self;
        let tls = tokio::time::timeout(limits.command_timeout, connector.connect(server_name, io))
            .await
            .map_err(|_| ClientError::Timeout("TLS handshake"))?
            .map_err(ClientError::Tls)?;
        let (_, conn) = tls.get_ref();
        let session = TlsSession {
            version: match conn.protocol_version() {
                Some(rustls::ProtocolVersion::TLSv1_3) => "TLSv1.3".into(),
                Some(rustls::ProtocolVersion::TLSv1_2) => "TLSv1.2".into(),
                Some(v) => format!("{v:?}"),
                None => "unknown".into(),
            },
            cipher: conn
                .negotiated_cipher_suite()
                .map(|s| {
                    s.suite()
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| format!("{:?}", s.suite()))
                })
                .unwrap_or_default(),
            peer_certificates: conn
                .peer_certificates()
                .map(|c| c.iter().map(|d| d.clone().into_owned()).collect())
                .unwrap_or_default(),
        };
        let mut client = SmtpClient {
            io: Box::new(tls),
            buf,
            start: 0,
            parser,
            limits,
            caps: Capabilities::default(),
            tls: Some(session),
            transactions,
            broken: false,
        };
        client.ehlo(ehlo_name).await?;
        Ok(client)
    }

    /// One transaction: MAIL, RCPT for each recipient, DATA, the body.
    /// With PIPELINING, MAIL + all RCPT + DATA go out in one write.
    /// `Err` means the connection is unusable; the recipients' fate is then
    /// unknown and they must be retried.
    pub async fn send(
        &mut self,
        mail_from: &str,
        rcpts: &[&str],
        body: &[u8],
        params: &MailParams,
    ) -> Result<SendOutcome, ClientError> {
        let ct = self.limits.command_timeout;
        let mail = mail_from_line(mail_from, params, &self.caps);
        let mut rcpt_replies: Vec<Reply> = Vec::with_capacity(rcpts.len());
        let mail_reply;
        let data_reply;
        if self.caps.pipelining {
            let mut batch = mail.into_bytes();
            for r in rcpts {
                batch.extend_from_slice(rcpt_to_line(r).as_bytes());
            }
            batch.extend_from_slice(b"DATA\r\n");
            let first = self.command(&batch).await;
            mail_reply = self.first_reply(first).await?;
            for _ in rcpts {
                rcpt_replies.push(self.read_reply(ct, "RCPT").await?);
            }
            data_reply = Some(self.read_reply(ct, "DATA").await?);
        } else {
            let first = self.command(mail.as_bytes()).await;
            mail_reply = self.first_reply(first).await?;
            if mail_reply.is_positive() {
                for r in rcpts {
                    self.command(rcpt_to_line(r).as_bytes()).await?;
                    rcpt_replies.push(self.read_reply(ct, "RCPT").await?);
                }
            }
            if rcpt_replies.iter().any(Reply::is_positive) {
                self.command(b"DATA\r\n").await?;
                data_reply = Some(self.read_reply(ct, "DATA").await?);
            } else {
                data_reply = None;
            }
        }

        if !mail_reply.is_positive() {
            self.reset_after_failure().await;
            return Ok(SendOutcome {
                rcpts: rcpts.iter().map(|_| classify(&mail_reply)).collect(),
            });
        }
        let any_accepted = rcpt_replies.iter().any(Reply::is_positive);
        let data_ok = data_reply.as_ref().is_some_and(|r| r.code == 354);
        if data_ok && !any_accepted {
            // RFC 2920: DATA accepted although no recipient was; end it empty.
            self.write_timed(b".\r\n", self.limits.data_timeout).await?;
            let _ = self
                .read_reply(self.limits.data_timeout, "end of data")
                .await?;
        }
        if !data_ok || !any_accepted {
            self.reset_after_failure().await;
            let refused = data_reply.unwrap_or_else(no_data_reply);
            return Ok(SendOutcome {
                rcpts: rcpt_replies
                    .iter()
                    .map(|r| {
                        if r.is_positive() {
                            classify(&refused)
                        } else {
                            classify(r)
                        }
                    })
                    .collect(),
            });
        }

        self.write_body(body).await?;
        let final_reply = self
            .read_reply(self.limits.data_timeout, "end of data")
            .await?;
        self.transactions += 1;
        if !final_reply.is_positive() {
            self.reset_after_failure().await;
        }
        Ok(SendOutcome {
            rcpts: rcpt_replies
                .iter()
                .map(|r| {
                    if r.is_positive() {
                        classify(&final_reply)
                    } else {
                        classify(r)
                    }
                })
                .collect(),
        })
    }

    /// The reply to MAIL. On a reused session, a connection that turns out
    /// to be gone before MAIL was answered (closed, reset, 421) is
    /// [`ClientError::Stale`]: nothing was accepted, a new connection may
    /// retry at once without risk of a duplicate.
    async fn first_reply(
        &mut self,
        written: Result<(), ClientError>,
    ) -> Result<Reply, ClientError> {
        let reused = self.transactions > 0;
        let result = match written {
            Ok(()) => self.read_reply(self.limits.command_timeout, "MAIL").await,
            Err(e) => Err(e),
        };
        match result {
            Ok(r) if reused && r.code == 421 => Err(ClientError::Stale(r.one_line())),
            Err(e @ (ClientError::Io(_) | ClientError::Closed)) if reused => {
                Err(ClientError::Stale(e.to_string()))
            }
            other => other,
        }
    }

    /// After a refused transaction: RSET so the session can be reused. The
    /// recipients' results are known already, so a failure here only marks
    /// the connection as not reusable.
    async fn reset_after_failure(&mut self) {
        if self.rset().await.is_err() {
            self.broken = true;
        }
    }

    /// RSET; also a liveness check before reusing an idle connection.
    pub async fn rset(&mut self) -> Result<(), ClientError> {
        self.command(b"RSET\r\n").await?;
        let reply = self.read_reply(self.limits.command_timeout, "RSET").await?;
        if reply.is_positive() {
            Ok(())
        } else {
            Err(ClientError::Refused {
                stage: "RSET",
                reply: reply.one_line(),
            })
        }
    }

    /// QUIT politely; errors are irrelevant at this point.
    pub async fn quit(mut self) {
        if self.command(b"QUIT\r\n").await.is_ok() {
            let _ = self.read_reply(self.limits.command_timeout, "QUIT").await;
        }
        let _ = tokio::time::timeout(self.limits.command_timeout, self.io.shutdown()).await;
    }

    async fn command(&mut self, bytes: &[u8]) -> Result<(), ClientError> {
        self.write_timed(bytes, self.limits.command_timeout).await
    }

    async fn write_timed(&mut self, bytes: &[u8], limit: Duration) -> Result<(), ClientError> {
        tokio::time::timeout(limit, async {
            self.io.write_all(bytes).await?;
            self.io.flush().await
        })
        .await
        .map_err(|_| ClientError::Timeout("write"))?
        .map_err(ClientError::Io)
    }

    async fn write_body(&mut self, body: &[u8]) -> Result<(), ClientError> {
        let limit = self.limits.data_timeout;
        let io = &mut self.io;
        tokio::time::timeout(limit, async {
            let mut stuffer = DotStuffer::default();
            let mut out = Vec::with_capacity(WRITE_CHUNK + WRITE_CHUNK / 8);
            for chunk in body.chunks(WRITE_CHUNK) {
                stuffer.push(chunk, &mut out);
                if out.len() >= WRITE_CHUNK {
                    io.write_all(&out).await?;
                    out.clear();
                }
            }
            stuffer.finish(&mut out);
            io.write_all(&out).await?;
            io.flush().await
        })
        .await
        .map_err(|_| ClientError::Timeout("DATA"))?
        .map_err(ClientError::Io)
    }

    /// Read one complete reply within `limit`.
    async fn read_reply(
        &mut self,
        limit: Duration,
        stage: &'static str,
    ) -> Result<Reply, ClientError> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            if self.start < self.buf.len() {
                let (used, reply) = self
                    .parser
                    .feed(self.buf.get(self.start..).unwrap_or_default())?;
                self.start += used;
                if self.start >= self.buf.len() {
                    self.buf.clear();
                    self.start = 0;
                }
                if let Some(r) = reply {
                    return Ok(r);
                }
            }
            if self.start > 0 {
                self.buf.drain(..self.start);
                self.start = 0;
            }
            let old = self.buf.len();
            self.buf.resize(old + READ_CHUNK, 0);
            let read = tokio::time::timeout_at(deadline, self.io.read(&mut self.buf[old..])).await;
            let n = match read {
                Err(_) => {
                    self.buf.truncate(old);
                    return Err(ClientError::Timeout(stage));
                }
                Ok(Err(e)) => {
                    self.buf.truncate(old);
                    return Err(ClientError::Io(e));
                }
                Ok(Ok(n)) => n,
            };
            self.buf.truncate(old + n);
            if n == 0 {
                return Err(ClientError::Closed);
            }
        }
    }
}

/// Map a reply to a recipient result (anything not 2xx/5xx is temporary).
pub fn classify(reply: &Reply) -> RcptResult {
    if reply.is_positive() {
        RcptResult::Delivered(reply.clone())
    } else if reply.is_permanent() {
        RcptResult::Permanent(reply.clone())
    } else {
        RcptResult::Temporary(reply.clone())
    }
}

fn no_data_reply() -> Reply {
    Reply {
        code: 451,
        esc: [4, 0, 0],
        text: "DATA niet geaccepteerd / DATA not accepted".into(),
    }
}

#[cfg(test)]
#[path = "smtp_tests.rs"]
mod tests;
