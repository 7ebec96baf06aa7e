//! `sluis user add|passwd|list`: accounts that may submit mail.
//! Passwords are read from standard input or generated and printed once;
//! they are never passed on the command line (visible in `ps`).

use crate::accounts;
use crate::config::Config;
use crate::store::AccountRecord;
use clap::Subcommand;
use std::io::BufRead;

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Add an account. Without --password-stdin a password is generated and printed once.
    Add {
        /// Login name, usually the mail address.
        username: String,
        /// Practice (tenant) the account belongs to.
        #[arg(long)]
        tenant: Option<String>,
        /// Envelope sender the account may use (address or *@domain); repeatable.
        /// Default: the username when it is an address.
        #[arg(long = "sender")]
        senders: Vec<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        /// One JSON object: username, tenant, senders, password (only when
        /// generated).
        #[arg(long)]
        json: bool,
    },
    /// Set a new password.
    Passwd {
        username: String,
        #[arg(long)]
        password_stdin: bool,
        /// One JSON object: username, password (only when generated).
        #[arg(long)]
        json: bool,
    },
    /// List accounts and the senders they may use.
    List {
        /// One JSON object per account per line (no password hash).
        #[arg(long)]
        json: bool,
    },
}

fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn new_password(from_stdin: bool) -> anyhow::Result<(String, bool)> {
    if from_stdin {
        Ok((read_password()?, false))
    } else {
        Ok((accounts::generate_password(), true))
    }
}

pub async fn run(config: &Config, cmd: UserCommand) -> anyhow::Result<i32> {
    let store = crate::server::open_store(&config.store.url, 2).await?;
    match cmd {
        UserCommand::Add {
            username,
            tenant,
            mut senders,
            password_stdin,
            json,
        } => {
            let tenant = tenant.unwrap_or_else(|| config.tenant.name.clone());
            store
                .ensure_tenant(&tenant, &config.tenant.display_name)
                .await?;
            if senders.is_empty() && username.contains('@') {
                senders.push(username.clone());
            }
            if senders.is_empty() {
                anyhow::bail!(
                    "geef met --sender aan welke afzender dit account mag gebruiken / use --sender to say which sender address this account may use"
                );
            }
            let (password, generated) = new_password(password_stdin)?;
            let hash = accounts::hash_password(&password)?;
            store
                .add_account(&AccountRecord {
                    username: username.clone(),
                    tenant: tenant.clone(),
                    password_hash: hash,
                    disabled: false,
                    senders: senders.clone(),
                })
                .await?;
            if json {
                let v = serde_json::json!({
                    "username": username,
                    "tenant": tenant,
                    "senders": senders,
                    "password": generated.then_some(&password),
                });
                println!("{v}");
                return Ok(0);
            }
            println!("Account {username} aangemaakt / created.");
            if generated {
                println!(
                    "Wachtwoord / password (wordt maar één keer getoond / shown once): {password}"
                );
            }
        }
        UserCommand::Passwd {
            username,
            password_stdin,
            json,
        } => {
            let (password, generated) = new_password(password_stdin)?;
            let hash = accounts::hash_password(&password)?;
            store.set_password(&username, &hash).await?;
            if json {
                let v = serde_json::json!({
                    "username": username,
                    "password": generated.then_some(&password),
                });
                println!("{v}");
                return Ok(0);
            }
            println!("Wachtwoord van {username} gewijzigd / password changed.");
            if generated {
                println!("Nieuw wachtwoord / new password (shown once): {password}");
            }
        }
        UserCommand::List { json } => {
            for a in store.list_accounts().await? {
                if json {
                    let line = serde_json::json!({
                        "username": a.username,
                        "tenant": a.tenant,
                        "senders": a.senders,
                        "disabled": a.disabled,
                    });
                    println!("{line}");
                    continue;
                }
                println!(
                    "{}\t{}\t{}{}",
                    a.username,
                    a.tenant,
                    a.senders.join(","),
                    if a.disabled {
                        "\t(uitgeschakeld / disabled)"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    Ok(0)
}
