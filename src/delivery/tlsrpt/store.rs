//! TLS-RPT (RFC 8460) results in the store: one counter row per UTC day,
//! policy domain, policy, result (`success` or an RFC 8460 result type),
//! MX host and receiving IP, summed with a portable upsert; and the daily
//! aggregate report generated from those rows (sent by `send`, which
//! records each report sent in `tlsrpt_sent`).
//!
//! Promises: counts only, no addresses or content; rows arrive through a
//! channel ([`TlsRptSink`](super::result::TlsRptSink)) and are written in batches by
//! [`run_tlsrpt_writer`], so delivery never waits for the database. A
//! write error is logged and those counts are lost (reports are advisory).

use super::result::{day_string, PolicyKind, ResultType, TlsRptRow};
use crate::store::schema::Component;
use crate::store::{Store, StoreError};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::Row;
use std::collections::BTreeMap;

/// The TLS-RPT table, migrated by the store (listed in
/// `server::STORE_COMPONENTS`).
pub const COMPONENT: Component = Component {
    name: "tlsrpt",
    steps: SCHEMA,
    floor: 0,
};

/// Migration steps of the `tlsrpt` store component (portable SQL).
pub const SCHEMA: &[&[&str]] = &[
    &["CREATE TABLE tlsrpt_counts (
        day BIGINT NOT NULL,
        policy_domain TEXT NOT NULL,
        policy_key TEXT NOT NULL,
        policy_type TEXT NOT NULL,
        policy_strings TEXT NOT NULL,
        mx_patterns TEXT NOT NULL,
        result TEXT NOT NULL,
        sending_ip TEXT NOT NULL,
        mx_host TEXT NOT NULL,
        receiving_ip TEXT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (day, policy_domain, policy_key, result, sending_ip, mx_host, receiving_ip))"],
    // The reports sent (or with no record to send to), one per day and domain.
    &["CREATE TABLE tlsrpt_sent (
        day BIGINT NOT NULL,
        policy_domain TEXT NOT NULL,
        sent_ms BIGINT NOT NULL,
        outcome TEXT NOT NULL,
        PRIMARY KEY (day, policy_domain))"],
];

fn policy_parts(p: &PolicyKind) -> (&'static str, Vec<String>, Vec<String>) {
    match p {
        PolicyKind::Tlsa(recs) => ("tlsa", recs.clone(), vec![]),
        PolicyKind::Sts { lines, mx } => ("sts", lines.clone(), mx.clone()),
        PolicyKind::NoPolicyFound => ("no-policy-found", vec![], vec![]),
    }
}

/// Add the rows' counts (one transaction).
pub async fn add_rows(store: &Store, rows: &[TlsRptRow]) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut tx = store.pool().begin().await?;
    for r in rows {
        let (ptype, strings, mx) = policy_parts(&r.policy);
        let strings = serde_json::to_string(&strings).unwrap_or_default();
        let mx = serde_json::to_string(&mx).unwrap_or_default();
        let key = hex::encode(Sha256::digest(format!("{ptype}\n{strings}\n{mx}")));
        sqlx::query(
            "INSERT INTO tlsrpt_counts (day, policy_domain, policy_key, policy_type, policy_strings, \
             mx_patterns, result, sending_ip, mx_host, receiving_ip, count) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) \
             ON CONFLICT (day, policy_domain, policy_key, result, sending_ip, mx_host, receiving_ip) \
             DO UPDATE SET count = tlsrpt_counts.count + 1",
        )
        .bind(r.day)
        .bind(r.domain.to_ascii_lowercase())
        .bind(key)
        .bind(ptype)
        .bind(strings)
        .bind(mx)
        .bind(r.result.map(ResultType::as_str).unwrap_or("success"))
        .bind(if r.result.is_some() {
            r.sending_ip.clone()
        } else {
            String::new()
        })
        .bind(if r.result.is_some() {
            r.mx_host.to_ascii_lowercase()
        } else {
            String::new()
        })
        .bind(if r.result.is_some() {
            r.receiving_ip.clone()
        } else {
            String::new()
        })
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Policy domains with results on `day`.
pub async fn domains(store: &Store, day: i64) -> Result<Vec<String>, StoreError> {
    let rows = sqlx::query(
        "SELECT DISTINCT policy_domain FROM tlsrpt_counts WHERE day = $1 ORDER BY policy_domain",
    )
    .bind(day)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get::<String, _>(0).ok())
        .collect())
}

/// The RFC 8460 §4.4 aggregate report for `domain` on `day`.
pub async fn daily_report(
    store: &Store,
    domain: &str,
    day: i64,
    org: &str,
    contact: &str,
) -> Result<Value, StoreError> {
    let domain = domain.to_ascii_lowercase();
    let rows = sqlx::query(
        "SELECT policy_key, policy_type, policy_strings, mx_patterns, result, mx_host, \
         receiving_ip, count, sending_ip FROM tlsrpt_counts WHERE day = $1 \
         AND policy_domain = $2 ORDER BY policy_key, result, mx_host, receiving_ip, sending_ip",
    )
    .bind(day)
    .bind(&domain)
    .fetch_all(store.pool())
    .await?;
    // policy_key -> (policy json, successes, failures, details)
    let mut policies: BTreeMap<String, (Value, i64, i64, Vec<Value>)> = BTreeMap::new();
    for r in &rows {
        let key: String = r.try_get(0)?;
        let ptype: String = r.try_get(1)?;
        let strings: String = r.try_get(2)?;
        let mx: String = r.try_get(3)?;
        let result: String = r.try_get(4)?;
        let host: String = r.try_get(5)?;
        let ip: String = r.try_get(6)?;
        let count: i64 = r.try_get(7)?;
        let sending: String = r.try_get(8)?;
        let entry = policies.entry(key).or_insert_with(|| {
            let strings: Value = serde_json::from_str(&strings).unwrap_or(json!([]));
            let mx: Value = serde_json::from_str(&mx).unwrap_or(json!([]));
            let mut p = json!({"policy-type": ptype, "policy-domain": domain});
            if ptype != "no-policy-found" {
                p["policy-string"] = strings;
            }
            if ptype == "sts" {
                p["mx-host"] = mx;
            }
            (p, 0, 0, Vec::new())
        });
        if result == "success" {
            entry.1 = entry.1.saturating_add(count);
        } else {
            entry.2 = entry.2.saturating_add(count);
            entry
                .3
                .push(json!({"result-type": result, "sending-mta-ip": sending,
                "receiving-mx-hostname": host,
                "receiving-ip": ip, "failed-session-count": count}));
        }
    }
    let day_s = day_string(day);
    Ok(json!({
        "organization-name": org,
        "date-range": {"start-datetime": format!("{day_s}T00:00:00Z"),
                       "end-datetime": format!("{day_s}T23:59:59Z")},
        "contact-info": contact,
        "report-id": format!("{day_s}-{domain}"),
        "policies": policies.into_values().map(|(p, ok, bad, details)| json!({
            "policy": p,
            "summary": {"total-successful-session-count": ok,
                        "total-failure-session-count": bad},
            "failure-details": details,
        })).collect::<Vec<_>>(),
    }))
}

/// Drain TLS-RPT rows into the store in batches until every sink is gone.
pub async fn run_tlsrpt_writer(
    store: Store,
    mut rx: tokio::sync::mpsc::UnboundedReceiver<TlsRptRow>,
) {
    let mut batch = Vec::with_capacity(256);
    while rx.recv_many(&mut batch, 256).await > 0 {
        if let Err(e) = add_rows(&store, &batch).await {
            tracing::error!(error = %e, rows = batch.len(), "cannot write TLS-RPT counts");
        }
        batch.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::scratch::PgScratch;

    #[tokio::test]
    async fn counts_add_up_into_the_daily_report_on_sqlite() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = Store::scratch(dir.path(), &[COMPONENT]).await;
        story(&store).await;
    }

    /// Same on PostgreSQL (`SLUIS_TEST_POSTGRES`, `skip` to skip), in a
    /// private schema.
    #[tokio::test]
    async fn counts_add_up_into_the_daily_report_on_postgres() {
        let Some(pg) = PgScratch::new("sluis_tlsrpt").await else {
            return;
        };
        let store = pg.store(&[COMPONENT]).await;
        story(&store).await;
        pg.drop_schema().await;
    }

    async fn story(store: &Store) {
        let store = store.clone();
        let tlsa = PolicyKind::Tlsa(vec!["3 1 1 aa".into()]);
        let sts = PolicyKind::Sts {
            lines: vec!["version: STSv1".into(), "mode: enforce".into()],
            mx: vec!["*.a.nl".into()],
        };
        let row = |policy: &PolicyKind, result: Option<ResultType>, day: i64| TlsRptRow {
            day,
            domain: "A.nl".into(),
            policy: policy.clone(),
            result,
            sending_ip: "192.0.2.9".into(),
            mx_host: "mx1.a.nl".into(),
            receiving_ip: "192.0.2.1".into(),
        };
        let fail = Some(ResultType::ValidationFailure);
        add_rows(
            &store,
            &[
                row(&tlsa, None, 20_000),
                row(&tlsa, None, 20_000),
                row(&tlsa, fail, 20_000),
                row(&sts, None, 20_000),
                row(&tlsa, None, 20_001),
            ],
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        add_rows(&store, &[row(&tlsa, fail, 20_000)])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            domains(&store, 20_000).await.unwrap_or_default(),
            vec!["a.nl".to_string()]
        );
        let r = daily_report(&store, "a.nl", 20_000, "Sluis", "mailto:x@y")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r["date-range"]["start-datetime"], "2024-10-04T00:00:00Z");
        let ps = r["policies"].as_array().cloned().unwrap_or_default();
        assert_eq!(ps.len(), 2, "{r}");
        let t = ps
            .iter()
            .find(|p| p["policy"]["policy-type"] == "tlsa")
            .unwrap_or_else(|| panic!("{r}"));
        assert_eq!(t["summary"]["total-successful-session-count"], 2);
        assert_eq!(t["summary"]["total-failure-session-count"], 2);
        assert_eq!(t["failure-details"][0]["failed-session-count"], 2);
        assert_eq!(t["failure-details"][0]["result-type"], "validation-failure");
        assert_eq!(t["failure-details"][0]["sending-mta-ip"], "192.0.2.9");
        assert_eq!(t["policy"]["policy-string"][0], "3 1 1 aa");
        let s = ps
            .iter()
            .find(|p| p["policy"]["policy-type"] == "sts")
            .unwrap_or_else(|| panic!("{r}"));
        assert_eq!(s["policy"]["mx-host"][0], "*.a.nl");
        assert_eq!(s["summary"]["total-successful-session-count"], 1);
        let r = daily_report(&store, "a.nl", 20_001, "Sluis", "c")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r["policies"].as_array().map(Vec::len), Some(1));
    }
}
