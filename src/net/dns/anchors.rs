//! Trust anchors for `SelfValidate` mode: a file of `DS` or `DNSKEY` lines
//! (zone-file form). Fails with `DnsError::Config` on a file it cannot use.

use super::types::DnsError;
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::dnssec::rdata::{DNSSECRData, DS};
use hickory_resolver::proto::dnssec::{Algorithm, DigestType, PublicKeyBuf, TrustAnchors};
use hickory_resolver::proto::rr::{Name, RData, RecordType};
use hickory_resolver::Resolver;

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
