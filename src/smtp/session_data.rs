//! The DATA command of a [`Session`]: read the message to its real end,
//! prepend `Received:`, check `From:` against the account, hand it to the
//! backend.
//!
//! Promises: the reply comes only after the final `<CRLF>.<CRLF>` has been
//! read, whatever was wrong with the message, so client and server stay in
//! step; the whole transfer is bounded by `data_timeout`; message bytes are
//! never logged.

use super::data::{protocol_name, write_received, DataProblem, DataReader, ReceivedInfo};
use super::session::{Flow, Input, Session, State};
use super::{reply, Backend, Submission};
use crate::config::{Config, FromHeaderCheck};
use std::io;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Instant;

/// Preallocate at most this much before the message proves its size.
const MAX_PREALLOC: usize = 1024 * 1024;

impl<S: AsyncRead + AsyncWrite + Unpin + Send, B: Backend> Session<S, B> {
    pub(super) async fn data(&mut self) -> io::Result<Flow> {
        let tx = match &self.state {
            State::Envelope(tx) if !tx.recipients.is_empty() => tx.clone(),
            State::Envelope(_) => {
                return Ok(self.fail(super::Reply::new(
                    554,
                    (5, 5, 1),
                    "Geen geldige ontvangers",
                    "No valid recipients",
                )))
            }
            _ => {
                return Ok(self.fail(reply::bad_sequence(
                    "Stuur eerst MAIL FROM en RCPT TO",
                    "Need MAIL and RCPT commands first",
                )))
            }
        };
        let ctx = self.ctx.clone();
        let config: &Config = &ctx.config;
        let limit = usize::try_from(config.limits.max_message_size).unwrap_or(usize::MAX);
        let deadline = Instant::now() + config.limits.data_timeout();
        reply::write_plain(
            &mut self.out,
            354,
            "Begin bericht; eindig met <CRLF>.<CRLF> / Start mail input; end with <CRLF>.<CRLF>",
        );

        let tls_version = self.conn.tls_version();
        let tls_cipher = self.conn.tls_cipher();
        let prealloc = tx.declared_size.clamp(16 * 1024, MAX_PREALLOC).min(limit);
        let mut message = Vec::with_capacity(prealloc + 512);
        write_received(
            &mut message,
            &ReceivedInfo {
                helo: &self.helo,
                client_ip: self.peer,
                hostname: &config.server.hostname,
                protocol: protocol_name(self.esmtp, self.conn.is_tls(), self.auth.is_some()),
                tls_version: tls_version.as_deref(),
                tls_cipher: tls_cipher.as_deref(),
            },
        );

        let normalize = config.limits.bare_newline == crate::config::BareNewline::Normalize;
        let mut reader = DataReader::new(limit, normalize);
        loop {
            if reader.is_skipping() {
                let pending = self.inbuf.pending();
                if let Some(pos) = memchr::memchr(b'\n', pending) {
                    reader.line(pending.get(..=pos).unwrap_or(pending), &mut message);
                    self.inbuf.consume(pos + 1);
                    continue;
                }
                if !pending.is_empty() {
                    reader.too_long(pending);
                    let n = pending.len();
                    self.inbuf.consume(n);
                }
            } else {
                match self.inbuf.next_line() {
                    super::conn::Line::Complete(a, b) => {
                        let done = reader.line(self.inbuf.slice(a, b), &mut message);
                        self.inbuf.consume(b - a);
                        if done {
                            break;
                        }
                        continue;
                    }
                    super::conn::Line::TooLong(n) => {
                        let head = self.inbuf.pending();
                        reader.too_long(head.get(..n).unwrap_or(head));
                        self.inbuf.consume(n);
                        continue;
                    }
                    super::conn::Line::Partial => {}
                }
            }
            match self.fill(deadline, false).await? {
                None => {}
                Some(Input::Timeout) => {
                    tracing::info!(peer = %self.peer, "smtp DATA timeout");
                    self.send(&reply::timeout());
                    return Ok(Flow::Close);
                }
                Some(_) => return Ok(Flow::Close),
            }
        }

        // The transaction is over whatever happens next.
        self.state = State::Greeted;
        let size = reader.size();
        match reader.problem() {
            Some(DataProblem::BareCrLf) => {
                tracing::info!(peer = %self.peer, "message rejected: bare CR/LF in DATA");
                return Ok(self.fail(reply::bare_cr_lf()));
            }
            Some(DataProblem::LineTooLong) => {
                tracing::info!(peer = %self.peer, "message rejected: line too long");
                return Ok(self.fail(reply::data_line_too_long()));
            }
            Some(DataProblem::TooBig) => {
                tracing::info!(peer = %self.peer, "message rejected: too big");
                self.send(&reply::too_big());
                return Ok(Flow::Continue);
            }
            None => {}
        }
        let message = match self.check_from_header(&tx.mail_from, message).await {
            Ok(m) => m,
            Err(r) => {
                self.send(&r);
                return Ok(Flow::Continue);
            }
        };
        let tenant = match &self.auth {
            Some(user) => user.tenant.clone(),
            None => config.server.trusted_tenant.clone(),
        };
        let recipients = tx.recipients.len();
        let submission = Submission {
            mail_from: tx.mail_from,
            recipients: tx.recipients,
            client_ip: self.peer,
            helo: self.helo.clone(),
            auth: self.auth.clone(),
            tenant,
            smtputf8: tx.smtputf8,
            body_8bit: tx.body_8bit,
            tls_version,
        };
        let answer = self.ctx.backend.submit(submission, message).await;
        let r = match answer {
            Ok(r) => {
                self.messages = self.messages.saturating_add(1);
                r
            }
            Err(r) => r,
        };
        tracing::info!(peer = %self.peer, size, recipients, code = r.code, "message submitted");
        self.send(&r);
        Ok(Flow::Continue)
    }

    /// `From:` of an authenticated account's message must be an address
    /// the account may use (`server.from_header_check`): refused with 553,
    /// or replaced by the envelope sender. Trusted relays without AUTH and
    /// messages without a `From:` field pass as they are.
    async fn check_from_header(
        &self,
        mail_from: &str,
        message: Vec<u8>,
    ) -> Result<Vec<u8>, super::Reply> {
        let Some(user) = &self.auth else {
            return Ok(message);
        };
        let mode = self.ctx.config.server.from_header_check;
        if mode == FromHeaderCheck::Off {
            return Ok(message);
        }
        let Some(addresses) = crate::header::from_addresses(&message) else {
            return Ok(message);
        };
        let mut allowed = !addresses.is_empty();
        for a in &addresses {
            if !allowed {
                break;
            }
            allowed = self.ctx.backend.may_send_as(user, a).await;
        }
        if allowed {
            return Ok(message);
        }
        match mode {
            FromHeaderCheck::Rewrite if !mail_from.is_empty() => {
                tracing::info!(peer = %self.peer, account = %user.account, "From: rewritten to the envelope sender");
                let eol = if crate::header::uses_crlf(&message) {
                    "\r\n"
                } else {
                    "\n"
                };
                let field = format!("From: <{}>{eol}", crate::header::header_value(mail_from));
                Ok(crate::header::replace_field(
                    &message,
                    "From",
                    Some(field.as_bytes()),
                ))
            }
            _ => {
                tracing::info!(peer = %self.peer, account = %user.account, "message refused: From: not allowed for account");
                Err(reply::from_header_not_allowed())
            }
        }
    }
}
