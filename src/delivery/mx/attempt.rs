//! One MX host of a domain, tried for the recipients still pending: the
//! level the plan gives it (or why it is skipped), which recipients that
//! level can serve, then each address in turn until one session sends;
//! every attempt audited and counted for TLS-RPT. Part of [`MxRoute`].

use super::deliver::MxRoute;
use super::plan::{DomainPlan, MxTarget};
use super::rules::{dedup, eligible, level_name, mode_str, Source};
use super::run::{report, temp, DomainRun};
use super::session::{connect, remote_of, MxConn, SessionError, Target};
use crate::audit::AuditEvent;
use crate::delivery::client::transaction::{too_many_recipients, transact};
use crate::delivery::client::ClientError;
use crate::delivery::tls_policy::levels::{
    meets_level, satisfies, Achieved, MxPlan, SecurityLevel, SkipReason,
};
use crate::delivery::tls_policy::mta_sts_fetch::StsLookup;
use crate::delivery::tlsrpt::{PolicyKind, ResultType};
use crate::net::dns::Tlsa;
use crate::types::{RcptStatus, TransportRequirement};
use std::net::SocketAddr;

/// One host being tried: what stays the same across its addresses.
struct HostTry<'a> {
    t: &'a MxTarget,
    level: SecurityLevel,
    tlsa: Vec<Tlsa>,
    kind: PolicyKind,
    /// The pending recipients this host's level can serve.
    elig: Vec<usize>,
}

impl MxRoute {
    /// Try one MX host (each address in turn). `opt_out`: the RFC 8689
    /// pass, for these recipients only, at opportunistic level.
    pub(super) async fn try_target(
        &self,
        run: &mut DomainRun<'_>,
        plan: &DomainPlan,
        t: &MxTarget,
        source: Source,
        opt_out: Option<&[usize]>,
    ) {
        let Some((level, tlsa)) = self.target_level(run, plan, t, source, opt_out) else {
            return;
        };
        let elig = eligible_here(run, t, &level, source, opt_out);
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
        let h = HostTry {
            kind: self.policy_kind(&level, &tlsa, plan, source),
            t,
            level,
            tlsa,
            elig,
        };
        for ip in &t.addrs {
            let target = Target {
                host: &t.host,
                sni: t.sni(&h.level),
                addr: SocketAddr::new(*ip, self.cfg.smtp_port),
                level: &h.level,
                tlsa: &h.tlsa,
                names: &t.names,
                pkix_label,
                plain_fallback,
            };
            match self.session(run, &target, &h.elig).await {
                Err(e) => self.address_failed(run, &h, target.addr, e),
                Ok((conn, unmet)) => {
                    self.address_sent(run, &h, target.addr, &conn, &unmet);
                    return;
                }
            }
        }
    }

    /// The level to try `t` at, or `None` when the plan skips it.
    fn target_level(
        &self,
        run: &mut DomainRun<'_>,
        plan: &DomainPlan,
        t: &MxTarget,
        source: Source,
        opt_out: Option<&[usize]>,
    ) -> Option<(SecurityLevel, Vec<Tlsa>)> {
        match (&t.plan, opt_out) {
            (_, Some(_)) => Some((SecurityLevel::Opportunistic, Vec::new())),
            (MxPlan::Use { level, tlsa }, None) => Some((level.clone(), tlsa.clone())),
            (MxPlan::Skip(why), None) => {
                self.skip_target(run, plan, t, source, why);
                None
            }
        }
    }

    /// A host the plan skips: noted for the deferral reason, audited, and
    /// counted as a TLS-RPT failure.
    fn skip_target(
        &self,
        run: &mut DomainRun<'_>,
        plan: &DomainPlan,
        t: &MxTarget,
        source: Source,
        why: &SkipReason,
    ) {
        run.notes.push(format!("{}: {why}", t.host));
        run.policy_failed |= counts_toward_grace(why);
        self.attempt_event(
            run,
            t,
            None,
            &level_name(&t.plan),
            None,
            "skipped",
            Some(&why.to_string()),
            0,
        );
        let rt = if why.is_dnssec() {
            ResultType::DnssecInvalid
        } else {
            ResultType::ValidationFailure
        };
        self.tlsrpt.failure(
            run.domain,
            &self.policy_kind(&SecurityLevel::Plain, &[], plan, source),
            rt,
            "",
            &t.host,
            "",
        );
    }

    /// No session on this address: noted, audited, counted for TLS-RPT
    /// when it was a TLS policy failure.
    fn address_failed(
        &self,
        run: &mut DomainRun<'_>,
        h: &HostTry<'_>,
        addr: SocketAddr,
        e: SessionError,
    ) {
        let t = h.t;
        let remote = remote_of(&t.host, addr);
        run.notes.push(format!("{remote}: {}", e.reason));
        // A TLS policy failure (TLSA mismatch, no STARTTLS, bad
        // certificate), not a refused connection.
        run.policy_failed |= e.tlsrpt.is_some();
        self.attempt_event(
            run,
            t,
            Some(addr),
            h.level.as_str(),
            None,
            "failed",
            Some(&e.reason),
            h.elig.len(),
        );
        if let Some(rt) = e.tlsrpt {
            self.tlsrpt.failure(
                run.domain,
                &h.kind,
                rt,
                &e.local_ip,
                &t.host,
                &addr.ip().to_string(),
            );
        }
    }

    /// A session that sent (to the recipients whose requirement it met):
    /// the others noted, the attempt audited and counted for TLS-RPT.
    fn address_sent(
        &self,
        run: &mut DomainRun<'_>,
        h: &HostTry<'_>,
        addr: SocketAddr,
        conn: &MxConn,
        unmet: &[usize],
    ) {
        let result = if unmet.is_empty() {
            "sent"
        } else {
            "partly-unmet"
        };
        if !unmet.is_empty() {
            run.policy_failed = true;
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
            h.t,
            Some(addr),
            h.level.as_str(),
            Some(conn),
            result,
            None,
            h.elig.len() - unmet.len(),
        );
        if conn.achieved != Achieved::Plain {
            self.tlsrpt.success(run.domain, &h.kind);
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
                starttls_offered: conn.achieved != Achieved::Plain,
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
                    for (i, status, answer) in list {
                        if progress && answer.as_ref().is_some_and(too_many_recipients) {
                            again.push(i);
                        } else if let Some(r) = run.rcpts.get(i) {
                            let rep = report(r, status, &conn.remote, &conn.tls, answer);
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
        tlsa: &[Tlsa],
        plan: &DomainPlan,
        source: Source,
    ) -> PolicyKind {
        match (level, &plan.sts, source) {
            (SecurityLevel::Dane | SecurityLevel::DaneInsecureMx, _, _) => {
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

/// The pending recipients (only those of `opt_out` in the RFC 8689 pass)
/// that `level` can serve; the others are noted. An `nta7516` recipient
/// is served only by a host of the domain's NTA 7516 record.
fn eligible_here(
    run: &mut DomainRun<'_>,
    t: &MxTarget,
    level: &SecurityLevel,
    source: Source,
    opt_out: Option<&[usize]>,
) -> Vec<usize> {
    let pending: Vec<usize> = match opt_out {
        Some(only) => run
            .pending
            .iter()
            .copied()
            .filter(|i| only.contains(i))
            .collect(),
        None => run.pending.clone(),
    };
    let (mut elig, mut inel) = eligible(level, run.rcpts, &pending);
    run.policy_failed |= !inel.is_empty();
    if source != Source::Nta {
        let (nta, rest): (Vec<usize>, Vec<usize>) = elig
            .into_iter()
            .partition(|&i| run.req(i) == TransportRequirement::Nta7516);
        elig = rest;
        inel.extend(nta);
    }
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
    elig
}

/// Does skipping a host for `why` count toward a `deliver` fallback's
/// grace? Bogus DNSSEC or a host outside the MTA-STS policy: yes, the
/// requirement cannot be met there now. A failed lookup (SERVFAIL,
/// timeout: also a failed TLSA lookup, which cannot be told apart from
/// one) or missing addresses: no, that only defers.
fn counts_toward_grace(why: &SkipReason) -> bool {
    match why {
        SkipReason::DnssecBogus | SkipReason::NotInStsPolicy => true,
        SkipReason::Nta(inner) => counts_toward_grace(inner),
        SkipReason::TlsaLookup(_)
        | SkipReason::NoAddress
        | SkipReason::AddressLookup(_)
        | SkipReason::NotPlanned => false,
    }
}
