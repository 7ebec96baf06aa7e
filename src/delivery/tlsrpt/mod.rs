//! TLS reporting (RFC 8460): result types and policy descriptions
//! (`result`), the in-memory per-day counters fed by MX delivery (`day`),
//! and the store rows with the daily aggregate report (`store`).
//!
//! Promises: counts only, never addresses or content. Layout without
//! cycles: `day` and `store` both import `result`, never each other. May
//! import: `crate::store`, `crate::types`. Never another delivery folder.

pub mod day;
pub mod result;
pub mod store;

pub use result::{handshake_failure_type, parse_txt, PolicyKind, Recorder, ResultType};
