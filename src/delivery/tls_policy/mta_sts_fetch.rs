//! The MTA-STS policy fetch: HTTPS GET of
//! `https://mta-sts.<domain>/.well-known/mta-sts.txt` with the one HTTP
//! client ([`crate::net::http`]), and the policy lookup that combines TXT,
//! cache and fetch.
//!
//! Promises: PKIX with the system roots plus configured extra CA roots and
//! the name `mta-sts.<domain>`; the policy host is resolved through Sluis's
//! own DNS; the whole fetch is bounded in time and the body to
//! `max_body` bytes; only a `200` counts (redirects are errors, §3.3).

use super::mta_sts::{parse_policy, parse_txt, Policy, PolicyCache, StsError};
use crate::net::dns::Dns;
use crate::net::{http, tls};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

pub use crate::config::SYSTEM_CA_BUNDLE;
use crate::config::{MTA_STS_MAX_POLICY_BYTES, MTA_STS_TIMEOUT_SECS};

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
            timeout: Duration::from_secs(MTA_STS_TIMEOUT_SECS),
            max_body: MTA_STS_MAX_POLICY_BYTES,
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
    let url = format!("https://{host}/.well-known/mta-sts.txt");
    let headers = [
        ("User-Agent".to_string(), "sluis".to_string()),
        ("Accept".to_string(), "text/plain".to_string()),
        ("Connection".to_string(), "close".to_string()),
    ];
    let req = http::Request {
        method: "GET",
        url: &url,
        headers: &headers,
        body: Vec::new(),
        tls: Some(config),
        connect: Some(http::Connect::Addr(SocketAddr::new(ip, opts.https_port))),
        // Servers that close without close_notify: keep what we have.
        lenient_close: true,
    };
    policy_body(http::send(req, http_limits(opts)).await, opts.max_body)
}

fn http_limits(opts: &FetchOptions) -> http::Limits {
    http::Limits {
        timeout: opts.timeout,
        max_body: opts.max_body,
    }
}

/// The policy from an HTTP response: status 200 only (redirects are
/// errors, §3.3), `Content-Type: text/plain` when given, at most `max_body`
/// bytes of UTF-8. Pure.
fn policy_body(
    resp: Result<http::Response, http::HttpError>,
    max_body: usize,
) -> Result<String, StsError> {
    let f = |s: &str| StsError::Fetch(s.to_string());
    let resp = match resp {
        Ok(r) => r,
        Err(http::HttpError::TooLarge) => {
            return Err(StsError::Fetch(format!(
                "policy larger than {max_body} bytes"
            )))
        }
        Err(http::HttpError::Tls(e)) => return Err(StsError::Fetch(format!("TLS: {e}"))),
        Err(http::HttpError::Connect(e)) => return Err(StsError::Fetch(e.to_string())),
        Err(e) => return Err(StsError::Fetch(e.to_string())),
    };
    if resp.status != 200 {
        return Err(StsError::Fetch(format!(
            "HTTP status {} (only 200 is accepted)",
            resp.status
        )));
    }
    for v in resp.headers_named("content-type") {
        if !v.trim().to_ascii_lowercase().starts_with("text/plain") {
            return Err(f("Content-Type is not text/plain"));
        }
    }
    if resp.body.len() > max_body {
        return Err(StsError::Fetch(format!(
            "policy larger than {max_body} bytes"
        )));
    }
    String::from_utf8(resp.body).map_err(|_| f("policy is not UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the fetch makes of this raw HTTP response (served over plain
    /// HTTP by a one-shot server; the TLS layer is not under test here).
    async fn parse_http_response(raw: &'static [u8], max_body: usize) -> Result<String, StsError> {
        let addr = http::serve_raw(raw).await;
        let url = format!("http://{addr}/.well-known/mta-sts.txt");
        let req = http::Request {
            method: "GET",
            url: &url,
            headers: &[],
            body: Vec::new(),
            tls: None,
            connect: None,
            lenient_close: true,
        };
        let limits = http::Limits {
            timeout: Duration::from_secs(10),
            max_body,
        };
        policy_body(http::send(req, limits).await, max_body)
    }

    #[tokio::test]
    async fn http_200_with_length() {
        let r =
            b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhelloEXTRA";
        assert_eq!(parse_http_response(r, 100).await, Ok("hello".into()));
    }

    #[tokio::test]
    async fn redirects_and_errors_are_refused() {
        let r = b"HTTP/1.1 301 Moved\r\nLocation: https://evil.test/\r\n\r\n";
        assert!(parse_http_response(r, 100).await.is_err());
        let r = b"HTTP/1.1 404 Not Found\r\n\r\n";
        assert!(parse_http_response(r, 100).await.is_err());
        let r = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nx";
        assert!(parse_http_response(r, 100).await.is_err());
        assert!(parse_http_response(b"garbage", 100).await.is_err());
    }

    #[tokio::test]
    async fn chunked_and_size_limit() {
        let r = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        assert_eq!(parse_http_response(r, 100).await, Ok("hello world".into()));
        assert!(parse_http_response(r, 8).await.is_err());
        let r = b"HTTP/1.1 200 OK\r\n\r\n0123456789";
        assert!(parse_http_response(r, 9).await.is_err());
    }
}
