//! The one HTTP(S) client of Sluis: hyper's HTTP/1.1 connection API over
//! tokio, rustls for `https` (configurations from [`crate::net::tls`]).
//! Used for MTA-STS policy fetches, WKD key fetches and the SMS provider
//! API; one request per connection.
//!
//! Promises: every request is bounded by [`Limits`] (a whole-request
//! timeout and the largest response body accepted); the body is never put
//! in an error; no redirects are followed (the caller sees the 3xx). The
//! caller may name the address to connect to ([`Connect`]); the URL's host
//! is still the TLS server name and the `Host` header. Header names are sent
//! in title case (`Host:`), as hand-written servers expect.

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use std::sync::Arc;
use std::time::Duration;

/// Largest response body read by [`request`].
pub const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

/// Bounds on one request.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The whole request: connect, TLS, request, response and body.
    pub timeout: Duration,
    /// Largest response body accepted ([`HttpError::TooLarge`] beyond).
    pub max_body: usize,
}

/// Where to connect instead of the URL's host and port.
#[derive(Clone, Debug)]
pub enum Connect {
    /// This address (resolved by the caller, e.g. through Sluis's own DNS).
    Addr(std::net::SocketAddr),
    /// This host and port (resolved by the system resolver).
    HostPort(String, u16),
}

/// One request.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub method: &'a str,
    /// `http://host[:port]/path` or `https://...`.
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub body: Vec<u8>,
    /// TLS configuration for `https`; PKIX over the webpki roots otherwise.
    pub tls: Option<Arc<rustls::ClientConfig>>,
    /// `None`: the URL's host and port.
    pub connect: Option<Connect>,
    /// Treat a TLS peer that closes without `close_notify` as a clean end
    /// of a close-delimited body (servers that do this are common; a body
    /// with a length or chunks is still checked for completeness).
    pub lenient_close: bool,
}

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
    /// The response body exceeded [`Limits::max_body`].
    #[error("HTTP: length limit exceeded")]
    TooLarge,
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

/// Send one request and read the whole response (at most
/// [`MAX_RESPONSE_BYTES`]), within `timeout`.
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Vec<u8>,
    timeout: Duration,
    tls: Option<Arc<rustls::ClientConfig>>,
) -> Result<Response, HttpError> {
    let req = Request {
        method,
        url,
        headers,
        body,
        tls,
        connect: None,
        lenient_close: false,
    };
    let limits = Limits {
        timeout,
        max_body: MAX_RESPONSE_BYTES,
    };
    send(req, limits).await
}

/// Send `req` and read the whole response within `limits`.
pub async fn send(req: Request<'_>, limits: Limits) -> Result<Response, HttpError> {
    tokio::time::timeout(limits.timeout, send_inner(req, limits.max_body))
        .await
        .map_err(|_| HttpError::Timeout)?
}

async fn send_inner(req: Request<'_>, max_body: usize) -> Result<Response, HttpError> {
    let t = parse_url(req.url)?;
    let tcp = match &req.connect {
        None => tokio::net::TcpStream::connect((t.host.as_str(), t.port)).await,
        Some(Connect::Addr(a)) => tokio::net::TcpStream::connect(a).await,
        Some(Connect::HostPort(h, p)) => tokio::net::TcpStream::connect((h.as_str(), *p)).await,
    }
    .map_err(HttpError::Connect)?;
    let _ = tcp.set_nodelay(true);
    let host_header = if (t.tls && t.port == 443) || (!t.tls && t.port == 80) {
        t.host.clone()
    } else {
        format!("{}:{}", t.host, t.port)
    };
    let mut builder = hyper::Request::builder()
        .method(req.method)
        .uri(&t.path)
        .header("Host", host_header);
    for (n, v) in req.headers {
        builder = builder.header(n.as_str(), v.as_str());
    }
    let request = builder
        .body(Full::new(Bytes::from(req.body)))
        .map_err(|e| HttpError::Protocol(e.to_string()))?;
    if t.tls {
        let config = match req.tls {
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
        let io = LenientClose {
            inner: stream,
            lenient: req.lenient_close,
        };
        exchange(hyper_util::rt::TokioIo::new(io), request, max_body).await
    } else {
        exchange(hyper_util::rt::TokioIo::new(tcp), request, max_body).await
    }
}

async fn exchange<IO>(
    io: IO,
    req: hyper::Request<Full<Bytes>>,
    max_body: usize,
) -> Result<Response, HttpError>
where
    IO: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let proto = |e: hyper::Error| HttpError::Protocol(e.to_string());
    let (mut sender, conn) = hyper::client::conn::http1::Builder::new()
        .title_case_headers(true)
        .handshake(io)
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
    let body = Limited::new(resp.into_body(), max_body)
        .collect()
        .await
        .map_err(|e| {
            if e.is::<http_body_util::LengthLimitError>() {
                HttpError::TooLarge
            } else {
                HttpError::Protocol(e.to_string())
            }
        })?
        .to_bytes()
        .to_vec();
    driver.abort();
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// A TLS stream that, when `lenient`, reads a peer's close without
/// `close_notify` as the end of the stream.
struct LenientClose<S> {
    inner: S,
    lenient: bool,
}

impl<S: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for LenientClose<S> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let lenient = self.lenient;
        match std::pin::Pin::new(&mut self.inner).poll_read(cx, buf) {
            std::task::Poll::Ready(Err(e))
                if lenient && e.kind() == std::io::ErrorKind::UnexpectedEof =>
            {
                std::task::Poll::Ready(Ok(()))
            }
            other => other,
        }
    }
}

impl<S: tokio::io::AsyncWrite + Unpin> tokio::io::AsyncWrite for LenientClose<S> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Test helper: a one-shot plain HTTP server answering every connection
/// with `raw` and then closing. Returns its address.
#[cfg(test)]
pub(crate) async fn serve_raw(raw: &'static [u8]) -> std::net::SocketAddr {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let _ = s.read(&mut buf).await;
                let _ = s.write_all(raw).await;
                let _ = s.shutdown().await;
            });
        }
    });
    addr
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
