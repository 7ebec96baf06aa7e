//! The DNS answer types every user of [`super::Dns`] sees, the TLSA record,
//! the options and errors, and the small helpers the backends share. Knows
//! no backend: `ad`, `validating`, `anchors` and `resolver` import from here,
//! never the other way round.

use hickory_resolver::proto::dnssec::Proof;
use hickory_resolver::proto::rr::{Name, Record, RecordType};
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// DNSSEC status of an answer (weakest first, so `min` combines).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    Bogus,
    Insecure,
    Secure,
}

impl Security {
    pub fn as_str(self) -> &'static str {
        match self {
            Security::Bogus => "bogus",
            Security::Insecure => "insecure",
            Security::Secure => "secure",
        }
    }
}

/// Where trust starts in `SelfValidate` mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustAnchorSource {
    /// The IANA root KSKs compiled into hickory.
    IanaRoot,
    /// A file with `DS` or `DNSKEY` lines in zone-file form.
    File(PathBuf),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validation {
    SelfValidate(TrustAnchorSource),
    TrustAd,
}

/// DNS settings; every limit explicit.
#[derive(Clone, Debug)]
pub struct DnsOptions {
    /// `None`: the system resolver configuration (`/etc/resolv.conf`).
    pub upstream: Option<SocketAddr>,
    pub validation: Validation,
    /// Per query attempt.
    pub timeout: Duration,
    pub attempts: usize,
    pub max_cname_depth: usize,
    /// Records kept per answer; more is an error.
    pub max_records: usize,
    /// Total TXT bytes kept per answer; more is an error.
    pub max_txt_bytes: usize,
}

impl Default for DnsOptions {
    fn default() -> Self {
        DnsOptions {
            upstream: None,
            validation: Validation::SelfValidate(TrustAnchorSource::IanaRoot),
            timeout: Duration::from_secs(5),
            attempts: 2,
            max_cname_depth: 8,
            max_records: 100,
            max_txt_bytes: 16 * 1024,
        }
    }
}

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum DnsError {
    /// SERVFAIL, timeout, network trouble, or an answer that could not be
    /// checked: try again later, never treat as "no records".
    #[error("temporary DNS failure for {name} {rtype}: {reason}")]
    Temporary {
        name: String,
        rtype: String,
        reason: String,
    },
    /// An answer came back but DNSSEC validation failed (bogus). Like
    /// `Temporary`, never "no records"; unlike it, an answer that says the
    /// domain cannot be trusted now (a `deliver` fallback may run after
    /// its grace). Only a validating resolver tells this apart: through a
    /// resolver's AD bit a bogus answer is a SERVFAIL, hence `Temporary`.
    #[error("DNSSEC validation failed (bogus) for {name} {rtype}")]
    Bogus { name: String, rtype: String },
    #[error("DNS answer for {name} {rtype} exceeds the limit of {limit}")]
    TooLarge {
        name: String,
        rtype: String,
        limit: usize,
    },
    #[error("invalid DNS name: {0}")]
    BadName(String),
    #[error("DNS configuration: {0}")]
    Config(String),
}

/// A real "no" from DNS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Negative {
    NxDomain,
    NoData,
}

/// An answer: records (possibly none), where they were found, and how
/// trustworthy the whole path to them is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordSet<T> {
    /// The name asked for (lower case, no trailing dot).
    pub name: String,
    /// The name after following CNAMEs (equals `name` without CNAMEs).
    pub canonical: String,
    pub records: Vec<T>,
    pub security: Security,
    /// `Some` when there are no records and DNS said so.
    pub negative: Option<Negative>,
}

/// One MX host with its preference.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Mx {
    pub preference: u16,
    pub host: String,
}

/// The MX answer, after RFC 5321 §5.1 and RFC 7505 rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MxAnswer {
    /// MX hosts, lowest preference first.
    Hosts(RecordSet<Mx>),
    /// No MX: the domain itself is the host (its A/AAAA decides).
    Implicit(RecordSet<Mx>),
    /// `MX 0 .`: the domain accepts no mail.
    NullMx(Security),
    /// The domain does not exist.
    NxDomain(Security),
}

/// What a backend returns for one query: the answer section and the
/// negative status with its security.
pub(crate) struct Raw {
    pub records: Vec<Record>,
    pub negative: Option<Negative>,
    /// Security of a negative answer, or the AD bit in `TrustAd` mode.
    pub security: Security,
    /// `TrustAd` mode: records carry no proofs, `security` covers all.
    pub whole_message: bool,
}

/// One TLSA record (RFC 6698 §2.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Tlsa {
    pub usage: u8,
    pub selector: u8,
    pub matching: u8,
    #[serde(serialize_with = "ser_hex")]
    pub data: Vec<u8>,
}

fn ser_hex<S: serde::Serializer>(d: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex::encode(d))
}

impl Tlsa {
    /// Parse presentation form: `3 1 1 <hex>` (hex may contain spaces).
    pub fn parse(s: &str) -> Option<Tlsa> {
        let mut it = s.split_whitespace();
        let usage = it.next()?.parse().ok()?;
        let selector = it.next()?.parse().ok()?;
        let matching = it.next()?.parse().ok()?;
        let hexdata: String = it.collect();
        let data = hex::decode(hexdata).ok()?;
        Some(Tlsa {
            usage,
            selector,
            matching,
            data,
        })
    }
}

impl fmt::Display for Tlsa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {}",
            self.usage,
            self.selector,
            self.matching,
            hex::encode(&self.data)
        )
    }
}

pub(crate) fn fqdn(name: &str) -> Result<Name, DnsError> {
    let n = name.trim_end_matches('.');
    if n.is_empty() || n.len() > 253 {
        return Err(DnsError::BadName(n.to_string()));
    }
    Name::from_ascii(format!("{n}.")).map_err(|_| DnsError::BadName(n.to_string()))
}

pub(crate) fn name_str(n: &Name) -> String {
    n.to_ascii().trim_end_matches('.').to_ascii_lowercase()
}

pub(crate) fn proof_security(p: Proof) -> Security {
    match p {
        Proof::Secure => Security::Secure,
        Proof::Insecure => Security::Insecure,
        // Indeterminate: no chain could be built either way; fail closed.
        _ => Security::Bogus,
    }
}

pub(crate) fn temp(name: &Name, rtype: RecordType, reason: &str) -> DnsError {
    temp_s(&name_str(name), &rtype.to_string(), reason)
}

pub(crate) fn temp_s(name: &str, rtype: &str, reason: &str) -> DnsError {
    DnsError::Temporary {
        name: name.to_string(),
        rtype: rtype.to_string(),
        reason: reason.to_string(),
    }
}
