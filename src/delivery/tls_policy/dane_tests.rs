//! Unit tests for TLSA matching and the DANE verifier, with rcgen-made
//! certificates (a CA, an intermediate, leaves that are valid, expired or
//! issued for another name).

use super::*;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};

struct Pki {
    ca: rcgen::Certificate,
    ca_key: KeyPair,
    inter: rcgen::Certificate,
    inter_key: KeyPair,
}

fn ca_params(cn: &str) -> CertificateParams {
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.distinguished_name.push(DnType::CommonName, cn);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p
}

fn pki() -> Pki {
    let ca_key = KeyPair::generate().unwrap();
    let ca = ca_params("Test Root").self_signed(&ca_key).unwrap();
    let inter_key = KeyPair::generate().unwrap();
    let inter = ca_params("Test Intermediate")
        .signed_by(&inter_key, &ca, &ca_key)
        .unwrap();
    Pki {
        ca,
        ca_key,
        inter,
        inter_key,
    }
}

fn leaf(
    name: &str,
    issuer: &rcgen::Certificate,
    issuer_key: &KeyPair,
    expired: bool,
) -> rcgen::Certificate {
    let key = KeyPair::generate().unwrap();
    let mut p = CertificateParams::new(vec![name.to_string()]).unwrap();
    p.distinguished_name.push(DnType::CommonName, name);
    if expired {
        p.not_before = rcgen::date_time_ymd(2019, 1, 1);
        p.not_after = rcgen::date_time_ymd(2020, 1, 1);
    }
    p.signed_by(&key, issuer, issuer_key).unwrap()
}

fn der(c: &rcgen::Certificate) -> CertificateDer<'static> {
    c.der().clone()
}

fn rec(usage: u8, selector: u8, matching: u8, cert: &CertificateDer<'_>) -> Tlsa {
    let selected = if selector == 0 {
        cert.as_ref().to_vec()
    } else {
        spki_of(cert.as_ref()).unwrap()
    };
    let data = match matching {
        0 => selected,
        1 => Sha256::digest(&selected).to_vec(),
        _ => Sha512::digest(&selected).to_vec(),
    };
    Tlsa {
        usage,
        selector,
        matching,
        data,
    }
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn names(n: &str) -> Vec<String> {
    vec![n.to_string()]
}

#[test]
fn parse_and_display_roundtrip() {
    let t = Tlsa::parse("3 1 1 AABB ccdd").unwrap();
    assert_eq!(t.usage, 3);
    assert_eq!(t.data, vec![0xaa, 0xbb, 0xcc, 0xdd]);
    assert_eq!(t.to_string(), "3 1 1 aabbccdd");
    assert!(Tlsa::parse("3 1").is_none());
    assert!(Tlsa::parse("3 1 1 zz").is_none());
}

#[test]
fn usability_follows_rfc7672() {
    let d32 = vec![0u8; 32];
    let mk = |u, s, m, d: &Vec<u8>| Tlsa {
        usage: u,
        selector: s,
        matching: m,
        data: d.clone(),
    };
    assert!(mk(3, 1, 1, &d32).is_usable());
    assert!(mk(2, 0, 1, &d32).is_usable());
    assert!(!mk(0, 0, 1, &d32).is_usable(), "PKIX-TA is unusable");
    assert!(!mk(1, 1, 1, &d32).is_usable(), "PKIX-EE is unusable");
    assert!(!mk(3, 2, 1, &d32).is_usable(), "unknown selector");
    assert!(!mk(3, 1, 3, &d32).is_usable(), "unknown matching type");
    assert!(!mk(3, 1, 2, &d32).is_usable(), "SHA-512 needs 64 bytes");
    assert!(!mk(3, 1, 1, &vec![0u8; 31]).is_usable());
}

#[test]
fn every_selector_and_matching_type_matches_the_right_cert_only() {
    let p = pki();
    let a = der(&leaf("mx.a.test", &p.ca, &p.ca_key, false));
    let b = der(&leaf("mx.b.test", &p.ca, &p.ca_key, false));
    for s in 0..=1 {
        for m in 0..=2 {
            let r = rec(3, s, m, &a);
            assert!(record_matches_cert(&r, a.as_ref()), "{s} {m}");
            assert!(!record_matches_cert(&r, b.as_ref()), "{s} {m}");
        }
    }
    // An unusable record never matches, even with the right digest.
    assert!(!record_matches_cert(&rec(1, 1, 1, &a), a.as_ref()));
}

#[test]
fn dane_ee_ignores_name_and_expiry() {
    let p = pki();
    let l = der(&leaf("other-name.invalid", &p.ca, &p.ca_key, true));
    let r = rec(3, 1, 1, &l);
    let got = verify_chain(
        std::slice::from_ref(&r),
        &[l],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(got, Ok(DaneAuth::EndEntity(r)));
}

#[test]
fn dane_ee_mismatch_fails() {
    let p = pki();
    let l = der(&leaf("mx.a.test", &p.ca, &p.ca_key, false));
    let other = der(&leaf("mx.a.test", &p.ca, &p.ca_key, false));
    let got = verify_chain(
        &[rec(3, 1, 1, &other)],
        &[l],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(got, Err(DaneError::NoMatch));
}

#[test]
fn all_unusable_records_are_reported_as_such() {
    let p = pki();
    let l = der(&leaf("mx.a.test", &p.ca, &p.ca_key, false));
    let got = verify_chain(
        &[rec(1, 1, 1, &l), rec(0, 0, 1, &der(&p.ca))],
        &[l],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(got, Err(DaneError::NoUsableRecords));
}

#[test]
fn dane_ta_at_root_checks_chain_and_name() {
    let p = pki();
    let l = der(&leaf("mx.a.test", &p.ca, &p.ca_key, false));
    let ca = der(&p.ca);
    let r = rec(2, 0, 1, &ca);
    let chain = [l.clone(), ca.clone()];
    let ok = verify_chain(
        std::slice::from_ref(&r),
        &chain,
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(ok, Ok(DaneAuth::TrustAnchor(r.clone())));
    let wrong_name = verify_chain(
        std::slice::from_ref(&r),
        &chain,
        &names("mx.b.test"),
        UnixTime::now(),
        &provider(),
    );
    assert!(matches!(wrong_name, Err(DaneError::NameMismatch(_))));
    // Anchor not sent by the server and only a digest published: no match.
    let missing = verify_chain(
        &[r],
        &[l],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(missing, Err(DaneError::NoMatch));
}

#[test]
fn dane_ta_full_cert_record_works_without_the_server_sending_it() {
    let p = pki();
    let l = der(&leaf("mx.a.test", &p.ca, &p.ca_key, false));
    let r = rec(2, 0, 0, &der(&p.ca));
    let got = verify_chain(
        std::slice::from_ref(&r),
        &[l],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(got, Ok(DaneAuth::TrustAnchor(r)));
}

#[test]
fn dane_ta_at_intermediate_and_as_spki() {
    let p = pki();
    let l = der(&leaf("mx.a.test", &p.inter, &p.inter_key, false));
    let inter = der(&p.inter);
    let ca = der(&p.ca);
    let chain = [l, inter.clone(), ca];
    for (s, m) in [(0, 1), (1, 1), (1, 2)] {
        let r = rec(2, s, m, &inter);
        let got = verify_chain(
            std::slice::from_ref(&r),
            &chain,
            &names("mx.a.test"),
            UnixTime::now(),
            &provider(),
        );
        assert_eq!(got, Ok(DaneAuth::TrustAnchor(r)), "{s} {m}");
    }
}

#[test]
fn dane_ta_rejects_an_expired_leaf_and_a_foreign_chain() {
    let p = pki();
    let ca = der(&p.ca);
    let expired = der(&leaf("mx.a.test", &p.ca, &p.ca_key, true));
    let r = rec(2, 0, 1, &ca);
    let got = verify_chain(
        std::slice::from_ref(&r),
        &[expired, ca.clone()],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert!(matches!(got, Err(DaneError::ChainInvalid(_))), "{got:?}");
    // A leaf from another CA, with our CA appended: the chain does not verify.
    let other = pki();
    let foreign = der(&leaf("mx.a.test", &other.ca, &other.ca_key, false));
    let got = verify_chain(
        &[r],
        &[foreign, ca],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert!(matches!(got, Err(DaneError::ChainInvalid(_))), "{got:?}");
}

#[test]
fn first_matching_record_wins_over_bad_ones() {
    let p = pki();
    let l = der(&leaf("mx.a.test", &p.ca, &p.ca_key, false));
    let other = der(&leaf("x.test", &p.ca, &p.ca_key, false));
    let good = rec(3, 1, 1, &l);
    let recs = [rec(3, 1, 1, &other), rec(1, 1, 1, &l), good.clone()];
    let got = verify_chain(
        &recs,
        &[l],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(got, Ok(DaneAuth::EndEntity(good)));
}

#[test]
fn dane_ta_full_spki_record_works_without_the_anchor_in_the_chain() {
    let p = pki();
    // Leaf under the root directly; server sends only the leaf.
    let l = der(&leaf("mx.a.test", &p.ca, &p.ca_key, false));
    let r = rec(2, 1, 0, &der(&p.ca));
    let got = verify_chain(
        std::slice::from_ref(&r),
        &[l],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(got, Ok(DaneAuth::TrustAnchor(r.clone())));
    // Leaf under the intermediate; server sends leaf + intermediate only.
    let l = der(&leaf("mx.a.test", &p.inter, &p.inter_key, false));
    let got = verify_chain(
        std::slice::from_ref(&r),
        &[l.clone(), der(&p.inter)],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert_eq!(got, Ok(DaneAuth::TrustAnchor(r)));
    // Another key under the same name does not verify.
    let other = pki();
    let r = rec(2, 1, 0, &der(&other.ca));
    let got = verify_chain(
        &[r],
        &[l, der(&p.inter)],
        &names("mx.a.test"),
        UnixTime::now(),
        &provider(),
    );
    assert!(matches!(got, Err(DaneError::ChainInvalid(_))), "{got:?}");
}

#[test]
fn der_sequence_contents() {
    assert_eq!(der_contents(&[0x30, 2, 1, 2]), Some(&[1u8, 2][..]));
    assert_eq!(der_contents(&[0x30, 0x81, 2, 1, 2]), Some(&[1u8, 2][..]));
    assert_eq!(der_contents(&[0x30, 3, 1, 2]), None);
    assert_eq!(der_contents(&[0x31, 2, 1, 2]), None);
    assert_eq!(der_contents(&[]), None);
}
