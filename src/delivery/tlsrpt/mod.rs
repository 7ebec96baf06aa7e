//! TLS reporting (RFC 8460): result types and policy descriptions
//! (`result`), the in-memory per-day counters fed by MX delivery (`day`),
//! the store rows with the daily aggregate report (`store`), and the daily
//! sending of those reports to each policy domain's `rua` (`send`).
//!
//! Promises: counts only, never addresses or content. Layout without
//! cycles: `day` and `store` both import `result`, never each other; `send`
//! imports all three. May import: `crate::store`, `crate::types`,
//! `crate::net` (DNS, HTTP; `send` only) and the shared [`Journal`] of
//! `delivery/mod.rs`. Never another delivery folder.
//!
//! [`Journal`]: crate::delivery::Journal

pub mod day;
pub mod result;
pub mod send;
pub mod store;

pub use result::{handshake_failure_type, parse_txt, PolicyKind, Recorder, ResultType};
