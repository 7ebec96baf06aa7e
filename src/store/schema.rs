//! Schema migrations, kept as plain SQL that both SQLite and PostgreSQL
//! accept. Each step runs once, recorded in `sluis_schema`. Only the
//! append-only guard of the audit table needs a dialect of its own.

use super::Backend;
use sqlx::{AnyPool, Row};

/// Portable statements per schema version (index + 1 = version).
const STEPS: &[&[&str]] = &[&[
    "CREATE TABLE tenants (
        name TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        created_ms BIGINT NOT NULL)",
    "CREATE TABLE accounts (
        username TEXT PRIMARY KEY,
        tenant TEXT NOT NULL REFERENCES tenants(name),
        password_hash TEXT NOT NULL,
        disabled BIGINT NOT NULL DEFAULT 0,
        created_ms BIGINT NOT NULL,
        updated_ms BIGINT NOT NULL)",
    "CREATE TABLE account_senders (
        username TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE,
        pattern TEXT NOT NULL,
        PRIMARY KEY (username, pattern))",
    "CREATE TABLE audit_events (
        id TEXT PRIMARY KEY,
        time_ms BIGINT NOT NULL,
        tenant TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        ip TEXT,
        message_id TEXT,
        recipient TEXT,
        detail TEXT NOT NULL)",
    "CREATE INDEX audit_events_message ON audit_events (message_id)",
    "CREATE INDEX audit_events_recipient ON audit_events (recipient)",
    "CREATE INDEX audit_events_time ON audit_events (tenant, time_ms)",
]];

/// The audit trail refuses UPDATE and DELETE at the database level.
fn append_only_guard(backend: Backend) -> &'static [&'static str] {
    match backend {
        Backend::Sqlite => &[
            "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
             BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
            "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
             BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
        ],
        Backend::Postgres => &[
            "CREATE OR REPLACE FUNCTION sluis_audit_append_only() RETURNS trigger AS $$
             BEGIN RAISE EXCEPTION 'audit_events is append-only'; END; $$ LANGUAGE plpgsql",
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
             FOR EACH ROW EXECUTE FUNCTION sluis_audit_append_only()",
        ],
    }
}

pub async fn migrate(pool: &AnyPool, backend: Backend) -> Result<(), sqlx::Error> {
    sqlx::query("CREATE TABLE IF NOT EXISTS sluis_schema (version BIGINT NOT NULL)")
        .execute(pool)
        .await?;
    let mut tx = pool.begin().await?;
    if backend == Backend::Postgres {
        // Several nodes may start at once: one migrates, the others wait.
        sqlx::query("LOCK TABLE sluis_schema IN EXCLUSIVE MODE")
            .execute(&mut *tx)
            .await?;
    }
    let current: i64 = sqlx::query("SELECT COALESCE(MAX(version), 0) FROM sluis_schema")
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    for (i, statements) in STEPS.iter().enumerate() {
        let version = i as i64 + 1;
        if version <= current {
            continue;
        }
        for sql in statements.iter() {
            sqlx::query(sql).execute(&mut *tx).await?;
        }
        if version == 1 {
            for sql in append_only_guard(backend) {
                sqlx::query(sql).execute(&mut *tx).await?;
            }
        }
        sqlx::query("INSERT INTO sluis_schema (version) VALUES ($1)")
            .bind(version)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}
