//! DKIM signatures (mail-auth, relaxed/relaxed) on the mails pickup sends:
//! notification, code mail, notices to the sender, and a recipient's reply
//! from the portal (sent `From:` the notification address). Keys per tenant
//! from `[[pickup.dkim]]`, RSA-SHA256 and/or Ed25519; with both, a mail
//! carries two signatures, RSA first (the one every large provider
//! verifies). With `dkim_generate` (the default) a tenant without a key
//! gets an RSA-2048 and an Ed25519 key, each with the TXT record to publish
//! written beside it.
//!
//! Fails at start-up with [`DkimError`] (unreadable or wrong key); at run
//! time a signing failure leaves the mail unsigned with a warning, so a
//! notification is never lost over a signature.

use crate::config::{DkimAlgorithm, PickupConfig};
use mail_auth::common::crypto::{Ed25519Key, RsaKey, Sha256};
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::{DkimSigner, Done};
use std::collections::HashMap;
use std::path::Path;

/// Headers covered by the signature.
const SIGNED: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "Content-Type",
    "Auto-Submitted",
    "In-Reply-To",
    "Reply-To",
];

#[derive(Debug, thiserror::Error)]
pub enum DkimError {
    #[error("DKIM key {path}: {message}")]
    Key { path: String, message: String },
}

enum Signer {
    Ed25519(DkimSigner<Ed25519Key, Done>),
    Rsa(DkimSigner<RsaKey<Sha256>, Done>),
}

/// The signing keys of all tenants, RSA before Ed25519 per tenant.
#[derive(Default)]
pub struct Dkim {
    signers: HashMap<String, Vec<Signer>>,
}

impl std::fmt::Debug for Dkim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dkim")
            .field("tenants", &self.signers.keys().collect::<Vec<_>>())
            .finish()
    }
}

fn pem_b64(der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::from("-----BEGIN PRIVATE KEY-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str("-----END PRIVATE KEY-----\n");
    out
}

fn key_error(path: &Path, message: impl ToString) -> DkimError {
    DkimError::Key {
        path: path.display().to_string(),
        message: message.to_string(),
    }
}

/// Write a new private key file (mode 0600, never over an existing one)
/// and its DNS record beside it (`.dns.txt`).
fn write_key(path: &Path, pem: &[u8], record: &str) -> Result<(), DkimError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::private_fs::create_dir_all(dir).map_err(|e| key_error(path, e))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    use std::io::Write;
    let mut f = options.open(path).map_err(|e| key_error(path, e))?;
    f.write_all(pem)
        .and_then(|_| f.sync_all())
        .map_err(|e| key_error(path, e))?;
    crate::private_fs::write(&path.with_extension("dns.txt"), record.as_bytes())
        .map_err(|e| key_error(path, e))?;
    tracing::warn!(key = %path.display(), "generated a DKIM key; publish the record in its .dns.txt file");
    Ok(())
}

/// Create an Ed25519 key and its DNS record file.
fn generate(path: &Path, domain: &str, selector: &str) -> Result<(), DkimError> {
    use base64::Engine;
    let der = Ed25519Key::generate_pkcs8().map_err(|e| key_error(path, e))?;
    let key = Ed25519Key::from_pkcs8_der(&der).map_err(|e| key_error(path, e))?;
    let record = format!(
        "{selector}._domainkey.{domain}. IN TXT \"v=DKIM1; k=ed25519; p={}\"\n",
        base64::engine::general_purpose::STANDARD.encode(key.public_key())
    );
    write_key(path, pem_b64(&der).as_bytes(), &record)
}

/// Bits of a generated RSA key.
const RSA_BITS: usize = 2048;

/// Create an RSA-2048 key (PKCS#8 PEM) and its DNS record file (the
/// public key as SubjectPublicKeyInfo, as RFC 6376 asks).
fn generate_rsa(path: &Path, domain: &str, selector: &str) -> Result<(), DkimError> {
    use base64::Engine;
    use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
    let key = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, RSA_BITS)
        .map_err(|e| key_error(path, e))?;
    let pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| key_error(path, e))?;
    let public = key
        .to_public_key()
        .to_public_key_der()
        .map_err(|e| key_error(path, e))?;
    let record = format!(
        "{selector}._domainkey.{domain}. IN TXT \"v=DKIM1; k=rsa; p={}\"\n",
        base64::engine::general_purpose::STANDARD.encode(public.as_bytes())
    );
    write_key(path, pem.as_bytes(), &record)
}

fn load(
    path: &Path,
    domain: &str,
    selector: &str,
    algorithm: DkimAlgorithm,
) -> Result<Signer, DkimError> {
    let pem = std::fs::read_to_string(path).map_err(|e| key_error(path, e))?;
    Ok(match algorithm {
        DkimAlgorithm::Ed25519 => {
            let der = match rustls_pemfile::read_one(&mut pem.as_bytes()) {
                Ok(Some(rustls_pemfile::Item::Pkcs8Key(k))) => k.secret_pkcs8_der().to_vec(),
                _ => return Err(key_error(path, "no PKCS#8 private key in PEM")),
            };
            let key =
                Ed25519Key::from_pkcs8_maybe_unchecked_der(&der).map_err(|e| key_error(path, e))?;
            Signer::Ed25519(
                DkimSigner::from_key(key)
                    .domain(domain)
                    .selector(selector)
                    .headers(SIGNED.iter().copied()),
            )
        }
        DkimAlgorithm::Rsa => {
            let key = RsaKey::<Sha256>::from_pkcs8_pem(&pem)
                .or_else(|_| RsaKey::<Sha256>::from_rsa_pem(&pem))
                .map_err(|e| key_error(path, e))?;
            Signer::Rsa(
                DkimSigner::from_key(key)
                    .domain(domain)
                    .selector(selector)
                    .headers(SIGNED.iter().copied()),
            )
        }
    })
}

impl Dkim {
    /// Load every configured key; in demo mode, make one for `tenant` when
    /// it has none (domain from `notify_from`).
    pub fn load(cfg: &PickupConfig, tenant: &str) -> Result<Dkim, DkimError> {
        let mut signers: HashMap<String, Vec<Signer>> = HashMap::new();
        for k in &cfg.dkim {
            signers.entry(k.tenant.clone()).or_default().push(load(
                &k.key_file,
                &k.domain,
                &k.selector,
                k.algorithm,
            )?);
        }
        let domain = crate::types::domain_of(&cfg.notify_from);
        if cfg.dkim_generate && !signers.contains_key(tenant) && !domain.is_empty() {
            let rsa = cfg.dkim_dir.join(format!("{tenant}.rsa.key"));
            if !rsa.exists() {
                generate_rsa(&rsa, &domain, &cfg.dkim_rsa_selector)?;
            }
            let ed = cfg.dkim_dir.join(format!("{tenant}.key"));
            if !ed.exists() {
                generate(&ed, &domain, &cfg.dkim_selector)?;
            }
            signers.insert(
                tenant.to_string(),
                vec![
                    load(&rsa, &domain, &cfg.dkim_rsa_selector, DkimAlgorithm::Rsa)?,
                    load(&ed, &domain, &cfg.dkim_selector, DkimAlgorithm::Ed25519)?,
                ],
            );
        }
        for list in signers.values_mut() {
            // RSA first: a verifier that stops at the first signature it
            // understands meets the one every provider supports.
            list.sort_by_key(|s| matches!(s, Signer::Ed25519(_)));
        }
        Ok(Dkim { signers })
    }

    /// The mail with a `DKIM-Signature` header per key in front (RSA
    /// first), or unchanged when the tenant has no key or signing fails.
    pub fn sign(&self, tenant: &str, raw: Vec<u8>) -> Vec<u8> {
        let Some(list) = self.signers.get(tenant) else {
            return raw;
        };
        let mut headers = Vec::new();
        for signer in list {
            let sig = match signer {
                Signer::Ed25519(s) => s.sign(&raw),
                Signer::Rsa(s) => s.sign(&raw),
            };
            match sig {
                Ok(sig) => headers.extend_from_slice(sig.to_header().as_bytes()),
                Err(e) => {
                    tracing::warn!(tenant, error = %e, "DKIM signing failed; signature left out")
                }
            }
        }
        if headers.is_empty() {
            return raw;
        }
        headers.extend_from_slice(&raw);
        headers
    }
}

#[cfg(test)]
#[path = "dkim_tests.rs"]
mod tests;
