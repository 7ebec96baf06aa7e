//! `sluis run`: starts every stage and wires them along the line
//! `smtp -> pipeline (inspect, policy, route, spool) -> delivery queue`.
//!
//! Start-up order matters for the durability promise: the spool is opened
//! and recovered before any listener accepts a connection, and every
//! recovered message is queued again. Shutdown (SIGTERM/SIGINT) stops the
//! listeners, lets open sessions finish, and leaves everything not yet
//! delivered in the spool for the next start.

use crate::audit::{Audit, AuditEvent};
use crate::config::Config;
use crate::crypto::Encryptor;
use crate::delivery::queue::Queue;
use crate::health::{serve_health, Health};
use crate::pickup::{Outbox, Pickup, ReplySink};
use crate::pipeline::Pipeline;
use crate::policy::LivePolicy;
use crate::spool::Spool;
use crate::store::schema::Component;
use crate::store::{self, AccountRecord, Store};
use std::sync::Arc;
use std::time::Duration;

/// Every stage that keeps tables of its own, in the order their migrations
/// run after the store's `core` (which the store always runs first). Each
/// stage owns its component (name and steps, next to its queries); this
/// list is where they meet. Append new components at the end.
pub const STORE_COMPONENTS: &[Component] = &[
    crate::crypto::keystore::COMPONENT,
    crate::pickup::db::COMPONENT,
    crate::delivery::tlsrpt::store::COMPONENT,
    crate::delivery::mx::verdict_cache::COMPONENT,
    crate::delivery::mx::sts_store::COMPONENT,
    crate::overview::db::COMPONENT,
];

/// Connects to the store and brings the tables of the store and of every
/// stage in [`STORE_COMPONENTS`] up to date (`sluis run` and the CLI).
pub async fn open_store(url: &str, max_connections: u32) -> Result<Store, store::StoreError> {
    Store::connect(url, max_connections, STORE_COMPONENTS).await
}

/// The store for `sluis run`: migrated at start (`store.migrate_on_start`,
/// default), or only checked: a schema this build cannot use, or one that
/// `sluis migrate` has not brought up to this build yet, refuses the start.
async fn open_store_for_run(config: &crate::config::StoreConfig) -> anyhow::Result<Store> {
    let store = if config.migrate_on_start {
        open_store(&config.url, config.max_connections).await?
    } else {
        Store::open(&config.url, config.max_connections).await?
    };
    let status = store::schema::status(store.pool(), STORE_COMPONENTS).await?;
    store::schema::check(&status)?;
    if status.iter().any(|s| s.behind()) {
        return Err(store::StoreError::SchemaBehind.into());
    }
    for s in status.iter().filter(|s| s.applied > s.known) {
        tracing::warn!(
            component = %s.name,
            database = s.applied,
            this_build = s.known,
            "the database schema is ahead of this build (additive: this node runs on; upgrade it)"
        );
    }
    Ok(store)
}

/// How often the spool relocates long-deferred messages out of old segments.
const COMPACT_EVERY: Duration = Duration::from_secs(60);

pub async fn run(mut config: Config, demo: bool) -> anyhow::Result<()> {
    // The portal's port is bound first: with port 0 (tests, benchmarks) the
    // links in notifications must name the port that was really bound.
    let portal_listener = tokio::net::TcpListener::bind(config.pickup.listen).await?;
    let portal_addr = portal_listener.local_addr()?;
    if config.pickup.base_url.is_empty() {
        config.pickup.base_url = format!("https://{portal_addr}");
    }
    // Bound before the slow start-up steps too, so a taken port fails fast.
    let health_listener = match config.metrics.listen {
        Some(addr) => Some(tokio::net::TcpListener::bind(addr).await?),
        None => None,
    };
    let config = Arc::new(config);
    for note in startup_notes(&config) {
        match note {
            Note::Info(text) => tracing::info!("{text}"),
            Note::Warn(text) => tracing::warn!("{text}"),
        }
    }
    let store = open_store_for_run(&config.store).await?;
    store
        .ensure_tenant(&config.tenant.name, &config.tenant.display_name)
        .await?;
    if demo {
        create_demo_account(&store, &config).await?;
    }

    let (audit, audit_rx) = Audit::channel();
    let audit_writer = tokio::spawn(store::run_audit_writer(
        store.clone(),
        audit_rx,
        audit.backlog_counter(),
        config.audit.clone(),
    ));

    let (spool, recovered) = Spool::open(
        &config.spool.dir,
        config.spool.segment_size,
        config.spool.group_commit_max_batch,
        !config.spool.unsafe_no_fsync,
    )?;
    let spool = Arc::new(spool);

    // An invalid policy at start-up is fatal: better no gateway than one
    // that guesses. (At reload, the old policy stays in force instead.)
    let policy = match LivePolicy::from_config(&config.policy) {
        Ok(p) => Arc::new(p.with_audit(audit.clone())),
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{d}");
            }
            anyhow::bail!(
                "beleid in {} is ongeldig; zie `sluis policy check` / policy in {} is invalid; see `sluis policy check`",
                config.policy.dir.display(),
                config.policy.dir.display()
            );
        }
    };
    let policy_watcher = policy.clone().spawn_watcher(audit.clone());
    let encryptor = match Encryptor::new(config.crypto.clone(), Some(store.clone()), audit.clone())
    {
        Ok(e) => Some(Arc::new(with_dane_lookup(e, &config).await)),
        Err(e) => {
            // Without the encryption stage, `encrypt` runs its fallback.
            tracing::error!(error = %e, "encryption stage unavailable; policy fallbacks apply");
            None
        }
    };
    let pipeline = Pipeline::new(
        config.clone(),
        store.clone(),
        spool.clone(),
        policy,
        encryptor,
        audit.clone(),
    );
    let pickup = Arc::new(Pickup::new(
        config.clone(),
        store.clone(),
        audit.clone(),
        crate::pickup::sms::from_config(&config.pickup),
        pipeline.clone() as Arc<dyn Outbox>,
        pipeline.clone() as Arc<dyn ReplySink>,
    )?);
    pickup.check_shared_key().await?;
    pipeline.set_pickup(pickup.clone());
    let sweeper = tokio::spawn(pickup.clone().run_sweeper());

    // The MTA-STS policy cache, shared by the route check and MX delivery,
    // loaded from the store and written through to it.
    let sts_cache = Arc::new(crate::delivery::tls_policy::mta_sts::PolicyCache::default());
    match crate::delivery::mx::sts_store::load(&store, crate::now_ms()).await {
        Ok(rows) => sts_cache.load(rows),
        Err(e) => tracing::warn!(error = %e, "MTA-STS policies in the store unreadable"),
    }
    let (sts_tx, sts_rx) = tokio::sync::mpsc::unbounded_channel();
    sts_cache.set_sink(sts_tx);
    tokio::spawn(crate::delivery::mx::sts_store::run_writer(
        store.clone(),
        sts_rx,
    ));
    pipeline.set_sts_cache(sts_cache.clone());
    let (tlsrpt_tx, tlsrpt_rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(crate::delivery::tlsrpt::store::run_tlsrpt_writer(
        store.clone(),
        tlsrpt_rx,
    ));
    let queue = Queue::start_with_tlsrpt(
        config.clone(),
        pipeline.clone(),
        audit.clone(),
        Some(tlsrpt_tx),
        Some(sts_cache),
    );
    pipeline.set_queue_handle(queue);
    let reporter = config
        .mx
        .tlsrpt_send
        .then(|| tokio::spawn(tlsrpt_reporter(&config, store.clone(), pipeline.clone())));
    let resumed = pipeline.resume(recovered);
    if resumed > 0 {
        tracing::info!(
            messages = resumed,
            "resumed unfinished messages from the spool"
        );
    }

    let compactor = {
        let spool = spool.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(COMPACT_EVERY);
            loop {
                tick.tick().await;
                if let Err(e) = spool.compact().await {
                    tracing::warn!(error = %e, "spool compaction failed");
                }
            }
        })
    };

    let tls = crate::smtp::load_or_generate_tls(&config.tls, &config.server.hostname)?;
    let (shutdown_tx, shutdown_rx) = tokio::sync::watch::channel(false);
    let portal = {
        let listener = portal_listener;
        tracing::info!(address = %portal_addr, url = %config.pickup.base_url, "pickup portal listening");
        let mut portal_tls = (*tls).clone();
        portal_tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        let mut stop = shutdown_rx.clone();
        let shutdown = async move {
            let _ = stop.wait_for(|s| *s).await;
        };
        // The portal, with the practice overview (`/beheer`) beside it.
        tokio::spawn(crate::overview::serve(
            pickup.clone(),
            listener,
            Arc::new(portal_tls),
            shutdown,
        ))
    };
    let health = health_listener.map(|listener| {
        let stuck_after = Duration::from_secs(
            config
                .delivery
                .max_lifetime_secs
                .saturating_add(config.metrics.stuck_grace_secs()),
        );
        let checks = Arc::new(Health::new(store.clone(), spool.clone(), stuck_after));
        if let Ok(addr) = listener.local_addr() {
            tracing::info!(address = %addr, "metrics and health listening (/metrics, /healthz, /readyz)");
        }
        let mut stop = shutdown_rx.clone();
        let shutdown = async move {
            let _ = stop.wait_for(|s| *s).await;
        };
        tokio::spawn(async move {
            if let Err(e) = serve_health(listener, checks, shutdown).await {
                tracing::error!(error = %e, "metrics listener failed");
            }
        })
    });
    tokio::spawn(async move {
        wait_for_signal().await;
        tracing::info!("shutting down: no new connections, open sessions may finish");
        let _ = shutdown_tx.send(true);
    });
    audit.record(AuditEvent::new(&config.tenant.name, "started", "system"));
    for l in &config.server.listeners {
        tracing::info!(address = %l.address, tls = ?l.tls, "listening");
    }
    crate::smtp::serve(
        config.clone(),
        Some(tls),
        pipeline.clone(),
        audit.clone(),
        shutdown_rx,
    )
    .await?;

    compactor.abort();
    sweeper.abort();
    if let Some(r) = reporter {
        r.abort();
    }
    let _ = tokio::time::timeout(Duration::from_secs(5), portal).await;
    if let Some(health) = health {
        let _ = tokio::time::timeout(Duration::from_secs(5), health).await;
    }
    policy_watcher.abort();
    audit.record(AuditEvent::new(&config.tenant.name, "stopped", "system"));
    drop(audit);
    drop(pipeline);
    let _ = tokio::time::timeout(Duration::from_secs(5), audit_writer).await;
    Ok(())
}

/// The daily TLS-RPT sender (`[mx] tlsrpt_*`): report mails go through
/// the pipeline like any other mail, HTTPS uploads use PKIX with the
/// system roots plus `mx.ca_file`.
fn tlsrpt_reporter(
    config: &Config,
    store: store::Store,
    pipeline: Arc<Pipeline>,
) -> impl std::future::Future<Output = ()> + Send + 'static {
    use crate::delivery::tlsrpt::send::{run_reporter, Reporter};
    let mx = &config.mx;
    let host = config.server.hostname.clone();
    let from = mx
        .tlsrpt_from
        .clone()
        .unwrap_or_else(|| format!("tls-reports@{host}"));
    let tls = crate::net::tls::pkix_roots(mx.system_ca_file.as_deref(), mx.ca_file.as_deref())
        .ok()
        .and_then(|roots| crate::net::tls::pkix(roots).ok());
    let reporter = Reporter {
        organization: mx
            .tlsrpt_organization
            .clone()
            .unwrap_or_else(|| host.clone()),
        contact: mx.tlsrpt_contact.clone().unwrap_or_else(|| from.clone()),
        from,
        hostname: host,
        https_timeout: Duration::from_secs(mx.tlsrpt_https_timeout_secs),
        tls,
        max_days: i64::from(mx.tlsrpt_send_days),
    };
    run_reporter(
        store,
        pipeline,
        mx.dns_options(),
        reporter,
        Duration::from_secs(mx.tlsrpt_first_check_secs),
        Duration::from_secs(mx.tlsrpt_check_secs.max(1)),
    )
}

/// SMIMEA/OPENPGPKEY discovery through the same validating resolver as
/// MX delivery (`[mx]`). Without a resolver, discovery skips DANE.
async fn with_dane_lookup(encryptor: Encryptor, config: &Config) -> Encryptor {
    if !config.crypto.dane {
        return encryptor;
    }
    match crate::net::dns::Dns::new(config.mx.dns_options()).await {
        Ok(dns) => encryptor.with_lookup(Arc::new(crate::crypto::dane_lookup::DnsKeyLookup::new(
            Arc::new(dns),
        ))),
        Err(e) => {
            tracing::warn!(error = %e, "no DNSSEC resolver for SMIMEA/OPENPGPKEY discovery");
            encryptor
        }
    }
}

async fn wait_for_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        // Without signal handlers, run until killed.
        std::future::pending::<()>().await;
        return;
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
}

/// The demo account, created once when the store has no accounts.
async fn create_demo_account(store: &Store, config: &Config) -> anyhow::Result<()> {
    if !store.list_accounts().await?.is_empty() {
        return Ok(());
    }
    let username = "demo@praktijk.example".to_string();
    let password = crate::accounts::generate_password();
    store
        .add_account(&AccountRecord {
            username: username.clone(),
            tenant: config.tenant.name.clone(),
            password_hash: crate::accounts::hash_password(&password)?,
            disabled: false,
            senders: vec!["*@praktijk.example".into()],
        })
        .await?;
    println!();
    println!("Demo-account aangemaakt / demo account created");
    println!("  gebruiker / user:      {username}");
    println!(
        "  wachtwoord / password: {password}   (wordt maar één keer getoond / shown only once)"
    );
    println!();
    Ok(())
}

/// A line of the start-up summary.
#[derive(Debug, PartialEq, Eq)]
pub enum Note {
    Info(String),
    Warn(String),
}

/// Everything said once at start-up: how mail leaves
/// ([`delivery_notes`]) and a warning for each required practice detail
/// that is missing (phone number, website: the notification names them).
pub fn startup_notes(config: &Config) -> Vec<Note> {
    let mut notes = delivery_notes(config);
    notes.extend(
        config
            .pickup
            .missing_practice_details()
            .into_iter()
            .map(Note::Warn),
    );
    notes
}

/// How mail leaves, said once at start-up, with a warning for the set-ups
/// that surprise: a relay with MX delivery still on (mail the relay cannot
/// carry goes straight to MX hosts), no way out at all, and pickup
/// notifications that need TLS the relay does not guarantee.
pub fn delivery_notes(config: &Config) -> Vec<Note> {
    use crate::config::RelayTls;
    use crate::delivery::queue::route_select::{select_hop, Hop};
    let d = &config.delivery;
    let relay = d.relay.as_ref();
    let mut notes = vec![Note::Info(format!(
        "delivery: {}; MX delivery {}",
        relay.map_or("no relay host".to_string(), |r| format!(
            "relay {}:{} (tls {:?})",
            r.host, r.port, r.tls
        )),
        if d.mx_enabled { "on" } else { "off" }
    ))];
    match (relay, d.mx_enabled) {
        (Some(_), true) => notes.push(Note::Warn(
            "a relay host is set and MX delivery is on: mail the relay cannot carry (DANE, \
             MTA-STS, NTA 7516 recipients) goes directly to MX hosts; set \
             delivery.mx_enabled = false to send only through the relay"
                .into(),
        )),
        (None, false) => notes.push(Note::Warn(
            "no relay host and MX delivery off: every mail is deferred".into(),
        )),
        _ => {}
    }
    let req = config.pickup.notification_transport;
    if let Some(r) = relay {
        let relay_tls = matches!(r.tls, RelayTls::Required | RelayTls::Verify);
        if !crate::delivery::relay::hop_meets(req, relay_tls) {
            notes.push(Note::Warn(match select_hop(req, relay, d.mx_enabled) {
                Hop::Mx => format!(
                    "pickup notifications need {req:?} the relay does not guarantee (tls {:?}): \
                     they go directly to MX hosts",
                    r.tls
                ),
                _ => format!(
                    "pickup notifications need {req:?} the relay does not guarantee (tls {:?}) \
                     and MX delivery is off: they wait and then bounce; set the relay's tls to \
                     \"verify\" or pickup.notification_transport",
                    r.tls
                ),
            }));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::{delivery_notes, startup_notes, Note};
    use crate::config::{Config, RelayHost, RelayTls};

    fn config(relay_tls: Option<RelayTls>, mx: bool) -> Config {
        let mut c = Config::default();
        c.delivery.relay = relay_tls.map(|tls| RelayHost {
            host: "smtp.provider.nl".into(),
            port: 587,
            tls,
            ca_file: None,
        });
        c.delivery.mx_enabled = mx;
        c
    }

    fn warnings(c: &Config) -> Vec<String> {
        delivery_notes(c)
            .into_iter()
            .filter_map(|n| match n {
                Note::Warn(t) => Some(t),
                Note::Info(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_missing_practice_phone_or_website_is_warned_about_at_start_up() {
        let mut c = config(Some(RelayTls::Verify), false);
        let warned = |c: &Config| {
            startup_notes(c)
                .into_iter()
                .filter_map(|n| match n {
                    Note::Warn(t) => Some(t),
                    Note::Info(_) => None,
                })
                .collect::<Vec<_>>()
        };
        let w = warned(&c);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].contains("pickup.practice_phone ontbreekt"), "{w:?}");
        assert!(w[1].contains("pickup.practice_website is missing"), "{w:?}");
        c.pickup.practice_phone = "020-1234567".into();
        c.pickup.practice_website = "https://www.praktijk.nl".into();
        assert!(warned(&c).is_empty());
    }

    #[test]
    fn surprising_delivery_setups_are_warned_about() {
        // Relay with verified TLS, MX off: the quiet, intended set-up.
        assert!(warnings(&config(Some(RelayTls::Verify), false)).is_empty());
        // MX only: intended too.
        assert!(warnings(&config(None, true)).is_empty());
        // Relay and MX on: mail may bypass the relay.
        let w = warnings(&config(Some(RelayTls::Verify), true));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("mx_enabled = false"), "{w:?}");
        // No way out.
        let w = warnings(&config(None, false));
        assert!(w[0].contains("every mail is deferred"), "{w:?}");
        // Notifications need TLS; an opportunistic relay does not promise it.
        let w = warnings(&config(Some(RelayTls::Opportunistic), false));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("pickup notifications") && w[0].contains("wait"),
            "{w:?}"
        );
        let w = warnings(&config(Some(RelayTls::None), true));
        assert!(
            w.iter()
                .any(|t| t.contains("pickup notifications") && t.contains("MX hosts")),
            "{w:?}"
        );
        // Clear-text notifications allowed: no notification warning.
        let mut c = config(Some(RelayTls::None), false);
        c.pickup.notification_transport = crate::types::TransportRequirement::None;
        assert!(warnings(&c).is_empty());
        assert!(
            matches!(&delivery_notes(&c)[0], Note::Info(t) if t.contains("relay smtp.provider.nl:587"))
        );
    }
}
