//! The on-disk record format of the spool log. Pure encoding/decoding, no I/O.
//!
//! A segment file is a sequence of records:
//!
//! ```text
//! magic "SLR1" (4) | kind (1) | payload length u32 LE (4) | crc32 of kind+payload u32 LE (4) | payload
//! ```
//!
//! A record is valid only when its magic, length and checksum are intact.
//! A crash can leave a torn record at the tail of the segment being
//! written; recovery stops reading that segment there. Such a record was
//! never acknowledged (its fsync had not returned), so nothing promised is
//! lost.

use crate::route::Work;
use crate::types::{Envelope, MessageId, RcptStatus};
use serde::{Deserialize, Serialize};

pub const MAGIC: &[u8; 4] = b"SLR1";
pub const HEADER_LEN: usize = 13;

/// Record kinds.
pub const KIND_MESSAGE: u8 = 1;
pub const KIND_STATUS: u8 = 2;

/// What the spool keeps about a message besides its body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageMeta {
    pub envelope: Envelope,
    /// The routed work per recipient, same order as `envelope.recipients`.
    pub work: Vec<Work>,
}

/// A change of one recipient's delivery state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusRecord {
    pub id: MessageId,
    pub rcpt: u32,
    pub status: RcptStatus,
    pub attempts: u32,
    pub next_attempt_ms: i64,
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

/// Payload of a message record: meta length u32 LE, meta JSON, body.
pub fn message_prefix(meta: &MessageMeta) -> Result<Vec<u8>, serde_json::Error> {
    let json = serde_json::to_vec(meta)?;
    let mut out = Vec::with_capacity(json.len() + 4);
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    Ok(out)
}

/// One decoded record.
#[derive(Debug)]
pub enum Decoded {
    Message {
        meta: MessageMeta,
        /// Offset of the body within the segment, and its length.
        body_offset: u64,
        body_len: u64,
    },
    Status(StatusRecord),
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
            let meta_len = payload
                .get(..4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
                .ok_or(Stop::Corrupt(offset))?;
            let json = payload.get(4..4 + meta_len).ok_or(Stop::Corrupt(offset))?;
            let meta: MessageMeta =
                serde_json::from_slice(json).map_err(|_| Stop::Corrupt(offset))?;
            let body_offset = (payload_start + 4 + meta_len) as u64;
            Decoded::Message {
                meta,
                body_offset,
                body_len: (len - 4 - meta_len) as u64,
            }
        }
        KIND_STATUS => {
            Decoded::Status(serde_json::from_slice(payload).map_err(|_| Stop::Corrupt(offset))?)
        }
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
            }],
        }
    }

    fn encode(meta: &MessageMeta, body: &[u8]) -> Vec<u8> {
        let prefix = message_prefix(meta).unwrap();
        let mut out = header(KIND_MESSAGE, &[&prefix, body]).to_vec();
        out.extend_from_slice(&prefix);
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn message_round_trips_and_body_location_is_exact() {
        let buf = encode(&meta(), b"hello");
        let (rec, next) = decode(&buf, 0).unwrap();
        assert_eq!(next as usize, buf.len());
        match rec {
            Decoded::Message {
                meta: m,
                body_offset,
                body_len,
            } => {
                assert_eq!(m, meta());
                let o = body_offset as usize;
                assert_eq!(&buf[o..o + body_len as usize], b"hello");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(decode(&buf, next).unwrap_err(), Stop::End);
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_detected() {
        let buf = encode(&meta(), b"hello world");
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
