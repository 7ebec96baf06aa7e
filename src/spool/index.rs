//! The spool's in-memory index of unfinished messages: where each body
//! is, its key, the latest status per recipient, the live records per
//! segment; how each kind of record changes it, and how recovery rebuilds
//! it from one segment. The log on disk is the truth; this is what `Spool`
//! and the writer thread keep of it.

use super::keys::{RecordKey, NONCE_LEN};
use super::record::{self, Decoded, MessageMeta, Stop};
use super::{segment_path, StatusRecord};
use crate::route::Work;
use crate::types::MessageId;
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// Where a spooled message's body lives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct BodyLocation {
    pub(super) segment: u64,
    pub(super) offset: u64,
    pub(super) len: u64,
}

/// In-memory state of one unfinished message.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) meta: Arc<MessageMeta>,
    /// Where the sealed body is, its key and nonce.
    pub(super) body: BodyLocation,
    pub(super) key: Arc<RecordKey>,
    pub(super) body_nonce: [u8; NONCE_LEN],
    /// Latest status per recipient (`None`: nothing recorded yet).
    pub(super) status: Vec<Option<StatusRecord>>,
    /// Segment of every record of this message that is still needed.
    pub(super) records: Vec<u64>,
    /// The audit events in `meta.audit` are not known to be in the store.
    pub(super) audit_pending: bool,
}

impl Entry {
    /// Every recipient final and the carried audit events stored: the
    /// message can be forgotten and its key destroyed.
    pub(super) fn is_finished(&self) -> bool {
        !self.audit_pending
            && self
                .meta
                .work
                .iter()
                .zip(&self.status)
                .all(|(work, status)| is_final(work, status.as_ref()))
    }
}

/// A recipient is final when it was blocked at accept time, or delivery
/// reached a final outcome.
pub(super) fn is_final(work: &Work, status: Option<&StatusRecord>) -> bool {
    matches!(work, Work::Blocked { .. }) || status.is_some_and(|s| s.status.is_final())
}

#[derive(Debug, Default)]
pub(super) struct Index {
    pub(super) entries: HashMap<MessageId, Entry>,
    /// Live records per segment.
    pub(super) refs: BTreeMap<u64, usize>,
}

pub(super) fn lock(index: &Mutex<Index>) -> MutexGuard<'_, Index> {
    // A panic while holding the lock cannot leave the index half-updated in
    // a way that loses mail (the log on disk is the truth), so go on.
    index
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Forget a finished message and release its segment references. Returns
/// its key id (to be destroyed).
pub(super) fn release(index: &mut Index, id: &MessageId) -> Option<u64> {
    let entry = index.entries.remove(id)?;
    for seg in entry.records {
        if let Some(n) = index.refs.get_mut(&seg) {
            *n = n.saturating_sub(1);
        }
    }
    Some(entry.key.id)
}

/// Apply a message record (new, or a relocated copy) to the index.
pub(super) fn apply_message(
    index: &mut Index,
    meta: Arc<MessageMeta>,
    body: BodyLocation,
    key: Arc<RecordKey>,
    body_nonce: [u8; NONCE_LEN],
) {
    let id = meta.envelope.id.clone();
    let rcpts = meta.work.len();
    *index.refs.entry(body.segment).or_insert(0) += 1;
    match index.entries.get_mut(&id) {
        Some(entry) => {
            // Relocated copy: its statuses follow it; the old records are
            // superseded.
            entry.body = body;
            // A copy without events: they were stored before it was made.
            entry.audit_pending &= !meta.audit.is_empty();
            entry.meta = meta;
            entry.key = key;
            entry.body_nonce = body_nonce;
            entry.records.push(body.segment);
        }
        None => {
            let audit_pending = !meta.audit.is_empty();
            index.entries.insert(
                id,
                Entry {
                    audit_pending,
                    meta,
                    body,
                    key,
                    body_nonce,
                    status: vec![None; rcpts],
                    records: vec![body.segment],
                },
            );
        }
    }
}

/// Apply a status record; when it finished the message, the message is
/// released and its key id returned (to be destroyed).
/// Put `status` in `slot`, keeping the chain step of the status before
/// it when `status` names none (the queue's records never do).
pub(super) fn keep_step(slot: &mut Option<StatusRecord>, status: StatusRecord) {
    let step = status.step.or(slot.as_ref().and_then(|s| s.step));
    *slot = Some(StatusRecord { step, ..status });
}

pub(super) fn apply_status(index: &mut Index, status: StatusRecord, segment: u64) -> Option<u64> {
    let entry = index.entries.get_mut(&status.id)?; // None: already finished and forgotten
    let id = status.id.clone();
    if let Some(slot) = entry.status.get_mut(status.rcpt as usize) {
        keep_step(slot, status);
    }
    entry.records.push(segment);
    *index.refs.entry(segment).or_insert(0) += 1;
    if entry.is_finished() {
        release(index, &id)
    } else {
        None
    }
}

/// Apply an audit-stored record; like [`apply_status`], returns the key id
/// of a message this finished.
pub(super) fn apply_audit_stored(index: &mut Index, id: &MessageId, segment: u64) -> Option<u64> {
    let entry = index.entries.get_mut(id)?;
    entry.audit_pending = false;
    entry.records.push(segment);
    *index.refs.entry(segment).or_insert(0) += 1;
    if entry.is_finished() {
        release(index, id)
    } else {
        None
    }
}

/// Drop every record reference of `id` in `segment` (after relocation).
pub(super) fn forget_segment(index: &mut Index, id: &MessageId, segment: u64) {
    if let Some(entry) = index.entries.get_mut(id) {
        let before = entry.records.len();
        entry.records.retain(|&s| s != segment);
        let removed = before - entry.records.len();
        if let Some(n) = index.refs.get_mut(&segment) {
            *n = n.saturating_sub(removed);
        }
    }
}

pub(super) fn recover_segment(
    dir: &Path,
    seg: u64,
    index: &mut Index,
    keys: &HashMap<u64, Arc<RecordKey>>,
) -> io::Result<()> {
    let buf = std::fs::read(segment_path(dir, seg))?;
    let mut offset = 0u64;
    loop {
        match record::decode(&buf, offset) {
            Ok((Decoded::Message(sealed), next)) => {
                offset = next;
                // No key: the message was finished and shredded.
                let Some(key) = keys.get(&sealed.key_id) else {
                    continue;
                };
                match sealed.open_meta(key) {
                    Ok(meta) => apply_message(
                        index,
                        Arc::new(meta),
                        BodyLocation {
                            segment: seg,
                            offset: sealed.body_offset,
                            len: sealed.body_len,
                        },
                        key.clone(),
                        sealed.body_nonce,
                    ),
                    Err(e) => {
                        tracing::error!(segment = seg, error = %e, "spool record cannot be opened; skipped");
                    }
                }
            }
            Ok((Decoded::Status(status), next)) => {
                // Recovery keeps finished entries until all segments are
                // read, so a later relocated copy cannot resurrect them.
                if let Some(entry) = index.entries.get_mut(&status.id) {
                    if let Some(slot) = entry.status.get_mut(status.rcpt as usize) {
                        keep_step(slot, status);
                    }
                    entry.records.push(seg);
                    *index.refs.entry(seg).or_insert(0) += 1;
                }
                offset = next;
            }
            Ok((Decoded::AuditStored(id), next)) => {
                if let Some(entry) = index.entries.get_mut(&id) {
                    entry.audit_pending = false;
                    entry.records.push(seg);
                    *index.refs.entry(seg).or_insert(0) += 1;
                }
                offset = next;
            }
            Ok((Decoded::Unknown, next)) => offset = next,
            Err(Stop::End) => break,
            Err(Stop::Corrupt(at)) => {
                tracing::warn!(
                    segment = seg,
                    offset = at,
                    "torn record at the end of a spool segment ignored (never acknowledged)"
                );
                break;
            }
        }
    }
    Ok(())
}
