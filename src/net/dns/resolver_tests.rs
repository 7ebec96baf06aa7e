//! Unit tests for the CNAME walk and the security combination in `resolver.rs`.

use super::*;
use hickory_resolver::proto::dnssec::Proof;
use hickory_resolver::proto::rr::rdata::{A, CNAME};

fn n(s: &str) -> Name {
    Name::from_ascii(s).unwrap()
}

fn rec(owner: &str, data: RData, proof: Proof) -> Record {
    let mut r = Record::from_rdata(n(owner), 300, data);
    r.set_proof(proof);
    r
}

fn cname(owner: &str, target: &str, proof: Proof) -> Record {
    rec(owner, RData::CNAME(CNAME(n(target))), proof)
}

fn a(owner: &str, proof: Proof) -> Record {
    rec(owner, RData::A(A::new(192, 0, 2, 1)), proof)
}

fn raw(records: Vec<Record>, negative: Option<Negative>, security: Security) -> Raw {
    Raw {
        records,
        negative,
        security,
        whole_message: false,
    }
}

fn go(records: Vec<Record>, q: &str) -> (RecordSet<RData>, Option<Name>) {
    let raw = raw(records, None, Security::Secure);
    walk(
        &n(q),
        &n(q),
        RecordType::A,
        raw,
        Security::Secure,
        &DnsOptions::default(),
    )
    .unwrap()
}

#[test]
fn plain_answer_is_secure_with_canonical_equal_to_name() {
    let (rs, next) = go(vec![a("mx.example.", Proof::Secure)], "mx.example.");
    assert!(next.is_none());
    assert_eq!(rs.records.len(), 1);
    assert_eq!(rs.canonical, "mx.example");
    assert_eq!(rs.security, Security::Secure);
}

#[test]
fn secure_cname_chain_keeps_security_and_records_target() {
    let recs = vec![
        cname("mx.example.", "a.hosting.", Proof::Secure),
        cname("a.hosting.", "b.hosting.", Proof::Secure),
        a("b.hosting.", Proof::Secure),
    ];
    let (rs, next) = go(recs, "MX.example.");
    assert!(next.is_none());
    assert_eq!(rs.name, "mx.example");
    assert_eq!(rs.canonical, "b.hosting");
    assert_eq!(rs.security, Security::Secure);
}

#[test]
fn one_insecure_link_makes_the_chain_insecure() {
    let recs = vec![
        cname("mx.example.", "a.hosting.", Proof::Insecure),
        a("a.hosting.", Proof::Secure),
    ];
    assert_eq!(go(recs, "mx.example.").0.security, Security::Insecure);
    let recs = vec![
        cname("mx.example.", "a.hosting.", Proof::Secure),
        a("a.hosting.", Proof::Bogus),
    ];
    assert_eq!(go(recs, "mx.example.").0.security, Security::Bogus);
}

#[test]
fn chain_leaving_the_answer_asks_for_another_query() {
    let recs = vec![cname("mx.example.", "elsewhere.test.", Proof::Secure)];
    let (rs, next) = go(recs, "mx.example.");
    assert_eq!(next, Some(n("elsewhere.test.")));
    assert!(rs.records.is_empty());
    assert!(rs.negative.is_none());
}

#[test]
fn cname_loop_is_bounded() {
    let recs = vec![
        cname("a.example.", "b.example.", Proof::Secure),
        cname("b.example.", "a.example.", Proof::Secure),
    ];
    let raw = raw(recs, None, Security::Secure);
    let q = n("a.example.");
    let got = walk(
        &q,
        &q,
        RecordType::A,
        raw,
        Security::Secure,
        &DnsOptions::default(),
    );
    assert!(matches!(got, Err(DnsError::TooLarge { .. })));
}

#[test]
fn negative_answers_keep_their_kind_and_security() {
    let q = n("_25._tcp.mx.example.");
    let r = raw(vec![], Some(Negative::NoData), Security::Secure);
    let (rs, _) = walk(
        &q,
        &q,
        RecordType::TLSA,
        r,
        Security::Secure,
        &DnsOptions::default(),
    )
    .unwrap();
    assert_eq!(rs.negative, Some(Negative::NoData));
    assert_eq!(rs.security, Security::Secure);
    let r = raw(vec![], Some(Negative::NxDomain), Security::Insecure);
    let (rs, _) = walk(
        &q,
        &q,
        RecordType::TLSA,
        r,
        Security::Secure,
        &DnsOptions::default(),
    )
    .unwrap();
    assert_eq!(rs.negative, Some(Negative::NxDomain));
    assert_eq!(rs.security, Security::Insecure);
}

#[test]
fn ad_mode_uses_the_message_security_for_every_record() {
    let q = n("mx.example.");
    let r = Raw {
        records: vec![a("mx.example.", Proof::Indeterminate)],
        negative: None,
        security: Security::Secure,
        whole_message: true,
    };
    let (rs, _) = walk(
        &q,
        &q,
        RecordType::A,
        r,
        Security::Secure,
        &DnsOptions::default(),
    )
    .unwrap();
    assert_eq!(rs.security, Security::Secure);
}

#[test]
fn too_many_records_is_an_error() {
    let recs: Vec<Record> = (0..5).map(|_| a("mx.example.", Proof::Secure)).collect();
    let opts = DnsOptions {
        max_records: 4,
        ..DnsOptions::default()
    };
    let q = n("mx.example.");
    let got = walk(
        &q,
        &q,
        RecordType::A,
        raw(recs, None, Security::Secure),
        Security::Secure,
        &opts,
    );
    assert!(matches!(got, Err(DnsError::TooLarge { .. })));
}

#[test]
fn names_are_checked() {
    assert!(fqdn("").is_err());
    assert!(fqdn(&"a".repeat(300)).is_err());
    assert_eq!(name_str(&fqdn("MX.Example.NL.").unwrap()), "mx.example.nl");
}
