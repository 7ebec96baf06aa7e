//! `sluis delivery check DOMAIN`: look a domain up and probe every host the
//! way delivery would (the `ntamx` hosts of a current, DNSSEC-secure NTA 7516
//! record first, then the MX hosts; DNSSEC, TLSA, MTA-STS, STARTTLS with the
//! verifier the host's security level calls for), then report per host
//! (with `source`: `nta7516` or `mx`) and overall.
//!
//! Outcome words: `dane`, `mta-sts`, `tls`, `plain` (what the first usable
//! MX in preference order achieved) or `refuse` (no MX can be used now:
//! delivery would defer). Exit code 0 for a usable outcome, 1 for
//! `refuse`, 2 when the check itself cannot start (bad options).
//! Sends no mail; prints no secrets.

use crate::config::{DnssecMode, MxSecurityConfig};
use crate::delivery::client::probe::{probe, ProbeError, ProbeLimits};
use crate::delivery::mx::plan::{plan_domain, MxFetchOptions, MxTarget};
use crate::delivery::mx::rules::nta_targets;
use crate::delivery::tls_policy::levels::{
    meets_level, satisfies, Achieved, MxPlan, SecurityLevel, TlsaFinding,
};
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tls_policy::mta_sts_fetch::StsLookup;
use crate::delivery::{tls_policy::nta7516, tlsrpt};
use crate::net::dns::Dns;
use crate::net::dns::Tlsa;
use crate::net::tls::pkix_roots;
use crate::types::{Bilingual, TransportRequirement};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;

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
    pub json: bool,
}

/// Run the check; prints the report and returns the exit code.
pub async fn run_check(domain: &str, opts: CheckOptions) -> i32 {
    let report = check(domain, &opts).await;
    if opts.json {
        println!("{report}");
    } else {
        print_text(&report);
    }
    match report.get("outcome").and_then(Value::as_str) {
        Some("error") => 2,
        Some("refuse") => 1,
        _ => 0,
    }
}

/// The check as a JSON report (also used by tests).
pub async fn check(domain: &str, opts: &CheckOptions) -> Value {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    // The same settings type, and so the same DNS and fetch options, as
    // delivery (`mx::plan`): the check cannot disagree with delivery.
    let cfg = mx_config(opts);
    let fail = |e: String| json!({"domain": domain, "outcome": "error", "error": e, "mx": []});
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
    let plan = match plan_domain(&dns, &domain, port, &cache, &fetch).await {
        Ok(p) => p,
        Err(e) => {
            return json!({"domain": domain, "outcome": "refuse", "error": e.to_string(),
                "summary": summary("refuse"), "mx": []})
        }
    };
    let sts_json = match &plan.sts {
        StsLookup::NoPolicy => Value::Null,
        StsLookup::Policy { id, policy, .. } => {
            json!({"id": id, "mode": policy.mode, "mx": policy.mx, "max_age": policy.max_age})
        }
        StsLookup::Invalid(e) => json!({"error": e.to_string()}),
    };
    let tlsrpt = match dns.txt(&format!("_smtp._tls.{domain}")).await {
        Ok(rs) => json!({"rua": tlsrpt::parse_txt(&rs.records)}),
        Err(e) => json!({"error": e.to_string()}),
    };
    let nta = match nta7516::lookup(&dns, &domain).await {
        Ok((Some(r), sec)) => json!({"record": r, "dnssec": sec.as_str()}),
        Ok((None, _)) => Value::Null,
        Err(e) => json!({"error": e.to_string()}),
    };

    let mut outcome = "refuse";
    let mut via = Value::Null;
    let mut mx_reports = Vec::new();
    // Delivery tries the hosts of a current, DNSSEC-secure NTA 7516 record
    // before the ordinary MX hosts (mx::deliver); the check probes the same
    // hosts in the same order, so it names the host delivery would use.
    let nta_hosts = nta_targets(&dns, &domain, port).await;
    let candidates = nta_hosts
        .iter()
        .map(|t| (t, "nta7516"))
        .chain(plan.targets.iter().map(|t| (t, "mx")));
    for (t, source) in candidates {
        let (word, mut rep) = check_target(t, port, &roots).await;
        rep["source"] = json!(source);
        if let (Some(word), "refuse") = (word, outcome) {
            outcome = word;
            via = json!(t.host);
        }
        mx_reports.push(rep);
    }
    let achieved = match outcome {
        "dane" => Some(Achieved::Dane),
        "mta-sts" => Some(Achieved::MtaSts),
        "tls" => Some(Achieved::Tls),
        "plain" => Some(Achieved::Plain),
        _ => None,
    };
    let mut meets = serde_json::Map::new();
    for req in [
        TransportRequirement::None,
        TransportRequirement::Tls,
        TransportRequirement::DaneOrMtaSts,
        TransportRequirement::Dane,
    ] {
        let ok = achieved.is_some_and(|a| satisfies(req, a));
        meets.insert(req.as_str().to_string(), json!(ok));
    }
    json!({
        "domain": domain,
        "outcome": outcome,
        "satisfies": meets,
        "summary": summary(outcome),
        "via": via,
        "dnssec": plan.mx_security.as_str(),
        "mta_sts": sts_json,
        "nta7516": nta,
        "tlsrpt": tlsrpt,
        "mx": mx_reports,
    })
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
        ..MxSecurityConfig::default()
    }
}

/// Dutch first, then English.
fn summary(outcome: &str) -> Value {
    let b = match outcome {
        "dane" => Bilingual::new(
            "Aflevering met TLS, server bevestigd via DNSSEC en DANE",
            "Delivery with TLS, server authenticated by DNSSEC and DANE",
        ),
        "mta-sts" => Bilingual::new(
            "Aflevering met TLS, server bevestigd via MTA-STS",
            "Delivery with TLS, server authenticated by MTA-STS",
        ),
        "tls" => Bilingual::new(
            "Aflevering met TLS, server niet bevestigd",
            "Delivery with TLS, server not authenticated",
        ),
        "plain" => Bilingual::new(
            "Aflevering alleen onversleuteld mogelijk",
            "Delivery only possible without encryption",
        ),
        _ => Bilingual::new(
            "Aflevering nu niet mogelijk; bericht blijft in de wachtrij",
            "Delivery not possible now; message stays queued",
        ),
    };
    json!(b)
}

/// Probe one planned MX; returns the outcome word when it is usable.
async fn check_target(
    t: &MxTarget,
    port: u16,
    roots: &rustls::RootCertStore,
) -> (Option<&'static str>, Value) {
    let mut rep = json!({
        "host": t.host,
        "preference": t.preference,
        "addresses": t.addrs.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
        "dnssec": t.dnssec.as_str(),
        "cname": t.cname,
        "tlsa_status": match &t.tlsa {
            TlsaFinding::Secure(_) => "secure".to_string(),
            TlsaFinding::SecureNone => "none (authenticated denial)".to_string(),
            TlsaFinding::Insecure => "not used (insecure)".to_string(),
            TlsaFinding::Failed(e) => format!("lookup failed: {e}"),
        },
        "tlsa": tlsa_json(&t.tlsa, None),
    });
    let (level, tlsa) = match &t.plan {
        MxPlan::Use { level, tlsa } => (level, tlsa),
        MxPlan::Skip(why) => {
            rep["result"] = json!("refuse");
            rep["error"] = json!(why);
            return (None, rep);
        }
    };
    rep["level"] = json!(level.as_str());
    let Some(ip) = t.addrs.first() else {
        rep["result"] = json!("refuse");
        rep["error"] = json!("no address records");
        return (None, rep);
    };
    let limits = ProbeLimits::default();
    let addr = SocketAddr::new(*ip, port);
    let (res, seen) = probe(addr, &t.host, level, tlsa, &t.names, roots, &limits).await;
    rep["tlsa"] = tlsa_json(&t.tlsa, seen.dane.as_ref().map(|d| d.record()));
    rep["starttls"] = json!(seen.starttls_offered);
    rep["tls_version"] = json!(seen.tls_version);
    rep["cipher"] = json!(seen.cipher);
    rep["authentication"] = json!(seen.dane.as_ref().map(|d| d.as_str()));
    rep["tlsrpt_result"] = json!(seen.failure.map(|f| f.as_str()));
    match res {
        Ok(achieved) if meets_level(level, achieved) => {
            rep["result"] = json!(achieved.as_str());
            (Some(achieved.as_str()), rep)
        }
        Ok(achieved) => {
            rep["result"] = json!("refuse");
            rep["error"] = json!(format!(
                "achieved {} below level {}",
                achieved.as_str(),
                level.as_str()
            ));
            (None, rep)
        }
        // Opportunistic TLS that fails: delivery retries without TLS
        // (as Postfix does at level `may`).
        Err(e @ ProbeError::Tls(_)) if *level == SecurityLevel::Opportunistic => {
            rep["result"] = json!("plain");
            rep["error"] = json!(format!("{e}; delivery would retry without TLS"));
            (Some("plain"), rep)
        }
        Err(e) => {
            rep["result"] = json!("refuse");
            rep["error"] = json!(e.to_string());
            (None, rep)
        }
    }
}

fn tlsa_json(finding: &TlsaFinding, matched: Option<&Tlsa>) -> Value {
    match finding {
        TlsaFinding::Secure(recs) => json!(recs
            .iter()
            .map(|r| json!({"record": r.to_string(), "usable": r.is_usable(),
                "matched": matched == Some(r)}))
            .collect::<Vec<_>>()),
        _ => json!([]),
    }
}

fn print_text(r: &Value) {
    let s = |v: &Value, k: &str| {
        v.get(k)
            .map(|x| match x {
                Value::String(s) => s.clone(),
                Value::Null => "-".into(),
                other => other.to_string(),
            })
            .unwrap_or_else(|| "-".into())
    };
    println!("domain   {}", s(r, "domain"));
    println!("nta7516  {}", s(r, "nta7516"));
    println!("tls-rpt  {}", s(r, "tlsrpt"));
    println!("dnssec   {}", s(r, "dnssec"));
    println!("mta-sts  {}", s(r, "mta_sts"));
    if let Some(e) = r.get("error") {
        println!("error    {e}");
    }
    for m in r.get("mx").and_then(Value::as_array).into_iter().flatten() {
        println!(
            "mx {} (pref {}, from {})",
            s(m, "host"),
            s(m, "preference"),
            s(m, "source")
        );
        for k in [
            "addresses",
            "dnssec",
            "cname",
            "tlsa_status",
            "tlsa",
            "level",
            "starttls",
            "tls_version",
            "authentication",
            "tlsrpt_result",
            "result",
            "error",
        ] {
            if m.get(k).is_some_and(|v| !v.is_null()) {
                println!("    {k:<15}{}", s(m, k));
            }
        }
    }
    println!("outcome  {} (via {})", s(r, "outcome"), s(r, "via"));
    println!("meets    {}", s(r, "satisfies"));
    if let Some(b) = r.get("summary") {
        println!("         {} / {}", s(b, "nl"), s(b, "en"));
    }
}
