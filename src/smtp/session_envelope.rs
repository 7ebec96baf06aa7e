//! MAIL and RCPT of a [`Session`]: who may send, as whom, to how many.
//!
//! Promises: a client may start a transaction only when it authenticated
//! or comes from `server.trusted_networks`; an authenticated client only
//! with a sender `Backend::may_send_as` allows; the null sender `<>` only
//! from a trusted network; at most `max_recipients` recipients.

use super::session::{Flow, Session, State, Transaction};
use super::{reply, Backend};
use tokio::io::{AsyncRead, AsyncWrite};

impl<S: AsyncRead + AsyncWrite + Unpin + Send, B: Backend> Session<S, B> {
    pub(super) async fn mail(&mut self, from: smtp_proto::MailFrom<String>) -> Flow {
        match self.state {
            State::Fresh => {
                return self.fail(reply::bad_sequence(
                    "Stuur eerst EHLO of HELO",
                    "Send EHLO or HELO first",
                ))
            }
            State::Envelope(_) => {
                return self.fail(reply::bad_sequence(
                    "Afzender al opgegeven",
                    "Nested MAIL command",
                ))
            }
            State::Greeted => {}
        }
        let limits = &self.ctx.config.limits;
        if self.messages >= limits.max_messages_per_session {
            self.send(&reply::too_many_messages());
            return Flow::Close;
        }
        if from.size as u64 > limits.max_message_size {
            return self.fail(reply::too_big());
        }
        if from.flags & smtp_proto::MAIL_BODY_BINARYMIME != 0 {
            return self.fail(reply::unsupported_parameter());
        }
        if let Some(user) = &self.auth {
            if from.address.is_empty() {
                if !self.trusted {
                    return self.fail(reply::null_sender_not_allowed());
                }
            } else if !self.ctx.backend.may_send_as(user, &from.address).await {
                tracing::info!(peer = %self.peer, account = %user.account, "sender not allowed for account");
                return self.fail(reply::sender_not_allowed());
            }
        } else if !self.trusted {
            return self.fail(reply::auth_required());
        }
        self.state = State::Envelope(Transaction {
            mail_from: from.address,
            recipients: Vec::new(),
            smtputf8: from.flags & smtp_proto::MAIL_SMTPUTF8 != 0,
            body_8bit: from.flags & smtp_proto::MAIL_BODY_8BITMIME != 0,
            declared_size: from.size,
        });
        self.send(&reply::sender_ok());
        Flow::Continue
    }

    pub(super) fn rcpt(&mut self, to: smtp_proto::RcptTo<String>) -> Flow {
        let max = self.ctx.config.limits.max_recipients;
        let State::Envelope(tx) = &mut self.state else {
            return self.fail(reply::bad_sequence(
                "Stuur eerst MAIL FROM",
                "Need MAIL command first",
            ));
        };
        let valid = to
            .address
            .rsplit_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty());
        if !valid {
            return self.fail(reply::bad_recipient_syntax());
        }
        if tx.recipients.len() >= max {
            self.send(&reply::too_many_recipients());
            return Flow::Continue;
        }
        if !tx
            .recipients
            .iter()
            .any(|r| r.eq_ignore_ascii_case(&to.address))
        {
            tx.recipients.push(to.address);
        }
        self.send(&reply::recipient_ok());
        Flow::Continue
    }
}
