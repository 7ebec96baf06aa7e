//! TLS-RPT over HTTPS (RFC 8460 §5.4): the report is POSTed gzipped with
//! `Content-Type: application/tlsrpt+gzip` through Sluis's one HTTP client,
//! to a real TLS server (tokio-rustls) whose certificate the reporter
//! trusts; a 2xx is success, anything else an error (the report is then
//! tried again at the next round), and an untrusted certificate is refused.

use sluis::delivery::tlsrpt::send::{gzip, post_report, Reporter};
use std::io::Read;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// One HTTPS request: its head and body; answered with `status`.
async fn serve_one(
    listener: tokio::net::TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
    status: u16,
) -> (String, Vec<u8>) {
    let (tcp, _) = listener.accept().await.expect("accept");
    let mut tls = acceptor.accept(tcp).await.expect("handshake");
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let (head, body_start) = loop {
        let n = tls.read(&mut chunk).await.expect("read");
        assert!(n > 0, "request ended early");
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break (String::from_utf8_lossy(&buf[..i]).to_string(), i + 4);
        }
    };
    let len: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())?
        })
        .expect("content-length");
    let mut body = buf[body_start..].to_vec();
    while body.len() < len {
        let n = tls.read(&mut chunk).await.expect("read body");
        assert!(n > 0, "body ended early");
        body.extend_from_slice(&chunk[..n]);
    }
    let reply = format!("HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    tls.write_all(reply.as_bytes()).await.expect("reply");
    let _ = tls.shutdown().await;
    (head, body)
}

fn server() -> (tokio_rustls::TlsAcceptor, rustls::RootCertStore) {
    let ck = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("cert");
    let cert = ck.cert.der().clone();
    let key = rustls::pki_types::PrivateKeyDer::try_from(ck.key_pair.serialize_der()).expect("key");
    let config = rustls::ServerConfig::builder_with_provider(sluis::net::tls::crypto_provider())
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert.clone()], key)
        .expect("server config");
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert).expect("root");
    (tokio_rustls::TlsAcceptor::from(Arc::new(config)), roots)
}

fn reporter(tls: Option<Arc<rustls::ClientConfig>>) -> Reporter {
    Reporter {
        from: "tls-reports@sluis.test".into(),
        organization: "sluis.test".into(),
        contact: "tls-reports@sluis.test".into(),
        hostname: "sluis.test".into(),
        https_timeout: Duration::from_secs(10),
        tls,
        max_days: 3,
    }
}

#[tokio::test]
async fn a_report_is_posted_gzipped_and_only_a_2xx_counts() {
    let (acceptor, roots) = server();
    let trusted = sluis::net::tls::pkix(roots).expect("client config");
    let report = br#"{"organization-name":"sluis.test","policies":[]}"#;
    let gz = gzip(report);

    for (status, ok) in [(200u16, true), (503, false)] {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let srv = tokio::spawn(serve_one(listener, acceptor.clone(), status));
        let url = format!("https://localhost:{port}/tlsrpt");
        let got = post_report(&reporter(Some(trusted.clone())), &url, &gz).await;
        assert_eq!(got.is_ok(), ok, "status {status}: {got:?}");
        let (head, body) = srv.await.expect("server");
        assert!(head.starts_with("POST /tlsrpt HTTP/1.1\r\n"), "{head}");
        assert!(
            head.to_ascii_lowercase()
                .contains("\r\ncontent-type: application/tlsrpt+gzip"),
            "{head}"
        );
        let mut json = Vec::new();
        flate2::read::GzDecoder::new(body.as_slice())
            .read_to_end(&mut json)
            .expect("gzip body");
        assert_eq!(json, report.to_vec());
    }

    // A collector whose certificate is not trusted gets nothing.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let srv = tokio::spawn(async move {
        if let Ok((tcp, _)) = listener.accept().await {
            let _ = acceptor.accept(tcp).await;
        }
    });
    let (_, other_roots) = server();
    let other = sluis::net::tls::pkix(other_roots).expect("client config");
    let url = format!("https://localhost:{port}/tlsrpt");
    assert!(post_report(&reporter(Some(other)), &url, &gz)
        .await
        .is_err());
    let _ = srv.await;
}
