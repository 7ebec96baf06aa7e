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

use crate::audit::{Audit, AuditEvent};
use crate::config::Config;
use crate::delivery::client::pool::Pool;
use crate::delivery::client::transaction::{too_many_recipients, transact};
use crate::delivery::client::wire::Reply;
use crate::delivery::client::{ClientError, ClientLimits};
use crate::delivery::mx::plan::{plan_domain, DomainPlan, MxSecurityConfig, MxTarget, PlanError};
use crate::delivery::mx::rules::{
    dedup, eligible, level_name, mode_str, nta_targets, tls_required_no, unmet_reason,
};
use crate::delivery::mx::session::{connect, remote_of, MxConn, SessionError, Target};
use crate::delivery::tls_policy::levels::Achieved;
use crate::delivery::tls_policy::levels::{meets_level, satisfies, MxPlan, SecurityLevel};
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tls_policy::mta_sts_fetch::{FetchOptions, StsLookup};
use crate::delivery::tlsrpt::day::TlsRptLog;
use crate::delivery::{QueuedRcpt, Route};
use crate::net::dns::{Dns, Security};
use crate::net::tls::pkix_roots;
use crate::types::{
    domain_of, DeliveryReport, Envelope, RcptStatus, TlsInfo, TransportRequirement,
};
use rustls::RootCertStore;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Where a candidate host came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Mx,
    /// An `ntamx` host of a current NTA 7516 record.
    Nta,
}

/// Delivery to the recipients' own mail servers.
pub struct MxRoute {
    cfg: MxSecurityConfig,
    dns: tokio::sync::OnceCell<Arc<Dns>>,
    fetch: FetchOptions,
    roots: Option<RootCertStore>,
    sts_cache: PolicyCache,
    helo: String,
    limits: ClientLimits,
    concurrency: usize,
    idle: Duration,
    max_transactions: u32,
    pools: Mutex<HashMap<String, Arc<Pool<MxConn>>>>,
    audit: Audit,
    tlsrpt: Arc<TlsRptLog>,
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
            sts_cache: PolicyCache::default(),
            helo: config.helo_name().to_string(),
            limits: ClientLimits::from_config(d),
            concurrency: d.concurrency_per_destination,
            idle: Duration::from_secs(d.idle_connection_secs),
            max_transactions: d.max_messages_per_connection,
            pools: Mutex::new(HashMap::new()),
            audit,
        }
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

    fn pool_for(&self, t: &Target<'_>) -> Arc<Pool<MxConn>> {
        let tlsa: Vec<String> = t.tlsa.iter().map(|r| r.to_string()).collect();
        let key = format!(
            "{}|{}|{}|{}|{}|{}",
            t.host,
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

/// Per-domain delivery state.
struct DomainRun<'a> {
    env: &'a Envelope,
    rcpts: &'a [QueuedRcpt],
    body: &'a [u8],
    domain: &'a str,
    pending: Vec<usize>,
    notes: Vec<String>,
    out: &'a mut [Option<DeliveryReport>],
    /// DNSSEC status of the domain's MX RRset (set once planned).
    mx_dnssec: &'static str,
}

impl DomainRun<'_> {
    fn finish(&mut self, i: usize, rep: DeliveryReport) {
        if let Some(slot) = self.out.get_mut(i) {
            *slot = Some(rep);
        }
        self.pending.retain(|&p| p != i);
    }

    fn req(&self, i: usize) -> TransportRequirement {
        self.rcpts
            .get(i)
            .map(|r| r.transport)
            .unwrap_or(TransportRequirement::Dane)
    }

    fn all(&mut self, status: RcptStatus) {
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

fn report(
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

fn temp(reason: impl Into<String>) -> RcptStatus {
    RcptStatus::TemporaryFailure {
        reason: reason.into(),
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
            run.all(RcptStatus::PermanentFailure {
                reason: "5.1.2 ongeldig ontvangerdomein / invalid recipient domain".into(),
            });
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
        let plan = match plan_domain(&dns, domain, port, &self.sts_cache, &self.fetch).await {
            Ok(p) => p,
            Err(PlanError::NullMx) => {
                run.all(RcptStatus::PermanentFailure {
                    reason: "5.1.10 domein ontvangt geen e-mail (null MX) / domain accepts no mail (null MX)".into(),
                });
                return;
            }
            Err(PlanError::NxDomain) => {
                run.all(RcptStatus::PermanentFailure {
                    reason: "5.1.2 domein bestaat niet / domain does not exist".into(),
                });
                return;
            }
            Err(e @ PlanError::Dns(_)) => {
                run.all(temp(format!("4.4.3 DNS-fout / DNS failure: {e}")));
                return;
            }
        };
        run.mx_dnssec = plan.mx_security.as_str();
        let mut candidates: Vec<(MxTarget, Source)> = nta_targets(&dns, domain, port)
            .await
            .into_iter()
            .map(|t| (t, Source::Nta))
            .collect();
        candidates.extend(plan.targets.iter().cloned().map(|t| (t, Source::Mx)));

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
        for i in std::mem::take(&mut run.pending) {
            if let (Some(slot), Some(r)) = (run.out.get_mut(i), run.rcpts.get(i)) {
                *slot = Some(report(
                    r,
                    temp(unmet_reason(r.transport, &run.notes)),
                    domain,
                    &TlsInfo::default(),
                    None,
                ));
            }
        }
    }

    /// Try one MX host (each address in turn). `opt_out`: the RFC 8689
    /// pass, for these recipients only, at opportunistic level.
    async fn try_target(
        &self,
        run: &mut DomainRun<'_>,
        plan: &DomainPlan,
        t: &MxTarget,
        source: Source,
        opt_out: Option<&[usize]>,
    ) {
        let (level, tlsa) = match (&t.plan, opt_out) {
            (_, Some(_)) => (SecurityLevel::Opportunistic, Vec::new()),
            (MxPlan::Use { level, tlsa }, None) => (level.clone(), tlsa.clone()),
            (MxPlan::Skip(why), None) => {
                run.notes.push(format!("{}: {why}", t.host));
                self.attempt_event(
                    run,
                    t,
                    None,
                    &level_name(&t.plan),
                    None,
                    "skipped",
                    Some(why),
                    0,
                );
                let rt = if why.contains("bogus") || why.contains("TLSA") {
                    crate::delivery::tlsrpt::ResultType::DnssecInvalid
                } else {
                    crate::delivery::tlsrpt::ResultType::ValidationFailure
                };
                self.tlsrpt.failure(
                    run.domain,
                    &self.policy_kind(&SecurityLevel::Plain, &[], plan, source),
                    rt,
                    "",
                    &t.host,
                    "",
                );
                return;
            }
        };
        let pending: Vec<usize> = match opt_out {
            Some(only) => run
                .pending
                .iter()
                .copied()
                .filter(|i| only.contains(i))
                .collect(),
            None => run.pending.clone(),
        };
        let (elig, inel) = eligible(&level, run.rcpts, &pending);
        if !inel.is_empty() {
            let reqs: Vec<&str> = inel.iter().map(|&i| run.req(i).as_str()).collect();
            run.notes.push(format!(
                "{}: niveau '{}' voldoet niet aan / level '{}' cannot meet '{}'",
                t.host,
                level.as_str(),
                level.as_str(),
                dedup(reqs).join(",")
            ));
        }
        if elig.is_empty() {
            return;
        }
        let plain_fallback = elig
            .iter()
            .any(|&i| run.req(i) == TransportRequirement::None);
        let pkix_label = if source == Source::Nta {
            "pkix"
        } else {
            "mta-sts"
        };
        let kind = self.policy_kind(&level, &tlsa, plan, source);
        for ip in &t.addrs {
            let target = Target {
                host: &t.host,
                addr: SocketAddr::new(*ip, self.cfg.smtp_port),
                level: &level,
                tlsa: &tlsa,
                names: &t.names,
                pkix_label,
                plain_fallback,
            };
            match self.session(run, &target, &elig).await {
                Err(e) => {
                    let remote = remote_of(&t.host, target.addr);
                    run.notes.push(format!("{remote}: {}", e.reason));
                    self.attempt_event(
                        run,
                        t,
                        Some(target.addr),
                        level.as_str(),
                        None,
                        "failed",
                        Some(&e.reason),
                        elig.len(),
                    );
                    if let Some(rt) = e.tlsrpt {
                        self.tlsrpt.failure(
                            run.domain,
                            &kind,
                            rt,
                            &e.local_ip,
                            &t.host,
                            &ip.to_string(),
                        );
                    }
                }
                Ok((conn, unmet)) => {
                    let result = if unmet.is_empty() {
                        "sent"
                    } else {
                        "partly-unmet"
                    };
                    if !unmet.is_empty() {
                        let reqs: Vec<&str> = unmet.iter().map(|&i| run.req(i).as_str()).collect();
                        run.notes.push(format!(
                            "{}: bereikt '{}' voldoet niet aan / achieved '{}' does not meet '{}'",
                            conn.remote,
                            conn.achieved.as_str(),
                            conn.achieved.as_str(),
                            dedup(reqs).join(",")
                        ));
                    }
                    self.attempt_event(
                        run,
                        t,
                        Some(target.addr),
                        level.as_str(),
                        Some(&conn),
                        result,
                        None,
                        elig.len() - unmet.len(),
                    );
                    if conn.achieved != Achieved::Plain {
                        self.tlsrpt.success(run.domain, &kind);
                    }
                    return;
                }
            }
        }
    }

    /// One session on one address: connect (or reuse), check each
    /// recipient's requirement against what was achieved, then send to
    /// those that pass. Returns the connection info and the recipients
    /// whose requirement this session did not meet (still pending).
    async fn session(
        &self,
        run: &mut DomainRun<'_>,
        t: &Target<'_>,
        elig: &[usize],
    ) -> Result<(MxConn, Vec<usize>), SessionError> {
        let pool = self.pool_for(t);
        let mut lease = pool
            .get(|| connect(t, self.roots.as_ref(), &self.helo, self.limits))
            .await?;
        let mut conn = lease.extra.clone();
        if !meets_level(t.level, conn.achieved) {
            return Err(SessionError {
                reason: format!(
                    "bereikt '{}' onder niveau '{}' / achieved '{}' below level '{}'",
                    conn.achieved.as_str(),
                    t.level.as_str(),
                    conn.achieved.as_str(),
                    t.level.as_str()
                ),
                tlsrpt: None,
                local_ip: conn.local_ip.clone(),
            });
        }
        // The check that matters: before MAIL FROM, per recipient.
        let (send, unmet): (Vec<usize>, Vec<usize>) = elig
            .iter()
            .partition(|&&i| satisfies(run.req(i), conn.achieved));
        let mut pending = send;
        let mut healthy = true;
        let mut fresh_retry = true;
        while !pending.is_empty() {
            let mut result =
                transact(&mut lease.client, run.env, run.rcpts, &pending, run.body).await;
            if fresh_retry && matches!(result, Err(ClientError::Stale(_))) {
                fresh_retry = false;
                result = match connect(t, self.roots.as_ref(), &self.helo, self.limits).await {
                    Ok((client, info)) if info.achieved == conn.achieved => {
                        lease.client = client;
                        conn = info.clone();
                        lease.extra = info;
                        transact(&mut lease.client, run.env, run.rcpts, &pending, run.body).await
                    }
                    Ok(_) => result,
                    Err(e) => return Err(e),
                };
            }
            match result {
                Ok(list) => {
                    let progress = list.iter().any(|(_, s, _)| *s == RcptStatus::Delivered);
                    let mut again = Vec::new();
                    for (i, status, reply) in list {
                        if progress && reply.as_ref().is_some_and(too_many_recipients) {
                            again.push(i);
                        } else if let Some(r) = run.rcpts.get(i) {
                            let rep = report(r, status, &conn.remote, &conn.tls, reply.as_ref());
                            run.finish(i, rep);
                        }
                    }
                    pending = again;
                }
                Err(e) => {
                    for i in pending {
                        if let Some(r) = run.rcpts.get(i) {
                            let rep = report(r, temp(e.to_string()), &conn.remote, &conn.tls, None);
                            run.finish(i, rep);
                        }
                    }
                    healthy = false;
                    break;
                }
            }
        }
        if healthy {
            pool.put(lease);
        }
        Ok((conn, unmet))
    }

    fn policy_kind(
        &self,
        level: &SecurityLevel,
        tlsa: &[crate::net::dns::Tlsa],
        plan: &DomainPlan,
        source: Source,
    ) -> crate::delivery::tlsrpt::PolicyKind {
        use crate::delivery::tlsrpt::PolicyKind;
        match (level, &plan.sts, source) {
            (SecurityLevel::Dane, _, _) => {
                PolicyKind::Tlsa(tlsa.iter().map(|r| r.to_string()).collect())
            }
            (SecurityLevel::Verify, StsLookup::Policy { policy, .. }, Source::Mx) => {
                let mut lines = vec![
                    "version: STSv1".to_string(),
                    format!("mode: {}", mode_str(policy.mode)),
                ];
                lines.extend(policy.mx.iter().map(|m| format!("mx: {m}")));
                lines.push(format!("max_age: {}", policy.max_age));
                PolicyKind::Sts {
                    lines,
                    mx: policy.mx.clone(),
                }
            }
            _ => PolicyKind::NoPolicyFound,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn attempt_event(
        &self,
        run: &DomainRun<'_>,
        t: &MxTarget,
        addr: Option<SocketAddr>,
        level: &str,
        conn: Option<&MxConn>,
        result: &str,
        error: Option<&str>,
        recipients: usize,
    ) {
        let tls = conn.map(|c| c.tls.clone()).unwrap_or_default();
        self.audit.record(
            AuditEvent::new(&run.env.tenant, "delivery-attempt", "system")
                .message(&run.env.id)
                .detail(serde_json::json!({
                    "domain": run.domain,
                    "mx": t.host,
                    "ip": addr.map(|a| a.ip().to_string()),
                    "port": addr.map(|a| a.port()),
                    "level": level,
                    "dnssec": t.dnssec.as_str(),
                    "mx_dnssec": run.mx_dnssec,
                    "tls_version": tls.version,
                    "cipher": tls.cipher,
                    "authentication": tls.authentication,
                    "achieved": conn.map(|c| c.achieved.as_str()),
                    "result": result,
                    "error": error,
                    "recipients": recipients,
                })),
        );
    }
}
