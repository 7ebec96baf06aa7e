//! The route check before "250" (issue 19): a recipient whose first
//! `deliver` has a fallback and would leave through its MX hosts has its
//! domain looked up (MX, TLSA, MTA-STS, NTA 7516 record; cached in the
//! store for as long as the answers' TTLs allow), within
//! `delivery.route_check_timeout_ms` for the whole message.
//!
//! Promises:
//! - A requirement the answers rule out takes its fallback at once, before
//!   the message is spooled: the spooled work starts at the fallback, so a
//!   `block` fallback is in the SMTP reply or the DSN, and a pickup in the
//!   sender's confirmation. Audited as `route-fallback` with `"at":
//!   "submit"`, durable with the message.
//! - A lookup that fails or times out is never "cannot": per
//!   `delivery.route_check_unknown` the `deliver` stays (the queue decides
//!   later) or the chain's pickup is taken; never a weaker `deliver`.
//! - Never slower than the timeout, whatever DNS does; no content, address
//!   or name of a person is looked up or logged (domains only).

use super::Pipeline;
use crate::audit::AuditEvent;
use crate::config::RouteCheckUnknown;
use crate::delivery::mx::plan::MxFetchOptions;
use crate::delivery::mx::verdict::{domain_verdict, DomainVerdict, Verdict};
use crate::delivery::mx::verdict_cache;
use crate::delivery::queue::route_select::{select_hop, Hop};
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::net::dns::Dns;
use crate::route::{self, Work};
use crate::types::{domain_of, Envelope, TransportRequirement};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// The resolver and MTA-STS cache of the route check (made on first use,
/// so a broken DNS set-up only makes every answer unknown).
#[derive(Default)]
pub(super) struct RouteCheck {
    dns: tokio::sync::OnceCell<Arc<Dns>>,
    /// Shared with MX delivery and kept in the store (`sluis run`).
    sts: std::sync::OnceLock<Arc<PolicyCache>>,
}

/// Where a verdict came from (for the audit).
#[derive(Clone, Copy, Debug)]
enum Source {
    Cache,
    Dns,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Source::Cache => "cache",
            Source::Dns => "dns",
        }
    }
}

impl Pipeline {
    /// Use this MTA-STS policy cache (once, at start-up, before mail).
    pub fn set_sts_cache(&self, cache: Arc<PolicyCache>) {
        let _ = self.route_dns.sts.set(cache);
    }

    /// Settle what DNS can settle of each recipient's first `deliver`
    /// (see the module). `events` gets one `route-fallback` per step taken.
    pub(super) async fn route_check(
        &self,
        envelope: &Envelope,
        work: Vec<Work>,
        events: &mut Vec<AuditEvent>,
    ) -> Vec<Work> {
        let d = &self.config.delivery;
        if !d.route_check {
            return work;
        }
        let wanted = |w: &Work| -> Option<TransportRequirement> {
            match route::deliver_at(w, 0)? {
                Work::Deliver {
                    transport,
                    fallback: Some(_),
                } if select_hop(transport, d.relay.as_ref(), d.mx_enabled) == Hop::Mx => {
                    Some(transport)
                }
                _ => None,
            }
        };
        let mut domains: Vec<String> = envelope
            .recipients
            .iter()
            .zip(&work)
            .filter(|(_, w)| wanted(w).is_some())
            .map(|(r, _)| domain_of(&r.address))
            .collect();
        domains.sort();
        domains.dedup();
        if domains.is_empty() {
            return work;
        }
        let verdicts = self.verdicts(domains).await;
        let mut out = Vec::with_capacity(work.len());
        for (index, (rcpt, mut w)) in envelope.recipients.iter().zip(work).enumerate() {
            // Not answered within the timeout: unknown.
            let (verdict, source) = verdicts
                .get(&domain_of(&rcpt.address))
                .cloned()
                .unwrap_or((DomainVerdict::default(), Source::Dns));
            let mut step = 0u32;
            while let Some(req) = wanted(&w) {
                let (next, why) = match verdict.get(req) {
                    Verdict::May => break,
                    Verdict::Cannot { reason } => (route::skip_first_deliver(&w), reason),
                    Verdict::Unknown => match d.route_check_unknown {
                        RouteCheckUnknown::Defer => break,
                        RouteCheckUnknown::Pickup => (
                            route::skip_to_pickup(&w),
                            format!(
                                "4.4.3 DNS gaf geen antwoord voor transporteis '{r}' / no DNS answer for transport requirement '{r}'",
                                r = req.as_str()
                            ),
                        ),
                    },
                };
                let Some(next) = next else { break };
                let next = super::hold_to_block(next);
                let unknown = verdict.get(req) == Verdict::Unknown;
                events.push(
                    AuditEvent::new(&envelope.tenant, "route-fallback", "system")
                        .message(&envelope.id)
                        .recipient(rcpt.address.clone())
                        .detail(serde_json::json!({
                            "at": "submit",
                            "step": step,
                            "requirement": req.as_str(),
                            "to": super::fallback::work_name(first_work(&next)),
                            "why": why,
                            "dns": if unknown { "unknown" } else { source.as_str() },
                            // Only if encryption finds no key (it comes first).
                            "after_encrypt": matches!(w, Work::Encrypt { .. }),
                        })),
                );
                tracing::info!(id = %envelope.id, rcpt = index, requirement = req.as_str(), "route check: fallback before 250");
                w = next;
                step += 1;
                if unknown {
                    break;
                }
            }
            out.push(w);
        }
        out
    }

    /// The verdict of each domain, looked up at the same time, each from
    /// the store's cache when it is there; within the timeout as a whole.
    async fn verdicts(&self, domains: Vec<String>) -> HashMap<String, (DomainVerdict, Source)> {
        let timeout = Duration::from_millis(self.config.delivery.route_check_timeout_ms);
        let mut set = tokio::task::JoinSet::new();
        for domain in domains {
            let Some(me) = self.me.upgrade() else { break };
            set.spawn(async move {
                let v = me.verdict(&domain).await;
                (domain, v)
            });
        }
        let mut out = HashMap::new();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            match tokio::time::timeout_at(deadline, set.join_next()).await {
                Ok(Some(Ok((domain, v)))) => {
                    out.insert(domain, v);
                }
                Ok(Some(Err(_))) => {}
                Ok(None) => break,
                Err(_) => {
                    // Past the timeout: what is missing is unknown for this
                    // message; the lookups go on (bounded by the DNS and
                    // MTA-STS timeouts) and fill the cache for the next.
                    set.detach_all();
                    break;
                }
            }
        }
        out
    }

    async fn verdict(&self, domain: &str) -> (DomainVerdict, Source) {
        let now = crate::now_ms();
        match verdict_cache::get(&self.store, domain, now).await {
            Ok(Some(v)) => return (v, Source::Cache),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "route cache unreadable; asking DNS"),
        }
        let mx = &self.config.mx;
        let d = &self.config.delivery;
        let dns = match self
            .route_dns
            .dns
            .get_or_try_init(|| async { Dns::new(mx.dns_options()).await.map(Arc::new) })
            .await
        {
            Ok(dns) => dns.clone(),
            Err(e) => {
                tracing::warn!(error = %e, "route check: no resolver");
                return (DomainVerdict::default(), Source::Dns);
            }
        };
        let fetch = mx.fetch_options(mx.mta_sts_https_port);
        let sts = self.route_dns.sts.get_or_init(Default::default).clone();
        let (verdict, ttl) = domain_verdict(
            &dns,
            domain,
            mx.smtp_port,
            &sts,
            &fetch,
            mx.dane_insecure_mx_policy,
            d.route_cache_negative_secs,
        )
        .await;
        if let Some(ttl) = ttl {
            let secs = ttl.min(d.route_cache_max_secs);
            if secs > 0 {
                let expires = now.saturating_add((secs as i64).saturating_mul(1000));
                if let Err(e) =
                    verdict_cache::put(&self.store, domain, &verdict, now, expires).await
                {
                    tracing::warn!(error = %e, "route cache not written");
                }
            }
        }
        (verdict, Source::Dns)
    }
}

/// What runs when encryption finds no key (for the audit name).
fn first_work(w: &Work) -> &Work {
    match w {
        Work::Encrypt { fallback } => first_work(fallback),
        other => other,
    }
}
