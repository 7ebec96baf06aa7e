//! Where the ciphertext of a parked message lives: one file per pickup in
//! a folder (default; written to a temporary name, fsynced, renamed, and
//! the folder fsynced), or base64 in the database (`pickup_blobs`) for
//! several nodes without a shared disk.
//!
//! Only age ciphertext ever reaches this module. Deleting it is the
//! crypto-shredding step of revoke and expiry.

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
    Database(Store),
}

impl Blobs {
    pub fn in_db(&self) -> bool {
        matches!(self, Blobs::Database(_))
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
            Blobs::Database(store) => Ok(db::put_db_blob(store, &kind.db_key(id), &data).await?),
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
            Blobs::Database(store) => Ok(db::get_db_blob(store, &kind.db_key(id)).await?),
            Blobs::Files(_) if stored_in_db => Ok(None),
            Blobs::Files(dir) => {
                let path = Self::path(dir, id, kind)?;
                match tokio::fs::read(&path).await {
                    Ok(b) => Ok(Some(b)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(source) => Err(BlobError::Io { path, source }),
                }
            }
        }
    }

    /// Remove both ciphertexts (database copies go with `db::close_pickup`).
    pub async fn delete(&self, id: &str) -> Result<(), BlobError> {
        if let Blobs::Files(dir) = self {
            for kind in [BlobKind::Message, BlobKind::View] {
                let path = Self::path(dir, id, kind)?;
                match tokio::fs::remove_file(&path).await {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(source) => return Err(BlobError::Io { path, source }),
                }
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
}
