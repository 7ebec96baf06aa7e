//! Throw-away stores for unit tests (compiled only for tests): a SQLite
//! file in a folder of the test's own ([`Store::scratch`]) and a private
//! PostgreSQL schema per run ([`PgScratch`]; `SLUIS_TEST_POSTGRES` names
//! the server, default `postgres://postgres@127.0.0.1:5432/test`, and
//! `skip` skips), so runs never see each other's rows.

use super::schema::Component;
use super::Store;
use std::path::Path;

/// The PostgreSQL the tests use unless `SLUIS_TEST_POSTGRES` says otherwise.
const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

impl Store {
    /// A migrated store (`core` and `components`) on a new SQLite file in
    /// `dir`.
    pub(crate) async fn scratch(dir: &Path, components: &[Component]) -> Store {
        let url = format!("sqlite://{}", dir.join("scratch.db").display());
        Store::connect(&url, 2, components)
            .await
            .unwrap_or_else(|e| panic!("scratch store: {e}"))
    }
}

/// A private PostgreSQL schema for one test: `url` reaches only it.
pub(crate) struct PgScratch {
    admin: sqlx::AnyPool,
    schema: String,
    pub url: String,
}

impl PgScratch {
    /// A new schema named `<prefix>_<random>`; `None` when
    /// `SLUIS_TEST_POSTGRES=skip`. Panics when PostgreSQL is unreachable:
    /// a test that cannot reach it must fail, not pass.
    pub(crate) async fn new(prefix: &str) -> Option<PgScratch> {
        let url = std::env::var("SLUIS_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_PG.into());
        if url == "skip" {
            eprintln!("PostgreSQL part skipped by SLUIS_TEST_POSTGRES=skip");
            return None;
        }
        let schema = format!("{prefix}_{:x}", rand::random::<u32>());
        sqlx::any::install_default_drivers();
        let admin = sqlx::AnyPool::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL reachable: {e}"));
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&admin)
            .await
            .unwrap_or_else(|e| panic!("create schema {schema}: {e}"));
        let sep = if url.contains('?') { '&' } else { '?' };
        let url = format!("{url}{sep}options=-c%20search_path%3D{schema}");
        Some(PgScratch { admin, schema, url })
    }

    /// A migrated store in the schema.
    pub(crate) async fn store(&self, components: &[Component]) -> Store {
        Store::connect(&self.url, 2, components)
            .await
            .unwrap_or_else(|e| panic!("scratch store on PostgreSQL: {e}"))
    }

    /// Drop the schema and everything in it.
    pub(crate) async fn drop_schema(self) {
        sqlx::query(&format!("DROP SCHEMA {} CASCADE", self.schema))
            .execute(&self.admin)
            .await
            .unwrap_or_else(|e| panic!("drop schema {}: {e}", self.schema));
    }
}
