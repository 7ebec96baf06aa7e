//! `sluis.toml`: one typed configuration, loaded once and shared as an
//! immutable snapshot (`Arc<Config>`). Every limit has an explicit default
//! here, in one place, so no call site invents its own. Unknown keys are
//! errors: a typo must not silently fall back to a default.
//!
//! Secrets (none live here today beyond file paths) are never printed.
//!
//! One file per group of sections (`listen`, `sections`, `delivery`,
//! `pickup`, `crypto`), all re-exported here. The config is part of the
//! bottom layer: it imports no stage; the stages take their settings from
//! it (and re-export the ones they are known by, e.g. `crypto::CryptoConfig`).

mod crypto;
mod delivery;
mod listen;
mod overview;
mod pickup;
mod sections;

pub use crypto::{
    CryptoConfig, Method, SigningConfig, SmimeCipher, WkdConfig, DEFAULT_PROTECTED_SUBJECT,
};
pub use delivery::{
    DeliveryConfig, DnssecMode, InsecureMxPolicy, MxSecurityConfig, RelayHost, RelayTls,
    RouteCheckUnknown, ServedConfirmation, MTA_STS_MAX_POLICY_BYTES, MTA_STS_TIMEOUT_SECS,
    SYSTEM_CA_BUNDLE,
};
pub use listen::{
    BareNewline, FromHeaderCheck, Limits, Listener, ListenerTls, ServerConfig, TlsConfig,
};
pub use overview::OverviewConfig;
pub use pickup::{BlobStorage, DkimAlgorithm, DkimKeyConfig, PickupConfig, SmsMode};
pub use sections::{
    AuditConfig, InspectConfig, LogConfig, LogFormat, MetricsConfig, PolicyConfig, SpoolConfig,
    StoreConfig, TenantConfig,
};

use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::path::{Path, PathBuf};

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
    /// MX delivery: DNSSEC, DANE, MTA-STS (see `delivery::mx`).
    pub mx: MxSecurityConfig,
    pub policy: PolicyConfig,
    pub tenant: TenantConfig,
    pub log: LogConfig,
    pub audit: AuditConfig,
    pub pickup: PickupConfig,
    pub crypto: CryptoConfig,
    /// `/metrics`, `/healthz`, `/readyz` (off unless `listen` is set).
    pub metrics: MetricsConfig,
    /// The practice overview on the portal's listener (`/beheer`).
    pub overview: OverviewConfig,
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
        self.metrics.validate().map_err(ConfigError::Invalid)?;
        self.overview.validate().map_err(ConfigError::Invalid)?;
        let p = &self.pickup;
        if p.blob_chunk_bytes < 4096 || p.blob_chunk_bytes > 256 * 1024 * 1024 {
            return bad("pickup.blob_chunk_bytes must be 4096..=268435456");
        }
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

    #[test]
    fn metrics_are_off_by_default_and_loopback_unless_allowed() {
        assert!(Config::default().metrics.listen.is_none());
        let c: Config = toml::from_str("[metrics]\nlisten = \"0.0.0.0:9187\"\n").unwrap();
        assert!(c.validate().is_err());
        let c: Config =
            toml::from_str("[metrics]\nlisten = \"0.0.0.0:9187\"\nallow_remote = true\n").unwrap();
        c.validate().unwrap();
        let c: Config = toml::from_str("[metrics]\nlisten = \"127.0.0.1:9187\"\n").unwrap();
        c.validate().unwrap();
    }
}
