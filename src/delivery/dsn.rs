//! PLACEHOLDER until the delivery branch lands (replaced on merge).
use crate::types::{Bilingual, Envelope};
pub fn blocked_dsn(
    _hostname: &str,
    _postmaster: &str,
    _envelope: &Envelope,
    _original_headers: &[u8],
    _blocked: &[(String, Bilingual)],
) -> Vec<u8> {
    Vec::new()
}
