//! The judgement behind `sluis doctor --domain`, transport part: DNSSEC of
//! the zone, TLSA of the hosts Sluis answers on (against the served
//! certificate, read here) and NTA 7516 (published, or could it be). Pure
//! but for reading the certificate; `doctor_domain` does the lookups.

use super::doctor::Status;
use super::doctor_records::{dns_failed, f, txt_line, Finding};
use crate::delivery::tls_policy::nta7516::{self, YearMonth};
use crate::net::dns::{DnsError, RecordSet, Security, Tlsa};
use std::path::Path;

pub fn dnssec(domain: &str, apex: &Result<RecordSet<String>, DnsError>) -> Finding {
    match apex {
        Ok(rs) if rs.security == Security::Secure => f(
            "dnssec",
            Status::Ok,
            format!("{domain} is met DNSSEC ondertekend"),
            format!("{domain} is signed with DNSSEC"),
        ),
        Ok(_) => f(
            "dnssec",
            Status::Warn,
            format!("{domain} is niet met DNSSEC ondertekend: TLSA en NTA 7516 tellen dan niet; vraag uw DNS-beheerder DNSSEC aan te zetten"),
            format!("{domain} is not signed with DNSSEC: TLSA and NTA 7516 do not count without it; ask your DNS provider to turn DNSSEC on"),
        ),
        Err(DnsError::Bogus { .. }) => f(
            "dnssec",
            Status::Fail,
            format!("{domain}: DNSSEC ongeldig (bogus): ontvangers kunnen uw domein niet vertrouwen"),
            format!("{domain}: DNSSEC invalid (bogus): recipients cannot trust your domain"),
        ),
        Err(e) => dns_failed("dnssec", domain, e),
    }
}

/// `3 1 1` of the first certificate in the served file.
pub fn served_tlsa(path: &Path) -> Result<Tlsa, String> {
    use sha2::Digest;
    let pem = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let der = rustls_pemfile::certs(&mut pem.as_slice())
        .next()
        .and_then(Result::ok)
        .ok_or_else(|| format!("{}: no certificate", path.display()))?;
    let (_, cert) = x509_parser::parse_x509_certificate(der.as_ref())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Tlsa {
        usage: 3,
        selector: 1,
        matching: 1,
        data: sha2::Sha256::digest(cert.tbs_certificate.subject_pki.raw).to_vec(),
    })
}

/// Host and port of an `https://host[:port]/...` URL.
pub fn url_host_port(url: &str) -> Option<(String, u16)> {
    let rest = url.strip_prefix("https://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') || h.ends_with(']') => (h, p.parse().ok()?),
        _ => (authority, 443),
    };
    let host = host
        .trim_matches(['[', ']'])
        .trim_end_matches('.')
        .to_ascii_lowercase();
    (!host.is_empty()).then_some((host, port))
}

pub fn tlsa(
    what: &'static str,
    host: &str,
    port: u16,
    cert: &Result<Tlsa, String>,
    answer: &Result<RecordSet<Tlsa>, DnsError>,
) -> Finding {
    let name = format!("_{port}._tcp.{host}");
    let (nl_what, en_what) = match what {
        "portal" => ("portaal", "portal"),
        _ => ("verzending", "submission"),
    };
    let cert = match cert {
        Ok(c) => c,
        Err(e) => {
            return f(
                "tlsa",
                Status::Warn,
                format!("{name} ({nl_what}): certificaat onleesbaar: {e}"),
                format!("{name} ({en_what}): certificate unreadable: {e}"),
            )
        }
    };
    let rs = match answer {
        Ok(rs) => rs,
        Err(e) => return dns_failed("tlsa", &name, e),
    };
    let line = format!("{name}. 3600 IN TLSA {cert}");
    let matches = rs.records.iter().any(|t| {
        (t.usage == 3 || t.usage == 1) && t.selector == 1 && t.matching == 1 && t.data == cert.data
    });
    if rs.records.is_empty() {
        f(
            "tlsa",
            Status::Warn,
            format!("{name} ({nl_what}): geen TLSA-record"),
            format!("{name} ({en_what}): no TLSA record"),
        )
        .add(line)
    } else if rs.security != Security::Secure {
        f(
            "tlsa",
            Status::Warn,
            format!("{name} ({nl_what}): TLSA in een zone zonder DNSSEC telt niet"),
            format!("{name} ({en_what}): TLSA in a zone without DNSSEC does not count"),
        )
    } else if matches {
        f(
            "tlsa",
            Status::Ok,
            format!("{name} ({nl_what}): TLSA past bij het certificaat"),
            format!("{name} ({en_what}): TLSA matches the certificate"),
        )
    } else {
        f(
            "tlsa",
            Status::Fail,
            format!("{name} ({nl_what}): TLSA past niet bij het certificaat; DANE-clients weigeren de verbinding"),
            format!("{name} ({en_what}): TLSA does not match the certificate; DANE clients refuse the connection"),
        )
        .add(line)
    }
}

pub fn nta7516(
    domain: &str,
    apex: &RecordSet<String>,
    secure: bool,
    mx: &[(u16, String)],
    mx_dane: &[(String, bool)],
    practice: &str,
) -> Finding {
    let now = YearMonth::now();
    if let Some(r) = nta7516::current(&apex.records, now) {
        let hosts: Vec<String> = r.mx.iter().map(|(p, h)| format!("{p} {h}")).collect();
        return if secure {
            f(
                "nta7516",
                Status::Ok,
                format!(
                    "{domain}: NTA 7516-record gepubliceerd, geldig tot {:04}-{:02} (ntamx {})",
                    r.end.year,
                    r.end.month,
                    hosts.join(", ")
                ),
                format!(
                    "{domain}: NTA 7516 record published, valid until {:04}-{:02} (ntamx {})",
                    r.end.year,
                    r.end.month,
                    hosts.join(", ")
                ),
            )
        } else {
            f(
                "nta7516",
                Status::Warn,
                format!("{domain}: NTA 7516-record in een zone zonder DNSSEC: zenders negeren het"),
                format!("{domain}: NTA 7516 record in a zone without DNSSEC: senders ignore it"),
            )
        };
    }
    let no_dane: Vec<&str> = mx_dane
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(h, _)| h.as_str())
        .collect();
    let why_not = if !secure {
        Some((
            "de zone is niet met DNSSEC ondertekend".to_string(),
            "the zone is not signed with DNSSEC".to_string(),
        ))
    } else if mx.is_empty() {
        Some((
            "het domein heeft geen MX-record".to_string(),
            "the domain has no MX record".to_string(),
        ))
    } else if !no_dane.is_empty() {
        Some((
            format!("MX zonder DANE (TLSA): {}", no_dane.join(", ")),
            format!("MX without DANE (TLSA): {}", no_dane.join(", ")),
        ))
    } else {
        None
    };
    match why_not {
        Some((nl, en)) => f(
            "nta7516",
            Status::Warn,
            format!(
                "{domain}: geen NTA 7516-record, en er kan er nog geen gepubliceerd worden: {nl}"
            ),
            format!("{domain}: no NTA 7516 record, and none can be published yet: {en}"),
        ),
        None => {
            let end = YearMonth {
                year: now.year.saturating_add(1),
                month: now.month,
            };
            let ntamx: Vec<String> = mx.iter().map(|(p, h)| format!("ntamx={p} {h}")).collect();
            let provider: String = practice
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
                .collect();
            f(
                "nta7516",
                Status::Warn,
                format!("{domain}: geen NTA 7516-record; het kan gepubliceerd worden (DNSSEC en DANE op elke MX), als uw mailinrichting aan NTA 7516 voldoet"),
                format!("{domain}: no NTA 7516 record; one can be published (DNSSEC and DANE on every MX), if your mail set-up meets NTA 7516"),
            )
            .add(txt_line(
                domain,
                &format!(
                    "v=NTA7516-1;startdate={:04}-{:02};enddate={:04}-{:02};provider={};{}",
                    now.year,
                    now.month,
                    end.year,
                    end.month,
                    provider.trim(),
                    ntamx.join(";")
                ),
            ))
        }
    }
}
