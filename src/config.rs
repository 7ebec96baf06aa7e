//! `sluis.toml`: one typed configuration, loaded once and shared as an
//! immutable snapshot (`Arc<Config>`). Every limit has an explicit default
//! here, in one place, so no call site invents its own. Unknown keys are
//! errors: a typo must not silently fall back to a default.
//!
//! Secrets (none live here today beyond file paths) are never printed.

use ipnet::IpNet;
use serde::{Deserialize, Serialize};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{0}")]
    Invalid(String),
}

/// The whole configuration.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub server: ServerConfig,
    pub tls: TlsConfig,
    pub limits: Limits,
    pub inspect: InspectConfig,
    pub spool: SpoolConfig,
    pub store: StoreConfig,
    pub delivery: DeliveryConfig,
    /// MX delivery: DNSSEC, DANE, MTA-STS (see `delivery::mx::plan`).
    pub mx: crate::delivery::mx::plan::MxSecurityConfig,
    pub policy: PolicyConfig,
    pub tenant: TenantConfig,
    pub log: LogConfig,
    pub audit: AuditConfig,
    pub pickup: PickupConfig,
    pub crypto: crate::crypto::CryptoConfig,
}

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
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig {
            url: "sqlite://data/sluis.db".into(),
            max_connections: 8,
        }
    }
}

/// Security of the hop to a relay host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelayTls {
    /// STARTTLS must succeed and the certificate must verify (PKIX + name).
    Verify,
    /// STARTTLS must succeed; certificate not verified.
    Required,
    /// Use STARTTLS when offered, otherwise clear text.
    Opportunistic,
    /// Never STARTTLS (a loopback test sink).
    None,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelayHost {
    pub host: String,
    pub port: u16,
    #[serde(default = "default_relay_tls")]
    pub tls: RelayTls,
    /// Extra CA certificates (PEM) trusted for `tls = "verify"`.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
}

fn default_relay_tls() -> RelayTls {
    RelayTls::Verify
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeliveryConfig {
    /// Send through this smarthost what it can carry (its TLS meets the
    /// recipient's transport requirement); the rest goes to the MX hosts
    /// (`mx_enabled`). Without it, everything goes to the MX hosts.
    pub relay: Option<RelayHost>,
    /// Parallel connections per destination (relay host or domain).
    pub concurrency_per_destination: usize,
    /// Messages sent over one connection before it is closed.
    pub max_messages_per_connection: u32,
    /// An idle pooled connection is closed after this long.
    pub idle_connection_secs: u64,
    pub connect_timeout_secs: u64,
    /// Timeout for each reply of the remote server.
    pub command_timeout_secs: u64,
    /// After DATA's final dot, the remote may take long (its own scan).
    pub data_timeout_secs: u64,
    /// First retry after this long; doubles each time up to `retry_max_secs`.
    pub retry_initial_secs: u64,
    pub retry_max_secs: u64,
    /// Give up and send a DSN after this long. Default 5 days.
    pub max_lifetime_secs: u64,
    /// Name used in EHLO to the next hop (defaults to server.hostname).
    pub helo_name: Option<String>,
    /// Most lines in one reply of a remote server (each line and the whole
    /// reply are also capped at 4096 bytes); more is a temporary failure.
    pub max_reply_lines: usize,
    /// Messages being delivered at once, over all destinations.
    pub max_parallel_deliveries: usize,
    /// Most bytes of the original header returned in a DSN.
    pub dsn_max_header_bytes: usize,
    /// Deliver to the recipients' MX hosts (with DANE/MTA-STS) when the
    /// relay host cannot meet a recipient's transport requirement, or when
    /// there is no relay host. Off: such recipients wait in the queue.
    pub mx_enabled: bool,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig {
            relay: None,
            concurrency_per_destination: 20,
            max_messages_per_connection: 1000,
            idle_connection_secs: 10,
            connect_timeout_secs: 30,
            command_timeout_secs: 300,
            data_timeout_secs: 600,
            retry_initial_secs: 300,
            retry_max_secs: 4 * 3600,
            max_lifetime_secs: 5 * 24 * 3600,
            helo_name: None,
            max_reply_lines: 256,
            max_parallel_deliveries: 128,
            dsn_max_header_bytes: 64 * 1024,
            mx_enabled: true,
        }
    }
}

impl DeliveryConfig {
    pub fn connect_timeout(&self) -> Duration {
        Duration::from_secs(self.connect_timeout_secs)
    }
    pub fn command_timeout(&self) -> Duration {
        Duration::from_secs(self.command_timeout_secs)
    }
    pub fn data_timeout(&self) -> Duration {
        Duration::from_secs(self.data_timeout_secs)
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
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            level: "info".into(),
        }
    }
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

/// Where parked (encrypted) messages are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlobStorage {
    /// One file per message in `pickup.blob_dir` (fsynced).
    File,
    /// In the database (`pickup_blobs`), for several nodes without shared disk.
    Database,
}

/// How one-time codes reach a phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmsMode {
    /// Demo and tests: each SMS is written as a file in `sms_file_dir`.
    File,
    /// A generic HTTP SMS provider API.
    Http,
}

/// Secure pickup: parked mail, notification, codes, sessions, portal.
#[derive(Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PickupConfig {
    /// Address the portal listens on (HTTPS with the `[tls]` certificate).
    pub listen: SocketAddr,
    /// Portal connections served at once; more wait in the listen backlog.
    pub max_connections: usize,
    pub handshake_timeout_secs: u64,
    /// A client must send a request's headers within this time.
    pub header_read_timeout_secs: u64,
    /// Public base URL of the portal, used in links (no trailing slash).
    pub base_url: String,
    pub blob_storage: BlobStorage,
    pub blob_dir: PathBuf,
    /// HMAC key for signed revoke links and code hashes (32 random bytes,
    /// created with mode 0600 when missing).
    pub server_key_file: PathBuf,
    /// A parked message is deleted (crypto-shredded) after this many days.
    pub expiry_days: u64,
    /// Largest message that may be parked, in bytes.
    pub max_message_size: u64,
    pub code_digits: u32,
    pub code_ttl_secs: u64,
    /// Wrong entries allowed for one code; the code is dead after that.
    pub code_max_attempts: u32,
    /// Rate-limit window for the three limits below.
    pub rate_window_secs: u64,
    pub max_codes_per_link: u32,
    /// Codes one link may get over its whole life (default 10). Then the
    /// link is locked (closed, audited as `pickup-locked`) and the sender
    /// is told by mail: with `code_max_attempts` tries per code this caps
    /// the guesses on one link at their product (50 by default).
    pub max_codes_per_link_lifetime: u32,
    pub max_codes_per_address: u32,
    /// Code requests plus code entries from one IP address per window.
    pub max_requests_per_ip: u32,
    pub session_idle_secs: u64,
    /// A session ends after this long even when in use.
    pub session_max_secs: u64,
    /// Practice name and contact shown in mails and on the portal.
    pub practice_name: String,
    pub practice_contact: String,
    /// Sender of notifications, code mails and notices to the sender.
    pub notify_from: String,
    /// Show the original subject in the notification (off: it may hold health data).
    pub notify_show_subject: bool,
    /// Transport requirement for the mails pickup sends (notifications,
    /// code mails, notices). They hold no patient data, but a link and a
    /// code are worth protecting: STARTTLS by default.
    pub notification_transport: crate::types::TransportRequirement,
    /// Send the sender a confirmation with a revoke link when parking.
    pub sender_confirmation: bool,
    /// Tell the sender when the message is first opened.
    pub notify_sender_on_open: bool,
    pub max_reply_size: u64,
    pub max_reply_attachments: usize,
    /// How often the expiry sweeper runs.
    pub sweep_interval_secs: u64,
    pub sms_mode: SmsMode,
    pub sms_file_dir: PathBuf,
    /// Provider endpoint, e.g. `https://sms.example/api/send`.
    pub sms_http_url: String,
    /// Full header line sent with each request, e.g. `Authorization: Bearer ...`
    /// (a secret: never printed).
    pub sms_http_auth_header: String,
    /// Request body; `{to}` and `{text}` are replaced (JSON-escaped when
    /// the content type is JSON, form-encoded otherwise).
    pub sms_http_body_template: String,
    pub sms_http_content_type: String,
    pub sms_http_timeout_secs: u64,
    /// DKIM keys for the mails pickup sends, one per tenant.
    pub dkim: Vec<DkimKeyConfig>,
    /// Demo mode: create an Ed25519 DKIM key (and its DNS record, beside it
    /// as `<tenant>.dns.txt`) in `dkim_dir` for a tenant without one.
    pub dkim_generate: bool,
    pub dkim_dir: PathBuf,
    pub dkim_selector: String,
}

/// DKIM signing algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DkimAlgorithm {
    Ed25519,
    Rsa,
}

/// One tenant's DKIM key (PKCS#8 PEM; RSA may also be PKCS#1).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimKeyConfig {
    pub tenant: String,
    pub domain: String,
    pub selector: String,
    pub key_file: PathBuf,
    pub algorithm: DkimAlgorithm,
}

impl Default for PickupConfig {
    fn default() -> Self {
        PickupConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 8443)),
            max_connections: 1000,
            handshake_timeout_secs: 10,
            header_read_timeout_secs: 30,
            base_url: "https://localhost:8443".into(),
            blob_storage: BlobStorage::File,
            blob_dir: "data/pickup".into(),
            server_key_file: "data/pickup-server.key".into(),
            expiry_days: 30,
            max_message_size: 50 * 1024 * 1024,
            code_digits: 6,
            code_ttl_secs: 300,
            code_max_attempts: 5,
            rate_window_secs: 3600,
            max_codes_per_link: 5,
            max_codes_per_link_lifetime: 10,
            max_codes_per_address: 10,
            max_requests_per_ip: 60,
            session_idle_secs: 900,
            session_max_secs: 8 * 3600,
            practice_name: "Huisartsenpraktijk".into(),
            practice_contact: "".into(),
            notify_from: "no-reply@sluis.localdomain".into(),
            notify_show_subject: false,
            notification_transport: crate::types::TransportRequirement::Tls,
            sender_confirmation: true,
            notify_sender_on_open: true,
            max_reply_size: 25 * 1024 * 1024,
            max_reply_attachments: 10,
            sweep_interval_secs: 60,
            sms_mode: SmsMode::File,
            sms_file_dir: "data/sms".into(),
            sms_http_url: "".into(),
            sms_http_auth_header: "".into(),
            sms_http_body_template: r#"{"to":"{to}","text":"{text}"}"#.into(),
            sms_http_content_type: "application/json".into(),
            sms_http_timeout_secs: 10,
            dkim: vec![],
            dkim_generate: true,
            dkim_dir: "data/dkim".into(),
            dkim_selector: "sluis".into(),
        }
    }
}

impl std::fmt::Debug for PickupConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PickupConfig")
            .field("listen", &self.listen)
            .field("base_url", &self.base_url)
            .field("blob_storage", &self.blob_storage)
            .field("expiry_days", &self.expiry_days)
            .field("sms_mode", &self.sms_mode)
            .field("sms_http_url", &self.sms_http_url)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Load and validate a config file; relative paths in it are taken
    /// relative to the file's folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        if let Some(base) = path.parent() {
            config.resolve_paths(base);
        }
        config.validate()?;
        Ok(config)
    }

    fn resolve_paths(&mut self, base: &Path) {
        let fix = |p: &mut PathBuf| {
            if p.is_relative() && !base.as_os_str().is_empty() {
                *p = base.join(&*p);
            }
        };
        fix(&mut self.tls.certificate);
        fix(&mut self.tls.private_key);
        fix(&mut self.spool.dir);
        fix(&mut self.policy.dir);
        fix(&mut self.pickup.blob_dir);
        fix(&mut self.pickup.server_key_file);
        fix(&mut self.pickup.sms_file_dir);
        fix(&mut self.pickup.dkim_dir);
        for k in self.pickup.dkim.iter_mut() {
            fix(&mut k.key_file);
        }
        if let Some(relay) = self.delivery.relay.as_mut() {
            if let Some(ca) = relay.ca_file.as_mut() {
                fix(ca);
            }
        }
        for p in [
            self.mx.trust_anchor.as_mut(),
            self.mx.ca_file.as_mut(),
            self.mx.system_ca_file.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            fix(p);
        }
        if let Some(rest) = self.store.url.strip_prefix("sqlite://") {
            let p = Path::new(rest);
            if p.is_relative() && !base.as_os_str().is_empty() {
                self.store.url = format!("sqlite://{}", base.join(p).display());
            }
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.audit.max_backlog_events == 0 || self.audit.retry_initial_ms == 0 {
            return Err(ConfigError::Invalid(
                "audit.max_backlog_events and audit.retry_initial_ms must be > 0".into(),
            ));
        }
        if let Some(r) = &self.audit.names_recipient {
            if r.parse::<age::x25519::Recipient>().is_err() {
                return Err(ConfigError::Invalid(
                    "audit.names_recipient must be an age public key (age1...)".into(),
                ));
            }
        }
        let l = &self.limits;
        let bad = |m: &str| Err(ConfigError::Invalid(m.to_string()));
        if l.max_message_size == 0 {
            return bad("limits.max_message_size must be > 0");
        }
        if l.max_recipients == 0 {
            return bad("limits.max_recipients must be > 0");
        }
        if l.max_line_length < 512 {
            return bad("limits.max_line_length must be at least 512 (RFC 5321)");
        }
        if l.max_connections == 0 || l.max_connections_per_ip == 0 {
            return bad("limits.max_connections and max_connections_per_ip must be > 0");
        }
        if self.server.listeners.is_empty() {
            return bad("server.listeners is empty: Sluis would accept no mail");
        }
        if self.delivery.concurrency_per_destination == 0 {
            return bad("delivery.concurrency_per_destination must be > 0");
        }
        if self.delivery.max_parallel_deliveries == 0 || self.delivery.max_reply_lines == 0 {
            return bad("delivery.max_parallel_deliveries and max_reply_lines must be > 0");
        }
        if self.delivery.retry_initial_secs == 0 {
            return bad("delivery.retry_initial_secs must be > 0");
        }
        let p = &self.pickup;
        if !(6..=10).contains(&p.code_digits) {
            return bad("pickup.code_digits must be 6..=10");
        }
        if p.code_max_attempts == 0 || p.code_ttl_secs == 0 || p.expiry_days == 0 {
            return bad("pickup.code_max_attempts, code_ttl_secs and expiry_days must be > 0");
        }
        if p.max_codes_per_link_lifetime == 0 {
            return bad("pickup.max_codes_per_link_lifetime must be > 0");
        }
        if p.max_connections == 0
            || p.handshake_timeout_secs == 0
            || p.header_read_timeout_secs == 0
        {
            return bad("pickup.max_connections, handshake_timeout_secs and header_read_timeout_secs must be > 0");
        }
        if p.session_idle_secs == 0 || p.rate_window_secs == 0 || p.sweep_interval_secs == 0 {
            return bad(
                "pickup.session_idle_secs, rate_window_secs and sweep_interval_secs must be > 0",
            );
        }
        Ok(())
    }

    pub fn is_trusted(&self, ip: IpAddr) -> bool {
        self.server.trusted_networks.iter().any(|n| n.contains(&ip))
    }

    pub fn helo_name(&self) -> &str {
        self.delivery
            .helo_name
            .as_deref()
            .unwrap_or(&self.server.hostname)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_validate_and_message_size_is_50_mib() {
        let c = Config::default();
        c.validate().unwrap();
        assert_eq!(c.limits.max_message_size, 52_428_800);
        assert_eq!(c.delivery.max_lifetime_secs, 432_000);
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = toml::from_str::<Config>("[limits]\nmax_mesage_size = 1\n").unwrap_err();
        assert!(err.to_string().contains("max_mesage_size"), "{err}");
    }

    #[test]
    fn trusted_networks_match_by_cidr() {
        let c: Config = toml::from_str("[server]\ntrusted_networks = [\"127.0.0.0/8\"]\n").unwrap();
        assert!(c.is_trusted("127.1.2.3".parse().unwrap()));
        assert!(!c.is_trusted("10.0.0.1".parse().unwrap()));
    }
}
