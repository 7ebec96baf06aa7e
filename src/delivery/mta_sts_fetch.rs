//! The MTA-STS policy fetch: HTTPS GET of
//! `https://mta-sts.<domain>/.well-known/mta-sts.txt` with a minimal
//! HTTP/1.1 client over tokio-rustls (no HTTP crate needed for one GET of a
//! small file), and the policy lookup that combines TXT, cache and fetch.
//!
//! Promises: PKIX with the system roots plus configured extra CA roots and
//! the name `mta-sts.<domain>`; the policy host is resolved through Sluis's
//! own DNS; the whole fetch is bounded in time and the body to
//! `max_body` bytes; only a `200` counts (redirects are errors, §3.3).

use super::mta_sts::{parse_policy, parse_txt, Policy, PolicyCache, StsError};
use crate::net::dns::Dns;
use crate::net::tls;
use rustls::pki_types::ServerName;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Where the system's CA bundle usually is (Debian).
pub const SYSTEM_CA_BUNDLE: &str = "/etc/ssl/certs/ca-certificates.crt";

#[derive(Clone, Debug)]
pub struct FetchOptions {
    pub https_port: u16,
    pub timeout: Duration,
    /// RFC 8461 §3.3 suggests 64 KiB.
    pub max_body: usize,
    /// Extra CA roots (PEM) trusted besides the system bundle.
    pub extra_ca: Option<PathBuf>,
    pub system_ca: Option<PathBuf>,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            https_port: 443,
            timeout: Duration::from_secs(20),
            max_body: 64 * 1024,
            extra_ca: None,
            system_ca: Some(PathBuf::from(SYSTEM_CA_BUNDLE)),
        }
    }
}

/// The outcome of looking for a domain's policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StsLookup {
    /// No `_mta-sts` record and nothing cached.
    NoPolicy,
    /// A valid policy (fresh from the cache or just fetched).
    Policy {
        id: String,
        policy: Policy,
        cached: bool,
    },
    /// A record exists but the policy is unusable: treated as no policy.
    Invalid(StsError),
}

/// TXT → cache → fetch (§5). A failing TXT lookup still lets a cached
/// policy apply.
pub async fn lookup_policy(
    dns: &Dns,
    domain: &str,
    cache: &PolicyCache,
    opts: &FetchOptions,
) -> StsLookup {
    let txt = match dns.txt(&format!("_mta-sts.{domain}")).await {
        Ok(rs) => parse_txt(&rs.records),
        Err(e) => Err(StsError::Dns(e.to_string())),
    };
    let id = match txt {
        Ok(Some(id)) => id,
        Ok(None) => {
            return match cache.get(domain, None) {
                Some(policy) => StsLookup::Policy {
                    id: String::new(),
                    policy,
                    cached: true,
                },
                None => StsLookup::NoPolicy,
            }
        }
        Err(e) => {
            return match cache.get(domain, None) {
                Some(policy) => StsLookup::Policy {
                    id: String::new(),
                    policy,
                    cached: true,
                },
                None => StsLookup::Invalid(e),
            }
        }
    };
    if let Some(policy) = cache.get(domain, Some(&id)) {
        return StsLookup::Policy {
            id,
            policy,
            cached: true,
        };
    }
    match fetch_policy(dns, domain, opts)
        .await
        .and_then(|b| parse_policy(&b))
    {
        Ok(policy) => {
            cache.put(domain, &id, policy.clone());
            StsLookup::Policy {
                id,
                policy,
                cached: false,
            }
        }
        Err(e) => match cache.get(domain, None) {
            Some(policy) => StsLookup::Policy {
                id,
                policy,
                cached: true,
            },
            None => StsLookup::Invalid(e),
        },
    }
}

/// Fetch the policy body for `domain`.
pub async fn fetch_policy(
    dns: &Dns,
    domain: &str,
    opts: &FetchOptions,
) -> Result<String, StsError> {
    let host = format!("mta-sts.{}", domain.trim_end_matches('.'));
    let fut = fetch_inner(dns, &host, opts);
    match tokio::time::timeout(opts.timeout, fut).await {
        Ok(r) => r,
        Err(_) => Err(StsError::Fetch(format!("timeout after {:?}", opts.timeout))),
    }
}

async fn fetch_inner(dns: &Dns, host: &str, opts: &FetchOptions) -> Result<String, StsError> {
    let f = |s: String| StsError::Fetch(s);
    let addrs = dns.addrs(host).await.map_err(|e| f(e.to_string()))?;
    if addrs.security == crate::net::dns::Security::Bogus {
        return Err(f(format!("{host}: DNSSEC validation failed (bogus)")));
    }
    let ip = *addrs
        .records
        .first()
        .ok_or_else(|| f(format!("{host} has no address")))?;
    let roots = tls::pkix_roots(opts.system_ca.as_deref(), opts.extra_ca.as_deref()).map_err(f)?;
    let config = tls::pkix(roots).map_err(|e| f(e.to_string()))?;
    let name = ServerName::try_from(host.to_string()).map_err(|e| f(e.to_string()))?;
    let tcp = TcpStream::connect(SocketAddr::new(ip, opts.https_port))
        .await
        .map_err(|e| f(e.to_string()))?;
    let mut tls = tokio_rustls::TlsConnector::from(config)
        .connect(name, tcp)
        .await
        .map_err(|e| f(format!("TLS: {e}")))?;
    let req = format!(
        "GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: {host}\r\nUser-Agent: sluis\r\nAccept: text/plain\r\nConnection: close\r\n\r\n"
    );
    tls.write_all(req.as_bytes())
        .await
        .map_err(|e| f(e.to_string()))?;
    let limit = opts.max_body + 16 * 1024; // room for headers
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = match tls.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => n,
            // Servers that close without close_notify: keep what we have.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => return Err(f(e.to_string())),
        };
        buf.extend_from_slice(chunk.get(..n).unwrap_or(&[]));
        if buf.len() > limit {
            return Err(f(format!("response larger than {} bytes", opts.max_body)));
        }
    }
    parse_http_response(&buf, opts.max_body)
}

/// Parse a complete HTTP/1.x response: status 200 only, `Content-Length`
/// or chunked or close-delimited body, at most `max_body` bytes. Pure.
pub fn parse_http_response(raw: &[u8], max_body: usize) -> Result<String, StsError> {
    let f = |s: &str| StsError::Fetch(s.to_string());
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| f("no end of HTTP headers"))?;
    let head = std::str::from_utf8(raw.get(..split).unwrap_or(&[]))
        .map_err(|_| f("HTTP headers not UTF-8"))?;
    let body = raw.get(split + 4..).unwrap_or(&[]);
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap_or("");
    let code = status.split_whitespace().nth(1).unwrap_or("");
    if !status.starts_with("HTTP/1.") || code != "200" {
        return Err(StsError::Fetch(format!(
            "HTTP status {code:.3} (only 200 is accepted)"
        )));
    }
    let (mut length, mut chunked) = (None, false);
    for l in lines {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase());
        match k.as_str() {
            "content-length" => length = v.parse::<usize>().ok(),
            "transfer-encoding" => chunked = v.contains("chunked"),
            "content-type" if !v.starts_with("text/plain") => {
                return Err(f("Content-Type is not text/plain"))
            }
            _ => {}
        }
    }
    let body = if chunked {
        dechunk(body, max_body)?
    } else if let Some(n) = length {
        body.get(..n)
            .ok_or_else(|| f("body shorter than Content-Length"))?
            .to_vec()
    } else {
        body.to_vec()
    };
    if body.len() > max_body {
        return Err(StsError::Fetch(format!(
            "policy larger than {max_body} bytes"
        )));
    }
    String::from_utf8(body).map_err(|_| f("policy is not UTF-8"))
}

fn dechunk(mut b: &[u8], max: usize) -> Result<Vec<u8>, StsError> {
    let f = |s: &str| StsError::Fetch(s.to_string());
    let mut out = Vec::new();
    loop {
        let eol = b
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| f("bad chunk"))?;
        let size_line =
            std::str::from_utf8(b.get(..eol).unwrap_or(&[])).map_err(|_| f("bad chunk"))?;
        let size_hex = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16).map_err(|_| f("bad chunk size"))?;
        if size == 0 {
            return Ok(out);
        }
        if out.len().saturating_add(size) > max {
            return Err(StsError::Fetch(format!("policy larger than {max} bytes")));
        }
        let data = b
            .get(eol + 2..eol + 2 + size)
            .ok_or_else(|| f("truncated chunk"))?;
        out.extend_from_slice(data);
        b = b
            .get(eol + 4 + size..)
            .ok_or_else(|| f("truncated chunk"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_200_with_length() {
        let r =
            b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhelloEXTRA";
        assert_eq!(parse_http_response(r, 100), Ok("hello".into()));
    }

    #[test]
    fn redirects_and_errors_are_refused() {
        let r = b"HTTP/1.1 301 Moved\r\nLocation: https://evil.test/\r\n\r\n";
        assert!(parse_http_response(r, 100).is_err());
        let r = b"HTTP/1.1 404 Not Found\r\n\r\n";
        assert!(parse_http_response(r, 100).is_err());
        let r = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nx";
        assert!(parse_http_response(r, 100).is_err());
        assert!(parse_http_response(b"garbage", 100).is_err());
    }

    #[test]
    fn chunked_and_size_limit() {
        let r = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        assert_eq!(parse_http_response(r, 100), Ok("hello world".into()));
        assert!(parse_http_response(r, 8).is_err());
        let r = b"HTTP/1.1 200 OK\r\n\r\n0123456789";
        assert!(parse_http_response(r, 9).is_err());
    }
}
