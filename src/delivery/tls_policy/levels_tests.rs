//! Unit tests of `levels.rs`: plans per DNSSEC/TLSA/MTA-STS finding, the
//! insecure-MX policy, requirements against levels.

use super::*;
use crate::delivery::tls_policy::mta_sts::parse_policy;

fn t(s: &str) -> Tlsa {
    Tlsa::parse(s).unwrap_or_else(|| panic!("bad test TLSA {s}"))
}
const H: &str = "3 1 1 0000000000000000000000000000000000000000000000000000000000000000";

/// The plan as before `dane_insecure_mx_policy` existed (TLSA behind an
/// unsigned MX RRset ignored).
fn plan_may(
    mx: Security,
    host: Security,
    f: &TlsaFinding,
    sts: Option<&Policy>,
    name: &str,
) -> MxPlan {
    plan_mx(mx, host, f, sts, name, InsecureMxPolicy::May)
}

#[test]
fn insecure_mx_with_secure_host_and_tlsa_follows_the_policy() {
    let f = TlsaFinding::Secure(vec![t(H)]);
    let p = plan_mx(
        Security::Insecure,
        Security::Secure,
        &f,
        None,
        "mx.a",
        InsecureMxPolicy::Dane,
    );
    assert_eq!(
        p,
        MxPlan::Use {
            level: SecurityLevel::DaneInsecureMx,
            tlsa: vec![t(H)]
        }
    );
    let p = plan_mx(
        Security::Insecure,
        Security::Secure,
        &f,
        None,
        "mx.a",
        InsecureMxPolicy::Encrypt,
    );
    assert_eq!(
        p,
        MxPlan::Use {
            level: SecurityLevel::Encrypt,
            tlsa: vec![]
        }
    );
    // The host's own zone unsigned: nothing to use, whatever the policy.
    let p = plan_mx(
        Security::Insecure,
        Security::Insecure,
        &f,
        None,
        "mx.a",
        InsecureMxPolicy::Dane,
    );
    assert!(matches!(
        p,
        MxPlan::Use {
            level: SecurityLevel::Opportunistic,
            ..
        }
    ));
    // A failed TLSA lookup defers that MX, as behind a secure MX.
    let p = plan_mx(
        Security::Insecure,
        Security::Secure,
        &TlsaFinding::Failed("SERVFAIL".into()),
        None,
        "mx.a",
        InsecureMxPolicy::Dane,
    );
    assert!(matches!(p, MxPlan::Skip(SkipReason::TlsaLookup(_))));
    // MTA-STS enforce takes precedence over DANE behind an insecure MX.
    let pol = parse_policy("version: STSv1\nmode: enforce\nmx: mx.a\nmax_age: 86400\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let p = plan_mx(
        Security::Insecure,
        Security::Secure,
        &f,
        Some(&pol),
        "mx.a",
        InsecureMxPolicy::Dane,
    );
    assert!(matches!(
        p,
        MxPlan::Use {
            level: SecurityLevel::Verify,
            ..
        }
    ));
    // Such a host meets `tls`, never an authenticated requirement.
    use TransportRequirement as R;
    let a = Achieved::DaneInsecureMx;
    assert!(meets_level(&SecurityLevel::DaneInsecureMx, a));
    assert!(!meets_level(&SecurityLevel::DaneInsecureMx, Achieved::Tls));
    assert!(!meets_level(&SecurityLevel::Dane, a));
    assert!(satisfies(R::None, a) && satisfies(R::Tls, a));
    assert!(!satisfies(R::DaneOrMtaSts, a));
    assert!(!satisfies(R::Dane, a));
    assert!(!satisfies(R::Nta7516, a));
    let l = SecurityLevel::DaneInsecureMx;
    assert_eq!(required_level(&l, R::Tls), Some(l.clone()));
    assert_eq!(required_level(&l, R::DaneOrMtaSts), None);
    assert_eq!(required_level(&l, R::Dane), None);
}

#[test]
fn dane_needs_secure_mx_addresses_and_tlsa() {
    let f = TlsaFinding::Secure(vec![t(H)]);
    let p = plan_may(Security::Secure, Security::Secure, &f, None, "mx.a");
    assert!(matches!(
        p,
        MxPlan::Use {
            level: SecurityLevel::Dane,
            ..
        }
    ));
    // Insecure address records: TLSA not used.
    let p = plan_may(Security::Secure, Security::Insecure, &f, None, "mx.a");
    assert!(matches!(
        p,
        MxPlan::Use {
            level: SecurityLevel::Opportunistic,
            ..
        }
    ));
    // Insecure MX RRset, policy `may`: TLSA not used.
    let p = plan_may(Security::Insecure, Security::Secure, &f, None, "mx.a");
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
    let p = plan_may(Security::Secure, Security::Secure, &f, None, "mx.a");
    assert!(matches!(p, MxPlan::Skip(_)));
    let p = plan_may(
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
    let p = plan_may(Security::Secure, Security::Secure, &f, None, "mx.a");
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
    let p = plan_may(
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
    let p = plan_may(
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
    let p = plan_may(
        Security::Insecure,
        Security::Insecure,
        &TlsaFinding::Insecure,
        Some(&pol),
        "mx.evil.test",
    );
    assert!(matches!(p, MxPlan::Skip(_)));
    // DANE wins over MTA-STS.
    let f = TlsaFinding::Secure(vec![t(H)]);
    let p = plan_may(
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
    let p = plan_may(
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
    let bogus = plan_may(
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
