//! The state of delivering one message to one recipient domain: the
//! recipients still pending, the notes that become the deferral reason,
//! and the reports already made.

use crate::delivery::QueuedRcpt;
use crate::types::{
    Answer, DeliveryReport, Envelope, RcptStatus, SmtpStatus, TlsInfo, TransportRequirement, Unmet,
};

/// Per-domain delivery state.
pub(super) struct DomainRun<'a> {
    pub(super) env: &'a Envelope,
    pub(super) rcpts: &'a [QueuedRcpt],
    pub(super) body: &'a [u8],
    pub(super) domain: &'a str,
    pub(super) pending: Vec<usize>,
    pub(super) notes: Vec<String>,
    pub(super) out: &'a mut [Option<DeliveryReport>],
    /// DNSSEC status of the domain's MX RRset (set once planned).
    pub(super) mx_dnssec: &'static str,
    /// A host was skipped or failed for a TLS-policy reason (bogus DNS,
    /// TLSA mismatch, no STARTTLS, level below the requirement): the
    /// recipients left pending are reported [`Unmet::Failing`].
    pub(super) policy_failed: bool,
}

impl DomainRun<'_> {
    pub(super) fn finish(&mut self, i: usize, rep: DeliveryReport) {
        if let Some(slot) = self.out.get_mut(i) {
            *slot = Some(rep);
        }
        self.pending.retain(|&p| p != i);
    }

    pub(super) fn req(&self, i: usize) -> TransportRequirement {
        self.rcpts
            .get(i)
            .map(|r| r.transport)
            .unwrap_or(TransportRequirement::Dane)
    }

    /// Every pending recipient gets `status` (a reason without a typed
    /// status: DNS trouble, no usable MX).
    pub(super) fn all(&mut self, status: RcptStatus) {
        self.all_with(status, None);
    }

    /// Every pending recipient gets a status Sluis decided for the whole
    /// domain (null MX, no such domain): the DSN takes its code as is.
    pub(super) fn all_local(&mut self, status: SmtpStatus) {
        let answer = Answer::Local(status);
        self.all_with(answer.rcpt_status(), Some(answer));
    }

    fn all_with(&mut self, status: RcptStatus, answer: Option<Answer>) {
        let unmet = (self.policy_failed && matches!(status, RcptStatus::TemporaryFailure { .. }))
            .then_some(Unmet::Failing);
        for i in std::mem::take(&mut self.pending) {
            if let (Some(slot), Some(r)) = (self.out.get_mut(i), self.rcpts.get(i)) {
                let mut rep = report(
                    r,
                    status.clone(),
                    self.domain,
                    &TlsInfo::default(),
                    answer.clone(),
                );
                rep.unmet = unmet;
                *slot = Some(rep);
            }
        }
    }
}

impl DomainRun<'_> {
    /// Recipient `i` cannot be served here under its requirement: a
    /// temporary failure with `reason`, marked `unmet` for the queue.
    pub(super) fn unmet(&mut self, i: usize, reason: String, unmet: Unmet) {
        if let Some(r) = self.rcpts.get(i) {
            let mut rep = report(r, temp(reason), self.domain, &TlsInfo::default(), None);
            rep.unmet = Some(unmet);
            self.finish(i, rep);
        }
    }
}

pub(super) fn report(
    r: &QueuedRcpt,
    status: RcptStatus,
    remote: &str,
    tls: &TlsInfo,
    answer: Option<Answer>,
) -> DeliveryReport {
    DeliveryReport {
        recipient: r.address.clone(),
        status,
        remote: remote.to_string(),
        tls: tls.clone(),
        answer,
        unmet: None,
    }
}

pub(super) fn temp(reason: impl Into<String>) -> RcptStatus {
    RcptStatus::TemporaryFailure {
        reason: reason.into(),
    }
}
