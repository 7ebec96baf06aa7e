//! Command-line parts of the crypto stage, for the lead to wire into clap:
//! `sluis keys import FILE [--for ADDRESS] | list | remove FINGERPRINT`,
//! each with `--json` (import and remove: one object on one line),
//! and `sluis encrypt (--cert FILE | --pgp-key FILE | --to ADDRESS)`.
//!
//! `encrypt` runs the same code as the gateway (`Encryptor`), reading a
//! message on stdin and writing the encrypted message on stdout. Exit
//! codes: 0 encrypted, 2 no usable key (reason on stderr), 1 error.

use super::encryptor::{Encryptor, RecipientKey};
use super::{keystore, pgp, smime, CryptoConfig, EncryptOutcome, KeySource};
use crate::audit::Audit;
use crate::store::Store;
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Subcommand)]
pub enum KeysCommand {
    /// Sleutel importeren / Import certificates (PEM/DER), OpenPGP keys or a CRL
    Import {
        file: PathBuf,
        /// Alleen voor dit adres / Only for this address (the key must name it)
        #[arg(long = "for")]
        for_address: Option<String>,
        /// Eén JSON-object / One JSON object: `keys` (fingerprint, address,
        /// kind, not_after_ms, created_ms) and `revocations`.
        #[arg(long)]
        json: bool,
    },
    /// Sleutels tonen / List stored keys
    List {
        #[arg(long)]
        json: bool,
    },
    /// Sleutel verwijderen / Remove a key by fingerprint
    Remove {
        fingerprint: String,
        /// Eén JSON-object / One JSON object: `fingerprint`, `removed`,
        /// `addresses` (how many addresses the key was stored for). Exit 1
        /// when not found, as without `--json`.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct EncryptArgs {
    /// Versleutel met dit X.509-certificaat / Encrypt to this certificate (PEM or DER)
    #[arg(long, conflicts_with = "pgp_key")]
    pub cert: Option<PathBuf>,
    /// Versleutel met deze OpenPGP-sleutel / Encrypt to this OpenPGP certificate
    #[arg(long)]
    pub pgp_key: Option<PathBuf>,
    /// Ontvanger / Recipient address (key discovery when no key file is given)
    #[arg(long)]
    pub to: Option<String>,
    /// Onderwerp niet vervangen / Keep the Subject outside (no header protection)
    #[arg(long)]
    pub no_header_protection: bool,
}

pub async fn run_keys(store: &Store, cmd: KeysCommand) -> anyhow::Result<i32> {
    let mut out = std::io::stdout().lock();
    run_keys_to(store, cmd, &mut out).await
}

/// `run_keys` writing to `out` (tests).
pub async fn run_keys_to(
    store: &Store,
    cmd: KeysCommand,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    match cmd {
        KeysCommand::Import {
            file,
            for_address,
            json,
        } => {
            let data = std::fs::read(&file)
                .with_context(|| format!("kan {} niet lezen / cannot read it", file.display()))?;
            let report = keystore::import(store, &data, for_address.as_deref()).await?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&report)?)?;
                return Ok(0);
            }
            if report.revocations > 0 || report.keys.is_empty() {
                writeln!(
                    out,
                    "{} ingetrokken certificaten vastgelegd / revoked certificates recorded",
                    report.revocations
                )?;
            }
            for k in &report.keys {
                writeln!(
                    out,
                    "geïmporteerd / imported {} {} {}",
                    k.kind.as_str(),
                    k.fingerprint,
                    k.address
                )?;
            }
            Ok(0)
        }
        KeysCommand::List { json } => {
            let keys = keystore::list(store).await?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&keys)?)?;
                return Ok(0);
            }
            let now = crate::now_ms();
            for k in keys {
                let state = match k.not_after_ms {
                    Some(t) if t < now => "verlopen/expired",
                    _ => "-",
                };
                writeln!(
                    out,
                    "{:<8} {} {} {}",
                    k.kind.as_str(),
                    k.fingerprint,
                    k.address,
                    state
                )?;
            }
            Ok(0)
        }
        KeysCommand::Remove { fingerprint, json } => {
            let n = keystore::remove(store, &fingerprint).await?;
            if json {
                let object = serde_json::json!({
                    "fingerprint": fingerprint,
                    "removed": n > 0,
                    "addresses": n,
                });
                writeln!(out, "{object}")?;
                return Ok(if n == 0 { 1 } else { 0 });
            }
            if n == 0 {
                writeln!(out, "niet gevonden / not found: {fingerprint}")?;
                return Ok(1);
            }
            writeln!(out, "verwijderd / removed: {fingerprint}")?;
            Ok(0)
        }
    }
}

/// `sluis encrypt`: stdin to stdout.
pub async fn run_encrypt(
    store: Option<&Store>,
    config: &CryptoConfig,
    args: EncryptArgs,
) -> anyhow::Result<i32> {
    use std::io::Read;
    let mut input = Vec::new();
    std::io::stdin()
        .lock()
        .take(config.max_message_bytes.saturating_add(1))
        .read_to_end(&mut input)?;
    let (code, output, diag) = encrypt_bytes(store, config, &args, &input).await?;
    if !diag.is_empty() {
        eprintln!("{diag}");
    }
    std::io::stdout().lock().write_all(&output)?;
    Ok(code)
}

/// The core of `sluis encrypt`: (exit code, output, diagnostic).
pub async fn encrypt_bytes(
    store: Option<&Store>,
    config: &CryptoConfig,
    args: &EncryptArgs,
    input: &[u8],
) -> anyhow::Result<(i32, Vec<u8>, String)> {
    let (audit, mut events) = Audit::channel();
    let encryptor = Encryptor::new(config.clone(), store.cloned(), audit)?;
    let mut opts = encryptor.options("default", None);
    if args.no_header_protection {
        opts.header_protection = false;
    }
    let given = if let Some(path) = &args.cert {
        let data =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let cert = smime::parse_certs(&data)?
            .into_iter()
            .next()
            .context("geen certificaat / no certificate")?;
        Some(RecipientKey::Smime(Box::new(cert)))
    } else if let Some(path) = &args.pgp_key {
        let data =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let cert = pgp::parse_certs(&data)?
            .into_iter()
            .next()
            .context("geen OpenPGP-sleutel / no OpenPGP key")?;
        Some(RecipientKey::OpenPgp(Box::new(cert)))
    } else {
        None
    };
    let outcome = match given {
        Some(key) => {
            let emails = match &key {
                RecipientKey::Smime(c) => &c.emails,
                RecipientKey::OpenPgp(c) => &c.emails,
            };
            let address = args
                .to
                .clone()
                .or_else(|| emails.first().cloned())
                .unwrap_or_default();
            if let Some(why) = key.unusable(&address, crate::now_ms()) {
                return Ok((
                    2,
                    Vec::new(),
                    format!("sleutel onbruikbaar / key unusable: {why}"),
                ));
            }
            encryptor
                .encrypt_with(key, KeySource::File, input.to_vec(), opts)
                .await?
        }
        None => {
            let to = args
                .to
                .as_deref()
                .context("geef --cert, --pgp-key of --to / give --cert, --pgp-key or --to")?;
            encryptor.encrypt_for(to, input, &opts).await?
        }
    };
    drop(encryptor);
    if let Some(store) = store {
        let mut batch = Vec::new();
        while let Ok(e) = events.try_recv() {
            batch.push(e);
        }
        store.append_audit(&batch).await?;
    }
    Ok(match outcome {
        EncryptOutcome::Encrypted {
            message,
            method,
            fingerprint,
            source,
        } => (
            0,
            message,
            format!(
                "versleuteld / encrypted: {} {} ({})",
                method.as_str(),
                fingerprint,
                source.as_str()
            ),
        ),
        EncryptOutcome::NoKey { reason } => (
            2,
            Vec::new(),
            format!("geen bruikbare sleutel / no usable key: {reason}"),
        ),
    })
}
