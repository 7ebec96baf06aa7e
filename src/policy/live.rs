//! Live policy: the policy in force, swapped whole when the files change.
//!
//! Promises: readers get an `Arc<PolicySet>` snapshot that never changes
//! under them; a reload either installs a fully checked new policy or
//! leaves the old one in force (an invalid edit never weakens anything).
//! Every reload attempt is logged and audited (`policy-reloaded`,
//! `policy-reload-failed`, tenant `*`, actor `system`; diagnostics only,
//! never mail content). The watcher reloads on SIGHUP and when a `*.toml`
//! file in the folder is added, removed or modified (polled).

use super::diag::{has_errors, Diagnostic};
use super::load::{load_path, policy_files};
use super::PolicySet;
use crate::audit::{Audit, AuditEvent};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, SystemTime};

/// Default interval between two looks at the policy files.
pub const DEFAULT_POLL_INTERVAL: Duration = Duration::from_secs(2);
/// Most diagnostics copied into one `policy-reload-failed` audit event.
const MAX_AUDITED_DIAGNOSTICS: usize = 20;

type Fingerprint = Vec<(PathBuf, Option<SystemTime>, u64)>;

pub struct LivePolicy {
    path: PathBuf,
    current: RwLock<Arc<PolicySet>>,
    seen: Mutex<Fingerprint>,
    poll: Duration,
    audit: Audit,
}

impl std::fmt::Debug for LivePolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LivePolicy")
            .field("path", &self.path)
            .finish()
    }
}

fn fingerprint(path: &Path) -> Fingerprint {
    let mut ignored = Vec::new();
    // The list of files itself is part of the fingerprint, so adding or
    // removing a file counts as a change.
    policy_files(path, &mut ignored)
        .into_iter()
        .map(|f| {
            let meta = std::fs::metadata(&f).ok();
            let mtime = meta.as_ref().and_then(|m| m.modified().ok());
            let len = meta.map(|m| m.len()).unwrap_or(0);
            (f, mtime, len)
        })
        .collect()
}

impl LivePolicy {
    /// Load the policy in `path` (folder or file); fails with every
    /// diagnostic when it has errors.
    pub fn load(path: &Path) -> Result<LivePolicy, Vec<Diagnostic>> {
        let seen = fingerprint(path);
        let set = PolicySet::load(path)?;
        Ok(LivePolicy {
            path: path.to_path_buf(),
            current: RwLock::new(Arc::new(set)),
            seen: Mutex::new(seen),
            poll: DEFAULT_POLL_INTERVAL,
            audit: Audit::disabled(),
        })
    }

    /// Load with the folder and poll interval of the configuration.
    pub fn from_config(
        config: &crate::config::PolicyConfig,
    ) -> Result<LivePolicy, Vec<Diagnostic>> {
        Ok(LivePolicy::load(&config.dir)?
            .with_poll_interval(Duration::from_millis(config.reload_poll_millis.max(100))))
    }

    pub fn with_poll_interval(mut self, poll: Duration) -> LivePolicy {
        self.poll = poll;
        self
    }

    /// Where `reload` records its audit events (default: nowhere).
    pub fn with_audit(mut self, audit: Audit) -> LivePolicy {
        self.audit = audit;
        self
    }

    /// The policy in force now.
    pub fn current(&self) -> Arc<PolicySet> {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reload now; on error the old policy stays in force.
    pub fn reload(&self) -> Result<(), Vec<Diagnostic>> {
        self.reload_with(&self.audit)
    }

    fn reload_with(&self, audit: &Audit) -> Result<(), Vec<Diagnostic>> {
        *self.seen.lock().unwrap_or_else(PoisonError::into_inner) = fingerprint(&self.path);
        let (set, diags) = load_path(&self.path);
        let path = self.path.display().to_string();
        match set {
            Some(set) if !has_errors(&diags) => {
                log_diagnostics(&diags);
                let tenants = set.tenants();
                *self.current.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(set);
                tracing::info!(target: "sluis::policy", path = %path, ?tenants, "policy reloaded");
                audit.record(
                    AuditEvent::new("*", "policy-reloaded", "system")
                        .detail(serde_json::json!({ "path": path, "tenants": tenants })),
                );
                Ok(())
            }
            _ => {
                let errors = diags.iter().filter(|d| d.is_error()).count();
                log_diagnostics(&diags);
                tracing::error!(target: "sluis::policy", path = %path, errors,
                    "invalid policy edit; the previous policy stays in force");
                let listed: Vec<String> = diags
                    .iter()
                    .take(MAX_AUDITED_DIAGNOSTICS)
                    .map(|d| d.to_string())
                    .collect();
                audit.record(
                    AuditEvent::new("*", "policy-reload-failed", "system").detail(
                        serde_json::json!({ "path": path, "errors": errors, "diagnostics": listed }),
                    ),
                );
                Err(diags)
            }
        }
    }

    /// Have the files changed since the last load or reload?
    pub fn changed(&self) -> bool {
        let now = fingerprint(&self.path);
        *self.seen.lock().unwrap_or_else(PoisonError::into_inner) != now
    }

    /// Reload on SIGHUP and whenever the files change. Must be called
    /// inside a tokio runtime; the SIGHUP handler is in place when this
    /// returns. Runs until the runtime shuts down.
    pub fn spawn_watcher(self: Arc<Self>, audit: Audit) -> tokio::task::JoinHandle<()> {
        use tokio::signal::unix::{signal, SignalKind};
        let mut hup = match signal(SignalKind::hangup()) {
            Ok(s) => Some(s),
            Err(e) => {
                tracing::warn!(target: "sluis::policy", error = %e, "no SIGHUP handler; polling only");
                None
            }
        };
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(self.poll);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                let by_signal = tokio::select! {
                    Some(()) = async {
                        match hup.as_mut() {
                            Some(h) => h.recv().await,
                            None => std::future::pending().await,
                        }
                    } => true,
                    _ = tick.tick() => false,
                };
                if by_signal || self.changed() {
                    // Diagnostics are logged and audited inside.
                    let _ = self.reload_with(&audit);
                }
            }
        })
    }
}

/// Each diagnostic at its own level: an error at ERROR, a warning at WARN
/// (a warning never stops a policy from loading).
fn log_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        if d.is_error() {
            tracing::error!(target: "sluis::policy", "{}", d);
        } else {
            tracing::warn!(target: "sluis::policy", "{}", d);
        }
    }
}
