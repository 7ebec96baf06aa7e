//! Web Key Directory (draft-koch-openpgp-webkey-service): fetch a
//! recipient's OpenPGP certificate over HTTPS, advanced method first
//! (`openpgpkey.<domain>`), then the direct method (`<domain>`).
//!
//! Promises: only HTTPS with PKIX-verified certificates (webpki roots plus
//! an optional extra CA file); bounded time and size; a certificate is
//! returned only if one of its user IDs carries the exact address (the
//! caller then checks validity). How it fails: network and HTTP errors are
//! [`WkdError`]s; "not published" is `Ok(None)`.

pub use crate::config::WkdConfig;
use crate::net::{http, tls};
use sha1::Digest;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum WkdError {
    #[error("WKD: invalid address")]
    Address,
    #[error("WKD: TLS configuration: {0}")]
    Config(String),
    #[error("WKD: {host}: {message}")]
    Fetch { host: String, message: String },
}

/// z-base-32 (RFC 6189) as used by WKD.
pub fn zbase32(data: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ybndrfg8ejkmcpqxot1uwisza345h769";
    let mut out = String::with_capacity(data.len() * 8 / 5 + 1);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for byte in data {
        buffer = (buffer << 8) | u32::from(*byte);
        bits += 8;
        while bits >= 5 {
            let index = (buffer >> (bits - 5)) & 31;
            out.push(char::from(ALPHABET[index as usize]));
            bits -= 5;
        }
    }
    if bits > 0 {
        let index = (buffer << (5 - bits)) & 31;
        out.push(char::from(ALPHABET[index as usize]));
    }
    out
}

/// The (advanced, direct) URLs' host and path for `address`.
pub fn urls(address: &str) -> Result<[(String, String); 2], WkdError> {
    let (local, domain) = address.rsplit_once('@').ok_or(WkdError::Address)?;
    if local.is_empty() || domain.is_empty() || domain.contains('/') {
        return Err(WkdError::Address);
    }
    let domain = domain.to_ascii_lowercase();
    let hash = zbase32(&sha1::Sha1::digest(local.to_lowercase().as_bytes()));
    let l = percent_encode(local);
    Ok([
        (
            format!("openpgpkey.{domain}"),
            format!("/.well-known/openpgpkey/{domain}/hu/{hash}?l={l}"),
        ),
        (domain, format!("/.well-known/openpgpkey/hu/{hash}?l={l}")),
    ])
}

fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An HTTPS client for WKD.
#[derive(Clone)]
pub struct WkdClient {
    config: WkdConfig,
    tls: Arc<rustls::ClientConfig>,
}

impl std::fmt::Debug for WkdClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WkdClient")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl WkdClient {
    pub fn new(config: WkdConfig) -> Result<WkdClient, WkdError> {
        let tls = tls::pkix_with_ca_file(config.extra_ca_file.as_deref())
            .map_err(|e| WkdError::Config(e.to_string()))?;
        Ok(WkdClient { config, tls })
    }

    /// Fetch the published certificate bytes for `address`: advanced
    /// method, then direct. `Ok(None)`: neither publishes one.
    pub async fn fetch(&self, address: &str) -> Result<Option<Vec<u8>>, WkdError> {
        let [advanced, direct] = urls(address)?;
        match self.get(&advanced.0, &advanced.1).await {
            Ok(Some(body)) => return Ok(Some(body)),
            Ok(None) => {}
            Err(e) => tracing::debug!(error = %e, "WKD advanced method failed; trying direct"),
        }
        self.get(&direct.0, &direct.1).await
    }

    async fn get(&self, host: &str, path: &str) -> Result<Option<Vec<u8>>, WkdError> {
        let limit = Duration::from_secs(self.config.timeout_secs.max(1));
        match tokio::time::timeout(limit, self.get_inner(host, path)).await {
            Ok(r) => r,
            Err(_) => Err(WkdError::Fetch {
                host: host.into(),
                message: "timeout".into(),
            }),
        }
    }

    async fn get_inner(&self, host: &str, path: &str) -> Result<Option<Vec<u8>>, WkdError> {
        let err = |message: String| WkdError::Fetch {
            host: host.into(),
            message,
        };
        let connect = match &self.config.hosts {
            Some(table) => {
                let addr = table
                    .get(host)
                    .ok_or_else(|| err("host not in the WKD host table".into()))?;
                http::Connect::Addr(*addr)
            }
            None => http::Connect::HostPort(host.to_string(), self.config.port),
        };
        let url = format!("https://{host}{path}");
        let headers = [
            ("User-Agent".to_string(), "sluis-wkd".to_string()),
            ("Accept".to_string(), "application/octet-stream".to_string()),
            ("Connection".to_string(), "close".to_string()),
        ];
        let req = http::Request {
            method: "GET",
            url: &url,
            headers: &headers,
            body: Vec::new(),
            tls: Some(self.tls.clone()),
            connect: Some(connect),
            // A server that closes without close_notify: take what came.
            lenient_close: true,
        };
        let limits = http::Limits {
            timeout: Duration::from_secs(self.config.timeout_secs.max(1)),
            max_body: self.config.max_bytes,
        };
        key_body(http::send(req, limits).await).map_err(err)
    }
}

/// The key from an HTTP response: 200 → body, 404/410 → None, else error.
fn key_body(resp: Result<http::Response, http::HttpError>) -> Result<Option<Vec<u8>>, String> {
    let resp = match resp {
        Ok(r) => r,
        Err(http::HttpError::TooLarge) => return Err("response too large".into()),
        Err(http::HttpError::Connect(e)) => return Err(format!("connect: {e}")),
        Err(http::HttpError::Tls(e)) => return Err(format!("TLS: {e}")),
        Err(e) => return Err(e.to_string()),
    };
    match resp.status {
        200 => Ok(Some(resp.body)),
        404 | 410 => Ok(None),
        other => Err(format!("HTTP status {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the client makes of this raw HTTP response (served over plain
    /// HTTP by a one-shot server; the TLS layer is not under test here).
    async fn parse_response(
        raw: &'static [u8],
        max_bytes: usize,
    ) -> Result<Option<Vec<u8>>, String> {
        let addr = http::serve_raw(raw).await;
        let url = format!("http://{addr}/.well-known/openpgpkey/hu/x");
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
            max_body: max_bytes,
        };
        key_body(http::send(req, limits).await)
    }
    #[test]
    fn hash_matches_the_draft_example() {
        // draft-koch-openpgp-webkey-service: "Joe.Doe" -> iy9q119eutrkn8s1mk4r39qejnbu3n5q
        let [adv, direct] = urls("Joe.Doe@Example.ORG").unwrap();
        assert_eq!(adv.0, "openpgpkey.example.org");
        assert_eq!(
            adv.1,
            "/.well-known/openpgpkey/example.org/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe"
        );
        assert_eq!(direct.0, "example.org");
        assert_eq!(
            direct.1,
            "/.well-known/openpgpkey/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe"
        );
        assert!(urls("nodomain").is_err());
    }

    #[tokio::test]
    async fn responses() {
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef", 10)
                .await
                .unwrap(),
            Some(b"abc".to_vec())
        );
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x\r\nde\r\n0\r\n\r\n", 10).await.unwrap(),
            Some(b"abcde".to_vec())
        );
        assert_eq!(
            parse_response(b"HTTP/1.1 404 Not Found\r\n\r\n", 10)
                .await
                .unwrap(),
            None
        );
        assert!(parse_response(b"HTTP/1.1 500 Oops\r\n\r\n", 10)
            .await
            .is_err());
        assert!(parse_response(b"HTTP/1.1 200 OK\r\n\r\n0123456789ab", 10)
            .await
            .is_err());
        assert!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab", 10)
                .await
                .is_err()
        );
    }
}
