//! The server certificate: load the PEM certificate chain and private key
//! from `[tls]`, or, when both are missing and `generate_self_signed` is
//! on (demo mode), create a self-signed pair first.
//!
//! Promises: a generated private key is written with mode 0600 and never
//! logged; rustls uses the ring provider with its safe defaults (TLS 1.2
//! and 1.3 only). Fails with a message naming the file and the problem.

use crate::config::TlsConfig;
use anyhow::{anyhow, bail, Context};
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Read (or generate) the certificate and key and build a rustls config.
pub fn load_or_generate_tls(
    cfg: &TlsConfig,
    hostname: &str,
) -> anyhow::Result<Arc<rustls::ServerConfig>> {
    let have_cert = cfg.certificate.exists();
    let have_key = cfg.private_key.exists();
    if !have_cert && !have_key && cfg.generate_self_signed {
        generate(cfg, hostname)?;
        tracing::warn!(
            certificate = %cfg.certificate.display(),
            "generated a self-signed TLS certificate (demo mode); mail clients will warn"
        );
    } else if !have_cert || !have_key {
        bail!(
            "TLS certificate {} or key {} missing (set tls.generate_self_signed = true for a demo certificate)",
            cfg.certificate.display(),
            cfg.private_key.display()
        );
    }
    let certs = read_certs(&cfg.certificate)?;
    let key = read_key(&cfg.private_key)?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("rustls protocol versions")?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .with_context(|| {
            format!(
                "certificate {} does not match key {}",
                cfg.certificate.display(),
                cfg.private_key.display()
            )
        })?;
    Ok(Arc::new(config))
}

fn read_certs(path: &Path) -> anyhow::Result<Vec<rustls::pki_types::CertificateDer<'static>>> {
    let pem = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let certs = rustls_pemfile::certs(&mut pem.as_slice())
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("{}: not a PEM certificate file", path.display()))?;
    if certs.is_empty() {
        bail!("{}: no certificate found", path.display());
    }
    Ok(certs)
}

fn read_key(path: &Path) -> anyhow::Result<rustls::pki_types::PrivateKeyDer<'static>> {
    let pem = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    rustls_pemfile::private_key(&mut pem.as_slice())
        .with_context(|| format!("{}: not a PEM key file", path.display()))?
        .ok_or_else(|| anyhow!("{}: no private key found", path.display()))
}

fn generate(cfg: &TlsConfig, hostname: &str) -> anyhow::Result<()> {
    let names = vec![hostname.to_string(), "localhost".to_string()];
    let rcgen::CertifiedKey { cert, key_pair } =
        rcgen::generate_simple_self_signed(names).context("generating self-signed certificate")?;
    for path in [&cfg.certificate, &cfg.private_key] {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::private_fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
    }
    write_file(&cfg.private_key, key_pair.serialize_pem().as_bytes(), 0o600)?;
    write_file(&cfg.certificate, cert.pem().as_bytes(), 0o644)?;
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8], mode: u32) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(bytes)
        .and_then(|_| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_once_with_private_key_0600_then_loads() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = TlsConfig {
            certificate: dir.path().join("tls/sluis.crt"),
            private_key: dir.path().join("tls/sluis.key"),
            generate_self_signed: true,
        };
        load_or_generate_tls(&cfg, "sluis.test").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&cfg.private_key)
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let before = std::fs::read(&cfg.certificate).unwrap();
        load_or_generate_tls(&cfg, "sluis.test").unwrap();
        assert_eq!(before, std::fs::read(&cfg.certificate).unwrap());
    }

    #[test]
    fn missing_files_without_generation_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = TlsConfig {
            certificate: dir.path().join("a.crt"),
            private_key: dir.path().join("a.key"),
            generate_self_signed: false,
        };
        let err = load_or_generate_tls(&cfg, "x").unwrap_err().to_string();
        assert!(err.contains("missing"), "{err}");
    }
}
