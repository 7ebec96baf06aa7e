//! Can a domain meet a transport requirement? Decided from DNS before
//! "250" (issue 19): the same planning as delivery (`plan_domain`, the
//! NTA 7516 hosts of `candidates`, the rule of `definitely_unmet`), turned
//! into one verdict per requirement that DNS can settle, with how long the
//! answers behind it may be cached.
//!
//! Promises: a requirement is `Cannot` only when DNS answered and the
//! answers rule it out (the queue's rule); a SERVFAIL, timeout, bogus
//! answer or failed TLSA lookup is never `Cannot` but `Unknown`, and
//! `Unknown` is never cached. `May`: some host can be used at a level that
//! meets it (delivery still checks the session). `tls` and `none` are
//! always `May`: only a connection tells.

use super::plan::{plan_domain, PlanError};
use super::rules::{candidates, definitely_unmet, Source};
use crate::config::InsecureMxPolicy;
use crate::delivery::tls_policy::levels::{required_level, MxPlan};
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tls_policy::mta_sts_fetch::{FetchOptions, StsLookup};
use crate::net::dns::Dns;
use crate::types::TransportRequirement;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What DNS says about one requirement at one domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "lowercase")]
pub enum Verdict {
    /// Some host may meet it; delivery decides.
    May,
    /// Ruled out by DNS answers; the reason (Dutch / English, no content).
    Cannot { reason: String },
    /// A lookup failed: neither. Never cached.
    Unknown,
}

/// The requirements DNS alone can rule out.
pub const DECIDABLE: [TransportRequirement; 3] = [
    TransportRequirement::Nta7516,
    TransportRequirement::Dane,
    TransportRequirement::DaneOrMtaSts,
];

/// The verdicts of one domain (only `May` and `Cannot` are kept).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainVerdict {
    pub verdicts: BTreeMap<TransportRequirement, Verdict>,
}

impl DomainVerdict {
    /// The verdict for `req`; `Unknown` when it was not settled.
    pub fn get(&self, req: TransportRequirement) -> Verdict {
        if !DECIDABLE.contains(&req) {
            return Verdict::May;
        }
        self.verdicts.get(&req).cloned().unwrap_or(Verdict::Unknown)
    }

    /// Nothing settled (nothing worth caching).
    pub fn is_empty(&self) -> bool {
        self.verdicts.is_empty()
    }
}

/// The verdict for `req` from what planning found (pure). `hosts`: each
/// candidate's plan and whether it came from the NTA 7516 record.
pub fn verdict_for(
    req: TransportRequirement,
    nta: &super::rules::NtaFinding,
    hosts: &[(&MxPlan, bool)],
    sts_absent: bool,
) -> Verdict {
    let usable = hosts.iter().any(|(p, from_nta)| match p {
        MxPlan::Use { level, .. } => {
            (req != TransportRequirement::Nta7516 || *from_nta)
                && required_level(level, req).is_some()
        }
        MxPlan::Skip(_) => false,
    });
    if usable {
        return Verdict::May;
    }
    match definitely_unmet(req, nta, hosts, sts_absent) {
        Some(reason) => Verdict::Cannot { reason },
        None => Verdict::Unknown,
    }
}

/// Look the domain up and settle what can be settled. Returns the
/// verdicts and, when something was settled, how many seconds they may be
/// cached: the shortest TTL of the answers, `negative_ttl_secs` at most
/// when one answer was negative (its SOA TTL is not kept).
pub async fn domain_verdict(
    dns: &Dns,
    domain: &str,
    port: u16,
    sts_cache: &PolicyCache,
    fetch: &FetchOptions,
    insecure_mx: InsecureMxPolicy,
    negative_ttl_secs: u64,
) -> (DomainVerdict, Option<u64>) {
    let (dns, watch) = dns.watched();
    let mut out = DomainVerdict::default();
    let plan = match plan_domain(&dns, domain, port, sts_cache, fetch, insecure_mx).await {
        Ok(p) => p,
        // No such domain / null MX: delivery bounces it with the right
        // status; nothing for a fallback to do.
        Err(PlanError::NullMx | PlanError::NxDomain) => {
            for r in DECIDABLE {
                out.verdicts.insert(r, Verdict::May);
            }
            return (out, Some(negative_ttl_secs));
        }
        Err(PlanError::Dns(_)) => return (out, None),
    };
    let (hosts, nta) = candidates(&dns, domain, port, &plan).await;
    let plans: Vec<(&MxPlan, bool)> = hosts
        .iter()
        .map(|(t, s)| (&t.plan, *s == Source::Nta))
        .collect();
    let sts_absent = matches!(plan.sts, StsLookup::NoPolicy);
    for r in DECIDABLE {
        match verdict_for(r, &nta, &plans, sts_absent) {
            Verdict::Unknown => {}
            v => {
                out.verdicts.insert(r, v);
            }
        }
    }
    if out.is_empty() {
        return (out, None);
    }
    let mut ttl = watch.min_ttl().map(u64::from).unwrap_or(negative_ttl_secs);
    if watch.saw_negative() {
        ttl = ttl.min(negative_ttl_secs);
    }
    (out, Some(ttl))
}

#[cfg(test)]
mod tests {
    use super::super::rules::NtaFinding;
    use super::*;
    use crate::delivery::tls_policy::levels::{SecurityLevel, SkipReason};
    use TransportRequirement as T;

    fn at(level: SecurityLevel) -> MxPlan {
        MxPlan::Use {
            level,
            tlsa: vec![],
        }
    }

    #[test]
    fn only_answers_rule_out_and_a_failed_lookup_is_unknown() {
        let dane = at(SecurityLevel::Dane);
        let opp = at(SecurityLevel::Opportunistic);
        let skip = MxPlan::Skip(SkipReason::DnssecBogus);
        let absent = NtaFinding::Absent;
        // nta7516: a DANE MX does not count, only an NTA host.
        assert!(matches!(
            verdict_for(T::Nta7516, &absent, &[(&dane, false)], true),
            Verdict::Cannot { .. }
        ));
        assert_eq!(
            verdict_for(T::Nta7516, &NtaFinding::Current, &[(&dane, true)], true),
            Verdict::May
        );
        assert_eq!(
            verdict_for(T::Nta7516, &NtaFinding::Unknown, &[(&dane, false)], true),
            Verdict::Unknown
        );
        assert_eq!(
            verdict_for(T::Dane, &absent, &[(&dane, false)], true),
            Verdict::May
        );
        assert!(matches!(
            verdict_for(T::Dane, &absent, &[(&opp, false)], true),
            Verdict::Cannot { .. }
        ));
        assert_eq!(
            verdict_for(T::Dane, &absent, &[(&opp, false), (&skip, false)], true),
            Verdict::Unknown
        );
        assert!(matches!(
            verdict_for(T::DaneOrMtaSts, &absent, &[(&opp, false)], true),
            Verdict::Cannot { .. }
        ));
        // An MTA-STS record whose policy could not be fetched: unknown.
        assert_eq!(
            verdict_for(T::DaneOrMtaSts, &absent, &[(&opp, false)], false),
            Verdict::Unknown
        );
        let settled = DomainVerdict::default();
        assert_eq!(settled.get(T::Tls), Verdict::May);
        assert_eq!(settled.get(T::Dane), Verdict::Unknown);
    }

    #[test]
    fn verdicts_survive_a_round_trip_through_json() {
        let mut v = DomainVerdict::default();
        v.verdicts.insert(
            T::Nta7516,
            Verdict::Cannot {
                reason: "x / y".into(),
            },
        );
        v.verdicts.insert(T::Dane, Verdict::May);
        let text = serde_json::to_string(&v).unwrap_or_default();
        let back: DomainVerdict = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, v);
    }
}
