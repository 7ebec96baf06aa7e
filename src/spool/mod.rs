//! Spool stage: the durable record of every accepted message.
//!
//! Promise: when [`Spool::append`] returns `Ok`, the message, its envelope
//! and its routed work are on disk and fsynced (file data and, for a new
//! segment file, the directory). Only then does the SMTP session say "250".
//!
//! Layout: an append-only log split into segment files `NNNNNNNNNNNNNNNNNNNN.seg`
//! (see `record` for the record format). One writer thread appends the
//! records of all sessions and fsyncs once per batch — group commit: under
//! load, one fsync covers many messages instead of one each, and no promise
//! is weakened. Delivery outcomes are appended as status records; a message
//! whose recipients are all final is finished.
//!
//! Space is reclaimed by deleting the oldest segments once nothing live
//! remains in them (oldest first, so a status record never outlives the
//! message it refers to). A long-deferred message that pins an old segment
//! is relocated (rewritten into the active segment) by [`Spool::compact`].
//!
//! Crypto-shredding (`keys`): every message record is sealed under a data
//! key of its own, kept in the key journal `keys.kj`. When a message is
//! finished its key is overwritten, so its records in any segment (or any
//! copy of one) can no longer be read. Recovery reads the journal first; a
//! record whose key is gone is a finished message and is skipped.
//!
//! Recovery ([`Spool::open`]) reads every segment in order, stops reading a
//! segment at a torn tail (a record whose fsync never returned, so never
//! acknowledged), and returns every unfinished message.

mod index;
mod keys;
mod record;
mod writer;

pub use record::{MessageMeta, StatusRecord};

use crate::types::{Envelope, MessageId};
use index::{lock, recover_segment, release, BodyLocation, Index};
use keys::{KeyJournal, RecordKey, NONCE_LEN};
use std::collections::HashMap;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use writer::{Payload, WriteRequest, Writer};

/// An unfinished message found at start-up.
#[derive(Debug, Clone)]
pub struct Recovered {
    pub meta: Arc<MessageMeta>,
    /// Latest status per recipient.
    pub status: Vec<Option<StatusRecord>>,
    /// `meta.audit` still has to reach the store (then call
    /// [`Spool::audit_stored`]).
    pub audit_pending: bool,
}

/// The spool. Cheap to share (`Arc<Spool>`).
pub struct Spool {
    dir: PathBuf,
    writer: Writer,
    index: Arc<Mutex<Index>>,
    id_counter: AtomicU64,
}

impl std::fmt::Debug for Spool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spool").field("dir", &self.dir).finish()
    }
}

fn segment_path(dir: &Path, n: u64) -> PathBuf {
    dir.join(format!("{n:020}.seg"))
}

fn list_segments(dir: &Path) -> io::Result<Vec<u64>> {
    let mut segs = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        let name = name.to_string_lossy();
        if let Some(n) = name
            .strip_suffix(".seg")
            .and_then(|s| s.parse::<u64>().ok())
        {
            segs.push(n);
        }
    }
    segs.sort_unstable();
    Ok(segs)
}

impl Spool {
    /// Open (or create) the spool in `dir`, recover what is unfinished and
    /// start the writer in a fresh segment.
    pub fn open(
        dir: &Path,
        segment_size: u64,
        max_batch: usize,
        fsync: bool,
    ) -> io::Result<(Spool, Vec<Recovered>)> {
        crate::private_fs::create_dir_all(dir)?;
        crate::private_fs::tighten(dir)?;
        // Keys first: without its key a record cannot be read.
        let (mut journal, keys) = KeyJournal::open(dir, fsync)?;
        let keys: HashMap<u64, Arc<RecordKey>> =
            keys.into_iter().map(|(id, k)| (id, Arc::new(k))).collect();
        let segments = list_segments(dir)?;
        let mut index = Index::default();
        for &seg in &segments {
            recover_segment(dir, seg, &mut index, &keys)?;
        }
        // Drop what finished before the crash, and shred it.
        let finished: Vec<MessageId> = index
            .entries
            .iter()
            .filter(|(_, e)| e.is_finished())
            .map(|(id, _)| id.clone())
            .collect();
        for id in finished {
            release(&mut index, &id);
        }
        // Every key that no live message needs (finished, or written just
        // before a crash that lost its record) is destroyed now.
        let live: std::collections::HashSet<u64> =
            index.entries.values().map(|e| e.key.id).collect();
        for id in keys.keys().filter(|id| !live.contains(id)) {
            journal.destroy(*id)?;
        }
        journal.sync()?;
        let recovered = index
            .entries
            .values()
            .map(|e| Recovered {
                meta: e.meta.clone(),
                status: e.status.clone(),
                audit_pending: e.audit_pending,
            })
            .collect();
        let next_segment = segments.last().map_or(1, |n| n + 1);
        let index = Arc::new(Mutex::new(index));
        let writer = Writer::start(
            dir.to_path_buf(),
            next_segment,
            segment_size,
            max_batch,
            fsync,
            index.clone(),
            journal,
        )?;
        let spool = Spool {
            dir: dir.to_path_buf(),
            writer,
            index,
            id_counter: AtomicU64::new(rand::random::<u64>() & 0xfffff),
        };
        spool.delete_unreferenced_segments();
        Ok((spool, recovered))
    }

    /// A new time-ordered message id.
    pub fn new_id(&self) -> MessageId {
        let ms = crate::now_ms() as u64;
        let n = self.id_counter.fetch_add(1, Ordering::Relaxed) & 0xfffff;
        MessageId(format!("{:016x}", (ms << 20) | n))
    }

    fn lock(&self) -> MutexGuard<'_, Index> {
        lock(&self.index)
    }

    /// Append a message durably. Returns once it is fsynced.
    ///
    /// The envelope, work and body are sealed under a new data key first;
    /// only ciphertext reaches the segment file.
    pub async fn append(&self, meta: MessageMeta, body: Arc<Vec<u8>>) -> io::Result<()> {
        let key = Arc::new(RecordKey::generate());
        let body_nonce: [u8; NONCE_LEN] = rand::random();
        let prefix = record::message_prefix(&meta, &key, &body_nonce)?;
        let sealed = seal_body(&key, &body_nonce, body).await?;
        let meta = Arc::new(meta);
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.writer.send(WriteRequest {
            payload: Payload::Message {
                meta,
                key,
                body_nonce,
                prefix,
                body: Arc::new(sealed),
            },
            durable: true,
            done: Some(tx),
        })?;
        rx.await
            .map_err(|_| io::Error::other("spool writer stopped"))?
    }

    /// Record a recipient's delivery outcome. The record is written (it
    /// survives a process crash); it is fsynced with the next batch.
    pub async fn record_status(&self, status: StatusRecord) -> io::Result<()> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.writer.send(WriteRequest {
            payload: Payload::Status(status),
            durable: false,
            done: Some(tx),
        })?;
        rx.await
            .map_err(|_| io::Error::other("spool writer stopped"))??;
        self.delete_unreferenced_segments();
        Ok(())
    }

    /// The audit events carried in a message record are in the store: the
    /// message no longer waits for them (and is shredded once finished).
    pub async fn audit_stored(&self, id: &MessageId) -> io::Result<()> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.writer.send(WriteRequest {
            payload: Payload::AuditStored(id.clone()),
            durable: false,
            done: Some(tx),
        })?;
        rx.await
            .map_err(|_| io::Error::other("spool writer stopped"))??;
        self.delete_unreferenced_segments();
        Ok(())
    }

    /// Read (and open) a spooled message body.
    pub fn load_body(&self, id: &MessageId) -> io::Result<Vec<u8>> {
        let (loc, key, nonce) = self
            .lock()
            .entries
            .get(id)
            .map(|e| (e.body, e.key.clone(), e.body_nonce))
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "message not in spool"))?;
        let sealed = read_body(&self.dir, loc)?;
        key.open(&nonce, record::BODY_AAD, &sealed)
    }

    /// Current state of an unfinished message.
    pub fn get(&self, id: &MessageId) -> Option<Recovered> {
        self.lock().entries.get(id).map(|e| Recovered {
            meta: e.meta.clone(),
            status: e.status.clone(),
            audit_pending: e.audit_pending,
        })
    }

    /// Number of unfinished messages.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of unfinished messages and the arrival time (Unix ms) of the
    /// oldest, for `/metrics` and `/readyz`. One pass under the index lock:
    /// cheap next to a scrape interval, and it never touches the disk.
    pub fn backlog(&self) -> (usize, Option<i64>) {
        let index = self.lock();
        let oldest = index
            .entries
            .values()
            .map(|e| e.meta.envelope.received_at_ms)
            .min();
        (index.entries.len(), oldest)
    }

    /// Whether a file can be created, written, synced and removed in the
    /// spool folder right now (`/readyz`): a full or read-only disk shows
    /// here before a message is refused. The probe's name ends in neither
    /// `.seg` nor the key journal's, so recovery never reads it; a random
    /// suffix keeps two scrapes at once from removing each other's probe.
    pub fn probe_writable(&self) -> io::Result<()> {
        use std::io::Write as _;
        let path = self
            .dir
            .join(format!(".ready-probe.{:08x}", rand::random::<u32>()));
        let mut f = crate::private_fs::create(&path)?;
        f.write_all(b"ok")?;
        f.sync_all()?;
        drop(f);
        std::fs::remove_file(&path)
    }

    /// Segment files currently on disk.
    pub fn segments(&self) -> io::Result<Vec<u64>> {
        list_segments(&self.dir)
    }

    /// Delete the oldest segments that hold nothing live.
    fn delete_unreferenced_segments(&self) {
        let active = self.writer.active_segment();
        let Ok(on_disk) = list_segments(&self.dir) else {
            return;
        };
        let index = self.lock();
        for seg in on_disk {
            if seg >= active || index.refs.get(&seg).copied().unwrap_or(0) > 0 {
                break;
            }
            if let Err(e) = std::fs::remove_file(segment_path(&self.dir, seg)) {
                tracing::warn!(segment = seg, error = %e, "cannot delete spool segment");
                break;
            }
        }
    }

    /// Relocate the live messages of the oldest segment into the active
    /// one, so the old segment can be deleted. Call periodically.
    pub async fn compact(&self) -> io::Result<usize> {
        let active = self.writer.active_segment();
        let (oldest, victims) = {
            let index = self.lock();
            let Some((&oldest, _)) = index.refs.iter().find(|(_, &n)| n > 0) else {
                return Ok(0);
            };
            if oldest + 1 >= active {
                return Ok(0);
            }
            let victims: Vec<MessageId> = index
                .entries
                .iter()
                .filter(|(_, e)| e.records.contains(&oldest))
                .map(|(id, _)| id.clone())
                .collect();
            (oldest, victims)
        };
        let mut moved = 0;
        for id in victims {
            let Some((meta, loc, key, body_nonce, statuses)) =
                self.lock().entries.get(&id).map(|e| {
                    // Stored audit events need not travel with the copy.
                    let meta = if e.audit_pending || e.meta.audit.is_empty() {
                        e.meta.clone()
                    } else {
                        Arc::new(MessageMeta {
                            audit: vec![],
                            ..(*e.meta).clone()
                        })
                    };
                    (
                        meta,
                        e.body,
                        e.key.clone(),
                        e.body_nonce,
                        e.status.iter().flatten().cloned().collect::<Vec<_>>(),
                    )
                })
            else {
                continue;
            };
            // The sealed body is copied as it is, under the same key.
            let dir = self.dir.clone();
            let body = tokio::task::spawn_blocking(move || read_body(&dir, loc))
                .await
                .map_err(io::Error::other)??;
            let prefix = record::message_prefix(&meta, &key, &body_nonce)?;
            let (tx, rx) = tokio::sync::oneshot::channel();
            self.writer.send(WriteRequest {
                payload: Payload::Relocate {
                    meta,
                    key,
                    body_nonce,
                    prefix,
                    body: Arc::new(body),
                    statuses,
                    from_segment: oldest,
                },
                durable: true,
                done: Some(tx),
            })?;
            rx.await
                .map_err(|_| io::Error::other("spool writer stopped"))??;
            moved += 1;
        }
        self.delete_unreferenced_segments();
        Ok(moved)
    }
}

fn read_body(dir: &Path, loc: BodyLocation) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(segment_path(dir, loc.segment))?;
    let len = usize::try_from(loc.len).map_err(io::Error::other)?;
    let mut body = vec![0u8; len];
    file.read_exact_at(&mut body, loc.offset)?;
    Ok(body)
}

/// Seal a body; large ones off the async threads.
async fn seal_body(
    key: &Arc<RecordKey>,
    nonce: &[u8; NONCE_LEN],
    body: Arc<Vec<u8>>,
) -> io::Result<Vec<u8>> {
    const INLINE_MAX: usize = 256 * 1024;
    if body.len() <= INLINE_MAX {
        return key.seal(nonce, record::BODY_AAD, &body);
    }
    let (key, nonce) = (key.clone(), *nonce);
    tokio::task::spawn_blocking(move || key.seal(&nonce, record::BODY_AAD, &body))
        .await
        .map_err(io::Error::other)?
}

/// Convenience for the pipeline: the envelope of a recovered message.
impl Recovered {
    pub fn envelope(&self) -> &Envelope {
        &self.meta.envelope
    }
}

#[cfg(test)]
mod tests;
