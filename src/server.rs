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
use crate::delivery::queue::Queue;
use crate::pipeline::Pipeline;
use crate::policy::LivePolicy;
use crate::spool::Spool;
use crate::store::{self, AccountRecord, Store};
use std::sync::Arc;
use std::time::Duration;

/// How often the spool relocates long-deferred messages out of old segments.
const COMPACT_EVERY: Duration = Duration::from_secs(60);

pub async fn run(config: Config, demo: bool) -> anyhow::Result<()> {
    let config = Arc::new(config);
    let store = Store::connect(&config.store.url, config.store.max_connections).await?;
    store
        .ensure_tenant(&config.tenant.name, &config.tenant.display_name)
        .await?;
    if demo {
        create_demo_account(&store, &config).await?;
    }

    let (audit, audit_rx) = Audit::channel();
    let audit_writer = tokio::spawn(store::run_audit_writer(store.clone(), audit_rx));

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
    let pipeline = Arc::new(Pipeline::new(
        config.clone(),
        store.clone(),
        spool.clone(),
        policy,
        audit.clone(),
    ));

    let (tlsrpt_tx, tlsrpt_rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(crate::delivery::tlsrpt_store::run_tlsrpt_writer(
        store.clone(),
        tlsrpt_rx,
    ));
    let queue = Queue::start_with_tlsrpt(
        config.clone(),
        pipeline.clone(),
        audit.clone(),
        Some(tlsrpt_tx),
    );
    pipeline.set_queue(Arc::new(move |item| queue.enqueue(item)));
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
    policy_watcher.abort();
    audit.record(AuditEvent::new(&config.tenant.name, "stopped", "system"));
    drop(audit);
    drop(pipeline);
    let _ = tokio::time::timeout(Duration::from_secs(5), audit_writer).await;
    Ok(())
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
