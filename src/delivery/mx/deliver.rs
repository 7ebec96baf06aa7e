//! MX delivery as a [`Route`]: per recipient domain, the DNSSEC-validated
//! plan ([`plan_domain`]: MX, addresses, TLSA, MTA-STS), plus the hosts of a
//! current, DNSSEC-secure NTA 7516 record first; then MX hosts in
//! preference order, each address in turn, until every recipient is done.
//!
//! Promises:
//! - The recipient's [`TransportRequirement`] is checked against what the
//!   session actually achieved (DANE, MTA-STS/PKIX, TLS, clear text) after
//!   STARTTLS and BEFORE `MAIL FROM`. A recipient whose requirement is not
//!   met is never sent on that session: it waits for the next MX or is
//!   deferred (4xx-style temporary failure with the reasons per MX).
//! - An MX is never used below its own level (a DANE MX that fails DANE is
//!   skipped, the next MX is tried); a bogus answer or failed TLSA lookup
//!   skips that MX. Null MX and NXDOMAIN fail permanently; DNS trouble
//!   (SERVFAIL, timeout) is temporary.
//! - RFC 8689 `TLS-Required: no` is honoured only for recipients whose
//!   requirement is `none`: for them, an MX skipped for DANE/MTA-STS
//!   reasons may be retried with opportunistic TLS. Ignored otherwise.
//! - Every session attempt is audited (`delivery-attempt`: MX, IP, level,
//!   DNSSEC, TLS version, cipher, authentication, result) and counted for
//!   TLS-RPT per policy domain. Connections are pooled per MX address and
//!   level (`delivery.concurrency_per_destination` at most each).
//!
//! Never fails as a whole: every problem is a per-recipient report.

use super::plan::{plan_domain, MxFetchOptions, PlanError};
use super::rules::{candidates, definitely_unmet, tls_required_no, unmet_reason, Source};
use super::run::{report, temp, DomainRun};
use super::session::{MxConn, Target};
use crate::audit::Audit;
use crate::config::Config;
use crate::config::MxSecurityConfig;
use crate::delivery::client::pool::Pool;
use crate::delivery::client::ClientLimits;
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tls_policy::mta_sts_fetch::{FetchOptions, StsLookup};
use crate::delivery::tlsrpt::day::TlsRptLog;
use crate::delivery::{QueuedRcpt, Route};
use crate::net::dns::{Dns, DnsError, Security};
use crate::net::tls::pkix_roots;
use crate::types::{
    domain_of, DeliveryReport, Envelope, SmtpStatus, TlsInfo, TransportRequirement, Unmet,
};
use rustls::RootCertStore;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Delivery to the recipients' own mail servers.
pub struct MxRoute {
    pub(super) cfg: MxSecurityConfig,
    pub(super) dns: tokio::sync::OnceCell<Arc<Dns>>,
    pub(super) fetch: FetchOptions,
    pub(super) roots: Option<RootCertStore>,
    pub(super) sts_cache: Arc<PolicyCache>,
    pub(super) helo: String,
    pub(super) limits: ClientLimits,
    pub(super) concurrency: usize,
    pub(super) idle: Duration,
    pub(super) max_transactions: u32,
    pub(super) pools: Mutex<HashMap<String, Arc<Pool<MxConn>>>>,
    pub(super) audit: Audit,
    pub(super) tlsrpt: Arc<TlsRptLog>,
}

impl MxRoute {
    /// Must be called inside a tokio runtime (pools start reapers). The
    /// resolver is created on first use, so a broken DNS setup defers mail
    /// (with the reason) instead of stopping the queue.
    pub fn new(config: &Config, audit: Audit) -> Self {
        let cfg = config.mx.clone();
        let d = &config.delivery;
        let roots = match pkix_roots(cfg.system_ca_file.as_deref(), cfg.ca_file.as_deref()) {
            Ok(r) => Some(r),
            Err(e) => {
                tracing::error!("MX delivery: PKIX roots unusable, MTA-STS MX are deferred: {e}");
                None
            }
        };
        MxRoute {
            fetch: cfg.fetch_options(cfg.mta_sts_https_port),
            tlsrpt: Arc::new(TlsRptLog::new(cfg.tlsrpt_max_failure_rows)),
            cfg,
            dns: tokio::sync::OnceCell::new(),
            roots,
            sts_cache: Arc::new(PolicyCache::default()),
            helo: config.helo_name().to_string(),
            limits: ClientLimits::from_config(d),
            concurrency: d.concurrency_per_destination,
            idle: Duration::from_secs(d.idle_connection_secs),
            max_transactions: d.max_messages_per_connection,
            pools: Mutex::new(HashMap::new()),
            audit,
        }
    }

    /// Share this MTA-STS policy cache (the one kept in the store).
    pub fn with_sts_cache(mut self, cache: Arc<PolicyCache>) -> Self {
        self.sts_cache = cache;
        self
    }

    /// The TLS-RPT results recorded by this route.
    pub fn tlsrpt(&self) -> &Arc<TlsRptLog> {
        &self.tlsrpt
    }

    async fn dns(&self) -> Result<Arc<Dns>, String> {
        self.dns
            .get_or_try_init(|| async { Dns::new(self.cfg.dns_options()).await.map(Arc::new) })
            .await
            .cloned()
            .map_err(|e| e.to_string())
    }

    pub(super) fn pool_for(&self, t: &Target<'_>) -> Arc<Pool<MxConn>> {
        let tlsa: Vec<String> = t.tlsa.iter().map(|r| r.to_string()).collect();
        let key = format!(
            "{}|{}|{}|{}|{}|{}|{}",
            t.host,
            t.sni,
            t.addr,
            t.level.as_str(),
            t.plain_fallback,
            t.pkix_label,
            tlsa.join(",")
        );
        let mut pools = match self.pools.lock() {
            Ok(p) => p,
            Err(poisoned) => poisoned.into_inner(),
        };
        if pools.len() >= self.cfg.max_pools && !pools.contains_key(&key) {
            pools.retain(|_, p| p.idle_count() > 0 || Arc::strong_count(p) > 1);
        }
        pools
            .entry(key)
            .or_insert_with(|| Pool::new(self.concurrency, self.idle, self.max_transactions))
            .clone()
    }
}

impl Route for MxRoute {
    async fn deliver(
        &self,
        envelope: &Envelope,
        rcpts: &[QueuedRcpt],
        body: &[u8],
    ) -> Vec<DeliveryReport> {
        let mut out: Vec<Option<DeliveryReport>> = vec![None; rcpts.len()];
        let mut domains: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, r) in rcpts.iter().enumerate() {
            let d = domain_of(&r.address);
            match domains.iter_mut().find(|(x, _)| *x == d) {
                Some((_, v)) => v.push(i),
                None => domains.push((d, vec![i])),
            }
        }
        let opt_out = tls_required_no(body, self.cfg.max_header_scan_bytes);
        for (domain, idx) in &domains {
            let mut run = DomainRun {
                env: envelope,
                rcpts,
                body,
                domain,
                pending: idx.clone(),
                notes: Vec::new(),
                out: &mut out,
                mx_dnssec: "unknown",
                policy_failed: false,
            };
            self.deliver_domain(&mut run, opt_out).await;
        }
        rcpts
            .iter()
            .zip(out)
            .map(|(r, o)| {
                o.unwrap_or_else(|| {
                    report(
                        r,
                        temp("interne fout / internal error"),
                        "",
                        &TlsInfo::default(),
                        None,
                    )
                })
            })
            .collect()
    }
}

impl MxRoute {
    async fn deliver_domain(&self, run: &mut DomainRun<'_>, opt_out: bool) {
        let domain = run.domain;
        if domain.is_empty() || domain.starts_with('[') || !domain.contains('.') {
            run.all_local(SmtpStatus::new(
                550,
                (5, 1, 2),
                "ongeldig ontvangerdomein",
                "invalid recipient domain",
            ));
            return;
        }
        let dns = match self.dns().await {
            Ok(d) => d,
            Err(e) => {
                run.all(temp(format!(
                    "4.4.3 DNS niet beschikbaar / DNS unavailable: {e}"
                )));
                return;
            }
        };
        let port = self.cfg.smtp_port;
        let plan = match plan_domain(
            &dns,
            domain,
            port,
            &self.sts_cache,
            &self.fetch,
            self.cfg.dane_insecure_mx_policy,
        )
        .await
        {
            Ok(p) => p,
            Err(PlanError::NullMx) => {
                // RFC 7505 3.3: 556 5.1.10 for a domain with a null MX.
                run.all_local(SmtpStatus::new(
                    556,
                    (5, 1, 10),
                    "domein ontvangt geen e-mail (null MX)",
                    "domain accepts no mail (null MX)",
                ));
                return;
            }
            Err(PlanError::NxDomain) => {
                run.all_local(SmtpStatus::new(
                    550,
                    (5, 1, 2),
                    "domein bestaat niet",
                    "domain does not exist",
                ));
                return;
            }
            Err(e @ PlanError::Dns(DnsError::Bogus { .. })) => {
                // An answer that failed validation: the requirement cannot
                // be met now, so a fallback may run after its grace.
                run.policy_failed = true;
                run.all(temp(format!("4.4.3 DNS-fout / DNS failure: {e}")));
                return;
            }
            Err(e @ PlanError::Dns(_)) => {
                run.all(temp(format!("4.4.3 DNS-fout / DNS failure: {e}")));
                return;
            }
        };
        run.mx_dnssec = plan.mx_security.as_str();
        let (candidates, nta) = candidates(&dns, domain, port, &plan).await;
        // A requirement the DNS answers rule out is settled before any
        // connection: the queue runs the recipient's fallback at once.
        let hosts: Vec<_> = candidates
            .iter()
            .map(|(t, s)| (&t.plan, *s == Source::Nta))
            .collect();
        let sts_absent = matches!(plan.sts, StsLookup::NoPolicy);
        for i in run.pending.clone() {
            if let Some(why) = definitely_unmet(run.req(i), &nta, &hosts, sts_absent) {
                run.unmet(i, why, Unmet::Definite);
            }
        }

        for (t, source) in &candidates {
            if run.pending.is_empty() {
                break;
            }
            self.try_target(run, &plan, t, *source, None).await;
        }
        // RFC 8689 opt-out, for clean mail only: MX skipped or failed for
        // policy reasons are retried with opportunistic TLS.
        if opt_out
            && run
                .pending
                .iter()
                .any(|&i| run.req(i) == TransportRequirement::None)
        {
            let only_none: Vec<usize> = run
                .pending
                .iter()
                .copied()
                .filter(|&i| run.req(i) == TransportRequirement::None)
                .collect();
            for t in &plan.targets {
                if !only_none.iter().any(|i| run.pending.contains(i)) {
                    break;
                }
                if t.addrs.is_empty() || t.dnssec == Security::Bogus {
                    continue;
                }
                self.try_target(run, &plan, t, Source::Mx, Some(&only_none))
                    .await;
            }
        }
        let unmet = run.policy_failed.then_some(Unmet::Failing);
        for i in std::mem::take(&mut run.pending) {
            if let (Some(slot), Some(r)) = (run.out.get_mut(i), run.rcpts.get(i)) {
                let mut rep = report(
                    r,
                    temp(unmet_reason(r.transport, &run.notes)),
                    domain,
                    &TlsInfo::default(),
                    None,
                );
                rep.unmet = unmet;
                *slot = Some(rep);
            }
        }
    }
}
