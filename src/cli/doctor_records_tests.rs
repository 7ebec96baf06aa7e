//! Unit tests of `doctor_records` and `doctor_transport`.

use super::*;
use crate::cli::doctor_transport::{nta7516, url_host_port};
use crate::delivery::tls_policy::nta7516::{self as nta, YearMonth};
use crate::net::dns::Security;

fn set(records: &[&str], security: Security) -> RecordSet<String> {
    RecordSet {
        name: "praktijk.nl".into(),
        canonical: "praktijk.nl".into(),
        records: records.iter().map(|s| s.to_string()).collect(),
        security,
        negative: None,
    }
}

#[test]
fn spf_missing_or_not_covering_suggests_the_exact_record() {
    let ip: IpAddr = "192.0.2.7".parse().unwrap();
    let none = spf("praktijk.nl", &[], &[(ip, Ok(None))], false);
    assert_eq!(none.status, Status::Fail);
    assert_eq!(
        none.add,
        ["praktijk.nl. 3600 IN TXT \"v=spf1 ip4:192.0.2.7 -all\""]
    );
    let rec = ["v=spf1 include:spf.protection.outlook.com -all".to_string()];
    let not = spf("praktijk.nl", &rec, &[(ip, Ok(Some(false)))], false);
    assert_eq!(not.status, Status::Fail);
    assert_eq!(
        not.add,
        ["praktijk.nl. 3600 IN TXT \"v=spf1 ip4:192.0.2.7 include:spf.protection.outlook.com -all\""]
    );
    let ok = spf("praktijk.nl", &rec, &[(ip, Ok(Some(true)))], false);
    assert_eq!(ok.status, Status::Ok);
    assert!(ok.add.is_empty());
    let two = ["v=spf1 -all".to_string(), "v=spf1 a -all".to_string()];
    assert_eq!(spf("praktijk.nl", &two, &[], false).status, Status::Fail);
}

#[test]
fn cidr_and_prefix_rules() {
    let ip: IpAddr = "192.0.2.7".parse().unwrap();
    assert!(cidr_contains("192.0.2.0/24", ip));
    assert!(!cidr_contains("192.0.3.0/24", ip));
    assert!(cidr_contains("192.0.2.7", ip));
    assert!(!cidr_contains("2001:db8::/32", ip));
    assert!(cidr_contains(
        "2001:db8::/32",
        "2001:db8::1".parse().unwrap()
    ));
    assert_eq!(target_and_prefix("", "d.nl", ip), ("d.nl".into(), None));
    assert_eq!(
        target_and_prefix(":mx.d.nl/24", "d.nl", ip),
        ("mx.d.nl".into(), Some(24))
    );
    assert_eq!(
        target_and_prefix("/24//64", "d.nl", "::1".parse().unwrap()),
        ("d.nl".into(), Some(64))
    );
}

#[test]
fn long_txt_is_split_into_255_byte_strings() {
    let long = "p=".to_string() + &"A".repeat(400);
    let r = txt_rdata(&long);
    assert_eq!(r.matches('"').count(), 4);
    assert!(r.starts_with("\"p=AAA") && r.contains("\" \"A"));
    assert_eq!(txt_rdata("a\"b"), "\"a\\\"b\"");
}

#[test]
fn dmarc_none_warns_missing_fails() {
    let missing = dmarc("praktijk.nl", &Ok(set(&[], Security::Secure)));
    assert_eq!(missing.status, Status::Fail);
    assert!(missing.add[0].starts_with("_dmarc.praktijk.nl. 3600 IN TXT \"v=DMARC1; p=quarantine"));
    let none = dmarc(
        "praktijk.nl",
        &Ok(set(&["v=DMARC1; p=none"], Security::Secure)),
    );
    assert_eq!(none.status, Status::Warn);
    let ok = dmarc(
        "praktijk.nl",
        &Ok(set(&["v=DMARC1;p=reject"], Security::Secure)),
    );
    assert_eq!(ok.status, Status::Ok);
}

#[test]
fn nta_record_is_offered_only_with_dnssec_and_dane_on_every_mx() {
    let mx = vec![(10u16, "mx.praktijk.nl".to_string())];
    let apex = set(&[], Security::Secure);
    let can = nta7516(
        "praktijk.nl",
        &apex,
        true,
        &mx,
        &[("mx.praktijk.nl".into(), true)],
        "Praktijk De Sluis",
    );
    assert_eq!(can.add.len(), 1, "{can:?}");
    assert!(can.add[0].contains("v=NTA7516-1;startdate="));
    assert!(can.add[0].contains("provider=Praktijk De Sluis;ntamx=10 mx.praktijk.nl"));
    // The offered record parses as a current one.
    let txt = can.add[0]
        .split("TXT \"")
        .nth(1)
        .unwrap()
        .trim_end_matches('"');
    assert!(nta::current(&[txt.to_string()], YearMonth::now()).is_some());
    let no_dane = nta7516(
        "praktijk.nl",
        &apex,
        true,
        &mx,
        &[("mx.praktijk.nl".into(), false)],
        "P",
    );
    assert!(no_dane.add.is_empty() && no_dane.en.contains("MX without DANE"));
    let unsigned = nta7516("praktijk.nl", &apex, false, &mx, &[], "P");
    assert!(unsigned.add.is_empty() && unsigned.en.contains("not signed"));
}

#[test]
fn portal_url_host_and_port() {
    assert_eq!(
        url_host_port("https://portal.praktijk.nl"),
        Some(("portal.praktijk.nl".into(), 443))
    );
    assert_eq!(
        url_host_port("https://Portal.praktijk.nl:8443/x"),
        Some(("portal.praktijk.nl".into(), 8443))
    );
    assert_eq!(url_host_port("http://x.nl"), None);
}
