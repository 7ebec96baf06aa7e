//! One SMTP transaction for some of a message's queued recipients, on an
//! open [`SmtpClient`]: the checks that need the server's capabilities
//! (SMTPUTF8, SIZE) first, then MAIL/RCPT/DATA, and one status per
//! recipient. Shared by relay and MX delivery.

use super::limits::ClientError;
use super::smtp::{RcptResult, SmtpClient};
use super::wire::MailParams;
use crate::delivery::QueuedRcpt;
use crate::types::{Answer, EnhancedCode, Envelope, RcptStatus, SmtpStatus};

/// `452 4.5.3 Too many recipients` from the next hop: the server wants the
/// rest in a new transaction. (Servers without enhanced codes say it in
/// words; a peer's text is the only place that can be read.)
pub fn too_many_recipients(answer: &Answer) -> bool {
    let Answer::NextHop(reply) = answer else {
        return false;
    };
    reply.code == 452
        && (reply.enhanced == Some(EnhancedCode::new(4, 5, 3))
            || reply
                .text
                .en
                .to_ascii_lowercase()
                .contains("too many recipients"))
}

/// Every recipient of `idx` gets the same status of our own.
fn all_local(idx: &[usize], status: SmtpStatus) -> Vec<(usize, RcptStatus, Option<Answer>)> {
    let answer = Answer::Local(status);
    idx.iter()
        .map(|&i| (i, answer.rcpt_status(), Some(answer.clone())))
        .collect()
}

/// One transaction for the recipients `idx` (indexes into `rcpts`), after
/// the checks that need the server's capabilities (SMTPUTF8, SIZE).
pub async fn transact(
    client: &mut SmtpClient,
    envelope: &Envelope,
    rcpts: &[QueuedRcpt],
    idx: &[usize],
    body: &[u8],
) -> Result<Vec<(usize, RcptStatus, Option<Answer>)>, ClientError> {
    if idx.is_empty() {
        return Ok(vec![]);
    }
    let needs_utf8 = envelope.smtputf8
        || !envelope.mail_from.is_ascii()
        || idx
            .iter()
            .any(|&i| rcpts.get(i).is_some_and(|r| !r.address.is_ascii()));
    if needs_utf8 && !client.caps.smtputf8 {
        return Ok(all_local(
            idx,
            SmtpStatus::new(
                554,
                (5, 6, 7),
                "SMTPUTF8 nodig, maar de volgende server ondersteunt het niet",
                "SMTPUTF8 required but not supported by the next hop",
            ),
        ));
    }
    if let Some(limit) = client.caps.size.filter(|n| *n > 0) {
        if body.len() as u64 > limit {
            let size = body.len();
            return Ok(all_local(
                idx,
                SmtpStatus::new(
                    552,
                    (5, 3, 4),
                    "Bericht te groot voor de volgende server",
                    &format!("Message too large for the next hop ({size} > {limit} bytes)"),
                ),
            ));
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
        .map(|(&i, res)| {
            // The client's classification decides (as it always has); the
            // reply itself travels on typed.
            let (status, reply) = match res {
                RcptResult::Delivered(r) => (RcptStatus::Delivered, r),
                RcptResult::Temporary(r) => (
                    RcptStatus::TemporaryFailure {
                        reason: r.one_line(),
                    },
                    r,
                ),
                RcptResult::Permanent(r) => (
                    RcptStatus::PermanentFailure {
                        reason: r.one_line(),
                    },
                    r,
                ),
            };
            (i, status, Some(Answer::NextHop(reply.to_status())))
        })
        .collect())
}
