//! A minimal HTTP/1.1 client (hyper's connection API over tokio, rustls for
//! `https`), enough for an SMS provider API: one request per connection,
//! a whole-request timeout and a bounded response body.
//!
//! Fails with [`HttpError`]; bodies are never put in an error.

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use std::sync::Arc;
use std::time::Duration;

/// Largest response body read.
pub const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("bad URL (want http:// or https://host[:port]/path)")]
    BadUrl,
    #[error("connect: {0}")]
    Connect(std::io::Error),
    #[error("TLS: {0}")]
    Tls(String),
    #[error("HTTP: {0}")]
    Protocol(String),
    #[error("timed out")]
    Timeout,
}

/// A response: status, headers (lower-case names) and body.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// First header with this (case-insensitive) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// All values of a header.
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

struct Target {
    tls: bool,
    host: String,
    port: u16,
    path: String,
}

fn parse_url(url: &str) -> Result<Target, HttpError> {
    let (tls, rest) = if let Some(r) = url.strip_prefix("https://") {
        (true, r)
    } else if let Some(r) = url.strip_prefix("http://") {
        (false, r)
    } else {
        return Err(HttpError::BadUrl);
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, "/"),
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => {
            (h, p.parse().map_err(|_| HttpError::BadUrl)?)
        }
        _ => (authority, if tls { 443 } else { 80 }),
    };
    if host.is_empty() {
        return Err(HttpError::BadUrl);
    }
    Ok(Target {
        tls,
        host: host.trim_start_matches('[').trim_end_matches(']').into(),
        port,
        path: path.to_string(),
    })
}

/// Send one request and read the whole response (bounded), within `timeout`.
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Vec<u8>,
    timeout: Duration,
    tls: Option<Arc<rustls::ClientConfig>>,
) -> Result<Response, HttpError> {
    tokio::time::timeout(timeout, request_inner(method, url, headers, body, tls))
        .await
        .map_err(|_| HttpError::Timeout)?
}

async fn request_inner(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Vec<u8>,
    tls: Option<Arc<rustls::ClientConfig>>,
) -> Result<Response, HttpError> {
    let t = parse_url(url)?;
    let tcp = tokio::net::TcpStream::connect((t.host.as_str(), t.port))
        .await
        .map_err(HttpError::Connect)?;
    let _ = tcp.set_nodelay(true);
    let host_header = if (t.tls && t.port == 443) || (!t.tls && t.port == 80) {
        t.host.clone()
    } else {
        format!("{}:{}", t.host, t.port)
    };
    let mut builder = hyper::Request::builder()
        .method(method)
        .uri(&t.path)
        .header("Host", host_header);
    for (n, v) in headers {
        builder = builder.header(n.as_str(), v.as_str());
    }
    let req = builder
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| HttpError::Protocol(e.to_string()))?;
    if t.tls {
        let config = match tls {
            Some(c) => c,
            None => crate::net::tls::pkix(crate::net::tls::webpki_roots())
                .map_err(|e| HttpError::Tls(e.to_string()))?,
        };
        let name = rustls::pki_types::ServerName::try_from(t.host.clone())
            .map_err(|_| HttpError::BadUrl)?;
        let stream = tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .map_err(|e| HttpError::Tls(e.to_string()))?;
        send(hyper_util::rt::TokioIo::new(stream), req).await
    } else {
        send(hyper_util::rt::TokioIo::new(tcp), req).await
    }
}

async fn send<IO>(io: IO, req: hyper::Request<Full<Bytes>>) -> Result<Response, HttpError>
where
    IO: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let proto = |e: hyper::Error| HttpError::Protocol(e.to_string());
    let (mut sender, conn) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(proto)?;
    let driver = tokio::spawn(conn);
    let resp = sender.send_request(req).await.map_err(proto)?;
    let status = resp.status().as_u16();
    let headers = resp
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = Limited::new(resp.into_body(), MAX_RESPONSE_BYTES)
        .collect()
        .await
        .map_err(|e| HttpError::Protocol(e.to_string()))?
        .to_bytes()
        .to_vec();
    driver.abort();
    Ok(Response {
        status,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_into_scheme_host_port_path() {
        let t = parse_url("https://sms.example:8443/api/send?x=1").unwrap();
        assert!(t.tls);
        assert_eq!((t.host.as_str(), t.port), ("sms.example", 8443));
        assert_eq!(t.path, "/api/send?x=1");
        let t = parse_url("http://127.0.0.1").unwrap();
        assert_eq!((t.port, t.path.as_str()), (80, "/"));
        assert!(parse_url("ftp://x").is_err());
        assert!(parse_url("http://:80/").is_err());
    }
}
