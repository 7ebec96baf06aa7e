//! What the overview's charts show, counted from the audit trail of one
//! practice over the last `days` days (Amsterdam days): recipients per day
//! by route (`decided`), how delivered mail was protected per recipient
//! domain (`delivered`, `deferred`), what became of pickup links
//! (`pickup-parked`, `opened`, `expired`, `revoked`, `pickup-locked`), and
//! blocked recipients by the rule that blocked them. Counting is a pure
//! function over the events ([`Stats::count`]); [`load`] reads them.
//!
//! Only counts leave this module: never an address (a domain at most), a
//! subject or any content. The audit holds none of those except addresses.

use crate::store::{Store, StoreError};
use sqlx::Row;
use std::collections::HashMap;

/// Routes in chart order.
pub const ROUTES: [&str; 4] = ["deliver", "encrypt", "pickup", "block"];
/// TLS outcomes in chart order (see [`tls_outcome`]).
pub const TLS_OUTCOMES: [&str; 6] = ["dane", "mta-sts", "pkix", "tls", "clear", "deferred"];
/// Pickup events in chart order.
pub const PICKUP_EVENTS: [&str; 5] = ["pickup-parked", "opened", "expired", "revoked", "locked"];

const KINDS: &[&str] = &[
    "decided",
    "delivered",
    "deferred",
    "pickup-parked",
    "opened",
    "expired",
    "revoked",
    "pickup-locked",
];

/// One audit event as the counting needs it.
#[derive(Clone, Debug)]
pub struct Event {
    pub time_ms: i64,
    pub kind: String,
    pub recipient: Option<String>,
    pub detail: serde_json::Value,
}

/// The counts behind the charts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// The Amsterdam days covered, oldest first (days since 1970-01-01).
    pub days: Vec<i64>,
    /// Per day (same order as `days`): recipients per route (`ROUTES`).
    pub routes: Vec<[u64; 4]>,
    /// Per recipient domain, most mail first: counts per `TLS_OUTCOMES`.
    /// Domains past `max_domains` are summed into one row named `""`.
    pub tls: Vec<(String, [u64; 6])>,
    /// Totals per `PICKUP_EVENTS`.
    pub pickups: [u64; 5],
    /// Blocked recipients per rule, most first.
    pub blocked: Vec<(String, u64)>,
    /// More events than `max_events` were in the window: the counts are of
    /// the most recent ones only.
    pub truncated: bool,
}

/// The Amsterdam day (days since 1970-01-01) of a Unix time in ms.
pub fn local_day(ms: i64) -> i64 {
    let secs = ms.div_euclid(1000);
    (secs + crate::local_time::amsterdam_offset_secs(secs)).div_euclid(86_400)
}

/// How a `delivered` event's hop was protected.
pub fn tls_outcome(detail: &serde_json::Value) -> &'static str {
    let auth = detail["authentication"].as_str().unwrap_or("none");
    let version = detail["tls_version"].as_str().unwrap_or("none");
    match auth {
        "dane-ee" | "dane-ta" => "dane",
        "mta-sts" => "mta-sts",
        "pkix" => "pkix",
        _ if version != "none" && !version.is_empty() => "tls",
        _ => "clear",
    }
}

fn domain(recipient: &Option<String>) -> String {
    recipient
        .as_deref()
        .and_then(|r| r.rsplit_once('@'))
        .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase())
        .unwrap_or_default()
}

impl Stats {
    /// Count `events` into the `days` Amsterdam days ending with the one
    /// holding `now_ms`.
    pub fn count(events: &[Event], now_ms: i64, days: u32, max_domains: usize) -> Stats {
        let today = local_day(now_ms);
        let first = today - i64::from(days.max(1)) + 1;
        let mut s = Stats {
            days: (first..=today).collect(),
            routes: vec![[0; 4]; days.max(1) as usize],
            ..Stats::default()
        };
        let mut tls: HashMap<String, [u64; 6]> = HashMap::new();
        let mut blocked: HashMap<String, u64> = HashMap::new();
        for e in events {
            let day = local_day(e.time_ms);
            if day < first || day > today {
                continue;
            }
            match e.kind.as_str() {
                "decided" => {
                    let action = e.detail["action"].as_str().unwrap_or("");
                    if let Some(i) = ROUTES.iter().position(|r| *r == action) {
                        s.routes[(day - first) as usize][i] += 1;
                    }
                    if action == "block" {
                        let rule = e.detail["rule"].as_str().unwrap_or("?").to_string();
                        *blocked.entry(rule).or_default() += 1;
                    }
                }
                "delivered" | "deferred" => {
                    let outcome = if e.kind == "deferred" {
                        "deferred"
                    } else {
                        tls_outcome(&e.detail)
                    };
                    if let Some(i) = TLS_OUTCOMES.iter().position(|o| *o == outcome) {
                        tls.entry(domain(&e.recipient)).or_default()[i] += 1;
                    }
                }
                kind => {
                    let kind = if kind == "pickup-locked" {
                        "locked"
                    } else {
                        kind
                    };
                    if let Some(i) = PICKUP_EVENTS.iter().position(|k| *k == kind) {
                        s.pickups[i] += 1;
                    }
                }
            }
        }
        let mut tls: Vec<(String, [u64; 6])> = tls.into_iter().collect();
        tls.sort_by(|a, b| {
            let (ta, tb) = (a.1.iter().sum::<u64>(), b.1.iter().sum::<u64>());
            tb.cmp(&ta).then_with(|| a.0.cmp(&b.0))
        });
        if tls.len() > max_domains {
            let rest = tls.split_off(max_domains.saturating_sub(1));
            let mut sum = [0u64; 6];
            for (_, counts) in rest {
                for (s, c) in sum.iter_mut().zip(counts) {
                    *s += c;
                }
            }
            tls.push((String::new(), sum));
        }
        s.tls = tls;
        let mut blocked: Vec<(String, u64)> = blocked.into_iter().collect();
        blocked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        s.blocked = blocked;
        s
    }
}

/// Read the events of `tenant` in the window and count them.
pub async fn load(
    store: &Store,
    tenant: &str,
    now_ms: i64,
    days: u32,
    max_events: u32,
    max_domains: usize,
) -> Result<Stats, StoreError> {
    let since = now_ms - i64::from(days) * 86_400_000 - 2 * 3_600_000;
    let kinds = KINDS
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(",");
    // Newest first, so a cut keeps the most recent days whole.
    let sql = format!(
        "SELECT time_ms, kind, recipient, detail FROM audit_events \
         WHERE tenant = $1 AND time_ms >= $2 AND kind IN ({kinds}) \
         ORDER BY time_ms DESC LIMIT $3"
    );
    let rows = sqlx::query(&sql)
        .bind(tenant)
        .bind(since)
        .bind(i64::from(max_events) + 1)
        .fetch_all(store.pool())
        .await?;
    let truncated = rows.len() > max_events as usize;
    let mut events = Vec::with_capacity(rows.len());
    for row in rows.iter().take(max_events as usize) {
        let detail: String = row.try_get(3)?;
        events.push(Event {
            time_ms: row.try_get(0)?,
            kind: row.try_get(1)?,
            recipient: row.try_get(2)?,
            detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
        });
    }
    let mut stats = Stats::count(&events, now_ms, days, max_domains);
    stats.truncated = truncated;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ev(time_ms: i64, kind: &str, rcpt: &str, detail: serde_json::Value) -> Event {
        Event {
            time_ms,
            kind: kind.into(),
            recipient: (!rcpt.is_empty()).then(|| rcpt.to_string()),
            detail,
        }
    }

    #[test]
    fn counts_routes_per_amsterdam_day_tls_per_domain_pickups_and_blocks() {
        // 2026-12-07 12:00 UTC.
        let now = (crate::local_time::days_from_civil(2026, 12, 7) * 86_400 + 12 * 3600) * 1000;
        let day = 86_400_000;
        // 23:30 UTC on the 6th is 00:30 on the 7th in Amsterdam.
        let late = now - 12 * 3_600_000 - 30 * 60_000;
        let events = vec![
            ev(now, "decided", "a@x.nl", json!({"action": "deliver"})),
            ev(late, "decided", "b@x.nl", json!({"action": "pickup"})),
            ev(now - day, "decided", "c@y.nl", json!({"action": "encrypt"})),
            ev(
                now - day,
                "decided",
                "d@y.nl",
                json!({"action": "block", "rule": "bsn-extern"}),
            ),
            ev(
                now - 40 * day,
                "decided",
                "old@y.nl",
                json!({"action": "deliver"}),
            ),
            ev(
                now,
                "delivered",
                "a@X.nl",
                json!({"authentication": "dane-ee", "tls_version": "TLSv1.3"}),
            ),
            ev(
                now,
                "delivered",
                "e@y.nl",
                json!({"authentication": "none", "tls_version": "TLSv1.2"}),
            ),
            ev(
                now,
                "delivered",
                "f@z.nl",
                json!({"authentication": "none", "tls_version": "none"}),
            ),
            ev(now, "deferred", "g@z.nl", json!({})),
            ev(now, "pickup-parked", "b@x.nl", json!({})),
            ev(now, "opened", "b@x.nl", json!({})),
            ev(now, "revoked", "b@x.nl", json!({})),
            ev(now, "pickup-locked", "b@x.nl", json!({})),
        ];
        let s = Stats::count(&events, now, 30, 10);
        assert_eq!(s.days.len(), 30);
        assert_eq!(
            s.routes[29],
            [1, 0, 1, 0],
            "deliver and the 00:30 pickup today"
        );
        assert_eq!(s.routes[28], [0, 1, 0, 1]);
        assert_eq!(
            s.routes.iter().flatten().sum::<u64>(),
            4,
            "40 days ago is out"
        );
        assert_eq!(s.blocked, vec![("bsn-extern".to_string(), 1)]);
        assert_eq!(s.pickups, [1, 1, 0, 1, 1]);
        let by: HashMap<_, _> = s.tls.iter().cloned().collect();
        assert_eq!(by["x.nl"], [1, 0, 0, 0, 0, 0]);
        assert_eq!(by["y.nl"], [0, 0, 0, 1, 0, 0]);
        assert_eq!(by["z.nl"], [0, 0, 0, 0, 1, 1]);
        // With room for two rows: the busiest domain and "the rest".
        let s = Stats::count(&events, now, 30, 2);
        assert_eq!(s.tls.len(), 2);
        assert_eq!(s.tls[0].0, "z.nl");
        assert_eq!(s.tls[1].0, "");
        assert_eq!(s.tls[1].1.iter().sum::<u64>(), 2);
    }
}
