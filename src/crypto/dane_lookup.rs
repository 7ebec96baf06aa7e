//! [`KeyLookup`] over the delivery stage's DNSSEC-validating resolver
//! (`net::dns::Dns`): SMIMEA (type 53, RFC 8162) and OPENPGPKEY
//! (type 61, RFC 7929) at the owner names of `discover::owner_name`.
//!
//! Promises: the DNSSEC status of every answer is passed on unchanged
//! (secure / insecure / bogus); malformed SMIMEA RDATA is dropped. A DNS
//! error (timeout, SERVFAIL) is a `LookupError`: the caller tries its next
//! source and never treats it as "no key, so send in the clear".

use super::discover::{
    owner_name, BoxFuture, DnsAnswer, Dnssec, KeyLookup, LookupError, SmimeaRecord,
};
use crate::net::dns::{Dns, RecordSet, Security};
use hickory_proto::rr::{RData, RecordType};
use std::sync::Arc;

const SMIMEA: u16 = 53;

/// DANE key lookups through Sluis' validating resolver.
#[derive(Clone)]
pub struct DnsKeyLookup {
    dns: Arc<Dns>,
}

impl DnsKeyLookup {
    pub fn new(dns: Arc<Dns>) -> DnsKeyLookup {
        DnsKeyLookup { dns }
    }
}

fn dnssec(s: Security) -> Dnssec {
    match s {
        Security::Secure => Dnssec::Secure,
        Security::Insecure => Dnssec::Insecure,
        Security::Bogus => Dnssec::Bogus,
    }
}

/// SMIMEA RDATA: usage, selector, matching type, data (RFC 6698 layout).
pub fn parse_smimea(rdata: &[u8]) -> Option<SmimeaRecord> {
    match rdata {
        [usage, selector, matching_type, data @ ..] if !data.is_empty() => Some(SmimeaRecord {
            usage: *usage,
            selector: *selector,
            matching_type: *matching_type,
            data: data.to_vec(),
        }),
        _ => None,
    }
}

fn answer<T>(rs: &RecordSet<RData>, records: Vec<T>) -> DnsAnswer<T> {
    DnsAnswer {
        dnssec: dnssec(rs.security),
        records,
    }
}

impl KeyLookup for DnsKeyLookup {
    fn smimea<'a>(
        &'a self,
        address: &'a str,
    ) -> BoxFuture<'a, Result<DnsAnswer<SmimeaRecord>, LookupError>> {
        Box::pin(async move {
            let name = owner_name(address, "_smimecert")
                .ok_or_else(|| LookupError("invalid address".into()))?;
            let rs = self
                .dns
                .lookup(&name, RecordType::Unknown(SMIMEA))
                .await
                .map_err(|e| LookupError(e.to_string()))?;
            let records = rs
                .records
                .iter()
                .filter_map(|r| match r {
                    RData::Unknown { code, rdata } if u16::from(*code) == SMIMEA => {
                        parse_smimea(rdata.anything())
                    }
                    _ => None,
                })
                .collect();
            Ok(answer(&rs, records))
        })
    }

    fn openpgpkey<'a>(
        &'a self,
        address: &'a str,
    ) -> BoxFuture<'a, Result<DnsAnswer<Vec<u8>>, LookupError>> {
        Box::pin(async move {
            let name = owner_name(address, "_openpgpkey")
                .ok_or_else(|| LookupError("invalid address".into()))?;
            let rs = self
                .dns
                .lookup(&name, RecordType::OPENPGPKEY)
                .await
                .map_err(|e| LookupError(e.to_string()))?;
            let records = rs
                .records
                .iter()
                .filter_map(|r| match r {
                    RData::OPENPGPKEY(k) => Some(k.public_key().to_vec()),
                    _ => None,
                })
                .collect();
            Ok(answer(&rs, records))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smimea_rdata() {
        assert_eq!(
            parse_smimea(&[3, 0, 0, 0x30, 0x82]),
            Some(SmimeaRecord {
                usage: 3,
                selector: 0,
                matching_type: 0,
                data: vec![0x30, 0x82]
            })
        );
        assert_eq!(parse_smimea(&[3, 0, 0]), None);
        assert_eq!(parse_smimea(&[]), None);
    }
}
