//! Which way each recipient leaves: the relay host when one is configured
//! and its hop can meet the recipient's transport requirement (a relay can
//! never give DANE or MTA-STS: it is not the recipient's own server), the
//! recipient's MX hosts otherwise (when `delivery.mx_enabled`), or no way
//! at all (deferred with the reason).
//!
//! Promises: [`select_hop`] is pure; [`SelectingRoute`] hands each route
//! only its own recipients and returns one report per recipient in the
//! order given, whatever the routes return.

use crate::config::{RelayHost, RelayTls};
use crate::delivery::mx::deliver::MxRoute;
use crate::delivery::relay::{hop_meets, RelayError, RelayRoute};
use crate::delivery::{QueuedRcpt, Route};
use crate::types::{DeliveryReport, Envelope, RcptStatus, TlsInfo, TransportRequirement};

/// The route chosen from the configuration.
pub enum DefaultRoute {
    Relay(RelayRoute),
    /// No way out yet: every recipient is deferred with this reason.
    Unrouted(String),
}

impl Route for DefaultRoute {
    async fn deliver(
        &self,
        envelope: &Envelope,
        rcpts: &[QueuedRcpt],
        body: &[u8],
    ) -> Vec<DeliveryReport> {
        match self {
            DefaultRoute::Relay(r) => r.deliver(envelope, rcpts, body).await,
            DefaultRoute::Unrouted(reason) => rcpts
                .iter()
                .map(|r| DeliveryReport {
                    recipient: r.address.clone(),
                    status: RcptStatus::TemporaryFailure {
                        reason: reason.clone(),
                    },
                    remote: String::new(),
                    tls: Default::default(),
                    answer: None,
                    unmet: None,
                })
                .collect(),
        }
    }
}

/// The way out for one recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hop {
    Relay,
    Mx,
    /// Neither: deferred.
    None,
}

/// Pure route choice. `relay`: the configured relay host, if any.
pub fn select_hop(req: TransportRequirement, relay: Option<&RelayHost>, mx_enabled: bool) -> Hop {
    match relay {
        // Only a relay that must do TLS counts as a TLS hop here: an
        // opportunistic one may turn out to be clear text.
        Some(r) if hop_meets(req, matches!(r.tls, RelayTls::Required | RelayTls::Verify)) => {
            Hop::Relay
        }
        // The relay defers such recipients itself, with its own reason.
        Some(_) if !mx_enabled => Hop::Relay,
        _ if mx_enabled => Hop::Mx,
        _ => Hop::None,
    }
}

/// The configured routes, chosen per recipient.
pub struct SelectingRoute {
    pub relay_host: Option<RelayHost>,
    /// `Err`: a relay is configured but unusable (why).
    pub relay: Option<Result<RelayRoute, RelayError>>,
    pub mx: Option<MxRoute>,
    /// Reason given when a recipient has no way out.
    pub unrouted: String,
}

fn deferred(r: &QueuedRcpt, reason: &str) -> DeliveryReport {
    DeliveryReport {
        recipient: r.address.clone(),
        status: RcptStatus::TemporaryFailure {
            reason: reason.to_string(),
        },
        remote: String::new(),
        tls: TlsInfo::default(),
        answer: None,
        unmet: None,
    }
}

async fn run_part<R: Route>(
    route: &R,
    envelope: &Envelope,
    rcpts: &[QueuedRcpt],
    idx: &[usize],
    body: &[u8],
    out: &mut [Option<DeliveryReport>],
) {
    if idx.is_empty() {
        return;
    }
    let part: Vec<QueuedRcpt> = idx.iter().filter_map(|&i| rcpts.get(i).cloned()).collect();
    let reports = route.deliver(envelope, &part, body).await;
    for (&i, rep) in idx.iter().zip(reports) {
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(rep);
        }
    }
}

impl Route for SelectingRoute {
    async fn deliver(
        &self,
        envelope: &Envelope,
        rcpts: &[QueuedRcpt],
        body: &[u8],
    ) -> Vec<DeliveryReport> {
        let mut out: Vec<Option<DeliveryReport>> = vec![None; rcpts.len()];
        let (mut via_relay, mut via_mx) = (Vec::new(), Vec::new());
        for (i, r) in rcpts.iter().enumerate() {
            match select_hop(r.transport, self.relay_host.as_ref(), self.mx.is_some()) {
                Hop::Relay => via_relay.push(i),
                Hop::Mx => via_mx.push(i),
                Hop::None => {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = Some(deferred(r, &self.unrouted));
                    }
                }
            }
        }
        match &self.relay {
            Some(Ok(relay)) => run_part(relay, envelope, rcpts, &via_relay, body, &mut out).await,
            Some(Err(e)) => {
                let reason =
                    format!("relay-configuratie ongeldig / relay configuration invalid: {e}");
                for &i in &via_relay {
                    if let (Some(slot), Some(r)) = (out.get_mut(i), rcpts.get(i)) {
                        *slot = Some(deferred(r, &reason));
                    }
                }
            }
            None => {}
        }
        if let Some(mx) = &self.mx {
            run_part(mx, envelope, rcpts, &via_mx, body, &mut out).await;
        }
        rcpts
            .iter()
            .zip(out)
            .map(|(r, o)| o.unwrap_or_else(|| deferred(r, &self.unrouted)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TransportRequirement as T;

    fn relay(tls: RelayTls) -> RelayHost {
        RelayHost {
            host: "relay.test".into(),
            port: 25,
            tls,
            ca_file: None,
        }
    }

    #[test]
    fn relay_takes_what_it_can_carry_the_rest_goes_mx() {
        let plain = relay(RelayTls::None);
        assert_eq!(select_hop(T::None, Some(&plain), true), Hop::Relay);
        assert_eq!(select_hop(T::Tls, Some(&plain), true), Hop::Mx);
        assert_eq!(select_hop(T::Dane, Some(&plain), true), Hop::Mx);
        let may = relay(RelayTls::Opportunistic);
        assert_eq!(select_hop(T::None, Some(&may), true), Hop::Relay);
        assert_eq!(select_hop(T::Tls, Some(&may), true), Hop::Mx);
        assert_eq!(select_hop(T::Tls, Some(&may), false), Hop::Relay);
        let verify = relay(RelayTls::Verify);
        assert_eq!(select_hop(T::Tls, Some(&verify), true), Hop::Relay);
        assert_eq!(
            select_hop(T::Tls, Some(&relay(RelayTls::Required)), true),
            Hop::Relay
        );
        assert_eq!(select_hop(T::DaneOrMtaSts, Some(&verify), true), Hop::Mx);
        assert_eq!(select_hop(T::Dane, Some(&verify), true), Hop::Mx);
    }

    #[test]
    fn without_mx_the_relay_defers_what_it_cannot_carry() {
        let verify = relay(RelayTls::Verify);
        assert_eq!(select_hop(T::Dane, Some(&verify), false), Hop::Relay);
        assert_eq!(select_hop(T::Dane, None, false), Hop::None);
        assert_eq!(select_hop(T::None, None, false), Hop::None);
    }

    #[test]
    fn without_relay_everything_goes_mx() {
        for req in [T::None, T::Tls, T::DaneOrMtaSts, T::Dane] {
            assert_eq!(select_hop(req, None, true), Hop::Mx);
        }
    }
}
