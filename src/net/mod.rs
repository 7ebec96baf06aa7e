//! The bottom layer of networking, shared by every stage and knowing none:
//! DNS with DNSSEC status (`dns`), the one factory for rustls client
//! configurations (`tls`) and the one bounded HTTP(S) client (`http`).
//!
//! May import: `std`, external crates, and nothing of Sluis outside
//! `net`. The stages (delivery, crypto, pickup, ...) import from here.

pub mod dns;
pub mod http;
pub mod tls;
