//! Schema migrations, kept as plain SQL that both SQLite and PostgreSQL
//! accept. The store owns the `core` component (tenants, accounts, audit);
//! each stage that keeps data owns a [`Component`] of its own (its name and
//! steps, next to its queries) and the caller of [`Store::connect`] lists
//! them (`server::STORE_COMPONENTS`): the store names none of its users.
//! Each step runs once, recorded per component name in `sluis_schema`.
//! Only the append-only guard of the audit table needs a dialect of its own.
//!
//! Rolling upgrades (several nodes on one PostgreSQL): steps are additive
//! (new tables, new columns with a default), so a node of the previous
//! version keeps working on a schema one version ahead. A step that is
//! not (a column dropped or renamed, a meaning changed) raises its
//! component's [`Component::floor`]; the migrator records the floor in
//! `sluis_schema_floor`, and a node whose code knows fewer steps than the
//! floor refuses to start ([`check`]) instead of misreading the tables.
//!
//! [`Store::connect`]: super::Store::connect

use super::{Backend, StoreError};
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
    /// The fewest steps code must know to use these tables: 0 while every
    /// step is additive; set to a step's version when that step breaks
    /// code that knows fewer (then older nodes refuse to start).
    pub floor: i64,
}

/// The store's own component, always migrated first: the others may refer
/// to its tables.
pub const CORE: Component = Component {
    name: "core",
    steps: CORE_STEPS,
    floor: 0,
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
    &[
        // Failed SMTP AUTH attempts per client, shared by every node
        // (`store::limits`; used when the store is PostgreSQL).
        "CREATE TABLE auth_failures (
        ckey TEXT PRIMARY KEY,
        window_start_ms BIGINT NOT NULL,
        failures BIGINT NOT NULL)",
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

/// One component as the database has it, next to what this build knows.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ComponentStatus {
    pub name: String,
    /// Steps this build knows (0: a component of a newer version).
    pub known: i64,
    /// Steps applied to the database.
    pub applied: i64,
    /// Fewest steps code must know to use the tables (recorded by the
    /// newest migrator that ran).
    pub floor: i64,
}

impl ComponentStatus {
    /// The database is ahead of this build, and not additively.
    pub fn incompatible(&self) -> bool {
        self.floor > self.known
    }
    /// This build has steps the database has not had yet.
    pub fn behind(&self) -> bool {
        self.applied < self.known
    }
}

async fn bookkeeping(pool: &AnyPool) -> Result<(), sqlx::Error> {
    for sql in [
        "CREATE TABLE IF NOT EXISTS sluis_schema (component TEXT NOT NULL, version BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS sluis_schema_floor (component TEXT PRIMARY KEY, floor BIGINT NOT NULL)",
    ] {
        sqlx::query(sql).execute(pool).await?;
    }
    Ok(())
}

/// Every component this build knows (`core` first) and every one the
/// database records, with applied and known versions.
pub async fn status(
    pool: &AnyPool,
    components: &[Component],
) -> Result<Vec<ComponentStatus>, sqlx::Error> {
    bookkeeping(pool).await?;
    let applied: Vec<(String, i64)> =
        sqlx::query("SELECT component, MAX(version) FROM sluis_schema GROUP BY component")
            .fetch_all(pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<Result<_, sqlx::Error>>()?;
    let floors: Vec<(String, i64)> = sqlx::query("SELECT component, floor FROM sluis_schema_floor")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect::<Result<_, sqlx::Error>>()?;
    let find = |list: &[(String, i64)], name: &str| {
        list.iter().find(|(n, _)| n == name).map_or(0, |(_, v)| *v)
    };
    let mut out: Vec<ComponentStatus> = std::iter::once(&CORE)
        .chain(components)
        .map(|c| ComponentStatus {
            name: c.name.to_string(),
            known: c.steps.len() as i64,
            applied: find(&applied, c.name),
            floor: find(&floors, c.name),
        })
        .collect();
    for (name, version) in &applied {
        if !out.iter().any(|s| s.name == *name) {
            out.push(ComponentStatus {
                name: name.clone(),
                known: 0,
                applied: *version,
                floor: find(&floors, name),
            });
        }
    }
    Ok(out)
}

/// Refuse a database whose schema is ahead of this build in a way it
/// cannot use (see [`Component::floor`]); a schema that is only additively
/// ahead (a rolling upgrade in progress) is accepted.
pub fn check(status: &[ComponentStatus]) -> Result<(), StoreError> {
    match status.iter().find(|s| s.incompatible()) {
        Some(s) => Err(StoreError::SchemaTooNew {
            component: s.name.clone(),
            applied: s.applied,
            floor: s.floor,
            known: s.known,
        }),
        None => Ok(()),
    }
}

/// Brings `core` and then each of `components`, in the order given, up to
/// date, after [`check`]ing that the database is not ahead of this build.
pub async fn migrate(
    pool: &AnyPool,
    backend: Backend,
    components: &[Component],
) -> Result<(), StoreError> {
    check(&status(pool, components).await?)?;
    for component in std::iter::once(&CORE).chain(components) {
        migrate_component(pool, backend, component).await?;
    }
    Ok(())
}

async fn migrate_component(
    pool: &AnyPool,
    backend: Backend,
    c: &Component,
) -> Result<(), sqlx::Error> {
    let (component, steps) = (c.name, c.steps);
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
    if c.floor > 0 {
        // Only ever raised: a node of an older build never lowers it.
        sqlx::query(
            "INSERT INTO sluis_schema_floor (component, floor) VALUES ($1, $2) \
             ON CONFLICT (component) DO UPDATE SET floor = $2 \
             WHERE sluis_schema_floor.floor < $2",
        )
        .bind(component)
        .bind(c.floor)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}
