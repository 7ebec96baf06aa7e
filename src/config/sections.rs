//! The small sections: `[inspect]`, `[spool]`, `[store]`, `[policy]`,
//! `[tenant]`, `[log]`, `[audit]` and `[metrics]`.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Bounds for the inspect stage. Hitting any of them makes the report
/// unscannable (fail closed), never clean.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InspectConfig {
    /// Deepest nesting of MIME parts, message/rfc822 and archives.
    pub max_depth: u32,
    /// Most MIME parts plus archive members in one message.
    pub max_parts: u32,
    /// Most bytes of text extracted from one message.
    pub max_extracted_bytes: u64,
    /// Largest decompressed/compressed ratio accepted for one archive member.
    pub max_decompression_ratio: u64,
    /// Wall time allowed to scan one message, in milliseconds.
    pub max_scan_millis: u64,
    /// Messages scanned at once by the server, each on the blocking pool
    /// (never on the async runtime, so OCR never delays a greeting). More
    /// wait for a slot; their scan time starts when they get one.
    pub max_parallel_scans: usize,
    /// OCR (tesseract) processes one scan runs at once.
    pub ocr_parallel: usize,
    /// Longest one OCR run may take, in milliseconds (also bounded by
    /// what is left of `max_scan_millis`).
    pub max_ocr_millis: u64,
}

impl Default for InspectConfig {
    fn default() -> Self {
        InspectConfig {
            max_depth: 16,
            max_parts: 2000,
            max_extracted_bytes: 200 * 1024 * 1024,
            max_decompression_ratio: 200,
            max_scan_millis: 20_000,
            max_parallel_scans: 2,
            ocr_parallel: 2,
            max_ocr_millis: 30_000,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpoolConfig {
    pub dir: PathBuf,
    /// A spool segment is closed and a new one started past this size.
    pub segment_size: u64,
    /// Most messages committed by one fsync.
    pub group_commit_max_batch: usize,
    /// Only for throwaway test rigs: skip fsync. Never the default.
    pub unsafe_no_fsync: bool,
}

impl Default for SpoolConfig {
    fn default() -> Self {
        SpoolConfig {
            dir: "data/spool".into(),
            segment_size: 64 * 1024 * 1024,
            group_commit_max_batch: 256,
            unsafe_no_fsync: false,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoreConfig {
    /// `sqlite://path` (created if missing) or `postgres://...`.
    pub url: String,
    pub max_connections: u32,
    /// `sluis run` brings the schema up to date at start (default). With
    /// `false` it only checks, and refuses to start until `sluis migrate`
    /// ran (for operators who migrate a cluster's database by hand).
    pub migrate_on_start: bool,
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig {
            url: "sqlite://data/sluis.db".into(),
            max_connections: 8,
            migrate_on_start: true,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicyConfig {
    /// Folder with the policy files.
    pub dir: PathBuf,
    /// How often the folder is checked for edited policy files (live reload).
    pub reload_poll_millis: u64,
}

impl Default for PolicyConfig {
    fn default() -> Self {
        PolicyConfig {
            dir: "policies".into(),
            reload_poll_millis: 2000,
        }
    }
}

/// The practice shown to recipients and used in DSNs.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TenantConfig {
    pub name: String,
    pub display_name: String,
    /// Sender address for DSNs and notifications.
    pub postmaster: String,
}

impl Default for TenantConfig {
    fn default() -> Self {
        TenantConfig {
            name: "default".into(),
            display_name: "Huisartsenpraktijk".into(),
            postmaster: "postmaster@sluis.localdomain".into(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// `tracing` filter, e.g. `info` or `sluis=debug`.
    pub level: String,
    /// `text` (one readable line per event) or `json` (one JSON object per
    /// line, for a log collector); `sluis run --log-format` overrides it.
    pub format: LogFormat,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            level: "info".into(),
            format: LogFormat::Text,
        }
    }
}

/// How log lines are written (to standard error).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The audit trail.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditConfig {
    /// Events waiting for the store (it is locked, full or unreachable)
    /// above which new mail gets a 451: Sluis never accepts mail it cannot
    /// audit, and never lets the backlog grow without bound.
    pub max_backlog_events: usize,
    /// Retry of a failed store write: first wait and upper bound.
    pub retry_initial_ms: u64,
    pub retry_max_ms: u64,
    /// The practice's audit key (an age X25519 recipient, `age1...`; the
    /// practice manager keeps the identity off the server). When set, the
    /// name of each downloaded document is recorded encrypted to it, and
    /// `sluis audit pickups --identity FILE` shows it. Unset: only a hash.
    pub names_recipient: Option<String>,
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            max_backlog_events: 20_000,
            retry_initial_ms: 100,
            retry_max_ms: 5_000,
            names_recipient: None,
        }
    }
}

/// `[metrics]`: the `/metrics`, `/healthz` and `/readyz` listener.
///
/// Off by default: it is one more open port, without authentication, and
/// its counts (mail volume per day, pickups) are the practice's business.
/// When on, it must be a loopback address unless `allow_remote` says the
/// operator put it behind a firewall or a scraping proxy on purpose.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MetricsConfig {
    /// e.g. `127.0.0.1:9187`; unset: no listener.
    pub listen: Option<std::net::SocketAddr>,
    /// Accept a non-loopback `listen` address.
    pub allow_remote: bool,
    /// `/readyz` reports the queue stuck once its oldest unfinished message
    /// is this much older than `delivery.max_lifetime_secs` (by then the
    /// queue should have bounced it). Unset: one hour.
    pub stuck_grace_secs: Option<u64>,
}

impl MetricsConfig {
    pub fn stuck_grace_secs(&self) -> u64 {
        self.stuck_grace_secs.unwrap_or(3600)
    }

    pub fn validate(&self) -> Result<(), String> {
        match self.listen {
            Some(a) if !a.ip().is_loopback() && !self.allow_remote => Err(format!(
                "metrics.listen = {a} is not a loopback address; the listener has no \
                 authentication: set metrics.allow_remote = true only behind a firewall"
            )),
            _ => Ok(()),
        }
    }
}
