//! `sluis operator add|list|remove`: accounts that may open the practice
//! overview (`/beheer`). `add` gives an account (created when it does not
//! exist, with no sender addresses, so it cannot submit mail) the operator
//! role and a new TOTP secret, printed once with its `otpauth://` URI for
//! the authenticator app. A generated password is printed once as well;
//! with `--password-stdin` it is read from standard input instead.

use super::{db, totp};
use crate::accounts;
use crate::config::Config;
use crate::store::AccountRecord;
use clap::Subcommand;
use std::io::BufRead;

#[derive(Subcommand, Debug)]
pub enum OperatorCommand {
    /// Give an account the operator role and a new TOTP secret (creating
    /// the account, with a generated password, when it does not exist).
    Add {
        username: String,
        /// Practice (tenant) of a new account.
        #[arg(long)]
        tenant: Option<String>,
        /// Read the password of a new account from standard input.
        #[arg(long)]
        password_stdin: bool,
        /// One JSON object (username, tenant, password when generated,
        /// totp_secret, otpauth_uri).
        #[arg(long)]
        json: bool,
    },
    /// The accounts with the operator role.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Take the operator role (and its TOTP secret and sessions) away.
    Remove {
        username: String,
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(config: &Config, cmd: OperatorCommand) -> anyhow::Result<i32> {
    let store = crate::server::open_store(&config.store.url, 2).await?;
    match cmd {
        OperatorCommand::Add {
            username,
            tenant,
            password_stdin,
            json,
        } => {
            let mut password = None;
            let tenant = match store.account(&username).await? {
                Some(a) => a.tenant,
                None => {
                    let tenant = tenant.unwrap_or_else(|| config.tenant.name.clone());
                    store
                        .ensure_tenant(&tenant, &config.tenant.display_name)
                        .await?;
                    let pw = if password_stdin {
                        let mut line = String::new();
                        std::io::stdin().lock().read_line(&mut line)?;
                        line.trim_end_matches(['\r', '\n']).to_string()
                    } else {
                        let pw = accounts::generate_password();
                        password = Some(pw.clone());
                        pw
                    };
                    store
                        .add_account(&AccountRecord {
                            username: username.clone(),
                            tenant: tenant.clone(),
                            password_hash: accounts::hash_password(&pw)?,
                            disabled: false,
                            senders: vec![],
                        })
                        .await?;
                    tenant
                }
            };
            let secret = totp::new_secret();
            db::grant(&store, &username, &secret).await?;
            let uri = totp::otpauth_uri(&config.pickup.practice_name, &username, &secret);
            if json {
                let v = serde_json::json!({
                    "username": username,
                    "tenant": tenant,
                    "password": password,
                    "totp_secret": totp::base32_encode(&secret),
                    "otpauth_uri": uri,
                });
                println!("{v}");
            } else {
                println!("Beheerder / operator {username} ({tenant}) kan inloggen op / can log in at {}/beheer", config.pickup.base_url);
                if let Some(pw) = password {
                    println!(
                        "Wachtwoord / password (wordt maar één keer getoond / shown once): {pw}"
                    );
                }
                println!(
                    "TOTP-sleutel voor de authenticator-app / TOTP key for the authenticator app (shown once): {}",
                    totp::base32_encode(&secret)
                );
                println!("{uri}");
            }
            Ok(0)
        }
        OperatorCommand::List { json } => {
            let names = db::operators(&store).await?;
            if json {
                for n in &names {
                    println!(
                        "{}",
                        serde_json::json!({ "username": n, "role": db::OPERATOR })
                    );
                }
            } else if names.is_empty() {
                eprintln!("Geen beheerders / no operators (sluis operator add NAAM)");
            } else {
                for n in &names {
                    println!("{n}");
                }
            }
            Ok(0)
        }
        OperatorCommand::Remove { username, json } => {
            let removed = db::revoke(&store, &username).await?;
            if json {
                println!(
                    "{}",
                    serde_json::json!({ "username": username, "removed": removed })
                );
            } else if removed {
                println!("{username} is geen beheerder meer / is no longer an operator");
            } else {
                eprintln!("{username} was geen beheerder / was not an operator");
            }
            Ok(if removed { 0 } else { 1 })
        }
    }
}
