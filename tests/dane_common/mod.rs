//! Shared helpers for the `dane_*` integration tests: a scripted DNS
//! server over real UDP (answers with or without AD, error codes, silence)
//! and a STARTTLS SMTP server with an rcgen certificate.
#![allow(dead_code)]

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::rdata::tlsa::{CertUsage, Matching, Selector};
use hickory_proto::rr::rdata::{A, MX, TLSA};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use rcgen::{CertificateParams, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, UdpSocket};

#[derive(Clone)]
pub enum Resp {
    Answer { records: Vec<Record>, ad: bool },
    Code(ResponseCode),
    Silent,
}

pub type Zone = HashMap<(String, RecordType), Resp>;

pub fn n(s: &str) -> Name {
    Name::from_ascii(s).expect("name")
}

pub fn rec(owner: &str, data: RData) -> Record {
    Record::from_rdata(n(owner), 60, data)
}

pub fn secure(records: Vec<Record>) -> Resp {
    Resp::Answer { records, ad: true }
}

pub async fn dns_server(zone: Zone) -> SocketAddr {
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
pub async fn smtp_server(broken_tls: bool) -> (u16, CertificateDer<'static>) {
    let key = KeyPair::generate().expect("key");
    let cert = CertificateParams::new(vec!["unrelated.invalid".to_string()])
        .expect("params")
        .self_signed(&key)
        .expect("cert");
    let der = cert.der().clone();
    let port = smtp_server_with(vec![der.clone()], key.serialize_der(), broken_tls).await;
    (port, der)
}

/// A STARTTLS SMTP server presenting `chain` (leaf first) with `key_der`
/// (PKCS#8); returns its port.
pub async fn smtp_server_with(
    chain: Vec<CertificateDer<'static>>,
    key_der: Vec<u8>,
    broken_tls: bool,
) -> u16 {
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_no_client_auth()
    .with_single_cert(
        chain,
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_der)),
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
    port
}

pub fn spki_sha256(cert: &CertificateDer<'_>) -> Vec<u8> {
    let (_, c) = x509_parser::parse_x509_certificate(cert.as_ref()).expect("parse cert");
    Sha256::digest(c.tbs_certificate.subject_pki.raw).to_vec()
}

pub fn tlsa(usage: CertUsage, data: Vec<u8>) -> RData {
    RData::TLSA(TLSA::new(usage, Selector::Spki, Matching::Sha256, data))
}

/// MX `domain` → `mx_host` with A 127.0.0.1 and AAAA NODATA, all secure.
pub fn simple_domain(z: &mut Zone, domain: &str, mx_host: &str, addr_ad: bool) {
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

/// A test CA and leaves signed by it.
pub struct TestCa {
    pub cert: rcgen::Certificate,
    pub key: KeyPair,
}

impl TestCa {
    pub fn new() -> TestCa {
        let key = KeyPair::generate().expect("key");
        let mut p = CertificateParams::new(Vec::<String>::new()).expect("params");
        p.distinguished_name
            .push(rcgen::DnType::CommonName, "Sluis Test CA");
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let cert = p.self_signed(&key).expect("ca");
        TestCa { cert, key }
    }

    /// A leaf for `names`: (chain leaf+CA, PKCS#8 key).
    pub fn leaf(&self, names: &[&str]) -> (Vec<CertificateDer<'static>>, Vec<u8>) {
        let key = KeyPair::generate().expect("key");
        let p = CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .expect("params");
        let cert = p.signed_by(&key, &self.cert, &self.key).expect("leaf");
        (
            vec![cert.der().clone(), self.cert.der().clone()],
            key.serialize_der(),
        )
    }

    pub fn pem(&self) -> String {
        self.cert.pem()
    }
}

/// An HTTPS server answering each request by its Host header with
/// `responses[host]` (raw HTTP response bytes), 404 otherwise.
pub async fn https_server(
    chain: Vec<CertificateDer<'static>>,
    key_der: Vec<u8>,
    responses: HashMap<String, Vec<u8>>,
) -> u16 {
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_no_client_auth()
    .with_single_cert(
        chain,
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_der)),
    )
    .expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind https");
    let port = listener.local_addr().expect("addr").port();
    let responses = Arc::new(responses);
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let responses = Arc::clone(&responses);
            tokio::spawn(async move {
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut s = BufReader::new(tls);
                let mut host = String::new();
                let mut line = String::new();
                loop {
                    line.clear();
                    if s.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if line == "\r\n" {
                        break;
                    }
                    if let Some(h) = line.strip_prefix("Host:") {
                        host = h.trim().to_ascii_lowercase();
                    }
                }
                let resp = responses.get(&host).cloned().unwrap_or_else(|| {
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec()
                });
                let _ = s.get_mut().write_all(&resp).await;
                let _ = s.get_mut().shutdown().await;
            });
        }
    });
    port
}
