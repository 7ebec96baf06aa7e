//! The local key store: recipient certificates (X.509 and OpenPGP)
//! imported by the operator, and X.509 revocations from imported CRLs.
//!
//! Promises: a key is stored once per (fingerprint, address), only for
//! addresses the key itself names; re-importing an OpenPGP certificate
//! merges the new packets (so an updated certificate carrying a
//! revocation revokes it here too). Validity is *not* judged at import
//! time but at every use (a key may expire while stored). Portable SQL
//! only (TEXT/BIGINT, `$N`), key material base64 in TEXT.

use super::{pgp, smime, CryptoError};
use crate::store::schema::{Component, Step};
use crate::store::{Store, StoreError};
use base64::Engine;
use der::{Decode, Encode};
use sha2::Digest;
use sqlx::Row;

/// The key store's tables, migrated by the store (listed in
/// `server::STORE_COMPONENTS`).
pub const COMPONENT: Component = Component {
    name: "keys",
    steps: KEYS_STEPS,
    floor: 0,
};

/// Migration steps of the `keys` component.
pub const KEYS_STEPS: &[Step] = &[&[
    "CREATE TABLE crypto_keys (
        fingerprint TEXT NOT NULL,
        address TEXT NOT NULL,
        kind TEXT NOT NULL,
        key_data TEXT NOT NULL,
        not_after_ms BIGINT,
        created_ms BIGINT NOT NULL,
        PRIMARY KEY (fingerprint, address))",
    "CREATE INDEX crypto_keys_address ON crypto_keys (address)",
    "CREATE TABLE crypto_revoked (
        issuer_hash TEXT NOT NULL,
        serial TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        PRIMARY KEY (issuer_hash, serial))",
]];

/// What kind of key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyKind {
    Smime,
    OpenPgp,
}

impl KeyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Smime => "smime",
            KeyKind::OpenPgp => "openpgp",
        }
    }
}

/// A stored key (one row).
#[derive(Clone, Debug, serde::Serialize)]
pub struct StoredKey {
    pub fingerprint: String,
    pub address: String,
    pub kind: KeyKind,
    #[serde(skip)]
    pub data: Vec<u8>,
    pub not_after_ms: Option<i64>,
    pub created_ms: i64,
}

/// What an import did (`sluis keys import --json` prints it).
#[derive(Debug, Default, serde::Serialize)]
pub struct ImportReport {
    pub keys: Vec<StoredKey>,
    /// Revoked serial numbers recorded from a CRL.
    pub revocations: usize,
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

fn kind_of(s: &str) -> KeyKind {
    if s == "openpgp" {
        KeyKind::OpenPgp
    } else {
        KeyKind::Smime
    }
}

/// Import a file's content: PEM/DER certificates, a PEM/DER CRL, or
/// OpenPGP certificates (armored or binary). `for_address` restricts the
/// import to one address, which the key must name.
pub async fn import(
    store: &Store,
    data: &[u8],
    for_address: Option<&str>,
) -> Result<ImportReport, CryptoError> {
    let now = crate::now_ms();
    let for_address = for_address.map(|a| a.trim().to_ascii_lowercase());
    let mut report = ImportReport::default();
    if let Some(serials) = parse_crl(data)? {
        for (issuer_hash, serial) in &serials {
            sqlx::query("DELETE FROM crypto_revoked WHERE issuer_hash = $1 AND serial = $2")
                .bind(issuer_hash)
                .bind(serial)
                .execute(store.pool())
                .await
                .map_err(StoreError::from)?;
            sqlx::query(
                "INSERT INTO crypto_revoked (issuer_hash, serial, created_ms) VALUES ($1, $2, $3)",
            )
            .bind(issuer_hash)
            .bind(serial)
            .bind(now)
            .execute(store.pool())
            .await
            .map_err(StoreError::from)?;
        }
        report.revocations = serials.len();
        return Ok(report);
    }
    let mut rows: Vec<StoredKey> = Vec::new();
    let is_pgp = memchr::memmem::find(data, b"-----BEGIN PGP").is_some()
        || (memchr::memmem::find(data, b"-----BEGIN").is_none()
            && smime::parse_cert(data).is_err());
    if is_pgp {
        for cert in pgp::parse_certs(data)? {
            let merged = match existing(store, &cert.fingerprint).await? {
                Some(old) => match pgp::parse_certs(&old)?.into_iter().next() {
                    Some(old) => pgp::merge(old, cert)?,
                    None => cert,
                },
                None => cert,
            };
            let bytes = merged.to_bytes()?;
            for address in addresses(&merged.emails, for_address.as_deref())? {
                rows.push(StoredKey {
                    fingerprint: merged.fingerprint.clone(),
                    address,
                    kind: KeyKind::OpenPgp,
                    data: bytes.clone(),
                    not_after_ms: None,
                    created_ms: now,
                });
            }
        }
    } else {
        for cert in smime::parse_certs(data)? {
            for address in addresses(&cert.emails, for_address.as_deref())? {
                rows.push(StoredKey {
                    fingerprint: cert.fingerprint.clone(),
                    address,
                    kind: KeyKind::Smime,
                    data: cert.der.clone(),
                    not_after_ms: Some(cert.not_after_ms),
                    created_ms: now,
                });
            }
        }
    }
    let mut tx = store.pool().begin().await.map_err(StoreError::from)?;
    for row in &rows {
        sqlx::query("DELETE FROM crypto_keys WHERE fingerprint = $1 AND address = $2")
            .bind(&row.fingerprint)
            .bind(&row.address)
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        sqlx::query(
            "INSERT INTO crypto_keys (fingerprint, address, kind, key_data, not_after_ms, created_ms) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&row.fingerprint)
        .bind(&row.address)
        .bind(row.kind.as_str())
        .bind(b64().encode(&row.data))
        .bind(row.not_after_ms)
        .bind(row.created_ms)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from)?;
    }
    tx.commit().await.map_err(StoreError::from)?;
    report.keys = rows;
    Ok(report)
}

/// The addresses a key is stored under.
fn addresses(emails: &[String], only: Option<&str>) -> Result<Vec<String>, CryptoError> {
    match only {
        Some(a) if emails.iter().any(|e| e == a) => Ok(vec![a.to_string()]),
        Some(a) => Err(CryptoError::Key(format!(
            "sleutel noemt {a} niet / key does not name {a}"
        ))),
        None if emails.is_empty() => Err(CryptoError::Key(
            "sleutel noemt geen e-mailadres / key names no e-mail address".into(),
        )),
        None => Ok(emails.to_vec()),
    }
}

async fn existing(store: &Store, fingerprint: &str) -> Result<Option<Vec<u8>>, CryptoError> {
    let row = sqlx::query("SELECT key_data FROM crypto_keys WHERE fingerprint = $1 LIMIT 1")
        .bind(fingerprint)
        .fetch_optional(store.pool())
        .await
        .map_err(StoreError::from)?;
    match row {
        Some(r) => {
            let text: String = r.try_get(0).map_err(StoreError::from)?;
            Ok(Some(
                b64()
                    .decode(text)
                    .map_err(|e| CryptoError::Key(e.to_string()))?,
            ))
        }
        None => Ok(None),
    }
}

/// A CRL's revoked (issuer hash, serial) pairs; `None` if not a CRL.
fn parse_crl(data: &[u8]) -> Result<Option<Vec<(String, String)>>, CryptoError> {
    let der = if let Some(start) = memchr::memmem::find(data, b"-----BEGIN X509 CRL-----") {
        let mut reader = data.get(start..).unwrap_or_default();
        let first = rustls_pemfile::crls(&mut reader).next();
        match first {
            Some(Ok(crl)) => crl.as_ref().to_vec(),
            _ => return Err(CryptoError::Key("malformed PEM CRL".into())),
        }
    } else {
        data.to_vec()
    };
    let Ok(crl) = x509_cert::crl::CertificateList::from_der(&der) else {
        return Ok(None);
    };
    let issuer = crl
        .tbs_cert_list
        .issuer
        .to_der()
        .map_err(|e| CryptoError::Key(e.to_string()))?;
    let issuer_hash = hex::encode(sha2::Sha256::digest(&issuer));
    Ok(Some(
        crl.tbs_cert_list
            .revoked_certificates
            .iter()
            .flatten()
            .map(|r| (issuer_hash.clone(), hex::encode(r.serial_number.as_bytes())))
            .collect(),
    ))
}

/// Whether an imported CRL lists this certificate.
pub async fn is_revoked(store: &Store, cert: &smime::SmimeCert) -> Result<bool, CryptoError> {
    let (issuer, serial) = cert.issuer_serial();
    let row =
        sqlx::query("SELECT serial FROM crypto_revoked WHERE issuer_hash = $1 AND serial = $2")
            .bind(hex::encode(sha2::Sha256::digest(&issuer)))
            .bind(hex::encode(serial))
            .fetch_optional(store.pool())
            .await
            .map_err(StoreError::from)?;
    Ok(row.is_some())
}

fn key_row(row: &sqlx::any::AnyRow) -> Result<StoredKey, CryptoError> {
    let data: String = row.try_get(3).map_err(StoreError::from)?;
    let kind: String = row.try_get(2).map_err(StoreError::from)?;
    Ok(StoredKey {
        fingerprint: row.try_get(0).map_err(StoreError::from)?,
        address: row.try_get(1).map_err(StoreError::from)?,
        kind: kind_of(&kind),
        data: b64()
            .decode(data)
            .map_err(|e| CryptoError::Key(e.to_string()))?,
        not_after_ms: row.try_get(4).map_err(StoreError::from)?,
        created_ms: row.try_get(5).map_err(StoreError::from)?,
    })
}

const COLUMNS: &str = "fingerprint, address, kind, key_data, not_after_ms, created_ms";

/// Keys stored for one address (newest import first).
pub async fn for_address(store: &Store, address: &str) -> Result<Vec<StoredKey>, CryptoError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM crypto_keys WHERE address = $1 ORDER BY created_ms DESC, fingerprint"
    );
    sqlx::query(&sql)
        .bind(address.to_ascii_lowercase())
        .fetch_all(store.pool())
        .await
        .map_err(StoreError::from)?
        .iter()
        .map(key_row)
        .collect()
}

/// Every stored key.
pub async fn list(store: &Store) -> Result<Vec<StoredKey>, CryptoError> {
    let sql = format!("SELECT {COLUMNS} FROM crypto_keys ORDER BY address, fingerprint");
    sqlx::query(&sql)
        .fetch_all(store.pool())
        .await
        .map_err(StoreError::from)?
        .iter()
        .map(key_row)
        .collect()
}

/// Remove a key (all its addresses); returns how many rows went.
pub async fn remove(store: &Store, fingerprint: &str) -> Result<u64, CryptoError> {
    let done = sqlx::query("DELETE FROM crypto_keys WHERE fingerprint = $1")
        .bind(fingerprint.trim().to_ascii_uppercase())
        .execute(store.pool())
        .await
        .map_err(StoreError::from)?;
    Ok(done.rows_affected())
}
