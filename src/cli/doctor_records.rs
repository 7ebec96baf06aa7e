//! The judgement behind `sluis doctor --domain`, mail authentication part:
//! from DNS answers (and the DKIM keys they are compared with) to findings
//! for SPF, DKIM, DMARC, MTA-STS and TLS-RPT, each with the exact zone-file
//! records to add. No DNS here; `doctor_domain` does the lookups. DNSSEC,
//! TLSA and NTA 7516 are in `doctor_transport`.

use super::doctor::Status;
use crate::config::{Config, DkimAlgorithm};
use crate::net::dns::{DnsError, RecordSet};
use std::net::IpAddr;
use std::path::Path;

/// One finding: which record, how it is, in Dutch and English, and the
/// records to add (zone-file lines) when one is missing or wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub check: &'static str,
    pub status: Status,
    pub nl: String,
    pub en: String,
    pub add: Vec<String>,
}

impl Finding {
    pub fn new(check: &'static str, status: Status, nl: String, en: String) -> Finding {
        Finding {
            check,
            status,
            nl,
            en,
            add: vec![],
        }
    }

    pub(super) fn add(mut self, record: String) -> Finding {
        self.add.push(record);
        self
    }

    pub fn status_label(&self) -> &'static str {
        match self.status {
            Status::Ok => "OK         ",
            Status::Warn => "LET OP/WARN",
            Status::Fail => "FOUT/FAIL  ",
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "check": self.check,
            "status": match self.status {
                Status::Ok => "ok",
                Status::Warn => "warn",
                Status::Fail => "fail",
            },
            "nl": self.nl,
            "en": self.en,
            "add": self.add,
        })
    }
}

pub(super) fn f(
    check: &'static str,
    status: Status,
    nl: impl Into<String>,
    en: impl Into<String>,
) -> Finding {
    Finding::new(check, status, nl.into(), en.into())
}

pub(super) fn dns_failed(check: &'static str, name: &str, e: &DnsError) -> Finding {
    f(
        check,
        Status::Fail,
        format!("{name}: DNS-fout, opnieuw proberen ({e})"),
        format!("{name}: DNS failure, try again ({e})"),
    )
}

/// TXT record data as zone-file strings of at most 255 bytes each.
pub fn txt_rdata(text: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(255);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        parts.push(format!(
            "\"{}\"",
            head.replace('\\', "\\\\").replace('"', "\\\"")
        ));
        rest = tail;
    }
    parts.join(" ")
}

pub(super) fn txt_line(name: &str, text: &str) -> String {
    format!("{name}. 3600 IN TXT {}", txt_rdata(text))
}

pub fn is_spf(record: &str) -> bool {
    let r = record.trim().to_ascii_lowercase();
    r == "v=spf1" || r.starts_with("v=spf1 ")
}

/// SPF: one record that passes every sending address.
pub fn spf(
    domain: &str,
    apex: &[String],
    covered: &[(IpAddr, Result<Option<bool>, String>)],
    relay: bool,
) -> Finding {
    let records: Vec<&String> = apex.iter().filter(|r| is_spf(r)).collect();
    let mechs: Vec<String> = covered
        .iter()
        .map(|(ip, _)| match ip {
            IpAddr::V4(a) => format!("ip4:{a}"),
            IpAddr::V6(a) => format!("ip6:{a}"),
        })
        .collect();
    let suggest = |existing: Option<&str>| -> String {
        let rest = existing
            .map(|r| r.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| "-all".into());
        let mut terms = vec!["v=spf1".to_string()];
        terms.extend(mechs.iter().cloned());
        terms.push(rest);
        txt_line(domain, &terms.join(" "))
    };
    match records.as_slice() {
        [] => {
            let finding = f(
                "spf",
                Status::Fail,
                format!("{domain}: geen SPF-record"),
                format!("{domain}: no SPF record"),
            );
            if mechs.is_empty() {
                finding
            } else {
                finding.add(suggest(None))
            }
        }
        [_, _, ..] => f(
            "spf",
            Status::Fail,
            format!(
                "{domain}: {} SPF-records; er mag er maar één zijn",
                records.len()
            ),
            format!(
                "{domain}: {} SPF records; there must be only one",
                records.len()
            ),
        ),
        [record] => {
            if covered.is_empty() {
                let (nl, en) = if relay {
                    ("SPF aanwezig; Sluis verstuurt via een relay: controleer dat het record de relay noemt (of geef --sending-ip)",
                     "SPF present; Sluis sends through a relay host: check that the record names the relay (or give --sending-ip)")
                } else {
                    (
                        "SPF aanwezig; geen verzendadres bekend (geef --sending-ip)",
                        "SPF present; no sending address known (give --sending-ip)",
                    )
                };
                return f(
                    "spf",
                    Status::Warn,
                    format!("{domain}: {nl}"),
                    format!("{domain}: {en}"),
                );
            }
            let missing: Vec<String> = covered
                .iter()
                .filter(|(_, r)| !matches!(r, Ok(Some(true))))
                .map(|(ip, _)| ip.to_string())
                .collect();
            if missing.is_empty() {
                f(
                    "spf",
                    Status::Ok,
                    format!(
                        "{domain}: SPF staat verzending toe vanaf {}",
                        addrs(covered)
                    ),
                    format!("{domain}: SPF allows sending from {}", addrs(covered)),
                )
            } else {
                f(
                    "spf",
                    Status::Fail,
                    format!(
                        "{domain}: SPF staat verzending vanaf {} niet toe",
                        missing.join(", ")
                    ),
                    format!(
                        "{domain}: SPF does not allow sending from {}",
                        missing.join(", ")
                    ),
                )
                .add(suggest(Some(record)))
            }
        }
    }
}

fn addrs(covered: &[(IpAddr, Result<Option<bool>, String>)]) -> String {
    covered
        .iter()
        .map(|(ip, _)| ip.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `ip4:`/`ip6:` argument (`addr` or `addr/prefix`) contains `ip`?
pub fn cidr_contains(arg: &str, ip: IpAddr) -> bool {
    let (addr, prefix) = match arg.split_once('/') {
        Some((a, p)) => (a, p.parse::<u8>().ok()),
        None => (arg, None),
    };
    match addr.parse::<IpAddr>() {
        Ok(net) => same_net(net, ip, prefix),
        Err(_) => false,
    }
}

/// `a`/`mx` argument (`:domain`, `/prefix`, both, or nothing): the name to
/// look up and the prefix for `ip`'s family.
pub fn target_and_prefix(arg: &str, domain: &str, ip: IpAddr) -> (String, Option<u8>) {
    let arg = arg.strip_prefix(':').unwrap_or(arg);
    let (target, prefixes) = match arg.split_once('/') {
        Some((t, p)) => (t, Some(p)),
        None => (arg, None),
    };
    let target = if target.is_empty() { domain } else { target };
    // `a/24//64`: IPv4 prefix, then IPv6 after a double slash.
    let prefix = prefixes.and_then(|p| {
        let (v4, v6) = match p.split_once("//") {
            Some((a, b)) => (a, Some(b)),
            None => (p, None),
        };
        match ip {
            IpAddr::V4(_) => v4.parse().ok(),
            IpAddr::V6(_) => v6.and_then(|b| b.parse().ok()),
        }
    });
    (target.to_string(), prefix)
}

/// `a` and `b` in one network of `prefix` bits (all bits when `None`).
pub fn same_net(a: IpAddr, b: IpAddr, prefix: Option<u8>) -> bool {
    match (a, b) {
        (IpAddr::V4(x), IpAddr::V4(y)) => {
            let p = u32::from(prefix.unwrap_or(32).min(32));
            let mask = if p == 0 { 0 } else { u32::MAX << (32 - p) };
            u32::from(x) & mask == u32::from(y) & mask
        }
        (IpAddr::V6(x), IpAddr::V6(y)) => {
            let p = u32::from(prefix.unwrap_or(128).min(128));
            let mask = if p == 0 { 0 } else { u128::MAX << (128 - p) };
            u128::from(x) & mask == u128::from(y) & mask
        }
        _ => false,
    }
}

/// A DKIM key Sluis signs with in the domain, and its public key record.
#[derive(Clone, Debug)]
pub struct DkimKey {
    pub selector: String,
    pub key_file: std::path::PathBuf,
    /// `v=DKIM1; k=...; p=...`, or why it could not be made.
    pub record: Result<String, String>,
}

/// The keys of `[[pickup.dkim]]` for `domain`, and the demo key (made by
/// `pickup.dkim_generate` for the practice) when its domain is `domain`.
pub fn dkim_keys(config: &Config, domain: &str) -> Vec<DkimKey> {
    let mut keys: Vec<DkimKey> = config
        .pickup
        .dkim
        .iter()
        .filter(|k| k.domain.trim_end_matches('.').eq_ignore_ascii_case(domain))
        .map(|k| DkimKey {
            selector: k.selector.clone(),
            key_file: k.key_file.clone(),
            record: dkim_record(&k.key_file, k.algorithm),
        })
        .collect();
    let p = &config.pickup;
    let notify_domain = crate::types::domain_of(&p.notify_from);
    if p.dkim_generate
        && notify_domain.eq_ignore_ascii_case(domain)
        && !p.dkim.iter().any(|k| k.tenant == config.tenant.name)
    {
        let key_file = p.dkim_dir.join(format!("{}.key", config.tenant.name));
        keys.push(DkimKey {
            selector: p.dkim_selector.clone(),
            record: dkim_record(&key_file, DkimAlgorithm::Ed25519),
            key_file,
        });
    }
    keys
}

/// The DKIM TXT record for a private key file.
pub fn dkim_record(path: &Path, algorithm: DkimAlgorithm) -> Result<String, String> {
    use base64::Engine;
    let pem = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let b64 = base64::engine::general_purpose::STANDARD;
    match algorithm {
        DkimAlgorithm::Ed25519 => {
            let der = match rustls_pemfile::read_one(&mut pem.as_bytes()) {
                Ok(Some(rustls_pemfile::Item::Pkcs8Key(k))) => k.secret_pkcs8_der().to_vec(),
                _ => return Err(format!("{}: no PKCS#8 key", path.display())),
            };
            let key = mail_auth::common::crypto::Ed25519Key::from_pkcs8_maybe_unchecked_der(&der)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(format!(
                "v=DKIM1; k=ed25519; p={}",
                b64.encode(key.public_key())
            ))
        }
        DkimAlgorithm::Rsa => {
            use rsa::pkcs1::DecodeRsaPrivateKey;
            use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey};
            let key = rsa::RsaPrivateKey::from_pkcs8_pem(&pem)
                .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(&pem))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let spki = rsa::RsaPublicKey::from(&key)
                .to_public_key_der()
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(format!("v=DKIM1; k=rsa; p={}", b64.encode(spki.as_bytes())))
        }
    }
}

pub fn no_dkim_key(domain: &str) -> Finding {
    f(
        "dkim",
        Status::Warn,
        format!("geen DKIM-sleutel voor {domain} ingesteld ([[pickup.dkim]]): meldingen gaan ongetekend en kunnen bij DMARC falen"),
        format!("no DKIM key configured for {domain} ([[pickup.dkim]]): notifications go out unsigned and may fail DMARC"),
    )
}

fn p_value(record: &str) -> Option<String> {
    record.split(';').find_map(|t| {
        let (k, v) = t.split_once('=')?;
        (k.trim() == "p").then(|| v.chars().filter(|c| !c.is_whitespace()).collect())
    })
}

pub fn dkim(name: &str, key: &DkimKey, answer: &Result<RecordSet<String>, DnsError>) -> Finding {
    let expected = match &key.record {
        Ok(r) => r,
        Err(e) => {
            return f(
                "dkim",
                Status::Fail,
                format!("{name}: sleutel onleesbaar: {e}"),
                format!("{name}: key unreadable: {e}"),
            )
        }
    };
    let rs = match answer {
        Ok(rs) => rs,
        Err(e) => return dns_failed("dkim", name, e),
    };
    let want = p_value(expected);
    let published: Vec<Option<String>> = rs.records.iter().map(|r| p_value(r)).collect();
    if published.is_empty() {
        f(
            "dkim",
            Status::Fail,
            format!("{name}: geen DKIM-record voor de meldingen"),
            format!("{name}: no DKIM record for the notifications"),
        )
        .add(txt_line(name, expected))
    } else if published.contains(&want) {
        f(
            "dkim",
            Status::Ok,
            format!("{name}: DKIM-record past bij de sleutel van Sluis"),
            format!("{name}: DKIM record matches Sluis's key"),
        )
    } else {
        f(
            "dkim",
            Status::Fail,
            format!("{name}: DKIM-record hoort bij een andere sleutel; vervang het"),
            format!("{name}: DKIM record is for another key; replace it"),
        )
        .add(txt_line(name, expected))
    }
}

fn tag<'a>(record: &'a str, key: &str) -> Option<&'a str> {
    record.split(';').find_map(|t| {
        let (k, v) = t.split_once('=')?;
        k.trim().eq_ignore_ascii_case(key).then(|| v.trim())
    })
}

pub fn dmarc(domain: &str, answer: &Result<RecordSet<String>, DnsError>) -> Finding {
    let name = format!("_dmarc.{domain}");
    let rs = match answer {
        Ok(rs) => rs,
        Err(e) => return dns_failed("dmarc", &name, e),
    };
    let add = txt_line(
        &name,
        &format!("v=DMARC1; p=quarantine; adkim=r; aspf=r; rua=mailto:dmarc@{domain}"),
    );
    let Some(r) = rs
        .records
        .iter()
        .find(|r| tag(r, "v").is_some_and(|v| v.eq_ignore_ascii_case("DMARC1")))
    else {
        return f(
            "dmarc",
            Status::Fail,
            format!("{name}: geen DMARC-record; iedereen kan mail namens {domain} sturen"),
            format!("{name}: no DMARC record; anyone can send mail as {domain}"),
        )
        .add(add);
    };
    match tag(r, "p").map(str::to_ascii_lowercase).as_deref() {
        Some("quarantine") | Some("reject") => f(
            "dmarc",
            Status::Ok,
            format!("{name}: DMARC met beleid {}", tag(r, "p").unwrap_or("")),
            format!("{name}: DMARC with policy {}", tag(r, "p").unwrap_or("")),
        ),
        _ => f(
            "dmarc",
            Status::Warn,
            format!("{name}: DMARC met p=none: alleen meten, vervalste mail komt nog aan"),
            format!("{name}: DMARC with p=none: monitoring only, forged mail still arrives"),
        )
        .add(add),
    }
}

pub fn mta_sts(
    domain: &str,
    answer: &Result<RecordSet<String>, DnsError>,
    mx: &[(u16, String)],
) -> Finding {
    let name = format!("_mta-sts.{domain}");
    let rs = match answer {
        Ok(rs) => rs,
        Err(e) => return dns_failed("mta-sts", &name, e),
    };
    let ok = rs.records.iter().any(|r| {
        tag(r, "v").is_some_and(|v| v.eq_ignore_ascii_case("STSv1")) && tag(r, "id").is_some()
    });
    if ok {
        return f(
            "mta-sts",
            Status::Ok,
            format!("{name}: MTA-STS-record aanwezig"),
            format!("{name}: MTA-STS record present"),
        );
    }
    let day = mail_parser::DateTime::from_timestamp(crate::now_ms() / 1000);
    let id = format!("{:04}{:02}{:02}01", day.year, day.month, day.day);
    let mut out = f(
        "mta-sts",
        Status::Warn,
        format!(
            "{name}: geen MTA-STS-record; zenders zonder DANE kunnen TLS naar u dan niet afdwingen"
        ),
        format!("{name}: no MTA-STS record; senders without DANE cannot enforce TLS to you"),
    )
    .add(txt_line(&name, &format!("v=STSv1; id={id}")))
    .add(format!(
        "mta-sts.{domain}. 3600 IN CNAME <uw webserver / your web server>."
    ));
    let hosts: Vec<String> = mx.iter().map(|(_, h)| format!("mx: {h}")).collect();
    out.add.push(format!(
        "# https://mta-sts.{domain}/.well-known/mta-sts.txt: version: STSv1 | mode: enforce | {} | max_age: 604800",
        if hosts.is_empty() { "mx: <uw MX / your MX>".to_string() } else { hosts.join(" | ") }
    ));
    out
}

pub fn tls_rpt(domain: &str, answer: &Result<RecordSet<String>, DnsError>) -> Finding {
    let name = format!("_smtp._tls.{domain}");
    let rs = match answer {
        Ok(rs) => rs,
        Err(e) => return dns_failed("tls-rpt", &name, e),
    };
    if rs.records.iter().any(|r| {
        tag(r, "v").is_some_and(|v| v.eq_ignore_ascii_case("TLSRPTv1")) && tag(r, "rua").is_some()
    }) {
        f(
            "tls-rpt",
            Status::Ok,
            format!("{name}: TLS-RPT-record aanwezig"),
            format!("{name}: TLS-RPT record present"),
        )
    } else {
        f(
            "tls-rpt",
            Status::Warn,
            format!(
                "{name}: geen TLS-RPT-record; u hoort niet wanneer zenders geen TLS naar u krijgen"
            ),
            format!(
                "{name}: no TLS-RPT record; you do not hear when senders fail to get TLS to you"
            ),
        )
        .add(txt_line(
            &name,
            &format!("v=TLSRPTv1; rua=mailto:tlsrpt@{domain}"),
        ))
    }
}

#[cfg(test)]
#[path = "doctor_records_tests.rs"]
mod tests;
