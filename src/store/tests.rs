//! One story, run on SQLite always and on PostgreSQL when it is reachable
//! (it is on the CI machine: `SLUIS_TEST_POSTGRES`, default
//! `postgres://postgres@127.0.0.1:5432/test`). Set `SLUIS_TEST_POSTGRES=skip`
//! to skip PostgreSQL explicitly.

use super::*;
use crate::audit::AuditEvent;
use scratch::PgScratch;

async fn story(store: &Store, tag: &str) {
    let user = format!("assistent-{tag}@praktijk.nl");
    store
        .ensure_tenant("praktijk", "Huisartsenpraktijk")
        .await
        .unwrap();
    store
        .ensure_tenant("praktijk", "again is fine")
        .await
        .unwrap();
    let account = AccountRecord {
        username: user.clone(),
        tenant: "praktijk".into(),
        password_hash: "$argon2id$fake".into(),
        disabled: false,
        senders: vec![user.clone(), "*@Praktijk.nl".into()],
    };
    store.add_account(&account).await.unwrap();
    assert!(matches!(
        store.add_account(&account).await,
        Err(StoreError::Conflict(_))
    ));
    let got = store.account(&user).await.unwrap().unwrap();
    assert_eq!(got.tenant, "praktijk");
    assert_eq!(got.senders, vec!["*@praktijk.nl".to_string(), user.clone()]);
    assert!(
        !format!("{got:?}").contains("argon2"),
        "hash leaked in Debug"
    );
    store.set_password(&user, "$argon2id$new").await.unwrap();
    assert_eq!(
        store.account(&user).await.unwrap().unwrap().password_hash,
        "$argon2id$new"
    );
    assert!(matches!(
        store.set_password("nobody", "x").await,
        Err(StoreError::NotFound(_))
    ));

    let msg = format!("msg-{tag}");
    let events: Vec<AuditEvent> = ["accepted", "queued", "delivered"]
        .iter()
        .map(|k| {
            AuditEvent::new("praktijk", k, "system")
                .message(&msg)
                .recipient("patient@example.nl")
                .ip("127.0.0.1".parse().unwrap())
                .detail(serde_json::json!({"tls": "TLSv1.3"}))
        })
        .collect();
    store.append_audit(&events).await.unwrap();
    let trail = store.audit_for_message(&msg).await.unwrap();
    let kinds: Vec<&str> = trail.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["accepted", "queued", "delivered"]);
    assert_eq!(trail[2].detail["tls"], "TLSv1.3");
    assert_eq!(trail[0].ip.as_deref(), Some("127.0.0.1"));

    // Append-only, enforced by the database itself.
    let update = sqlx::query("UPDATE audit_events SET kind = 'x' WHERE message_id = $1")
        .bind(&msg)
        .execute(store.pool())
        .await;
    assert!(update.is_err(), "audit rows could be updated");
    let delete = sqlx::query("DELETE FROM audit_events WHERE message_id = $1")
        .bind(&msg)
        .execute(store.pool())
        .await;
    assert!(delete.is_err(), "audit rows could be deleted");

    auth_failures_story(store).await;
}

/// The shared AUTH failure counter: reserved before the check, refused at
/// the limit, given back, a new window after the old one passed.
async fn auth_failures_story(store: &Store) {
    let (key, max, window) = ("192.0.2.44", 3, 60_000);
    let t = 1_000_000_i64;
    for i in 0..3 {
        assert!(store
            .auth_failure_reserve(key, max, window, t + i)
            .await
            .unwrap());
    }
    assert!(store
        .auth_failure_blocked(key, max, window, t + 5)
        .await
        .unwrap());
    assert!(!store
        .auth_failure_reserve(key, max, window, t + 6)
        .await
        .unwrap());
    assert!(!store
        .auth_failure_blocked("192.0.2.45", max, window, t + 6)
        .await
        .unwrap());
    // One of the three had the right password.
    store.auth_failure_give_back(key).await.unwrap();
    assert!(!store
        .auth_failure_blocked(key, max, window, t + 7)
        .await
        .unwrap());
    assert!(store
        .auth_failure_reserve(key, max, window, t + 8)
        .await
        .unwrap());
    assert!(!store
        .auth_failure_reserve(key, max, window, t + 9)
        .await
        .unwrap());
    // The window passed: counting starts again.
    assert!(!store
        .auth_failure_blocked(key, max, window, t + window + 1)
        .await
        .unwrap());
    assert!(store
        .auth_failure_reserve(key, max, window, t + window + 1)
        .await
        .unwrap());
    assert!(!store
        .auth_failure_blocked(key, max, window, t + window + 2)
        .await
        .unwrap());
}

#[tokio::test]
async fn story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/sub/sluis.db", dir.path().display());
    let store = Store::connect(&url, 2, &[]).await.unwrap();
    story(&store, "sqlite").await;
    // Reopening runs no migration twice.
    let again = Store::connect(&url, 2, &[]).await.unwrap();
    assert!(again
        .account("assistent-sqlite@praktijk.nl")
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn story_on_postgres() {
    // A private schema per run keeps runs independent.
    let Some(pg) = PgScratch::new("sluis_test").await else {
        return;
    };
    let store = pg.store(&[]).await;
    assert_eq!(store.backend(), Backend::Postgres);
    story(&store, "pg").await;
    let again = pg.store(&[]).await;
    assert!(again
        .account("assistent-pg@praktijk.nl")
        .await
        .unwrap()
        .is_some());
    pg.drop_schema().await;
}

#[tokio::test]
async fn audit_chain_verifies_and_names_an_altered_or_removed_event() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("a.db").display());
    let store = Store::connect(&url, 2, &[]).await.unwrap();
    let ev = |tenant: &str, kind: &str| {
        AuditEvent::new(tenant, kind, "system")
            .message("m1")
            .recipient("p@example.nl")
    };
    store
        .append_audit(&[ev("a", "accepted"), ev("b", "accepted"), ev("a", "decided")])
        .await
        .unwrap();
    // A replayed event with a fixed id is stored once; the chain stays whole.
    let mut fixed = ev("a", "accepted");
    fixed.id = Some("m1-0000".into());
    store.append_audit(&[fixed.clone()]).await.unwrap();
    store
        .append_audit(&[fixed, ev("a", "delivered")])
        .await
        .unwrap();
    let chains = chain::verify(&store, None).await.unwrap();
    assert_eq!(chains.len(), 2);
    assert!(chains.iter().all(|c| c.problem.is_none()), "{chains:?}");
    assert_eq!(chains[0].events, 4);
    let noted = chains[0].head.clone();
    // More events later: the noted head is still in the chain.
    store.append_audit(&[ev("a", "opened")]).await.unwrap();
    let chains = chain::verify(&store, Some(&noted)).await.unwrap();
    assert_eq!(chains[0].expected_head_found, Some(true));
    assert!(chains[0].problem.is_none());

    // Someone with write access edits a row behind the trigger's back.
    let pool = store.pool();
    sqlx::query("DROP TRIGGER audit_events_no_update")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE audit_events SET recipient = 'x@example.nl' WHERE chain_seq = 2 AND tenant = 'a'",
    )
    .execute(pool)
    .await
    .unwrap();
    let chains = chain::verify(&store, None).await.unwrap();
    let problem = chains[0].problem.clone().expect("the edit is found");
    assert!(
        problem.contains("seq 2") && problem.contains("altered"),
        "{problem}"
    );
    assert!(chains[1].problem.is_none(), "the other practice is intact");

    // Removing an event (or the tail) is found as well.
    sqlx::query("DROP TRIGGER audit_events_no_delete")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_events WHERE tenant = 'b'")
        .execute(pool)
        .await
        .unwrap();
    let chains = chain::verify(&store, None).await.unwrap();
    let b = chains.iter().find(|c| c.tenant == "b").unwrap();
    assert!(
        b.problem.as_deref().is_some_and(|p| p.contains("removed")),
        "{b:?}"
    );
}

/// Components given by the caller run after `core`, in the order given;
/// each step once, recorded under the component's name, and a reopened
/// database resumes after the recorded version (a step appended later runs
/// alone).
#[tokio::test]
async fn components_migrate_after_core_in_order_and_resume() {
    use schema::{Component, Step};
    const A1: &[Step] = &[&["CREATE TABLE a_one (x BIGINT)"]];
    const A2: &[Step] = &[
        &["CREATE TABLE a_one (x BIGINT)"],
        &["CREATE TABLE a_two (x BIGINT)"],
    ];
    const B: &[Step] = &[&[
        "CREATE TABLE b_one (t TEXT REFERENCES tenants(name))",
        "CREATE TABLE b_two (x BIGINT)",
    ]];
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("c.db").display());
    let first = [
        Component {
            name: "a",
            steps: A1,
            floor: 0,
        },
        Component {
            name: "b",
            steps: B,
            floor: 0,
        },
    ];
    let store = Store::connect(&url, 2, &first).await.unwrap();
    let recorded = |store: Store| async move {
        sqlx::query("SELECT component, version FROM sluis_schema ORDER BY rowid")
            .fetch_all(store.pool())
            .await
            .unwrap()
            .iter()
            .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1)))
            .collect::<Vec<_>>()
    };
    let want = |v: &[(&str, i64)]| {
        v.iter()
            .map(|(c, n)| (c.to_string(), *n))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        recorded(store.clone()).await,
        want(&[("core", 1), ("core", 2), ("core", 3), ("a", 1), ("b", 1)])
    );
    drop(store);
    // Step 1 of `a` would fail if it ran again (the table exists).
    let second = [
        Component {
            name: "a",
            steps: A2,
            floor: 0,
        },
        first[1],
    ];
    let again = Store::connect(&url, 2, &second).await.unwrap();
    assert_eq!(
        recorded(again.clone()).await,
        want(&[
            ("core", 1),
            ("core", 2),
            ("core", 3),
            ("a", 1),
            ("b", 1),
            ("a", 2)
        ])
    );
    sqlx::query("SELECT x FROM a_two")
        .fetch_all(again.pool())
        .await
        .unwrap();
}

/// Rolling upgrades: a build that knows fewer steps than the database has
/// runs on while the newer steps are additive, and refuses to start once a
/// newer build recorded a floor above what it knows.
#[tokio::test]
async fn an_older_build_runs_on_an_additive_schema_and_refuses_one_past_its_floor() {
    use schema::{Component, Step};
    const V1: &[Step] = &[&["CREATE TABLE r_one (x BIGINT)"]];
    const V2: &[Step] = &[
        &["CREATE TABLE r_one (x BIGINT)"],
        &["ALTER TABLE r_one ADD COLUMN y BIGINT NOT NULL DEFAULT 0"],
    ];
    const V3: &[Step] = &[
        &["CREATE TABLE r_one (x BIGINT)"],
        &["ALTER TABLE r_one ADD COLUMN y BIGINT NOT NULL DEFAULT 0"],
        &["CREATE TABLE r_two (x BIGINT)"],
    ];
    const LATER: &[Step] = &[&["CREATE TABLE later_one (x BIGINT)"]];
    let r = |steps, floor| Component {
        name: "r",
        steps,
        floor,
    };
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("r.db").display());
    Store::connect(&url, 2, &[r(V2, 0)]).await.unwrap();
    // Version N on the schema of N+1 (additive): runs, nothing re-applied.
    let old = Store::connect(&url, 2, &[r(V1, 0)]).await.unwrap();
    let status = schema::status(old.pool(), &[r(V1, 0)]).await.unwrap();
    let st = status.iter().find(|s| s.name == "r").unwrap();
    assert_eq!((st.applied, st.known, st.floor), (2, 1, 0));
    assert!(!st.incompatible() && !st.behind());
    // A component only a newer build knows is listed, and harmless.
    Store::connect(
        &url,
        2,
        &[
            r(V2, 0),
            Component {
                name: "later",
                steps: LATER,
                floor: 0,
            },
        ],
    )
    .await
    .unwrap();
    let status = schema::status(old.pool(), &[r(V1, 0)]).await.unwrap();
    assert!(status.iter().any(|s| s.name == "later" && s.known == 0));
    schema::check(&status).unwrap();
    // N+2 breaks what N knows (floor 2): N refuses, N+1 still runs.
    Store::connect(&url, 2, &[r(V3, 2)]).await.unwrap();
    match Store::connect(&url, 2, &[r(V1, 0)]).await {
        Err(StoreError::SchemaTooNew {
            component,
            applied,
            floor,
            known,
        }) => {
            assert_eq!((component.as_str(), applied, floor, known), ("r", 3, 2, 1));
        }
        other => panic!("an older build started on a schema past its floor: {other:?}"),
    }
    Store::connect(&url, 2, &[r(V2, 0)]).await.unwrap();
    // The older build never lowers the floor.
    let status = schema::status(old.pool(), &[r(V2, 0)]).await.unwrap();
    assert_eq!(status.iter().find(|s| s.name == "r").unwrap().floor, 2);
}
