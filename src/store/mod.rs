//! Store: accounts, tenants and the audit trail in SQL (sqlx; SQLite by
//! default, PostgreSQL by URL). (Being written.)
