//! DANE key discovery: SMIMEA (RFC 8162) and OPENPGPKEY (RFC 7929)
//! records, behind the small [`KeyLookup`] trait so the DNSSEC-validating
//! resolver (delivery's DNS) plugs in, and tests use a fake.
//!
//! Promises: only answers that validated as DNSSEC `Secure` yield keys;
//! `Insecure` yields none; `Bogus` is reported so the caller stops (a
//! forged answer must not be worked around). Only DANE-EE (usage 3)
//! SMIMEA records with the full certificate (selector 0, matching 0) are
//! usable: PKIX usages would need a chain this stage does not build.

use sha2::Digest;
use std::future::Future;
use std::pin::Pin;

/// DNSSEC status of one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dnssec {
    /// Validated from the trust anchor (records or a proven absence).
    Secure,
    /// Provably unsigned zone.
    Insecure,
    /// Validation failed: treat as an attack.
    Bogus,
}

/// One SMIMEA record's RDATA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmimeaRecord {
    pub usage: u8,
    pub selector: u8,
    pub matching_type: u8,
    pub data: Vec<u8>,
}

/// Records of one type at one name, with their DNSSEC status. An empty
/// `records` means none exist (NXDOMAIN / NODATA).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsAnswer<T> {
    pub dnssec: Dnssec,
    pub records: Vec<T>,
}

#[derive(Debug, thiserror::Error)]
#[error("DNS lookup failed: {0}")]
pub struct LookupError(pub String);

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// DNS lookups of DANE key records for an address. Implementations
/// compute the owner names with [`owner_name`].
pub trait KeyLookup: Send + Sync {
    fn smimea<'a>(
        &'a self,
        address: &'a str,
    ) -> BoxFuture<'a, Result<DnsAnswer<SmimeaRecord>, LookupError>>;
    /// OPENPGPKEY RDATA: a binary transferable public key each.
    fn openpgpkey<'a>(
        &'a self,
        address: &'a str,
    ) -> BoxFuture<'a, Result<DnsAnswer<Vec<u8>>, LookupError>>;
}

/// Owner name for `address` under `label` (`_smimecert` or
/// `_openpgpkey`): hex of the first 28 octets of SHA-256 of the local
/// part (as is, RFC 7929 section 3), then the label and the domain.
pub fn owner_name(address: &str, label: &str) -> Option<String> {
    let (local, domain) = address.rsplit_once('@')?;
    if local.is_empty() || domain.is_empty() {
        return None;
    }
    let digest = sha2::Sha256::digest(local.as_bytes());
    let hash = hex::encode(digest.get(..28)?);
    Some(format!(
        "{hash}.{label}.{}.",
        domain.trim_end_matches('.').to_ascii_lowercase()
    ))
}

/// What an answer gives: the key material, nothing, or a reason to stop.
#[derive(Debug, PartialEq, Eq)]
pub enum Usable {
    Keys(Vec<Vec<u8>>),
    None(String),
    Bogus,
}

/// Certificates from a SMIMEA answer.
pub fn smimea_certs(answer: &DnsAnswer<SmimeaRecord>) -> Usable {
    match answer.dnssec {
        Dnssec::Bogus => Usable::Bogus,
        Dnssec::Insecure => Usable::None("SMIMEA not DNSSEC-signed".into()),
        Dnssec::Secure => {
            let certs: Vec<Vec<u8>> = answer
                .records
                .iter()
                .filter(|r| r.usage == 3 && r.selector == 0 && r.matching_type == 0)
                .map(|r| r.data.clone())
                .collect();
            if certs.is_empty() {
                Usable::None(if answer.records.is_empty() {
                    "no SMIMEA record".into()
                } else {
                    "no usable SMIMEA record (need DANE-EE full certificate)".into()
                })
            } else {
                Usable::Keys(certs)
            }
        }
    }
}

/// Keys from an OPENPGPKEY answer.
pub fn openpgp_keys(answer: &DnsAnswer<Vec<u8>>) -> Usable {
    match answer.dnssec {
        Dnssec::Bogus => Usable::Bogus,
        Dnssec::Insecure => Usable::None("OPENPGPKEY not DNSSEC-signed".into()),
        Dnssec::Secure if answer.records.is_empty() => Usable::None("no OPENPGPKEY record".into()),
        Dnssec::Secure => Usable::Keys(answer.records.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_name_matches_rfc7929_example() {
        // RFC 7929 section 3: hugh@example.com
        assert_eq!(
            owner_name("hugh@example.com", "_openpgpkey").unwrap(),
            "c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._openpgpkey.example.com."
        );
        assert!(owner_name("nobody", "_smimecert").is_none());
    }

    #[test]
    fn only_secure_dane_ee_full_certs_count() {
        let rec = |usage, selector| SmimeaRecord {
            usage,
            selector,
            matching_type: 0,
            data: vec![1, 2],
        };
        let secure = DnsAnswer {
            dnssec: Dnssec::Secure,
            records: vec![rec(1, 0), rec(3, 1), rec(3, 0)],
        };
        assert_eq!(smimea_certs(&secure), Usable::Keys(vec![vec![1, 2]]));
        let insecure = DnsAnswer {
            dnssec: Dnssec::Insecure,
            ..secure.clone()
        };
        assert!(matches!(smimea_certs(&insecure), Usable::None(_)));
        let bogus = DnsAnswer {
            dnssec: Dnssec::Bogus,
            ..secure
        };
        assert_eq!(smimea_certs(&bogus), Usable::Bogus);
        let pgp = DnsAnswer {
            dnssec: Dnssec::Secure,
            records: vec![],
        };
        assert!(matches!(openpgp_keys(&pgp), Usable::None(_)));
    }
}
