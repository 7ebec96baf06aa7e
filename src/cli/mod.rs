//! The `sluis` command line: one binary for the gateway and for the
//! operator's tools. Each subcommand is a thin shell around a library
//! function, so the same code path serves the daemon, the CLI and tests.

mod audit;
pub mod audit_pickups;
pub mod doctor;
pub mod doctor_domain;
pub mod doctor_records;
pub mod doctor_transport;
mod migrate;
pub mod pickup_list;
mod users;

use crate::config::Config;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "sluis",
    version,
    about = "Sluis: secure e-mail gateway for Dutch healthcare"
)]
pub struct Cli {
    /// Configuration file. Without it (and without $SLUIS_CONFIG) the first
    /// of ./sluis.toml, ./data/sluis.toml, /etc/sluis/sluis.toml that exists,
    /// else built-in defaults; `sluis config --path` says which.
    #[arg(long, global = true, env = "SLUIS_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the gateway (SMTP submission, queue, delivery).
    Run {
        /// Create a demo account (printed once) when there are no accounts yet.
        #[arg(long)]
        demo: bool,
        /// Log lines as `text` or `json` (one object per line); default:
        /// `[log] format` in the configuration.
        #[arg(long, value_enum, env = "SLUIS_LOG_FORMAT")]
        log_format: Option<crate::config::LogFormat>,
    },
    /// Accounts that may open the practice overview (`/beheer` on the
    /// portal): operator role, TOTP second factor.
    Operator {
        #[command(subcommand)]
        action: crate::overview::cli::OperatorCommand,
    },
    /// Manage the accounts that may submit mail.
    User {
        #[command(subcommand)]
        action: users::UserCommand,
    },
    /// Inspect messages for BSNs, health and personal data.
    Scan {
        /// One JSON object per file per line.
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Check or try out the policy files.
    Policy {
        #[command(subcommand)]
        action: PolicyCommand,
    },
    /// Keys for end-to-end encryption (S/MIME certificates, OpenPGP keys).
    Keys {
        #[command(subcommand)]
        action: crate::crypto::cli::KeysCommand,
    },
    /// Encrypt a message from standard input to standard output, as delivery would.
    Encrypt {
        #[command(flatten)]
        args: crate::crypto::cli::EncryptArgs,
    },
    /// Parked messages (secure pickup).
    Pickup {
        #[command(subcommand)]
        action: PickupCommand,
    },
    /// The practice's contact list (phone numbers for pickup codes).
    Contacts {
        #[command(subcommand)]
        action: ContactsCommand,
    },
    /// Delivery diagnostics.
    Delivery {
        #[command(subcommand)]
        action: DeliveryCommand,
    },
    /// Show the audit trail.
    Audit {
        #[command(subcommand)]
        action: AuditCommand,
    },
    /// Check this installation: configuration, policy files, certificate
    /// expiry, store, spool folder, relay host. With --domain: the
    /// practice's own domain as recipients see it (SPF, DKIM, DMARC,
    /// MTA-STS, TLS-RPT, TLSA, NTA 7516), with the records to add.
    /// Exit 1 when a check fails.
    Doctor {
        /// The practice's own mail domain.
        #[arg(long)]
        domain: Option<String>,
        /// DNS server to ask (ADDR:PORT); default: `[mx] resolver`.
        #[arg(long, requires = "domain")]
        resolver: Option<std::net::SocketAddr>,
        /// DNSSEC trust anchor file (DS or DNSKEY lines); default: `[mx]`.
        #[arg(long, requires = "domain")]
        trust_anchor: Option<PathBuf>,
        /// Believe the resolver's AD bit instead of validating.
        #[arg(long, requires = "domain")]
        trust_ad: bool,
        /// An address Sluis sends from, which SPF must allow; repeatable.
        /// Default: the addresses of `server.hostname` (none with a relay).
        #[arg(long = "sending-ip", requires = "domain")]
        sending_ips: Vec<std::net::IpAddr>,
        /// One JSON object per check per line.
        #[arg(long)]
        json: bool,
    },
    /// Bring the database schema up to this version (`sluis run` does it
    /// at start unless `store.migrate_on_start = false`).
    Migrate {
        /// Only show each component's version in the database and in this build.
        #[arg(long)]
        status: bool,
    },
    /// Print the effective configuration (defaults filled in) as TOML.
    Config {
        /// Print only which configuration file is in use.
        #[arg(long)]
        path: bool,
        /// As JSON: the effective configuration, or with --path
        /// `{"path": ...}` (null for the built-in defaults).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PolicyCommand {
    /// Validate policy files; every mistake as file:line:col with a hint. Exit 1 on errors.
    Check {
        /// File or folder (default: the configured policy folder).
        path: Option<PathBuf>,
        /// One JSON object: ok, errors, warnings, diagnostics (the lines).
        #[arg(long)]
        json: bool,
    },
    /// Run the real scan and policy on a sample message and show the decision per recipient.
    Test {
        #[arg(long)]
        from: String,
        #[arg(long = "to", required = true)]
        to: Vec<String>,
        /// Policy file or folder (default: the configured policy folder).
        #[arg(long)]
        policy: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        message: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum PickupCommand {
    /// Revoke every pickup link of a message and delete its parked copies.
    Revoke {
        message_id: String,
        /// One JSON object: message_id, links, revoked.
        #[arg(long)]
        json: bool,
    },
    /// The pickup links with their state and times (Amsterdam time); never
    /// a link secret, code or message text.
    List {
        /// Only links the recipient can still open.
        #[arg(long, conflicts_with = "expired")]
        open: bool,
        /// Only links that have expired.
        #[arg(long)]
        expired: bool,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ContactsCommand {
    /// Import `address,phone` lines (CSV) into the contact list.
    Import {
        file: PathBuf,
        #[arg(long)]
        tenant: Option<String>,
        /// One JSON object: tenant, imported.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum DeliveryCommand {
    /// Look up a domain's MX, DNSSEC, TLSA, MTA-STS and NTA 7516 records, try STARTTLS on
    /// each MX as delivery would, and say what Sluis would do and why.
    Check {
        domain: String,
        /// DNS server to ask (ADDR:PORT); default: the system resolver.
        #[arg(long)]
        resolver: Option<std::net::SocketAddr>,
        /// DNSSEC trust anchor file (DS or DNSKEY lines); default: the IANA root.
        #[arg(long)]
        trust_anchor: Option<PathBuf>,
        /// Believe the resolver's AD bit instead of validating (only with a local resolver).
        #[arg(long)]
        trust_ad: bool,
        /// Extra CA certificates (PEM) for MTA-STS and PKIX checks.
        #[arg(long)]
        ca: Option<PathBuf>,
        /// Connect to this SMTP port instead of 25 (tests).
        #[arg(long)]
        smtp_port: Option<u16>,
        /// Fetch MTA-STS policies from this port instead of 443 (tests).
        #[arg(long)]
        https_port: Option<u16>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Every event about one message.
    Message {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Every event about one recipient address.
    Recipient {
        address: String,
        #[arg(long)]
        json: bool,
    },
    /// Who was notified, asked for a code, opened and downloaded which
    /// document, when (Europe/Amsterdam time), for every pickup since DATE.
    Pickups {
        /// YYYY-MM-DD (from midnight, Amsterdam time).
        #[arg(long)]
        since: String,
        #[arg(long)]
        recipient: Option<String>,
        #[arg(long)]
        json: bool,
        /// The practice's age identity file: shows document names.
        #[arg(long)]
        identity: Option<PathBuf>,
    },
    /// Recompute every practice's hash chain; name the first event that was
    /// altered or removed. Exit 1 when a chain is broken.
    Verify {
        /// A head noted earlier (hex): it must still be in the chain.
        #[arg(long)]
        expect_head: Option<String>,
        /// One JSON object per practice per line.
        #[arg(long)]
        json: bool,
    },
}

/// Where a configuration file is looked for when none is named, in this
/// order: next to the operator, where `scripts/demo` writes it, the
/// system's place.
pub const CONFIG_SEARCH: &[&str] = &["sluis.toml", "data/sluis.toml", "/etc/sluis/sluis.toml"];

/// The configuration file in use: the one named (`--config` or
/// `$SLUIS_CONFIG`), else the first of `CONFIG_SEARCH` that exists. `None`:
/// built-in defaults.
pub fn config_path(named: Option<&Path>) -> Option<PathBuf> {
    match named {
        Some(p) => Some(p.to_path_buf()),
        None => CONFIG_SEARCH
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file()),
    }
}

/// Load the configuration the user asked for (see `config_path`).
pub fn load_config(path: Option<&Path>) -> anyhow::Result<Config> {
    match config_path(path) {
        Some(p) => Ok(Config::load(&p)?),
        None => Ok(Config::default()),
    }
}

/// How `sluis config` names where its settings come from.
fn config_source(path: Option<&Path>) -> String {
    match config_path(path) {
        Some(p) => p.display().to_string(),
        None => "(ingebouwde standaardwaarden / built-in defaults)".into(),
    }
}

/// Run the CLI; returns the process exit code.
pub fn main_with(cli: Cli) -> anyhow::Result<i32> {
    if let Command::Doctor {
        domain,
        resolver,
        trust_anchor,
        trust_ad,
        sending_ips,
        json,
    } = &cli.command
    {
        // A configuration that cannot be read is a finding, not an error.
        let source = config_path(cli.config.as_deref());
        let config = load_config(cli.config.as_deref()).map_err(|e| format!("{e:#}"));
        if let Some(domain) = domain {
            let config = match config {
                Ok(c) => c,
                Err(e) => {
                    anyhow::bail!("configuratie onleesbaar / configuration cannot be read: {e}")
                }
            };
            let opts = doctor_domain::DomainOptions {
                resolver: *resolver,
                trust_anchor: trust_anchor.clone(),
                trust_ad: *trust_ad,
                sending_ips: sending_ips.clone(),
            };
            let findings = runtime()?.block_on(doctor_domain::run(&config, domain, &opts));
            return Ok(if *json {
                doctor_domain::print_json(&findings)
            } else {
                doctor_domain::print(&findings)
            });
        }
        let checks = runtime()?.block_on(doctor::run(config, source.as_deref()));
        return Ok(if *json {
            doctor::print_json(&checks)
        } else {
            doctor::print(&checks)
        });
    }
    let config = load_config(cli.config.as_deref())?;
    match cli.command {
        Command::Run { demo, log_format } => {
            crate::logging::init(&config.log.level, log_format.unwrap_or(config.log.format));
            runtime()?.block_on(crate::server::run(config, demo))?;
            Ok(0)
        }
        Command::User { action } => runtime()?.block_on(users::run(&config, action)),
        Command::Operator { action } => {
            runtime()?.block_on(crate::overview::cli::run(&config, action))
        }
        Command::Scan { json, files } => {
            Ok(crate::inspect::cli::run_scan(&files, json, &config.inspect))
        }
        Command::Policy { action } => Ok(match action {
            PolicyCommand::Check { path, json } => {
                let path = path.as_deref().unwrap_or(&config.policy.dir);
                if json {
                    crate::policy::cli::run_check_json(path)
                } else {
                    crate::policy::cli::run_check(path)
                }
            }
            PolicyCommand::Test {
                from,
                to,
                policy,
                json,
                message,
            } => crate::policy::cli::run_test(
                policy.as_deref().unwrap_or(&config.policy.dir),
                &from,
                &to,
                &message,
                json,
                &config.inspect,
            ),
        }),
        Command::Delivery {
            action:
                DeliveryCommand::Check {
                    domain,
                    resolver,
                    trust_anchor,
                    trust_ad,
                    ca,
                    smtp_port,
                    https_port,
                    json,
                },
        } => {
            let opts = crate::delivery::check::CheckOptions {
                resolver,
                trust_anchor,
                trust_ad,
                ca,
                smtp_port,
                https_port,
                insecure_mx_policy: config.mx.dane_insecure_mx_policy,
                json,
            };
            Ok(runtime()?.block_on(crate::delivery::check::run_check(&domain, opts)))
        }
        Command::Keys { action } => runtime()?.block_on(async {
            let store = crate::server::open_store(&config.store.url, 2).await?;
            crate::crypto::cli::run_keys(&store, action).await
        }),
        Command::Encrypt { args } => runtime()?.block_on(async {
            let store = crate::server::open_store(&config.store.url, 2).await.ok();
            crate::crypto::cli::run_encrypt(store.as_ref(), &config.crypto, args).await
        }),
        Command::Pickup {
            action: PickupCommand::Revoke { message_id, json },
        } => {
            let shared = std::sync::Arc::new(config.clone());
            runtime()?.block_on(with_audit(&config, |store, audit| async move {
                let pickup = crate::pickup::cli::admin(shared, store, audit)?;
                let r = crate::pickup::cli::revoke(&pickup, &message_id, "operator").await?;
                if json {
                    println!(
                        "{}",
                        serde_json::json!({ "message_id": message_id, "links": r.links, "revoked": r.now })
                    );
                } else if r.links == 0 {
                    println!("Geen ophaallinks voor dit bericht-id / no pickup links for this message id");
                } else if r.now == 0 {
                    println!(
                        "Alle {} ophaallink(s) waren al ingetrokken of verlopen / all {} pickup link(s) were already revoked or expired",
                        r.links, r.links
                    );
                } else {
                    println!("{} ophaallink(s) ingetrokken / pickup link(s) revoked", r.now);
                }
                Ok(if r.now > 0 { 0 } else { 1 })
            }))
        }
        Command::Pickup {
            action:
                PickupCommand::List {
                    open,
                    expired,
                    json,
                },
        } => runtime()?.block_on(async {
            let store = crate::server::open_store(&config.store.url, 2).await?;
            let filter = match (open, expired) {
                (true, _) => crate::pickup::db::ListFilter::Open,
                (_, true) => crate::pickup::db::ListFilter::Expired,
                _ => crate::pickup::db::ListFilter::All,
            };
            pickup_list::run(&store, filter, json).await
        }),
        Command::Contacts {
            action: ContactsCommand::Import { file, tenant, json },
        } => runtime()?.block_on(async {
            let store = crate::server::open_store(&config.store.url, 2).await?;
            let tenant = tenant.unwrap_or_else(|| config.tenant.name.clone());
            let n = crate::pickup::cli::import_contacts(&store, &tenant, &file).await?;
            if json {
                println!("{}", serde_json::json!({ "tenant": tenant, "imported": n }));
            } else {
                println!("{n} contact(en) geïmporteerd / contact(s) imported");
            }
            Ok(0)
        }),
        Command::Audit { action } => runtime()?.block_on(audit::run(&config, action)),
        Command::Migrate { status } => runtime()?.block_on(migrate::run(&config, status)),
        Command::Doctor { .. } => Ok(0), // handled above, before the configuration is loaded
        Command::Config { path, json } => {
            let source = config_source(cli.config.as_deref());
            if json {
                let value = if path {
                    serde_json::json!({ "path": config_path(cli.config.as_deref()) })
                } else {
                    serde_json::to_value(&config)?
                };
                println!("{value}");
            } else if path {
                println!("{source}");
            } else {
                println!("# Sluis-configuratie uit / configuration from: {source}");
                print!("{}", toml::to_string_pretty(&config)?);
                // Required settings that are empty: said on stderr, so the
                // printed configuration stays a valid file.
                for missing in config.pickup.missing_practice_details() {
                    eprintln!("LET OP / WARNING: {missing}");
                }
            }
            Ok(0)
        }
    }
}

/// Run `f` with a store and an audit trail that is written before returning.
async fn with_audit<F, Fut>(config: &Config, f: F) -> anyhow::Result<i32>
where
    F: FnOnce(crate::store::Store, crate::audit::Audit) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<i32>>,
{
    let store = crate::server::open_store(&config.store.url, 2).await?;
    let (audit, rx) = crate::audit::Audit::channel();
    let writer = tokio::spawn(crate::store::run_audit_writer(
        store.clone(),
        rx,
        audit.backlog_counter(),
        config.audit.clone(),
    ));
    let result = f(store, audit).await;
    let _ = writer.await;
    result
}

pub(crate) fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

/// RFC 3339 UTC time for a Unix millisecond timestamp.
pub fn format_time(ms: i64) -> String {
    mail_parser::DateTime::from_timestamp(ms.div_euclid(1000)).to_rfc3339()
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_rfc3339_utc() {
        assert_eq!(super::format_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            super::format_time(1_795_000_000_000),
            "2026-11-18T11:06:40Z"
        );
        assert_eq!(super::format_time(951_782_400_000), "2000-02-29T00:00:00Z");
    }
}
