//! The one SMTP client of delivery: the reply parser and command writer
//! (`wire`), its bounds and failures (`limits`), the session (`smtp`: greeting, EHLO, STARTTLS, pipelined
//! transactions, RSET, QUIT), one transaction for queued recipients
//! (`transaction`), the connection pool (`pool`), and the STARTTLS probe of
//! `sluis delivery check` (`probe`; a second, minimal SMTP dialogue that
//! sends no mail, still to be folded into `smtp`).
//!
//! Promises: every read is bounded in time and size; TLS configurations come
//! from the caller (built by [`crate::net::tls`]); results per recipient.
//! May import: `crate::net`, `crate::types`, the shared delivery types in
//! `delivery/mod.rs`, and (the probe only) `tls_policy` and `tlsrpt`.
//! Never `queue`, `mx`, `relay` or `check`.

pub mod limits;
pub mod pool;
pub mod probe;
pub mod smtp;
pub mod transaction;
pub mod wire;

pub use limits::{ClientError, ClientLimits};
pub use smtp::{classify, Io, RcptResult, SendOutcome, SmtpClient, TlsSession};
