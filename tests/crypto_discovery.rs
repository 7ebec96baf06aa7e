//! Key discovery without the key store: DANE SMIMEA / OPENPGPKEY through a
//! fake DNSSEC lookup (secure, insecure, bogus), and WKD against a local
//! HTTPS server (rustls, certificate from a test CA given as the extra
//! root), advanced then direct method, with caching. The real tools
//! decrypt what was encrypted to the discovered keys.

mod crypto_common;

use crypto_common::*;
use sluis::audit::Audit;
use sluis::crypto::discover::{BoxFuture, DnsAnswer, Dnssec, KeyLookup, LookupError, SmimeaRecord};
use sluis::crypto::{CryptoConfig, EncryptOutcome, Encryptor, KeySource, Method};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[derive(Default)]
struct FakeDns {
    smimea: Option<DnsAnswer<SmimeaRecord>>,
    openpgpkey: Option<DnsAnswer<Vec<u8>>>,
    queries: AtomicUsize,
}

impl KeyLookup for FakeDns {
    fn smimea<'a>(
        &'a self,
        _address: &'a str,
    ) -> BoxFuture<'a, Result<DnsAnswer<SmimeaRecord>, LookupError>> {
        self.queries.fetch_add(1, Ordering::SeqCst);
        let answer = self.smimea.clone().unwrap_or(DnsAnswer {
            dnssec: Dnssec::Secure,
            records: vec![],
        });
        Box::pin(async move { Ok(answer) })
    }
    fn openpgpkey<'a>(
        &'a self,
        _address: &'a str,
    ) -> BoxFuture<'a, Result<DnsAnswer<Vec<u8>>, LookupError>> {
        self.queries.fetch_add(1, Ordering::SeqCst);
        let answer = self.openpgpkey.clone().unwrap_or(DnsAnswer {
            dnssec: Dnssec::Secure,
            records: vec![],
        });
        Box::pin(async move { Ok(answer) })
    }
}

fn no_wkd() -> CryptoConfig {
    let mut c = CryptoConfig::default();
    c.wkd.enabled = false;
    c
}

fn cert_der(pem: &str) -> Vec<u8> {
    rustls_pemfile::certs(&mut pem.as_bytes())
        .next()
        .unwrap()
        .unwrap()
        .as_ref()
        .to_vec()
}

async fn encrypt(enc: &Encryptor, to: &str, message: &[u8]) -> EncryptOutcome {
    let opts = enc.options("praktijk", None);
    enc.encrypt_for(to, message, &opts).await.unwrap()
}

#[tokio::test]
async fn smimea_is_used_only_when_dnssec_secure() {
    let dir = tempfile::tempdir().unwrap();
    let (key, key_pem) = rsa_key(dir.path(), "alice");
    let der = cert_der(&smime_cert(
        &key_pem,
        &CertSpec::valid("alice@dane.test"),
        &ca(),
    ));
    let record = |usage| SmimeaRecord {
        usage,
        selector: 0,
        matching_type: 0,
        data: der.clone(),
    };
    let message = sample_message("alice@dane.test");

    let secure = Arc::new(FakeDns {
        smimea: Some(DnsAnswer {
            dnssec: Dnssec::Secure,
            records: vec![record(1), record(3)],
        }),
        ..FakeDns::default()
    });
    let (audit, mut events) = Audit::channel();
    let enc = Encryptor::new(no_wkd(), None, audit)
        .unwrap()
        .with_lookup(secure.clone());
    let EncryptOutcome::Encrypted {
        message: out,
        method,
        source,
        ..
    } = encrypt(&enc, "alice@dane.test", &message).await
    else {
        panic!("SMIMEA key not used");
    };
    assert_eq!((method, source), (Method::Smime, KeySource::Smimea));
    assert_eq!(events.try_recv().unwrap().detail["source"], "smimea");
    let p7 = dir.path().join("out.eml");
    std::fs::write(&p7, &out).unwrap();
    let plain = run(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-binary",
            "-in",
            p7.to_str().unwrap(),
            "-inkey",
            key.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(plain, expected_inner(&message, true));
    // The discovered key is cached: a second message asks DNS nothing.
    let before = secure.queries.load(Ordering::SeqCst);
    assert!(matches!(
        encrypt(&enc, "alice@dane.test", &message).await,
        EncryptOutcome::Encrypted { .. }
    ));
    assert_eq!(secure.queries.load(Ordering::SeqCst), before);

    for (dnssec, usage, why) in [
        (Dnssec::Insecure, 3, "not DNSSEC-signed"),
        (Dnssec::Bogus, 3, "bogus"),
        (Dnssec::Secure, 1, "DANE-EE"),
    ] {
        let dns = Arc::new(FakeDns {
            smimea: Some(DnsAnswer {
                dnssec,
                records: vec![record(usage)],
            }),
            ..FakeDns::default()
        });
        let enc = Encryptor::new(no_wkd(), None, Audit::disabled())
            .unwrap()
            .with_lookup(dns);
        match encrypt(&enc, "alice@dane.test", &message).await {
            EncryptOutcome::NoKey { reason } => assert!(reason.contains(why), "{reason}"),
            other => panic!("{dnssec:?} usage {usage} used: {other:?}"),
        }
    }
}

#[tokio::test]
async fn openpgpkey_is_used_and_bogus_stops_discovery() {
    let gpg = Gpg::new();
    gpg.gen("Alice <alice@dane.test>", "future-default", "2y", &[]);
    let key = gpg.export("alice@dane.test");
    let message = sample_message("alice@dane.test");
    let dns = Arc::new(FakeDns {
        openpgpkey: Some(DnsAnswer {
            dnssec: Dnssec::Secure,
            records: vec![key.clone()],
        }),
        ..FakeDns::default()
    });
    let enc = Encryptor::new(no_wkd(), None, Audit::disabled())
        .unwrap()
        .with_lookup(dns);
    let EncryptOutcome::Encrypted {
        message: out,
        method,
        source,
        ..
    } = encrypt(&enc, "alice@dane.test", &message).await
    else {
        panic!("OPENPGPKEY not used");
    };
    assert_eq!((method, source), (Method::OpenPgp, KeySource::Openpgpkey));
    let dec = gpg.decrypt_pgp_mime(&out);
    assert_eq!(dec.stdout, expected_inner(&message, true));

    // Bogus SMIMEA: nothing is used, not even a secure OPENPGPKEY.
    let dns = Arc::new(FakeDns {
        smimea: Some(DnsAnswer {
            dnssec: Dnssec::Bogus,
            records: vec![],
        }),
        openpgpkey: Some(DnsAnswer {
            dnssec: Dnssec::Secure,
            records: vec![key],
        }),
        ..FakeDns::default()
    });
    let enc = Encryptor::new(no_wkd(), None, Audit::disabled())
        .unwrap()
        .with_lookup(dns);
    assert!(matches!(
        encrypt(&enc, "alice@dane.test", &message).await,
        EncryptOutcome::NoKey { .. }
    ));
}

/// A local WKD server: answers `key` at `path`, 404 elsewhere; records
/// the (SNI host, path) of every request.
async fn wkd_server(
    ca: &Ca,
    key: Vec<u8>,
    path: String,
) -> (std::net::SocketAddr, Arc<Mutex<Vec<String>>>) {
    let server_key = rcgen::KeyPair::generate().unwrap();
    let params = rcgen::CertificateParams::new(vec![
        "openpgpkey.zorg.test".to_string(),
        "zorg.test".to_string(),
    ])
    .unwrap();
    let cert = params.signed_by(&server_key, &ca.cert, &ca.key).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        vec![cert.der().clone()],
        rustls::pki_types::PrivateKeyDer::Pkcs8(server_key.serialize_der().into()),
    )
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = log.clone();
    tokio::spawn(async move {
        for _ in 0..20 {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let Ok(mut tls) = acceptor.accept(tcp).await else {
                continue;
            };
            let sni = tls.get_ref().1.server_name().unwrap_or("").to_string();
            let mut buf = vec![0u8; 4096];
            let n = tls.read(&mut buf).await.unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]).to_string();
            let target = request.split_whitespace().nth(1).unwrap_or("").to_string();
            seen.lock().unwrap().push(format!("{sni}{target}"));
            let response = if format!("{sni}{target}") == path {
                let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\n\r\n", key.len()).into_bytes();
                r.extend_from_slice(&key);
                r
            } else {
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec()
            };
            let _ = tls.write_all(&response).await;
            let _ = tls.shutdown().await;
        }
    });
    (addr, log)
}

#[tokio::test]
async fn wkd_advanced_then_direct_over_https() {
    let dir = tempfile::tempdir().unwrap();
    let ca = ca();
    let ca_file = dir.path().join("ca.pem");
    std::fs::write(&ca_file, ca.cert.pem()).unwrap();
    let gpg = Gpg::new();
    gpg.gen("Wim <Wim.Kok@zorg.test>", "future-default", "2y", &[]);
    gpg.gen("Eve <eve@elders.test>", "future-default", "2y", &[]);
    let key = gpg.export("wim.kok@zorg.test");
    let message = sample_message("wim.kok@zorg.test");
    let [(adv_host, adv_path), (direct_host, direct_path)] =
        sluis::crypto::wkd::urls("Wim.Kok@zorg.test").unwrap();

    // Advanced method.
    let (addr, log) = wkd_server(&ca, key.clone(), format!("{adv_host}{adv_path}")).await;
    let mut config = CryptoConfig::default();
    config.wkd.extra_ca_file = Some(ca_file.clone());
    config.wkd.hosts = Some(BTreeMap::from([
        (adv_host.clone(), addr),
        (direct_host.clone(), addr),
    ]));
    let (audit, mut events) = Audit::channel();
    let enc = Encryptor::new(config.clone(), None, audit).unwrap();
    let EncryptOutcome::Encrypted {
        message: out,
        source,
        method,
        ..
    } = encrypt(&enc, "Wim.Kok@zorg.test", &message).await
    else {
        panic!("WKD key not used; server saw {:?}", log.lock().unwrap());
    };
    assert_eq!((method, source), (Method::OpenPgp, KeySource::Wkd));
    assert_eq!(events.try_recv().unwrap().detail["source"], "wkd");
    assert_eq!(
        log.lock().unwrap().clone(),
        vec![format!("{adv_host}{adv_path}")]
    );
    let dec = gpg.decrypt_pgp_mime(&out);
    assert_eq!(dec.stdout, expected_inner(&message, true));
    // Cached: no second request.
    encrypt(&enc, "wim.kok@zorg.test", &message).await;
    assert_eq!(log.lock().unwrap().len(), 1);

    // Direct method when the advanced host does not exist.
    let (addr, log) = wkd_server(&ca, key.clone(), format!("{direct_host}{direct_path}")).await;
    config.wkd.hosts = Some(BTreeMap::from([(direct_host.clone(), addr)]));
    let enc = Encryptor::new(config.clone(), None, Audit::disabled()).unwrap();
    assert!(matches!(
        encrypt(&enc, "Wim.Kok@zorg.test", &message).await,
        EncryptOutcome::Encrypted {
            source: KeySource::Wkd,
            ..
        }
    ));
    assert_eq!(
        log.lock().unwrap().clone(),
        vec![format!("{direct_host}{direct_path}")]
    );

    // A published key whose user ID is another address is not used.
    let other = gpg.export("eve@elders.test");
    let (addr, _) = wkd_server(&ca, other, format!("{adv_host}{adv_path}")).await;
    config.wkd.hosts = Some(BTreeMap::from([
        (adv_host.clone(), addr),
        (direct_host.clone(), addr),
    ]));
    let enc = Encryptor::new(config.clone(), None, Audit::disabled()).unwrap();
    assert!(matches!(
        encrypt(&enc, "Wim.Kok@zorg.test", &message).await,
        EncryptOutcome::NoKey { .. }
    ));

    // Without the test CA the server's certificate is not trusted.
    let (addr, log) = wkd_server(&ca, key, format!("{adv_host}{adv_path}")).await;
    config.wkd.extra_ca_file = None;
    config.wkd.hosts = Some(BTreeMap::from([(adv_host, addr), (direct_host, addr)]));
    let enc = Encryptor::new(config, None, Audit::disabled()).unwrap();
    match encrypt(&enc, "Wim.Kok@zorg.test", &message).await {
        EncryptOutcome::NoKey { reason } => assert!(reason.contains("TLS"), "{reason}"),
        other => panic!("untrusted WKD server used: {other:?}"),
    }
    assert!(log.lock().unwrap().is_empty());
}
