//! The spool's single writer thread: group commit.
//!
//! All sessions hand their records to one thread. It takes every request
//! already waiting (up to `max_batch`), writes them in order, calls
//! `fdatasync` once if any of them must be durable, and only then answers
//! each caller. While one fsync runs, the next batch gathers — so the number
//! of fsyncs per second stays bounded by the disk, not by the number of
//! messages. A new segment file is fsynced together with its directory
//! before anything in it is acknowledged.
//!
//! The key journal (`keys`) is part of the same group commit: a message's
//! data key is written before its record and fsynced in the same batch, so
//! "250 after fsync" costs one extra `fdatasync` per batch, not per message.
//! When a status record finishes a message, its key slot is overwritten in
//! that batch; like the status record itself, the overwrite is fsynced with
//! the next durable batch (or written back by the kernel before that).

use super::index::{
    apply_audit_stored, apply_message, apply_status, forget_segment, lock, BodyLocation, Index,
};
use super::keys::{KeyJournal, RecordKey, NONCE_LEN};
use super::record::{
    self, MessageMeta, StatusRecord, KIND_AUDIT_STORED, KIND_MESSAGE, KIND_STATUS,
};
use super::segment_path;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

pub(super) enum Payload {
    Message {
        meta: Arc<MessageMeta>,
        key: Arc<RecordKey>,
        body_nonce: [u8; NONCE_LEN],
        /// Sealed meta with its clear header (see `record`).
        prefix: Vec<u8>,
        /// Sealed body.
        body: Arc<Vec<u8>>,
    },
    Status(StatusRecord),
    /// The message's audit events are in the store.
    AuditStored(crate::types::MessageId),
    /// A live message rewritten into the active segment.
    Relocate {
        meta: Arc<MessageMeta>,
        key: Arc<RecordKey>,
        body_nonce: [u8; NONCE_LEN],
        prefix: Vec<u8>,
        body: Arc<Vec<u8>>,
        statuses: Vec<StatusRecord>,
        from_segment: u64,
    },
}

pub(super) struct WriteRequest {
    pub payload: Payload,
    /// Answer only after fsync.
    pub durable: bool,
    pub done: Option<oneshot::Sender<io::Result<()>>>,
}

pub(super) struct Writer {
    tx: Mutex<mpsc::Sender<WriteRequest>>,
    active: Arc<AtomicU64>,
}

impl Writer {
    pub fn start(
        dir: PathBuf,
        first_segment: u64,
        segment_size: u64,
        max_batch: usize,
        fsync: bool,
        index: Arc<Mutex<Index>>,
        keys: KeyJournal,
    ) -> io::Result<Writer> {
        let active = Arc::new(AtomicU64::new(first_segment));
        let mut state = WriterState {
            dir,
            segment: first_segment,
            file: None,
            size: 0,
            segment_size,
            fsync,
            active: active.clone(),
            index,
            keys,
        };
        state.open_segment()?;
        let (tx, rx) = mpsc::channel::<WriteRequest>();
        let max_batch = max_batch.max(1);
        std::thread::Builder::new()
            .name("spool-writer".into())
            .spawn(move || state.run(rx, max_batch))?;
        Ok(Writer {
            tx: Mutex::new(tx),
            active,
        })
    }

    pub fn send(&self, req: WriteRequest) -> io::Result<()> {
        let tx = self.tx.lock().unwrap_or_else(|p| p.into_inner());
        tx.send(req)
            .map_err(|_| io::Error::other("spool writer stopped"))
    }

    pub fn active_segment(&self) -> u64 {
        self.active.load(Ordering::Acquire)
    }
}

struct WriterState {
    dir: PathBuf,
    segment: u64,
    file: Option<File>,
    size: u64,
    segment_size: u64,
    fsync: bool,
    active: Arc<AtomicU64>,
    index: Arc<Mutex<Index>>,
    keys: KeyJournal,
}

impl WriterState {
    fn run(mut self, rx: mpsc::Receiver<WriteRequest>, max_batch: usize) {
        let mut batch: Vec<WriteRequest> = Vec::with_capacity(max_batch);
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
        while let Ok(first) = rx.recv() {
            batch.push(first);
            while batch.len() < max_batch {
                match rx.try_recv() {
                    Ok(req) => batch.push(req),
                    Err(_) => break,
                }
            }
            let result = self.write_batch(&mut batch, &mut buf);
            for req in batch.drain(..) {
                if let Some(done) = req.done {
                    let answer = match &result {
                        Ok(()) => Ok(()),
                        Err(e) => Err(io::Error::new(e.kind(), e.to_string())),
                    };
                    let _ = done.send(answer);
                }
            }
            if let Err(e) = result {
                tracing::error!(error = %e, "spool write failed; starting a new segment");
                // The current segment may end in a torn record; never
                // append behind it.
                if let Err(e) = self.rotate() {
                    tracing::error!(error = %e, "cannot start a new spool segment");
                }
            }
        }
    }

    fn write_batch(&mut self, batch: &mut [WriteRequest], buf: &mut Vec<u8>) -> io::Result<()> {
        let mut durable = false;
        for req in batch.iter() {
            durable |= req.durable;
            if self.size >= self.segment_size {
                self.flush(buf)?;
                self.sync()?;
                self.rotate()?;
            }
            match &req.payload {
                Payload::Message {
                    meta,
                    key,
                    body_nonce,
                    prefix,
                    body,
                } => {
                    // The key first: a record is never on disk without it.
                    self.keys.put(key)?;
                    let loc = self.append_message(buf, prefix, body)?;
                    apply_message(
                        &mut lock(&self.index),
                        meta.clone(),
                        loc,
                        key.clone(),
                        *body_nonce,
                    );
                }
                Payload::Status(status) => {
                    self.append_status(buf, status)?;
                    let finished =
                        apply_status(&mut lock(&self.index), status.clone(), self.segment);
                    if let Some(key_id) = finished {
                        // Finished: shred every copy of the message.
                        self.keys.destroy(key_id)?;
                    }
                }
                Payload::AuditStored(id) => {
                    let json = serde_json::to_vec(id).map_err(io::Error::other)?;
                    buf.extend_from_slice(&record::header(KIND_AUDIT_STORED, &[&json]));
                    buf.extend_from_slice(&json);
                    let finished = apply_audit_stored(&mut lock(&self.index), id, self.segment);
                    if let Some(key_id) = finished {
                        self.keys.destroy(key_id)?;
                    }
                }
                Payload::Relocate {
                    meta,
                    key,
                    body_nonce,
                    prefix,
                    body,
                    statuses,
                    from_segment,
                } => {
                    let loc = self.append_message(buf, prefix, body)?;
                    for status in statuses {
                        self.append_status(buf, status)?;
                    }
                    let mut index = lock(&self.index);
                    let id = meta.envelope.id.clone();
                    if index.entries.contains_key(&id) {
                        apply_message(&mut index, meta.clone(), loc, key.clone(), *body_nonce);
                        for _ in statuses {
                            if let Some(e) = index.entries.get_mut(&id) {
                                e.records.push(self.segment);
                            }
                            *index.refs.entry(self.segment).or_insert(0) += 1;
                        }
                        forget_segment(&mut index, &id, *from_segment);
                    }
                }
            }
        }
        self.flush(buf)?;
        if durable {
            // New keys are durable before their records are acknowledged.
            // Keys destroyed since the last durable batch (status batches
            // are not fsynced, as before) are already zeros in the file and
            // reach the disk with this fsync or the kernel's writeback.
            self.keys.sync()?;
            self.sync()?;
        }
        Ok(())
    }

    fn append_message(
        &mut self,
        buf: &mut Vec<u8>,
        prefix: &[u8],
        body: &[u8],
    ) -> io::Result<BodyLocation> {
        let header = record::header(KIND_MESSAGE, &[prefix, body]);
        let start = self.size + buf.len() as u64;
        buf.extend_from_slice(&header);
        buf.extend_from_slice(prefix);
        // Large bodies go straight to the file instead of through the buffer.
        if body.len() > 256 * 1024 {
            self.flush(buf)?;
            self.write_all(body)?;
        } else {
            buf.extend_from_slice(body);
        }
        Ok(BodyLocation {
            segment: self.segment,
            offset: start + (record::HEADER_LEN + prefix.len()) as u64,
            len: body.len() as u64,
        })
    }

    fn append_status(&mut self, buf: &mut Vec<u8>, status: &StatusRecord) -> io::Result<()> {
        let json = serde_json::to_vec(status).map_err(io::Error::other)?;
        buf.extend_from_slice(&record::header(KIND_STATUS, &[&json]));
        buf.extend_from_slice(&json);
        if buf.len() > 1 << 20 {
            self.flush(buf)?;
        }
        Ok(())
    }

    fn flush(&mut self, buf: &mut Vec<u8>) -> io::Result<()> {
        if !buf.is_empty() {
            let data = std::mem::take(buf);
            let result = self.write_all(&data);
            *buf = data;
            buf.clear();
            result?;
        }
        Ok(())
    }

    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| io::Error::other("no open spool segment"))?;
        file.write_all(data)?;
        self.size += data.len() as u64;
        Ok(())
    }

    fn sync(&mut self) -> io::Result<()> {
        if self.fsync {
            if let Some(file) = &self.file {
                file.sync_data()?;
            }
        }
        Ok(())
    }

    fn rotate(&mut self) -> io::Result<()> {
        self.segment += 1;
        self.open_segment()
    }

    /// Create the segment file and make its directory entry durable.
    fn open_segment(&mut self) -> io::Result<()> {
        let path = segment_path(&self.dir, self.segment);
        let file = crate::private_fs::options()
            .create_new(true)
            .append(true)
            .open(&path)?;
        if self.fsync {
            file.sync_all()?;
            File::open(&self.dir)?.sync_all()?;
        }
        self.file = Some(file);
        self.size = 0;
        self.active.store(self.segment, Ordering::Release);
        Ok(())
    }
}
