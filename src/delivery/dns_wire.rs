//! The low-level half of [`super::dns`]: a minimal stub client for
//! `TrustAd` mode (UDP with EDNS DO, TCP when truncated; the AD bit of the
//! reply is the answer's security), the mapping of hickory's validating
//! resolver results (records carry proofs; negative answers carry the
//! SOA's proof), resolver configuration, and trust-anchor file loading.
//!
//! Promises: replies are matched on id and question; a SERVFAIL, REFUSED or
//! malformed reply is a temporary failure, never "no records". Fails with
//! `DnsError::Config` on a trust-anchor file it cannot use.

use super::dns::{proof_security, temp, DnsError, DnsOptions, Negative, Raw, Security};
use hickory_resolver::config::{NameServerConfigGroup, ResolverConfig, ResolverOpts};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::dnssec::rdata::{DNSSECRData, DS};
use hickory_resolver::proto::dnssec::Proof;
use hickory_resolver::proto::dnssec::{Algorithm, DigestType, PublicKeyBuf, TrustAnchors};
use hickory_resolver::proto::op::{Edns, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_resolver::proto::rr::Record;
use hickory_resolver::proto::rr::{Name, RData, RecordType};
use hickory_resolver::proto::ProtoErrorKind;
use hickory_resolver::ResolveError;
use hickory_resolver::Resolver;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

/// Largest DNS message accepted over TCP.
const MAX_TCP_MESSAGE: usize = 65_535;

pub(crate) struct AdClient {
    server: SocketAddr,
    timeout: Duration,
    attempts: usize,
}

impl AdClient {
    pub(crate) fn new(server: SocketAddr, timeout: Duration, attempts: usize) -> Self {
        AdClient {
            server,
            timeout,
            attempts: attempts.max(1),
        }
    }

    pub(crate) async fn query(&self, name: &Name, rtype: RecordType) -> Result<Raw, DnsError> {
        let mut last = temp(name, rtype, "no attempt made");
        for _ in 0..self.attempts {
            match tokio::time::timeout(self.timeout, self.once(name, rtype)).await {
                Ok(Ok(raw)) => return Ok(raw),
                Ok(Err(e)) => last = e,
                Err(_) => last = temp(name, rtype, "timeout"),
            }
        }
        Err(last)
    }

    async fn once(&self, name: &Name, rtype: RecordType) -> Result<Raw, DnsError> {
        let id: u16 = rand::random();
        let mut msg = Message::new();
        msg.set_id(id)
            .set_message_type(MessageType::Query)
            .set_op_code(OpCode::Query)
            .set_recursion_desired(true)
            .set_authentic_data(true)
            .add_query(Query::query(name.clone(), rtype));
        let mut edns = Edns::new();
        edns.set_max_payload(1232);
        edns.set_dnssec_ok(true);
        msg.set_edns(edns);
        let wire = msg
            .to_vec()
            .map_err(|e| temp(name, rtype, &e.to_string()))?;
        let io = |e: std::io::Error| temp(name, rtype, &e.to_string());

        let bind: SocketAddr = if self.server.is_ipv4() {
            "0.0.0.0:0".parse().map_err(|_| temp(name, rtype, "bind"))?
        } else {
            "[::]:0".parse().map_err(|_| temp(name, rtype, "bind"))?
        };
        let sock = UdpSocket::bind(bind).await.map_err(io)?;
        sock.connect(self.server).await.map_err(io)?;
        sock.send(&wire).await.map_err(io)?;
        let mut buf = vec![0u8; 4096];
        let reply = loop {
            let n = sock.recv(&mut buf).await.map_err(io)?;
            let Ok(reply) = Message::from_vec(buf.get(..n).unwrap_or(&[])) else {
                continue;
            };
            if reply.id() == id && reply.queries().first().map(|q| q.name()) == Some(name) {
                break reply;
            }
        };
        let reply = if reply.truncated() {
            self.tcp(&wire, id, name, rtype).await?
        } else {
            reply
        };
        classify(reply, name, rtype)
    }

    async fn tcp(
        &self,
        wire: &[u8],
        id: u16,
        name: &Name,
        rtype: RecordType,
    ) -> Result<Message, DnsError> {
        let io = |e: std::io::Error| temp(name, rtype, &e.to_string());
        let mut s = TcpStream::connect(self.server).await.map_err(io)?;
        let len = u16::try_from(wire.len()).map_err(|_| temp(name, rtype, "query too long"))?;
        let mut out = len.to_be_bytes().to_vec();
        out.extend_from_slice(wire);
        s.write_all(&out).await.map_err(io)?;
        let len = s.read_u16().await.map_err(io)? as usize;
        if len > MAX_TCP_MESSAGE {
            return Err(temp(name, rtype, "reply too long"));
        }
        let mut buf = vec![0u8; len];
        s.read_exact(&mut buf).await.map_err(io)?;
        let m = Message::from_vec(&buf).map_err(|e| temp(name, rtype, &e.to_string()))?;
        if m.id() != id {
            return Err(temp(name, rtype, "reply id mismatch"));
        }
        Ok(m)
    }
}

/// Turn a reply into [`Raw`]: AD decides the security of everything in it.
fn classify(mut reply: Message, name: &Name, rtype: RecordType) -> Result<Raw, DnsError> {
    let security = if reply.authentic_data() {
        Security::Secure
    } else {
        Security::Insecure
    };
    let negative = match reply.response_code() {
        ResponseCode::NoError if reply.answers().is_empty() => Some(Negative::NoData),
        ResponseCode::NoError => None,
        ResponseCode::NXDomain => Some(Negative::NxDomain),
        other => return Err(temp(name, rtype, &format!("response code {other}"))),
    };
    Ok(Raw {
        records: reply.take_answers(),
        negative,
        security,
        whole_message: true,
    })
}

/// Parse a trust-anchor file (zone-file lines with `DNSKEY` or `DS`) into
/// hickory trust anchors. DS lines are resolved by fetching the DNSKEY set
/// of their owner through `plain` and keeping the keys the DS covers.
pub(crate) async fn load_trust_anchors(
    text: &str,
    plain: &Resolver<TokioConnectionProvider>,
) -> Result<TrustAnchors, DnsError> {
    use base64::Engine;
    let mut anchors = TrustAnchors::empty();
    let mut ds_list: Vec<(Name, DS)> = Vec::new();
    for line in text.lines() {
        let line = line.split(';').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let toks: Vec<&str> = line.split_whitespace().collect();
        let bad = || DnsError::Config(format!("trust anchor line not understood: {line}"));
        let owner = toks.first().ok_or_else(bad)?;
        let owner = Name::from_ascii(owner).map_err(|_| bad())?;
        let pos = toks
            .iter()
            .position(|t| t.eq_ignore_ascii_case("DNSKEY") || t.eq_ignore_ascii_case("DS"))
            .ok_or_else(bad)?;
        let kind = toks.get(pos).ok_or_else(bad)?.to_ascii_uppercase();
        let f = |i: usize| toks.get(pos + i).ok_or_else(bad);
        if kind == "DNSKEY" {
            let alg: u8 = f(3)?.parse().map_err(|_| bad())?;
            let b64: String = toks.get(pos + 4..).ok_or_else(bad)?.concat();
            let key = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .map_err(|_| bad())?;
            anchors.insert(&PublicKeyBuf::new(key, Algorithm::from_u8(alg)));
        } else {
            let tag: u16 = f(1)?.parse().map_err(|_| bad())?;
            let alg: u8 = f(2)?.parse().map_err(|_| bad())?;
            let dt: u8 = f(3)?.parse().map_err(|_| bad())?;
            let digest =
                hex::decode(toks.get(pos + 4..).ok_or_else(bad)?.concat()).map_err(|_| bad())?;
            let dt = DigestType::from(dt);
            ds_list.push((owner, DS::new(tag, Algorithm::from_u8(alg), dt, digest)));
        }
    }
    for (owner, ds) in &ds_list {
        let keys = plain
            .lookup(owner.clone(), RecordType::DNSKEY)
            .await
            .map_err(|e| DnsError::Config(format!("fetching DNSKEY for trust anchor: {e}")))?;
        for r in keys.records() {
            if let RData::DNSSEC(DNSSECRData::DNSKEY(k)) = r.data() {
                if ds.covers(owner, k).unwrap_or(false) && k.secure_entry_point() {
                    anchors.insert(k.public_key());
                }
            }
        }
    }
    if anchors.is_empty() {
        return Err(DnsError::Config(
            "trust anchor file gave no usable key (no DNSKEY line, or no DNSKEY matched the DS)"
                .into(),
        ));
    }
    Ok(anchors)
}

/// Map a hickory resolver result to [`Raw`].
pub(crate) fn from_resolver(
    res: Result<hickory_resolver::lookup::Lookup, ResolveError>,
    name: &Name,
    rtype: RecordType,
) -> Result<Raw, DnsError> {
    let err = match res {
        Ok(l) => {
            return Ok(Raw {
                records: l.records().to_vec(),
                negative: None,
                security: Security::Secure,
                whole_message: false,
            })
        }
        Err(e) => e,
    };
    let Some(proto) = err.proto() else {
        return Err(temp(name, rtype, &err.to_string()));
    };
    match proto.kind() {
        ProtoErrorKind::NoRecordsFound {
            response_code,
            authorities,
            soa,
            ..
        } => {
            use hickory_resolver::proto::op::ResponseCode;
            let negative = match *response_code {
                ResponseCode::NXDomain => Negative::NxDomain,
                ResponseCode::NoError => Negative::NoData,
                other => return Err(temp(name, rtype, &format!("response code {other}"))),
            };
            // The DNSSEC handle only lets a negative answer through when its
            // NSEC/NSEC3 proof is secure or the zone is provably insecure
            // (otherwise it is an `Nsec` error); the SOA's proof then tells
            // which of the two it was.
            let auth: Vec<&Record> = authorities.as_deref().unwrap_or(&[]).iter().collect();
            let security = if let Some(soa) = soa {
                proof_security(soa.proof())
            } else if auth.is_empty() {
                Security::Bogus
            } else if auth.iter().all(|r| r.proof() == Proof::Insecure) {
                Security::Insecure
            } else if auth.iter().any(|r| r.proof() == Proof::Secure) {
                Security::Secure
            } else {
                Security::Bogus
            };
            Ok(Raw {
                records: Vec::new(),
                negative: Some(negative),
                security,
                whole_message: false,
            })
        }
        ProtoErrorKind::Nsec { .. } => Ok(Raw {
            records: Vec::new(),
            negative: Some(Negative::NoData),
            security: Security::Bogus,
            whole_message: false,
        }),
        _ => Err(temp(name, rtype, &proto.to_string())),
    }
}

pub(crate) fn base_config(opts: &DnsOptions) -> Result<(ResolverConfig, ResolverOpts), DnsError> {
    let (config, mut ropts) = match opts.upstream {
        Some(addr) => {
            let group = NameServerConfigGroup::from_ips_clear(&[addr.ip()], addr.port(), true);
            (
                ResolverConfig::from_parts(None, vec![], group),
                ResolverOpts::default(),
            )
        }
        None => hickory_resolver::system_conf::read_system_conf()
            .map_err(|e| DnsError::Config(format!("system resolver: {e}")))?,
    };
    ropts.timeout = opts.timeout;
    ropts.attempts = opts.attempts;
    ropts.edns0 = true;
    ropts.preserve_intermediates = true;
    ropts.recursion_desired = true;
    ropts.ndots = 0;
    ropts.try_tcp_on_error = true;
    ropts.use_hosts_file = hickory_resolver::config::ResolveHosts::Never;
    Ok((config, ropts))
}

/// A non-validating resolver (used to fetch the root DNSKEY set that a DS
/// trust anchor then authenticates).
pub(crate) fn plain_resolver(
    opts: &DnsOptions,
) -> Result<Resolver<TokioConnectionProvider>, DnsError> {
    let (config, mut ropts) = base_config(opts)?;
    ropts.validate = false;
    Ok(
        Resolver::builder_with_config(config, TokioConnectionProvider::default())
            .with_options(ropts)
            .build(),
    )
}

pub(crate) fn system_nameserver() -> Result<SocketAddr, DnsError> {
    let (config, _) = hickory_resolver::system_conf::read_system_conf()
        .map_err(|e| DnsError::Config(format!("system resolver: {e}")))?;
    config
        .name_servers()
        .first()
        .map(|n| n.socket_addr)
        .ok_or_else(|| DnsError::Config("no nameserver in the system configuration".into()))
}
