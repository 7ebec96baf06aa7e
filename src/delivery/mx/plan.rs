//! From a mail domain to the list of MX targets with the security level
//! each one must meet: MX (null/implicit MX), address records, TLSA per
//! RFC 7672 (CNAME-aware) and the MTA-STS policy. Used by MX delivery
//! and by `delivery check`.
//!
//! Promises: TLSA is looked up only for MX hosts whose MX RRset and
//! address records are DNSSEC-secure, at the CNAME target first and then
//! at the original name; a failed TLSA lookup marks that MX `Skip`, not
//! "no TLSA"; a failed MX lookup is a temporary [`PlanError`]. The level
//! per MX comes from [`plan_mx`] (pure).

pub use crate::config::{DnssecMode, MxSecurityConfig};
use crate::delivery::tls_policy::levels::{plan_mx, MxPlan, SkipReason, TlsaFinding};
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tls_policy::mta_sts_fetch::{lookup_policy, FetchOptions, StsLookup};
use crate::net::dns::{Dns, DnsError, MxAnswer, Security};
use std::net::IpAddr;
use std::time::Duration;

/// The MTA-STS fetch options of the `[mx]` section (the config itself
/// names no delivery type).
pub trait MxFetchOptions {
    /// `https_port` is 443 except in tests.
    fn fetch_options(&self, https_port: u16) -> FetchOptions;
}

impl MxFetchOptions for MxSecurityConfig {
    fn fetch_options(&self, https_port: u16) -> FetchOptions {
        FetchOptions {
            https_port,
            timeout: Duration::from_secs(self.mta_sts_timeout_secs),
            max_body: self.mta_sts_max_policy_bytes,
            extra_ca: self.ca_file.clone(),
            system_ca: self.system_ca_file.clone(),
        }
    }
}

/// One MX host and what delivery to it requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MxTarget {
    pub host: String,
    pub preference: u16,
    pub addrs: Vec<IpAddr>,
    /// Security of the host's address records (with any CNAME chain).
    pub dnssec: Security,
    /// The CNAME target when the host is an alias.
    pub cname: Option<String>,
    pub tlsa: TlsaFinding,
    pub plan: MxPlan,
    /// Reference identifiers for DANE-TA name checks (RFC 7672 §3.2.2).
    pub names: Vec<String>,
    /// Why the address lookup failed, if it did.
    pub error: Option<String>,
}

/// The whole domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainPlan {
    pub domain: String,
    /// Security of the MX RRset (or of its denial for an implicit MX).
    pub mx_security: Security,
    pub sts: StsLookup,
    /// In preference order.
    pub targets: Vec<MxTarget>,
}

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// Try again later.
    #[error("{0}")]
    Dns(#[from] DnsError),
    /// `MX 0 .` (RFC 7505): permanent.
    #[error("null MX: the domain accepts no mail")]
    NullMx,
    /// NXDOMAIN: permanent.
    #[error("domain does not exist")]
    NxDomain,
}

impl PlanError {
    pub fn is_temporary(&self) -> bool {
        matches!(self, PlanError::Dns(_))
    }
}

/// Plan delivery to `domain` on `port` (25 in production).
pub async fn plan_domain(
    dns: &Dns,
    domain: &str,
    port: u16,
    sts_cache: &PolicyCache,
    fetch: &FetchOptions,
) -> Result<DomainPlan, PlanError> {
    let (mx_security, hosts) = match dns.mx(domain).await? {
        MxAnswer::Hosts(rs) | MxAnswer::Implicit(rs) => (rs.security, rs.records),
        MxAnswer::NullMx(_) => return Err(PlanError::NullMx),
        MxAnswer::NxDomain(_) => return Err(PlanError::NxDomain),
    };
    let sts = lookup_policy(dns, domain, sts_cache, fetch).await;
    let policy = match &sts {
        StsLookup::Policy { policy, .. } => Some(policy.clone()),
        _ => None,
    };
    let mut targets = Vec::with_capacity(hosts.len());
    for mx in hosts {
        let mut t = MxTarget {
            host: mx.host.clone(),
            preference: mx.preference,
            addrs: Vec::new(),
            dnssec: Security::Insecure,
            cname: None,
            tlsa: TlsaFinding::Insecure,
            plan: MxPlan::Skip(SkipReason::NotPlanned),
            names: vec![mx.host.clone()],
            error: None,
        };
        let addrs = match dns.addrs(&mx.host).await {
            Ok(a) => a,
            Err(e) => {
                t.plan = MxPlan::Skip(SkipReason::AddressLookup(e.to_string()));
                t.error = Some(e.to_string());
                targets.push(t);
                continue;
            }
        };
        t.addrs = addrs.records.clone();
        t.dnssec = addrs.security;
        if addrs.canonical != addrs.name {
            t.cname = Some(addrs.canonical.clone());
        }
        if mx_security == Security::Secure && addrs.security == Security::Secure {
            let (finding, names) = tlsa_for(dns, port, &mx.host, &addrs.canonical).await;
            t.tlsa = finding;
            t.names = names;
        }
        t.plan = if t.addrs.is_empty() {
            MxPlan::Skip(SkipReason::NoAddress)
        } else {
            plan_mx(
                mx_security,
                addrs.security,
                &t.tlsa,
                policy.as_ref(),
                &mx.host,
            )
        };
        targets.push(t);
    }
    Ok(DomainPlan {
        domain: domain.to_string(),
        mx_security,
        sts,
        targets,
    })
}

/// TLSA for an MX host per RFC 7672 §2.2.2: with a (secure) CNAME, first
/// at the final target, then at the original name. Returns the finding and
/// the reference identifiers for DANE-TA name checks.
pub async fn tlsa_for(
    dns: &Dns,
    port: u16,
    host: &str,
    canonical: &str,
) -> (TlsaFinding, Vec<String>) {
    let mut names = vec![host.to_string()];
    let mut bases = Vec::new();
    if canonical != host {
        names.push(canonical.to_string());
        bases.push(canonical.to_string());
    }
    bases.push(host.to_string());
    let mut last = TlsaFinding::SecureNone;
    for base in bases {
        last = match dns.tlsa(port, &base).await {
            Err(e) => TlsaFinding::Failed(e.to_string()),
            Ok(rs) if rs.security == Security::Bogus => TlsaFinding::Failed("bogus".into()),
            Ok(rs) if rs.security == Security::Insecure => TlsaFinding::Insecure,
            Ok(rs) if !rs.records.is_empty() => TlsaFinding::Secure(rs.records),
            Ok(_) => TlsaFinding::SecureNone,
        };
        if !matches!(last, TlsaFinding::SecureNone) {
            break;
        }
    }
    (last, names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::dns::{TrustAnchorSource, Validation};

    #[test]
    fn config_defaults_and_toml() {
        let c: MxSecurityConfig = toml::from_str(
            "resolver = \"127.0.0.1:53\"\ndnssec = \"trust-ad\"\ndns_timeout_secs = 2\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let d = c.dns_options();
        assert_eq!(d.validation, Validation::TrustAd);
        assert_eq!(d.timeout, Duration::from_secs(2));
        assert_eq!(d.max_txt_bytes, 16 * 1024);
        let d = MxSecurityConfig::default().dns_options();
        assert_eq!(
            d.validation,
            Validation::SelfValidate(TrustAnchorSource::IanaRoot)
        );
        assert_eq!(
            MxSecurityConfig::default().fetch_options(443).max_body,
            65_536
        );
        assert!(toml::from_str::<MxSecurityConfig>("bogus_key = 1").is_err());
    }
}
