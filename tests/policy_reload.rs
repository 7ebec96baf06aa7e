//! Live reload: a valid edit takes effect, a broken edit leaves the old
//! policy in force, both are audited; the watcher reacts to file changes
//! and to SIGHUP.

use sluis::audit::{Audit, AuditEvent};
use sluis::policy::{LivePolicy, MessageContext};
use sluis::types::{Action, ScanReport, TransportRequirement};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::UnboundedReceiver;

fn policy_text(transport: &str) -> String {
    format!(
        "tenant = \"default\"\n\n[[rule]]\nname = \"partner\"\nrecipient_domain = [\"partner.test\"]\n\
         action = \"deliver\"\ntransport = \"{transport}\"\n\n[default]\naction = \"pickup\"\n"
    )
}

const BROKEN: &str = "tenant = \"default\"\n\n[[rule]]\nname = \"partner\"\nacton = \"deliver\"\n\n[default]\naction = \"pickup\"\n";

fn action_for(live: &LivePolicy) -> Action {
    let ctx = MessageContext {
        tenant: "default".into(),
        mail_from: "a@praktijk.test".into(),
        recipients: vec!["b@partner.test".into()],
        ..MessageContext::default()
    };
    live.current().decide(&ctx, &ScanReport::default())[0]
        .action
        .clone()
}

fn deliver(t: TransportRequirement) -> Action {
    Action::Deliver {
        transport: t,
        fallback: None,
    }
}

fn write(dir: &Path, text: &str) {
    // Write a new file elsewhere and rename it over the old one, as editors
    // do, so the watcher never sees a half-written file.
    let scratch = tempfile::tempdir_in(dir.parent().unwrap()).unwrap();
    let tmp = scratch.path().join("edit.toml");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join("praktijk.toml")).unwrap();
}

async fn next_event(rx: &mut UnboundedReceiver<AuditEvent>) -> AuditEvent {
    tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("no audit event within 10 s")
        .expect("audit channel closed")
}

#[test]
fn a_broken_edit_keeps_the_old_policy_and_a_fixed_one_takes_effect() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &policy_text("tls"));
    let (audit, mut rx) = Audit::channel();
    let live = LivePolicy::load(dir.path()).unwrap().with_audit(audit);
    assert_eq!(action_for(&live), deliver(TransportRequirement::Tls));
    let before = live.current();

    write(dir.path(), BROKEN);
    let diags = live.reload().unwrap_err();
    assert!(diags
        .iter()
        .any(|d| d.to_string().contains("onbekende sleutel `acton`")));
    assert_eq!(action_for(&live), deliver(TransportRequirement::Tls));
    assert!(Arc::ptr_eq(&before, &live.current()));
    let failed = rx.try_recv().unwrap();
    assert_eq!(failed.kind, "policy-reload-failed");
    assert_eq!(failed.detail["errors"], 1);

    write(dir.path(), &policy_text("dane"));
    live.reload().unwrap();
    assert_eq!(action_for(&live), deliver(TransportRequirement::Dane));
    assert_eq!(rx.try_recv().unwrap().kind, "policy-reloaded");
}

#[test]
fn loading_a_broken_policy_fails_with_its_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), BROKEN);
    let diags = LivePolicy::load(dir.path()).unwrap_err();
    assert!(!diags.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_watcher_reloads_on_file_change_and_on_sighup() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &policy_text("tls"));
    let live = Arc::new(
        LivePolicy::load(dir.path())
            .unwrap()
            .with_poll_interval(Duration::from_millis(50)),
    );
    let (audit, mut rx) = Audit::channel();
    let watcher = live.clone().spawn_watcher(audit);

    // A file change is picked up by polling.
    write(dir.path(), &policy_text("dane"));
    assert_eq!(next_event(&mut rx).await.kind, "policy-reloaded");
    assert_eq!(action_for(&live), deliver(TransportRequirement::Dane));

    // A broken edit is reported and changes nothing.
    write(dir.path(), BROKEN);
    assert_eq!(next_event(&mut rx).await.kind, "policy-reload-failed");
    assert_eq!(action_for(&live), deliver(TransportRequirement::Dane));

    // Fix the file, then SIGHUP forces a reload even without a new change.
    write(dir.path(), &policy_text("dane-or-mta-sts"));
    assert_eq!(next_event(&mut rx).await.kind, "policy-reloaded");
    // SAFETY: sending a signal to our own process; the watcher installed
    // its SIGHUP handler before `spawn_watcher` returned.
    let rc = unsafe { libc::kill(libc::getpid(), libc::SIGHUP) };
    assert_eq!(rc, 0);
    let e = next_event(&mut rx).await;
    assert_eq!(e.kind, "policy-reloaded");
    assert_eq!(
        action_for(&live),
        deliver(TransportRequirement::DaneOrMtaSts)
    );
    watcher.abort();
}
