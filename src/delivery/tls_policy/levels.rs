//! Transport security per MX as one enum of levels (after Postfix
//! `tls_level.c`), computed from DNSSEC, TLSA and MTA-STS findings, and the
//! check whether what a connection achieved satisfies the policy's
//! [`TransportRequirement`].
//!
//! Promises (pure functions, no I/O):
//! - DANE applies only when the MX RRset, the MX host's address records and
//!   the TLSA RRset are all DNSSEC-secure (RFC 7672 §2.2). A TLSA lookup
//!   that fails (SERVFAIL, timeout, bogus) for such a host defers that MX;
//!   it is never read as "no TLSA".
//! - A secure TLSA RRset with only unusable records gives mandatory but
//!   unauthenticated TLS (`Encrypt`), never DANE (RFC 7672 §3.1.3).
//! - DANE takes precedence over MTA-STS (RFC 8461 §2). An MTA-STS policy in
//!   `enforce` mode makes a matching MX `Verify` (PKIX + name) and rules out
//!   an MX that does not match the policy's patterns.
//! - "Secure host" means the TLSA base name is secure: the host's address
//!   records, or, for an alias whose expansion is insecure, the first CNAME
//!   of the chain (RFC 7672 §2.2.2; TLSA is then looked up at the MX name).
//! - A secure host with secure TLSA behind an MX RRset that is not signed
//!   gets `DaneInsecureMx` (Postfix `smtp_tls_dane_insecure_mx_policy =
//!   dane`, its default): authenticated by TLSA like `Dane`, but the MX name
//!   could be forged, so it never meets the requirements `dane`,
//!   `dane-or-mta-sts` or `nta7516` (Postfix logs it "Trusted", not
//!   "Verified"). An MTA-STS policy in `enforce` mode takes precedence.
//!
//! Compared with Postfix: `Dane` here is Postfix `dane` for a DANE-capable
//! MX (a failing MX is skipped, the next one tried); the requirement
//! `dane` is Postfix `dane-only` (refuse unless DANE-authenticated).
//! `dane-or-mta-sts` has no Postfix equivalent (Postfix needs an external
//! MTA-STS policy server); `tls` is Postfix `encrypt`; `none` is `may`.

use super::mta_sts::{Mode, Policy};
pub use crate::config::InsecureMxPolicy;
use crate::net::dns::Security;
use crate::net::dns::Tlsa;
use crate::types::TransportRequirement;

/// What a connection to one MX must achieve, weakest first.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecurityLevel {
    /// Clear text; STARTTLS not attempted (only for explicit opt-out).
    Plain,
    /// STARTTLS when offered, unauthenticated; clear text otherwise.
    Opportunistic,
    /// STARTTLS required, peer not authenticated.
    Encrypt,
    /// STARTTLS required, peer authenticated by these TLSA records, but the
    /// MX RRset that named it is not DNSSEC-signed (could be forged).
    DaneInsecureMx,
    /// STARTTLS required, PKIX chain and name checked (MTA-STS enforce).
    Verify,
    /// STARTTLS required, peer authenticated by these TLSA records.
    Dane,
}

impl SecurityLevel {
    pub fn as_str(&self) -> &'static str {
        match self {
            SecurityLevel::Plain => "plain",
            SecurityLevel::Opportunistic => "opportunistic",
            SecurityLevel::Encrypt => "encrypt",
            SecurityLevel::DaneInsecureMx => "dane-insecure-mx",
            SecurityLevel::Verify => "verify",
            SecurityLevel::Dane => "dane",
        }
    }
}

/// The result of the TLSA lookup for one MX host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TlsaFinding {
    /// Secure RRset with these records (some may be unusable).
    Secure(Vec<Tlsa>),
    /// Authenticated denial: the host has no TLSA records.
    SecureNone,
    /// Insecure answer (records, if any, are ignored) or no lookup made.
    Insecure,
    /// SERVFAIL, timeout or bogus: the host cannot be used now.
    Failed(String),
}

/// What security must be achieved with one MX, or why it cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MxPlan {
    Use {
        level: SecurityLevel,
        /// The usable TLSA records when `level` is `Dane` or `DaneInsecureMx`.
        tlsa: Vec<Tlsa>,
    },
    /// Do not connect to this MX now (try the next one).
    Skip(SkipReason),
}

/// Why one MX is not used now. Typed, so TLS-RPT can tell a DNSSEC failure
/// from a policy mismatch without reading the text; `Display` gives the
/// text the audit, the deferral reason and `delivery check` show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A target whose plan is still being made (never left in place).
    NotPlanned,
    /// DNSSEC validation of the MX or its addresses failed (bogus).
    DnssecBogus,
    /// The TLSA lookup failed (SERVFAIL, timeout, bogus); its error.
    TlsaLookup(String),
    /// MTA-STS enforce, and the policy does not list this host.
    NotInStsPolicy,
    /// The host has no A or AAAA records.
    NoAddress,
    /// The A/AAAA lookup failed; the DNS error.
    AddressLookup(String),
    /// An NTA 7516 host, skipped for the inner reason.
    Nta(Box<SkipReason>),
}

impl SkipReason {
    /// DNSSEC said no (bogus answers, a TLSA lookup that failed): RFC
    /// 8460's `dnssec-invalid` rather than a validation failure.
    pub fn is_dnssec(&self) -> bool {
        match self {
            SkipReason::DnssecBogus | SkipReason::TlsaLookup(_) => true,
            SkipReason::Nta(inner) => inner.is_dnssec(),
            _ => false,
        }
    }
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::NotPlanned => Ok(()),
            SkipReason::DnssecBogus => f.write_str("DNSSEC validation failed (bogus)"),
            SkipReason::TlsaLookup(why) => write!(f, "TLSA lookup failed: {why}"),
            SkipReason::NotInStsPolicy => {
                f.write_str("MX host not listed in the MTA-STS policy (enforce)")
            }
            SkipReason::NoAddress => f.write_str("no address records"),
            SkipReason::AddressLookup(e) => f.write_str(e),
            SkipReason::Nta(inner) => match inner.as_ref() {
                SkipReason::DnssecBogus => f.write_str("NTA 7516 host: DNSSEC bogus"),
                other => write!(f, "NTA 7516 host: {other}"),
            },
        }
    }
}

/// Per-MX plan. `mx_rrset` is the security of the MX answer (for an
/// implicit MX, of the domain's address records); `host` that of the TLSA
/// base name (the MX host's A/AAAA, or the first link of its CNAME chain:
/// see the module comment); `sts` the domain's valid MTA-STS policy, if
/// any; `insecure_mx` what secure TLSA means behind an unsigned MX RRset.
pub fn plan_mx(
    mx_rrset: Security,
    host: Security,
    tlsa: &TlsaFinding,
    sts: Option<&Policy>,
    mx_host: &str,
    insecure_mx: InsecureMxPolicy,
) -> MxPlan {
    if mx_rrset == Security::Bogus || host == Security::Bogus {
        return MxPlan::Skip(SkipReason::DnssecBogus);
    }
    if mx_rrset == Security::Secure && host == Security::Secure {
        if let Some(p) = tlsa_plan(tlsa, SecurityLevel::Dane) {
            return p;
        }
    }
    match sts {
        Some(p) if p.mode == Mode::Enforce => {
            return if p.mx_matches(mx_host) {
                MxPlan::Use {
                    level: SecurityLevel::Verify,
                    tlsa: Vec::new(),
                }
            } else {
                MxPlan::Skip(SkipReason::NotInStsPolicy)
            };
        }
        _ => {}
    }
    if mx_rrset == Security::Insecure && host == Security::Secure {
        let level = match insecure_mx {
            InsecureMxPolicy::Dane => Some(SecurityLevel::DaneInsecureMx),
            InsecureMxPolicy::Encrypt => Some(SecurityLevel::Encrypt),
            InsecureMxPolicy::May => None,
        };
        if let Some(p) = level.and_then(|l| tlsa_plan(tlsa, l)) {
            return match p {
                // `encrypt`: the records only say "TLS is required".
                MxPlan::Use { level, .. } if level == SecurityLevel::Encrypt => MxPlan::Use {
                    level,
                    tlsa: Vec::new(),
                },
                other => other,
            };
        }
    }
    MxPlan::Use {
        level: SecurityLevel::Opportunistic,
        tlsa: Vec::new(),
    }
}

/// The plan a TLSA finding gives a host whose TLSA counts: `level` with
/// the usable records, `Encrypt` when none is usable (RFC 7672 §3.1.3), a
/// skip when the lookup failed; `None` when there are no records.
fn tlsa_plan(tlsa: &TlsaFinding, level: SecurityLevel) -> Option<MxPlan> {
    match tlsa {
        TlsaFinding::Secure(records) => {
            let usable: Vec<Tlsa> = records.iter().filter(|r| r.is_usable()).cloned().collect();
            Some(if usable.is_empty() {
                MxPlan::Use {
                    level: SecurityLevel::Encrypt,
                    tlsa: Vec::new(),
                }
            } else {
                MxPlan::Use {
                    level,
                    tlsa: usable,
                }
            })
        }
        TlsaFinding::Failed(why) => Some(MxPlan::Skip(SkipReason::TlsaLookup(why.clone()))),
        TlsaFinding::SecureNone | TlsaFinding::Insecure => None,
    }
}

/// What a finished handshake (or the lack of one) achieved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Achieved {
    Plain,
    Tls,
    /// Authenticated by TLSA, but the MX name came from an unsigned MX
    /// RRset: never meets `dane`, `dane-or-mta-sts` or `nta7516`.
    DaneInsecureMx,
    MtaSts,
    Dane,
}

impl Achieved {
    /// The outcome word used by `sluis delivery check`.
    pub fn as_str(self) -> &'static str {
        match self {
            Achieved::Plain => "plain",
            Achieved::Tls => "tls",
            Achieved::DaneInsecureMx => "dane-insecure-mx",
            Achieved::MtaSts => "mta-sts",
            Achieved::Dane => "dane",
        }
    }
}

/// Does `achieved` meet the MX's own level? (The level is a floor that no
/// policy can lower: a DANE MX that fails DANE is never used.)
pub fn meets_level(level: &SecurityLevel, achieved: Achieved) -> bool {
    match level {
        SecurityLevel::Plain | SecurityLevel::Opportunistic => true,
        SecurityLevel::Encrypt => achieved >= Achieved::Tls,
        SecurityLevel::DaneInsecureMx => achieved == Achieved::DaneInsecureMx,
        SecurityLevel::Verify => achieved == Achieved::MtaSts,
        SecurityLevel::Dane => achieved == Achieved::Dane,
    }
}

/// Does `achieved` satisfy the recipient's transport requirement?
pub fn satisfies(req: TransportRequirement, achieved: Achieved) -> bool {
    match req {
        TransportRequirement::None => true,
        TransportRequirement::Tls => achieved >= Achieved::Tls,
        TransportRequirement::DaneOrMtaSts => achieved >= Achieved::MtaSts,
        // The NTA 7516 part (the host came from a current, secure record)
        // is checked by MX delivery, which alone knows where a host came from.
        TransportRequirement::Dane | TransportRequirement::Nta7516 => achieved == Achieved::Dane,
    }
}

/// Combine an MX's own level with the recipient's requirement (policy can
/// raise a level, never lower it). `None`: this MX cannot meet the
/// requirement, so do not connect to it.
pub fn required_level(level: &SecurityLevel, req: TransportRequirement) -> Option<SecurityLevel> {
    match req {
        TransportRequirement::None => Some(level.clone()),
        TransportRequirement::Tls => Some(level.clone().max(SecurityLevel::Encrypt)),
        TransportRequirement::DaneOrMtaSts => {
            matches!(level, SecurityLevel::Dane | SecurityLevel::Verify).then(|| level.clone())
        }
        TransportRequirement::Dane | TransportRequirement::Nta7516 => {
            (*level == SecurityLevel::Dane).then(|| level.clone())
        }
    }
}

#[cfg(test)]
#[path = "levels_tests.rs"]
mod tests;
