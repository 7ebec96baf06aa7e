//! Pure rules of MX delivery (and the NTA 7516 host lookup): which
//! recipients an MX level can serve, the RFC 8689 `TLS-Required: no`
//! header, the bilingual deferral reason, the level an NTA 7516 host must
//! meet, and the hosts a domain's mail is tried at, in order
//! ([`candidates`], the one list delivery and `delivery check` both use).
//!
//! Promises: no I/O except [`nta_targets`] and [`candidates`] (DNS through
//! [`Dns`]); an NTA 7516 record counts only when current and DNSSEC-secure,
//! and its hosts are only ever used with authenticated TLS (DANE or PKIX).

use super::plan::{DomainPlan, MxTarget};
use crate::delivery::message::header_block;
use crate::delivery::tls_policy::levels::{
    required_level, MxPlan, SecurityLevel, SkipReason, TlsaFinding,
};
use crate::delivery::{tls_policy::nta7516, QueuedRcpt};
use crate::net::dns::{Dns, Security};
use crate::types::TransportRequirement;

/// Longest list of per-MX reasons kept in a deferral reason.
const MAX_REASON_CHARS: usize = 1500;

/// The deferral reason for a recipient no MX could take.
pub fn unmet_reason(req: TransportRequirement, notes: &[String]) -> String {
    let mut details = notes.join("; ");
    if details.is_empty() {
        details = "geen bruikbare MX / no usable MX".into();
    }
    if details.chars().count() > MAX_REASON_CHARS {
        details = details.chars().take(MAX_REASON_CHARS).collect::<String>() + "...";
    }
    format!(
        "4.7.5 niet afgeleverd: geen MX-server bereikt die voldoet aan transporteis '{r}' / not delivered: no MX server reached that meets transport requirement '{r}': {details}",
        r = req.as_str()
    )
}

/// RFC 8689: does the header say `TLS-Required: No`? Only the first
/// `max` bytes (the header block) are looked at.
pub fn tls_required_no(message: &[u8], max: usize) -> bool {
    let head = header_block(message, max);
    String::from_utf8_lossy(head).split("\r\n").any(|line| {
        line.split_once(':').is_some_and(|(k, v)| {
            k.trim().eq_ignore_ascii_case("TLS-Required") && v.trim().eq_ignore_ascii_case("no")
        })
    })
}

/// Which recipients (indexes) an MX at `level` can serve at all.
pub fn eligible(
    level: &SecurityLevel,
    rcpts: &[QueuedRcpt],
    pending: &[usize],
) -> (Vec<usize>, Vec<usize>) {
    pending.iter().partition(|&&i| {
        rcpts
            .get(i)
            .is_some_and(|r| required_level(level, r.transport).is_some())
    })
}

/// Where a candidate host came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Mx,
    /// An `ntamx` host of a current NTA 7516 record.
    Nta,
}

impl Source {
    /// The word `delivery check` reports (`source`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Mx => "mx",
            Source::Nta => "nta7516",
        }
    }
}

/// The hosts a domain's mail is tried at, in order: those of a current,
/// DNSSEC-secure NTA 7516 record first, then the planned MX hosts in
/// preference order; and what the NTA 7516 lookup said.
pub async fn candidates(
    dns: &Dns,
    domain: &str,
    port: u16,
    plan: &DomainPlan,
) -> (Vec<(MxTarget, Source)>, NtaFinding) {
    let (nta_hosts, nta) = nta_targets(dns, domain, port).await;
    let mut hosts: Vec<(MxTarget, Source)> =
        nta_hosts.into_iter().map(|t| (t, Source::Nta)).collect();
    hosts.extend(plan.targets.iter().cloned().map(|t| (t, Source::Mx)));
    (hosts, nta)
}

/// What the NTA 7516 lookup of a domain said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NtaFinding {
    /// A current, DNSSEC-secure record: its hosts are candidates.
    Current,
    /// Definitely no usable record: none at all, none current, or one in
    /// an unsigned zone (anyone could forge it). An answer, not a failure.
    Absent,
    /// The lookup failed (SERVFAIL, timeout, bogus, too large): unknown,
    /// so never taken as "absent".
    Unknown,
}

/// Hosts of a current NTA 7516 record, only when the TXT answer is
/// DNSSEC-secure; each must be reached with authenticated TLS (DANE
/// when it has secure usable TLSA, PKIX with its name otherwise).
pub async fn nta_targets(dns: &Dns, domain: &str, port: u16) -> (Vec<MxTarget>, NtaFinding) {
    let rec = match nta7516::lookup(dns, domain).await {
        Ok((Some(r), Security::Secure)) => r,
        Ok((_, Security::Bogus)) | Err(_) => return (Vec::new(), NtaFinding::Unknown),
        Ok((_, _)) => return (Vec::new(), NtaFinding::Absent),
    };
    let mut out = Vec::new();
    for (pref, host) in rec.mx {
        let mut t = MxTarget::new(&host, pref);
        match dns.addrs(&host).await {
            Err(e) => {
                t.plan = MxPlan::Skip(SkipReason::Nta(Box::new(SkipReason::AddressLookup(
                    e.to_string(),
                ))))
            }
            Ok(a) => {
                // The record is secure, so its hosts' TLSA always counts.
                let host_security = t.look_up_tlsa(dns, port, &a, true).await;
                t.plan = nta_plan(host_security, &t.tlsa);
            }
        }
        out.push(t);
    }
    (out, NtaFinding::Current)
}

/// Why a recipient's requirement definitely cannot be met at this domain
/// (bilingual, for the journal), from what planning found; `None` when it
/// may still be met, or when an answer is missing (a failed lookup is
/// never "cannot"). `hosts`: each candidate's plan and whether it came
/// from the NTA 7516 record; `sts_absent`: the domain has no MTA-STS
/// policy (no `_mta-sts` record and none cached; a record whose policy
/// could not be fetched is not "absent"). Only `nta7516`, `dane` and
/// `dane-or-mta-sts` are decided here: they alone depend on DNS answers
/// that say "no" outright.
pub fn definitely_unmet(
    req: TransportRequirement,
    nta: &NtaFinding,
    hosts: &[(&MxPlan, bool)],
    sts_absent: bool,
) -> Option<String> {
    let why = definite_cause(req, nta, hosts, sts_absent)?;
    Some(format!(
        "4.7.5 niet afgeleverd: transporteis '{r}' kan niet: {nl} / not delivered: transport requirement '{r}' cannot be met: {en}",
        r = req.as_str(),
        nl = why.0,
        en = why.1
    ))
}

/// The cause behind [`definitely_unmet`], Dutch and English.
fn definite_cause(
    req: TransportRequirement,
    nta: &NtaFinding,
    hosts: &[(&MxPlan, bool)],
    sts_absent: bool,
) -> Option<(&'static str, &'static str)> {
    let is_dane = |p: &MxPlan| {
        matches!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Dane,
                ..
            }
        )
    };
    let definite_no_dane =
        |p: &MxPlan| matches!(p, MxPlan::Use { level, .. } if *level != SecurityLevel::Dane);
    match req {
        TransportRequirement::Nta7516 => match nta {
            NtaFinding::Absent => Some((
                "het domein heeft geen geldig NTA 7516-record (actueel en DNSSEC-beveiligd)",
                "the domain has no valid NTA 7516 record (current and DNSSEC-secure)",
            )),
            NtaFinding::Current => {
                let nta_hosts: Vec<&MxPlan> =
                    hosts.iter().filter(|(_, n)| *n).map(|(p, _)| *p).collect();
                (!nta_hosts.is_empty() && nta_hosts.iter().all(|p| definite_no_dane(p))).then_some(
                    (
                        "geen NTA 7516-host met DANE (DNSSEC-beveiligde TLSA)",
                        "no NTA 7516 host with DANE (DNSSEC-secure TLSA)",
                    ),
                )
            }
            NtaFinding::Unknown => None,
        },
        TransportRequirement::Dane => {
            let known = *nta != NtaFinding::Unknown;
            (known
                && !hosts.is_empty()
                && !hosts.iter().any(|(p, _)| is_dane(p))
                && hosts.iter().all(|(p, _)| definite_no_dane(p)))
            .then_some((
                "geen MX met DANE (DNSSEC-beveiligde TLSA)",
                "no MX with DANE (DNSSEC-secure TLSA)",
            ))
        }
        TransportRequirement::DaneOrMtaSts => {
            // No MTA-STS policy, and every host planned at a level below
            // an authenticated one (no DANE, no PKIX of an NTA 7516 host).
            let below = |p: &MxPlan| {
                matches!(p, MxPlan::Use { level, .. }
                    if required_level(level, TransportRequirement::DaneOrMtaSts).is_none())
            };
            (sts_absent
                && *nta != NtaFinding::Unknown
                && !hosts.is_empty()
                && hosts.iter().all(|(p, _)| below(p)))
            .then_some((
                "geen MX met DANE en geen MTA-STS-beleid",
                "no MX with DANE and no MTA-STS policy",
            ))
        }
        _ => None,
    }
}

/// The level for an NTA 7516 host: DANE with secure usable TLSA, else PKIX
/// (`Verify`); a failed TLSA lookup or bogus addresses skip it.
pub fn nta_plan(addrs: Security, tlsa: &TlsaFinding) -> MxPlan {
    if addrs == Security::Bogus {
        return MxPlan::Skip(SkipReason::Nta(Box::new(SkipReason::DnssecBogus)));
    }
    match tlsa {
        TlsaFinding::Failed(why) => MxPlan::Skip(SkipReason::Nta(Box::new(
            SkipReason::TlsaLookup(why.clone()),
        ))),
        TlsaFinding::Secure(recs) if recs.iter().any(|r| r.is_usable()) => MxPlan::Use {
            level: SecurityLevel::Dane,
            tlsa: recs.iter().filter(|r| r.is_usable()).cloned().collect(),
        },
        _ => MxPlan::Use {
            level: SecurityLevel::Verify,
            tlsa: Vec::new(),
        },
    }
}

pub fn level_name(p: &MxPlan) -> String {
    match p {
        MxPlan::Use { level, .. } => level.as_str().to_string(),
        MxPlan::Skip(_) => "skip".into(),
    }
}

pub fn mode_str(m: crate::delivery::tls_policy::mta_sts::Mode) -> &'static str {
    match m {
        crate::delivery::tls_policy::mta_sts::Mode::Enforce => "enforce",
        crate::delivery::tls_policy::mta_sts::Mode::Testing => "testing",
        crate::delivery::tls_policy::mta_sts::Mode::None => "none",
    }
}

pub fn dedup(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
