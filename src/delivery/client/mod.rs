//! The one SMTP client of delivery: the reply parser and command writer
//! (`wire`), its bounds and failures (`limits`), the session (`smtp`: greeting, EHLO, STARTTLS, pipelined
//! transactions, RSET, QUIT), one transaction for queued recipients
//! (`transaction`) and the connection pool (`pool`). `sluis delivery check`
//! uses it too, through `mx::session`: there is no second SMTP dialogue.
//!
//! Promises: every read is bounded in time and size; TLS configurations come
//! from the caller (built by [`crate::net::tls`]); results per recipient.
//! May import: `crate::net`, `crate::types`, `crate::config` (the limits)
//! and the shared delivery types in `delivery/mod.rs`. Never `queue`, `mx`, `relay`, `check`, `tls_policy` or
//! `tlsrpt`.

pub mod limits;
pub mod pool;
pub mod smtp;
pub mod transaction;
pub mod wire;

pub use limits::{ClientError, ClientLimits};
pub use smtp::{classify, Io, RcptResult, SendOutcome, SmtpClient, TlsSession};
