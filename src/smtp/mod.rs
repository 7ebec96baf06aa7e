//! Submission stage: the SMTP server a practice's mail clients talk to.
//!
//! Promises: every reply a person may see is Dutch first, then English;
//! nothing a client sends can crash or hang the server; a message is only
//! answered "250" after the `Backend` has made it durable.
//!
//! The session talks to the rest of Sluis only through [`Backend`], so the
//! state machine is tested in memory with a fake backend.
//!
//! Wiring (main.rs):
//! ```text
//! let tls = smtp::load_or_generate_tls(&config.tls, &config.server.hostname)?;
//! smtp::serve(config, Some(tls), backend, audit, shutdown_rx).await?;
//! ```
//! `serve` binds `server.listeners`; tests bind port 0 themselves and call
//! `serve_listeners`. Both return after `shutdown` turns `true` and every
//! session has ended.
//!
//! Files: `session` (state machine, command loop), `session_envelope`
//! (MAIL/RCPT, relay rules), `session_data` (DATA), `session_auth` (AUTH),
//! `data` (pure DATA reader: dot-unstuffing, smuggling defence, Received),
//! `auth` (pure AUTH decoding, per-IP failure limiter), `conn` (plain/TLS
//! stream, input buffer), `reply` (every reply text), `server` (listeners,
//! connection limits, shutdown), `tls` (certificate loading/generation).

pub mod auth;
pub mod conn;
pub mod data;
pub mod reply;
pub mod server;
pub mod session;
mod session_auth;
mod session_data;
mod session_envelope;
#[cfg(test)]
mod session_tests;
#[cfg(test)]
mod testkit;
pub mod tls;

pub use server::{bind_listeners, serve, serve_listeners};
pub use session::{Session, SessionContext, State};
pub use tls::load_or_generate_tls;

use std::future::Future;
use std::net::IpAddr;

/// An SMTP reply: the one status type of Sluis ([`SmtpStatus`]), which
/// delivery also reads from the next hop and hands to the DSN. The server
/// always sets an enhanced code.
pub use crate::types::SmtpStatus as Reply;

/// A client that authenticated with SMTP AUTH.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthenticatedUser {
    pub account: String,
    pub tenant: String,
}

/// What the session hands over after the final dot of DATA.
#[derive(Clone, Debug)]
pub struct Submission {
    pub mail_from: String,
    pub recipients: Vec<String>,
    pub client_ip: IpAddr,
    pub helo: String,
    pub auth: Option<AuthenticatedUser>,
    /// The practice: the account's tenant, or `server.trusted_tenant` for a
    /// client on a trusted network.
    pub tenant: String,
    pub smtputf8: bool,
    pub body_8bit: bool,
    /// e.g. `TLSv1.3`; `None` for a clear-text session.
    pub tls_version: Option<String>,
}

/// The rest of Sluis, as the SMTP session sees it.
pub trait Backend: Send + Sync + 'static {
    /// Check a username and password. `Ok(None)` means wrong credentials;
    /// `Err` is a temporary problem (store down) shown to the client as 454.
    fn authenticate(
        &self,
        username: &str,
        password: &str,
    ) -> impl Future<Output = Result<Option<AuthenticatedUser>, Reply>> + Send;

    /// May this authenticated user use `mail_from` as envelope sender?
    fn may_send_as(
        &self,
        user: &AuthenticatedUser,
        mail_from: &str,
    ) -> impl Future<Output = bool> + Send;

    /// The whole message is in: inspect, decide per recipient, spool
    /// durably. `Ok` carries the 250 reply, `Err` a 4xx/5xx for the client.
    fn submit(
        &self,
        submission: Submission,
        message: Vec<u8>,
    ) -> impl Future<Output = Result<Reply, Reply>> + Send;

    /// The store every node of a cluster shares, when failed AUTH attempts
    /// are to be counted there (PostgreSQL); `None` (the default): each
    /// process counts its own.
    fn auth_store(&self) -> Option<crate::store::Store> {
        None
    }
}
