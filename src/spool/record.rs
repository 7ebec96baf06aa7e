//! The on-disk record format of the spool log. Pure encoding/decoding, no I/O.
//!
//! A segment file is a sequence of records:
//!
//! ```text
//! magic "SLR1" (4) | kind (1) | payload length u32 LE (4) | crc32 of kind+payload u32 LE (4) | payload
//! ```
//!
//! The payload of a message record is sealed (see `keys`): only the id of
//! its data key and two nonces are in clear.
//!
//! ```text
//! key id u64 LE (8) | meta nonce (12) | body nonce (12) | sealed meta length u32 LE (4)
//! | sealed meta (envelope + work, JSON) | sealed body
//! ```
//!
//! Status records (message id, recipient index, outcome) are not sealed:
//! they hold no content, and recovery must read them without a key.
//!
//! A record is valid only when its magic, length and checksum are intact.
//! A crash can leave a torn record at the tail of the segment being
//! written; recovery stops reading that segment there. Such a record was
//! never acknowledged (its fsync had not returned), so nothing promised is
//! lost.

use super::keys::{RecordKey, NONCE_LEN};
use crate::route::Work;
use crate::types::{Envelope, MessageId, RcptStatus};
use serde::{Deserialize, Serialize};

pub const MAGIC: &[u8; 4] = b"SLR1";
pub const HEADER_LEN: usize = 13;

/// Record kinds.
pub const KIND_MESSAGE: u8 = 1;
pub const KIND_STATUS: u8 = 2;
/// The audit events carried in a message record are in the store.
pub const KIND_AUDIT_STORED: u8 = 3;

/// What the spool keeps about a message besides its body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageMeta {
    pub envelope: Envelope,
    /// The routed work per recipient, same order as `envelope.recipients`.
    pub work: Vec<Work>,
    /// Audit events (`accepted`, `decided`) made durable with the message:
    /// a crash right after "250" cannot lose them. The record stays (its key
    /// is kept) until a `KIND_AUDIT_STORED` record says the store has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<crate::audit::AuditEvent>,
    /// What a mail Sluis made is about (a pickup notification or code
    /// mail), so the queue can cancel it when its link is closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<crate::types::MailTag>,
}

/// A change of one recipient's delivery state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusRecord {
    pub id: MessageId,
    pub rcpt: u32,
    pub status: RcptStatus,
    pub attempts: u32,
    pub next_attempt_ms: i64,
    /// Which `deliver` of the recipient's chain it is at, once a fallback
    /// moved it past the first (`route::deliver_at`). The index keeps it
    /// across later records without one, so a restart resumes the chain
    /// where it was instead of at its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
}

/// Header bytes for a record whose payload is `parts` concatenated.
pub fn header(kind: u8, parts: &[&[u8]]) -> [u8; HEADER_LEN] {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let mut crc = crc32fast::Hasher::new();
    crc.update(&[kind]);
    for p in parts {
        crc.update(p);
    }
    let mut h = [0u8; HEADER_LEN];
    h[..4].copy_from_slice(MAGIC);
    h[4] = kind;
    h[5..9].copy_from_slice(&(len as u32).to_le_bytes());
    h[9..13].copy_from_slice(&crc.finalize().to_le_bytes());
    h
}

/// Associated data: a sealed meta never opens as a body, nor the reverse.
pub const META_AAD: &[u8] = b"sluis spool meta v1";
pub const BODY_AAD: &[u8] = b"sluis spool body v1";
/// Clear bytes before the sealed meta.
const PREFIX_FIXED: usize = 8 + NONCE_LEN + NONCE_LEN + 4;

/// Payload prefix of a message record (everything before the sealed body):
/// the meta is sealed here under a fresh nonce.
pub fn message_prefix(
    meta: &MessageMeta,
    key: &RecordKey,
    body_nonce: &[u8; NONCE_LEN],
) -> std::io::Result<Vec<u8>> {
    let json = serde_json::to_vec(meta).map_err(std::io::Error::other)?;
    let meta_nonce: [u8; NONCE_LEN] = rand::random();
    let sealed = key.seal(&meta_nonce, META_AAD, &json)?;
    let mut out = Vec::with_capacity(PREFIX_FIXED + sealed.len());
    out.extend_from_slice(&key.id.to_le_bytes());
    out.extend_from_slice(&meta_nonce);
    out.extend_from_slice(body_nonce);
    out.extend_from_slice(&(sealed.len() as u32).to_le_bytes());
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// A message record as read from disk, still sealed.
#[derive(Debug)]
pub struct SealedMessage {
    pub key_id: u64,
    pub meta_nonce: [u8; NONCE_LEN],
    pub body_nonce: [u8; NONCE_LEN],
    pub sealed_meta: Vec<u8>,
    /// Offset of the sealed body within the segment, and its length.
    pub body_offset: u64,
    pub body_len: u64,
}

impl SealedMessage {
    pub fn open_meta(&self, key: &RecordKey) -> std::io::Result<MessageMeta> {
        let json = key.open(&self.meta_nonce, META_AAD, &self.sealed_meta)?;
        serde_json::from_slice(&json)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}

/// One decoded record.
#[derive(Debug)]
pub enum Decoded {
    Message(SealedMessage),
    Status(StatusRecord),
    AuditStored(MessageId),
    /// Unknown kind with a valid checksum (written by a newer version).
    Unknown,
}

/// Why decoding stopped.
#[derive(Debug, PartialEq)]
pub enum Stop {
    /// Clean end of the segment.
    End,
    /// A torn or corrupt record at this offset; the rest is ignored.
    Corrupt(u64),
}

/// Decode the record starting at `offset` of `buf`. Returns the record and
/// the offset of the next one.
pub fn decode(buf: &[u8], offset: u64) -> Result<(Decoded, u64), Stop> {
    let start = usize::try_from(offset).map_err(|_| Stop::Corrupt(offset))?;
    if start == buf.len() {
        return Err(Stop::End);
    }
    let head = buf
        .get(start..start + HEADER_LEN)
        .ok_or(Stop::Corrupt(offset))?;
    if &head[..4] != MAGIC {
        return Err(Stop::Corrupt(offset));
    }
    let kind = head[4];
    let len = u32::from_le_bytes([head[5], head[6], head[7], head[8]]) as usize;
    let crc = u32::from_le_bytes([head[9], head[10], head[11], head[12]]);
    let payload_start = start + HEADER_LEN;
    let payload = buf
        .get(payload_start..payload_start + len)
        .ok_or(Stop::Corrupt(offset))?;
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&[kind]);
    hasher.update(payload);
    if hasher.finalize() != crc {
        return Err(Stop::Corrupt(offset));
    }
    let next = (payload_start + len) as u64;
    let decoded = match kind {
        KIND_MESSAGE => {
            let fixed = payload.get(..PREFIX_FIXED).ok_or(Stop::Corrupt(offset))?;
            let mut key_id = [0u8; 8];
            key_id.copy_from_slice(&fixed[..8]);
            let mut meta_nonce = [0u8; NONCE_LEN];
            meta_nonce.copy_from_slice(&fixed[8..8 + NONCE_LEN]);
            let mut body_nonce = [0u8; NONCE_LEN];
            body_nonce.copy_from_slice(&fixed[8 + NONCE_LEN..8 + 2 * NONCE_LEN]);
            let l = &fixed[8 + 2 * NONCE_LEN..];
            let meta_len = u32::from_le_bytes([l[0], l[1], l[2], l[3]]) as usize;
            let sealed_meta = payload
                .get(PREFIX_FIXED..PREFIX_FIXED + meta_len)
                .ok_or(Stop::Corrupt(offset))?
                .to_vec();
            let body_offset = (payload_start + PREFIX_FIXED + meta_len) as u64;
            Decoded::Message(SealedMessage {
                key_id: u64::from_le_bytes(key_id),
                meta_nonce,
                body_nonce,
                sealed_meta,
                body_offset,
                body_len: (len - PREFIX_FIXED - meta_len) as u64,
            })
        }
        KIND_STATUS => {
            Decoded::Status(serde_json::from_slice(payload).map_err(|_| Stop::Corrupt(offset))?)
        }
        KIND_AUDIT_STORED => Decoded::AuditStored(
            serde_json::from_slice(payload).map_err(|_| Stop::Corrupt(offset))?,
        ),
        _ => Decoded::Unknown,
    };
    Ok((decoded, next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{Recipient, TransportRequirement};

    fn meta() -> MessageMeta {
        MessageMeta {
            envelope: Envelope {
                id: MessageId("0000000000000001".into()),
                tenant: "default".into(),
                mail_from: "a@praktijk.nl".into(),
                recipients: vec![Recipient::new("b@example.nl")],
                received_at_ms: 1,
                client_ip: "127.0.0.1".parse().unwrap(),
                helo: "h".into(),
                authenticated_as: None,
                smtputf8: false,
                body_8bit: false,
                size: 5,
            },
            work: vec![Work::Deliver {
                transport: TransportRequirement::None,
                fallback: None,
            }],
            audit: vec![],
            tag: None,
        }
    }

    fn encode(meta: &MessageMeta, body: &[u8], key: &RecordKey) -> Vec<u8> {
        let nonce = [9u8; NONCE_LEN];
        let prefix = message_prefix(meta, key, &nonce).unwrap();
        let sealed = key.seal(&nonce, BODY_AAD, body).unwrap();
        let mut out = header(KIND_MESSAGE, &[&prefix, &sealed]).to_vec();
        out.extend_from_slice(&prefix);
        out.extend_from_slice(&sealed);
        out
    }

    #[test]
    fn message_round_trips_and_body_location_is_exact() {
        let key = RecordKey::generate();
        let buf = encode(&meta(), b"hello", &key);
        let (rec, next) = decode(&buf, 0).unwrap();
        assert_eq!(next as usize, buf.len());
        match rec {
            Decoded::Message(m) => {
                assert_eq!(m.key_id, key.id);
                assert_eq!(m.open_meta(&key).unwrap(), meta());
                let o = m.body_offset as usize;
                let sealed = &buf[o..o + m.body_len as usize];
                assert_eq!(key.open(&m.body_nonce, BODY_AAD, sealed).unwrap(), b"hello");
                assert!(m.open_meta(&RecordKey::generate()).is_err());
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(decode(&buf, next).unwrap_err(), Stop::End);
    }

    #[test]
    fn neither_body_nor_envelope_is_in_clear() {
        let buf = encode(&meta(), b"BSN 123456782 diagnose", &RecordKey::generate());
        for needle in [
            &b"123456782"[..],
            b"diagnose",
            b"praktijk.nl",
            b"example.nl",
        ] {
            assert!(!buf.windows(needle.len()).any(|w| w == needle));
        }
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_detected() {
        let buf = encode(&meta(), b"hello world", &RecordKey::generate());
        for cut in 1..buf.len() {
            assert!(
                matches!(decode(&buf[..cut], 0), Err(Stop::Corrupt(0))),
                "cut {cut}"
            );
        }
        for i in 0..buf.len() {
            let mut b = buf.clone();
            b[i] ^= 0x40;
            assert!(decode(&b, 0).is_err(), "flip at {i} not detected");
        }
    }
}
