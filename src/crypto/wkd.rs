//! Web Key Directory (draft-koch-openpgp-webkey-service): fetch a
//! recipient's OpenPGP certificate over HTTPS, advanced method first
//! (`openpgpkey.<domain>`), then the direct method (`<domain>`).
//!
//! Promises: only HTTPS with PKIX-verified certificates (webpki roots plus
//! an optional extra CA file); bounded time and size; a certificate is
//! returned only if one of its user IDs carries the exact address (the
//! caller then checks validity). How it fails: network and HTTP errors are
//! [`WkdError`]s; "not published" is `Ok(None)`.

use crate::net::tls;
use serde::{Deserialize, Serialize};
use sha1::Digest;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WkdConfig {
    pub enabled: bool,
    /// HTTPS port (443; tests use another).
    pub port: u16,
    /// Whole request (connect, TLS, response) must finish within this.
    pub timeout_secs: u64,
    /// Largest response body accepted.
    pub max_bytes: usize,
    /// PEM file with extra trusted CA certificates.
    pub extra_ca_file: Option<PathBuf>,
    /// When set, the complete host table for WKD (host -> address); no
    /// other name is resolved. For split-horizon setups and tests.
    pub hosts: Option<BTreeMap<String, SocketAddr>>,
}

impl Default for WkdConfig {
    fn default() -> Self {
        WkdConfig {
            enabled: true,
            port: 443,
            timeout_secs: 10,
            max_bytes: 256 * 1024,
            extra_ca_file: None,
            hosts: None,
        }
    }
}

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
        let tcp = match &self.config.hosts {
            Some(table) => {
                let addr = table
                    .get(host)
                    .ok_or_else(|| err("host not in the WKD host table".into()))?;
                tokio::net::TcpStream::connect(addr).await
            }
            None => tokio::net::TcpStream::connect((host, self.config.port)).await,
        }
        .map_err(|e| err(format!("connect: {e}")))?;
        let name = rustls::pki_types::ServerName::try_from(host.to_string())
            .map_err(|e| err(e.to_string()))?;
        let connector = tokio_rustls::TlsConnector::from(self.tls.clone());
        let mut tls = connector
            .connect(name, tcp)
            .await
            .map_err(|e| err(format!("TLS: {e}")))?;
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: sluis-wkd\r\nAccept: application/octet-stream\r\nConnection: close\r\n\r\n"
        );
        tls.write_all(request.as_bytes())
            .await
            .map_err(|e| err(format!("write: {e}")))?;
        let cap = self.config.max_bytes.saturating_add(16 * 1024);
        let mut response = Vec::new();
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match tls.read(&mut chunk).await {
                Ok(0) => break,
                Ok(n) => {
                    response.extend_from_slice(chunk.get(..n).unwrap_or_default());
                    if response.len() > cap {
                        return Err(err("response too large".into()));
                    }
                }
                // A server that closes without close_notify: take what came.
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
                Err(e) => return Err(err(format!("read: {e}"))),
            }
        }
        parse_response(&response, self.config.max_bytes).map_err(err)
    }
}

/// Parse an HTTP/1.1 response: 200 → body, 404/410 → None, else error.
pub fn parse_response(response: &[u8], max_bytes: usize) -> Result<Option<Vec<u8>>, String> {
    let end = memchr::memmem::find(response, b"\r\n\r\n").ok_or("truncated response")?;
    let head = std::str::from_utf8(response.get(..end).unwrap_or_default())
        .map_err(|_| "response header not UTF-8")?;
    let body = response.get(end + 4..).unwrap_or_default();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .ok_or("bad status line")?;
    match status {
        200 => {}
        404 | 410 => return Ok(None),
        other => return Err(format!("HTTP status {other}")),
    }
    let mut chunked = false;
    let mut length = None;
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.eq_ignore_ascii_case("chunked");
            } else if name.eq_ignore_ascii_case("content-length") {
                length = Some(value.parse::<usize>().map_err(|_| "bad content-length")?);
            }
        }
    }
    let body = if chunked {
        dechunk(body)?
    } else if let Some(n) = length {
        body.get(..n)
            .ok_or("body shorter than content-length")?
            .to_vec()
    } else {
        body.to_vec()
    };
    if body.len() > max_bytes {
        return Err("response too large".into());
    }
    Ok(Some(body))
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let nl = memchr::memmem::find(data, b"\r\n").ok_or("bad chunk")?;
        let size_text =
            std::str::from_utf8(data.get(..nl).unwrap_or_default()).map_err(|_| "bad chunk")?;
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| "bad chunk size")?;
        data = data.get(nl + 2..).ok_or("bad chunk")?;
        if size == 0 {
            return Ok(out);
        }
        out.extend_from_slice(data.get(..size).ok_or("truncated chunk")?);
        data = data.get(size + 2..).ok_or("truncated chunk")?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn responses() {
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef", 10).unwrap(),
            Some(b"abc".to_vec())
        );
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x\r\nde\r\n0\r\n\r\n", 10).unwrap(),
            Some(b"abcde".to_vec())
        );
        assert_eq!(
            parse_response(b"HTTP/1.1 404 Not Found\r\n\r\n", 10).unwrap(),
            None
        );
        assert!(parse_response(b"HTTP/1.1 500 Oops\r\n\r\n", 10).is_err());
        assert!(parse_response(b"HTTP/1.1 200 OK\r\n\r\n0123456789ab", 10).is_err());
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab", 10).is_err());
    }
}
