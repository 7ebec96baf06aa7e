//! Store: tenants (practices), accounts and the audit trail in SQL.
//!
//! One code path for both databases: sqlx's `Any` driver with portable SQL
//! (`$N` parameters, TEXT/BIGINT columns, times as Unix milliseconds, ids
//! made by Sluis rather than by the database). SQLite (WAL, created on
//! first use) is the embedded default; PostgreSQL is used by URL when
//! several nodes share one store.
//!
//! Row types stay in this module; callers get plain domain structs.
//! Password hashes never leave it except to the account code that checks
//! them, and `Debug` of a row never shows one.

pub mod chain;
mod limits;
pub mod schema;

use crate::audit::AuditEvent;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    NotFound(String),
    #[error("unsupported store URL (use sqlite://PATH or postgres://...)")]
    BadUrl,
    #[error("the audit chain head in audit_heads is not a sha256")]
    CorruptChainHead,
    #[error(
        "het databaseschema van '{component}' staat op versie {applied} en vraagt code die \
         minstens {floor} stappen kent; deze sluis kent er {known}: werk deze node bij / \
         the database schema of '{component}' is at version {applied} and needs code that \
         knows at least {floor} steps; this sluis knows {known}: upgrade this node"
    )]
    SchemaTooNew {
        component: String,
        applied: i64,
        floor: i64,
        known: i64,
    },
    #[error(
        "het databaseschema loopt achter op deze sluis (store.migrate_on_start = false): \
         voer eerst `sluis migrate` uit / the database schema is behind this sluis \
         (store.migrate_on_start = false): run `sluis migrate` first"
    )]
    SchemaBehind,
}

/// Which SQL dialect is behind the pool (only the schema differs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// An account as stored. The hash is not printed by `Debug`.
#[derive(Clone)]
pub struct AccountRecord {
    pub username: String,
    pub tenant: String,
    pub password_hash: String,
    pub disabled: bool,
    /// Envelope senders this account may use (`a@b.nl` or `*@b.nl`).
    pub senders: Vec<String>,
}

impl std::fmt::Debug for AccountRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountRecord")
            .field("username", &self.username)
            .field("tenant", &self.tenant)
            .field("disabled", &self.disabled)
            .field("senders", &self.senders)
            .finish_non_exhaustive()
    }
}

/// A stored audit event.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AuditRecord {
    pub id: String,
    pub time_ms: i64,
    pub tenant: String,
    pub kind: String,
    pub actor: String,
    pub ip: Option<String>,
    pub message_id: Option<String>,
    pub recipient: Option<String>,
    pub detail: serde_json::Value,
}

#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

/// Create the SQLite file with mode 0600 when it does not exist; tighten
/// it (and its -wal/-shm) when it does.
fn private_db_file(path: &std::path::Path) -> std::io::Result<()> {
    match crate::private_fs::options()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            crate::private_fs::tighten(path)?;
            for suffix in ["-wal", "-shm"] {
                let mut side = path.as_os_str().to_owned();
                side.push(suffix);
                match crate::private_fs::tighten(std::path::Path::new(&side)) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                    _ => {}
                }
            }
            Ok(())
        }
        Err(e) => Err(e),
    }
}

static AUDIT_SEQ: AtomicU64 = AtomicU64::new(0);

impl Store {
    /// Connect (creating a SQLite file and its folder when needed) and
    /// bring the schema up to date: the store's own `core` tables first,
    /// then each of `components` in the order given (see [`schema`]).
    pub async fn connect(
        url: &str,
        max_connections: u32,
        components: &[schema::Component],
    ) -> Result<Store, StoreError> {
        let store = Store::open(url, max_connections).await?;
        schema::migrate(&store.pool, store.backend, components).await?;
        Ok(store)
    }

    /// Connect without touching the schema (creating a SQLite file and its
    /// folder when needed): for [`schema::status`], and for a node that
    /// only checks the schema (`store.migrate_on_start = false`).
    pub async fn open(url: &str, max_connections: u32) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = if let Some(path) = url.strip_prefix("sqlite://") {
            if path != ":memory:" {
                if let Some(parent) = std::path::Path::new(path).parent() {
                    if !parent.as_os_str().is_empty() {
                        crate::private_fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
                    }
                }
                // SQLite gives its -wal and -shm files the mode of the
                // database file: create that one private (0600), and take
                // group/other access away from one made by an older version.
                private_db_file(std::path::Path::new(path)).map_err(sqlx::Error::Io)?;
            }
            (Backend::Sqlite, format!("sqlite://{path}?mode=rwc"))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_string())
        } else {
            return Err(StoreError::BadUrl);
        };
        let mut options = AnyPoolOptions::new().max_connections(max_connections.max(1));
        if backend == Backend::Sqlite {
            options = options.after_connect(|conn, _| {
                Box::pin(async move {
                    use sqlx::Executor;
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    // Deleted rows (codes, sessions, pickups) are overwritten
                    // with zeros, not left in free pages of the file.
                    conn.execute("PRAGMA secure_delete = ON").await?;
                    Ok(())
                })
            });
        }
        let pool = options.connect(&url).await?;
        Ok(Store { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Create the tenant if it does not exist yet.
    pub async fn ensure_tenant(&self, name: &str, display_name: &str) -> Result<(), StoreError> {
        let exists = sqlx::query("SELECT name FROM tenants WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        if exists.is_none() {
            sqlx::query("INSERT INTO tenants (name, display_name, created_ms) VALUES ($1, $2, $3)")
                .bind(name)
                .bind(display_name)
                .bind(crate::now_ms())
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    pub async fn add_account(&self, account: &AccountRecord) -> Result<(), StoreError> {
        if self.account(&account.username).await?.is_some() {
            return Err(StoreError::Conflict(format!(
                "account {} bestaat al / already exists",
                account.username
            )));
        }
        let now = crate::now_ms();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO accounts (username, tenant, password_hash, disabled, created_ms, updated_ms) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&account.username)
        .bind(&account.tenant)
        .bind(&account.password_hash)
        .bind(i64::from(account.disabled))
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for pattern in &account.senders {
            sqlx::query("INSERT INTO account_senders (username, pattern) VALUES ($1, $2)")
                .bind(&account.username)
                .bind(pattern.to_ascii_lowercase())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_password(&self, username: &str, hash: &str) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE accounts SET password_hash = $1, updated_ms = $2 WHERE username = $3",
        )
        .bind(hash)
        .bind(crate::now_ms())
        .bind(username)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!(
                "account {username} bestaat niet / does not exist"
            )));
        }
        Ok(())
    }

    pub async fn account(&self, username: &str) -> Result<Option<AccountRecord>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT username, tenant, password_hash, disabled FROM accounts WHERE username = $1",
        )
        .bind(username)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let senders =
            sqlx::query("SELECT pattern FROM account_senders WHERE username = $1 ORDER BY pattern")
                .bind(username)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| r.try_get::<String, _>(0))
                .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(AccountRecord {
            username: row.try_get(0)?,
            tenant: row.try_get(1)?,
            password_hash: row.try_get(2)?,
            disabled: row.try_get::<i64, _>(3)? != 0,
            senders,
        }))
    }

    pub async fn list_accounts(&self) -> Result<Vec<AccountRecord>, StoreError> {
        let names: Vec<String> = sqlx::query("SELECT username FROM accounts ORDER BY username")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| r.try_get::<String, _>(0))
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            if let Some(a) = self.account(&name).await? {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// Append audit events in one transaction, each linked into its
    /// tenant's hash chain (see `chain`).
    pub async fn append_audit(&self, events: &[AuditEvent]) -> Result<(), StoreError> {
        if events.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        let mut heads: std::collections::HashMap<String, (i64, [u8; 32])> =
            std::collections::HashMap::new();
        for e in events {
            let id = match &e.id {
                Some(id) => id.clone(),
                None => {
                    let seq = AUDIT_SEQ.fetch_add(1, Ordering::Relaxed) & 0xfffff;
                    format!(
                        "{:016x}{:08x}",
                        ((e.time_ms as u64) << 20) | seq,
                        node_tag()
                    )
                }
            };
            let (seq, prev) = match heads.get(&e.tenant) {
                Some(h) => *h,
                None => chain::lock_head(&mut tx, &e.tenant).await?,
            };
            let ip = e.ip.map(|ip| ip.to_string());
            let detail = e.detail.to_string();
            let seq = seq + 1;
            let hash = chain::hash(
                &prev,
                &chain::Link {
                    seq,
                    id: &id,
                    time_ms: e.time_ms,
                    tenant: &e.tenant,
                    kind: &e.kind,
                    actor: &e.actor,
                    ip: ip.as_deref(),
                    message_id: e.message_id.as_deref(),
                    recipient: e.recipient.as_deref(),
                    detail: &detail,
                },
            );
            // An event replayed from the spool after a crash may already be
            // here: keep the first (no UPDATE: the table refuses it), and
            // leave the chain where it was.
            let done = sqlx::query(
                "INSERT INTO audit_events (id, time_ms, tenant, kind, actor, ip, message_id, recipient, detail, chain_seq, chain_hash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING",
            )
            .bind(id)
            .bind(e.time_ms)
            .bind(&e.tenant)
            .bind(&e.kind)
            .bind(&e.actor)
            .bind(ip)
            .bind(e.message_id.clone())
            .bind(e.recipient.clone())
            .bind(detail)
            .bind(seq)
            .bind(hex::encode(hash))
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                heads.insert(e.tenant.clone(), (seq, hash));
            } else {
                heads.insert(e.tenant.clone(), (seq - 1, prev));
            }
        }
        for (tenant, (seq, hash)) in &heads {
            chain::set_head(&mut tx, tenant, *seq, hash).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Audit events about one message, oldest first.
    pub async fn audit_for_message(
        &self,
        message_id: &str,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        self.audit_where("message_id = $1", message_id).await
    }

    /// Audit events about one recipient address, oldest first.
    pub async fn audit_for_recipient(&self, address: &str) -> Result<Vec<AuditRecord>, StoreError> {
        self.audit_where("recipient = $1", address).await
    }

    /// Events of the given kinds since `since_ms`, optionally about one
    /// recipient, oldest first.
    pub async fn audit_of_kinds(
        &self,
        since_ms: i64,
        kinds: &[&str],
        recipient: Option<&str>,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        // The kinds are constants of the caller, bound as parameters anyway.
        let placeholders: Vec<String> = (0..kinds.len()).map(|i| format!("${}", i + 2)).collect();
        let mut sql = format!(
            "SELECT id, time_ms, tenant, kind, actor, ip, message_id, recipient, detail \
             FROM audit_events WHERE time_ms >= $1 AND kind IN ({})",
            placeholders.join(", ")
        );
        if recipient.is_some() {
            sql.push_str(&format!(" AND recipient = ${}", kinds.len() + 2));
        }
        sql.push_str(" ORDER BY time_ms, id");
        let mut q = sqlx::query(&sql).bind(since_ms);
        for k in kinds {
            q = q.bind(k.to_string());
        }
        if let Some(r) = recipient {
            q = q.bind(r.to_string());
        }
        q.fetch_all(&self.pool)
            .await?
            .iter()
            .map(audit_row)
            .collect()
    }

    async fn audit_where(
        &self,
        condition: &str,
        value: &str,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        let sql = format!(
            "SELECT id, time_ms, tenant, kind, actor, ip, message_id, recipient, detail \
             FROM audit_events WHERE {condition} ORDER BY time_ms, id"
        );
        sqlx::query(&sql)
            .bind(value)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(audit_row)
            .collect()
    }
}

fn audit_row(row: &AnyRow) -> Result<AuditRecord, StoreError> {
    let detail: String = row.try_get(8)?;
    Ok(AuditRecord {
        id: row.try_get(0)?,
        time_ms: row.try_get(1)?,
        tenant: row.try_get(2)?,
        kind: row.try_get(3)?,
        actor: row.try_get(4)?,
        ip: row.try_get(5)?,
        message_id: row.try_get(6)?,
        recipient: row.try_get(7)?,
        detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
    })
}

/// A random tag per process, so ids from several nodes never collide.
fn node_tag() -> u32 {
    use std::sync::OnceLock;
    static TAG: OnceLock<u32> = OnceLock::new();
    *TAG.get_or_init(rand::random)
}

/// Drain audit events from the channel into the store in batches. Runs
/// until every `Audit` handle is dropped. A batch the store refuses (locked,
/// full, unreachable) is retried with backoff, never dropped; meanwhile the
/// backlog grows and new mail is refused above its limit.
pub async fn run_audit_writer(
    store: Store,
    mut rx: tokio::sync::mpsc::UnboundedReceiver<AuditEvent>,
    backlog: crate::audit::Backlog,
    retry: crate::config::AuditConfig,
) {
    let mut batch = Vec::with_capacity(512);
    while rx.recv_many(&mut batch, 512).await > 0 {
        write_audit_until_stored(&store, &batch, &retry).await;
        backlog.done(batch.len());
        batch.clear();
    }
}

/// Write `events`, retrying with exponential backoff until the store has
/// them. Logs the failure (never the events: they hold addresses).
pub async fn write_audit_until_stored(
    store: &Store,
    events: &[AuditEvent],
    retry: &crate::config::AuditConfig,
) {
    let mut delay = retry.retry_initial_ms.max(1);
    let mut failures = 0u32;
    loop {
        match store.append_audit(events).await {
            Ok(()) => {
                if failures > 0 {
                    tracing::info!(
                        events = events.len(),
                        failures,
                        "audit events stored after retrying"
                    );
                }
                return;
            }
            Err(e) => {
                failures += 1;
                tracing::warn!(error = %e, events = events.len(), failures, "cannot write audit events yet; retrying");
                tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
                delay = (delay * 2).min(retry.retry_max_ms.max(delay));
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod scratch;
#[cfg(test)]
mod tests;
