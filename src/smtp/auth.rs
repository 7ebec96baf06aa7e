//! SMTP AUTH helpers: decoding PLAIN and LOGIN responses (pure), the
//! per-IP failed-attempt limiter shared by all sessions ([`AuthLimiter`]:
//! in this process, or in the store shared by every node of a cluster),
//! and masking of usernames for logs and audit.
//!
//! Promises: passwords are never logged or kept beyond the check; an IP
//! with too many failures inside the window is refused until the window
//! passes; the limiter's memory is bounded. A store that cannot be asked
//! fails closed: no password is checked (the client gets 454 and retries).

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

/// The limiter's key for a client: an IPv4 address as it is; an IPv6
/// address by its /64 (one host usually holds a whole /64, so counting per
/// address would give it 2^64 times the limit); an IPv4-mapped IPv6
/// address as its IPv4 address.
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// Where failed AUTH attempts are counted: in this process (one node, or
/// SQLite), or in the store every node shares (PostgreSQL), so spreading
/// attempts over the nodes of a cluster gains nothing.
pub enum AuthLimiter {
    Local(AuthFailures),
    Shared {
        store: crate::store::Store,
        max: u32,
        window: Duration,
    },
}

impl AuthLimiter {
    fn key(ip: IpAddr) -> String {
        limit_key(ip).to_string()
    }

    fn window_ms(window: Duration) -> i64 {
        i64::try_from(window.as_millis()).unwrap_or(i64::MAX)
    }

    /// Is this client refused AUTH right now?
    pub async fn is_blocked(&self, ip: IpAddr) -> bool {
        match self {
            AuthLimiter::Local(l) => l.is_blocked(ip),
            AuthLimiter::Shared { store, max, window } => store
                .auth_failure_blocked(
                    &Self::key(ip),
                    *max,
                    Self::window_ms(*window),
                    crate::now_ms(),
                )
                .await
                .unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "cannot read the shared AUTH failure count; refusing AUTH");
                    true
                }),
        }
    }

    /// See [`AuthFailures::reserve`].
    pub async fn reserve(&self, ip: IpAddr) -> bool {
        match self {
            AuthLimiter::Local(l) => l.reserve(ip),
            AuthLimiter::Shared { store, max, window } => store
                .auth_failure_reserve(
                    &Self::key(ip),
                    *max,
                    Self::window_ms(*window),
                    crate::now_ms(),
                )
                .await
                .unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "cannot count the AUTH attempt in the store; refusing AUTH");
                    false
                }),
        }
    }

    /// See [`AuthFailures::give_back`].
    pub async fn give_back(&self, ip: IpAddr) {
        match self {
            AuthLimiter::Local(l) => l.give_back(ip),
            AuthLimiter::Shared { store, .. } => {
                if let Err(e) = store.auth_failure_give_back(&Self::key(ip)).await {
                    tracing::warn!(error = %e, "cannot give an AUTH attempt back in the store");
                }
            }
        }
    }
}

/// Failed AUTH attempts per client (see [`limit_key`]) in a sliding-start
/// window. An attempt is *reserved* before its password is checked and
/// counts as a failure until it is given back after a success, so
/// parallel sessions from one client never get more password checks than
/// the limit (no check-then-record race).
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

    /// Is this client refused AUTH right now?
    pub fn is_blocked(&self, ip: IpAddr) -> bool {
        let Ok(map) = self.map.lock() else {
            return true; // poisoned: fail closed
        };
        match map.get(&limit_key(ip)) {
            Some((since, count)) => since.elapsed() < self.window && *count >= self.max,
            None => false,
        }
    }

    /// Take one attempt for this client before checking its password, in
    /// one step under the lock: `false` (no check allowed) when the client
    /// used up its attempts in the window. A taken attempt counts as a
    /// failure until [`AuthFailures::give_back`].
    pub fn reserve(&self, ip: IpAddr) -> bool {
        let Ok(mut map) = self.map.lock() else {
            return false;
        };
        if map.len() >= PRUNE_AT {
            let window = self.window;
            map.retain(|_, (since, _)| since.elapsed() < window);
        }
        let now = Instant::now();
        let entry = map.entry(limit_key(ip)).or_insert((now, 0));
        if entry.0.elapsed() >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.max {
            return false;
        }
        entry.1 += 1;
        true
    }

    /// Return a reserved attempt: the password was right, or it was never
    /// checked (cancelled AUTH, malformed response, store error).
    pub fn give_back(&self, ip: IpAddr) {
        if let Ok(mut map) = self.map.lock() {
            if let Some(entry) = map.get_mut(&limit_key(ip)) {
                entry.1 = entry.1.saturating_sub(1);
            }
        }
    }

    /// Count one failure without a reservation; returns whether the client
    /// is now blocked.
    pub fn record(&self, ip: IpAddr) -> bool {
        let Ok(mut map) = self.map.lock() else {
            return true;
        };
        let now = Instant::now();
        let entry = map.entry(limit_key(ip)).or_insert((now, 0));
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

    #[test]
    fn attempts_are_reserved_before_the_check_and_given_back_on_success() {
        let ip: IpAddr = "192.0.2.8".parse().unwrap();
        let l = AuthFailures::new(2, Duration::from_secs(60));
        // Two checks in flight at once: a third is refused before its check.
        assert!(l.reserve(ip));
        assert!(l.reserve(ip));
        assert!(!l.reserve(ip));
        assert!(l.is_blocked(ip));
        // One of them was the right password.
        l.give_back(ip);
        assert!(!l.is_blocked(ip));
        assert!(l.reserve(ip));
        assert!(!l.reserve(ip));
    }

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        let l = AuthFailures::new(2, Duration::from_secs(60));
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:ffff:ffff:fffe".parse().unwrap();
        assert!(l.reserve(a));
        assert!(l.reserve(b));
        assert!(!l.reserve("2001:db8:1:2:abcd::9".parse().unwrap()));
        assert!(l.reserve("2001:db8:1:3::1".parse().unwrap()), "another /64");
        assert_eq!(
            limit_key("::ffff:192.0.2.9".parse().unwrap()),
            "192.0.2.9".parse::<IpAddr>().unwrap()
        );
    }
}
