//! The state of delivering one message to one recipient domain: the
//! recipients still pending, the notes that become the deferral reason,
//! and the reports already made; plus where a candidate host came from.

use crate::delivery::client::wire::Reply;
use crate::delivery::QueuedRcpt;
use crate::types::{DeliveryReport, Envelope, RcptStatus, TlsInfo, TransportRequirement};

/// Where a candidate host came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Source {
    Mx,
    /// An `ntamx` host of a current NTA 7516 record.
    Nta,
}

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

    pub(super) fn all(&mut self, status: RcptStatus) {
        for i in std::mem::take(&mut self.pending) {
            if let (Some(slot), Some(r)) = (self.out.get_mut(i), self.rcpts.get(i)) {
                *slot = Some(report(
                    r,
                    status.clone(),
                    self.domain,
                    &TlsInfo::default(),
                    None,
                ));
            }
        }
    }
}

pub(super) fn report(
    r: &QueuedRcpt,
    status: RcptStatus,
    remote: &str,
    tls: &TlsInfo,
    reply: Option<&Reply>,
) -> DeliveryReport {
    DeliveryReport {
        recipient: r.address.clone(),
        status,
        remote: remote.to_string(),
        tls: tls.clone(),
        reply: reply.map(Reply::one_line).unwrap_or_default(),
    }
}

pub(super) fn temp(reason: impl Into<String>) -> RcptStatus {
    RcptStatus::TemporaryFailure {
        reason: reason.into(),
    }
}
