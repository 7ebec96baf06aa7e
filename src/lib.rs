//! Sluis: a secure e-mail gateway for Dutch healthcare.
//!
//! The modules follow the line a message travels (see docs/architecture.md):
//!
//! ```text
//! smtp -> spool -> inspect -> policy -> route -> delivery | crypto | pickup
//!                                                 store, audit, config
//! ```
//!
//! `types` holds everything that crosses stages.

pub mod accounts;
pub mod audit;
pub mod cli;
pub mod config;
pub mod crypto;
pub mod delivery;
pub mod header;
pub mod health;
pub mod inspect;
pub mod local_time;
pub mod logging;
pub mod metrics;
pub mod net;
pub mod overview;
pub mod pickup;
pub mod pipeline;
pub mod policy;
pub mod private_fs;
pub mod route;
pub mod server;
pub mod smtp;
pub mod spool;
pub mod store;
pub mod types;

/// Current Unix time in milliseconds.
pub fn now_ms() -> i64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
