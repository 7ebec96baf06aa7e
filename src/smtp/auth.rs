//! SMTP AUTH helpers: decoding PLAIN and LOGIN responses (pure), the
//! per-IP failed-attempt limiter shared by all sessions, and masking of
//! usernames for logs and audit.
//!
//! Promises: passwords are never logged or kept beyond the check; an IP
//! with too many failures inside the window is refused until the window
//! passes; the limiter's memory is bounded.

use base64::Engine;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, PartialEq, Eq)]
pub enum AuthInputError {
    /// The client sent `*`.
    Cancelled,
    /// Not base64, not UTF-8, or not the mechanism's shape.
    Malformed,
}

/// Decode one base64 client response (`=` is the empty response).
pub fn decode_response(line: &str) -> Result<Vec<u8>, AuthInputError> {
    let line = line.trim();
    if line == "*" {
        return Err(AuthInputError::Cancelled);
    }
    if line == "=" {
        return Ok(Vec::new());
    }
    base64::engine::general_purpose::STANDARD
        .decode(line)
        .map_err(|_| AuthInputError::Malformed)
}

/// RFC 4616: `[authzid] NUL authcid NUL passwd`. An authzid other than the
/// authcid (acting for someone else) is not supported.
pub fn parse_plain(raw: &[u8]) -> Result<(String, String), AuthInputError> {
    let mut parts = raw.split(|&b| b == 0);
    let (Some(authz), Some(user), Some(pass), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(AuthInputError::Malformed);
    };
    if user.is_empty() || (!authz.is_empty() && authz != user) {
        return Err(AuthInputError::Malformed);
    }
    let user = String::from_utf8(user.to_vec()).map_err(|_| AuthInputError::Malformed)?;
    let pass = String::from_utf8(pass.to_vec()).map_err(|_| AuthInputError::Malformed)?;
    Ok((user, pass))
}

pub fn utf8(raw: Vec<u8>) -> Result<String, AuthInputError> {
    String::from_utf8(raw).map_err(|_| AuthInputError::Malformed)
}

/// `jansen@praktijk.nl` -> `j***@praktijk.nl`; never the whole name.
pub fn mask_user(user: &str) -> String {
    let (local, domain) = match user.rsplit_once('@') {
        Some((l, d)) => (l, Some(d)),
        None => (user, None),
    };
    let first: String = local.chars().take(1).collect();
    match domain {
        Some(d) => format!("{first}***@{d}"),
        None => format!("{first}***"),
    }
}

/// Entries kept before expired ones are pruned.
const PRUNE_AT: usize = 10_000;

/// Failed AUTH attempts per client IP in a sliding-start window.
pub struct AuthFailures {
    max: u32,
    window: Duration,
    map: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl AuthFailures {
    pub fn new(max: u32, window: Duration) -> AuthFailures {
        AuthFailures {
            max,
            window,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Is this IP refused AUTH right now?
    pub fn is_blocked(&self, ip: IpAddr) -> bool {
        let Ok(map) = self.map.lock() else {
            return true; // poisoned: fail closed
        };
        match map.get(&ip) {
            Some((since, count)) => since.elapsed() < self.window && *count >= self.max,
            None => false,
        }
    }

    /// Count one failure; returns whether the IP is now blocked.
    pub fn record(&self, ip: IpAddr) -> bool {
        let Ok(mut map) = self.map.lock() else {
            return true;
        };
        if map.len() >= PRUNE_AT {
            let window = self.window;
            map.retain(|_, (since, _)| since.elapsed() < window);
        }
        let now = Instant::now();
        let entry = map.entry(ip).or_insert((now, 0));
        if entry.0.elapsed() >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        entry.1 >= self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decoding() {
        let raw = decode_response("AGpvaG4Ac2VjcmV0").unwrap(); // \0john\0secret
        assert_eq!(
            parse_plain(&raw).unwrap(),
            ("john".to_string(), "secret".to_string())
        );
        assert_eq!(decode_response("*"), Err(AuthInputError::Cancelled));
        assert_eq!(decode_response("!!"), Err(AuthInputError::Malformed));
        assert_eq!(
            parse_plain(b"other\0john\0pw"),
            Err(AuthInputError::Malformed)
        );
        assert_eq!(parse_plain(b"john\0pw"), Err(AuthInputError::Malformed));
    }

    #[test]
    fn masking_hides_the_name() {
        assert_eq!(mask_user("jansen@praktijk.nl"), "j***@praktijk.nl");
        assert_eq!(mask_user("admin"), "a***");
    }

    #[test]
    fn limiter_blocks_after_max_and_forgets_after_window() {
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        let l = AuthFailures::new(2, Duration::from_millis(50));
        assert!(!l.record(ip));
        assert!(!l.is_blocked(ip));
        assert!(l.record(ip));
        assert!(l.is_blocked(ip));
        std::thread::sleep(Duration::from_millis(60));
        assert!(!l.is_blocked(ip));
    }
}
