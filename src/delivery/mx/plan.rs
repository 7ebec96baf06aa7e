//! From a mail domain to the list of MX targets with the security level
//! each one must meet: MX (null/implicit MX), address records, TLSA per
//! RFC 7672 (CNAME-aware) and the MTA-STS policy. Used by MX delivery
//! and by `delivery check`.
//!
//! Promises: TLSA is looked up only for MX hosts whose TLSA base is
//! DNSSEC-secure (RFC 7672 §2.2.2): with a secure alias chain at the CNAME
//! target first, then at the MX name; when the chain leaves the signed
//! zones, at the MX name alone if the first CNAME is secure (as Postfix
//! does). The name the records were found at is kept as the TLSA base
//! domain, which DANE sessions send as SNI (§8.1). Behind an MX RRset
//! that is not signed, TLSA is looked up unless `dane_insecure_mx_policy`
//! is `may`. A failed TLSA lookup marks that MX `Skip`, not "no TLSA"; a
//! failed MX lookup is a temporary [`PlanError`]. The level per MX comes
//! from [`plan_mx`] (pure).

pub use crate::config::{DnssecMode, InsecureMxPolicy, MxSecurityConfig};
use crate::delivery::tls_policy::levels::{
    plan_mx, MxPlan, SecurityLevel, SkipReason, TlsaFinding,
};
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tls_policy::mta_sts_fetch::{lookup_policy, FetchOptions, StsLookup};
use crate::net::dns::{Dns, DnsError, MxAnswer, RecordSet, Security};
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
    /// The TLSA base domain: where the secure TLSA records were found (the
    /// CNAME target or the MX host), when they were.
    pub tlsa_base: Option<String>,
    /// Why the address lookup failed, if it did.
    pub error: Option<String>,
}

impl MxTarget {
    /// A target for `host` before any lookup.
    pub fn new(host: &str, preference: u16) -> MxTarget {
        MxTarget {
            host: host.to_string(),
            preference,
            addrs: Vec::new(),
            dnssec: Security::Insecure,
            cname: None,
            tlsa: TlsaFinding::Insecure,
            plan: MxPlan::Skip(SkipReason::NotPlanned),
            names: vec![host.to_string()],
            tlsa_base: None,
            error: None,
        }
    }

    /// The name sent as SNI at `level`: with DANE the TLSA base domain
    /// (RFC 7672 §8.1), otherwise the MX host name.
    pub fn sni(&self, level: &SecurityLevel) -> &str {
        match (level, &self.tlsa_base) {
            (SecurityLevel::Dane | SecurityLevel::DaneInsecureMx, Some(base)) => base,
            _ => &self.host,
        }
    }

    /// Addresses, the CNAME target, and the TLSA lookup at the secure TLSA
    /// base (if any) from the host's address answer. Returns the security
    /// `plan_mx` takes for the host. `tlsa_counts`: whether TLSA would be
    /// used at all (the MX RRset is secure, or the insecure-MX policy looks).
    pub async fn look_up_tlsa(
        &mut self,
        dns: &Dns,
        port: u16,
        addrs: &RecordSet<IpAddr>,
        tlsa_counts: bool,
    ) -> Security {
        self.addrs = addrs.records.clone();
        self.dnssec = addrs.security;
        let alias = addrs.canonical != addrs.name;
        if alias {
            self.cname = Some(addrs.canonical.clone());
        }
        if !tlsa_counts || addrs.security == Security::Bogus {
            return addrs.security;
        }
        let chain_secure = addrs.security == Security::Secure;
        let base_secure = if chain_secure {
            true
        } else if alias {
            match dns.alias_security(&self.host).await {
                Ok(sec) => sec == Some(Security::Secure),
                Err(e) => {
                    // Unknown, so never "insecure": the host is deferred.
                    self.tlsa = TlsaFinding::Failed(e.to_string());
                    return Security::Secure;
                }
            }
        } else {
            false
        };
        if !base_secure {
            return addrs.security;
        }
        let found = tlsa_for(dns, port, &self.host, &addrs.canonical, chain_secure).await;
        self.tlsa = found.finding;
        self.names = found.names;
        self.tlsa_base = found.base;
        Security::Secure
    }
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
    insecure_mx: InsecureMxPolicy,
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
    let tlsa_counts = mx_security == Security::Secure
        || (mx_security == Security::Insecure && insecure_mx != InsecureMxPolicy::May);
    let mut targets = Vec::with_capacity(hosts.len());
    for mx in hosts {
        let mut t = MxTarget::new(&mx.host, mx.preference);
        let addrs = match dns.addrs(&mx.host).await {
            Ok(a) => a,
            Err(e) => {
                t.plan = MxPlan::Skip(SkipReason::AddressLookup(e.to_string()));
                t.error = Some(e.to_string());
                targets.push(t);
                continue;
            }
        };
        let host_security = t.look_up_tlsa(dns, port, &addrs, tlsa_counts).await;
        t.plan = if t.addrs.is_empty() {
            MxPlan::Skip(SkipReason::NoAddress)
        } else {
            plan_mx(
                mx_security,
                host_security,
                &t.tlsa,
                policy.as_ref(),
                &mx.host,
                insecure_mx,
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

/// What [`tlsa_for`] found.
pub struct TlsaLookup {
    pub finding: TlsaFinding,
    /// Reference identifiers for DANE-TA name checks.
    pub names: Vec<String>,
    /// Where the secure records were found (the TLSA base domain).
    pub base: Option<String>,
}

/// TLSA for an MX host per RFC 7672 §2.2.2. With a secure alias chain
/// (`chain_secure`): first at the final target, then at the original
/// name. With an insecure chain whose first link is secure: at the
/// original name only, and only it is a reference identifier (a name
/// learnt insecurely never is).
pub async fn tlsa_for(
    dns: &Dns,
    port: u16,
    host: &str,
    canonical: &str,
    chain_secure: bool,
) -> TlsaLookup {
    let mut names = vec![host.to_string()];
    let mut bases = Vec::new();
    if canonical != host && chain_secure {
        names.push(canonical.to_string());
        bases.push(canonical.to_string());
    }
    bases.push(host.to_string());
    let mut last = TlsaFinding::SecureNone;
    let mut base = None;
    for name in bases {
        last = match dns.tlsa(port, &name).await {
            Err(e) => TlsaFinding::Failed(e.to_string()),
            Ok(rs) if rs.security == Security::Bogus => TlsaFinding::Failed("bogus".into()),
            Ok(rs) if rs.security == Security::Insecure => TlsaFinding::Insecure,
            Ok(rs) if !rs.records.is_empty() => TlsaFinding::Secure(rs.records),
            Ok(_) => TlsaFinding::SecureNone,
        };
        if matches!(last, TlsaFinding::Secure(_)) {
            base = Some(name);
        }
        if !matches!(last, TlsaFinding::SecureNone) {
            break;
        }
    }
    TlsaLookup {
        finding: last,
        names,
        base,
    }
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
