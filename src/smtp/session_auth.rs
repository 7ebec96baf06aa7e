//! The AUTH command of a [`Session`]: PLAIN and LOGIN (with or without an
//! initial response, `*` cancels), only under TLS.
//!
//! Promises: passwords go only to `Backend::authenticate` and are never
//! logged; a failure is answered after `auth_failure_delay_millis`, is
//! recorded in the audit trail (IP and masked username) and counts towards
//! the per-client limit (per IPv4 address, per IPv6 /64; counted in the
//! store every node shares when [`Backend::auth_store`] gives one); the attempt is
//! reserved before the password is checked, so parallel sessions cannot
//! exceed the limit; a blocked client gets 454 without its password checked.

use super::auth::{decode_response, mask_user, parse_plain, utf8, AuthInputError};
use super::session::{Flow, Input, Session, State};
use super::{reply, Backend};
use crate::audit::AuditEvent;
use std::io;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Instant;

/// Outcome of reading one continuation line.
enum Continuation {
    Line(String),
    Cancelled,
    Malformed,
    Closed,
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send, B: Backend> Session<S, B> {
    pub(super) async fn auth(&mut self, mechanism: u64, initial: String) -> io::Result<Flow> {
        if !self.conn.is_tls() {
            return Ok(self.fail(reply::encryption_required()));
        }
        match self.state {
            State::Fresh => {
                return Ok(self.fail(reply::bad_sequence("Stuur eerst EHLO", "Send EHLO first")))
            }
            State::Envelope(_) => {
                return Ok(self.fail(reply::bad_sequence(
                    "Niet tijdens een transactie",
                    "Not allowed during a mail transaction",
                )))
            }
            State::Greeted => {}
        }
        if self.auth.is_some() {
            return Ok(self.fail(reply::bad_sequence("Al aangemeld", "Already authenticated")));
        }
        if self.ctx.auth_failures.is_blocked(self.peer).await {
            tracing::info!(peer = %self.peer, "AUTH refused: too many failures from this IP");
            return Ok(self.fail(reply::auth_blocked()));
        }
        let credentials = if mechanism == smtp_proto::AUTH_PLAIN {
            self.plain(initial).await?
        } else if mechanism == smtp_proto::AUTH_LOGIN {
            self.login(initial).await?
        } else {
            return Ok(self.fail(reply::mechanism_unsupported()));
        };
        let (user, password) = match credentials {
            Ok(c) => c,
            Err(Continuation::Cancelled) => return Ok(self.fail(reply::auth_cancelled())),
            Err(Continuation::Closed) => return Ok(Flow::Close),
            Err(_) => return Ok(self.fail(reply::bad_base64())),
        };
        // Take the attempt before the check: parallel sessions from one
        // client never get more password checks than the limit.
        if !self.ctx.auth_failures.reserve(self.peer).await {
            tracing::info!(peer = %self.peer, "AUTH refused: too many failures from this IP");
            return Ok(self.fail(reply::auth_blocked()));
        }
        let checked = self.ctx.backend.authenticate(&user, &password).await;
        if !matches!(checked, Ok(None)) {
            // Right password, or not checked (store error): not a failure.
            self.ctx.auth_failures.give_back(self.peer).await;
        }
        match checked {
            Ok(Some(account)) => {
                tracing::info!(peer = %self.peer, account = %account.account, "AUTH succeeded");
                self.auth = Some(account);
                self.send(&reply::auth_ok());
                Ok(Flow::Continue)
            }
            Ok(None) => {
                let blocked = self.ctx.auth_failures.is_blocked(self.peer).await;
                let masked = mask_user(&user);
                tracing::info!(peer = %self.peer, user = %masked, blocked, "AUTH failed");
                self.ctx.audit.record(
                    AuditEvent::new(&self.ctx.config.tenant.name, "auth-failed", "anonymous")
                        .ip(self.peer)
                        .detail(serde_json::json!({ "user": masked, "blocked": blocked })),
                );
                let delay = self.ctx.config.limits.auth_failure_delay_millis;
                self.flush().await?;
                tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
                Ok(self.fail(reply::bad_credentials()))
            }
            Err(r) => {
                self.send(&r);
                Ok(Flow::Continue)
            }
        }
    }

    async fn plain(
        &mut self,
        initial: String,
    ) -> io::Result<Result<(String, String), Continuation>> {
        let response = if initial.is_empty() {
            match self.continuation("").await? {
                Continuation::Line(l) => l,
                other => return Ok(Err(other)),
            }
        } else {
            initial
        };
        Ok(decode_response(&response)
            .and_then(|raw| parse_plain(&raw))
            .map_err(from_input))
    }

    async fn login(
        &mut self,
        initial: String,
    ) -> io::Result<Result<(String, String), Continuation>> {
        let user_b64 = if initial.is_empty() {
            match self.continuation("VXNlcm5hbWU6").await? {
                Continuation::Line(l) => l,
                other => return Ok(Err(other)),
            }
        } else {
            initial
        };
        let user = match decode_response(&user_b64).and_then(utf8) {
            Ok(u) if !u.is_empty() => u,
            Ok(_) => return Ok(Err(Continuation::Malformed)),
            Err(e) => return Ok(Err(from_input(e))),
        };
        let pass_b64 = match self.continuation("UGFzc3dvcmQ6").await? {
            Continuation::Line(l) => l,
            other => return Ok(Err(other)),
        };
        Ok(decode_response(&pass_b64)
            .and_then(utf8)
            .map(|p| (user, p))
            .map_err(from_input))
    }

    /// Send `334 <challenge>` and read the client's answer line.
    async fn continuation(&mut self, challenge: &str) -> io::Result<Continuation> {
        reply::write_plain(&mut self.out, 334, challenge);
        let deadline = Instant::now() + self.ctx.config.limits.command_timeout();
        match self.read_line(deadline, false).await? {
            Input::Line(a, b) => {
                let line = self.inbuf.slice(a, b);
                let text =
                    std::str::from_utf8(line).map(|t| t.trim_end_matches(['\r', '\n']).to_string());
                self.inbuf.consume(b - a);
                Ok(match text {
                    Ok(t) if t.trim() == "*" => Continuation::Cancelled,
                    Ok(t) => Continuation::Line(t),
                    Err(_) => Continuation::Malformed,
                })
            }
            Input::TooLong => Ok(Continuation::Malformed),
            Input::Timeout => {
                self.send(&reply::timeout());
                Ok(Continuation::Closed)
            }
            Input::Eof | Input::Shutdown => Ok(Continuation::Closed),
        }
    }
}

fn from_input(e: AuthInputError) -> Continuation {
    match e {
        AuthInputError::Cancelled => Continuation::Cancelled,
        AuthInputError::Malformed => Continuation::Malformed,
    }
}
