//! DKIM signatures (mail-auth, relaxed/relaxed) on the mails pickup sends:
//! notification, code mail, notices to the sender, and a recipient's reply
//! from the portal (sent `From:` the notification address). One key per tenant
//! from `[[pickup.dkim]]`, Ed25519 or RSA-SHA256; in demo mode an Ed25519
//! key is generated for a tenant without one, with the TXT record to
//! publish written beside it.
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

/// The signing keys of all tenants.
#[derive(Default)]
pub struct Dkim {
    signers: HashMap<String, Signer>,
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

/// Create an Ed25519 key (mode 0600) and its DNS record file.
fn generate(path: &Path, domain: &str, selector: &str) -> Result<(), DkimError> {
    use base64::Engine;
    let der = Ed25519Key::generate_pkcs8().map_err(|e| key_error(path, e))?;
    let key = Ed25519Key::from_pkcs8_der(&der).map_err(|e| key_error(path, e))?;
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
    f.write_all(pem_b64(&der).as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| key_error(path, e))?;
    let record = format!(
        "{selector}._domainkey.{domain}. IN TXT \"v=DKIM1; k=ed25519; p={}\"\n",
        base64::engine::general_purpose::STANDARD.encode(key.public_key())
    );
    crate::private_fs::write(&path.with_extension("dns.txt"), record.as_bytes())
        .map_err(|e| key_error(path, e))?;
    tracing::warn!(key = %path.display(), "generated a DKIM key (demo mode); publish the record in its .dns.txt file");
    Ok(())
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
        let mut signers = HashMap::new();
        for k in &cfg.dkim {
            signers.insert(
                k.tenant.clone(),
                load(&k.key_file, &k.domain, &k.selector, k.algorithm)?,
            );
        }
        let domain = crate::types::domain_of(&cfg.notify_from);
        if cfg.dkim_generate && !signers.contains_key(tenant) && !domain.is_empty() {
            let path = cfg.dkim_dir.join(format!("{tenant}.key"));
            if !path.exists() {
                generate(&path, &domain, &cfg.dkim_selector)?;
            }
            signers.insert(
                tenant.to_string(),
                load(&path, &domain, &cfg.dkim_selector, DkimAlgorithm::Ed25519)?,
            );
        }
        Ok(Dkim { signers })
    }

    /// The mail with a `DKIM-Signature` header in front, or unchanged when
    /// the tenant has no key or signing fails.
    pub fn sign(&self, tenant: &str, raw: Vec<u8>) -> Vec<u8> {
        let sig = match self.signers.get(tenant) {
            None => return raw,
            Some(Signer::Ed25519(s)) => s.sign(&raw),
            Some(Signer::Rsa(s)) => s.sign(&raw),
        };
        match sig {
            Ok(sig) => {
                let mut out = sig.to_header().into_bytes();
                out.extend_from_slice(&raw);
                out
            }
            Err(e) => {
                tracing::warn!(tenant, error = %e, "DKIM signing failed; mail sent unsigned");
                raw
            }
        }
    }
}

#[cfg(test)]
#[path = "dkim_tests.rs"]
mod tests;
