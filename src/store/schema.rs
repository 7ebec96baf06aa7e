//! Schema migrations, kept as plain SQL that both SQLite and PostgreSQL
//! accept. The store owns the `core` component (tenants, accounts, audit);
//! each stage that keeps data owns a [`Component`] of its own (its name and
//! steps, next to its queries) and the caller of [`Store::connect`] lists
//! them (`server::STORE_COMPONENTS`): the store names none of its users.
//! Each step runs once, recorded per component name in `sluis_schema`.
//! Only the append-only guard of the audit table needs a dialect of its own.
//!
//! [`Store::connect`]: super::Store::connect

use super::Backend;
use sqlx::{AnyPool, Row};

/// One migration step: statements run in one transaction.
pub type Step = &'static [&'static str];

/// A part of Sluis that keeps tables of its own: the name its progress is
/// recorded under in `sluis_schema` and its steps (index + 1 = version).
/// Steps are only ever appended, never edited once released, and a name is
/// never changed: an existing database resumes after its recorded version.
#[derive(Clone, Copy, Debug)]
pub struct Component {
    pub name: &'static str,
    pub steps: &'static [Step],
}

/// The store's own component, always migrated first: the others may refer
/// to its tables.
pub const CORE: Component = Component {
    name: "core",
    steps: CORE_STEPS,
};

/// Portable statements of the core component: tenants, accounts, audit.
const CORE_STEPS: &[Step] = &[
    &[
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
    ],
    &[
        // The hash chain per tenant (see `store::chain`): events written before
        // this step have no link and are reported as such by `audit verify`.
        "ALTER TABLE audit_events ADD COLUMN chain_seq BIGINT",
        "ALTER TABLE audit_events ADD COLUMN chain_hash TEXT",
        "CREATE INDEX audit_events_chain ON audit_events (tenant, chain_seq)",
        "CREATE TABLE audit_heads (
        tenant TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL)",
    ],
];

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

/// Brings `core` and then each of `components`, in the order given, up to
/// date.
pub async fn migrate(
    pool: &AnyPool,
    backend: Backend,
    components: &[Component],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS sluis_schema (component TEXT NOT NULL, version BIGINT NOT NULL)",
    )
    .execute(pool)
    .await?;
    for component in std::iter::once(&CORE).chain(components) {
        migrate_component(pool, backend, component.name, component.steps).await?;
    }
    Ok(())
}

async fn migrate_component(
    pool: &AnyPool,
    backend: Backend,
    component: &str,
    steps: &[Step],
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    if backend == Backend::Postgres {
        // Several nodes may start at once: one migrates, the others wait.
        sqlx::query("LOCK TABLE sluis_schema IN EXCLUSIVE MODE")
            .execute(&mut *tx)
            .await?;
    }
    let current: i64 =
        sqlx::query("SELECT COALESCE(MAX(version), 0) FROM sluis_schema WHERE component = $1")
            .bind(component)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
    for (i, statements) in steps.iter().enumerate() {
        let version = i as i64 + 1;
        if version <= current {
            continue;
        }
        for sql in statements.iter() {
            sqlx::query(sql).execute(&mut *tx).await?;
        }
        if component == "core" && version == 1 {
            for sql in append_only_guard(backend) {
                sqlx::query(sql).execute(&mut *tx).await?;
            }
        }
        sqlx::query("INSERT INTO sluis_schema (component, version) VALUES ($1, $2)")
            .bind(component)
            .bind(version)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}
