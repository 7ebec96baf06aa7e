//! `sluis delivery check DOMAIN`: look a domain up and probe every MX the
//! way delivery would (DNSSEC, TLSA, MTA-STS, STARTTLS with the verifier
//! the MX's security level calls for), then report per MX and overall.
//!
//! Outcome words: `dane`, `mta-sts`, `tls`, `plain` (what the first usable
//! MX in preference order achieved) or `refuse` (no MX can be used now:
//! delivery would defer). Exit code 0 for a usable outcome, 1 for
//! `refuse`, 2 when the check itself cannot start (bad options).
//! Sends no mail; prints no secrets.

use super::dane::Tlsa;
use super::dns::{Dns, DnsOptions, MxAnswer, Negative, Security, TrustAnchorSource, Validation};
use super::mta_sts::PolicyCache;
use super::mta_sts_fetch::{lookup_policy, pkix_roots, FetchOptions, StsLookup};
use super::security::{meets_level, plan_mx, MxPlan, TlsaFinding};
use super::starttls_probe::{probe, ProbeLimits};
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
    let validation = match (&opts.trust_anchor, opts.trust_ad) {
        (_, true) => Validation::TrustAd,
        (Some(p), false) => Validation::SelfValidate(TrustAnchorSource::File(p.clone())),
        (None, false) => Validation::SelfValidate(TrustAnchorSource::IanaRoot),
    };
    let dns_opts = DnsOptions {
        upstream: opts.resolver,
        validation,
        ..DnsOptions::default()
    };
    let fail = |e: String| json!({"domain": domain, "outcome": "error", "error": e, "mx": []});
    let dns = match Dns::new(dns_opts).await {
        Ok(d) => d,
        Err(e) => return fail(e.to_string()),
    };
    let fetch = FetchOptions {
        https_port: opts.https_port.unwrap_or(443),
        extra_ca: opts.ca.clone(),
        ..FetchOptions::default()
    };
    let roots = match pkix_roots(fetch.system_ca.as_deref(), opts.ca.as_deref()) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let port = opts.smtp_port.unwrap_or(25);

    let (mx_security, hosts) = match dns.mx(&domain).await {
        Ok(MxAnswer::Hosts(rs)) | Ok(MxAnswer::Implicit(rs)) => (rs.security, rs.records),
        Ok(MxAnswer::NullMx(s)) => {
            return json!({"domain": domain, "outcome": "refuse", "dnssec": s.as_str(),
                "error": "null MX: the domain accepts no mail", "mx": []})
        }
        Ok(MxAnswer::NxDomain(s)) => {
            return json!({"domain": domain, "outcome": "refuse", "dnssec": s.as_str(),
                "error": "domain does not exist", "mx": []})
        }
        Err(e) => {
            return json!({"domain": domain, "outcome": "refuse", "error": e.to_string(), "mx": []})
        }
    };

    let cache = PolicyCache::default();
    let sts = lookup_policy(&dns, &domain, &cache, &fetch).await;
    let (policy, sts_json) = match &sts {
        StsLookup::NoPolicy => (None, Value::Null),
        StsLookup::Policy { id, policy, .. } => (
            Some(policy.clone()),
            json!({"id": id, "mode": policy.mode, "mx": policy.mx, "max_age": policy.max_age}),
        ),
        StsLookup::Invalid(e) => (None, json!({"error": e.to_string()})),
    };

    let mut outcome = "refuse";
    let mut via = Value::Null;
    let mut mx_reports = Vec::new();
    for mx in &hosts {
        let (ok_word, rep) =
            check_mx(&dns, mx_security, &mx.host, port, policy.as_ref(), &roots).await;
        let mut rep = rep;
        if let Some(obj) = rep.as_object_mut() {
            obj.insert("preference".into(), json!(mx.preference));
        }
        if let (Some(word), "refuse") = (ok_word, outcome) {
            outcome = word;
            via = json!(mx.host);
        }
        mx_reports.push(rep);
    }
    json!({
        "domain": domain,
        "outcome": outcome,
        "via": via,
        "dnssec": mx_security.as_str(),
        "mta_sts": sts_json,
        "mx": mx_reports,
    })
}

/// Check one MX host; returns the outcome word when it is usable.
async fn check_mx(
    dns: &Dns,
    mx_security: Security,
    host: &str,
    port: u16,
    policy: Option<&super::mta_sts::Policy>,
    roots: &rustls::RootCertStore,
) -> (Option<&'static str>, Value) {
    let mut rep = json!({"host": host});
    let addrs = match dns.addrs(host).await {
        Ok(a) => a,
        Err(e) => {
            rep["result"] = json!("refuse");
            rep["error"] = json!(e.to_string());
            return (None, rep);
        }
    };
    rep["addresses"] = json!(addrs
        .records
        .iter()
        .map(|a| a.to_string())
        .collect::<Vec<_>>());
    rep["dnssec"] = json!(addrs.security.as_str());
    if addrs.canonical != addrs.name {
        rep["cname"] = json!(addrs.canonical);
    }
    // TLSA only matters (and is only looked up) when MX and addresses are
    // secure (RFC 7672 §2.2).
    let (finding, names) = if mx_security == Security::Secure && addrs.security == Security::Secure
    {
        tlsa_for(dns, port, host, &addrs.canonical).await
    } else {
        (TlsaFinding::Insecure, vec![host.to_string()])
    };
    rep["tlsa_status"] = json!(match &finding {
        TlsaFinding::Secure(_) => "secure".to_string(),
        TlsaFinding::SecureNone => "none (authenticated denial)".to_string(),
        TlsaFinding::Insecure => "not used (insecure)".to_string(),
        TlsaFinding::Failed(e) => format!("lookup failed: {e}"),
    });
    let plan = plan_mx(mx_security, addrs.security, &finding, policy, host);
    let (level, tlsa) = match plan {
        MxPlan::Use { level, tlsa } => (level, tlsa),
        MxPlan::Skip(why) => {
            rep["tlsa"] = tlsa_json(&finding, None);
            rep["result"] = json!("refuse");
            rep["error"] = json!(why);
            return (None, rep);
        }
    };
    rep["level"] = json!(level.as_str());
    let Some(ip) = addrs.records.first() else {
        rep["result"] = json!("refuse");
        rep["error"] = json!("no address records");
        return (None, rep);
    };
    let limits = ProbeLimits::default();
    let addr = SocketAddr::new(*ip, port);
    let (res, seen) = probe(addr, host, &level, &tlsa, &names, roots, &limits).await;
    rep["tlsa"] = tlsa_json(&finding, seen.dane.as_ref().map(|d| d.record()));
    rep["starttls"] = json!(seen.starttls_offered);
    rep["tls_version"] = json!(seen.tls_version);
    rep["cipher"] = json!(seen.cipher);
    rep["authentication"] = json!(seen.dane.as_ref().map(|d| d.as_str()));
    match res {
        Ok(achieved) if meets_level(&level, achieved) => {
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
        Err(e) => {
            rep["result"] = json!("refuse");
            rep["error"] = json!(e.to_string());
            (None, rep)
        }
    }
}

/// TLSA for an MX host per RFC 7672 §2.2.2: with a (secure) CNAME, first
/// at the final target, then at the original name. Returns the finding and
/// the reference identifiers for DANE-TA name checks.
async fn tlsa_for(dns: &Dns, port: u16, host: &str, canonical: &str) -> (TlsaFinding, Vec<String>) {
    let mut names = vec![host.to_string()];
    let mut bases = Vec::new();
    if canonical != host {
        names.push(canonical.to_string());
        bases.push(canonical.to_string());
    }
    bases.push(host.to_string());
    let mut last = TlsaFinding::SecureNone;
    for base in bases {
        last = match dns.tlsa(port, &base).await {
            Err(e) => TlsaFinding::Failed(e.to_string()),
            Ok(rs) if rs.security == Security::Bogus => TlsaFinding::Failed("bogus".into()),
            Ok(rs) if rs.security == Security::Insecure => TlsaFinding::Insecure,
            Ok(rs) if !rs.records.is_empty() => TlsaFinding::Secure(rs.records),
            Ok(rs) if matches!(rs.negative, Some(Negative::NoData | Negative::NxDomain)) => {
                TlsaFinding::SecureNone
            }
            Ok(_) => TlsaFinding::SecureNone,
        };
        if !matches!(last, TlsaFinding::SecureNone) {
            break;
        }
    }
    (last, names)
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
    println!("dnssec   {}", s(r, "dnssec"));
    println!("mta-sts  {}", s(r, "mta_sts"));
    if let Some(e) = r.get("error") {
        println!("error    {e}");
    }
    for m in r.get("mx").and_then(Value::as_array).into_iter().flatten() {
        println!("mx {} (pref {})", s(m, "host"), s(m, "preference"));
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
            "result",
            "error",
        ] {
            if m.get(k).is_some_and(|v| !v.is_null()) {
                println!("    {k:<15}{}", s(m, k));
            }
        }
    }
    println!("outcome  {} (via {})", s(r, "outcome"), s(r, "via"));
}
