//! DANE conformance cases the dane-lab does not cover, run against an
//! in-test DNS server (real UDP, answers with or without AD, SERVFAIL,
//! silence) and an in-test STARTTLS SMTP server, through the same
//! `delivery check` path as the lab test, in trust-AD mode:
//! - a CNAME'd MX host: TLSA at the CNAME target (RFC 7672 §2.2.2);
//! - TLSA SERVFAIL and timeout are temporary failures, not "no TLSA";
//! - a secure TLSA RRset with only unusable records: TLS, never DANE;
//! - insecure address records: the (wrong) TLSA is not used;
//! - TLSA is looked up for the MX host, never for the mail domain;
//! - broken TLS after STARTTLS: opportunistic falls back, DANE refuses.

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::rdata::tlsa::{CertUsage, Matching, Selector};
use hickory_proto::rr::rdata::{A, CNAME, MX, TLSA};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use rcgen::{CertificateParams, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sluis::delivery::check::{check, CheckOptions};
use sluis::delivery::dns::{Dns, DnsError, DnsOptions, Validation};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, UdpSocket};

#[derive(Clone)]
enum Resp {
    Answer { records: Vec<Record>, ad: bool },
    Code(ResponseCode),
    Silent,
}

type Zone = HashMap<(String, RecordType), Resp>;

fn n(s: &str) -> Name {
    Name::from_ascii(s).expect("name")
}

fn rec(owner: &str, data: RData) -> Record {
    Record::from_rdata(n(owner), 60, data)
}

fn secure(records: Vec<Record>) -> Resp {
    Resp::Answer { records, ad: true }
}

async fn dns_server(zone: Zone) -> SocketAddr {
    let sock = UdpSocket::bind("127.0.0.1:0").await.expect("bind udp");
    let addr = sock.local_addr().expect("addr");
    tokio::spawn(async move {
        let mut buf = vec![0u8; 4096];
        while let Ok((len, peer)) = sock.recv_from(&mut buf).await {
            let Ok(q) = Message::from_vec(&buf[..len]) else {
                continue;
            };
            let Some(query) = q.queries().first().cloned() else {
                continue;
            };
            let key = (
                query.name().to_ascii().to_ascii_lowercase(),
                query.query_type(),
            );
            let resp = zone
                .get(&key)
                .cloned()
                .unwrap_or(Resp::Code(ResponseCode::NXDomain));
            let mut m = Message::new();
            m.set_id(q.id())
                .set_message_type(MessageType::Response)
                .set_recursion_desired(true)
                .set_recursion_available(true)
                .add_query(query);
            match resp {
                Resp::Silent => continue,
                Resp::Code(c) => {
                    m.set_response_code(c)
                        .set_authentic_data(c == ResponseCode::NXDomain);
                }
                Resp::Answer { records, ad } => {
                    m.set_authentic_data(ad).add_answers(records);
                }
            }
            if let Ok(wire) = m.to_vec() {
                let _ = sock.send_to(&wire, peer).await;
            }
        }
    });
    addr
}

/// A STARTTLS SMTP server with a self-signed certificate for an unrelated
/// name; returns its port and the certificate. With `broken_tls`, it says
/// yes to STARTTLS and then sends junk instead of a TLS handshake.
async fn smtp_server(broken_tls: bool) -> (u16, CertificateDer<'static>) {
    let key = KeyPair::generate().expect("key");
    let cert = CertificateParams::new(vec!["unrelated.invalid".to_string()])
        .expect("params")
        .self_signed(&key)
        .expect("cert");
    let der = cert.der().clone();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_no_client_auth()
    .with_single_cert(
        vec![der.clone()],
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    )
    .expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind smtp");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let mut s = BufReader::new(tcp);
                let _ = s.get_mut().write_all(b"220 test ESMTP\r\n").await;
                let mut line = String::new();
                loop {
                    line.clear();
                    if s.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let cmd = line.trim().to_ascii_uppercase();
                    if cmd.starts_with("EHLO") {
                        let _ = s.get_mut().write_all(b"250-test\r\n250 STARTTLS\r\n").await;
                    } else if cmd == "STARTTLS" {
                        let _ = s.get_mut().write_all(b"220 go ahead\r\n").await;
                        if broken_tls {
                            let _ = s.get_mut().write_all(b"this is not TLS\r\n").await;
                            return;
                        }
                        break;
                    } else {
                        let _ = s.get_mut().write_all(b"221 bye\r\n").await;
                        return;
                    }
                }
                let Ok(tls) = acceptor.accept(s.into_inner()).await else {
                    return;
                };
                let mut s = BufReader::new(tls);
                loop {
                    line.clear();
                    if s.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let quit = line.trim().eq_ignore_ascii_case("QUIT");
                    let reply: &[u8] = if quit {
                        b"221 bye\r\n"
                    } else {
                        b"250 test\r\n"
                    };
                    let _ = s.get_mut().write_all(reply).await;
                    if quit {
                        return;
                    }
                }
            });
        }
    });
    (port, der)
}

fn spki_sha256(cert: &CertificateDer<'_>) -> Vec<u8> {
    let (_, c) = x509_parser::parse_x509_certificate(cert.as_ref()).expect("parse cert");
    Sha256::digest(c.tbs_certificate.subject_pki.raw).to_vec()
}

fn tlsa(usage: CertUsage, data: Vec<u8>) -> RData {
    RData::TLSA(TLSA::new(usage, Selector::Spki, Matching::Sha256, data))
}

/// MX `domain` → `mx_host` with A 127.0.0.1 and AAAA NODATA, all secure.
fn simple_domain(z: &mut Zone, domain: &str, mx_host: &str, addr_ad: bool) {
    z.insert(
        (format!("{domain}."), RecordType::MX),
        secure(vec![rec(
            &format!("{domain}."),
            RData::MX(MX::new(10, n(&format!("{mx_host}.")))),
        )]),
    );
    z.insert(
        (format!("{mx_host}."), RecordType::A),
        Resp::Answer {
            records: vec![rec(&format!("{mx_host}."), RData::A(A::new(127, 0, 0, 1)))],
            ad: addr_ad,
        },
    );
    z.insert(
        (format!("{mx_host}."), RecordType::AAAA),
        Resp::Answer {
            records: vec![],
            ad: addr_ad,
        },
    );
}

fn report_mx(r: &Value) -> &Value {
    &r["mx"][0]
}

#[tokio::test(flavor = "multi_thread")]
async fn dane_conformance_against_a_scripted_dns() {
    let (port, cert) = smtp_server(false).await;
    let (broken_port, _) = smtp_server(true).await;
    let good = spki_sha256(&cert);
    let mut z = Zone::new();

    // 1. CNAME'd MX host; TLSA only at the target.
    z.insert(
        ("cname.test.".into(), RecordType::MX),
        secure(vec![rec(
            "cname.test.",
            RData::MX(MX::new(10, n("mx.cname.test."))),
        )]),
    );
    let chain = vec![
        rec(
            "mx.cname.test.",
            RData::CNAME(CNAME(n("real.hosting.test."))),
        ),
        rec("real.hosting.test.", RData::A(A::new(127, 0, 0, 1))),
    ];
    z.insert(("mx.cname.test.".into(), RecordType::A), secure(chain));
    z.insert(
        ("mx.cname.test.".into(), RecordType::AAAA),
        secure(vec![rec(
            "mx.cname.test.",
            RData::CNAME(CNAME(n("real.hosting.test."))),
        )]),
    );
    z.insert(
        ("real.hosting.test.".into(), RecordType::AAAA),
        secure(vec![]),
    );
    let owner = format!("_{port}._tcp.real.hosting.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, good.clone()))]),
    );

    // 2. TLSA SERVFAIL on a secure host.
    simple_domain(&mut z, "servfail.test", "mx.servfail.test", true);
    z.insert(
        (format!("_{port}._tcp.mx.servfail.test."), RecordType::TLSA),
        Resp::Code(ResponseCode::ServFail),
    );

    // 3. Only unusable TLSA records (PKIX-EE with the right digest).
    simple_domain(&mut z, "unusable.test", "mx.unusable.test", true);
    let owner = format!("_{port}._tcp.mx.unusable.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::PkixEe, good.clone()))]),
    );

    // 4. Insecure address records with a wrong TLSA: TLSA ignored.
    simple_domain(&mut z, "insecure-a.test", "mx.insecure-a.test", false);
    let owner = format!("_{port}._tcp.mx.insecure-a.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, vec![0u8; 32]))]),
    );

    // 5. Same secure host, TLSA with a wrong digest: refuse (control).
    simple_domain(&mut z, "wrong.test", "mx.wrong.test", true);
    let owner = format!("_{port}._tcp.mx.wrong.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, vec![0u8; 32]))]),
    );

    // 6. A server whose TLS is broken: opportunistic falls back to plain,
    //    DANE refuses.
    simple_domain(&mut z, "broken.test", "mx.broken.test", false);
    simple_domain(&mut z, "broken-dane.test", "mx.broken-dane.test", true);
    let owner = format!("_{broken_port}._tcp.mx.broken-dane.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, good.clone()))]),
    );

    // 7. TLSA published for the mail domain, not for its MX host: no DANE.
    simple_domain(&mut z, "domain-tlsa.test", "mx.domain-tlsa.test", true);
    let owner = format!("_{port}._tcp.domain-tlsa.test.");
    z.insert(
        (owner.clone(), RecordType::TLSA),
        secure(vec![rec(&owner, tlsa(CertUsage::DaneEe, good.clone()))]),
    );

    // 8. A TLSA query that is never answered.
    z.insert(
        ("_25._tcp.silent.test.".into(), RecordType::TLSA),
        Resp::Silent,
    );

    let server = dns_server(z).await;
    let opts = CheckOptions {
        resolver: Some(server),
        trust_ad: true,
        smtp_port: Some(port),
        ..CheckOptions::default()
    };

    let r = check("cname.test", &opts).await;
    assert_eq!(r["outcome"], "dane", "{r}");
    assert_eq!(report_mx(&r)["cname"], "real.hosting.test", "{r}");
    assert_eq!(report_mx(&r)["authentication"], "dane-ee", "{r}");

    let r = check("servfail.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");
    let status = report_mx(&r)["tlsa_status"].as_str().unwrap_or("");
    assert!(status.starts_with("lookup failed"), "{r}");

    let r = check("unusable.test", &opts).await;
    assert_eq!(r["outcome"], "tls", "{r}");
    assert_eq!(report_mx(&r)["level"], "encrypt", "{r}");
    assert_eq!(report_mx(&r)["tlsa"][0]["usable"], false, "{r}");

    let r = check("insecure-a.test", &opts).await;
    assert_eq!(r["outcome"], "tls", "{r}");
    assert_eq!(report_mx(&r)["level"], "opportunistic", "{r}");

    let r = check("wrong.test", &opts).await;
    assert_eq!(r["outcome"], "refuse", "{r}");

    let r = check("domain-tlsa.test", &opts).await;
    assert_eq!(r["outcome"], "tls", "{r}");
    assert_eq!(report_mx(&r)["level"], "opportunistic", "{r}");

    let broken = CheckOptions {
        smtp_port: Some(broken_port),
        ..opts.clone()
    };
    let r = check("broken.test", &broken).await;
    assert_eq!(r["outcome"], "plain", "{r}");
    let r = check("broken-dane.test", &broken).await;
    assert_eq!(r["outcome"], "refuse", "{r}");
    assert_eq!(report_mx(&r)["level"], "dane", "{r}");

    // Timeout: a temporary failure, promptly.
    let dns = Dns::new(DnsOptions {
        upstream: Some(server),
        validation: Validation::TrustAd,
        timeout: Duration::from_millis(300),
        attempts: 1,
        ..DnsOptions::default()
    })
    .await
    .expect("dns");
    let started = std::time::Instant::now();
    let got = dns.tlsa(25, "silent.test").await;
    assert!(matches!(got, Err(DnsError::Temporary { .. })), "{got:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    // And a real "no": NXDOMAIN with AD is a secure negative, not an error.
    let got = dns.tlsa(25, "nothing.test").await.expect("negative answer");
    assert!(got.records.is_empty() && got.negative.is_some());
}
