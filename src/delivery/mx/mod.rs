//! Delivery to the recipients' own mail servers: the per-domain plan
//! (`plan`: MX, addresses, TLSA, MTA-STS, under DNSSEC), the pure rules
//! (`rules`: eligibility, NTA 7516 hosts, RFC 8689 opt-out, reasons), one
//! SMTP session per MX address (`session`: STARTTLS at the MX's level and
//! what it achieved), and the [`MxRoute`] that tries the hosts in order
//! (`deliver`, with the per-host steps in `attempt` and the per-domain
//! state in `run`); before "250", `verdict` says from DNS alone whether a
//! domain can meet a requirement, cached in the store (`verdict_cache`).
//!
//! Promises: a recipient's transport requirement is checked against what
//! the session achieved before `MAIL FROM`; an MX is never used below its
//! own level. May import: `client`, `tls_policy`, `tlsrpt`, `crate::net`,
//! `crate::audit`, `crate::config`, `crate::types`, `crate::store`. Never `queue`, `relay`
//! or `check`.

mod attempt;
pub mod deliver;
pub mod plan;
pub mod rules;
mod run;
pub mod session;
pub mod sts_store;
pub mod verdict;
pub mod verdict_cache;

pub use deliver::MxRoute;
