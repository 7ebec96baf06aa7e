//! The `SelfValidate` backend's glue: resolver configuration (upstream or
//! the system's), the plain resolver used to fetch trust-anchor keys, and
//! the mapping of hickory's validating results (records carry proofs;
//! negative answers carry the SOA's proof) to [`Raw`].

use super::types::{proof_security, temp, DnsError, DnsOptions, Negative, Raw, Security};
use hickory_resolver::config::{NameServerConfigGroup, ResolverConfig, ResolverOpts};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::dnssec::Proof;
use hickory_resolver::proto::rr::{Name, Record, RecordType};
use hickory_resolver::proto::ProtoErrorKind;
use hickory_resolver::ResolveError;
use hickory_resolver::Resolver;
use std::net::SocketAddr;

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
