//! Pickup tables and queries (portable SQL through sqlx `Any`).
//!
//! What is kept: a pickup row keyed by the id *derived* from the link
//! secret (never the secret), addresses and phone needed to send codes,
//! times and state; code hashes (HMAC), session hashes with the link secret
//! sealed under the session token; rate-limit counters; the contact list.
//! Ciphertext lives in the blob store (files, or `pickup_blob_chunks`).
//! Counters and one-time use are done with single UPDATE statements, and
//! code requests and code checks of one link run in transactions under the
//! link's row lock, so several nodes on one PostgreSQL database stay correct.
//!
//! Files by job: this one holds the schema (the `pickup` component);
//! `links.rs` the pickup row (state, expiry, first opening, the ciphertext
//! kept in the database) and the sender's contacts; `codes.rs` codes under
//! the link's lock; `access.rs` portal sessions and rate-limit counters.
//! Every item is re-exported here, so callers write `db::issue_code`.

use crate::store::schema::{Component, Step};

mod access;
mod codes;
mod links;

pub use access::{
    claim_key_fingerprint, delete_session, drop_stale, insert_session, rate_hit, session,
    touch_session, SessionRow,
};
pub use codes::{check_code, issue_code, put_code, CodeCheck, Issued};
pub use links::{
    close_pickup, contact_phone, due_for_expiry, get_db_blob, insert_pickup, list_pickups,
    mark_opened, pickup, pickups_for_message, put_db_blob, upsert_contact, ListFilter, PickupRow,
    PickupState,
};

/// The pickup tables, migrated by the store (listed in
/// `server::STORE_COMPONENTS`).
pub const COMPONENT: Component = Component {
    name: "pickup",
    steps: PICKUP_STEPS,
    floor: 0,
};

/// Migration steps of the `pickup` component.
pub const PICKUP_STEPS: &[Step] = &[
    &[
        "CREATE TABLE pickups (
        id TEXT PRIMARY KEY,
        tenant TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sender TEXT NOT NULL,
        recipient TEXT NOT NULL,
        phone TEXT,
        created_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL,
        state TEXT NOT NULL,
        opened_ms BIGINT,
        blob_in_db BIGINT NOT NULL)",
        "CREATE INDEX pickups_message ON pickups (message_id)",
        "CREATE INDEX pickups_expiry ON pickups (state, expires_ms)",
        "CREATE TABLE pickup_blobs (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL)",
        "CREATE TABLE pickup_codes (
        pickup_id TEXT PRIMARY KEY,
        code_hash TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL,
        attempts BIGINT NOT NULL,
        used BIGINT NOT NULL)",
        "CREATE TABLE pickup_sessions (
        id_hash TEXT PRIMARY KEY,
        pickup_id TEXT NOT NULL,
        wrapped TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        last_seen_ms BIGINT NOT NULL)",
        "CREATE INDEX pickup_sessions_pickup ON pickup_sessions (pickup_id)",
        "CREATE TABLE pickup_rate (
        rkey TEXT PRIMARY KEY,
        window_start_ms BIGINT NOT NULL,
        hits BIGINT NOT NULL)",
        "CREATE TABLE contacts (
        tenant TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        PRIMARY KEY (tenant, address))",
    ],
    &[
        // Codes made over a link's whole life (the lifetime cap,
        // `pickup.max_codes_per_link_lifetime`).
        "ALTER TABLE pickups ADD COLUMN codes_issued BIGINT NOT NULL DEFAULT 0",
    ],
    &[
        // Ciphertext in the database as bytes, in chunks (`bytea` on
        // PostgreSQL; SQLite keeps the bytes as a BLOB value), so a large
        // parked message is neither base64-inflated nor one huge value.
        "CREATE TABLE pickup_blob_chunks (
        id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        data BYTEA NOT NULL,
        PRIMARY KEY (id, seq))",
        // The fingerprint of the server key (HMAC key of codes and revoke
        // links) the first node used: every node must hold the same key.
        "CREATE TABLE pickup_server_key (
        name TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL)",
    ],
];
