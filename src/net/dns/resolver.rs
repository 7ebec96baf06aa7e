//! The resolver: one [`Dns`] over either backend (hickory's validating
//! resolver, or the AD-bit stub client), CNAME chains followed and bounded,
//! the typed lookups (MX, A/AAAA, TLSA, TXT).

use super::ad::AdClient;
use super::anchors::load_trust_anchors;
use super::types::{
    fqdn, name_str, proof_security, temp, DnsError, DnsOptions, Mx, MxAnswer, Negative, Raw,
    RecordSet, Security, Tlsa, TrustAnchorSource, Validation,
};
use super::validating::{base_config, from_resolver, plain_resolver, system_nameserver};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::dnssec::TrustAnchors;
use hickory_resolver::proto::rr::{Name, RData, Record, RecordType};
use hickory_resolver::Resolver;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;

enum Backend {
    Validating(Box<Resolver<TokioConnectionProvider>>),
    Ad(AdClient),
}

/// The delivery resolver. Cheap to share behind an `Arc`.
pub struct Dns {
    backend: Arc<Backend>,
    opts: DnsOptions,
    /// Where the TTLs of the answers are noted (see [`Dns::watched`]).
    watch: Option<Arc<TtlWatch>>,
}

/// The shortest TTL among the answers a [`Dns::watched`] resolver got, and
/// whether one of them was a negative answer (NXDOMAIN or NODATA, whose TTL
/// comes from the SOA in the authority section, which is not kept): what a
/// cache of a conclusion drawn from those answers may honour.
#[derive(Debug)]
pub struct TtlWatch {
    min_ttl: AtomicU32,
    negative: AtomicBool,
}

impl Default for TtlWatch {
    fn default() -> Self {
        TtlWatch {
            min_ttl: AtomicU32::new(u32::MAX),
            negative: AtomicBool::new(false),
        }
    }
}

impl TtlWatch {
    /// The shortest TTL of a record seen (`None` when no record was).
    pub fn min_ttl(&self) -> Option<u32> {
        match self.min_ttl.load(Ordering::Relaxed) {
            u32::MAX => None,
            t => Some(t),
        }
    }

    /// Was one of the answers negative?
    pub fn saw_negative(&self) -> bool {
        self.negative.load(Ordering::Relaxed)
    }

    fn note(&self, raw: &Raw) {
        for r in &raw.records {
            self.min_ttl.fetch_min(r.ttl(), Ordering::Relaxed);
        }
        if raw.records.is_empty() || raw.negative.is_some() {
            self.negative.store(true, Ordering::Relaxed);
        }
    }
}

impl Dns {
    pub async fn new(opts: DnsOptions) -> Result<Dns, DnsError> {
        let backend = match &opts.validation {
            Validation::TrustAd => {
                let server = match opts.upstream {
                    Some(a) => a,
                    None => system_nameserver()?,
                };
                Backend::Ad(AdClient::new(server, opts.timeout, opts.attempts))
            }
            Validation::SelfValidate(ta) => {
                let anchors = match ta {
                    TrustAnchorSource::IanaRoot => TrustAnchors::default(),
                    TrustAnchorSource::File(p) => {
                        let text = std::fs::read_to_string(p).map_err(|e| {
                            DnsError::Config(format!("trust anchor {}: {e}", p.display()))
                        })?;
                        let plain = plain_resolver(&opts)?;
                        load_trust_anchors(&text, &plain).await?
                    }
                };
                let (config, mut ropts) = base_config(&opts)?;
                ropts.validate = true;
                let r = Resolver::builder_with_config(config, TokioConnectionProvider::default())
                    .with_options(ropts)
                    .with_trust_anchor(Arc::new(anchors))
                    .build();
                Backend::Validating(Box::new(r))
            }
        };
        Ok(Dns {
            backend: Arc::new(backend),
            opts,
            watch: None,
        })
    }

    pub fn options(&self) -> &DnsOptions {
        &self.opts
    }

    /// The same resolver (shared backend), noting the TTL of every answer
    /// it gets in the returned [`TtlWatch`].
    pub fn watched(&self) -> (Dns, Arc<TtlWatch>) {
        let watch = Arc::new(TtlWatch::default());
        let dns = Dns {
            backend: self.backend.clone(),
            opts: self.opts.clone(),
            watch: Some(watch.clone()),
        };
        (dns, watch)
    }

    async fn raw(&self, name: &Name, rtype: RecordType) -> Result<Raw, DnsError> {
        let bound = self.opts.timeout * (self.opts.attempts.max(1) as u32 + 1);
        let fut = async {
            match &*self.backend {
                Backend::Validating(r) => {
                    from_resolver(r.lookup(name.clone(), rtype).await, name, rtype)
                }
                Backend::Ad(c) => c.query(name, rtype).await,
            }
        };
        match tokio::time::timeout(bound, fut).await {
            Ok(r) => r,
            Err(_) => Err(temp(name, rtype, "timeout")),
        }
    }

    /// Look up `rtype` at `name`, following CNAMEs (bounded).
    pub(crate) async fn lookup(
        &self,
        name: &str,
        rtype: RecordType,
    ) -> Result<RecordSet<RData>, DnsError> {
        let start = fqdn(name)?;
        let mut current = start.clone();
        let mut security = Security::Secure;
        for _ in 0..=self.opts.max_cname_depth {
            let raw = self.raw(&current, rtype).await?;
            if let Some(w) = &self.watch {
                w.note(&raw);
            }
            let (rs, next) = walk(&start, &current, rtype, raw, security, &self.opts)?;
            match next {
                None => return Ok(rs),
                Some(target) => {
                    security = rs.security;
                    current = target;
                }
            }
        }
        Err(DnsError::TooLarge {
            name: name_str(&start),
            rtype: "CNAME chain".into(),
            limit: self.opts.max_cname_depth,
        })
    }

    /// MX lookup with null MX (RFC 7505) and implicit MX (RFC 5321 §5.1).
    pub async fn mx(&self, domain: &str) -> Result<MxAnswer, DnsError> {
        let rs = self.lookup(domain, RecordType::MX).await?;
        if rs.security == Security::Bogus {
            return Err(DnsError::Bogus {
                name: rs.name.clone(),
                rtype: "MX".into(),
            });
        }
        if rs.negative == Some(Negative::NxDomain) {
            return Ok(MxAnswer::NxDomain(rs.security));
        }
        let mut hosts: Vec<Mx> = rs
            .records
            .iter()
            .filter_map(|r| match r {
                RData::MX(mx) => Some(Mx {
                    preference: mx.preference(),
                    host: name_str(mx.exchange()),
                }),
                _ => None,
            })
            .collect();
        if hosts.len() == 1 && hosts.first().is_some_and(|h| h.host.is_empty()) {
            return Ok(MxAnswer::NullMx(rs.security));
        }
        hosts.retain(|h| !h.host.is_empty());
        hosts.sort_by_key(|h| h.preference);
        let implicit = hosts.is_empty();
        if implicit {
            hosts.push(Mx {
                preference: 0,
                host: rs.canonical.clone(),
            });
        }
        let out = RecordSet {
            name: rs.name,
            canonical: rs.canonical,
            records: hosts,
            security: rs.security,
            negative: rs.negative,
        };
        Ok(if implicit {
            MxAnswer::Implicit(out)
        } else {
            MxAnswer::Hosts(out)
        })
    }

    /// A and AAAA of a host. Secure only if both answers are secure.
    pub async fn addrs(&self, host: &str) -> Result<RecordSet<IpAddr>, DnsError> {
        let a = self.lookup(host, RecordType::A).await?;
        let aaaa = self.lookup(host, RecordType::AAAA).await?;
        let mut records: Vec<IpAddr> = Vec::new();
        for r in a.records.iter().chain(aaaa.records.iter()) {
            match r {
                RData::A(v4) => records.push(IpAddr::V4(v4.0)),
                RData::AAAA(v6) => records.push(IpAddr::V6(v6.0)),
                _ => {}
            }
        }
        let negative = if records.is_empty() {
            Some(a.negative.unwrap_or(Negative::NoData))
        } else {
            None
        };
        Ok(RecordSet {
            name: a.name,
            canonical: a.canonical,
            records,
            security: a.security.min(aaaa.security),
            negative,
        })
    }

    /// DNSSEC status of the CNAME at `name` itself, the first link of an
    /// alias chain, whatever its target's zone is: a CNAME query is
    /// answered with the alias alone, so this works through an AD-bit
    /// resolver too (RFC 7672 §2.2.2; Postfix's `qname_secure`). `None`
    /// when `name` is not an alias.
    pub async fn alias_security(&self, name: &str) -> Result<Option<Security>, DnsError> {
        let rs = self.lookup(name, RecordType::CNAME).await?;
        Ok((!rs.records.is_empty()).then_some(rs.security))
    }

    /// TLSA records at `_port._tcp.host`.
    pub async fn tlsa(&self, port: u16, host: &str) -> Result<RecordSet<Tlsa>, DnsError> {
        let owner = format!("_{port}._tcp.{}", host.trim_end_matches('.'));
        let rs = self.lookup(&owner, RecordType::TLSA).await?;
        let records = rs
            .records
            .iter()
            .filter_map(|r| match r {
                RData::TLSA(t) => Some(Tlsa {
                    usage: u8::from(t.cert_usage()),
                    selector: u8::from(t.selector()),
                    matching: u8::from(t.matching()),
                    data: t.cert_data().to_vec(),
                }),
                _ => None,
            })
            .collect();
        Ok(map_records(rs, records))
    }

    /// TXT records, each joined from its strings; non-UTF-8 ones dropped.
    pub async fn txt(&self, name: &str) -> Result<RecordSet<String>, DnsError> {
        let rs = self.lookup(name, RecordType::TXT).await?;
        let mut total = 0usize;
        let mut records = Vec::new();
        for r in &rs.records {
            if let RData::TXT(t) = r {
                let mut joined = Vec::new();
                for part in t.txt_data() {
                    joined.extend_from_slice(part);
                }
                total = total.saturating_add(joined.len());
                if total > self.opts.max_txt_bytes {
                    return Err(DnsError::TooLarge {
                        name: rs.name.clone(),
                        rtype: "TXT".into(),
                        limit: self.opts.max_txt_bytes,
                    });
                }
                if let Ok(s) = String::from_utf8(joined) {
                    records.push(s);
                }
            }
        }
        Ok(map_records(rs, records))
    }
}

fn map_records<T>(rs: RecordSet<RData>, records: Vec<T>) -> RecordSet<T> {
    RecordSet {
        name: rs.name,
        canonical: rs.canonical,
        records,
        security: rs.security,
        negative: rs.negative,
    }
}

/// Follow the CNAME chain inside one answer, starting at `current`.
/// Returns the record set, and `Some(target)` when the chain leaves the
/// answer and another query is needed. Pure; unit-tested.
pub(crate) fn walk(
    start: &Name,
    current: &Name,
    rtype: RecordType,
    raw: Raw,
    security_so_far: Security,
    opts: &DnsOptions,
) -> Result<(RecordSet<RData>, Option<Name>), DnsError> {
    let mut security = security_so_far;
    let rec_sec = |r: &Record| {
        if raw.whole_message {
            raw.security
        } else {
            proof_security(r.proof())
        }
    };
    let mut name = current.clone();
    let mut hops = 0usize;
    loop {
        let here: Vec<&Record> = raw
            .records
            .iter()
            .filter(|r| r.record_type() == rtype && *r.name() == name)
            .collect();
        if !here.is_empty() {
            if here.len() > opts.max_records {
                return Err(DnsError::TooLarge {
                    name: name_str(&name),
                    rtype: rtype.to_string(),
                    limit: opts.max_records,
                });
            }
            for r in &here {
                security = security.min(rec_sec(r));
            }
            let rs = RecordSet {
                name: name_str(start),
                canonical: name_str(&name),
                records: here.iter().map(|r| r.data().clone()).collect(),
                security,
                negative: None,
            };
            return Ok((rs, None));
        }
        let cname = raw.records.iter().find_map(|r| match r.data() {
            RData::CNAME(c) if *r.name() == name => Some((r, c.0.clone())),
            _ => None,
        });
        match cname {
            Some((r, target)) if rtype != RecordType::CNAME => {
                security = security.min(rec_sec(r));
                hops += 1;
                if hops > opts.max_cname_depth {
                    return Err(DnsError::TooLarge {
                        name: name_str(start),
                        rtype: "CNAME chain".into(),
                        limit: opts.max_cname_depth,
                    });
                }
                name = target;
            }
            _ => break,
        }
    }
    if &name != current && raw.negative.is_none() {
        // The answer ended in a CNAME without the target's records.
        let rs = RecordSet {
            name: name_str(start),
            canonical: name_str(&name),
            records: Vec::new(),
            security,
            negative: None,
        };
        return Ok((rs, Some(name)));
    }
    let negative = raw.negative.unwrap_or(Negative::NoData);
    let rs = RecordSet {
        name: name_str(start),
        canonical: name_str(&name),
        records: Vec::new(),
        security: security.min(raw.security),
        negative: Some(negative),
    };
    Ok((rs, None))
}

#[cfg(test)]
#[path = "resolver_tests.rs"]
mod tests;
