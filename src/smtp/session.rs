//! One SMTP submission session: an explicit state machine generic over the
//! byte stream, so it runs the same over TCP, TLS or an in-memory pipe.
//!
//! Promises: commands are parsed by `smtp-proto`; replies to pipelined
//! commands are batched and flushed only when the client must be waited
//! for; AUTH is offered and accepted only under TLS; input pipelined behind
//! STARTTLS is discarded (CVE-2011-0411); every limit in `config.limits`
//! is enforced. Fails by closing the session: I/O errors end it quietly,
//! limits end it with a 421.

use super::auth::{AuthFailures, AuthLimiter};
use super::conn::{Conn, InBuf, Line};
use super::{reply, AuthenticatedUser, Backend, Reply};
use crate::audit::Audit;
use crate::config::{Config, ListenerTls};
use smtp_proto::{Error as ProtoError, Request};
use std::io;
use std::net::IpAddr;
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::sync::watch;
use tokio::time::Instant;
use tokio_rustls::TlsAcceptor;

/// What every session of one server shares.
pub struct SessionContext<B> {
    pub config: Arc<Config>,
    pub backend: Arc<B>,
    pub audit: Audit,
    /// `None`: no certificate, so no STARTTLS and no AUTH.
    pub tls: Option<TlsAcceptor>,
    pub auth_failures: Arc<AuthLimiter>,
}

impl<B: super::Backend> SessionContext<B> {
    pub fn new(
        config: Arc<Config>,
        backend: Arc<B>,
        audit: Audit,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> SessionContext<B> {
        let limits = &config.limits;
        let (max, window) = (
            limits.max_auth_failures_per_ip,
            std::time::Duration::from_secs(limits.auth_failure_window_secs),
        );
        let auth_failures = Arc::new(match backend.auth_store() {
            Some(store) => AuthLimiter::Shared { store, max, window },
            None => AuthLimiter::Local(AuthFailures::new(max, window)),
        });
        SessionContext {
            tls: tls.map(TlsAcceptor::from),
            config,
            backend,
            audit,
            auth_failures,
        }
    }
}

/// Where the dialogue is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// Connected (or just after STARTTLS): HELO/EHLO expected.
    Fresh,
    /// Greeted, no mail transaction open.
    Greeted,
    /// MAIL FROM accepted; recipients are being collected.
    Envelope(Transaction),
}

/// The envelope of the message being submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    pub mail_from: String,
    pub recipients: Vec<String>,
    pub smtputf8: bool,
    pub body_8bit: bool,
    /// The client's SIZE= declaration (0 if none), for preallocation.
    pub declared_size: usize,
}

/// Whether the session goes on after a command.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Flow {
    Continue,
    Close,
}

/// Result of waiting for input.
pub(super) enum Input {
    Line(usize, usize),
    TooLong,
    Eof,
    Timeout,
    Shutdown,
}

pub struct Session<S, B> {
    pub(super) ctx: Arc<SessionContext<B>>,
    pub(super) conn: Conn<S>,
    pub(super) inbuf: InBuf,
    pub(super) out: Vec<u8>,
    pub(super) state: State,
    pub(super) peer: IpAddr,
    pub(super) mode: ListenerTls,
    pub(super) helo: String,
    pub(super) esmtp: bool,
    pub(super) auth: Option<AuthenticatedUser>,
    pub(super) trusted: bool,
    pub(super) errors: u32,
    pub(super) messages: u32,
    shutdown: Option<watch::Receiver<bool>>,
    skipping_line: bool,
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send, B: Backend> Session<S, B> {
    /// `conn` is `Conn::Tls` on an implicit-TLS port, `Conn::Plain` otherwise.
    pub fn new(
        ctx: Arc<SessionContext<B>>,
        conn: Conn<S>,
        peer: IpAddr,
        mode: ListenerTls,
        shutdown: Option<watch::Receiver<bool>>,
    ) -> Session<S, B> {
        let trusted = ctx.config.is_trusted(peer);
        let max_line = ctx.config.limits.max_line_length;
        Session {
            ctx,
            conn,
            inbuf: InBuf::new(max_line),
            out: Vec::with_capacity(1024),
            state: State::Fresh,
            peer,
            mode,
            helo: String::new(),
            esmtp: false,
            auth: None,
            trusted,
            errors: 0,
            messages: 0,
            shutdown,
            skipping_line: false,
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// Play the whole dialogue; returns when the client quits, a limit
    /// closes the session or the connection breaks.
    pub async fn run(mut self) {
        if let Err(e) = self.dialogue().await {
            tracing::debug!(peer = %self.peer, error = %e, "smtp session ended by i/o error");
        }
        let _ = self.flush().await;
        let timeout = self.ctx.config.limits.command_timeout();
        let _ = tokio::time::timeout(timeout, self.conn.shutdown()).await;
    }

    async fn dialogue(&mut self) -> io::Result<()> {
        let host = self.ctx.config.server.hostname.clone();
        reply::write_plain(
            &mut self.out,
            220,
            &format!("{host} ESMTP Sluis gereed / ready"),
        );
        loop {
            let deadline = Instant::now() + self.ctx.config.limits.command_timeout();
            let flow = match self.read_line(deadline, true).await? {
                Input::Line(a, b) => self.command(a, b).await?,
                Input::TooLong => self.fail(reply::line_too_long()),
                Input::Eof => Flow::Close,
                Input::Timeout => {
                    tracing::info!(peer = %self.peer, "smtp command timeout");
                    self.send(&reply::timeout());
                    Flow::Close
                }
                Input::Shutdown => {
                    self.send(&reply::shutting_down());
                    Flow::Close
                }
            };
            if flow == Flow::Close {
                return Ok(());
            }
        }
    }

    /// Queue a reply; it goes out at the next flush.
    pub(super) fn send(&mut self, r: &Reply) {
        reply::write_reply(&mut self.out, r);
    }

    /// Queue an error reply and count it; too many errors end the session.
    pub(super) fn fail(&mut self, r: Reply) -> Flow {
        self.send(&r);
        self.errors = self.errors.saturating_add(1);
        if self.errors >= self.ctx.config.limits.max_errors_per_session {
            tracing::info!(peer = %self.peer, "smtp session: too many errors");
            self.send(&reply::too_many_errors());
            return Flow::Close;
        }
        Flow::Continue
    }

    /// Send queued replies. A client that stops reading cannot hold the
    /// session forever: the write is bounded by `command_timeout`.
    pub(super) async fn flush(&mut self) -> io::Result<()> {
        if self.out.is_empty() {
            return Ok(());
        }
        let timeout = self.ctx.config.limits.command_timeout();
        let write = async {
            self.conn.write_all(&self.out).await?;
            self.conn.flush().await
        };
        match tokio::time::timeout(timeout, write).await {
            Ok(result) => result?,
            Err(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "client not reading",
                ))
            }
        }
        self.out.clear();
        Ok(())
    }

    /// Wait for more input (`None`: bytes arrived). Replies queued so far
    /// are flushed first: the client may be waiting for them.
    pub(super) async fn fill(
        &mut self,
        deadline: Instant,
        watch: bool,
    ) -> io::Result<Option<Input>> {
        self.flush().await?;
        let read = tokio::time::timeout_at(deadline, self.inbuf.fill(&mut self.conn));
        let shutdown = &mut self.shutdown;
        let stop = async {
            match shutdown {
                Some(rx) if watch => loop {
                    if *rx.borrow_and_update() {
                        return;
                    }
                    if rx.changed().await.is_err() {
                        std::future::pending::<()>().await;
                    }
                },
                _ => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            r = read => match r {
                Err(_) => Ok(Some(Input::Timeout)),
                Ok(Ok(0)) => Ok(Some(Input::Eof)),
                Ok(Ok(_)) => Ok(None),
                Ok(Err(e)) => Err(e),
            },
            _ = stop => Ok(Some(Input::Shutdown)),
        }
    }

    /// The next command (or AUTH continuation) line; an over-long line is
    /// skipped through its LF and reported as `TooLong`.
    pub(super) async fn read_line(&mut self, deadline: Instant, watch: bool) -> io::Result<Input> {
        loop {
            if self.skipping_line {
                let pending = self.inbuf.pending();
                match memchr::memchr(b'\n', pending) {
                    Some(pos) => {
                        self.inbuf.consume(pos + 1);
                        self.skipping_line = false;
                        return Ok(Input::TooLong);
                    }
                    None => {
                        let n = pending.len();
                        self.inbuf.consume(n);
                    }
                }
            } else {
                match self.inbuf.next_line() {
                    Line::Complete(a, b) => return Ok(Input::Line(a, b)),
                    Line::TooLong(n) => {
                        self.inbuf.consume(n);
                        self.skipping_line = true;
                        continue;
                    }
                    Line::Partial => {}
                }
            }
            if let Some(end) = self.fill(deadline, watch).await? {
                return Ok(end);
            }
        }
    }

    async fn command(&mut self, a: usize, b: usize) -> io::Result<Flow> {
        let parsed = Request::parse(&mut self.inbuf.slice(a, b).iter()).map(Request::into_owned);
        self.inbuf.consume(b - a);
        let request = match parsed {
            Ok(r) => r,
            Err(e) => return Ok(self.fail(parse_error(e))),
        };
        Ok(match request {
            Request::Ehlo { host } => self.hello(host, true),
            Request::Helo { host } => self.hello(host, false),
            Request::Mail { from } => self.mail(from).await,
            Request::Rcpt { to } => self.rcpt(to),
            Request::Data => return self.data().await,
            Request::Rset => {
                if self.state != State::Fresh {
                    self.state = State::Greeted;
                }
                self.send(&reply::ok());
                Flow::Continue
            }
            Request::Noop { .. } => {
                self.send(&reply::ok());
                Flow::Continue
            }
            Request::Quit => {
                self.send(&reply::bye());
                Flow::Close
            }
            Request::Vrfy { .. } => {
                self.send(&reply::vrfy());
                Flow::Continue
            }
            Request::Help { .. } => {
                self.send(&reply::help());
                Flow::Continue
            }
            Request::StartTls => return self.starttls().await,
            Request::Auth {
                mechanism,
                initial_response,
            } => return self.auth(mechanism, initial_response).await,
            Request::Lhlo { .. } => self.fail(reply::unknown_command()),
            Request::Expn { .. }
            | Request::Etrn { .. }
            | Request::Atrn { .. }
            | Request::Burl { .. }
            | Request::Bdat { .. } => self.fail(reply::not_implemented()),
        })
    }

    fn hello(&mut self, host: String, esmtp: bool) -> Flow {
        self.helo = host;
        self.esmtp = esmtp;
        self.state = State::Greeted;
        let hostname = &self.ctx.config.server.hostname;
        if !esmtp {
            reply::write_plain(&mut self.out, 250, hostname);
            return Flow::Continue;
        }
        let mut caps = format!("250-{hostname} Hallo / Hello\r\n250-PIPELINING\r\n");
        caps.push_str(&format!(
            "250-SIZE {}\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-ENHANCEDSTATUSCODES\r\n",
            self.ctx.config.limits.max_message_size
        ));
        if self.starttls_available() {
            caps.push_str("250-STARTTLS\r\n");
        }
        if self.conn.is_tls() && self.auth.is_none() {
            caps.push_str("250-AUTH PLAIN LOGIN\r\n");
        }
        caps.push_str("250 HELP\r\n");
        self.out.extend_from_slice(caps.as_bytes());
        Flow::Continue
    }

    fn starttls_available(&self) -> bool {
        self.mode == ListenerTls::Starttls && !self.conn.is_tls() && self.ctx.tls.is_some()
    }

    async fn starttls(&mut self) -> io::Result<Flow> {
        if self.conn.is_tls() {
            return Ok(self.fail(reply::bad_sequence("TLS al actief", "TLS already active")));
        }
        let Some(acceptor) = self.ctx.tls.clone().filter(|_| self.starttls_available()) else {
            return Ok(self.fail(reply::not_implemented()));
        };
        self.send(&reply::ready_for_tls());
        self.flush().await?;
        // Anything the client pipelined after STARTTLS was sent in clear
        // text and must not be executed inside TLS (CVE-2011-0411).
        if !self.inbuf.is_empty() {
            tracing::info!(peer = %self.peer, "discarding input pipelined after STARTTLS");
        }
        self.inbuf.clear();
        self.skipping_line = false;
        let Conn::Plain(stream) = std::mem::replace(&mut self.conn, Conn::Gone) else {
            return Ok(Flow::Close);
        };
        let timeout = self.ctx.config.limits.command_timeout();
        match tokio::time::timeout(timeout, acceptor.accept(stream)).await {
            Ok(Ok(tls)) => {
                self.conn = Conn::Tls(Box::new(tls));
                self.state = State::Fresh;
                self.helo.clear();
                self.esmtp = false;
                self.auth = None;
                Ok(Flow::Continue)
            }
            Ok(Err(e)) => {
                tracing::info!(peer = %self.peer, error = %e, "STARTTLS handshake failed");
                Ok(Flow::Close)
            }
            Err(_) => {
                tracing::info!(peer = %self.peer, "STARTTLS handshake timed out");
                Ok(Flow::Close)
            }
        }
    }
}

/// Map a parser error to the reply the client gets.
fn parse_error(e: ProtoError) -> Reply {
    match e {
        ProtoError::UnknownCommand => reply::unknown_command(),
        ProtoError::InvalidSenderAddress => reply::bad_sender_syntax(),
        ProtoError::InvalidRecipientAddress => reply::bad_recipient_syntax(),
        ProtoError::SyntaxError { syntax } => reply::syntax(syntax),
        ProtoError::InvalidParameter { param } => reply::syntax(param),
        ProtoError::UnsupportedParameter { .. } => reply::unsupported_parameter(),
        ProtoError::ResponseTooLong => reply::line_too_long(),
        _ => reply::syntax("SMTP command"),
    }
}
