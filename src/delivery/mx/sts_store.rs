//! The MTA-STS policy cache in the store: one row per policy domain (its
//! TXT id, the parsed policy, when its `max_age` ends), written through by
//! a task fed from [`PolicyCache::put`](crate::delivery::tls_policy::mta_sts::PolicyCache::put)
//! and loaded at start, so a restart keeps the policies (RFC 8461 §5.1).
//!
//! Promises: only policies (domains, MX patterns, mode, ages), never an
//! address or content; an expired or unparsable row is never loaded; a
//! write error is logged and the policy stays in memory.

use crate::delivery::tls_policy::mta_sts::{CachedPolicy, Policy};
use crate::store::schema::Component;
use crate::store::{Store, StoreError};
use sqlx::Row;

/// The `mta_sts` store component (listed in `server::STORE_COMPONENTS`).
pub const COMPONENT: Component = Component {
    name: "mta_sts",
    steps: SCHEMA,
    floor: 0,
};

/// Migration steps (portable SQL; only ever appended).
pub const SCHEMA: &[&[&str]] = &[&["CREATE TABLE mta_sts_policies (
        domain TEXT PRIMARY KEY,
        policy_id TEXT NOT NULL,
        policy TEXT NOT NULL,
        expires_ms BIGINT NOT NULL)"]];

/// Every policy still valid at `now_ms`.
pub async fn load(store: &Store, now_ms: i64) -> Result<Vec<CachedPolicy>, StoreError> {
    let rows = sqlx::query(
        "SELECT domain, policy_id, policy, expires_ms FROM mta_sts_policies WHERE expires_ms > $1",
    )
    .bind(now_ms)
    .fetch_all(store.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let text: String = r.try_get(2)?;
        let Ok(policy) = serde_json::from_str::<Policy>(&text) else {
            continue;
        };
        out.push(CachedPolicy {
            domain: r.try_get(0)?,
            id: r.try_get(1)?,
            policy,
            expires_ms: r.try_get(3)?,
        });
    }
    Ok(out)
}

/// Keep one policy (replacing the domain's previous one) and drop expired
/// rows.
pub async fn save(store: &Store, p: &CachedPolicy) -> Result<(), StoreError> {
    let text = serde_json::to_string(&p.policy).unwrap_or_default();
    sqlx::query(
        "INSERT INTO mta_sts_policies (domain, policy_id, policy, expires_ms) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (domain) DO UPDATE SET policy_id = excluded.policy_id, \
         policy = excluded.policy, expires_ms = excluded.expires_ms",
    )
    .bind(p.domain.to_ascii_lowercase())
    .bind(&p.id)
    .bind(text)
    .bind(p.expires_ms)
    .execute(store.pool())
    .await?;
    sqlx::query("DELETE FROM mta_sts_policies WHERE expires_ms <= $1")
        .bind(crate::now_ms())
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Write every policy the cache sends until the cache is gone.
pub async fn run_writer(store: Store, mut rx: tokio::sync::mpsc::UnboundedReceiver<CachedPolicy>) {
    while let Some(p) = rx.recv().await {
        if let Err(e) = save(&store, &p).await {
            tracing::warn!(error = %e, domain = %p.domain, "MTA-STS policy not kept in the store");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::tls_policy::mta_sts::{parse_policy, PolicyCache};

    #[tokio::test]
    async fn a_policy_survives_in_the_store_until_its_max_age() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = Store::connect(&url, 2, &[COMPONENT])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let policy =
            parse_policy("version: STSv1\nmode: enforce\nmx: mx.example.nl\nmax_age: 86400\n")
                .unwrap_or_else(|e| panic!("{e}"));
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let cache = PolicyCache::default();
        cache.set_sink(tx);
        cache.put("Example.NL", "20261207", policy.clone());
        drop(cache);
        run_writer(store.clone(), rx).await;
        // A new cache (a restart) loads it.
        let now = crate::now_ms();
        let rows = load(&store, now).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].domain, "example.nl");
        assert!(rows[0].expires_ms > now + 86_000_000);
        let again = PolicyCache::default();
        again.load(rows.clone());
        assert_eq!(again.get("example.nl", Some("20261207")), Some(policy));
        assert_eq!(again.get("example.nl", Some("other")), None);
        // Past its max_age it is not loaded.
        assert!(load(&store, rows[0].expires_ms)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .is_empty());
    }
}
