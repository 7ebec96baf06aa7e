//! One SMTP transaction for some of a message's queued recipients, on an
//! open [`SmtpClient`]: the checks that need the server's capabilities
//! (SMTPUTF8, SIZE) first, then MAIL/RCPT/DATA, and one status per
//! recipient. Shared by relay and MX delivery.

use super::limits::ClientError;
use super::smtp::{RcptResult, SmtpClient};
use super::wire::{MailParams, Reply};
use crate::delivery::QueuedRcpt;
use crate::types::{Envelope, RcptStatus};

fn temp(reason: impl Into<String>) -> RcptStatus {
    RcptStatus::TemporaryFailure {
        reason: reason.into(),
    }
}

/// `452 4.5.3 Too many recipients`: the server wants the rest in a new
/// transaction.
pub fn too_many_recipients(reply: &Reply) -> bool {
    reply.code == 452
        && (reply.esc == [4, 5, 3]
            || reply
                .text
                .to_ascii_lowercase()
                .contains("too many recipients"))
}

/// One transaction for the recipients `idx` (indexes into `rcpts`), after
/// the checks that need the server's capabilities (SMTPUTF8, SIZE).
pub async fn transact(
    client: &mut SmtpClient,
    envelope: &Envelope,
    rcpts: &[QueuedRcpt],
    idx: &[usize],
    body: &[u8],
) -> Result<Vec<(usize, RcptStatus, Option<Reply>)>, ClientError> {
    if idx.is_empty() {
        return Ok(vec![]);
    }
    let needs_utf8 = envelope.smtputf8
        || !envelope.mail_from.is_ascii()
        || idx
            .iter()
            .any(|&i| rcpts.get(i).is_some_and(|r| !r.address.is_ascii()));
    if needs_utf8 && !client.caps.smtputf8 {
        let reason = "5.6.7 SMTPUTF8 nodig, maar de volgende server ondersteunt het niet / SMTPUTF8 required but not supported by the next hop";
        return Ok(idx
            .iter()
            .map(|&i| {
                (
                    i,
                    RcptStatus::PermanentFailure {
                        reason: reason.into(),
                    },
                    None,
                )
            })
            .collect());
    }
    if let Some(limit) = client.caps.size.filter(|n| *n > 0) {
        if body.len() as u64 > limit {
            let reason = format!("5.3.4 Bericht te groot voor de volgende server / Message too large for the next hop ({} > {limit} bytes)", body.len());
            return Ok(idx
                .iter()
                .map(|&i| {
                    (
                        i,
                        RcptStatus::PermanentFailure {
                            reason: reason.clone(),
                        },
                        None,
                    )
                })
                .collect());
        }
    }
    // 8-bit body to a server without 8BITMIME: sent anyway, as Postfix does
    // by default: refusing would bounce mail that almost every real server
    // accepts; the BODY parameter is simply left out.
    let params = MailParams {
        body_8bit: envelope.body_8bit,
        smtputf8: needs_utf8,
        size: Some(body.len() as u64),
    };
    let addrs: Vec<&str> = idx
        .iter()
        .filter_map(|&i| rcpts.get(i).map(|r| r.address.as_str()))
        .collect();
    let outcome = client
        .send(&envelope.mail_from, &addrs, body, &params)
        .await?;
    Ok(idx
        .iter()
        .zip(outcome.rcpts)
        .map(|(&i, res)| match res {
            RcptResult::Delivered(r) => (i, RcptStatus::Delivered, Some(r)),
            RcptResult::Temporary(r) => (i, temp(r.one_line()), Some(r)),
            RcptResult::Permanent(r) => (
                i,
                RcptStatus::PermanentFailure {
                    reason: r.one_line(),
                },
                Some(r),
            ),
        })
        .collect())
}
