//! Where the ciphertext of a parked message lives: one file per pickup in
//! a folder (default with SQLite; written to a temporary name, fsynced,
//! renamed, and the folder fsynced), or in the database in chunks
//! (`pickup_blob_chunks`, one transaction per blob; the default with
//! PostgreSQL), so every node of a cluster serves every pickup.
//!
//! Only age ciphertext ever reaches this module. Deleting it is the
//! crypto-shredding step of revoke and expiry. A pickup parked as a file
//! before a switch to the database is still read (and deleted) from its
//! file on the node that has it.

use super::db;
use crate::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("blob file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("bad blob id")]
    BadId,
}

/// The two ciphertexts of a pickup: the whole message, and the small
/// view (text and attachment list) the message page shows, so a page view
/// never decrypts megabytes of attachments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlobKind {
    Message,
    View,
}

impl BlobKind {
    fn suffix(self) -> &'static str {
        match self {
            BlobKind::Message => "age",
            BlobKind::View => "view.age",
        }
    }

    /// The key of this blob in `pickup_blobs`.
    pub fn db_key(self, id: &str) -> String {
        match self {
            BlobKind::Message => id.to_string(),
            BlobKind::View => format!("{id}.view"),
        }
    }
}

#[derive(Clone, Debug)]
pub enum Blobs {
    Files(PathBuf),
    Database {
        store: Store,
        /// Bytes per chunk (`pickup.blob_chunk_bytes`).
        chunk_bytes: usize,
        /// Where pickups parked as files before the switch are.
        files: PathBuf,
    },
}

impl Blobs {
    pub fn in_db(&self) -> bool {
        matches!(self, Blobs::Database { .. })
    }

    fn path(dir: &Path, id: &str, kind: BlobKind) -> Result<PathBuf, BlobError> {
        // Ids are hex made by Sluis; anything else never reaches the disk.
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(BlobError::BadId);
        }
        Ok(dir.join(format!("{id}.{}", kind.suffix())))
    }

    pub async fn put(&self, id: &str, kind: BlobKind, data: Vec<u8>) -> Result<(), BlobError> {
        match self {
            Blobs::Database {
                store, chunk_bytes, ..
            } => Ok(db::put_db_blob(store, &kind.db_key(id), &data, *chunk_bytes).await?),
            Blobs::Files(dir) => {
                let path = Self::path(dir, id, kind)?;
                let dir = dir.clone();
                let io = |path: &Path, source| BlobError::Io {
                    path: path.to_path_buf(),
                    source,
                };
                tokio::task::spawn_blocking(move || {
                    write_durably(&dir, &path, &data).map_err(|e| io(&path, e))
                })
                .await
                .map_err(|e| BlobError::Io {
                    path: PathBuf::new(),
                    source: std::io::Error::other(e.to_string()),
                })?
            }
        }
    }

    pub async fn get(
        &self,
        id: &str,
        kind: BlobKind,
        stored_in_db: bool,
    ) -> Result<Option<Vec<u8>>, BlobError> {
        match self {
            Blobs::Database { store, .. } if stored_in_db => {
                Ok(db::get_db_blob(store, &kind.db_key(id)).await?)
            }
            Blobs::Files(_) if stored_in_db => Ok(None),
            Blobs::Files(dir) | Blobs::Database { files: dir, .. } => {
                let path = Self::path(dir, id, kind)?;
                match tokio::fs::read(&path).await {
                    Ok(b) => Ok(Some(b)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(source) => Err(BlobError::Io { path, source }),
                }
            }
        }
    }

    /// Remove both ciphertexts (database copies go with `db::close_pickup`;
    /// a file is removed here in either mode).
    pub async fn delete(&self, id: &str) -> Result<(), BlobError> {
        let (Blobs::Files(dir) | Blobs::Database { files: dir, .. }) = self;
        for kind in [BlobKind::Message, BlobKind::View] {
            let path = Self::path(dir, id, kind)?;
            match tokio::fs::remove_file(&path).await {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(BlobError::Io { path, source }),
            }
        }
        Ok(())
    }
}

fn write_durably(dir: &Path, path: &Path, data: &[u8]) -> std::io::Result<()> {
    crate::private_fs::create_dir_all(dir)?;
    let tmp = path.with_extension("tmp");
    {
        let mut f = crate::private_fs::create(&tmp)?;
        f.write_all(data)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_round_trip_and_delete_and_refuse_odd_ids() {
        let dir = tempfile::tempdir().unwrap();
        let b = Blobs::Files(dir.path().join("blobs"));
        b.put("abc123", BlobKind::Message, b"cipher".to_vec())
            .await
            .unwrap();
        b.put("abc123", BlobKind::View, b"view".to_vec())
            .await
            .unwrap();
        assert_eq!(
            b.get("abc123", BlobKind::Message, false)
                .await
                .unwrap()
                .as_deref(),
            Some(&b"cipher"[..])
        );
        b.delete("abc123").await.unwrap();
        assert_eq!(
            b.get("abc123", BlobKind::Message, false).await.unwrap(),
            None
        );
        assert_eq!(b.get("abc123", BlobKind::View, false).await.unwrap(), None);
        assert!(b.put("../x", BlobKind::Message, vec![]).await.is_err());
    }

    #[tokio::test]
    async fn database_blobs_are_chunked_and_older_rows_and_files_still_read() {
        use sqlx::Row;
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("s.db").display());
        let store = crate::server::open_store(&url, 2).await.unwrap();
        let files = dir.path().join("blobs");
        let b = Blobs::Database {
            store: store.clone(),
            chunk_bytes: 4,
            files: files.clone(),
        };
        let data = b"0123456789".to_vec();
        b.put("ab01", BlobKind::Message, data.clone())
            .await
            .unwrap();
        b.put("ab01", BlobKind::View, vec![]).await.unwrap();
        let got = b.get("ab01", BlobKind::Message, true).await.unwrap();
        assert_eq!(got.as_deref(), Some(&data[..]));
        let got = b.get("ab01", BlobKind::View, true).await.unwrap();
        assert_eq!(got.as_deref(), Some(&b""[..]));
        let n: i64 = sqlx::query("SELECT count(*) FROM pickup_blob_chunks WHERE id = 'ab01'")
            .fetch_one(store.pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 3, "10 bytes in chunks of 4");
        // A row written by an older version (base64 in `pickup_blobs`).
        sqlx::query("INSERT INTO pickup_blobs (id, data) VALUES ('cd02', 'b2xk')")
            .execute(store.pool())
            .await
            .unwrap();
        let got = b.get("cd02", BlobKind::Message, true).await.unwrap();
        assert_eq!(got.as_deref(), Some(&b"old"[..]));
        // A pickup parked as a file before the switch.
        Blobs::Files(files)
            .put("ef03", BlobKind::Message, b"file".to_vec())
            .await
            .unwrap();
        let got = b.get("ef03", BlobKind::Message, false).await.unwrap();
        assert_eq!(got.as_deref(), Some(&b"file"[..]));
        b.delete("ef03").await.unwrap();
        assert_eq!(b.get("ef03", BlobKind::Message, false).await.unwrap(), None);
        assert_eq!(b.get("gg04", BlobKind::Message, true).await.unwrap(), None);
    }
}
