//! DNS for delivery with DNSSEC status on every answer.
//!
//! Two modes ([`Validation`]):
//! - `SelfValidate`: Sluis validates itself (hickory's DNSSEC handle) from a
//!   trust anchor: the IANA root KSKs built into hickory, or a file of DS or
//!   DNSKEY lines (tests, private roots). The upstream only has to pass
//!   DNSSEC records through. Nothing on the path needs to be trusted.
//! - `TrustAd`: Postfix style. A local validating resolver does the work and
//!   Sluis believes its AD bit. Simpler and faster, but only safe when the
//!   resolver is on the same host (or a trusted, protected link): anybody
//!   who can spoof or alter packets between Sluis and the resolver can set
//!   AD. Bogus answers come back as SERVFAIL and so are temporary failures.
//!
//! Promises: an answer is `Secure`, `Insecure` or `Bogus`; NXDOMAIN and
//! NODATA (a real "no") are kept apart from SERVFAIL/timeouts, which are
//! `DnsError::Temporary` — a TLSA SERVFAIL is never "no TLSA". CNAME chains
//! are followed (bounded) and the chain's weakest link sets the status.
//! Every lookup is bounded in time, records and TXT bytes.

//!
//! Layout (no cycles): `types` (answers, options, errors, the TLSA record)
//! at the bottom; the backends `ad` (AD-bit stub client), `validating`
//! (hickory glue) and `anchors` (trust-anchor files) import only `types`;
//! `resolver` ([`Dns`]) puts them together.

mod ad;
mod anchors;
mod resolver;
mod types;
mod validating;

pub use resolver::{Dns, TtlWatch};
pub use types::{
    DnsError, DnsOptions, Mx, MxAnswer, Negative, RecordSet, Security, Tlsa, TrustAnchorSource,
    Validation,
};
