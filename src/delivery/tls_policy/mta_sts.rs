//! MTA-STS (RFC 8461): the `_mta-sts` TXT record, the policy file, MX
//! pattern matching and a per-domain policy cache. The HTTPS fetch lives in
//! [`super::mta_sts_fetch`].
//!
//! Promises (all parsing is pure): a record or policy that breaks the RFC's
//! syntax is a clear [`StsError`] and the caller treats the domain as having
//! no policy; a cached policy is reused while its `max_age` lasts and its
//! TXT id is unchanged (RFC 8461 §5.1), even when the TXT lookup fails.
//! The cache is in memory for lookups and, in `sluis run`, written through
//! to the store and loaded from it at start (`delivery::mx::sts_store`), so
//! a restart keeps the protection against a downgrade.

use std::collections::HashMap;
use std::sync::Mutex;

/// Largest `max_age` the RFC allows (one year).
pub const MAX_MAX_AGE: u64 = 31_557_600;

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum StsError {
    #[error("MTA-STS TXT record: {0}")]
    BadRecord(String),
    #[error("MTA-STS policy: {0}")]
    BadPolicy(String),
    #[error("MTA-STS policy fetch: {0}")]
    Fetch(String),
    #[error("MTA-STS TXT lookup failed: {0}")]
    Dns(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Enforce,
    Testing,
    None,
}

/// A parsed, valid policy.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Policy {
    pub mode: Mode,
    /// Patterns, lower case: `mx.example.nl` or `*.example.nl`.
    pub mx: Vec<String>,
    pub max_age: u64,
}

/// From the `_mta-sts` TXT RRset, the policy id. Records not starting with
/// `v=STSv1` are ignored; more than one STS record is an error (§3.1).
pub fn parse_txt(records: &[String]) -> Result<Option<String>, StsError> {
    let sts: Vec<&String> = records
        .iter()
        .filter(|r| r.trim_start().starts_with("v=STSv1"))
        .collect();
    let rec = match sts.as_slice() {
        [] => return Ok(None),
        [one] => *one,
        _ => return Err(StsError::BadRecord("more than one v=STSv1 record".into())),
    };
    let mut id = None;
    for (i, field) in rec.split(';').enumerate() {
        let field = field.trim();
        if field.is_empty() {
            continue;
        }
        let (k, v) = field
            .split_once('=')
            .ok_or_else(|| StsError::BadRecord(format!("field without '=': {field:.40}")))?;
        match (i, k.trim(), v.trim()) {
            (0, "v", "STSv1") => {}
            (0, _, _) => return Err(StsError::BadRecord("must start with v=STSv1".into())),
            (_, "id", v) => {
                if v.is_empty() || v.len() > 32 || !v.chars().all(|c| c.is_ascii_alphanumeric()) {
                    return Err(StsError::BadRecord(
                        "id must be 1-32 letters or digits".into(),
                    ));
                }
                id = Some(v.to_string());
            }
            _ => {} // extension fields are ignored
        }
    }
    id.map(Some)
        .ok_or_else(|| StsError::BadRecord("no id field".into()))
}

/// Parse a policy body (§3.2). Lines end in LF or CRLF; unknown keys are
/// ignored; `version`, `mode`, `max_age` and (unless mode is none) at least
/// one `mx` are required.
pub fn parse_policy(body: &str) -> Result<Policy, StsError> {
    let bad = |s: String| StsError::BadPolicy(s);
    let (mut version, mut mode, mut max_age) = (None, None, None);
    let mut mx = Vec::new();
    for line in body.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let (k, v) = line
            .split_once(':')
            .ok_or_else(|| bad(format!("line without ':': {line:.40}")))?;
        let (k, v) = (k.trim(), v.trim());
        match k {
            "version" => version = Some(v.to_string()),
            "mode" => {
                mode = Some(match v {
                    "enforce" => Mode::Enforce,
                    "testing" => Mode::Testing,
                    "none" => Mode::None,
                    _ => return Err(bad(format!("unknown mode {v:.20}"))),
                })
            }
            "max_age" => {
                if v.is_empty() || v.len() > 10 || !v.chars().all(|c| c.is_ascii_digit()) {
                    return Err(bad("max_age must be a number".into()));
                }
                let n: u64 = v
                    .parse()
                    .map_err(|_| bad("max_age must be a number".into()))?;
                if n > MAX_MAX_AGE {
                    return Err(bad(format!("max_age above {MAX_MAX_AGE}")));
                }
                max_age = Some(n);
            }
            "mx" => {
                let p = v.trim_end_matches('.').to_ascii_lowercase();
                let host = p.strip_prefix("*.").unwrap_or(&p);
                if host.is_empty() || host.contains('*') || !host.contains('.') {
                    return Err(bad(format!("bad mx pattern {v:.60}")));
                }
                mx.push(p);
            }
            _ => {}
        }
    }
    if version.as_deref() != Some("STSv1") {
        return Err(bad("version must be STSv1".into()));
    }
    let mode = mode.ok_or_else(|| bad("no mode".into()))?;
    let max_age = max_age.ok_or_else(|| bad("no max_age".into()))?;
    if mx.is_empty() && mode != Mode::None {
        return Err(bad("no mx pattern".into()));
    }
    Ok(Policy { mode, mx, max_age })
}

/// Does `pattern` match `host` (§4.1)? `*.` covers exactly one label.
pub fn mx_pattern_matches(pattern: &str, host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(suffix) => match host.split_once('.') {
            Some((first, rest)) => !first.is_empty() && rest == suffix,
            None => false,
        },
        None => host == pattern,
    }
}

impl Policy {
    pub fn mx_matches(&self, host: &str) -> bool {
        self.mx.iter().any(|p| mx_pattern_matches(p, host))
    }
}

struct Cached {
    id: String,
    policy: Policy,
    /// Unix milliseconds.
    expires_ms: i64,
}

/// One cached policy as the store keeps it (`delivery::mx::sts_store`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CachedPolicy {
    pub domain: String,
    pub id: String,
    pub policy: Policy,
    /// Unix milliseconds.
    pub expires_ms: i64,
}

/// Where a cache sends every policy it takes in, to be kept in the store.
pub type PolicySink = tokio::sync::mpsc::UnboundedSender<CachedPolicy>;

/// Policy cache, keyed by policy domain: in memory for the lookups, and
/// (with a sink, `sluis run`) written through to the store and loaded from
/// it at start, so a restart keeps every policy until its `max_age` ends
/// (RFC 8461 §5.1: a cached policy protects against a downgrade).
#[derive(Default)]
pub struct PolicyCache {
    map: Mutex<HashMap<String, Cached>>,
    sink: std::sync::OnceLock<PolicySink>,
}

impl PolicyCache {
    /// The cached policy when still fresh; with `id`, only if it matches.
    pub fn get(&self, domain: &str, id: Option<&str>) -> Option<Policy> {
        let map = self.map.lock().ok()?;
        let c = map.get(&domain.to_ascii_lowercase())?;
        if c.expires_ms <= crate::now_ms() || id.is_some_and(|i| i != c.id) {
            return None;
        }
        Some(c.policy.clone())
    }

    pub fn put(&self, domain: &str, id: &str, policy: Policy) {
        let ttl_ms = i64::try_from(policy.max_age.saturating_mul(1000)).unwrap_or(i64::MAX);
        let row = CachedPolicy {
            domain: domain.to_ascii_lowercase(),
            id: id.to_string(),
            policy,
            expires_ms: crate::now_ms().saturating_add(ttl_ms),
        };
        if let Some(sink) = self.sink.get() {
            let _ = sink.send(row.clone());
        }
        self.insert(row);
    }

    /// Send every policy taken in from now on to `sink` (once).
    pub fn set_sink(&self, sink: PolicySink) {
        let _ = self.sink.set(sink);
    }

    /// Take in policies kept in the store (expired ones are skipped).
    pub fn load(&self, rows: impl IntoIterator<Item = CachedPolicy>) {
        let now = crate::now_ms();
        for row in rows.into_iter().filter(|r| r.expires_ms > now) {
            self.insert(row);
        }
    }

    fn insert(&self, row: CachedPolicy) {
        if let Ok(mut map) = self.map.lock() {
            map.insert(
                row.domain,
                Cached {
                    id: row.id,
                    policy: row.policy,
                    expires_ms: row.expires_ms,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(body: &str) -> Policy {
        parse_policy(body).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn txt_record() {
        let r = |v: &[&str]| parse_txt(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            r(&["v=STSv1; id=20240101T01;"]),
            Ok(Some("20240101T01".into()))
        );
        assert_eq!(r(&["v=spf1 -all"]), Ok(None));
        assert_eq!(r(&[]), Ok(None));
        assert!(r(&["v=STSv1; id=1", "v=STSv1; id=2"]).is_err());
        assert!(r(&["v=STSv1;"]).is_err());
        assert!(r(&["v=STSv1; id=has-dash"]).is_err());
        assert!(r(&["v=STSv1; id=123456789012345678901234567890123"]).is_err());
        assert_eq!(r(&["v=STSv1; id=abc; ext=1"]), Ok(Some("abc".into())));
    }

    #[test]
    fn good_policy_with_crlf_and_unknown_keys() {
        let p = ok("version: STSv1\r\nmode: enforce\r\nmx: mail.example.nl\r\nmx: *.Example.NL\r\nmax_age: 604800\r\nfoo: bar\r\n");
        assert_eq!(p.mode, Mode::Enforce);
        assert_eq!(p.mx, vec!["mail.example.nl", "*.example.nl"]);
        assert_eq!(p.max_age, 604_800);
    }

    #[test]
    fn bad_policies_are_rejected() {
        for body in [
            "mode: enforce\nmx: a.nl\nmax_age: 1\n", // no version
            "version: STSv2\nmode: enforce\nmx: a.nl\nmax_age: 1\n", // wrong version
            "version: STSv1\nmode: strict\nmx: a.nl\nmax_age: 1\n", // unknown mode
            "version: STSv1\nmode: enforce\nmax_age: 1\n", // no mx
            "version: STSv1\nmode: enforce\nmx: a.nl\n", // no max_age
            "version: STSv1\nmode: enforce\nmx: a.nl\nmax_age: -1\n", // negative
            "version: STSv1\nmode: enforce\nmx: a.nl\nmax_age: 31557601\n",
            "version: STSv1\nmode: enforce\nmx: a.*.nl\nmax_age: 1\n",
            "version: STSv1\nmode: enforce\nmx: *\nmax_age: 1\n",
            "<html>not a policy</html>",
        ] {
            assert!(parse_policy(body).is_err(), "accepted: {body}");
        }
        // mode none needs no mx.
        assert_eq!(
            ok("version: STSv1\nmode: none\nmax_age: 0\n").mode,
            Mode::None
        );
    }

    #[test]
    fn mx_patterns() {
        assert!(mx_pattern_matches("mx.example.nl", "MX.example.nl."));
        assert!(mx_pattern_matches("*.example.nl", "mx1.example.nl"));
        assert!(!mx_pattern_matches("*.example.nl", "a.b.example.nl"));
        assert!(!mx_pattern_matches("*.example.nl", "example.nl"));
        assert!(!mx_pattern_matches(
            "*.example.nl",
            "mx1.example.nl.evil.test"
        ));
        assert!(!mx_pattern_matches("mx.example.nl", "mx2.example.nl"));
    }

    #[test]
    fn cache_honours_id_and_age() {
        let c = PolicyCache::default();
        c.put(
            "Example.nl",
            "1",
            ok("version: STSv1\nmode: enforce\nmx: a.nl\nmax_age: 60\n"),
        );
        assert!(c.get("example.nl", Some("1")).is_some());
        assert!(c.get("example.nl", None).is_some());
        assert!(c.get("example.nl", Some("2")).is_none());
        c.put(
            "zero.nl",
            "1",
            ok("version: STSv1\nmode: enforce\nmx: a.nl\nmax_age: 0\n"),
        );
        assert!(c.get("zero.nl", None).is_none());
    }
}
