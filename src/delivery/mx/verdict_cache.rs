//! The route verdicts of domains ([`DomainVerdict`]) cached in the store,
//! so a restart keeps them and several nodes share them: one row per
//! domain with the time it expires (from the TTLs of the DNS answers,
//! capped by `delivery.route_cache_max_secs`).
//!
//! Promises: an expired row is never returned; rows hold domains and
//! verdicts only (no addresses, no content); a row that does not parse is
//! treated as absent. A store error is returned, and callers then look the
//! domain up again (the cache is an optimisation, never the authority).

use super::verdict::DomainVerdict;
use crate::store::schema::Component;
use crate::store::{Store, StoreError};
use sqlx::Row;

/// The `route` store component (listed in `server::STORE_COMPONENTS`).
pub const COMPONENT: Component = Component {
    name: "route",
    steps: SCHEMA,
    floor: 0,
};

/// Migration steps (portable SQL; only ever appended).
pub const SCHEMA: &[&[&str]] = &[&["CREATE TABLE route_verdicts (
        domain TEXT PRIMARY KEY,
        verdict TEXT NOT NULL,
        expires_ms BIGINT NOT NULL)"]];

/// The cached verdict of `domain`, when one has not expired at `now_ms`.
pub async fn get(
    store: &Store,
    domain: &str,
    now_ms: i64,
) -> Result<Option<DomainVerdict>, StoreError> {
    let row =
        sqlx::query("SELECT verdict FROM route_verdicts WHERE domain = $1 AND expires_ms > $2")
            .bind(domain.to_ascii_lowercase())
            .bind(now_ms)
            .fetch_optional(store.pool())
            .await?;
    Ok(row
        .and_then(|r| r.try_get::<String, _>(0).ok())
        .and_then(|t| serde_json::from_str(&t).ok()))
}

/// Cache `verdict` for `domain` until `expires_ms`, and drop rows that
/// expired before `now_ms`.
pub async fn put(
    store: &Store,
    domain: &str,
    verdict: &DomainVerdict,
    now_ms: i64,
    expires_ms: i64,
) -> Result<(), StoreError> {
    let text = serde_json::to_string(verdict).unwrap_or_default();
    sqlx::query(
        "INSERT INTO route_verdicts (domain, verdict, expires_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (domain) DO UPDATE SET verdict = excluded.verdict, expires_ms = excluded.expires_ms",
    )
    .bind(domain.to_ascii_lowercase())
    .bind(text)
    .bind(expires_ms)
    .execute(store.pool())
    .await?;
    sqlx::query("DELETE FROM route_verdicts WHERE expires_ms <= $1")
        .bind(now_ms)
        .execute(store.pool())
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::sts_store;
    use super::super::verdict::Verdict;
    use super::*;
    use crate::delivery::tls_policy::mta_sts::{parse_policy, CachedPolicy};
    use crate::types::TransportRequirement as T;

    #[tokio::test]
    async fn verdicts_and_policies_are_kept_on_sqlite() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = Store::connect(&url, 2, &[COMPONENT, sts_store::COMPONENT])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        story(&store).await;
    }

    /// Same on PostgreSQL (`SLUIS_TEST_POSTGRES`, `skip` to skip), in a
    /// private schema.
    #[tokio::test]
    async fn verdicts_and_policies_are_kept_on_postgres() {
        let url = std::env::var("SLUIS_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        if url == "skip" {
            return;
        }
        let schema = format!("sluis_route_{:x}", rand::random::<u32>());
        sqlx::any::install_default_drivers();
        let admin = sqlx::AnyPool::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL reachable: {e}"));
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&admin)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let sep = if url.contains('?') { '&' } else { '?' };
        let scoped = format!("{url}{sep}options=-c%20search_path%3D{schema}");
        let store = Store::connect(&scoped, 2, &[COMPONENT, sts_store::COMPONENT])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        story(&store).await;
        let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
            .execute(&admin)
            .await;
    }

    async fn story(store: &Store) {
        let mut v = DomainVerdict::default();
        v.verdicts.insert(
            T::Nta7516,
            Verdict::Cannot {
                reason: "geen record / no record".into(),
            },
        );
        v.verdicts.insert(T::Dane, Verdict::May);
        let ok = |r: Result<(), StoreError>| r.unwrap_or_else(|e| panic!("{e}"));
        let get = |d: &'static str, now: i64| async move {
            get(store, d, now).await.unwrap_or_else(|e| panic!("{e}"))
        };
        ok(put(store, "Ziekenhuis.TEST", &v, 1_000, 301_000).await);
        assert_eq!(get("ziekenhuis.test", 2_000).await, Some(v.clone()));
        // Expired: never returned.
        assert_eq!(get("ziekenhuis.test", 301_000).await, None);
        // A new answer replaces the old one; expired rows are dropped.
        let mut may = DomainVerdict::default();
        may.verdicts.insert(T::Nta7516, Verdict::May);
        ok(put(store, "ziekenhuis.test", &may, 2_000, 602_000).await);
        assert_eq!(get("ziekenhuis.test", 400_000).await, Some(may));
        ok(put(store, "other.test", &v, 700_000, 800_000).await);
        assert_eq!(get("ziekenhuis.test", 400_000).await, None);

        let policy = parse_policy("version: STSv1\nmode: enforce\nmx: *.a.test\nmax_age: 600\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let now = crate::now_ms();
        let p = CachedPolicy {
            domain: "a.test".into(),
            id: "1".into(),
            policy,
            expires_ms: now + 600_000,
        };
        ok(sts_store::save(store, &p).await);
        ok(sts_store::save(
            store,
            &CachedPolicy {
                id: "2".into(),
                ..p.clone()
            },
        )
        .await);
        let rows = sts_store::load(store, now)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            rows,
            vec![CachedPolicy {
                id: "2".into(),
                ..p
            }]
        );
    }
}
