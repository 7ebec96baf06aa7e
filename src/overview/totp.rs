//! TOTP (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA1, 6 digits and 30 s
//! steps: what every authenticator app (FreeOTP, Google Authenticator,
//! Microsoft Authenticator, 1Password) takes from an `otpauth://` URI. Pure
//! functions, no I/O. No maintained TOTP crate is in the offline registry;
//! the algorithm is a dozen lines over the `hmac` and `sha1` crates the
//! tree already has, checked against the RFC's own test vectors.
//!
//! Promises: a code is compared in constant time; a step is accepted at
//! most once (the caller stores the last step used and passes it in), so a
//! code seen over a shoulder cannot be replayed; a drift of `skew` steps
//! either way is allowed.

use hmac::{Hmac, Mac};
use sha1::Sha1;
use subtle::ConstantTimeEq;

/// Seconds per step (RFC 6238's default; what authenticator apps assume).
pub const STEP_SECS: i64 = 30;
/// Digits per code.
pub const DIGITS: u32 = 6;
/// Bytes of a new secret (160 bits, as RFC 4226 recommends).
pub const SECRET_LEN: usize = 20;

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32 without padding (the form `otpauth://` URIs carry).
pub fn base32_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(5) * 8);
    let mut buffer: u32 = 0;
    let mut bits = 0u32;
    for &b in data {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(BASE32[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Base32 back to bytes; spaces, `-` and `=` are ignored, case too. `None`
/// for any other character.
pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let mut buffer: u32 = 0;
    let mut bits = 0u32;
    for c in text.chars() {
        if matches!(c, ' ' | '-' | '=') {
            continue;
        }
        let up = c.to_ascii_uppercase() as u8;
        let v = BASE32.iter().position(|&x| x == up)? as u32;
        buffer = (buffer << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// A new random secret.
pub fn new_secret() -> Vec<u8> {
    use rand::RngCore;
    let mut s = vec![0u8; SECRET_LEN];
    rand::rngs::OsRng.fill_bytes(&mut s);
    s
}

/// HOTP (RFC 4226 §5.3): the `digits`-digit code of `counter`.
pub fn hotp(secret: &[u8], counter: u64, digits: u32) -> String {
    let Ok(mut mac) = <Hmac<Sha1> as Mac>::new_from_slice(secret) else {
        // HMAC takes keys of any length: unreachable.
        return String::new();
    };
    mac.update(&counter.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = usize::from(h[19] & 0x0f);
    let bin = (u32::from(h[offset] & 0x7f) << 24)
        | (u32::from(h[offset + 1]) << 16)
        | (u32::from(h[offset + 2]) << 8)
        | u32::from(h[offset + 3]);
    let code = bin % 10u32.pow(digits);
    format!("{code:0width$}", width = digits as usize)
}

/// The step a Unix time (seconds) falls in.
pub fn step_of(unix_secs: i64) -> i64 {
    unix_secs.div_euclid(STEP_SECS)
}

/// The code for a Unix time (seconds).
pub fn code_at(secret: &[u8], unix_secs: i64) -> String {
    hotp(secret, step_of(unix_secs).max(0) as u64, DIGITS)
}

/// Check `code` at `unix_secs`, allowing `skew` steps either way, and only
/// steps after `last_used_step`. Returns the step it matched, which the
/// caller stores as the new last used step.
pub fn verify(
    secret: &[u8],
    code: &str,
    unix_secs: i64,
    skew: u32,
    last_used_step: Option<i64>,
) -> Option<i64> {
    let code = code.trim();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_of(unix_secs);
    let skew = i64::from(skew);
    let mut found = None;
    // Every candidate is computed and compared, so the time taken does not
    // say which step matched.
    for step in (now - skew)..=(now + skew) {
        if step < 0 || last_used_step.is_some_and(|last| step <= last) {
            continue;
        }
        let expected = hotp(secret, step as u64, DIGITS);
        if bool::from(expected.as_bytes().ct_eq(code.as_bytes())) && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// The `otpauth://` URI an authenticator app reads (typed in, or as a QR
/// code made by the operator's own tool).
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        enc(issuer),
        enc(account),
        base32_encode(secret),
        enc(issuer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn hotp_matches_rfc4226_appendix_d() {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (i, e) in expected.iter().enumerate() {
            assert_eq!(hotp(RFC_SECRET, i as u64, 6), *e, "counter {i}");
        }
    }

    #[test]
    fn totp_matches_rfc6238_appendix_b_sha1() {
        // The RFC lists 8 digits; the same HOTP value with 8 digits.
        for (t, code) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(hotp(RFC_SECRET, step_of(t) as u64, 8), code, "t={t}");
        }
        assert_eq!(code_at(RFC_SECRET, 59), "287082");
    }

    #[test]
    fn verify_allows_skew_and_refuses_replay_and_junk() {
        let t = 1_234_567_890;
        let now = code_at(RFC_SECRET, t);
        let step = verify(RFC_SECRET, &now, t, 1, None).expect("current code");
        assert_eq!(step, step_of(t));
        // The same code again: refused (replay).
        assert_eq!(verify(RFC_SECRET, &now, t, 1, Some(step)), None);
        // The previous step's code is fine with skew 1, not with skew 0.
        let prev = code_at(RFC_SECRET, t - 30);
        assert!(verify(RFC_SECRET, &prev, t, 1, None).is_some());
        assert_eq!(verify(RFC_SECRET, &prev, t, 0, None), None);
        // Two steps away: refused.
        let old = code_at(RFC_SECRET, t - 90);
        assert_eq!(verify(RFC_SECRET, &old, t, 1, None), None);
        for junk in ["", "12345", "1234567", "abcdef", "１２３４５６"] {
            assert_eq!(verify(RFC_SECRET, junk, t, 1, None), None, "{junk:?}");
        }
    }

    #[test]
    fn base32_round_trips_and_matches_rfc4648() {
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32_encode(b"fo"), "MZXQ");
        assert_eq!(base32_decode("mzxw 6ytb-oi==").unwrap(), b"foobar");
        assert_eq!(base32_decode("MZX!"), None);
        let s = new_secret();
        assert_eq!(base32_decode(&base32_encode(&s)).unwrap(), s);
        let uri = otpauth_uri("Praktijk De Sluis", "beheer", &s);
        assert!(uri.starts_with("otpauth://totp/Praktijk%20De%20Sluis:beheer?secret="));
        assert!(uri.contains("&digits=6&period=30"));
    }
}
