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
//!
//! Compared with Postfix: `Dane` here is Postfix `dane` for a DANE-capable
//! MX (a failing MX is skipped, the next one tried); the requirement
//! `dane` is Postfix `dane-only` (refuse unless DANE-authenticated).
//! `dane-or-mta-sts` has no Postfix equivalent (Postfix needs an external
//! MTA-STS policy server); `tls` is Postfix `encrypt`; `none` is `may`.

use super::mta_sts::{Mode, Policy};
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
        /// The usable TLSA records when `level` is `Dane`.
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
/// implicit MX, of the domain's address records); `addrs` that of the MX
/// host's A/AAAA; `sts` the domain's valid MTA-STS policy, if any.
pub fn plan_mx(
    mx_rrset: Security,
    addrs: Security,
    tlsa: &TlsaFinding,
    sts: Option<&Policy>,
    mx_host: &str,
) -> MxPlan {
    if mx_rrset == Security::Bogus || addrs == Security::Bogus {
        return MxPlan::Skip(SkipReason::DnssecBogus);
    }
    let dnssec = mx_rrset == Security::Secure && addrs == Security::Secure;
    if dnssec {
        match tlsa {
            TlsaFinding::Secure(records) => {
                let usable: Vec<Tlsa> = records.iter().filter(|r| r.is_usable()).cloned().collect();
                if usable.is_empty() {
                    return MxPlan::Use {
                        level: SecurityLevel::Encrypt,
                        tlsa: Vec::new(),
                    };
                }
                return MxPlan::Use {
                    level: SecurityLevel::Dane,
                    tlsa: usable,
                };
            }
            TlsaFinding::Failed(why) => {
                return MxPlan::Skip(SkipReason::TlsaLookup(why.clone()));
            }
            TlsaFinding::SecureNone | TlsaFinding::Insecure => {}
        }
    }
    match sts {
        Some(p) if p.mode == Mode::Enforce => {
            if p.mx_matches(mx_host) {
                MxPlan::Use {
                    level: SecurityLevel::Verify,
                    tlsa: Vec::new(),
                }
            } else {
                MxPlan::Skip(SkipReason::NotInStsPolicy)
            }
        }
        _ => MxPlan::Use {
            level: SecurityLevel::Opportunistic,
            tlsa: Vec::new(),
        },
    }
}

/// What a finished handshake (or the lack of one) achieved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Achieved {
    Plain,
    Tls,
    MtaSts,
    Dane,
}

impl Achieved {
    /// The outcome word used by `sluis delivery check`.
    pub fn as_str(self) -> &'static str {
        match self {
            Achieved::Plain => "plain",
            Achieved::Tls => "tls",
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
mod tests {
    use super::*;
    use crate::delivery::tls_policy::mta_sts::parse_policy;

    fn t(s: &str) -> Tlsa {
        Tlsa::parse(s).unwrap_or_else(|| panic!("bad test TLSA {s}"))
    }
    const H: &str = "3 1 1 0000000000000000000000000000000000000000000000000000000000000000";

    #[test]
    fn dane_needs_secure_mx_addresses_and_tlsa() {
        let f = TlsaFinding::Secure(vec![t(H)]);
        let p = plan_mx(Security::Secure, Security::Secure, &f, None, "mx.a");
        assert!(matches!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Dane,
                ..
            }
        ));
        // Insecure address records: TLSA not used.
        let p = plan_mx(Security::Secure, Security::Insecure, &f, None, "mx.a");
        assert!(matches!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Opportunistic,
                ..
            }
        ));
        // Insecure MX RRset: TLSA not used.
        let p = plan_mx(Security::Insecure, Security::Secure, &f, None, "mx.a");
        assert!(matches!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Opportunistic,
                ..
            }
        ));
    }

    #[test]
    fn tlsa_failure_is_not_no_tlsa() {
        let f = TlsaFinding::Failed("SERVFAIL".into());
        let p = plan_mx(Security::Secure, Security::Secure, &f, None, "mx.a");
        assert!(matches!(p, MxPlan::Skip(_)));
        let p = plan_mx(
            Security::Secure,
            Security::Secure,
            &TlsaFinding::SecureNone,
            None,
            "mx.a",
        );
        assert!(matches!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Opportunistic,
                ..
            }
        ));
    }

    #[test]
    fn all_unusable_tlsa_means_encrypt_not_dane() {
        let f = TlsaFinding::Secure(vec![
            t(&H.replacen('3', "1", 1)),
            t(&H.replacen('3', "0", 1)),
        ]);
        let p = plan_mx(Security::Secure, Security::Secure, &f, None, "mx.a");
        assert_eq!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Encrypt,
                tlsa: vec![]
            }
        );
    }

    #[test]
    fn bogus_skips_the_mx() {
        let p = plan_mx(
            Security::Bogus,
            Security::Secure,
            &TlsaFinding::Insecure,
            None,
            "mx.a",
        );
        assert!(matches!(p, MxPlan::Skip(_)));
    }

    #[test]
    fn mta_sts_enforce_verifies_matching_mx_and_skips_others() {
        let pol = parse_policy("version: STSv1\nmode: enforce\nmx: *.example.nl\nmax_age: 86400\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let p = plan_mx(
            Security::Insecure,
            Security::Insecure,
            &TlsaFinding::Insecure,
            Some(&pol),
            "mx1.example.nl",
        );
        assert!(matches!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Verify,
                ..
            }
        ));
        let p = plan_mx(
            Security::Insecure,
            Security::Insecure,
            &TlsaFinding::Insecure,
            Some(&pol),
            "mx.evil.test",
        );
        assert!(matches!(p, MxPlan::Skip(_)));
        // DANE wins over MTA-STS.
        let f = TlsaFinding::Secure(vec![t(H)]);
        let p = plan_mx(
            Security::Secure,
            Security::Secure,
            &f,
            Some(&pol),
            "mx1.example.nl",
        );
        assert!(matches!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Dane,
                ..
            }
        ));
        // Testing mode does not raise the level.
        let pol = parse_policy("version: STSv1\nmode: testing\nmx: *.example.nl\nmax_age: 86400\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let p = plan_mx(
            Security::Insecure,
            Security::Insecure,
            &TlsaFinding::Insecure,
            Some(&pol),
            "mx.evil.test",
        );
        assert!(matches!(
            p,
            MxPlan::Use {
                level: SecurityLevel::Opportunistic,
                ..
            }
        ));
    }

    #[test]
    fn requirement_raises_or_rules_out_a_level() {
        use SecurityLevel as L;
        use TransportRequirement as R;
        assert_eq!(
            required_level(&L::Opportunistic, R::None),
            Some(L::Opportunistic)
        );
        assert_eq!(required_level(&L::Opportunistic, R::Tls), Some(L::Encrypt));
        assert_eq!(required_level(&L::Dane, R::Tls), Some(L::Dane));
        assert_eq!(required_level(&L::Encrypt, R::DaneOrMtaSts), None);
        assert_eq!(required_level(&L::Verify, R::DaneOrMtaSts), Some(L::Verify));
        assert_eq!(required_level(&L::Verify, R::Dane), None);
        assert_eq!(required_level(&L::Dane, R::Dane), Some(L::Dane));
    }

    #[test]
    fn requirements_and_levels() {
        use TransportRequirement as R;
        assert!(satisfies(R::None, Achieved::Plain));
        assert!(!satisfies(R::Tls, Achieved::Plain));
        assert!(satisfies(R::Tls, Achieved::Tls));
        assert!(!satisfies(R::DaneOrMtaSts, Achieved::Tls));
        assert!(satisfies(R::DaneOrMtaSts, Achieved::MtaSts));
        assert!(satisfies(R::DaneOrMtaSts, Achieved::Dane));
        assert!(!satisfies(R::Dane, Achieved::MtaSts));
        assert!(satisfies(R::Dane, Achieved::Dane));
        assert!(!meets_level(&SecurityLevel::Dane, Achieved::MtaSts));
        assert!(!meets_level(&SecurityLevel::Encrypt, Achieved::Plain));
        assert!(meets_level(&SecurityLevel::Opportunistic, Achieved::Plain));
        assert!(!meets_level(&SecurityLevel::Verify, Achieved::Tls));
    }

    #[test]
    fn skip_reasons_keep_their_text_and_say_whether_dnssec_failed() {
        let bogus = plan_mx(
            Security::Bogus,
            Security::Secure,
            &TlsaFinding::Insecure,
            None,
            "m",
        );
        assert_eq!(bogus, MxPlan::Skip(SkipReason::DnssecBogus));
        let tlsa = SkipReason::TlsaLookup("SERVFAIL".into());
        let cases = [
            (
                SkipReason::DnssecBogus,
                "DNSSEC validation failed (bogus)",
                true,
            ),
            (tlsa.clone(), "TLSA lookup failed: SERVFAIL", true),
            (
                SkipReason::NotInStsPolicy,
                "MX host not listed in the MTA-STS policy (enforce)",
                false,
            ),
            (SkipReason::NoAddress, "no address records", false),
            (
                SkipReason::AddressLookup("timeout".into()),
                "timeout",
                false,
            ),
            (
                SkipReason::Nta(Box::new(SkipReason::DnssecBogus)),
                "NTA 7516 host: DNSSEC bogus",
                true,
            ),
            (
                SkipReason::Nta(Box::new(tlsa)),
                "NTA 7516 host: TLSA lookup failed: SERVFAIL",
                true,
            ),
            (
                SkipReason::Nta(Box::new(SkipReason::AddressLookup("x".into()))),
                "NTA 7516 host: x",
                false,
            ),
        ];
        for (why, text, dnssec) in cases {
            assert_eq!(why.to_string(), text);
            assert_eq!(why.is_dnssec(), dnssec, "{why}");
        }
    }
}
