//! `[delivery]` (queue, relay host, SMTP client) and `[mx]` (DNSSEC, DANE,
//! MTA-STS for delivery to MX hosts). Plain settings only: what they
//! become (DNS options here; MTA-STS fetch options, pools) is the stages'
//! business (`delivery::mx::plan::MxFetchOptions`).

use crate::net::dns::{DnsOptions, TrustAnchorSource, Validation};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Where the system's CA bundle usually is (Debian).
pub const SYSTEM_CA_BUNDLE: &str = "/etc/ssl/certs/ca-certificates.crt";
/// Whole MTA-STS policy fetch, by default.
pub const MTA_STS_TIMEOUT_SECS: u64 = 20;
/// Largest MTA-STS policy, by default: RFC 8461 section 3.3 suggests 64 KiB.
pub const MTA_STS_MAX_POLICY_BYTES: usize = 64 * 1024;

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
    /// A recipient whose `deliver` has a fallback and whose transport
    /// requirement keeps failing (TLSA mismatch, no STARTTLS, bogus DNS)
    /// gets its fallback once the message is older than this (default 30
    /// minutes), instead of a retry until the lifetime ends and a bounce.
    pub fallback_grace_secs: u64,
    /// When the sender gets a confirmation saying how each recipient was
    /// served (delivered directly and verified how, encrypted, secure
    /// link, blocked): `protected` (default: messages where at least one
    /// recipient is encrypted, parked or sent under an authenticated transport
    /// or with a fallback), `all`, or `off`. Sent once every
    /// recipient has its outcome; DSNs for failures come as before.
    pub served_confirmation: ServedConfirmation,
    /// Decide a `deliver` that has a fallback before answering "250": look
    /// the recipient's domain up (MX, TLSA, MTA-STS, NTA 7516 record) and,
    /// when the answers rule the requirement out, take the fallback at once.
    /// Only for recipients that would leave through their MX hosts.
    pub route_check: bool,
    /// The longest one submission waits for those lookups (milliseconds);
    /// past it, the answer counts as unknown.
    pub route_check_timeout_ms: u64,
    /// A lookup that fails or times out is never "cannot": `defer` keeps the
    /// `deliver` (the queue tries, and decides when DNS answers), `pickup`
    /// jumps to the chain's pickup (if it has one; never to a weaker
    /// `deliver`).
    pub route_check_unknown: RouteCheckUnknown,
    /// Longest time a verdict is cached (in the store, so it survives a
    /// restart), whatever the TTLs of its DNS answers say.
    pub route_cache_max_secs: u64,
    /// Cache time of a verdict that rests on a negative answer (NXDOMAIN,
    /// NODATA), whose own TTL is not kept; also capped by the TTLs of the
    /// other answers.
    pub route_cache_negative_secs: u64,
}

/// `delivery.route_check_unknown`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RouteCheckUnknown {
    #[default]
    Defer,
    Pickup,
}

/// `delivery.served_confirmation`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServedConfirmation {
    Off,
    #[default]
    Protected,
    All,
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
            fallback_grace_secs: 30 * 60,
            served_confirmation: ServedConfirmation::Protected,
            route_check: true,
            route_check_timeout_ms: 3000,
            route_check_unknown: RouteCheckUnknown::Defer,
            route_cache_max_secs: 3600,
            route_cache_negative_secs: 300,
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

/// How DNSSEC answers are obtained (see `net::dns` for the trade-off).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DnssecMode {
    /// Validate in Sluis from the trust anchor (default).
    Validate,
    /// Believe the AD bit of a validating resolver on this host.
    TrustAd,
}

/// What a DNSSEC-secure TLSA RRset means for an MX host reached through an
/// MX RRset that is not DNSSEC-signed (Postfix
/// `smtp_tls_dane_insecure_mx_policy`; RFC 7672 §2.2.1 allows DANE here).
/// The MX name itself could have been forged, so a host authenticated this
/// way never counts as `dane` for a recipient's transport requirement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InsecureMxPolicy {
    /// Authenticate the host by its TLSA records, as for a secure MX
    /// (Postfix's default at level `dane`): a TLSA mismatch is never
    /// delivered to.
    #[default]
    Dane,
    /// TLS required, the host not authenticated.
    Encrypt,
    /// Ignore the TLSA records (opportunistic TLS).
    May,
}

/// `[mx]`: configuration of MX delivery security, every limit explicit.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MxSecurityConfig {
    /// `ADDR:PORT` of the DNS server; the system resolver when absent.
    pub resolver: Option<SocketAddr>,
    pub dnssec: DnssecMode,
    /// DS/DNSKEY lines; the IANA root KSKs when absent.
    pub trust_anchor: Option<PathBuf>,
    pub dns_timeout_secs: u64,
    pub dns_attempts: usize,
    pub max_cname_depth: usize,
    pub max_records: usize,
    pub max_txt_bytes: usize,
    pub mta_sts_timeout_secs: u64,
    pub mta_sts_max_policy_bytes: usize,
    /// Extra CA roots (PEM) for MTA-STS and PKIX, besides the system ones.
    pub ca_file: Option<PathBuf>,
    pub system_ca_file: Option<PathBuf>,
    /// Distinct failure rows kept per policy in a TLS-RPT report.
    pub tlsrpt_max_failure_rows: usize,
    /// SMTP port of MX hosts (25; other values only for tests). TLSA is
    /// looked up for this port.
    pub smtp_port: u16,
    /// HTTPS port for MTA-STS policy fetches (443; tests only otherwise).
    pub mta_sts_https_port: u16,
    /// Connection pools (one per MX address and level) kept at most;
    /// unused ones are dropped beyond this.
    pub max_pools: usize,
    /// Bytes of the message header searched for `TLS-Required:`.
    pub max_header_scan_bytes: usize,
    /// DANE for a host in a signed zone named by an insecure MX RRset.
    pub dane_insecure_mx_policy: InsecureMxPolicy,
    /// Send the daily TLS-RPT reports (RFC 8460) to the `rua` of each
    /// policy domain Sluis delivered to (mail through the pipeline, or an
    /// HTTPS POST).
    pub tlsrpt_send: bool,
    /// Sender of report mails; `tls-reports@<server.hostname>` when absent.
    pub tlsrpt_from: Option<String>,
    /// `organization-name` of the reports; `server.hostname` when absent.
    pub tlsrpt_organization: Option<String>,
    /// `contact-info` of the reports; the sender address when absent.
    pub tlsrpt_contact: Option<String>,
    /// How often Sluis looks for finished days with unsent reports.
    pub tlsrpt_check_secs: u64,
    /// The first look after start-up.
    pub tlsrpt_first_check_secs: u64,
    /// A report not sent within this many days (no answer from DNS, every
    /// destination failing) is dropped.
    pub tlsrpt_send_days: u32,
    /// Whole HTTPS upload of one report.
    pub tlsrpt_https_timeout_secs: u64,
}

impl Default for MxSecurityConfig {
    fn default() -> Self {
        let dns = DnsOptions::default();
        MxSecurityConfig {
            resolver: None,
            dnssec: DnssecMode::Validate,
            trust_anchor: None,
            dns_timeout_secs: dns.timeout.as_secs(),
            dns_attempts: dns.attempts,
            max_cname_depth: dns.max_cname_depth,
            max_records: dns.max_records,
            max_txt_bytes: dns.max_txt_bytes,
            mta_sts_timeout_secs: MTA_STS_TIMEOUT_SECS,
            mta_sts_max_policy_bytes: MTA_STS_MAX_POLICY_BYTES,
            ca_file: None,
            system_ca_file: Some(PathBuf::from(SYSTEM_CA_BUNDLE)),
            tlsrpt_max_failure_rows: 1000,
            smtp_port: 25,
            mta_sts_https_port: 443,
            max_pools: 10_000,
            max_header_scan_bytes: 64 * 1024,
            dane_insecure_mx_policy: InsecureMxPolicy::Dane,
            tlsrpt_send: true,
            tlsrpt_from: None,
            tlsrpt_organization: None,
            tlsrpt_contact: None,
            tlsrpt_check_secs: 3600,
            tlsrpt_first_check_secs: 60,
            tlsrpt_send_days: 3,
            tlsrpt_https_timeout_secs: 30,
        }
    }
}

impl MxSecurityConfig {
    pub fn dns_options(&self) -> DnsOptions {
        DnsOptions {
            upstream: self.resolver,
            validation: match (self.dnssec, &self.trust_anchor) {
                (DnssecMode::TrustAd, _) => Validation::TrustAd,
                (DnssecMode::Validate, Some(p)) => {
                    Validation::SelfValidate(TrustAnchorSource::File(p.clone()))
                }
                (DnssecMode::Validate, None) => {
                    Validation::SelfValidate(TrustAnchorSource::IanaRoot)
                }
            },
            timeout: Duration::from_secs(self.dns_timeout_secs),
            attempts: self.dns_attempts,
            max_cname_depth: self.max_cname_depth,
            max_records: self.max_records,
            max_txt_bytes: self.max_txt_bytes,
        }
    }
}
