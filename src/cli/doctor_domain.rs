//! `sluis doctor --domain D`: the practice's own domain as recipients see
//! it, one finding per record, Dutch first, then English, each with the
//! exact records to add when one is missing or wrong:
//!
//! - DNSSEC of the zone (TLSA and NTA 7516 count only in a signed zone);
//! - SPF covers the addresses Sluis sends from (`--sending-ip`, else the
//!   addresses of `server.hostname`; with a relay host, the relay's own
//!   record is the relay provider's business);
//! - DKIM: the TXT record of every configured key's selector for D matches
//!   the key Sluis signs notifications with;
//! - DMARC, MTA-STS and TLS-RPT records;
//! - TLSA for the submission host (`server.hostname`, each listener's port)
//!   and the portal host (`pickup.base_url`), against the served
//!   certificate (`3 1 1`, its public key, so a renewal with the same key
//!   keeps it valid);
//! - NTA 7516: published and current, or whether one could be published
//!   (a signed zone whose MX hosts all have DANE) and the record to add.
//!
//! Reads DNS only (DNSSEC-validated as delivery does: `[mx]` settings,
//! overridable); a DNS failure is a failed finding, never "no record".
//! The pure judgement of each answer is in `doctor_records` (mail
//! authentication) and `doctor_transport` (DNSSEC, TLSA, NTA 7516).

use super::doctor::Status;
use super::doctor_records::{self as rec, Finding};
use super::doctor_transport as transport;
use crate::config::Config;
use crate::net::dns::{Dns, DnsError, MxAnswer, RecordSet, Security};
use std::net::IpAddr;
use std::path::PathBuf;

/// What the command line adds to the configuration.
#[derive(Clone, Debug, Default)]
pub struct DomainOptions {
    pub resolver: Option<std::net::SocketAddr>,
    pub trust_anchor: Option<PathBuf>,
    pub trust_ad: bool,
    /// Addresses SPF must cover; empty: those of `server.hostname`.
    pub sending_ips: Vec<IpAddr>,
}

/// Most DNS lookups one SPF evaluation may make (RFC 7208 §4.6.4).
const SPF_MAX_LOOKUPS: u32 = 10;

pub async fn run(config: &Config, domain: &str, opts: &DomainOptions) -> Vec<Finding> {
    let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let mut mx = config.mx.clone();
    if opts.resolver.is_some() {
        mx.resolver = opts.resolver;
    }
    if opts.trust_anchor.is_some() {
        mx.trust_anchor = opts.trust_anchor.clone();
    }
    if opts.trust_ad {
        mx.dnssec = crate::config::DnssecMode::TrustAd;
    }
    let dns = match Dns::new(mx.dns_options()).await {
        Ok(d) => d,
        Err(e) => {
            return vec![Finding::new(
                "dns",
                Status::Fail,
                format!("DNS niet bruikbaar: {e}"),
                format!("DNS not usable: {e}"),
            )]
        }
    };
    let mut out = Vec::new();
    let apex = dns.txt(&d).await;
    let secure = matches!(&apex, Ok(rs) if rs.security == Security::Secure);
    out.push(transport::dnssec(&d, &apex));

    // SPF.
    let ips = sending_ips(&dns, config, opts).await;
    let mut covered = Vec::new();
    if let Ok(rs) = &apex {
        for ip in &ips {
            let mut lookups = 0;
            covered.push((*ip, spf_covers(&dns, &d, *ip, &mut lookups, 0).await));
        }
        out.push(rec::spf(
            &d,
            &rs.records,
            &covered,
            config.delivery.relay.is_some(),
        ));
    }

    // DKIM, for every key Sluis signs with in this domain.
    let keys = rec::dkim_keys(config, &d);
    if keys.is_empty() {
        out.push(rec::no_dkim_key(&d));
    }
    for k in keys {
        let name = format!("{}._domainkey.{d}", k.selector);
        out.push(rec::dkim(&name, &k, &dns.txt(&name).await));
    }

    let dmarc = format!("_dmarc.{d}");
    out.push(rec::dmarc(&d, &dns.txt(&dmarc).await));
    let mx_answer = dns.mx(&d).await;
    let mx_hosts: Vec<(u16, String)> = match &mx_answer {
        Ok(MxAnswer::Hosts(rs)) => rs
            .records
            .iter()
            .map(|m| (m.preference, m.host.clone()))
            .collect(),
        _ => vec![],
    };
    let sts = format!("_mta-sts.{d}");
    out.push(rec::mta_sts(&d, &dns.txt(&sts).await, &mx_hosts));
    let rpt = format!("_smtp._tls.{d}");
    out.push(rec::tls_rpt(&d, &dns.txt(&rpt).await));

    // TLSA for the hosts Sluis answers on.
    let cert = transport::served_tlsa(&config.tls.certificate);
    let host = config
        .server
        .hostname
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let mut ports: Vec<u16> = config
        .server
        .listeners
        .iter()
        .map(|l| l.address.port())
        .collect();
    ports.sort_unstable();
    ports.dedup();
    for port in ports {
        let answer = dns.tlsa(port, &host).await;
        out.push(transport::tlsa("submission", &host, port, &cert, &answer));
    }
    if let Some((phost, pport)) = transport::url_host_port(&config.pickup.base_url) {
        let answer = dns.tlsa(pport, &phost).await;
        out.push(transport::tlsa("portal", &phost, pport, &cert, &answer));
    }

    // NTA 7516: published, or could it be?
    let mut mx_dane = Vec::new();
    for (_, h) in &mx_hosts {
        let ok = matches!(dns.tlsa(25, h).await,
            Ok(rs) if rs.security == Security::Secure && !rs.records.is_empty());
        mx_dane.push((h.clone(), ok));
    }
    if let Ok(rs) = &apex {
        out.push(transport::nta7516(
            &d,
            rs,
            secure,
            &mx_hosts,
            &mx_dane,
            &config.pickup.practice_name,
        ));
    }
    out
}

/// The addresses SPF must cover: given, else those of `server.hostname`.
async fn sending_ips(dns: &Dns, config: &Config, opts: &DomainOptions) -> Vec<IpAddr> {
    if !opts.sending_ips.is_empty() || config.delivery.relay.is_some() {
        return opts.sending_ips.clone();
    }
    match dns.addrs(&config.server.hostname).await {
        Ok(rs) => rs.records,
        Err(_) => vec![],
    }
}

/// Does `domain`'s SPF record give `ip` a pass? `Ok(None)`: no mechanism
/// matched (neutral). A subset of RFC 7208: `all`, `ip4`, `ip6`, `a`, `mx`
/// (with optional domain and prefix), `include`, `redirect`; `exists` and
/// `ptr` count as a lookup and never match. At most [`SPF_MAX_LOOKUPS`].
fn spf_covers<'a>(
    dns: &'a Dns,
    domain: &'a str,
    ip: IpAddr,
    lookups: &'a mut u32,
    depth: u32,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Option<bool>, String>> + Send + 'a>>
{
    Box::pin(async move {
        if depth > SPF_MAX_LOOKUPS {
            return Err("SPF: too deeply nested".into());
        }
        let rs = dns.txt(domain).await.map_err(|e| e.to_string())?;
        let spf: Vec<&String> = rs.records.iter().filter(|r| rec::is_spf(r)).collect();
        let [record] = spf.as_slice() else {
            return Err(format!("{domain}: {} SPF records", spf.len()));
        };
        let mut redirect = None;
        for term in record.split_whitespace().skip(1) {
            if let Some(target) = term.strip_prefix("redirect=") {
                redirect = Some(target.to_string());
                continue;
            }
            let (pass, mech) = match term.as_bytes().first() {
                Some(b'+') => (true, &term[1..]),
                Some(b'-' | b'~' | b'?') => (false, &term[1..]),
                _ => (true, term),
            };
            let (name, arg) = match mech.split_once([':', '/']) {
                Some((n, _)) => (n, mech.get(n.len()..).unwrap_or("")),
                None => (mech, ""),
            };
            let matched = match name.to_ascii_lowercase().as_str() {
                "all" => true,
                "ip4" | "ip6" => rec::cidr_contains(arg.trim_start_matches(':'), ip),
                "a" | "mx" => {
                    *lookups += 1;
                    if *lookups > SPF_MAX_LOOKUPS {
                        return Err("SPF: more than 10 DNS lookups".into());
                    }
                    let (target, prefix) = rec::target_and_prefix(arg, domain, ip);
                    let hosts = if name.eq_ignore_ascii_case("mx") {
                        match dns.mx(&target).await.map_err(|e| e.to_string())? {
                            MxAnswer::Hosts(rs) => rs.records.into_iter().map(|m| m.host).collect(),
                            _ => vec![],
                        }
                    } else {
                        vec![target]
                    };
                    let mut any = false;
                    for h in hosts {
                        let addrs: Result<RecordSet<IpAddr>, DnsError> = dns.addrs(&h).await;
                        if let Ok(a) = addrs {
                            any |= a.records.iter().any(|x| rec::same_net(*x, ip, prefix));
                        }
                    }
                    any
                }
                "include" => {
                    *lookups += 1;
                    if *lookups > SPF_MAX_LOOKUPS {
                        return Err("SPF: more than 10 DNS lookups".into());
                    }
                    let target = arg.trim_start_matches(':').to_string();
                    spf_covers(dns, &target, ip, lookups, depth + 1).await? == Some(true)
                }
                "exists" | "ptr" => {
                    *lookups += 1;
                    false
                }
                _ => false,
            };
            if matched {
                return Ok(Some(pass));
            }
        }
        match redirect {
            Some(target) => {
                *lookups += 1;
                spf_covers(dns, &target, ip, lookups, depth + 1).await
            }
            None => Ok(None),
        }
    })
}

/// Print the findings for people: one line each, the records to add
/// indented below it. Exit code 1 when any failed.
pub fn print(findings: &[Finding]) -> i32 {
    for f in findings {
        println!("{}  {} / {}", f.status_label(), f.nl, f.en);
        for a in &f.add {
            println!("      {a}");
        }
    }
    i32::from(findings.iter().any(|f| f.status == Status::Fail))
}

/// One JSON object per finding per line.
pub fn print_json(findings: &[Finding]) -> i32 {
    for f in findings {
        println!("{}", f.to_json());
    }
    i32::from(findings.iter().any(|f| f.status == Status::Fail))
}
