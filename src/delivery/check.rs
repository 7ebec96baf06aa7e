//! `sluis delivery check DOMAIN`: look a domain up and open a session to
//! every host the way delivery would, with delivery's own code: the plan
//! (`mx::plan`), the host list (`mx::rules::candidates`: the `ntamx` hosts
//! of a current, DNSSEC-secure NTA 7516 record first, then the MX hosts)
//! and the session (`mx::session::connect`: the SMTP client, STARTTLS with
//! the TLS configuration the host's security level calls for, and the
//! clear-text fallback of an opportunistic host); then QUIT before `MAIL
//! FROM`, and report per host (with `source`: `nta7516` or `mx`) and
//! overall.
//!
//! Outcome words: `dane`, `dane-insecure-mx` (DANE behind an MX RRset that
//! is not signed: meets `tls`, not `dane`), `mta-sts`, `tls`, `plain` (what
//! the first usable MX in preference order achieved) or `refuse` (no MX can be used now:
//! delivery would defer). Exit code 0 for a usable outcome, 1 for
//! `refuse`, 2 when the check itself cannot start (bad options).
//! Sends no mail; prints no secrets.

use crate::config::{DnssecMode, InsecureMxPolicy, MxSecurityConfig};
use crate::delivery::check_report::{
    to_json, CheckReport, MxReport, NtaReport, Outcome, Planned, ProbeReport, Refusal, StsReport,
    TlsRptReport, TlsaReport,
};
use crate::delivery::check_text::print_text;
use crate::delivery::client::ClientLimits;
use crate::delivery::mx::plan::{plan_domain, MxFetchOptions, MxTarget, PlanError};
use crate::delivery::mx::rules::{candidates, Source};
use crate::delivery::mx::session::{connect, Target};
use crate::delivery::mx::verdict::{verdict_for, Verdict, DECIDABLE};
use crate::delivery::tls_policy::levels::{
    meets_level, satisfies, Achieved, MxPlan, SkipReason, TlsaFinding,
};
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tls_policy::mta_sts_fetch::StsLookup;
use crate::delivery::{tls_policy::nta7516, tlsrpt};
use crate::net::dns::Dns;
use crate::net::dns::Tlsa;
use crate::net::tls::pkix_roots;
use crate::types::{Bilingual, TransportRequirement};
use serde_json::Value;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The name the check gives in EHLO.
const HELO: &str = "localhost";

/// The check's bounds: a person is waiting, so shorter than delivery's.
fn check_limits() -> ClientLimits {
    ClientLimits {
        connect_timeout: Duration::from_secs(10),
        command_timeout: Duration::from_secs(60),
        data_timeout: Duration::from_secs(60),
        max_reply_lines: 100,
    }
}

/// Options of `sluis delivery check`.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// DNS server to ask (`ADDR:PORT`); the system resolver otherwise.
    pub resolver: Option<SocketAddr>,
    /// DS/DNSKEY file; the IANA root otherwise.
    pub trust_anchor: Option<PathBuf>,
    /// Trust the resolver's AD bit instead of validating (Postfix style).
    pub trust_ad: bool,
    /// Extra CA roots (PEM) for MTA-STS and PKIX.
    pub ca: Option<PathBuf>,
    /// Connect here instead of 25 (tests); TLSA is looked up for this port.
    pub smtp_port: Option<u16>,
    /// Fetch MTA-STS policies from this port instead of 443 (tests).
    pub https_port: Option<u16>,
    /// `[mx] dane_insecure_mx_policy` of the configuration (the CLI passes
    /// the configured one, so the check plans as delivery does).
    pub insecure_mx_policy: InsecureMxPolicy,
    pub json: bool,
}

/// Run the check; prints the report and returns the exit code.
pub async fn run_check(domain: &str, opts: CheckOptions) -> i32 {
    let report = check_report(domain, &opts).await;
    if opts.json {
        println!("{}", to_json(&report));
    } else {
        print_text(&report);
    }
    match report.outcome {
        Outcome::Error => 2,
        Outcome::Refuse => 1,
        _ => 0,
    }
}

/// The check as a JSON report (for tests; `check_report` is the typed one).
pub async fn check(domain: &str, opts: &CheckOptions) -> Value {
    to_json(&check_report(domain, opts).await)
}

/// The check as a typed report.
pub async fn check_report(domain: &str, opts: &CheckOptions) -> CheckReport {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    // The same settings type, and so the same DNS and fetch options, as
    // delivery (`mx::plan`): the check cannot disagree with delivery.
    let cfg = mx_config(opts);
    let fail = |e: String| CheckReport {
        domain: domain.clone(),
        outcome: Outcome::Error,
        error: Some(e),
        summary: None,
        planned: None,
        mx: vec![],
        refusal: None,
    };
    let dns = match Dns::new(cfg.dns_options()).await {
        Ok(d) => d,
        Err(e) => return fail(e.to_string()),
    };
    let fetch = cfg.fetch_options(cfg.mta_sts_https_port);
    let roots = match pkix_roots(cfg.system_ca_file.as_deref(), cfg.ca_file.as_deref()) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let port = cfg.smtp_port;
    let cache = PolicyCache::default();
    let plan = match plan_domain(
        &dns,
        &domain,
        port,
        &cache,
        &fetch,
        cfg.dane_insecure_mx_policy,
    )
    .await
    {
        Ok(p) => p,
        Err(e) => {
            return CheckReport {
                error: Some(e.to_string()),
                outcome: Outcome::Refuse,
                summary: Some(summary(Outcome::Refuse)),
                refusal: Some(match e {
                    PlanError::Dns(_) => Refusal::Temporary,
                    PlanError::NullMx | PlanError::NxDomain => Refusal::Permanent,
                }),
                ..fail(String::new())
            }
        }
    };
    let mta_sts = match &plan.sts {
        StsLookup::NoPolicy => None,
        StsLookup::Policy { id, policy, .. } => Some(StsReport::Policy {
            id: id.clone(),
            mode: policy.mode,
            mx: policy.mx.clone(),
            max_age: policy.max_age,
        }),
        StsLookup::Invalid(e) => Some(StsReport::Invalid {
            error: e.to_string(),
        }),
    };
    let tlsrpt = match dns.txt(&format!("_smtp._tls.{domain}")).await {
        Ok(rs) => TlsRptReport::Rua {
            rua: tlsrpt::parse_txt(&rs.records),
        },
        Err(e) => TlsRptReport::Error {
            error: e.to_string(),
        },
    };
    let nta7516 = match nta7516::lookup(&dns, &domain).await {
        Ok((Some(record), sec)) => Some(NtaReport::Record {
            record,
            dnssec: sec.as_str(),
        }),
        Ok((None, _)) => None,
        Err(e) => Some(NtaReport::Error {
            error: e.to_string(),
        }),
    };

    let mut outcome = Outcome::Refuse;
    let mut via = None;
    let mut mx = Vec::new();
    // The hosts delivery tries, in its order (NTA 7516 hosts first), so the
    // check names the host delivery would use.
    let (hosts, nta) = candidates(&dns, &domain, port, &plan).await;
    // What the route check before "250" decides from these answers.
    let plans: Vec<(&MxPlan, bool)> = hosts
        .iter()
        .map(|(t, s)| (&t.plan, *s == Source::Nta))
        .collect();
    let sts_absent = matches!(plan.sts, StsLookup::NoPolicy);
    let before_250 = DECIDABLE
        .iter()
        .map(|&req| {
            let v = match verdict_for(req, &nta, &plans, sts_absent) {
                Verdict::May => "may".to_string(),
                Verdict::Cannot { reason } => format!("cannot: {reason}"),
                Verdict::Unknown => "unknown".to_string(),
            };
            (req.as_str(), v)
        })
        .collect();
    for (t, source) in hosts.clone() {
        let (achieved, rep) = check_target(&t, source, port, &roots).await;
        if let (Some(a), Outcome::Refuse) = (achieved, outcome) {
            outcome = Outcome::from_achieved(a);
            via = Some(t.host.clone());
        }
        mx.push(rep);
    }
    let refusal = (outcome == Outcome::Refuse).then(|| {
        if mx.iter().any(|m| m.refusal == Some(Refusal::Temporary)) {
            Refusal::Temporary
        } else {
            Refusal::Unusable
        }
    });
    let satisfies = [
        TransportRequirement::None,
        TransportRequirement::Tls,
        TransportRequirement::DaneOrMtaSts,
        TransportRequirement::Dane,
    ]
    .into_iter()
    .map(|req| {
        let ok = outcome.achieved().is_some_and(|a| satisfies(req, a));
        (req.as_str(), ok)
    })
    .collect();
    CheckReport {
        domain,
        outcome,
        error: None,
        summary: Some(summary(outcome)),
        planned: Some(Planned {
            satisfies,
            via,
            dnssec: plan.mx_security.as_str(),
            mta_sts,
            nta7516,
            tlsrpt,
            before_250,
        }),
        mx,
        refusal,
    }
}

/// MX delivery's settings (defaults) with the check's options applied.
fn mx_config(opts: &CheckOptions) -> MxSecurityConfig {
    MxSecurityConfig {
        resolver: opts.resolver,
        dnssec: if opts.trust_ad {
            DnssecMode::TrustAd
        } else {
            DnssecMode::Validate
        },
        trust_anchor: opts.trust_anchor.clone(),
        ca_file: opts.ca.clone(),
        smtp_port: opts.smtp_port.unwrap_or(25),
        mta_sts_https_port: opts.https_port.unwrap_or(443),
        dane_insecure_mx_policy: opts.insecure_mx_policy,
        ..MxSecurityConfig::default()
    }
}

/// Dutch first, then English.
fn summary(outcome: Outcome) -> Bilingual {
    match outcome {
        Outcome::Dane => Bilingual::new(
            "Aflevering met TLS, server bevestigd via DNSSEC en DANE",
            "Delivery with TLS, server authenticated by DNSSEC and DANE",
        ),
        Outcome::DaneInsecureMx => Bilingual::new(
            "Aflevering met TLS, server bevestigd via DANE, maar de MX-records van het domein zijn niet DNSSEC-beveiligd (geen 'dane' voor de transporteis)",
            "Delivery with TLS, server authenticated by DANE, but the domain's MX records are not DNSSEC-signed (not 'dane' for the transport requirement)",
        ),
        Outcome::MtaSts => Bilingual::new(
            "Aflevering met TLS, server bevestigd via MTA-STS",
            "Delivery with TLS, server authenticated by MTA-STS",
        ),
        Outcome::Tls => Bilingual::new(
            "Aflevering met TLS, server niet bevestigd",
            "Delivery with TLS, server not authenticated",
        ),
        Outcome::Plain => Bilingual::new(
            "Aflevering alleen onversleuteld mogelijk",
            "Delivery only possible without encryption",
        ),
        Outcome::Refuse | Outcome::Error => Bilingual::new(
            "Aflevering nu niet mogelijk; bericht blijft in de wachtrij",
            "Delivery not possible now; message stays queued",
        ),
    }
}

/// Open a session to one planned host as delivery would (first address),
/// then QUIT; returns what it achieved when it is usable.
async fn check_target(
    t: &MxTarget,
    source: Source,
    port: u16,
    roots: &rustls::RootCertStore,
) -> (Option<Achieved>, MxReport) {
    let mut rep = MxReport {
        host: t.host.clone(),
        preference: t.preference,
        source: source.as_str(),
        addresses: t.addrs.iter().map(|a| a.to_string()).collect(),
        dnssec: t.dnssec.as_str(),
        cname: t.cname.clone(),
        tlsa_status: match &t.tlsa {
            TlsaFinding::Secure(_) => "secure".to_string(),
            TlsaFinding::SecureNone => "none (authenticated denial)".to_string(),
            TlsaFinding::Insecure => "not used (insecure)".to_string(),
            TlsaFinding::Failed(e) => format!("lookup failed: {e}"),
        },
        tlsa: tlsa_report(&t.tlsa, None),
        tlsa_base: t.tlsa_base.clone(),
        sni: None,
        level: None,
        probe: None,
        result: "refuse",
        error: None,
        refusal: Some(Refusal::Unusable),
    };
    let (level, tlsa) = match &t.plan {
        MxPlan::Use { level, tlsa } => (level, tlsa),
        MxPlan::Skip(why) => {
            rep.error = Some(why.to_string());
            rep.refusal = Some(skip_refusal(why));
            return (None, rep);
        }
    };
    rep.level = Some(level.as_str());
    let Some(ip) = t.addrs.first() else {
        rep.error = Some(SkipReason::NoAddress.to_string());
        return (None, rep);
    };
    let target = Target {
        host: &t.host,
        sni: t.sni(level),
        addr: SocketAddr::new(*ip, port),
        level,
        tlsa,
        names: &t.names,
        pkix_label: match source {
            Source::Nta => "pkix",
            Source::Mx => "mta-sts",
        },
        // What delivery does for a recipient that accepts clear text: an
        // opportunistic host whose STARTTLS fails is retried without TLS.
        plain_fallback: true,
    };
    rep.sni = Some(target.sni.to_string());
    let (client, conn) = match connect(&target, Some(roots), HELO, check_limits()).await {
        Ok(c) => c,
        Err(e) => {
            rep.probe = Some(ProbeReport {
                starttls: e.starttls_offered,
                tls_version: None,
                cipher: None,
                authentication: None,
                tlsrpt_result: e.tlsrpt.map(|f| f.as_str()),
            });
            // A TLS policy failure says something about the host; anything
            // else (no connection, a 4xx greeting) is passing trouble.
            rep.refusal = Some(if e.tlsrpt.is_some() {
                Refusal::Unusable
            } else {
                Refusal::Temporary
            });
            rep.error = Some(e.reason);
            return (None, rep);
        }
    };
    let starttls = conn.achieved != Achieved::Plain || client.caps.starttls;
    client.quit().await;
    let encrypted = conn.achieved != Achieved::Plain;
    rep.tlsa = tlsa_report(&t.tlsa, conn.dane.as_ref().map(|d| d.record()));
    rep.probe = Some(ProbeReport {
        starttls,
        tls_version: encrypted.then(|| conn.tls.version.clone()),
        cipher: encrypted.then(|| conn.tls.cipher.clone()),
        authentication: conn.dane.as_ref().map(|d| d.as_str()),
        tlsrpt_result: conn
            .tls_failed
            .as_ref()
            .and_then(|f| f.tlsrpt)
            .map(|f| f.as_str()),
    });
    if !meets_level(level, conn.achieved) {
        rep.error = Some(format!(
            "achieved {} below level {}",
            conn.achieved.as_str(),
            level.as_str()
        ));
        return (None, rep);
    }
    rep.result = conn.achieved.as_str();
    rep.refusal = None;
    if let Some(f) = &conn.tls_failed {
        rep.error = Some(format!(
            "{}; zonder TLS opnieuw verbonden, zoals delivery doet / reconnected without TLS, as delivery does",
            f.reason
        ));
    }
    (Some(conn.achieved), rep)
}

/// A host the plan skips: a failed lookup is passing trouble, the rest
/// (bogus DNSSEC, not in the MTA-STS policy, no address) is not.
fn skip_refusal(why: &SkipReason) -> Refusal {
    match why {
        SkipReason::TlsaLookup(_) | SkipReason::AddressLookup(_) => Refusal::Temporary,
        SkipReason::Nta(inner) => skip_refusal(inner),
        _ => Refusal::Unusable,
    }
}

fn tlsa_report(finding: &TlsaFinding, matched: Option<&Tlsa>) -> Vec<TlsaReport> {
    match finding {
        TlsaFinding::Secure(recs) => recs
            .iter()
            .map(|r| TlsaReport {
                record: r.to_string(),
                usable: r.is_usable(),
                matched: matched == Some(r),
            })
            .collect(),
        _ => vec![],
    }
}
