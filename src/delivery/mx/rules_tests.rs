use super::*;
use crate::net::dns::Tlsa;
use TransportRequirement as T;

fn rc(i: u32, t: T) -> QueuedRcpt {
    QueuedRcpt {
        index: i,
        address: format!("r{i}@example.nl"),
        transport: t,
        fallback_step: None,
    }
}

#[test]
fn tls_required_no_is_read_from_the_header_only() {
    let m = b"Subject: x\r\nTLS-Required: No\r\n\r\nbody\r\n";
    assert!(tls_required_no(m, 65_536));
    let m = b"Subject: x\r\ntls-required:no\r\n\r\n";
    assert!(tls_required_no(m, 65_536));
    // In the body it does not count.
    let m = b"Subject: x\r\n\r\nTLS-Required: No\r\n";
    assert!(!tls_required_no(m, 65_536));
    let m = b"Subject: x\r\nTLS-Required: yes\r\n\r\n";
    assert!(!tls_required_no(m, 65_536));
}

#[test]
fn an_mx_level_rules_out_requirements_it_cannot_meet() {
    let rcpts = vec![
        rc(0, T::None),
        rc(1, T::Tls),
        rc(2, T::DaneOrMtaSts),
        rc(3, T::Dane),
    ];
    let all = [0, 1, 2, 3];
    let (e, n) = eligible(&SecurityLevel::Opportunistic, &rcpts, &all);
    assert_eq!((e, n), (vec![0, 1], vec![2, 3]));
    let (e, n) = eligible(&SecurityLevel::Verify, &rcpts, &all);
    assert_eq!((e, n), (vec![0, 1, 2], vec![3]));
    let (e, n) = eligible(&SecurityLevel::Dane, &rcpts, &all);
    assert_eq!((e, n), (vec![0, 1, 2, 3], vec![]));
    let (e, n) = eligible(&SecurityLevel::Encrypt, &rcpts, &all);
    assert_eq!((e, n), (vec![0, 1], vec![2, 3]));
}

#[test]
fn deferral_reason_is_bilingual_and_bounded() {
    let r = unmet_reason(T::Dane, &["mx1: TLSA mismatch".into()]);
    assert!(r.starts_with("4.7.5 niet afgeleverd"), "{r}");
    assert!(r.contains(" / not delivered"), "{r}");
    assert!(
        r.contains("'dane'") && r.contains("mx1: TLSA mismatch"),
        "{r}"
    );
    let long = vec!["x".repeat(5000)];
    assert!(unmet_reason(T::Tls, &long).len() < MAX_REASON_CHARS + 400);
}

#[test]
fn nta_hosts_need_authenticated_tls() {
    let rec = Tlsa::parse("3 1 1 0000000000000000000000000000000000000000000000000000000000000000")
        .unwrap_or_else(|| panic!("tlsa"));
    match nta_plan(Security::Secure, &TlsaFinding::Secure(vec![rec])) {
        MxPlan::Use { level, tlsa } => {
            assert_eq!(level, SecurityLevel::Dane);
            assert_eq!(tlsa.len(), 1);
        }
        p => panic!("{p:?}"),
    }
    for f in [TlsaFinding::Insecure, TlsaFinding::SecureNone] {
        assert!(matches!(
            nta_plan(Security::Insecure, &f),
            MxPlan::Use {
                level: SecurityLevel::Verify,
                ..
            }
        ));
    }
    assert!(matches!(
        nta_plan(Security::Secure, &TlsaFinding::Failed("x".into())),
        MxPlan::Skip(_)
    ));
    assert!(matches!(
        nta_plan(Security::Bogus, &TlsaFinding::Insecure),
        MxPlan::Skip(_)
    ));
}

#[test]
fn only_answers_make_a_requirement_definitely_unmet() {
    let dane = MxPlan::Use {
        level: SecurityLevel::Dane,
        tlsa: vec![],
    };
    let verify = MxPlan::Use {
        level: SecurityLevel::Verify,
        tlsa: vec![],
    };
    let opportunistic = MxPlan::Use {
        level: SecurityLevel::Opportunistic,
        tlsa: vec![],
    };
    let bogus = MxPlan::Skip(SkipReason::DnssecBogus);
    let f = NtaFinding::Absent;
    // No NTA record (or an insecure or expired one): nta7516 cannot be met.
    assert!(definitely_unmet(T::Nta7516, &f, &[(&opportunistic, false)], false).is_some());
    // A failed TXT lookup is not an answer.
    assert!(definitely_unmet(T::Nta7516, &NtaFinding::Unknown, &[], false).is_none());
    // A current record whose host has DANE: may be met.
    let cur = NtaFinding::Current;
    assert!(definitely_unmet(
        T::Nta7516,
        &cur,
        &[(&dane, true), (&opportunistic, false)],
        false
    )
    .is_none());
    // ... whose only host has no DANE (PKIX only): cannot.
    assert!(definitely_unmet(T::Nta7516, &cur, &[(&verify, true)], false).is_some());
    // ... whose host's TLSA lookup failed: unknown.
    assert!(definitely_unmet(T::Nta7516, &cur, &[(&bogus, true)], false).is_none());
    // dane: every host planned without DANE is a definite no.
    assert!(definitely_unmet(
        T::Dane,
        &f,
        &[(&opportunistic, false), (&verify, false)],
        false
    )
    .is_some());
    assert!(definitely_unmet(
        T::Dane,
        &f,
        &[(&opportunistic, false), (&dane, false)],
        false
    )
    .is_none());
    assert!(definitely_unmet(
        T::Dane,
        &f,
        &[(&opportunistic, false), (&bogus, false)],
        false
    )
    .is_none());
    assert!(definitely_unmet(
        T::Dane,
        &NtaFinding::Unknown,
        &[(&opportunistic, false)],
        false
    )
    .is_none());
    assert!(definitely_unmet(T::Dane, &f, &[], false).is_none());
    // Other requirements are never settled by DNS alone.
    assert!(definitely_unmet(T::DaneOrMtaSts, &f, &[(&opportunistic, false)], false).is_none());
    assert!(definitely_unmet(T::Tls, &f, &[(&opportunistic, false)], false).is_none());
    // dane-or-mta-sts: no MTA-STS policy and no host at DANE or PKIX.
    let dos = T::DaneOrMtaSts;
    assert!(definitely_unmet(dos, &f, &[(&opportunistic, false)], true).is_some());
    assert!(definitely_unmet(dos, &f, &[(&opportunistic, false), (&verify, true)], true).is_none());
    assert!(definitely_unmet(dos, &f, &[(&opportunistic, false), (&dane, false)], true).is_none());
    assert!(definitely_unmet(dos, &f, &[(&opportunistic, false), (&bogus, false)], true).is_none());
    assert!(
        definitely_unmet(dos, &NtaFinding::Unknown, &[(&opportunistic, false)], true).is_none()
    );
    assert!(definitely_unmet(T::Tls, &f, &[(&opportunistic, false)], true).is_none());
}
