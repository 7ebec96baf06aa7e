//! `[server]`, `[tls]` and `[limits]`: what the SMTP listeners accept.

use ipnet::IpNet;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// How a listener speaks TLS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListenerTls {
    /// Plain greeting, STARTTLS offered (port 587 style).
    Starttls,
    /// TLS from the first byte (port 465 style).
    Implicit,
    /// No TLS at all; only sensible for trusted networks (e.g. a benchmark).
    None,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listener {
    pub address: SocketAddr,
    pub tls: ListenerTls,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Name in the greeting, EHLO reply and Received header.
    pub hostname: String,
    pub listeners: Vec<Listener>,
    /// Clients from these networks may relay without AUTH (scanners, printers).
    pub trusted_networks: Vec<IpNet>,
    /// Tenant for mail from trusted networks (accounts carry their own).
    pub trusted_tenant: String,
    /// What happens when an authenticated account's message has a `From:`
    /// address the account may not use (its allowed senders, as for MAIL
    /// FROM): `enforce` (default) refuses it with 553 5.7.1; `rewrite`
    /// replaces `From:` by the envelope sender; `off` does not check.
    /// Mail from trusted networks without AUTH is never checked.
    pub from_header_check: FromHeaderCheck,
}

/// See [`ServerConfig::from_header_check`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FromHeaderCheck {
    /// Refuse the message (553 5.7.1, Dutch and English).
    #[default]
    Enforce,
    /// Replace `From:` by the envelope sender.
    #[serde(alias = "rewrite-to-sender")]
    Rewrite,
    /// No check.
    Off,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            hostname: "sluis.localdomain".into(),
            listeners: vec![
                Listener {
                    address: SocketAddr::from(([127, 0, 0, 1], 5870)),
                    tls: ListenerTls::Starttls,
                },
                Listener {
                    address: SocketAddr::from(([127, 0, 0, 1], 4650)),
                    tls: ListenerTls::Implicit,
                },
            ],
            trusted_networks: vec![],
            trusted_tenant: "default".into(),
            from_header_check: FromHeaderCheck::Enforce,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TlsConfig {
    pub certificate: PathBuf,
    pub private_key: PathBuf,
    /// Create a self-signed certificate when the files are missing (demo mode).
    pub generate_self_signed: bool,
}

impl Default for TlsConfig {
    fn default() -> Self {
        TlsConfig {
            certificate: "data/tls/sluis.crt".into(),
            private_key: "data/tls/sluis.key".into(),
            generate_self_signed: true,
        }
    }
}

/// Every limit the server enforces. All explicit, all configurable.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Largest message accepted, in bytes (SIZE). Default 50 MiB.
    pub max_message_size: u64,
    pub max_recipients: usize,
    /// Longest command or text line, in bytes, including CRLF.
    pub max_line_length: usize,
    /// Lines that end in a bare LF (no CR) inside DATA, as scripts,
    /// scanners and Python's smtplib send them: `normalize` (default, as
    /// Postfix 3.9's `smtpd_forbid_bare_newline = normalize`) stores them
    /// with CRLF; `strict` refuses the message with 550 5.6.0. Either way
    /// only `<CR><LF>.<CR><LF>` ends DATA, a bare CR is refused, and every
    /// end-of-data look-alike (`<LF>.<LF>`, `<LF>.<CR><LF>`, `<CR>.<CR>`,
    /// ...) is refused as SMTP smuggling.
    pub bare_newline: BareNewline,
    /// Idle time allowed between commands.
    pub command_timeout_secs: u64,
    /// Time allowed for the whole DATA transfer.
    pub data_timeout_secs: u64,
    pub max_connections: usize,
    pub max_connections_per_ip: usize,
    /// Failed AUTH attempts per client within `auth_failure_window_secs`
    /// before further attempts from it are refused (default 5). A client is
    /// an IPv4 address or an IPv6 /64; an attempt counts from the moment its
    /// password is checked, so parallel sessions cannot exceed the limit.
    pub max_auth_failures_per_ip: u32,
    pub auth_failure_window_secs: u64,
    /// Pause before answering a failed AUTH (slows down password guessing).
    pub auth_failure_delay_millis: u64,
    /// Protocol errors in one session before it is dropped.
    pub max_errors_per_session: u32,
    /// Messages in one session (across RSET/new MAIL FROM).
    pub max_messages_per_session: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_size: 50 * 1024 * 1024,
            max_recipients: 100,
            max_line_length: 4096,
            bare_newline: BareNewline::Normalize,
            command_timeout_secs: 300,
            data_timeout_secs: 600,
            max_connections: 500,
            max_connections_per_ip: 50,
            max_auth_failures_per_ip: 5,
            auth_failure_window_secs: 900,
            auth_failure_delay_millis: 1000,
            max_errors_per_session: 10,
            max_messages_per_session: 1000,
        }
    }
}

impl Limits {
    pub fn command_timeout(&self) -> Duration {
        Duration::from_secs(self.command_timeout_secs)
    }
    pub fn data_timeout(&self) -> Duration {
        Duration::from_secs(self.data_timeout_secs)
    }
}

/// See [`Limits::bare_newline`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BareNewline {
    /// Store a line that ends in a bare LF as if it ended in CRLF.
    #[default]
    Normalize,
    /// Refuse a message with a bare LF (550 5.6.0).
    Strict,
}
