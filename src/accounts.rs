//! Accounts: password hashing (argon2id), verification and the rule which
//! envelope senders an account may use (no spoofing colleagues).
//!
//! Passwords are never logged, stored or returned; only argon2id PHC
//! strings are stored. Verification runs on the blocking pool because
//! argon2 is deliberately slow.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::rngs::OsRng;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error(
        "wachtwoord te kort (minimaal {0} tekens) / password too short (at least {0} characters)"
    )]
    TooShort(usize),
    #[error("cannot hash password: {0}")]
    Hash(String),
}

pub const MIN_PASSWORD_LEN: usize = 10;

/// Hash a new password with argon2id (default, OWASP-recommended parameters).
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(AccountError::TooShort(MIN_PASSWORD_LEN));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

/// Check a password against a stored PHC string. A malformed hash never
/// verifies.
pub fn verify_password(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(hash) => Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash to verify against when the account does not exist, so that a
/// wrong username costs as much time as a wrong password.
pub fn dummy_hash() -> &'static str {
    use std::sync::OnceLock;
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password("sluis-dummy-password").unwrap_or_default())
}

/// A random password for generated demo accounts (no look-alike characters).
pub fn generate_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut rng = OsRng;
    (0..20)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// May an account with these sender patterns use `mail_from`?
/// Patterns are full addresses or `*@domain`; comparison ignores case.
pub fn sender_allowed(patterns: &[String], mail_from: &str) -> bool {
    let from = mail_from.to_ascii_lowercase();
    if from.is_empty() {
        return false; // the null sender is for Sluis's own bounces
    }
    patterns.iter().any(|p| {
        let p = p.to_ascii_lowercase();
        match p.strip_prefix("*@") {
            Some(domain) => from
                .rsplit_once('@')
                .is_some_and(|(local, d)| !local.is_empty() && d == domain),
            None => p == from,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_verify_only_the_right_password() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse batterY", &h));
        assert!(!verify_password("x", "not a hash"));
        assert!(matches!(
            hash_password("short"),
            Err(AccountError::TooShort(_))
        ));
    }

    #[test]
    fn senders_are_limited_to_the_accounts_patterns() {
        let p = vec![
            "arts@praktijk.nl".to_string(),
            "*@balie.praktijk.nl".to_string(),
        ];
        assert!(sender_allowed(&p, "Arts@Praktijk.NL"));
        assert!(sender_allowed(&p, "iedereen@balie.praktijk.nl"));
        assert!(!sender_allowed(&p, "collega@praktijk.nl"));
        assert!(!sender_allowed(&p, "x@evil-balie.praktijk.nl"));
        assert!(!sender_allowed(&p, "@balie.praktijk.nl"));
        assert!(!sender_allowed(&p, ""));
    }

    #[test]
    fn generated_passwords_are_long_enough_to_hash() {
        let p = generate_password();
        assert_eq!(p.len(), 20);
        assert!(hash_password(&p).is_ok());
    }
}
