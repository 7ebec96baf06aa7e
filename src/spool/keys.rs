//! Per-record data keys and the key journal: crypto-shredding for the spool.
//!
//! Every message record (a submitted mail, a pickup notification, a code
//! mail, an encrypted copy) is sealed with AES-256-GCM under a random key of
//! its own. The segment files therefore hold only ciphertext; the keys live
//! in one small file, `keys.kj`, of fixed 64-byte slots:
//!
//! ```text
//! key id u64 LE (8) | key (32) | crc32 of id+key u32 LE (4) | zero (20)
//! ```
//!
//! A slot whose checksum does not match (all zeros, or torn) holds no key.
//! When a message is finished (delivered, bounced, parked, cancelled) its
//! slot is overwritten with zeros in place and fsynced with the next group
//! commit: from then on every copy of the record — in a live segment, an old
//! segment, a backup or a snapshot of the disk — is noise. Overwriting in
//! place (rather than appending "deleted" entries and rewriting the file)
//! means no old copy of the key is left in a freed block of an earlier
//! version of the journal. Freed slots are reused, so the file stays as large
//! as the most keys ever live at once.
//!
//! The limits (a copy-on-write file system or an SSD may keep the old block
//! anyway) are described in docs/privacy.md.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;
use zeroize::Zeroize;

pub const SLOT_LEN: usize = 64;
pub const NONCE_LEN: usize = 12;
/// Name of the key journal inside the spool folder.
pub const JOURNAL_NAME: &str = "keys.kj";

/// A record's data key. Never printed, wiped from memory when dropped.
pub struct RecordKey {
    pub id: u64,
    key: [u8; 32],
}

impl std::fmt::Debug for RecordKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RecordKey({:016x})", self.id)
    }
}

impl Drop for RecordKey {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

impl RecordKey {
    /// A fresh random key with a random non-zero id.
    pub fn generate() -> RecordKey {
        let mut id = 0;
        while id == 0 {
            id = rand::random::<u64>();
        }
        RecordKey {
            id,
            key: rand::random(),
        }
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(&self.key.into())
    }

    /// Encrypt `plain`; `aad` binds the ciphertext to its role (meta or body).
    pub fn seal(&self, nonce: &[u8; NONCE_LEN], aad: &[u8], plain: &[u8]) -> io::Result<Vec<u8>> {
        self.cipher()
            .encrypt(Nonce::from_slice(nonce), Payload { msg: plain, aad })
            .map_err(|_| io::Error::other("spool record encryption failed"))
    }

    /// Decrypt and authenticate.
    pub fn open(&self, nonce: &[u8; NONCE_LEN], aad: &[u8], sealed: &[u8]) -> io::Result<Vec<u8>> {
        self.cipher()
            .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
            .map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    "spool record does not decrypt with its key",
                )
            })
    }
}

fn slot_bytes(key: &RecordKey) -> [u8; SLOT_LEN] {
    let mut s = [0u8; SLOT_LEN];
    s[..8].copy_from_slice(&key.id.to_le_bytes());
    s[8..40].copy_from_slice(&key.key);
    let crc = crc32fast::hash(&s[..40]);
    s[40..44].copy_from_slice(&crc.to_le_bytes());
    s
}

fn parse_slot(s: &[u8]) -> Option<RecordKey> {
    let crc = u32::from_le_bytes([s[40], s[41], s[42], s[43]]);
    if crc32fast::hash(&s[..40]) != crc {
        return None;
    }
    let id = u64::from_le_bytes(s[..8].try_into().ok()?);
    let key: [u8; 32] = s[8..40].try_into().ok()?;
    (id != 0).then_some(RecordKey { id, key })
}

/// The key journal. Owned by the spool's writer thread after start-up.
pub struct KeyJournal {
    file: File,
    fsync: bool,
    /// Slot of every live key id.
    slots: HashMap<u64, u64>,
    free: Vec<u64>,
    len_slots: u64,
    dirty: bool,
}

impl KeyJournal {
    /// Open (or create, 0600) the journal and return every key in it.
    pub fn open(dir: &Path, fsync: bool) -> io::Result<(KeyJournal, HashMap<u64, RecordKey>)> {
        let path = dir.join(JOURNAL_NAME);
        let file = crate::private_fs::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        crate::private_fs::tighten(&path)?;
        let data = std::fs::read(&path)?;
        let len_slots = (data.len() / SLOT_LEN) as u64;
        let mut keys = HashMap::new();
        let mut slots = HashMap::new();
        let mut free = Vec::new();
        for (i, chunk) in data.chunks_exact(SLOT_LEN).enumerate() {
            match parse_slot(chunk) {
                Some(k) if !slots.contains_key(&k.id) => {
                    slots.insert(k.id, i as u64);
                    keys.insert(k.id, k);
                }
                _ => free.push(i as u64),
            }
        }
        // Highest free slot last, so reuse starts at the front of the file.
        free.sort_unstable_by(|a, b| b.cmp(a));
        let journal = KeyJournal {
            file,
            fsync,
            slots,
            free,
            len_slots,
            dirty: false,
        };
        Ok((journal, keys))
    }

    /// Write a key into a free slot (not yet durable: see [`Self::sync`]).
    pub fn put(&mut self, key: &RecordKey) -> io::Result<()> {
        if self.slots.contains_key(&key.id) {
            return Ok(());
        }
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.len_slots += 1;
                self.len_slots - 1
            }
        };
        let mut bytes = slot_bytes(key);
        let result = self.file.write_all_at(&bytes, slot * SLOT_LEN as u64);
        bytes.zeroize();
        result?;
        self.slots.insert(key.id, slot);
        self.dirty = true;
        Ok(())
    }

    /// Overwrite a key's slot with zeros: every record sealed with it
    /// becomes unreadable. Unknown ids are ignored.
    pub fn destroy(&mut self, id: u64) -> io::Result<()> {
        let Some(slot) = self.slots.remove(&id) else {
            return Ok(());
        };
        self.file
            .write_all_at(&[0u8; SLOT_LEN], slot * SLOT_LEN as u64)?;
        self.free.push(slot);
        self.dirty = true;
        Ok(())
    }

    /// Make every put and destroy since the last sync durable.
    pub fn sync(&mut self) -> io::Result<()> {
        if self.dirty {
            if self.fsync {
                self.file.sync_data()?;
            }
            self.dirty = false;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_reopen_and_destroyed_keys_leave_only_zeros() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (RecordKey::generate(), RecordKey::generate());
        let (a_id, b_id, b_key) = (a.id, b.id, b.key);
        {
            let (mut j, keys) = KeyJournal::open(dir.path(), true).unwrap();
            assert!(keys.is_empty());
            j.put(&a).unwrap();
            j.put(&b).unwrap();
            j.sync().unwrap();
        }
        {
            let (mut j, keys) = KeyJournal::open(dir.path(), true).unwrap();
            assert_eq!(keys.len(), 2);
            assert_eq!(keys[&b_id].key, b_key);
            j.destroy(b_id).unwrap();
            j.sync().unwrap();
        }
        let raw = std::fs::read(dir.path().join(JOURNAL_NAME)).unwrap();
        assert!(
            !raw.windows(32).any(|w| w == b_key),
            "destroyed key still on disk"
        );
        let (mut j, keys) = KeyJournal::open(dir.path(), true).unwrap();
        assert_eq!(keys.keys().copied().collect::<Vec<_>>(), vec![a_id]);
        // The freed slot is reused: the file does not grow.
        j.put(&RecordKey::generate()).unwrap();
        assert_eq!(
            std::fs::metadata(dir.path().join(JOURNAL_NAME))
                .unwrap()
                .len(),
            2 * SLOT_LEN as u64
        );
    }

    #[test]
    fn sealed_data_opens_only_with_its_key_and_role() {
        let k = RecordKey::generate();
        let n = [7u8; NONCE_LEN];
        let c = k.seal(&n, b"body", b"BSN 123456782").unwrap();
        assert!(!c.windows(9).any(|w| w == b"123456782"));
        assert_eq!(k.open(&n, b"body", &c).unwrap(), b"BSN 123456782");
        assert!(k.open(&n, b"meta", &c).is_err());
        assert!(RecordKey::generate().open(&n, b"body", &c).is_err());
    }

    #[test]
    fn a_torn_slot_holds_no_key() {
        let k = RecordKey::generate();
        let mut s = slot_bytes(&k);
        s[20] ^= 1;
        assert!(parse_slot(&s).is_none());
        assert!(parse_slot(&[0u8; SLOT_LEN]).is_none());
    }
}
