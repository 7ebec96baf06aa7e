//! Pickup cryptography, pure and without I/O.
//!
//! - A *link secret* (32 random bytes, base64url in the recipient's link)
//!   is the only thing that can open a parked message. From it HKDF-SHA256
//!   derives (a) the public pickup id the store keys on and (b) an X25519
//!   age identity the message is encrypted to. The store never sees the
//!   secret, so database plus blobs reveal nothing.
//! - A *session token* (32 random bytes in a cookie) works the same way: the
//!   store keys sessions on its hash and keeps the link secret sealed under
//!   an identity derived from the token.
//! - A *server key* (HMAC-SHA256) signs revoke links and hashes one-time
//!   codes, so a database dump alone cannot brute-force a code offline.
//!
//! Fails with [`CryptoError`]; nothing here logs, and `Debug` of a secret
//! never shows its bytes.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::str::FromStr;
use subtle::ConstantTimeEq;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("malformed secret")]
    BadSecret,
    #[error("encryption failed: {0}")]
    Encrypt(String),
    #[error("decryption failed (wrong key or damaged data)")]
    Decrypt,
}

/// 32 random bytes: a link secret or a session token.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret([u8; 32]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

impl Secret {
    pub fn random() -> Secret {
        let mut b = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut b);
        Secret(b)
    }

    pub fn from_bytes(b: [u8; 32]) -> Secret {
        Secret(b)
    }

    /// Parse the base64url text form (from a link or cookie).
    pub fn parse(text: &str) -> Result<Secret, CryptoError> {
        if text.len() != 43 {
            return Err(CryptoError::BadSecret);
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(text)
            .map_err(|_| CryptoError::BadSecret)?;
        let arr: [u8; 32] = bytes.try_into().map_err(|_| CryptoError::BadSecret)?;
        Ok(Secret(arr))
    }

    /// base64url without padding (43 characters).
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    fn derive(&self, info: &[u8]) -> [u8; 32] {
        let hk = hkdf::Hkdf::<Sha256>::new(Some(b"sluis-pickup-v1"), &self.0);
        let mut out = [0u8; 32];
        // 32 bytes is far below HKDF-SHA256's limit of 255 * 32: cannot fail.
        if hk.expand(info, &mut out).is_err() {
            out = [0u8; 32];
        }
        out
    }

    /// Public identifier (hex) derived from the secret: what the store keys on.
    pub fn id(&self) -> String {
        hex::encode(self.derive(b"id"))
    }

    fn identity(&self) -> Result<age::x25519::Identity, CryptoError> {
        use bech32::ToBase32;
        let key = self.derive(b"age-x25519");
        let text = bech32::encode("age-secret-key-", key.to_base32(), bech32::Variant::Bech32)
            .map_err(|_| CryptoError::BadSecret)?
            .to_ascii_uppercase();
        age::x25519::Identity::from_str(&text).map_err(|_| CryptoError::BadSecret)
    }

    /// Encrypt `plaintext` so that only this secret opens it (age, X25519).
    pub fn seal(&self, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let recipient = self.identity()?.to_public();
        age::encrypt(&recipient, plaintext).map_err(|e| CryptoError::Encrypt(e.to_string()))
    }

    /// Decrypt what [`Secret::seal`] made with the same secret.
    pub fn open(&self, ciphertext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let identity = self.identity()?;
        age::decrypt(&identity, ciphertext).map_err(|_| CryptoError::Decrypt)
    }

    /// A value bound to this secret for another purpose (e.g. a CSRF token).
    pub fn tag(&self, purpose: &str) -> String {
        URL_SAFE_NO_PAD.encode(&self.derive(purpose.as_bytes())[..24])
    }
}

/// Compare two strings in constant time (for their common length).
pub fn ct_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// The server's HMAC key.
#[derive(Clone)]
pub struct ServerKey([u8; 32]);

impl std::fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerKey(..)")
    }
}

impl ServerKey {
    pub fn from_bytes(b: [u8; 32]) -> ServerKey {
        ServerKey(b)
    }

    pub fn random() -> ServerKey {
        let mut b = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut b);
        ServerKey(b)
    }

    fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(&self.0) {
            Ok(m) => m,
            // HMAC accepts keys of any length: unreachable.
            Err(_) => return [0u8; 32],
        };
        for p in parts {
            mac.update(&(p.len() as u64).to_be_bytes());
            mac.update(p);
        }
        mac.finalize().into_bytes().into()
    }

    /// Signature for a revoke link of one pickup.
    pub fn revoke_tag(&self, pickup_id: &str) -> String {
        URL_SAFE_NO_PAD.encode(self.mac(&[b"revoke", pickup_id.as_bytes()]))
    }

    pub fn verify_revoke_tag(&self, pickup_id: &str, tag: &str) -> bool {
        ct_eq(&self.revoke_tag(pickup_id), tag)
    }

    /// A name for this key that reveals nothing of it (an HMAC of a fixed
    /// label): nodes of a cluster compare theirs in the store.
    pub fn fingerprint(&self) -> String {
        hex::encode(self.mac(&[b"sluis server key fingerprint"]))
    }

    /// Stored form of a one-time code, bound to its pickup.
    pub fn code_hash(&self, pickup_id: &str, code: &str) -> String {
        hex::encode(self.mac(&[b"code", pickup_id.as_bytes(), code.as_bytes()]))
    }
}

/// Stored form of a session token.
pub fn session_hash(token: &Secret) -> String {
    use sha2::Digest;
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A random numeric one-time code with `digits` digits (leading zeros kept).
pub fn random_code(digits: u32) -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    (0..digits)
        .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
        .collect()
}

/// `+31612345678` -> `*********678` (only the last three digits shown).
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let keep = chars.len().min(3);
    let hidden = chars.len() - keep;
    let mut out = "*".repeat(hidden);
    out.extend(&chars[hidden..]);
    out
}

/// The server key from `path`; created there (mode 0600, folder 0700)
/// when missing.
pub(super) fn load_or_create_key(path: &std::path::Path) -> Result<ServerKey, super::PickupError> {
    let err = |m: String| super::PickupError::ServerKey {
        path: path.display().to_string(),
        message: m,
    };
    match std::fs::read(path) {
        Ok(bytes) => {
            let arr: [u8; 32] = bytes
                .try_into()
                .map_err(|_| err("must hold exactly 32 bytes".into()))?;
            Ok(ServerKey::from_bytes(arr))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key: [u8; 32] = rand::random();
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                crate::private_fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
            }
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            use std::io::Write;
            let mut f = options.open(path).map_err(|e| err(e.to_string()))?;
            f.write_all(&key)
                .and_then(|_| f.sync_all())
                .map_err(|e| err(e.to_string()))?;
            Ok(ServerKey::from_bytes(key))
        }
        Err(e) => Err(err(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip_and_wrong_secret_fails() {
        let s = Secret::random();
        let ct = s.seal(b"uitslag: HbA1c 53").unwrap();
        assert!(!ct.windows(5).any(|w| w == b"HbA1c"));
        assert_eq!(s.open(&ct).unwrap(), b"uitslag: HbA1c 53");
        assert!(Secret::random().open(&ct).is_err());
    }

    #[test]
    fn secret_text_form_round_trips_and_rejects_garbage() {
        let s = Secret::random();
        let text = s.encode();
        assert_eq!(text.len(), 43);
        assert_eq!(Secret::parse(&text).unwrap(), s);
        assert!(Secret::parse("short").is_err());
        assert!(Secret::parse(&"!".repeat(43)).is_err());
    }

    #[test]
    fn id_is_deterministic_and_reveals_not_the_secret() {
        let s = Secret::from_bytes([7; 32]);
        assert_eq!(s.id(), Secret::from_bytes([7; 32]).id());
        assert_ne!(s.id(), Secret::from_bytes([8; 32]).id());
        assert!(!s.id().contains(&hex::encode([7u8; 32])));
        assert_ne!(s.tag("csrf"), s.tag("other"));
    }

    #[test]
    fn revoke_tags_verify_only_for_their_pickup_and_key() {
        let k = ServerKey::random();
        let tag = k.revoke_tag("abc");
        assert!(k.verify_revoke_tag("abc", &tag));
        assert!(!k.verify_revoke_tag("abd", &tag));
        assert!(!ServerKey::random().verify_revoke_tag("abc", &tag));
        assert!(!k.verify_revoke_tag("abc", ""));
    }

    #[test]
    fn codes_have_the_asked_digits_and_hash_per_pickup() {
        let c = random_code(6);
        assert_eq!(c.len(), 6);
        assert!(c.chars().all(|ch| ch.is_ascii_digit()));
        let k = ServerKey::random();
        assert_ne!(k.code_hash("p1", &c), k.code_hash("p2", &c));
        assert!(!k.code_hash("p1", &c).contains(&c));
    }

    #[test]
    fn constant_time_compare_is_exact() {
        assert!(ct_eq("123456", "123456"));
        assert!(!ct_eq("123456", "123457"));
        assert!(!ct_eq("123456", "12345"));
    }

    #[test]
    fn phones_are_masked_to_the_last_three_digits() {
        assert_eq!(mask_phone("+31612345678"), "*********678");
        assert_eq!(mask_phone("12"), "12");
    }
}
