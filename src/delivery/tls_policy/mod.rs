//! TLS policies of the next hop: the security levels and their order
//! (`levels`), DANE for SMTP (`dane`: TLSA matching and the certificate
//! verifier), MTA-STS (`mta_sts`: policy text and cache; `mta_sts_fetch`:
//! TXT, cache and HTTPS fetch), NTA 7516 (`nta7516`), and the rustls client
//! configuration a level calls for (`level_tls`, through
//! [`crate::net::tls`]).
//!
//! Promises: pure decisions plus lookups through [`crate::net`]; nothing
//! here opens an SMTP session. May import: `crate::net`, `crate::types`.
//! Never another delivery folder.

pub mod dane;
pub mod level_tls;
pub mod levels;
pub mod mta_sts;
pub mod mta_sts_fetch;
pub mod nta7516;
