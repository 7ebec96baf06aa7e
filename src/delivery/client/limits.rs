//! The bounds of one SMTP client connection (from `[delivery]`) and the
//! ways a connection fails. A failure means the connection must be
//! dropped; remote rejections are replies, not errors.

use super::wire::ReplyError;
use std::net::SocketAddr;
use std::time::Duration;

/// Time and size bounds for one connection.
#[derive(Clone, Copy, Debug)]
pub struct ClientLimits {
    pub connect_timeout: Duration,
    /// For each reply and each command write.
    pub command_timeout: Duration,
    /// For writing the body and reading the reply to the final dot.
    pub data_timeout: Duration,
    /// Most lines in one reply.
    pub max_reply_lines: usize,
}

impl ClientLimits {
    pub fn from_config(c: &crate::config::DeliveryConfig) -> Self {
        ClientLimits {
            connect_timeout: c.connect_timeout(),
            command_timeout: c.command_timeout(),
            data_timeout: c.data_timeout(),
            max_reply_lines: c.max_reply_lines,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("verbinden met {addr} mislukt / connecting to {addr} failed: {source}")]
    Connect {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("time-out bij {0} / timed out during {0}")]
    Timeout(&'static str),
    #[error("verbinding verbroken / connection lost: {0}")]
    Io(#[from] std::io::Error),
    #[error("verbinding gesloten door server / connection closed by server")]
    Closed,
    #[error("{0}")]
    Reply(#[from] ReplyError),
    #[error("server weigert {stage} / server refused {stage}: {reply}")]
    Refused { stage: &'static str, reply: String },
    #[error("server biedt geen STARTTLS aan / server does not offer STARTTLS")]
    NoStartTls,
    #[error("TLS-handshake mislukt / TLS handshake failed: {0}")]
    Tls(std::io::Error),
    #[error(
        "server stuurde gegevens vóór de TLS-handshake / server sent data before the TLS handshake"
    )]
    StartTlsInjection,
    #[error("hergebruikte verbinding was gesloten / reused connection was gone: {0}")]
    Stale(String),
}
