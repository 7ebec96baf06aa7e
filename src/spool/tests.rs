use super::*;
use crate::route::Work;
use crate::types::{RcptStatus, Recipient, TransportRequirement};

fn meta(spool: &Spool, rcpts: usize) -> MessageMeta {
    MessageMeta {
        envelope: Envelope {
            id: spool.new_id(),
            tenant: "default".into(),
            mail_from: "arts@praktijk.nl".into(),
            recipients: (0..rcpts)
                .map(|i| Recipient::new(format!("r{i}@example.nl")))
                .collect(),
            received_at_ms: crate::now_ms(),
            client_ip: "127.0.0.1".parse().unwrap(),
            helo: "client".into(),
            authenticated_as: None,
            smtputf8: false,
            body_8bit: false,
            size: 0,
        },
        work: vec![
            Work::Deliver {
                transport: TransportRequirement::None,
                fallback: None,
            };
            rcpts
        ],
        audit: vec![],
        tag: None,
    }
}

fn status(id: &MessageId, rcpt: u32, status: RcptStatus) -> StatusRecord {
    StatusRecord {
        id: id.clone(),
        rcpt,
        status,
        attempts: 1,
        next_attempt_ms: 0,
        step: None,
    }
}

fn open(dir: &Path, segment_size: u64) -> (Spool, Vec<Recovered>) {
    Spool::open(dir, segment_size, 64, true).unwrap()
}

#[tokio::test]
async fn appended_messages_are_recovered_with_their_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let ids = {
        let (spool, recovered) = open(dir.path(), 1 << 20);
        assert!(recovered.is_empty());
        let mut ids = vec![];
        for i in 0..10 {
            let m = meta(&spool, 2);
            ids.push(m.envelope.id.clone());
            spool
                .append(m, Arc::new(format!("body {i}\r\n").into_bytes()))
                .await
                .unwrap();
        }
        ids
    };
    let (spool, recovered) = open(dir.path(), 1 << 20);
    assert_eq!(recovered.len(), 10);
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(
            spool.load_body(id).unwrap(),
            format!("body {i}\r\n").into_bytes()
        );
    }
}

#[tokio::test]
async fn a_message_with_all_recipients_final_is_not_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let (keep, done) = {
        let (spool, _) = open(dir.path(), 1 << 20);
        let a = meta(&spool, 2);
        let b = meta(&spool, 2);
        let (ida, idb) = (a.envelope.id.clone(), b.envelope.id.clone());
        spool.append(a, Arc::new(b"a".to_vec())).await.unwrap();
        spool.append(b, Arc::new(b"b".to_vec())).await.unwrap();
        spool
            .record_status(status(&ida, 0, RcptStatus::Delivered))
            .await
            .unwrap();
        let temp = RcptStatus::TemporaryFailure {
            reason: "421".into(),
        };
        spool.record_status(status(&ida, 1, temp)).await.unwrap();
        spool
            .record_status(status(&idb, 0, RcptStatus::Delivered))
            .await
            .unwrap();
        let perm = RcptStatus::PermanentFailure {
            reason: "550".into(),
        };
        spool.record_status(status(&idb, 1, perm)).await.unwrap();
        assert_eq!(spool.len(), 1);
        (ida, idb)
    };
    let (spool, recovered) = open(dir.path(), 1 << 20);
    assert_eq!(recovered.len(), 1);
    assert_eq!(recovered[0].envelope().id, keep);
    assert_eq!(
        recovered[0].status[0].as_ref().unwrap().status,
        RcptStatus::Delivered
    );
    assert!(matches!(
        recovered[0].status[1].as_ref().unwrap().status,
        RcptStatus::TemporaryFailure { .. }
    ));
    assert!(spool.get(&done).is_none());
}

#[tokio::test]
async fn a_chain_step_survives_later_records_and_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let (spool, _) = open(dir.path(), 1 << 20);
        let m = meta(&spool, 1);
        let id = m.envelope.id.clone();
        spool.append(m, Arc::new(b"a".to_vec())).await.unwrap();
        let mut moved = status(&id, 0, RcptStatus::Scheduled);
        moved.step = Some(1);
        spool.record_status(moved).await.unwrap();
        // The queue's records name no step: the index keeps it.
        let temp = RcptStatus::TemporaryFailure {
            reason: "4.7.5".into(),
        };
        spool.record_status(status(&id, 0, temp)).await.unwrap();
        assert_eq!(
            spool.get(&id).unwrap().status[0].as_ref().unwrap().step,
            Some(1)
        );
        id
    };
    let (_, recovered) = open(dir.path(), 1 << 20);
    let s = recovered[0].status[0].as_ref().unwrap();
    assert_eq!(recovered[0].envelope().id, id);
    assert_eq!(s.step, Some(1));
    assert!(matches!(s.status, RcptStatus::TemporaryFailure { .. }));
}

#[tokio::test]
async fn a_torn_tail_is_ignored_and_earlier_messages_survive() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let (spool, _) = open(dir.path(), 1 << 20);
        let m = meta(&spool, 1);
        let id = m.envelope.id.clone();
        spool.append(m, Arc::new(b"kept".to_vec())).await.unwrap();
        id
    };
    // Simulate a crash in the middle of writing the next record.
    let seg = list_segments(dir.path()).unwrap()[0];
    let mut f = OpenOptions::new()
        .append(true)
        .open(segment_path(dir.path(), seg))
        .unwrap();
    use std::fs::OpenOptions;
    use std::io::Write;
    f.write_all(b"SLR1\x01\xff\x00\x00").unwrap();
    drop(f);
    let (spool, recovered) = open(dir.path(), 1 << 20);
    assert_eq!(recovered.len(), 1);
    assert_eq!(spool.load_body(&id).unwrap(), b"kept");
    // New writes go to a fresh segment, never behind the torn record.
    let m = meta(&spool, 1);
    spool.append(m, Arc::new(b"new".to_vec())).await.unwrap();
    drop(spool);
    let (_, recovered) = open(dir.path(), 1 << 20);
    assert_eq!(recovered.len(), 2);
}

#[tokio::test]
async fn finished_segments_are_deleted_and_compaction_frees_a_pinned_one() {
    let dir = tempfile::tempdir().unwrap();
    let (spool, _) = open(dir.path(), 64); // rotate after nearly every record
    let pinned = meta(&spool, 1);
    let pinned_id = pinned.envelope.id.clone();
    spool
        .append(pinned, Arc::new(vec![b'x'; 100]))
        .await
        .unwrap();
    let mut others = vec![];
    for _ in 0..5 {
        let m = meta(&spool, 1);
        others.push(m.envelope.id.clone());
        spool.append(m, Arc::new(vec![b'y'; 100])).await.unwrap();
    }
    for id in &others {
        spool
            .record_status(status(id, 0, RcptStatus::Delivered))
            .await
            .unwrap();
    }
    // The oldest segment is pinned by the deferred message.
    let first = spool.segments().unwrap()[0];
    assert!(spool.lock().refs.get(&first).copied().unwrap_or(0) > 0);
    let moved = spool.compact().await.unwrap();
    assert_eq!(moved, 1);
    let segs = spool.segments().unwrap();
    assert!(!segs.contains(&first), "pinned segment not freed: {segs:?}");
    assert_eq!(spool.load_body(&pinned_id).unwrap(), vec![b'x'; 100]);
    drop(spool);
    let (spool, recovered) = open(dir.path(), 64);
    assert_eq!(recovered.len(), 1);
    assert_eq!(spool.load_body(&pinned_id).unwrap(), vec![b'x'; 100]);
}

#[tokio::test]
async fn concurrent_appends_are_group_committed_and_all_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let (spool, _) = open(dir.path(), 1 << 20);
    let spool = Arc::new(spool);
    let mut tasks = vec![];
    for i in 0..200 {
        let spool = spool.clone();
        tasks.push(tokio::spawn(async move {
            let m = meta(&spool, 1);
            spool
                .append(m, Arc::new(format!("{i}").into_bytes()))
                .await
                .unwrap();
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    drop(spool);
    let (_, recovered) = open(dir.path(), 1 << 20);
    assert_eq!(recovered.len(), 200);
}

/// Every byte of every file under `dir`.
fn disk_bytes(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            all.extend(std::fs::read(&path).unwrap());
        }
    }
    all
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn spooled_content_is_sealed_and_a_finished_message_is_shredded() {
    let dir = tempfile::tempdir().unwrap();
    let secret = b"BSN 111222333, uitslag HbA1c 64";
    let (id, other) = {
        let (spool, _) = open(dir.path(), 1 << 20);
        let m = meta(&spool, 1);
        let id = m.envelope.id.clone();
        spool.append(m, Arc::new(secret.to_vec())).await.unwrap();
        let m = meta(&spool, 1);
        let other = m.envelope.id.clone();
        spool
            .append(m, Arc::new(b"still here".to_vec()))
            .await
            .unwrap();
        // Sealed: neither the body nor the envelope is on disk in clear.
        let disk = disk_bytes(dir.path());
        assert!(!contains(&disk, b"111222333"));
        assert!(!contains(&disk, b"arts@praktijk.nl"));
        assert_eq!(spool.load_body(&id).unwrap(), secret);
        let journal = std::fs::read(dir.path().join(keys::JOURNAL_NAME)).unwrap();
        assert_eq!(journal.len(), 2 * keys::SLOT_LEN);
        spool
            .record_status(status(&id, 0, RcptStatus::Delivered))
            .await
            .unwrap();
        // Its key slot is zeros now (the other message's key is intact).
        let journal = std::fs::read(dir.path().join(keys::JOURNAL_NAME)).unwrap();
        let zero_slots = journal
            .chunks(keys::SLOT_LEN)
            .filter(|s| s.iter().all(|&b| b == 0))
            .count();
        assert_eq!(zero_slots, 1);
        (id, other)
    };
    // The segment with the sealed record still exists, but nothing can open
    // it: recovery skips it, the unfinished one is intact.
    assert!(!super::list_segments(dir.path()).unwrap().is_empty());
    let (spool, recovered) = open(dir.path(), 1 << 20);
    assert_eq!(recovered.len(), 1);
    assert_eq!(recovered[0].envelope().id, other);
    assert!(spool.get(&id).is_none());
    assert_eq!(spool.load_body(&other).unwrap(), b"still here");
}

#[tokio::test]
async fn spool_files_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let spool_dir = dir.path().join("spool");
    let (spool, _) = open(&spool_dir, 1 << 20);
    let m = meta(&spool, 1);
    spool.append(m, Arc::new(b"x".to_vec())).await.unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&spool_dir), 0o700);
    for entry in std::fs::read_dir(&spool_dir).unwrap() {
        let p = entry.unwrap().path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
}

#[tokio::test]
async fn carried_audit_events_keep_a_finished_message_until_stored() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let (spool, _) = open(dir.path(), 1 << 20);
        let mut m = meta(&spool, 1);
        let id = m.envelope.id.clone();
        m.audit = vec![crate::audit::AuditEvent::new("default", "accepted", "system").message(&id)];
        spool.append(m, Arc::new(b"x".to_vec())).await.unwrap();
        spool
            .record_status(status(&id, 0, RcptStatus::Delivered))
            .await
            .unwrap();
        // Delivered, but its events are not in the store yet: kept.
        assert!(spool.get(&id).is_some_and(|r| r.audit_pending));
        id
    };
    // A crash here: the events come back with the message, which is not
    // delivered again (its recipient is final).
    let (spool, recovered) = open(dir.path(), 1 << 20);
    assert_eq!(recovered.len(), 1);
    assert!(recovered[0].audit_pending);
    assert_eq!(recovered[0].meta.audit[0].kind, "accepted");
    assert_eq!(
        recovered[0].status[0].as_ref().unwrap().status,
        RcptStatus::Delivered
    );
    spool.audit_stored(&id).await.unwrap();
    assert!(spool.get(&id).is_none());
    drop(spool);
    let (_, recovered) = open(dir.path(), 1 << 20);
    assert!(recovered.is_empty());
    let journal = std::fs::read(dir.path().join(keys::JOURNAL_NAME)).unwrap();
    assert!(journal.iter().all(|&b| b == 0), "the key was not destroyed");
}
